//! How much the room's disagreement matters, for the open document: the rank stability
//! figures and the close calls, computed together off the UI thread (by the app) for one
//! generation of the document, and read by the ranking board, the charts, presenter mode and
//! the exports.

use std::collections::HashMap;

use crate::export::Figures;
use crate::model::close_calls::CloseCalls;
use crate::model::stability::{Badge, Stability, ThemeStability};
use crate::model::{Scorecard, ThemeId};

/// The figures for one state of the document.
#[derive(Clone, Debug)]
pub struct Robustness {
    /// The document generation they were computed for.
    pub generation: u64,
    /// Rank stability.
    pub stability: Stability,
    /// Close calls.
    pub close: CloseCalls,
    /// Index into `stability.themes`.
    by_id: HashMap<ThemeId, usize>,
}

impl Robustness {
    /// Works both out for a scorecard at its cut line, with the options every export uses
    /// ([`Figures::of`]), so the board and the files agree (a fraction of a second for
    /// hundreds of themes; run it on a thread).
    pub fn compute(card: &Scorecard, generation: u64) -> Self {
        let Figures { stability, close } = Figures::of(card, card.cut());
        let by_id = stability
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        Self {
            generation,
            stability,
            close,
            by_id,
        }
    }

    /// The figures as an export takes them.
    pub fn figures(&self) -> Figures {
        Figures {
            stability: self.stability.clone(),
            close: self.close.clone(),
        }
    }

    /// A theme's figures.
    pub fn theme(&self, id: &ThemeId) -> Option<&ThemeStability> {
        self.by_id.get(id).map(|&i| &self.stability.themes[i])
    }

    /// A theme's badge against the cut.
    pub fn badge(&self, id: &ThemeId) -> Option<Badge> {
        self.theme(id)?.badge(self.stability.top)
    }

    /// Whether a close call at the cut line names the theme (it moves, or is passed).
    pub fn has_cut_call(&self, id: &ThemeId) -> bool {
        self.close
            .about(id)
            .any(|c| matches!(c.outcome, crate::model::close_calls::Outcome::Cut { .. }))
    }

    /// "2,000 resampled runs, seed 1": what the figures rest on.
    pub fn basis(&self) -> String {
        self.stability.basis()
    }
}
