//! Scoring one theme: walking its factors in method order (value in force, points, source,
//! what is missing), then risk, band, grade and outcome.

use super::*;

/// What walking a theme's factors gives: section totals, each factor's result, what is
/// missing, the confidence level and whether any factor is contested.
struct Walk {
    totals: Totals,
    points: Vec<Option<f64>>,
    factors: Vec<FactorResult>,
    missing: Vec<FactorId>,
    confidence: Option<Named>,
    contested: bool,
}

/// Reads every factor of a theme in method order: its value in force, points and source.
fn walk(prep: &Prepared<'_>, theme: &Theme) -> Walk {
    let method = prep.method;
    let mut totals = new_totals();
    let mut all_points = Vec::with_capacity(prep.factors.len());
    let mut factors = Vec::with_capacity(prep.factors.len());
    let mut missing = Vec::new();
    let mut confidence = None;
    let mut contested = false;
    for (pf, fs) in prep.factors.iter().zip(prep.scores(theme)) {
        let (kind, factor) = (pf.kind, pf.factor);
        let hidden = &theme.hidden_rounds;
        let round = fs.and_then(|s| s.counted_round(hidden));
        let (value, source, spread) = fs.map_or((None, Source::Unscored, None), |s| {
            s.summarise(&pf.table, method, hidden)
        });
        contested |= spread.as_ref().is_some_and(|s| s.contested);
        let points = value.map(|v| factor.scale.points(v));
        if let Some(t) = totals.get_mut(pf.section) {
            t.add(factor.role, points);
        }
        if points.is_none() && pf.blocks {
            missing.push(factor.id.clone());
        }
        all_points.push(points);
        let names = value.map(|v| pf.names(v));
        if kind == SectionKind::Confidence {
            confidence = value.zip(names.clone()).map(|(v, (id, label))| Named {
                index: match v {
                    Value::Level(i) => usize::from(i),
                    Value::Number(_) => 0,
                },
                id,
                label,
            });
        }
        let (code, label) = names.unzip();
        factors.push(FactorResult {
            factor: factor.id.clone(),
            section: kind,
            role: factor.role.into(),
            code,
            label,
            points,
            source,
            round,
            spread,
            value,
        });
    }
    Walk {
        totals,
        points: all_points,
        factors,
        missing,
        confidence,
        contested,
    }
}

pub(in crate::model) fn score(prep: &Prepared<'_>, theme: &Theme) -> RankedTheme {
    let method = prep.method;
    let Walk {
        totals,
        points,
        factors,
        missing,
        confidence,
        contested,
    } = walk(prep, theme);
    let scores = risk_from(prep, &totals, &points, confidence.as_ref().map(|c| &*c.id));
    let Scores {
        harm,
        likelihood,
        position_total,
        risk,
        ..
    } = scores;
    let (band, grade, outcome) = classify(prep, scores.band, position_total);
    let position_unscored =
        band.is_some() && outcome.is_none() && prep.position.is_some() && grade.is_none();
    let cell = match (method.risk.grid(), scores.cell) {
        (Some(g), Some((r, c))) => Some((
            g.row_keys
                .get(r)
                .map(crate::model::grid::Key::text)
                .unwrap_or_default(),
            g.column_keys
                .get(c)
                .map(crate::model::grid::Key::text)
                .unwrap_or_default(),
        )),
        _ => None,
    };
    let section_totals = (0..method.sections.len())
        .map(|i| totals.get(i).and_then(Total::value))
        .collect();
    let suggested = outcome.as_ref().map(|o| method.outcomes[o.index].suggests);
    let decision = theme.decision.as_ref().map(|d| d.kind);
    let intelligence_gap = match (&method.intelligence_gap, &band, &confidence) {
        (Some(gap), Some(b), Some(c)) => {
            gap.bands.iter().any(|x| **x == *b.id) && gap.confidence.iter().any(|x| **x == *c.id)
        }
        _ => false,
    };
    RankedTheme {
        rank: None,
        id: theme.id.clone(),
        name: theme.name.clone(),
        category: theme.category.clone(),
        harm,
        likelihood,
        risk,
        band,
        confidence,
        position_total,
        grade,
        outcome,
        suggested,
        decision,
        decision_rationale: theme
            .decision
            .as_ref()
            .map(|d| d.rationale.clone())
            .unwrap_or_default(),
        departs: matches!((decision, suggested), (Some(d), Some(s)) if d != s),
        intelligence_gap,
        contested,
        missing,
        position_unscored,
        cell,
        section_totals,
        factors,
    }
}

/// The band of a risk, the grade of a position total, and the lookup's outcome for the two.
fn classify(
    prep: &Prepared<'_>,
    band: Option<usize>,
    position_total: Option<f64>,
) -> (Option<Named>, Option<Named>, Option<Named>) {
    let method = prep.method;
    let band = band.and_then(|i| prep.bands.get(i).cloned());
    let grade = position_total.and_then(|p| {
        let i = prep.grade_bounds.iter().position(|g| g.contains(p))?;
        Some(prep.grades[i].clone())
    });
    let outcome = band.as_ref().and_then(|b| {
        let rules = matching_rules(method, &b.id, grade.as_ref().map(|g| &*g.id));
        let rule = &method.lookup[*rules.first()?];
        let i = method.outcomes.iter().position(|o| o.id == rule.outcome)?;
        Some(prep.outcomes[i].clone())
    });
    (band, grade, outcome)
}
