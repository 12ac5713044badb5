//! Dialogs that need an answer before work goes on. The app holds at most one; `ui/dialogs.rs`
//! draws it and returns the [`Reply`].

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
    /// Start a new scorecard under this method.
    New(String),
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
    /// Start live voting: choose the network to listen on.
    StartLive(Vec<crate::live::net::Choice>),
    /// The keyboard shortcuts.
    Shortcuts,
    /// About trh.
    About,
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

/// The answer to a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Closed without choosing (Escape, Cancel, Close).
    Cancel,
    /// Unsaved: save first.
    Save,
    /// Unsaved: go on without saving.
    Discard,
    /// A method was chosen for a new scorecard.
    Method(String),
    /// Overwrite the changed file.
    Overwrite,
    /// Save elsewhere instead (or, for an export, choose another name).
    SaveAs,
    /// Try the same thing again.
    TryAgain,
    /// Remove the theme.
    Remove(ThemeId),
    /// Recover the work.
    Recover,
    /// Discard the recovered work.
    DiscardRecovery,
    /// The name typed.
    Name(String),
    /// The agreed value and its rationale.
    Agreed(Value, String),
    /// Clear the agreed value.
    ClearAgreed,
    /// The decision's rationale.
    Decided(String),
    /// A path chosen in trh's own file chooser.
    Path(PathBuf),
    /// Start live voting on this address and port, showing the evidence note or not.
    StartLive(std::net::SocketAddr, bool),
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
