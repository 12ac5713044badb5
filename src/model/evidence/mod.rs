//! Evidence from the partnership's data: counts of recorded crime and incidents by month
//! (police.uk, partners' counts tables), the residents' survey, and the figures an analyst
//! works out from them, per theme: the last 12 months against the 12 before, whether the
//! change is more than chance, the rate per 1,000 residents, the share concerned. A method
//! factor's data rule ([`rule::DataRule`]) turns a figure into a suggested level.
//!
//! Everything here is pure: the files are read in `import/evidence/`, and what they held is
//! kept in the scorecard as an [`Evidence`] (small: at most a few hundred numbers per series),
//! so the figures are reproducible from the file alone and next year's data maps itself.

pub mod figures;
pub mod interval;
pub mod links;
pub mod month;
pub mod rule;
pub mod text;

use std::collections::{BTreeMap, BTreeSet};

pub use crate::model::data_rule::{DataLevel, DataRule, Measure};
pub use figures::{Call, Change, CountFigures, ShareFigures, ThemeFigures, figures_for};
pub use links::{Link, LinkKind};
pub use month::Month;
pub use rule::{Suggestion, suggest};

/// Everything read from the partnership's data, kept in the scorecard.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    /// The area the rows were chosen for, in words (e.g. "LSOAs named Plymouth …").
    pub area: String,
    /// Residents of the area, for rates per 1,000.
    pub population: Option<u64>,
    /// The files read, in the order read.
    pub sources: Vec<DataSource>,
    /// Counts by series (police.uk crime types and counts-table categories).
    pub series: BTreeMap<(LinkKind, String), Series>,
    /// Survey items by name.
    pub survey: BTreeMap<String, SurveyItem>,
}

/// One file (or folder, or archive) that was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataSource {
    /// What it held.
    pub kind: LinkKind,
    /// Its file or folder name (not the full path: the scorecard travels).
    pub name: String,
    /// When it was read (ISO 8601).
    pub read_at: String,
    /// Rows counted.
    pub rows: u64,
    /// Rows left out because they were outside the area.
    pub left_out: u64,
    /// The first and last month it covered, if it was monthly.
    pub months: Option<(Month, Month)>,
    /// What was noticed while reading (a month read twice, rows without a month, ...).
    pub warnings: Vec<String>,
}

/// Counts of one series by period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Series {
    /// Counts by month. A month covered with nothing counted has no entry.
    pub months: BTreeMap<Month, u64>,
    /// The months the data covered (so a month with no rows is zero, not missing).
    pub covered: BTreeSet<Month>,
    /// Counts by financial year (April to March), keyed by the year it starts in: a
    /// counts table may give years instead of months.
    pub years: BTreeMap<u16, u64>,
}

/// One survey item: how many were concerned out of how many answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurveyItem {
    /// Respondents concerned (very or fairly).
    pub concerned: u64,
    /// Respondents to the item (all answers, "don't know" included).
    pub respondents: u64,
}

impl Evidence {
    /// Whether nothing has been read.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty() && self.survey.is_empty() && self.sources.is_empty()
    }

    /// Every series and survey item name of one kind, in order.
    pub fn names(&self, kind: LinkKind) -> Vec<&str> {
        match kind {
            LinkKind::Survey => self.survey.keys().map(String::as_str).collect(),
            _ => self
                .series
                .keys()
                .filter(|(k, _)| *k == kind)
                .map(|(_, n)| n.as_str())
                .collect(),
        }
    }
}
