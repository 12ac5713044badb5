//! A risk grid written as the paper shows it: one axis down (`rows`), one across
//! (`columns`), each keyed on a factor's levels or a section's totals, and a band in each
//! cell. Two cells with the same product can hold different bands; nothing is a threshold.
//!
//! ```ron
//! risk: Grid(
//!     rows: "impact", columns: "likelihood",
//!     row_keys: [4, 3, 2, 1], column_keys: [1, 2, 3, 4],
//!     cells: [
//!         ["B", "A", "A", "A"],
//!         ...
//!     ],
//! ),
//! ```

use serde::{Deserialize, Serialize};

/// The grid as written, borrowed from [`RiskFormula::Grid`](super::method::RiskFormula).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid<'a> {
    /// What the rows are keyed on: a factor id or a section's name (`harm`, ...).
    pub rows: &'a str,
    /// What the columns are keyed on: a factor id or a section's name.
    pub columns: &'a str,
    /// The row headings, top to bottom: level codes or labels, or numbers (a range
    /// factor's values, a section's totals).
    pub row_keys: &'a [Key],
    /// The column headings, left to right.
    pub column_keys: &'a [Key],
    /// One list per row, one band id (or letter) per column.
    pub cells: &'a [Vec<String>],
}

/// A row or column heading: a number or a level's code or label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Key {
    /// A number: a range factor's value, or a section total.
    Number(f64),
    /// A level's code or label (or a number written as text).
    Text(String),
}

impl Key {
    /// The heading as written.
    pub fn text(&self) -> String {
        match self {
            Self::Number(n) => format!("{n}"),
            Self::Text(t) => t.clone(),
        }
    }
}
