//! *File → Scorecard details…*: the title, area, period, author, protective marking and notes,
//! as one edit (one Undo). The marking offers the Government Security Classifications and
//! takes any other text; lowering it (OFFICIAL-SENSITIVE to OFFICIAL, say) says what that
//! means for every export and needs a tick before it is saved.

use egui::{Id, RichText, Ui};

use crate::model::Edit;
use crate::state::Action;
use crate::state::view::DetailsForm;
use crate::ui::widgets::quiet;

/// The markings offered.
const MARKINGS: [&str; 4] = ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"];

/// Draws the dialog while `form` is set; clears it on Save or Cancel.
pub fn details_dialog_ui(
    ctx: &egui::Context,
    form: &mut Option<DetailsForm>,
    out: &mut Vec<Action>,
) {
    let Some(f) = form.as_mut() else {
        return;
    };
    let mut close = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    egui::Modal::new(Id::unique("trh_details")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading("Scorecard details");
        fields(ui, f);
        let lowers = f.lowers();
        if lowers {
            ui.label(
                RichText::new(format!(
                    "This lowers the marking from {} to {}: every export from now on is marked {}.",
                    f.was,
                    f.details.marking.trim(),
                    f.details.marking.trim()
                ))
                .color(ui.visuals().warn_fg_color),
            );
            ui.checkbox(&mut f.lower_ok, "I am lowering the marking on purpose");
        }
        let problem = if f.details.title.trim().is_empty() {
            Some("The scorecard needs a title.")
        } else if f.details.marking.trim().is_empty() {
            Some("The scorecard needs a protective marking.")
        } else {
            None
        };
        if let Some(p) = problem {
            ui.label(quiet(p));
        }
        ui.horizontal(|ui| {
            let ok = problem.is_none() && (!lowers || f.lower_ok);
            let save = ui
                .add_enabled(ok, egui::Button::new("Save details"))
                .on_hover_text("One change (Undo takes it back); saved with the scorecard")
                .clicked();
            // A disabled button can still be "clicked" through accessibility tools.
            if save && ok {
                out.push(Action::edit(Edit::SetDetails {
                    details: f.details.clone(),
                }));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close {
        *form = None;
    }
}

/// The details' fields and the marking's choices.
fn fields(ui: &mut Ui, f: &mut DetailsForm) {
    egui::Grid::new("details_form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let d = &mut f.details;
            for (label, text, hint) in [
                (
                    "Title",
                    &mut d.title,
                    "e.g. Community safety strategic assessment 2026/27",
                ),
                ("Area", &mut d.area, "the partnership, e.g. Plymouth"),
                ("Period", &mut d.period, "e.g. 2026/27"),
                ("Prepared by", &mut d.author, "name or team"),
            ] {
                field(ui, label, text, hint);
            }
            ui.label("Protective marking");
            ui.horizontal_wrapped(|ui| {
                for m in MARKINGS {
                    ui.selectable_value(&mut d.marking, m.to_owned(), m);
                }
            });
            ui.end_row();
            field(
                ui,
                "Marking as written",
                &mut d.marking,
                "with any descriptor",
            );
            ui.label("Notes");
            ui.add(
                egui::TextEdit::multiline(&mut d.notes)
                    .desired_rows(3)
                    .desired_width(420.0),
            );
            ui.end_row();
        });
}

fn field(ui: &mut Ui, label: &str, text: &mut String, hint: &str) {
    ui.label(label);
    let r = ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(420.0),
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    ui.end_row();
}
