//! The look: light, dark or projector, and every colour trh draws with. Nothing here knows
//! egui or plotters, so the charts, the exports, the command line and the window all take
//! their colours from one place: `ui/style.rs` turns them into egui visuals and
//! `chart::Palette::for_look` into a chart palette. (`clippy.toml` keeps colour constructors
//! out of every other file.)

use serde::{Deserialize, Serialize};

/// How trh looks: chosen in preferences, for `trh --screenshot --look`, and for exported charts.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
pub enum Look {
    /// Dark text on light.
    #[default]
    Light,
    /// Light text on dark.
    Dark,
    /// High contrast, large text, for a projector at the back of a room.
    Projector,
}

impl Look {
    /// Every look, in menu order.
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::Projector];

    /// The name shown in menus and dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Self::Light => "Light",
            Self::Dark => "Dark",
            Self::Projector => "Projector",
        }
    }

    /// True for light text on a dark background.
    pub fn is_dark(self) -> bool {
        self == Self::Dark
    }

    /// How much larger the window's text is than in the light look.
    pub fn text_scale(self) -> f32 {
        match self {
            Self::Projector => 1.3,
            _ => 1.0,
        }
    }

    /// How much larger chart text is.
    pub fn chart_text_scale(self) -> f64 {
        match self {
            Self::Projector => 1.6,
            _ => 1.0,
        }
    }

    /// The cut line and highlights.
    pub fn accent(self) -> Rgb {
        match self {
            Self::Dark => SKY_BLUE,
            _ => BLUE,
        }
    }

    /// Warnings: departures, contested factors.
    pub fn warning(self) -> Rgb {
        match self {
            Self::Dark => Rgb(240, 170, 60),
            _ => Rgb(170, 70, 0),
        }
    }

    /// The chip of a theme with no band.
    pub fn unranked(self) -> Rgb {
        if self.is_dark() {
            Rgb::gray(90)
        } else {
            Rgb::gray(200)
        }
    }

    /// Selected text and rows.
    pub fn selection(self) -> Rgb {
        match self {
            Self::Dark => Rgb(0, 90, 150),
            _ => Rgb(160, 205, 240),
        }
    }

    /// The outline of selected widgets.
    pub fn selection_stroke(self) -> Rgb {
        if self.is_dark() { WHITE } else { BLACK }
    }

    /// Chart background, text and grid.
    pub fn chart_colours(self) -> ChartColours {
        match self {
            Self::Light => ChartColours {
                background: WHITE,
                text: Rgb::gray(25),
                grid: Rgb::gray(110),
                band_tint: 0.35,
            },
            Self::Dark => ChartColours {
                background: Rgb::gray(27),
                text: Rgb::gray(230),
                grid: Rgb::gray(160),
                band_tint: 0.3,
            },
            Self::Projector => ChartColours {
                background: WHITE,
                text: BLACK,
                grid: Rgb::gray(70),
                band_tint: 0.45,
            },
        }
    }
}

/// A colour, 8 bits a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// A gray.
    pub const fn gray(v: u8) -> Self {
        Self(v, v, v)
    }
}

/// Black.
pub const BLACK: Rgb = Rgb(0, 0, 0);
/// White.
pub const WHITE: Rgb = Rgb(255, 255, 255);

/// The QR code's dark modules: black on white in every look, as scanners read best.
pub const QR_DARK: Rgb = BLACK;
/// The QR code's light modules and quiet zone.
pub const QR_LIGHT: Rgb = WHITE;
/// Okabe–Ito blue: the cut line and highlights on light backgrounds.
const BLUE: Rgb = Rgb(0, 114, 178);
/// Okabe–Ito sky blue: the accent on dark backgrounds.
const SKY_BLUE: Rgb = Rgb(86, 180, 233);

/// Band colours, lowest band first: sky blue, yellow, orange, vermilion from the Okabe–Ito
/// palette, which stays distinct under the common colour-vision deficiencies. Bands also show
/// their letter everywhere, so colour is never the only cue.
pub const BANDS: [Rgb; 4] = [
    SKY_BLUE,
    Rgb(240, 228, 66),
    Rgb(230, 159, 0),
    Rgb(213, 94, 0),
];

/// The fill of band `index` (0 is the lowest; a method with more bands reuses them in turn).
pub fn band(index: usize) -> Rgb {
    BANDS[index % BANDS.len()]
}

/// Text on a band fill (every band fill is light enough for black).
pub const ON_BAND: Rgb = BLACK;

/// A chart's background, text and grid in one look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartColours {
    /// Background.
    pub background: Rgb,
    /// Text and axes.
    pub text: Rgb,
    /// Grid lines and quiet text.
    pub grid: Rgb,
    /// Opacity of band colours behind the risk matrix.
    pub band_tint: f64,
}

/// The projector look's window colours: black on white, with hints still dark enough to read
/// at the back of a room.
pub mod projector {
    use super::Rgb;

    /// Hints and secondary text (at least 4.5:1 on white; tested in `ui/style.rs`).
    pub const WEAK_TEXT: Rgb = Rgb::gray(55);
    /// Text fields and scroll areas.
    pub const EXTREME_BG: Rgb = Rgb::gray(245);
    /// Striped rows.
    pub const FAINT_BG: Rgb = Rgb::gray(232);
    /// Lines between non-interactive parts.
    pub const LINE: Rgb = Rgb::gray(60);
    /// Buttons at rest.
    pub const BUTTON: Rgb = Rgb::gray(215);
}

/// Presenter mode's vote cells: filled for a vote, light for no vote.
pub mod presenter {
    use super::Rgb;

    /// A cell that holds a vote.
    pub const VOTED: Rgb = Rgb::gray(215);
    /// A cell with no vote.
    pub const EMPTY: Rgb = Rgb::gray(245);
}

/// The notification strip: (background, text).
pub mod toast {
    use super::{Rgb, WHITE};

    /// An error.
    pub const ERROR: (Rgb, Rgb) = (Rgb(120, 20, 20), WHITE);
    /// Information.
    pub const INFO: (Rgb, Rgb) = (Rgb(30, 60, 90), WHITE);
}
