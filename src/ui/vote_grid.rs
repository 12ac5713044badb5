//! The vote grid of the workshop: for the selected theme, present participants down and the
//! method's factors across, one round at a time. Votes stay hidden (a dot shows who has voted)
//! until the facilitator reveals them. Under the grid, each factor's median, range, quartiles
//! and count for the round, the previous round's median, a contested flag and "Agree…".
//! Keyboard entry is in `vote_keys.rs`.

use egui::{Align2, Rect, Sense, Ui, pos2, vec2};

use super::frozen::{frozen_named, scrolled_clip};
use super::vote_shape::{Grid, shape};
use crate::document::Document;
use crate::model::method::Factor;
use crate::model::{ParticipantId, Theme, Value};
use crate::state::modal::Modal;
use crate::state::view::ViewState;
use crate::ui::style::accent_color;

/// The round the grid shows for a theme.
pub fn current_round(view: &ViewState, theme: &Theme) -> u32 {
    view.workshop.round_for(theme)
}

/// The participants shown in the grid: those present.
pub fn grid_people(doc: &Document) -> Vec<&crate::model::scorecard::Participant> {
    doc.card.participants.iter().filter(|p| p.present).collect()
}

/// Draws the grid and the per-factor statistics for the selected theme.
pub fn vote_grid_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    theme: &Theme,
    view: &mut ViewState,
) -> Option<Modal> {
    let (doc, look) = (cx.doc, cx.look);
    let on_phones = cx.live.map_or(&[][..], |l| l.claimed.as_slice());
    let round = current_round(view, theme);
    let factors: Vec<&Factor> = doc.card.method.factors().map(|(_, f)| f).collect();
    let width = ui.available_width().min(ui.clip_rect().width());
    let fit = shape(ui, &factors, width);
    let grid = Grid {
        theme,
        round,
        revealed: theme.votes_shown(round),
        row_h: ui.text_style_height(&egui::TextStyle::Body) * 1.6,
        cw: fit.cw,
        name_w: fit.name_w,
        upright: fit.upright,
        head_len: fit.head_len,
        factors,
        look,
        // Moved within this theme's grid: a theme just shown starts at the top left, headings
        // in view (scrolling to its first cell then hid the factor headings).
        moved: view
            .workshop
            .shown
            .as_ref()
            .is_some_and(|(id, at)| id == &theme.id && *at != view.workshop.cursor),
    };
    header_ui(ui, &grid);
    let people = grid_people(doc);
    for (r, person) in people.iter().enumerate() {
        person_row_ui(ui, &grid, view, r, person, on_phones.contains(&person.id));
    }
    view.workshop.shown = Some((theme.id.clone(), view.workshop.cursor));
    if people.is_empty() {
        ui.label("Add participants (and mark them present) to enter votes.");
    }
    ui.add_space(6.0);
    super::vote_stats::stats_ui(ui, doc, &grid)
}

/// One person's row: a cell per factor, scrolling beneath their name, which stays in view
/// (the name says "· phone" when they vote from a phone, so nobody types for them).
fn person_row_ui(
    ui: &mut Ui,
    grid: &Grid<'_>,
    view: &mut ViewState,
    r: usize,
    person: &crate::model::scorecard::Participant,
    on_phone: bool,
) {
    let (rect, _) = ui.allocate_exact_size(
        vec2(
            grid.name_w + grid.cw * grid.factors.len() as f32,
            grid.row_h,
        ),
        Sense::hover(),
    );
    let clip = scrolled_clip(ui, grid.name_w, rect);
    for (c, factor) in grid.factors.iter().enumerate() {
        let cell = Rect::from_min_size(
            rect.min + vec2(grid.name_w + grid.cw * c as f32, 0.0),
            vec2(grid.cw - 4.0, grid.row_h - 2.0),
        );
        let at = VoteCell {
            at: (r, c),
            rect: cell,
            clip,
            vote: vote_of(grid.theme, factor, &person.id, grid.round),
            factor,
            label: format!("{}, {}", person.name, factor.label),
        };
        vote_cell_ui(ui, grid, view, &at);
    }
    let phone = if on_phone { " · phone" } else { "" };
    // Narrow, the names column keeps the names and leaves the agencies out.
    let name = format!("{} ({}){phone}", person.name, person.agency);
    let shown = if grid.upright {
        format!("{}{phone}", person.name)
    } else {
        name.clone()
    };
    let color = ui.visuals().text_color();
    frozen_named(ui, grid.name_w, rect, (&shown, &name), color);
}

/// One vote cell: the vote (or a dot while hidden, or what is being typed), the cursor, and a
/// click that moves the cursor there.
/// One cell of the grid: where it is (row, column; its rectangle and where it may draw), the
/// vote in it, and its name for screen readers.
struct VoteCell<'a> {
    at: (usize, usize),
    rect: Rect,
    clip: Rect,
    vote: Option<Value>,
    factor: &'a Factor,
    label: String,
}

