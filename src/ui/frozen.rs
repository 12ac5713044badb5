//! The frozen left column of a grid that scrolls sideways (the ranking board's rank and theme,
//! the vote grid's names): what scrolls is clipped to the right of it, and its labels stay in
//! view and take the clicks there.

use egui::{Color32, Rect, Sense, Ui, pos2, vec2};

/// The vote grid's names column (the grid and the statistics under it line up on it).
pub const NAME_W: f32 = 220.0;

/// Where a row's scrolled cells may be drawn: right of the frozen column (`frozen` wide, at the
/// left of what is in view) and inside the view.
pub fn scrolled_clip(ui: &Ui, frozen: f32, row: Rect) -> Rect {
    let left = ui.clip_rect().left().max(row.left());
    Rect::from_x_y_ranges(left + frozen..=ui.clip_rect().right(), row.y_range())
        .intersect(ui.clip_rect())
}

/// The frozen column of a row: `frozen` wide at the left of what is in view (or of the row,
/// when the row starts further right).
pub fn frozen_rect(ui: &Ui, frozen: f32, row: Rect) -> Rect {
    let left = ui.clip_rect().left().max(row.left());
    Rect::from_min_size(pos2(left, row.top()), vec2(frozen, row.height()))
}

/// A row's label in the frozen column, on the panel's background over what scrolls beneath,
/// cut short with "…" to fit and named for screen readers; it takes the clicks there, so
/// nothing scrolled beneath it is clicked by accident.
pub fn frozen_label(ui: &mut Ui, frozen: f32, row: Rect, text: &str, color: Color32) {
    frozen_named(ui, frozen, row, (text, text), color);
}

/// As [`frozen_label`], showing `shown` and named `name` for screen readers (a narrow column
/// shows less than the whole name).
pub fn frozen_named(
    ui: &mut Ui,
    frozen: f32,
    row: Rect,
    (shown, text): (&str, &str),
    color: Color32,
) {
    let mut names = frozen_rect(ui, frozen, row);
    names.set_right(names.right() - 4.0);
    ui.painter()
        .rect_filled(names, 0.0, ui.visuals().panel_fill);
    let named = ui.interact(names, ui.scope_id().with(("frozen", text)), Sense::click());
    named.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = crate::ui::widgets::elided(ui, shown.to_owned(), font, color, frozen - 10.0);
    let at = pos2(names.left(), names.center().y - galley.size().y / 2.0);
    ui.painter().with_clip_rect(names).galley(at, galley, color);
}
