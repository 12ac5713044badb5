//! A partner's counts table (CSV or workbook): category, period (a month `YYYY-MM` or a
//! financial year `2016/17`), count, and optionally area. Council ASB, deliberate fires,
//! assault admissions, domestic abuse referrals: most themes are not police.uk categories.

use std::collections::{BTreeMap, HashMap};

use super::columns::{Headings, cell, find_headings};
use crate::import::table::{Table, TableError};
use crate::model::evidence::Series;
use crate::model::evidence::month::{Month, parse_financial_year};

/// What a counts table held for the area.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableCounts {
    /// Series by category.
    pub series: BTreeMap<String, Series>,
    /// Rows counted.
    pub rows: u64,
    /// Rows of other areas.
    pub left_out: u64,
    /// What was noticed.
    pub warnings: Vec<String>,
}

const CATEGORY: &[&str] = &[
    "category",
    "theme",
    "crime type",
    "type",
    "series",
    "indicator",
    "measure",
];
const PERIOD: &[&str] = &["period", "month", "financial year", "year", "date"];
const COUNT: &[&str] = &["count", "number", "total", "value", "n"];
const AREA: &[&str] = &["area", "local authority", "district", "partnership", "csp"];

/// A period as a counts table may write it: a month (or a date in it) or a financial year.
enum Period {
    Month(Month),
    Year(u16),
}

fn period(text: &str) -> Option<Period> {
    let t = text.trim();
    if let Some(m) = Month::parse(t).or_else(|| {
        t.get(..7)
            .filter(|_| t.as_bytes().get(7) == Some(&b'-'))
            .and_then(Month::parse)
    }) {
        return Some(Period::Month(m));
    }
    parse_financial_year(t).map(Period::Year)
}

/// A whole, non-negative count: `1234`, `1,234` or `1234.0`.
pub fn count(text: &str) -> Option<u64> {
    let t: String = text.trim().chars().filter(|c| *c != ',').collect();
    let t = t.strip_suffix(".0").unwrap_or(&t);
    t.parse().ok()
}

/// Counts one row of the table into `out` (a repeat of a category and period is warned about
/// and left out).
fn add_row(
    out: &mut TableCounts,
    seen: &mut HashMap<(String, String), u64>,
    row: &crate::import::table::Row,
    [cat_at, period_at, count_at]: [usize; 3],
) -> Result<(), String> {
    let line = row.line;
    let c = |i: usize| cell(row, i);
    let category = c(cat_at).trim().to_owned();
    if category.is_empty() {
        return Err(format!("line {line}: no category"));
    }
    let when = period(c(period_at)).ok_or_else(|| {
        format!(
            "line {line}: \"{}\" is not a month (YYYY-MM) or a financial year (2016/17)",
            c(period_at).trim()
        )
    })?;
    let n = count(c(count_at)).ok_or_else(|| {
        format!(
            "line {line}: \"{}\" is not a whole, non-negative count",
            c(count_at).trim()
        )
    })?;
    let key = (category.to_lowercase(), c(period_at).trim().to_owned());
    if let Some(first) = seen.get(&key) {
        out.warnings.push(format!(
            "line {line}: {category} {} was given twice (first on line {first}); counted once",
            key.1
        ));
        return Ok(());
    }
    seen.insert(key, line);
    let series = out.series.entry(category.clone()).or_default();
    match when {
        Period::Month(m) => {
            series.covered.insert(m);
            *series.months.entry(m).or_default() += n;
        }
        Period::Year(y) => *series.years.entry(y).or_default() += n,
    }
    if !series.covered.is_empty() && !series.years.is_empty() {
        return Err(format!(
            "line {line}: {category} is counted both by month and by year; give one or the other"
        ));
    }
    out.rows += 1;
    Ok(())
}

/// Reads a counts table for an area (`areas` empty: every row, as long as the table has one area).
pub fn read_counts(table: &Table, path: &str, areas: &[String]) -> Result<TableCounts, TableError> {
    let err = |message: String| TableError {
        path: path.to_owned(),
        message,
    };
    let Headings { row: head, at } = find_headings(table, &[CATEGORY, PERIOD, COUNT, AREA], 3)
        .ok_or_else(|| {
            err(
                "no heading row with category, period and count columns in the first ten rows"
                    .to_owned(),
            )
        })?;
    let [cat_at, period_at, count_at, area_at] = [at[0], at[1], at[2], at[3]];
    let (Some(cat_at), Some(period_at), Some(count_at)) = (cat_at, period_at, count_at) else {
        return Err(err(
            "no heading row with category, period and count columns in the first ten rows"
                .to_owned(),
        ));
    };
    let mut out = TableCounts::default();
    let mut seen: HashMap<(String, String), u64> = HashMap::new();
    let mut other_areas = std::collections::BTreeSet::new();
    for row in table.rows.iter().skip(head + 1) {
        if row.cells.iter().all(|x| x.trim().is_empty()) {
            continue;
        }
        if let Some(a) = area_at {
            let area = cell(row, a).trim().to_owned();
            if areas.is_empty() {
                other_areas.insert(area);
            } else if !areas.iter().any(|x| x.trim().eq_ignore_ascii_case(&area)) {
                out.left_out += 1;
                continue;
            }
        }
        add_row(&mut out, &mut seen, row, [cat_at, period_at, count_at]).map_err(err)?;
    }
    if other_areas.len() > 1 {
        let list: Vec<&str> = other_areas.iter().map(String::as_str).take(6).collect();
        return Err(err(format!(
            "the table has several areas ({}); choose yours with --area",
            list.join(", ")
        )));
    }
    Ok(out)
}
