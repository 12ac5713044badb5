//! The roll-up as a self-contained HTML report (the table, the notes and the chart, the
//! strictest marking of the inputs at the top and bottom of every page) and as a picture.

use std::fmt::Write;

use super::escape as e;
use crate::chart::{ChartOptions, Figure, Palette};
use crate::look::Look;
use crate::model::rollup::Rollup;
use crate::report::rollup::cell_text;

fn options(r: &Rollup) -> ChartOptions {
    ChartOptions {
        cut: 0,
        palette: Palette::for_look(Look::Light),
        scale: 1.0,
        selected: None,
        marking: r.marking.clone(),
    }
}

/// The roll-up chart as PNG or SVG bytes, `width` wide (its height fits the themes).
pub fn chart(
    r: &Rollup,
    format: super::ExportFormat,
    width: u32,
) -> Result<Vec<u8>, super::ExportError> {
    let size = (width, crate::chart::rollup::height_for(r.rows.len()));
    super::figure_bytes(&Figure::Rollup { rollup: r }, &options(r), format, size)
}

/// The HTML report.
pub fn html(r: &Rollup) -> Result<String, super::ExportError> {
    let marking = e(r.marking.trim());
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Priorities across partnerships – {marking}</title>\n<style>{}</style>\n</head>\n<body>\n<div class=\"marking top\">{marking}</div>\n<div class=\"marking bottom\">{marking}</div>\n<table class=\"page\"><thead><tr><td></td></tr></thead><tfoot><tr><td></td></tr></tfoot><tbody><tr><td>\n<main>\n<h1>Priorities across partnerships</h1>\n",
        super::html::STYLE
    );
    h.push_str("<table class=\"data\"><thead><tr><th>Partnership</th><th>Period</th><th>Method</th><th>Cut line</th><th>Marking</th></tr></thead><tbody>\n");
    for c in &r.columns {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">top {}</td><td>{}</td></tr>",
            e(&c.name),
            e(&c.period),
            e(&c.method),
            c.cut,
            e(&c.marking)
        );
    }
    h.push_str("</tbody></table>\n");
    for n in &r.notes {
        let _ = writeln!(h, "<p class=\"quiet\">{}</p>", e(n));
    }
    h.push_str("<h2>Themes, most widely a priority first</h2>\n<table class=\"data\"><thead><tr><th>Theme</th><th>Priority in</th>");
    for c in &r.columns {
        let _ = write!(h, "<th>{}</th>", e(&c.name));
    }
    h.push_str("<th>Ranks</th><th>Median rank</th></tr></thead><tbody>\n");
    for row in &r.rows {
        let reach = if row.reach.is_empty() {
            String::new()
        } else {
            format!("<br/><span class=\"quiet\">{}</span>", e(row.reach))
        };
        let _ = write!(
            h,
            "<tr><td>{}{reach}</td><td class=\"num\">{} of {}</td>",
            e(&row.theme),
            row.priority_in,
            r.columns.len()
        );
        for c in &row.cells {
            let text = e(&cell_text(c, &row.theme));
            if c.status.is_priority() {
                let _ = write!(h, "<td><strong>{text}</strong></td>");
            } else {
                let _ = write!(h, "<td>{text}</td>");
            }
        }
        let range = row
            .rank_range
            .map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}–{b}")
                }
            })
            .unwrap_or_default();
        let median = row.median_rank.map(crate::report::num).unwrap_or_default();
        let _ = writeln!(
            h,
            "<td class=\"num\">{range}</td><td class=\"num\">{median}</td></tr>"
        );
    }
    h.push_str("</tbody></table>\n<h2>Chart</h2>\n");
    let size = (900, crate::chart::rollup::height_for(r.rows.len()));
    let svg = crate::chart::render_svg(&Figure::Rollup { rollup: r }, &options(r), size)?;
    let _ = writeln!(
        h,
        "<figure role=\"img\" aria-label=\"Priorities across partnerships\">\n{}\n</figure>",
        svg.trim()
    );
    h.push_str("</main>\n</td></tr></tbody></table>\n</body>\n</html>\n");
    Ok(h)
}

/// The roll-up as a workbook: one sheet, the marking on its first row and in the printed
/// header and footer, headings on row 2, a row per theme (every cell written as text, so
/// nothing is read as a formula).
pub fn workbook(r: &Rollup) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Roll-up")?;
    let marking = crate::model::text::on_one_line(&r.marking);
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, &marking, &bold)?;
    let printed = format!("&C{}", marking.replace('&', "&&"));
    ws.set_header(&printed);
    ws.set_footer(&printed);
    ws.set_landscape();
    let mut head = vec!["theme".to_owned(), "priority in".to_owned()];
    head.extend(r.columns.iter().map(|c| c.name.clone()));
    head.extend(["rank range", "median rank", "note"].map(str::to_owned));
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, h, &bold)?;
        ws.set_column_width(c as u16, if c == 0 { 40.0 } else { 24.0 })?;
    }
    ws.set_freeze_panes(2, 1)?;
    for (i, row) in r.rows.iter().enumerate() {
        let y = 2 + i as u32;
        ws.write_string(y, 0, &row.theme)?;
        ws.write_string(y, 1, format!("{} of {}", row.priority_in, r.columns.len()))?;
        for (c, cell) in row.cells.iter().enumerate() {
            ws.write_string(y, 2 + c as u16, cell_text(cell, &row.theme))?;
        }
        let at = 2 + row.cells.len() as u16;
        let range = row.rank_range.map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        });
        ws.write_string(y, at, range.unwrap_or_default())?;
        if let Some(m) = row.median_rank {
            ws.write_number(y, at + 1, m)?;
        }
        ws.write_string(y, at + 2, row.reach)?;
    }
    let notes_at = 3 + r.rows.len() as u32;
    for (i, n) in r.notes.iter().enumerate() {
        ws.write_string(notes_at + i as u32, 0, n)?;
    }
    wb.save_to_buffer()
}
