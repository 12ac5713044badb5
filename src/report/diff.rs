//! `trh diff` output: a table for the terminal, Markdown for a paper, or JSON.

use std::fmt::Write;

use crate::model::diff::{Diff, ThemeDiff};

use super::num;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Aligned text for a terminal.
    Table,
    /// Markdown.
    Md,
    /// Everything, as JSON.
    Json,
}

/// A rank, or `–` when not ranked in that year.
pub fn rank_text(r: Option<u32>) -> String {
    r.map_or_else(|| "–".to_owned(), |r| r.to_string())
}

/// `+3` (up three places), `-2`, `=`, or empty.
pub fn movement(t: &ThemeDiff) -> String {
    match t.movement {
        Some(0) => "=".into(),
        Some(m) if m > 0 => format!("+{m}"),
        Some(m) => m.to_string(),
        None => String::new(),
    }
}

/// The band, or `OLD to NEW` when it moved.
pub fn band_text(t: &ThemeDiff) -> String {
    match (&t.old_band, &t.new_band) {
        (Some(a), Some(b)) if a == b => b.clone(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (None, Some(b)) => b.clone(),
        (Some(a), None) => a.clone(),
        (None, None) => String::new(),
    }
}

fn status(t: &ThemeDiff) -> String {
    match &t.status {
        crate::model::diff::Status::Renamed { old_name } => format!("renamed (was {old_name})"),
        s => s.word().to_owned(),
    }
}

/// The summary line and the method warning, if any.
pub fn headline(diff: &Diff) -> Vec<String> {
    let mut lines = vec![format!(
        "{} compared with {}: {} new, {} removed, {} renamed, {} kept",
        diff.new_label,
        diff.old_label,
        diff.count("new"),
        diff.count("removed"),
        diff.count("renamed"),
        diff.count("kept"),
    )];
    if let Some(m) = &diff.method_change {
        lines.push(format!(
            "METHOD CHANGED: last year {}, this year {}. Differences in scores, ranks and bands may come from the method, not from a change in the world; bands are not compared.",
            m.old, m.new
        ));
    }
    lines
}

/// Renders the diff.
pub fn render(diff: &Diff, format: DiffFormat) -> Result<String, serde_json::Error> {
    Ok(match format {
        DiffFormat::Json => super::json_text(diff)?,
        DiffFormat::Table => table(diff),
        DiffFormat::Md => markdown(diff),
    })
}

fn table(diff: &Diff) -> String {
    let mut out = format!("{}\n", diff.marking);
    for l in headline(diff) {
        let _ = writeln!(out, "{l}");
    }
    let mut rows = vec![[
        "old".to_owned(),
        "new".to_owned(),
        "move".to_owned(),
        "theme".to_owned(),
        "band".to_owned(),
        "status".to_owned(),
    ]];
    for t in &diff.themes {
        rows.push([
            rank_text(t.old_rank),
            rank_text(t.new_rank),
            movement(t),
            t.name.clone(),
            band_text(t),
            status(t),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    out.push('\n');
    for r in &rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.chars().count());
            if i < 3 {
                let _ = write!(line, "{pad}{cell}  ");
            } else {
                let _ = write!(line, "{cell}{pad}  ");
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for t in diff.themes.iter().filter(|t| !t.factors.is_empty()) {
        let _ = writeln!(out, "\n{}: factors changed", t.name);
        for f in &t.factors {
            let _ = writeln!(
                out,
                "  {}: {} to {}{}",
                f.label,
                f.old.as_deref().unwrap_or("none"),
                f.new.as_deref().unwrap_or("none"),
                if f.rationale.trim().is_empty() {
                    format!(" ({})", f.source)
                } else {
                    format!(" ({}): {}", f.source, f.rationale.trim())
                }
            );
        }
    }
    out
}

fn md(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn markdown(diff: &Diff) -> String {
    let mut out = format!("**{}**\n\n# Year on year\n\n", md(&diff.marking));
    for l in headline(diff) {
        let _ = writeln!(out, "{}\n", md(&l));
    }
    out.push_str("| Last year | This year | Movement | Theme | Band | Status |\n|---:|---:|---:|---|---|---|\n");
    for t in &diff.themes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            rank_text(t.old_rank),
            rank_text(t.new_rank),
            movement(t),
            md(&t.name),
            md(&band_text(t)),
            md(&status(t))
        );
    }
    let changed: Vec<_> = diff
        .themes
        .iter()
        .filter(|t| !t.factors.is_empty())
        .collect();
    if !changed.is_empty() {
        out.push_str("\n## Factors that changed\n\n| Theme | Factor | Last year | This year | Points | Why |\n|---|---|---|---|---|---|\n");
        for t in changed {
            for f in &t.factors {
                let points = format!(
                    "{} to {}",
                    f.old_points.map(num).unwrap_or_else(|| "–".into()),
                    f.new_points.map(num).unwrap_or_else(|| "–".into())
                );
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    md(&t.name),
                    md(&f.label),
                    md(f.old.as_deref().unwrap_or("–")),
                    md(f.new.as_deref().unwrap_or("–")),
                    points,
                    md(&f.rationale)
                );
            }
        }
    }
    let _ = write!(out, "\n**{}**\n", md(&diff.marking));
    out
}
