//! What the board decides on, first: the adopted priorities (or, before any decision, the
//! candidates above the cut line), each with its place, band, decision and rationale, its
//! description and its evidence (the analyst's text and the figures from data). The HTML
//! report's first page and the Markdown list's summary both read this.

use crate::model::cut::Candidate;
use crate::model::{DecisionKind, Ranking, Scorecard};

/// One priority on the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Its rank.
    pub rank: Option<u32>,
    /// Its name.
    pub name: String,
    /// "Band Very high · risk 133 · confidence Medium · outcome Priority".
    pub facts: String,
    /// "Adopt" with the rationale, or "not yet decided".
    pub decision: String,
    /// The theme's description.
    pub description: String,
    /// The analyst's evidence text.
    pub evidence: String,
    /// The figures from the partnership's data, in one phrase.
    pub data: Option<String>,
}

/// The summary: what it lists and the items.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// One sentence saying what is listed.
    pub intro: String,
    /// The priorities, in rank order.
    pub items: Vec<Item>,
}

/// The board summary of a ranking.
pub fn summary(card: &Scorecard, ranking: &Ranking) -> Summary {
    let adopted: Vec<usize> = (0..ranking.rows.len())
        .filter(|&i| ranking.rows[i].decision == Some(DecisionKind::Adopt))
        .collect();
    let (intro, chosen) = if adopted.is_empty() {
        let candidates = ranking.candidates();
        (
            match ranking.cut_tie() {
                Some(tie) => format!(
                    "No board decisions are recorded yet: these are the candidate priorities, the top {} and the {} themes tied at rank {} ({} in all).",
                    ranking.cut,
                    tie.tied.len(),
                    tie.rank,
                    tie.inside
                ),
                None => format!(
                    "No board decisions are recorded yet: these are the candidate priorities, the top {} ranked themes.",
                    ranking.cut
                ),
            },
            (0..ranking.rows.len())
                .filter(|&i| candidates[i] != Candidate::No)
                .collect(),
        )
    } else {
        (
            format!(
                "The board adopted {} {}.",
                adopted.len(),
                if adopted.len() == 1 {
                    "priority"
                } else {
                    "priorities"
                }
            ),
            adopted,
        )
    };
    let items = chosen
        .into_iter()
        .map(|i| item(card, &ranking.rows[i]))
        .collect();
    Summary { intro, items }
}

/// The scorecard's facts under its title: "Area: … · Period: … · Prepared by: … · Method: …",
/// each given (the report's header and the PDF's first lines).
pub fn facts(card: &Scorecard) -> Vec<String> {
    [
        ("Area", &card.area),
        ("Period", &card.period),
        ("Prepared by", &card.author),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k}: {v}"))
    .chain([format!(
        "Method: {} {}",
        card.method.name, card.method.version
    )])
    .collect()
}

/// A theme's description, evidence text and figures from data, for its page.
pub fn theme_text(
    card: &Scorecard,
    id: &crate::model::ThemeId,
) -> (String, String, Option<String>) {
    card.theme(id).map_or_else(
        || (String::new(), String::new(), None),
        |t| {
            (
                t.description.trim().to_owned(),
                t.evidence.trim().to_owned(),
                crate::report::evidence::gist(&card.figures(t)),
            )
        },
    )
}

/// One priority of the summary.
fn item(card: &Scorecard, row: &crate::model::ranking::RankedTheme) -> Item {
    let t = crate::report::row::RowText::of(row);
    let facts = [
        ("Band", t.band),
        ("risk", t.risk),
        ("confidence", t.confidence),
        ("suggested", t.outcome),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k} {v}"))
    .collect::<Vec<_>>()
    .join(" · ");
    let theme = card.theme(&row.id);
    let decision = match row.decision {
        Some(d) => {
            let mut s = d.label().to_owned();
            if row.departs {
                s.push_str(" (departs from the ranking)");
            }
            if !row.decision_rationale.trim().is_empty() {
                s.push_str(": ");
                s.push_str(row.decision_rationale.trim());
            }
            s
        }
        None => "not yet decided".to_owned(),
    };
    let taken = theme
        .and_then(|t| t.decision.as_ref())
        .map(crate::model::scorecard::Decision::taken)
        .unwrap_or_default();
    let decision = if taken.is_empty() {
        decision
    } else {
        format!("{decision} (taken at {taken})")
    };
    Item {
        rank: row.rank,
        name: row.name.clone(),
        facts,
        decision,
        description: theme
            .map(|t| t.description.trim().to_owned())
            .unwrap_or_default(),
        evidence: theme
            .map(|t| t.evidence.trim().to_owned())
            .unwrap_or_default(),
        data: theme.and_then(|t| crate::report::evidence::gist(&card.figures(t))),
    }
}
