//! Evidence from the partnership's data (issue 27): hand-worked figures and suggestions
//! (`figures.rs`), the readers of police.uk files, counts tables and surveys (`reading.rs`),
//! the edits and the file format (`scorecard.rs`) and `trh evidence` (`cli.rs`).

mod cli;
mod exports;
mod figures;
mod props;
mod reading;
mod sample;
mod scorecard;
mod ui;
