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
        // Tall enough for every theme's label at a readable size (about 18 points a row),
        // leaving the table at least a quarter of the tab.
        height: (diff.themes.len() as f32 * 18.0 + 110.0)
            .min(ui.available_height() * 0.75)
            .max(220.0),
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

/// Column widths of the table, in points; the theme column takes what the others leave
/// (between [`THEME_MIN`] and its width here) and the table scrolls sideways below that.
const COLUMNS: [(&str, f32); 7] = [
    ("Last year", 62.0),
    ("This year", 62.0),
    ("Move", 44.0),
    ("Theme", 440.0),
    ("Band", 130.0),
    ("Changed", 72.0),
    ("Matched", 165.0),
];
/// The theme column's narrowest.
const THEME_MIN: f32 = 150.0;

/// The columns' widths for a table `width` wide.
fn widths(width: f32) -> [f32; 7] {
    let mut w = COLUMNS.map(|c| c.1);
    let others: f32 = w.iter().sum::<f32>() - w[3] + 6.0 * 8.0;
    w[3] = (width - others).clamp(THEME_MIN, COLUMNS[3].1);
    w
}

/// Lays out column `i`'s cell: numbers (the first three columns) right-aligned, words
/// left-aligned, each within its column's width.
fn column<R>(ui: &mut Ui, (i, w): (usize, &[f32; 7]), add: impl FnOnce(&mut Ui) -> R) -> R {
    let layout = if i < 3 {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    let width = w[i];
    ui.allocate_ui_with_layout(egui::vec2(width, 18.0), layout, |ui| {
        ui.set_width(width);
        add(ui)
    })
    .inner
}

/// One line per theme; only the rows on screen are laid out, so hundreds of themes cost no
/// more than a screenful.
fn table_ui(ui: &mut Ui, diff: &crate::model::diff::Diff, out: &mut Vec<Action>) {
    let w = widths(ui.available_width());
    // Room for the match box, so every row is the same height.
    let row_h = ui
        .text_style_height(&egui::TextStyle::Body)
        .max(ui.spacing().interact_size.y)
        + 8.0;
    // Last year's themes no theme of this year continues: a new theme can be matched to one.
    let removed: Vec<(&crate::model::ThemeId, &str)> = diff
        .themes
        .iter()
        .filter(|t| t.status == crate::model::diff::Status::Removed)
        .map(|t| (&t.id, t.name.as_str()))
        .collect();
    egui::ScrollArea::horizontal()
        .id_salt("compare_sideways")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                for (i, (heading, _)) in COLUMNS.into_iter().enumerate() {
                    column(ui, (i, &w), |ui| ui.label(RichText::new(heading).strong()));
                }
            });
            egui::ScrollArea::vertical()
                .id_salt("compare_scroll")
                .auto_shrink([false, false])
                .show_rows(ui, row_h, diff.themes.len(), |ui, range| {
                    for t in &diff.themes[range] {
                        ui.horizontal(|ui| row_ui(ui, (t, &removed), &w, out));
                    }
                });
        });
}

/// The last cell: how a theme was matched to last year's, and the control to match a new
/// theme by hand (or undo a match made by hand).
fn match_ui(
    ui: &mut Ui,
    (t, removed): (
        &crate::model::diff::ThemeDiff,
        &[(&crate::model::ThemeId, &str)],
    ),
    out: &mut Vec<Action>,
) {
    use crate::model::diff::{MatchedBy, Status};
    let set = |last_year: Option<crate::model::ThemeId>| Action::Edit {
        edit: crate::model::Edit::SetLastYear {
            theme: t.id.clone(),
            last_year,
        },
        merge: None,
    };
    match (&t.status, t.matched_by) {
        (_, Some(MatchedBy::Hand)) => {
            ui.label("by hand");
            if ui
                .small_button("Unmatch")
                .on_hover_text(format!("{} is not the same theme as last year's", t.name))
                .clicked()
            {
                out.push(set(None));
            }
        }
        (Status::New, _) if !removed.is_empty() => {
            // As tall as a line of text, so the row keeps the table's row height.
            ui.spacing_mut().button_padding.y = 0.0;
            let mut chosen = None;
            let r = egui::ComboBox::from_id_salt(("last_year", t.id.as_str()))
                .selected_text("Same as…")
                .width(150.0)
                .show_ui(ui, |ui| {
                    for (id, name) in removed {
                        if ui.selectable_label(false, *name).clicked() {
                            chosen = Some((*id).clone());
                        }
                    }
                })
                .response;
            // Named for screen readers (and tests) by the theme it is for.
            let said = format!("Last year's theme for {}", t.name);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &said));
            r.on_hover_text(format!(
                "Match {} to the theme of last year's it continues (saved in this scorecard)",
                t.name
            ));
            if chosen.is_some() {
                out.push(set(chosen));
            }
        }
        (_, Some(MatchedBy::Name)) => {
            ui.label("by name");
        }
        (_, Some(MatchedBy::Id)) => {
            ui.label("same theme");
        }
        _ => {}
    }
}

fn row_ui(
    ui: &mut Ui,
    (t, removed): (
        &crate::model::diff::ThemeDiff,
        &[(&crate::model::ThemeId, &str)],
    ),
    w: &[f32; 7],
    out: &mut Vec<Action>,
) {
    use crate::model::diff::Status;
    let cell = |ui: &mut Ui, i: usize, text: String| {
        column(ui, (i, w), |ui| ui.add(egui::Label::new(text).truncate()))
    };
    cell(ui, 0, rank_text(t.old_rank));
    cell(ui, 1, rank_text(t.new_rank));
    cell(ui, 2, movement(t));
    let name = match &t.status {
        Status::Renamed { old_name } => format!("{} (was {old_name})", t.name),
        Status::Kept => t.name.clone(),
        s => format!("{} ({})", t.name, s.word()),
    };
    // Cut short with "…" to its column (the whole name on hover), never pushing the rest.
    let link = egui::Label::new(RichText::new(&name).color(ui.visuals().hyperlink_color))
        .truncate()
        .sense(egui::Sense::click());
    if column(ui, (3, w), |ui| {
        ui.add(link)
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .clicked()
    }) {
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
    column(ui, (6, w), |ui| match_ui(ui, (t, removed), out));
}
