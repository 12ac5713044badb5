//! The desktop app: the frame loop and everything with threads, files or a window. [`TrhApp`]
//! owns the [`State`] that panels read, hands it to `ui::frame_ui`, then applies the actions
//! the panels queued (`apply.rs`: every edit from the window reaches the document there, and
//! the document signs, logs and makes it undoable). `files.rs` and `exchange.rs` are the
//! open/save and export/import/compare flows, `live.rs` live voting (phones' votes go to the
//! document together, once a frame), `figures.rs` the stability figures on a thread after
//! each change, `jobs.rs` the background threads, `recovery.rs` the autosave, `native.rs` the
//! eframe window and `--screenshot`.

mod apply;
mod evidence;
mod exchange;
mod figures;
mod files;
pub mod jobs;
mod live;
mod methods;
pub mod native;
pub mod recovery;
mod rollup;

use std::path::PathBuf;
use std::time::Instant;

use jobs::Jobs;
use recovery::Recovery;

use crate::document::Document;
use crate::look::Look;
use crate::model::Scorecard;
use crate::state::Action;
use crate::state::State;
use crate::state::modal::{Modal, Reply, Then};
use crate::state::prefs::Prefs;
use crate::ui;
use crate::ui::chart_cache::ChartCache;

use crate::methods::{SAMPLE, SAMPLE_NAME};

/// What to show first.
#[derive(Clone, Debug)]
pub enum Start {
    /// The bundled sample.
    Sample,
    /// A scorecard already loaded from this file.
    Loaded(Box<Scorecard>, PathBuf),
    /// A scorecard not from a file (tests, benchmarks), shown under this name.
    Card(Box<Scorecard>, String),
}

/// How the app starts.
pub struct AppConfig {
    /// Preferences (from eframe storage, or given by a test).
    pub prefs: Prefs,
    /// Where unsaved work is autosaved; `None` turns recovery off.
    pub recovery: Option<Recovery>,
    /// The first document.
    pub start: Start,
    /// An error to show at once (e.g. the file named on the command line would not load).
    pub startup_error: Option<String>,
}

/// The app: its state, and what only the frame loop touches.
pub struct TrhApp {
    /// What the panels read: document, view, preferences, notifications, dialog.
    pub state: State,
    /// Chart textures.
    pub charts: ChartCache,
    /// Live voting, while it runs.
    live: Option<live::LiveControl>,
    /// The room of a live session that ended unexpectedly, taken up when live voting starts
    /// again (from recovered work).
    resume_room: Option<crate::live::hub::Room>,
    /// Background work.
    pub jobs: Jobs,
    /// The dialog drawn last frame.
    modal_shown: Option<Modal>,
    recovery: Option<Recovery>,
    last_autosave: Instant,
    autosaved_generation: u64,
    close_confirmed: bool,
    /// What to do after the save in progress succeeds.
    after_save: Option<Then>,
    title: String,
    applied_look: Option<(Look, f32)>,
    /// The export whose file dialog is open.
    pending_export: Option<crate::export::ExportRequest>,
    /// Rank stability and close calls being computed.
    figures: figures::FiguresJob,
    /// The newest roll-up version saved: an older job's save is skipped.
    rollup_saved: std::sync::Arc<std::sync::Mutex<u64>>,
}

impl TrhApp {
    /// Creates the app.
    pub fn new(config: AppConfig) -> Self {
        let doc = match config.start {
            Start::Sample => sample_document(),
            Start::Loaded(card, path) => Document::new(*card, Some(path), ""),
            Start::Card(card, name) => Document::new(*card, None, &name),
        };
        let mut app = Self {
            state: State::new(doc, config.prefs),
            charts: ChartCache::default(),
            jobs: Jobs::default(),
            rollup_saved: std::sync::Arc::default(),
            live: None,
            resume_room: None,
            modal_shown: None,
            recovery: config.recovery,
            last_autosave: Instant::now(),
            autosaved_generation: 0,
            close_confirmed: false,
            after_save: None,
            title: String::new(),
            applied_look: None,
            pending_export: None,
            figures: figures::FiguresJob::default(),
        };
        if let Some(e) = config.startup_error {
            app.state.notes.error(e);
        }
        if let Some(found) = app.recovery.as_ref().and_then(Recovery::find) {
            app.state.modal = Some(Modal::Recover(found));
        }
        app.document_replaced();
        app
    }

