//! *Not saved* / *Not exported*: a file that could not be written because it is read-only or
//! open in another program (Excel locks what it shows, on Windows). Try again once it is
//! closed there, or write under another name; the document is untouched either way.

use egui::Ui;

use std::path::Path;

use crate::state::modal::{FileStep, Reply, Retry};

/// A file that could not be written (read-only, or open in Excel): try again once it is
/// closed there, or write under another name. The document is untouched either way.
pub fn not_written_ui(ui: &mut Ui, path: &Path, message: &str, retry: &Retry) -> Option<Reply> {
    let saving = matches!(retry, Retry::Save);
    ui.heading(if saving { "Not saved" } else { "Not exported" });
    ui.label(message);
    ui.label(if saving {
        "Your work is still open in trh and nothing is lost."
    } else {
        "The export's choices are kept."
    });
    let other = if saving {
        "Save as…"
    } else {
        "Choose another name…"
    };
    crate::ui::widgets::buttons(
        ui,
        &[
            (
                "Try again",
                Reply::File(FileStep::TryAgain(path.to_owned(), retry.clone())),
            ),
            (other, Reply::File(FileStep::AnotherName(retry.clone()))),
            ("Cancel", Reply::Closed),
        ],
    )
}
