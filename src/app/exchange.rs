//! Files that go out and come in besides the scorecard itself: exports (chosen in a dialog,
//! written in the background), spreadsheet imports (read in the background, mapped in a
//! dialog, applied as one edit) and last year's scorecard for comparison.

use std::path::{Path, PathBuf};

use super::TrhApp;
use super::jobs::{Done, Written};
use crate::export::{ExportFormat, ExportRequest};
use crate::model::Scorecard;
use crate::state::modal::{Modal, Retry};
use crate::state::pick::PickPurpose;
use crate::state::view::{CompareView, ImportForm, Tab};

impl TrhApp {
    /// Opens the export dialog with the usual choices for this view.
    pub(super) fn open_export(&mut self) {
        let mut request = ExportRequest::new(ExportFormat::Html);
        request.cut = self.state.doc.ranking.cut;
        request.look = self.state.prefs.look;
        request.theme = self.state.selected().map(|id| id.to_string());
        self.state.view.export = Some(request);
    }

    /// The dialog's choices are made: ask where to write.
    pub(super) fn pick_export(&mut self, ctx: &egui::Context, request: ExportRequest) {
        let stem = crate::model::ids::slug(&self.state.doc.card.title);
        let name = match (request.format.is_chart(), request.chart.kind()) {
            (true, Some(kind)) => format!("{stem}-{}", kind.slug()),
            (true, None) => format!("{stem}-votes"),
            _ => stem,
        };
        let name = format!("{name}.{}", request.format.extension());
        let folder = self.state.prefs.last_folder.clone();
        let format = request.format;
        self.pending_export = Some(request);
        self.jobs
            .pick(ctx, PickPurpose::Export(format), folder, name);
    }

    /// Writes the export to `path` on a background thread.
    pub(super) fn export_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(request) = self.pending_export.take() else {
            return;
        };
        let card = self.state.doc.card.clone();
        // The figures on the board, when they are for this state of the document.
        let figures = self.state.figures_now().cloned();
        self.jobs.spawn(ctx, move || {
            let bytes = crate::export::export_with(&card, &request, figures.as_deref());
            written(path, Some(request), bytes)
        });
    }

    pub(super) fn exported(&mut self, path: &Path, done: Written) {
        let Written { request, result } = done;
        if let (Err((message, true)), Some(request)) = (&result, request) {
            self.state.modal = Some(Modal::NotWritten {
                path: path.to_owned(),
                message: message.clone(),
                retry: Retry::Export(request),
            });
        }
        match result.map_err(|(e, _)| e) {
            Ok(bytes) => {
                if let Some(dir) = path.parent() {
                    self.state.prefs.last_folder = Some(dir.to_path_buf());
                }
                self.state
                    .notes
                    .info(format!("Exported {} ({bytes} bytes)", path.display()));
            }
            Err(e) => self
                .state
                .notes
                .error(format!("Not exported to {}: {e}", path.display())),
        }
    }

    /// Reads a spreadsheet for import on a background thread.
    /// The status bar shows how far it has got, with a Cancel button; the open document is
    /// not touched until the rows are imported.
    pub(super) fn read_table(&mut self, ctx: &egui::Context, path: PathBuf) {
        let progress = std::sync::Arc::new(crate::import::table::Progress::default());
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.state.reading = Some((name, std::sync::Arc::clone(&progress)));
        self.jobs.spawn(ctx, move || {
            let result = crate::import::table::read_path_with(&path, None, &progress)
                .map_err(|e| e.to_string());
            Done::Table(path, result)
        });
    }

    pub(super) fn table_read(
        &mut self,
        path: PathBuf,
        result: Result<crate::import::Table, String>,
    ) {
        let cancelled = self
            .state
            .reading
            .take()
            .is_some_and(|(_, p)| p.is_cancelled());
        if cancelled {
            self.state.notes.info("Import cancelled; nothing changed.");
            return;
        }
        match result {
            Ok(table) => {
                let layout = crate::import::detect(
                    &table,
                    &self.state.doc.card.method,
                    &self.state.prefs.import_columns,
                );
                self.state.view.import = Some(ImportForm {
                    path,
                    table,
                    layout,
                    checked: None,
                });
            }
            Err(e) => self
                .state
                .notes
                .error(format!("Could not import; nothing changed.\n{e}")),
        }
    }

    /// Shows the comparison with last year's scorecard.
    pub(super) fn compare_with(&mut self, card: Scorecard, path: PathBuf) {
        self.state
            .notes
            .info(format!("Comparing with {}", path.display()));
        self.state.view.compare = Some(CompareView {
            path,
            old: std::sync::Arc::new(card),
        });
        self.state.view.tab = Tab::Compare;
    }

    /// Asks where to write the slope chart.
    pub(super) fn pick_slope(&mut self, ctx: &egui::Context, format: ExportFormat) {
        let name = format!(
            "{}-rank-movement.{}",
            crate::model::ids::slug(&self.state.doc.card.title),
            format.extension()
        );
        let folder = self.state.prefs.last_folder.clone();
        self.jobs
            .pick(ctx, PickPurpose::Slope(format), folder, name);
    }

    /// Writes the slope chart on a background thread.
    pub(super) fn slope_to(&mut self, ctx: &egui::Context, format: ExportFormat, path: PathBuf) {
        let Some(compare) = &self.state.view.compare else {
            return;
        };
        // The comparison the Compare tab shows, worked out once for this state.
        let diff = self.state.doc.year_on_year(&compare.old);
        let new = self.state.doc.card.clone();
        self.jobs.spawn(ctx, move || {
            written(
                path,
                None,
                crate::export::slope_bytes(&diff, &new, format, (1600, 900)),
            )
        });
    }
}

/// Writes an export's bytes (on the job's thread) and reports the size or the error.
fn written(
    path: PathBuf,
    request: Option<ExportRequest>,
    bytes: Result<Vec<u8>, crate::export::ExportError>,
) -> Done {
    let result = bytes.map_err(|e| (e.to_string(), false)).and_then(|bytes| {
        crate::export::write(&path, &bytes)
            .map(|()| bytes.len())
            .map_err(|e| (e.to_string(), e.blocked()))
    });
    let request = request.map(Box::new);
    Done::Exported(path, Written { request, result })
}

impl TrhApp {
    /// "Not saved" / "Not exported": try again (once the file is closed in Excel, say).
    pub(super) fn write_again(&mut self, ctx: &egui::Context, path: PathBuf, retry: Retry) {
        match retry {
            Retry::Save => self.save_to(ctx, path),
            Retry::Export(request) => {
                self.pending_export = Some(*request);
                self.export_to(ctx, path);
            }
        }
    }
}
