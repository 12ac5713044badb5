//! The slope chart of rank movement: last year's ranks on the left, this year's on the right,
//! a line per theme coloured by its band (with the band's label at the end, so colour is never
//! the only cue). New themes are a dot on the right, removed ones a dot on the left.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartOptions, DrawResult, FONT, Mark, Placed};
use crate::model::diff::{Diff, Status, ThemeDiff};

pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    diff: &Diff,
    o: &ChartOptions,
) -> DrawResult<Vec<Mark>> {
    let p = &o.palette;
    let s = o.scale;
    let font = |size: f64| (FONT, p.size(size, s)).into_font().color(&p.text);
    // Each side's themes in rank order, one slot each: two themes sharing a rank get a slot
    // apiece (both drawn and labelled with their shared rank), never one dot over another.
    let slots = [side_slots(diff, 0), side_slots(diff, 1)];
    let n = slots.iter().map(|s| s.len()).max().unwrap_or(1).max(1) as u32;
    let (w, _) = root.dim_in_pixel();
    let name_w = (f64::from(w) * 0.3).min(320.0 * s * p.text_scale) as u32;
    let caption = format!("Rank movement: {} to {}", diff.old_short, diff.new_short);
    // A change of method is said under the chart, where it cannot be missed or overlap.
    let root = &method_change_strip(root, diff, o)?;
    let mut chart = ChartBuilder::on(root)
        .caption(caption, font(18.0))
        .margin((12.0 * s) as u32)
        .margin_left(name_w)
        .margin_right(name_w)
        .x_label_area_size((30.0 * s * p.text_scale) as u32)
        .build_cartesian_2d(0f64..1f64, 0.5f64..n as f64 + 0.5)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(2)
        .x_label_formatter(&|x| if *x < 0.5 { "last year" } else { "this year" }.to_owned())
        .y_labels(0)
        .label_style(font(13.0))
        .axis_style(p.grid)
        .draw()?;
    // Slot k (from 1) is drawn at height n + 1 - k, so the top rank is at the top.
    let y = |side: usize, i: usize| {
        let k = slots[side]
            .iter()
            .position(|&j| j == i)
            .map_or(n, |k| k as u32 + 1);
        f64::from(n + 1 - k)
    };
    let row_px = f64::from(chart.plotting_area().dim_in_pixel().1) / f64::from(n);
    let size = (row_px * 0.7).min(p.size(13.0, s));
    let r = (row_px * 0.25).clamp(2.0, 6.0 * s) as i32;
    let mut placed = [Placed::default(), Placed::default()];
    let mut marks = Vec::new();
    for (i, t) in diff.themes.iter().enumerate() {
        let colour = t.band_index.map_or(p.grid, |b| p.band(b));
        let selected = o.selected.as_ref() == Some(&t.id);
        let old = t.old_rank.map(|_| chart.backend_coord(&(0.0, y(0, i))));
        let new = t.new_rank.map(|_| chart.backend_coord(&(1.0, y(1, i))));
        if let (Some(a), Some(b)) = (old, new) {
            let width = if selected { 5 } else { 3 };
            root.draw(&PathElement::new(
                vec![a, b],
                ShapeStyle::from(&colour).stroke_width(width),
            ))?;
        }
        for (side, at) in [(0, old), (1, new)] {
            let Some(at) = at else { continue };
            let end = End {
                side,
                at,
                r,
                size,
                colour,
            };
            marks.push(end.draw(root, t, &mut placed[side], o)?);
        }
    }
    Ok(marks)
}

/// One end of a theme's line: its dot, and its label where it fits without overlapping.
struct End {
    /// 0: last year (left), 1: this year (right).
    side: usize,
    at: (i32, i32),
    /// The dot's radius.
    r: i32,
    /// The label's size (none below 6).
    size: f64,
    colour: RGBColor,
}

