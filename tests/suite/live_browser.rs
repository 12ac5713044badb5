//! The participant's page in a real browser: `trh live` (the real binary) serves a copy of
//! the sample, and tests/browser/live.mjs drives Debian's chromium with playwright-core at
//! 390 × 844: join by code, pick a name, vote on every factor, reload half-way. The test then
//! stops `trh live` with SIGTERM and checks the votes in the saved file.
//!
//! Needs node, chromium and `npm ci` in tests/browser (.ci/run does all three). Without them
//! the test says it was skipped; with TRH_REQUIRE_BROWSER set it fails instead.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const NAME: &str = "Priya Shah";
const PARTICIPANT: &str = "p2";
const THEME: &str = "da-sv";

fn missing() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".into());
    }
    if !Path::new("/usr/bin/chromium").exists() && std::env::var_os("CHROMIUM").is_none() {
        return Some("chromium is not installed".into());
    }
    if !dir.join("node_modules/playwright-core").exists() {
        return Some("playwright-core is not installed (run `npm ci` in tests/browser)".into());
    }
    None
}

/// True (having said why) when the browser test `what` cannot run here: on Windows, or
/// without node, Chromium or playwright-core (a failure when TRH_REQUIRE_BROWSER is set).
fn skipped(what: &str) -> bool {
    if crate::skip::on_windows(what, "node, Chromium and kill") {
        return true;
    }
    let Some(why) = missing() else {
        return false;
    };
    assert!(
        std::env::var_os("TRH_REQUIRE_BROWSER").is_none(),
        "TRH_REQUIRE_BROWSER is set but {why}"
    );
    eprintln!("SKIPPED: {why}, so {what} was not tried");
    true
}

#[test]
fn a_participant_joins_votes_on_every_factor_and_reloads_in_chromium() {
    if skipped("the live-voting page in a browser") {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("workshop.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scorecards/plymouth-style-2018.ron"),
        &file,
    )
    .expect("copy");
    let live = crate::trh_live::TrhLive::start(&file, THEME, 0, Stdio::inherit());
    let (url, code, base) = (live.join.clone(), live.code.clone(), live.base().to_owned());
    let mut server = live.child;
    assert!(url.contains("?k=") && code.len() == 6, "{url} {code}");
    let mut to_trh = server.stdin.take().expect("trh stdin");
    let given = drive_phone(&base, &code, &mut to_trh);
    // SIGTERM: trh live saves and exits 0.
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = wait(&mut server, Duration::from_secs(10));
    assert_eq!(status, Some(0), "trh live exits 0 on SIGTERM");
    let card = trh::file::load_scorecard(&file).expect("saved file loads");
    let theme = card.find_theme(THEME).expect("theme");
    let round = trh::model::workshop::latest_round(theme);
    assert!(
        theme.hidden_rounds.contains(&round),
        "the round is still hidden"
    );
    let map = given.as_object().expect("object");
    let asked = card
        .method
        .factors()
        .filter(|(_, f)| trh::model::workshop::is_asked(&card, theme, &f.id))
        .count();
    assert_eq!(map.len(), asked, "every factor asked about was voted");
    for (factor, pick) in map {
        let (_, f) = card.method.factor(factor).expect("factor");
        let votes: Vec<_> = theme.scores[&trh::model::FactorId::from(factor.as_str())]
            .votes
            .iter()
            .filter(|v| v.round == round && v.participant.as_str() == PARTICIPANT)
            .collect();
        assert_eq!(votes.len(), 1, "{factor}: exactly one vote, reload or not");
        let want = f.scale.values()[usize::try_from(pick.as_u64().expect("index")).expect("n")];
        assert_eq!(votes[0].value, want, "{factor}");
    }
    let devices = card
        .log
        .iter()
        .filter(|c| c.who.starts_with(&format!("{NAME} (via device ")))
        .count();
    assert!(devices >= map.len(), "{devices} votes logged via device");
}

fn wait(child: &mut std::process::Child, limit: Duration) -> Option<i32> {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        if let Ok(Some(s)) = child.try_wait() {
            return s.code();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    None
}

/// Runs tests/browser/live.mjs against `base` with `code`; when it says LOCK, locks the round
/// through trh live's standard input (`to_trh`). The votes the phone gave, as JSON.
fn drive_phone(base: &str, code: &str, to_trh: &mut std::process::ChildStdin) -> serde_json::Value {
    // "-" for a screenshot not asked for.
    let shots = ["TRH_PHONE_SHOT", "TRH_PHONE_OFFLINE_SHOT"]
        .map(|v| std::env::var_os(v).unwrap_or_else(|| "-".into()));
    let mut node = Command::new("node")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser"))
        .arg("live.mjs")
        .args([base, code, NAME])
        .args(&shots)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let mut to_node = node.stdin.take().expect("node stdin");
    let mut last = String::new();
    for line in BufReader::new(node.stdout.take().expect("node stdout")).lines() {
        let line = line.expect("node output");
        if line == "LOCK" {
            // The facilitator locks the round while the phone is offline.
            writeln!(to_trh, "lock").expect("typed to trh live");
            to_trh.flush().expect("flushed");
            std::thread::sleep(Duration::from_millis(500));
            writeln!(to_node, "locked").expect("told node");
            to_node.flush().expect("flushed");
        } else {
            last = line;
        }
    }
    let status = node.wait().expect("node ends");
    assert!(status.success(), "node: {last}");
    serde_json::from_str(&last).expect("votes as JSON")
}

/// A fine number scale on a phone in chromium (tests/browser/decimal.mjs): a number box, not a
/// button per value; 6.33 refused on the page in the scale's words; 6.3 recorded as "6.3".
#[test]
fn a_phone_types_a_decimal_score_in_chromium() {
    if crate::skip::on_windows(
        "a decimal score typed in a browser",
        "node, Chromium and kill",
    ) {
        return;
    }
    if let Some(why) = missing() {
        assert!(
            std::env::var_os("TRH_REQUIRE_BROWSER").is_none(),
            "TRH_REQUIRE_BROWSER is set but {why}"
        );
        eprintln!("SKIPPED: {why}, so a decimal score was not typed in a browser");
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("decimal.ron");
    let card = crate::decimal::card();
    let theme = card.themes[0].id.to_string();
    trh::file::save::save_scorecard(&card, &file).expect("saves");
    let live = crate::trh_live::TrhLive::start(&file, &theme, 0, Stdio::inherit());
    let (base, code) = (live.base().to_owned(), live.code.clone());
    let mut server = live.child;
    let out = Command::new("node")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser"))
        .args(["decimal.mjs", &base, &code, "Ann Lee"])
        .output()
        .expect("node runs");
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    let mut to_trh = server.stdin.take().expect("trh stdin");
    writeln!(to_trh, "stop").expect("told trh");
    to_trh.flush().expect("flushed");
    let status = wait(&mut server, Duration::from_secs(10));
    assert!(
        out.status.success(),
        "node: {said} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(status, Some(0), "trh live stops");
    let card = trh::file::load_scorecard(&file).expect("saved file loads");
    let (_, f) = card.method.factor("harm_score").expect("factor");
    let votes: Vec<String> = card.themes[0].scores[&trh::model::FactorId::from("harm_score")]
        .votes
        .iter()
        .map(|v| f.scale.code(v.value))
        .collect();
    assert_eq!(votes, ["6.3"], "{said}");
}
