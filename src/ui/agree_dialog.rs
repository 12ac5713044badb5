//! The dialogs that record what the room or the board agreed, each with its reason: a
//! factor's agreed value, and a decision that departs from the suggested outcome. Both answer
//! with an edit, as a panel queues it; the document signs and stamps it.

use egui::{Id, RichText, Ui};

use super::widgets::{enter_pressed, focus_first};
use crate::document::Document;
use crate::state::Action;
use crate::state::modal::Reply;

/// An edit, as a panel queues it.
fn edit(e: crate::model::Edit) -> Reply {
    Reply::Act(Box::new(Action::edit(e)))
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

pub(super) fn agree_ui(
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
        return Some(Reply::Closed);
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
    value_choice_ui(ui, f, &mut value);
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
            let agreed = crate::model::scorecard::Agreed {
                value: v,
                rationale: why.trim().to_owned(),
            };
            reply = Some(set_agreed(theme, factor, Some(agreed)));
        }
        if current.is_some() && ui.button("Clear agreed value").clicked() {
            reply = Some(set_agreed(theme, factor, None));
        }
        if ui.button("Cancel").clicked() {
            reply = Some(Reply::Closed);
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

pub(super) fn decide_ui(
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
            // Signed and stamped by the document; taken at the meeting of the last one.
            let (meeting, on) = doc.card.last_meeting();
            let decision = crate::model::scorecard::Decision {
                kind,
                rationale: why.trim().to_owned(),
                by: String::new(),
                at: String::new(),
                meeting,
                on,
            };
            reply = Some(edit(crate::model::Edit::SetDecision {
                theme: theme.clone(),
                decision: Some(decision),
            }));
        }
        if ui.button("Cancel").clicked() {
            reply = Some(Reply::Closed);
        }
    });
    if reply.is_some() {
        ui.data_mut(|d| d.remove::<String>(why_id));
    }
    reply
}

/// Agreeing (or clearing) a factor's value.
fn set_agreed(
    theme: &crate::model::ThemeId,
    factor: &crate::model::FactorId,
    agreed: Option<crate::model::scorecard::Agreed>,
) -> Reply {
    edit(crate::model::Edit::SetAgreed {
        theme: theme.clone(),
        factor: factor.clone(),
        agreed,
    })
}

/// One button per level (code and label), and the chosen level's descriptor.
fn value_choice_ui(
    ui: &mut Ui,
    f: &crate::model::method::Factor,
    value: &mut Option<crate::model::Value>,
) {
    ui.horizontal_wrapped(|ui| {
        for v in f.scale.values() {
            let text = format!("{} {}", f.scale.code(v), f.scale.label(v));
            let on = *value == Some(v);
            if crate::ui::widgets::choice(ui, &text, on, || {
                format!("Agreed value: {}", f.scale.label(v))
            })
            .clicked()
            {
                *value = Some(v);
            }
        }
    });
    if let Some(level) = value.and_then(|v| f.scale.level(v)) {
        ui.label(RichText::new(&level.descriptor).small());
    }
}
