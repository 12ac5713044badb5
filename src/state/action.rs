//! What panels ask for. Panels push actions; the app applies them after the UI pass.

use std::path::PathBuf;

use super::command::Command;
use super::modal::Modal;
use crate::model::{Edit, ThemeId};

/// One request from the UI.
// A frame queues a handful of actions, so the size of the edit variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Run a command (menu item or shortcut).
    Command(Command),
    /// Apply an edit. Edits with the same `merge` key in a row are one undo step (a drag).
    Edit {
        /// The edit.
        edit: Edit,
        /// Merge key, for drags.
        merge: Option<String>,
    },
    /// A drag ended: the next edit starts a new undo step.
    EndMerge,
    /// Select a theme (and show it in the list).
    Select(ThemeId),
    /// Open a file (dropped on the window or chosen from recent files).
    OpenPath(PathBuf),
    /// Open a dialog.
    Dialog(Modal),
    /// Export: choose where, then write the file in the background.
    Export(crate::export::ExportRequest),
    /// Bring spreadsheet rows in as one edit, and remember the column mapping.
    Import {
        /// The edit (an `Edit::Import`).
        edit: Edit,
        /// Headings and what they were imported as.
        remember: crate::import::Remembered,
    },
    /// The user's name for the change log.
    SetName(String),
    /// Save the slope chart of the comparison as PNG or SVG.
    ExportSlope(crate::export::ExportFormat),
    /// Stop reading the spreadsheet being read for import.
    CancelRead,
    /// Something for live voting.
    Live(super::live::LiveAction),
    /// Read the partnership's data as the form asks, in the background.
    ReadEvidence(crate::import::evidence::EvidenceRequest),
    /// Choose a file (or folder) for a field of the evidence dialog.
    PickEvidence(super::evidence::Slot),
    /// Something for the roll-up of partnerships.
    Rollup(RollupAction),
}

/// What the Partnerships tab asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RollupAction {
    /// Save the roll-up on show as HTML, a workbook, CSV or Markdown.
    Export(crate::export::ExportFormat),
    /// Choose a folder of scorecards (or a roll-up file) to roll up.
    ChooseFolder,
    /// Choose scorecards to add (or a roll-up file to open).
    AddFiles,
    /// Make these themes one row: (partnership, theme index) each.
    Join(Vec<crate::model::rollup::matching::Place>),
    /// Split this theme off its row.
    Split(crate::model::rollup::matching::Place),
    /// Take this partnership out of the roll-up.
    Remove(usize),
}

impl Action {
    /// An edit that is its own undo step.
    pub fn edit(edit: Edit) -> Self {
        Self::Edit { edit, merge: None }
    }
}
