//! This year against last year: the summary, a warning when the methods differ, the slope
//! chart of rank movement, and a table of every theme with its movement and changed factors.

use egui::{RichText, Ui};

use crate::export::ExportFormat;
use crate::report::diff::{band_text, headline, movement, rank_text};
use crate::state::Action;
use crate::state::view::ViewState;
use crate::ui::chart_cache::ChartCache;
use crate::ui::charts_panel::{Shown, figure_ui};
use crate::ui::widgets::{quiet, warning};

/// Draws the compare tab.
pub fn compare_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &mut ViewState,
    charts: &mut ChartCache,
    out: &mut Vec<Action>,
) {
    let (doc, look) = (cx.doc, cx.look);
    let Some(compare) = view.compare.as_ref() else {
        ui.label("Choose last year's scorecard to see what changed.");
        if ui
            .button(crate::state::Command::Compare.label())
            .on_hover_text(crate::state::Command::Compare.tooltip())
            .clicked()
        {
            out.push(Action::Command(crate::state::Command::Compare));
        }
        return;
    };
    // Compared again only after this scorecard changes.
    let diff = doc.year_on_year(&compare.old);
    let diff = &*diff;
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
    let shown = Shown {
        name: "slope",
        label: "Slope chart of rank movement",
        generation: doc.generation,
        detail: compare.path.display().to_string(),
        height: (ui.available_height() * 0.5).clamp(220.0, 460.0),
        marking: &diff.marking,
    };
    let figure = crate::chart::Figure::Slope { diff };
    if let Some((response, Some(mark))) = figure_ui(ui, charts, look, &shown, &figure)
        && let Some(t) = diff.themes.iter().find(|t| t.id == mark.theme)
    {
        let text = format!(
            "{}\nLast year {} · this year {} {}\nClick to select",
            t.name,
            rank_text(t.old_rank),
            rank_text(t.new_rank),
            movement(t)
        );
        let clicked = response.clicked();
        response.on_hover_text(text);
        if clicked {
            out.push(Action::Select(t.id.clone()));
        }
    }
    table_ui(ui, diff, out);
}

/// Column widths of the table, in points.
const COLUMNS: [(&str, f32); 6] = [
    ("Last year", 70.0),
    ("This year", 70.0),
    ("Move", 50.0),
    ("Theme", 440.0),
    ("Band", 170.0),
    ("Changed", 90.0),
];

/// Lays out column `i`'s cell: numbers (the first three columns) right-aligned, words
/// left-aligned, each within its column's width.
fn column<R>(ui: &mut Ui, i: usize, add: impl FnOnce(&mut Ui) -> R) -> R {
    let layout = if i < 3 {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    let width = COLUMNS[i].1;
    ui.allocate_ui_with_layout(egui::vec2(width, 18.0), layout, |ui| {
        ui.set_width(width);
        add(ui)
    })
    .inner
}

/// One line per theme; only the rows on screen are laid out, so hundreds of themes cost no
/// more than a screenful.
fn table_ui(ui: &mut Ui, diff: &crate::model::diff::Diff, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        for (i, (heading, _)) in COLUMNS.into_iter().enumerate() {
            column(ui, i, |ui| ui.label(RichText::new(heading).strong()));
        }
    });
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("compare_scroll")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, diff.themes.len(), |ui, range| {
            for t in &diff.themes[range] {
                ui.horizontal(|ui| row_ui(ui, t, out));
            }
        });
}

fn row_ui(ui: &mut Ui, t: &crate::model::diff::ThemeDiff, out: &mut Vec<Action>) {
    use crate::model::diff::Status;
    let cell = |ui: &mut Ui, i: usize, text: String| {
        column(ui, i, |ui| ui.add(egui::Label::new(text).truncate()))
    };
    cell(ui, 0, rank_text(t.old_rank));
    cell(ui, 1, rank_text(t.new_rank));
    cell(ui, 2, movement(t));
    let name = match &t.status {
        Status::Renamed { old_name } => format!("{} (was {old_name})", t.name),
        Status::Kept => t.name.clone(),
        s => format!("{} ({})", t.name, s.word()),
    };
    if column(ui, 3, |ui| ui.link(name).clicked()) {
        out.push(Action::Select(t.id.clone()));
    }
    cell(ui, 4, band_text(t));
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
        (Status::New | Status::Removed, _) => String::new(),
        (_, 0) => "none".to_owned(),
        (_, 1) => "1 factor".to_owned(),
        (_, n) => format!("{n} factors"),
    };
    let r = cell(ui, 5, count);
    if !changed.is_empty() {
        r.on_hover_text(changed.join("\n"));
    }
}
