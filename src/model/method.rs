//! The scoring method as data: sections, factors and scales, the risk formula, bands,
//! position grades and the outcome lookup. Nothing here assumes any particular numbers.
//!
//! A method is read straight from RON (these types are close to the text); `check` in
//! `check/` then rejects anything inconsistent before a method is used.

use serde::{Deserialize, Serialize};

pub use super::bounds::{Band, Bounds, Grade};
pub use super::decision::DecisionKind;
use super::grid::{Grid, Key};
use super::ids::FactorId;

/// The newest method-file format this build reads.
/// Format 2 added `Weighted` and `Grid` risk, `Other` sections, `from` / `below` bounds and
/// `Ungraded` lookup rules; format 3 a factor's `data` rule. Every older file reads and ranks
/// as before.
pub const METHOD_FORMAT: u32 = 3;

/// A complete scoring method.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    /// Method-file format version (see [`METHOD_FORMAT`]).
    pub format: u32,
    /// Short machine id, e.g. `morile-style`.
    pub id: String,
    /// Human name shown in the app and exports.
    pub name: String,
    /// The method's own version, recorded in every scorecard scored with it.
    pub version: String,
    /// Where the numbers come from (e.g. "trh defaults, not official MoRiLE values").
    pub provenance: String,
    /// Free-text description.
    #[serde(default)]
    pub description: String,
    /// Harm, likelihood and optionally confidence and position.
    pub sections: Vec<Section>,
    /// How harm and likelihood make the risk score.
    pub risk: RiskFormula,
    /// How confidence is used. Reported only unless the method opts in.
    #[serde(default)]
    pub confidence_mode: ConfidenceMode,
    /// How participants' votes are combined.
    #[serde(default)]
    pub aggregation: Aggregation,
    /// Votes this many scale steps apart (or more) mark a factor as contested.
    #[serde(default = "default_contested_steps")]
    pub contested_steps: u32,
    /// Risk bands, lowest first. Together they must cover every attainable risk exactly once.
    pub bands: Vec<Band>,
    /// Position grades on the position total, weakest first. Empty if the method has no position section.
    #[serde(default)]
    pub grades: Vec<Grade>,
    /// The outcomes the lookup can give.
    pub outcomes: Vec<Outcome>,
    /// (band, grade) → outcome. Every pair must be matched by exactly one rule.
    pub lookup: Vec<LookupRule>,
    /// When to flag an intelligence gap (high risk scored with low confidence).
    #[serde(default)]
    pub intelligence_gap: Option<IntelligenceGap>,
}

fn default_contested_steps() -> u32 {
    2
}

/// What a section contributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SectionKind {
    /// Harm: the first input to risk.
    Harm,
    /// Likelihood: the second input to risk.
    Likelihood,
    /// Confidence in the evidence: one factor, reported beside the risk.
    Confidence,
    /// Organisational (partnership) position: graded, and combined with the risk band.
    Position,
    /// Any other total (public concern, say), named by the section's `id`; counted only
    /// where the risk formula or grid names it.
    Other,
}

impl SectionKind {
    /// Lower-case name used in ids and output.
    pub fn name(self) -> &'static str {
        match self {
            Self::Harm => "harm",
            Self::Likelihood => "likelihood",
            Self::Confidence => "confidence",
            Self::Position => "position",
            Self::Other => "other",
        }
    }
}

/// A group of factors whose points make one total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Which total this section makes.
    pub kind: SectionKind,
    /// The name the risk formula or grid uses for this section's total. Needed for `Other`
    /// sections; the others are named by their kind (`harm`, `likelihood`, ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Heading shown to users.
    pub label: String,
    /// Name of the section's total, e.g. "Total harm score".
    #[serde(default)]
    pub total_label: String,
    /// The factors, in the order they are scored.
    pub factors: Vec<Factor>,
}

impl Section {
    /// The name formulas use for this section's total: its `id`, else its kind's name.
    pub fn name(&self) -> &str {
        if self.id.is_empty() {
            self.kind.name()
        } else {
            &self.id
        }
    }
}

/// One thing that is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// Unique within the method; used in scorecards and CSV columns.
    pub id: FactorId,
    /// Short label.
    pub label: String,
    /// One line shown while scoring.
    #[serde(default)]
    pub descriptor: String,
    /// The values it can take.
    pub scale: Scale,
    /// How its points enter the section total.
    #[serde(default)]
    pub role: Role,
    /// How the partnership's data suggests its level (format 3), if it can.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<super::data_rule::DataRule>,
}

/// The values a factor can take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Scale {
    /// Named levels, each with points. Listed in the order shown to users.
    Levels(Vec<Level>),
    /// Any number from `min` to `max` inclusive, whole numbers unless a `step` is given
    /// (`step: 0.1`: 0, 0.1, 0.2 … as a paper's 0–10 score is written); the number is the
    /// points.
    Range {
        /// Smallest allowed value.
        min: i32,
        /// Largest allowed value.
        max: i32,
        /// The smallest difference between two values (a decimal with up to 4 places);
        /// whole numbers when not given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<super::step::Step>,
    },
}

/// A named level of a scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Short code stored in scorecards, e.g. `H`.
    pub code: String,
    /// Label shown to users, e.g. `High`.
    pub label: String,
    /// Points this level is worth.
    pub points: f64,
    /// What the level means, shown while scoring.
    #[serde(default)]
    pub descriptor: String,
}

