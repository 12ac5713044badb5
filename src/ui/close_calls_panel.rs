//! The ranking board's *Close calls* fold-out: how much the room's disagreement matters
//! (how many themes are a coin toss or a close call at the cut line), then the sentences
//! saying the smallest change that would alter the top N or a band, most fragile first.
//! Clicking a sentence selects its theme.

use egui::{RichText, Ui};

use crate::document::Document;
use crate::document::Figures;
use crate::look::Look;
use crate::model::close_calls::Crossing;
use crate::model::stability::{Badge, ThemeStability};
use crate::state::Action;
use crate::ui::style;

/// The colour of a badge's word (the word itself says it, so colour is never the only cue).
pub(super) fn badge_color(ui: &Ui, badge: Option<Badge>, look: Look) -> egui::Color32 {
    match badge {
        Some(Badge::CoinToss) => style::warning_color(look),
        Some(Badge::CloseCall) => ui.visuals().strong_text_color(),
        _ => ui.visuals().weak_text_color(),
    }
}

/// The row's hover text: the interval and the shares in words for a board.
pub(super) fn stability_tooltip(t: &ThemeStability, figures: Option<&Figures>) -> String {
    let Some(r) = figures else {
        return String::new();
    };
    let top = r.stability.top;
    let median = t
        .median_rank
        .map_or_else(String::new, |m| format!(" (median {m})"));
    format!(
        "When the room is resampled ({}): rank {}{median} in 90 % of runs; inside the top {top} in {:.0} % of runs; keeps its band in {:.0} %.\nThis says how much the room's disagreement matters, not the chance that this is the true priority.",
        r.basis(),
        t.interval(),
        t.p_top * 100.0,
        t.p_band * 100.0
    )
}

/// The fold-out above the board.
pub(super) fn close_calls_ui(
    ui: &mut Ui,
    doc: &Document,
    figures: Option<&Figures>,
    out: &mut Vec<Action>,
) {
    let Some(r) = figures else {
        ui.label(RichText::new("Working out how much the room's disagreement matters…").weak());
        return;
    };
    let close: Vec<_> = r.close.calls.iter().filter(|c| c.close).collect();
    let count = |b: Badge| {
        r.stability
            .themes
            .iter()
            .filter(|t| t.badge(r.stability.top) == Some(b))
            .count()
    };
    let (toss, call) = (count(Badge::CoinToss), count(Badge::CloseCall));
    egui::CollapsingHeader::new(format!(
        "Close calls ({})  ·  coin toss: {toss}, close call: {call}",
        close.len()
    ))
    .id_salt("close_calls")
    // Open where the board keeps room for its rows beneath (not at 150 % on 1024 × 768).
    .default_open(ui.available_height() > 560.0)
    .show(ui, |ui| {
        ui.label(
            RichText::new(format!(
                "How much the room's disagreement matters, from {}. Each sentence was checked by ranking again with the change made.",
                r.basis(),
            ))
            .small()
            .weak(),
        );
        // The stability words in one line; the whole explanation on hover.
        ui.label(RichText::new(crate::model::stability::BADGES_BRIEF).small().weak())
            .on_hover_text(crate::model::stability::BADGES_EXPLAINED);
        if let Some(s) = &r.close.summary {
            ui.label(s);
        }
        egui::ScrollArea::vertical()
            // A few lines on a small screen, so the board below keeps most of the room.
            .max_height(
                (ui.text_style_height(&egui::TextStyle::Body) * 7.5)
                    .min(ui.available_height() * 0.18)
                    .max(ui.text_style_height(&egui::TextStyle::Body) * 2.5),
            )
            .id_salt("close_calls_scroll")
            .show(ui, |ui| {
                for c in close {
                    let theme = match &c.outcome {
                        Crossing::Cut { theme, .. } | Crossing::Band { theme, .. } => theme,
                    };
                    let known = doc.card.theme(theme).is_some();
                    let resp = ui.add(egui::Label::new(&c.sentence).sense(egui::Sense::click()));
                    if known && resp.on_hover_text("Click to select the theme").clicked() {
                        out.push(Action::Select(theme.clone()));
                    }
                }
            });
    });
}
