//! Partnership position against risk: risk across, position total up, split into quadrants at
//! the middle band and the middle grade. Each quadrant is named by the outcome the method's
//! lookup gives there (priority, capability gap, opportunity, ...), so the chart follows the
//! method rather than fixed words.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::points::{axis_range, fan_out, outcome_legend, points_and_labels};
use super::{ChartKind, ChartOptions, DrawResult, FONT, Mark, ranked};
use crate::model::method::matching_rules;
use crate::model::ranking::RankedTheme;
use crate::model::{Method, Ranking, SectionKind};

pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    ranking: &Ranking,
    method: &Method,
    o: &ChartOptions,
) -> DrawResult<Vec<Mark>> {
    let p = &o.palette;
    let s = o.scale;
    let font = |size: f64| (FONT, p.size(size, s)).into_font().color(&p.text);
    if method.section(SectionKind::Position).is_none() || method.grades.is_empty() {
        let (w, h) = root.dim_in_pixel();
        root.draw(&Text::new(
            format!("{} has no partnership-position section", method.name),
            (w as i32 / 2, h as i32 / 2),
            font(16.0).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        return Ok(Vec::new());
    }
    let rows: Vec<&RankedTheme> = ranked(ranking)
        .filter(|r| r.position_total.is_some())
        .collect();
    let grid = method.risk.grid().is_some();
    let risk_hi = risk_end(method);
    let x_range = axis_range_risk(risk_hi, rows.iter().filter_map(|r| r.risk));
    let y_range = axis_range(
        method,
        SectionKind::Position,
        rows.iter().map(|r| r.position_total),
    );
    let (_, h) = root.dim_in_pixel();
    let legend_h = (34.0 * s * p.text_scale) as u32;
    let (upper, lower) = root.split_vertically(h.saturating_sub(legend_h));
    let y_label_px = 48.0 * s * p.text_scale;
    let ranges = (x_range.clone(), y_range.clone());
    let mut chart = super::build(&upper, ChartKind::PositionRisk, o, y_label_px, ranges)?;
    let (desc, ticks) = super::risk_axis(method);
    super::mesh_with(
        &mut chart,
        o,
        (desc, &ticks),
        Some("Partnership position"),
        0.3,
    )?;

    let band_split = method.bands.len() / 2;
    let (x_split, y_split) = splits(method, grid);
    let line = ShapeStyle::from(&p.text).stroke_width((2.0 * s) as u32);
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(x_split, y_range.start), (x_split, y_range.end)],
        line,
    )))?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(x_range.start, y_split), (x_range.end, y_split)],
        line,
    )))?;
    let corners = [(x_range.start, y_range.start), (x_range.end, y_range.end)];
    quadrant_labels(root, method, o, band_split, corners, |x, y| {
        chart.backend_coord(&(x, y))
    })?;

    let r = (6.0 * s * p.text_scale) as i32;
    let spots = fan_out(
        rows.iter()
            .filter_map(|row| Some((*row, chart.backend_coord(&(row.risk?, row.position_total?))))),
        r * 2 + 2,
    );
    let bounds = chart.plotting_area().get_pixel_range();
    let (lx, ly) = chart.backend_coord(&(x_split, y_split));
    let lines = [
        [lx - 2, bounds.1.start, lx + 2, bounds.1.end],
        [bounds.0.start, ly - 2, bounds.0.end, ly + 2],
    ];
    let marks = points_and_labels(root, &spots, r, o, rows.len() <= 20, &bounds, &lines)?;
    outcome_legend(&lower, method, o)?;
    Ok(marks)
}

/// The risk axis's end: past the top band's upper bound, or a grid's number of grades.
fn risk_end(method: &Method) -> f64 {
    let grid = method.risk.grid().is_some();
    method.bands.last().map_or(1.0, |b| {
        if grid {
            // A grid's risk is its grade's place, 1 to the number of grades.
            return method.bands.len() as f64 + 0.5;
        }
        let top = b.bounds();
        if top.high().is_finite() {
            top.high()
        } else {
            top.low().max(0.0) * 1.25 + 1.0
        }
    })
}

/// Where the quadrants divide: across at the middle band's lower end, up at the middle
/// grade's.
fn splits(method: &Method, grid: bool) -> (f64, f64) {
    let band_split = method.bands.len() / 2;
    let grade_split = method.grades.len() / 2;
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    let x_split = if grid {
        band_split as f64 + 0.5
    } else {
        method
            .bands
            .get(band_split)
            .map_or(0.0, |b| finite(b.bounds().low()))
    };
    let y_split = method
        .grades
        .get(grade_split)
        .map_or(0.0, |g| finite(g.bounds().low()))
        - 0.5;
    (x_split, y_split)
}

/// Names each quadrant, in its corner, by the lookup's outcome for its most typical band and
/// grade. `corners` are the lower-left and upper-right data corners; `to_px` places a point.
fn quadrant_labels<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    method: &Method,
    o: &ChartOptions,
    band_split: usize,
    corners: [(f64, f64); 2],
    to_px: impl Fn(f64, f64) -> (i32, i32),
) -> DrawResult<()> {
    let (p, s) = (&o.palette, o.scale);
    let [(x0, y0), (x1, y1)] = corners;
    let quadrants = [
        (false, true, x0, y1, HPos::Left, VPos::Top),
        (true, true, x1, y1, HPos::Right, VPos::Top),
        (false, false, x0, y0, HPos::Left, VPos::Bottom),
        (true, false, x1, y0, HPos::Right, VPos::Bottom),
    ];
    for (high_risk, strong, x, y, hp, vp) in quadrants {
        let band = if high_risk {
            method.bands.last()
        } else {
            band_split.checked_sub(1).and_then(|i| method.bands.get(i))
        };
        let grade = if strong {
            method.grades.last()
        } else {
            method.grades.first()
        };
        let (Some(band), Some(grade)) = (band, grade) else {
            continue;
        };
        let Some(&rule) = matching_rules(method, &band.id, Some(&grade.id)).first() else {
            continue;
        };
        let Some(outcome) = method.outcome(&method.lookup[rule].outcome) else {
            continue;
        };
        let (px, py) = to_px(x, y);
        let inset = (8.0 * s) as i32;
        let dx = if matches!(hp, HPos::Left) {
            inset
        } else {
            -inset
        };
        let dy = if matches!(vp, VPos::Top) {
            inset
        } else {
            -inset
        };
        root.draw(&Text::new(
            outcome.label.clone(),
            (px + dx, py + dy),
            (FONT, p.size(15.0, s))
                .into_font()
                .color(&p.grid)
                .pos(Pos::new(hp, vp)),
        ))?;
    }
    Ok(())
}

fn axis_range_risk(hi: f64, data: impl Iterator<Item = f64>) -> std::ops::Range<f64> {
    let hi = data.fold(hi, f64::max);
    let pad = (hi * 0.04).max(0.5);
    -pad..hi + pad
}
