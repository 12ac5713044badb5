//! Small widgets shared by panels: band chips (colour plus letter, never colour alone) and
//! tooltips that name a command's shortcut.

use egui::{Color32, Response, RichText, Sense, Ui, vec2};

use crate::app::Command;
use crate::ui::theme;

/// A command's tooltip with its shortcut, e.g. "Save the scorecard (Ctrl+S)".
pub fn with_shortcut(ctx: &egui::Context, c: Command) -> String {
    match c.shortcut() {
        Some(s) => format!("{} ({})", c.tooltip(), ctx.format_shortcut(&s)),
        None => c.tooltip().to_owned(),
    }
}

/// A band chip: the band's colour with its letter in it. `None` draws the unranked chip "–".
pub fn band_chip(ui: &mut Ui, band: Option<(usize, &str)>, label: &str) -> Response {
    let h = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(vec2(h * 1.9, h * 1.15), Sense::hover());
    let (fill, text) = match band {
        Some((i, letter)) => (theme::band_color(i), letter),
        None => (theme::unranked_color(ui.visuals().dark_mode), "–"),
    };
    ui.painter().rect_filled(rect, 3.0, fill);
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(h * 0.8),
        theme::on_band(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    response
}

/// Text in the warning colour.
pub fn warning(text: impl Into<String>, choice: theme::ThemeChoice) -> RichText {
    RichText::new(text.into()).color(theme::warning_color(choice))
}

/// Weak, small text.
pub fn quiet(text: impl Into<String>) -> RichText {
    RichText::new(text.into()).small().color(Color32::GRAY)
}
