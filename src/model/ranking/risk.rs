//! A theme's section totals and what the method's risk rule makes of them: harm,
//! likelihood, the position total, the risk and its band (or a grid's cell).

use super::super::method::{ConfidenceMode, Role};
use super::super::risk_rule::{Rule, Term};
use crate::model::attainable::risk_of;
use crate::model::exact::settle;
use crate::model::method::MAX_SECTIONS;
use crate::model::ranking::prep::Prepared;

/// Section totals: (sum of added factors, or 1 if none) × product of multipliers.
#[derive(Default)]
pub(super) struct Total {
    sum: Option<f64>,
    product: f64,
    complete: bool,
    counted: bool,
}

impl Total {
    pub(super) fn new() -> Self {
        Self {
            sum: None,
            product: 1.0,
            complete: true,
            counted: false,
        }
    }
    /// The total, settled to the one rounding rule ([`settle`]).
    pub(super) fn value(&self) -> Option<f64> {
        (self.complete && self.counted).then(|| settle(self.sum.unwrap_or(1.0) * self.product))
    }

    /// Adds one factor's points by its role (reported factors count for nothing). True
    /// when the points are missing, which leaves the total incomplete.
    pub(super) fn add(&mut self, role: Role, points: Option<f64>) -> bool {
        if role == Role::Report {
            return false;
        }
        self.counted = true;
        match points {
            None => {
                self.complete = false;
                return true;
            }
            Some(p) if role == Role::Add => self.sum = Some(self.sum.unwrap_or(0.0) + p),
            Some(p) => self.product *= p,
        }
        false
    }
}

/// Section totals, one per section in method order.
pub(super) type Totals = [Total; MAX_SECTIONS];

pub(super) fn new_totals() -> Totals {
    std::array::from_fn(|_| Total::new())
}

/// What the risk rule gives one theme.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Scores {
    pub(super) harm: Option<f64>,
    pub(super) likelihood: Option<f64>,
    pub(super) position_total: Option<f64>,
    pub(super) risk: Option<f64>,
    /// Band index.
    pub(super) band: Option<usize>,
    /// A grid's (row, column).
    pub(super) cell: Option<(usize, usize)>,
}

/// Harm, likelihood, the position total, risk and band from the section totals, each
/// factor's points (method order) and the confidence level's code: the one rule every score
/// uses (`rank`, close calls and the stability runs).
pub(super) fn risk_from(
    prep: &Prepared<'_>,
    totals: &Totals,
    points: &[Option<f64>],
    confidence: Option<&str>,
) -> Scores {
    let harm = totals[prep.harm].value();
    let likelihood = totals[prep.likelihood].value();
    let position_total = prep.position.and_then(|i| totals[i].value());
    let weight = confidence_weight(prep, confidence);
    let read = |t: Term| match t {
        Term::Section(i) => totals.get(i).and_then(Total::value),
        Term::Factor(j) => points.get(j).copied().flatten(),
    };
    let mut scores = Scores {
        harm,
        likelihood,
        position_total,
        ..Scores::default()
    };
    let (Some(h), Some(l), Some(w)) = (harm, likelihood, weight) else {
        return scores;
    };
    match &prep.rule {
        Rule::HarmLikelihood(f) => scores.risk = Some(settle(risk_of(f, h, l) * w)),
        Rule::Terms(terms) => {
            scores.risk = terms
                .iter()
                .map(|(t, wt)| read(*t).map(|x| x * wt))
                .sum::<Option<f64>>()
                .map(|r| settle(r * w));
        }
        Rule::Grid(g) => {
            scores.cell = read(g.rows)
                .zip(read(g.columns))
                .and_then(|(r, c)| g.cell(r, c));
            scores.band = scores.cell.and_then(|c| g.band(c));
            scores.risk = scores.band.map(|b| (b + 1) as f64);
            return scores;
        }
    }
    scores.band = scores.risk.and_then(|r| band_of(prep, r));
    scores
}

/// The multiplier confidence puts on risk: 1 unless the method weights it.
pub(super) fn confidence_weight(prep: &Prepared<'_>, confidence: Option<&str>) -> Option<f64> {
    match &prep.method.confidence_mode {
        ConfidenceMode::ReportOnly => Some(1.0),
        ConfidenceMode::Weighted(w) => {
            confidence.and_then(|c| w.iter().find(|(code, _)| **code == *c).map(|(_, w)| *w))
        }
    }
}

/// The band a risk falls in, by index.
pub(super) fn band_of(prep: &Prepared<'_>, risk: f64) -> Option<usize> {
    prep.band_bounds.iter().position(|b| b.contains(risk))
}
