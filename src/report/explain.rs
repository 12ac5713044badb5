//! `trh explain`: how one theme's numbers were formed, factor by factor, read from the ranking.

use std::fmt::Write;

use crate::model::method::{Method, Role, SectionKind};
use crate::model::ranking::{FactorResult, RankedTheme, Ranking};
use crate::model::scorecard::{Scorecard, Source};

use super::num;

/// The full points breakdown for one theme.
pub fn explain(card: &Scorecard, ranking: &Ranking, row: &RankedTheme) -> String {
    let m = &card.method;
    let mut out = String::new();
    let ranked = ranking.rows.iter().filter(|r| r.rank.is_some()).count();
    let _ = writeln!(out, "{}", card.marking);
    let _ = writeln!(out, "{} (id: {})", row.name, row.id);
    match row.rank {
        Some(r) => {
            let _ = writeln!(out, "Rank {r} of {ranked}");
        }
        None => {
            let missing: Vec<&str> = row.missing.iter().map(|f| f.as_str()).collect();
            let _ = writeln!(out, "Not ranked: no value for {}", missing.join(", "));
        }
    }
    let _ = writeln!(
        out,
        "Method: {}, version {} ({})",
        m.name, m.version, m.provenance
    );
    let mut start = 0;
    for (i, section) in m.sections.iter().enumerate() {
        let _ = writeln!(out, "\n{}", section.label);
        let end = (start + section.factors.len()).min(row.factors.len());
        let results: Vec<&FactorResult> = row.factors[start.min(end)..end].iter().collect();
        start = end;
        for f in &results {
            let _ = writeln!(out, "  {}", factor_line(m, f));
        }
        if section.kind != SectionKind::Confidence {
            let total = row.section_totals.get(i).copied().flatten();
            let _ = writeln!(
                out,
                "  {}",
                total_line(
                    section.total_label.as_str(),
                    section.kind,
                    &results,
                    row,
                    total
                )
            );
        }
    }
    let _ = writeln!(out, "\n{}", risk_line(m, row));
    if let Some(c) = &row.confidence {
        let note = if row.intelligence_gap {
            " — intelligence gap: high risk scored with low confidence"
        } else {
            ""
        };
        let weight = match &m.confidence_mode {
            crate::model::method::ConfidenceMode::ReportOnly => {
                "reported beside the risk, not multiplied in"
            }
            crate::model::method::ConfidenceMode::Weighted(_) => {
                "weights the risk, as this method opts in"
            }
        };
        let _ = writeln!(out, "Confidence: {} ({weight}){note}", c.label);
    }
    let _ = writeln!(out, "{}", outcome_line(m, row));
    let _ = writeln!(out, "{}", decision_line(row));
    out
}

fn factor_line(m: &Method, f: &FactorResult) -> String {
    let (label, descriptor) = m
        .factor(f.factor.as_str())
        .map(|(_, x)| (x.label.clone(), x))
        .map_or((f.factor.to_string(), None), |(l, x)| (l, Some(x)));
    let pts = |p: f64| {
        format!(
            "{} pt{}",
            num(p),
            if (p - 1.0).abs() < 1e-9 { "" } else { "s" }
        )
    };
    let value = match (&f.label, &f.code, f.points) {
        (Some(l), Some(c), Some(p)) if l != c => format!("{l} ({c}) = {}", pts(p)),
        (Some(l), _, Some(p)) => format!("{l} = {}", pts(p)),
        _ => "— no value".to_owned(),
    };
    let role = match descriptor.map(|d| d.role) {
        Some(Role::Multiply) => " [multiplier]",
        Some(Role::Report) => " [reported only]",
        _ => "",
    };
    let source = match f.source {
        Source::Votes { round } => format!("median of round {round} votes"),
        Source::Agreed => "agreed".to_owned(),
        Source::Draft => "analyst's draft".to_owned(),
        Source::Unscored => "unscored".to_owned(),
    };
    let round = f.round.map_or(String::new(), |r| format!("round {r} "));
    let name = |p: f64| descriptor.map_or_else(|| num(p), |d| point_name(&d.scale, p));
    let spread = f.spread.as_ref().map_or(String::new(), |s| {
        format!(
            "; {round}votes: {} cast, range {}–{}, IQR {}–{} pts, {} step{} apart{}",
            s.count,
            name(s.min),
            name(s.max),
            num(s.q1),
            num(s.q3),
            s.steps,
            if s.steps == 1 { "" } else { "s" },
            if s.contested { " — CONTESTED" } else { "" }
        )
    });
    format!("{label:<26} {value:<28} from {source}{spread}{role}")
}

