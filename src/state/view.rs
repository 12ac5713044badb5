//! UI state that is not part of the document: what is selected, which tab is showing, the
//! theme-list filters, the cut line. Panels change it directly; it is never saved in a file or
//! undone.

use crate::chart::ChartKind;
use crate::model::{DecisionKind, FactorId, ThemeId, Value};

/// The main area's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The selected theme, factor by factor.
    Scorecard,
    /// All themes ranked.
    Ranking,
    /// Participants, votes by round, disagreement and agreeing.
    Workshop,
    /// The charts.
    Charts,
    /// This scorecard against last year's.
    Compare,
    /// Every theme's figures from the partnership's data and the levels they suggest.
    Evidence,
    /// Several partnerships' priorities side by side.
    Rollup,
}

/// Filter on the board's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionFilter {
    /// No decision recorded yet.
    Undecided,
    /// This decision.
    Is(DecisionKind),
}

/// Filter on the band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandFilter {
    /// Themes not ranked (a harm or likelihood value is missing).
    Unranked,
    /// The band with this index (0 is the lowest).
    Band(usize),
}

/// Columns the ranking board can sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Rank (the default).
    Rank,
    /// Theme name.
    Theme,
    /// Harm total.
    Harm,
    /// Likelihood total.
    Likelihood,
    /// Risk.
    Risk,
    /// Confidence level.
    Confidence,
    /// Position total.
    Position,
    /// Outcome.
    Outcome,
    /// Decision.
    Decision,
    /// Flags (departs, intelligence gap, contested).
    Flags,
    /// How often the resampled room keeps the theme on its side of the cut line.
    Stability,
    /// An Other section's total (by the section's index in the method).
    Section(usize),
}

/// The workshop tab's own state.
#[derive(Clone, Debug, Default)]
pub struct WorkshopView {
    /// The round being entered and shown; `None` follows the theme's latest round (or 1).
    pub round: Option<u32>,
    /// The grid cell the keyboard is on: (participant row, factor column).
    pub cursor: (usize, usize),
    /// Digits typed so far for a number scale.
    pub entry: String,
    /// The new participant's name.
    pub new_name: String,
    /// The new participant's agency.
    pub new_agency: String,
    /// Open the across-agencies fold-out on the next frame (screenshots use this).
    pub open_agencies: bool,
    /// The cursor the grid last showed, and the theme it showed: when the cursor moves the
    /// grid scrolls to keep it in view, and another theme starts scrolled to the start.
    pub shown: Option<(crate::model::ThemeId, (usize, usize))>,
}

impl WorkshopView {
    /// The round the grid shows for a theme: the one chosen, else the theme's latest (or 1).
    pub fn round_for(&self, theme: &crate::model::Theme) -> u32 {
        self.round
            .unwrap_or_else(|| crate::model::workshop::current_round(theme).max(1))
    }
}

/// Presenter mode: one theme at a time, full screen, for the room.
#[derive(Clone, Debug, Default)]
pub struct PresenterView {
    /// Position in the theme list.
    pub index: usize,
    /// When the timer for this theme started.
    pub timer: Option<std::time::Instant>,
    /// The live-voting join screen is showing (its first screen while live voting runs).
    pub join: bool,
    /// The final ranking reveal is showing, with this many rows revealed (from the bottom).
    pub ranking: Option<usize>,
}

/// Everything about the view.
#[derive(Clone, Debug)]
pub struct ViewState {
    /// The tab showing.
    pub tab: Tab,
    /// The selected theme.
    pub selected: Option<ThemeId>,
    /// The factor the keyboard is on (index in method order).
    pub factor_cursor: usize,
    /// The level under the pointer, whose descriptor is shown.
    pub hovered_level: Option<(FactorId, Value)>,
    /// Theme-list search text.
    pub search: String,
    /// Theme-list band filter.
    pub band: Option<BandFilter>,
    /// Theme-list category filter.
    pub category: Option<String>,
    /// Theme-list decision filter.
    pub decision: Option<DecisionFilter>,
    /// Theme list: only themes with contested votes.
    pub contested_only: bool,
    /// The chart showing on the charts tab.
    pub chart: ChartKind,
    /// Ranking-board sort column and direction.
    pub sort: (SortKey, bool),
    /// The theme being renamed and the text typed so far.
    pub rename: Option<(ThemeId, String)>,
    /// Scroll the theme list to the selection on the next frame.
    pub scroll_to_selected: bool,
    /// Scroll the scorecard to the keyboard's factor on the next frame.
    pub scroll_to_factor: bool,
    /// The workshop tab.
    pub workshop: WorkshopView,
    /// Presenter mode, when on.
    pub presenter: Option<PresenterView>,
    /// The factor note being edited (only that one shows a text field).
    pub editing_note: Option<(ThemeId, FactorId)>,
    /// The export dialog's choices, while it is open.
    pub export: Option<crate::export::ExportRequest>,
    /// The import dialog, while it is open.
    pub import: Option<ImportForm>,
    /// The ranking board's columns: widths fitted to content, widths the user dragged, and
    /// how far the table is scrolled sideways.
    pub board: BoardView,
    /// Last year's scorecard, once chosen for comparison.
    pub compare: Option<CompareView>,
    /// The evidence dialog, while it is open.
    pub evidence_form: Option<super::evidence::EvidenceForm>,
    /// The scorecard details dialog, while it is open.
    pub details: Option<DetailsForm>,
    /// The method window (Help → The method…) is open.
    pub show_method: bool,
    /// Several partnerships' scorecards side by side, once chosen.
    pub rollup: Option<RollupView>,
    /// The roll-up's version (each change counts one; an older job's result is dropped) and
    /// whether scorecards are being read for it.
    pub rollup_jobs: (u64, bool),
    /// The evidence table's sort column (an index) and direction (true: descending).
    pub evidence_sort: (usize, bool),
}

