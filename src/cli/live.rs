//! `trh live`: the live-voting server without a window.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, bail};

use crate::document::{Document, refusal_note};
use crate::live::kiosk::{Kiosk, Step, round_to_open};
use crate::live::session::Session;
use crate::live::{Config, net};

/// The address to listen on when none is given: the best interface, else loopback.
fn default_bind() -> IpAddr {
    net::choices()
        .into_iter()
        .find(|c| {
            matches!(
                c.kind,
                net::Kind::WiFi | net::Kind::Wired | net::Kind::Other
            )
        })
        .map_or(IpAddr::from([127, 0, 0, 1]), |c| c.ip)
}

/// Sets `flag` on SIGINT or SIGTERM (on a thread of its own).
fn on_signal(flag: Arc<AtomicBool>) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    std::thread::Builder::new()
        .name("trh-signals".into())
        .spawn(move || {
            runtime.block_on(async {
                #[cfg(unix)]
                {
                    use tokio::signal::unix::{SignalKind, signal};
                    let (Ok(mut term), Ok(mut int)) = (
                        signal(SignalKind::terminate()),
                        signal(SignalKind::interrupt()),
                    ) else {
                        return;
                    };
                    tokio::select! {
                        _ = term.recv() => {}
                        _ = int.recv() => {}
                    }
                }
                #[cfg(not(unix))]
                {
                    let _ = tokio::signal::ctrl_c().await;
                }
            });
            flag.store(true, Ordering::SeqCst);
        })?;
    Ok(())
}

pub(super) fn run(
    path: &Path,
    bind: Option<IpAddr>,
    port: u16,
    theme: Option<&str>,
) -> anyhow::Result<()> {
    let card = super::load::load(path)?;
    // A theme that is not there is refused before anything starts.
    opening(&card, path, theme)?;
    if card.participants.iter().all(|p| !p.present) {
        eprintln!(
            "warning: {}: nobody is marked present, so nobody can join",
            path.display()
        );
    }
    let addr = SocketAddr::new(bind.unwrap_or_else(default_bind), port);
    if let Some(note) = crate::live::reach::firewall_note(cfg!(windows)) {
        eprintln!("{note}");
    }
    let stop = Arc::new(AtomicBool::new(false));
    on_signal(stop.clone())?;
    let doc = Document::new(card, Some(path.to_path_buf()), "");
    // Votes a session on this file acknowledged before it ended unexpectedly come back
    // first; the round opens after, in the file, before anyone can vote in it.
    let mut kiosk = Kiosk::start(doc, Session::default(), Config::new(addr))
        .with_context(|| format!("cannot listen on {addr}"))?;
    tell_recovered(&kiosk.recovered, path);
    if kiosk.resumed {
        eprintln!(
            "{}: the room of the session that ended unexpectedly is resumed: phones reconnect \
             by themselves (same code; use the same port).",
            path.display()
        );
    }
    let session = opening(kiosk.card(), path, theme)?;
    kiosk
        .facilitate(None, session)
        .with_context(|| format!("{}: cannot open the round", path.display()))?;
    let server = kiosk.server();
    let mut out = std::io::stdout().lock();
    writeln!(out, "join: {}", server.join_url())?;
    writeln!(out, "code: {}", server.code())?;
    out.flush()?;
    drop(out);
    eprintln!(
        "Listening on {} (plain HTTP on this network: use one the partnership controls). \
         Stop with Ctrl+C. Type help for the facilitator's commands.",
        server.addr()
    );
    serve(&mut kiosk, path, &stop);
    let (_, refused) = kiosk.stop()?;
    if let Some(note) = refusal_note(&refused) {
        eprintln!("warning: {note}");
    }
    eprintln!("Stopped; {} saved.", path.display());
    Ok(())
}

/// Says on stderr what an earlier session's journal gave back.
fn tell_recovered(recovered: &crate::file::journal::Recovered, path: &Path) {
    if !recovered.votes.is_empty() {
        eprintln!(
            "{}: {} vote(s) from a live session that ended unexpectedly were recovered from \
             its journal and saved.",
            path.display(),
            recovered.votes.len()
        );
    }
    for line in &recovered.skipped {
        eprintln!("warning: not recovered: {line}");
    }
    if let Some(aside) = &recovered.set_aside {
        eprintln!(
            "warning: {} was changed since its live-voting journal was written, so the \
             journal's votes were not applied; it is kept as {}.",
            path.display(),
            aside.display()
        );
    }
}

/// The session that opens the theme named for voting, if any, in the round
/// [`round_to_open`] says: a round with votes still hidden (a session that ended before it was
/// revealed) is resumed, not replaced by a new one.
fn opening(
    card: &crate::model::Scorecard,
    path: &Path,
    theme: Option<&str>,
) -> anyhow::Result<Session> {
    let mut session = Session::default();
    let Some(key) = theme else {
        return Ok(session);
    };
    let Some(t) = card.find_theme(key) else {
        bail!(
            "{}: there is no theme \"{key}\" (give its id or name)",
            path.display()
        );
    };
    let round = round_to_open(card, &t.id).context("theme")?;
    session.open = Some((t.id.clone(), round));
    Ok(session)
}

/// Applies votes and saves until `stop` is set, saying on stderr what the facilitator must
/// know: nobody joining after a while (once), votes the model refuses (as the window says them
/// in a notice), and a save that fails (once, and when it works again; voting goes on and
/// nothing accepted is dropped).
fn serve(kiosk: &mut Kiosk, path: &Path, stop: &AtomicBool) {
    let mut failing = false;
    let started = std::time::Instant::now();
    let mut joined = false;
    let mut code_off = false;
    let commands = super::live_commands::read_stdin();
    while !stop.load(Ordering::SeqCst) {
        if commands
            .try_iter()
            .any(|line| super::live_commands::run(kiosk, &line))
        {
            break;
        }
        let off = kiosk.server().code_disabled();
        if off && !code_off {
            eprintln!(
                "warning: the room code was turned off: too many wrong codes came in, so \
                 someone may be guessing. The QR link still works; type new-code for a fresh \
                 code."
            );
        }
        code_off = off;
        for notice in kiosk.server().take_notices() {
            eprintln!("warning: {notice}");
        }
        if !joined {
            let server = kiosk.server();
            let devices = server.claimed().len() + server.waiting().len();
            let hint = crate::live::reach::nobody_joined(cfg!(windows), started.elapsed(), devices);
            if let Some(hint) = &hint {
                eprintln!("{hint}");
            }
            joined = devices > 0 || hint.is_some();
        }
        let step = kiosk.step(Duration::from_millis(200));
        if let Ok(Step { refused, .. }) = &step
            && let Some(note) = refusal_note(refused)
        {
            eprintln!("warning: {note}");
        }
        match step {
            Ok(_) if failing => {
                eprintln!("Saved {} again.", path.display());
                failing = false;
            }
            Ok(_) => {}
            Err(e) if !failing => {
                eprintln!(
                    "error: cannot save {}: {e} (will keep trying)",
                    path.display()
                );
                failing = true;
            }
            Err(_) => {}
        }
    }
}
