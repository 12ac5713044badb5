//! What each column of a spreadsheet means: the heading row, the documented column names,
//! a factor's label, and the mappings the analyst chose before.

use std::collections::{BTreeMap, HashSet};

use super::{ImportProblem, Row, Table, column_letter};
use crate::model::FactorId;
use crate::model::method::{Method, SectionKind};

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
    /// A notes or comments column: kept, appended to the theme's evidence.
    Notes,
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
        all.push(Self::Notes);
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
            Self::Notes => "notes".into(),
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
            Self::Notes => "Notes (kept with the evidence)".into(),
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
        "notes" | "note" | "comments" | "comment" | "remarks" => Some(Target::Notes),
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
/// the documented names. The heading row is the one of the first ten with a theme column that
/// names the most columns (a title such as "Last year's themes" names one), else the fullest.
pub fn detect(table: &Table, method: &Method, remembered: &Remembered) -> Layout {
    let filled = |r: &Row| r.cells.iter().filter(|c| !c.trim().is_empty()).count();
    let named = |r: &Row| {
        let guesses: Vec<Option<Target>> = r
            .cells
            .iter()
            .map(|c| guess(method, c, remembered))
            .collect();
        guesses
            .contains(&Some(Target::Theme))
            .then(|| guesses.iter().flatten().count())
    };
    let rows = || table.rows.iter().take(10).enumerate();
    let best = rows()
        .filter_map(|(i, r)| named(r).map(|n| (i, n)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i);
    let header = best.unwrap_or_else(|| {
        let most = rows().map(|(_, r)| filled(r)).max().unwrap_or(0);
        rows()
            .find(|(_, r)| filled(r) == most)
            .map_or(0, |(i, _)| i)
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

    /// The labels of the method's factors no column maps to (themes then lack those scores
    /// and do not rank until they are scored).
    pub fn missing_factors(&self, method: &Method) -> Vec<String> {
        method
            .factors()
            .filter(|(_, f)| !self.columns.contains(&Some(Target::Factor(f.id.clone()))))
            .map(|(_, f)| f.label.clone())
            .collect()
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
