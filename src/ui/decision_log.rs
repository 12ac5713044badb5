//! The decision log: every board decision and every agreed value (and every change to them),
//! with who and when, newest first, from the scorecard's change log.

use egui::{RichText, Ui};

use crate::document::Document;

/// Draws the log as a fold-out list (nothing is laid out while it is folded).
pub fn decision_log_ui(ui: &mut Ui, doc: &Document) {
    let mut entries = crate::report::log::log_lines(&doc.card);
    entries.reverse();
    egui::CollapsingHeader::new(format!("Decision and agreement log ({})", entries.len()))
        .id_salt("decision_log")
        .show(ui, |ui| {
            if entries.is_empty() {
                ui.label("No decisions or agreed values recorded yet.");
                return;
            }
            // Scrolls sideways inside the panel's width: a long change never widens the panel
            // (which stopped the close-call sentences below from wrapping).
            egui::ScrollArea::both()
                .max_width(ui.available_width())
                .max_height(220.0)
                .id_salt("decision_log_scroll")
                .show(ui, |ui| {
                    egui::Grid::new("decision_log_grid")
                        .striped(true)
                        .show(ui, |ui| {
                            for c in entries {
                                ui.label(RichText::new(&c.when).small());
                                ui.label(&c.who);
                                ui.label(&c.what);
                                ui.label(&c.change);
                                ui.end_row();
                            }
                        });
                });
        });
}
