//! Help → *The method…*: the method the scorecard is scored under, in full, as the report's
//! appendix gives it: each section's factors with their levels, points and meanings; how risk
//! is formed (a grid as the paper shows it); the bands; and the outcome lookup of band
//! against partnership-position grade. Read-only: a method is changed in its file.

use egui::{RichText, Ui};

use crate::model::method::{Method, Scale};
use crate::ui::widgets::quiet;

/// Draws the window while `open`.
pub fn method_view_ui(ctx: &egui::Context, open: &mut bool, m: &Method) {
    if !*open {
        return;
    }
    egui::Window::new(format!("The method: {}", m.name))
        .id(egui::Id::unique("trh_method_view"))
        .open(open)
        .default_size([720.0, 560.0])
        .vscroll(true)
        .show(ctx, |ui| {
            ui.label(format!("{} {} ({})", m.name, m.version, m.id));
            ui.label(&m.description);
            ui.label(quiet(&m.provenance));
            for section in &m.sections {
                ui.add_space(6.0);
                ui.label(RichText::new(&section.label).heading());
                for f in &section.factors {
                    ui.label(RichText::new(&f.label).strong())
                        .on_hover_text(f.id.as_str());
                    if !f.descriptor.is_empty() {
                        ui.label(quiet(&f.descriptor));
                    }
                    scale_ui(ui, &f.scale);
                }
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Risk").heading());
            ui.label(crate::report::method_text::risk_rule(m));
            bands_ui(ui, m);
            lookup_ui(ui, m);
        });
}

fn scale_ui(ui: &mut Ui, scale: &Scale) {
    match scale {
        Scale::Levels(levels) => {
            for l in levels {
                ui.label(format!(
                    "    {} ({}): {}",
                    l.label,
                    crate::report::pts(l.points),
                    l.descriptor
                ));
            }
        }
        Scale::Range { min, max, step } => {
            ui.label(match step {
                None => format!("    any whole number from {min} to {max}"),
                Some(s) => format!(
                    "    any number from {min} to {max} in steps of {}",
                    s.written()
                ),
            });
        }
    }
}

fn bands_ui(ui: &mut Ui, m: &Method) {
    ui.label(RichText::new("Risk bands").strong());
    egui::Grid::new("method_bands")
        .striped(true)
        .show(ui, |ui| {
            for b in &m.bands {
                ui.label(format!("{} ({})", b.label, b.letter));
                ui.label(crate::export::band_range(m, b));
                ui.end_row();
            }
        });
}

fn lookup_ui(ui: &mut Ui, m: &Method) {
    let Some(t) = crate::report::method_text::lookup_table(m) else {
        return;
    };
    ui.add_space(6.0);
    ui.label(RichText::new("Outcome: risk band against partnership position").strong());
    egui::Grid::new("method_lookup")
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Band / position").strong());
            for c in &t.columns {
                ui.label(RichText::new(c).strong());
            }
            ui.end_row();
            for (band, cells) in &t.rows {
                ui.label(band);
                for c in cells {
                    ui.label(c);
                }
                ui.end_row();
            }
        });
}
