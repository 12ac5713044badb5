//! The peninsula picture: themes down, partnerships across. Each cell shows the theme's rank
//! there, coloured by band where every method is the same (grey otherwise), with a heavy
//! border where it is a priority (adopted or a candidate) and a dash where it was not assessed.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartOptions, DrawResult, FONT};
use crate::model::rollup::{Rollup, Status};

/// The picture's height for `rows` themes at scale 1.
pub fn height_for(rows: usize) -> u32 {
    130 + 30 * rows.max(1) as u32
}

pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    r: &Rollup,
    o: &ChartOptions,
) -> DrawResult<()> {
    let p = &o.palette;
    let s = o.scale * p.text_scale;
    let font = |size: f64| (FONT, size * s).into_font().color(&p.text);
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let title_h = (34.0 * s) as i32;
    let head_h = (40.0 * s) as i32;
    let names_w = (w as f64 * 0.34) as i32;
    let legend_h = (24.0 * s) as i32;
    let n = r.columns.len().max(1) as i32;
    let rows = r.rows.len().max(1) as i32;
    let col_w = (w - names_w - (10.0 * s) as i32) / n;
    let row_h = ((h - title_h - head_h - legend_h) / rows).max(1);
    let centre = |size: f64| font(size).pos(Pos::new(HPos::Center, VPos::Center));
    root.draw_text(
        "Priorities across partnerships",
        &centre(20.0),
        (w / 2, title_h / 2),
    )?;
    for (c, col) in r.columns.iter().enumerate() {
        let x = names_w + c as i32 * col_w + col_w / 2;
        root.draw_text(
            &fit(&col.name, col_w, 14.0 * s),
            &centre(14.0),
            (x, title_h + head_h / 2),
        )?;
    }
    let left = font(13.0).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, row) in r.rows.iter().enumerate() {
        let y = title_h + head_h + i as i32 * row_h;
        let label = format!("{} ({}/{})", row.theme, row.priority_in, r.columns.len());
        root.draw_text(
            &fit(&label, names_w - 6, 13.0 * s),
            &left,
            ((4.0 * s) as i32, y + row_h / 2),
        )?;
        for (c, cell) in row.cells.iter().enumerate() {
            let x0 = names_w + c as i32 * col_w;
            let pad = (2.0 * s) as i32;
            let rect = [(x0 + pad, y + pad), (x0 + col_w - pad, y + row_h - pad)];
            if cell.status == Status::NotAssessed {
                root.draw(&Rectangle::new(rect, p.grid.stroke_width(1)))?;
                root.draw_text(
                    "not assessed",
                    &centre(11.0),
                    (x0 + col_w / 2, y + row_h / 2),
                )?;
                continue;
            }
            let fill = cell
                .band_index
                .map_or(p.grid.mix(0.35), |b| p.band(b).mix(0.85));
            root.draw(&Rectangle::new(rect, fill.filled()))?;
            if cell.status.is_priority() {
                let heavy = (2.5 * o.scale).max(2.0) as u32;
                root.draw(&Rectangle::new(rect, p.text.stroke_width(heavy)))?;
            }
            let mut text = cell
                .rank
                .map_or_else(|| "–".to_owned(), |k| format!("#{k}"));
            if cell.status == crate::model::rollup::Status::Adopted {
                text.push_str(" adopted");
            }
            root.draw_text(&text, &centre(13.0), (x0 + col_w / 2, y + row_h / 2))?;
        }
    }
    let key = if r.same_method {
        "Colour: the band there. Heavy border: a priority there (adopted, or a candidate above its cut line)."
    } else {
        "Grey: different methods, so bands are not compared. Heavy border: a priority there (adopted, or a candidate above its cut line)."
    };
    root.draw_text(key, &left, ((4.0 * s) as i32, h - legend_h / 2))?;
    Ok(())
}

/// `text` cut with "…" to about `width` pixels at `size` (an estimate: half the size per
/// character), so a long name never runs into the next column.
fn fit(text: &str, width: i32, size: f64) -> String {
    let max = ((f64::from(width) / (size * 0.5)).floor() as usize).max(4);
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}
