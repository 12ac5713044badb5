//! Close calls on a weighted method's weights: how far one weight must move (in steps of
//! 0.01) to swap the pair at the cut. Works for `WeightedSum` (harm and likelihood) and for
//! `Weighted` over any number of sections and factors.

use super::place::{Keyed, listed_after, rank_of, row};
use super::{CloseCall, Crossing, Ctx, Shift};
use crate::model::method::{Method, RiskFormula};
use crate::model::ranking::{RankedTheme, rank};
use crate::model::risk_rule::{Term, term};
use crate::model::scorecard::Scorecard;

/// The method's weighted terms: (name, weight).
fn terms(method: &Method) -> Vec<(String, f64)> {
    match &method.risk {
        RiskFormula::WeightedSum { harm, likelihood } => {
            vec![
                ("harm".to_owned(), *harm),
                ("likelihood".to_owned(), *likelihood),
            ]
        }
        RiskFormula::Weighted(t) => t.clone(),
        _ => Vec::new(),
    }
}

/// The formula with term `i`'s weight set to `w`.
fn with_weight(method: &Method, i: usize, w: f64) -> RiskFormula {
    match &method.risk {
        RiskFormula::WeightedSum { harm, likelihood } if i == 0 => RiskFormula::WeightedSum {
            harm: w,
            likelihood: *likelihood,
        },
        RiskFormula::WeightedSum { harm, .. } => RiskFormula::WeightedSum {
            harm: *harm,
            likelihood: w,
        },
        RiskFormula::Weighted(t) => {
            let mut t = t.clone();
            t[i].1 = w;
            RiskFormula::Weighted(t)
        }
        other => other.clone(),
    }
}

/// Each term's value for a ranked theme (a section total, or one factor's points), and the
/// multiplier applied after the sum (confidence weighting): `risk = m × Σ wᵢ vᵢ`.
fn parts(method: &Method, terms: &[(String, f64)], r: &RankedTheme) -> Option<(Vec<f64>, f64)> {
    let values: Vec<f64> = terms
        .iter()
        .map(|(name, _)| match term(method, name)? {
            Term::Section(i) => match method.sections[i].kind {
                crate::model::method::SectionKind::Harm => r.harm,
                crate::model::method::SectionKind::Likelihood => r.likelihood,
                _ => r.section_totals.get(i).copied().flatten(),
            },
            Term::Factor(_) => r
                .factors
                .iter()
                .find(|f| f.factor.as_str() == name)
                .and_then(|f| f.points),
        })
        .collect::<Option<_>>()?;
    let raw: f64 = values.iter().zip(terms).map(|(v, (_, w))| v * w).sum();
    let risk = r.risk?;
    (raw.abs() > 1e-12).then(|| (values, risk / raw))
}

/// For a weighted method: for each weight, the nearest value (to 0.01) that swaps the pair
/// at the cut; checked by ranking with the weight moved, and with it 0.01 less far.
pub(super) fn weight_calls(
    ctx: &Ctx<'_>,
    top: usize,
    (x, y): (usize, usize),
    scratch: &mut Scorecard,
    out: &mut Vec<Keyed>,
) {
    let method = &ctx.card.method;
    let terms = terms(method);
    let (Some(rx), Some(ry)) = (row(ctx, x), row(ctx, y)) else {
        return;
    };
    let (Some((vx, mx)), Some((vy, my))) = (parts(method, &terms, rx), parts(method, &terms, ry))
    else {
        return;
    };
    let (ax, ay) = (
        ctx.card.themes[x].id.as_str(),
        ctx.card.themes[y].id.as_str(),
    );
    for (i, (name, now)) in terms.iter().enumerate() {
        let now = *now;
        // risk_x − risk_y = w·a + b in the moving weight w.
        let a = vx[i] * mx - vy[i] * my;
        let b: f64 = (0..terms.len())
            .filter(|&j| j != i)
            .map(|j| terms[j].1 * (vx[j] * mx - vy[j] * my))
            .sum();
        if a.abs() < 1e-12 {
            continue;
        }
        let cross = -b / a;
        if cross < 0.0 {
            continue;
        }
        let Some(to) = smallest_swap(ctx, (i, now, cross), (ax, ay), scratch) else {
            continue;
        };
        let to = (to * 100.0).round() / 100.0;
        let close = (to - now).abs() <= now.abs() / 10.0 + 1e-9;
        let outcome = Crossing::Cut {
            theme: ctx.card.themes[x].id.clone(),
            rank: rank_of(ctx, x),
            other: ctx.card.themes[y].id.clone(),
            other_rank: rank_of(ctx, y),
            inside: true,
            level: false,
        };
        let change = Shift::Weight {
            term: name.clone(),
            from: now,
            to,
        };
        let sentence = super::text::sentence(ctx, top, &outcome, &change);
        let size = if close { 1 } else { 1_000 };
        out.push((
            size,
            top - 1,
            CloseCall {
                outcome,
                change,
                close,
                sentence,
            },
        ));
    }
}

/// The weight nearest `now`, in steps of 0.01 from where the two risks `cross`, at which
/// theme `ax` is listed after `ay`, and only if a step less would not do it: found by ranking
/// again with the weight moved (`scratch` is a copy of the card, left as it was).
fn smallest_swap(
    ctx: &Ctx<'_>,
    (i, now, cross): (usize, f64, f64),
    (ax, ay): (&str, &str),
    scratch: &mut Scorecard,
) -> Option<f64> {
    let method = &ctx.card.method;
    let up = cross > now;
    let set = |w: f64, card: &mut Scorecard| {
        std::sync::Arc::make_mut(&mut card.method).risk = with_weight(method, i, w);
        listed_after(&rank(card), ax, ay)
    };
    let first = if up {
        (cross * 100.0).floor() / 100.0
    } else {
        (cross * 100.0).ceil() / 100.0
    };
    let found = (0..4)
        .map(|k| {
            let d = f64::from(k + 1) / 100.0;
            if up { first + d } else { first - d }
        })
        .filter(|w| *w >= 0.0)
        .find(|w| set(*w, scratch));
    let to = found?;
    let less = if up { to - 0.01 } else { to + 0.01 };
    let smaller_does_not = (less - now) * (to - now) <= 0.0 || !set(less, scratch);
    scratch.method = ctx.card.method.clone();
    smaller_does_not.then_some(to)
}
