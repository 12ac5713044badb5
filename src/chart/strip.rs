//! The vote strip plot of one theme and round: a column per factor, a dot per vote at its level
//! (spread sideways where votes coincide), a bar at the round's median and a diamond at the
//! agreed value. Levels are drawn bottom (lowest) to top (highest) on each factor's own scale.

use plotters::coord::Shift;
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
    let mut chart = ChartBuilder::on(root)
        .caption(format!("Votes, round {round}: {}", theme.name), font(18.0))
        .margin((10.0 * s) as u32)
        .x_label_area_size((40.0 * s * p.text_scale) as u32)
        .y_label_area_size((60.0 * s * p.text_scale) as u32)
        .build_cartesian_2d(-0.5f64..n as f64 - 0.5, -0.1f64..1.1)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            factors
                .get(i as usize)
                .map_or_else(String::new, |f| short(&f.label))
        })
        .y_labels(3)
        .y_label_formatter(&|y| match (y * 2.0).round() as i32 {
            0 => "lowest".to_owned(),
            1 => "middle".to_owned(),
            2 => "highest".to_owned(),
            _ => String::new(),
        })
        .label_style(font(11.0))
        .axis_style(p.text)
        .bold_line_style(p.grid.mix(0.25))
        .light_line_style(p.grid.mix(0.0))
        .draw()?;
    let r = (4.0 * s * p.text_scale) as i32;
    for (i, f) in factors.iter().enumerate() {
        let x = i as f64;
        let votes = theme
            .scores
            .get(&f.id)
            .map(|sc| sc.round_values(round))
            .unwrap_or_default();
        // Dots: votes at the same level spread sideways.
        let mut seen: Vec<(u64, i32)> = Vec::new();
        for v in &votes {
            let y = position(f, *v);
            let key = (y * 1e6) as u64;
            let k = match seen.iter_mut().find(|(y0, _)| *y0 == key) {
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
                (px + offset, py),
                r,
                p.text.mix(0.75).filled(),
            ))?;
        }
        let stats = round_stats(card, theme, f, round);
        if let Some(m) = stats.value {
            let y = position(f, m);
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(x - 0.38, y), (x + 0.38, y)],
                ShapeStyle::from(&p.accent).stroke_width((3.0 * s) as u32),
            )))?;
        }
        if let Some(a) = theme.scores.get(&f.id).and_then(|sc| sc.agreed.as_ref()) {
            let (px, py) = chart.backend_coord(&(x + 0.3, position(f, a.value)));
            draw_shape(root, Shape::Diamond, (px, py), r + 2, p.band(3), p.text)?;
            root.draw(&Text::new(
                f.scale.code(a.value),
                (px + r + 6, py),
                font(11.0).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    Ok(())
}

/// A factor label short enough for a column.
fn short(label: &str) -> String {
    super::bar::fit(label, 12)
}
