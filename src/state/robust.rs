//! How much the room's disagreement matters, for the open document: the rank stability
//! figures and the close calls, computed together off the UI thread (by the app) for one
//! generation of the document, and read by the ranking board, the charts, presenter mode and
//! the exports.

use std::collections::HashMap;

use crate::model::close_calls::{CloseCalls, close_calls};
use crate::model::stability::{self, Badge, Options, Stability, ThemeStability};
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
    /// The options the app uses: the default runs and seed, the scorecard's cut line.
    pub fn options(card: &Scorecard) -> Options {
        Options {
            runs: stability::DEFAULT_RUNS,
            seed: stability::DEFAULT_SEED,
            top: card.cut(),
            centre: stability::Centre::default(),
        }
    }

    /// Computes both for a scorecard (seconds at most; run it on a thread).
    pub fn compute(card: &Scorecard, generation: u64, options: &Options) -> Self {
        let stability = stability::stability(card, options);
        let close = close_calls(card, options.top);
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

    /// A theme's figures.
    pub fn theme(&self, id: &ThemeId) -> Option<&ThemeStability> {
        self.by_id.get(id).map(|&i| &self.stability.themes[i])
    }

    /// A theme's badge against the cut.
    pub fn badge(&self, id: &ThemeId) -> Option<Badge> {
        self.theme(id)?.badge(self.stability.top)
    }

    /// Whether a close call names the theme.
    pub fn has_close_call(&self, id: &ThemeId) -> bool {
        self.close.about(id).next().is_some()
    }

    /// "2,000 resampled runs, seed 1": what the figures rest on.
    pub fn basis(&self) -> String {
        let runs = self.stability.runs;
        let runs = if runs >= 1000 {
            format!("{},{:03}", runs / 1000, runs % 1000)
        } else {
            runs.to_string()
        };
        format!("{runs} resampled runs, seed {}", self.stability.seed)
    }
}
