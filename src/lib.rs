//! trh: threat, risk & harm. Rank community-safety themes into priorities under a method
//! that is data.
//!
//! - [`model`]: the pure model (methods, scorecards, aggregation, ranking).
//! - [`file`]: RON files in and out, with checks and atomic saves.
//! - [`methods`]: the methods shipped in the binary.
//! - [`report`]: the ranking as table, CSV, Markdown and JSON, and the points breakdown.
//! - [`import`]: scorecards from spreadsheets' CSV.
//! - [`generate`]: synthetic scorecards for tests and benchmarks.
//! - [`app`]: the desktop app (state, commands, edits, files), and [`ui`]: its panels.
//! - [`look`]: light, dark and projector, and every colour (no egui, so charts and exports
//!   share it).
//! - [`chart`]: the charts, drawn with plotters for the window, PNG and SVG.
//! - [`cli`]: the `trh` command line.

pub mod app;
pub mod chart;
pub mod cli;
pub mod export;
pub mod file;
pub mod generate;
pub mod import;
pub mod look;
pub mod methods;
pub mod model;
pub mod report;
pub mod state;
pub mod ui;
