//! The status bar (method, marking, counts, unsaved state) and the notification toasts.

use std::time::Instant;

use egui::RichText;

use crate::state::modal::Modal;
use crate::state::notify::{Notifications, Severity};
use crate::state::{Action, State};
use crate::ui::style;

/// Draws the status bar.
pub fn status_ui(ui: &mut egui::Ui, app: &State, out: &mut Vec<Action>) {
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
    // The name part is laid out first, from the right, so the rest is cut to what is left
    // and never runs under it.
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        name_ui(ui, app, out);
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            ui.label(RichText::new(&card.marking).strong());
            if let Some(live) = &app.live {
                // Never cut: the one sign on screen that phones can reach this laptop.
                let present = card.participants.iter().filter(|p| p.present).count();
                ui.label(
                    RichText::new(format!(
                        "Live voting: {} of {present} phones joined",
                        live.claimed.len()
                    ))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
                )
                .on_hover_text(format!(
                    "Live voting runs on {}: phones on this network can join with the room code. Stop live voting (Workshop menu) ends it.",
                    live.short_url
                ));
            }
            if app.busy > 0 {
                ui.spinner();
            }
            if let Some((name, progress)) = &app.reading {
                ui.label(format!("Reading {name}: {} rows", progress.rows()));
                if ui
                    .small_button("Cancel reading")
                    .on_hover_text("Stop reading the spreadsheet; nothing is imported")
                    .clicked()
                {
                    out.push(Action::CancelRead);
                }
                // The count moves while the read runs (only then: no repaint when idle).
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(150));
            }
            let text = format!(
                "·  {saved}  ·  {} themes, {ranked} ranked  ·  {} {}{}{last}",
                card.themes.len(),
                card.method.name,
                card.method.version,
                if last.is_empty() { "" } else { "  ·  " }
            );
            ui.add(egui::Label::new(text).truncate());
        });
    });
}

/// Who signs the change log. Without a name given, a field sits here (never a prompt that
/// pops up and takes keys typed for something else); changes are signed with the login name
/// meanwhile.
fn name_ui(ui: &mut egui::Ui, app: &State, out: &mut Vec<Action>) {
    if let Some(name) = &app.prefs.user_name {
        if ui
            .small_button("Change name…")
            .on_hover_text("The name that signs your changes in the change log")
            .clicked()
        {
            out.push(Action::Dialog(Modal::AskName(name.clone())));
        }
        ui.label(format!("Signed as {name}"));
        return;
    }
    let id = egui::Id::unique("trh_status_name");
    let mut draft: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let set = ui.add_enabled(!draft.trim().is_empty(), egui::Button::new("Set name"));
    let field = ui.add(
        egui::TextEdit::singleline(&mut draft)
            .desired_width(160.0)
            .hint_text(format!("signed as {}", app.signer())),
    );
    let label = ui.label("Your name:").on_hover_text(format!(
        "Changes are signed as \"{}\" (your login) until you give your name",
        app.signer()
    ));
    let field = field.labelled_by(label.id);
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if (set.clicked() || enter) && !draft.trim().is_empty() {
        out.push(Action::SetName(std::mem::take(&mut draft)));
    }
    ui.data_mut(|d| d.insert_temp(id, draft));
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
                let (fill, text) = match n.severity {
                    Severity::Error | Severity::Warning => crate::look::toast::ERROR,
                    Severity::Info => crate::look::toast::INFO,
                };
                let (fill, text) = (style::color(fill), style::color(text));
                egui::Frame::popup(ui.style()).fill(fill).show(ui, |ui| {
                    let prefix = match n.severity {
                        Severity::Error => "Error: ",
                        Severity::Warning => "Warning: ",
                        Severity::Info => "",
                    };
                    ui.label(RichText::new(format!("{prefix}{}", n.text)).color(text));
                });
            }
        });
}
