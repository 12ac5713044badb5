//! Real-window smoke test: runs `trh --screenshot` under Xvfb and checks the PNG is the size
//! asked for and not blank. Where Xvfb is missing the test says it was skipped (and fails if
//! `TRH_REQUIRE_SMOKE=1`, as `.ci/run` sets after installing it).

use std::path::Path;
use std::process::Command;

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn screenshot_of_the_real_window_under_xvfb() {
    if crate::skip::on_windows("the real-window smoke test", "Xvfb") {
        return;
    }
    let required = std::env::var("TRH_REQUIRE_SMOKE").is_ok_and(|v| v == "1");
    if !have("xvfb-run") {
        assert!(
            !required,
            "TRH_REQUIRE_SMOKE=1 but xvfb-run is not installed"
        );
        eprintln!(
            "SKIPPED: real-window smoke test (xvfb-run not found; install the packages listed in .ci/run)"
        );
        println!("SKIPPED: real-window smoke test: xvfb-run not found");
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    for (view, (w, h)) in [("scorecard", (1280, 800)), ("matrix", (1600, 900))] {
        let out = dir.path().join(format!("{view}.png"));
        let status = Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1920x1080x24"])
            .arg(env!("CARGO_BIN_EXE_trh"))
            .arg("--screenshot")
            .arg(&out)
            .args(["--size", &format!("{w}x{h}"), "--view", view])
            .env("XDG_DATA_HOME", dir.path())
            .status()
            .expect("xvfb-run runs");
        assert!(status.success(), "{view}: trh exited with {status}");
        check_png(&out, (w, h));
    }
}

/// The PNG is `(w, h)` pixels and not blank (more than 16 colours among every 61st pixel).
pub(crate) fn check_png(path: &Path, (w, h): (u32, u32)) {
    let img = image::open(path).expect("a PNG").to_rgba8();
    assert_eq!(img.dimensions(), (w, h), "{}", path.display());
    let mut colours: Vec<[u8; 4]> = img.pixels().step_by(61).map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() > 16,
        "{} looks blank: {} colours",
        path.display(),
        colours.len()
    );
}
