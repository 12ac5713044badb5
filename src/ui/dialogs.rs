//! Draws the open dialog and returns the user's answer.

use super::widgets::{buttons, enter_pressed, focus_first};
use egui::{Id, Modal as EguiModal, RichText, Ui};

use crate::document::Document;
use crate::state::Action;
use crate::state::Command;
use crate::state::command::Menu;
use crate::state::modal::{FileStep, Modal, Reply, Then};
use crate::state::prefs::Prefs;
use crate::ui::widgets::with_shortcut;

/// Shows `modal`; returns the answer once given. `fresh` is true on the dialog's first
/// frame, when a click is the one that opened it and must not close it again.
pub fn modal_ui(
    ctx: &egui::Context,
    modal: &Modal,
    doc: &Document,
    prefs: &Prefs,
    fresh: bool,
) -> Option<Reply> {
    let mut reply = None;
    let response = EguiModal::new(Id::unique("trh_modal")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        reply = body_ui(ui, modal, doc, prefs);
    });
    // Escape (or a click outside) cancels; on the first frame the key or click that opened
    // the dialog is not an answer to it.
    if reply.is_none() && !fresh && response.should_close() {
        reply = Some(closed(modal));
    }
    if reply.is_none() && !fresh && enter_pressed(ctx) {
        reply = enter_reply(modal, doc);
    }
    reply
}

/// What Enter does in each dialog: its obvious action, where that is allowed now. Dialogs
/// that gather text (name, agree, decide) answer Enter themselves, since only they know
/// whether the text is complete.
fn enter_reply(modal: &Modal, doc: &Document) -> Option<Reply> {
    match modal {
        Modal::Unsaved(then) => Some(file(FileStep::SaveFirst(then.clone()))),
        // Overwriting someone else's change is never the default.
        Modal::ChangedOnDisk(_) => Some(file(FileStep::SaveElsewhere)),
        Modal::RemoveTheme(id) => doc.card.theme(id).is_some().then(|| remove(id)),
        Modal::Recover(found) => Some(file(FileStep::Recover(found.clone()))),
        // Enter keeps live voting running: ending it for every phone is never the default.
        Modal::Shortcuts | Modal::About | Modal::QuitLive(_) => Some(Reply::Closed),
        Modal::NotWritten { path, retry, .. } => {
            Some(file(FileStep::TryAgain(path.clone(), retry.clone())))
        }
        Modal::ChooseMethod
        | Modal::AskName(_)
        | Modal::Agree { .. }
        | Modal::Decide { .. }
        | Modal::ChoosePath { .. }
        | Modal::StartLive(..) => None,
    }
}

/// What closing a dialog without an answer means: nothing, except in a file flow that waits
/// on it.
fn closed(modal: &Modal) -> Reply {
    match modal {
        Modal::Unsaved(_) => file(FileStep::KeepEditing),
        Modal::ChoosePath { purpose, .. } => file(FileStep::Chosen(*purpose, None)),
        Modal::ChooseMethod
        | Modal::ChangedOnDisk(_)
        | Modal::RemoveTheme(_)
        | Modal::Recover(_)
        | Modal::AskName(_)
        | Modal::Agree { .. }
        | Modal::Decide { .. }
        | Modal::NotWritten { .. }
        | Modal::StartLive(..)
        | Modal::Shortcuts
        | Modal::About
        | Modal::QuitLive(_) => Reply::Closed,
    }
}

/// A step of a file flow.
fn file(step: FileStep) -> Reply {
    Reply::File(step)
}

/// What a panel would queue.
fn act(action: Action) -> Reply {
    Reply::Act(Box::new(action))
}

/// An edit, as a panel queues it.
fn edit(e: crate::model::Edit) -> Reply {
    act(Action::edit(e))
}

/// Removing a theme (undoable).
fn remove(id: &crate::model::ThemeId) -> Reply {
    edit(crate::model::Edit::RemoveTheme { theme: id.clone() })
}

