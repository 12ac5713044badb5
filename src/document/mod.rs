//! The document, headless: the scorecard, its ranking (recomputed once per change), where it
//! lives on disk, whether it has unsaved changes, and the undo history (snapshots of the
//! scorecard, never UI state, never saved). The window (`state`) and `trh live` (`live::kiosk`)
//! both own one, and every edit from either goes through [`Document::apply`] or
//! [`Document::apply_batch`]: the one door where an edit is signed, checked by the model,
//! logged and made undoable. Imports only `model` and `file` (`tests/suite/architecture.rs`).

pub mod clock;
pub mod derived;
pub mod figures;

pub use clock::Clock;
pub use figures::Figures;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use std::collections::HashMap;

use crate::model::edit::Applied;
use crate::model::ranking::RankedTheme;
use crate::model::rerank::Rescorer;
use crate::model::scorecard::Change;
use crate::model::{Edit, EditError, Ranking, Scorecard, ThemeId};

/// How many undo steps are kept.
pub const UNDO_DEPTH: usize = 100;

/// What a file on disk looked like when we last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// Modification time.
    pub modified: Option<SystemTime>,
    /// Length in bytes.
    pub len: u64,
}

impl DiskStamp {
    /// Reads the stamp of a file, if it exists.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

/// One open scorecard.
pub struct Document {
    /// The scorecard.
    pub card: Scorecard,
    /// Its ranking, kept in step with `card`.
    pub ranking: Ranking,
    /// Ranking row of each theme.
    row_index: HashMap<ThemeId, usize>,
    /// Scored themes kept so that an edit re-scores only the themes it changed.
    rescorer: Rescorer,
    /// Where it was loaded from or last saved to; `None` for a new or bundled document.
    pub path: Option<PathBuf>,
    /// What the file looked like when read or written, to notice changes by other programs.
    pub stamp: Option<DiskStamp>,
    /// A name to show when there is no path.
    pub untitled_name: String,
    /// Names the state of `card`: a new number on every change, and the old number again when
    /// undo or redo brings an earlier state back, so views cache on it and "unsaved" is exact.
    pub generation: u64,
    /// The generation last saved (or loaded).
    saved_generation: u64,
    /// The last generation number handed out.
    last_generation: u64,
    /// Earlier states with their generations.
    undo: Vec<(Scorecard, u64)>,
    redo: Vec<(Scorecard, u64)>,
    /// A key for merging a run of edits into one undo step (one slider drag).
    merge_key: Option<String>,
    /// What stamps the change log and decisions.
    clock: Clock,
    /// Views worked out from this generation when first asked for.
    derived: derived::Derived,
}

/// An edit the model refused in a batch, with its sender and the reason.
#[derive(Clone, Debug)]
pub struct Refused {
    /// The edit.
    pub edit: Edit,
    /// Who sent it.
    pub who: String,
    /// Why it was refused.
    pub error: EditError,
}

/// What to tell the facilitator about edits from phones that could not be recorded (the app
/// shows it as a notice, `trh live` on stderr); `None` when there were none.
pub fn refusal_note(refused: &[Refused]) -> Option<String> {
    let first = refused.first()?;
    Some(format!(
        "{} change(s) from phones could not be recorded: {} (from {}). The rest were.",
        refused.len(),
        first.error,
        first.who
    ))
}

impl Document {
    /// Wraps a scorecard that came from `path` (or nowhere).
    pub fn new(card: Scorecard, path: Option<PathBuf>, untitled_name: &str) -> Self {
        let mut rescorer = Rescorer::default();
        let ranking = rescorer.rank(&card);
        let row_index = index_rows(&ranking);
        let stamp = path.as_deref().and_then(DiskStamp::of);
        Self {
            card,
            ranking,
            row_index,
            rescorer,
            path,
            stamp,
            untitled_name: untitled_name.to_owned(),
            generation: 0,
            saved_generation: 0,
            last_generation: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            merge_key: None,
            clock: Clock::system(),
            derived: derived::Derived::default(),
        }
    }

    /// Uses `clock` for the change log and decisions from now on (tests fix the time).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Now, as the change log writes it.
    pub fn now(&self) -> String {
        self.clock.stamp()
    }

    /// True when there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    /// Marks the document as changed without an edit (e.g. recovered from an autosave).
    pub fn mark_dirty(&mut self) {
        self.generation = self.next_generation();
    }

    fn next_generation(&mut self) -> u64 {
        self.last_generation += 1;
        self.last_generation
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => self.untitled_name.clone(),
        }
    }

    /// Applies an edit and logs it, signed `who`, at the clock's time. Edits with the same
    /// `merge` key in a row make one undo step and one log line (a slider drag). On error
    /// nothing changes.
    pub fn apply(&mut self, edit: &Edit, merge: Option<&str>, who: &str) -> Result<(), EditError> {
        let at = self.now();
        let before = self.card.clone();
        let applied = sign(edit, who, &at).apply(&mut self.card)?;
        let merging = merge.is_some() && merge == self.merge_key.as_deref();
        if !merging {
            self.push_undo(before);
        }
        self.merge_key = merge.map(str::to_owned);
        self.log(applied, who, &at, merging);
        self.changed();
        Ok(())
    }

