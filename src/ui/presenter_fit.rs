//! How presenter mode fits one screen: the type sizes, the row height and the widths of the
//! factor table's columns, chosen from the window's size and the method's factors.

use egui::{Color32, FontId, Ui};

use crate::document::Document;
use crate::model::Scale;

/// Type sizes and the factor table's geometry for one screen: everything on the page fits
/// the window, at any projector resolution, with body text never below [`MIN_BODY`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Fit {
    pub(super) body: f32,
    pub(super) small: f32,
    pub(super) heading: f32,
    pub(super) row_h: f32,
    /// Width of the factor-name column.
    pub(super) label_w: f32,
    /// Width of the votes column (the same for every factor, so the columns line up).
    pub(super) votes_w: f32,
    /// Factor columns side by side (two when one column would not fit at the minimum size).
    pub(super) columns: usize,
}

/// Body text size in presenter mode (pixels at 1:1), before fitting to the screen.
pub const BODY: f32 = 28.0;
/// The theme's name.
pub const HEADING: f32 = 46.0;
/// Secondary text.
pub const SMALL: f32 = 22.0;

/// The largest body text presenter mode grows to on a big screen.
pub const MAX_BODY: f32 = 60.0;
/// The smallest body text presenter mode uses (a 1024×768 projector).
pub const MIN_BODY: f32 = 20.0;
/// A factor row's height, in body text heights.
const ROW: f32 = 1.35;
/// The gap between factor rows.
pub(super) const ROW_GAP: f32 = 2.0;

impl Fit {
    pub(super) fn new(ui: &Ui, doc: &Document, height: f32, width: f32) -> Self {
        let factors = doc.card.method.factors().count() as f32;
        let sections = doc.card.method.sections.len() as f32;
        let gap = ui.spacing().item_spacing.y;
        let row_gap = ROW_GAP;
        // Header: the top line, the name, a line each of description and evidence, the
        // footer; then the rows, each with the gap egui leaves between widgets.
        let lines_at = |body: f32, columns: f32| {
            let small = body * SMALL / BODY;
            let header = (small * 1.45 + gap) * 4.0 + body * HEADING / BODY * 1.35 + gap + 16.0;
            let per_column = (factors / columns).ceil();
            let headings = (sections / columns).ceil();
            header + per_column * (ROW * body + row_gap) + headings * (small * ROW + row_gap)
        };
        // The longest factor name at `BODY`; names scale with the type.
        let longest_at_body = doc
            .card
            .method
            .factors()
            .map(|(_, f)| {
                ui.painter()
                    .layout_no_wrap(f.label.clone(), FontId::proportional(BODY), Color32::WHITE)
                    .size()
                    .x
            })
            .fold(0.0_f32, f32::max);
        // The largest type that fits the screen: every row in height, the longest name in
        // its column. One column if it fits at the minimum size, else two.
        let fits = |body: f32, columns: f32| {
            let name = longest_at_body * body / BODY + body * 0.8;
            lines_at(body, columns) <= height && name <= width / columns * 0.36
        };
        let largest = |columns: f32| {
            let mut body = MAX_BODY;
            while body > MIN_BODY && !fits(body, columns) {
                body -= 1.0;
            }
            body
        };
        let mut columns = 1.0;
        let mut body = largest(columns);
        if lines_at(body, columns) > height {
            columns = 2.0;
            body = largest(columns);
        }
        let small = (body * SMALL / BODY).max(MIN_BODY * 0.8);
        let column_w = width / columns;
        // The names column is as wide as the longest name, within a third of the column.
        let longest = longest_at_body * body / BODY;
        let levels = doc
            .card
            .method
            .factors()
            .map(|(_, f)| match &f.scale {
                Scale::Levels(l) => l.len().max(1),
                Scale::Range { .. } => 3,
            })
            .max()
            .unwrap_or(3) as f32;
        // Room for a box per level ("VH 12") and the word "contested".
        let votes_w = (levels * small * 2.9 + small * 5.5).min(column_w * 0.45);
        Self {
            votes_w,
            body,
            small,
            heading: body * HEADING / BODY,
            row_h: body * ROW,
            label_w: (longest + body * 0.8).min(column_w * 0.36),
            columns: columns as usize,
        }
    }
}
