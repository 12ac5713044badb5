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
    let all_shown = hidden_from == 0;
    let calls = closest_calls(figures.filter(|_| all_shown));
    let below = calls.len() as f32 * SMALL * 1.6;
    let h = ((ui.available_height() - below) / ranked.len().max(1) as f32)
        .clamp(BODY * 1.1, BODY * 1.7);
    for (i, r) in ranked.iter().enumerate() {
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), h), Sense::hover());
        if i < hidden_from {
            continue;
        }
        let marked = figures.and_then(|x| mark(x, &r.id));
        response.widget_info(|| {
            let said = format!("{} {}{}", r.rank.unwrap_or(0), r.name, marked.unwrap_or(""));
            egui::WidgetInfo::labeled(egui::Role::ListItem, true, said)
        });
        reveal_row(ui, doc, r, rect, marked);
    }
    read_out(ui, &calls);
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

/// "close call" or "coin toss" for a theme whose place against the cut line the room's
/// disagreement (or a one-level change) could alter.
fn mark(r: &Figures, id: &crate::model::ThemeId) -> Option<&'static str> {
    match r.badge(id)? {
        Badge::CoinToss => Some(" · coin toss"),
        Badge::CloseCall => Some(" · close call"),
        Badge::Solid if r.has_cut_call(id) => Some(" · close call"),
        Badge::Solid => None,
    }
}

/// One revealed theme: its rank, its band's chip, its name and outcome, and a mark if the
/// stability figures make it a close call.
fn reveal_row(ui: &Ui, doc: &Document, r: &RankedTheme, rect: Rect, marked: Option<&str>) {
    let h = rect.height();
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
    let named = p.text(
        pos2(chip.right() + 16.0, rect.center().y),
        Align2::LEFT_CENTER,
        format!("{}{outcome}", r.name),
        FontId::proportional(BODY),
        ui.visuals().text_color(),
    );
    if let Some(mark) = marked {
        p.text(
            pos2(named.right() + 8.0, rect.center().y),
            Align2::LEFT_CENTER,
            mark,
            FontId::proportional(SMALL),
            crate::ui::style::warning_color(crate::ui::style::current(ui)),
        );
    }
}
