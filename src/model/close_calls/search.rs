//! The searches of [`super::close_calls`]: the cut line, the bands and the risk weights, each
//! call checked by recomputation and put into a sentence.

use super::place::{Keyed, rank_of, ranked, row};
use super::{CloseCall, Crossing, Ctx, Found, PEOPLE_LIMIT, Shift};
use crate::model::method::RiskFormula;
use crate::model::ranking::{QuickScore, rank, score};
use crate::model::scorecard::{Scorecard, Source};

/// Checks a cut call on a copy of the card: the change takes `t` across the line (its rank
/// from `top` or better to worse, or back: a tie at the line is inside it), and one person
/// fewer does not.
fn verify_cut(
    ctx: &Ctx<'_>,
    scratch: &mut Scorecard,
    f: &Found,
    (top, inside): (usize, bool),
) -> bool {
    let id = &ctx.card.themes[f.theme].id;
    let flipped = |card: &Scorecard| {
        let now_in = rank(card)
            .row(id)
            .and_then(|r| r.rank)
            .is_some_and(|k| k as usize <= top);
        now_in != inside
    };
    scratch.themes[f.theme] = std::sync::Arc::new(ctx.changed(f, usize::MAX));
    let does = flipped(scratch);
    scratch.themes[f.theme] = std::sync::Arc::new(ctx.changed(f, f.votes.len().saturating_sub(1)));
    let smaller_does_not = f.votes.len() < 2 || !flipped(scratch);
    scratch.themes[f.theme] = ctx.card.themes[f.theme].clone();
    does && smaller_does_not
}

/// The themes either side of the cut line: for each, the smallest change that takes it
/// across (searched without limit for the two next to the line, within the limit for the
/// rest), and the weight moves that swap the pair at the line.
pub(super) fn cut_calls(ctx: &Ctx<'_>, top: usize, out: &mut Vec<Keyed>) {
    let ranked = ranked(ctx);
    // Inside: ranked `top` or better, so a tie at the line is all inside it.
    let line = ranked
        .iter()
        .take_while(|&&t| rank_of(ctx, t) as usize <= top)
        .count();
    if top == 0 || line >= ranked.len() {
        return;
    }
    let (last_in, first_out) = (ranked[line - 1], ranked[line]);
    let mut scratch: Option<Scorecard> = None;
    for (pos, &t) in ranked.iter().enumerate() {
        let inside = pos < line;
        // The others' N-th best: coming level with it brings `t` in; falling below it takes
        // `t` out.
        let other = if inside && pos < top {
            ranked[top]
        } else {
            ranked[top - 1]
        };
        let edge = t == last_in || t == first_out;
        let so = ctx.scores[other];
        let goal = |s: &QuickScore| {
            if inside {
                ctx.ahead(&so, s)
            } else {
                !ctx.ahead(&so, s)
            }
        };
        let limit = if edge { usize::MAX } else { PEOPLE_LIMIT };
        let Some(found) = ctx.smallest(t, limit, &goal) else {
            continue;
        };
        let card = scratch.get_or_insert_with(|| ctx.card.clone());
        if !verify_cut(ctx, card, &found, (top, inside)) {
            continue;
        }
        let close = found.size() <= PEOPLE_LIMIT;
        let moved = crate::model::ranking::score(&ctx.prep, &ctx.changed(&found, usize::MAX));
        let moved = QuickScore {
            harm: moved.harm,
            likelihood: moved.likelihood,
            risk: moved.risk,
            band: None,
        };
        let outcome = Crossing::Cut {
            theme: ctx.card.themes[t].id.clone(),
            rank: rank_of(ctx, t),
            other: ctx.card.themes[other].id.clone(),
            other_rank: rank_of(ctx, other),
            inside,
            level: !inside && !ctx.ahead(&moved, &so),
        };
        let change = change_of(ctx, &found);
        let sentence = super::text::sentence(ctx, top, &outcome, &change);
        let size = if close {
            found.size()
        } else {
            1_000 + found.size()
        };
        out.push((
            size,
            pos,
            CloseCall {
                outcome,
                change,
                close,
                sentence,
            },
        ));
    }
    if matches!(
        ctx.card.method.risk,
        RiskFormula::WeightedSum { .. } | RiskFormula::Weighted(_)
    ) {
        let card = scratch.get_or_insert_with(|| ctx.card.clone());
        super::weights::weight_calls(ctx, top, (last_in, first_out), card, out);
    }
}

