//! Year on year: what changed between two scorecards (last year's and this year's).
//!
//! Themes are matched by id first, then by name (ignoring case and spacing), so a theme
//! whose id was regenerated is still recognised. A matched theme whose name changed is
//! *renamed*. When the two scorecards were scored with different methods (or method
//! versions) the diff says so, so a change of method is never read as a change in the world.

use serde::Serialize;

mod pairing;
use super::ranking::{RankedTheme, rank};
use super::scorecard::Scorecard;
use super::{FactorId, ThemeId};

/// What happened to a theme between the two scorecards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum Status {
    /// In both, under the same name.
    Kept,
    /// In both, under a new name.
    Renamed {
        /// The old name.
        old_name: String,
    },
    /// Only in the new scorecard.
    New,
    /// Only in the old scorecard.
    Removed,
}

impl Status {
    /// One word for tables.
    pub fn word(&self) -> &'static str {
        match self {
            Self::Kept => "kept",
            Self::Renamed { .. } => "renamed",
            Self::New => "new",
            Self::Removed => "removed",
        }
    }
}

/// How a theme was matched to last year's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    /// Same id.
    Id,
    /// Different id, same name.
    Name,
    /// Matched by hand: this year's theme names last year's it continues.
    Hand,
}

/// One factor whose effective value changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorChange {
    /// Factor id.
    pub factor: FactorId,
    /// Its label (from the new method, else the old).
    pub label: String,
    /// Old level label (or number), if scored.
    pub old: Option<String>,
    /// New level label (or number), if scored.
    pub new: Option<String>,
    /// Old points.
    pub old_points: Option<f64>,
    /// New points.
    pub new_points: Option<f64>,
    /// The new value's source: agreed, votes, draft or unscored.
    pub source: &'static str,
    /// Why, where one was recorded: the agreed rationale, else the analyst's note.
    pub rationale: String,
}

/// One theme across the two years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThemeDiff {
    /// Id (the new one when both exist).
    pub id: ThemeId,
    /// Name (the new one when both exist).
    pub name: String,
    /// New, removed, renamed or kept.
    pub status: Status,
    /// How it was matched, for themes in both.
    pub matched_by: Option<MatchedBy>,
    /// Last year's rank.
    pub old_rank: Option<u32>,
    /// This year's rank.
    pub new_rank: Option<u32>,
    /// Places moved up (positive) or down (negative), when ranked in both.
    pub movement: Option<i64>,
    /// Last year's band.
    pub old_band: Option<String>,
    /// This year's band.
    pub new_band: Option<String>,
    /// Bands moved up (positive) or down (negative), when banded in both and the methods match.
    pub band_movement: Option<i64>,
    /// The band's position in its method (this year's, else last year's), for colouring.
    pub band_index: Option<usize>,
    /// Last year's risk.
    pub old_risk: Option<f64>,
    /// This year's risk.
    pub new_risk: Option<f64>,
    /// Factors whose effective value changed.
    pub factors: Vec<FactorChange>,
}

/// The two methods, when they differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MethodChange {
    /// Old method as `id version`.
    pub old: String,
    /// New method as `id version`.
    pub new: String,
}

/// Everything that changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    /// The old scorecard's title and period.
    pub old_label: String,
    /// The new scorecard's title and period.
    pub new_label: String,
    /// The old scorecard's period (else its title), for chart axes.
    pub old_short: String,
    /// The new scorecard's period (else its title).
    pub new_short: String,
    /// The new scorecard's protective marking (the old one's too, if different).
    pub marking: String,
    /// Set when the methods (or their versions) differ.
    pub method_change: Option<MethodChange>,
    /// Themes: this year's in rank order, then those removed (in last year's order).
    pub themes: Vec<ThemeDiff>,
}

impl Diff {
    /// Themes with this status word.
    pub fn count(&self, word: &str) -> usize {
        self.themes
            .iter()
            .filter(|t| t.status.word() == word)
            .count()
    }
}

fn label(card: &Scorecard) -> String {
    match (card.title.trim(), card.period.trim()) {
        (t, "") => t.to_owned(),
        (t, p) => format!("{t} ({p})"),
    }
}

fn short(card: &Scorecard) -> String {
    if card.period.trim().is_empty() {
        card.title.trim().to_owned()
    } else {
        card.period.trim().to_owned()
    }
}

fn method_text(card: &Scorecard) -> String {
    format!("{} {}", card.method.id, card.method.version)
}

/// Whether two methods score alike: equal in everything but the file format they were
/// written in and the data rules that only suggest levels, so upgrading a file's format or
/// adding a data rule is no method change.
fn same_method(old: &super::Method, new: &super::Method) -> bool {
    let scoring = |m: &super::Method| {
        let mut m = m.clone();
        m.format = 0;
        for f in m.sections.iter_mut().flat_map(|s| &mut s.factors) {
            f.data = None;
        }
        m
    };
    old == new || scoring(old) == scoring(new)
}