/// A vote's points shown as the level code when exactly one level has those points.
fn point_name(scale: &crate::model::Scale, points: f64) -> String {
    match scale {
        crate::model::Scale::Levels(levels) => {
            let mut hits = levels.iter().filter(|l| (l.points - points).abs() < 1e-9);
            match (hits.next(), hits.next()) {
                (Some(l), None) => l.code.clone(),
                _ => num(points),
            }
        }
        crate::model::Scale::Range { .. } => num(points),
    }
}

fn total_line(
    label: &str,
    kind: SectionKind,
    results: &[&FactorResult],
    row: &RankedTheme,
    total: Option<f64>,
) -> String {
    let adds: Vec<String> = results
        .iter()
        .filter(|f| f.role == crate::model::ranking::RoleName::Add)
        .map(|f| f.points.map_or("?".to_owned(), num))
        .collect();
    let muls: Vec<String> = results
        .iter()
        .filter(|f| f.role == crate::model::ranking::RoleName::Multiply)
        .map(|f| f.points.map_or("?".to_owned(), num))
        .collect();
    let mut expr = adds.join(" + ");
    if !muls.is_empty() {
        expr = format!(
            "({}) × {}",
            if expr.is_empty() { "1".into() } else { expr },
            muls.join(" × ")
        );
    }
    let label = if label.is_empty() { "Total" } else { label };
    match total {
        Some(t) => {
            let grade = match (kind, &row.grade) {
                (SectionKind::Position, Some(g)) => format!(" → grade {}", g.label),
                _ => String::new(),
            };
            format!("{label} = {expr} = {}{grade}", num(t))
        }
        None => format!("{label} = {expr}: incomplete"),
    }
}

fn risk_line(m: &Method, row: &RankedTheme) -> String {
    use crate::model::method::RiskFormula;
    let (Some(h), Some(l)) = (row.harm, row.likelihood) else {
        return "Risk: not computed (harm or likelihood incomplete)".to_owned();
    };
    let formula = match &m.risk {
        RiskFormula::Product => format!("harm × likelihood = {} × {}", num(h), num(l)),
        RiskFormula::Sum => format!("harm + likelihood = {} + {}", num(h), num(l)),
        RiskFormula::WeightedSum { harm, likelihood } => format!(
            "{} × harm + {} × likelihood = {} × {} + {} × {} = {} + {}",
            num(*harm),
            num(*likelihood),
            num(*harm),
            num(h),
            num(*likelihood),
            num(l),
            num(harm * h),
            num(likelihood * l)
        ),
        RiskFormula::Weighted(terms) => weighted_terms(m, row, terms),
        RiskFormula::Grid { .. } => return grid_line(m, row),
    };
    let weighted = match (&m.confidence_mode, &row.confidence) {
        (crate::model::method::ConfidenceMode::Weighted(_), Some(c)) => {
            format!(", weighted by confidence {}", c.label)
        }
        _ => String::new(),
    };
    match (row.risk, &row.band) {
        (Some(r), Some(b)) => {
            let band = &m.bands[b.index];
            format!(
                "Risk = {formula}{weighted} = {} → band {} ({})",
                num(r),
                b.label,
                band.bounds().text(num)
            )
        }
        (Some(r), None) => format!("Risk = {formula}{weighted} = {} → no band", num(r)),
        _ => format!("Risk = {formula}: not computed (a value it needs is missing)"),
    }
}

