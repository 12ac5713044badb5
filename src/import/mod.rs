//! Building themes from a spreadsheet (CSV or Excel): a `theme` column and one column per
//! factor id, or any columns the analyst maps to them. Every bad cell is reported with its row
//! (the file's line) and column before anything changes.
//!
//! Rows above the heading row (a title, the protective marking) are skipped: the heading row
//! is the first of the first ten rows with a column that means "theme".
//!
//! Imported values become the analyst's **drafts**, with a note saying where they came from:
//! they have not been agreed in trh, and the ranking shows them as drafts.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::sync::Arc;

mod csv_file;
pub mod evidence;
mod mapping;
mod sheet;
pub mod table;

pub use mapping::{Layout, Remembered, Target, detect, detect_at, heading_key};
pub use table::{Row, Table, TableError};

use crate::model::ThemeId;
use crate::model::ids::slug;
use crate::model::method::{DecisionKind, Method};
use crate::model::scorecard::{Decision, FactorScore, Scorecard, Theme};

/// One problem in the CSV, with its place.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", row.map(|r| format!("row {r}")).unwrap_or_else(|| "header".into()), column.as_ref().map(|c| format!(", column {c}")).unwrap_or_default())]
pub struct ImportProblem {
    /// 1-based line of the file (the header is line 1); `None` for the header itself.
    pub row: Option<u64>,
    /// Column name and letter, e.g. `harm (C)`.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Spreadsheet-style column letter for a 0-based index (0 → A, 26 → AA).
pub fn column_letter(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s
}

/// Reads the themes of every data row (below the heading row; blank rows are skipped).
/// Every problem is reported, with its row and column; nothing is returned if there are any.
pub fn themes(
    table: &Table,
    layout: &Layout,
    method: &Method,
    source: &str,
) -> Result<Vec<Theme>, Vec<ImportProblem>> {
    let mut problems = layout.problems(table);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for row in table.rows.iter().skip(layout.header + 1) {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(theme) = theme_from_row(method, layout, row, source, &mut problems) {
            let mut id = theme.id.to_string();
            let mut n = 2;
            while !ids.insert(id.clone()) {
                id = format!("{}-{n}", theme.id);
                n += 1;
            }
            out.push(Theme {
                id: ThemeId::new(id),
                ..theme
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Builds a new scorecard from CSV with the documented columns (unknown columns are errors).
/// `source` names the file in notes and messages.
pub fn from_csv<R: Read>(
    reader: R,
    method: &Method,
    title: &str,
    source: &str,
) -> Result<Scorecard, Vec<ImportProblem>> {
    let table = table::read_csv(reader, source).map_err(|e| {
        vec![ImportProblem {
            row: None,
            column: None,
            message: e.message,
        }]
    })?;
    from_table(&table, method, title, source)
}

/// A protective marking written above the headings (OFFICIAL, OFFICIAL-SENSITIVE, SECRET,
/// TOP SECRET, with any descriptor after it, in capitals as markings are written; "Official
/// statistics" is no marking), the strictest if there are several.
pub fn marking_above(table: &Table, header: usize) -> Option<String> {
    table
        .rows
        .iter()
        .take(header)
        .flat_map(|r| &r.cells)
        .map(|c| crate::model::text::on_one_line(c.trim()))
        .filter(|c| {
            let u = c.to_uppercase();
            c.chars().count() <= 80
                && u == *c
                && ["OFFICIAL", "SECRET", "TOP SECRET"]
                    .iter()
                    .any(|m| u.starts_with(m))
        })
        .max_by_key(|m| crate::model::rollup::marking_rank(m))
}

/// Builds a new scorecard from a table with the documented columns (unknown columns are
/// errors).
pub fn from_table(
    table: &Table,
    method: &Method,
    title: &str,
    source: &str,
) -> Result<Scorecard, Vec<ImportProblem>> {
    let layout = detect(table, method, &Remembered::new());
    let mut problems = layout.unknown(table, method);
    problems.extend(layout.problems(table));
    if !problems.is_empty() {
        return Err(problems);
    }
    let themes = themes(table, &layout, method, source)?;
    let mut card = Scorecard::new(title, method.clone());
    card.notes = format!("Imported from {source}.");
    if let Some(m) = marking_above(table, layout.header) {
        card.marking = m;
    }
    card.themes = themes.into_iter().map(Arc::new).collect();
    Ok(card)
}

fn theme_from_row(
    method: &Method,
    layout: &Layout,
    record: &Row,
    source: &str,
    problems: &mut Vec<ImportProblem>,
) -> Option<Theme> {
    let row = record.line;
    let mut read = RowRead::default();
    let before = problems.len();
    for (i, cell) in record.cells.iter().enumerate() {
        let Some(Some(col)) = layout.columns.get(i) else {
            continue;
        };
        if let Err(message) = read.cell(method, col, cell.trim(), (source, row)) {
            problems.push(ImportProblem {
                row: Some(row),
                column: Some(layout.column_name(i)),
                message,
            });
        }
    }
    let RowRead {
        mut theme,
        scores,
        decision,
        rationale,
        explicit_id,
        notes,
    } = read;
    if !notes.trim().is_empty() {
        if !theme.evidence.is_empty() {
            theme.evidence.push('\n');
        }
        theme.evidence.push_str(&format!("Notes: {}", notes.trim()));
    }
    if theme.name.is_empty() {
        problems.push(ImportProblem {
            row: Some(row),
            column: None,
            message: "the theme name is empty".into(),
        });
    }
    if problems.len() > before {
        return None;
    }
    theme.id = ThemeId::new(explicit_id.unwrap_or_else(|| slug(&theme.name)));
    theme.scores = scores;
    theme.decision = decision.map(|kind| Decision {
        kind,
        rationale,
        by: String::new(),
        at: String::new(),
        meeting: String::new(),
        on: String::new(),
    });
    Some(theme)
}

/// What a row's cells have said so far.
struct RowRead {
    theme: Theme,
    scores: BTreeMap<crate::model::FactorId, FactorScore>,
    decision: Option<DecisionKind>,
    rationale: String,
    explicit_id: Option<String>,
    notes: String,
}

impl Default for RowRead {
    fn default() -> Self {
        Self {
            theme: Theme::new("", ""),
            notes: String::new(),
            scores: BTreeMap::new(),
            decision: None,
            rationale: String::new(),
            explicit_id: None,
        }
    }
}

impl RowRead {
    /// Reads one cell into its column's place; what is wrong with it, in words.
    fn cell(
        &mut self,
        method: &Method,
        col: &Target,
        cell: &str,
        (source, row): (&str, u64),
    ) -> Result<(), String> {
        match col {
            // A line break inside a cell (Alt+Enter in Excel) becomes a space.
            Target::Theme => self.theme.name = crate::model::text::on_one_line(cell),
            Target::Id if !cell.is_empty() => self.explicit_id = Some(cell.to_owned()),
            Target::Id => {}
            Target::Category => self.theme.category = crate::model::text::on_one_line(cell),
            Target::Description => self.theme.description = cell.to_owned(),
            Target::Evidence => self.theme.evidence = cell.to_owned(),
            Target::DecisionRationale => self.rationale = cell.to_owned(),
            Target::Notes => self.notes = cell.to_owned(),
            Target::Decision if cell.is_empty() => {}
            Target::Decision => match DecisionKind::parse(cell) {
                Some(d) => self.decision = Some(d),
                None => {
                    return Err(format!(
                        "\"{cell}\" is not a decision; use adopt, not-taken-forward or watching-brief"
                    ));
                }
            },
            Target::Factor(_) if cell.is_empty() => {}
            Target::Factor(id) => {
                let Some((_, factor)) = method.factor(id.as_str()) else {
                    return Ok(());
                };
                let v = factor.scale.parse(cell).map_err(|e| e.to_string())?;
                self.scores.insert(
                    id.clone(),
                    FactorScore {
                        draft: Some(v),
                        note: format!("Imported from {source}, row {row}."),
                        ..FactorScore::default()
                    },
                );
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn letters() {
        for (i, want) in [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letter(i), want);
        }
    }
}
