//! Every chart, drawn with plotters by one function per chart, generic over the backend. The
//! window (a cached texture), PNG and SVG files and the tests all draw through [`draw`], so
//! they show the same picture. Charts read only the [`Ranking`] and the method.
//!
//! Each drawing returns the [`Mark`]s it placed, in pixels, so the window can name the theme
//! under the pointer and select it on a click.

mod acceptability;
mod axes;
mod bar;
mod matrix;
mod output;
mod points;
mod position;
pub mod rollup;
mod series;
mod shape;
mod slope;
pub mod strip;
mod text;

use axes::{mesh, mesh_with, risk_axis};

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::{FontStyle, RGBColor};

use crate::look::{Look, Rgb};
use crate::model::ranking::RankedTheme;
use crate::model::{Method, Ranking, ThemeId};

pub use output::{ChartImage, render_png, render_rgb, render_svg};
pub use shape::Shape;
use shape::draw_shape;

/// The font family name the charts draw with (egui's own default font, registered once).
pub const FONT: &str = "sans-serif";

/// The charts trh draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Themes ranked by risk, bars coloured by band, with confidence and the cut line.
    RankedBar,
    /// Likelihood across, harm up, on a band-coloured background.
    RiskMatrix,
    /// Partnership position against risk, in priority and opportunity quadrants.
    PositionRisk,
    /// How often each theme took each rank when the room was resampled.
    Acceptability,
}

impl ChartKind {
    /// All charts, in tab order.
    pub const ALL: [Self; 4] = [
        Self::RankedBar,
        Self::RiskMatrix,
        Self::PositionRisk,
        Self::Acceptability,
    ];

    /// Whether the chart means anything under `method`: the position chart needs a
    /// partnership-position section with grades.
    pub fn applies(self, method: &crate::model::method::Method) -> bool {
        match self {
            Self::PositionRisk => {
                method
                    .section(crate::model::method::SectionKind::Position)
                    .is_some()
                    && !method.grades.is_empty()
            }
            _ => true,
        }
    }

    /// Title shown on the chart and its tab.
    pub fn title(self) -> &'static str {
        match self {
            Self::RankedBar => "Ranked risk",
            Self::RiskMatrix => "Risk matrix",
            Self::PositionRisk => "Position against risk",
            Self::Acceptability => "Rank acceptability",
        }
    }

    /// File-name stem for exports.
    pub fn slug(self) -> &'static str {
        match self {
            Self::RankedBar => "ranked-risk",
            Self::RiskMatrix => "risk-matrix",
            Self::PositionRisk => "position-risk",
            Self::Acceptability => "rank-acceptability",
        }
    }
}

/// Colours and sizes for one theme (light, dark, projector). Built by `ui::theme`.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Background.
    pub background: RGBColor,
    /// Text and axes.
    pub text: RGBColor,
    /// Grid lines and quiet text.
    pub grid: RGBColor,
    /// One colour per band, lowest band first (reused in turn if a method has more bands).
    pub bands: Vec<RGBColor>,
    /// Opacity of the band colours behind the risk matrix.
    pub band_tint: f64,
    /// The cut line and highlighted marks.
    pub accent: RGBColor,
    /// Multiplies every text size (the projector theme uses larger text).
    pub text_scale: f64,
}

impl Palette {
    /// The chart colours of a look (see [`crate::look`]).
    pub fn for_look(look: Look) -> Self {
        let rgb = |c: Rgb| RGBColor(c.0, c.1, c.2);
        let c = look.chart_colours();
        Self {
            background: rgb(c.background),
            text: rgb(c.text),
            grid: rgb(c.grid),
            bands: crate::look::BANDS.iter().copied().map(rgb).collect(),
            band_tint: c.band_tint,
            accent: rgb(look.accent()),
            text_scale: look.chart_text_scale(),
        }
    }

    /// The colour of band `index` (0 is the lowest band).
    pub fn band(&self, index: usize) -> RGBColor {
        if self.bands.is_empty() {
            return self.grid;
        }
        self.bands[index % self.bands.len()]
    }

