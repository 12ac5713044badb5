//! The Roll-up tab (*File → Compare partnerships…*): several partnerships' priorities side by
//! side, from the same roll-up value `trh rollup` prints. The partnerships (period, method,
//! cut line), what to know (a method mix, ids not matched), the table (themes down, most widely
//! a priority first; each cell the rank, band and status there) and the chart, drawn through
//! the one chart function so it matches the report.

use egui::{Align, Layout, RichText, Ui};

use crate::model::rollup::Rollup;
use crate::report::rollup::cell_text;
use crate::state::view::RollupView;
use crate::ui::chart_cache::ChartCache;
use crate::ui::charts_panel::{Shown, figure_ui};
use crate::ui::widgets::{quiet, warning};

/// Draws the tab.
pub fn rollup_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &RollupView,
    charts: &mut ChartCache,
    out: &mut Vec<crate::state::Action>,
) {
    let r: &Rollup = &view.rollup;
    ui.horizontal_wrapped(|ui| {
        use crate::export::ExportFormat as F;
        for (label, f) in [
            ("Save report…", F::Html),
            ("Save workbook…", F::Xlsx),
            ("Save CSV…", F::Csv),
            ("Save Markdown…", F::Md),
        ] {
            if ui.button(label).clicked() {
                out.push(crate::state::Action::ExportRollup(f));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} partnerships", r.columns.len())).strong());
        ui.label(quiet(format!(
            "from {} · marking of the roll-up: {}",
            view.source.display(),
            r.marking
        )));
    });
    for c in &r.columns {
        ui.label(quiet(format!(
            "{}: {} · {} · candidates: top {} · {}",
            c.name, c.period, c.method, c.cut, c.marking
        )));
    }
    for n in r.notes.iter().chain(&view.left_out) {
        ui.label(warning(n, cx.look));
    }
    ui.separator();
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.style_mut().interaction.selectable_labels = false;
            let n = r.columns.len().max(1) as f32;
            let name_w = 240.0;
            let cell_w = ((ui.available_width() - name_w - 90.0 - 120.0) / n).clamp(150.0, 320.0);
            ui.horizontal(|ui| {
                cell(ui, name_w, RichText::new("Theme").strong());
                cell(ui, 90.0, RichText::new("Priority in").strong());
                for c in &r.columns {
                    cell(ui, cell_w, RichText::new(&c.name).strong());
                }
                cell(ui, 120.0, RichText::new("Ranks (median)").strong());
            });
            for row in &r.rows {
                row_ui(ui, r, row, (name_w, cell_w));
            }
            ui.add_space(8.0);
            let figure = crate::chart::Figure::Rollup { rollup: r };
            let shown = Shown {
                name: "rollup",
                label: "Priorities across partnerships",
                generation: view.generation,
                detail: view.source.display().to_string(),
                height: crate::chart::rollup::height_for(r.rows.len()) as f32,
                marking: &r.marking,
            };
            figure_ui(ui, charts, cx.look, &shown, &figure);
        });
}

/// A cell cut to its column, left-aligned.
fn cell(ui: &mut Ui, w: f32, text: RichText) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(w, 20.0),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_width(w);
            ui.add(egui::Label::new(text).truncate())
        },
    )
    .inner
}

fn row_ui(ui: &mut Ui, r: &Rollup, row: &crate::model::rollup::Row, (name_w, cell_w): (f32, f32)) {
    ui.horizontal(|ui| {
        let mut name = RichText::new(&row.theme);
        if row.priority_in == r.columns.len() {
            name = name.strong();
        }
        cell(ui, name_w, name).on_hover_text(if row.reach.is_empty() {
            "—"
        } else {
            row.reach
        });
        cell(
            ui,
            90.0,
            RichText::new(format!("{} of {}", row.priority_in, r.columns.len())),
        );
        for c in &row.cells {
            let text = cell_text(c, &row.theme);
            let t = if c.status.is_priority() {
                RichText::new(text).strong()
            } else {
                quiet(text)
            };
            cell(ui, cell_w, t);
        }
        let range = row.rank_range.map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        });
        let median = row.median_rank.map(crate::report::num).unwrap_or_default();
        cell(
            ui,
            120.0,
            RichText::new(range.map(|x| format!("{x} ({median})")).unwrap_or_default()),
        );
    });
}