fn vote_cell_ui(ui: &mut Ui, grid: &Grid<'_>, view: &mut ViewState, c: &VoteCell<'_>) {
    let ((r, col), cell, clip) = (c.at, c.rect, c.clip);
    let (vote, factor, label) = (c.vote, c.factor, c.label.as_str());
    let at_cursor = view.workshop.cursor == (r, col);
    let text = match (vote, grid.revealed) {
        (Some(v), true) => factor.scale.code(v),
        (Some(_), false) => "•".to_owned(),
        (None, _) if at_cursor && !view.workshop.entry.is_empty() => view.workshop.entry.clone(),
        (None, _) => String::new(),
    };
    let id = ui.scope_id().with(("vote", r, col));
    let response = ui.interact(cell, id, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    // A cell scrolled under the names column is not clicked through them.
    if response.clicked() && cell.left() >= clip.left() - 1.0 {
        view.workshop.cursor = (r, col);
        view.workshop.entry.clear();
    }
    if at_cursor && grid.moved {
        // Keep the cursor in view, clear of the names column.
        let wanted =
            Rect::from_x_y_ranges(cell.left() - grid.name_w..=cell.right(), cell.y_range());
        ui.scroll_to_rect(wanted, None);
    }
    let fill = if at_cursor {
        ui.visuals().selection.bg_fill
    } else {
        ui.visuals().extreme_bg_color
    };
    let painter = ui.painter().with_clip_rect(clip);
    painter.rect_filled(cell, 3.0, fill);
    if at_cursor {
        painter.rect_stroke(
            cell,
            3.0,
            egui::Stroke::new(2.0, accent_color(grid.look)),
            egui::StrokeKind::Inside,
        );
    }
    painter.text(
        cell.center(),
        Align2::CENTER_CENTER,
        text,
        egui::TextStyle::Button.resolve(ui.style()),
        ui.visuals().strong_text_color(),
    );
}

/// The factors' headings: across (two lines at most, broken between words) when the columns
/// are wide, upright when they are narrow; cut with "…", the hover has the rest.
fn header_ui(ui: &mut Ui, grid: &Grid<'_>) {
    let (factors, cw, name_w) = (&grid.factors, grid.cw, grid.name_w);
    let font = egui::TextStyle::Small.resolve(ui.style());
    let color = ui.visuals().text_color();
    let galleys: Vec<_> = factors
        .iter()
        .map(|f| {
            let wrap = if grid.upright {
                grid.head_len
            } else {
                cw - 6.0
            };
            let mut job = egui::text::LayoutJob::simple(f.label.clone(), font.clone(), color, wrap);
            job.wrap.max_rows = 2;
            job.wrap.break_anywhere = false;
            job.wrap.overflow_character = Some('…');
            ui.painter().layout_job(job)
        })
        .collect();
    let height = if grid.upright {
        galleys.iter().map(|g| g.size().x).fold(0.0, f32::max) + 8.0
    } else {
        grid.row_h * 1.3
    };
    let (rect, _) = ui.allocate_exact_size(
        vec2(name_w + cw * factors.len() as f32, height),
        Sense::hover(),
    );
    let names_left = ui.clip_rect().left().max(rect.left());
    let heads_clip =
        Rect::from_x_y_ranges(names_left + name_w..=ui.clip_rect().right(), rect.y_range());
    for (c, (f, galley)) in factors.iter().zip(galleys).enumerate() {
        let cell = Rect::from_min_size(
            rect.min + vec2(name_w + cw * c as f32, 0.0),
            vec2(cw - 4.0, rect.height()),
        );
        let id = ui.scope_id().with(("factor_head", c));
        let response = ui.interact(cell, id, Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ColumnHeader, true, f.label.as_str())
        });
        let painter = ui.painter().with_clip_rect(cell.intersect(heads_clip));
        if grid.upright {
            // Read from the bottom up, its lines side by side across the column.
            let size = galley.size();
            let at = pos2(cell.center().x - size.y / 2.0, cell.bottom() - 4.0);
            painter.add(
                egui::epaint::TextShape::new(at, galley, color)
                    .with_angle(-std::f32::consts::FRAC_PI_2),
            );
        } else {
            painter.galley(cell.left_top(), galley, color);
        }
        response.on_hover_text(format!("{}: {}", f.label, f.descriptor));
    }
    let names = Rect::from_min_size(
        pos2(names_left, rect.top()),
        vec2(name_w - 4.0, rect.height()),
    );
    ui.painter()
        .rect_filled(names, 0.0, ui.visuals().panel_fill);
    ui.painter().text(
        names.left_bottom() + vec2(0.0, -grid.row_h / 2.0),
        Align2::LEFT_CENTER,
        "Participant",
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().strong_text_color(),
    );
}

/// The vote of one person on one factor in one round.
pub fn vote_of(theme: &Theme, factor: &Factor, who: &ParticipantId, round: u32) -> Option<Value> {
    theme
        .scores
        .get(&factor.id)?
        .votes
        .iter()
        .find(|v| v.round == round && &v.participant == who)
        .map(|v| v.value)
}
