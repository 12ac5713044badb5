//! The ranking board's columns: widths fitted to their content (measured once per change),
//! widths the user drags, the header with its sort buttons, and the frozen rank and theme
//! columns that stay in view while the rest scrolls sideways.

use egui::Ui;

use crate::document::Document;
use crate::document::Figures;
use crate::model::ranking::RankedTheme;
use crate::report::row::{RowText, dash};
use crate::state::view::{SortKey, ViewState};

/// The first two columns (rank and theme) stay in view when the table scrolls sideways.
pub(super) const FROZEN: usize = 2;
/// The band column (a chip and the band's name), counted without the Other sections'.
const COL_BAND: usize = 5;
/// The stability column (what screen readers hear as a row's value).
const COL_STABILITY: usize = 6;
/// The decision column.
const COL_DECISION: usize = 10;
/// Where the Other sections' totals go: after likelihood.
const COL_OTHERS: usize = 4;

/// What a column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Band,
    Stability,
    Decision,
    Plain,
}

/// The board's columns for a method: the twelve fixed ones, with a column for each Other
/// section's total (a weighted method's "Public concern") after likelihood, since the risk
/// depends on it.
pub(super) fn columns(doc: &Document) -> Vec<(String, SortKey)> {
    let mut out: Vec<(String, SortKey)> =
        COLUMNS.iter().map(|(n, k)| ((*n).to_owned(), *k)).collect();
    let others = doc
        .card
        .method
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == crate::model::method::SectionKind::Other)
        .map(|(i, s)| (s.label.clone(), SortKey::Section(i)));
    out.splice(COL_OTHERS..COL_OTHERS, others);
    out
}

/// Column edges: the frozen columns from the left of the view, the others from the left of
/// the scrolled content.
pub(super) struct Columns {
    /// Left edge of each column and the right edge of the last, as if nothing were frozen.
    edges: Vec<f32>,
    /// Columns added for Other sections.
    extra: usize,
}

impl Columns {
    pub(super) fn new(widths: &[f32]) -> Self {
        let mut edges = vec![0.0; widths.len() + 1];
        for (i, w) in widths.iter().enumerate() {
            edges[i + 1] = edges[i] + w;
        }
        Self {
            edges,
            extra: widths.len().saturating_sub(COLUMNS.len()),
        }
    }

    pub(super) fn frozen_width(&self) -> f32 {
        self.edges[FROZEN]
    }

    pub(super) fn total(&self) -> f32 {
        self.edges.last().copied().unwrap_or(0.0)
    }

    /// The band column's index.
    pub(super) fn band(&self) -> usize {
        COL_BAND + self.extra
    }

    /// What column `i` shows.
    pub(super) fn kind(&self, i: usize) -> Kind {
        match i.checked_sub(self.extra) {
            Some(COL_BAND) if i >= COL_OTHERS + self.extra => Kind::Band,
            Some(COL_STABILITY) if i >= COL_OTHERS + self.extra => Kind::Stability,
            Some(COL_DECISION) if i >= COL_OTHERS + self.extra => Kind::Decision,
            _ => Kind::Plain,
        }
    }

    /// Where column `i` lies: `view_left` is the left of the visible area, `content_left`
    /// the left of the (scrolled) content.
    pub(super) fn span(&self, i: usize, view_left: f32, content_left: f32) -> (f32, f32) {
        let base = if i < FROZEN { view_left } else { content_left };
        (base + self.edges[i], base + self.edges[i + 1])
    }
}

