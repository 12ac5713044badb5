//! Live voting in the app, headless: started from the Workshop menu on 127.0.0.1, a device
//! joins and votes while a dialog is open, the vote lands through the one edit path (signed
//! via device, hidden round, board unmoved), presenter mode shows the join screen first and
//! J brings the themes back, and stopping ends the device's access.

use egui::Key;
use egui_kittest::kittest::Queryable;

use crate::common::{click, sample, wait_for};
use crate::live_client::Client;

#[test]
fn a_phone_votes_into_the_open_theme_through_the_one_edit_path() {
    let mut h = sample();
    let theme = h.state().state.doc.card.themes[0].id.clone();
    h.state_mut().state.view.selected = Some(theme.clone());
    h.run_steps(2);
    let board_before = h.state().state.doc.ranking.clone();
    let card_before = h.state().state.doc.card.clone();
    start_on_loopback(&mut h);
    let live = h.state().state.live.clone().expect("live voting runs");
    // The projector shows the join screen first, with the QR code and the room code.
    assert!(joining(&h));
    assert!(h.query_by_label("QR code to join live voting").is_some());
    assert!(
        h.query_by_label_contains(&trh::ui::join_screen::spaced(&live.code))
            .is_some()
    );
    let (open, round) = live
        .session
        .open
        .clone()
        .expect("the theme on screen is open");
    assert_eq!(open, theme);
    let t = card_before.theme(&theme).expect("t");
    assert_eq!(
        round,
        trh::model::workshop::latest_round(t) + 1,
        "a new round"
    );
    assert_eq!(
        h.state().state.doc.card,
        card_before,
        "opening a round changes nothing until its first vote (an empty round leaves no trace)"
    );

    let addr = live
        .short_url
        .trim_start_matches("http://")
        .parse()
        .expect("address");
    let mut phone = Client::connect(addr).expect("connects");
    assert_eq!(phone.join(&live.code, "p1").expect("join"), 200);
    let factor = h
        .state()
        .state
        .doc
        .card
        .method
        .factors()
        .next()
        .expect("f")
        .1
        .clone();
    let code = factor.scale.code(factor.scale.values()[3]);
    // A dialog is open when the vote arrives: it is applied all the same.
    h.state_mut().state.modal = Some(trh::state::modal::Modal::About);
    assert_eq!(
        phone
            .vote(theme.as_str(), round, factor.id.as_str(), &code)
            .expect("vote"),
        200
    );
    wait_for(&mut h, "the phone's vote", |app| {
        app.state.doc.card.theme(&theme).is_some_and(|t| {
            t.scores.get(&factor.id).is_some_and(|s| {
                s.votes
                    .iter()
                    .any(|v| v.round == round && v.participant.as_str() == "p1")
            })
        })
    });
    let doc = &h.state().state.doc;
    let t = doc.card.theme(&theme).expect("t");
    assert!(
        t.hidden_rounds.contains(&round),
        "the first vote starts it hidden"
    );
    let last = doc.card.log.last().expect("logged");
    assert!(
        last.who.starts_with("Sam Hughes (via device "),
        "{}",
        last.who
    );
    assert!(
        last.what.contains(&format!("round {round} vote by \"p1\"")),
        "{}",
        last.what
    );
    assert!(
        doc.is_dirty(),
        "unsaved, so autosave and the close prompt cover it"
    );
    assert_eq!(
        doc.ranking, board_before,
        "an open round moves nothing the room sees"
    );
    assert_eq!(h.state().state.live.as_ref().map(|l| l.votes), Some(1));
    then_presenter_keys_and_stop(&mut h, &mut phone, (&theme, round), (&factor.id, &code));
}

/// Opens the Workshop menu (the menu bar's, not the tab of the same name) and clicks `entry`.
fn workshop_menu(h: &mut egui_kittest::Harness<'_, trh::app::TrhApp>, entry: &str) {
    h.get_all_by_label("Workshop").next().expect("menu").click();
    h.run_steps(4);
    h.get_by_label_contains(entry).click();
    h.run_steps(4);
}

/// Workshop → Start live voting…, on 127.0.0.1 with a free port.
fn start_on_loopback(h: &mut egui_kittest::Harness<'_, trh::app::TrhApp>) {
    workshop_menu(h, "Start live voting…");
    h.get_by_label_contains("this computer only").click();
    h.run_steps(2);
    h.get_by_label("Port").click();
    h.run_steps(1);
    for _ in 0..6 {
        h.key_press(Key::Backspace);
    }
    h.get_by_label("Port").type_text("0");
    h.run_steps(2);
    click(h, "Start");
}