fn body_ui(ui: &mut Ui, modal: &Modal, doc: &Document, prefs: &Prefs) -> Option<Reply> {
    match modal {
        Modal::Unsaved(then) => {
            let doing = match then {
                Then::PickOpen | Then::Open(_) => "opening another file",
                Then::New(..) => "starting a new scorecard",
                Then::Quit => "closing",
            };
            ui.heading("Save changes?");
            ui.label(format!(
                "{} has unsaved changes. Save them before {doing}?",
                doc.display_name()
            ));
            buttons(
                ui,
                &[
                    ("Save", file(FileStep::SaveFirst(then.clone()))),
                    ("Don't save", file(FileStep::DontSave(then.clone()))),
                    ("Cancel", file(FileStep::KeepEditing)),
                ],
            )
        }
        Modal::ChooseMethod => method_choice_ui(ui, doc.card.themes.len()),
        Modal::ChangedOnDisk(path) => {
            ui.heading("File changed on disk");
            ui.label(format!(
                "{} has been changed by another program since trh opened it. Overwrite it with your version?",
                path.display()
            ));
            buttons(
                ui,
                &[
                    ("Overwrite", file(FileStep::Overwrite(path.clone()))),
                    ("Save as…", file(FileStep::SaveElsewhere)),
                    ("Cancel", Reply::Closed),
                ],
            )
        }
        Modal::RemoveTheme(id) => {
            let name = doc.card.theme(id).map_or(id.as_str(), |t| t.name.as_str());
            ui.heading("Remove theme?");
            ui.label(format!(
                "Remove \"{name}\" and all its scores? You can undo this."
            ));
            buttons(ui, &[("Remove", remove(id)), ("Cancel", Reply::Closed)])
        }
        Modal::Recover(found) => {
            ui.heading("Recover unsaved work?");
            let of = found
                .original
                .as_ref()
                .map_or_else(|| "a new scorecard".to_owned(), |p| p.display().to_string());
            ui.label(format!(
                "trh did not close cleanly last time. Unsaved work on {of} was kept. Recover it?"
            ));
            buttons(
                ui,
                &[
                    ("Recover", file(FileStep::Recover(found.clone()))),
                    ("Discard", file(FileStep::DiscardRecovery)),
                ],
            )
        }
        Modal::AskName(initial) => name_ui(ui, initial, prefs),
        Modal::Agree {
            theme,
            factor,
            suggested,
        } => super::agree_dialog::agree_ui(ui, doc, theme, factor, *suggested),
        Modal::Decide { theme, kind } => super::agree_dialog::decide_ui(ui, doc, theme, *kind),
        Modal::ChoosePath {
            purpose,
            folder,
            name,
        } => crate::ui::path_dialog::path_dialog_ui(ui, *purpose, folder.as_deref(), name)
            .map(|chosen| file(FileStep::Chosen(*purpose, chosen))),
        Modal::StartLive(choices, opening) => {
            let enter = enter_pressed(ui.ctx());
            let last = prefs.live_last.as_ref();
            crate::ui::live_dialog::start_live_ui(ui, choices, last, opening, enter).map(|start| {
                match start {
                    Some((addr, evidence)) => act(Action::Live(
                        crate::state::live::LiveAction::Start(addr, evidence),
                    )),
                    None => Reply::Closed,
                }
            })
        }
        Modal::NotWritten {
            path,
            message,
            retry,
        } => crate::ui::not_written::not_written_ui(ui, path, message, retry),
        Modal::Shortcuts => shortcuts_ui(ui),
        Modal::About => about_ui(ui, doc),
        Modal::QuitLive(phones) => quit_live_ui(ui, *phones),
    }
}

/// Closing trh ends live voting: say what the phones lose.
fn quit_live_ui(ui: &mut Ui, phones: usize) -> Option<Reply> {
    ui.heading("Live voting is running");
    ui.label(format!(
        "{phones} phone(s) are connected. Closing trh ends live voting: every phone loses \
         access, and votes not yet sent from them are not taken."
    ));
    buttons(
        ui,
        &[
            ("Keep running", Reply::Closed),
            (
                "Stop live voting and close",
                file(FileStep::StopLiveAndQuit),
            ),
        ],
    )
}

/// Choosing the method of a new scorecard.
fn method_choice_ui(ui: &mut Ui, themes: usize) -> Option<Reply> {
    ui.heading("New scorecard");
    // Whether to carry the open scorecard's themes across, kept while the dialog is open.
    let carry_id = egui::Id::unique("trh_new_carry");
    let mut carry: bool = ui.data_mut(|d| d.get_temp(carry_id)).unwrap_or(false);
    if themes > 0 {
        ui.checkbox(
            &mut carry,
            format!("Carry this scorecard's {themes} themes across, to score them again under the new method"),
        );
        ui.data_mut(|d| d.insert_temp(carry_id, carry));
    }
    ui.label("Choose the scoring method:");
    let mut reply = None;
    for m in crate::methods::BUILTIN
        .iter()
        .filter_map(|(id, _)| crate::methods::builtin(id))
    {
        let r = ui
            .button(RichText::new(&m.name).strong())
            .on_hover_text(&m.provenance);
        ui.label(RichText::new(&m.description).small());
        if r.clicked() {
            reply = Some(file(FileStep::NewScorecard(m.id.clone(), carry)));
        }
        ui.add_space(4.0);
    }
    ui.label(
        RichText::new(
            "Another method (a recipe, or the partnership's own method file): open it with File, Open…, and a new scorecard starts under it.",
        )
        .small(),
    );
    reply.or_else(|| buttons(ui, &[("Cancel", Reply::Closed)]))
}

