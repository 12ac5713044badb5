//! A theme's own helpers.

use std::collections::{BTreeMap, BTreeSet};

use super::Theme;
use crate::model::ThemeId;

impl Theme {
    /// Whether round `round`'s votes may be seen and count: it has votes and is not hidden.
    pub fn votes_shown(&self, round: u32) -> bool {
        !self.hidden_rounds.contains(&round)
            && self
                .scores
                .values()
                .any(|s| s.votes.iter().any(|v| v.round == round))
    }

    /// A theme with a name and no scores.
    pub fn new(id: &str, name: &str) -> Self {
        Self {
            id: ThemeId::from(id),
            name: name.to_owned(),
            description: String::new(),
            category: String::new(),
            evidence: String::new(),
            scores: BTreeMap::new(),
            decision: None,
            hidden_rounds: BTreeSet::new(),
            links: None,
            last_year: None,
        }
    }
}
