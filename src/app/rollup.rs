//! *File → Compare partnerships…*: the Partnerships tab's work. Scorecards are read (a folder,
//! a roll-up file, or files added one by one) and rolled up on background threads; a match or
//! split by hand changes the set at once and is rolled up again and saved in the roll-up file
//! in the background, so the next roll-up starts matched. Each change counts one version: the
//! result of an older job is dropped, and an older save never overwrites a newer one.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::TrhApp;
use super::jobs::Done;
use crate::file::rollup_file::{Rolled, RollupSet};
use crate::state::action::RollupAction;
use crate::state::pick::PickPurpose;
use crate::state::view::{RollupView, Tab};

/// Saves the set unless a newer version has been saved already (`saved` is the newest).
fn save_in_order(
    set: &RollupSet,
    version: u64,
    saved: &Mutex<u64>,
) -> Option<Result<PathBuf, String>> {
    if set.cards.len() < 2 {
        return None;
    }
    let mut newest = saved
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if *newest > version {
        return None;
    }
    *newest = version;
    Some(
        set.save()
            .map(|()| set.file.clone())
            .map_err(|e| e.to_string()),
    )
}

impl TrhApp {
    /// *File → Compare partnerships…*: the Partnerships tab, which offers a folder or files
    /// when nothing is rolled up yet.
    pub(super) fn compare_areas(&mut self, ctx: &egui::Context) {
        self.state.view.tab = Tab::Rollup;
        ctx.request_repaint();
    }

    /// Does what the Partnerships tab asked.
    pub(super) fn rollup_action(&mut self, ctx: &egui::Context, action: RollupAction) {
        let folder = self.state.prefs.last_folder.clone();
        match action {
            RollupAction::Export(format) => {
                let name = format!("partnerships.{}", format.extension());
                self.jobs
                    .pick(ctx, PickPurpose::RollupExport(format), folder, name);
            }
            RollupAction::ChooseFolder => {
                self.jobs
                    .pick(ctx, PickPurpose::Rollup, folder, String::new());
            }
            RollupAction::AddFiles => {
                self.jobs
                    .pick(ctx, PickPurpose::RollupAdd, folder, String::new());
            }
            RollupAction::Join(places) => self.rehand(ctx, |s| s.hand.join(&places)),
            RollupAction::Split(place) => self.rehand(ctx, |s| s.hand.split(place)),
            RollupAction::Remove(p) => self.rehand(ctx, |s| s.remove(p)),
        }
    }

    /// A folder, a file to add, or where to save the roll-up, chosen.
    pub(super) fn rollup_picked(&mut self, ctx: &egui::Context, p: PickPurpose, path: PathBuf) {
        match p {
            PickPurpose::RollupExport(format) => self.rollup_to(ctx, format, path),
            PickPurpose::RollupAdd => self.add_to_rollup(ctx, vec![path]),
            _ => self.read_rollup(ctx, path),
        }
    }

    /// The next version of the roll-up, marked as reading.
    fn next_version(&mut self, reading: bool) -> u64 {
        let jobs = &mut self.state.view.rollup_jobs;
        jobs.0 += 1;
        jobs.1 = reading;
        jobs.0
    }

    /// Reads and rolls up the scorecards of a folder (or a roll-up file) in the background.
    pub(super) fn read_rollup(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.state
            .notes
            .info(format!("Reading the scorecards in {}…", path.display()));
        let version = self.next_version(true);
        self.jobs.spawn(ctx, move || {
            let (set, rollup) = match RollupSet::read(&path) {
                Ok(set) => {
                    let r = set.rollup();
                    (Some(set), Ok(r))
                }
                Err(e) => (None, Err(e)),
            };
            Done::Rollup(Box::new(Rolled {
                version,
                set,
                rollup,
                saved: None,
            }))
        });
    }

    /// Reads scorecards and adds them to the roll-up (a roll-up file chosen alone is opened
    /// instead), then rolls up and saves the roll-up file, in the background.
    pub(super) fn add_to_rollup(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        if let [one] = paths.as_slice()
            && one.to_string_lossy().ends_with(".rollup.ron")
        {
            return self.read_rollup(ctx, one.clone());
        }
        let base = self.state.view.rollup.as_ref().map(|v| v.set.clone());
        let version = self.next_version(true);
        let saved_version = Arc::clone(&self.rollup_saved);
        self.jobs.spawn(ctx, move || {
            let mut set = base;
            for (path, loaded) in paths.iter().zip(crate::file::load_scorecards(&paths)) {
                let added = loaded
                    .map_err(|e| e.to_string())
                    .and_then(|card| match &mut set {
                        Some(s) => s.add(path, card),
                        None => {
                            set = Some(RollupSet::starting_with(path, card));
                            Ok(())
                        }
                    });
                if let (Err(e), Some(s)) = (added, &mut set) {
                    s.left_out.push(format!("{}: {e}", path.display()));
                }
            }
            let Some(set) = set else {
                return Done::Rollup(Box::new(Rolled {
                    version,
                    set: None,
                    rollup: Err(format!("{} could not be read", paths[0].display())),
                    saved: None,
                }));
            };
            let saved = save_in_order(&set, version, &saved_version);
            Done::Rollup(Box::new(Rolled {
                version,
                rollup: Ok(set.rollup()),
                set: Some(set),
                saved,
            }))
        });
    }