    /// A font size scaled for this palette and the picture's scale.
    fn size(&self, base: f64, scale: f64) -> f64 {
        base * self.text_scale * scale
    }
}

/// What a chart shows besides the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    /// Candidate priorities: the first `cut` ranked themes.
    pub cut: usize,
    /// Colours.
    pub palette: Palette,
    /// Pixels per point, so text stays readable on a high-DPI texture.
    pub scale: f64,
    /// The selected theme, drawn highlighted.
    pub selected: Option<ThemeId>,
    /// The protective marking, written under the chart (empty: none).
    pub marking: String,
}

/// Where a theme was drawn, in pixels from the picture's top left.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The theme.
    pub theme: ThemeId,
    /// Its name.
    pub name: String,
    /// Left, top, right, bottom.
    pub rect: [f32; 4],
}

impl Mark {
    /// True when the point lies in (or within `slop` pixels of) the mark.
    pub fn hit(&self, x: f32, y: f32, slop: f32) -> bool {
        let [l, t, r, b] = self.rect;
        x >= l - slop && x <= r + slop && y >= t - slop && y <= b + slop
    }
}

/// A chart could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("cannot draw the {chart} chart: {message}")]
pub struct ChartError {
    /// Which chart.
    pub chart: &'static str,
    /// What went wrong.
    pub message: String,
}

/// What to draw: one of the ranking charts, a theme's votes, or last year against this year.
#[derive(Clone, Copy, Debug)]
pub enum Figure<'a> {
    /// A chart of the ranking.
    Chart {
        /// Which chart.
        kind: ChartKind,
        /// The ranking it shows.
        ranking: &'a Ranking,
        /// The method (bands, outcomes).
        method: &'a Method,
        /// Rank stability, for the rank acceptability chart (`None`: not worked out yet).
        stability: Option<&'a crate::model::stability::Stability>,
    },
    /// The strip plot of one theme's votes in one round.
    Votes {
        /// The scorecard (method and participants).
        card: &'a crate::model::Scorecard,
        /// The theme.
        theme: &'a crate::model::Theme,
        /// The round.
        round: u32,
    },
    /// The slope chart of rank movement between two scorecards.
    Slope {
        /// The comparison.
        diff: &'a crate::model::diff::Diff,
    },
    /// Several partnerships' priorities side by side.
    Rollup {
        /// The roll-up.
        rollup: &'a crate::model::rollup::Rollup,
    },
    /// A theme's monthly counts from the partnership's data, the two 12-month windows marked.
    Series {
        /// The chart's title (the theme's name).
        title: &'a str,
        /// The theme's counts.
        figures: &'a crate::model::evidence::CountFigures,
    },
}

impl Figure<'_> {
    /// The figure's name, for errors.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Chart { kind, .. } => kind.title(),
            Self::Votes { .. } => "votes",
            Self::Slope { .. } => "rank movement",
            Self::Series { .. } => "monthly counts",
            Self::Rollup { .. } => "priorities across partnerships",
        }
    }
}

