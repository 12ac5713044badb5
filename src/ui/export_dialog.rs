//! The export dialog: what to write (report, workbook, CSV, Markdown or a chart), with the
//! options that format has. "Export…" then asks where, and the file is written in the
//! background.

use egui::{Id, RichText, Ui};

use crate::export::{ChartChoice, ExportFormat, ExportRequest};
use crate::look::Look;
use crate::state::Action;
use crate::ui::widgets::quiet;

/// Draws the dialog while `request` is set; clears it on Cancel.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    request: &mut Option<ExportRequest>,
    marking: &str,
    out: &mut Vec<Action>,
) {
    let Some(r) = request.as_mut() else {
        return;
    };
    let mut done = false;
    // Enter exports, unless it is ending the edit of a number field.
    let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter)) && !ctx.text_edit_focused();
    egui::Modal::new(Id::unique("trh_export")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Export");
        ui.label(quiet(format!(
            "The protective marking \"{marking}\" is written into every export."
        )));
        ui.add_space(4.0);
        for f in ExportFormat::ALL {
            ui.radio_value(&mut r.format, f, f.describe());
        }
        ui.separator();
        options_ui(ui, r);
        ui.separator();
        ui.horizontal(|ui| {
            let ready = !r.format.is_chart() || !r.chart.of_one_theme() || r.theme.is_some();
            if ui
                .add_enabled(ready, egui::Button::new("Export…"))
                .on_hover_text("Choose where to write the file")
                .clicked()
                || enter && ready
            {
                out.push(Action::Export(r.clone()));
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
    });
    if done || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        *request = None;
    }
}

fn options_ui(ui: &mut Ui, r: &mut ExportRequest) {
    match r.format {
        ExportFormat::Csv => {
            ui.checkbox(&mut r.bom, "Start with a byte-order mark (for Excel)")
                .on_hover_text(
                    "Excel then reads \"–\" and accented letters correctly when the file is \
                     double-clicked; Python and pandas accept it too",
                );
        }
        ExportFormat::Png | ExportFormat::Svg => {
            ui.horizontal(|ui| {
                ui.label("Chart");
                egui::ComboBox::from_id_salt("export_chart")
                    .selected_text(r.chart.title())
                    .show_ui(ui, |ui| {
                        for c in ChartChoice::ALL {
                            ui.selectable_value(&mut r.chart, c, c.title());
                        }
                    });
            });
            ui.horizontal(|ui| {
                ui.label("Size");
                ui.add(
                    egui::DragValue::new(&mut r.size.0)
                        .range(200..=8000)
                        .suffix(" px wide"),
                );
                ui.label("×");
                ui.add(
                    egui::DragValue::new(&mut r.size.1)
                        .range(200..=8000)
                        .suffix(" px high"),
                );
            });
            ui.horizontal(|ui| {
                ui.label("Look");
                for (look, name) in [
                    (Look::Light, "Light"),
                    (Look::Dark, "Dark"),
                    (Look::Projector, "Projector"),
                ] {
                    ui.radio_value(&mut r.look, look, name);
                }
            });
            if r.chart.of_one_theme() {
                let text = r.theme.as_deref().map_or_else(
                    || "Select a theme first.".to_owned(),
                    |t| format!("Votes on {t}, latest round"),
                );
                ui.label(RichText::new(text).small());
            }
        }
        ExportFormat::Html | ExportFormat::Pdf => {
            ui.horizontal(|ui| {
                ui.label("Candidate priorities: the top");
                ui.add(egui::DragValue::new(&mut r.cut).range(1..=500));
            });
        }
        ExportFormat::Xlsx | ExportFormat::Md => {}
    }
}
