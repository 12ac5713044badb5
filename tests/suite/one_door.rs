//! One door for the document: the window and `trh live` own the same headless
//! [`trh::document::Document`], so the same phones sending the same votes leave the same
//! themes and the same change log, line for line (same signer, same clock), and a vote the
//! model refuses is reported the same way by both.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use trh::document::{Clock, Document, refusal_note};
use trh::live::Config;
use trh::live::kiosk::{Kiosk, round_to_open};
use trh::live::session::Session;
use trh::model::{Edit, Scorecard, ThemeId};
use trh::state::live::LiveView;

use crate::common::{sample, wait_for};
use crate::live_client::{Client, factor_codes_asked};

/// 2027-01-14T08:00:00Z, the time both documents read.
const AT: i64 = 1_799_913_600;

/// Every present person joins `addr` with `code` and votes each factor, a level that differs
/// by person and factor; the last person then changes their first vote. How many votes, and
/// the last person's phone.
fn room_votes(
    addr: SocketAddr,
    code: &str,
    people: &[String],
    open: (&ThemeId, u32),
) -> (usize, Client) {
    let factors = factor_codes_asked(&trh::app::sample_document().card, Some(open.0));
    let mut sent = 0;
    let mut last = None;
    for (i, p) in people.iter().enumerate() {
        let mut phone = Client::connect(addr).expect("connects");
        assert_eq!(phone.join(code, p).expect("join"), 200, "{p} joins");
        for (j, (factor, levels)) in factors.iter().enumerate() {
            let level = &levels[(i + 2 * j) % levels.len()];
            let status = phone
                .vote(open.0.as_str(), open.1, factor, level)
                .expect("vote");
            assert_eq!(status, 200, "{p} votes {factor}");
            sent += 1;
        }
        last = Some(phone);
    }
    let mut phone = last.expect("somebody is present");
    let (factor, levels) = &factors[0];
    assert_eq!(
        phone
            .vote(open.0.as_str(), open.1, factor, &levels[0])
            .expect("vote"),
        200
    );
    (sent + 1, phone)
}

type App = egui_kittest::Harness<'static, trh::app::TrhApp>;

/// The window on the sample, live voting on `theme`, the facilitator named "Facilitator",
/// the clock fixed: the harness, what the window shows of live voting, and the open round.
fn window_live(card: &Scorecard, theme: &ThemeId) -> (App, LiveView, u32) {
    let mut h = sample();
    assert_eq!(
        &h.state().state.doc.card,
        card,
        "the window opens the sample"
    );
    {
        let app = h.state_mut();
        app.state.doc.set_clock(Clock::fixed_secs(AT));
        app.state.prefs.user_name = Some("Facilitator".into());
        app.state.view.selected = Some(theme.clone());
    }
    h.run_steps(2);
    let ctx = h.ctx.clone();
    h.state_mut()
        .start_live(&ctx, "127.0.0.1:0".parse().expect("addr"), false);
    h.run_steps(2);
    let live = h.state().state.live.clone().expect("live voting runs");
    let (open, round) = live.session.open.clone().expect("the theme is open");
    assert_eq!(&open, theme);
    (h, live, round)
}

/// `trh live` on the same scorecard, the same round opened by the facilitator.
fn kiosk_live(card: &Scorecard, theme: &ThemeId, round: u32) -> Kiosk {
    let mut doc = Document::new(card.clone(), None, "");
    doc.set_clock(Clock::fixed_secs(AT));
    let kiosk_round = round_to_open(card, theme).expect("theme");
    assert_eq!(kiosk_round, round, "both open the next round");
    let session = Session {
        open: Some((theme.clone(), round)),
        ..Session::default()
    };
    let config = Config::new("127.0.0.1:0".parse().expect("addr"));
    let mut kiosk = Kiosk::start(doc, session.clone(), config).expect("listens");
    kiosk.facilitate(None, session).expect("the round opens");
    kiosk
}

#[test]
fn the_window_and_trh_live_apply_log_and_sign_votes_through_the_same_door() {
    let card = trh::app::sample_document().card;
    let people: Vec<String> = card
        .participants
        .iter()
        .filter(|p| p.present)
        .take(3)
        .map(|p| p.id.to_string())
        .collect();
    assert!(people.len() >= 2, "the sample has people present");

    let theme = card.themes[0].id.clone();
    let (mut h, live, round) = window_live(&card, &theme);
    let app_addr: SocketAddr = live
        .short_url
        .trim_start_matches("http://")
        .parse()
        .expect("address");
    let mut kiosk = kiosk_live(&card, &theme, round);
    let ctx = h.ctx.clone();

    let (n, app_phone) = room_votes(app_addr, &live.code, &people, (&theme, round));
    let kiosk_addr = kiosk.server().addr();
    let kiosk_code = kiosk.server().code();
    let (kiosk_n, kiosk_phone) = room_votes(kiosk_addr, &kiosk_code, &people, (&theme, round));
    assert_eq!(kiosk_n, n);
    let log_before = card.log.len();
    // Opening the round changes nothing (no line); a line per vote.
    wait_for(&mut h, "the window's votes", |app| {
        app.state.doc.card.log.len() == log_before + n
    });
    let started = Instant::now();
    let mut arrived = 0;
    while arrived < n {
        let step = kiosk.step(Duration::from_millis(20)).expect("step");
        assert!(step.refused.is_empty(), "{:?}", step.refused);
        arrived += step.arrived;
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{arrived} of {n}"
        );
    }

    // A vote arrives for a theme the facilitator has just removed: the model refuses it, and
    // both say so in the same words.
    let late = factor_codes_asked(&card, Some(&theme));
    for mut phone in [app_phone, kiosk_phone] {
        let status = phone
            .vote(theme.as_str(), round, &late[1].0, &late[1].1[0])
            .expect("vote");
        assert_eq!(status, 200, "accepted by the server");
    }
    let remove = Edit::RemoveTheme {
        theme: theme.clone(),
    };
    h.state_mut()
        .apply(&ctx, trh::state::Action::edit(remove.clone()));
    // The kiosk takes the removal before the late vote, as the window does.
    kiosk
        .facilitate(Some(&remove), Session::default())
        .expect("removes");
    let mut refused = Vec::new();
    let started = Instant::now();
    while refused.is_empty() {
        refused = kiosk.step(Duration::from_millis(20)).expect("step").refused;
        assert!(started.elapsed() < Duration::from_secs(20), "no refusal");
    }
    let said = refusal_note(&refused).expect("said");
    assert!(said.contains(&theme.to_string()), "{said}");
    wait_for(&mut h, "the window's refusal", |app| {
        app.state.notes.log.iter().any(|n| n.text == said)
    });

    let window = &h.state().state.doc.card;
    let headless = kiosk.card();
    assert_eq!(window.themes, headless.themes, "the same themes and votes");
    let lines = |c: &trh::model::Scorecard| -> Vec<_> {
        c.log
            .iter()
            .map(|l| {
                (
                    l.at.clone(),
                    l.who.clone(),
                    l.what.clone(),
                    l.old.clone(),
                    l.new.clone(),
                )
            })
            .collect()
    };
    assert_eq!(lines(window), lines(headless), "the same change log");
    assert_eq!(window.log.len(), log_before + n + 1, "votes, removal");
    let last_vote = &window.log[window.log.len() - 2];
    assert!(last_vote.who.contains("(via device "), "{}", last_vote.who);
    assert_eq!(last_vote.at, "2027-01-14T08:00:00Z");
    assert_eq!(window.log[window.log.len() - 1].who, "Facilitator");
    let _ = kiosk.stop().expect("stops");
}
