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

pub mod table;

pub use table::{Row, Table, TableError};

use crate::model::ids::slug;
use crate::model::method::{DecisionKind, Method, SectionKind};
use crate::model::scorecard::{Decision, FactorScore, Scorecard, Theme};
use crate::model::{FactorId, ThemeId};

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

/// What a column is imported as.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The theme's name (required).
    Theme,
    /// The theme's id.
    Id,
    /// Category.
    Category,
    /// Description.
    Description,
    /// Evidence note.
    Evidence,
    /// A factor's value (level code, label or points), imported as the analyst's draft.
    Factor(FactorId),
    /// The board's decision.
    Decision,
    /// The decision's rationale.
    DecisionRationale,
}

impl Target {
    /// Every target for a method, in menu order.
    pub fn all(method: &Method) -> Vec<Self> {
        let mut all = vec![
            Self::Theme,
            Self::Id,
            Self::Category,
            Self::Description,
            Self::Evidence,
        ];
        all.extend(method.factors().map(|(_, f)| Self::Factor(f.id.clone())));
        all.push(Self::Decision);
        all.push(Self::DecisionRationale);
        all
    }

    /// A stable text key, for remembering mappings (`theme`, `factor:harm`, ...).
    pub fn key(&self) -> String {
        match self {
            Self::Theme => "theme".into(),
            Self::Id => "id".into(),
            Self::Category => "category".into(),
            Self::Description => "description".into(),
            Self::Evidence => "evidence".into(),
            Self::Factor(f) => format!("factor:{f}"),
            Self::Decision => "decision".into(),
            Self::DecisionRationale => "decision_rationale".into(),
        }
    }

    /// Reads a key made by [`Target::key`], if the method has that factor.
    pub fn from_key(method: &Method, key: &str) -> Option<Self> {
        match key.strip_prefix("factor:") {
            Some(f) => method
                .factor(f)
                .map(|(_, factor)| Self::Factor(factor.id.clone())),
            None => Self::all(method).into_iter().find(|t| t.key() == key),
        }
    }

    /// The name shown in the column-mapping step.
    pub fn label(&self, method: &Method) -> String {
        match self {
            Self::Factor(f) => method
                .factor(f.as_str())
                .map_or_else(|| f.to_string(), |(_, x)| format!("Factor: {}", x.label)),
            Self::Theme => "Theme name".into(),
            Self::Id => "Theme id".into(),
            Self::Category => "Category".into(),
            Self::Description => "Description".into(),
            Self::Evidence => "Evidence".into(),
            Self::Decision => "Decision".into(),
            Self::DecisionRationale => "Decision rationale".into(),
        }
    }
}

/// The documented column names: theme, id, category, ..., a factor id, `confidence`,
/// `position.<factor>`.
fn classify(method: &Method, header: &str) -> Option<Target> {
    let h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let fixed = match h.as_str() {
        "theme" | "name" => Some(Target::Theme),
        "id" => Some(Target::Id),
        "category" => Some(Target::Category),
        "description" => Some(Target::Description),
        "evidence" => Some(Target::Evidence),
        "decision" => Some(Target::Decision),
        "decision_rationale" | "rationale" => Some(Target::DecisionRationale),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    // A factor's label ("Psychological harm") as well as its id.
    if let Some((_, f)) = method.factors().find(|(_, f)| f.label.to_lowercase() == h) {
        return Some(Target::Factor(f.id.clone()));
    }
    // Spreadsheet habits: "Theme name", "Crime theme", "Theme ID".
    if h.contains("theme") {
        return Some(if h.split_whitespace().any(|w| w == "id") {
            Target::Id
        } else {
            Target::Theme
        });
    }
    if h == "confidence"
        && let Some(f) = method.confidence_factor()
    {
        return Some(Target::Factor(f.id.clone()));
    }
    let bare = h.strip_prefix("position.").unwrap_or(&h);
    let (kind, f) = method.factor(bare)?;
    if h.starts_with("position.") && kind != SectionKind::Position {
        return None;
    }
    Some(Target::Factor(f.id.clone()))
}

/// Remembered mappings: a heading (lower case, trimmed) to a [`Target::key`].
pub type Remembered = BTreeMap<String, String>;

/// How a table's columns are read: where the heading row is and what each column means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Index into the table's rows of the heading row.
    pub header: usize,
    /// The headings, as written.
    pub headings: Vec<String>,
    /// What each column is imported as; `None` ignores the column.
    pub columns: Vec<Option<Target>>,
}

/// The heading as a remembered-mapping key.
pub fn heading_key(heading: &str) -> String {
    heading.trim().trim_start_matches('\u{feff}').to_lowercase()
}

fn guess(method: &Method, heading: &str, remembered: &Remembered) -> Option<Target> {
    remembered
        .get(&heading_key(heading))
        .and_then(|k| Target::from_key(method, k))
        .or_else(|| classify(method, heading))
}

