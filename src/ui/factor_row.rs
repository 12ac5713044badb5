//! One factor of the theme scorecard: the level choices (numbered for the keyboard), the
//! descriptor of the hovered or chosen level, the effective value and where it came from, the
//! spread of votes, and the analyst's note.

use egui::{RichText, Ui};

use crate::document::Document;
use crate::look::Look;
use crate::model::method::Factor;
use crate::model::ranking::{FactorResult, RankedTheme};
use crate::model::scorecard::Source;
use crate::model::{Edit, Scale, Theme, Value};
use crate::state::Action;
use crate::state::view::ViewState;
use crate::ui::widgets::{LevelMark, level_choice, quiet, warning};

/// What a factor row needs to read.
pub struct RowCtx<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The theme.
    pub theme: &'a Theme,
    /// The factor.
    pub factor: &'a Factor,
    /// The theme's ranking row.
    pub row: Option<&'a RankedTheme>,
    /// The factor's position in method order (for the keyboard cursor).
    pub index: usize,
    /// The look, for warning colours.
    pub look: Look,
    /// The level the partnership's data suggests, if the method's rule gives one.
    pub suggestion: Option<&'a crate::model::evidence::Suggestion>,
}

/// Draws one factor row; a row scrolled out of sight only reserves its last height, so a long
/// method costs nothing for the rows not on screen.
pub fn factor_row_ui(ui: &mut Ui, c: &RowCtx<'_>, view: &mut ViewState, out: &mut Vec<Action>) {
    let focused = view.factor_cursor == c.index;
    let height_id = ui.scope_id().with(("factor_row_height", c.index));
    let width = ui.available_width();
    if let Some(h) = ui.data(|d| d.get_temp::<f32>(height_id)) {
        let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(width, h));
        let wanted = focused && view.scroll_to_factor;
        if !wanted && !ui.is_rect_visible(rect) {
            ui.allocate_space(egui::vec2(width, h));
            return;
        }
    }
    let top = ui.cursor().min.y;
    row_body_ui(ui, c, view, out);
    let h = ui.min_rect().bottom() - top;
    ui.data_mut(|d| d.insert_temp(height_id, h));
}

fn row_body_ui(ui: &mut Ui, c: &RowCtx<'_>, view: &mut ViewState, out: &mut Vec<Action>) {
    let focused = view.factor_cursor == c.index;
    let score = c.theme.scores.get(&c.factor.id);
    let draft = score.and_then(|s| s.draft);
    let result = c
        .row
        .and_then(|r| r.factors.iter().find(|f| f.factor == c.factor.id));
    let frame = egui::Frame::group(ui.style()).stroke(if focused {
        egui::Stroke::new(2.0, ui.visuals().selection.stroke.color)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    });
    let shown = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        // The title line is one label (one galley): cheaper than three widgets in a row.
        let title = ui.label(title_job(ui, c, focused, result));
        if !c.factor.descriptor.is_empty() {
            title.on_hover_text(&c.factor.descriptor);
        }
        let in_force = result.and_then(|r| r.value);
        let hovered = match &c.factor.scale {
            Scale::Levels(_) => levels_ui(ui, c, draft, in_force, out),
            Scale::Range { .. } => {
                range_ui(ui, c, draft, out);
                None
            }
        };
        if let Some(v) = hovered {
            view.hovered_level = Some((c.factor.id.clone(), v));
        } else if view
            .hovered_level
            .as_ref()
            .is_some_and(|(f, _)| f == &c.factor.id)
        {
            view.hovered_level = None;
        }
        // The descriptor of the hovered level, else of the level in force (not the draft).
        let hovering = view
            .hovered_level
            .as_ref()
            .filter(|(f, _)| f == &c.factor.id)
            .map(|(_, v)| *v);
        if let Some(level) = hovering
            .or(in_force)
            .or(draft)
            .and_then(|v| c.factor.scale.level(v))
        {
            // Full size and the body colour: read from across a room, not squinted at.
            ui.label(format!(
                "{} ({}) — {}",
                level.label,
                crate::report::pts(level.points),
                level.descriptor
            ));
        } else if matches!(c.factor.scale, Scale::Levels(_)) {
            // The same line when nothing is chosen, so choosing a level moves nothing below.
            ui.label("No level yet: point at one to read what it means.");
        }
        if let (Some(d), Some(v)) = (draft, in_force)
            && d != v
            && hovering.is_none()
        {
            ui.label(quiet(format!(
                "Analyst's draft: {} (not in force: the {} value counts)",
                c.factor.scale.label(d),
                result.map_or("agreed", |r| match r.source {
                    Source::Agreed => "agreed",
                    Source::Votes { .. } => "votes'",
                    _ => "effective",
                })
            )));
        }
        suggestion_ui(ui, c, draft, in_force, out);
        note_ui(ui, c, score.map_or("", |s| s.note.as_str()), view, out);
    });
    if focused && std::mem::take(&mut view.scroll_to_factor) {
        shown.response.scroll_to_me(None);
    }
}

