//! Presenter mode, for the room's projector: full screen in the projector theme, one theme at a
//! time with its factors, descriptors and evidence, votes hidden until revealed, progress and an
//! optional timer, then a final ranking reveal from the bottom up. Text is drawn at 28–48 px
//! so it reads at the back of a room at 1920×1080.

use std::time::Instant;

use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Ui, pos2, vec2};

use crate::app::view::{PresenterView, ViewState};
use crate::app::{Action, Document};
use crate::model::method::Factor;
use crate::model::ranking::RankedTheme;
use crate::model::workshop::{latest_round, round_stats};
use crate::model::{Scale, Theme, Value};
use crate::ui::theme::{ThemeChoice, band_color, on_band, warning_color};

/// Body text size in presenter mode (pixels at 1:1).
pub const BODY: f32 = 28.0;
const HEADING: f32 = 46.0;
const SMALL: f32 = 22.0;

/// Draws presenter mode.
pub fn presenter_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState) {
    let Some(p) = view.presenter.as_mut() else {
        return;
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::central_panel(ui.style()).inner_margin(28.0))
        .show(ui, |ui| {
            if let Some(shown) = p.ranking {
                ranking_reveal_ui(ui, doc, shown);
            } else if let Some(theme) = doc.card.themes.get(p.index) {
                theme_page_ui(ui, doc, theme, p);
            } else {
                ui.label(RichText::new("This scorecard has no themes yet.").size(BODY));
            }
        });
}

fn theme_page_ui(ui: &mut Ui, doc: &Document, theme: &Theme, p: &PresenterView) {
    let n = doc.card.themes.len();
    let mut top = format!("Theme {} of {n}", p.index + 1);
    if !theme.category.is_empty() {
        top.push_str(&format!("  ·  {}", theme.category));
    }
    if let Some(start) = p.timer {
        let secs = Instant::now().duration_since(start).as_secs();
        top.push_str(&format!("  ·  {:02}:{:02}", secs / 60, secs % 60));
        // The clock is the only thing that changes on its own; wake once a second for it.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }
    top.push_str(if p.revealed {
        "  ·  votes shown"
    } else {
        "  ·  votes hidden"
    });
    ui.label(RichText::new(top).size(SMALL));
    ui.label(RichText::new(&theme.name).size(HEADING).strong());
    for text in [&theme.description, &theme.evidence] {
        if !text.is_empty() {
            ui.label(RichText::new(text.as_str()).size(SMALL));
        }
    }
    ui.add_space(10.0);
    let row = doc.row(&theme.id);
    let round = latest_round(theme);
    for section in &doc.card.method.sections {
        ui.label(
            RichText::new(section.label.to_uppercase())
                .size(SMALL)
                .weak(),
        );
        for factor in &section.factors {
            factor_line_ui(ui, doc, theme, factor, round, p.revealed, row);
        }
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new("Left/Right theme   ·   R reveal   ·   T timer   ·   Enter final ranking   ·   Esc leave")
            .size(SMALL)
            .weak(),
    );
}

/// One factor: its label, the effective level and its descriptor, and the room's votes.
fn factor_line_ui(
    ui: &mut Ui,
    doc: &Document,
    theme: &Theme,
    factor: &Factor,
    round: u32,
    revealed: bool,
    row: Option<&RankedTheme>,
) {
    let h = BODY * 1.45;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), h), Sense::hover());
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let label_w = rect.width() * 0.24;
    painter.text(
        rect.left_center(),
        Align2::LEFT_CENTER,
        &factor.label,
        FontId::proportional(BODY),
        text,
    );
    let result = row.and_then(|r| r.factors.iter().find(|f| f.factor == factor.id));
    let value = result.and_then(|r| r.value);
    let agreed = theme.scores.get(&factor.id).and_then(|s| s.agreed.as_ref());
    let shown = if revealed || agreed.is_some() {
        value
    } else {
        None
    };
    let level_text = match shown.and_then(|v| factor.scale.level(v)) {
        Some(l) => format!("{} — {}", l.label, l.descriptor),
        None => match (shown, &factor.scale) {
            (Some(Value::Number(n)), Scale::Range { .. }) => n.to_string(),
            _ => String::new(),
        },
    };
    let mid = Rect::from_min_max(
        pos2(rect.left() + label_w, rect.top()),
        pos2(rect.right() - rect.width() * 0.34, rect.bottom()),
    );
    let galley = crate::ui::widgets::elided(
        ui,
        level_text,
        FontId::proportional(SMALL),
        text,
        mid.width() - 12.0,
    );
    let at = pos2(mid.left(), mid.center().y - galley.size().y / 2.0);
    ui.painter_at(mid).galley(at, galley, text);
    let votes = Rect::from_min_max(
        pos2(mid.right() + 10.0, rect.top() + 3.0),
        pos2(rect.right(), rect.bottom() - 3.0),
    );
    let stats = round_stats(&doc.card, theme, factor, round.max(1));
    let count = stats.spread.as_ref().map_or(0, |s| s.count);
    if !revealed {
        let msg = match (count, agreed) {
            (_, Some(_)) => "agreed".to_owned(),
            (0, None) => "no votes yet".to_owned(),
            (n, None) => format!("{n} votes in"),
        };
        painter.text(
            votes.left_center(),
            Align2::LEFT_CENTER,
            msg,
            FontId::proportional(SMALL),
            text,
        );
        return;
    }
    if count == 0 {
        let msg = if agreed.is_some() {
            "agreed"
        } else {
            "no votes"
        };
        let weak = ui.visuals().weak_text_color();
        painter.text(
            votes.left_center(),
            Align2::LEFT_CENTER,
            msg,
            FontId::proportional(SMALL),
            weak,
        );
        return;
    }
    counts_strip(
        ui,
        votes,
        theme,
        factor,
        round,
        stats.value,
        agreed.map(|a| a.value),
    );
    if stats.spread.as_ref().is_some_and(|s| s.contested) && agreed.is_none() {
        painter.text(
            votes.right_center(),
            Align2::RIGHT_CENTER,
            "contested",
            FontId::proportional(SMALL),
            warning_color(ThemeChoice::Projector),
        );
    }
}

