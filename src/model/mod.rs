//! The pure model: methods, scorecards, aggregation and ranking.
//!
//! Nothing in this folder touches the file system, a window or a chart backend, so every
//! rule can be tested as a plain function (a test in `tests/suite/architecture.rs` enforces it).

pub mod agencies;
pub mod aggregate;
pub mod attainable;
pub mod bounds;
pub mod carry;
pub mod check;
pub mod close_calls;
pub mod cut;
pub mod data_rule;
mod decision;
pub mod diff;
pub mod edit;
pub mod evidence;
pub mod exact;
pub mod grid;
pub mod ids;
pub mod method;
pub mod ranking;
pub mod rerank;
pub mod risk_rule;
pub mod rollup;
pub mod scorecard;
pub mod stability;
pub mod step;
pub mod text;
pub mod value;
pub mod workshop;

pub use edit::{Edit, EditError, ThemeText};
pub use ids::{FactorId, ParticipantId, ThemeId};
pub use method::{DecisionKind, Method, Scale, SectionKind};
pub use ranking::{Ranking, rank};
pub use scorecard::{Scorecard, Theme};
pub use value::Value;
