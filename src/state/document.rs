//! The open document: the scorecard, its ranking (recomputed once per change), where it lives
//! on disk, whether it has unsaved changes, and the undo history (snapshots of the scorecard,
//! never UI state, never saved).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use std::collections::HashMap;

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
        }
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

    /// Applies an edit and logs it as `who` at `at`. Edits with the same `merge` key in a row
    /// make one undo step (a slider drag). On error nothing changes.
    pub fn apply(
        &mut self,
        edit: &Edit,
        merge: Option<&str>,
        who: &str,
        at: &str,
    ) -> Result<(), EditError> {
        let before = self.card.clone();
        let applied = edit.apply(&mut self.card)?;
        let merging = merge.is_some() && merge == self.merge_key.as_deref();
        if !merging {
            self.undo.push((before, self.generation));
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.merge_key = merge.map(str::to_owned);
        self.redo.clear();
        let change = Change {
            at: at.to_owned(),
            who: who.to_owned(),
            what: applied.what,
            old: applied.old,
            new: applied.new,
        };
        // A merged run keeps one log line: the first old value and the last new one.
        match self.card.log.last_mut() {
            Some(last) if merging && last.what == change.what => {
                let last = Arc::make_mut(last);
                last.new = change.new;
                last.at = change.at;
            }
            _ => self.card.log.push(Arc::new(change)),
        }
        self.changed();
        self.generation = self.next_generation();
        Ok(())
    }

    /// Applies several edits, each signed by its own sender and logged, as one undo step,
    /// ranking once at the end (votes arriving together from phones). Edits the model refuses
    /// are skipped and returned with the reason; the rest still apply.
    pub fn apply_batch<'a>(
        &mut self,
        edits: impl IntoIterator<Item = (&'a Edit, &'a str)>,
        at: &str,
    ) -> Vec<(Edit, EditError)> {
        let before = self.card.clone();
        let mut refused = Vec::new();
        let mut any = false;
        for (edit, who) in edits {
            match edit.apply(&mut self.card) {
                Ok(applied) => {
                    any = true;
                    self.card.log.push(Arc::new(Change {
                        at: at.to_owned(),
                        who: who.to_owned(),
                        what: applied.what,
                        old: applied.old,
                        new: applied.new,
                    }));
                }
                Err(e) => refused.push((edit.clone(), e)),
            }
        }
        if any {
            self.undo.push((before, self.generation));
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
            self.merge_key = None;
            self.redo.clear();
            self.changed();
            self.generation = self.next_generation();
        }
        refused
    }

    /// Ends a run of merged edits, so the next edit is its own undo step.
    pub fn end_merge(&mut self) {
        self.merge_key = None;
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
        self.changed();
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
        self.changed();
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

    fn changed(&mut self) {
        self.ranking = self.rescorer.rank(&self.card);
        self.row_index = index_rows(&self.ranking);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Theme, Value};

    fn doc() -> Document {
        let method = crate::methods::builtin("probability-harm").expect("shipped");
        let mut card = Scorecard::new("t", method);
        card.push_theme(Theme::new("a", "Alpha"));
        Document::new(card, None, "Untitled")
    }

    fn set(doc: &mut Document, n: i32, merge: Option<&str>) {
        let factor = doc
            .card
            .method
            .factors()
            .next()
            .expect("factor")
            .1
            .id
            .clone();
        let edit = Edit::SetDraft {
            theme: "a".into(),
            factor,
            value: Some(Value::Number(n)),
        };
        doc.apply(&edit, merge, "tester", "2026-01-01T00:00:00Z")
            .expect("applies");
    }

    #[test]
    fn a_batch_is_one_undo_step_one_ranking_and_a_log_line_each() {
        let mut d = doc();
        let factor = d.card.method.factors().next().expect("f").1.id.clone();
        let draft = |n| Edit::SetDraft {
            theme: "a".into(),
            factor: factor.clone(),
            value: Some(Value::Number(n)),
        };
        let bad = Edit::SetDraft {
            theme: "nope".into(),
            factor: factor.clone(),
            value: Some(Value::Number(1)),
        };
        let edits = [
            (draft(3), "Ann (via device)"),
            (bad, "Bob (via device)"),
            (draft(5), "Cy (via device)"),
        ];
        let refused = d.apply_batch(edits.iter().map(|(e, w)| (e, *w)), "2026-01-01T00:00:00Z");
        assert_eq!(refused.len(), 1, "the edit the model refuses is returned");
        let who: Vec<_> = d.card.log.iter().map(|c| c.who.as_str()).collect();
        assert_eq!(who, vec!["Ann (via device)", "Cy (via device)"]);
        assert!(d.is_dirty());
        assert_eq!(
            d.ranking,
            crate::model::rank(&d.card),
            "ranked after the batch"
        );
        assert!(d.undo());
        assert!(d.card.log.is_empty(), "one undo step undoes the batch");
        assert!(!d.can_undo());
    }

    #[test]
    fn a_drag_is_one_undo_step_and_one_log_line() {
        let mut d = doc();
        for n in 1..=10 {
            set(&mut d, n, Some("drag"));
        }
        d.end_merge();
        set(&mut d, 15, None);
        assert_eq!(d.card.log.len(), 2);
        assert_eq!(
            (d.card.log[0].old.as_str(), d.card.log[0].new.as_str()),
            ("", "10")
        );
        assert!(d.undo());
        assert!(d.undo());
        assert!(!d.undo());
        assert!(d.card.themes[0].scores.is_empty());
        assert!(d.redo());
        assert!(d.is_dirty());
    }

    #[test]
    fn saving_clears_dirty_and_a_new_edit_clears_redo() {
        let mut d = doc();
        set(&mut d, 3, None);
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("x.ron");
        std::fs::write(&path, "x").expect("write");
        d.saved(path.clone(), d.generation);
        assert!(!d.is_dirty());
        assert!(!d.changed_on_disk());
        std::fs::write(&path, "changed by someone else").expect("write");
        assert!(d.changed_on_disk());
        d.undo();
        set(&mut d, 4, None);
        assert!(!d.can_redo());
    }

    #[test]
    fn undoing_back_to_the_saved_state_is_not_unsaved() {
        let mut d = doc();
        set(&mut d, 3, None);
        d.saved(std::path::PathBuf::from("x.ron"), d.generation);
        set(&mut d, 4, None);
        set(&mut d, 5, None);
        assert!(d.is_dirty());
        d.undo();
        assert!(d.is_dirty(), "one edit still on top of the saved state");
        d.undo();
        assert!(!d.is_dirty(), "back at the saved state");
        d.undo();
        assert!(d.is_dirty(), "before the saved state");
        d.redo();
        assert!(!d.is_dirty(), "redone to the saved state");
        // A new edit after undoing gets a generation never seen before.
        let seen = d.generation;
        d.undo();
        set(&mut d, 9, None);
        assert_ne!(d.generation, seen);
        assert!(d.is_dirty());
    }
}
