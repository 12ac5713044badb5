//! The vote grid of the workshop: for the selected theme, present participants down and the
//! method's factors across, one round at a time. Votes stay hidden (a dot shows who has voted)
//! until the facilitator reveals them. Under the grid, each factor's median, range, quartiles
//! and count for the round, the previous round's median, a contested flag and "Agree…".
//! Keyboard entry is in `vote_keys.rs`.

use egui::{Align2, Rect, RichText, Sense, Ui, pos2, vec2};

use crate::document::Document;
use crate::look::Look;
use crate::model::method::Factor;
use crate::model::workshop::{RoundStats, round_stats};
use crate::model::{ParticipantId, Scale, Theme, Value};
use crate::report::num;
use crate::state::modal::Modal;
use crate::state::view::ViewState;
use crate::ui::style::{accent_color, warning_color};

/// Width of the name column; a vote column is at least [`CELL_W`].
const CELL_W: f32 = 76.0;
const NAME_W: f32 = 220.0;

/// A vote column's width: wide enough for the longest single word of any factor's name in
/// the heading's type, so no heading breaks a word (the projector look's type is larger).
fn cell_w(ui: &Ui, factors: &[&Factor]) -> f32 {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let widest = factors
        .iter()
        .flat_map(|f| f.label.split_whitespace())
        .map(|w| {
            ui.painter()
                .layout_no_wrap(w.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max);
    (widest + 12.0).max(CELL_W)
}

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
    doc: &Document,
    theme: &Theme,
    view: &mut ViewState,
    (look, on_phones): (Look, &[crate::model::ParticipantId]),
) -> Option<Modal> {
    let round = current_round(view, theme);
    let revealed = theme.votes_shown(round);
    let people = grid_people(doc);
    let factors: Vec<&Factor> = doc.card.method.factors().map(|(_, f)| f).collect();
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.6;
    let cw = cell_w(ui, &factors);
    header_ui(ui, &factors, row_h, cw);
    // The names stay in view when the grid scrolls sideways: they are drawn at the left of
    // the visible area, over the cells that scroll beneath them.
    let view_left = ui.clip_rect().left();
    let moved = view.workshop.shown.as_ref() != Some(&(theme.id.clone(), view.workshop.cursor));
    for (r, person) in people.iter().enumerate() {
        let (rect, _) = ui.allocate_exact_size(
            vec2(NAME_W + cw * factors.len() as f32, row_h),
            Sense::hover(),
        );
        let names_left = view_left.max(rect.left());
        let cells_clip =
            Rect::from_x_y_ranges(names_left + NAME_W..=ui.clip_rect().right(), rect.y_range());
        for (c, factor) in factors.iter().enumerate() {
            let cell = Rect::from_min_size(
                rect.min + vec2(NAME_W + cw * c as f32, 0.0),
                vec2(cw - 4.0, row_h - 2.0),
            );
            let vote = vote_of(theme, factor, &person.id, round);
            let at_cursor = view.workshop.cursor == (r, c);
            let text = match (vote, revealed) {
                (Some(v), true) => factor.scale.code(v),
                (Some(_), false) => "•".to_owned(),
                (None, _) if at_cursor && !view.workshop.entry.is_empty() => {
                    view.workshop.entry.clone()
                }
                (None, _) => String::new(),
            };
            let id = ui.scope_id().with(("vote", r, c));
            let response = ui.interact(cell, id, Sense::click());
            let label = format!("{}, {}", person.name, factor.label);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            // A cell scrolled under the names column is not clicked through them.
            if response.clicked() && cell.left() >= cells_clip.left() - 1.0 {
                view.workshop.cursor = (r, c);
                view.workshop.entry.clear();
            }
            if at_cursor && moved {
                // Keep the cursor in view, clear of the names column.
                let wanted =
                    Rect::from_x_y_ranges(cell.left() - NAME_W..=cell.right(), cell.y_range());
                ui.scroll_to_rect(wanted, None);
            }
            let fill = if at_cursor {
                ui.visuals().selection.bg_fill
            } else {
                ui.visuals().extreme_bg_color
            };
            let painter = ui.painter().with_clip_rect(cells_clip);
            painter.rect_filled(cell, 3.0, fill);
            if at_cursor {
                painter.rect_stroke(
                    cell,
                    3.0,
                    egui::Stroke::new(2.0, accent_color(look)),
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
        let names = Rect::from_min_size(pos2(names_left, rect.top()), vec2(NAME_W - 4.0, row_h));
        ui.painter()
            .rect_filled(names, 0.0, ui.visuals().panel_fill);
        // Who votes from a phone (live voting) is marked, so the facilitator knows not to
        // type for them.
        let phone = if on_phones.contains(&person.id) {
            " · phone"
        } else {
            ""
        };
        let name = format!("{} ({}){phone}", person.name, person.agency);
        let named = ui.interact(names, ui.scope_id().with(("voter", r)), Sense::hover());
        named.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
        let galley = crate::ui::widgets::elided(
            ui,
            name,
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
            NAME_W - 10.0,
        );
        let at = pos2(names.left(), names.center().y - galley.size().y / 2.0);
        ui.painter()
            .with_clip_rect(names)
            .galley(at, galley, ui.visuals().text_color());
    }
    view.workshop.shown = Some((theme.id.clone(), view.workshop.cursor));
    if people.is_empty() {
        ui.label("Add participants (and mark them present) to enter votes.");
    }
    ui.add_space(6.0);
    stats_ui(ui, doc, theme, (&factors, cw), round, revealed, look)
}

fn header_ui(ui: &mut Ui, factors: &[&Factor], row_h: f32, cw: f32) {
    let (rect, _) = ui.allocate_exact_size(
        vec2(NAME_W + cw * factors.len() as f32, row_h * 1.3),
        Sense::hover(),
    );
    let font = egui::TextStyle::Small.resolve(ui.style());
    let names_left = ui.clip_rect().left().max(rect.left());
    let heads_clip =
        Rect::from_x_y_ranges(names_left + NAME_W..=ui.clip_rect().right(), rect.y_range());
    for (c, f) in factors.iter().enumerate() {
        let cell = Rect::from_min_size(
            rect.min + vec2(NAME_W + cw * c as f32, 0.0),
            vec2(cw - 4.0, rect.height()),
        );
        let id = ui.scope_id().with(("factor_head", c));
        let response = ui.interact(cell, id, Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ColumnHeader, true, f.label.as_str())
        });
        // Two lines at most, broken between words and cut with "…"; the hover has the rest.
        let mut job = egui::text::LayoutJob::simple(
            f.label.clone(),
            font.clone(),
            ui.visuals().text_color(),
            cw - 6.0,
        );
        job.wrap.max_rows = 2;
        job.wrap.break_anywhere = false;
        job.wrap.overflow_character = Some('…');
        let galley = ui.painter().layout_job(job);
        ui.painter()
            .with_clip_rect(cell.intersect(heads_clip))
            .galley(cell.left_top(), galley, ui.visuals().text_color());
        response.on_hover_text(format!("{}: {}", f.label, f.descriptor));
    }
    let names = Rect::from_min_size(
        pos2(names_left, rect.top()),
        vec2(NAME_W - 4.0, rect.height()),
    );
    ui.painter()
        .rect_filled(names, 0.0, ui.visuals().panel_fill);
    ui.painter().text(
        names.left_center(),
        Align2::LEFT_CENTER,
        "Participant",
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().strong_text_color(),
    );
}

/// Where cells of a grid row may be drawn: right of the names column, which stays in view.
fn cells_clip(ui: &Ui, row: Rect) -> Rect {
    let names_left = ui.clip_rect().left().max(row.left());
    Rect::from_x_y_ranges(names_left + NAME_W..=ui.clip_rect().right(), row.y_range())
        .intersect(ui.clip_rect())
}

/// A row's label in the names column, kept in view when the grid scrolls sideways; it takes
/// the clicks there, so nothing scrolled beneath it is clicked by accident.
fn frozen_label(ui: &mut Ui, row: Rect, text: &str) {
    let left = ui.clip_rect().left().max(row.left());
    let names = Rect::from_min_size(pos2(left, row.top()), vec2(NAME_W - 4.0, row.height()));
    ui.painter()
        .rect_filled(names, 0.0, ui.visuals().panel_fill);
    ui.painter().text(
        names.left_center(),
        Align2::LEFT_CENTER,
        text,
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().weak_text_color(),
    );
    let _ = ui.interact(names, ui.scope_id().with(("frozen", text)), Sense::click());
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

/// Text of one statistics cell, by factor column.
type StatCell<'a> = Box<dyn Fn(usize) -> String + 'a>;

fn stats_ui(
    ui: &mut Ui,
    doc: &Document,
    theme: &Theme,
    (factors, cw): (&[&Factor], f32),
    round: u32,
    revealed: bool,
    look: Look,
) -> Option<Modal> {
    let now: Vec<RoundStats> = factors
        .iter()
        .map(|f| round_stats(&doc.card, theme, f, round))
        .collect();
    let before: Vec<Option<RoundStats>> = factors
        .iter()
        .map(|f| (round > 1).then(|| round_stats(&doc.card, theme, f, round - 1)))
        .collect();
    let code = |f: &Factor, v: Option<Value>| v.map_or_else(|| "–".to_owned(), |v| f.scale.code(v));
    let hidden = |s: String| if revealed { s } else { "hidden".to_owned() };
    let rows: [(&str, StatCell<'_>); 5] = [
        (
            "Voted",
            Box::new(|i| now[i].spread.as_ref().map_or(0, |s| s.count).to_string()),
        ),
        (
            "Median",
            Box::new(|i| hidden(code(factors[i], now[i].value))),
        ),
        (
            "Range",
            Box::new(|i| {
                hidden(
                    now[i]
                        .spread
                        .as_ref()
                        .map_or_else(|| "–".to_owned(), |s| range_text(factors[i], s.min, s.max)),
                )
            }),
        ),
        (
            "IQR (pts)",
            Box::new(|i| {
                hidden(
                    now[i]
                        .spread
                        .as_ref()
                        .map_or_else(|| "–".to_owned(), |s| num(s.iqr())),
                )
            }),
        ),
        (
            "Last round",
            Box::new(|i| {
                before[i]
                    .as_ref()
                    .map_or_else(String::new, |b| code(factors[i], b.value))
            }),
        ),
    ];
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
    for (name, cell) in &rows {
        if *name == "Last round" && round == 1 {
            continue;
        }
        let (rect, _) = ui.allocate_exact_size(
            vec2(NAME_W + cw * factors.len() as f32, row_h),
            Sense::hover(),
        );
        let font = egui::TextStyle::Body.resolve(ui.style());
        let painter = ui.painter().with_clip_rect(cells_clip(ui, rect));
        for i in 0..factors.len() {
            let x = rect.left() + NAME_W + cw * i as f32 + (cw - 4.0) / 2.0;
            painter.text(
                pos2(x, rect.center().y),
                Align2::CENTER_CENTER,
                cell(i),
                font.clone(),
                ui.visuals().text_color(),
            );
        }
        frozen_label(ui, rect, name);
    }
    agree_row_ui(ui, doc, theme, (factors, cw), &now, revealed, look)
}

/// The row under the statistics: per factor, its agreed value or an Agree button (flagged when
/// the votes are contested). Returns the agree dialog to open.
fn agree_row_ui(
    ui: &mut Ui,
    doc: &Document,
    theme: &Theme,
    (factors, cw): (&[&Factor], f32),
    now: &[RoundStats],
    revealed: bool,
    look: Look,
) -> Option<Modal> {
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
    let mut modal = None;
    let (rect, _) = ui.allocate_exact_size(
        vec2(NAME_W + cw * factors.len() as f32, row_h),
        Sense::hover(),
    );
    let agree_clip = cells_clip(ui, rect);
    for (i, f) in factors.iter().enumerate() {
        let cell = Rect::from_min_size(
            rect.min + vec2(NAME_W + cw * i as f32, 0.0),
            vec2(cw - 4.0, row_h),
        );
        let agreed = theme.scores.get(&f.id).and_then(|s| s.agreed.as_ref());
        let contested = revealed && now[i].spread.as_ref().is_some_and(|s| s.contested);
        let text = match agreed {
            Some(a) => RichText::new(format!("= {}", f.scale.code(a.value))).strong(),
            None if contested => RichText::new("Agree!").color(warning_color(look)),
            None => RichText::new("Agree"),
        };
        let hint = match (agreed, contested) {
            (Some(a), _) => format!("Agreed: {}", a.rationale),
            (None, true) => format!(
                "{}: votes are {}+ steps apart; agree a value with a reason",
                f.label, doc.card.method.contested_steps
            ),
            (None, false) => format!("Agree a value for {}", f.label),
        };
        // A button scrolled under the names column is neither drawn there nor clicked.
        let r = ui
            .scope(|ui| {
                ui.set_clip_rect(agree_clip);
                ui.put(cell, egui::Button::new(text).small())
            })
            .inner
            .on_hover_text(hint);
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Agree {}", f.label))
        });
        if r.clicked() {
            modal = Some(Modal::Agree {
                theme: theme.id.clone(),
                factor: f.id.clone(),
                suggested: agreed.map(|a| a.value).or(now[i].value),
            });
        }
    }
    frozen_label(ui, rect, "Agreed");
    modal
}

fn range_text(f: &Factor, min: f64, max: f64) -> String {
    match &f.scale {
        Scale::Levels(levels) => {
            let code = |p: f64| {
                levels
                    .iter()
                    .find(|l| (l.points - p).abs() < 1e-9)
                    .map_or_else(|| num(p), |l| l.code.clone())
            };
            format!("{}–{}", code(min), code(max))
        }
        Scale::Range { .. } => format!("{}–{}", num(min), num(max)),
    }
}
