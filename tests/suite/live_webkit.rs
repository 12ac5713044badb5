//! The participant's page in WebKit (Safari's engine) through WebKitGTK's WebDriver
//! (`webkit2gtk-driver`) under Xvfb, at phone size: join, vote, then trh live is killed and
//! the person votes on: the page must show at the top that it is not connected and that 2
//! votes wait, and mark them unsent where they are. trh live is started again on the same
//! file and port (the same room) and the waiting votes go out by themselves; all four are in
//! the saved file. Driven by tests/browser/webkit.mjs.
//!
//! Without WebKitWebDriver, Xvfb or node the test says it was skipped; with
//! TRH_REQUIRE_BROWSER set it fails instead.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NAME: &str = "Priya Shah";
const PARTICIPANT: &str = "p2";
const THEME: &str = "da-sv";

fn missing() -> Option<String> {
    for (tool, why) in [
        ("WebKitWebDriver", "webkit2gtk-driver is not installed"),
        ("Xvfb", "Xvfb is not installed"),
        ("node", "node is not installed"),
    ] {
        let found = std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).exists()));
        if !found {
            return Some(why.into());
        }
    }
    None
}

/// Kills the child when dropped.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// `trh live` on `port`: the child, its join link and code.
fn trh_live(file: &Path, port: u16) -> (Reaped, String, String) {
    let live = crate::trh_live::TrhLive::start(file, THEME, port, Stdio::null());
    let (join, code) = (live.join, live.code);
    (Reaped(live.child), join, code)
}

/// Waits until `port` on loopback takes connections.
fn listening(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "port {port} never opened");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn an_offline_phone_in_webkit_says_so_and_sends_its_votes_when_trh_is_back() {
    if crate::skip::on_windows("the live-voting page in WebKit", "WebKitGTK, Xvfb and node") {
        return;
    }
    if let Some(why) = missing() {
        assert!(
            std::env::var_os("TRH_REQUIRE_BROWSER").is_none(),
            "TRH_REQUIRE_BROWSER is set but {why}"
        );
        eprintln!("SKIPPED: {why}, so the live-voting page was not driven in WebKit");
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("workshop.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scorecards/plymouth-style-2018.ron"),
        &file,
    )
    .expect("copy");
    let (_xvfb, _driver, wd_port) = webdriver();
    let port = free_port();
    let (mut server, join, code) = trh_live(&file, port);
    let base = join.split("?k=").next().expect("base").to_owned();
    let shot = std::env::var_os("TRH_WEBKIT_OFFLINE_SHOT").unwrap_or_else(|| "-".into());
    let mut node = Command::new("node")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser"))
        .arg("webkit.mjs")
        .args([&format!("http://127.0.0.1:{wd_port}"), &base, &code, NAME])
        .arg(&shot)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let mut to_node = node.stdin.take().expect("node stdin");
    let mut last = String::new();
    for line in BufReader::new(node.stdout.take().expect("node stdout")).lines() {
        let line = line.expect("node output");
        match line.as_str() {
            // trh goes away under the phone.
            "KILL" => {
                drop(server);
                server = Reaped(Command::new("true").spawn().expect("placeholder"));
            }
            // trh comes back on the same file and port: the same room.
            "RESTART" => {
                let (again, join2, _) = trh_live(&file, port);
                assert_eq!(join2, join, "the same room after the restart");
                server = again;
                listening(port);
            }
            _ => {
                last = line;
                continue;
            }
        }
        writeln!(to_node, "go").expect("told node");
        to_node.flush().expect("flushed");
    }
    let status = node.wait().expect("node ends");
    assert!(status.success(), "node: {last}");
    let given: serde_json::Value = serde_json::from_str(&last).expect("votes as JSON");
    // SIGTERM: trh live saves and exits.
    let _ = Command::new("kill")
        .args(["-TERM", &server.0.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.0.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let card = trh::file::load_scorecard(&file).expect("saved file loads");
    let theme = card.find_theme(THEME).expect("theme");
    let round = trh::model::workshop::latest_round(theme);
    let map = given.as_object().expect("object");
    assert_eq!(map.len(), 4, "four votes given");
    for (factor, pick) in map {
        let (_, f) = card.method.factor(factor).expect("factor");
        let want = f.scale.values()[usize::try_from(pick.as_u64().expect("index")).expect("n")];
        let got: Vec<_> = theme.scores[&trh::model::FactorId::from(factor.as_str())]
            .votes
            .iter()
            .filter(|v| v.round == round && v.participant.as_str() == PARTICIPANT)
            .map(|v| v.value)
            .collect();
        assert_eq!(got, vec![want], "{factor}: the vote, once, in the file");
    }
}

/// A display of its own, and WebKit's WebDriver on it: both processes and the driver's port.
fn webdriver() -> (Reaped, Reaped, u16) {
    // A display of its own, and the WebDriver on it.
    let display = format!(":{}", 120 + std::process::id() % 200);
    let xvfb = Reaped(
        Command::new("Xvfb")
            .args([&display, "-screen", "0", "1024x900x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts"),
    );
    std::thread::sleep(Duration::from_millis(500));
    let wd_port = free_port();
    let driver = Reaped(
        Command::new("WebKitWebDriver")
            .arg(format!("--port={wd_port}"))
            .env("DISPLAY", &display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("WebKitWebDriver starts"),
    );
    listening(wd_port);
    (xvfb, driver, wd_port)
}