/// "0.5 × harm + 0.2 × concern = 0.5 × 12 + 0.2 × 3 = 6 + 0.6": every weighted term.
fn weighted_terms(m: &Method, row: &RankedTheme, terms: &[(String, f64)]) -> String {
    use crate::model::risk_rule::{Term, term};
    let value = |name: &str| match term(m, name)? {
        Term::Section(i) => row.section_totals.get(i).copied().flatten(),
        Term::Factor(j) => row.factors.get(j).and_then(|f| f.points),
    };
    let names: Vec<String> = terms
        .iter()
        .map(|(n, w)| format!("{} × {n}", num(*w)))
        .collect();
    let values: Vec<String> = terms
        .iter()
        .map(|(n, w)| format!("{} × {}", num(*w), value(n).map_or("?".to_owned(), num)))
        .collect();
    let products: Vec<String> = terms
        .iter()
        .map(|(n, w)| value(n).map_or("?".to_owned(), |v| num(v * w)))
        .collect();
    format!(
        "{} = {} = {}",
        names.join(" + "),
        values.join(" + "),
        products.join(" + ")
    )
}

/// "Risk grade: row impact 3, column likelihood 2 → grade B", with the order within a grade
/// (a cell is looked up by its row and column, not multiplied: no "×").
fn grid_line(m: &Method, row: &RankedTheme) -> String {
    let Some(g) = m.risk.grid() else {
        return String::new();
    };
    let label = |k: SectionKind| {
        m.section(k)
            .map_or(k.name().to_owned(), |s| s.label.to_lowercase())
    };
    let order = format!(
        "themes in one grade are ordered by {}, then by {}",
        label(SectionKind::Harm),
        label(SectionKind::Likelihood)
    );
    match (&row.cell, &row.band) {
        (Some((r, c)), Some(b)) => format!(
            "Risk grade: row {} {r}, column {} {c} → grade {} ({} of {} grades, counting from the lowest; {order})",
            g.rows,
            g.columns,
            b.label,
            ordinal(b.index + 1),
            m.bands.len()
        ),
        _ => format!(
            "Risk grade: not found ({} or {} has no value, or no cell for it)",
            g.rows, g.columns
        ),
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "Outcome: lookup (Very high, Limited) → …": the band and the position grade. In a grid
/// method the bands are the paper's grades, and a method without a position section has no
/// position grade to name, so the line says "grade B" alone.
fn outcome_line(m: &Method, row: &RankedTheme) -> String {
    let band = row.band.as_ref().map_or("—", |b| &*b.label);
    let grade = row.grade.as_ref().map_or("no grade", |g| &*g.label);
    let has_position = m.section(SectionKind::Position).is_some();
    let looked_up = match (m.risk.grid().is_some(), has_position) {
        (true, false) => format!("grade {band}"),
        (true, true) => format!("grade {band}, position {grade}"),
        (false, false) => format!("band {band}"),
        (false, true) => format!("{band}, {grade}"),
    };
    match (&row.outcome, row.suggested) {
        (Some(o), Some(s)) => format!(
            "Outcome: lookup ({looked_up}) → {} (suggests: {})",
            o.label,
            s.label()
        ),
        _ if row.position_unscored => format!(
            "Outcome: incomplete — band {band}, but the position is not scored yet, and the lookup gives no outcome without a grade"
        ),
        _ => format!("Outcome: none ({looked_up})"),
    }
}

fn decision_line(row: &RankedTheme) -> String {
    match row.decision {
        None => "Decision: not yet decided".to_owned(),
        Some(d) => {
            let departs = if row.departs {
                " — DEPARTS from the computed outcome"
            } else {
                ""
            };
            let why = if row.decision_rationale.is_empty() {
                if row.departs {
                    " (no rationale recorded: one is required for a departure)".to_owned()
                } else {
                    String::new()
                }
            } else {
                format!(": \"{}\"", row.decision_rationale)
            };
            format!("Decision: {}{departs}{why}", d.label())
        }
    }
}
