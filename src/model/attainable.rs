//! Every total a section can reach and every risk a method can produce. Method checks use
//! these to prove that bands and grades cover what can actually happen, exactly once.

use std::collections::BTreeSet;

use super::method::{ConfidenceMode, Method, RiskFormula, Role, Section, SectionKind};
use super::risk_rule::{Term, term, term_section};

/// Above this many attainable values the coverage check is skipped rather than enumerated.
const MAX_ATTAINABLE: usize = 200_000;
/// At most this many sums or products are formed for one list of attainable values, so a
/// hostile method (thousands of factors) is refused or skipped in bounded time.
const WORK_BUDGET: usize = 4_000_000;

/// The distinct totals a section can reach, sorted; `None` if too many to list.
pub fn attainable_totals(section: &Section) -> Option<Vec<f64>> {
    let mut budget = WORK_BUDGET;
    let mut sum: Option<BTreeSet<i64>> = None;
    let mut product: BTreeSet<i64> = BTreeSet::from([key(1.0)]);
    for factor in &section.factors {
        let points: BTreeSet<i64> = factor
            .scale
            .values()
            .iter()
            .map(|v| key(factor.scale.points(*v)))
            .collect();
        match factor.role {
            Role::Add => sum = Some(combine(sum.as_ref(), &points, |a, b| a + b, &mut budget)?),
            Role::Multiply => {
                product = combine(Some(&product), &points, |a, b| a * b, &mut budget)?;
            }
            Role::Report => {}
        }
    }
    let base = sum.unwrap_or_else(|| BTreeSet::from([key(1.0)]));
    let totals = combine(Some(&base), &product, |a, b| a * b, &mut budget)?;
    Some(totals.into_iter().map(unkey).collect())
}

/// Every risk the method can produce, sorted; `None` if too many to list, for a grid (whose
/// bands are its cells), or for a weighted sum whose terms share factors (a factor and its
/// own section), where the terms are not independent and listing them all would be costly.
pub fn attainable_risks(method: &Method) -> Option<Vec<f64>> {
    let mut budget = WORK_BUDGET;
    let weights: BTreeSet<i64> = match &method.confidence_mode {
        ConfidenceMode::ReportOnly => BTreeSet::from([key(1.0)]),
        ConfidenceMode::Weighted(w) => w.iter().map(|(_, w)| key(*w)).collect(),
    };
    let base = match &method.risk {
        RiskFormula::Grid { .. } => return None,
        RiskFormula::Weighted(terms) => weighted_risks(method, terms)?,
        formula => {
            let harm = attainable_totals(method.section(SectionKind::Harm)?)?;
            let likelihood = attainable_totals(method.section(SectionKind::Likelihood)?)?;
            if harm.len().saturating_mul(likelihood.len()) > MAX_ATTAINABLE {
                return None;
            }
            let mut risks = BTreeSet::new();
            for &h in &harm {
                for &l in &likelihood {
                    risks.insert(key(risk_of(formula, h, l)));
                }
            }
            risks
        }
    };
    let risks = combine(Some(&base), &weights, |a, b| a * b, &mut budget)?;
    Some(risks.into_iter().map(unkey).collect())
}

/// Every Σ weight × term, when no two terms read the same factor.
fn weighted_risks(method: &Method, terms: &[(String, f64)]) -> Option<BTreeSet<i64>> {
    let mut budget = WORK_BUDGET;
    let mut sections = BTreeSet::new();
    let mut factors = Vec::new();
    for (name, _) in terms {
        match term(method, name)? {
            Term::Section(i) => {
                if !sections.insert(i) {
                    return None;
                }
            }
            Term::Factor(j) => factors.push(j),
        }
    }
    for &j in &factors {
        if sections.contains(&term_section(method, Term::Factor(j))?) {
            return None;
        }
    }
    let mut acc: Option<BTreeSet<i64>> = None;
    for (name, w) in terms {
        let values: BTreeSet<i64> = match term(method, name)? {
            Term::Section(i) => attainable_totals(&method.sections[i])?
                .into_iter()
                .map(|v| key(v * w))
                .collect(),
            Term::Factor(j) => {
                let (_, f) = method.factors().nth(j)?;
                f.scale
                    .values()
                    .iter()
                    .map(|v| key(f.scale.points(*v) * w))
                    .collect()
            }
        };
        acc = Some(combine(acc.as_ref(), &values, |a, b| a + b, &mut budget)?);
    }
    acc
}

/// The risk formula applied to a harm and a likelihood total.
pub fn risk_of(formula: &RiskFormula, harm: f64, likelihood: f64) -> f64 {
    match formula {
        RiskFormula::Product => harm * likelihood,
        RiskFormula::Sum => harm + likelihood,
        RiskFormula::WeightedSum {
            harm: wh,
            likelihood: wl,
        } => harm * wh + likelihood * wl,
        // Only harm and likelihood are known here: other terms make the risk unknown.
        RiskFormula::Weighted(terms) => terms
            .iter()
            .map(|(name, w)| match name.as_str() {
                "harm" => harm * w,
                "likelihood" => likelihood * w,
                _ => f64::NAN,
            })
            .sum(),
        RiskFormula::Grid { .. } => f64::NAN,
    }
}

// Totals are compared at a millionth of a point, so 0.1 + 0.2 equals 0.3.
fn key(x: f64) -> i64 {
    (x * 1e6).round() as i64
}
fn unkey(k: i64) -> f64 {
    k as f64 / 1e6
}

fn combine(
    acc: Option<&BTreeSet<i64>>,
    next: &BTreeSet<i64>,
    op: fn(f64, f64) -> f64,
    budget: &mut usize,
) -> Option<BTreeSet<i64>> {
    let Some(acc) = acc else {
        return Some(next.clone());
    };
    let work = acc.len().saturating_mul(next.len());
    if work > MAX_ATTAINABLE * 4 || work > *budget {
        return None;
    }
    *budget -= work;
    let out: BTreeSet<i64> = acc
        .iter()
        .flat_map(|a| next.iter().map(move |b| key(op(unkey(*a), unkey(*b)))))
        .collect();
    (out.len() <= MAX_ATTAINABLE).then_some(out)
}
