//! The status bar (method, marking, counts, unsaved state) and the notification toasts.

use std::time::Instant;

use egui::RichText;

use crate::app::TrhApp;
use crate::app::notify::{Level, Notifications};

/// Draws the status bar.
pub fn status_ui(ui: &mut egui::Ui, app: &TrhApp) {
    let card = &app.doc.card;
    let ranked = app
        .doc
        .ranking
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .count();
    let saved = if app.doc.is_dirty() {
        "Unsaved changes"
    } else {
        "Saved"
    };
    let last = app
        .notes
        .log
        .last()
        .map_or("", |n| n.text.lines().next().unwrap_or_default());
    ui.horizontal(|ui| {
        ui.label(RichText::new(&card.marking).strong());
        ui.label(format!(
            "·  {} {}  ·  {} themes, {ranked} ranked  ·  {saved}{}{last}",
            card.method.name,
            card.method.version,
            card.themes.len(),
            if last.is_empty() { "" } else { "  ·  " }
        ));
        if app.jobs.running > 0 {
            ui.spinner();
        }
    });
}

/// Shows recent notifications in the corner and wakes the UI when the next one expires.
pub fn toasts_ui(ctx: &egui::Context, notes: &Notifications) {
    let (live, next) = notes.showing(Instant::now());
    if let Some(d) = next {
        ctx.request_repaint_after(d);
    }
    if live.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::unique("toasts"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
        .show(ctx, |ui| {
            ui.set_max_width(460.0);
            for n in live.iter().rev().take(4) {
                let (fill, text) = match n.level {
                    Level::Error => (egui::Color32::from_rgb(120, 20, 20), egui::Color32::WHITE),
                    Level::Info => (egui::Color32::from_rgb(30, 60, 90), egui::Color32::WHITE),
                };
                egui::Frame::popup(ui.style()).fill(fill).show(ui, |ui| {
                    let prefix = if n.level == Level::Error {
                        "Error: "
                    } else {
                        ""
                    };
                    ui.label(RichText::new(format!("{prefix}{}", n.text)).color(text));
                });
            }
        });
}
