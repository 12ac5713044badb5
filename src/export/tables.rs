//! Flat rows shared by the workbook and the report: every factor's effective value with its
//! source and spread, and the participants grouped by agency.

use std::collections::BTreeMap;

use crate::model::method::SectionKind;
use crate::model::ranking::Ranking;
use crate::model::scorecard::{Participant, Scorecard};
use crate::report::num;

/// One factor of one theme, as exported.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorRow {
    /// Rank of the theme, if ranked.
    pub rank: Option<u32>,
    /// Theme name.
    pub theme: String,
    /// Section heading.
    pub section: String,
    /// Factor label.
    pub factor: String,
    /// The effective level's label (or the number).
    pub value: String,
    /// Its points.
    pub points: Option<f64>,
    /// agreed, votes, draft or unscored.
    pub source: &'static str,
    /// Round of the votes used, if any.
    pub round: Option<u32>,
    /// How many voted in that round.
    pub votes: usize,
    /// Lowest and highest vote, in points, as `min–max`.
    pub range: String,
    /// Interquartile range in points.
    pub iqr: Option<f64>,
    /// Votes were far apart.
    pub contested: bool,
    /// The room's rationale for the agreed value (empty when not agreed).
    pub rationale: String,
    /// The analyst's evidence note (kept beside the room's rationale, never replaced by it).
    pub note: String,
}

fn section_label(card: &Scorecard, kind: SectionKind) -> String {
    card.method
        .sections
        .iter()
        .find(|s| s.kind == kind)
        .map_or_else(String::new, |s| s.label.clone())
}

/// Every factor of every theme, in rank order.
pub fn factor_rows(card: &Scorecard, ranking: &Ranking) -> Vec<FactorRow> {
    let mut out = Vec::new();
    for row in &ranking.rows {
        let theme = card.themes.iter().find(|t| t.id == row.id);
        for f in &row.factors {
            let score = theme.and_then(|t| t.scores.get(&f.factor));
            let rationale = score
                .and_then(|s| s.agreed.as_ref())
                .map(|a| a.rationale.clone())
                .unwrap_or_default();
            let note = score.map(|s| s.note.clone()).unwrap_or_default();
            let label = card
                .method
                .factor(f.factor.as_str())
                .map_or_else(|| f.factor.to_string(), |(_, x)| x.label.clone());
            out.push(FactorRow {
                rank: row.rank,
                theme: row.name.clone(),
                section: section_label(card, f.section),
                factor: label,
                value: f
                    .label
                    .as_ref()
                    .map(|l| l.to_string())
                    .or_else(|| f.points.map(num))
                    .unwrap_or_default(),
                points: f.points,
                source: f.source.name(),
                round: f.round,
                votes: f.spread.as_ref().map_or(0, |s| s.count),
                range: f
                    .spread
                    .as_ref()
                    .map(|s| format!("{}–{}", num(s.min), num(s.max)))
                    .unwrap_or_default(),
                iqr: f.spread.as_ref().map(|s| s.iqr()),
                contested: f.spread.as_ref().is_some_and(|s| s.contested),
                rationale,
                note,
            });
        }
    }
    out
}

/// Participants grouped by agency (agencies in alphabetical order, people in file order).
/// People with no agency are listed under "(no agency)".
pub fn participants_by_agency(card: &Scorecard) -> Vec<(String, Vec<&Participant>)> {
    let mut groups: BTreeMap<String, Vec<&Participant>> = BTreeMap::new();
    for p in &card.participants {
        let agency = if p.agency.trim().is_empty() {
            "(no agency)".to_owned()
        } else {
            p.agency.trim().to_owned()
        };
        groups.entry(agency).or_default().push(p);
    }
    groups.into_iter().collect()
}
