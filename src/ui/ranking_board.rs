//! The ranking board: every theme in a sortable table (rank, theme, harm, likelihood, risk,
//! band, confidence, position, outcome, decision), the candidate-priority cut line, and
//! decisions that depart from the computed outcome marked. Clicking a row selects the theme.

use std::cmp::Ordering;

use egui::{RichText, Ui};

use crate::document::Document;
use crate::document::Figures;
use crate::model::ranking::RankedTheme;
use crate::report::row::flags;
use crate::state::Action;
use crate::state::view::{SortKey, ViewState};
use crate::ui::style;
use crate::ui::widgets::paint_band_chip;

use super::frozen::{frozen_rect, scrolled_clip};
use super::ranking_columns::{Columns, FROZEN, Kind, cell_texts, column_widths, header_ui};

/// The ranking rows in the board's sort order.
pub fn sorted_rows<'a>(
    doc: &'a Document,
    view: &ViewState,
    figures: Option<&Figures>,
) -> Vec<&'a RankedTheme> {
    let mut rows: Vec<&RankedTheme> = doc.ranking.rows.iter().collect();
    let (key, ascending) = view.sort;
    if key != SortKey::Rank {
        rows.sort_by(|a, b| {
            let o = compare(key, a, b, figures);
            if ascending { o } else { o.reverse() }
        });
    } else if !ascending {
        rows.reverse();
    }
    rows
}

fn compare(key: SortKey, a: &RankedTheme, b: &RankedTheme, figures: Option<&Figures>) -> Ordering {
    let same_side =
        |r: &RankedTheme| figures.and_then(|x| x.theme(&r.id)?.p_same_side(x.stability.top));
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
        SortKey::Stability => f(same_side(a), same_side(b)),
        SortKey::Section(i) => {
            let total = |r: &RankedTheme| r.section_totals.get(i).copied().flatten();
            f(total(a), total(b))
        }
        SortKey::Decision => a
            .decision
            .map(|d| d.code())
            .cmp(&b.decision.map(|d| d.code())),
    }
}

/// Draws the ranking board.
pub fn ranking_board_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &mut ViewState,
    out: &mut Vec<Action>,
) {
    // Stability figures only of this state of the document.
    let (doc, figures) = (cx.doc, cx.figures_now());
    let ranked = doc.ranking.rows.iter().filter(|r| r.rank.is_some()).count();
    ui.horizontal_wrapped(|ui| {
        let of = format!("of {ranked} ranked themes");
        super::widgets::cut_ui(ui, doc, ("Candidate priorities: top", &of), out);
        let departs = doc.ranking.rows.iter().filter(|r| r.departs).count();
        if departs > 0 {
            ui.label(
                RichText::new(format!(
                    "{departs} decision(s) depart from the suggested outcome (marked ≠)"
                ))
                .color(style::warning_color(style::current(ui))),
            );
        }
    });
    super::decision_log::decision_log_ui(ui, doc);
    super::close_calls_panel::close_calls_ui(ui, doc, figures, out);
    let rows = sorted_rows(doc, view, figures);
    let by_rank = view.sort.0 == SortKey::Rank && view.sort.1;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.5;
    let widths = column_widths(ui, doc, figures, view);
    let cols = Columns::new(&widths);
    header_ui(ui, (doc, &cols), row_h, view);
    let output = egui::ScrollArea::both()
        .id_salt("ranking_board")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, rows.len(), |ui, range| {
            for i in range {
                let r = rows[i];
                let cut_above = by_rank && doc.ranking.cut > 0 && i == doc.ranking.line();
                let selected = view.selected.as_ref() == Some(&r.id);
                let place = Place {
                    row_h,
                    index: i,
                    selected,
                    cut_above,
                };
                if row_ui(ui, cx, r, &cols, &place).clicked() {
                    out.push(Action::Select(r.id.clone()));
                }
            }
        });
    // The header follows the table's sideways scroll (drawn next frame, so ask for one).
    let x = output.state.clamped_offset().x;
    if (x - view.board.scroll_x).abs() > 0.5 {
        view.board.scroll_x = x;
        ui.ctx().request_repaint();
    }
}

/// Where a row sits on the board and how it is marked.
struct Place {
    row_h: f32,
    /// Its position in the board's order (alternate rows are shaded).
    index: usize,
    selected: bool,
    /// The cut line runs along its top.
    cut_above: bool,
}