/// Finds the heading row and guesses every column, from remembered mappings first, then
/// the documented names. The heading row is the first of the first ten rows with a theme
/// column, else the fullest of them (a title row above the headings has one cell).
pub fn detect(table: &Table, method: &Method, remembered: &Remembered) -> Layout {
    let filled = |r: &Row| r.cells.iter().filter(|c| !c.trim().is_empty()).count();
    let header = table
        .rows
        .iter()
        .take(10)
        .position(|r| {
            r.cells
                .iter()
                .any(|c| guess(method, c, remembered) == Some(Target::Theme))
        })
        .unwrap_or_else(|| {
            let most = table.rows.iter().take(10).map(filled).max().unwrap_or(0);
            table
                .rows
                .iter()
                .position(|r| filled(r) == most)
                .unwrap_or(0)
        });
    detect_at(table, method, remembered, header)
}

/// Guesses every column, taking row `header` (an index into the table's rows) as the headings.
pub fn detect_at(table: &Table, method: &Method, remembered: &Remembered, header: usize) -> Layout {
    let headings: Vec<String> = table
        .rows
        .get(header)
        .map(|r| r.cells.clone())
        .unwrap_or_default();
    let columns = headings
        .iter()
        .map(|h| guess(method, h, remembered))
        .collect();
    Layout {
        header,
        headings,
        columns,
    }
}

impl Layout {
    /// `heading (C)` for column `i`.
    pub fn column_name(&self, i: usize) -> String {
        format!(
            "{} ({})",
            self.headings.get(i).map_or("", |h| h.trim()),
            column_letter(i)
        )
    }

    /// The mappings to remember: every mapped heading to its target.
    pub fn remembered(&self) -> Remembered {
        self.headings
            .iter()
            .zip(&self.columns)
            .filter(|(h, _)| !h.trim().is_empty())
            .filter_map(|(h, c)| c.as_ref().map(|c| (heading_key(h), c.key())))
            .collect()
    }

    /// Problems with the mapping itself: no theme column, or two columns for one target.
    pub fn problems(&self, table: &Table) -> Vec<ImportProblem> {
        let line = table.rows.get(self.header).map(|r| r.line);
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        for (i, c) in self.columns.iter().enumerate() {
            if let Some(c) = c
                && !seen.insert(c.clone())
            {
                problems.push(ImportProblem {
                    row: line,
                    column: Some(self.column_name(i)),
                    message: "this column appears twice".into(),
                });
            }
        }
        if !self.columns.contains(&Some(Target::Theme)) {
            problems.push(ImportProblem {
                row: line,
                column: None,
                message: "there is no \"theme\" column".into(),
            });
        }
        problems
    }

    /// Headings that are not empty and not mapped (the command line refuses these).
    pub fn unknown(&self, table: &Table, method: &Method) -> Vec<ImportProblem> {
        let line = table.rows.get(self.header).map(|r| r.line);
        let ids: Vec<&str> = method.factors().map(|(_, f)| f.id.as_str()).collect();
        self.columns
            .iter()
            .enumerate()
            .filter(|(i, c)| c.is_none() && !self.headings[*i].trim().is_empty())
            .map(|(i, _)| ImportProblem {
                row: line,
                column: Some(self.column_name(i)),
                message: format!(
                    "unknown column; expected theme, id, category, description, evidence, decision, decision_rationale, confidence, position.<factor>, or a factor of method \"{}\": {}",
                    method.id,
                    ids.join(", ")
                ),
            })
            .collect()
    }
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
    card.themes = themes;
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
    let mut theme = Theme::new("", "");
    let mut scores = BTreeMap::new();
    let mut decision: Option<DecisionKind> = None;
    let mut rationale = String::new();
    let mut explicit_id = None;
    let before = problems.len();
    for (i, cell) in record.cells.iter().enumerate() {
        let Some(Some(col)) = layout.columns.get(i) else {
            continue;
        };
        let cell = cell.trim();
        let mut bad = |message: String| {
            problems.push(ImportProblem {
                row: Some(row),
                column: Some(layout.column_name(i)),
                message,
            });
        };
        match col {
            Target::Theme => theme.name = cell.to_owned(),
            Target::Id if !cell.is_empty() => explicit_id = Some(cell.to_owned()),
            Target::Id => {}
            Target::Category => theme.category = cell.to_owned(),
            Target::Description => theme.description = cell.to_owned(),
            Target::Evidence => theme.evidence = cell.to_owned(),
            Target::DecisionRationale => rationale = cell.to_owned(),
            Target::Decision if cell.is_empty() => {}
            Target::Decision => match DecisionKind::parse(cell) {
                Some(d) => decision = Some(d),
                None => bad(format!(
                    "\"{cell}\" is not a decision; use adopt, not-taken-forward or watching-brief"
                )),
            },
            Target::Factor(_) if cell.is_empty() => {}
            Target::Factor(id) => {
                let Some((_, factor)) = method.factor(id.as_str()) else {
                    continue;
                };
                match factor.scale.parse(cell) {
                    Ok(v) => {
                        scores.insert(
                            id.clone(),
                            FactorScore {
                                draft: Some(v),
                                note: format!("Imported from {source}, row {row}."),
                                ..FactorScore::default()
                            },
                        );
                    }
                    Err(e) => bad(e.to_string()),
                }
            }
        }
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
    });
    Some(theme)
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