/// "The data suggests …" beside the draft, with *Accept* (D on the keyboard's factor), while
/// the suggestion is not the draft; marked where it differs from the level in force.
fn suggestion_ui(
    ui: &mut Ui,
    c: &RowCtx<'_>,
    draft: Option<Value>,
    in_force: Option<Value>,
    out: &mut Vec<Action>,
) {
    let Some(s) = c.suggestion else {
        return;
    };
    if draft == Some(s.value) && in_force.is_none_or(|v| v == s.value) {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let words = format!("The data suggests {}", s.text());
        let differs = in_force.is_some_and(|v| v != s.value);
        let label = if differs {
            ui.label(warning(format!("≠ {words}"), c.look))
        } else {
            ui.label(quiet(words))
        };
        label.on_hover_text(&s.rule);
        if draft != Some(s.value) {
            let accept = ui.small_button("Accept").on_hover_text(
                "Set the suggested level as the draft and the figures in the note (D)",
            );
            if accept.clicked() {
                out.push(Action::edit(Edit::FromData {
                    theme: c.theme.id.clone(),
                    factor: c.factor.id.clone(),
                }));
            }
        }
    });
}

fn title_job(
    ui: &Ui,
    c: &RowCtx<'_>,
    focused: bool,
    result: Option<&FactorResult>,
) -> egui::text::LayoutJob {
    let style = ui.style();
    let mut job = egui::text::LayoutJob::default();
    let marker = if focused { "» " } else { "" };
    RichText::new(format!("{marker}{}   ", c.factor.label))
        .strong()
        .append_to(
            &mut job,
            style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    if let Some(r) = result {
        effective_text(r).append_to(
            &mut job,
            style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
        if r.spread.as_ref().is_some_and(|s| s.contested) {
            warning("   contested", c.look).append_to(
                &mut job,
                style,
                egui::FontSelection::Default,
                egui::Align::Center,
            );
        }
    }
    job
}

fn effective_text(r: &FactorResult) -> RichText {
    let value = match (&r.label, r.points) {
        (Some(l), Some(p)) => format!("{l} ({})", crate::report::pts(p)),
        _ => "not scored".to_owned(),
    };
    let source = match r.source {
        Source::Agreed => "agreed".to_owned(),
        Source::Votes { round } => {
            let n = r.spread.as_ref().map_or(0, |s| s.count);
            format!("median of {n} votes, round {round}")
        }
        Source::Draft => "analyst's draft".to_owned(),
        Source::Unscored => "no value yet".to_owned(),
    };
    RichText::new(format!("= {value}, {source}"))
}

/// The level buttons; returns the level under the pointer.
fn levels_ui(
    ui: &mut Ui,
    c: &RowCtx<'_>,
    draft: Option<Value>,
    in_force: Option<Value>,
    out: &mut Vec<Action>,
) -> Option<Value> {
    let Scale::Levels(levels) = &c.factor.scale else {
        return None;
    };
    let mut hovered = None;
    ui.horizontal_wrapped(|ui| {
        for (i, level) in levels.iter().enumerate() {
            let value = Value::Level(i as u16);
            let on = draft == Some(value);
            let mark = if in_force.or(draft) == Some(value) {
                LevelMark::InForce
            } else if on {
                LevelMark::Draft
            } else {
                LevelMark::Plain
            };
            let text = level_text(i, level);
            // No tooltip: hovering shows the level's descriptor beneath the row instead.
            let r = level_choice(ui, &text, mark, || {
                format!("{}: {}", c.factor.label, level.label)
            });
            if r.hovered() {
                hovered = Some(value);
            }
            if r.clicked() {
                // Clicking the chosen level again clears the draft.
                out.push(Action::edit(Edit::SetDraft {
                    theme: c.theme.id.clone(),
                    factor: c.factor.id.clone(),
                    value: if on { None } else { Some(value) },
                }));
            }
        }
    });
    hovered
}

/// A range's draft: a slider over the scale's steps, its number typed in the box beside it
/// (`6.3` on a scale in steps of 0.1), never a button per value.
fn range_ui(ui: &mut Ui, c: &RowCtx<'_>, draft: Option<Value>, out: &mut Vec<Action>) {
    let scale = &c.factor.scale;
    let step = scale.step();
    let Some((lo, hi)) = scale.step_bounds() else {
        return;
    };
    let (lo, hi) = (
        i32::try_from(lo).unwrap_or(i32::MIN),
        i32::try_from(hi).unwrap_or(i32::MAX),
    );
    ui.horizontal(|ui| {
        let mut n = match draft {
            Some(Value::Number(n)) => n,
            _ => lo,
        };
        let label = format!("{} (draft)", c.factor.label);
        #[allow(clippy::cast_possible_truncation)]
        let slider = egui::Slider::new(&mut n, lo..=hi)
            .text("draft")
            .custom_formatter(move |v, _| step.text(v.round() as i64))
            .custom_parser(move |s| step.steps_in(s).map(|n| n as f64))
            // Taken on Enter, not key by key: "6.35" must not become 6.3 on the way (a number
            // between steps is not taken, and the box shows the draft again).
            .update_while_editing(false);
        let r = ui.add(slider);
        r.widget_info(|| egui::WidgetInfo::slider(true, step.at(i64::from(n)), &label));
        if r.changed() {
            out.push(Action::Edit {
                edit: Edit::SetDraft {
                    theme: c.theme.id.clone(),
                    factor: c.factor.id.clone(),
                    value: Some(Value::Number(n)),
                },
                merge: Some(format!("slider:{}:{}", c.theme.id, c.factor.id)),
            });
        }
        if r.drag_stopped() || r.lost_focus() {
            out.push(Action::EndMerge);
        }
        if draft.is_none() {
            ui.label(quiet("no draft yet"));
        } else if ui
            .button("Clear")
            .on_hover_text("Clear the draft")
            .clicked()
        {
            out.push(Action::edit(Edit::SetDraft {
                theme: c.theme.id.clone(),
                factor: c.factor.id.clone(),
                value: None,
            }));
        }
    });
}

/// The note as text; clicking it (or "Add a note…") turns it into a text field until Enter,
/// Escape or a click elsewhere. Only the note being edited pays for a text field.
fn note_ui(ui: &mut Ui, c: &RowCtx<'_>, note: &str, view: &mut ViewState, out: &mut Vec<Action>) {
    let key = (c.theme.id.clone(), c.factor.id.clone());
    let label = format!("Note on {}", c.factor.label);
    if view.editing_note.as_ref() != Some(&key) {
        let text = if note.is_empty() {
            quiet("Add a note…")
        } else {
            RichText::new(format!("Note: {note}"))
        };
        let r = ui
            .add(egui::Button::new(text).frame(false).truncate())
            .on_hover_text("Click to edit the evidence note for this score");
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if r.clicked() {
            view.editing_note = Some(key);
        }
        return;
    }
    let mut buf = note.to_owned();
    let r = ui
        .horizontal(|ui| {
            let l = ui.label(quiet(&label));
            ui.add(
                egui::TextEdit::singleline(&mut buf)
                    .hint_text("Evidence for this score…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id)
        })
        .inner;
    if !r.has_focus() && !r.lost_focus() {
        r.request_focus();
    }
    super::widgets::text_edit_actions(&r, &buf, note, out, || Edit::SetNote {
        theme: c.theme.id.clone(),
        factor: c.factor.id.clone(),
        note: buf.clone(),
    });
    if r.lost_focus() {
        view.editing_note = None;
    }
}

/// A level's button: the key to press in brackets and the points spelled out, so "[4] High
/// (3 pts)" is never read as four points.
pub fn level_text(i: usize, level: &crate::model::method::Level) -> String {
    format!(
        "[{}] {} ({})",
        i + 1,
        level.label,
        crate::report::pts(level.points)
    )
}
