//! Close calls: for the themes either side of the candidate-priority cut line, and every
//! theme near a band threshold, the smallest change that would alter the outcome, in one
//! plain sentence.
//!
//! A change is one factor of one theme moved by one level: by `k` of the people who voted
//! on it (each one level, the fewest that suffice), or the value the room agreed, or the
//! analyst's draft where nobody voted; for a weighted-sum method, also how far one risk
//! weight must move to swap the pair at the cut. Changes are searched with the ranking's own
//! scoring rule and every sentence is then checked by recomputation with [`rank`] (cut) or
//! the ranking's per-theme score (band): the change does alter the outcome, and the next
//! smaller one (one person fewer) does not. A call is *close* when it takes at most
//! [`PEOPLE_LIMIT`] people, one agreed or draft level, or a weight move of a tenth or less.

use serde::Serialize;

use super::ids::{FactorId, ThemeId};
use super::ranking::{QuickScore, Ranking, quick_score, rank};
use super::scorecard::{Scorecard, Source, Theme};
use super::value::Value;
use crate::model::ranking::prep::Prepared;

/// A call taking at most this many people (each one level) is close.
pub const PEOPLE_LIMIT: usize = 2;

/// What would change.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Crossing {
    /// `theme` would cross the cut line, passing (or falling below) `other`.
    Cut {
        /// The theme that moves.
        theme: ThemeId,
        /// Its rank now.
        rank: u32,
        /// The theme on the other side of the line it would pass.
        other: ThemeId,
        /// That theme's rank.
        other_rank: u32,
        /// Whether `theme` is inside the top N now.
        inside: bool,
        /// Coming in by drawing level with `other` (a tie at the line is inside it).
        level: bool,
    },
    /// `theme` would leave its band.
    Band {
        /// The theme.
        theme: ThemeId,
        /// Its rank.
        rank: Option<u32>,
        /// Its band now.
        from: String,
        /// The band it would move to.
        to: String,
    },
}

/// The change that would do it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Shift {
    /// `people` of the `voters` on a factor each move their vote one level.
    Votes {
        /// The theme.
        theme: ThemeId,
        /// The factor.
        factor: FactorId,
        /// How many people change their vote.
        people: usize,
        /// How many voted on it.
        voters: usize,
        /// The level they move from, when they all start on one.
        from: Option<String>,
        /// The level they move to, when they all end on one.
        to: Option<String>,
        /// Up the scale (else down).
        raise: bool,
        /// Whose votes move (the ones nearest the value in force), for the record; the
        /// sentence does not name them.
        who: Vec<super::ids::ParticipantId>,
    },
    /// The agreed value, or the draft, one level different.
    Value {
        /// The theme.
        theme: ThemeId,
        /// The factor.
        factor: FactorId,
        /// The agreed value (else the draft).
        agreed: bool,
        /// The level now.
        from: String,
        /// The level that would alter the outcome.
        to: String,
        /// Up the scale (else down).
        raise: bool,
    },
    /// One risk weight moved.
    Weight {
        /// `harm` or `likelihood`.
        term: String,
        /// The weight now.
        from: f64,
        /// The weight that swaps the pair.
        to: f64,
    },
}

/// One close call.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CloseCall {
    /// What would change.
    pub outcome: Crossing,
    /// The smallest change that does it.
    pub change: Shift,
    /// Within [`PEOPLE_LIMIT`] people, one level, or a tenth of a weight.
    pub close: bool,
    /// The plain sentence for a board.
    pub sentence: String,
}

/// The close calls of a scorecard, most fragile first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CloseCalls {
    /// The cut: the top N.
    pub top: usize,
    /// [`PEOPLE_LIMIT`].
    pub people_limit: usize,
    /// The calls, close ones first (fewest people first), then the cut pair's smallest
    /// change when it is not close.
    pub calls: Vec<CloseCall>,
    /// Said when no change within the limit alters the top N.
    pub summary: Option<String>,
}

