//! The risk matrix: likelihood across, harm up, on a background coloured by the band each
//! (likelihood, harm) pair falls in, with one point per theme whose shape encodes its outcome.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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
    // Two key lines under the chart: the outcomes' shapes, then the bands' colours.
    let legend_h = (34.0 * s * p.text_scale) as u32;
    let (upper, lower) = root.split_vertically(h.saturating_sub(2 * legend_h));
    let (lower, band_key) = lower.split_vertically(legend_h);

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
    let marks = points_and_labels(
        root,
        &spots,
        r,
        o,
        rows.len() <= NAME_ALL_UP_TO,
        &bounds,
        &[],
    )?;
    super::points::outcome_legend(&lower, method, o)?;
    band_legend(&band_key, method, o)?;
    Ok(marks)
}

/// The key to the background: a swatch of each band's tint with its name, lowest first, so
/// colour is never the only cue to what the ground means.
fn band_legend<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    method: &Method,
    o: &ChartOptions,
) -> DrawResult<()> {
    let p = &o.palette;
    let (w, h) = area.dim_in_pixel();
    let size = p.size(13.0, o.scale);
    let n = method.bands.len().max(1);
    let lead = "Ground: band";
    let style = (super::FONT, size)
        .into_font()
        .color(&p.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let lead_w = area
        .estimate_text_size(lead, &style)
        .map_or(0, |(w, _)| w as i32);
    let x0 = (12.0 * o.scale) as i32;
    let slot = ((w as i32 - x0 - lead_w - 12).max(0) / n as i32).max(1);
    let (y, sw) = (h as i32 / 2, (size * 1.6) as i32);
    area.draw(&Text::new(lead, (x0, y), style.clone()))?;
    for (i, band) in method.bands.iter().enumerate() {
        let x = x0 + lead_w + 12 + slot * i as i32;
        let swatch = [(x, y - sw / 3), (x + sw, y + sw / 3)];
        area.draw(&Rectangle::new(
            swatch,
            blend(p.background, p.band(i), p.band_tint).filled(),
        ))?;
        area.draw(&Rectangle::new(
            swatch,
            ShapeStyle::from(&p.text).stroke_width(1),
        ))?;
        let max_chars = (f64::from(slot - sw - 10) / (size * 0.5)).max(3.0) as usize;
        area.draw(&Text::new(
            super::bar::fit(&band.label, max_chars),
            (x + sw + 6, y),
            style.clone(),
        ))?;
    }
    Ok(())
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
