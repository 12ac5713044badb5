//! The risk matrix: likelihood across, harm up, on a background coloured by the band each
//! (likelihood, harm) pair falls in, with one point per theme whose shape encodes its outcome.

use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    ChartKind, ChartOptions, DrawResult, FONT, Mark, Placed, Shape, draw_shape, in_cut, ranked,
};
use crate::model::attainable::{attainable_totals, risk_of};
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
                None => band_index(method, risk_of(&method.risk, harm, likelihood)),
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
    super::position::outcome_legend(&lower, method, o)?;
    Ok(marks)
}

/// Draws every theme's point, then names as many as fit without overlapping: the selected
/// theme first, then themes in rank order (all of them when there are few, else those within
/// the cut line). Returns the marks in drawing order.
pub(super) fn points_and_labels<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    placed: &[(&RankedTheme, (i32, i32))],
    r: i32,
    o: &ChartOptions,
    name_all: bool,
    bounds: &(std::ops::Range<i32>, std::ops::Range<i32>),
) -> DrawResult<Vec<Mark>> {
    let p = &o.palette;
    let mut marks = Vec::with_capacity(placed.len());
    let mut taken = Placed::default();
    for (row, (x, y)) in placed {
        let shape = Shape::for_outcome(row.outcome.as_ref().map_or(0, |x| x.index));
        let fill = p.band(row.band.as_ref().map_or(0, |b| b.index));
        let selected = o.selected.as_ref() == Some(&row.id);
        let (edge, r) = if selected {
            (p.accent, r + 3)
        } else {
            (p.text, r)
        };
        let rect = draw_shape(root, shape, (*x, *y), r, fill, edge)?;
        taken.0.push(rect.map(|v| v as i32));
        marks.push(Mark {
            theme: row.id.clone(),
            name: row.name.clone(),
            rect,
        });
    }
    let size = p.size(12.5, o.scale);
    let mut order: Vec<usize> = (0..placed.len())
        .filter(|&i| {
            let row = placed[i].0;
            name_all || in_cut(row, o.cut) || o.selected.as_ref() == Some(&row.id)
        })
        .collect();
    order.sort_by_key(|&i| {
        (
            o.selected.as_ref() != Some(&placed[i].0.id),
            placed[i].0.rank,
        )
    });
    for i in order {
        let (row, (x, y)) = placed[i];
        let text = super::bar::fit(&row.name, 28);
        let w = (text.chars().count() as f64 * size * 0.5) as i32;
        let h = size as i32;
        let gap = r + 9;
        let candidates: Vec<[i32; 4]> = [
            [x + gap, y - h / 2, x + gap + w, y + h / 2],
            [x - gap - w, y - h / 2, x - gap, y + h / 2],
            [x - w / 2, y - gap - h, x + w / 2, y - gap],
            [x - w / 2, y + gap, x + w / 2, y + gap + h],
        ]
        .into_iter()
        .filter(|c| {
            // Labels stay inside the plotting area, clear of the axes.
            c[0] >= bounds.0.start
                && c[2] <= bounds.0.end
                && c[1] >= bounds.1.start
                && c[3] <= bounds.1.end
        })
        .collect();
        let Some([l, t, _, _]) = taken.take(&candidates) else {
            continue;
        };
        root.draw(&Text::new(
            text,
            (l, t + h / 2),
            (FONT, size)
                .into_font()
                .color(&p.text)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(marks)
}

/// Themes on the same spot fan out so each can be seen and clicked.
pub(super) fn fan_out<'a>(
    points: impl Iterator<Item = (&'a RankedTheme, (i32, i32))>,
    step: i32,
) -> Vec<(&'a RankedTheme, (i32, i32))> {
    let mut seen: HashMap<(i32, i32), i32> = HashMap::new();
    points
        .map(|(row, (x, y))| {
            let k = seen.entry((x, y)).or_insert(0);
            let (ox, oy) = fan_offset(*k, step);
            *k += 1;
            (row, (x + ox, y + oy))
        })
        .collect()
}

/// Offsets for the k-th theme on one spot: the centre, then a ring of six, then a wider ring.
pub(super) fn fan_offset(k: i32, step: i32) -> (i32, i32) {
    if k == 0 {
        return (0, 0);
    }
    let ring = 1 + (k - 1) / 6;
    let angle = f64::from((k - 1) % 6) * std::f64::consts::PI / 3.0 + f64::from(ring) * 0.5;
    let d = f64::from(step * ring);
    ((d * angle.cos()) as i32, (d * angle.sin()) as i32)
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

/// The axis range for a section: what the method can produce, widened to show any data.
pub(super) fn axis_range(
    method: &Method,
    kind: SectionKind,
    data: impl Iterator<Item = Option<f64>>,
) -> std::ops::Range<f64> {
    let attainable = method.section(kind).and_then(attainable_totals);
    let (mut lo, mut hi) = attainable
        .as_ref()
        .and_then(|v| Some((*v.first()?, *v.last()?)))
        .unwrap_or((f64::MAX, f64::MIN));
    for x in data.flatten() {
        lo = lo.min(x);
        hi = hi.max(x);
    }
    if lo > hi {
        (lo, hi) = (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.06).max(0.5);
    (lo - pad)..(hi + pad)
}

fn blend(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let mix = |x: u8, y: u8| (f64::from(x) * (1.0 - t) + f64::from(y) * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}