/// Every theme whose band one level (by up to [`PEOPLE_LIMIT`] people) would change.
pub(super) fn band_calls(ctx: &Ctx<'_>, out: &mut Vec<Keyed>) {
    for (t, theme) in ctx.card.themes.iter().enumerate() {
        let Some(now) = ctx.scores[t].band else {
            continue;
        };
        let goal = |s: &QuickScore| s.band.is_some_and(|b| b != now);
        let Some(found) = ctx.smallest(t, PEOPLE_LIMIT, &goal) else {
            continue;
        };
        let band_of =
            |th: &crate::model::scorecard::Theme| score(&ctx.prep, th).band.map(|b| b.index);
        let to = band_of(&ctx.changed(&found, usize::MAX));
        let smaller = band_of(&ctx.changed(&found, found.votes.len().saturating_sub(1)));
        if to.is_none_or(|b| b == now) || (found.votes.len() > 1 && smaller != Some(now)) {
            continue;
        }
        let label = |i: usize| {
            ctx.card
                .method
                .bands
                .get(i)
                .map_or_else(String::new, |b| b.label.clone())
        };
        let outcome = Crossing::Band {
            theme: theme.id.clone(),
            rank: row(ctx, t).and_then(|r| r.rank),
            from: label(now),
            to: to.map(label).unwrap_or_default(),
        };
        let change = change_of(ctx, &found);
        let sentence = super::text::sentence(ctx, 0, &outcome, &change);
        let order = 10_000 + row(ctx, t).and_then(|r| r.rank).unwrap_or(u32::MAX / 2) as usize;
        out.push((
            found.size(),
            order,
            CloseCall {
                outcome,
                change,
                close: true,
                sentence,
            },
        ));
    }
}

/// The change a search found, in the scorecard's words.
fn change_of(ctx: &Ctx<'_>, f: &Found) -> Shift {
    let pf = &ctx.prep.factors[f.factor];
    let scale = &pf.factor.scale;
    let theme = ctx.card.themes[f.theme].id.clone();
    let factor = pf.factor.id.clone();
    let score = ctx.card.themes[f.theme].scores.get(&pf.factor.id);
    if f.votes.is_empty() {
        let from = ctx.values[f.theme][f.factor]
            .map(|v| scale.label(v))
            .unwrap_or_default();
        return Shift::Value {
            theme,
            factor,
            agreed: ctx.sources[f.theme][f.factor] == Source::Agreed,
            from,
            to: scale.label(f.to),
            raise: f.raise,
        };
    }
    let moved: Vec<_> = f
        .votes
        .iter()
        .filter_map(|&i| score.and_then(|s| s.votes.get(i)).map(|v| v.value))
        .collect();
    let same = |vs: &[crate::model::value::Value]| vs.windows(2).all(|w| w[0] == w[1]);
    let voters = match ctx.sources[f.theme][f.factor] {
        Source::Votes { round } => {
            score.map_or(0, |s| s.votes.iter().filter(|v| v.round == round).count())
        }
        _ => 0,
    };
    let from = same(&moved)
        .then(|| moved.first().map(|v| scale.label(*v)))
        .flatten();
    let to = from
        .as_ref()
        .and_then(|_| moved.first().and_then(|v| super::step(scale, *v, f.raise)))
        .map(|v| scale.label(v));
    let who = f
        .votes
        .iter()
        .filter_map(|&i| {
            score
                .and_then(|s| s.votes.get(i))
                .map(|v| v.participant.clone())
        })
        .collect();
    Shift::Votes {
        theme,
        factor,
        people: f.votes.len(),
        voters,
        from,
        to,
        raise: f.raise,
        who,
    }
}

/// Said when nothing within the limit alters the top N.
pub(super) fn nothing_close(ctx: &Ctx<'_>, top: usize) -> String {
    let ranked = ranked(ctx);
    if top == 0 || ranked.len() <= top {
        return format!(
            "All {} ranked themes are inside the top {top}, so there is no cut line to cross.",
            ranked.len()
        );
    }
    let voted = ranked.iter().any(|&t| {
        ctx.sources[t]
            .iter()
            .any(|s| matches!(s, Source::Votes { .. }))
    });
    if voted {
        format!("No change of one level by up to {PEOPLE_LIMIT} people alters the top {top}.")
    } else {
        format!("No one-level change of one factor alters the top {top}.")
    }
}
