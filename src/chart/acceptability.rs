//! The rank acceptability chart: one row per ranked theme (rank 1 at the top), one column
//! per rank, each cell shaded by the share of resampled runs in which the theme took that
//! rank; the point rank outlined, and the cut line drawn across and down. It shows how much
//! the room's disagreement matters, not the chance that a theme is the true priority.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::bar::{cut_mark, row_name};
use super::{ChartOptions, DrawResult, FONT, Mark};
use crate::model::stability::Stability;

/// Below this many pixels per row, names are left out (hovering still names rows).
const MIN_TEXT_ROW_PX: f64 = 11.0;

pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    stability: Option<&Stability>,
    o: &ChartOptions,
) -> DrawResult<Vec<Mark>> {
    let p = &o.palette;
    let s = o.scale;
    let Some(st) = stability else {
        root.draw(&Text::new(
            "Rank stability is being worked out…",
            (20, 40),
            (FONT, p.size(16.0, s)).into_font().color(&p.text),
        ))?;
        return Ok(Vec::new());
    };
    let rows: Vec<_> = st.themes.iter().filter(|t| t.rank.is_some()).collect();
    let n = rows.len().max(1);
    let (w, _) = root.dim_in_pixel();
    let name_w = (f64::from(w) * 0.3).min(300.0 * s * p.text_scale) as u32;
    let ranges = (0.5f64..n as f64 + 0.5, 0f64..n as f64);
    let mut chart = super::build(
        root,
        super::ChartKind::Acceptability,
        o,
        f64::from(name_w),
        ranges,
    )?;
    let x_desc = format!("Rank in {}; darker: more often", st.basis());
    super::mesh(&mut chart, o, &x_desc, None, 0.25)?;
    let area = chart.plotting_area();
    let row_px = f64::from(area.dim_in_pixel().1) / n as f64;
    let text_fits = row_px >= MIN_TEXT_ROW_PX * s;
    let label_size = (row_px * 0.62).min(p.size(14.0, s));
    let runs = st.runs.max(1) as f64;
    let mut marks = Vec::with_capacity(rows.len());
    for (i, t) in rows.iter().enumerate() {
        let (top, bottom) = ((n - i) as f64, (n - i - 1) as f64);
        for (r, &c) in t.rank_counts.iter().enumerate().take(n) {
            if c == 0 {
                continue;
            }
            let share = f64::from(c) / runs;
            let x = (r + 1) as f64;
            area.draw(&Rectangle::new(
                [(x - 0.5, bottom), (x + 0.5, top)],
                p.accent.mix(0.08 + 0.92 * share).filled(),
            ))?;
        }
        if let Some(rank) = t.rank {
            let x = f64::from(rank);
            let selected = o.selected.as_ref() == Some(&t.id);
            area.draw(&Rectangle::new(
                [(x - 0.5, bottom), (x + 0.5, top)],
                ShapeStyle::from(&p.text).stroke_width(if selected { 3 } else { 1 }),
            ))?;
        }
        let (x0, y0) = chart.backend_coord(&(0.5, top));
        let (x1, y1) = chart.backend_coord(&(n as f64 + 0.5, bottom));
        if text_fits {
            let name = format!("{}. {}", t.rank.unwrap_or(0), t.name);
            row_name(root, &name, (x0, (y0 + y1) / 2), (name_w, label_size), o)?;
        }
        marks.push(Mark {
            theme: t.id.clone(),
            name: t.name.clone(),
            rect: [(x0 - name_w as i32) as f32, y0 as f32, x1 as f32, y1 as f32],
        });
    }
    // Down after rank N; across below the themes ranked N or better (a tie is inside).
    let (cut, inside) = (st.top, inside_cut(&rows, st.top));
    if cut > 0 && inside < rows.len() {
        let (x, y) = (cut as f64 + 0.5, (n - inside) as f64);
        let at = |p: (f64, f64)| chart.backend_coord(&p);
        cut_mark(root, (at((x, 0.0)), at((x, n as f64))), None, o)?;
        let across = (at((0.5, y)), at((n as f64 + 0.5, y)));
        cut_mark(root, across, Some((cut, inside)), o)?;
    }
    Ok(marks)
}

/// The rows ranked `cut` or better.
fn inside_cut(rows: &[&crate::model::stability::ThemeStability], cut: usize) -> usize {
    rows.iter()
        .take_while(|t| t.rank.is_some_and(|k| k as usize <= cut))
        .count()
}
