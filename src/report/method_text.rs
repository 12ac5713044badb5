//! A method's risk rule in words, for reports and exports: "Risk = 0.5 × harm + 0.3 ×
//! likelihood + 0.2 × concern", or where a grid method's band comes from.

use crate::model::method::{ConfidenceMode, Method, RiskFormula};

use super::num;

/// How the method forms risk, in one or two sentences.
pub fn risk_rule(m: &Method) -> String {
    let formula = match &m.risk {
        RiskFormula::Product => "Risk = harm × likelihood.".to_owned(),
        RiskFormula::Sum => "Risk = harm + likelihood.".to_owned(),
        RiskFormula::WeightedSum { harm, likelihood } => format!(
            "Risk = {} × harm + {} × likelihood.",
            num(*harm),
            num(*likelihood)
        ),
        RiskFormula::Weighted(terms) => format!(
            "Risk = {}.",
            terms
                .iter()
                .map(|(name, w)| format!("{} × {name}", num(*w)))
                .collect::<Vec<_>>()
                .join(" + ")
        ),
        RiskFormula::Grid { rows, columns, .. } => format!(
            "The risk band is read from a grid, {rows} down and {columns} across, as the table shows; it is not a threshold on a score. Themes in one band are ordered by harm, then by likelihood."
        ),
    };
    match &m.confidence_mode {
        ConfidenceMode::ReportOnly => formula,
        ConfidenceMode::Weighted(w) => format!(
            "{formula} The risk is then multiplied by the confidence level's weight: {}.",
            w.iter()
                .map(|(code, w)| format!("{code} {}", num(*w)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_formula_in_words() {
        let mut m = crate::methods::builtin("morile-style").expect("default");
        assert_eq!(risk_rule(&m), "Risk = harm × likelihood.");
        m.risk = RiskFormula::Weighted(vec![
            ("harm".into(), 0.5),
            ("likelihood".into(), 0.3),
            ("concern".into(), 0.2),
        ]);
        m.confidence_mode = ConfidenceMode::Weighted(vec![("H".into(), 1.0), ("L".into(), 0.5)]);
        assert_eq!(
            risk_rule(&m),
            "Risk = 0.5 × harm + 0.3 × likelihood + 0.2 × concern. The risk is then multiplied by the confidence level's weight: H 1, L 0.5."
        );
    }
}

/// The outcome lookup as a table: risk bands down, position grades across (and a column for
/// themes whose position is not scored yet, where a rule covers them), each cell the outcome
/// the first matching rule gives.
#[derive(Clone, Debug, PartialEq)]
pub struct LookupTable {
    /// The grades' labels with their ranges ("Strong (4 to 6)"), then "not yet graded".
    pub columns: Vec<String>,
    /// Per band: its label and the outcome label in each column ("—" where no rule applies).
    pub rows: Vec<(String, Vec<String>)>,
}

/// The method's position grades and outcome lookup as a table, if it has them.
pub fn lookup_table(m: &Method) -> Option<LookupTable> {
    if m.lookup.is_empty() {
        return None;
    }
    let mut grades: Vec<(Option<&str>, String)> = m
        .grades
        .iter()
        .map(|g| {
            (
                Some(g.id.as_str()),
                format!("{} ({})", g.label, g.bounds().text(crate::report::num)),
            )
        })
        .collect();
    let ungraded = m
        .bands
        .iter()
        .any(|b| !crate::model::method::matching_rules(m, &b.id, None).is_empty());
    if ungraded {
        grades.push((None, "position not yet scored".to_owned()));
    }
    let rows = m
        .bands
        .iter()
        .map(|b| {
            let cells = grades
                .iter()
                .map(|(g, _)| {
                    crate::model::method::matching_rules(m, &b.id, *g)
                        .first()
                        .and_then(|&i| m.outcome(&m.lookup[i].outcome))
                        .map_or_else(|| "—".to_owned(), |o| o.label.clone())
                })
                .collect();
            (b.label.clone(), cells)
        })
        .collect();
    Some(LookupTable {
        columns: grades.into_iter().map(|(_, label)| label).collect(),
        rows,
    })
}
