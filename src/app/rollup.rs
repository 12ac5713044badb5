//! *File → Compare partnerships…*: a folder of partnerships' scorecards (or a roll-up file)
//! read and rolled up on a background thread, then shown on the Roll-up tab.

use std::path::PathBuf;
use std::sync::Arc;

use super::TrhApp;
use super::jobs::Done;
use crate::model::rollup::Rollup;
use crate::state::view::{RollupView, Tab};

impl TrhApp {
    /// Reads and rolls up the scorecards of a folder (or a roll-up file) in the background.
    pub(super) fn read_rollup(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.state
            .notes
            .info(format!("Reading the scorecards in {}…", path.display()));
        self.jobs.spawn(ctx, move || {
            let result = crate::file::rollup_file::roll_up(&path);
            Done::Rollup(path, Box::new(result))
        });
    }

    /// Writes the roll-up on show in the background (HTML, workbook, CSV or Markdown).
    pub(super) fn rollup_to(
        &mut self,
        ctx: &egui::Context,
        format: crate::export::ExportFormat,
        path: PathBuf,
    ) {
        let Some(view) = &self.state.view.rollup else {
            return;
        };
        let r = Arc::clone(&view.rollup);
        self.jobs.spawn(ctx, move || {
            use crate::export::ExportFormat as F;
            use crate::report::rollup::{RollupFormat, render};
            let bytes: Result<Vec<u8>, String> = match format {
                F::Html => crate::export::rollup::html(&r)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string()),
                F::Xlsx => crate::export::rollup::workbook(&r).map_err(|e| e.to_string()),
                F::Md => render(&r, None, RollupFormat::Md)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string()),
                F::Png | F::Svg => {
                    crate::export::rollup::chart(&r, format, 1600).map_err(|e| e.to_string())
                }
                F::Csv => render(&r, None, RollupFormat::Csv)
                    .map(|t| format!("\u{feff}{t}").into_bytes())
                    .map_err(|e| e.to_string()),
            };
            let result = bytes.map_err(|e| (e, false)).and_then(|bytes| {
                crate::export::write(&path, &bytes)
                    .map(|()| bytes.len())
                    .map_err(|e| (e.to_string(), e.blocked()))
            });
            Done::Exported(
                path,
                super::jobs::Written {
                    request: None,
                    result,
                },
            )
        });
    }

    /// Shows a finished roll-up.
    pub(super) fn rolled_up(
        &mut self,
        path: PathBuf,
        result: Result<(Rollup, Vec<String>), String>,
    ) {
        match result {
            Ok((rollup, left_out)) => {
                for l in &left_out {
                    self.state
                        .notes
                        .warning(format!("Left out of the roll-up: {l}"));
                }
                let generation = self
                    .state
                    .view
                    .rollup
                    .as_ref()
                    .map_or(0, |r| r.generation + 1);
                self.state.view.rollup = Some(RollupView {
                    source: path,
                    rollup: Arc::new(rollup),
                    left_out,
                    generation,
                });
                self.state.view.tab = Tab::Rollup;
            }
            Err(e) => self
                .state
                .notes
                .error(format!("Could not compare partnerships: {e}")),
        }
    }
}
