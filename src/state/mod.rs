//! What the panels read and change: the open document, view state, preferences,
//! notifications, the open dialog and the actions queued this frame. No frame loop, threads or
//! files here: the app (`src/app/`) owns a [`State`], hands it to the panels (`src/ui/`), and
//! applies the actions they queue. Imports run model ← document ← state ← ui ← app
//! (`tests/suite/architecture.rs` keeps them so).

pub mod action;
pub mod command;
pub mod evidence;
pub mod live;
pub mod modal;
pub mod notify;
pub mod pick;
pub mod prefs;
pub mod view;
mod view_command;

use crate::document::Document;
pub use action::Action;
pub use command::Command;

use crate::model::ThemeId;
use modal::Modal;
use notify::Notifications;
use prefs::Prefs;
use view::ViewState;

/// How many recent commands are remembered.
const RECENT_COMMANDS: usize = 16;

/// The state a frame's panels draw from.
pub struct State {
    /// The open document.
    pub doc: Document,
    /// Preferences.
    pub prefs: Prefs,
    /// Selection, tab, filters.
    pub view: ViewState,
    /// Toasts and the session log.
    pub notes: Notifications,
    /// The open dialog, if any.
    pub modal: Option<Modal>,
    /// True while a save is being written.
    pub saving: bool,
    /// How many background jobs are running.
    pub busy: usize,
    /// A spreadsheet being read for import: its name and how far the read has got.
    pub reading: Option<(String, std::sync::Arc<crate::import::table::Progress>)>,
    /// Live voting, while it runs.
    pub live: Option<live::LiveView>,
    /// The commands run lately, newest last (for the session log and tests).
    pub recent_commands: Vec<Command>,
    /// Rank stability and close calls, for the latest generation computed (may lag the
    /// document by one change while the next is computed).
    pub figures: Option<std::sync::Arc<crate::document::Figures>>,
    /// The evidence table's rows, kept for the document's generation.
    pub evidence_rows: evidence::EvidenceRows,
    /// Actions queued this frame, applied after the UI pass.
    actions: Vec<Action>,
}

impl State {
    /// State for a document.
    pub fn new(doc: Document, prefs: Prefs) -> Self {
        Self {
            doc,
            prefs,
            view: ViewState::default(),
            notes: Notifications::default(),
            modal: None,
            saving: false,
            busy: 0,
            reading: None,
            evidence_rows: evidence::EvidenceRows::default(),
            live: None,
            recent_commands: Vec::new(),
            figures: None,
            actions: Vec::new(),
        }
    }

    /// The stability figures if they are for the document as it is now.
    pub fn figures_now(&self) -> Option<&std::sync::Arc<crate::document::Figures>> {
        self.figures
            .as_ref()
            .filter(|r| r.generation == self.doc.generation)
    }

    /// Queues an action, applied after this frame's UI pass.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// The actions queued so far, emptying the queue.
    pub fn take_actions(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.actions)
    }

    /// Remembers a command that ran.
    pub fn ran(&mut self, command: Command) {
        self.recent_commands.push(command);
        if self.recent_commands.len() > RECENT_COMMANDS {
            self.recent_commands.remove(0);
        }
    }

    /// The id of the selected theme, if it still exists.
    pub fn selected(&self) -> Option<&ThemeId> {
        self.view
            .selected
            .as_ref()
            .filter(|id| self.doc.card.theme(id).is_some())
    }

    /// The position of the selected theme in the list.
    pub fn selected_index(&self) -> Option<usize> {
        let id = self.selected()?;
        self.doc.card.themes.iter().position(|t| &t.id == id)
    }

    /// Whether a command can run now (menus grey it out otherwise).
    pub fn enabled(&self, command: Command) -> bool {
        match command {
            Command::Undo => self.doc.can_undo(),
            Command::Redo => self.doc.can_redo(),
            Command::RemoveTheme | Command::RenameTheme | Command::EditNote => {
                self.selected().is_some()
            }
            Command::MoveThemeUp => self.selected_index().is_some_and(|i| i > 0),
            Command::MoveThemeDown => self
                .selected_index()
                .is_some_and(|i| i + 1 < self.doc.card.themes.len()),
            Command::Save | Command::SaveAs => !self.saving,
            Command::StartLive => self.live.is_none(),
            Command::StopLive => self.live.is_some(),
            Command::AcceptAllData => !self.doc.card.evidence.is_empty(),
            _ => true,
        }
    }

    /// The name that signs changes: the one the user gave, else their login name. Nothing is
    /// held back to ask for it: a prompt that pops up mid-task takes the keys typed for the task.
    pub fn signer(&self) -> String {
        self.prefs
            .user_name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .or_else(login_name)
            .unwrap_or_else(|| "unnamed".to_owned())
    }
}

fn login_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|n| n.trim().to_owned())
        .find(|n| !n.is_empty())
}
