//! Work that must not block the UI thread: file dialogs, loading, saving and the recovery
//! autosave each run on their own thread and report back through a channel. The thread asks
//! egui to repaint when it is done, so an idle app stays asleep until then.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::file::FileError;
use crate::model::Scorecard;
use crate::state::pick::{PickPurpose, with_extension, with_ron_extension};

/// Why a file is being loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadPurpose {
    /// The user opened it.
    Open,
    /// Unsaved work recovered from an autosave; `original` is the file it belonged to.
    Recover {
        /// The document's own file, if it had one.
        original: Option<PathBuf>,
    },
    /// Another scorecard whose participants and agencies are reused.
    People,
    /// Last year's scorecard, to compare with.
    Compare,
}

/// A finished piece of background work.
#[derive(Debug)]
pub enum Done {
    /// A file dialog closed; `None` when cancelled.
    Picked(PickPurpose, Option<PathBuf>),
    /// No native file dialog could be shown (no desktop portal, no zenity): trh's own
    /// chooser opens in the folder, with the suggested name.
    NoDialog(PickPurpose, Option<PathBuf>, String),
    /// A scorecard was read.
    Loaded(LoadPurpose, PathBuf, Box<Result<Scorecard, FileError>>),
    /// A save finished; `generation` is the document generation that was written.
    Saved {
        /// Where.
        path: PathBuf,
        /// Which generation of the document.
        generation: u64,
        /// Success or the error.
        result: Result<(), FileError>,
    },
    /// The recovery autosave finished.
    Autosaved(u64, Result<(), String>),
    /// An export was written (its size in bytes) or failed.
    Exported(PathBuf, Written),
    /// A spreadsheet was read for import.
    Table(PathBuf, Result<crate::import::Table, String>),
    /// The partnership's data was read.
    Evidence(Box<Result<crate::model::evidence::Evidence, String>>),
    /// Scorecards chosen to add to the roll-up (a native dialog can choose several).
    PickedFiles(Vec<PathBuf>),
    /// A roll-up job finished.
    Rollup(Box<crate::file::rollup_file::Rolled>),
}

/// Runs jobs on threads and collects their results.
pub struct Jobs {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// Jobs started and not yet collected.
    pub running: usize,
    /// Answer every file dialog with this path instead of showing one (tests use this).
    pub fixed_pick: Option<PathBuf>,
    /// Whether a native file dialog can be tried here; when not, trh's own chooser is used.
    pub native_dialogs: bool,
}

/// Whether this desktop can show a native file dialog: rfd asks the desktop portal over the
/// session bus and falls back to zenity. With neither, it returns at once with nothing.
pub fn native_dialogs_possible() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()));
    bus || zenity
}

/// A dialog that closes with nothing sooner than this was never shown: nobody cancels a
/// file dialog that fast.
const NOT_SHOWN: std::time::Duration = std::time::Duration::from_millis(400);

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            running: 0,
            fixed_pick: None,
            native_dialogs: native_dialogs_possible(),
        }
    }
}

impl Jobs {
    /// Runs `work` on a new thread; its result arrives through [`Jobs::poll`].
    pub fn spawn(&mut self, ctx: &egui::Context, work: impl FnOnce() -> Done + Send + 'static) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        self.running += 1;
        std::thread::spawn(move || {
            // The receiver lives as long as the app; if it is gone the result is moot.
            let _ = tx.send(work());
            ctx.request_repaint();
        });
    }

    /// Results that have arrived since the last call.
    pub fn poll(&mut self) -> Vec<Done> {
        let done: Vec<Done> = self.rx.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }

