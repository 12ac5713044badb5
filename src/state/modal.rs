//! Dialogs that need an answer before work goes on. The app holds at most one; `ui/dialogs.rs`
//! draws it and returns the [`Reply`]: an action, as a panel queues, or a step of a file flow.

use std::path::PathBuf;
use std::time::SystemTime;

use crate::model::{FactorId, ThemeId, Value};

/// What to do once unsaved changes have been dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    /// Show the open dialog.
    PickOpen,
    /// Open this file.
    Open(PathBuf),
    /// Start a new scorecard under this method (an id or a method file), carrying the open
    /// scorecard's themes when true.
    New(String, bool),
    /// Close the window.
    Quit,
}

/// An open dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// "Save changes to X?" before `then`.
    Unsaved(Then),
    /// Choose the method of a new scorecard.
    ChooseMethod,
    /// The file changed on disk since it was opened; overwrite?
    ChangedOnDisk(PathBuf),
    /// Confirm removing a theme.
    RemoveTheme(ThemeId),
    /// Unsaved work from an earlier run was found.
    Recover(RecoveryFile),
    /// Ask the user's name for the change log.
    AskName(String),
    /// Agree a factor's value for a theme, with a rationale.
    Agree {
        /// Theme.
        theme: ThemeId,
        /// Factor.
        factor: FactorId,
        /// The value offered first: the current agreed value, else the round's median.
        suggested: Option<Value>,
    },
    /// Record a decision that departs from the suggested one: a rationale is required.
    Decide {
        /// Theme.
        theme: ThemeId,
        /// The decision.
        kind: crate::model::DecisionKind,
    },
    /// trh's own file chooser, when no native dialog can be shown.
    ChoosePath {
        /// What the file is for.
        purpose: crate::state::pick::PickPurpose,
        /// The folder to start in.
        folder: Option<PathBuf>,
        /// The suggested file name (for files to write).
        name: String,
    },
    /// A file could not be written because it is read-only or open in another program (on
    /// Windows, Excel locks the workbook or CSV it shows): try again, or another name.
    NotWritten {
        /// The file.
        path: PathBuf,
        /// What went wrong, in words.
        message: String,
        /// What to do again.
        retry: Retry,
    },
    /// Start live voting: choose the network to listen on; the line says which theme will
    /// open on phones.
    StartLive(Vec<crate::live::net::Choice>, String),
    /// The keyboard shortcuts.
    Shortcuts,
    /// About trh.
    About,
    /// Closing trh while live voting runs, with this many phones joined.
    QuitLive(usize),
}

/// What a [`Modal::NotWritten`] dialog would do again. Nothing is lost meanwhile: the
/// document stays open and unchanged, and the export's choices are kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Retry {
    /// Save the scorecard.
    Save,
    /// Write this export.
    Export(Box<crate::export::ExportRequest>),
}

/// The answer to a dialog. Dialogs speak as panels do: what a panel would queue is an
/// [`Action`](crate::state::Action); only the steps of the open, save and export flows go to
/// the app's file flows, each carrying what it needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Closed with nothing more to do (Escape, Cancel, Close).
    Closed,
    /// An edit, the user's name, starting live voting: applied as a panel's action.
    Act(Box<crate::state::Action>),
    /// A step of a file flow.
    File(FileStep),
}

/// A step of the open, save and export flows, answered in a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum FileStep {
    /// Unsaved changes: save, then do this.
    SaveFirst(Then),
    /// Unsaved changes: do this without saving.
    DontSave(Then),
    /// Unsaved changes: do nothing after all (and nothing after a save).
    KeepEditing,
    /// A new scorecard under this method, carrying the open one's themes when true.
    NewScorecard(String, bool),
    /// Overwrite the file changed on disk.
    Overwrite(PathBuf),
    /// Save the scorecard elsewhere instead.
    SaveElsewhere,
    /// Write the file again.
    TryAgain(PathBuf, Retry),
    /// Write it under another name.
    AnotherName(Retry),
    /// Recover the work.
    Recover(RecoveryFile),
    /// Discard the recovered work.
    DiscardRecovery,
    /// trh's own file chooser: the path chosen for this purpose, or none.
    Chosen(crate::state::pick::PickPurpose, Option<PathBuf>),
    /// Stop live voting (every phone loses access), then close trh.
    StopLiveAndQuit,
}

/// A recovery file found at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryFile {
    /// The recovery scorecard.
    pub file: PathBuf,
    /// The file the work belonged to, if it had one.
    pub original: Option<PathBuf>,
    /// When it was written.
    pub written: Option<SystemTime>,
}
