//! `trh close-calls` as a table, Markdown or JSON: the smallest change that would alter the
//! top N or a theme's band, one plain sentence each, most fragile first.

use std::fmt::Write;

use crate::model::close_calls::CloseCalls;

/// `trh close-calls` output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CloseCallsFormat {
    /// Plain text, one sentence per line.
    Table,
    /// A Markdown section.
    Md,
    /// JSON.
    Json,
}

/// The sentences to show: the close calls, then the summary when nothing alters the top N.
pub fn lines(c: &CloseCalls) -> Vec<String> {
    let mut out: Vec<String> = c
        .calls
        .iter()
        .filter(|x| x.close)
        .map(|x| x.sentence.clone())
        .collect();
    if let Some(s) = &c.summary {
        out.insert(0, s.clone());
    }
    out
}

/// The cut pair's smallest change when it is not close ("for the record").
pub fn not_close(c: &CloseCalls) -> Vec<String> {
    c.calls
        .iter()
        .filter(|x| !x.close)
        .map(|x| x.sentence.clone())
        .collect()
}

/// Renders the close calls.
pub fn render(c: &CloseCalls, marking: &str, format: CloseCallsFormat) -> anyhow::Result<String> {
    let mut out = String::new();
    match format {
        CloseCallsFormat::Table => {
            writeln!(out, "{marking} · close calls for the top {}", c.top)?;
            for l in lines(c) {
                writeln!(out, "- {l}")?;
            }
            for l in not_close(c) {
                writeln!(out, "  (not close) {l}")?;
            }
        }
        CloseCallsFormat::Md => {
            writeln!(out, "**{marking}**\n\n## Close calls (top {})\n", c.top)?;
            for l in lines(c) {
                writeln!(out, "- {}", super::md_escape(&l))?;
            }
            let far = not_close(c);
            if !far.is_empty() {
                writeln!(out, "\nNot close, for the record:\n")?;
                for l in far {
                    writeln!(out, "- {}", super::md_escape(&l))?;
                }
            }
        }
        CloseCallsFormat::Json => {
            let v = serde_json::json!({ "marking": marking, "close_calls": c });
            out = super::json_text(&v)?;
        }
    }
    Ok(out)
}
