//! The import dialog: how each column of the spreadsheet maps (guessed from remembered
//! mappings and the documented names, changeable here), a preview of the first rows, and every
//! problem with its row and column before anything changes. Import applies all rows as one
//! edit, so one Undo takes it back.

use egui::{Id, RichText, Ui};

use crate::import::{Target, column_letter, themes};
use crate::model::{Edit, Scorecard};
use crate::state::Action;
use crate::state::view::{ImportCheck, ImportForm};
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
    if f.checked.as_ref().is_none_or(|c| c.layout != f.layout) {
        f.checked = Some(check(f, card));
    }
    let mut done = false;
    // Enter imports once the rows are ready, unless it is ending the edit of a field.
    let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter)) && !ctx.text_edit_focused();
    egui::Modal::new(Id::unique("trh_import")).show(ctx, |ui| {
        ui.set_max_width(900.0);
        ui.heading(format!("Import {}", source(f)));
        ui.label(quiet(format!("Read as {}", f.table.read_as())));
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
        // A mapping changed this frame is checked on the next; until then nothing is offered.
        let checked = f.checked.as_ref().filter(|c| c.layout == f.layout);
        notices(ui, f, card);
        if let Some(c) = checked {
            ui.label(RichText::new(&c.status).strong());
            for p in &c.problems {
                ui.label(RichText::new(p).small());
            }
        }
        let ready = checked
            .and_then(|c| c.themes.as_ref())
            .filter(|t| !t.is_empty());
        ui.horizontal(|ui| {
            let go = ui
                .add_enabled(ready.is_some(), egui::Button::new("Import"))
                .on_hover_text("Apply every row as one change (Undo takes it back)")
                .clicked()
                || enter;
            if go && let Some(themes) = ready {
                out.push(Action::Import {
                    edit: Edit::Import {
                        themes: themes.clone(),
                        source: source(f),
                        marking: crate::import::marking_above(&f.table, f.layout.header),
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

/// Factors no column maps to, and a marking in the sheet stricter than the scorecard's.
fn notices(ui: &mut Ui, f: &ImportForm, card: &Scorecard) {
    let missing = f.layout.missing_factors(&card.method);
    if !missing.is_empty() {
        ui.label(RichText::new(format!(
            "No column for {} of the method's factors ({}): themes do not rank until those are scored.",
            missing.len(),
            missing.join(", ")
        )).color(ui.visuals().warn_fg_color));
    }
    if let Some(m) = crate::import::marking_above(&f.table, f.layout.header).filter(|m| {
        crate::model::rollup::marking_rank(m) > crate::model::rollup::marking_rank(&card.marking)
    }) {
        ui.label(
            RichText::new(format!(
                "The sheet is marked {m}: importing marks this scorecard {m} too (it is {} now).",
                card.marking
            ))
            .strong(),
        );
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

/// Reads every row with the form's mapping and says what an import would do.
fn check(f: &ImportForm, card: &Scorecard) -> ImportCheck {
    let layout = f.layout.clone();
    match themes(&f.table, &layout, &card.method, &source(f)) {
        Ok(themes) => {
            let (how_many, counts) = import_summary(card, &themes);
            ImportCheck {
                layout,
                status: format!("Ready to import {how_many}: {counts}. Nothing has changed yet."),
                themes: Some(themes),
                problems: Vec::new(),
            }
        }
        Err(problems) => {
            let mut lines: Vec<String> = problems
                .iter()
                .take(PROBLEMS_SHOWN)
                .map(ToString::to_string)
                .collect();
            if problems.len() > PROBLEMS_SHOWN {
                lines.push(format!("… and {} more", problems.len() - PROBLEMS_SHOWN));
            }
            let count = if problems.len() == 1 {
                "1 problem".to_owned()
            } else {
                format!("{} problems", problems.len())
            };
            ImportCheck {
                layout,
                themes: None,
                status: format!(
                    "{count} to fix before importing (in the file or the mapping). Nothing has changed."
                ),
                problems: lines,
            }
        }
    }
}

/// What an import of `themes` into `card` does, in plain words: ("2 themes", "1 new, 1
/// updates a theme already here"). The dialog and the notice after the import both say it.
pub fn import_summary(card: &Scorecard, themes: &[crate::model::Theme]) -> (String, String) {
    let updated = themes
        .iter()
        .filter(|t| card.index_matching(t.id.as_str(), &t.name).is_some())
        .count();
    let how_many = match themes.len() {
        1 => "1 theme".to_owned(),
        n => format!("{n} themes"),
    };
    let updates = match updated {
        1 => "1 updates a theme already here".to_owned(),
        n => format!("{n} update themes already here"),
    };
    (
        how_many,
        format!("{} new, {updates}", themes.len() - updated),
    )
}
