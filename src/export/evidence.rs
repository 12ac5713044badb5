//! The evidence in the exports: the workbook's *Evidence* sheet, the report's section (the
//! figures of every theme and a small chart of each theme's monthly counts) with the sources
//! and data rules in its method appendix, and the Markdown list's evidence lines. All read the
//! rows `trh evidence` prints (`report::evidence`).

use std::fmt::Write;

use rust_xlsxwriter::{Workbook, XlsxError};

use super::escape as e;
use super::xlsx_sheet::{HEAD, Styles, opt_num, sheet};
use crate::model::Scorecard;
use crate::model::evidence::text;
use crate::report::evidence::{EvidenceRow, rows};

/// How many small charts go side by side in the report.
const PER_ROW: usize = 2;

fn change_words(r: &EvidenceRow) -> String {
    let change = match (r.change, r.change_percent) {
        (Some(n), Some(p)) => format!("{} ({})", text::signed(n), text::percent(p)),
        (Some(n), None) => text::signed(n),
        _ => return String::new(),
    };
    let interval = match (r.change_low, r.change_high) {
        (Some(lo), Some(hi)) => format!(
            ", 95% interval {} to {}",
            text::percent(lo),
            text::percent(hi)
        ),
        (Some(lo), None) => format!(", 95% interval {} or more", text::percent(lo)),
        _ => String::new(),
    };
    format!("{change}{interval}; {}", r.call.unwrap_or(""))
}

fn share_words(r: &EvidenceRow) -> String {
    r.share
        .as_ref()
        .map(|s| {
            format!(
                "{}: {:.1}% ({:.0}% to {:.0}%) of {} concerned",
                s.item, s.percent, s.low, s.high, s.respondents
            )
        })
        .unwrap_or_default()
}

/// The *Evidence* sheet: a row per theme, only when data has been read.
pub(super) fn sheet_of(wb: &mut Workbook, card: &Scorecard, s: &Styles) -> Result<(), XlsxError> {
    if card.evidence.is_empty() {
        return Ok(());
    }
    let rows = rows(card);
    let factors: Vec<String> = rows
        .first()
        .map(|r| r.factors.iter().map(|f| f.label.clone()).collect())
        .unwrap_or_default();
    let mut headings: Vec<(String, f64)> = [
        ("theme", 36.0),
        ("linked to", 40.0),
        ("period", 24.0),
        ("count", 10.0),
        ("count before", 12.0),
        ("change", 10.0),
        ("change %", 10.0),
        ("interval low %", 12.0),
        ("interval high %", 12.0),
        ("call", 24.0),
        ("per 1,000", 10.0),
        ("share concerned %", 14.0),
        ("survey item", 24.0),
    ]
    .map(|(h, w)| (h.to_owned(), w))
    .to_vec();
    for f in &factors {
        headings.push((format!("{f}: data suggests"), 16.0));
        headings.push((format!("{f}: in force"), 14.0));
    }
    let heads: Vec<(&str, f64)> = headings.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    let ws = sheet(wb, "Evidence", card, s, &heads)?;
    ws.write_string(0, 1, format!("Area: {}", card.evidence.area))?;
    for (i, r) in rows.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        ws.write_string(row, 0, &r.theme)?;
        ws.write_string(row, 1, r.links.join("; "))?;
        ws.write_string(row, 2, r.period.as_deref().unwrap_or(""))?;
        #[allow(clippy::cast_precision_loss)] // counts far below 2^52
        let n = |x: Option<u64>| x.map(|v| v as f64);
        opt_num(ws, row, 3, n(r.count))?;
        opt_num(ws, row, 4, n(r.before))?;
        #[allow(clippy::cast_precision_loss)]
        opt_num(ws, row, 5, r.change.map(|v| v as f64))?;
        opt_num(ws, row, 6, r.change_percent)?;
        opt_num(ws, row, 7, r.change_low)?;
        opt_num(ws, row, 8, r.change_high)?;
        ws.write_string(row, 9, r.call.unwrap_or(""))?;
        opt_num(ws, row, 10, r.rate)?;
        opt_num(ws, row, 11, r.share.as_ref().map(|s| s.percent))?;
        ws.write_string(row, 12, r.share.as_ref().map_or("", |s| s.item.as_str()))?;
        for (j, f) in r.factors.iter().enumerate() {
            let c = 13 + 2 * j as u16;
            let suggested = f
                .suggested
                .clone()
                .unwrap_or_else(|| format!("none: {}", f.why));
            ws.write_string(row, c, suggested)?;
            let now = f.in_force.clone().unwrap_or_default();
            ws.write_string(
                row,
                c + 1,
                if f.differs {
                    format!("{now} (differs)")
                } else {
                    now
                },
            )?;
        }
    }
    Ok(())
}

