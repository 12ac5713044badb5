//! trh: threat, risk & harm. Rank community-safety themes into priorities under a method
//! that is data.
//!
//! Imports run one way, model ← document ← state ← ui ← app (see `docs/architecture.md`):
//!
//! - [`model`]: the pure model (methods, scorecards, edits, aggregation, ranking).
//! - [`document`]: the document, headless: undo, generations, the change log, one clock, and
//!   what is derived from each generation (the stability figures). The one door for edits,
//!   shared by the window and `trh live`.
//! - [`file`](mod@file): RON files in and out, with checks and atomic saves.
//! - [`methods`]: what ships in the binary (the methods and the sample scorecard).
//! - [`look`]: light, dark and projector, and every colour (no egui, so charts and exports
//!   share it).
//! - [`report`]: the ranking as text (one row formatter), table, CSV, Markdown and JSON, and
//!   the points breakdown.
//! - [`import`]: scorecards from spreadsheets (CSV and workbooks).
//! - [`export`]: everything a lead hands on (CSV, workbook, Markdown, HTML, chart files).
//! - [`chart`]: the charts, drawn with plotters for the window, PNG and SVG.
//! - [`generate`]: synthetic scorecards for tests and benchmarks.
//! - [`live`]: live voting from phones (an HTTP server on its own thread; no window code).
//! - [`state`] (feature `gui`, on by default): what the app's panels read (document, view, actions, commands, dialogs,
//!   preferences, notifications).
//! - [`ui`]: the panels, one file each.
//! - [`app`]: the frame loop, threads, files and the window.
//! - [`cli`]: the `trh` command line.

#[cfg(feature = "gui")]
pub mod app;
pub mod chart;
pub mod cli;
pub mod document;
pub mod export;
pub mod file;
pub mod generate;
pub mod import;
pub mod live;
pub mod look;
pub mod methods;
pub mod model;
pub mod report;
#[cfg(feature = "gui")]
pub mod state;
#[cfg(feature = "gui")]
pub mod ui;
