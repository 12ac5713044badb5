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
    ui.horizontal_wrapped(|ui| {
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
    let look = if ui.visuals().dark_mode {
        theme::ThemeChoice::Dark
    } else {
        theme::ThemeChoice::Light
    };
    let widths = column_widths(ui, doc, view);
    let cols = Columns::new(&widths);
    header_ui(ui, &cols, row_h, view);
    let output = egui::ScrollArea::both()
        .id_salt("ranking_board")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, rows.len(), |ui, range| {
            for i in range {
                let r = rows[i];
                let cut_above = by_rank && doc.ranking.cut > 0 && i == doc.ranking.cut;
                let selected = view.selected.as_ref() == Some(&r.id);
                let place = (row_h, i, selected, cut_above);
                if row_ui(ui, doc, r, &cols, place, look).clicked() {
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

/// The first two columns (rank and theme) stay in view when the table scrolls sideways.
const FROZEN: usize = 2;

/// Column edges: the frozen columns from the left of the view, the others from the left of
/// the scrolled content.
struct Columns {
    /// Left edge of each column and the right edge of the last, as if nothing were frozen.
    edges: [f32; 12],
}

impl Columns {
    fn new(widths: &[f32; 11]) -> Self {
        let mut edges = [0.0; 12];
        for i in 0..11 {
            edges[i + 1] = edges[i] + widths[i];
        }
        Self { edges }
    }

    fn frozen_width(&self) -> f32 {
        self.edges[FROZEN]
    }

    fn total(&self) -> f32 {
        self.edges[11]
    }

    /// Where column `i` lies: `view_left` is the left of the visible area, `content_left`
    /// the left of the (scrolled) content.
    fn span(&self, i: usize, view_left: f32, content_left: f32) -> (f32, f32) {
        let base = if i < FROZEN { view_left } else { content_left };
        (base + self.edges[i], base + self.edges[i + 1])
    }
}

/// Each column as wide as its widest cell (the theme name within limits), unless the user
/// dragged it; measured again only when the document or the text size changes.
fn column_widths(ui: &Ui, doc: &Document, view: &mut ViewState) -> [f32; 11] {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let size_key = (font.size * 10.0) as u32;
    let stale = view
        .board
        .fitted
        .as_ref()
        .is_none_or(|(g, s, _)| *g != doc.generation || *s != size_key);
    if stale {
        let measure = |t: &str| {
            ui.painter()
                .layout_no_wrap(t.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        };
        let heading = egui::TextStyle::Button.resolve(ui.style());
        let mut w: Vec<f32> = COLUMNS
            .iter()
            .map(|(name, _)| {
                ui.painter()
                    .layout_no_wrap(format!("{name} ˇ"), heading.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
            .collect();
        for r in &doc.ranking.rows {
            for (i, text) in cell_texts(r).iter().enumerate() {
                w[i] = w[i].max(measure(text));
            }
        }
        // Room for the band chip, the ≠ mark and the cell padding.
        w[5] += font.size * 2.2;
        w[9] += font.size * 1.2;
        for x in &mut w {
            *x += 14.0;
        }
        w[1] = w[1].clamp(160.0, 380.0);
        view.board.fitted = Some((doc.generation, size_key, w));
    }
    let fitted = view
        .board
        .fitted
        .as_ref()
        .map(|(_, _, w)| w.clone())
        .unwrap_or_default();
    view.board.resized.resize(11, None);
    let mut out = [60.0; 11];
    for (i, x) in out.iter_mut().enumerate() {
        *x = view.board.resized[i]
            .or(fitted.get(i).copied())
            .unwrap_or(60.0);
    }
    out
}

fn header_ui(ui: &mut Ui, cols: &Columns, row_h: f32, view: &mut ViewState) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), row_h),
        egui::Sense::hover(),
    );
    let content_left = rect.left() - view.board.scroll_x;
    let scrolled = egui::Rect::from_x_y_ranges(
        rect.left() + cols.frozen_width()..=rect.right(),
        rect.y_range(),
    );
    for (i, (name, key)) in COLUMNS.iter().enumerate() {
        let (l, r) = cols.span(i, rect.left(), content_left);
        let cell = egui::Rect::from_x_y_ranges(l..=r - 4.0, rect.y_range());
        let clip = if i < FROZEN { rect } else { scrolled };
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
            .scope_builder(builder, |ui| {
                ui.set_clip_rect(clip.intersect(ui.clip_rect()));
                ui.add(button)
            })
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
        resize_handle_ui(ui, i, cell.right() + 2.0, rect, clip, view);
    }
}

/// A column's right edge can be dragged to make it wider or narrower.
fn resize_handle_ui(
    ui: &mut Ui,
    i: usize,
    x: f32,
    row: egui::Rect,
    clip: egui::Rect,
    view: &mut ViewState,
) {
    let handle = egui::Rect::from_x_y_ranges(x - 3.0..=x + 3.0, row.y_range());
    if !clip.intersects(handle) {
        return;
    }
    let id = ui.scope_id().with(("board_resize", i));
    let r = ui
        .interact(handle, id, egui::Sense::drag())
        .on_hover_cursor(egui::CursorIcon::ResizeColumn);
    if r.hovered() || r.dragged() {
        ui.painter()
            .vline(x, row.y_range(), ui.visuals().widgets.hovered.fg_stroke);
    }
    if r.dragged() {
        let now = view
            .board
            .fitted
            .as_ref()
            .and_then(|(_, _, w)| w.get(i).copied())
            .unwrap_or(60.0);
        view.board.resized.resize(11, None);
        let w = view.board.resized[i].unwrap_or(now) + r.drag_delta().x;
        view.board.resized[i] = Some(w.clamp(32.0, 800.0));
    }
    if r.double_clicked() {
        // Back to the width that fits the content.
        view.board.resized.resize(11, None);
        view.board.resized[i] = None;
    }
}

/// One board row, painted as a single widget (cheap for hundreds of rows) and named by the
/// theme for screen readers.
fn row_ui(
    ui: &mut Ui,
    doc: &Document,
    r: &RankedTheme,
    cols: &Columns,
    (row_h, index, selected, cut_above): (f32, usize, bool, bool),
    look: theme::ThemeChoice,
) -> egui::Response {
    let width = cols.total().max(ui.available_width());
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, row_h), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Row, true, selected, &r.name));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, selected);
    let view = ui.clip_rect();
    let rect =
        egui::Rect::from_x_y_ranges(rect.left()..=rect.right().max(view.right()), rect.y_range());
    let painter = ui.painter_at(rect);
    if selected || response.hovered() {
        painter.rect_filled(rect, 0.0, visuals.weak_bg_fill);
    } else if index % 2 == 1 {
        painter.rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
    }
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let frozen_right = view.left() + cols.frozen_width();
    let cell = |i: usize| {
        let (l, r) = cols.span(i, view.left(), rect.left());
        egui::Rect::from_x_y_ranges(l + 4.0..=r - 6.0, rect.y_range())
    };
    // Scrolled cells never draw over the frozen columns.
    let clip = |i: usize| {
        let c = cell(i);
        if i < FROZEN {
            c
        } else {
            egui::Rect::from_x_y_ranges(c.left().max(frozen_right)..=c.right(), c.y_range())
        }
    };
    let text = |i: usize, s: &str, c: egui::Color32| {
        let galley = crate::ui::widgets::elided(ui, s.to_owned(), font.clone(), c, cell(i).width());
        let at = egui::pos2(cell(i).left(), cell(i).center().y - galley.size().y / 2.0);
        ui.painter().with_clip_rect(clip(i)).galley(at, galley, c);
    };
    // The frozen columns sit on the row's own background, over what scrolls beneath.
    let frozen = egui::Rect::from_x_y_ranges(view.left()..=frozen_right, rect.y_range());
    let ground = if selected || response.hovered() {
        visuals.weak_bg_fill
    } else if index % 2 == 1 {
        ui.visuals().faint_bg_color
    } else {
        ui.visuals().panel_fill
    };
    painter.rect_filled(frozen, 0.0, ui.visuals().panel_fill);
    painter.rect_filled(frozen, 0.0, ground);
    if cut_above {
        // Across the whole visible row, frozen columns included.
        let stroke = egui::Stroke::new(3.0, theme::accent_color(look));
        painter.hline(view.x_range(), rect.top() + 1.0, stroke);
    }
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
                let chip_painter = painter.with_clip_rect(clip(5));
                paint_band_chip(&chip_painter, chip, band, letter, ui.visuals().dark_mode);
                let rest = egui::Rect::from_x_y_ranges(
                    chip.right() + 6.0..=cell(5).right(),
                    rect.y_range(),
                );
                let chip_clip = clip(5);
                ui.painter().with_clip_rect(rest.intersect(chip_clip)).text(
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
