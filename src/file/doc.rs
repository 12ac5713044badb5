//! The scorecard file format, version 1: serde types that mirror the RON text.
//! See `docs/scorecard-format.md`. Never used outside the file layer.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::method::{DecisionKind, Method};

/// The newest scorecard format this build reads. Version 2 added `evidence` and a theme's
/// `links`; a scorecard without them is still written as version 1, so older trh reads it.
pub const SCORECARD_VERSION: u32 = 2;

/// Read first, to refuse files from a newer trh with a clear message instead of a parse error.
#[derive(Deserialize)]
#[serde(rename = "Scorecard")]
pub struct VersionProbe {
    /// The format version.
    pub version: Option<u32>,
}

/// A scorecard as written in a file.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Scorecard", deny_unknown_fields)]
pub struct ScorecardDoc {
    /// Format version.
    pub version: u32,
    /// Title.
    pub title: String,
    /// Area.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    /// Period.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period: String,
    /// Author.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Protective marking.
    #[serde(default = "default_marking")]
    pub marking: String,
    /// Notes about the document.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The candidate-priority cut line the lead chose (top N).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut: Option<u32>,
    /// The embedded method.
    pub method: Method,
    /// Participants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<ParticipantDoc>,
    /// Themes.
    #[serde(default)]
    pub themes: Vec<ThemeDoc>,
    /// What was read from the partnership's data (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceDoc>,
    /// Change log.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<ChangeDoc>,
}

/// The evidence as written.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Evidence", deny_unknown_fields)]
pub struct EvidenceDoc {
    /// The area, in words.
    #[serde(default)]
    pub area: String,
    /// Residents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// The files read.
    #[serde(default)]
    pub sources: Vec<SourceDoc>,
    /// Counted series.
    #[serde(default)]
    pub series: Vec<SeriesDoc>,
    /// Survey items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey: Vec<SurveyDoc>,
}

/// A file read, as written.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct SourceDoc {
    /// `police.uk`, `counts` or `survey`.
    pub kind: String,
    /// File or folder name.
    pub name: String,
    /// When read.
    pub read_at: String,
    /// Rows counted.
    #[serde(default)]
    pub rows: u64,
    /// Rows outside the area.
    #[serde(default)]
    pub left_out: u64,
    /// First month covered (`YYYY-MM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// Last month covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// What was noticed while reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A series, as written: monthly counts from `first`, one per month (months not covered are
/// listed in `missing` and written as 0), or counts by financial year.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Series", deny_unknown_fields)]
pub struct SeriesDoc {
    /// `police.uk` or `counts`.
    pub kind: String,
    /// The crime type or category.
    pub name: String,
    /// The first month counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// One count per month from `first`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<u64>,
    /// Months from `first` on that the data did not cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// Counts by financial year (`2016/17`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<(String, u64)>,
}

/// A survey item, as written.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Item", deny_unknown_fields)]
pub struct SurveyDoc {
    /// The item.
    pub item: String,
    /// Respondents concerned.
    pub concerned: u64,
    /// Respondents.
    pub respondents: u64,
}

fn default_marking() -> String {
    crate::model::scorecard::DEFAULT_MARKING.to_owned()
}

/// A participant as written.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Participant", deny_unknown_fields)]
pub struct ParticipantDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Agency.
    #[serde(default)]
    pub agency: String,
    /// Present at the current session (written only when false).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub present: bool,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_true(b: &bool) -> bool {
    *b
}

/// A theme as written.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Theme", deny_unknown_fields)]
pub struct ThemeDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Category.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    /// Description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Evidence note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// Scores, one entry per factor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<ScoreDoc>,
    /// The board decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionDoc>,
    /// Rounds whose votes are hidden (open for voting, or not yet revealed): they count for
    /// nothing until revealed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_rounds: Vec<u32>,
    /// The data series the theme is linked to (`"police.uk: Burglary"`), when the analyst
    /// chose them (version 2); an empty list means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<String>>,
    /// Last year's theme this one continues, by its id there, when matched by hand in
    /// year-on-year compare (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year: Option<String>,
}

/// Everything recorded for one factor of one theme.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Score", deny_unknown_fields)]
pub struct ScoreDoc {
    /// Factor id.
    pub factor: String,
    /// Analyst's draft (level code or number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// Analyst's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Votes by round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<RoundDoc>,
    /// The agreed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<AgreedDoc>,
}

/// One round of votes: participant id → value.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Round", deny_unknown_fields)]
pub struct RoundDoc {
    /// Round number, from 1.
    pub round: u32,
    /// Votes, in file order (duplicates are kept so they can be reported).
    #[serde(serialize_with = "ser_pairs", deserialize_with = "de_pairs", default)]
    pub votes: Vec<(String, String)>,
}

/// An agreed value.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Agreed", deny_unknown_fields)]
pub struct AgreedDoc {
    /// Level code or number.
    pub value: String,
    /// Why.
    #[serde(default)]
    pub rationale: String,
}

/// A board decision.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Decision", deny_unknown_fields)]
pub struct DecisionDoc {
    /// What was decided.
    pub decision: DecisionKind,
    /// Why.
    #[serde(default)]
    pub rationale: String,
    /// Who recorded it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// When.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    /// The meeting it was taken at (format version 2).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub meeting: String,
    /// The date it was taken (format version 2).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub on: String,
}

/// A change-log entry.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Change", deny_unknown_fields)]
pub struct ChangeDoc {
    /// When.
    pub at: String,
    /// Who.
    pub who: String,
    /// What.
    pub what: String,
    /// Old value.
    #[serde(default)]
    pub old: String,
    /// New value.
    #[serde(default)]
    pub new: String,
}

fn ser_pairs<S: Serializer>(pairs: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

fn de_pairs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    struct Pairs;
    impl<'de> serde::de::Visitor<'de> for Pairs {
        type Value = Vec<(String, String)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map of participant id to value, like {\"p1\": \"H\"}")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(pair) = map.next_entry::<String, String>()? {
                out.push(pair);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Pairs)
}