/// J leaves the join screen for the theme (which says it is open on phones), L locks the
/// round (the phone's next vote is refused), and *Stop live voting* ends the phone's access.
fn then_presenter_keys_and_stop(
    h: &mut egui_kittest::Harness<'_, trh::app::TrhApp>,
    phone: &mut Client,
    (theme, round): (&trh::model::ThemeId, u32),
    (factor, code): (&trh::model::FactorId, &str),
) {
    h.state_mut().state.modal = None;
    h.run_steps(2);
    // J leaves the join screen for the theme, which says it is open on phones.
    h.key_press(Key::J);
    h.run_steps(3);
    assert!(!joining(h));
    assert!(
        h.query_by_label_contains("on phones: voting open, 0 complete, 1 partly of")
            .is_some()
    );
    // L locks the round: the phone's next vote is refused.
    h.key_press(Key::L);
    h.run_steps(3);
    assert_eq!(
        phone
            .vote(theme.as_str(), round, factor.as_str(), code)
            .expect("vote"),
        409
    );
    h.key_press(Key::Escape);
    h.run_steps(3);
    // Presenter mode again: the join screen is its first screen while live voting runs.
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!(joining(h));
    h.key_press(Key::Escape);
    h.run_steps(3);
    workshop_menu(h, "Stop live voting");
    assert!(h.state().state.live.is_none());
    let after = phone.get("/api/state");
    assert!(after.is_err() || after.is_ok_and(|r| r.status == 401));
}

/// Presenter mode shows the join screen.
fn joining(h: &egui_kittest::Harness<'_, trh::app::TrhApp>) -> bool {
    let p = h.state().state.view.presenter.as_ref();
    p.is_some_and(|p| p.join)
}

/// A device that joined with the code alone is listed in the workshop tab; the facilitator
/// gives it a name from the free ones, and it then votes as that participant.
#[test]
fn the_facilitator_gives_a_waiting_phone_a_name_from_the_workshop_tab() {
    let mut h = sample();
    start_on_loopback(&mut h);
    h.key_press(Key::Escape);
    h.run_steps(3);
    h.state_mut().state.view.tab = trh::state::view::Tab::Workshop;
    h.run_steps(2);
    let live = h.state().state.live.clone().expect("live");
    let addr = live
        .short_url
        .trim_start_matches("http://")
        .parse()
        .expect("addr");
    let mut phone = Client::connect(addr).expect("connects");
    let r = phone
        .post("/api/wait", &format!(r#"{{"code":"{}"}}"#, live.code))
        .expect("wait");
    phone.token = r.json()["token"].as_str().map(str::to_owned);
    wait_for(&mut h, "the waiting device", |app| {
        app.state
            .live
            .as_ref()
            .is_some_and(|l| l.waiting == vec![1])
    });
    assert!(
        h.query_by_label_contains("Device 1 waits for a name")
            .is_some()
    );
    click(&mut h, "Give it a name…");
    click(&mut h, "Priya Shah");
    wait_for(&mut h, "the name given", |app| {
        app.state
            .live
            .as_ref()
            .is_some_and(|l| l.waiting.is_empty())
    });
    let state = phone.get("/api/state").expect("state").json();
    assert_eq!(state["participant"]["name"], "Priya Shah");
    assert!(h.query_by_label_contains("Joined from phones: 1").is_some());
    h.run_steps(2);
    assert!(
        h.query_by_label("Priya Shah (Council) · phone").is_some(),
        "the grid marks who votes from a phone"
    );
    // Freed from the one-line menu: the phone is told why at its next request.
    click(&mut h, "Release a name…");
    click(&mut h, "Release Priya Shah");
    wait_for(&mut h, "the name freed", |app| {
        app.state
            .live
            .as_ref()
            .is_some_and(|l| l.claimed.is_empty())
    });
    let gone = phone.get("/api/state").expect("state");
    assert_eq!(gone.status, 401);
    let why = gone.json()["error"].as_str().unwrap_or_default().to_owned();
    assert!(
        why.starts_with("The facilitator freed the name Priya Shah for another device"),
        "{why}"
    );
}

/// Before live voting starts on Windows, the dialog says that Windows' firewall will ask and
/// what a Public network means; elsewhere it says nothing of a firewall. (The Windows run of
/// this suite, under Wine, checks the Windows side.)
#[test]
fn the_start_dialog_warns_of_windows_firewall_on_windows_only() {
    let mut h = sample();
    workshop_menu(&mut h, "Start live voting…");
    let note = h
        .query_all_by_label_contains("Windows will probably ask whether trh may use this network")
        .count();
    assert_eq!(note, usize::from(cfg!(windows)));
    if cfg!(windows) {
        assert!(h.query_by_label_contains("phone hotspot").is_some());
    }
    assert!(h.query_by_label("Start").is_some(), "the dialog is open");
}

/// After a while with no phone joined, the join screen on the projector (where the room waits
/// to join) and the live bar say what to try. (The time is set back rather than waited for.)
#[test]
fn no_phone_after_a_while_says_what_to_try() {
    let mut h = sample();
    start_on_loopback(&mut h);
    h.state_mut().state.modal = None;
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("No phone has joined yet")
            .is_none()
    );
    h.state_mut().backdate_live(trh::live::reach::NOBODY_AFTER);
    h.run_steps(3);
    assert!(joining(&h), "the projector shows the join screen");
    let said = |h: &egui_kittest::Harness<'_, trh::app::TrhApp>| {
        h.query_all_by_label_contains("No phone has joined yet")
            .count()
    };
    assert_eq!(said(&h), 1, "the join screen says what to try");
    assert!(
        h.query_by_label_contains("type the room's votes").is_some(),
        "typed votes need no network"
    );
    // Leaving presenter mode: the workshop tab's live bar says it too.
    h.key_press(Key::Escape);
    h.run_steps(3);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num4);
    h.run_steps(3);
    assert_eq!(said(&h), 1, "the live bar says what to try");
}

