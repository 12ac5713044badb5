//! Residents' survey results (CSV or workbook): per item either the share concerned and the
//! number of respondents, or the count of each answer (very, fairly, not very, not at all
//! concerned, don't know). "Concerned" is very or fairly concerned, of every respondent to the
//! item, "don't know" included, as "78.5% of respondents stated they were either concerned or
//! very concerned" counts them.

use std::collections::BTreeMap;

use super::columns::{Headings, cell, find_headings};
use super::counts::count;
use crate::import::table::{Table, TableError};
use crate::model::evidence::SurveyItem;

const ITEM: &[&str] = &["item", "question", "issue", "theme", "category", "concern"];
const RESPONDENTS: &[&str] = &["respondents", "base", "answered", "n", "total"];
const SHARE: &[&str] = &[
    "share concerned",
    "% concerned",
    "concerned %",
    "percent concerned",
    "share",
    "concerned",
];
const ANSWERS: [&[&str]; 5] = [
    &["very concerned", "very"],
    &["fairly concerned", "fairly", "concerned"],
    &["not very concerned", "not very"],
    &["not at all concerned", "not at all"],
    &["don't know", "dont know", "don’t know", "not sure"],
];

/// Reads survey items.
pub fn read_survey(table: &Table, path: &str) -> Result<BTreeMap<String, SurveyItem>, TableError> {
    let err = |message: String| TableError {
        path: path.to_owned(),
        message,
    };
    let mut wanted: Vec<&[&str]> = vec![ITEM];
    wanted.extend(ANSWERS);
    if let Some(h) =
        find_headings(table, &wanted, 3).filter(|h| h.at[3].is_some() || h.at[4].is_some())
    {
        return by_answer(table, &h, path);
    }
    let h = find_headings(table, &[ITEM, SHARE, RESPONDENTS], 3).ok_or_else(|| {
        err("no heading row with item, share concerned and respondents columns, or with item and answer columns (very, fairly, not very, not at all concerned, don't know), in the first ten rows".to_owned())
    })?;
    by_share(table, &h, path)
}

fn by_answer(
    table: &Table,
    h: &Headings,
    path: &str,
) -> Result<BTreeMap<String, SurveyItem>, TableError> {
    let mut out = BTreeMap::new();
    let item_at = h.at[0].unwrap_or(0);
    for row in table.rows.iter().skip(h.row + 1) {
        let item = cell(row, item_at).trim();
        if item.is_empty() {
            continue;
        }
        let mut answers = [0u64; 5];
        for (slot, at) in answers.iter_mut().zip(&h.at[1..]) {
            if let Some(i) = at {
                let text = cell(row, *i);
                *slot = if text.trim().is_empty() {
                    0
                } else {
                    count(text).ok_or_else(|| TableError {
                        path: path.to_owned(),
                        message: format!(
                            "line {}: \"{}\" is not a whole, non-negative count",
                            row.line,
                            text.trim()
                        ),
                    })?
                };
            }
        }
        let concerned = answers[0] + answers[1];
        let respondents: u64 = answers.iter().sum();
        insert(
            &mut out,
            item,
            SurveyItem {
                concerned,
                respondents,
            },
            row.line,
            path,
        )?;
    }
    Ok(out)
}

fn share_value(text: &str) -> Option<(f64, bool)> {
    let t = text.trim();
    let (num, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (t, false),
    };
    let v: f64 = num.parse().ok()?;
    (v.is_finite() && v >= 0.0).then_some((v, percent))
}

fn by_share(
    table: &Table,
    h: &Headings,
    path: &str,
) -> Result<BTreeMap<String, SurveyItem>, TableError> {
    let err = |line: u64, message: String| TableError {
        path: path.to_owned(),
        message: format!("line {line}: {message}"),
    };
    let [item_at, share_at, resp_at] = [
        h.at[0].unwrap_or(0),
        h.at[1].unwrap_or(0),
        h.at[2].unwrap_or(0),
    ];
    let rows: Vec<_> = table
        .rows
        .iter()
        .skip(h.row + 1)
        .filter(|r| !cell(r, item_at).trim().is_empty())
        .collect();
    // Shares written without % are fractions if every one is at most 1, else per cent.
    let fractions = rows
        .iter()
        .all(|r| share_value(cell(r, share_at)).is_some_and(|(v, pct)| !pct && v <= 1.0));
    let mut out = BTreeMap::new();
    for row in rows {
        let line = row.line;
        let (v, _) = share_value(cell(row, share_at)).ok_or_else(|| {
            err(
                line,
                format!(
                    "\"{}\" is not a share (write 78.5% or 0.785)",
                    cell(row, share_at).trim()
                ),
            )
        })?;
        let share = if fractions { v } else { v / 100.0 };
        if share > 1.0 {
            return Err(err(line, format!("a share of {v} is over 100%")));
        }
        let respondents = count(cell(row, resp_at)).ok_or_else(|| {
            err(
                line,
                format!(
                    "\"{}\" is not a number of respondents",
                    cell(row, resp_at).trim()
                ),
            )
        })?;
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let concerned = (share * respondents as f64).round() as u64;
        insert(
            &mut out,
            cell(row, item_at).trim(),
            SurveyItem {
                concerned: concerned.min(respondents),
                respondents,
            },
            line,
            path,
        )?;
    }
    Ok(out)
}

fn insert(
    out: &mut BTreeMap<String, SurveyItem>,
    item: &str,
    value: SurveyItem,
    line: u64,
    path: &str,
) -> Result<(), TableError> {
    if value.respondents == 0 {
        return Err(TableError {
            path: path.to_owned(),
            message: format!("line {line}: {item} has no respondents"),
        });
    }
    if out.insert(item.to_owned(), value).is_some() {
        return Err(TableError {
            path: path.to_owned(),
            message: format!("line {line}: {item} is given twice"),
        });
    }
    Ok(())
}
