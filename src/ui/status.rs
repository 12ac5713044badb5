//! The status bar (method, marking, counts, unsaved state) and the notification toasts.

use std::time::Instant;

use egui::RichText;

use crate::app::TrhApp;
use crate::app::notify::{Level, Notifications};

/// Draws the status bar.
pub fn status_ui(ui: &mut egui::Ui, app: &TrhApp) {
    let card = &app.doc.card;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&card.marking).strong())
            .on_hover_text("Protective marking: travels with every export");
        ui.separator();
        ui.label(format!("{} {}", card.method.name, card.method.version));
        ui.separator();
        let ranked = app
            .doc
            .ranking
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .count();
        ui.label(format!("{} themes, {ranked} ranked", card.themes.len()));
        ui.separator();
        ui.label(if app.doc.is_dirty() {
            "Unsaved changes"
        } else {
            "Saved"
        });
        if app.jobs.running > 0 {
            ui.separator();
            ui.spinner();
        }
        if let Some(last) = app.notes.log.last() {
            ui.separator();
            let first_line = last.text.lines().next().unwrap_or_default();
            ui.label(RichText::new(first_line).small())
                .on_hover_text(&last.text);
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