/// Each column as wide as its widest cell (the theme name within limits), unless the user
/// dragged it; measured again only when the document or the text size changes.
pub(super) fn column_widths(
    ui: &Ui,
    doc: &Document,
    figures: Option<&Figures>,
    view: &mut ViewState,
) -> Vec<f32> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let size_key = (font.size * 10.0) as u32;
    let stale = view
        .board
        .fitted
        .as_ref()
        .is_none_or(|(g, s, _)| *g != doc.generation || *s != size_key);
    let names = columns(doc);
    let n = names.len();
    if stale {
        let measure = |t: &str| {
            ui.painter()
                .layout_no_wrap(t.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        };
        let heading = egui::TextStyle::Button.resolve(ui.style());
        let mut w: Vec<f32> = names
            .iter()
            .map(|(name, _)| {
                ui.painter()
                    .layout_no_wrap(format!("{name} ˇ"), heading.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
            .collect();
        for r in &doc.ranking.rows {
            for (i, text) in cell_texts(doc, r, figures).iter().enumerate() {
                w[i] = w[i].max(measure(text));
            }
        }
        // Room for the band chip, the ≠ mark and the cell padding.
        let extra = n - COLUMNS.len();
        w[COL_BAND + extra] += font.size * 2.2;
        w[COL_DECISION + extra] += font.size * 1.2;
        // The stability column fits "12–140 · close call" before its figures arrive.
        let s = COL_STABILITY + extra;
        w[s] = w[s].max(measure("12–140 · close call"));
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
    view.board.resized.resize(n, None);
    let mut out = vec![60.0; n];
    for (i, x) in out.iter_mut().enumerate() {
        *x = view.board.resized[i]
            .or(fitted.get(i).copied())
            .unwrap_or(60.0);
    }
    out
}

pub(super) fn header_ui(
    ui: &mut Ui,
    (doc, cols): (&Document, &Columns),
    row_h: f32,
    view: &mut ViewState,
) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), row_h),
        egui::Sense::hover(),
    );
    let content_left = rect.left() - view.board.scroll_x;
    let scrolled = super::frozen::scrolled_clip(ui, cols.frozen_width(), rect);
    for (i, (name, key)) in columns(doc).iter().enumerate() {
        let (l, r) = cols.span(i, rect.left(), content_left);
        let cell = egui::Rect::from_x_y_ranges(l..=r - 4.0, rect.y_range());
        let clip = if i < FROZEN { rect } else { scrolled };
        let sorted = view.sort.0 == *key && *name != "Band";
        let arrow = match (sorted, view.sort.1) {
            (true, true) => " ˆ",
            (true, false) => " ˇ",
            _ => "",
        };
        // Painted and sensed in place rather than laid out: a heading scrolled off to the
        // right must not widen the panel (that would widen the table's scroll area too, and
        // the last columns could never be scrolled into view).
        let id = ui.scope_id().with(("board_heading", i));
        let r = ui
            .interact(cell.intersect(clip), id, egui::Sense::click())
            .on_hover_text(if *key == SortKey::Stability {
                format!(
                    "Sort by stability\n\n{}",
                    crate::model::stability::BADGES_EXPLAINED
                )
            } else {
                format!("Sort by {}", name.to_lowercase())
            });
        let color = if r.hovered() {
            ui.visuals().widgets.hovered.fg_stroke.color
        } else {
            ui.visuals().strong_text_color()
        };
        let galley = crate::ui::widgets::elided(
            ui,
            format!("{name}{arrow}"),
            egui::TextStyle::Button.resolve(ui.style()),
            color,
            cell.width(),
        );
        let at = egui::pos2(cell.left() + 2.0, cell.center().y - galley.size().y / 2.0);
        ui.painter()
            .with_clip_rect(clip.intersect(ui.clip_rect()))
            .galley(at, galley, color);
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
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
        view.board
            .resized
            .resize(view.board.resized.len().max(i + 1), None);
        let w = view.board.resized[i].unwrap_or(now) + r.drag_delta().x;
        view.board.resized[i] = Some(w.clamp(32.0, 800.0));
    }
    if r.double_clicked() {
        // Back to the width that fits the content.
        view.board
            .resized
            .resize(view.board.resized.len().max(i + 1), None);
        view.board.resized[i] = None;
    }
}

/// The board's columns with the key each sorts by.
pub(super) const COLUMNS: [(&str, SortKey); 12] = [
    ("Rank", SortKey::Rank),
    ("Theme", SortKey::Theme),
    ("Harm", SortKey::Harm),
    ("Likelihood", SortKey::Likelihood),
    ("Risk", SortKey::Risk),
    ("Band", SortKey::Risk),
    ("Stability", SortKey::Stability),
    ("Confidence", SortKey::Confidence),
    ("Position", SortKey::Position),
    ("Outcome", SortKey::Outcome),
    ("Decision", SortKey::Decision),
    ("Flags", SortKey::Flags),
];

/// The cells' text, from the one row formatter ([`RowText`]), the Other sections' totals
/// and the stability figures; "–" for a missing value, "…" while the figures are being
/// computed.
pub(super) fn cell_texts(
    doc: &Document,
    r: &RankedTheme,
    figures: Option<&Figures>,
) -> Vec<String> {
    let t = RowText::of(r);
    let position = t.position_with_total();
    let stability = match figures {
        None if r.rank.is_some() => "…".to_owned(),
        None => String::new(),
        Some(x) => x.theme(&r.id).map_or_else(String::new, |s| {
            s.badge(x.stability.top)
                .map_or_else(String::new, |b| format!("{} · {}", s.interval(), b.label()))
        }),
    };
    let mut out = [
        &t.rank,
        &t.theme,
        &t.harm,
        &t.likelihood,
        &t.risk,
        &t.band,
        &stability,
        &t.confidence,
        &position,
        &t.outcome,
        &t.decision,
        &t.flags,
    ]
    .map(|s| dash(s).to_owned())
    .to_vec();
    let others = columns(doc).into_iter().filter_map(|(_, k)| match k {
        SortKey::Section(i) => Some(
            dash(
                &r.section_totals
                    .get(i)
                    .copied()
                    .flatten()
                    .map(crate::report::num)
                    .unwrap_or_default(),
            )
            .to_owned(),
        ),
        _ => None,
    });
    out.splice(COL_OTHERS..COL_OTHERS, others);
    out
}
