//! Scoring a theme from its values alone, for the stability runs that score each theme
//! thousands of times: the same totals, risk rule and bands as [`super::rank`].

use super::super::attainable::risk_of;
use super::super::method::SectionKind;
use super::super::risk_rule::Rule;
use super::super::value::Value;
use super::risk::{Total, band_of, confidence_weight};
use super::{new_totals, risk_from};
use crate::model::ranking::prep::Prepared;

/// One theme's harm, likelihood and risk, and its band's index, from one value per factor
/// (method order): the same totals, risk rule and bands as [`super::rank`], without the rest of
/// a row. For the stability runs, which score each theme thousands of times.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuickScore {
    /// Harm total.
    pub harm: Option<f64>,
    /// Likelihood total.
    pub likelihood: Option<f64>,
    /// Risk.
    pub risk: Option<f64>,
    /// The band's index (0 is the lowest).
    pub band: Option<usize>,
}

pub(in crate::model) fn quick_score(prep: &Prepared<'_>, values: &[Option<Value>]) -> QuickScore {
    let mut confidence = None;
    let points: Vec<Option<f64>> = prep
        .factors
        .iter()
        .zip(values)
        .map(|(pf, value)| {
            if pf.kind == SectionKind::Confidence {
                confidence = value.map(|v| pf.names(v).0);
            }
            value.map(|v| pf.factor.scale.points(v))
        })
        .collect();
    quick_score_points(prep, &points, confidence.as_deref())
}

/// [`quick_score`] from each factor's points and the confidence level's code.
pub(in crate::model) fn quick_score_points(
    prep: &Prepared<'_>,
    points: &[Option<f64>],
    confidence: Option<&str>,
) -> QuickScore {
    if let Rule::HarmLikelihood(formula) = &prep.rule {
        // The common case, kept lean for the stability runs: only harm and likelihood count.
        let (mut h, mut l) = (Total::new(), Total::new());
        for (pf, p) in prep.factors.iter().zip(points) {
            if pf.section == prep.harm {
                h.add(pf.factor.role, *p);
            } else if pf.section == prep.likelihood {
                l.add(pf.factor.role, *p);
            }
        }
        let (harm, likelihood) = (h.value(), l.value());
        let risk = match (harm, likelihood, confidence_weight(prep, confidence)) {
            (Some(h), Some(l), Some(w)) => {
                Some(crate::model::exact::settle(risk_of(formula, h, l) * w))
            }
            _ => None,
        };
        return QuickScore {
            harm,
            likelihood,
            risk,
            band: risk.and_then(|r| band_of(prep, r)),
        };
    }
    let mut totals = new_totals();
    for (pf, p) in prep.factors.iter().zip(points) {
        if let Some(t) = totals.get_mut(pf.section) {
            t.add(pf.factor.role, *p);
        }
    }
    let s = risk_from(prep, &totals, points, confidence);
    QuickScore {
        harm: s.harm,
        likelihood: s.likelihood,
        risk: s.risk,
        band: s.band,
    }
}
