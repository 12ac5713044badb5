//! Draws the open dialog and returns the user's answer.

use super::widgets::buttons;
use egui::{Id, Modal as EguiModal, RichText, Ui};

use crate::document::Document;
use crate::state::Command;
use crate::state::command::Menu;
use crate::state::modal::{Modal, Reply, Then};
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
        reply = Some(Reply::Cancel);
    }
    if reply.is_none() && !fresh && enter_pressed(ctx) {
        reply = enter_reply(modal, doc);
    }
    reply
}

/// A plain Enter this frame (Shift+Enter is a new line in a rationale).
fn enter_pressed(ctx: &egui::Context) -> bool {
    ctx.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.is_none())
}

/// What Enter does in each dialog: its obvious action, where that is allowed now. Dialogs
/// that gather text (name, agree, decide) answer Enter themselves, since only they know
/// whether the text is complete.
fn enter_reply(modal: &Modal, doc: &Document) -> Option<Reply> {
    match modal {
        Modal::Unsaved(_) => Some(Reply::Save),
        // Overwriting someone else's change is never the default.
        Modal::ChangedOnDisk(_) => Some(Reply::SaveAs),
        Modal::RemoveTheme(id) => doc
            .card
            .theme(id)
            .is_some()
            .then(|| Reply::Remove(id.clone())),
        Modal::Recover(_) => Some(Reply::Recover),
        Modal::Shortcuts | Modal::About => Some(Reply::Cancel),
        Modal::NotWritten { .. } => Some(Reply::TryAgain),
        Modal::ChooseMethod
        | Modal::AskName(_)
        | Modal::Agree { .. }
        | Modal::Decide { .. }
        | Modal::ChoosePath { .. }
        | Modal::StartLive(_) => None,
    }
}

fn body_ui(ui: &mut Ui, modal: &Modal, doc: &Document, prefs: &Prefs) -> Option<Reply> {
    match modal {
        Modal::Unsaved(then) => {
            let doing = match then {
                Then::PickOpen | Then::Open(_) => "opening another file",
                Then::New(_) => "starting a new scorecard",
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
                    ("Save", Reply::Save),
                    ("Don't save", Reply::Discard),
                    ("Cancel", Reply::Cancel),
                ],
            )
        }
        Modal::ChooseMethod => method_choice_ui(ui),
        Modal::ChangedOnDisk(path) => {
            ui.heading("File changed on disk");
            ui.label(format!(
                "{} has been changed by another program since trh opened it. Overwrite it with your version?",
                path.display()
            ));
            buttons(
                ui,
                &[
                    ("Overwrite", Reply::Overwrite),
                    ("Save as…", Reply::SaveAs),
                    ("Cancel", Reply::Cancel),
                ],
            )
        }
        Modal::RemoveTheme(id) => {
            let name = doc.card.theme(id).map_or(id.as_str(), |t| t.name.as_str());
            ui.heading("Remove theme?");
            ui.label(format!(
                "Remove \"{name}\" and all its scores? You can undo this."
            ));
            buttons(
                ui,
                &[
                    ("Remove", Reply::Remove(id.clone())),
                    ("Cancel", Reply::Cancel),
                ],
            )
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
                    ("Recover", Reply::Recover),
                    ("Discard", Reply::DiscardRecovery),
                ],
            )
        }
        Modal::AskName(initial) => name_ui(ui, initial, prefs),
        Modal::Agree {
            theme,
            factor,
            suggested,
        } => agree_ui(ui, doc, theme, factor, *suggested),
        Modal::Decide { theme, kind } => decide_ui(ui, doc, theme, *kind),
        Modal::ChoosePath {
            purpose,
            folder,
            name,
        } => crate::ui::path_dialog::path_dialog_ui(ui, *purpose, folder.as_deref(), name),
        Modal::StartLive(choices) => {
            let enter = enter_pressed(ui.ctx());
            crate::ui::live_dialog::start_live_ui(ui, choices, enter)
        }
        Modal::NotWritten { message, retry, .. } => {
            crate::ui::not_written::not_written_ui(ui, message, retry)
        }
        Modal::Shortcuts => shortcuts_ui(ui),
        Modal::About => about_ui(ui, doc),
    }
}

/// Choosing the method of a new scorecard.
fn method_choice_ui(ui: &mut Ui) -> Option<Reply> {
    ui.heading("New scorecard");
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
            reply = Some(Reply::Method(m.id.clone()));
        }
        ui.add_space(4.0);
    }
    reply.or_else(|| buttons(ui, &[("Cancel", Reply::Cancel)]))
}

/// Every keyboard shortcut, by menu.
fn shortcuts_ui(ui: &mut Ui) -> Option<Reply> {
    ui.heading("Keyboard shortcuts");
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for menu in Menu::ALL {
            for c in Command::in_menu(menu).filter(|c| c.shortcut().is_some()) {
                ui.label(c.label());
                ui.label(with_shortcut(ui.ctx(), c));
                ui.end_row();
            }
        }
        for (keys, what) in [
            ("Up / Down arrow", "Previous / next theme"),
            ("Tab / Shift+Tab", "Next / previous factor"),
            ("1–9", "Set the factor's level"),
            ("Ctrl+Y", "Redo"),
        ] {
            ui.label(what);
            ui.label(keys);
            ui.end_row();
        }
    });
    buttons(ui, &[("Close", Reply::Cancel)])
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
    buttons(ui, &[("Close", Reply::Cancel)])
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
            reply = Some(Reply::Name(name.clone()));
        }
        if ui.button("Cancel").clicked() {
            reply = Some(Reply::Cancel);
        }
    });
    if reply.is_some() {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    reply
}

