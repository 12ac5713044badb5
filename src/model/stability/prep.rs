//! What the runs of [`super::stability`] need, prepared once from the point ranking: each
//! theme's values in force, the voted factors that the runs resample (their votes in scale
//! order, grouped by level, the actual and agreed positions), and the
//! draft factors that low confidence may move when that assumption is asked for.

use std::collections::HashMap;

use super::super::ids::{ParticipantId, ThemeId};
use super::super::method::Scale;
use super::super::ranking::{QuickScore, quick_score, rank};
use super::super::scorecard::Scorecard;
use super::super::value::Value;
use super::Centre;
use crate::model::ranking::prep::Prepared;

/// One factor of one theme that the runs resample.
pub(super) struct Varying {
    /// Position of the factor in method order.
    pub(super) factor: usize,
    /// Each vote: (participant index, position of its value in scale order), sorted by
    /// position.
    pub(super) votes: Vec<(usize, usize)>,
    /// The voters' participant indices in scale order of their votes.
    pub(super) who: Vec<u32>,
    /// Each level that was voted: (end of its voters in `who`, its position in scale order).
    pub(super) groups: Vec<(u32, u16)>,
    /// The group holding the actual median: the runs add up the groups below and above it,
    /// and get its own weight as what is left.
    pub(super) mid: usize,
    /// The participants who did not vote on it (their weight is taken off the room's total
    /// to give the voters' total, which is cheaper than adding up the voters).
    pub(super) absent: Vec<u32>,
    /// Position of the value in force (what the point ranking used).
    pub(super) now: usize,
    /// The scale's values in order, lowest first.
    pub(super) ordered: Vec<Value>,
    /// Points of each ordered value.
    pub(super) points: Vec<f64>,
    /// Code of each ordered value (for the confidence level).
    pub(super) codes: Vec<std::sync::Arc<str>>,
    /// Position of the method's aggregate of the actual votes.
    pub(super) actual: usize,
    /// Position of the agreed value, when agreed and centred on it.
    pub(super) agreed: Option<usize>,
    /// The scale, for mean aggregation.
    pub(super) scale: Scale,
}

/// One theme: its values in force and the factors that vary.
pub(super) struct ThemeRuns {
    /// Each factor's points in force (method order).
    pub(super) base: Vec<Option<f64>>,
    /// The confidence level's code in force.
    pub(super) confidence: Option<std::sync::Arc<str>>,
    pub(super) varying: Vec<Varying>,
    pub(super) fixed: QuickScore,
    /// Draft harm and likelihood factors that low confidence may move (when asked for).
    pub(super) wobble: Vec<Wobble>,
    /// The chance that each of them moves one level in a run (half up, half down).
    pub(super) p_move: f64,
}

/// A draft factor that the theme's low confidence may move one level in a run.
pub(super) struct Wobble {
    /// Position of the factor in method order.
    pub(super) factor: usize,
    /// Position of the draft in scale order.
    pub(super) at: usize,
    /// Points of each value in scale order.
    pub(super) points: Vec<f64>,
}

/// The chance that a draft moves one level under the theme's confidence: 1/2 at the least
/// confident level (the one with the fewest points), none at the most, in equal steps.
fn p_move(prep: &Prepared<'_>, base: &[Option<Value>]) -> f64 {
    use super::super::method::SectionKind;
    let Some(j) = prep
        .factors
        .iter()
        .rposition(|f| f.kind == SectionKind::Confidence)
    else {
        return 0.0;
    };
    let (Some(v), scale) = (base[j], &prep.factors[j].factor.scale) else {
        return 0.0;
    };
    let scale = scale.clone();
    let mut ordered = scale.values();
    ordered.sort_by_key(|x| scale.ordinal(*x));
    let steps = ordered.len().saturating_sub(1).max(1) as f64;
    0.5 * (1.0 - position(&ordered, v) as f64 / steps)
}

/// The draft factors of a row that the risk reads (harm, likelihood, and any other section
/// or factor a weighted formula or grid names), for the confidence assumption.
fn wobbles(prep: &Prepared<'_>, row: &super::super::ranking::RankedTheme) -> Vec<Wobble> {
    use super::super::method::{Role, SectionKind};
    use super::super::scorecard::Source;
    row.factors
        .iter()
        .enumerate()
        .filter(|(_, f)| f.source == Source::Draft)
        .filter(|(_, f)| f.section != SectionKind::Confidence)
        .filter_map(|(j, f)| {
            let pf = prep.factors.get(j)?;
            if !pf.blocks {
                return None;
            }
            let factor = pf.factor;
            if factor.role == Role::Report {
                return None;
            }
            let scale = &factor.scale;
            let scale = scale.clone();
            let mut ordered = scale.values();
            ordered.sort_by_key(|x| scale.ordinal(*x));
            Some(Wobble {
                factor: j,
                at: position(&ordered, f.value?),
                points: ordered.iter().map(|v| scale.points(*v)).collect(),
            })
        })
        .collect()
}