/// One board row, painted as a single widget (cheap for hundreds of rows) and named by the
/// theme for screen readers.
fn row_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    r: &RankedTheme,
    cols: &Columns,
    place: &Place,
) -> egui::Response {
    let (doc, figures, look) = (cx.doc, cx.figures_now(), style::current(ui));
    let width = cols.total().max(ui.available_width());
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, place.row_h), egui::Sense::click());
    let cells = cell_texts(doc, r, figures);
    response.widget_info(|| {
        // Screen readers (and tests) hear the stability cell as the row's value.
        let mut info = egui::WidgetInfo::selected(egui::Role::Row, true, place.selected, &r.name);
        info.current_text_value = cells
            .iter()
            .enumerate()
            .find(|(i, _)| cols.kind(*i) == Kind::Stability)
            .map(|(_, s)| s.clone());
        info
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let view = ui.clip_rect();
    let rect =
        egui::Rect::from_x_y_ranges(rect.left()..=rect.right().max(view.right()), rect.y_range());
    // One background for the row, frozen columns included (they sit over what scrolls
    // beneath, so they are always painted).
    let ground = row_ground(ui, &response, place);
    let painter = ui.painter_at(rect);
    if let Some(fill) = ground {
        painter.rect_filled(rect, 0.0, fill);
    }
    let frozen = frozen_rect(ui, cols.frozen_width(), rect);
    painter.rect_filled(frozen, 0.0, ui.visuals().panel_fill);
    if let Some(fill) = ground {
        painter.rect_filled(frozen, 0.0, fill);
    }
    if place.cut_above {
        // Across the whole visible row, frozen columns included.
        let stroke = egui::Stroke::new(3.0, style::accent_color(look));
        painter.hline(view.x_range(), rect.top() + 1.0, stroke);
    }
    let cells_at = Cells {
        cols,
        row: rect,
        scrolled: scrolled_clip(ui, cols.frozen_width(), rect),
    };
    let color = ui.visuals().text_color();
    let badge = figures.and_then(|x| x.badge(&r.id));
    for (i, s) in cells.iter().enumerate() {
        match cols.kind(i) {
            Kind::Band => band_cell_ui(ui, &cells_at, doc, r, s, place.row_h),
            Kind::Stability => {
                let c = super::close_calls_panel::badge_color(ui, badge, look);
                cells_at.text(ui, i, s, c);
            }
            Kind::Decision if r.departs => {
                cells_at.text(ui, i, &format!("≠ {s}"), style::warning_color(look));
            }
            _ => cells_at.text(ui, i, s, color),
        }
    }
    response.on_hover_ui(|ui| row_hover_ui(ui, r, figures))
}

/// The row's background: the selection or hover colour, else a faint shade on alternate
/// rows, else none (the panel's).
fn row_ground(ui: &Ui, response: &egui::Response, place: &Place) -> Option<egui::Color32> {
    if place.selected || response.hovered() {
        Some(
            ui.style()
                .interact_selectable(response, place.selected)
                .weak_bg_fill,
        )
    } else {
        (place.index % 2 == 1).then(|| ui.visuals().faint_bg_color)
    }
}

/// Where a row's cells lie, and where each may draw.
struct Cells<'a> {
    cols: &'a Columns,
    row: egui::Rect,
    /// Right of the frozen columns: scrolled cells never draw over them.
    scrolled: egui::Rect,
}

impl Cells<'_> {
    fn cell(&self, ui: &Ui, i: usize) -> egui::Rect {
        let (l, r) = self.cols.span(i, ui.clip_rect().left(), self.row.left());
        egui::Rect::from_x_y_ranges(l + 4.0..=r - 6.0, self.row.y_range())
    }

    fn clip(&self, ui: &Ui, i: usize) -> egui::Rect {
        let c = self.cell(ui, i);
        if i < FROZEN {
            c
        } else {
            c.intersect(self.scrolled)
        }
    }

    /// A cell's text, cut short with "…" to fit.
    fn text(&self, ui: &Ui, i: usize, s: &str, c: egui::Color32) {
        let cell = self.cell(ui, i);
        let font = egui::TextStyle::Body.resolve(ui.style());
        let galley = crate::ui::widgets::elided(ui, s.to_owned(), font, c, cell.width());
        let at = egui::pos2(cell.left(), cell.center().y - galley.size().y / 2.0);
        ui.painter()
            .with_clip_rect(self.clip(ui, i))
            .galley(at, galley, c);
    }
}

/// The band cell: the band's chip (colour and letter), then its name.
fn band_cell_ui(ui: &Ui, at: &Cells<'_>, doc: &Document, r: &RankedTheme, s: &str, row_h: f32) {
    let cell = at.cell(ui, at.cols.band());
    let clip = at.clip(ui, at.cols.band());
    let font = egui::TextStyle::Body.resolve(ui.style());
    let chip = egui::Rect::from_min_size(
        cell.left_top() + egui::vec2(0.0, row_h * 0.15),
        egui::vec2(font.size * 1.9, row_h * 0.7),
    );
    let letter = r
        .band
        .as_ref()
        .and_then(|b| doc.card.method.bands.get(b.index))
        .map_or("–", |b| b.letter.as_str());
    let band = r.band.as_ref().map(|b| b.index);
    let painter = ui.painter().with_clip_rect(clip);
    paint_band_chip(&painter, chip, band, letter, ui.visuals().dark_mode);
    let rest = egui::Rect::from_x_y_ranges(chip.right() + 6.0..=cell.right(), at.row.y_range());
    ui.painter().with_clip_rect(rest.intersect(clip)).text(
        rest.left_center(),
        egui::Align2::LEFT_CENTER,
        s,
        font,
        ui.visuals().text_color(),
    );
}

/// What hovering a row says: its name, its flags in words, and its stability.
fn row_hover_ui(ui: &mut Ui, r: &RankedTheme, figures: Option<&Figures>) {
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
    if let Some(t) = figures.and_then(|x| x.theme(&r.id)) {
        ui.label(super::close_calls_panel::stability_tooltip(t, figures));
    }
    ui.label("Click to select");
}
