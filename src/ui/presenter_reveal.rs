//! Presenter mode's final ranking, revealed one theme at a time from the bottom up. A theme
//! that is a close call or a coin toss at the cut line says so beside its name, and once the
//! whole list is shown the closest calls are read out underneath.

use egui::{Align2, FontId, Rect, RichText, Sense, Ui, pos2, vec2};

use super::presenter_fit::{BODY, HEADING, SMALL};
use crate::document::Document;
use crate::document::Figures;
use crate::model::ranking::RankedTheme;
use crate::model::stability::Badge;
use crate::ui::style::{band_color, on_band};

/// The ranking, revealed from the bottom: `shown` rows are visible.
pub(super) fn ranking_reveal_ui(ui: &mut Ui, cx: &crate::ui::PanelCtx<'_>, shown: usize) {
    // Stability figures only of this state of the document.
    let (doc, figures) = (cx.doc, cx.figures_now());
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
    let calls = closest_calls(figures);
    // Room for the closest calls (two lines each at most) is kept from the start, so the
    // rows do not move when the last one is revealed; every row fits the screen.
    let below = calls.len() as f32 * SMALL * 2.6;
    let n = ranked.len().max(1) as f32;
    let h = ((ui.available_height() - below) / n).clamp(8.0, BODY * 1.7);
    let body = (h / 1.25).min(BODY);
    let (area, _) = ui.allocate_exact_size(vec2(ui.available_width(), h * n), Sense::hover());
    let line = doc.ranking.line();
    let candidates = doc.ranking.candidates();
    for (i, r) in ranked.iter().enumerate() {
        if i < hidden_from {
            continue;
        }
        let rect = Rect::from_min_size(area.min + vec2(0.0, h * i as f32), vec2(area.width(), h));
        let response = ui.interact(rect, ui.scope_id().with(("reveal", i)), Sense::hover());
        let mut marked = figures
            .and_then(|x| mark(x, &r.id))
            .unwrap_or("")
            .to_owned();
        if candidates.get(i) == Some(&crate::model::cut::Candidate::TiedAtCut) {
            marked.push_str(" · tied at cut");
        }
        response.widget_info(|| {
            let said = format!("{} {}{marked}", r.rank.unwrap_or(0), r.name);
            egui::WidgetInfo::labeled(egui::Role::ListItem, true, said)
        });
        reveal_row(ui, (doc, r, body), rect, &marked);
        // The cut line shows once the first theme below it is revealed.
        if i == line && doc.ranking.cut > 0 {
            cut_line(ui, rect, doc, i);
        }
    }
    if hidden_from == 0 {
        read_out(ui, &calls);
    }
}

/// The cut line along the top of the first row below it, labelled as on the board.
fn cut_line(ui: &Ui, rect: Rect, doc: &Document, i: usize) {
    let look = crate::ui::style::current(ui);
    let color = crate::ui::style::accent_color(look);
    let y = rect.top();
    ui.painter()
        .hline(rect.x_range(), y, egui::Stroke::new(3.0, color));
    let text = match doc.ranking.cut_tie() {
        Some(t) => format!("cut line: top {} ({} with the tie)", t.places, t.inside),
        None => format!("cut line: top {}", doc.ranking.cut),
    };
    let label = ui.painter().text(
        pos2(rect.right(), y - 2.0),
        Align2::RIGHT_BOTTOM,
        &text,
        FontId::proportional(SMALL * 0.8),
        color,
    );
    // Heard by screen readers (and tests) as well as seen.
    ui.interact(label, ui.scope_id().with(("cut", i)), Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
}

/// The two closest calls at the cut line, once the whole list is shown.
fn closest_calls(figures: Option<&Figures>) -> Vec<&str> {
    let Some(r) = figures else {
        return Vec::new();
    };
    r.close
        .calls
        .iter()
        .filter(|c| c.close && matches!(c.outcome, crate::model::close_calls::Crossing::Cut { .. }))
        .take(2)
        .map(|c| c.sentence.as_str())
        .collect()
}

/// The closest calls, read out underneath while they fit on the screen.
fn read_out(ui: &mut Ui, calls: &[&str]) {
    for c in calls {
        let font = FontId::proportional(SMALL);
        let color = ui.visuals().text_color();
        let galley = ui
            .painter()
            .layout((*c).to_owned(), font, color, ui.available_width());
        if galley.size().y + 4.0 > ui.available_height() {
            break;
        }
        ui.label(RichText::new(*c).size(SMALL));
    }
}

/// "close call" or "coin toss", the board's stability word, for a theme whose place against
/// the cut line the room's disagreement could alter (a solid theme is not marked).
fn mark(r: &Figures, id: &crate::model::ThemeId) -> Option<&'static str> {
    match r.badge(id)? {
        Badge::CoinToss => Some(" · coin toss"),
        Badge::CloseCall => Some(" · close call"),
        Badge::Solid => None,
    }
}

/// One revealed theme: its rank, its band's chip, its name and outcome, and a mark if the
/// stability figures make it a close call.
fn reveal_row(ui: &Ui, (doc, r, body): (&Document, &RankedTheme, f32), rect: Rect, marked: &str) {
    let h = rect.height();
    let band = r.band.as_ref().map_or(0, |b| b.index);
    let letter = r
        .band
        .as_ref()
        .and_then(|b| doc.card.method.bands.get(b.index))
        .map_or("", |b| b.letter.as_str());
    let chip = Rect::from_min_size(rect.min + vec2(90.0, h * 0.1), vec2(body * 2.2, h * 0.8));
    let p = ui.painter();
    p.text(
        pos2(rect.left() + 70.0, rect.center().y),
        Align2::RIGHT_CENTER,
        r.rank.unwrap_or(0).to_string(),
        FontId::proportional(body),
        ui.visuals().text_color(),
    );
    p.rect_filled(chip, 4.0, band_color(band));
    p.text(
        chip.center(),
        Align2::CENTER_CENTER,
        letter,
        FontId::proportional(body * 0.8),
        on_band(),
    );
    let outcome = r
        .outcome
        .as_ref()
        .map_or(String::new(), |o| format!("  —  {}", o.label));
    let named = p.text(
        pos2(chip.right() + 16.0, rect.center().y),
        Align2::LEFT_CENTER,
        format!("{}{outcome}", r.name),
        FontId::proportional(body),
        ui.visuals().text_color(),
    );
    if !marked.is_empty() {
        p.text(
            pos2(named.right() + 8.0, rect.center().y),
            Align2::LEFT_CENTER,
            marked,
            FontId::proportional(body * SMALL / BODY),
            crate::ui::style::warning_color(crate::ui::style::current(ui)),
        );
    }
}
