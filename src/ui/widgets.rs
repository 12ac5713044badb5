//! Small widgets shared by panels: band chips (colour plus letter, never colour alone) and
//! tooltips that name a command's shortcut.

use egui::{Color32, Response, RichText, Sense, Ui};

use crate::app::Command;
use crate::ui::theme;

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
    let fill = band.map_or_else(|| theme::unranked_color(dark), theme::band_color);
    painter.rect_filled(rect, 3.0, fill);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        letter,
        egui::FontId::proportional(rect.height() * 0.75),
        theme::on_band(),
    );
}

/// Text in the warning colour.
pub fn warning(text: impl Into<String>, choice: theme::ThemeChoice) -> RichText {
    RichText::new(text.into()).color(theme::warning_color(choice))
}

/// Weak, small text.
pub fn quiet(text: impl Into<String>) -> RichText {
    RichText::new(text.into()).small().color(Color32::GRAY)
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
