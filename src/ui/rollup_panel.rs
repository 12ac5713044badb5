//! The Partnerships tab (*File → Compare partnerships…*): several partnerships' priorities side
//! by side, from the same roll-up value `trh rollup` prints. Choosing a folder or adding
//! scorecards; the partnerships (period, method, cut line, and Remove); what to know (a method
//! mix, ids not matched, files left out); the row chosen for matching or splitting by hand
//! (`rollup_hand.rs`); then the table (themes down, most widely a priority first; each cell the
//! rank, band and status there, and how it was matched) or the chart, drawn through the one
//! chart function so it matches the report.

use egui::{Align, Layout, RichText, Ui};

use crate::model::rollup::{Cell, MatchedBy, Rollup, Row, SortBy};
use crate::report::rollup::cell_text;
use crate::state::action::{Action, RollupAction};
use crate::state::view::{RollupView, ViewState};
use crate::ui::chart_cache::ChartCache;
use crate::ui::charts_panel::{Shown, figure_ui};
use crate::ui::widgets::{quiet, warning};

/// The height of a table row: two lines.
const ROW_HEIGHT: f32 = 38.0;

/// Draws the tab.
pub fn rollup_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &mut ViewState,
    charts: &mut ChartCache,
    out: &mut Vec<Action>,
) {
    let busy = view.rollup_jobs.1;
    let rolled = view.rollup.as_ref().and_then(|v| v.rollup.clone());
    toolbar(ui, busy, rolled.is_some(), out);
    let Some(v) = view.rollup.as_mut() else {
        ui.add_space(12.0);
        ui.label(RichText::new("Put several partnerships' scorecards side by side").heading());
        ui.label(
            "Choose a folder holding the partnerships' scorecards (or a roll-up file saved \
             before), or add the scorecards one by one. Each keeps its own method, ranking, \
             cut line and decisions: nothing is re-scored. Themes are matched by id, then by \
             name, then by category; match or split the rest by hand, and the matches are \
             saved in a roll-up file so next year's roll-up starts matched.",
        );
        return;
    };
    partnerships(ui, cx, v, rolled.as_deref(), busy, out);
    let Some(r) = rolled else {
        ui.label("Add at least one more scorecard to compare.");
        return;
    };
    if let Some(sel) = v.selected.filter(|&i| i < r.rows.len()) {
        crate::ui::rollup_hand::chosen_row_ui(ui, &r, sel, &mut v.selected, busy, out);
    }
    ui.separator();
    if v.show_chart {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| chart(ui, cx, v, &r, charts));
    } else {
        table(ui, v, &r);
    }
}

fn toolbar(ui: &mut Ui, busy: bool, rolled: bool, out: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.add_enabled_ui(!busy, |ui| {
            if ui
                .button("Choose a folder…")
                .on_hover_text(
                    "A folder of partnerships' scorecards (and its roll-up file, if it has one)",
                )
                .clicked()
            {
                out.push(Action::Rollup(RollupAction::ChooseFolder));
            }
            if ui
                .button("Add scorecards…")
                .on_hover_text("Add partnerships' scorecards, or open a roll-up file")
                .clicked()
            {
                out.push(Action::Rollup(RollupAction::AddFiles));
            }
        });
        if busy {
            ui.spinner();
            ui.label("Reading…");
        }
        if !rolled {
            return;
        }
        ui.separator();
        use crate::export::ExportFormat as F;
        for (label, f) in [
            ("Save report…", F::Html),
            ("Save workbook…", F::Xlsx),
            ("Save CSV…", F::Csv),
            ("Save Markdown…", F::Md),
        ] {
            if ui.button(label).clicked() {
                out.push(Action::Rollup(RollupAction::Export(f)));
            }
        }
    });
}