    /// Applies several edits, each signed by its own sender and logged, as one undo step,
    /// ranking once at the end (votes arriving together from phones). Edits the model refuses
    /// are skipped and returned with the reason; the rest still apply.
    pub fn apply_batch<'a>(
        &mut self,
        edits: impl IntoIterator<Item = (&'a Edit, &'a str)>,
    ) -> Vec<Refused> {
        let at = self.now();
        let before = self.card.clone();
        let mut refused = Vec::new();
        let mut any = false;
        for (edit, who) in edits {
            match sign(edit, who, &at).apply(&mut self.card) {
                Ok(applied) => {
                    any = true;
                    self.log(applied, who, &at, false);
                }
                Err(error) => refused.push(Refused {
                    edit: edit.clone(),
                    who: who.to_owned(),
                    error,
                }),
            }
        }
        if any {
            self.push_undo(before);
            self.merge_key = None;
            self.changed();
        }
        refused
    }

    /// Keeps `before` as an undo step (at most [`UNDO_DEPTH`]); a new edit ends redo.
    fn push_undo(&mut self, before: Scorecard) {
        self.undo.push((before, self.generation));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The one place an applied edit becomes a change-log line. A merged run keeps one line:
    /// the first old value and the last new one; a change back to where it started, or to the
    /// same value, logs nothing.
    fn log(&mut self, applied: Applied, who: &str, at: &str, merging: bool) {
        let change = Change {
            at: at.to_owned(),
            who: who.to_owned(),
            what: applied.what,
            old: applied.old,
            new: applied.new,
        };
        if !merging {
            // The run before this one may have ended where it began.
            self.drop_unchanged_last();
        }
        match self.card.log.last_mut() {
            Some(last) if merging && last.what == change.what => {
                let last = Arc::make_mut(last);
                last.new = change.new;
                last.at = change.at;
            }
            _ => self.card.log.push(Arc::new(change)),
        }
        if self.merge_key.is_none() {
            self.drop_unchanged_last();
        }
    }

    /// Removes the last change-log line if it changed nothing (typed and typed back, or the
    /// same text again).
    fn drop_unchanged_last(&mut self) {
        if self.card.log.last().is_some_and(|l| l.old == l.new) {
            self.card.log.pop();
        }
    }

    /// Ends a run of merged edits, so the next edit is its own undo step.
    pub fn end_merge(&mut self) {
        self.merge_key = None;
        self.drop_unchanged_last();
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Restores the scorecard before the last edit. Returns false if there was none.
    pub fn undo(&mut self) -> bool {
        let Some((prev, generation)) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push((std::mem::replace(&mut self.card, prev), self.generation));
        self.merge_key = None;
        self.reranked();
        self.generation = generation;
        true
    }

    /// Re-applies the last undone edit. Returns false if there was none.
    pub fn redo(&mut self) -> bool {
        let Some((next, generation)) = self.redo.pop() else {
            return false;
        };
        self.undo
            .push((std::mem::replace(&mut self.card, next), self.generation));
        self.merge_key = None;
        self.reranked();
        self.generation = generation;
        true
    }

    /// Records a successful save of `generation` to `path`.
    pub fn saved(&mut self, path: PathBuf, generation: u64) {
        self.stamp = DiskStamp::of(&path);
        self.path = Some(path);
        self.saved_generation = generation;
    }

    /// True when the file has changed on disk since we read or wrote it.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.stamp) {
            (Some(p), Some(stamp)) => DiskStamp::of(p) != Some(stamp),
            (Some(p), None) => p.exists(),
            _ => false,
        }
    }

    /// The ranking row of a theme.
    pub fn row(&self, id: &ThemeId) -> Option<&RankedTheme> {
        self.row_index.get(id).map(|&i| &self.ranking.rows[i])
    }

    /// After an edit: ranks again and names the new state.
    fn changed(&mut self) {
        self.reranked();
        self.generation = self.next_generation();
    }

    fn reranked(&mut self) {
        self.ranking = self.rescorer.rank(&self.card);
        self.row_index = index_rows(&self.ranking);
        self.derived = derived::Derived::default();
    }

    /// Each agency's view of the themes, for this state of the document.
    pub fn agency_views(&self) -> Arc<Vec<crate::model::agencies::AgencyView>> {
        self.derived.agency_views(&self.card)
    }

    /// What changed since `last_year`, for this state of the document.
    pub fn year_on_year(&self, last_year: &Arc<Scorecard>) -> Arc<crate::model::diff::Diff> {
        self.derived.year_on_year(last_year, &self.card)
    }

    /// The views worked out for this generation so far.
    pub fn derived(&self) -> &derived::Derived {
        &self.derived
    }
}

fn index_rows(ranking: &Ranking) -> HashMap<ThemeId, usize> {
    ranking
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect()
}

/// The edit as `who` makes it at `at`: a decision is recorded by whoever records it, when
/// they record it.
fn sign<'e>(edit: &'e Edit, who: &str, at: &str) -> std::borrow::Cow<'e, Edit> {
    match edit {
        Edit::SetDecision {
            theme,
            decision: Some(d),
        } if d.by != who || d.at != at => {
            let mut d = d.clone();
            who.clone_into(&mut d.by);
            at.clone_into(&mut d.at);
            std::borrow::Cow::Owned(Edit::SetDecision {
                theme: theme.clone(),
                decision: Some(d),
            })
        }
        _ => std::borrow::Cow::Borrowed(edit),
    }
}

#[cfg(test)]
mod tests;
