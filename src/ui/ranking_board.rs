//! The ranking board: every theme in a sortable table (rank, theme, harm, likelihood, risk,
//! band, confidence, position, outcome, decision), the candidate-priority cut line, and
//! decisions that depart from the computed outcome marked. Clicking a row selects the theme.

use std::cmp::Ordering;

use egui::{RichText, Ui};

use crate::app::view::{SortKey, ViewState};
use crate::app::{Action, Document};
use crate::model::ranking::RankedTheme;
use crate::report::num;
use crate::ui::theme;
use crate::ui::widgets::paint_band_chip;

const COLUMNS: [(&str, SortKey); 11] = [
    ("Rank", SortKey::Rank),
    ("Theme", SortKey::Theme),
    ("Harm", SortKey::Harm),
    ("Likelihood", SortKey::Likelihood),
    ("Risk", SortKey::Risk),
    ("Band", SortKey::Risk),
    ("Confidence", SortKey::Confidence),
    ("Position", SortKey::Position),
    ("Outcome", SortKey::Outcome),
    ("Decision", SortKey::Decision),
    ("Flags", SortKey::Flags),
];

/// The ranking rows in the board's sort order.
pub fn sorted_rows<'a>(doc: &'a Document, view: &ViewState) -> Vec<&'a RankedTheme> {
    let mut rows: Vec<&RankedTheme> = doc.ranking.rows.iter().collect();
    let (key, ascending) = view.sort;
    if key != SortKey::Rank {
        rows.sort_by(|a, b| {
            let o = compare(key, a, b);
            if ascending { o } else { o.reverse() }
        });
    } else if !ascending {
        rows.reverse();
    }
    rows
}

fn compare(key: SortKey, a: &RankedTheme, b: &RankedTheme) -> Ordering {
    let f = |x: Option<f64>, y: Option<f64>| x.partial_cmp(&y).unwrap_or(Ordering::Equal);
    let idx = |n: &Option<crate::model::ranking::Named>| n.as_ref().map(|n| n.index);
    match key {
        SortKey::Rank => Ordering::Equal,
        SortKey::Theme => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        SortKey::Harm => f(a.harm, b.harm),
        SortKey::Likelihood => f(a.likelihood, b.likelihood),
        SortKey::Risk => f(a.risk, b.risk),
        SortKey::Confidence => idx(&a.confidence).cmp(&idx(&b.confidence)),
        SortKey::Position => f(a.position_total, b.position_total),
        SortKey::Outcome => idx(&a.outcome).cmp(&idx(&b.outcome)),
        SortKey::Flags => flags(a).len().cmp(&flags(b).len()),
        SortKey::Decision => a
            .decision
            .map(|d| d.code())
            .cmp(&b.decision.map(|d| d.code())),
    }
}

/// Draws the ranking board.
pub fn ranking_board_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState, out: &mut Vec<Action>) {
    let ranked = doc.ranking.rows.iter().filter(|r| r.rank.is_some()).count();
    ui.horizontal(|ui| {
        super::widgets::cut_ui(ui, doc, "Candidate priorities: top", out);
        ui.label(format!("of {ranked} ranked themes"));
        let departs = doc.ranking.rows.iter().filter(|r| r.departs).count();
        if departs > 0 {
            ui.label(
                RichText::new(format!(
                    "{departs} decision(s) depart from the suggested outcome (marked ≠)"
                ))
                .color(theme::warning_color(if ui.visuals().dark_mode {
                    theme::ThemeChoice::Dark
                } else {
                    theme::ThemeChoice::Light
                })),
            );
        }
    });
    super::decision_log::decision_log_ui(ui, doc);
    let rows = sorted_rows(doc, view);
    let by_rank = view.sort.0 == SortKey::Rank && view.sort.1;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.5;
    let cols = column_edges(ui.available_width());
    let look = if ui.visuals().dark_mode {
        theme::ThemeChoice::Dark
    } else {
        theme::ThemeChoice::Light
    };
    header_ui(ui, &cols, row_h, view);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_h, rows.len(), |ui, range| {
            for i in range {
                let r = rows[i];
                let cut_above = by_rank && doc.ranking.cut > 0 && i == doc.ranking.cut;
                let selected = view.selected.as_ref() == Some(&r.id);
                if row_ui(ui, doc, r, &cols, (row_h, i, selected, cut_above), look).clicked() {
                    out.push(Action::Select(r.id.clone()));
                }
            }
        });
}

/// Column widths: fixed for the numbers, the rest for the theme name.
const WIDTHS: [f32; 11] = [
    48.0, 0.0, 56.0, 82.0, 56.0, 120.0, 96.0, 124.0, 196.0, 170.0, 56.0,
];

/// Left edges of the eleven columns, and the right edge of the last.
fn column_edges(width: f32) -> [f32; 12] {
    let fixed: f32 = WIDTHS.iter().sum();
    let mut edges = [0.0; 12];
    for i in 0..11 {
        let w = if i == 1 {
            (width - fixed).max(160.0)
        } else {
            WIDTHS[i]
        };
        edges[i + 1] = edges[i] + w;
    }
    edges
}

