//! Small widgets shared by panels: band chips (colour plus letter, never colour alone),
//! tooltips that name a command's shortcut, a dialog's row of buttons, and a text field's
//! change as an edit.

use egui::{Response, RichText, Sense, Ui};

use crate::look::Look;
use crate::state::Command;
use crate::ui::style;

/// A command's tooltip with its shortcut, e.g. "Save the scorecard (Ctrl+S)".
pub fn with_shortcut(ctx: &egui::Context, c: Command) -> String {
    match c.shortcut() {
        Some(s) => format!("{} ({})", c.tooltip(), ctx.format_shortcut(&s)),
        None => c.tooltip().to_owned(),
    }
}

/// Paints a band chip: the band's colour with its letter in it (`None`: the unranked chip).
pub fn paint_band_chip(
    painter: &egui::Painter,
    rect: egui::Rect,
    band: Option<usize>,
    letter: &str,
    dark: bool,
) {
    let look = if dark { Look::Dark } else { Look::Light };
    let fill = band.map_or_else(|| style::unranked_color(look), style::band_color);
    painter.rect_filled(rect, 3.0, fill);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        letter,
        egui::FontId::proportional(rect.height() * 0.75),
        style::on_band(),
    );
}

/// Text in the warning colour.
pub fn warning(text: impl Into<String>, choice: Look) -> RichText {
    RichText::new(text.into()).color(style::warning_color(choice))
}

/// Weak, small text.
pub fn quiet(text: impl Into<String>) -> RichText {
    // The look's weak colour: dark enough to read on a projector (see `theme.rs`).
    RichText::new(text.into()).small().weak()
}

/// A selectable choice drawn directly (a galley and a rounded rect), much cheaper per frame than
/// a full button; used for the many level choices of a scorecard. Named for screen readers by
/// `label`.
pub fn choice(ui: &mut Ui, text: &str, on: bool, label: impl Fn() -> String) -> Response {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let galley = ui
        .painter()
        .layout_no_wrap(text.to_owned(), font, ui.visuals().text_color());
    let pad = ui.spacing().button_padding;
    let (rect, response) = ui.allocate_exact_size(galley.size() + 2.0 * pad, Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, on, label()));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, on);
        if on || response.hovered() || response.has_focus() {
            ui.painter().rect(
                rect,
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
        }
        let color = if on {
            visuals.text_color()
        } else {
            ui.visuals().text_color()
        };
        ui.painter().galley(rect.min + pad, galley, color);
    }
    response
}

/// How a level button is marked on the scorecard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelMark {
    /// The level in force (agreed, from votes, or the draft when nothing else): filled.
    InForce,
    /// The analyst's draft, overridden by an agreed value or votes: outlined, "draft".
    Draft,
    /// Neither.
    Plain,
}

/// A level button: the level in force filled, an overridden draft outlined and labelled, so
/// nobody takes the draft for the value that counts.
pub fn level_choice(
    ui: &mut Ui,
    text: &str,
    mark: LevelMark,
    label: impl Fn() -> String,
) -> Response {
    let text = if mark == LevelMark::Draft {
        format!("{text} · draft")
    } else {
        text.to_owned()
    };
    let r = choice(ui, &text, mark == LevelMark::InForce, label);
    if mark == LevelMark::Draft && ui.is_rect_visible(r.rect) {
        let stroke = egui::Stroke::new(1.5, ui.visuals().selection.stroke.color);
        ui.painter()
            .rect_stroke(r.rect, 3.0, stroke, egui::StrokeKind::Inside);
    }
    r
}

/// A one-line galley cut with "…" to fit `width`.
pub fn elided(
    ui: &Ui,
    text: String,
    font: egui::FontId,
    color: egui::Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text, font, color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(10.0));
    ui.painter().layout_job(job)
}

/// The candidate-priority cut line (top N): saved in the scorecard, so a change is an edit
/// (a drag is one undo step). Warns when the line falls inside a tie.
pub fn cut_ui(
    ui: &mut Ui,
    doc: &crate::document::Document,
    (label, after): (&str, &str),
    out: &mut Vec<crate::state::Action>,
) {
    let ranked = doc.ranking.rows.iter().filter(|r| r.rank.is_some()).count();
    let mut cut = doc.ranking.cut;
    let most = ranked.max(cut);
    let l = ui.label(label);
    let r = ui
        .add(egui::DragValue::new(&mut cut).range(0..=most))
        .labelled_by(l.id)
        .on_hover_text(
            "Where the cut line falls: themes ranked N or better are candidate priorities, so a tie at the line is all inside it (saved in the scorecard)",
        );
    if cut != doc.ranking.cut {
        let cut = u32::try_from(cut).ok();
        out.push(crate::state::Action::Edit {
            edit: crate::model::Edit::SetCut { cut },
            merge: Some("cut".to_owned()),
        });
    }
    if r.drag_stopped() || r.lost_focus() {
        out.push(crate::state::Action::EndMerge);
    }
    // The rest of the sentence ("of 14 ranked themes") before any warning, never split by it.
    if !after.is_empty() {
        ui.label(after);
    }
    if let Some(tie) = doc.ranking.cut_tie() {
        let look = style::current(ui);
        ui.label(warning(tie.short(), look))
            .on_hover_text(tie.sentence());
    }
}

/// A row of buttons, each giving its reply.
pub fn buttons<T: Clone>(ui: &mut Ui, choices: &[(&str, T)]) -> Option<T> {
    let mut reply = None;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        for (label, r) in choices {
            if ui.button(*label).clicked() {
                reply = Some(r.clone());
            }
        }
    });
    reply
}

/// Turns a text field's change into an edit; typing in one field is one undo step.
pub fn text_edit_actions(
    r: &egui::Response,
    buf: &str,
    old: &str,
    out: &mut Vec<crate::state::Action>,
    edit: impl FnOnce() -> crate::model::Edit,
) {
    if r.changed() && buf != old {
        out.push(crate::state::Action::Edit {
            edit: edit(),
            merge: Some(format!("text:{:?}", r.id)),
        });
    }
    if r.lost_focus() {
        out.push(crate::state::Action::EndMerge);
    }
}

/// A plain Enter this frame (Shift+Enter is a new line in a rationale).
pub fn enter_pressed(ctx: &egui::Context) -> bool {
    ctx.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.is_none())
}

/// Gives a dialog's first field the keyboard, unless the user has put it elsewhere.
pub fn focus_first(ui: &Ui, field: &egui::Response) {
    if ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
}
