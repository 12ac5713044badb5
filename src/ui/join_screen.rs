//! The live-voting join screen for the projector: a large QR code (the join link with its
//! secret), the short address under it and the room code, with how many have joined.
//! Presenter mode shows it first while live voting runs; `J` brings it back.

use egui::{ColorImage, RichText, TextureOptions, Ui, vec2};

use crate::document::Document;
use crate::state::live::LiveView;

/// The QR code's texture for `url`, made once per link and kept in egui's memory.
fn qr_texture(ui: &Ui, url: &str) -> Option<egui::TextureHandle> {
    let id = egui::Id::unique(("trh_join_qr", url));
    if let Some(t) = ui.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return Some(t);
    }
    let (width, dark) = crate::live::qr_modules(url)?;
    // A quiet zone of four modules all round, as scanners expect.
    let side = width + 8;
    let mut pixels = vec![crate::ui::style::color(crate::look::QR_LIGHT); side * side];
    for (i, is_dark) in dark.iter().enumerate() {
        if *is_dark {
            pixels[(i / width + 4) * side + (i % width + 4)] =
                crate::ui::style::color(crate::look::QR_DARK);
        }
    }
    let image = ColorImage {
        size: [side, side],
        source_size: vec2(side as f32, side as f32),
        pixels,
    };
    // Nearest-neighbour scaling keeps every module a sharp square on the projector.
    let texture = ui
        .ctx()
        .load_texture("join-qr", image, TextureOptions::NEAREST);
    ui.data_mut(|d| d.insert_temp(id, texture.clone()));
    Some(texture)
}

/// Draws the join screen in the space given.
pub fn join_screen_ui(ui: &mut Ui, doc: &Document, live: &LiveView) {
    let present = doc.card.participants.iter().filter(|p| p.present).count();
    let joined = live.claimed.len();
    let avail = ui.available_size();
    // Text below the code takes about 40% of the height at these sizes.
    let big = (avail.y / 18.0).clamp(24.0, 64.0);
    let small = (big * 0.5).clamp(16.0, 30.0);
    let hint = nobody_hint(ui.ctx(), live);
    // The hint takes two or three lines: the QR code gives way.
    let hint_height = if hint.is_some() { small * 2.4 } else { 0.0 };
    let side = (avail.y - big * 4.8 - small * 3.4 - hint_height)
        .min(avail.x * 0.8)
        .max(120.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new("Vote from your phone").size(big).strong());
        ui.add_space(small * 0.5);
        match qr_texture(ui, &live.join_url) {
            Some(t) => {
                let img = egui::Image::new(&t)
                    .fit_to_exact_size(vec2(side, side))
                    .alt_text("QR code to join live voting");
                ui.add(img);
            }
            None => {
                ui.label("The join link is too long for a QR code: type the address.");
            }
        }
        ui.add_space(small * 0.5);
        ui.label(RichText::new(&live.short_url).size(big * 0.8).monospace());
        let code = if live.code_disabled {
            "Room code turned off after too many wrong guesses: scan the QR code".to_owned()
        } else {
            format!("Room code  {}", spaced(&live.code))
        };
        ui.label(RichText::new(code).size(big).strong());
        ui.add_space(small * 0.5);
        ui.label(
            RichText::new(format!(
                "{joined} of {present} joined  ·  on this room's network only  ·  the facilitator sees each vote with its name"
            ))
            .size(small)
            .color(ui.visuals().weak_text_color()),
        );
        if let Some(hint) = hint {
            ui.label(
                RichText::new(hint)
                    .size(small * 0.8)
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.label(
            RichText::new("J: back to the themes   ·   Esc: leave")
                .size(small * 0.8)
                .color(ui.visuals().weak_text_color()),
        );
    });
}

/// `123456` as `123 456`, easier to read across a room.
pub fn spaced(code: &str) -> String {
    if code.len() == 6 && code.is_ascii() {
        format!("{} {}", &code[..3], &code[3..])
    } else {
        code.to_owned()
    }
}

/// What to try when no device has joined a while after live voting started (the live bar
/// and the join screen say it). Until then, the frame that would show it is asked for at the
/// right moment, so nothing runs meanwhile.
pub fn nobody_hint(ctx: &egui::Context, live: &LiveView) -> Option<String> {
    let started = live.started?;
    let devices = live.claimed.len() + live.waiting.len() + usize::from(live.votes > 0);
    let elapsed = started.elapsed();
    let hint = crate::live::reach::nobody_joined(cfg!(windows), elapsed, devices);
    if hint.is_none() && devices == 0 {
        ctx.request_repaint_after(crate::live::reach::NOBODY_AFTER.saturating_sub(elapsed));
    }
    hint
}
