//! The risk matrix: likelihood across, harm up, on a background coloured by the band each
//! (likelihood, harm) pair falls in, with one point per theme whose shape encodes its outcome.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::points::{axis_range, fan_out, points_and_labels};
use super::{ChartKind, ChartOptions, DrawResult, Mark, ranked};
use crate::model::attainable::risk_of;
use crate::model::ranking::RankedTheme;
use crate::model::risk_rule;
use crate::model::{Method, Ranking, SectionKind};

/// Cells per axis of the band background.
const CELLS: usize = 40;
/// Themes are named on the chart when there are at most this many, else only those in the cut.
const NAME_ALL_UP_TO: usize = 20;

pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    ranking: &Ranking,
    method: &Method,
    o: &ChartOptions,
) -> DrawResult<Vec<Mark>> {
    let p = &o.palette;
    let s = o.scale;
    let rows: Vec<&RankedTheme> = ranked(ranking).collect();
    let x_range = axis_range(
        method,
        SectionKind::Likelihood,
        rows.iter().map(|r| r.likelihood),
    );
    let y_range = axis_range(method, SectionKind::Harm, rows.iter().map(|r| r.harm));
    let (_, h) = root.dim_in_pixel();
    let legend_h = (34.0 * s * p.text_scale) as u32;
    let (upper, lower) = root.split_vertically(h.saturating_sub(legend_h));

    let y_label_px = 48.0 * s * p.text_scale;
    let ranges = (x_range.clone(), y_range.clone());
    let mut chart = super::build(&upper, ChartKind::RiskMatrix, o, y_label_px, ranges)?;

    // The band background, blended into the page colour (no alpha needed by any backend).
    let (dx, dy) = (
        (x_range.end - x_range.start) / CELLS as f64,
        (y_range.end - y_range.start) / CELLS as f64,
    );
    // A grid's background is its cells; a formula's, the band of its risk.
    let grid = match risk_rule::resolve(method) {
        risk_rule::Rule::Grid(g) => Some(g),
        _ => None,
    };
    for i in 0..CELLS {
        for j in 0..CELLS {
            let (x, y) = (x_range.start + dx * i as f64, y_range.start + dy * j as f64);
            let (harm, likelihood) = (y + dy / 2.0, x + dx / 2.0);
            let band = match &grid {
                Some(g) => risk_rule::grid_band_at(method, g, harm, likelihood),
                None => band_index(
                    method,
                    crate::model::exact::settle(risk_of(&method.risk, harm, likelihood)),
                ),
            };
            let Some(band) = band else {
                continue;
            };
            let c = blend(p.background, p.band(band), p.band_tint);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x, y), (x + dx, y + dy)],
                c.filled(),
            )))?;
        }
    }
    super::mesh(&mut chart, o, "Likelihood", Some("Harm"), 0.35)?;

    let r = (6.0 * s * p.text_scale) as i32;
    let spots = fan_out(
        rows.iter()
            .filter_map(|row| Some((*row, chart.backend_coord(&(row.likelihood?, row.harm?))))),
        r * 2 + 2,
    );
    let bounds = chart.plotting_area().get_pixel_range();
    let marks = points_and_labels(root, &spots, r, o, rows.len() <= NAME_ALL_UP_TO, &bounds)?;
    super::points::outcome_legend(&lower, method, o)?;
    Ok(marks)
}

/// The band a risk falls in, by index (lowest first).
pub(super) fn band_index(method: &Method, risk: f64) -> Option<usize> {
    method
        .bands
        .iter()
        .position(|b| b.bounds().contains(risk))
        .or_else(|| {
            // Between two bands' whole-number ends (the background is continuous): the lower.
            method.bands.iter().rposition(|b| risk >= b.bounds().low())
        })
}

fn blend(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let mix = |x: u8, y: u8| (f64::from(x) * (1.0 - t) + f64::from(y) * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}
