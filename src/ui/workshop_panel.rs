//! The workshop tab: who is in the room (participants and their agencies, present or not), the
//! round being voted, reveal, and the vote grid with its disagreement statistics.

use egui::{RichText, Ui};

use crate::document::Document;
use crate::model::Edit;
use crate::model::scorecard::{COMMON_AGENCIES, Participant};
use crate::model::workshop;
use crate::state::view::ViewState;
use crate::state::{Action, Command};
use crate::ui::vote_grid::{current_round, vote_grid_ui};
use crate::ui::widgets::{quiet, with_shortcut};

/// Draws the workshop tab.
pub fn workshop_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &mut ViewState,
    charts: &mut crate::ui::chart_cache::ChartCache,
    out: &mut Vec<Action>,
) {
    let (doc, look, live) = (cx.doc, cx.look, cx.live);
    if let Some(live) = live {
        crate::ui::live_panel::live_bar_ui(ui, doc, view.selected.as_ref(), live, out);
    }
    participants_ui(ui, doc, view, out);
    agencies_ui(ui, doc, view, out);
    ui.separator();
    let Some(theme) = view.selected.as_ref().and_then(|id| doc.card.theme(id)) else {
        ui.label("Select a theme in the list.");
        return;
    };
    ui.heading(&theme.name);
    let round = current_round(view, theme);
    let latest = workshop::current_round(theme);
    ui.horizontal_wrapped(|ui| {
        ui.label("Round");
        for r in 1..=latest.max(round) {
            if ui.selectable_label(r == round, r.to_string()).clicked() {
                view.workshop.round = Some(r);
            }
        }
        let next = ui
            .button(Command::NextRound.label())
            .on_hover_text(with_shortcut(ui.ctx(), Command::NextRound));
        if next.clicked() {
            out.push(Action::Command(Command::NextRound));
        }
        ui.separator();
        reveal_button(ui, theme, round, out);
        ui.label(quiet(
            "Type a digit per factor along a row; arrows move; Backspace clears; A agrees the factor",
        ));
    });
    // Another theme starts at the top left of its grid, not where the last one was left.
    let same_theme = view
        .workshop
        .shown
        .as_ref()
        .is_some_and(|(id, _)| id == &theme.id);
    let mut area = egui::ScrollArea::both()
        .id_salt("vote_grid_scroll")
        .auto_shrink([false, false]);
    if !same_theme {
        area = area.scroll_offset(egui::Vec2::ZERO);
        // Typing starts again at the first person's first factor.
        view.workshop.cursor = (0, 0);
        view.workshop.entry.clear();
    }
    area.show(ui, |ui| {
        if let Some(modal) = vote_grid_ui(ui, cx, theme, view) {
            out.push(Action::Dialog(modal));
        }
        ui.add_space(8.0);
        if theme.votes_shown(round) {
            crate::ui::charts_panel::votes_plot_ui(ui, doc, theme, round, charts, look);
        } else {
            ui.label(quiet("The vote plot appears when the votes are revealed."));
        }
    });
}

/// Themes every agency rates high, and themes only some agencies rate high.
fn agencies_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState, out: &mut Vec<Action>) {
    let force_open = std::mem::take(&mut view.workshop.open_agencies).then_some(true);
    egui::CollapsingHeader::new("Across agencies")
        .id_salt("across_agencies")
        .open(force_open)
        .show(ui, |ui| {
            // Worked out when first opened, and again only after the scorecard changes.
            let views = doc.agency_views();
            ui.label(quiet(
                "From each agency's own latest votes: high means the upper half of the method's bands.",
            ));
            let all: Vec<_> = views.iter().filter(|v| v.all_high()).collect();
            let split: Vec<_> = views.iter().filter(|v| v.split()).collect();
            ui.label(RichText::new(format!("Every agency rates high ({})", all.len())).strong());
            for v in all {
                if ui.link(format!("{}  ({})", v.name, v.high.join(", "))).clicked() {
                    out.push(Action::Select(v.theme.clone()));
                }
            }
            ui.label(RichText::new(format!("Only some agencies rate high ({})", split.len())).strong());
            for v in split {
                let text = format!("{}  — high: {}; lower: {}", v.name, v.high.join(", "), v.lower.join(", "));
                if ui.link(text).clicked() {
                    out.push(Action::Select(v.theme.clone()));
                }
            }
        });
}