/// How a factor's points enter its section total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Added into the section total.
    #[default]
    Add,
    /// Multiplies the section total.
    Multiply,
    /// Shown and exported, but not counted.
    Report,
}

/// How harm and likelihood combine into risk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum RiskFormula {
    /// harm × likelihood.
    Product,
    /// harm + likelihood.
    Sum,
    /// harm × `harm` + likelihood × `likelihood`.
    WeightedSum {
        /// Weight on the harm total.
        harm: f64,
        /// Weight on the likelihood total.
        likelihood: f64,
    },
    /// The sum of each term × its weight, a term being a section (by its name: `harm`,
    /// `likelihood`, `position` or an `Other` section's id) or one factor (by its id).
    Weighted(Vec<(String, f64)>),
    /// A grid written as the paper shows it: the band is read from the cell of a theme's
    /// row and column values, not from thresholds. Its "risk" is the band's place (1 is
    /// the lowest band), so themes are ordered by band, then by harm, then by likelihood.
    Grid {
        /// What the rows are keyed on: a factor id or a section's name (`harm`, ...).
        rows: String,
        /// What the columns are keyed on: a factor id or a section's name.
        columns: String,
        /// The row headings, top to bottom: level codes or labels, or numbers (a range
        /// factor's values, a section's totals).
        row_keys: Vec<Key>,
        /// The column headings, left to right.
        column_keys: Vec<Key>,
        /// One list per row, one band id (or letter) per column.
        cells: Vec<Vec<String>>,
    },
}

impl RiskFormula {
    /// The grid, when the risk is one.
    pub fn grid(&self) -> Option<Grid<'_>> {
        match self {
            Self::Grid {
                rows,
                columns,
                row_keys,
                column_keys,
                cells,
            } => Some(Grid {
                rows,
                columns,
                row_keys,
                column_keys,
                cells,
            }),
            _ => None,
        }
    }
}

/// How the confidence score is used.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum ConfidenceMode {
    /// Reported beside the risk, never multiplied in (the default).
    #[default]
    ReportOnly,
    /// Risk is multiplied by the weight of the confidence level (by level code).
    Weighted(Vec<(String, f64)>),
}

/// How participants' votes on a factor are combined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Aggregation {
    /// The median; for an even count, the upper of the two middle values.
    #[default]
    Median,
    /// The mean of the points, snapped to the nearest scale value (ties go up).
    Mean,
}

/// A possible result of the lookup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Id used in the lookup rules.
    pub id: String,
    /// Label shown to users, e.g. "Priority – capability gap".
    pub label: String,
    /// The board decision this outcome suggests; a different decision is a departure.
    pub suggests: DecisionKind,
}

/// Which grades a lookup rule applies to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GradeMatch {
    /// Every grade (and themes with no position score).
    Any,
    /// Only these grade ids.
    Only(Vec<String>),
    /// Only themes with no position grade yet (a position factor not scored).
    Ungraded,
}

/// One row of the outcome lookup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookupRule {
    /// Band ids this rule covers.
    pub bands: Vec<String>,
    /// Grades this rule covers.
    pub grades: GradeMatch,
    /// Outcome id.
    pub outcome: String,
}

/// Flags a theme whose risk is in `bands` while its confidence level is one of `confidence`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntelligenceGap {
    /// Band ids that count as high risk.
    pub bands: Vec<String>,
    /// Confidence level codes that count as low confidence.
    pub confidence: Vec<String>,
}

impl Method {
    /// The section of a kind, if the method has one.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Every factor with its section kind, in method order.
    pub fn factors(&self) -> impl Iterator<Item = (SectionKind, &Factor)> {
        self.sections
            .iter()
            .flat_map(|s| s.factors.iter().map(move |f| (s.kind, f)))
    }

    /// A factor by id.
    pub fn factor(&self, id: &str) -> Option<(SectionKind, &Factor)> {
        self.factors().find(|(_, f)| f.id.as_str() == id)
    }

    /// The single confidence factor, if the method scores confidence.
    pub fn confidence_factor(&self) -> Option<&Factor> {
        self.section(SectionKind::Confidence)
            .and_then(|s| s.factors.first())
    }

    /// A section by the name formulas use for it (`harm`, ..., or an `Other` section's id).
    pub fn section_named(&self, name: &str) -> Option<(usize, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .find(|(_, s)| s.name() == name)
    }

    /// A band by id.
    pub fn band(&self, id: &str) -> Option<&Band> {
        self.bands.iter().find(|b| b.id == id)
    }

    /// An outcome by id.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }
}

/// At most this many sections: section totals live in a fixed array, so scoring a theme
/// (thousands of times, in the stability runs) allocates nothing for them.
pub const MAX_SECTIONS: usize = 16;

/// The indices of lookup rules matching a band and grade (`None`: the theme has no grade).
pub fn matching_rules(method: &Method, band: &str, grade: Option<&str>) -> Vec<usize> {
    method
        .lookup
        .iter()
        .enumerate()
        .filter(|(_, r)| r.bands.iter().any(|b| b == band))
        .filter(|(_, r)| match (&r.grades, grade) {
            (GradeMatch::Any, _) => true,
            (GradeMatch::Only(gs), Some(g)) => gs.iter().any(|x| x == g),
            (GradeMatch::Only(_), None) | (GradeMatch::Ungraded, Some(_)) => false,
            (GradeMatch::Ungraded, None) => true,
        })
        .map(|(i, _)| i)
        .collect()
}
