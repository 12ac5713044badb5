//! Opening, saving and never losing work: the unsaved-changes guard, the on-disk change
//! check, background loads and saves, the recovery autosave and the close request.

use std::path::PathBuf;
use std::time::Instant;

use super::jobs::{Done, LoadPurpose};
use super::{Document, TrhApp, recovery::AUTOSAVE_EVERY};
use crate::model::{Scorecard, edit::fresh_participant_id};
use crate::state::modal::{FileStep, Modal, Retry, Then};
use crate::state::pick::PickPurpose;

impl TrhApp {
    /// Runs `then`, first asking about unsaved changes if there are any.
    pub(super) fn guard(&mut self, ctx: &egui::Context, then: Then) {
        if self.state.doc.is_dirty() {
            self.state.modal = Some(Modal::Unsaved(then));
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::PickOpen => {
                let folder = self.state.prefs.last_folder.clone();
                self.jobs
                    .pick(ctx, PickPurpose::Open, folder, String::new());
            }
            Then::Open(path) => self.jobs.load(ctx, LoadPurpose::Open, path),
            Then::New(method, carry) => self.new_under(&method, carry),
            Then::Quit => {
                self.close_confirmed = true;
                if let Some(r) = &self.recovery {
                    r.clear();
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn replace_document(&mut self, doc: Document) {
        self.stop_live(Some(
            "Live voting stopped: another scorecard is open. Start it again for this one.",
        ));
        self.state.doc = doc;
        self.charts.clear();
        if let Some(r) = &self.recovery {
            r.clear();
        }
        self.document_replaced();
    }

    /// Opens recovered work, with the votes its journal holds that it does not.
    fn recovered(&mut self, card: Scorecard, original: Option<PathBuf>) {
        self.stop_live(None);
        let journalled = match self.recovery.as_ref().map(super::Recovery::journalled) {
            Some(Ok(j)) => j,
            Some(Err(e)) => {
                self.state
                    .notes
                    .error(format!("The votes journal could not be read: {e}"));
                crate::file::journal::Recovered::default()
            }
            None => crate::file::journal::Recovered::default(),
        };
        // A live session was running: its room is taken up again when live voting starts.
        self.resume_room = self
            .recovery
            .as_ref()
            .and_then(|r| crate::live::hub::read_room(&r.room_file()));
        let mut doc = Document::new(card, original, "Recovered work");
        let refused = doc.apply_batch(journalled.votes.iter().map(|(e, w)| (e, w.as_str())));
        // The file on disk is the last save; the recovered work is not yet in it.
        doc.mark_dirty();
        self.state.doc = doc;
        self.charts.clear();
        self.document_replaced();
        let votes = journalled.votes.len() - refused.len();
        self.state.notes.info(if votes > 0 {
            format!(
                "Recovered unsaved work, with {votes} vote(s) from phones that arrived after \
                 the last autosave. Save it to keep it."
            )
        } else {
            "Recovered unsaved work. Save it to keep it.".to_owned()
        });
        if let Some(note) = crate::document::refusal_note(&refused) {
            self.state.notes.error(note);
        }
        for line in &journalled.skipped {
            self.state.notes.error(format!("Not recovered: {line}"));
        }
        if let Some(aside) = &journalled.set_aside {
            self.state.notes.error(format!(
                "A votes journal did not match the recovered work and was not applied; it is \
                 kept as {}.",
                aside.display()
            ));
        }
    }

    /// Save: to the current file, asking first if it changed on disk.
    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.state.doc.path.clone() {
            None => self.save_as(ctx),
            Some(path) if self.state.doc.changed_on_disk() => {
                self.state.modal = Some(Modal::ChangedOnDisk(path));
            }
            Some(path) => self.save_to(ctx, path),
        }
    }

    pub(super) fn save_as(&mut self, ctx: &egui::Context) {
        let name = match &self.state.doc.path {
            Some(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            None => Some(format!(
                "{}.ron",
                crate::model::ids::slug(&self.state.doc.card.title)
            )),
        }
        .unwrap_or_else(|| "scorecard.ron".to_owned());
        let folder = self.state.prefs.last_folder.clone();
        self.jobs.pick(ctx, PickPurpose::SaveAs, folder, name);
    }

    /// Saves to `path` on a background thread.
    pub fn save_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.state.saving = true;
        self.jobs.save(
            ctx,
            self.state.doc.card.clone(),
            path,
            self.state.doc.generation,
        );
    }

    /// Handles a finished background job.
    pub(super) fn job_done(&mut self, ctx: &egui::Context, done: Done) {
        match done {
            Done::Picked(_, None) => self.after_save = None,
            Done::NoDialog(purpose, folder, name) => {
                self.state.notes.info(
                    "No file dialog could be shown on this desktop (no desktop portal or zenity); choose the file in trh's own chooser.",
                );
                let folder = folder.or_else(|| self.state.prefs.last_folder.clone());
                self.state.modal = Some(Modal::ChoosePath {
                    purpose,
                    folder,
                    name,
                });
            }
            Done::Picked(PickPurpose::Open, Some(path)) => {
                self.jobs.load(ctx, LoadPurpose::Open, path);
            }
            Done::Picked(PickPurpose::SaveAs, Some(path)) => self.save_to(ctx, path),
            Done::Picked(PickPurpose::People, Some(path)) => {
                self.jobs.load(ctx, LoadPurpose::People, path);
            }
            Done::Picked(PickPurpose::Export(_), Some(path)) => self.export_to(ctx, path),
            Done::Picked(PickPurpose::Slope(format), Some(path)) => {
                self.slope_to(ctx, format, path);
            }
            Done::Picked(PickPurpose::Import, Some(path)) => self.read_table(ctx, path),
            Done::Picked(PickPurpose::Compare, Some(path)) => {
                self.jobs.load(ctx, LoadPurpose::Compare, path);
            }
            Done::Picked(PickPurpose::Evidence(slot), Some(path)) => {
                self.evidence_picked(slot, &path);
            }
            Done::Evidence(result) => self.evidence_read(*result),
            Done::Picked(
                p @ (PickPurpose::Rollup | PickPurpose::RollupExport(_) | PickPurpose::RollupAdd),
                Some(path),
            ) => self.rollup_picked(ctx, p, path),
            Done::PickedFiles(paths) => self.add_to_rollup(ctx, paths),
            Done::Rollup(done) => self.rolled_up(*done),
            Done::Exported(path, result) => self.exported(&path, result),
            Done::Table(path, result) => self.table_read(path, result),
            Done::Loaded(purpose, path, result) => self.loaded(purpose, path, *result),
            Done::Saved {
                path,
                generation,
                result,
            } => {
                self.state.saving = false;
                match result {
                    Ok(()) => {
                        self.state.notes.info(format!("Saved {}", path.display()));
                        self.state.prefs.used(&path);
                        self.state.doc.saved(path, generation);
                        // While live voting runs the recovery copy is the votes journal's base.
                        if !self.state.doc.is_dirty()
                            && self.live.is_none()
                            && let Some(r) = &self.recovery
                        {
                            r.clear();
                        }
                        if let Some(then) = self.after_save.take() {
                            self.proceed(ctx, then);
                        }
                    }
                    Err(e) => {
                        self.after_save = None;
                        self.state.notes.error(format!("Not saved: {e}"));
                        if e.blocked() {
                            self.state.modal = Some(Modal::NotWritten {
                                path,
                                message: e.to_string(),
                                retry: crate::state::modal::Retry::Save,
                            });
                        }
                    }
                }
            }
            Done::Autosaved(generation, result) => match result {
                Ok(()) => self.autosaved_generation = generation,
                Err(e) => self
                    .state
                    .notes
                    .error(format!("Recovery autosave failed: {e}")),
            },
        }
    }

    fn loaded(
        &mut self,
        purpose: LoadPurpose,
        path: PathBuf,
        result: Result<Scorecard, crate::file::FileError>,
    ) {
        let card = match result {
            Ok(card) => card,
            Err(_) if purpose == LoadPurpose::Open && self.opened_method(&path) => return,
            Err(e) => {
                self.state.notes.error(format!(
                    "Could not open {}; the open document is unchanged.\n{e}",
                    path.display()
                ));
                return;
            }
        };
        match purpose {
            LoadPurpose::People => self.reuse_people(&card, &path),
            LoadPurpose::Compare => self.compare_with(card, path),
            LoadPurpose::Open => {
                self.state.prefs.used(&path);
                self.state.notes.info(format!("Opened {}", path.display()));
                self.replace_document(Document::new(card, Some(path), ""));
            }
            LoadPurpose::Recover { original } => self.recovered(card, original),
        }
    }

    /// Adds the participants of another scorecard who are not here yet (same name and agency),
    /// as one undo step.
    pub fn reuse_people(&mut self, other: &Scorecard, path: &std::path::Path) {
        let mut added = 0;
        self.state.doc.end_merge();
        for p in &other.participants {
            let here = self
                .state
                .doc
                .card
                .participants
                .iter()
                .any(|q| q.name == p.name && q.agency == p.agency);
            if here {
                continue;
            }
            let id = fresh_participant_id(&self.state.doc.card, &p.name);
            let edit = crate::model::Edit::AddParticipant {
                participant: crate::model::scorecard::Participant {
                    id,
                    name: p.name.clone(),
                    agency: p.agency.clone(),
                    present: true,
                },
                at: self.state.doc.card.participants.len(),
            };
            // One undo step for them all (the merge key), through the one apply path.
            if self.apply_edit(&edit, Some("reuse-people")) {
                added += 1;
            }
        }
        self.state.doc.end_merge();
        self.state.notes.info(format!(
            "Added {added} participant(s) from {}",
            path.display()
        ));
    }

    /// A step of the open, save and export flows, answered in a dialog. Everything else a
    /// dialog answers is an action, applied as a panel's is.
    pub(super) fn file_step(&mut self, ctx: &egui::Context, step: FileStep) {
        match step {
            FileStep::SaveFirst(then) => {
                self.after_save = Some(then);
                self.save(ctx);
            }
            FileStep::DontSave(then) => self.proceed(ctx, then),
            FileStep::KeepEditing => self.after_save = None,
            FileStep::NewScorecard(id, carry) => self.guard(ctx, Then::New(id, carry)),
            FileStep::Overwrite(path) => self.save_to(ctx, path),
            FileStep::SaveElsewhere => self.save_as(ctx),
            FileStep::TryAgain(path, retry) => self.write_again(ctx, path, retry),
            FileStep::AnotherName(Retry::Save) => self.save_as(ctx),
            FileStep::AnotherName(Retry::Export(request)) => self.pick_export(ctx, *request),
            FileStep::Recover(found) => self.jobs.load(
                ctx,
                LoadPurpose::Recover {
                    original: found.original,
                },
                found.file,
            ),
            FileStep::StopLiveAndQuit => {
                self.stop_live(None);
                self.guard(ctx, Then::Quit);
            }
            FileStep::DiscardRecovery => {
                if let Some(r) = &self.recovery {
                    r.clear();
                }
            }
            FileStep::Chosen(purpose, path) => {
                self.job_done(ctx, Done::Picked(purpose, path.map(|p| purpose.finish(p))));
            }
        }
    }

    /// Stops the window closing while there are unsaved changes, and asks instead.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if let Some(live) = self.state.live.as_ref().filter(|_| !self.close_confirmed) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.modal = Some(Modal::QuitLive(live.claimed.len()));
        } else if self.state.doc.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.modal = Some(Modal::Unsaved(Then::Quit));
        } else if let Some(r) = &self.recovery {
            r.clear();
        }
    }

