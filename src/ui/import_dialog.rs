//! The import dialog: how each column of the spreadsheet maps (guessed from remembered
//! mappings and the documented names, changeable here), a preview of the first rows, and every
//! problem with its row and column before anything changes. Import applies all rows as one
//! edit, so one Undo takes it back.

use egui::{Id, RichText, Ui};

use crate::app::Action;
use crate::app::view::ImportForm;
use crate::import::{Target, column_letter, themes};
use crate::model::ids::name_key;
use crate::model::{Edit, Scorecard};
use crate::ui::widgets::quiet;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 6;
/// Problems listed (the rest are counted).
const PROBLEMS_SHOWN: usize = 12;

/// Draws the dialog while `form` is set; clears it on Cancel or Import.
pub fn import_dialog_ui(
    ctx: &egui::Context,
    form: &mut Option<ImportForm>,
    card: &Scorecard,
    remembered: &crate::import::Remembered,
    out: &mut Vec<Action>,
) {
    let Some(f) = form.as_mut() else {
        return;
    };
    // Read every row again only when the mapping changed.
    if f.checked.as_ref().is_none_or(|(l, _)| *l != f.layout) {
        let result = themes(&f.table, &f.layout, &card.method, &source(f));
        f.checked = Some((f.layout.clone(), result));
    }
    let mut done = false;
    egui::Modal::new(Id::unique("trh_import")).show(ctx, |ui| {
        ui.set_max_width(900.0);
        ui.heading(format!("Import {}", source(f)));
        if let Some(sheet) = &f.table.sheet {
            ui.label(quiet(format!("Sheet \"{sheet}\"")));
        }
        ui.horizontal(|ui| {
            ui.label("Headings on row");
            let mut line = f.layout.header + 1;
            let last = f.table.rows.len().clamp(1, 50);
            let r = ui.add(egui::DragValue::new(&mut line).range(1..=last));
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Headings on row")
            });
            if line != f.layout.header + 1 {
                f.layout = crate::import::detect_at(&f.table, &card.method, remembered, line - 1);
            }
            ui.label(format!(
                "; {} rows below. Choose what each column is; values become the analyst's drafts.",
                f.table.rows.len().saturating_sub(f.layout.header + 1)
            ));
        });
        egui::ScrollArea::both()
            .id_salt("import_columns")
            .max_height(360.0)
            .show(ui, |ui| mapping_ui(ui, f, card));
        ui.separator();
        let status = summary(f, card);
        ui.label(RichText::new(&status.0).strong());
        for p in &status.1 {
            ui.label(RichText::new(p).small());
        }
        ui.horizontal(|ui| {
            let ready = matches!(&f.checked, Some((_, Ok(t))) if !t.is_empty());
            if ui
                .add_enabled(ready, egui::Button::new("Import"))
                .on_hover_text("Apply every row as one change (Undo takes it back)")
                .clicked()
                && let Some((_, Ok(themes))) = &f.checked
            {
                out.push(Action::Import {
                    edit: Edit::Import {
                        themes: themes.clone(),
                        source: source(f),
                    },
                    remember: f.layout.remembered(),
                });
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
    });
    if done || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        *form = None;
    }
}

fn source(f: &ImportForm) -> String {
    f.path.file_name().map_or_else(
        || f.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// One row per column: the heading, what it maps to, and its first values.
fn mapping_ui(ui: &mut Ui, f: &mut ImportForm, card: &Scorecard) {
    let targets = Target::all(&card.method);
    let data: Vec<&crate::import::Row> = f
        .table
        .rows
        .iter()
        .skip(f.layout.header + 1)
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .take(PREVIEW_ROWS)
        .collect();
    egui::Grid::new("import_grid").striped(true).show(ui, |ui| {
        ui.label(RichText::new("Column").strong());
        ui.label(RichText::new("Imported as").strong());
        ui.label(RichText::new("First values").strong());
        ui.end_row();
        for (i, heading) in f.layout.headings.iter().enumerate() {
            ui.label(format!("{} {}", column_letter(i), heading.trim()));
            let current = f.layout.columns[i].clone();
            let text = current
                .as_ref()
                .map_or_else(|| "Ignore".to_owned(), |t| t.label(&card.method));
            egui::ComboBox::from_id_salt(("import_target", i))
                .selected_text(text)
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.layout.columns[i], None, "Ignore");
                    for t in &targets {
                        let label = t.label(&card.method);
                        ui.selectable_value(&mut f.layout.columns[i], Some(t.clone()), label);
                    }
                });
            let sample: Vec<&str> = data
                .iter()
                .filter_map(|r| r.cells.get(i).map(|c| c.trim()))
                .collect();
            ui.label(quiet(sample.join(" · ")));
            ui.end_row();
        }
    });
}

/// A one-line result and the problems to list.
fn summary(f: &ImportForm, card: &Scorecard) -> (String, Vec<String>) {
    match &f.checked {
        Some((_, Ok(themes))) => {
            let updated = themes
                .iter()
                .filter(|t| {
                    card.themes
                        .iter()
                        .any(|x| x.id == t.id || name_key(&x.name) == name_key(&t.name))
                })
                .count();
            (
                format!(
                    "Ready: {} themes ({} new, {} update themes already here). Nothing has changed yet.",
                    themes.len(),
                    themes.len() - updated,
                    updated
                ),
                Vec::new(),
            )
        }
        Some((_, Err(problems))) => {
            let mut lines: Vec<String> = problems
                .iter()
                .take(PROBLEMS_SHOWN)
                .map(ToString::to_string)
                .collect();
            if problems.len() > PROBLEMS_SHOWN {
                lines.push(format!("… and {} more", problems.len() - PROBLEMS_SHOWN));
            }
            (
                format!(
                    "{} to fix before importing (in the file or the mapping). Nothing has changed.",
                    if problems.len() == 1 {
                        "1 problem".to_owned()
                    } else {
                        format!("{} problems", problems.len())
                    }
                ),
                lines,
            )
        }
        None => (String::new(), Vec::new()),
    }
}
