//! Building a scorecard from a spreadsheet exported as CSV: a `theme` column and one column
//! per factor id. Every bad cell is reported with its row (the file's line) and column.
//!
//! Imported values become the analyst's **drafts**, with a note saying where they came from:
//! they have not been agreed in trh, and the ranking shows them as drafts.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;

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

/// What a column means.
#[derive(Clone, Debug, PartialEq)]
enum Col {
    Theme,
    Id,
    Category,
    Description,
    Evidence,
    Factor(FactorId),
    Decision,
    DecisionRationale,
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

fn classify(method: &Method, header: &str) -> Option<Col> {
    let h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let fixed = match h.as_str() {
        "theme" | "name" => Some(Col::Theme),
        "id" => Some(Col::Id),
        "category" => Some(Col::Category),
        "description" => Some(Col::Description),
        "evidence" => Some(Col::Evidence),
        "decision" => Some(Col::Decision),
        "decision_rationale" | "rationale" => Some(Col::DecisionRationale),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    if h == "confidence"
        && let Some(f) = method.confidence_factor()
    {
        return Some(Col::Factor(f.id.clone()));
    }
    let bare = h.strip_prefix("position.").unwrap_or(&h);
    let (kind, f) = method.factor(bare)?;
    if h.starts_with("position.") && kind != SectionKind::Position {
        return None;
    }
    Some(Col::Factor(f.id.clone()))
}

/// Builds a scorecard from CSV. `source` names the file in notes and messages.
pub fn from_csv<R: Read>(
    reader: R,
    method: &Method,
    title: &str,
    source: &str,
) -> Result<Scorecard, Vec<ImportProblem>> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let mut problems = Vec::new();
    let header_problem = |message: String, column: Option<String>| ImportProblem {
        row: None,
        column,
        message,
    };
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![header_problem(
                format!("cannot read the header row: {e}"),
                None,
            )]);
        }
    };
    let mut cols = Vec::new();
    let mut seen = HashSet::new();
    for (i, h) in headers.iter().enumerate() {
        let name = format!("{} ({})", h.trim(), column_letter(i));
        match classify(method, h) {
            Some(c) if !seen.insert(format!("{c:?}")) => {
                problems.push(header_problem(
                    "this column appears twice".into(),
                    Some(name),
                ));
                cols.push(None);
            }
            Some(c) => cols.push(Some(c)),
            None if h.trim().is_empty() => cols.push(None),
            None => {
                let ids: Vec<&str> = method.factors().map(|(_, f)| f.id.as_str()).collect();
                problems.push(header_problem(
                    format!(
                        "unknown column; expected theme, id, category, description, evidence, decision, decision_rationale, confidence, position.<factor>, or a factor of method \"{}\": {}",
                        method.id,
                        ids.join(", ")
                    ),
                    Some(name),
                ));
                cols.push(None);
            }
        }
    }
    if !cols.iter().any(|c| c == &Some(Col::Theme)) {
        problems.push(header_problem("there is no \"theme\" column".into(), None));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut card = Scorecard::new(title, method.clone());
    card.notes = format!("Imported from {source}.");
    let mut ids = HashSet::new();
    for record in rdr.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map(|p| p.line());
                problems.push(ImportProblem {
                    row,
                    column: None,
                    message: format!("cannot read this row: {e}"),
                });
                continue;
            }
        };
        let row = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(theme) =
            theme_from_row(method, &headers, &cols, &record, row, source, &mut problems)
        {
            let mut id = theme.id.to_string();
            let mut n = 2;
            while !ids.insert(id.clone()) {
                id = format!("{}-{n}", theme.id);
                n += 1;
            }
            card.themes.push(Theme {
                id: ThemeId::new(id),
                ..theme
            });
        }
    }
    if problems.is_empty() {
        Ok(card)
    } else {
        Err(problems)
    }
}

fn theme_from_row(
    method: &Method,
    headers: &csv::StringRecord,
    cols: &[Option<Col>],
    record: &csv::StringRecord,
    row: u64,
    source: &str,
    problems: &mut Vec<ImportProblem>,
) -> Option<Theme> {
    let mut theme = Theme::new("", "");
    let mut scores = BTreeMap::new();
    let mut decision: Option<DecisionKind> = None;
    let mut rationale = String::new();
    let mut explicit_id = None;
    let before = problems.len();
    for (i, cell) in record.iter().enumerate() {
        let Some(Some(col)) = cols.get(i) else {
            continue;
        };
        let cell = cell.trim();
        let column = || {
            format!(
                "{} ({})",
                headers.get(i).unwrap_or("").trim(),
                column_letter(i)
            )
        };
        let mut bad = |message: String| {
            problems.push(ImportProblem {
                row: Some(row),
                column: Some(column()),
                message,
            });
        };
        match col {
            Col::Theme => theme.name = cell.to_owned(),
            Col::Id if !cell.is_empty() => explicit_id = Some(cell.to_owned()),
            Col::Id => {}
            Col::Category => theme.category = cell.to_owned(),
            Col::Description => theme.description = cell.to_owned(),
            Col::Evidence => theme.evidence = cell.to_owned(),
            Col::DecisionRationale => rationale = cell.to_owned(),
            Col::Decision if cell.is_empty() => {}
            Col::Decision => match DecisionKind::parse(cell) {
                Some(d) => decision = Some(d),
                None => bad(format!(
                    "\"{cell}\" is not a decision; use adopt, not-taken-forward or watching-brief"
                )),
            },
            Col::Factor(_) if cell.is_empty() => {}
            Col::Factor(id) => {
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
