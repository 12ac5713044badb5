//! The look in egui: visuals and text sizes for light, dark and projector, and the colours of
//! [`crate::look`] as egui colours. The only file outside `look.rs` that makes a colour.

use egui::{Color32, FontId, TextStyle};

use crate::look::{self, Look, Rgb};

/// An egui colour from a look colour.
#[allow(clippy::disallowed_methods)] // The one conversion; the colours live in `look.rs`.
pub fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// The fill of band `index` (0 is the lowest).
pub fn band_color(index: usize) -> Color32 {
    color(look::band(index))
}

/// Text colour that reads on a band fill.
pub fn on_band() -> Color32 {
    color(look::ON_BAND)
}

/// The colour for unranked themes' chips.
pub fn unranked_color(look: Look) -> Color32 {
    color(look.unranked())
}

/// Colour for the cut line and highlights.
pub fn accent_color(look: Look) -> Color32 {
    color(look.accent())
}

/// Colour for warnings (departures, contested factors).
pub fn warning_color(look: Look) -> Color32 {
    color(look.warning())
}

/// The look the window shows now (light or dark visuals; projector counts as light).
pub fn current(ui: &egui::Ui) -> Look {
    if ui.visuals().dark_mode {
        Look::Dark
    } else {
        Look::Light
    }
}

/// A look's visuals.
fn visuals(look: Look) -> egui::Visuals {
    let mut visuals = match look {
        Look::Light => egui::Visuals::light(),
        Look::Dark => egui::Visuals::dark(),
        Look::Projector => projector_visuals(),
    };
    visuals.selection.bg_fill = color(look.selection());
    visuals.selection.stroke.color = color(look.selection_stroke());
    visuals
}

/// Applies a look to egui: visuals and text sizes.
pub fn apply(ctx: &egui::Context, look: Look) {
    let visuals = visuals(look);
    let scale = look.text_scale();
    let theme = if look.is_dark() {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    ctx.set_theme(theme);
    ctx.set_visuals_of(theme, visuals);
    ctx.style_mut_of(theme, |style| {
        style.text_styles = text_styles(scale);
        style.spacing.item_spacing = egui::vec2(8.0, 5.0) * scale;
        style.spacing.button_padding = egui::vec2(6.0, 3.0) * scale;
        style.spacing.interact_size.y = 20.0 * scale;
    });
}

fn text_styles(scale: f32) -> std::collections::BTreeMap<TextStyle, FontId> {
    use egui::FontFamily::{Monospace, Proportional};
    [
        (TextStyle::Small, FontId::new(11.0 * scale, Proportional)),
        (TextStyle::Body, FontId::new(14.5 * scale, Proportional)),
        (TextStyle::Button, FontId::new(14.5 * scale, Proportional)),
        (TextStyle::Heading, FontId::new(21.0 * scale, Proportional)),
        (TextStyle::Monospace, FontId::new(13.5 * scale, Monospace)),
    ]
    .into()
}

fn projector_visuals() -> egui::Visuals {
    use look::projector as p;
    let mut v = egui::Visuals::light();
    let (black, white) = (color(look::BLACK), color(look::WHITE));
    v.override_text_color = Some(black);
    v.weak_text_color = Some(color(p::WEAK_TEXT));
    v.panel_fill = white;
    v.window_fill = white;
    v.extreme_bg_color = color(p::EXTREME_BG);
    v.faint_bg_color = color(p::FAINT_BG);
    v.widgets.noninteractive.bg_stroke.color = color(p::LINE);
    v.widgets.inactive.bg_fill = color(p::BUTTON);
    v.widgets.inactive.weak_bg_fill = color(p::BUTTON);
    v.widgets.inactive.fg_stroke.color = black;
    v.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, black);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(c: egui::Color32) -> [u8; 3] {
        [c.r(), c.g(), c.b()]
    }

    /// WCAG's contrast ratio of two colours.
    fn contrast(a: impl Into<[u8; 3]>, b: impl Into<[u8; 3]>) -> f64 {
        let lum = |c: [u8; 3]| {
            let f = |x: u8| {
                let x = f64::from(x) / 255.0;
                if x <= 0.039_28 {
                    x / 12.92
                } else {
                    ((x + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2])
        };
        let (x, y) = (lum(a.into()), lum(b.into()));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// Hints and secondary text in the projector look are dark enough to read across a room
    /// (at least 4.5:1 against the white panel, WCAG's level for body text).
    #[test]
    fn projector_hints_are_not_faint() {
        let v = projector_visuals();
        let c = contrast(rgb(v.weak_text_color()), rgb(v.panel_fill));
        assert!(c >= 4.5, "contrast {c:.1}");
    }

    /// A level's descriptor (what "High" means) is body text in every look: at least 4.5:1
    /// against the panel and the shaded rows, at the body size. It was about 10 px at 2.9:1.
    #[test]
    fn level_descriptors_are_readable_in_every_look() {
        for look in [Look::Light, Look::Dark, Look::Projector] {
            let v = visuals(look);
            // The shaded rows' colour is a premultiplied tint laid over the panel.
            let over = |c: egui::Color32, bg: egui::Color32| {
                let a = 1.0 - f32::from(c.a()) / 255.0;
                let mix = |x: u8, y: u8| (f32::from(x) + f32::from(y) * a).min(255.0) as u8;
                [mix(c.r(), bg.r()), mix(c.g(), bg.g()), mix(c.b(), bg.b())]
            };
            let shaded = over(v.faint_bg_color, v.panel_fill);
            for ground in [rgb(v.panel_fill), shaded, rgb(v.window_fill)] {
                let c = contrast(rgb(v.text_color()), ground);
                assert!(c >= 4.5, "{look:?}: {c:.1} against {ground:?}");
            }
            let body = text_styles(look.text_scale())[&TextStyle::Body].size;
            assert!(body >= 14.0, "{look:?}: body text {body}");
        }
    }
}
