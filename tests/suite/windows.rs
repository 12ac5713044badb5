//! trh for Windows, checked from Linux: the cross-built programs (`.ci/windows/build` and
//! `.ci/windows/dist` make them) run under Wine, each test in a Wine prefix of its own (fresh
//! preferences). The window is drawn under Xvfb at 100 % and 150 % display scaling and
//! checked as the Linux smoke test checks it; `trh.exe` is a windowed program and `trh.com`
//! a console one, both with the icon and version information; the zip holds what it should;
//! the installer installs silently without administrator rights, the installed `trh.com` ranks
//! and returns its exit codes, and the silent uninstall leaves nothing behind.
//!
//! Where the programs, Wine or Xvfb are missing the tests say SKIPPED; with
//! `TRH_REQUIRE_WINDOWS=1` (as `.ci/run` sets) they fail instead.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const WINE: &str = "/usr/lib/wine/wine64";
const WINESERVER: &str = "/usr/lib/wine/wineserver";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn release() -> PathBuf {
    root().join("target/windows/x86_64-pc-windows-gnu/release")
}

fn dist() -> PathBuf {
    root().join("target/windows/dist")
}

/// True when the files a test needs (and Wine, and Xvfb if asked) are here; otherwise says
/// why the test is skipped, or fails when `TRH_REQUIRE_WINDOWS=1`.
fn need(test: &str, files: &[PathBuf], xvfb: bool) -> bool {
    let mut missing: Vec<String> = files
        .iter()
        .filter(|f| !f.exists())
        .map(|f| f.display().to_string())
        .collect();
    if !Path::new(WINE).exists() {
        missing.push(format!("{WINE} (apt-get install wine64)"));
    }
    if xvfb && !Path::new("/usr/bin/xvfb-run").exists() {
        missing.push("xvfb-run (apt-get install xvfb)".into());
    }
    if missing.is_empty() {
        return true;
    }
    let why = format!(
        "{} missing (make them with bash .ci/windows/dist)",
        missing.join(", ")
    );
    assert!(
        !std::env::var("TRH_REQUIRE_WINDOWS").is_ok_and(|v| v == "1"),
        "TRH_REQUIRE_WINDOWS=1 but {why}"
    );
    eprintln!("SKIPPED: {test}: {why}");
    false
}

/// A Wine prefix of the test's own, made (with the test shim) by `.ci/windows/wine-runner`.
struct Wine {
    prefix: tempfile::TempDir,
}

