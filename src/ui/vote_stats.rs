//! Under the vote grid: each factor's median, range, quartiles and count for the round, the
//! previous round's median, a contested flag, and "Agree…" to record the agreed score.

use egui::{Align2, Rect, RichText, Sense, Ui, pos2, vec2};

use super::frozen::{frozen_label, scrolled_clip};
use super::vote_shape::Grid;
use crate::document::Document;
use crate::model::method::Factor;
use crate::model::workshop::{RoundStats, round_stats};
use crate::model::{Scale, Value};
use crate::report::num;
use crate::state::modal::Modal;
use crate::ui::style::warning_color;

/// Text of one statistics cell, by factor column.
type StatCell<'a> = Box<dyn Fn(usize) -> String + 'a>;

pub(super) fn stats_ui(ui: &mut Ui, doc: &Document, grid: &Grid<'_>) -> Option<Modal> {
    let (theme, factors, round, revealed) =
        (grid.theme, &grid.factors[..], grid.round, grid.revealed);
    let now: Vec<RoundStats> = factors
        .iter()
        .map(|f| round_stats(&doc.card, theme, f, round))
        .collect();
    let before: Vec<Option<RoundStats>> = factors
        .iter()
        .map(|f| (round > 1).then(|| round_stats(&doc.card, theme, f, round - 1)))
        .collect();
    let code = |f: &Factor, v: Option<Value>| v.map_or_else(|| "–".to_owned(), |v| f.scale.code(v));
    let rows: [(&str, StatCell<'_>); 5] = [
        (
            "Voted",
            Box::new(|i| now[i].spread.as_ref().map_or(0, |s| s.count).to_string()),
        ),
        ("Median", Box::new(|i| code(factors[i], now[i].value))),
        (
            "Range",
            Box::new(|i| {
                now[i]
                    .spread
                    .as_ref()
                    .map_or_else(|| "–".to_owned(), |s| range_text(factors[i], s.min, s.max))
            }),
        ),
        (
            "IQR (pts)",
            Box::new(|i| {
                now[i]
                    .spread
                    .as_ref()
                    .map_or_else(|| "–".to_owned(), |s| num(s.iqr()))
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
    for (name, cell) in &rows {
        match *name {
            "Last round" if round == 1 => continue,
            // Until the reveal the room's spread is one quiet line, not three rows of "hidden".
            "Median" if !revealed => hidden_row_ui(ui, grid),
            "Median" | "Range" | "IQR (pts)" if !revealed => {}
            _ => stat_row_ui(ui, grid, name, cell),
        }
    }
    agree_row_ui(ui, doc, grid, &now)
}

/// One statistics row: its name in the frozen column, a cell per factor scrolling beneath.
fn stat_row_ui(ui: &mut Ui, grid: &Grid<'_>, name: &str, cell: &StatCell<'_>) {
    let (columns, cw, name_w) = (grid.factors.len(), grid.cw, grid.name_w);
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
    let (rect, _) =
        ui.allocate_exact_size(vec2(name_w + cw * columns as f32, row_h), Sense::hover());
    // Narrow columns take the small type, so "L–VH" fits.
    let style = if grid.upright {
        egui::TextStyle::Small
    } else {
        egui::TextStyle::Body
    };
    let font = style.resolve(ui.style());
    let painter = ui.painter().with_clip_rect(scrolled_clip(ui, name_w, rect));
    for i in 0..columns {
        let x = rect.left() + name_w + cw * i as f32 + (cw - 4.0) / 2.0;
        painter.text(
            pos2(x, rect.center().y),
            Align2::CENTER_CENTER,
            cell(i),
            font.clone(),
            ui.visuals().text_color(),
        );
    }
    let weak = ui.visuals().weak_text_color();
    frozen_label(ui, name_w, rect, name, weak);
}

/// While the votes are hidden: one row saying so where the median and range will be.
fn hidden_row_ui(ui: &mut Ui, grid: &Grid<'_>) {
    let (columns, cw, name_w) = (grid.factors.len(), grid.cw, grid.name_w);
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
    let (rect, _) =
        ui.allocate_exact_size(vec2(name_w + cw * columns as f32, row_h), Sense::hover());
    let clip = scrolled_clip(ui, name_w, rect);
    ui.painter().with_clip_rect(clip).text(
        pos2(clip.left() + 4.0, rect.center().y),
        Align2::LEFT_CENTER,
        "hidden until the votes are revealed",
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().weak_text_color(),
    );
    let weak = ui.visuals().weak_text_color();
    frozen_label(ui, name_w, rect, "Median, range", weak);
}

/// The row under the statistics: per factor, its agreed value or an Agree button (flagged when
/// the votes are contested). Returns the agree dialog to open.
fn agree_row_ui(ui: &mut Ui, doc: &Document, grid: &Grid<'_>, now: &[RoundStats]) -> Option<Modal> {
    let (theme, factors, cw, name_w) = (grid.theme, &grid.factors[..], grid.cw, grid.name_w);
    let (revealed, look) = (grid.revealed, grid.look);
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
    let mut modal = None;
    let (rect, _) = ui.allocate_exact_size(
        vec2(name_w + cw * factors.len() as f32, row_h),
        Sense::hover(),
    );
    let agree_clip = scrolled_clip(ui, name_w, rect);
    for (i, f) in factors.iter().enumerate() {
        let cell = Rect::from_min_size(
            rect.min + vec2(name_w + cw * i as f32, 0.0),
            vec2(cw - 4.0, row_h),
        );
        let agreed = theme.scores.get(&f.id).and_then(|s| s.agreed.as_ref());
        let contested = revealed && now[i].spread.as_ref().is_some_and(|s| s.contested);
        let text = match agreed {
            Some(a) => RichText::new(format!("= {}", f.scale.code(a.value))).strong(),
            // Narrow, the colour alone flags it (the hover says why).
            None if contested && grid.upright => RichText::new("Agree").color(warning_color(look)),
            None if contested => RichText::new("Agree!").color(warning_color(look)),
            None => RichText::new("Agree"),
        };
        // Narrow columns take the small type (the width `shape` measured).
        let text = if grid.upright { text.small() } else { text };
        let hint = match (agreed, contested) {
            (Some(a), _) => format!("Agreed: {}", a.rationale),
            (None, true) => format!(
                "{}: votes are {}+ {} apart; agree a value with a reason",
                f.label,
                doc.card.method.contested_steps,
                if matches!(f.scale, Scale::Range { .. }) {
                    "points"
                } else {
                    "steps"
                }
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
    let weak = ui.visuals().weak_text_color();
    frozen_label(ui, name_w, rect, "Agreed", weak);
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
