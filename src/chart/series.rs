//! A theme's monthly counts: a bar per month (up to 36), the last 12 months and the 12 before
//! them shaded and named, months with no data left as gaps and marked, so no window looks
//! complete when it is not. One picture per theme in the evidence part, and in a grid of
//! small multiples in the report.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartOptions, DrawResult, FONT};
use crate::model::evidence::figures::{CountFigures, Periods};
use crate::model::evidence::text;

pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    f: &CountFigures,
    o: &ChartOptions,
) -> DrawResult<()> {
    let p = &o.palette;
    let s = o.scale;
    let font = |size: f64| (FONT, p.size(size, s)).into_font().color(&p.text);
    let months = &f.monthly;
    let n = months.len().max(1) as f64;
    let top = months
        .iter()
        .filter_map(|(_, c)| *c)
        .max()
        .unwrap_or(0)
        .max(1) as f64
        * 1.15;
    let mut chart = ChartBuilder::on(root)
        .caption(title, font(15.0))
        .margin((8.0 * s) as u32)
        .x_label_area_size((22.0 * s * p.text_scale) as u32)
        .y_label_area_size((48.0 * s * p.text_scale) as u32)
        .build_cartesian_2d(0f64..n, 0f64..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(4)
        .y_label_formatter(&|v| text::thousands(v.max(0.0) as u64))
        .label_style(font(10.0))
        .axis_style(p.text)
        .bold_line_style(p.grid.mix(0.3))
        .light_line_style(p.grid.mix(0.0))
        .draw()?;
    windows(root, &mut chart, f, o, top)?;
    let bar = p.band(1);
    chart.draw_series(months.iter().enumerate().filter_map(|(i, (_, c))| {
        let c = (*c)? as f64;
        Some(Rectangle::new(
            [(i as f64 + 0.15, 0.0), (i as f64 + 0.85, c)],
            bar.filled(),
        ))
    }))?;
    // Each January (and the first month) named under its bar: plotters' own ticks fall on
    // round numbers, not on months.
    let under = font(10.0).pos(Pos::new(HPos::Left, VPos::Top));
    // The first month is named too, unless a January follows within three months.
    let first_named = months.iter().take(4).all(|(m, _)| m.month != 1);
    for (i, (m, _)) in months.iter().enumerate() {
        if m.month == 1 || (i == 0 && first_named) {
            let (px, py) = chart.backend_coord(&(i as f64 + 0.15, 0.0));
            root.draw_text(&m.text(), &under, (px, py + (4.0 * s) as i32))?;
        }
    }
    // A month with no data is marked, not drawn as zero.
    let gap = font(10.0).pos(Pos::new(HPos::Center, VPos::Bottom));
    for (i, (_, c)) in months.iter().enumerate() {
        if c.is_none() {
            let (px, py) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
            root.draw_text("?", &gap, (px, py - (2.0 * s) as i32))?;
        }
    }
    Ok(())
}

/// The two 12-month windows, shaded and named.
fn windows<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut super::Chart2d<'_, DB>,
    f: &CountFigures,
    o: &ChartOptions,
    top: f64,
) -> DrawResult<()> {
    let p = &o.palette;
    let s = o.scale;
    let font = |size: f64| (FONT, p.size(size, s)).into_font().color(&p.text);
    let months = &f.monthly;
    let n = months.len().max(1) as f64;
    if let Periods::Months { end } = f.periods {
        // The two windows, shaded and named.
        for (first, words, shade) in [
            (end.plus(-23), text::period_before(f.periods), 0.06),
            (end.plus(-11), text::period(f.periods), 0.14),
        ] {
            let Some(start) = months.iter().position(|(m, _)| *m == first) else {
                continue;
            };
            let x0 = start as f64;
            let x1 = (x0 + 12.0).min(n);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, 0.0), (x1, top)],
                p.accent.mix(shade).filled(),
            )))?;
            let style = font(10.0).pos(Pos::new(HPos::Center, VPos::Top));
            let (px, py) = chart.backend_coord(&((x0 + x1) / 2.0, top));
            root.draw_text(&words, &style, (px, py + (2.0 * s) as i32))?;
        }
    }
    Ok(())
}
