//! The desktop app. [`TrhApp::show`] runs one frame: panels draw from the document and its
//! one [`Ranking`](crate::model::Ranking) and push [`Action`]s; after the UI pass the app
//! applies them in one place (`actions.rs`), where undo, the change log and the dirty flag are
//! kept true. `native.rs` wraps it in an eframe window.

pub mod action;
mod actions;
pub mod command;
pub mod document;
mod exchange;
mod files;
pub mod jobs;
pub mod modal;
pub mod native;
pub mod notify;
pub mod prefs;
pub mod recovery;
pub mod view;

use std::path::PathBuf;
use std::time::Instant;

pub use action::Action;
pub use command::Command;
pub use document::Document;
use jobs::Jobs;
use modal::{Modal, Then};
use notify::Notifications;
use prefs::Prefs;
use recovery::Recovery;
use view::ViewState;

use crate::look::Look;
use crate::model::{Scorecard, ThemeId};
use crate::ui;
use crate::ui::charts_panel::ChartCache;

pub use crate::methods::{SAMPLE, SAMPLE_NAME};

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

/// The whole app state.
pub struct TrhApp {
    /// The open document.
    pub doc: Document,
    /// Preferences.
    pub prefs: Prefs,
    /// Selection, tab, filters.
    pub view: ViewState,
    /// Toasts and the session log.
    pub notes: Notifications,
    /// Chart textures.
    pub charts: ChartCache,
    /// The open dialog, if any.
    pub modal: Option<Modal>,
    /// Background work.
    pub jobs: Jobs,
    /// The dialog drawn last frame.
    modal_shown: Option<Modal>,
    recovery: Option<Recovery>,
    last_autosave: Instant,
    autosaved_generation: u64,
    actions: Vec<Action>,
    /// The commands run lately, newest last (a few, for the session log and tests).
    pub recent_commands: Vec<Command>,
    close_confirmed: bool,
    /// What to do after the save in progress succeeds.
    after_save: Option<Then>,
    saving: bool,
    title: String,
    applied_look: Option<(Look, f32)>,
    /// The export whose file dialog is open.
    pending_export: Option<crate::export::ExportRequest>,
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
            doc,
            prefs: config.prefs,
            view: ViewState::default(),
            notes: Notifications::default(),
            charts: ChartCache::default(),
            modal: None,
            jobs: Jobs::default(),
            modal_shown: None,
            recovery: config.recovery,
            last_autosave: Instant::now(),
            autosaved_generation: 0,
            actions: Vec::new(),
            recent_commands: Vec::new(),
            close_confirmed: false,
            after_save: None,
            saving: false,
            title: String::new(),
            applied_look: None,
            pending_export: None,
        };
        if let Some(e) = config.startup_error {
            app.notes.error(e);
        }
        if let Some(found) = app.recovery.as_ref().and_then(Recovery::find) {
            app.modal = Some(Modal::Recover(found));
        }
        app.document_replaced();
        app
    }

    /// Queues an action, applied after this frame's UI pass.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Runs one frame: input, panels, dialogs, then the queued actions.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        for done in self.jobs.poll() {
            self.job_done(&ctx, done);
        }
        self.take_dropped_files(&ctx);
        if self.modal.is_none() {
            ui::keys::handle(&ctx, self);
        }
        ui::frame_ui(ui, self);
        if let Some(modal) = self.modal.clone() {
            // The click that opened a dialog must not also close it as a click outside.
            let fresh = self.modal_shown.as_ref() != Some(&modal);
            self.modal_shown = Some(modal.clone());
            if let Some(reply) = ui::modals::modal_ui(&ctx, &modal, &self.doc, &self.prefs, fresh) {
                self.modal = None;
                self.modal_shown = None;
                self.modal_reply(&ctx, modal, reply);
            }
        }
        let actions = std::mem::take(&mut self.actions);
        for action in actions {
            self.apply(&ctx, action);
        }
        self.handle_close_request(&ctx);
        self.update_title(&ctx);
        self.autosave(&ctx);
    }

    /// The id of the selected theme, if it still exists.
    pub fn selected(&self) -> Option<&ThemeId> {
        self.view
            .selected
            .as_ref()
            .filter(|id| self.doc.card.theme(id).is_some())
    }

    /// Resets view state that belonged to the previous document.
    fn document_replaced(&mut self) {
        self.view.selected = self.doc.card.themes.first().map(|t| t.id.clone());
        self.view.rename = None;
        self.view.factor_cursor = 0;
        self.autosaved_generation = self.doc.generation;
    }

    fn apply_look(&mut self, ctx: &egui::Context) {
        // Presenter mode always uses the projector look at 100%; the preference is kept.
        let want = if self.view.presenter.is_some() {
            (Look::Projector, 1.0)
        } else {
            (self.prefs.look, self.prefs.zoom)
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
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{dirty}{} — trh", self.doc.display_name());
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

/// Now as ISO 8601 UTC text, for the change log and decisions.
pub fn timestamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    iso8601(secs)
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian, UTC).
pub fn iso8601(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates() {
        for (secs, want) in [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_795_996_799, "2026-11-29T23:59:59Z"),
        ] {
            assert_eq!(super::iso8601(secs), want);
        }
    }
}
