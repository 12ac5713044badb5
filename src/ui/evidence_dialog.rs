//! The evidence dialog (*File → Import evidence…*): the police.uk download (its folder or
//! .zip, as downloaded), the area, partners' counts tables, survey results and the population.
//! *Read the data* reads them on a background thread (progress and Cancel in the status bar);
//! nothing changes until they are read, and then one Undo takes it back.

use egui::{Id, Ui};

use crate::state::Action;
use crate::state::evidence::{EvidenceForm, Slot};
use crate::ui::widgets::quiet;

/// Draws the dialog while `form` is set; clears it on Cancel or Read.
pub fn evidence_dialog_ui(
    ctx: &egui::Context,
    form: &mut Option<EvidenceForm>,
    out: &mut Vec<Action>,
) {
    let Some(f) = form.as_mut() else {
        return;
    };
    let mut close = false;
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    egui::Modal::new(Id::unique("trh_evidence")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        ui.heading("Import evidence");
        ui.label(quiet(
            "Counts for the last 12 months against the 12 before, rates, survey shares and the levels the method's data rules suggest. Nothing is scored until you accept a suggestion.",
        ));
        egui::Grid::new("evidence_form").num_columns(3).spacing([8.0, 6.0]).show(ui, |ui| {
            field(ui, "police.uk download", &mut f.police, false);
            ui.horizontal(|ui| {
                pick(ui, "Folder…", Slot::PoliceFolder, out);
                pick(ui, "Zip…", Slot::PoliceZip, out);
            });
            ui.end_row();
            field(ui, "Area (local authority, as LSOAs are named)", &mut f.areas, false);
            ui.label(quiet("e.g. Plymouth; several: Plymouth, Torbay"));
            ui.end_row();
            field(ui, "Or LSOA codes (a file)", &mut f.codes, false);
            pick(ui, "Choose…", Slot::Codes, out);
            ui.end_row();
            field(ui, "Partners' counts tables (one per line)", &mut f.counts, true);
            pick(ui, "Add…", Slot::Counts, out);
            ui.end_row();
            field(ui, "Survey results", &mut f.survey, false);
            pick(ui, "Choose…", Slot::Survey, out);
            ui.end_row();
            field(ui, "Population (for rates per 1,000)", &mut f.population, false);
            ui.label("");
            ui.end_row();
        });
        if let Some(e) = &f.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.horizontal(|ui| {
            if ui.button("Read the data").clicked() {
                match f.request() {
                    Ok(request) => out.push(Action::ReadEvidence(request)),
                    Err(e) => f.error = Some(e),
                }
            }
            if ui.button("Cancel").clicked() || escape {
                close = true;
            }
        });
    });
    if close {
        *form = None;
    }
}

fn field(ui: &mut Ui, label: &str, text: &mut String, multi: bool) {
    let l = ui.label(label);
    let edit = if multi {
        egui::TextEdit::multiline(text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(text)
    };
    ui.add(edit.desired_width(380.0)).labelled_by(l.id);
}

fn pick(ui: &mut Ui, label: &str, slot: Slot, out: &mut Vec<Action>) {
    if ui.button(label).on_hover_text(slot.title()).clicked() {
        out.push(Action::PickEvidence(slot));
    }
}
