//! How a method factor says data suggests its level: the measure, and the level from each
//! threshold up. Read straight from the method's RON (`data: …` on a factor); the suggestion
//! itself is worked out in `evidence/rule.rs`.

use serde::{Deserialize, Serialize};

/// A factor's data rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataRule {
    /// What is measured.
    pub measure: Measure,
    /// The level for each range of the measure, lowest first: the first has no `from` (it
    /// covers everything below the second's), each later one applies from its `from` up.
    pub levels: Vec<DataLevel>,
    /// For `Change`: the level to suggest when the change is no more than chance (its 95 %
    /// interval spans no change). Without it, the change in per cent is used as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_chance: Option<String>,
}

/// One threshold of a data rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataLevel {
    /// The measure from which this level applies; none for the first level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<f64>,
    /// The level (a code, a label, or a number on a range).
    pub give: String,
}

/// What a data rule measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    /// The count in the last 12 months (or the last financial year).
    Count,
    /// The count in the last 12 months per 1,000 residents.
    RatePer1000,
    /// The change from the 12 months before to the last 12, in per cent.
    Change,
    /// The share of survey respondents concerned, in per cent.
    Share,
}

impl Measure {
    /// In words, for rules and messages.
    pub fn text(self) -> &'static str {
        match self {
            Self::Count => "count in 12 months",
            Self::RatePer1000 => "rate per 1,000 residents",
            Self::Change => "change in per cent",
            Self::Share => "share concerned in per cent",
        }
    }
}