impl End {
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        root: &DrawingArea<DB, Shift>,
        t: &ThemeDiff,
        placed: &mut Placed,
        o: &ChartOptions,
    ) -> DrawResult<Mark> {
        let (p, (x, yy), r) = (&o.palette, self.at, self.r);
        root.draw(&Circle::new((x, yy), r, self.colour.filled()))?;
        root.draw(&Circle::new(
            (x, yy),
            r,
            ShapeStyle::from(&p.text).stroke_width(1),
        ))?;
        let mark = Mark {
            theme: t.id.clone(),
            name: t.name.clone(),
            rect: [
                (x - r) as f32,
                (yy - r) as f32,
                (x + r) as f32,
                (yy + r) as f32,
            ],
        };
        if self.size < 6.0 {
            return Ok(mark);
        }
        let left = self.side == 0;
        let style = (FONT, p.size(self.size, o.scale))
            .into_font()
            .color(&p.text)
            .pos(Pos::new(
                if left { HPos::Right } else { HPos::Left },
                VPos::Center,
            ));
        let gap = r + 6;
        // The name is cut short with "…" to the room beside the dot, never the rank or band.
        let room = if left {
            x - gap
        } else {
            root.dim_in_pixel().0 as i32 - x - gap
        };
        let text = fitted(t, self.side, |s| {
            root.estimate_text_size(s, &style)
                .is_ok_and(|(w, _)| w as i32 <= room)
        });
        let (tw, th) = root.estimate_text_size(&text, &style)?;
        let (l, rr) = if left {
            (x - gap - tw as i32, x - gap)
        } else {
            (x + gap, x + gap + tw as i32)
        };
        let half = th as i32 / 2;
        if placed.take(&[[l, yy - half, rr, yy + half]]).is_some() {
            let tx = if left { x - gap } else { x + gap };
            root.draw_text(&text, &style, (tx, yy))?;
        }
        Ok(mark)
    }
}

/// The chart above a strip saying the methods differ, or the whole area when they do not.
fn method_change_strip<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    diff: &Diff,
    o: &ChartOptions,
) -> DrawResult<DrawingArea<DB, Shift>> {
    let Some(change) = &diff.method_change else {
        return Ok(root.clone());
    };
    let (p, s) = (&o.palette, o.scale);
    let (w, h) = root.dim_in_pixel();
    let strip = p.size(26.0, s) as u32;
    let (top, bottom) = root.split_vertically(h.saturating_sub(strip));
    let warn = format!(
        "Methods differ ({} then {}): movement may come from the method, not the world",
        change.old, change.new
    );
    bottom.draw_text(
        &warn,
        &(FONT, p.size(14.0, s))
            .into_font()
            .color(&p.accent)
            .pos(Pos::new(HPos::Center, VPos::Center)),
        ((w / 2) as i32, (strip / 2) as i32),
    )?;
    Ok(top)
}

/// The end label with the name shortened (by whole characters, "…" added) until `fits`.
fn fitted(t: &ThemeDiff, side: usize, fits: impl Fn(&str) -> bool) -> String {
    let name = match (&t.status, side) {
        (Status::Renamed { old_name }, 0) => old_name.as_str(),
        _ => t.name.as_str(),
    };
    let full = end_label(t, side, name);
    if fits(&full) {
        return full;
    }
    let chars: Vec<char> = name.chars().collect();
    let cut = |n: usize| {
        let mut short: String = chars[..n].iter().collect::<String>().trim_end().to_owned();
        short.push('…');
        end_label(t, side, &short)
    };
    // Longest first, halving the search: a few measurements even for a long name.
    let (mut lo, mut hi) = (1, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&cut(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
}

/// A theme's label at one end of its line: rank and name, "(new)" or "(removed)", and this
/// year's band on the right (side 1).
fn end_label(t: &ThemeDiff, side: usize, name: &str) -> String {
    let rank = if side == 0 { t.old_rank } else { t.new_rank };
    let mut text = match (side, &t.status) {
        (1, Status::New) => format!("{} {} (new)", rank.unwrap_or(0), name),
        (0, Status::Removed) => format!("{} (removed) {}", name, rank.unwrap_or(0)),
        (0, _) => format!("{} {}", name, rank.unwrap_or(0)),
        _ => format!("{} {}", rank.unwrap_or(0), name),
    };
    if side == 1
        && let Some(band) = &t.new_band
    {
        text.push_str(&format!("  ({band})"));
    }
    text
}

/// The themes on one side (0: last year, 1: this year), as indices into `diff.themes`, in
/// rank order; a shared rank is ordered by name.
fn side_slots(diff: &Diff, side: usize) -> Vec<usize> {
    let rank = |t: &ThemeDiff| if side == 0 { t.old_rank } else { t.new_rank };
    let mut v: Vec<usize> = (0..diff.themes.len())
        .filter(|&i| rank(&diff.themes[i]).is_some())
        .collect();
    v.sort_by(|&a, &b| {
        let (x, y) = (&diff.themes[a], &diff.themes[b]);
        rank(x).cmp(&rank(y)).then_with(|| x.name.cmp(&y.name))
    });
    v
}
