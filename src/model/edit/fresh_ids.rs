//! Ids for what an edit adds: a new theme's or participant's id from its name, never one the
//! scorecard already uses, and a placeholder theme's first real id.

use crate::model::Scorecard;
use crate::model::ids::{ParticipantId, ThemeId, is_placeholder_id, slug, unused_slug};

/// An id for a new theme named `name` that no theme in `card` uses yet.
pub fn fresh_theme_id(card: &Scorecard, name: &str) -> ThemeId {
    let taken = |id: &str| card.themes.iter().any(|t| t.id.as_str() == id);
    ThemeId::new(unused_slug(name, taken))
}

/// A theme still under its placeholder id ("new-theme") takes an id from its first real
/// name, so next year's comparison matches it by what it is, not by an accident of order.
pub(in crate::model) fn first_real_id(
    card: &Scorecard,
    theme: &ThemeId,
    name: &str,
) -> Option<ThemeId> {
    if !is_placeholder_id(theme.as_str()) {
        return None;
    }
    if is_placeholder_id(&slug(name)) {
        return None;
    }
    let taken = |id: &str| {
        card.themes
            .iter()
            .any(|t| t.id.as_str() == id && &t.id != theme)
    };
    Some(ThemeId::new(unused_slug(name, taken)))
}

/// An id for a new participant named `name` that no participant in `card` uses yet.
pub fn fresh_participant_id(card: &Scorecard, name: &str) -> ParticipantId {
    let taken = |id: &str| card.participants.iter().any(|p| p.id.as_str() == id);
    ParticipantId::new(unused_slug(name, taken))
}
