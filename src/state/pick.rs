//! What a file chooser is for: open, save as, export, import, compare, ... and what follows
//! from that (the title, the file endings, the extension a written file gets).

use std::path::PathBuf;

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    /// Open a scorecard.
    Open,
    /// Choose where to save the scorecard.
    SaveAs,
    /// Choose a scorecard whose participants to reuse.
    People,
    /// Choose where to write an export.
    Export(crate::export::ExportFormat),
    /// Choose a spreadsheet to import.
    Import,
    /// Choose last year's scorecard.
    Compare,
    /// Choose where to write the slope chart.
    Slope(crate::export::ExportFormat),
    /// Choose a file or folder of the partnership's data.
    Evidence(super::evidence::Slot),
    /// Choose a folder of partnerships' scorecards, or a roll-up file.
    Rollup,
    /// Choose where to write the roll-up (HTML, workbook, CSV or Markdown).
    RollupExport(crate::export::ExportFormat),
    /// Choose scorecards to add to the roll-up, or a roll-up file.
    RollupAdd,
}

impl PickPurpose {
    /// True when the file is to be written (so it need not exist yet).
    pub fn saves(self) -> bool {
        matches!(
            self,
            Self::SaveAs | Self::Export(_) | Self::Slope(_) | Self::RollupExport(_)
        )
    }

    /// True when a folder is chosen, not a file.
    pub fn picks_folder(self) -> bool {
        matches!(
            self,
            Self::Rollup | Self::Evidence(super::evidence::Slot::PoliceFolder)
        )
    }

    /// The file endings offered.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Export(f) | Self::Slope(f) | Self::RollupExport(f) => f.extensions(),
            Self::Import => &["csv", "xlsx", "xlsm", "xls", "ods"],
            Self::Evidence(slot) => slot.extensions(),
            Self::Rollup => &[],
            _ => &["ron"],
        }
    }

    /// A title for the dialog.
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => "Open scorecard",
            Self::SaveAs => "Save scorecard as",
            Self::People => "Reuse the participants of a scorecard",
            Self::Export(_) => "Export",
            Self::Import => "Import a spreadsheet",
            Self::Compare => "Compare with last year's scorecard",
            Self::Slope(_) => "Save the slope chart",
            Self::RollupExport(_) => "Save the roll-up",
            Self::Evidence(slot) => slot.title(),
            Self::Rollup => "A folder of partnerships' scorecards",
            Self::RollupAdd => "Scorecards to add (or a roll-up file)",
        }
    }

    /// A chosen path as it will be used: a file to write gets its extension.
    pub fn finish(self, path: PathBuf) -> PathBuf {
        match self {
            Self::Export(f) | Self::Slope(f) | Self::RollupExport(f) => {
                with_extension(path, f.extension())
            }
            Self::SaveAs => with_ron_extension(path),
            _ => path,
        }
    }
}

/// Adds `.ron` to a chosen save path that has no extension.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    with_extension(path, "ron")
}

/// Adds `ext` to a chosen save path that has no extension.
pub fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(ext)
    } else {
        path
    }
}
