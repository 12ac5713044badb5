//! `rank(&scorecard) -> Ranking`: the one view-model that the table, charts, CLI and every
//! export read. Nothing else computes a total.
//!
//! **Ties.** Themes are ordered by risk, then by harm, then by likelihood (all descending).
//! Themes equal on all three share a rank ("1, 2, 2, 4") and are listed by name. Themes with
//! a missing factor have no risk and no rank; they are listed last, by name, with what is missing.

use std::cmp::Ordering;
use std::sync::Arc;

use serde::Serialize;

use super::aggregate::Spread;
use super::ids::{FactorId, ThemeId};
use super::method::{DecisionKind, Role, SectionKind};
use super::scorecard::{Scorecard, Source, Theme};
use super::value::Value;
use crate::model::method::matching_rules;
use crate::model::ranking::prep::Prepared;

pub(in crate::model) mod prep;
mod quick;
mod risk;
mod score;

pub use quick::QuickScore;
pub(super) use quick::{quick_score, quick_score_points};
use risk::{Scores, Total, Totals, new_totals, risk_from};
pub(super) use score::score;

const EPS: f64 = 1e-9;

/// The ranked themes of one scorecard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranking {
    /// Method id.
    pub method: String,
    /// Method version.
    pub method_version: String,
    /// Protective marking of the scorecard.
    pub marking: String,
    /// Votes this many scale steps apart mark a factor contested (from the method).
    pub contested_steps: u32,
    /// Rows in rank order; unranked (incomplete) themes last.
    pub rows: Vec<RankedTheme>,
    /// The candidate-priority cut line: the top N rows (from the scorecard).
    pub cut: usize,
    /// The method's Other sections (a weighted method's "Public concern"), by index into each
    /// row's `section_totals`, with their labels: their totals are columns of the exports.
    #[serde(skip)]
    pub others: Vec<(usize, String)>,
}

/// A band, grade, outcome or level, by position in the method and by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    /// Position in the method's list (bands: 0 is the lowest).
    pub index: usize,
    /// Id or code.
    pub id: Arc<str>,
    /// Label shown to users.
    pub label: Arc<str>,
}

/// One theme's computed result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankedTheme {
    /// Rank from 1; `None` when the theme is incomplete.
    pub rank: Option<u32>,
    /// Theme id.
    pub id: ThemeId,
    /// Theme name.
    pub name: String,
    /// Category.
    pub category: String,
    /// Total harm.
    #[serde(serialize_with = "crate::model::exact::serialize_score")]
    pub harm: Option<f64>,
    /// Total likelihood.
    #[serde(serialize_with = "crate::model::exact::serialize_score")]
    pub likelihood: Option<f64>,
    /// Risk from harm and likelihood (and confidence, if the method weights it).
    #[serde(serialize_with = "crate::model::exact::serialize_score")]
    pub risk: Option<f64>,
    /// Risk band.
    pub band: Option<Named>,
    /// Confidence level.
    pub confidence: Option<Named>,
    /// Total of the position factors.
    #[serde(serialize_with = "crate::model::exact::serialize_score")]
    pub position_total: Option<f64>,
    /// Position grade.
    pub grade: Option<Named>,
    /// Outcome of the lookup.
    pub outcome: Option<Named>,
    /// The decision the outcome suggests.
    pub suggested: Option<DecisionKind>,
    /// The board's decision.
    pub decision: Option<DecisionKind>,
    /// The decision's rationale.
    pub decision_rationale: String,
    /// True when the decision differs from the outcome's suggestion.
    pub departs: bool,
    /// High risk with low confidence.
    pub intelligence_gap: bool,
    /// Any factor's votes are contested.
    pub contested: bool,
    /// Factors with no value that leave the theme without a risk, so unranked.
    pub missing: Vec<FactorId>,
    /// The theme has a band but no outcome because a position factor is not scored yet
    /// (and no lookup rule covers themes without a grade): shown as incomplete.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub position_unscored: bool,
    /// For a grid method: the cell the theme falls in, as (row heading, column heading).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<(String, String)>,
    /// Every section's total, in method order (`None`: incomplete or not counted).
    #[serde(skip)]
    pub section_totals: Vec<Option<f64>>,
    /// Every factor, in method order.
    pub factors: Vec<FactorResult>,
}

/// One factor's effective value and how it was reached.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorResult {
    /// Factor id.
    pub factor: FactorId,
    /// Section the factor belongs to.
    pub section: SectionKind,
    /// How the factor is counted.
    pub role: RoleName,
    /// The effective value's code, if any.
    pub code: Option<Arc<str>>,
    /// The effective value's label, if any.
    pub label: Option<Arc<str>>,
    /// The effective value's points.
    pub points: Option<f64>,
    /// Where the value came from.
    pub source: Source,
    /// The latest round with votes, if any.
    pub round: Option<u32>,
    /// Spread of the latest round's votes.
    pub spread: Option<Spread>,
    /// The internal value (not serialised).
    #[serde(skip)]
    pub value: Option<Value>,
}