    /// Writes unsaved work to the recovery file every 30 s, on a background thread.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(recovery) = self.recovery.clone() else {
            return;
        };
        if !self.state.doc.is_dirty() || self.state.doc.generation == self.autosaved_generation {
            return;
        }
        if self.live.is_some() {
            // With the votes journal, the copy is written on this thread, in the journal's
            // order (`checkpoint`).
            let due = self.last_autosave + AUTOSAVE_EVERY;
            if Instant::now() >= due {
                self.checkpoint();
            } else {
                ctx.request_repaint_after(due - Instant::now());
            }
            return;
        }
        let due = self.last_autosave + AUTOSAVE_EVERY;
        let now = Instant::now();
        if now < due {
            // Sleep until then; no frames run in between.
            ctx.request_repaint_after(due - now);
            return;
        }
        self.last_autosave = now;
        let card = self.state.doc.card.clone();
        let original = self.state.doc.path.clone();
        let generation = self.state.doc.generation;
        self.jobs.spawn(ctx, move || {
            Done::Autosaved(generation, recovery.write(&card, original.as_deref(), None))
        });
    }

    /// Writes the recovery file now (used by tests and on demand).
    pub fn autosave_now(&mut self, ctx: &egui::Context) {
        self.last_autosave = Instant::now() - AUTOSAVE_EVERY;
        self.autosave(ctx);
    }
}
