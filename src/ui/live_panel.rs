//! The facilitator's live-voting controls, at the top of the workshop tab while live voting
//! runs: where phones join, the theme open for voting (open the one on screen, lock, close),
//! what phones see, who has joined (with *Release* for a name taken by the wrong device),
//! the join screen and *Stop*.

use egui::{RichText, Ui};

use crate::document::Document;
use crate::model::ThemeId;
use crate::state::live::{LiveAction, LiveView};
use crate::state::{Action, Command};

/// Draws the controls.
pub fn live_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    selected: Option<&ThemeId>,
    live: &LiveView,
    out: &mut Vec<Action>,
) {
    let act = |out: &mut Vec<Action>, a| out.push(Action::Live(a));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Live voting").strong());
            if live.code_disabled {
                ui.label(format!("{}  ·", live.short_url));
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "Room code turned off: someone guessed wrong codes too often (the QR code still works)",
                );
                if ui
                    .button("New room code")
                    .on_hover_text("Make a fresh code to show on the screen; the old one stops working")
                    .clicked()
                {
                    act(out, LiveAction::NewCode);
                }
            } else {
                ui.label(format!(
                    "{}  ·  room code {}",
                    live.short_url,
                    crate::ui::join_screen::spaced(&live.code)
                ));
            }
            let present = doc.card.participants.iter().filter(|p| p.present).count();
            ui.label(format!(
                "·  {} of {present} joined  ·  {} votes from phones",
                live.claimed.len(),
                live.votes
            ));
            if ui
                .button("Join screen")
                .on_hover_text("Show the QR code and room code full screen (J in presenter mode)")
                .clicked()
            {
                out.push(Action::Command(Command::Presenter));
                act(out, LiveAction::JoinScreen(true));
            }
            if ui
                .button(Command::StopLive.label())
                .on_hover_text(Command::StopLive.tooltip())
                .clicked()
            {
                out.push(Action::Command(Command::StopLive));
            }
        });
        ui.horizontal_wrapped(|ui| open_ui(ui, doc, selected, live, out));
        ui.horizontal_wrapped(|ui| {
            let mut evidence = live.session.show_evidence;
            if ui
                .checkbox(&mut evidence, "Show the evidence note on phones")
                .changed()
            {
                act(out, LiveAction::ShowEvidence(evidence));
            }
            let mut spread = live.session.show_spread;
            if ui
                .checkbox(&mut spread, "After a reveal, show phones the room's spread")
                .changed()
            {
                act(out, LiveAction::ShowSpread(spread));
            }
        });
        joined_ui(ui, doc, live, out);
        nobody_ui(ui, live);
    });
}

/// After a while with no device joined: what to try (and, on Windows, the firewall).
fn nobody_ui(ui: &mut Ui, live: &LiveView) {
    if let Some(hint) = crate::ui::join_screen::nobody_hint(ui.ctx(), live) {
        ui.label(RichText::new(hint).color(ui.visuals().warn_fg_color));
    }
}

fn open_ui(
    ui: &mut Ui,
    doc: &Document,
    selected: Option<&ThemeId>,
    live: &LiveView,
    out: &mut Vec<Action>,
) {
    let open = live
        .session
        .open
        .as_ref()
        .and_then(|(id, round)| doc.card.theme(id).map(|t| (t, *round)));
    match open {
        Some((theme, round)) => {
            let revealed = theme.votes_shown(round);
            let state = if revealed {
                "revealed, closed"
            } else if live.session.locked {
                "locked"
            } else {
                "open"
            };
            let turnout = crate::model::workshop::turnout(&doc.card, theme, round);
            ui.label(format!(
                "On phones: {} (round {round}, {state}, {})",
                theme.name,
                turnout.describe()
            ));
            if !revealed {
                let (text, lock) = if live.session.locked {
                    ("Unlock", false)
                } else {
                    ("Lock", true)
                };
                if ui
                    .button(text)
                    .on_hover_text("Lock: phones show the theme but take no more votes")
                    .clicked()
                {
                    out.push(Action::Live(LiveAction::Lock(lock)));
                }
            }
            if ui
                .button("Close")
                .on_hover_text("Phones show \"waiting for the next theme\"")
                .clicked()
            {
                out.push(Action::Live(LiveAction::Close));
            }
        }
        None => {
            ui.label("No theme is open on phones: they show \"waiting for the next theme\".");
        }
    }
    let open_now = |id: &ThemeId| open.is_some_and(|(o, r)| o.id == *id && !o.votes_shown(r));
    if let Some(id) = selected
        && let Some(t) = doc.card.theme(id)
        && !open_now(id)
    {
        let name: String = t.name.chars().take(40).collect();
        let text = format!("Open \"{name}\" for voting");
        if ui
            .button(text)
            .on_hover_text("Phones show this theme; its round stays hidden until you reveal it")
            .clicked()
        {
            out.push(Action::Live(LiveAction::Open(id.clone())));
        }
    }
}

/// Devices waiting for a name, each with the names still free to give it.
fn waiting_ui(ui: &mut Ui, doc: &Document, live: &LiveView, out: &mut Vec<Action>) {
    for device in &live.waiting {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("Device {device} waits for a name:"));
            let free = doc
                .card
                .participants
                .iter()
                .filter(|p| p.present && !live.claimed.contains(&p.id));
            ui.menu_button("Give it a name…", |ui| {
                for p in free {
                    if ui.button(&p.name).clicked() {
                        out.push(Action::Live(LiveAction::Assign(*device, p.id.clone())));
                        ui.close();
                    }
                }
            });
        });
    }
}

fn joined_ui(ui: &mut Ui, doc: &Document, live: &LiveView, out: &mut Vec<Action>) {
    waiting_ui(ui, doc, live, out);
    if live.claimed.is_empty() {
        ui.label(
            RichText::new("Nobody has joined yet: show the join screen.")
                .color(ui.visuals().weak_text_color()),
        );
        return;
    }
    // One line however many have joined (the grid marks each name "· phone"); the names to
    // free are in a menu, so thirty people do not push the vote grid off a small screen.
    ui.horizontal(|ui| {
        ui.label(format!(
            "Joined from phones: {} (marked \"· phone\" in the grid)",
            live.claimed.len()
        ));
        ui.menu_button("Release a name…", |ui| {
            ui.label(
                RichText::new("That phone loses access; the name is free to another device.")
                    .color(ui.visuals().weak_text_color()),
            );
            for id in &live.claimed {
                let name = doc
                    .card
                    .participant(id)
                    .map_or_else(|| id.to_string(), |p| p.name.clone());
                if ui
                    .button(format!("Release {name}"))
                    .on_hover_text(format!(
                        "Free {name}'s name: that phone loses access and another device can take it"
                    ))
                    .clicked()
                {
                    out.push(Action::Live(LiveAction::Release(id.clone())));
                    ui.close();
                }
            }
        });
    });
}
