//! The vote strip plot of one theme and round: a row per factor, named at its left, a dot per
//! vote at its level (spread sideways where votes coincide), a bar at the round's median and a
//! diamond at the agreed value. Each row is drawn on its factor's own scale, lowest level at the
//! left, with the level codes under their places.

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartOptions, DrawResult, FONT, Shape, draw_shape};
use crate::model::method::Factor;
use crate::model::workshop::round_stats;
use crate::model::{Scorecard, Theme, Value};

/// Where a value sits on its factor's scale, from 0 (lowest) to 1 (highest).
fn position(factor: &Factor, v: Value) -> f64 {
    let values = factor.scale.values();
    let i = values.iter().position(|x| *x == v).unwrap_or(0);
    if values.len() < 2 {
        0.5
    } else {
        i as f64 / (values.len() - 1) as f64
    }
}

/// The height of the plot for a method: a row per factor, so every factor is named where its
/// votes are.
pub fn height_for(factors: usize) -> f32 {
    60.0 + 26.0 * factors.max(1) as f32
}

pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    card: &Scorecard,
    theme: &Theme,
    round: u32,
    o: &ChartOptions,
) -> DrawResult<()> {
    let p = &o.palette;
    let s = o.scale;
    let factors: Vec<&Factor> = card.method.factors().map(|(_, f)| f).collect();
    let n = factors.len().max(1);
    let font = |size: f64| (FONT, p.size(size, s)).into_font().color(&p.text);
    // A row per factor, the first at the top; across, each factor's own levels, lowest left.
    let row_y = |i: usize| (n - 1 - i) as f64;
    let mut chart = ChartBuilder::on(root)
        .caption(format!("Votes, round {round}: {}", theme.name), font(18.0))
        .margin((10.0 * s) as u32)
        .x_label_area_size(0)
        .y_label_area_size((170.0 * s * p.text_scale) as u32)
        .build_cartesian_2d(-0.06f64..1.1, -0.6f64..n as f64 - 0.4)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_formatter(&|y| {
            let i = y.round();
            if (y - i).abs() > 0.01 || i < 0.0 || i as usize >= n {
                return String::new();
            }
            factors
                .get(n - 1 - i as usize)
                .map_or_else(String::new, |f| short(&f.label))
        })
        .label_style(font(11.0))
        .axis_style(p.text)
        .draw()?;
    for (i, f) in factors.iter().enumerate() {
        factor_row(root, &mut chart, (card, theme, round), (f, row_y(i)), o)?;
    }
    Ok(())
}

/// The plot's drawing context: level positions across, factor rows up.
type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// One factor's row at height `y`: its own scale (a faint line with each level's code under
/// its place), a dot per vote, the median's bar and the agreed value's diamond.
fn factor_row<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut Plot<'_, DB>,
    (card, theme, round): (&Scorecard, &Theme, u32),
    (f, y): (&Factor, f64),
    o: &ChartOptions,
) -> DrawResult<()> {
    let (p, s) = (&o.palette, o.scale);
    let font = |size: f64| (FONT, p.size(size, s)).into_font().color(&p.text);
    let r = (4.0 * s * p.text_scale) as i32;
    let faint = p.text.mix(0.6);
    let code_font = font(10.0)
        .color(&faint)
        .pos(Pos::new(HPos::Center, VPos::Top));
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, y), (1.0, y)],
        ShapeStyle::from(&p.grid.mix(0.35)).stroke_width(1),
    )))?;
    for v in f.scale.values() {
        let (px, py) = chart.backend_coord(&(position(f, v), y));
        root.draw(&Text::new(
            f.scale.code(v),
            (px, py + r + 2),
            code_font.clone(),
        ))?;
    }
    let votes = theme
        .scores
        .get(&f.id)
        .map(|sc| sc.round_values(round))
        .unwrap_or_default();
    // Dots: votes at the same level spread sideways, about their level's place.
    let mut seen: Vec<(u64, i32)> = Vec::new();
    for v in &votes {
        let x = position(f, *v);
        let key = (x * 1e6) as u64;
        let k = match seen.iter_mut().find(|(x0, _)| *x0 == key) {
            Some((_, k)) => {
                *k += 1;
                *k
            }
            None => {
                seen.push((key, 0));
                0
            }
        };
        let (px, py) = chart.backend_coord(&(x, y));
        let offset = ((k + 1) / 2) * (2 * r + 1) * if k % 2 == 0 { 1 } else { -1 };
        root.draw(&Circle::new(
            (px + offset, py - r),
            r,
            p.text.mix(0.75).filled(),
        ))?;
    }
    if let Some(m) = round_stats(card, theme, f, round).value {
        let x = position(f, m);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, y - 0.1), (x, y + 0.42)],
            ShapeStyle::from(&p.accent).stroke_width((3.0 * s) as u32),
        )))?;
    }
    if let Some(a) = theme.scores.get(&f.id).and_then(|sc| sc.agreed.as_ref()) {
        let (px, py) = chart.backend_coord(&(position(f, a.value), y + 0.3));
        draw_shape(root, Shape::Diamond, (px, py), r + 2, p.band(3), p.text)?;
        root.draw(&Text::new(
            format!("agreed {}", f.scale.code(a.value)),
            (px + r + 6, py),
            font(10.0).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// A factor label short enough for a column.
fn short(label: &str) -> String {
    super::bar::fit(label, 24)
}