/// Keys that are not menu commands: where they work, the keys, what they do.
const OTHER_KEYS: &[(&str, &str, &str)] = &[
    ("Themes", "Up / Down arrow", "Previous / next theme"),
    ("Scorecard", "Tab / Shift+Tab", "Next / previous factor"),
    ("Scorecard", "1–9", "Set the factor's level"),
    ("Everywhere", "Ctrl+Y", "Redo"),
    (
        "Vote grid",
        "Digits, Enter",
        "Type a participant's vote in the cell",
    ),
    ("Vote grid", "Arrows", "Move between cells"),
    ("Vote grid", "Backspace", "Clear the cell's vote"),
    ("Vote grid", "A", "Agree the factor (with a rationale)"),
    (
        "Presenter",
        "Right / Left, Space, Page Down / Up",
        "Next / previous theme",
    ),
    (
        "Presenter",
        "R",
        "Reveal the votes (never hides them again)",
    ),
    ("Presenter", "T", "Start or stop the timer"),
    (
        "Presenter",
        "Enter",
        "Reveal the ranking, one theme at a time",
    ),
    (
        "Presenter",
        "J",
        "Show or leave the live-voting join screen",
    ),
    ("Presenter", "O", "Open this theme on phones"),
    ("Presenter", "L", "Lock or unlock the round on phones"),
    ("Presenter", "Esc", "Leave presenter mode"),
];

/// Every keyboard shortcut, by menu, then the keys of the vote grid and presenter mode. The
/// list scrolls inside the screen; the title and *Close* stay in view.
fn shortcuts_ui(ui: &mut Ui) -> Option<Reply> {
    ui.heading("Keyboard shortcuts");
    let room = (ui.ctx().content_rect().height() - 160.0).max(160.0);
    egui::ScrollArea::vertical()
        .max_height(room)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for menu in Menu::ALL {
                    for c in Command::in_menu(menu).filter(|c| c.shortcut().is_some()) {
                        ui.label(c.label());
                        ui.label(with_shortcut(ui.ctx(), c));
                        ui.end_row();
                    }
                }
                for (place, keys, what) in OTHER_KEYS {
                    ui.label(format!("{what} ({place})"));
                    ui.label(*keys);
                    ui.end_row();
                }
            });
        });
    buttons(ui, &[("Close", Reply::Closed)])
}

/// The version, the method and the promise of no network.
fn about_ui(ui: &mut Ui, doc: &Document) -> Option<Reply> {
    ui.heading("trh: threat, risk & harm");
    ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
    let m = &doc.card.method;
    ui.label(format!(
        "Method: {} {} — {}",
        m.name, m.version, m.provenance
    ));
    ui.label("Works offline: trh makes no network connections.");
    buttons(ui, &[("Close", Reply::Closed)])
}

fn name_ui(ui: &mut Ui, initial: &str, prefs: &Prefs) -> Option<Reply> {
    ui.heading("Your name");
    ui.label(
        "Every change is recorded in the scorecard's change log with your name. It is asked once.",
    );
    let id = Id::unique("trh_name_buffer");
    let mut name: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| {
            prefs
                .user_name
                .clone()
                .unwrap_or_else(|| initial.to_owned())
        });
    let l = ui.label("Name");
    let r = ui
        .add(egui::TextEdit::singleline(&mut name))
        .labelled_by(l.id);
    focus_first(ui, &r);
    ui.data_mut(|d| d.insert_temp(id, name.clone()));
    let enter = enter_pressed(ui.ctx());
    let mut reply = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!name.trim().is_empty(), egui::Button::new("OK"))
            .clicked()
            || enter && !name.trim().is_empty()
        {
            reply = Some(act(Action::SetName(name.clone())));
        }
        if ui.button("Cancel").clicked() {
            reply = Some(Reply::Closed);
        }
    });
    if reply.is_some() {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    reply
}