impl CloseCalls {
    /// The close calls that concern a theme (it moves, or is the one passed).
    pub fn about<'a>(&'a self, id: &'a ThemeId) -> impl Iterator<Item = &'a CloseCall> + 'a {
        self.calls.iter().filter(move |c| {
            c.close
                && match &c.outcome {
                    Crossing::Cut { theme, other, .. } => theme == id || other == id,
                    Crossing::Band { theme, .. } => theme == id,
                }
        })
    }
}

/// One factor of one theme moved: which votes (indices into its score's votes) or the value.
#[derive(Clone, Debug)]
struct Found {
    theme: usize,
    factor: usize,
    raise: bool,
    /// Votes moved (empty: the value in force, agreed or draft, moved).
    votes: Vec<usize>,
    /// The value that results (the agreed or draft value; for votes, their new aggregate).
    to: Value,
}

impl Found {
    /// People needed (a value change counts as one).
    fn size(&self) -> usize {
        self.votes.len().max(1)
    }
}

/// What every search shares.
struct Ctx<'a> {
    card: &'a Scorecard,
    prep: Prepared<'a>,
    point: Ranking,
    /// Per theme (card order): value in force per factor (method order).
    values: Vec<Vec<Option<Value>>>,
    /// Per theme: the source of each value.
    sources: Vec<Vec<Source>>,
    scores: Vec<QuickScore>,
}

/// The scale's values in ordinal order.
fn ordered(scale: &super::method::Scale) -> Vec<Value> {
    let mut v = scale.values();
    v.sort_by_key(|x| scale.ordinal(*x));
    v
}

/// One level up or down.
fn step(scale: &super::method::Scale, v: Value, raise: bool) -> Option<Value> {
    let o = ordered(scale);
    let i = o.iter().position(|x| *x == v)?;
    if raise {
        o.get(i + 1).copied()
    } else {
        i.checked_sub(1).and_then(|i| o.get(i).copied())
    }
}

impl<'a> Ctx<'a> {
    fn new(card: &'a Scorecard) -> Self {
        let prep = Prepared::new(&card.method);
        let point = rank(card);
        let mut values = Vec::with_capacity(card.themes.len());
        let mut sources = Vec::with_capacity(card.themes.len());
        for t in &card.themes {
            let row = point.row(&t.id);
            values.push(row.map_or_else(Vec::new, |r| r.factors.iter().map(|f| f.value).collect()));
            sources
                .push(row.map_or_else(Vec::new, |r| r.factors.iter().map(|f| f.source).collect()));
        }
        let scores = values.iter().map(|v| quick_score(&prep, v)).collect();
        Self {
            card,
            prep,
            point,
            values,
            sources,
            scores,
        }
    }