pub(super) fn position(ordered: &[Value], v: Value) -> usize {
    ordered.iter().position(|x| *x == v).unwrap_or(0)
}

/// The voted levels of votes sorted by level: (end of each level's voters, the level).
fn level_groups(votes: &[(usize, usize)]) -> Vec<(u32, u16)> {
    let mut groups: Vec<(u32, u16)> = Vec::new();
    for (k, &(_, level)) in votes.iter().enumerate() {
        let level = u16::try_from(level).unwrap_or(u16::MAX);
        let end = u32::try_from(k + 1).unwrap_or(u32::MAX);
        match groups.last_mut() {
            Some((e, l)) if *l == level => *e = end,
            _ => groups.push((end, level)),
        }
    }
    groups
}

/// Prepares each theme's resampling from the point ranking.
pub(super) fn prepare(
    card: &Scorecard,
    (centre, widen): (Centre, bool),
    people: &HashMap<&ParticipantId, usize>,
) -> Vec<ThemeRuns> {
    let prep = Prepared::new(&card.method);
    let point = rank(card);
    let rows: HashMap<&ThemeId, &super::super::ranking::RankedTheme> =
        point.rows.iter().map(|r| (&r.id, r)).collect();
    let factors: Vec<_> = card.method.factors().map(|(_, f)| f).collect();
    card.themes
        .iter()
        .map(|theme| {
            let row = rows[&theme.id];
            let base: Vec<Option<Value>> = row.factors.iter().map(|f| f.value).collect();
            let varying = row
                .factors
                .iter()
                .enumerate()
                .filter_map(|(j, f)| {
                    let round = f.round?;
                    let score = theme.scores.get(&f.factor)?;
                    let factor = (j, &factors[j].scale, base[j]);
                    varying(card, (score, round), factor, (centre, people))
                })
                .collect();
            let fixed = quick_score(&prep, &base);
            let (wobble, p_move) = if widen {
                (wobbles(&prep, row), p_move(&prep, &base))
            } else {
                (Vec::new(), 0.0)
            };
            let wobble = if p_move > 0.0 { wobble } else { Vec::new() };
            let confidence = row.confidence.as_ref().map(|c| c.id.clone());
            let base = base
                .iter()
                .zip(&factors)
                .map(|(v, f)| v.map(|v| f.scale.points(v)))
                .collect();
            ThemeRuns {
                base,
                confidence,
                varying,
                fixed,
                wobble,
                p_move,
            }
        })
        .collect()
}

/// A voted factor whose value the runs may move: its round's voters grouped by level (in the
/// scale's order), who is absent, where the value is now and what the votes give, with each
/// level's points and code. `None` when nothing moves it (an agreed value held fixed, or no
/// vote that counts).
fn varying(
    card: &Scorecard,
    (score, round): (&crate::model::scorecard::FactorScore, u32),
    (j, scale, now): (usize, &crate::model::Scale, Option<Value>),
    (centre, people): (Centre, &HashMap<&ParticipantId, usize>),
) -> Option<Varying> {
    let agreed = score.agreed.as_ref().map(|a| a.value);
    if agreed.is_some() && centre == Centre::AgreedFixed {
        return None;
    }
    let scale = scale.clone();
    let mut ordered = scale.values();
    ordered.sort_by_key(|v| scale.ordinal(*v));
    let mut votes: Vec<(usize, usize)> = score
        .votes
        .iter()
        .filter(|v| v.round == round)
        .filter_map(|v| Some((*people.get(&v.participant)?, position(&ordered, v.value))))
        .collect();
    votes.sort_by_key(|&(p, i)| (i, p));
    let who: Vec<u32> = votes.iter().map(|&(p, _)| p as u32).collect();
    let absent = (0..card.participants.len() as u32)
        .filter(|p| !who.contains(p))
        .collect();
    let groups = level_groups(&votes);
    let table = crate::model::aggregate::ScaleTable::new(&scale);
    let (aggregate, _) = table.summarise_iter(
        score
            .votes
            .iter()
            .filter(|v| v.round == round)
            .map(|v| v.value),
        card.method.aggregation,
        0,
    );
    let aggregate = aggregate?;
    let points = ordered.iter().map(|v| scale.points(*v)).collect();
    let codes = ordered.iter().map(|v| scale.code(*v).into()).collect();
    let now = now.map_or(0, |b| position(&ordered, b));
    let actual = position(&ordered, aggregate);
    let mid = groups
        .iter()
        .position(|&(_, l)| usize::from(l) == actual)
        .unwrap_or(groups.len() / 2);
    Some(Varying {
        who,
        groups,
        mid,
        absent,
        now,
        codes,
        factor: j,
        votes,
        actual,
        agreed: match centre {
            Centre::AsVoted => None,
            _ => agreed.map(|a| position(&ordered, a)),
        },
        ordered,
        points,
        scale,
    })
}
