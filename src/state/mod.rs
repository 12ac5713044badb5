//! What the panels read and change: the open document, view state, preferences,
//! notifications, the open dialog and the actions queued this frame. No frame loop, threads or
//! files here: the app (`src/app/`) owns a [`State`], hands it to the panels (`src/ui/`), and
//! applies the actions they queue. Imports run model ← state ← ui ← app
//! (`tests/suite/architecture.rs` keeps them so).

pub mod action;
pub mod command;
pub mod document;
pub mod live;
pub mod modal;
pub mod notify;
pub mod pick;
pub mod prefs;
pub mod robust;
pub mod view;
mod view_command;

pub use action::Action;
pub use command::Command;
pub use document::Document;

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
    pub robust: Option<std::sync::Arc<robust::Robustness>>,
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
            live: None,
            recent_commands: Vec::new(),
            robust: None,
            actions: Vec::new(),
        }
    }

    /// The stability figures if they are for the document as it is now.
    pub fn robust_now(&self) -> Option<&robust::Robustness> {
        self.robust
            .as_deref()
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