fn participants_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState, out: &mut Vec<Action>) {
    let people = &doc.card.participants;
    let present = people.iter().filter(|p| p.present).count();
    let title = format!("Participants ({present} of {} present)", people.len());
    egui::CollapsingHeader::new(title)
        .id_salt("participants")
        .default_open(people.is_empty())
        .show(ui, |ui| {
            egui::Grid::new("people").striped(true).show(ui, |ui| {
                for p in people {
                    let mut here = p.present;
                    if ui
                        .checkbox(&mut here, &p.name)
                        .on_hover_text("Present at this session")
                        .changed()
                    {
                        out.push(Action::edit(Edit::SetPresent {
                            participant: p.id.clone(),
                            present: here,
                        }));
                    }
                    ui.label(&p.agency);
                    let remove = ui.small_button("Remove").on_hover_text(format!(
                        "Remove {} and their votes (undo brings them back)",
                        p.name
                    ));
                    if remove.clicked() {
                        out.push(Action::edit(Edit::RemoveParticipant {
                            participant: p.id.clone(),
                        }));
                    }
                    ui.end_row();
                }
            });
            add_person_ui(ui, doc, view, out);
        });
}

fn add_person_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState, out: &mut Vec<Action>) {
    let w = &mut view.workshop;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Name");
        let name = ui
            .add(egui::TextEdit::singleline(&mut w.new_name).desired_width(160.0))
            .labelled_by(l.id);
        let l = ui.label("Agency");
        let agency = ui
            .add(egui::TextEdit::singleline(&mut w.new_agency).desired_width(160.0))
            .labelled_by(l.id);
        // Enter in either field adds the person (and goes back to Name for the next one).
        let enter = (name.lost_focus() || agency.lost_focus())
            && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.menu_button("Agencies", |ui| {
            let mut known: Vec<&str> = COMMON_AGENCIES.to_vec();
            for p in &doc.card.participants {
                if !known.contains(&p.agency.as_str()) && !p.agency.is_empty() {
                    known.push(&p.agency);
                }
            }
            for a in known {
                if ui.button(a).clicked() {
                    w.new_agency = a.to_owned();
                    ui.close();
                }
            }
        });
        let ready = !w.new_name.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Add person"))
            .clicked()
            || enter && ready
        {
            if enter {
                name.request_focus();
            }
            out.push(Action::edit(Edit::AddParticipant {
                participant: Participant {
                    id: crate::model::edit::fresh_participant_id(&doc.card, &w.new_name),
                    name: w.new_name.trim().to_owned(),
                    agency: w.new_agency.trim().to_owned(),
                    present: true,
                },
                at: doc.card.participants.len(),
            }));
            w.new_name.clear();
        }
    });
    let reuse = ui
        .button(Command::ReusePeople.label())
        .on_hover_text(Command::ReusePeople.tooltip());
    if reuse.clicked() {
        out.push(Action::Command(Command::ReusePeople));
    }
    if doc.card.participants.is_empty() {
        ui.label(RichText::new("Add everyone in the room, with their agency.").small());
    }
}

/// *Reveal votes* (Ctrl+R), or, once they show, *Hide votes*: hiding is only ever this
/// button, never a second key press.
fn reveal_button(ui: &mut Ui, theme: &crate::model::Theme, round: u32, out: &mut Vec<Action>) {
    if theme.votes_shown(round) {
        let hide = ui.button("Hide votes").on_hover_text(
            "Hide this round's votes again. With live voting on it, phones stay locked \
             until you choose Unlock in the live voting panel.",
        );
        if hide.clicked() {
            out.push(Action::edit(Edit::SetRoundHidden {
                theme: theme.id.clone(),
                round,
                hidden: true,
            }));
        }
    } else {
        let r = ui
            .button("Reveal votes")
            .on_hover_text(with_shortcut(ui.ctx(), Command::RevealVotes));
        if r.clicked() {
            out.push(Action::Command(Command::RevealVotes));
        }
    }
}
