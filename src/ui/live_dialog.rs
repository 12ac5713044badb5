//! *Start live voting…*: which network to listen on (Wi-Fi first, VPN and virtual adapters
//! marked; never every address by default), the port, whether phones see the evidence note,
//! and plain words about what starting means.

use egui::{Id, RichText, Ui};

use crate::live::net::{Choice, Kind};

/// Where to listen, and whether phones see the evidence note.
type Start = (std::net::SocketAddr, bool);

/// The port offered first.
pub const DEFAULT_PORT: u16 = 8787;

#[derive(Clone)]
struct Form {
    chosen: usize,
    port: String,
    evidence: bool,
}

/// What starting means: the firewall (on Windows) and plain HTTP on this network.
fn notes_ui(ui: &mut Ui) {
    if let Some(note) = crate::live::reach::firewall_note(cfg!(windows)) {
        ui.add_space(4.0);
        ui.label(note);
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(
            "Traffic is plain HTTP on the local network: use a network the partnership \
             controls, not public Wi-Fi. Phones join with the QR code or the room code; the \
             facilitator sees each vote with its name.",
        )
        .small(),
    );
}

/// The form as it first opens: the network chosen last time first (the same address, else
/// the same interface), its port and evidence choice.
fn initial_form(choices: &[Choice], last: Option<&crate::state::prefs::LiveLast>) -> Form {
    Form {
        chosen: last
            .and_then(|l| {
                choices
                    .iter()
                    .position(|c| c.ip == l.ip)
                    .or_else(|| choices.iter().position(|c| c.interface == l.interface))
            })
            .unwrap_or(0),
        port: last.map_or(DEFAULT_PORT, |l| l.port).to_string(),
        evidence: last.is_some_and(|l| l.evidence),
    }
}

/// The dialog's body; once answered, the address and whether phones see the evidence note
/// (`None`: cancelled).
pub fn start_live_ui(
    ui: &mut Ui,
    choices: &[Choice],
    last: Option<&crate::state::prefs::LiveLast>,
    opening: &str,
    enter: bool,
) -> Option<Option<Start>> {
    ui.heading("Start live voting");
    ui.label(
        "Participants vote from their own phones or laptops, over this room's network, \
         straight into this scorecard. Nothing is sent anywhere else.",
    );
    ui.label(RichText::new(opening).strong());
    let id = Id::unique("trh_live_form");
    let mut form = ui
        .data_mut(|d| d.get_temp::<Form>(id))
        .unwrap_or_else(|| initial_form(choices, last));
    ui.add_space(6.0);
    ui.label(RichText::new("Listen on").strong());
    if choices.is_empty() {
        ui.label("This computer has no network address. Connect to the room's Wi-Fi first.");
    }
    for (i, c) in choices.iter().enumerate() {
        let text = format!("{}  ({}, {})", c.ip, c.interface, c.kind.describe());
        let mut r = ui.radio(form.chosen == i, text);
        if matches!(c.kind, Kind::Vpn | Kind::Virtual) {
            r = r.on_hover_text("Phones in the room usually cannot reach this address");
        }
        if r.clicked() {
            form.chosen = i;
        }
    }
    ui.horizontal(|ui| {
        let l = ui.label("Port");
        ui.add(egui::TextEdit::singleline(&mut form.port).desired_width(80.0))
            .labelled_by(l.id);
    });
    ui.checkbox(
        &mut form.evidence,
        "Show the analyst's evidence note on phones",
    );
    notes_ui(ui);
    let port = form.port.trim().parse::<u16>().ok();
    let addr = choices
        .get(form.chosen)
        .zip(port)
        .map(|(c, p)| std::net::SocketAddr::new(c.ip, p));
    if port.is_none() {
        ui.label(RichText::new("The port is a number from 0 to 65535.").small());
    }
    let mut reply = None;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let start = ui.add_enabled(addr.is_some(), egui::Button::new("Start"));
        if let Some(a) = addr
            && (start.clicked() || enter)
        {
            reply = Some(Some((a, form.evidence)));
        }
        if ui.button("Cancel").clicked() {
            reply = Some(None);
        }
    });
    if reply.is_some() {
        ui.data_mut(|d| d.remove::<Form>(id));
    } else {
        ui.data_mut(|d| d.insert_temp(id, form));
    }
    reply
}