/// Gives a dialog's first field the keyboard, unless the user has put it elsewhere.
fn focus_first(ui: &Ui, field: &egui::Response) {
    if ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
}

/// A rationale field: Enter confirms the dialog, Shift+Enter starts a new line.
fn rationale_field(text: &mut String) -> egui::TextEdit<'_> {
    egui::TextEdit::multiline(text)
        .desired_rows(2)
        .desired_width(f32::INFINITY)
        .return_key(Some(egui::KeyboardShortcut::new(
            egui::Modifiers::SHIFT,
            egui::Key::Enter,
        )))
}

fn agree_ui(
    ui: &mut Ui,
    doc: &Document,
    theme: &crate::model::ThemeId,
    factor: &crate::model::FactorId,
    suggested: Option<crate::model::Value>,
) -> Option<Reply> {
    let (Some(t), Some((_, f))) = (
        doc.card.theme(theme),
        doc.card.method.factor(factor.as_str()),
    ) else {
        return Some(Reply::Cancel);
    };
    let current = t.scores.get(factor).and_then(|s| s.agreed.as_ref());
    ui.heading(format!("Agree {}", f.label));
    ui.label(format!("{} — the value the room agrees, and why.", t.name));
    let value_id = Id::unique(("trh_agree_value", theme.as_str(), factor.as_str()));
    let why_id = Id::unique(("trh_agree_why", theme.as_str(), factor.as_str()));
    let mut value: Option<crate::model::Value> =
        ui.data_mut(|d| d.get_temp(value_id)).unwrap_or(suggested);
    let mut why: String = ui
        .data_mut(|d| d.get_temp(why_id))
        .unwrap_or_else(|| current.map(|a| a.rationale.clone()).unwrap_or_default());
    ui.horizontal_wrapped(|ui| {
        for v in f.scale.values() {
            let text = format!("{} {}", f.scale.code(v), f.scale.label(v));
            let on = value == Some(v);
            if crate::ui::widgets::choice(ui, &text, on, || {
                format!("Agreed value: {}", f.scale.label(v))
            })
            .clicked()
            {
                value = Some(v);
            }
        }
    });
    if let Some(level) = value.and_then(|v| f.scale.level(v)) {
        ui.label(RichText::new(&level.descriptor).small());
    }
    let l = ui.label("Rationale (required)");
    let field = ui.add(rationale_field(&mut why)).labelled_by(l.id);
    // Once a value is chosen, typing goes straight into the rationale.
    if value.is_some() {
        focus_first(ui, &field);
    }
    ui.data_mut(|d| {
        d.insert_temp(value_id, value);
        d.insert_temp(why_id, why.clone());
    });
    let ready = value.is_some() && !why.trim().is_empty();
    if ready {
        ui.label(RichText::new("Enter agrees; Shift+Enter starts a new line.").small());
    } else {
        ui.label(RichText::new("Choose a value and give the room's reason to agree it.").small());
    }
    let mut reply = None;
    let enter = enter_pressed(ui.ctx());
    ui.horizontal(|ui| {
        if (ui.add_enabled(ready, egui::Button::new("Agree")).clicked() || enter && ready)
            && let Some(v) = value
        {
            reply = Some(Reply::Agreed(v, why.trim().to_owned()));
        }
        if current.is_some() && ui.button("Clear agreed value").clicked() {
            reply = Some(Reply::ClearAgreed);
        }
        if ui.button("Cancel").clicked() {
            reply = Some(Reply::Cancel);
        }
    });
    if reply.is_some() {
        ui.data_mut(|d| {
            d.remove::<Option<crate::model::Value>>(value_id);
            d.remove::<String>(why_id);
        });
    }
    reply
}

fn decide_ui(
    ui: &mut Ui,
    doc: &Document,
    theme: &crate::model::ThemeId,
    kind: crate::model::DecisionKind,
) -> Option<Reply> {
    let name = doc.card.theme(theme).map_or("", |t| t.name.as_str());
    let suggested = doc.row(theme).and_then(|r| r.suggested);
    ui.heading(format!("Record decision: {}", kind.label()));
    ui.label(format!(
        "{name}: the outcome suggests {}. A decision that departs from it needs the board's reason.",
        suggested.map_or("another decision", |s| s.label())
    ));
    let why_id = Id::unique(("trh_decide_why", theme.as_str()));
    let mut why: String = ui.data_mut(|d| d.get_temp(why_id)).unwrap_or_default();
    let l = ui.label("Board's rationale (required)");
    let field = ui.add(rationale_field(&mut why)).labelled_by(l.id);
    focus_first(ui, &field);
    ui.data_mut(|d| d.insert_temp(why_id, why.clone()));
    let mut reply = None;
    let enter = enter_pressed(ui.ctx());
    ui.horizontal(|ui| {
        let ready = !why.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Record decision"))
            .clicked()
            || enter && ready
        {
            reply = Some(Reply::Decided(why.trim().to_owned()));
        }
        if ui.button("Cancel").clicked() {
            reply = Some(Reply::Cancel);
        }
    });
    if reply.is_some() {
        ui.data_mut(|d| d.remove::<String>(why_id));
    }
    reply
}