/// How many voted for each level: one box per level with its code and count, the median
/// outlined and the agreed value filled.
fn counts_strip(
    ui: &Ui,
    rect: Rect,
    theme: &Theme,
    factor: &Factor,
    round: u32,
    median: Option<Value>,
    agreed: Option<Value>,
) {
    let Scale::Levels(levels) = &factor.scale else {
        let text = median.map_or_else(String::new, |v| format!("median {}", factor.scale.code(v)));
        ui.painter().text(
            rect.left_center(),
            Align2::LEFT_CENTER,
            text,
            FontId::proportional(SMALL),
            ui.visuals().text_color(),
        );
        return;
    };
    let votes: Vec<Value> = theme
        .scores
        .get(&factor.id)
        .map(|s| s.round_values(round))
        .unwrap_or_default();
    let w = (rect.width() * 0.78 / levels.len() as f32).min(90.0);
    for (i, level) in levels.iter().enumerate() {
        let v = Value::Level(i as u16);
        let n = votes.iter().filter(|&&x| x == v).count();
        let cell = Rect::from_min_size(
            pos2(rect.left() + w * i as f32, rect.top()),
            vec2(w - 6.0, rect.height()),
        );
        let fill = if agreed == Some(v) {
            band_color(3)
        } else if n > 0 {
            Color32::from_gray(215)
        } else {
            Color32::from_gray(245)
        };
        ui.painter().rect_filled(cell, 4.0, fill);
        if median == Some(v) {
            ui.painter().rect_stroke(
                cell,
                4.0,
                egui::Stroke::new(3.0, Color32::BLACK),
                egui::StrokeKind::Inside,
            );
        }
        ui.painter().text(
            cell.center(),
            Align2::CENTER_CENTER,
            format!("{} {n}", level.code),
            FontId::proportional(SMALL),
            on_band(),
        );
    }
}

