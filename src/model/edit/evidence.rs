//! Edits from the partnership's data: the evidence read, a theme's links, and a suggested
//! level accepted as the draft. The suggestion is worked out again from the evidence when the
//! edit is applied, so a draft "from data" is always what the data and the method's rule give.

use std::sync::Arc;

use super::{Applied, EditError, applied, theme_mut};
use crate::model::evidence::{Evidence, Link, rule::suggest_one};
use crate::model::{FactorId, Scorecard, ThemeId};

/// The line a suggestion writes into a factor's evidence note; it replaces an earlier one.
pub const NOTE_PREFIX: &str = "From data: ";

pub(super) fn set_evidence(card: &mut Scorecard, evidence: &Arc<Evidence>) -> Applied {
    let words = |e: &Evidence| {
        if e.is_empty() {
            return String::new();
        }
        let names: Vec<&str> = e.sources.iter().map(|s| s.name.as_str()).collect();
        format!(
            "{} series, {} survey items ({})",
            e.series.len(),
            e.survey.len(),
            names.join(", ")
        )
    };
    let old = std::mem::replace(&mut card.evidence, Arc::clone(evidence));
    Applied {
        what: "evidence".to_owned(),
        old: words(&old),
        new: words(evidence),
    }
}

pub(super) fn set_links(
    card: &mut Scorecard,
    theme: &ThemeId,
    links: Option<&[Link]>,
) -> Result<Applied, EditError> {
    let words = |l: Option<&[Link]>| match l {
        None => "named as the theme".to_owned(),
        Some([]) => "none".to_owned(),
        Some(l) => l.iter().map(Link::text).collect::<Vec<_>>().join("; "),
    };
    let t = theme_mut(card, theme)?;
    let old = std::mem::replace(&mut t.links, links.map(<[Link]>::to_vec));
    Ok(applied(
        theme,
        "links",
        words(old.as_deref()),
        &words(links),
    ))
}

pub(super) fn from_data(
    card: &mut Scorecard,
    theme: &ThemeId,
    factor: &FactorId,
) -> Result<Applied, EditError> {
    let t = card
        .theme(theme)
        .ok_or_else(|| EditError::NoTheme(theme.to_string()))?;
    let (_, f) = card
        .method
        .factor(factor.as_str())
        .ok_or_else(|| EditError::NoFactor(factor.to_string()))?;
    let rule = f.data.as_ref().ok_or_else(|| EditError::NoSuggestion {
        factor: factor.to_string(),
        why: "the method gives this factor no data rule".to_owned(),
    })?;
    let figures = card.figures(t);
    let s = suggest_one(f, rule, &figures).map_err(|why| EditError::NoSuggestion {
        factor: factor.to_string(),
        why,
    })?;
    let scale = f.scale.clone();
    let line = format!("{NOTE_PREFIX}{} ({}); {}.", s.figure, s.source, s.rule);
    let t = theme_mut(card, theme)?;
    let score = t.scores.entry(factor.clone()).or_default();
    let old = score.draft.replace(s.value);
    let kept: Vec<&str> = score
        .note
        .lines()
        .filter(|l| !l.starts_with(NOTE_PREFIX))
        .collect();
    score.note = kept
        .into_iter()
        .chain(std::iter::once(line.as_str()))
        .collect::<Vec<_>>()
        .join("\n");
    Ok(applied(
        theme,
        &format!("factor \"{factor}\" draft from data"),
        old.map(|v| scale.code(v)).unwrap_or_default(),
        &format!("{} ({})", scale.code(s.value), s.source),
    ))
}

/// The edits that accept every suggestion that differs from the theme's draft: applied
/// together (`Document::apply_batch`) they are one undo step.
pub fn accept_all(card: &Scorecard) -> Vec<super::Edit> {
    let mut out = Vec::new();
    for t in &card.themes {
        let figures = card.figures(t);
        for (factor, s) in crate::model::evidence::suggest(&card.method, &figures) {
            let Ok(s) = s else { continue };
            let draft = t.scores.get(&factor).and_then(|sc| sc.draft);
            if draft != Some(s.value) {
                out.push(super::Edit::FromData {
                    theme: t.id.clone(),
                    factor,
                });
            }
        }
    }
    out
}
