//! How much the room's disagreement matters: the rank stability figures and the close calls
//! of one generation of the document, at one cut line. The window works them out on a thread
//! after each change and its board, charts and presenter mode read them; the exports and the
//! command line work them out when they are not given. One type, computed one way, with the
//! options every output uses, so the board and the files agree.

use std::collections::HashMap;

use crate::model::close_calls::{self, CloseCalls};
use crate::model::stability::{self, Badge, Stability, ThemeStability};
use crate::model::{Scorecard, ThemeId};

/// The figures for one generation of the document.
#[derive(Clone, Debug)]
pub struct Figures {
    /// The document generation they were computed for (0 when computed for a scorecard
    /// outside any document, as `trh export` does).
    pub generation: u64,
    /// Rank stability.
    pub stability: Stability,
    /// Close calls.
    pub close: CloseCalls,
    /// Index into `stability.themes`.
    by_id: HashMap<ThemeId, usize>,
}

impl Figures {
    /// Works both out for `card` with the cut line at `cut` (a fraction of a second for
    /// hundreds of themes; the window runs it on a thread).
    pub fn of(card: &Scorecard, cut: usize) -> Self {
        let options = stability::Options {
            runs: stability::DEFAULT_RUNS,
            seed: stability::DEFAULT_SEED,
            top: cut,
            centre: stability::Centre::default(),
            confidence_widens: false,
        };
        let stability = stability::stability(card, &options);
        let by_id = stability
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        Self {
            generation: 0,
            stability,
            close: close_calls::close_calls(card, cut),
            by_id,
        }
    }

    /// The figures for generation `generation` of a document holding `card`, at its own cut.
    pub fn for_generation(card: &Scorecard, generation: u64) -> Self {
        Self {
            generation,
            ..Self::of(card, card.cut())
        }
    }

    /// The cut line they were worked out for.
    pub fn cut(&self) -> usize {
        self.stability.top
    }

    /// A theme's figures.
    pub fn theme(&self, id: &ThemeId) -> Option<&ThemeStability> {
        self.by_id.get(id).map(|&i| &self.stability.themes[i])
    }

    /// A theme's badge against the cut.
    pub fn badge(&self, id: &ThemeId) -> Option<Badge> {
        self.theme(id)?.badge(self.stability.top)
    }

    /// "2,000 resampled runs, seed 1": what the figures rest on.
    pub fn basis(&self) -> String {
        self.stability.basis()
    }
}
