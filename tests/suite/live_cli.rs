//! `trh live`'s facilitator controls on its standard input: status, lock, undoing a
//! device's votes, a fresh code, stop. Only whoever runs `trh live` can type them.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::live_client::{Client, factor_codes_asked};

/// Waits for a line of stderr containing `what`.
fn expect(lines: &Receiver<String>, what: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(l) = lines.recv_timeout(Duration::from_millis(100))
            && l.contains(what)
        {
            return l;
        }
    }
    panic!("trh live never said \"{what}\"");
}

#[test]
fn the_facilitator_types_commands_to_trh_live() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("room.ron");
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let card = trh::generate::generate(&method, 3, 4, 5);
    trh::file::save::save_scorecard(&card, &file).expect("saves");
    let theme = card.themes[0].id.clone();
    let (mut child, mut stdin, err, addr, secret) = start(&file, theme.as_str());
    let mut say = |line: &str| {
        writeln!(stdin, "{line}").expect("typed");
        stdin.flush().expect("flushed");
    };

    let round = {
        let opened = trh::file::load_scorecard(&file).expect("loads");
        let t = opened.theme(&theme).expect("theme");
        trh::model::workshop::round_to_open(t)
    };
    let asked = factor_codes_asked(&card, Some(&theme));
    let mut phone = Client::connect(addr).expect("connects");
    assert_eq!(phone.join(&secret, "p001").expect("join"), 200);
    for (f, levels) in asked.iter().take(3) {
        assert_eq!(
            phone
                .vote(theme.as_str(), round, f, &levels[0])
                .expect("vote"),
            200
        );
    }
    say("status");
    expect(&err, "Devices with a name: 1");
    // The squatter's votes go: the facilitator undoes device 1's votes.
    say("undo-device 1");
    expect(&err, "Cleared 3 vote(s) device 1 had cast");
    say("lock");
    expect(&err, "Locked");
    assert_eq!(
        phone
            .vote(theme.as_str(), round, &asked[0].0, &asked[0].1[1])
            .expect("vote"),
        409
    );
    say("new-code");
    let line = expect(&err, "New room code: ");
    let code: String = line.chars().filter(char::is_ascii_digit).collect();
    let mut other = Client::connect(addr).expect("connects");
    assert_eq!(
        other.join(&code, "p002").expect("join"),
        200,
        "the new code works"
    );
    say("frobnicate");
    expect(&err, "Unknown command");
    say("stop");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(Instant::now() < deadline, "stop stops trh live");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
    let saved = trh::file::load_scorecard(&file).expect("loads");
    let t = saved.theme(&theme).expect("theme");
    let mine = t
        .scores
        .values()
        .flat_map(|s| s.votes.iter())
        .filter(|v| v.round == round && v.participant.as_str() == "p001")
        .count();
    assert_eq!(
        mine, 0,
        "device 1's votes were undone, and the file says so"
    );
    assert!(
        saved
            .log
            .iter()
            .any(|c| c.who == "Facilitator (undoing device 1)"),
        "the undoing is in the change log"
    );
}

/// `trh live FILE --theme THEME` with its standard input piped: the child, its input, its
/// stderr lines, its address and the join secret.
fn start(
    file: &std::path::Path,
    theme: &str,
) -> (
    std::process::Child,
    std::process::ChildStdin,
    Receiver<String>,
    std::net::SocketAddr,
    String,
) {
    let live = crate::trh_live::TrhLive::start(file, theme, 0, Stdio::piped());
    let (addr, secret) = (live.addr(), live.secret().to_owned());
    let mut child = live.child;
    let stdin = child.stdin.take().expect("stdin");
    let (tx, err) = channel();
    let stderr = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        for l in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    (child, stdin, err, addr, secret.to_owned())
}
