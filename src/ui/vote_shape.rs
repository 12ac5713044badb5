//! The vote grid's shape, shared by its rows (`vote_grid.rs`) and the statistics under it
//! (`vote_stats.rs`): the theme and round shown, the factor columns and their width.

use crate::look::Look;
use crate::model::Theme;
use crate::model::method::Factor;

/// What every row of the grid shares.
pub(super) struct Grid<'a> {
    pub(super) theme: &'a Theme,
    pub(super) factors: Vec<&'a Factor>,
    pub(super) round: u32,
    pub(super) revealed: bool,
    pub(super) row_h: f32,
    pub(super) cw: f32,
    /// The frozen names column's width.
    pub(super) name_w: f32,
    /// Narrow columns, upright headings (see `shape`).
    pub(super) upright: bool,
    /// How long an upright heading may run (see [`Shape::head_len`]).
    pub(super) head_len: f32,
    pub(super) look: Look,
    /// The cursor moved (or another theme is shown) since the last frame: scroll to it.
    pub(super) moved: bool,
}

/// A vote column is at least this wide when the factors' names fit across.
const CELL_W: f32 = 76.0;
/// The names column's narrowest, when every factor column is made to fit.
const NAME_MIN: f32 = 140.0;
/// How long an upright heading may run (two lines at most), when the columns are narrow.
const UPRIGHT_MAX: f32 = 80.0;

/// How the grid is laid out across the width it has.
pub(super) struct Shape {
    /// The frozen names column.
    pub(super) name_w: f32,
    /// One factor column.
    pub(super) cw: f32,
    /// Narrow columns with upright headings (and the names without their agencies), so that
    /// every factor fits in view on a small screen.
    pub(super) upright: bool,
    /// How long an upright heading may run: [`UPRIGHT_MAX`], or the longest word of any
    /// factor's name, so no word breaks.
    pub(super) head_len: f32,
}

/// The grid's shape: factor headings across as wide as their longest word when that fits
/// `width`; otherwise narrow columns (as wide as the widest vote code and the Agree button)
/// with the headings upright, and the names column narrowed to what is left, down to
/// `NAME_MIN`, so all the factors are in view at 1024×768.
pub(super) fn shape(ui: &egui::Ui, factors: &[&Factor], width: f32) -> Shape {
    let small = egui::TextStyle::Small.resolve(ui.style());
    let button = egui::TextStyle::Button.resolve(ui.style());
    let text_w = |text: &str, font: &egui::FontId| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE)
            .size()
            .x
    };
    let widest_word = factors
        .iter()
        .flat_map(|f| f.label.split_whitespace())
        .map(|w| text_w(w, &small))
        .fold(0.0_f32, f32::max);
    let wide = (widest_word + 12.0).max(CELL_W);
    let head_len = UPRIGHT_MAX.max(widest_word + 2.0);
    let n = factors.len().max(1) as f32;
    if super::frozen::NAME_W + wide * n <= width {
        return Shape {
            name_w: super::frozen::NAME_W,
            cw: wide,
            upright: false,
            head_len,
        };
    }
    let widest_code = factors
        .iter()
        .flat_map(|f| codes(&f.scale))
        .map(|c| text_w(&c, &button))
        .fold(0.0_f32, f32::max);
    let two_lines = 2.0 * ui.text_style_height(&egui::TextStyle::Small);
    // A cell is its column less a 4-pixel gap; a small button pads its text by 4 each side.
    let button_w = text_w("Agree", &small) + 2.0 * ui.spacing().button_padding.x;
    let cw = ((widest_code + 8.0).max(button_w).max(two_lines + 4.0) + 4.0).ceil();
    Shape {
        name_w: (width - cw * n).clamp(NAME_MIN, super::frozen::NAME_W),
        cw,
        upright: true,
        head_len,
    }
}

/// The codes a scale's votes are shown as (a range's ends, and one step short of its top,
/// stand for its numbers: 9.9 is wider than 10).
fn codes(scale: &crate::model::Scale) -> Vec<String> {
    match (scale, scale.step_bounds()) {
        (crate::model::Scale::Levels(levels), _) => levels.iter().map(|l| l.code.clone()).collect(),
        (crate::model::Scale::Range { .. }, Some((lo, hi))) => {
            let s = scale.step();
            vec![s.text(lo), s.text(hi), s.text(hi - 1)]
        }
        (crate::model::Scale::Range { .. }, None) => Vec::new(),
    }
}