/// Compares last year's scorecard with this year's.
pub fn diff(old: &Scorecard, new: &Scorecard) -> Diff {
    let old_ranking = rank(old);
    let new_ranking = rank(new);
    let same_method = same_method(&old.method, &new.method);
    let (pairs, old_taken) = pairing::pair(new, &old_ranking, &new_ranking);
    let mut themes: Vec<ThemeDiff> = pairs
        .iter()
        .map(|(n, matched)| {
            let row = &new_ranking.rows[*n];
            match matched {
                Some((o, by)) => both(old, new, &old_ranking.rows[*o], row, *by, same_method),
                None => one(row, Status::New),
            }
        })
        .collect();
    themes.extend(
        old_ranking
            .rows
            .iter()
            .zip(&old_taken)
            .filter(|(_, taken)| !**taken)
            .map(|(row, _)| one(row, Status::Removed)),
    );
    let marking = if old.marking.trim() == new.marking.trim() || old.marking.trim().is_empty() {
        new.marking.clone()
    } else {
        format!("{} (last year: {})", new.marking, old.marking)
    };
    Diff {
        old_label: label(old),
        new_label: label(new),
        old_short: short(old),
        new_short: short(new),
        marking,
        method_change: (!same_method).then(|| MethodChange {
            old: method_text(old),
            new: if method_text(old) == method_text(new) {
                format!(
                    "{} (edited: same id and version, different content)",
                    method_text(new)
                )
            } else {
                method_text(new)
            },
        }),
        themes,
    }
}

fn band_label(row: &RankedTheme) -> Option<String> {
    row.band.as_ref().map(|b| b.label.to_string())
}

/// A theme found in only one of the two.
fn one(row: &RankedTheme, status: Status) -> ThemeDiff {
    let (old, new) = if status == Status::Removed {
        (Some(row), None)
    } else {
        (None, Some(row))
    };
    ThemeDiff {
        id: row.id.clone(),
        name: row.name.clone(),
        status,
        matched_by: None,
        old_rank: old.and_then(|r| r.rank),
        new_rank: new.and_then(|r| r.rank),
        movement: None,
        old_band: old.and_then(band_label),
        new_band: new.and_then(band_label),
        band_movement: None,
        band_index: row.band.as_ref().map(|b| b.index),
        old_risk: old.and_then(|r| r.risk),
        new_risk: new.and_then(|r| r.risk),
        factors: Vec::new(),
    }
}

/// A theme found in both.
fn both(
    old_card: &Scorecard,
    new_card: &Scorecard,
    o: &RankedTheme,
    n: &RankedTheme,
    by: MatchedBy,
    same_method: bool,
) -> ThemeDiff {
    let status = if o.name == n.name {
        Status::Kept
    } else {
        Status::Renamed {
            old_name: o.name.clone(),
        }
    };
    let movement = match (o.rank, n.rank) {
        (Some(a), Some(b)) => Some(i64::from(a) - i64::from(b)),
        _ => None,
    };
    let band_movement = match (&o.band, &n.band) {
        (Some(a), Some(b)) if same_method => Some(b.index as i64 - a.index as i64),
        _ => None,
    };
    ThemeDiff {
        id: n.id.clone(),
        name: n.name.clone(),
        status,
        matched_by: Some(by),
        old_rank: o.rank,
        new_rank: n.rank,
        movement,
        // Bands under another method are another scale: they are not compared, so last
        // year's is not shown beside this year's as if it were a movement.
        old_band: if same_method { band_label(o) } else { None },
        new_band: band_label(n),
        band_movement,
        band_index: n.band.as_ref().or(o.band.as_ref()).map(|b| b.index),
        old_risk: o.risk,
        new_risk: n.risk,
        factors: factor_changes(old_card, new_card, o, n),
    }
}

fn value_text(f: &super::ranking::FactorResult) -> Option<String> {
    f.label
        .as_ref()
        .map(|l| l.to_string())
        .or_else(|| f.points.map(|p| format!("{p}")))
}

/// Factors whose effective value differs, in the new method's order, then old-only factors.
fn factor_changes(
    old_card: &Scorecard,
    new_card: &Scorecard,
    o: &RankedTheme,
    n: &RankedTheme,
) -> Vec<FactorChange> {
    let new_theme = new_card.themes.iter().find(|t| t.id == n.id);
    let mut ids: Vec<&FactorId> = n.factors.iter().map(|f| &f.factor).collect();
    ids.extend(
        o.factors
            .iter()
            .map(|f| &f.factor)
            .filter(|id| !n.factors.iter().any(|f| &f.factor == *id)),
    );
    let mut out = Vec::new();
    for id in ids {
        let of = o.factors.iter().find(|f| &f.factor == id);
        let nf = n.factors.iter().find(|f| &f.factor == id);
        let (old, new) = (of.and_then(value_text), nf.and_then(value_text));
        let (old_points, new_points) = (of.and_then(|f| f.points), nf.and_then(|f| f.points));
        if old == new && old_points == new_points {
            continue;
        }
        let score = new_theme.and_then(|t| t.scores.get(id));
        let rationale = score
            .and_then(|s| s.agreed.as_ref().map(|a| a.rationale.clone()))
            .filter(|r| !r.trim().is_empty())
            .or_else(|| score.map(|s| s.note.clone()))
            .unwrap_or_default();
        let label = new_card
            .method
            .factor(id.as_str())
            .or_else(|| old_card.method.factor(id.as_str()))
            .map_or_else(|| id.to_string(), |(_, f)| f.label.clone());
        out.push(FactorChange {
            factor: id.clone(),
            label,
            old,
            new,
            old_points,
            new_points,
            source: nf.map_or("unscored", |f| f.source.name()),
            rationale,
        });
    }
    out
}
