//! The facilitator's controls for `trh live`, typed on its standard input one per line
//! (`help` lists them). Only whoever runs `trh live` can type them: nothing on the network
//! reaches them. Each answers on standard error.

use std::sync::mpsc::{Receiver, channel};

use crate::live::kiosk::{Kiosk, round_to_open};
use crate::model::{Edit, ParticipantId, Scorecard};

/// What the commands are.
pub const HELP: &str = "Commands (type one and press Enter):
  status            what is open, who has voted, the devices
  open THEME        open a theme (id or name) for voting: its hidden round, else a new one
  close             close the theme: phones wait for the next
  lock | unlock     stop or restart taking votes in the open round
  reveal            show the room the round's votes (the round closes to phones)
  release NAME      free a name a device holds (the device loses access)
  assign N NAME     give waiting device N a name
  undo-device N     clear the votes device N cast last in the open round
  new-code          a fresh room code (after guessing turned the old one off)
  stop              save and stop (as Ctrl+C)";

/// Reads standard input on a thread of its own; lines arrive on the channel. At the end of
/// the input (none given, or closed) the channel simply stays empty.
pub fn read_stdin() -> Receiver<String> {
    let (tx, rx) = channel();
    let _ = std::thread::Builder::new()
        .name("trh-live-stdin".into())
        .spawn(move || {
            for line in std::io::stdin().lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
    rx
}

/// A participant by id or name (any case).
fn person(card: &Scorecard, key: &str) -> Option<ParticipantId> {
    let key = key.trim();
    card.participants
        .iter()
        .find(|p| p.id.as_str() == key || p.name.eq_ignore_ascii_case(key))
        .map(|p| p.id.clone())
}

/// Carries out one command line. Returns true for `stop`.
pub fn run(kiosk: &mut Kiosk, line: &str) -> bool {
    let line = line.trim();
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let rest = rest.trim();
    let said = match word {
        "" => return false,
        "stop" | "quit" => return true,
        "help" | "?" => HELP.to_owned(),
        "status" => status(kiosk),
        "open" => open(kiosk, rest),
        "close" => {
            let mut s = kiosk.session().clone();
            s.open = None;
            done(
                kiosk.facilitate(None, s),
                "Closed: phones wait for the next theme.",
            )
        }
        "lock" | "unlock" => {
            let mut s = kiosk.session().clone();
            s.locked = word == "lock";
            let what = if s.locked {
                "Locked: no more votes."
            } else {
                "Unlocked: phones may vote."
            };
            done(kiosk.facilitate(None, s), what)
        }
        "reveal" => reveal(kiosk),
        "release" => match person(kiosk.card(), rest) {
            Some(id) if kiosk.server().release(&id) => format!("Released {rest}."),
            Some(_) => format!("No device holds {rest}."),
            None => format!("Nobody is called \"{rest}\"."),
        },
        "assign" => assign(kiosk, rest),
        "undo-device" => match rest.parse::<u32>() {
            Ok(n) => match kiosk.undo_device(n) {
                Ok(k) => format!("Cleared {k} vote(s) device {n} had cast."),
                Err(e) => format!("error: {e}"),
            },
            Err(_) => "Give the device's number: undo-device 3".to_owned(),
        },
        "new-code" => format!(
            "New room code: {} (the old one no longer works).",
            kiosk.server().fresh_code()
        ),
        _ => format!("Unknown command \"{word}\". Type help for the list."),
    };
    eprintln!("{said}");
    false
}

fn done(r: Result<(), crate::model::EditError>, said: &str) -> String {
    match r {
        Ok(()) => said.to_owned(),
        Err(e) => format!("error: {e}"),
    }
}

fn status(kiosk: &Kiosk) -> String {
    let card = kiosk.card();
    let server = kiosk.server();
    let open = kiosk.session().open.as_ref().and_then(|(id, round)| {
        let t = card.theme(id)?;
        let turnout = crate::model::workshop::turnout(card, t, *round);
        Some(format!(
            "{} (round {round}): {}",
            t.name,
            turnout.describe()
        ))
    });
    let code = if server.code_disabled() {
        "turned off (type new-code)".to_owned()
    } else {
        server.code()
    };
    format!(
        "Open: {}{}\nDevices with a name: {}; waiting for a name: {:?}\nRoom code: {code}",
        open.as_deref().unwrap_or("nothing"),
        if kiosk.session().locked {
            " (locked)"
        } else {
            ""
        },
        server.claimed().len(),
        server.waiting()
    )
}

fn open(kiosk: &mut Kiosk, key: &str) -> String {
    let card = kiosk.card();
    let Some(t) = card.find_theme(key) else {
        return format!("There is no theme \"{key}\" (give its id or name).");
    };
    let id = t.id.clone();
    let name = t.name.clone();
    let Some(round) = round_to_open(card, &id) else {
        return format!("There is no theme \"{key}\".");
    };
    let mut s = kiosk.session().clone();
    s.locked = false;
    s.open = Some((id, round));
    done(
        kiosk.facilitate(None, s),
        &format!("Open on phones: {name}, round {round}."),
    )
}

fn reveal(kiosk: &mut Kiosk) -> String {
    let Some((id, round)) = kiosk.session().open.clone() else {
        return "Nothing is open.".to_owned();
    };
    let edit = Edit::SetRoundHidden {
        theme: id,
        round,
        hidden: false,
    };
    let mut s = kiosk.session().clone();
    s.locked = true;
    done(
        kiosk.facilitate(Some(&edit), s),
        "Revealed: the round is closed to phones.",
    )
}

fn assign(kiosk: &mut Kiosk, rest: &str) -> String {
    let (n, name) = rest.split_once(' ').unwrap_or((rest, ""));
    let Ok(n) = n.parse::<u32>() else {
        return "Give the device's number and a name: assign 3 Dan Price".to_owned();
    };
    match person(kiosk.card(), name) {
        Some(id) if kiosk.server().assign(n, &id) => format!("Device {n} votes as {name}."),
        Some(_) => format!("Device {n} could not be given {name}: taken, or the device left."),
        None => format!("Nobody is called \"{name}\"."),
    }
}