/// The report's evidence section: the figures of every theme, then a small chart of each
/// theme's monthly counts.
pub(super) fn html(
    h: &mut String,
    card: &Scorecard,
    options: &crate::chart::ChartOptions,
) -> Result<(), super::ExportError> {
    if card.evidence.is_empty() {
        return Ok(());
    }
    let rows = rows(card);
    let _ = writeln!(
        h,
        "<h2>Evidence from the partnership's data</h2>\n<p>Area: {}. Counts are the last 12 months against the 12 before; the interval is the 95% interval of the change (the counts taken as Poisson), and a change whose interval spans none is no more than chance. Shares concerned have their 95% (Wilson) interval. Sources are in the appendix.</p>",
        e(&card.evidence.area)
    );
    h.push_str("<table class=\"data\"><thead><tr><th>Theme</th><th>Count</th><th>Change</th><th>Per 1,000</th><th>Survey</th><th>The data suggests</th></tr></thead><tbody>\n");
    for r in &rows {
        let count = match (&r.period, r.count) {
            (Some(p), Some(c)) => format!("{} in {p}", text::thousands(c)),
            _ => String::new(),
        };
        let suggests: Vec<String> = r
            .factors
            .iter()
            .filter_map(|f| {
                let s = f.suggested.as_ref()?;
                Some(match (&f.in_force, f.differs) {
                    (Some(now), true) => format!(
                        "{}: {} <strong>(in force: {})</strong>",
                        e(&f.label),
                        e(s),
                        e(now)
                    ),
                    _ => format!("{}: {}", e(&f.label), e(s)),
                })
            })
            .collect();
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            e(&r.theme),
            e(&count),
            e(&change_words(r)),
            r.rate.map(|x| format!("{x:.1}")).unwrap_or_default(),
            e(&share_words(r)),
            suggests.join("<br/>")
        );
    }
    h.push_str("</tbody></table>\n");
    small_multiples(h, card, options)
}

fn small_multiples(
    h: &mut String,
    card: &Scorecard,
    options: &crate::chart::ChartOptions,
) -> Result<(), super::ExportError> {
    let series: Vec<(String, crate::model::evidence::CountFigures)> = card
        .themes
        .iter()
        .filter_map(|t| {
            let c = card.figures(t).counts?;
            (c.monthly.len() > 1).then(|| (t.name.clone(), c))
        })
        .collect();
    if series.is_empty() {
        return Ok(());
    }
    h.push_str("<h3>Monthly counts</h3>\n<table class=\"multiples\"><tbody>\n");
    for pair in series.chunks(PER_ROW) {
        h.push_str("<tr>");
        for (name, c) in pair {
            let svg = crate::chart::render_svg(
                &crate::chart::Figure::Series {
                    title: name,
                    figures: c,
                },
                options,
                (600, 260),
            )?;
            let _ = write!(
                h,
                "<td><figure role=\"img\" aria-label=\"Monthly counts: {}\">{}</figure></td>",
                e(name),
                svg.trim()
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");
    Ok(())
}

/// The method appendix's lines on the data: the files read and when, and each data rule.
pub(super) fn html_sources(h: &mut String, card: &Scorecard) {
    let ruled: Vec<String> = card
        .method
        .factors()
        .filter_map(|(_, f)| {
            let rule = f.data.as_ref()?;
            let levels: Vec<String> = rule
                .levels
                .iter()
                .map(|l| {
                    let label = f
                        .scale
                        .parse(&l.give)
                        .map(|v| f.scale.label(v))
                        .unwrap_or_else(|_| l.give.clone());
                    match l.from {
                        Some(from) => format!("{} from {}", e(&label), crate::report::num(from)),
                        None => e(&label),
                    }
                })
                .collect();
            let chance = rule
                .within_chance
                .as_ref()
                .map(|w| {
                    let label = f
                        .scale
                        .parse(w)
                        .map(|v| f.scale.label(v))
                        .unwrap_or_else(|_| w.clone());
                    format!("; {} when the change is no more than chance", e(&label))
                })
                .unwrap_or_default();
            Some(format!(
                "<li>{}: by the {}: {}{chance}</li>",
                e(&f.label),
                rule.measure.text(),
                levels.join(", ")
            ))
        })
        .collect();
    if !ruled.is_empty() {
        let _ = writeln!(
            h,
            "<h3>How the data suggests levels</h3>\n<ul>{}</ul>",
            ruled.join("")
        );
    }
    if card.evidence.sources.is_empty() {
        return;
    }
    h.push_str("<h3>Data read</h3>\n<ul>");
    for s in &card.evidence.sources {
        let months = s
            .months
            .map(|(a, b)| format!(", {} to {}", a.text(), b.text()))
            .unwrap_or_default();
        let _ = write!(
            h,
            "<li>{} ({}), read {}: {} rows counted, {} outside the area{}</li>",
            e(&s.name),
            s.kind.name(),
            e(&s.read_at),
            text::thousands(s.rows),
            text::thousands(s.left_out),
            e(&months)
        );
    }
    h.push_str("</ul>\n");
}

/// The Markdown list's evidence lines.
pub(super) fn markdown(out: &mut String, card: &Scorecard, md: fn(&str) -> String) {
    if card.evidence.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "\n\n## Evidence from the partnership's data\n\nArea: {}.\n\n",
        md(&card.evidence.area)
    );
    for r in rows(card) {
        let mut parts = Vec::new();
        if let (Some(p), Some(c)) = (&r.period, r.count) {
            parts.push(format!("{} in {p}", text::thousands(c)));
        }
        let change = change_words(&r);
        if !change.is_empty() {
            parts.push(format!("change {change}"));
        }
        let share = share_words(&r);
        if !share.is_empty() {
            parts.push(share);
        }
        for f in &r.factors {
            if let Some(s) = &f.suggested {
                let now = match (&f.in_force, f.differs) {
                    (Some(now), true) => format!(" (in force: {now})"),
                    _ => String::new(),
                };
                parts.push(format!("{} suggested {s}{now}", f.label));
            }
        }
        if !parts.is_empty() {
            let _ = writeln!(out, "- {}: {}", md(&r.theme), md(&parts.join("; ")));
        }
    }
}