/// The import dialog: the table read, how its columns map, and the rows checked against it.
#[derive(Clone, Debug)]
pub struct ImportForm {
    /// The file.
    pub path: std::path::PathBuf,
    /// Its rows.
    pub table: crate::import::Table,
    /// Heading row and column mapping (editable).
    pub layout: crate::import::Layout,
    /// Every row read with a mapping, redone only when the mapping changes.
    pub checked: Option<ImportCheck>,
}

/// The rows read with one mapping, and what the dialog says about them.
#[derive(Clone, Debug)]
pub struct ImportCheck {
    /// The mapping used.
    pub layout: crate::import::Layout,
    /// The themes, when every row could be read.
    pub themes: Option<Vec<crate::model::Theme>>,
    /// One line: ready (how many new, how many update themes here), or how many problems.
    pub status: String,
    /// The problems to list.
    pub problems: Vec<String>,
}

/// Last year's scorecard and the comparison with this one.
#[derive(Clone, Debug)]
pub struct CompareView {
    /// Where it came from.
    pub path: std::path::PathBuf,
    /// Last year's scorecard (the comparison is the document's: `Document::year_on_year`).
    pub old: std::sync::Arc<crate::model::Scorecard>,
}

/// The scorecard details dialog: the details as typed, the marking when it opened, and whether
/// the user confirmed lowering it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailsForm {
    /// The details as typed.
    pub details: crate::model::edit::details::Details,
    /// The marking when the dialog opened.
    pub was: String,
    /// The user ticked "lower the marking on purpose".
    pub lower_ok: bool,
}

impl DetailsForm {
    /// The form for a scorecard as it is.
    pub fn of(card: &crate::model::Scorecard) -> Self {
        Self {
            details: crate::model::edit::details::Details::of(card),
            was: card.marking.clone(),
            lower_ok: false,
        }
    }

    /// Whether the marking typed is lower than the one the scorecard had.
    pub fn lowers(&self) -> bool {
        crate::model::rollup::marking_rank(&self.details.marking)
            < crate::model::rollup::marking_rank(&self.was)
    }
}

/// A roll-up of several partnerships' scorecards (*File → Compare partnerships…*).
#[derive(Clone, Debug, Default)]
pub struct RollupView {
    /// The scorecards, the hand matches and the roll-up file they are saved in.
    pub set: crate::file::rollup_file::RollupSet,
    /// The roll-up (none with fewer than two scorecards).
    pub rollup: Option<std::sync::Arc<crate::model::rollup::Rollup>>,
    /// A number for the chart cache: a new roll-up draws again.
    pub generation: u64,
    /// The row chosen for matching or splitting by hand (an index into the roll-up's rows).
    pub selected: Option<usize>,
    /// The chart on show instead of the table.
    pub show_chart: bool,
    /// What the table is sorted by, and whether reversed.
    pub sort: (crate::model::rollup::SortBy, bool),
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            tab: Tab::Scorecard,
            selected: None,
            factor_cursor: 0,
            hovered_level: None,
            search: String::new(),
            band: None,
            category: None,
            decision: None,
            contested_only: false,
            chart: ChartKind::RankedBar,
            sort: (SortKey::Rank, true),
            rename: None,
            scroll_to_selected: false,
            editing_note: None,
            workshop: WorkshopView::default(),
            presenter: None,
            scroll_to_factor: false,
            export: None,
            import: None,
            compare: None,
            evidence_form: None,
            details: None,
            show_method: false,
            rollup: None,
            rollup_jobs: (0, false),
            evidence_sort: (0, false),
            board: BoardView::default(),
        }
    }
}

/// The ranking board's column layout.
#[derive(Clone, Debug, Default)]
pub struct BoardView {
    /// Widths fitted to the content, with the document generation and text size they were
    /// measured for (measuring every cell every frame would cost hundreds of layouts).
    pub fitted: Option<(u64, u32, Vec<f32>)>,
    /// Widths the user set by dragging a column's edge.
    pub resized: Vec<Option<f32>>,
    /// How far the scrolled columns are moved left, in points.
    pub scroll_x: f32,
}
