//! Every command of the app. Each knows its label, tooltip, menu and keyboard shortcut; the
//! menus, the shortcut handling and the UI tests all read this one list.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new scorecard under a chosen method.
    New,
    /// Open a scorecard file.
    Open,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Export the ranking, a workbook, a report or a chart.
    Export,
    /// Bring themes in from a spreadsheet.
    Import,
    /// Read the partnership's data (police.uk, counts tables, survey) as evidence.
    ImportEvidence,
    /// Put several partnerships' scorecards side by side.
    CompareAreas,
    /// The scorecard's title, area, period, author, marking and notes.
    Details,
    /// The method the scorecard is scored under, in full.
    ShowMethod,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Add a theme.
    AddTheme,
    /// Rename the selected theme.
    RenameTheme,
    /// Move the selected theme up the list.
    MoveThemeUp,
    /// Move the selected theme down the list.
    MoveThemeDown,
    /// Remove the selected theme.
    RemoveTheme,
    /// Edit the note of the keyboard's factor.
    EditNote,
    /// Accept every level the data suggests as the draft (one undo step).
    AcceptAllData,
    /// Show the theme scorecard.
    ShowScorecard,
    /// Show the ranking board.
    ShowRanking,
    /// Show the charts.
    ShowCharts,
    /// Show the workshop (participants, votes, agreeing).
    ShowWorkshop,
    /// Show the evidence table.
    ShowEvidence,
    /// Compare with last year's scorecard.
    Compare,
    /// Reveal or hide the votes in the workshop grid.
    RevealVotes,
    /// Start the next round of votes.
    NextRound,
    /// Presenter mode on or off.
    Presenter,
    /// Add the participants of another scorecard.
    ReusePeople,
    /// Start live voting from phones (asks which network).
    StartLive,
    /// Stop live voting: the server ends and every device loses access.
    StopLive,
    /// Light look.
    LookLight,
    /// Dark look.
    LookDark,
    /// High-contrast projector look with large text.
    LookProjector,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Reset zoom.
    ZoomReset,
    /// Show keyboard shortcuts.
    Shortcuts,
    /// About trh.
    About,
}

/// The menus, in menu-bar order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// File.
    File,
    /// Edit.
    Edit,
    /// View.
    View,
    /// Workshop.
    Workshop,
    /// Help.
    Help,
}

impl Menu {
    /// All menus in order.
    pub const ALL: [Self; 5] = [
        Self::File,
        Self::Edit,
        Self::View,
        Self::Workshop,
        Self::Help,
    ];