/// The ranking, revealed from the bottom: `shown` rows are visible.
fn ranking_reveal_ui(ui: &mut Ui, doc: &Document, shown: usize) {
    let ranked: Vec<&RankedTheme> = doc
        .ranking
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .collect();
    ui.label(RichText::new("Candidate priorities").size(HEADING).strong());
    ui.label(
        RichText::new(format!(
            "{} of {} revealed  ·  Right reveals the next  ·  Esc back",
            shown.min(ranked.len()),
            ranked.len()
        ))
        .size(SMALL)
        .weak(),
    );
    ui.add_space(8.0);
    let hidden_from = ranked.len().saturating_sub(shown);
    let h = (ui.available_height() / ranked.len().max(1) as f32).clamp(BODY * 1.1, BODY * 1.7);
    for (i, r) in ranked.iter().enumerate() {
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), h), Sense::hover());
        if i < hidden_from {
            continue;
        }
        let band = r.band.as_ref().map_or(0, |b| b.index);
        let letter = r
            .band
            .as_ref()
            .and_then(|b| doc.card.method.bands.get(b.index))
            .map_or("", |b| b.letter.as_str());
        let chip = Rect::from_min_size(rect.min + vec2(90.0, h * 0.1), vec2(BODY * 2.2, h * 0.8));
        let p = ui.painter();
        p.text(
            pos2(rect.left() + 70.0, rect.center().y),
            Align2::RIGHT_CENTER,
            r.rank.unwrap_or(0).to_string(),
            FontId::proportional(BODY),
            ui.visuals().text_color(),
        );
        p.rect_filled(chip, 4.0, band_color(band));
        p.text(
            chip.center(),
            Align2::CENTER_CENTER,
            letter,
            FontId::proportional(BODY * 0.8),
            on_band(),
        );
        let outcome = r
            .outcome
            .as_ref()
            .map_or(String::new(), |o| format!("  —  {}", o.label));
        p.text(
            pos2(chip.right() + 16.0, rect.center().y),
            Align2::LEFT_CENTER,
            format!("{}{outcome}", r.name),
            FontId::proportional(BODY),
            ui.visuals().text_color(),
        );
    }
}

/// Keys in presenter mode. Returns the actions to run.
pub fn presenter_keys(ctx: &egui::Context, doc: &Document, view: &mut ViewState) -> Vec<Action> {
    use egui::Key;
    let mut out = Vec::new();
    let Some(p) = view.presenter.as_mut() else {
        return out;
    };
    let pressed = |keys: &[Key]| {
        ctx.input_mut(|i| {
            keys.iter()
                .any(|k| i.consume_key(egui::Modifiers::NONE, *k))
        })
    };
    let n = doc.card.themes.len();
    let ranked = doc.ranking.rows.iter().filter(|r| r.rank.is_some()).count();
    if pressed(&[Key::Escape]) {
        if p.ranking.is_some() {
            p.ranking = None;
        } else {
            out.push(Action::Command(crate::app::Command::Presenter));
        }
        return out;
    }
    let next = pressed(&[Key::ArrowRight, Key::ArrowDown, Key::PageDown, Key::Space]);
    let prev = pressed(&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp]);
    if let Some(shown) = &mut p.ranking {
        if next {
            *shown = (*shown + 1).min(ranked);
        }
        if prev {
            *shown = shown.saturating_sub(1);
        }
        return out;
    }
    let before = p.index;
    if next && p.index + 1 < n {
        p.index += 1;
    }
    if prev {
        p.index = p.index.saturating_sub(1);
    }
    if p.index != before {
        p.revealed = false;
        p.timer = None;
        if let Some(t) = doc.card.themes.get(p.index) {
            out.push(Action::Select(t.id.clone()));
        }
    }
    if pressed(&[Key::R]) {
        p.revealed = !p.revealed;
    }
    if pressed(&[Key::T]) {
        p.timer = match p.timer {
            Some(_) => None,
            None => Some(Instant::now()),
        };
    }
    if pressed(&[Key::Enter]) {
        p.ranking = Some(0);
    }
    out
}