    /// Whether score `a` ranks strictly ahead of score `b` (equal scores share a rank; names
    /// play no part).
    fn ahead(&self, a: &QuickScore, b: &QuickScore) -> bool {
        let key = |s: &QuickScore| match (s.risk, s.harm, s.likelihood) {
            (Some(r), Some(h), Some(l)) => Some((r, h, l)),
            _ => None,
        };
        match (key(a), key(b)) {
            (Some(x), Some(y)) => {
                y.0.total_cmp(&x.0)
                    .then(y.1.total_cmp(&x.1))
                    .then(y.2.total_cmp(&x.2))
                    .is_lt()
            }
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// The smallest change to theme `t` for which `goal` holds of its new score, taking at
    /// most `limit` people on a voted factor.
    fn smallest(
        &self,
        t: usize,
        limit: usize,
        goal: &dyn Fn(&QuickScore) -> bool,
    ) -> Option<Found> {
        let theme = &self.card.themes[t];
        let mut best: Option<Found> = None;
        for (j, pf) in self.prep.factors.iter().enumerate() {
            let Some(now) = self.values[t].get(j).copied().flatten() else {
                continue;
            };
            let scale = &pf.factor.scale;
            for raise in [true, false] {
                let cap = best.as_ref().map_or(limit, |b| b.size().saturating_sub(1));
                let found = match self.sources[t][j] {
                    Source::Votes { round } => theme
                        .scores
                        .get(&pf.factor.id)
                        .and_then(|s| self.votes_search(t, j, (s, round, now), raise, cap, goal)),
                    Source::Agreed | Source::Draft => step(scale, now, raise)
                        .filter(|to| cap >= 1 && goal(&self.with(t, j, *to)))
                        .map(|to| Found {
                            theme: t,
                            factor: j,
                            raise,
                            votes: Vec::new(),
                            to,
                        }),
                    Source::Unscored => None,
                };
                if let Some(f) = found
                    && best.as_ref().is_none_or(|b| f.size() < b.size())
                {
                    best = Some(f);
                }
            }
        }
        best
    }

    /// Theme `t`'s score with factor `j` at `v`.
    fn with(&self, t: usize, j: usize, v: Value) -> QuickScore {
        let mut values = self.values[t].clone();
        values[j] = Some(v);
        quick_score(&self.prep, &values)
    }

    /// The fewest votes (up to `cap`) of factor `j` moved one level that meet `goal`.
    fn votes_search(
        &self,
        t: usize,
        j: usize,
        (score, round, now): (&super::scorecard::FactorScore, u32, Value),
        raise: bool,
        cap: usize,
        goal: &dyn Fn(&QuickScore) -> bool,
    ) -> Option<Found> {
        let scale = &self.prep.factors[j].factor.scale;
        let at = scale.ordinal(now);
        // Votes that can move, those nearest the aggregate on the side that moves it first.
        let mut movable: Vec<(i64, usize)> = score
            .votes
            .iter()
            .enumerate()
            .filter(|(_, v)| v.round == round && step(scale, v.value, raise).is_some())
            .map(|(i, v)| {
                let d = scale.ordinal(v.value) - at;
                let d = if raise { -d } else { d };
                (if d >= 0 { d } else { 1_000 - d }, i)
            })
            .collect();
        movable.sort_unstable();
        let table = &self.prep.factors[j].table;
        for k in 1..=cap.min(movable.len()) {
            let moved: Vec<usize> = movable[..k].iter().map(|&(_, i)| i).collect();
            let votes = score
                .votes
                .iter()
                .enumerate()
                .filter(|(_, v)| v.round == round)
                .map(|(i, v)| {
                    if moved.contains(&i) {
                        step(scale, v.value, raise).unwrap_or(v.value)
                    } else {
                        v.value
                    }
                });
            let (Some(to), _) = table.summarise_iter(votes, self.card.method.aggregation, 0) else {
                continue;
            };
            if goal(&self.with(t, j, to)) {
                return Some(Found {
                    theme: t,
                    factor: j,
                    raise,
                    votes: moved,
                    to,
                });
            }
        }
        None
    }

    /// The theme with a change made (all of its votes, or only the first `people`).
    fn changed(&self, f: &Found, people: usize) -> Theme {
        let mut theme = (*self.card.themes[f.theme]).clone();
        let pf = &self.prep.factors[f.factor];
        let scale = &pf.factor.scale;
        let score = theme.scores.entry(pf.factor.id.clone()).or_default();
        if f.votes.is_empty() {
            if people > 0 {
                match &mut score.agreed {
                    Some(a) => a.value = f.to,
                    None => score.draft = Some(f.to),
                }
            }
        } else {
            for &i in f.votes.iter().take(people) {
                if let Some(v) = score.votes.get_mut(i) {
                    v.value = step(scale, v.value, f.raise).unwrap_or(v.value);
                }
            }
        }
        theme
    }
}

/// Finds the close calls of a scorecard for the top `top`.
pub fn close_calls(card: &Scorecard, top: usize) -> CloseCalls {
    let ctx = Ctx::new(card);
    let mut calls = Vec::new();
    search::cut_calls(&ctx, top, &mut calls);
    search::band_calls(&ctx, &mut calls);
    calls.sort_by_key(|(size, order, _)| (*size, *order));
    let calls: Vec<CloseCall> = calls.into_iter().map(|(_, _, c)| c).collect();
    let cut_close = calls
        .iter()
        .any(|c| c.close && matches!(c.outcome, Crossing::Cut { .. }));
    let summary = (!cut_close).then(|| search::nothing_close(&ctx, top));
    CloseCalls {
        top,
        people_limit: PEOPLE_LIMIT,
        calls,
        summary,
    }
}

mod place;
mod search;
mod text;
mod weights;

#[cfg(test)]
mod tests;
