//! Every colour and size trh uses: the light, dark and projector themes, and the
//! colour-blind-safe band palette shared by the theme list, the tables and the charts.

use egui::{Color32, FontId, TextStyle};
use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};

use crate::chart::Palette;

/// The look chosen in preferences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Dark text on light.
    #[default]
    Light,
    /// Light text on dark.
    Dark,
    /// High contrast, large text, for a projector at the back of a room.
    Projector,
}

/// Band colours, lowest band first: sky blue, yellow, orange, vermilion from the Okabe–Ito
/// palette, which stays distinct under the common colour-vision deficiencies. Bands also show
/// their letter everywhere, so colour is never the only cue.
const BANDS: [(u8, u8, u8); 4] = [(86, 180, 233), (240, 228, 66), (230, 159, 0), (213, 94, 0)];

/// Used for the cut line and highlights (Okabe–Ito blue).
const ACCENT: (u8, u8, u8) = (0, 114, 178);

/// The fill of band `index` (0 is the lowest).
pub fn band_color(index: usize) -> Color32 {
    let (r, g, b) = BANDS[index % BANDS.len()];
    Color32::from_rgb(r, g, b)
}

/// Text colour that reads on a band fill (all band fills are light enough for black).
pub fn on_band() -> Color32 {
    Color32::BLACK
}

/// The colour for unranked themes' chips.
pub fn unranked_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(90)
    } else {
        Color32::from_gray(200)
    }
}

/// Colour for the cut line and highlights.
pub fn accent_color(choice: ThemeChoice) -> Color32 {
    match choice {
        ThemeChoice::Dark => Color32::from_rgb(86, 180, 233),
        _ => Color32::from_rgb(ACCENT.0, ACCENT.1, ACCENT.2),
    }
}

/// Colour for warnings (departures, contested factors).
pub fn warning_color(choice: ThemeChoice) -> Color32 {
    match choice {
        ThemeChoice::Dark => Color32::from_rgb(240, 170, 60),
        _ => Color32::from_rgb(170, 70, 0),
    }
}

/// Applies a theme to egui: visuals and text sizes.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    let (mut visuals, scale) = match choice {
        ThemeChoice::Light => (egui::Visuals::light(), 1.0),
        ThemeChoice::Dark => (egui::Visuals::dark(), 1.0),
        ThemeChoice::Projector => (projector_visuals(), 1.3),
    };
    visuals.selection.bg_fill = match choice {
        ThemeChoice::Dark => Color32::from_rgb(0, 90, 150),
        _ => Color32::from_rgb(160, 205, 240),
    };
    visuals.selection.stroke.color = match choice {
        ThemeChoice::Dark => Color32::WHITE,
        _ => Color32::BLACK,
    };
    let theme = if choice == ThemeChoice::Dark {
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
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(Color32::BLACK);
    // Hints and secondary text must still read at the back of a room.
    v.weak_text_color = Some(Color32::from_gray(55));
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::from_gray(245);
    v.faint_bg_color = Color32::from_gray(232);
    v.widgets.noninteractive.bg_stroke.color = Color32::from_gray(60);
    v.widgets.inactive.bg_fill = Color32::from_gray(215);
    v.widgets.inactive.weak_bg_fill = Color32::from_gray(215);
    v.widgets.inactive.fg_stroke.color = Color32::BLACK;
    v.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, Color32::BLACK);
    v
}

/// The chart palette for a theme.
pub fn chart_palette(choice: ThemeChoice) -> Palette {
    let rgb = |(r, g, b): (u8, u8, u8)| RGBColor(r, g, b);
    let bands = BANDS.iter().copied().map(rgb).collect();
    match choice {
        ThemeChoice::Light => Palette {
            background: RGBColor(255, 255, 255),
            text: RGBColor(25, 25, 25),
            grid: RGBColor(110, 110, 110),
            bands,
            band_tint: 0.35,
            accent: rgb(ACCENT),
            text_scale: 1.0,
        },
        ThemeChoice::Dark => Palette {
            background: RGBColor(27, 27, 27),
            text: RGBColor(230, 230, 230),
            grid: RGBColor(160, 160, 160),
            bands,
            band_tint: 0.3,
            accent: RGBColor(86, 180, 233),
            text_scale: 1.0,
        },
        ThemeChoice::Projector => Palette {
            background: RGBColor(255, 255, 255),
            text: RGBColor(0, 0, 0),
            grid: RGBColor(70, 70, 70),
            bands,
            band_tint: 0.45,
            accent: rgb(ACCENT),
            text_scale: 1.6,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hints and secondary text in the projector look are dark enough to read across a room
    /// (at least 4.5:1 against the white panel, WCAG's level for body text).
    #[test]
    fn projector_hints_are_not_faint() {
        let v = projector_visuals();
        let c = v.weak_text_color();
        let lum = |x: u8| {
            let x = f64::from(x) / 255.0;
            if x <= 0.039_28 {
                x / 12.92
            } else {
                ((x + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lum(c.r()) + 0.7152 * lum(c.g()) + 0.0722 * lum(c.b());
        let contrast = 1.05 / (l + 0.05);
        assert!(contrast >= 4.5, "contrast {contrast:.1}");
    }
}