    /// Shows a file dialog on its own thread.
    pub fn pick(
        &mut self,
        ctx: &egui::Context,
        purpose: PickPurpose,
        folder: Option<PathBuf>,
        name: String,
    ) {
        if let Some(path) = self.fixed_pick.clone() {
            self.spawn(ctx, move || Done::Picked(purpose, Some(path)));
            return;
        }
        if !self.native_dialogs {
            self.spawn(ctx, move || Done::NoDialog(purpose, folder, name));
            return;
        }
        self.spawn(ctx, move || {
            let started = std::time::Instant::now();
            let fallback = (folder.clone(), name.clone());
            let mut dialog = match purpose {
                PickPurpose::Export(f) | PickPurpose::Slope(f) | PickPurpose::RollupExport(f) => {
                    rfd::FileDialog::new().add_filter(f.describe(), &[f.extension()])
                }
                PickPurpose::Import => rfd::FileDialog::new()
                    .add_filter("Spreadsheet", &["csv", "xlsx", "xlsm", "xls", "ods"]),
                PickPurpose::Evidence(slot) if !slot.extensions().is_empty() => {
                    rfd::FileDialog::new().add_filter(slot.title(), slot.extensions())
                }
                PickPurpose::Evidence(_) | PickPurpose::Rollup => rfd::FileDialog::new(),
                PickPurpose::RollupAdd => {
                    rfd::FileDialog::new().add_filter("trh scorecard or roll-up file", &["ron"])
                }
                _ => rfd::FileDialog::new().add_filter("trh scorecard", &["ron"]),
            };
            if let Some(dir) = folder {
                dialog = dialog.set_directory(dir);
            }
            let path = match purpose {
                PickPurpose::Export(f) | PickPurpose::Slope(f) | PickPurpose::RollupExport(f) => {
                    dialog
                        .set_title("Export")
                        .set_file_name(name)
                        .save_file()
                        .map(|p| with_extension(p, f.extension()))
                }
                PickPurpose::Import => dialog.set_title("Import a spreadsheet").pick_file(),
                PickPurpose::Evidence(crate::state::evidence::Slot::PoliceFolder) => {
                    dialog.set_title(purpose.title()).pick_folder()
                }
                PickPurpose::Evidence(_) => dialog.set_title(purpose.title()).pick_file(),
                PickPurpose::Rollup => dialog.set_title(purpose.title()).pick_folder(),
                PickPurpose::RollupAdd => {
                    let files = dialog.set_title(purpose.title()).pick_files();
                    if files.is_none() && started.elapsed() < NOT_SHOWN {
                        return Done::NoDialog(purpose, fallback.0, fallback.1);
                    }
                    return files.map_or(Done::Picked(purpose, None), Done::PickedFiles);
                }
                PickPurpose::Compare => dialog
                    .set_title("Compare with last year's scorecard")
                    .pick_file(),
                PickPurpose::Open => dialog.set_title("Open scorecard").pick_file(),
                PickPurpose::People => dialog
                    .set_title("Reuse the participants of a scorecard")
                    .pick_file(),
                PickPurpose::SaveAs => dialog
                    .set_title("Save scorecard as")
                    .set_file_name(name)
                    .save_file()
                    .map(with_ron_extension),
            };
            if path.is_none() && started.elapsed() < NOT_SHOWN {
                return Done::NoDialog(purpose, fallback.0, fallback.1);
            }
            Done::Picked(purpose, path)
        });
    }

    /// Loads a scorecard on its own thread.
    pub fn load(&mut self, ctx: &egui::Context, purpose: LoadPurpose, path: PathBuf) {
        self.spawn(ctx, move || {
            let result = crate::file::load_scorecard(&path);
            // Saves of this file killed midway left temporary files beside it: remove them.
            if result.is_ok()
                && let Some(dir) = path.parent()
            {
                crate::file::save::clean_temporaries(dir);
            }
            Done::Loaded(purpose, path, Box::new(result))
        });
    }

    /// Saves a copy of the scorecard on its own thread.
    pub fn save(&mut self, ctx: &egui::Context, card: Scorecard, path: PathBuf, generation: u64) {
        self.spawn(ctx, move || {
            let result = crate::file::save::save_scorecard(&card, &path);
            Done::Saved {
                path,
                generation,
                result,
            }
        });
    }
}

/// An export's outcome: the request (kept, so that it can be tried again) and the bytes
/// written, or the message and whether the file was blocked (read-only, or open in Excel).
#[derive(Debug)]
pub struct Written {
    /// What was asked for (none for the year-on-year slope chart, which has no dialog).
    pub request: Option<Box<crate::export::ExportRequest>>,
    /// The size written, or why not and whether trying again or another name may work.
    pub result: Result<usize, (String, bool)>,
}
