//! Live voting's votes journal in the window: started on the recovery copy when live voting
//! starts, and rebased (the recovery copy written with every vote applied so far) on this
//! thread, in the document's order.

use crate::app::TrhApp;
use crate::file::journal::Journal;

impl TrhApp {
    /// Writes the recovery copy and starts the votes journal on it; says so if it cannot
    /// (votes are then kept in memory only, as before).
    pub(in crate::app) fn begin_journal(&mut self) -> Option<Journal> {
        let recovery = self.recovery.as_ref()?;
        let doc = &self.state.doc;
        match recovery.begin_journal(&doc.card, doc.path.as_deref()) {
            Ok(j) => {
                self.autosaved_generation = doc.generation;
                Some(j)
            }
            Err(e) => {
                self.state.notes.error(format!(
                    "Votes cannot be written to disk as they arrive ({e}): a crash would lose \
                     the votes since the last save. Save often."
                ));
                None
            }
        }
    }

    /// A vote typed here while live voting runs is journalled and flushed like a phone's, so
    /// a crash loses it no more than a phone's vote (other edits wait for the recovery copy,
    /// written every 30 seconds and before phones see a change).
    pub(in crate::app) fn journal_typed(&mut self, edit: &crate::model::Edit, who: &str) {
        if !matches!(edit, crate::model::Edit::SetVote { .. }) {
            return;
        }
        let Some(journal) = self.live.as_ref().and_then(|l| l.journal.as_ref()) else {
            return;
        };
        if let Err(e) = journal.record(edit, who).and_then(|n| journal.sync(n)) {
            self.state.notes.error(format!(
                "That vote is in trh but could not be written to disk ({e}): save soon."
            ));
        }
    }

    /// Writes the recovery copy with every vote applied so far, as the journal's new base
    /// (on this thread: the journal's order must be the document's).
    pub(in crate::app) fn checkpoint(&mut self) {
        let (Some(live), Some(recovery)) = (self.live.as_ref(), self.recovery.as_ref()) else {
            return;
        };
        let Some(journal) = &live.journal else {
            return;
        };
        let doc = &self.state.doc;
        match recovery.write(
            &doc.card,
            doc.path.as_deref(),
            Some((journal, live.journaled)),
        ) {
            Ok(()) => {
                self.autosaved_generation = doc.generation;
                self.last_autosave = std::time::Instant::now();
            }
            Err(e) => self
                .state
                .notes
                .error(format!("Recovery autosave failed: {e}")),
        }
    }
}