    /// The menu's title.
    pub fn label(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::View => "View",
            Self::Workshop => "Workshop",
            Self::Help => "Help",
        }
    }
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Self; 40] = [
        Self::New,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::Export,
        Self::Import,
        Self::ImportEvidence,
        Self::CompareAreas,
        Self::Details,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::AddTheme,
        Self::RenameTheme,
        Self::MoveThemeUp,
        Self::MoveThemeDown,
        Self::RemoveTheme,
        Self::EditNote,
        Self::AcceptAllData,
        Self::ShowScorecard,
        Self::ShowRanking,
        Self::ShowCharts,
        Self::ShowWorkshop,
        Self::ShowEvidence,
        Self::Compare,
        Self::RevealVotes,
        Self::NextRound,
        Self::Presenter,
        Self::ReusePeople,
        Self::StartLive,
        Self::StopLive,
        Self::LookLight,
        Self::LookDark,
        Self::LookProjector,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::ShowMethod,
        Self::Shortcuts,
        Self::About,
    ];

    /// The menu the command lives in.
    pub fn menu(self) -> Menu {
        match self {
            Self::New
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::Export
            | Self::Import
            | Self::ImportEvidence
            | Self::CompareAreas
            | Self::Details
            | Self::Quit => Menu::File,
            Self::RevealVotes
            | Self::NextRound
            | Self::Presenter
            | Self::ReusePeople
            | Self::StartLive
            | Self::StopLive => Menu::Workshop,
            Self::Undo
            | Self::Redo
            | Self::AddTheme
            | Self::RenameTheme
            | Self::MoveThemeUp
            | Self::MoveThemeDown
            | Self::RemoveTheme
            | Self::EditNote
            | Self::AcceptAllData => Menu::Edit,
            Self::ShowMethod | Self::Shortcuts | Self::About => Menu::Help,
            _ => Menu::View,
        }
    }

    /// The label in menus (sentence case; "…" when a dialog follows).
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New…",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Export => "Export…",
            Self::Import => "Import spreadsheet…",
            Self::ImportEvidence => "Import evidence…",
            Self::CompareAreas => "Compare partnerships…",
            Self::Details => "Scorecard details…",
            Self::ShowMethod => "The method…",
            Self::AcceptAllData => "Accept all data suggestions",
            Self::ShowEvidence => "Evidence",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::AddTheme => "Add theme",
            Self::RenameTheme => "Rename theme",
            Self::MoveThemeUp => "Move theme up",
            Self::MoveThemeDown => "Move theme down",
            Self::RemoveTheme => "Remove theme…",
            Self::EditNote => "Edit note",
            Self::ShowScorecard => "Scorecard",
            Self::ShowRanking => "Ranking board",
            Self::ShowCharts => "Charts",
            Self::ShowWorkshop => "Workshop",
            Self::Compare => "Compare with last year…",
            Self::RevealVotes => "Reveal votes",
            Self::NextRound => "Next round",
            Self::Presenter => "Presenter mode",
            Self::ReusePeople => "Reuse participants…",
            Self::StartLive => "Start live voting…",
            Self::StopLive => "Stop live voting",
            Self::LookLight => "Light look",
            Self::LookDark => "Dark look",
            Self::LookProjector => "Projector look",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Actual size",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::About => "About trh",
        }
    }

    /// A one-line explanation shown on hover.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::New => "Start a new scorecard under a scoring method",
            Self::Open => "Open a scorecard (.ron) file",
            Self::Save => "Save the scorecard to its file",
            Self::SaveAs => "Save the scorecard to a new file",
            Self::Export => {
                "Write the ranking (CSV), a workbook (Excel), a priority list (Markdown), a report (HTML) or a chart (PNG, SVG)"
            }
            Self::Import => "Bring themes and drafts in from a CSV or Excel sheet",
            Self::Quit => "Close trh (asks first if there are unsaved changes)",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the last undone change",
            Self::AddTheme => "Add a new theme below the selected one",
            Self::RenameTheme => "Rename the selected theme (or double-click it)",
            Self::MoveThemeUp => "Move the selected theme up the list",
            Self::MoveThemeDown => "Move the selected theme down the list",
            Self::RemoveTheme => "Remove the selected theme and its scores",
            Self::EditNote => "Edit the evidence note of the factor the keyboard is on",
            Self::CompareAreas => "Several partnerships' scorecards side by side",
            Self::Details => "Title, area, period, author, protective marking and notes",
            Self::ShowMethod => "Factors, scales, bands, grades and the outcome lookup",
            Self::ImportEvidence => {
                "Read police.uk street-level crime, partners' counts tables and survey results as evidence"
            }
            Self::AcceptAllData => {
                "Set every level the data suggests as the draft, for every theme (one undo step; agreed values and votes are untouched)"
            }
            Self::ShowEvidence => "Every theme's figures from data, beside the levels in force",
            Self::ShowScorecard => "Score the selected theme factor by factor",
            Self::ShowRanking => "All themes ranked by risk, with the candidate-priority cut line",
            Self::ShowCharts => "Ranked bar chart, risk matrix and position against risk",
            Self::ShowWorkshop => "Participants, votes by round, disagreement and agreed values",
            Self::Compare => {
                "Choose last year's scorecard: new, removed and renamed themes, rank movement and changed factors"
            }
            Self::RevealVotes => "Show the votes (hidden until revealed, so nobody anchors)",
            Self::NextRound => "Start the next round of votes on this theme",
            Self::Presenter => {
                "Full screen for the room: one theme at a time, votes hidden until revealed (Esc leaves)"
            }
            Self::ReusePeople => "Add the participants of another scorecard (last year's)",
            Self::StartLive => {
                "Participants vote from their own phones over this room's network, straight into this scorecard; nothing leaves the room"
            }
            Self::StopLive => "End live voting: the server stops and every phone loses access",
            Self::LookLight => "Dark text on a light background",
            Self::LookDark => "Light text on a dark background",
            Self::LookProjector => "High contrast and large text for a projector",
            Self::ZoomIn => "Make everything larger",
            Self::ZoomOut => "Make everything smaller",
            Self::ZoomReset => "Reset the zoom to 100%",
            Self::Shortcuts => "List the keyboard shortcuts",
            Self::About => "Version and where the method's numbers come from",
        }
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let k = |m, key| Some(KeyboardShortcut::new(m, key));
        match self {
            Self::New => k(CTRL, Key::N),
            Self::Open => k(CTRL, Key::O),
            Self::Save => k(CTRL, Key::S),
            Self::SaveAs => k(CTRL_SHIFT, Key::S),
            Self::Export => k(CTRL, Key::E),
            Self::Import => k(CTRL, Key::I),
            Self::Quit => k(CTRL, Key::Q),
            Self::Undo => k(CTRL, Key::Z),
            Self::Redo => k(CTRL_SHIFT, Key::Z),
            Self::AddTheme => k(CTRL, Key::T),
            Self::RenameTheme => k(Modifiers::NONE, Key::F2),
            Self::MoveThemeUp => k(Modifiers::ALT, Key::ArrowUp),
            Self::MoveThemeDown => k(Modifiers::ALT, Key::ArrowDown),
            Self::RemoveTheme => k(Modifiers::NONE, Key::Delete),
            Self::EditNote => k(Modifiers::NONE, Key::Enter),
            Self::ShowScorecard => k(CTRL, Key::Num1),
            Self::ShowRanking => k(CTRL, Key::Num2),
            Self::ShowCharts => k(CTRL, Key::Num3),
            Self::ShowWorkshop => k(CTRL, Key::Num4),
            Self::ShowEvidence => k(CTRL, Key::Num5),
            Self::AcceptAllData => k(CTRL_SHIFT, Key::D),
            Self::RevealVotes => k(CTRL, Key::R),
            Self::Presenter => k(Modifiers::NONE, Key::F5),
            Self::ZoomIn => k(CTRL, Key::Plus),
            Self::ZoomOut => k(CTRL, Key::Minus),
            Self::ZoomReset => k(CTRL, Key::Num0),
            Self::Shortcuts => k(Modifiers::NONE, Key::F1),
            _ => None,
        }
    }

    /// Shortcuts that also trigger the command but are not shown in menus.
    pub fn extra_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO_Y: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::Y)];
        const ZOOM_IN_EQ: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::Equals)];
        match self {
            Self::Redo => &REDO_Y,
            Self::ZoomIn => &ZOOM_IN_EQ,
            _ => &[],
        }
    }

    /// Commands of one menu, in order.
    pub fn in_menu(menu: Menu) -> impl Iterator<Item = Self> {
        Self::ALL.into_iter().filter(move |c| c.menu() == menu)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn labels_and_shortcuts_are_unique() {
        let labels: HashSet<_> = Command::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels.len(), Command::ALL.len());
        let keys: Vec<_> = Command::ALL
            .iter()
            .flat_map(|c| {
                c.shortcut()
                    .into_iter()
                    .chain(c.extra_shortcuts().iter().copied())
            })
            .collect();
        let unique: HashSet<_> = keys
            .iter()
            .map(|k| (k.modifiers.shift, k.logical_key))
            .collect();
        assert_eq!(unique.len(), keys.len());
        for c in Command::ALL {
            assert!(!c.tooltip().is_empty());
            assert!(Command::in_menu(c.menu()).any(|d| d == c));
        }
    }
}