/// Draws a figure onto `backend` and returns where each theme was drawn. Every chart trh
/// shows or writes goes through here. A protective marking in the options is written under
/// the chart, so it travels with every exported picture.
pub fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    backend: DB,
    figure: &Figure<'_>,
    options: &ChartOptions,
) -> Result<Vec<Mark>, ChartError> {
    register_fonts();
    let root = backend.into_drawing_area();
    let err = |e: &dyn std::fmt::Display| ChartError {
        chart: figure.title(),
        message: e.to_string(),
    };
    root.fill(&options.palette.background)
        .map_err(|e| err(&e))?;
    let marking = options.marking.trim();
    let area =
        if marking.is_empty() {
            root.clone()
        } else {
            let p = &options.palette;
            let size = p.size(13.0, options.scale);
            let (w, h) = root.dim_in_pixel();
            let strip = (size * 1.8) as u32;
            let (top, bottom) = root.split_vertically(h.saturating_sub(strip));
            let style = (FONT, size).into_font().color(&p.text).pos(
                plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Center,
                    plotters::style::text_anchor::VPos::Center,
                ),
            );
            bottom
                .draw_text(marking, &style, ((w / 2) as i32, (strip / 2) as i32))
                .map_err(|e| err(&e))?;
            top
        };
    let result = match *figure {
        Figure::Chart {
            kind,
            ranking,
            method,
            stability,
        } => match kind {
            ChartKind::RankedBar => bar::draw(&area, ranking, method, options),
            ChartKind::RiskMatrix => matrix::draw(&area, ranking, method, options),
            ChartKind::PositionRisk => position::draw(&area, ranking, method, options),
            ChartKind::Acceptability => acceptability::draw(&area, stability, options),
        },
        Figure::Votes { card, theme, round } => {
            strip::draw(&area, card, theme, round, options).map(|()| Vec::new())
        }
        Figure::Slope { diff } => slope::draw(&area, diff, options),
        Figure::Rollup { rollup } => rollup::draw(&area, rollup, options).map(|()| Vec::new()),
        Figure::Series { title, figures } => {
            series::draw(&area, title, figures, options).map(|()| Vec::new())
        }
    };
    let marks = result.map_err(|e| err(&e))?;
    root.present().map_err(|e| err(&e))?;
    Ok(marks)
}

/// Registers egui's default font with plotters, once per process.
pub fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are egui's own bundled font, known to be valid; a failure would only
        // mean text is missing from charts, and plotters then reports it as a drawing error.
        let _ = plotters::style::register_font(
            FONT,
            FontStyle::Normal,
            epaint_default_fonts::UBUNTU_LIGHT,
        );
    });
}

/// The error type of drawing calls, boxed to keep the chart functions simple.
type DrawResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// A chart with two numeric axes.
type Chart2d<'a, DB> = ChartContext<
    'a,
    DB,
    plotters::coord::cartesian::Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
    >,
>;

/// Builds a chart with the kind's title, the palette's fonts and room for axis labels.
fn build<'a, DB: DrawingBackend<ErrorType: 'static>>(
    area: &'a DrawingArea<DB, plotters::coord::Shift>,
    kind: ChartKind,
    o: &ChartOptions,
    y_label_px: f64,
    (x, y): (std::ops::Range<f64>, std::ops::Range<f64>),
) -> DrawResult<Chart2d<'a, DB>> {
    let p = &o.palette;
    let font = (FONT, p.size(20.0, o.scale)).into_font().color(&p.text);
    Ok(ChartBuilder::on(area)
        .caption(kind.title(), font)
        .margin((12.0 * o.scale) as u32)
        .x_label_area_size((36.0 * o.scale * p.text_scale) as u32)
        .y_label_area_size(y_label_px as u32)
        .build_cartesian_2d(x, y)?)
}

/// Where labels have been placed, so later labels can avoid them.
#[derive(Default)]
struct Placed(Vec<[i32; 4]>);

impl Placed {
    /// Takes the first free spot among `candidates` (left, top, right, bottom), if any.
    fn take(&mut self, candidates: &[[i32; 4]]) -> Option<[i32; 4]> {
        let free = candidates.iter().find(|c| {
            !self
                .0
                .iter()
                .any(|p| c[0] < p[2] && p[0] < c[2] && c[1] < p[3] && p[1] < c[3])
        })?;
        self.0.push(*free);
        Some(*free)
    }
}

/// Ranked rows (those with a risk), in rank order.
fn ranked(ranking: &Ranking) -> impl Iterator<Item = &RankedTheme> {
    ranking
        .rows
        .iter()
        .filter(|r| r.rank.is_some() && r.risk.is_some())
}

/// The band letter of a row (from the method), so colour is never the only cue.
fn band_letter<'a>(method: &'a Method, row: &RankedTheme) -> &'a str {
    row.band
        .as_ref()
        .and_then(|b| method.bands.get(b.index))
        .map_or("", |b| b.letter.as_str())
}

/// True when theme `row` is within the cut line.
fn in_cut(row: &RankedTheme, cut: usize) -> bool {
    row.rank.is_some_and(|r| (r as usize) <= cut)
}

#[cfg(test)]
mod tests;
