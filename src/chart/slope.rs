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
    let n = diff
        .themes
        .iter()
        .flat_map(|t| [t.old_rank, t.new_rank])
        .flatten()
        .max()
        .unwrap_or(1)
        .max(1);
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
    // Rank r is drawn at height n + 1 - r, so rank 1 is at the top.
    let y = |rank: u32| f64::from(n + 1 - rank);
    let row_px = f64::from(chart.plotting_area().dim_in_pixel().1) / f64::from(n);
    let size = (row_px * 0.7).min(p.size(13.0, s));
    let r = (row_px * 0.25).clamp(2.0, 6.0 * s) as i32;
    let mut placed = [Placed::default(), Placed::default()];
    let mut marks = Vec::new();
    for t in &diff.themes {
        let colour = t.band_index.map_or(p.grid, |b| p.band(b));
        let selected = o.selected.as_ref() == Some(&t.id);
        let old = t.old_rank.map(|r| chart.backend_coord(&(0.0, y(r))));
        let new = t.new_rank.map(|r| chart.backend_coord(&(1.0, y(r))));
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
        let text = end_label(t, self.side);
        let left = self.side == 0;
        let style = (FONT, p.size(self.size, o.scale))
            .into_font()
            .color(&p.text)
            .pos(Pos::new(
                if left { HPos::Right } else { HPos::Left },
                VPos::Center,
            ));
        let (tw, th) = root.estimate_text_size(&text, &style)?;
        let gap = r + 6;
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

/// A theme's label at one end of its line: rank and name, "(new)" or "(removed)", and this
/// year's band on the right (side 1).
fn end_label(t: &ThemeDiff, side: usize) -> String {
    let rank = if side == 0 { t.old_rank } else { t.new_rank };
    let name = match (&t.status, side) {
        (Status::Renamed { old_name }, 0) => old_name.as_str(),
        _ => t.name.as_str(),
    };
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
