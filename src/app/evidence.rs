//! The partnership's data in the window: the evidence dialog's file choosers, reading on a
//! background thread (progress and Cancel in the status bar, like a spreadsheet import), the
//! evidence kept as one undoable edit, and *Accept all data suggestions* as one undo step.

use std::sync::Arc;

use super::TrhApp;
use super::jobs::Done;
use crate::import::evidence::{EvidenceRequest, read_evidence};
use crate::model::Edit;
use crate::model::evidence::Evidence;
use crate::state::evidence::Slot;
use crate::state::pick::PickPurpose;

impl TrhApp {
    /// Shows a file (or folder) chooser for a field of the evidence dialog.
    pub(super) fn pick_evidence(&mut self, ctx: &egui::Context, slot: Slot) {
        let folder = self.state.prefs.last_folder.clone();
        self.jobs
            .pick(ctx, PickPurpose::Evidence(slot), folder, String::new());
    }

    /// Puts a chosen path into the evidence dialog.
    pub(super) fn evidence_picked(&mut self, slot: Slot, path: &std::path::Path) {
        if let Some(dir) = path.parent() {
            self.state.prefs.last_folder = Some(dir.to_path_buf());
        }
        self.state
            .view
            .evidence_form
            .get_or_insert_with(Default::default)
            .fill(slot, path);
    }

    /// Reads the data on a background thread; the document is not touched until it is read.
    pub(super) fn read_evidence(&mut self, ctx: &egui::Context, request: EvidenceRequest) {
        if let Some(form) = self.state.view.evidence_form.take() {
            self.state.prefs.evidence = crate::state::evidence::EvidenceForm {
                error: None,
                ..form
            };
        }
        let progress = Arc::new(crate::import::table::Progress::default());
        self.state.reading = Some(("the evidence".to_owned(), Arc::clone(&progress)));
        let old = Arc::clone(&self.state.doc.card.evidence);
        let now = self.state.doc.now();
        self.jobs.spawn(ctx, move || {
            let result = read_evidence(&request, &old, &now, &progress).map_err(|e| e.to_string());
            Done::Evidence(Box::new(result))
        });
    }

    /// Keeps the evidence read (one undoable edit) and says what was read.
    pub(super) fn evidence_read(&mut self, result: Result<Evidence, String>) {
        let cancelled = self
            .state
            .reading
            .take()
            .is_some_and(|(_, p)| p.is_cancelled());
        if cancelled {
            self.state
                .notes
                .info("Reading the evidence was cancelled; nothing changed.");
            return;
        }
        let evidence = match result {
            Ok(e) => e,
            Err(e) => {
                let form = self.state.prefs.evidence.clone();
                self.state.view.evidence_form = Some(crate::state::evidence::EvidenceForm {
                    error: Some(e.clone()),
                    ..form
                });
                self.state.notes.error(format!(
                    "Could not read the evidence; nothing changed.\n{e}"
                ));
                return;
            }
        };
        // The sources read now: those the scorecard did not have (a read that crossed a
        // second boundary is still new).
        let before = &self.state.doc.card.evidence.sources;
        let lines: Vec<String> = evidence
            .sources
            .iter()
            .filter(|s| !before.contains(s))
            .flat_map(|s| {
                let months = s
                    .months
                    .map(|(a, b)| format!(", {} to {}", a.text(), b.text()))
                    .unwrap_or_default();
                std::iter::once(format!(
                    "Read {} ({}): {} rows counted, {} outside the area{months}.",
                    s.name,
                    s.kind.name(),
                    s.rows,
                    s.left_out
                ))
                .chain(s.warnings.iter().map(|w| format!("  {w}")))
            })
            .collect();
        if self.apply_edit(
            &Edit::SetEvidence {
                evidence: Arc::new(evidence),
            },
            None,
        ) {
            self.state.view.tab = crate::state::view::Tab::Evidence;
            self.state.notes.info(format!(
                "{}\nUndo (Ctrl+Z) takes it back.",
                lines.join("\n")
            ));
        }
    }

    /// Accepts every suggestion that differs from its draft, as one undo step.
    pub(super) fn accept_all_data(&mut self) {
        let edits = crate::model::edit::evidence::accept_all(&self.state.doc.card);
        if edits.is_empty() {
            self.state
                .notes
                .info("Every level the data suggests is already the draft.");
            return;
        }
        let who = self.state.signer();
        let refused = self
            .state
            .doc
            .apply_batch(edits.iter().map(|e| (e, who.as_str())));
        self.state.notes.info(format!(
            "{} draft(s) set from the data. Undo (Ctrl+Z) takes them all back.",
            edits.len() - refused.len()
        ));
        if let Some(note) = crate::document::refusal_note(&refused) {
            self.state.notes.error(note);
        }
    }
}
