//! Ranking again after an edit, scoring only what the edit changed.
//!
//! A [`Scorecard`] shares its themes (`Arc<Theme>`) with the undo snapshots, and an edit
//! copies only the themes it changes. So a theme that is still the *same* shared value as at
//! the last ranking has the same score, and [`Rescorer::rank`] reuses it: an edit to one
//! theme of 300 scores one theme and sorts. The result is always equal to [`rank`]; a test
//! checks that after every kind of edit.

use std::collections::HashMap;
use std::sync::Arc;

use super::method::Method;
use super::ranking::{RankedTheme, Ranking, ranking_of, score};
use super::scorecard::{Scorecard, Theme};
use crate::model::ranking::prep::Prepared;

#[cfg(doc)]
use super::ranking::rank;

/// The scored themes of the last ranking, kept to rank the next state of the same document.
///
/// It holds a clone of every theme's `Arc`, so no theme it has scored is ever unique: changing
/// one through `Arc::make_mut` always makes a new allocation, and a changed theme can never
/// be mistaken for the one scored.
#[derive(Default)]
pub struct Rescorer {
    /// The method they were scored under; another method scores everything again.
    method: Option<Arc<Method>>,
    /// Each theme (kept alive, so its address cannot be reused) with its scored row.
    scored: HashMap<usize, (Arc<Theme>, RankedTheme)>,
}

impl Rescorer {
    /// Ranks `card`, scoring only themes not seen unchanged last time. Equal to `rank(card)`.
    pub fn rank(&mut self, card: &Scorecard) -> Ranking {
        let same_method = self
            .method
            .as_ref()
            .is_some_and(|m| Arc::ptr_eq(m, &card.method));
        if !same_method {
            self.scored.clear();
            self.method = Some(Arc::clone(&card.method));
        }
        let prep = Prepared::new(&card.method);
        let mut scored = HashMap::with_capacity(card.themes.len());
        let mut rows = Vec::with_capacity(card.themes.len());
        for theme in &card.themes {
            let key = Arc::as_ptr(theme).addr();
            let row = match self.scored.remove(&key) {
                Some((_, row)) => row,
                None => score(&prep, theme),
            };
            rows.push(row.clone());
            scored.insert(key, (Arc::clone(theme), row));
        }
        self.scored = scored;
        ranking_of(card, rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Value, rank};

    /// After edits of many kinds, applied one after another, re-ranking gives what a fresh
    /// ranking gives, and an undo (an older snapshot) does too.
    #[test]
    fn reranking_equals_ranking_from_scratch() {
        let method = crate::methods::builtin("morile-style").expect("shipped");
        let mut card = crate::generate::generate(&method, 40, 6, 3);
        let mut rescorer = Rescorer::default();
        assert_eq!(rescorer.rank(&card), rank(&card));
        let factors: Vec<_> = card.method.factors().map(|(_, f)| f.id.clone()).collect();
        let ids: Vec<_> = card.themes.iter().map(|t| t.id.clone()).collect();
        let snapshot = card.clone();
        for (n, id) in ids.iter().enumerate().take(12) {
            let edit = match n % 4 {
                0 => Edit::SetDraft {
                    theme: id.clone(),
                    factor: factors[n % factors.len()].clone(),
                    value: Some(Value::Level(0)),
                },
                1 => Edit::SetDraft {
                    theme: id.clone(),
                    factor: factors[n % factors.len()].clone(),
                    value: None,
                },
                2 => Edit::RemoveTheme { theme: id.clone() },
                _ => Edit::SetThemeText {
                    theme: id.clone(),
                    field: crate::model::ThemeText::Name,
                    text: format!("Renamed {n}"),
                },
            };
            edit.apply(&mut card).expect("applies");
            assert_eq!(rescorer.rank(&card), rank(&card), "after edit {n}");
        }
        assert_eq!(rescorer.rank(&snapshot), rank(&snapshot), "undo");
        let mut other = card.clone();
        other.method = Arc::new(Method::clone(&card.method));
        Arc::make_mut(&mut other.method).contested_steps += 1;
        assert_eq!(rescorer.rank(&other), rank(&other), "another method");
    }
}
