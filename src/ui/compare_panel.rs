//! This year against last year: the summary, a warning when the methods differ, the slope
//! chart of rank movement, and a table of every theme with its movement and changed factors.

use egui::{RichText, Ui};

use crate::app::view::ViewState;
use crate::app::{Action, Document};
use crate::export::ExportFormat;
use crate::report::diff::{headline, movement};
use crate::ui::charts_panel::{ChartCache, Shown, figure_ui};
use crate::ui::theme::ThemeChoice;
use crate::ui::widgets::{quiet, warning};

/// Draws the compare tab.
pub fn compare_ui(
    ui: &mut Ui,
    doc: &Document,
    view: &mut ViewState,
    charts: &mut ChartCache,
    look: ThemeChoice,
    out: &mut Vec<Action>,
) {
    let Some(compare) = view.compare.as_mut() else {
        ui.label("Choose last year's scorecard to see what changed.");
        if ui
            .button(crate::app::Command::Compare.label())
            .on_hover_text(crate::app::Command::Compare.tooltip())
            .clicked()
        {
            out.push(Action::Command(crate::app::Command::Compare));
        }
        return;
    };
    // Compared again only after this scorecard changes.
    if compare
        .diff
        .as_ref()
        .is_none_or(|(g, _)| *g != doc.generation)
    {
        let diff = crate::model::diff::diff(&compare.old, &doc.card);
        compare.diff = Some((doc.generation, diff));
    }
    let Some((_, diff)) = &compare.diff else {
        return;
    };
    let lines = headline(diff);
    ui.label(RichText::new(&lines[0]).strong());
    for l in &lines[1..] {
        ui.label(warning(l.clone(), look).strong());
    }
    ui.horizontal(|ui| {
        ui.label(quiet(format!("Last year: {}", compare.path.display())));
        for format in [ExportFormat::Png, ExportFormat::Svg] {
            let text = format!("Save slope chart as {}…", format.extension().to_uppercase());
            if ui.button(text).clicked() {
                out.push(Action::ExportSlope(format));
            }
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("compare_scroll")
        .show(ui, |ui| {
            let shown = Shown {
                name: "slope",
                label: "Slope chart of rank movement",
                generation: doc.generation,
                detail: compare.path.display().to_string(),
                height: 420.0,
                marking: &diff.marking,
            };
            figure_ui(
                ui,
                charts,
                look,
                &shown,
                &crate::chart::Figure::Slope { diff },
            );
            egui::Grid::new("compare_grid")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for h in ["Last year", "This year", "Move", "Theme", "Band", "Changed"] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for t in &diff.themes {
                        let rank = |r: Option<u32>| r.map_or_else(|| "–".into(), |r| r.to_string());
                        ui.label(rank(t.old_rank));
                        ui.label(rank(t.new_rank));
                        ui.label(movement(t));
                        let name = match &t.status {
                            crate::model::diff::Status::Renamed { old_name } => {
                                format!("{} (was {old_name})", t.name)
                            }
                            crate::model::diff::Status::Kept => t.name.clone(),
                            s => format!("{} ({})", t.name, s.word()),
                        };
                        if ui.link(name).clicked() {
                            out.push(Action::Select(t.id.clone()));
                        }
                        let band = match (&t.old_band, &t.new_band) {
                            (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
                            (_, Some(b)) => b.clone(),
                            (Some(a), None) => a.clone(),
                            _ => String::new(),
                        };
                        ui.label(band);
                        let changed: Vec<String> = t
                            .factors
                            .iter()
                            .map(|f| {
                                format!(
                                    "{}: {} to {}",
                                    f.label,
                                    f.old.as_deref().unwrap_or("none"),
                                    f.new.as_deref().unwrap_or("none")
                                )
                            })
                            .collect();
                        let count = match (&t.status, changed.len()) {
                            (
                                crate::model::diff::Status::New
                                | crate::model::diff::Status::Removed,
                                _,
                            ) => String::new(),
                            (_, 0) => "none".to_owned(),
                            (_, 1) => "1 factor".to_owned(),
                            (_, n) => format!("{n} factors"),
                        };
                        let r = ui.label(count);
                        if !changed.is_empty() {
                            r.on_hover_text(changed.join("\n"));
                        }
                        ui.end_row();
                    }
                });
        });
}