/// Ctrl+R reveals the round on phones once; pressed again it does not hide the votes (which
/// would reopen the round to phones after they saw the spread). Hiding them with the
/// workshop tab's button keeps phones locked until the facilitator unlocks on purpose.
#[test]
fn a_revealed_round_stays_closed_to_phones_until_the_facilitator_reopens_it() {
    let mut h = sample();
    let theme = h.state().state.doc.card.themes[0].id.clone();
    h.state_mut().state.view.selected = Some(theme.clone());
    h.run_steps(2);
    start_on_loopback(&mut h);
    h.state_mut().state.modal = None;
    h.key_press(Key::Escape);
    h.run_steps(3);
    let live = h.state().state.live.clone().expect("live voting runs");
    let (_, round) = live.session.open.clone().expect("open");
    let addr = live
        .short_url
        .trim_start_matches("http://")
        .parse()
        .expect("address");
    let mut phone = Client::connect(addr).expect("connects");
    assert_eq!(phone.join(&live.code, "p1").expect("join"), 200);
    let asked = crate::live_client::factor_codes_asked(&h.state().state.doc.card, Some(&theme));
    let (factor, levels) = &asked[0];
    let vote = |phone: &mut Client, level: &str| {
        phone
            .vote(theme.as_str(), round, factor, level)
            .expect("vote")
    };
    assert_eq!(vote(&mut phone, &levels[0]), 200);
    wait_for(&mut h, "the vote", |a| {
        a.state.live.as_ref().is_some_and(|l| l.votes == 1)
    });
    h.state_mut().state.view.tab = trh::state::view::Tab::Workshop;
    h.run_steps(2);
    let shown = |h: &egui_kittest::Harness<'_, trh::app::TrhApp>| {
        h.state()
            .state
            .doc
            .card
            .theme(&theme)
            .expect("t")
            .votes_shown(round)
    };
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::R);
    h.run_steps(3);
    assert!(shown(&h), "Ctrl+R reveals");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::R);
    h.run_steps(3);
    assert!(shown(&h), "a second Ctrl+R leaves the votes revealed");
    assert_eq!(
        vote(&mut phone, &levels[1]),
        409,
        "the revealed round is closed"
    );
    // Hiding the votes on purpose does not reopen the round to phones either.
    click(&mut h, "Hide votes");
    h.run_steps(3);
    assert!(!shown(&h));
    assert_eq!(vote(&mut phone, &levels[1]), 409, "still closed: locked");
    // Unlocking in the live panel is the deliberate act that reopens it.
    click(&mut h, "Unlock");
    h.run_steps(3);
    assert_eq!(vote(&mut phone, &levels[1]), 200);
}