/// Serialisable role name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleName {
    /// Added into the section.
    Add,
    /// Multiplies the section.
    Multiply,
    /// Reported only.
    Report,
}

impl From<Role> for RoleName {
    fn from(r: Role) -> Self {
        match r {
            Role::Add => Self::Add,
            Role::Multiply => Self::Multiply,
            Role::Report => Self::Report,
        }
    }
}

impl Ranking {
    /// The row for a theme id.
    pub fn row(&self, id: &ThemeId) -> Option<&RankedTheme> {
        self.rows.iter().find(|r| &r.id == id)
    }
}

/// Ranks every theme of a scorecard.
///
/// ```
/// use trh::model::{rank, Scorecard, Theme};
/// use trh::model::scorecard::FactorScore;
///
/// let method = trh::methods::builtin("impact-likelihood-4x4").expect("shipped");
/// let mut card = Scorecard::new("Example", method);
/// for (name, impact, likelihood) in [("Burglary", "2", "3"), ("Domestic abuse", "4", "4")] {
///     let mut theme = Theme::new(&trh::model::ids::slug(name), name);
///     for (factor, code) in [("impact", impact), ("likelihood", likelihood)] {
///         let scale = &card.method.factor(factor).expect("factor").1.scale;
///         let score = FactorScore { draft: Some(scale.parse(code).expect("level")), ..Default::default() };
///         theme.scores.insert(factor.into(), score);
///     }
///     card.push_theme(theme);
/// }
/// let ranking = rank(&card);
/// assert_eq!(ranking.rows[0].name, "Domestic abuse");
/// assert_eq!(ranking.rows[0].risk, Some(16.0));
/// assert_eq!(ranking.rows[1].band.as_ref().map(|b| &*b.label), Some("Medium"));
/// ```
pub fn rank(card: &Scorecard) -> Ranking {
    let prep = Prepared::new(&card.method);
    let rows = card.themes.iter().map(|t| score(&prep, t)).collect();
    ranking_of(card, rows)
}

/// The decision the method suggests for one theme (its outcome's), scored on its own.
pub fn suggested(card: &Scorecard, theme: &Theme) -> Option<DecisionKind> {
    score(&Prepared::new(&card.method), theme).suggested
}

/// Orders scored rows and numbers them: the part of ranking that looks at every theme at once.
pub(super) fn ranking_of(card: &Scorecard, rows: Vec<RankedTheme>) -> Ranking {
    let method = &card.method;
    let rows = in_order(rows);
    Ranking {
        method: method.id.clone(),
        method_version: method.version.clone(),
        marking: card.marking.clone(),
        contested_steps: method.contested_steps,
        rows,
        cut: card.cut(),
        others: method
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == crate::model::SectionKind::Other)
            .map(|(i, s)| (i, s.label.clone()))
            .collect(),
    }
}

/// Sorts rows (names lower-cased once each, not once per comparison) and gives ranks.
fn in_order(rows: Vec<RankedTheme>) -> Vec<RankedTheme> {
    let mut keyed: Vec<(String, RankedTheme)> = rows
        .into_iter()
        .map(|r| (r.name.to_lowercase(), r))
        .collect();
    keyed.sort_by(|(na, a), (nb, b)| {
        by_score(a, b)
            .then_with(|| na.cmp(nb))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut rows: Vec<RankedTheme> = keyed.into_iter().map(|(_, r)| r).collect();
    let mut prev: Option<(f64, f64, f64)> = None;
    let mut rank = 0u32;
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank = None;
        let (Some(r), Some(h), Some(l)) = (row.risk, row.harm, row.likelihood) else {
            continue;
        };
        let tied = prev.is_some_and(|(pr, ph, pl)| {
            (pr - r).abs() < EPS && (ph - h).abs() < EPS && (pl - l).abs() < EPS
        });
        if !tied {
            rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
        }
        row.rank = Some(rank);
        prev = Some((r, h, l));
    }
    rows
}

fn by_score(a: &RankedTheme, b: &RankedTheme) -> Ordering {
    let key = |r: &RankedTheme| match (r.risk, r.harm, r.likelihood) {
        (Some(x), Some(h), Some(l)) => Some((x, h, l)),
        _ => None,
    };
    match (key(a), key(b)) {
        (Some(ka), Some(kb)) => {
            kb.0.total_cmp(&ka.0)
                .then(kb.1.total_cmp(&ka.1))
                .then(kb.2.total_cmp(&ka.2))
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

pub(super) fn named(index: usize, id: &str, label: &str) -> Named {
    Named {
        index,
        id: id.into(),
        label: label.into(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
