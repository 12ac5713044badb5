//! Edits of one theme's own fields: a factor's draft score, adding a theme, and the rule for
//! a board decision that departs from the suggested outcome.

use std::sync::Arc;

use super::{Applied, EditError, applied, theme_mut};
use crate::model::scorecard::Decision;
use crate::model::{FactorId, Scorecard, Theme, ThemeId, Value};

pub(super) fn set_draft(
    card: &mut Scorecard,
    theme: &ThemeId,
    factor: &FactorId,
    value: Option<Value>,
) -> Result<Applied, EditError> {
    let (_, f) = card
        .method
        .factor(factor.as_str())
        .ok_or_else(|| EditError::NoFactor(factor.to_string()))?;
    let scale = f.scale.clone();
    if let Some(v) = value {
        scale.check(v).map_err(|e| EditError::BadValue {
            factor: factor.to_string(),
            message: e.to_string(),
        })?;
    }
    let t = theme_mut(card, theme)?;
    let score = t.scores.entry(factor.clone()).or_default();
    let old = std::mem::replace(&mut score.draft, value);
    let show = |v: Option<Value>| v.map(|v| scale.code(v)).unwrap_or_default();
    Ok(applied(
        theme,
        &format!("factor \"{factor}\" draft"),
        show(old),
        &show(value),
    ))
}

pub(super) fn add_theme(
    card: &mut Scorecard,
    theme: &Theme,
    at: usize,
) -> Result<Applied, EditError> {
    if theme.name.trim().is_empty() {
        return Err(EditError::EmptyName);
    }
    if card.themes.iter().any(|t| t.id == theme.id) {
        return Err(EditError::DuplicateTheme(theme.id.to_string()));
    }
    let at = at.min(card.themes.len());
    card.themes.insert(at, Arc::new(theme.clone()));
    Ok(applied(&theme.id, "added", String::new(), &theme.name))
}

/// The rule for decisions: one that departs from the outcome the method suggests must say why.
pub(super) fn check_departure(
    card: &Scorecard,
    theme: &ThemeId,
    decision: Option<&Decision>,
) -> Result<(), EditError> {
    let Some(d) = decision.filter(|d| d.rationale.trim().is_empty()) else {
        return Ok(());
    };
    let t = card
        .theme(theme)
        .ok_or_else(|| EditError::NoTheme(theme.to_string()))?;
    match crate::model::ranking::suggested(card, t) {
        Some(s) if s != d.kind => Err(EditError::DepartureNeedsRationale {
            suggested: s.label(),
        }),
        _ => Ok(()),
    }
}

pub(super) fn decision_text(d: Option<&Decision>) -> String {
    d.map(|d| {
        let taken = d.taken();
        if taken.is_empty() {
            format!("{}: {}", d.kind.code(), d.rationale)
        } else {
            format!("{}: {} [taken at {taken}]", d.kind.code(), d.rationale)
        }
    })
    .unwrap_or_default()
}

/// Records (or clears) a theme's board decision: the meeting and date are one line each, and a
/// departure from the suggested outcome needs its rationale.
pub(super) fn set_decision(
    card: &mut Scorecard,
    theme: &ThemeId,
    decision: Option<&Decision>,
) -> Result<Applied, EditError> {
    if let Some(d) = decision {
        super::one_line("meeting", &d.meeting)?;
        super::one_line("date taken", &d.on)?;
    }
    check_departure(card, theme, decision)?;
    let t = theme_mut(card, theme)?;
    let old = std::mem::replace(&mut t.decision, decision.cloned());
    Ok(applied(
        theme,
        "decision",
        decision_text(old.as_ref()),
        &decision_text(decision),
    ))
}

/// Matches a theme by hand to last year's theme (by its id there), or clears the match.
pub(super) fn set_last_year(
    card: &mut Scorecard,
    theme: &ThemeId,
    last_year: Option<&ThemeId>,
) -> Result<Applied, EditError> {
    let t = theme_mut(card, theme)?;
    let old = std::mem::replace(&mut t.last_year, last_year.cloned());
    let show = |x: Option<&ThemeId>| x.map(ToString::to_string).unwrap_or_default();
    Ok(applied(
        theme,
        "last year's theme",
        show(old.as_ref()),
        &show(last_year),
    ))
}
