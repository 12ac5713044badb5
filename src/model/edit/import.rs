//! Bringing rows from a spreadsheet into the open scorecard, as one edit (so one undo step).
//!
//! A row matches an existing theme by id, then by name (ignoring case and spacing). A matched
//! theme takes the row's drafts (with their notes), its non-empty text and its decision; its
//! votes and agreed values are kept. Unmatched rows become new themes at the end.

use crate::model::edit::{Applied, EditError};
use crate::model::scorecard::{Scorecard, Theme};

/// Applies an import; on error the scorecard is unchanged.
pub(super) fn apply(
    card: &mut Scorecard,
    themes: &[Theme],
    source: &str,
    marking: Option<&str>,
) -> Result<Applied, EditError> {
    for t in themes {
        if t.name.trim().is_empty() {
            return Err(EditError::EmptyName);
        }
        if let Some(f) = t
            .scores
            .keys()
            .find(|f| card.method.factor(f.as_str()).is_none())
        {
            return Err(EditError::NoFactor(f.to_string()));
        }
    }
    let (mut added, mut updated) = (0, 0);
    for t in themes {
        match card.index_matching(t.id.as_str(), &t.name) {
            Some(i) => {
                merge(std::sync::Arc::make_mut(&mut card.themes[i]), t);
                updated += 1;
            }
            None => {
                let taken = |id: &str| card.themes.iter().any(|x| x.id.as_str() == id);
                let id = if taken(t.id.as_str()) {
                    crate::model::edit::fresh_theme_id(card, &t.name)
                } else {
                    t.id.clone()
                };
                card.push_theme(Theme { id, ..t.clone() });
                added += 1;
            }
        }
    }
    let mut new = format!("{added} new themes, {updated} updated");
    if let Some(m) = marking.map(str::trim).filter(|m| {
        crate::model::rollup::marking_rank(m) > crate::model::rollup::marking_rank(&card.marking)
    }) {
        new.push_str(&format!(
            "; marked {m} as the sheet is (was {})",
            card.marking
        ));
        card.marking = m.to_owned();
    }
    Ok(Applied {
        what: format!("imported \"{source}\""),
        old: String::new(),
        new,
    })
}

fn merge(into: &mut Theme, from: &Theme) {
    for (slot, text) in [
        (&mut into.name, &from.name),
        (&mut into.category, &from.category),
        (&mut into.description, &from.description),
        (&mut into.evidence, &from.evidence),
    ] {
        if !text.trim().is_empty() {
            slot.clone_from(text);
        }
    }
    for (factor, score) in &from.scores {
        let to = into.scores.entry(factor.clone()).or_default();
        if score.draft.is_some() {
            to.draft = score.draft;
            to.note.clone_from(&score.note);
        }
    }
    if from.decision.is_some() {
        into.decision.clone_from(&from.decision);
    }
}