/// The partnerships, each with Remove; where matches are saved; what to know; and the switch
/// between the table and the chart.
fn partnerships(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    v: &mut RollupView,
    r: Option<&Rollup>,
    busy: bool,
    out: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} partnerships", v.set.cards.len())).strong());
        if let Some(r) = r {
            ui.label(quiet(format!("· marking of the roll-up: {}", r.marking)));
        }
        let saved = if v.set.file.exists() {
            "matches saved in"
        } else {
            "matches made by hand will be saved in"
        };
        ui.label(quiet(format!("· {saved} {}", v.set.file.display())));
    });
    for (p, (path, card)) in v.set.cards.iter().enumerate() {
        ui.horizontal(|ui| {
            let name = crate::file::rollup_file::column_name(card, path);
            let cut = r.and_then(|r| r.columns.get(p)).map_or(0, |c| c.cut);
            ui.label(RichText::new(&name).strong());
            ui.label(quiet(format!(
                "{} · {} {} · candidates: top {cut} · {}",
                card.period, card.method.id, card.method.version, card.marking
            )))
            .on_hover_text(path.display().to_string());
            if ui
                .add_enabled(!busy, egui::Button::new("Remove").small())
                .on_hover_text(format!("Take {name} out of the roll-up"))
                .clicked()
            {
                out.push(Action::Rollup(RollupAction::Remove(p)));
            }
        });
    }
    for n in r
        .map(|r| r.notes.as_slice())
        .unwrap_or_default()
        .iter()
        .chain(&v.set.left_out)
    {
        ui.label(warning(n, cx.look));
    }
    if r.is_some() {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut v.show_chart, false, "Table");
            ui.selectable_value(&mut v.show_chart, true, "Chart");
            if !v.show_chart {
                ui.label(quiet(
                    "Click a theme to match it with another row or split it by hand.",
                ));
            }
        });
    }
}

fn chart(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    v: &RollupView,
    r: &Rollup,
    charts: &mut ChartCache,
) {
    let figure = crate::chart::Figure::Rollup { rollup: r };
    let shown = Shown {
        name: "rollup",
        label: "Priorities across partnerships",
        generation: v.generation,
        detail: v.set.file.display().to_string(),
        height: crate::chart::rollup::height_for(r.rows.len()) as f32,
        marking: &r.marking,
    };
    figure_ui(ui, charts, cx.look, &shown, &figure);
}

/// Column widths: the theme, "priority in", each partnership, the ranks.
fn widths(ui: &Ui, n: usize) -> [f32; 4] {
    let avail = ui.available_width();
    let gaps = ui.spacing().item_spacing.x * (n + 3) as f32;
    let name = (avail * 0.22).clamp(180.0, 320.0);
    let cell = ((avail - name - 80.0 - 100.0 - gaps) / n.max(1) as f32).clamp(130.0, 320.0);
    [name, 80.0, cell, 100.0]
}

/// The table, one row per theme, drawn only where it shows.
fn table(ui: &mut Ui, v: &mut RollupView, r: &Rollup) {
    let w = widths(ui, r.columns.len());
    egui::ScrollArea::horizontal()
        .id_salt("rollup-table")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                head(ui, w[0], "Theme", SortBy::Theme, &mut v.sort);
                head(ui, w[1], "Priority in", SortBy::Reach, &mut v.sort);
                for (p, c) in r.columns.iter().enumerate() {
                    head(ui, w[2], &c.name, SortBy::Partnership(p), &mut v.sort);
                }
                head(ui, w[3], "Ranks (median)", SortBy::Median, &mut v.sort);
            });
            let order = r.order(v.sort.0, v.sort.1);
            egui::ScrollArea::vertical()
                .id_salt("rollup-rows")
                .auto_shrink([false, false])
                .show_rows(ui, ROW_HEIGHT, order.len(), |ui, shown| {
                    ui.style_mut().interaction.selectable_labels = false;
                    for &i in &order[shown] {
                        row_ui(ui, r, i, w, &mut v.selected);
                    }
                });
        });
}