    /// Changes the scorecards or hand matches at once, then rolls up again and saves the
    /// roll-up file in the background.
    fn rehand(&mut self, ctx: &egui::Context, change: impl FnOnce(&mut RollupSet)) {
        if self.state.view.rollup_jobs.1 {
            self.state
                .notes
                .info("Scorecards are still being read: try again in a moment.");
            return;
        }
        let Some(view) = &mut self.state.view.rollup else {
            return;
        };
        change(&mut view.set);
        view.selected = None;
        let set = view.set.clone();
        let version = self.next_version(false);
        let saved_version = Arc::clone(&self.rollup_saved);
        self.jobs.spawn(ctx, move || {
            let saved = save_in_order(&set, version, &saved_version);
            Done::Rollup(Box::new(Rolled {
                version,
                set: None,
                rollup: Ok(set.rollup()),
                saved,
            }))
        });
    }

    /// Shows a finished roll-up job's result, unless a newer change has been made since.
    pub(super) fn rolled_up(&mut self, done: Rolled) {
        if let Some(Err(e)) = &done.saved {
            self.state
                .notes
                .error(format!("The roll-up's matches could not be saved: {e}"));
        }
        if done.version != self.state.view.rollup_jobs.0 {
            return;
        }
        self.state.view.rollup_jobs.1 = false;
        let rollup = match done.rollup {
            Ok(r) => r,
            Err(e) => {
                return self
                    .state
                    .notes
                    .error(format!("Could not compare partnerships: {e}"));
            }
        };
        if let Some(Ok(path)) = &done.saved {
            self.state.notes.info(format!(
                "Saved the roll-up's scorecards and matches in {}",
                path.display()
            ));
        }
        let view = self
            .state
            .view
            .rollup
            .get_or_insert_with(RollupView::default);
        if let Some(set) = done.set {
            for l in set
                .left_out
                .iter()
                .filter(|l| !view.set.left_out.contains(l))
            {
                self.state
                    .notes
                    .warning(format!("Left out of the roll-up: {l}"));
            }
            view.set = set;
            view.selected = None;
        }
        view.rollup = rollup.map(Arc::new);
        view.generation += 1;
        self.state.view.tab = Tab::Rollup;
    }

    /// Writes the roll-up on show in the background (HTML, workbook, CSV or Markdown).
    pub(super) fn rollup_to(
        &mut self,
        ctx: &egui::Context,
        format: crate::export::ExportFormat,
        path: PathBuf,
    ) {
        let Some(r) = self
            .state
            .view
            .rollup
            .as_ref()
            .and_then(|v| v.rollup.clone())
        else {
            return;
        };
        self.jobs.spawn(ctx, move || {
            use crate::export::ExportFormat as F;
            use crate::report::rollup::{RollupFormat, render};
            let bytes: Result<Vec<u8>, String> = match format {
                F::Html => crate::export::rollup::html(&r)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string()),
                F::Xlsx => crate::export::rollup::workbook(&r).map_err(|e| e.to_string()),
                F::Md => render(&r, None, RollupFormat::Md)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string()),
                F::Png | F::Svg => {
                    crate::export::rollup::chart(&r, format, 1600).map_err(|e| e.to_string())
                }
                // The roll-up offers HTML, workbook, CSV and Markdown only.
                F::Pdf => {
                    Err("the roll-up is not made as a PDF: save the report and print it".into())
                }
                F::Csv => render(&r, None, RollupFormat::Csv)
                    .map(|t| format!("\u{feff}{t}").into_bytes())
                    .map_err(|e| e.to_string()),
            };
            let result = bytes.map_err(|e| (e, false)).and_then(|bytes| {
                crate::export::write(&path, &bytes)
                    .map(|()| bytes.len())
                    .map_err(|e| (e.to_string(), e.blocked()))
            });
            Done::Exported(
                path,
                super::jobs::Written {
                    request: None,
                    result,
                },
            )
        });
    }
}
