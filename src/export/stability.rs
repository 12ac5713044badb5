//! How much the room's disagreement matters, in every export that a board reads: a section of
//! the HTML report and of the Markdown list, and a sheet of the workbook. Each gives the
//! runs and seed, each theme's rank interval, its share of runs inside the top N and in its
//! band, its badge, and the close calls' sentences (or the sentence saying none is close).

use std::fmt::Write;

use rust_xlsxwriter::{Workbook, XlsxError};

use crate::document::Figures;
use crate::model::Scorecard;
use crate::model::stability::ThemeStability;

/// The words that go with the figures, for a board rather than a statistician.
pub(super) const WHAT_IT_SAYS: &str = "The room was resampled: each run re-draws how much each participant's votes count (the same for every theme) and ranks again. The interval holds the middle 90% of the ranks a theme took. This says how much the room's disagreement matters, not the chance that a theme is the true priority.";

/// "2,000 resampled runs, seed 1".
pub(super) fn basis(f: &Figures) -> String {
    f.stability.basis()
}

/// The sentences to print: close calls first, most fragile first, else the summary.
pub(super) fn sentences(f: &Figures) -> Vec<&str> {
    let mut out: Vec<&str> = f.close.summary.iter().map(String::as_str).collect();
    out.extend(
        f.close
            .calls
            .iter()
            .filter(|c| c.close)
            .map(|c| c.sentence.as_str()),
    );
    out
}

fn ranked(f: &Figures) -> impl Iterator<Item = &ThemeStability> {
    f.stability.themes.iter().filter(|t| t.rank.is_some())
}

fn badge(f: &Figures, t: &ThemeStability) -> &'static str {
    t.badge(f.stability.top).map_or("", |b| b.label())
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The report's section.
pub(super) fn html(h: &mut String, f: &Figures) {
    let e = super::escape;
    let top = f.stability.top;
    h.push_str("<h2>How much the room's disagreement matters</h2>\n");
    let _ = writeln!(
        h,
        "<p class=\"quiet\">{} {} Figures from {}.</p>",
        e(WHAT_IT_SAYS),
        e(crate::model::stability::BADGES_EXPLAINED),
        e(&basis(f))
    );
    let _ = writeln!(
        h,
        "<table class=\"data\"><thead><tr><th>Rank</th><th>Theme</th><th>Rank interval</th><th>In the top {top}</th><th>Keeps its band</th><th>Stability</th></tr></thead><tbody>"
    );
    for t in ranked(f) {
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            t.rank.unwrap_or(0),
            e(&t.name),
            e(&t.interval()),
            pct(t.p_top),
            pct(t.p_band),
            badge(f, t)
        );
    }
    h.push_str("</tbody></table>\n<h3>Close calls</h3>\n<ul>\n");
    for s in sentences(f) {
        let _ = writeln!(h, "<li>{}</li>", e(s));
    }
    h.push_str("</ul>\n");
}

/// The Markdown section; `md` escapes text.
pub(super) fn markdown(out: &mut String, f: &Figures, md: fn(&str) -> String) {
    let top = f.stability.top;
    let _ = write!(
        out,
        "\n## How much the room's disagreement matters\n\n{} {} Figures from {}.\n\n| Rank | Theme | Rank interval | In the top {top} | Keeps its band | Stability |\n|---:|---|---|---:|---:|---|\n",
        WHAT_IT_SAYS,
        crate::model::stability::BADGES_EXPLAINED,
        basis(f)
    );
    for t in ranked(f) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            t.rank.unwrap_or(0),
            md(&t.name),
            t.interval(),
            pct(t.p_top),
            pct(t.p_band),
            badge(f, t)
        );
    }
    out.push_str("\n### Close calls\n\n");
    for s in sentences(f) {
        let _ = writeln!(out, "- {}", md(s));
    }
}

/// The workbook's *Stability* sheet: one row per theme, then the close calls.
pub(super) fn sheet(
    wb: &mut Workbook,
    card: &Scorecard,
    s: &super::xlsx_sheet::Styles,
    f: &Figures,
) -> Result<(), XlsxError> {
    let headings = [
        ("rank", 8.0),
        ("theme", 40.0),
        ("median_rank", 12.0),
        ("rank_p5", 10.0),
        ("rank_p95", 10.0),
        ("p_top", 10.0),
        ("p_band", 10.0),
        ("stability", 12.0),
    ];
    let ws = super::xlsx_sheet::sheet(wb, "Stability", card, s, &headings)?;
    ws.write_string(0, 1, format!("{} · top {}", basis(f), f.stability.top))?;
    let mut r = super::xlsx_sheet::HEAD + 1;
    for t in &f.stability.themes {
        let n = |x: Option<u32>| x.map(f64::from);
        super::xlsx_sheet::opt_num(ws, r, 0, n(t.rank))?;
        ws.write_string(r, 1, &t.name)?;
        super::xlsx_sheet::opt_num(ws, r, 2, n(t.median_rank))?;
        super::xlsx_sheet::opt_num(ws, r, 3, n(t.rank_p5))?;
        super::xlsx_sheet::opt_num(ws, r, 4, n(t.rank_p95))?;
        ws.write_number(r, 5, t.p_top)?;
        ws.write_number(r, 6, t.p_band)?;
        ws.write_string(r, 7, badge(f, t))?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Close calls", &s.bold)?;
    for line in sentences(f) {
        r += 1;
        ws.write_string(r, 1, line)?;
    }
    r += 2;
    ws.write_string(r, 1, WHAT_IT_SAYS)?;
    ws.write_string(r + 1, 1, crate::model::stability::BADGES_EXPLAINED)?;
    Ok(())
}