/// A heading, on up to two lines: click to sort by it, again to reverse.
fn head(ui: &mut Ui, w: f32, text: &str, by: SortBy, sort: &mut (SortBy, bool)) {
    boxed(ui, w, 36.0, |ui| {
        let on = sort.0 == by;
        let arrow = match (on, sort.1) {
            (true, true) => " ˇ",
            (true, false) => " ˆ",
            _ => "",
        };
        let b = egui::Button::new(RichText::new(format!("{text}{arrow}")).strong())
            .frame(false)
            .wrap();
        if ui.add(b).on_hover_text(format!("Sort by {text}")).clicked() {
            *sort = (by, on && !sort.1);
        }
    });
}

/// A fixed-size box, left-aligned and cut to its width.
fn boxed(ui: &mut Ui, w: f32, h: f32, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(egui::vec2(w, h), Layout::top_down(Align::Min), |ui| {
        ui.set_width(w);
        ui.set_height(h);
        add(ui);
    });
}

fn row_ui(ui: &mut Ui, r: &Rollup, i: usize, w: [f32; 4], selected: &mut Option<usize>) {
    let row = &r.rows[i];
    ui.horizontal(|ui| {
        boxed(ui, w[0], ROW_HEIGHT - 4.0, |ui| {
            let mut name = RichText::new(&row.theme);
            if row.priority_in == r.columns.len() {
                name = name.strong();
            }
            let chosen = *selected == Some(i);
            let clicked = ui
                .add(egui::Button::selectable(chosen, name).truncate())
                .on_hover_text(format!(
                    "{}{}Click to match or split it by hand",
                    row.theme,
                    if row.reach.is_empty() {
                        "\n".to_owned()
                    } else {
                        format!(": {}\n", row.reach)
                    }
                ))
                .clicked();
            if clicked {
                *selected = if chosen { None } else { Some(i) };
            }
            if row.confidence_flag {
                ui.label(quiet("low confidence in several areas"));
            }
        });
        boxed(ui, w[1], ROW_HEIGHT - 4.0, |ui| {
            ui.label(format!("{} of {}", row.priority_in, r.columns.len()));
        });
        for c in &row.cells {
            boxed(ui, w[2], ROW_HEIGHT - 4.0, |ui| cell_ui(ui, c, row));
        }
        boxed(ui, w[3], ROW_HEIGHT - 4.0, |ui| {
            ui.label(ranks(row));
        });
    });
}

/// A cell in two lines: rank, band and status; then how it differs (its own name, a category
/// match to check, low confidence).
fn cell_ui(ui: &mut Ui, c: &Cell, row: &Row) {
    let (top, under) = cell_lines(c, &row.theme);
    let top = if c.status.is_priority() {
        RichText::new(top).strong()
    } else {
        RichText::new(top).weak()
    };
    let full = cell_text(c, &row.theme);
    ui.add(egui::Label::new(top).truncate())
        .on_hover_text(&full);
    if !under.is_empty() {
        ui.add(egui::Label::new(quiet(under)).truncate())
            .on_hover_text(full);
    }
}

/// A cell's two lines.
pub fn cell_lines(c: &Cell, row_name: &str) -> (String, String) {
    if c.index.is_none() {
        return ("not assessed".to_owned(), String::new());
    }
    let mut top = vec![
        c.rank
            .map_or_else(|| "unranked".to_owned(), |r| format!("#{r}")),
    ];
    top.extend(c.band.clone());
    top.push(c.status.text().to_owned());
    let mut under = Vec::new();
    if let Some(name) = c.name.as_deref().filter(|n| *n != row_name) {
        under.push(format!("as “{name}”"));
    }
    match c.matched_by {
        Some(MatchedBy::Category) => under.push("by category: check".to_owned()),
        Some(MatchedBy::Hand) => under.push("matched by hand".to_owned()),
        _ => {}
    }
    if c.low_confidence {
        under.push("low confidence".to_owned());
    }
    (top.join(" · "), under.join(" · "))
}

fn ranks(row: &Row) -> String {
    let Some((a, b)) = row.rank_range else {
        return String::new();
    };
    let range = if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    };
    let median = row.median_rank.map(crate::report::num).unwrap_or_default();
    format!("{range} ({median})")
}