impl Wine {
    fn new() -> Self {
        let w = Self {
            prefix: tempfile::tempdir().expect("tmp"),
        };
        let out = w.run(&["cmd", "/c", "ver"]);
        assert!(out.status.success(), "wine starts: {}", text(&out.stderr));
        w
    }

    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(root().join(".ci/windows/wine-runner"));
        c.arg(program)
            .env("TRH_WINEPREFIX", self.prefix.path())
            .env("WINEDEBUG", "-all");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self
            .command(args[0])
            .args(&args[1..])
            .output()
            .expect("wine runs");
        self.wait();
        out
    }

    /// Waits until every program in the prefix has ended (the uninstaller runs a copy of
    /// itself) and the registry is written out.
    fn wait(&self) {
        let _ = Command::new(WINESERVER)
            .arg("-w")
            .env("WINEPREFIX", self.prefix.path())
            .status();
    }

    /// The user's folder inside the prefix (`C:\users\NAME`).
    fn user_dir(&self) -> PathBuf {
        let users = self.prefix.path().join("drive_c/users");
        std::fs::read_dir(&users)
            .expect("users")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.file_name().is_some_and(|n| n != "Public"))
            .expect("a user folder")
    }

    /// The user's registry as Wine writes it out (`user.reg`).
    fn user_registry(&self) -> String {
        self.wait();
        std::fs::read_to_string(self.prefix.path().join("user.reg")).expect("user.reg")
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `Z:\…`: how a Windows program under Wine names a Linux path.
fn windows_path(p: &Path) -> String {
    format!("Z:{}", p.display()).replace('/', "\\")
}

/// The PE subsystem: 2 is a windowed program, 3 a console one.
fn subsystem(exe: &[u8]) -> u16 {
    let pe = u32::from_le_bytes(exe[0x3C..0x40].try_into().expect("4 bytes")) as usize;
    assert_eq!(&exe[pe..pe + 4], b"PE\0\0", "a PE file");
    let optional = pe + 4 + 20;
    u16::from_le_bytes([exe[optional + 68], exe[optional + 69]])
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_programs_are_windowed_and_console_with_icon_and_version() {
    let (exe, com) = (release().join("trh.exe"), release().join("trh-console.exe"));
    if !need(
        "the Windows programs' headers",
        &[exe.clone(), com.clone()],
        false,
    ) {
        return;
    }
    let exe = std::fs::read(exe).expect("trh.exe");
    let com = std::fs::read(com).expect("trh-console.exe");
    assert_eq!(subsystem(&exe), 2, "trh.exe opens no console window");
    assert_eq!(subsystem(&com), 3, "trh.com is a console program");
    for bin in [&exe, &com] {
        assert!(
            contains(bin, &utf16("FileDescription")),
            "version information"
        );
        assert!(
            contains(bin, &utf16(env!("CARGO_PKG_VERSION"))),
            "the version"
        );
        // The icon directory's header: reserved 0, type 1 (icon), six images.
        assert!(contains(bin, &[0, 0, 1, 0, 6, 0]), "the icon");
    }
}

/// The window as a person meets it on Windows: trh.exe with fresh preferences opens the
/// bundled sample; at 150 % scaling (Wine's LogPixels 144, as on most laptops) every point
/// is one and a half pixels.
#[test]
fn the_windows_window_at_100_and_150_percent_under_wine_and_xvfb() {
    let exe = release().join("trh.exe");
    if !need(
        "the Windows window under Wine",
        std::slice::from_ref(&exe),
        true,
    ) {
        return;
    }
    let wine = Wine::new();
    let keep = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for (percent, dpi) in [(100, 96), (150, 144)] {
        let set = wine.run(&[
            "reg",
            "add",
            "HKCU\\Control Panel\\Desktop",
            "/v",
            "LogPixels",
            "/t",
            "REG_DWORD",
            "/d",
            &dpi.to_string(),
            "/f",
        ]);
        assert!(set.status.success(), "{}", text(&set.stderr));
        let out = wine.prefix.path().join(format!("windows-{percent}.png"));
        let status = Command::new("xvfb-run")
            // Its own range of display numbers, so it never races the Linux smoke test's
            // xvfb-run (which starts at 99) for the same one.
            .args(["-a", "-n", "70", "-s", "-screen 0 1920x1080x24"])
            .arg(root().join(".ci/windows/wine-runner"))
            .arg(&exe)
            .arg("--screenshot")
            .arg(windows_path(&out))
            .args(["--size", "1024x640"])
            .env("TRH_WINEPREFIX", wine.prefix.path())
            .env("WINEDEBUG", "-all")
            .status()
            .expect("xvfb-run runs");
        wine.wait();
        assert!(
            status.success(),
            "{percent} %: trh.exe exited with {status}"
        );
        // Drawn at the display's scale: every point is `percent` % of a pixel.
        let scale = f64::from(percent) / 100.0;
        let want = (
            (1024.0 * scale).round() as u32,
            (640.0 * scale).round() as u32,
        );
        crate::smoke::check_png(&out, want);
        // Kept for a person to look at (target/tmp/windows-100.png, windows-150.png).
        let _ = std::fs::copy(&out, keep.join(format!("windows-{percent}.png")));
    }
}

#[test]
fn the_zip_holds_both_programs_the_readme_and_the_samples_and_no_test_shim() {
    let version = env!("CARGO_PKG_VERSION");
    let zip_file = dist().join(format!("trh-{version}-windows-x64.zip"));
    if !need("the Windows zip", std::slice::from_ref(&zip_file), false) {
        return;
    }
    let file = std::fs::File::open(&zip_file).expect("zip");
    let archive = zip::ZipArchive::new(file).expect("a zip");
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.expect("a name").into_owned())
        .collect();
    for want in [
        "trh.exe",
        "trh.com",
        "README.md",
        "scorecards/plymouth-style-2018.ron",
    ] {
        let path = format!("trh-{version}/{want}");
        assert!(names.contains(&path), "{path} in {names:?}");
    }
    assert!(
        names
            .iter()
            .all(|n| !n.to_ascii_lowercase().contains("bcryptprimitives")),
        "the Wine test shim is never shipped"
    );
}

/// The installer as an IT-managed user runs it: silently, with no administrator rights, into
/// their own programs folder; the installed trh.com works from the command line; the silent
/// uninstall removes the program, its Start menu entry, its PATH entry and every registry key
/// it wrote.
#[test]
fn the_installer_installs_and_uninstalls_silently_for_one_user_under_wine() {
    let setup = dist().join(format!("trh-{}-setup.exe", env!("CARGO_PKG_VERSION")));
    if !need("the Windows installer", std::slice::from_ref(&setup), false) {
        return;
    }
    let wine = Wine::new();
    let out = wine.run(&[setup.to_str().expect("utf8"), "/S"]);
    assert!(out.status.success(), "setup /S: {}", text(&out.stderr));
    let user = wine.user_dir();
    let dir = user.join("AppData/Local/Programs/trh");
    for f in [
        "trh.exe",
        "trh.com",
        "README.md",
        "uninstall.exe",
        "scorecards/plymouth-style-2018.ron",
    ] {
        assert!(dir.join(f).is_file(), "installed {f} in {}", dir.display());
    }
    let menu = user.join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs/trh.lnk");
    assert!(menu.is_file(), "a Start menu entry");
    if let Some(home) = std::env::var_os("HOME") {
        let linux_menu =
            Path::new(&home).join(".local/share/applications/wine/Programs/trh.desktop");
        assert!(
            !linux_menu.exists(),
            "the test leaves this machine's own menus alone"
        );
    }
    let reg = wine.user_registry();
    assert!(
        reg.contains("[Software\\\\Classes\\\\.ron\\\\OpenWithProgids]"),
        "Open with"
    );
    assert!(
        reg.contains("\"trh.scorecard\"=\"\""),
        "trh among .ron's Open-with choices"
    );
    assert!(
        !reg.lines()
            .any(|l| l.starts_with("[Software\\\\Classes\\\\.ron]")),
        ".ron's default program is left alone"
    );
    assert!(
        reg.contains("Uninstall\\\\trh]"),
        "listed in the user's installed apps"
    );
    assert!(!reg.contains("HKEY_LOCAL_MACHINE"), "nothing for all users");

    let path_line = reg
        .lines()
        .find(|l| l.starts_with("\"Path\"="))
        .unwrap_or_default();
    assert!(
        path_line.contains("AppData\\\\Local\\\\Programs\\\\trh"),
        "the folder joins the user's PATH: {path_line}"
    );

    // Typed in a new cmd window, `trh` is found on the PATH and is trh.com (a console
    // program, preferred to trh.exe): it prints and returns its exit codes.
    let sample = windows_path(&dir.join("scorecards/plymouth-style-2018.ron"));
    let typed = format!("trh rank {sample} --top 3");
    let ranked = wine.run(&["cmd", "/c", &typed]);
    assert!(
        ranked.status.success(),
        "trh rank: {}",
        text(&ranked.stderr)
    );
    assert!(
        text(&ranked.stdout).contains("Domestic"),
        "{}",
        text(&ranked.stdout)
    );
    let com = dir.join("trh.com");
    let missing = wine.run(&[com.to_str().expect("utf8"), "rank", "Z:\\no\\such.ron"]);
    assert_eq!(missing.status.code(), Some(1), "a failure's exit code");
    assert!(
        text(&missing.stderr).contains("such.ron"),
        "{}",
        text(&missing.stderr)
    );

    let out = wine.run(&[dir.join("uninstall.exe").to_str().expect("utf8"), "/S"]);
    assert!(out.status.success(), "uninstall /S: {}", text(&out.stderr));
    wine.wait();
    assert!(!dir.exists(), "the program's folder is removed");
    assert!(!menu.exists(), "the Start menu entry is removed");
    let reg = wine.user_registry();
    assert!(
        !reg.lines()
            .any(|l| l.starts_with("\"Path\"=") && l.contains("Programs\\\\trh")),
        "the folder leaves the user's PATH"
    );
    for key in [
        "trh.scorecard",
        "Applications\\\\trh.exe",
        "Uninstall\\\\trh]",
        "Software\\\\trh]",
    ] {
        assert!(!reg.contains(key), "{key} is left in the registry");
    }
}
