//! The pure model: methods, scorecards, aggregation and ranking.
//!
//! Nothing in this folder touches the file system, a window or a chart backend, so every
//! rule can be tested as a plain function (a test in `tests/suite/architecture.rs` enforces it).

pub mod agencies;
pub mod aggregate;
pub mod attainable;
pub mod bounds;
pub mod close_calls;
pub mod cut;
mod decision;
pub mod diff;
pub mod edit;
mod edit_import;
mod edit_workshop;
pub mod grid;
pub mod ids;
mod lookup_check;
pub mod method;
pub mod method_check;
pub mod ranking;
mod ranking_prep;
pub mod rerank;
mod risk_check;
pub mod risk_rule;
pub mod scorecard;
mod section_check;
pub mod stability;
pub mod text;
pub mod value;
pub mod workshop;

pub use edit::{Edit, EditError, ThemeText};
pub use ids::{FactorId, ParticipantId, ThemeId};
pub use method::{DecisionKind, Method, Scale, SectionKind};
pub use ranking::{Ranking, rank};
pub use scorecard::{Scorecard, Theme};
pub use value::Value;