/// Closing trh while phones are connected asks first: they lose access. Keeping it running
/// is the default; stopping then closes. The start dialog offers last time's network next
/// time.
#[test]
fn closing_while_live_voting_runs_asks_first_and_the_network_is_remembered() {
    let mut h = sample();
    let theme = h.state().state.doc.card.themes[0].id.clone();
    h.state_mut().state.view.selected = Some(theme);
    h.run_steps(2);
    start_on_loopback(&mut h);
    let last = h.state().state.prefs.live_last.clone().expect("remembered");
    assert!(last.ip.is_loopback() && last.port == 0, "{last:?}");
    h.state_mut().state.modal = None;
    h.key_press(Key::Escape);
    h.run_steps(2);
    let close = |h: &mut egui_kittest::Harness<'_, trh::app::TrhApp>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.run_steps(3);
    };
    close(&mut h);
    assert!(
        matches!(
            h.state().state.modal,
            Some(trh::state::modal::Modal::QuitLive(_))
        ),
        "{:?}",
        h.state().state.modal
    );
    // Enter keeps live voting running.
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(h.state().state.modal.is_none());
    assert!(h.state().state.live.is_some(), "still running");
    close(&mut h);
    click(&mut h, "Stop live voting and close");
    h.run_steps(3);
    assert!(h.state().state.live.is_none(), "stopped");
    // Votes had arrived? No: the sample is unchanged, so nothing else is asked.
}

/// Starting live voting on a theme the room has agreed in full opens nothing on phones,
/// and says so (after a crash the selected theme was an agreed one, and a new empty round
/// opened on it).
#[test]
fn starting_live_voting_never_reopens_an_agreed_theme_without_asking() {
    let mut h = sample();
    // The room agrees every factor of the first theme.
    let agreed = h.state().state.doc.card.themes[0].id.clone();
    let factors: Vec<_> = h
        .state()
        .state
        .doc
        .card
        .method
        .factors()
        .map(|(_, f)| (f.id.clone(), f.scale.values()[0]))
        .collect();
    for (factor, value) in factors {
        let edit = trh::model::Edit::SetAgreed {
            theme: agreed.clone(),
            factor,
            agreed: Some(trh::model::scorecard::Agreed {
                value,
                rationale: "agreed at the workshop".into(),
            }),
        };
        h.state_mut()
            .state
            .doc
            .apply(&edit, None, "Test")
            .expect("agreed");
    }
    h.state_mut().state.view.selected = Some(agreed.clone());
    h.run_steps(2);
    workshop_menu(&mut h, "Start live voting…");
    assert!(
        h.query_by_label_contains("Nothing opens on phones yet")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run_steps(2);
    start_on_loopback(&mut h);
    let live = h.state().state.live.clone().expect("runs");
    assert_eq!(live.session.open, None, "nothing opened");
    let t = h
        .state()
        .state
        .doc
        .card
        .theme(&agreed)
        .expect("theme")
        .clone();
    assert!(
        t.hidden_rounds.is_empty(),
        "no empty round left behind: {:?}",
        t.hidden_rounds
    );
}

/// F1 at 1024×768: the list scrolls inside the screen, with its title and Close in view, and
/// it names the vote grid's and presenter mode's keys.
#[test]
fn the_shortcuts_dialog_fits_1024_by_768_and_lists_every_key() {
    let app = trh::app::TrhApp::new(crate::common::config(trh::app::Start::Sample, None));
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(|ui, app: &mut trh::app::TrhApp| app.show(ui), app);
    h.run_steps(2);
    h.key_press(Key::F1);
    h.run_steps(3);
    // The dialog's title (the menu has an entry of the same name, higher up).
    let title = h
        .get_all_by_label("Keyboard shortcuts")
        .map(|n| n.rect())
        .max_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("title");
    let close = h.get_by_label("Close").rect();
    assert!(
        title.top() >= 0.0 && close.bottom() <= 768.0,
        "{title:?} {close:?}"
    );
    for what in [
        "Open this theme on phones (Presenter)",
        "Lock or unlock the round on phones (Presenter)",
        "Show or leave the live-voting join screen (Presenter)",
        "Start or stop the timer (Presenter)",
        "Agree the factor (with a rationale) (Vote grid)",
    ] {
        assert!(h.query_by_label(what).is_some(), "{what} is listed");
    }
}
