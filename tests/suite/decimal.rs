//! A decimal `Range` (`step: 0.1`) from end to end: typed into the vote grid (6, ., 3,
//! Enter), voted from a phone as "6.3", stored as written, and a value between steps
//! refused.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use trh::app::{Start, TrhApp};
use trh::live::Config;
use trh::live::kiosk::{Kiosk, round_to_open};
use trh::live::session::Session;
use trh::model::scorecard::Participant;
use trh::model::{FactorId, Scorecard};

use crate::common::{config, harness};
use crate::live_client::Client;

/// The decimal recipe's scorecard: two themes, two people present.
pub(crate) fn card() -> Scorecard {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/recipes/weighted-decimal-scores.ron");
    let method = trh::file::load_method(&path).expect("recipe");
    let csv = "theme,harm_score,likelihood_score,concern_score\nAlpha,5.4,8.4,8.9\nBeta,7,7,7\n";
    let mut card =
        trh::import::from_csv(csv.as_bytes(), &method, "Decimal", "d.csv").expect("imports");
    for (id, name) in [("p1", "Ann Lee"), ("p2", "Bob Roy")] {
        card.participants.push(Participant {
            id: id.into(),
            name: name.into(),
            agency: "Council".into(),
            present: true,
        });
    }
    card
}

/// The round-1 vote of `who` on `factor` of the first theme, as its code.
fn vote_code(card: &Scorecard, factor: &str, who: &str) -> Option<String> {
    let f = card
        .method
        .factors()
        .find(|(_, f)| f.id.as_str() == factor)?
        .1;
    card.themes[0]
        .scores
        .get(&FactorId::from(factor))?
        .votes
        .iter()
        .find(|v| v.participant.as_str() == who)
        .map(|v| f.scale.code(v.value))
}

#[test]
fn a_decimal_vote_is_typed_in_the_grid() {
    let mut h = harness(TrhApp::new(config(
        Start::Card(Box::new(card()), "d.ron".into()),
        None,
    )));
    let first = h.state().state.doc.card.themes[0].id.clone();
    h.state_mut().state.view.selected = Some(first);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run_steps(3);
    for key in [Key::Num6, Key::Period, Key::Num3, Key::Enter] {
        h.key_press(key);
        h.run_steps(1);
    }
    // Between two steps: not taken; it stays in its cell to be corrected (Enter and the
    // arrows do not move on), and Backspace takes it back.
    for key in [
        Key::Num6,
        Key::Period,
        Key::Num3,
        Key::Num3,
        Key::Enter,
        Key::ArrowRight,
    ] {
        h.key_press(key);
        h.run_steps(1);
    }
    assert_eq!(h.state().state.view.workshop.entry, "6.33");
    assert_eq!(h.state().state.view.workshop.cursor, (0, 1));
    for _ in 0..4 {
        h.key_press(Key::Backspace);
        h.run_steps(1);
    }
    h.key_press(Key::ArrowRight);
    h.run_steps(1);
    // 10 on the third factor (steps of 0.05).
    for key in [Key::Num1, Key::Num0, Key::Enter] {
        h.key_press(key);
        h.run_steps(1);
    }
    h.run_steps(2);
    let c = &h.state().state.doc.card;
    assert_eq!(vote_code(c, "harm_score", "p1").as_deref(), Some("6.3"));
    assert_eq!(
        vote_code(c, "likelihood_score", "p1"),
        None,
        "6.33 is refused"
    );
    assert_eq!(vote_code(c, "concern_score", "p1").as_deref(), Some("10"));
    // The scorecard tab scores a range with a slider (its number typed beside it), not a
    // button per value.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run_steps(3);
    assert!(h.query_by_label("Harm score (draft)").is_some());
    assert!(h.query_by_label("5.5").is_none(), "no button per value");
}

#[test]
fn a_phone_votes_a_decimal() {
    let card = card();
    let id = card.themes[0].id.clone();
    let round = round_to_open(&card, &id).expect("theme");
    let mut kiosk = Kiosk::start(
        trh::document::Document::new(card, None, ""),
        Session::default(),
        Config::new("127.0.0.1:0".parse().expect("addr")),
    )
    .expect("listens");
    let session = Session {
        open: Some((id.clone(), round)),
        ..Session::default()
    };
    kiosk.facilitate(None, session).expect("opens");
    let mut phone = Client::connect(kiosk.server().addr()).expect("connects");
    assert_eq!(phone.join(&kiosk.server().code(), "p1").expect("join"), 200);
    let state = phone.get("/api/state").expect("state").json();
    let levels = state["open"]["factors"][0]["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .map(|l| l["code"].as_str().unwrap_or_default().to_owned())
        .collect::<Vec<_>>();
    assert_eq!(levels.len(), 101, "0 to 10 in steps of 0.1");
    assert_eq!(
        (
            levels[0].as_str(),
            levels[63].as_str(),
            levels[100].as_str()
        ),
        ("0", "6.3", "10")
    );
    let t = id.as_str();
    assert_eq!(
        phone.vote(t, round, "harm_score", "6.3").expect("vote"),
        200
    );
    assert_eq!(
        phone.vote(t, round, "concern_score", "6.25").expect("vote"),
        200
    );
    assert_eq!(
        phone
            .vote(t, round, "likelihood_score", "6.33")
            .expect("vote"),
        400
    );
    let started = Instant::now();
    let mut arrived = 0;
    while arrived < 2 {
        arrived += kiosk.step(Duration::from_millis(20)).expect("step").arrived;
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{arrived} of 2"
        );
    }
    let c = kiosk.card();
    assert_eq!(vote_code(c, "harm_score", "p1").as_deref(), Some("6.3"));
    assert_eq!(vote_code(c, "concern_score", "p1").as_deref(), Some("6.25"));
    // The phone finds its own votes by the codes it sent.
    let state = phone.get("/api/state").expect("state").json();
    assert_eq!(state["votes"]["harm_score"], "6.3");
    let _ = kiosk.stop();
}