fn header_ui(ui: &mut Ui, cols: &[f32; 12], row_h: f32, view: &mut ViewState) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), row_h),
        egui::Sense::hover(),
    );
    for (i, (name, key)) in COLUMNS.iter().enumerate() {
        let cell = egui::Rect::from_x_y_ranges(
            rect.left() + cols[i]..=rect.left() + cols[i + 1] - 4.0,
            rect.y_range(),
        );
        let sorted = view.sort.0 == *key && *name != "Band";
        let arrow = match (sorted, view.sort.1) {
            (true, true) => " ˆ",
            (true, false) => " ˇ",
            _ => "",
        };
        let button =
            egui::Button::new(RichText::new(format!("{name}{arrow}")).strong()).frame(false);
        // Left-aligned over the cells' left-aligned text.
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        let builder = egui::UiBuilder::new().max_rect(cell).layout(layout);
        let r = ui
            .scope_builder(builder, |ui| ui.add(button))
            .inner
            .on_hover_text(format!("Sort by {}", name.to_lowercase()));
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, *name));
        if r.clicked() {
            view.sort = if view.sort.0 == *key {
                (*key, !view.sort.1)
            } else {
                (*key, true)
            };
        }
    }
}

/// One board row, painted as a single widget (cheap for hundreds of rows) and named by the
/// theme for screen readers.
fn row_ui(
    ui: &mut Ui,
    doc: &Document,
    r: &RankedTheme,
    cols: &[f32; 12],
    (row_h, index, selected, cut_above): (f32, usize, bool, bool),
    look: theme::ThemeChoice,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), row_h),
        egui::Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Row, true, selected, &r.name));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, selected);
    let painter = ui.painter_at(rect);
    if selected || response.hovered() {
        painter.rect_filled(rect, 0.0, visuals.weak_bg_fill);
    } else if index % 2 == 1 {
        painter.rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
    }
    if cut_above {
        let stroke = egui::Stroke::new(3.0, theme::accent_color(look));
        painter.hline(rect.x_range(), rect.top() + 1.0, stroke);
    }
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let cell = |i: usize| {
        egui::Rect::from_x_y_ranges(
            rect.left() + cols[i] + 4.0..=rect.left() + cols[i + 1] - 6.0,
            rect.y_range(),
        )
    };
    let text = |i: usize, s: &str, c: egui::Color32| {
        ui.painter().with_clip_rect(cell(i)).text(
            cell(i).left_center(),
            egui::Align2::LEFT_CENTER,
            s,
            font.clone(),
            c,
        );
    };
    for (i, s) in cell_texts(r).iter().enumerate() {
        match i {
            5 => {
                let chip = egui::Rect::from_min_size(
                    cell(5).left_top() + egui::vec2(0.0, row_h * 0.15),
                    egui::vec2(font.size * 1.9, row_h * 0.7),
                );
                let letter = r
                    .band
                    .as_ref()
                    .and_then(|b| doc.card.method.bands.get(b.index))
                    .map_or("–", |b| b.letter.as_str());
                let band = r.band.as_ref().map(|b| b.index);
                paint_band_chip(&painter, chip, band, letter, ui.visuals().dark_mode);
                let rest = egui::Rect::from_x_y_ranges(
                    chip.right() + 6.0..=cell(5).right(),
                    rect.y_range(),
                );
                ui.painter().with_clip_rect(rest).text(
                    rest.left_center(),
                    egui::Align2::LEFT_CENTER,
                    s,
                    font.clone(),
                    color,
                );
            }
            9 if r.departs => text(i, &format!("≠ {s}"), theme::warning_color(look)),
            _ => text(i, s, color),
        }
    }
    response.on_hover_ui(|ui| {
        ui.label(RichText::new(&r.name).strong());
        if r.departs {
            let suggested = r.suggested.map_or("–", |s| s.label());
            ui.label(format!(
                "The decision departs from the suggested one: {suggested}"
            ));
        }
        if r.intelligence_gap {
            ui.label("Intelligence gap: high risk scored with low confidence");
        }
        if r.contested {
            ui.label("Contested: votes on some factors are far apart");
        }
        ui.label("Click to select");
    })
}

/// Flags as in `trh rank`: D departs, G intelligence gap, C contested.
pub fn flags(r: &RankedTheme) -> String {
    [
        (r.departs, 'D'),
        (r.intelligence_gap, 'G'),
        (r.contested, 'C'),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, c)| *c)
    .collect()
}

/// The eleven cells' text.
fn cell_texts(r: &RankedTheme) -> [String; 11] {
    let opt = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), num);
    let named = |n: &Option<crate::model::ranking::Named>| {
        n.as_ref()
            .map_or_else(|| "–".to_owned(), |n| n.label.to_string())
    };
    let grade = named(&r.grade);
    [
        r.rank.map_or_else(|| "–".to_owned(), |x| x.to_string()),
        r.name.clone(),
        opt(r.harm),
        opt(r.likelihood),
        opt(r.risk),
        named(&r.band),
        named(&r.confidence),
        match r.position_total {
            Some(p) => format!("{} ({grade})", num(p)),
            None => grade,
        },
        named(&r.outcome),
        r.decision.map_or("–", |d| d.label()).to_owned(),
        flags(r),
    ]
}
