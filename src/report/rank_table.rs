//! `trh rank` output: an aligned table, CSV, Markdown or JSON, all from the same rows.

use crate::model::ranking::{RankedTheme, Ranking};

use super::row::RowText;
pub use super::row::flags;
use super::safe_cell;

/// The columns of the rank output, in order. CSV's header row is exactly these.
pub const COLUMNS: [&str; 10] = [
    "rank",
    "theme",
    "harm",
    "likelihood",
    "risk",
    "band",
    "confidence",
    "position",
    "outcome",
    "decision",
];

/// Columns after the ten: the short flags, where the theme stands against the cut line,
/// and the protective marking (on every row, so it survives a copy of any row).
pub const CSV_EXTRA: [&str; 3] = ["flags", "candidate", "marking"];

/// Choices for the rank output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Keep only the first N rows.
    pub top: Option<usize>,
    /// CSV only: a line with the marking alone above the header row.
    pub marking_row: bool,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// RFC 4180 CSV with a header row (row 1), the marking on every row.
    Csv,
    /// A Markdown table.
    Md,
    /// Everything, as JSON.
    Json,
}

/// The legend printed under a table.
pub fn legend(ranking: &Ranking) -> String {
    format!(
        "flags: D = decision departs from the computed outcome; G = intelligence gap (high risk, low confidence); C = contested (votes {}+ steps apart, or points on a number range); ? = incomplete (not ranked, or no outcome until its position is scored)",
        ranking.contested_steps
    )
}

fn rows(ranking: &Ranking, top: Option<usize>) -> impl Iterator<Item = &RankedTheme> {
    ranking.rows.iter().take(top.unwrap_or(usize::MAX))
}

/// The cut-line sentence printed under a table: where it is, and whether it splits a tie.
pub fn cut_note(ranking: &Ranking) -> String {
    match ranking.cut_tie() {
        Some(tie) => format!("warning: {}", tie.sentence()),
        None => format!("cut line: top {} are candidate priorities", ranking.cut),
    }
}

/// Renders the ranking in a format.
pub fn render(
    ranking: &Ranking,
    format: Format,
    options: Options,
) -> Result<String, anyhow::Error> {
    let top = options.top;
    Ok(match format {
        Format::Table => table(ranking, top),
        Format::Csv => csv(ranking, options)?,
        Format::Md => markdown(ranking, top),
        Format::Json => super::json_text(&json_value(ranking, top))?,
    })
}

fn json_value(ranking: &Ranking, top: Option<usize>) -> serde_json::Value {
    let rows: Vec<&RankedTheme> = rows(ranking, top).collect();
    serde_json::json!({
        "method": ranking.method,
        "method_version": ranking.method_version,
        "marking": ranking.marking,
        "cut": ranking.cut,
        "cut_tie": ranking.cut_tie(),
        "rows": rows,
    })
}

/// The JSON ranking with each row's rank stability (`stability`: median rank, interval,
/// p_top, p_band, badge), the runs and seed, and the close calls' sentences.
pub fn json_with_stability(
    ranking: &Ranking,
    top: Option<usize>,
    (st, close): (
        &crate::model::stability::Stability,
        &crate::model::close_calls::CloseCalls,
    ),
) -> Result<String, anyhow::Error> {
    let mut value = json_value(ranking, top);
    if let Some(rows) = value.get_mut("rows").and_then(|r| r.as_array_mut()) {
        for row in rows {
            let id = row
                .get("id")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            let Some(t) = st.themes.iter().find(|t| t.id.as_str() == id) else {
                continue;
            };
            row["stability"] = serde_json::json!({
                "median_rank": t.median_rank,
                "rank_p5": t.rank_p5,
                "rank_p95": t.rank_p95,
                "p_top": t.p_top,
                "p_band": t.p_band,
                "badge": t.badge(st.top),
            });
        }
    }
    value["stability"] = serde_json::json!({ "runs": st.runs, "seed": st.seed, "top": st.top });
    value["close_calls"] = serde_json::json!(
        close
            .summary
            .iter()
            .chain(close.calls.iter().filter(|c| c.close).map(|c| &c.sentence))
            .collect::<Vec<_>>()
    );
    Ok(super::json_text(&value)?)
}

fn table(ranking: &Ranking, top: Option<usize>) -> String {
    let mut header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.push("flags".into());
    let mut lines: Vec<Vec<String>> = vec![header];
    for row in rows(ranking, top) {
        let text = RowText::of(row);
        let mut cells: Vec<String> = text.columns().map(str::to_owned).to_vec();
        cells.push(text.flags);
        lines.push(cells);
    }
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|i| {
            lines
                .iter()
                .map(|l| l[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let numeric = [
        true, false, true, true, true, false, false, false, false, false, false,
    ];
    let mut out = format!("{}\n", ranking.marking);
    for line in &lines {
        let mut text = String::new();
        for (i, cell) in line.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i > 0 {
                text.push_str("  ");
            }
            if numeric[i] {
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out.push_str(&legend(ranking));
    out.push('\n');
    out.push_str(&cut_note(ranking));
    out.push('\n');
    out
}

/// The ranking as CSV: the header is row 1 (what pandas, Excel's Get Data and any script
/// expect), and the protective marking is a column of every row, so it survives a copy of
/// any row. A banner line above the header only when asked for.
pub fn csv(ranking: &Ranking, options: Options) -> Result<String, anyhow::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let marking = safe_cell(&crate::model::text::on_one_line(&ranking.marking));
    // An Other section's total (a weighted method's "Public concern") after likelihood.
    let mut header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let others = ranking.others.iter().map(|(_, label)| safe_cell(label));
    header.splice(4..4, others);
    header.extend(CSV_EXTRA.iter().map(|c| (*c).to_owned()));
    if options.marking_row {
        let mut banner = vec![String::new(); header.len()];
        banner[0].clone_from(&marking);
        w.write_record(&banner)?;
    }
    w.write_record(&header)?;
    let candidates = ranking.candidates();
    for (row, candidate) in rows(ranking, options.top).zip(&candidates) {
        let text = RowText::of(row);
        let mut record: Vec<String> = text.columns().iter().map(|c| safe_cell(c)).collect();
        record.splice(4..4, other_totals(ranking, row));
        record.push(text.flags);
        record.push(candidate.text().to_owned());
        record.push(marking.clone());
        w.write_record(&record)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn markdown(ranking: &Ranking, top: Option<usize>) -> String {
    let mut out = format!("**{}**\n\n", super::md_escape(&ranking.marking));
    out.push_str(&format!("| {} | flags |\n", COLUMNS.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(COLUMNS.len() + 1)));
    for row in rows(ranking, top) {
        let text = RowText::of(row);
        let cells: Vec<String> = text.columns().iter().map(|c| super::md_escape(c)).collect();
        out.push_str(&format!("| {} | {} |\n", cells.join(" | "), text.flags));
    }
    out.push_str(&format!("\n{}\n\n{}\n", legend(ranking), cut_note(ranking)));
    out
}

/// A row's Other sections' totals, in the order of `ranking.others` ("" when not counted).
pub fn other_totals(ranking: &Ranking, row: &RankedTheme) -> Vec<String> {
    ranking
        .others
        .iter()
        .map(|(i, _)| {
            row.section_totals
                .get(*i)
                .copied()
                .flatten()
                .map(super::num)
                .unwrap_or_default()
        })
        .collect()
}
