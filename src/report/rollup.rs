//! The roll-up as text: an aligned table, CSV (header in row 1, marking on every row), Markdown
//! and JSON, all from the one `Rollup` value.

use crate::model::rollup::{Cell, Rollup, Status};

/// Output formats of `trh rollup`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RollupFormat {
    /// Aligned text for a terminal.
    Table,
    /// CSV, the marking on every row.
    Csv,
    /// Markdown for a board paper.
    Md,
    /// JSON.
    Json,
    /// A self-contained HTML report with the chart (written by `export::rollup::html`).
    Html,
}

/// A cell in words: "#3 · High · adopted", "not assessed"; a theme named otherwise there says
/// its name, and one matched only by category says so, to be checked.
pub fn cell_text(c: &Cell, row_name: &str) -> String {
    if c.status == Status::NotAssessed {
        return Status::NotAssessed.text().to_owned();
    }
    let mut parts = Vec::new();
    parts.push(
        c.rank
            .map_or_else(|| "unranked".to_owned(), |r| format!("#{r}")),
    );
    if let Some(b) = &c.band {
        parts.push(b.clone());
    }
    parts.push(c.status.text().to_owned());
    let mut out = parts.join(" · ");
    if c.low_confidence {
        out.push_str(" (low confidence)");
    }
    if let Some(name) = c.name.as_deref().filter(|n| *n != row_name) {
        out.push_str(&format!(" as \"{name}\""));
    }
    if c.matched_by == Some(crate::model::rollup::MatchedBy::Category) {
        out.push_str(" [matched by category: check]");
    }
    out
}

fn range(r: &crate::model::rollup::Row) -> String {
    match r.rank_range {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
        None => String::new(),
    }
}

fn median(r: &crate::model::rollup::Row) -> String {
    r.median_rank.map(crate::report::num).unwrap_or_default()
}

fn head(rollup: &Rollup) -> Vec<String> {
    let mut h = vec!["theme".to_owned(), "priority in".to_owned()];
    h.extend(rollup.columns.iter().map(|c| c.name.clone()));
    h.extend(["rank range", "median rank", "note"].map(str::to_owned));
    h
}

fn cells(rollup: &Rollup, r: &crate::model::rollup::Row) -> Vec<String> {
    let mut out = vec![
        r.theme.clone(),
        format!("{} of {}", r.priority_in, rollup.columns.len()),
    ];
    out.extend(r.cells.iter().map(|c| cell_text(c, &r.theme)));
    let mut note = r.reach.to_owned();
    if r.confidence_flag {
        if !note.is_empty() {
            note.push_str("; ");
        }
        note.push_str("low confidence in several areas");
    }
    out.extend([range(r), median(r), note]);
    out
}

/// The roll-up as text, its first `top` rows (all when `None`).
pub fn render(rollup: &Rollup, top: Option<usize>, format: RollupFormat) -> anyhow::Result<String> {
    let rows = &rollup.rows[..top.unwrap_or(usize::MAX).min(rollup.rows.len())];
    match format {
        RollupFormat::Json => Ok(super::json_text(rollup)?),
        RollupFormat::Html => anyhow::bail!("the HTML report is written by export::rollup::html"),
        RollupFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut h = head(rollup);
            h.push("marking".to_owned());
            w.write_record(&h)?;
            for r in rows {
                let mut c: Vec<String> = cells(rollup, r)
                    .iter()
                    .map(|x| super::safe_cell(x))
                    .collect();
                c.push(super::safe_cell(&rollup.marking));
                w.write_record(&c)?;
            }
            Ok(String::from_utf8(w.into_inner()?)?)
        }
        RollupFormat::Md => {
            let mut out = format!("**{}**\n\n", super::md_escape(&rollup.marking));
            let h = head(rollup);
            out.push_str(&format!(
                "| {} |\n|{}|\n",
                h.iter()
                    .map(|x| super::md_escape(x))
                    .collect::<Vec<_>>()
                    .join(" | "),
                "---|".repeat(h.len())
            ));
            for r in rows {
                out.push_str(&format!(
                    "| {} |\n",
                    cells(rollup, r)
                        .iter()
                        .map(|x| super::md_escape(x))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
            }
            for n in &rollup.notes {
                out.push_str(&format!("\n{}\n", super::md_escape(n)));
            }
            out.push_str(&format!("\n**{}**\n", super::md_escape(&rollup.marking)));
            Ok(out)
        }
        RollupFormat::Table => {
            let body: Vec<Vec<String>> = rows.iter().map(|r| cells(rollup, r)).collect();
            let mut out = super::aligned(&rollup.marking, &head(rollup), &body);
            for n in &rollup.notes {
                out.push_str(&format!("note: {n}\n"));
            }
            Ok(out)
        }
    }
}
