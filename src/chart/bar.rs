//! The ranked bar chart: one horizontal bar of risk per ranked theme, rank 1 at the top,
//! coloured by band with the band's letter, a marker for confidence, and the cut line.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartOptions, DrawResult, FONT, Mark, in_cut, ranked};
use crate::model::ranking::RankedTheme;
use crate::model::{Method, Ranking};

/// Below this many pixels per bar, names and letters are left out (hovering still names bars).
const MIN_TEXT_ROW_PX: f64 = 11.0;

pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    ranking: &Ranking,
    method: &Method,
    o: &ChartOptions,
) -> DrawResult<Vec<Mark>> {
    let p = &o.palette;
    let s = o.scale;
    let rows: Vec<_> = ranked(ranking).collect();
    let n = rows.len().max(1);
    let (name_w, max_risk) = widths(&rows, method, o, root.dim_in_pixel().0);
    let ranges = (0f64..max_risk, 0f64..n as f64);
    let mut chart = super::build(
        root,
        super::ChartKind::RankedBar,
        o,
        f64::from(name_w),
        ranges,
    )?;
    let (desc, ticks) = super::risk_axis(method);
    super::mesh_with(&mut chart, o, (desc, &ticks), None, 0.6)?;

    let area = chart.plotting_area();
    let row_px = f64::from(area.dim_in_pixel().1) / n as f64;
    let text_fits = row_px >= MIN_TEXT_ROW_PX * s;
    let label_size = (row_px * 0.62).min(p.size(14.0, s));
    let mut marks = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let risk = row.risk.unwrap_or(0.0);
        let top = (n - i) as f64 - 0.12;
        let bottom = (n - i - 1) as f64 + 0.12;
        let band = row.band.as_ref().map_or(0, |b| b.index);
        let fill = p.band(band);
        area.draw(&Rectangle::new([(0.0, bottom), (risk, top)], fill.filled()))?;
        let selected = o.selected.as_ref() == Some(&row.id);
        if selected || in_cut(row, o.cut) {
            let width = if selected { 3 } else { 1 };
            area.draw(&Rectangle::new(
                [(0.0, bottom), (risk, top)],
                ShapeStyle::from(&p.text).stroke_width(width),
            ))?;
        }
        let (x0, y0) = chart.backend_coord(&(0.0, top));
        let (x1, y1) = chart.backend_coord(&(risk, bottom));
        let mid_y = (y0 + y1) / 2;
        if text_fits {
            let name = format!("{}. {}", row.rank.unwrap_or(0), row.name);
            row_name(root, &name, (x0, mid_y), (name_w, label_size), o)?;
            root.draw(&Text::new(
                tag(method, row),
                (x1 + (6.0 * s) as i32, mid_y),
                (FONT, label_size)
                    .into_font()
                    .color(&p.text)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        marks.push(Mark {
            theme: row.id.clone(),
            name: row.name.clone(),
            rect: [
                (x0 - name_w as i32) as f32,
                y0 as f32,
                x1.max(x0 + 4) as f32,
                y1 as f32,
            ],
        });
    }
    // Below the themes ranked N or better: a tie at the cut is inside it.
    let inside = rows.iter().take_while(|r| in_cut(r, o.cut)).count();
    if o.cut > 0 && inside < rows.len() {
        let at = |x: f64| chart.backend_coord(&(x, (n - inside) as f64));
        cut_mark(root, (at(0.0), at(max_risk)), Some((o.cut, inside)), o)?;
    }
    Ok(marks)
}

/// A row's name, right-aligned against the plot's left edge at `(x0, mid_y)`, shortened to
/// the name column's width.
pub(super) fn row_name<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    name: &str,
    (x0, mid_y): (i32, i32),
    (name_w, label_size): (u32, f64),
    o: &ChartOptions,
) -> DrawResult<()> {
    let style = (FONT, label_size)
        .into_font()
        .color(&o.palette.text)
        .pos(Pos::new(HPos::Right, VPos::Center));
    // Measured: the whole name where the column has room, else cut with "…" to fit.
    let room = f64::from(name_w) - 10.0 * o.scale;
    let fits = |t: &str| {
        root.estimate_text_size(t, &style)
            .is_ok_and(|(w, _)| f64::from(w) <= room)
    };
    let chars = name.chars().count();
    let text = if fits(name) {
        name.to_owned()
    } else {
        let (mut lo, mut hi) = (1, chars);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fits(&fit(name, mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        fit(name, lo)
    };
    root.draw(&Text::new(
        text,
        (x0 - (6.0 * o.scale) as i32, mid_y),
        style,
    ))?;
    Ok(())
}

/// "cut line: top N", just above the line's right end at `(xr, yr)`.
/// The cut line from one point to another (pixels), labelled at the second when asked.
pub(super) fn cut_mark<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    (from, to): ((i32, i32), (i32, i32)),
    label: Option<(usize, usize)>,
    o: &ChartOptions,
) -> DrawResult<()> {
    let line = ShapeStyle::from(&o.palette.accent).stroke_width((3.0 * o.scale) as u32);
    root.draw(&PathElement::new(vec![from, to], line))?;
    match label {
        Some(cut) => cut_label(root, to, cut, o),
        None => Ok(()),
    }
}

fn cut_label<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    (xr, yr): (i32, i32),
    (cut, inside): (usize, usize),
    o: &ChartOptions,
) -> DrawResult<()> {
    let s = o.scale;
    let text = if inside > cut {
        format!("cut line: top {cut} ({inside} with the tie)")
    } else {
        format!("cut line: top {cut}")
    };
    root.draw(&Text::new(
        text,
        (xr - (4.0 * s) as i32, yr - (4.0 * s) as i32),
        (FONT, o.palette.size(14.0, s))
            .into_font()
            .color(&o.palette.accent)
            .pos(Pos::new(HPos::Right, VPos::Bottom)),
    ))?;
    Ok(())
}

/// Shortens text to `max` characters with an ellipsis.
pub(super) fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The tag right of a bar: band letter and confidence code.
fn tag(method: &Method, row: &RankedTheme) -> String {
    let band = super::band_letter(method, row);
    // A method without a confidence section has no confidence to show.
    if method.confidence_factor().is_none() {
        return band.to_string();
    }
    let conf = row.confidence.as_ref().map_or("?", |c| c.id.as_ref());
    format!("{band} · conf. {conf}")
}

/// The names column's width, and the risk axis's end: the longest bar with room right of it
/// for its tag ("VH · conf. M"), however narrow the chart (`w` pixels).
fn widths(rows: &[&RankedTheme], method: &Method, o: &ChartOptions, w: u32) -> (u32, f64) {
    let (p, s) = (&o.palette, o.scale);
    // As wide as the longest "12. name" needs (about half the size a character), between
    // 15 % and 40 % of the picture: names are cut only when they must be.
    let longest = rows
        .iter()
        .map(|r| r.name.chars().count() + 4)
        .max()
        .unwrap_or(10);
    let want = longest as f64 * p.size(14.0, s) * 0.5 + 16.0 * s;
    let name_w = want.clamp(f64::from(w) * 0.15, f64::from(w) * 0.4) as u32;
    let tag_chars = rows
        .iter()
        .map(|r| tag(method, r).chars().count())
        .max()
        .unwrap_or(0);
    let tag_px = tag_chars as f64 * p.size(14.0, s) * 0.6 + 12.0 * s;
    let plot_w = (f64::from(w) - f64::from(name_w) - 40.0 * s).max(100.0);
    let room = (plot_w / (plot_w - tag_px).max(plot_w * 0.4)).max(1.05);
    let max_risk = rows.iter().filter_map(|r| r.risk).fold(1.0_f64, f64::max) * room;
    (name_w, max_risk)
}