    /// Queues an action, applied after this frame's UI pass.
    pub fn push(&mut self, action: Action) {
        self.state.push(action);
    }

    /// Runs one frame: input, panels, dialogs, then the queued actions.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        for done in self.jobs.poll() {
            self.job_done(&ctx, done);
        }
        self.live_frame();
        self.figures_frame(&ctx);
        self.take_dropped_files(&ctx);
        self.state.busy = self.jobs.running;
        if self.state.modal.is_none() {
            ui::keys::handle(&ctx, &mut self.state);
        }
        ui::frame_ui(ui, &mut self.state, &mut self.charts);
        if let Some(modal) = self.state.modal.clone() {
            // The click that opened a dialog must not also close it as a click outside.
            let fresh = self.modal_shown.as_ref() != Some(&modal);
            self.modal_shown = Some(modal.clone());
            if let Some(reply) =
                ui::dialogs::modal_ui(&ctx, &modal, &self.state.doc, &self.state.prefs, fresh)
            {
                self.state.modal = None;
                self.modal_shown = None;
                match reply {
                    Reply::Closed => {}
                    Reply::Act(action) => self.apply(&ctx, *action),
                    Reply::File(step) => self.file_step(&ctx, step),
                }
            }
        }
        for action in self.state.take_actions() {
            self.apply(&ctx, action);
        }
        // What the actions changed reaches the phones now, not a frame later.
        self.live_frame();
        self.figures_frame(&ctx);
        self.handle_close_request(&ctx);
        self.update_title(&ctx);
        self.autosave(&ctx);
    }

    /// Resets view state that belonged to the previous document.
    fn document_replaced(&mut self) {
        self.figures.document_replaced();
        self.state.figures = None;
        self.stop_live(Some(
            "Live voting stopped: another scorecard is open. Start it again for this one.",
        ));
        if let Some(w) = crate::model::text::marking_warning(&self.state.doc.card.marking) {
            self.state
                .notes
                .warning(format!("{}: {w}", self.state.doc.display_name()));
        }
        self.state.view.selected = self.state.doc.card.themes.first().map(|t| t.id.clone());
        self.state.view.rename = None;
        self.state.view.factor_cursor = 0;
        self.autosaved_generation = self.state.doc.generation;
    }

    fn apply_look(&mut self, ctx: &egui::Context) {
        // Presenter mode always uses the projector look at 100%; the preference is kept.
        let want = if self.state.view.presenter.is_some() {
            (Look::Projector, 1.0)
        } else {
            (self.state.prefs.look, self.state.prefs.zoom)
        };
        if self.applied_look != Some(want) {
            ui::style::apply(ctx, want.0);
            ctx.set_zoom_factor(want.1);
            // trh's own zoom commands keep the preference in step; egui's would not.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.applied_look = Some(want);
        }
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.push(Action::OpenPath(path));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.state.doc.is_dirty() {
            "● "
        } else {
            ""
        };
        let title = format!("{dirty}{} — trh", self.state.doc.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }
}

/// The bundled sample as a document with no file.
pub fn sample_document() -> Document {
    // The sample is checked by the test suite; should it ever fail, start empty rather than panic.
    let card = crate::file::parse_scorecard(SAMPLE, std::path::Path::new(SAMPLE_NAME))
        .unwrap_or_else(|_| {
            let method =
                crate::methods::builtin(crate::methods::DEFAULT).unwrap_or_else(unreachable_method);
            Scorecard::new("Untitled", method)
        });
    Document::new(card, None, SAMPLE_NAME)
}

fn unreachable_method() -> crate::model::Method {
    // Every build embeds the default method and a test loads it.
    crate::file::parse_method(
        crate::methods::builtin_text(crate::methods::DEFAULT).unwrap_or_default(),
        std::path::Path::new("builtin"),
    )
    .unwrap_or_else(|e| panic!("the built-in default method is broken: {e}"))
}
