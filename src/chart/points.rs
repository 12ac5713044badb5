//! What the risk matrix and the position chart share: themes' points with as many names as
//! fit, points on one spot fanned out, a section's axis range, and the outcome legend.

use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartOptions, DrawResult, FONT, Mark, Placed, Shape, draw_shape, in_cut};
use crate::model::attainable::attainable_totals;
use crate::model::ranking::RankedTheme;
use crate::model::{Method, SectionKind};

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
    avoid: &[[i32; 4]],
) -> DrawResult<Vec<Mark>> {
    let p = &o.palette;
    let mut marks = Vec::with_capacity(placed.len());
    // Labels keep off the points, one another and what the chart asks (its quadrant lines).
    let mut taken = Placed(avoid.to_vec());
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
        let (row, at) = placed[i];
        label(root, row, (at, r, size), bounds, &mut taken, o)?;
    }
    Ok(marks)
}

/// One point's label: the whole name where it fits beside the point, else shorter versions
/// of it; each measured, so a label sits right beside its point on whichever side is free.
fn label<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    row: &RankedTheme,
    ((x, y), r, size): ((i32, i32), i32, f64),
    bounds: &(std::ops::Range<i32>, std::ops::Range<i32>),
    taken: &mut Placed,
    o: &ChartOptions,
) -> DrawResult<()> {
    let style = (FONT, size)
        .into_font()
        .color(&o.palette.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for text in [
        row.name.clone(),
        super::bar::fit(&row.name, 28),
        super::bar::fit(&row.name, 16),
    ] {
        let (w, h) = root.estimate_text_size(&text, &style)?;
        let (w, h) = (w as i32, (h as i32).max(size as i32));
        let gap = r + 6;
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
        if let Some([l, t, _, _]) = taken.take(&candidates) {
            root.draw(&Text::new(text, (l, t + h / 2), style))?;
            break;
        }
    }
    Ok(())
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

/// A strip naming each outcome beside its marker shape.
pub(super) fn outcome_legend<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    method: &Method,
    o: &ChartOptions,
) -> DrawResult<()> {
    let p = &o.palette;
    let s = o.scale;
    let (w, h) = area.dim_in_pixel();
    let size = p.size(13.0, s);
    let slot = (w as usize / method.outcomes.len().max(1)) as i32;
    let y = h as i32 / 2;
    let r = (5.0 * s * p.text_scale) as i32;
    for (i, outcome) in method.outcomes.iter().enumerate() {
        let x = (12.0 * s) as i32 + slot * i as i32;
        draw_shape(area, Shape::for_outcome(i), (x + r, y), r, p.grid, p.text)?;
        let max_chars = (f64::from(slot) / (size * 0.5)) as usize;
        area.draw(&Text::new(
            super::bar::fit(&outcome.label, max_chars.saturating_sub(3)),
            (x + 3 * r, y),
            (FONT, size)
                .into_font()
                .color(&p.text)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}
