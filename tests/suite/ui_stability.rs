//! How much the room's disagreement matters, in the app: the figures are computed off the UI
//! thread after each change, the ranking board shows each theme's interval and badge, and the
//! *Close calls* fold-out lists the checked sentences.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, Queryable};
use trh::model::close_calls::close_calls;
use trh::model::stability::Badge;

use crate::common::{sample, wait_for};

fn figures_now(app: &trh::app::TrhApp) -> bool {
    app.state.figures_now().is_some()
}

#[test]
fn the_board_shows_each_themes_interval_and_badge_and_the_close_calls() {
    let mut h = sample();
    wait_for(&mut h, "stability figures", figures_now);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(3);
    let card = h.state().state.doc.card.clone();
    // The same figures as the model gives for the app's options.
    let expected = trh::document::Figures::of(&card, card.cut()).stability;
    let got = h
        .state()
        .state
        .figures_now()
        .expect("figures")
        .stability
        .clone();
    assert_eq!(got, expected);
    // Every ranked theme's row carries its interval and badge (the painted cell's text).
    let mut badges = std::collections::HashSet::new();
    for t in &expected.themes {
        let Some(b) = t.badge(expected.top) else {
            continue;
        };
        badges.insert(b);
        let cell = format!("{} · {}", t.interval(), b.label());
        let row = h.query(By::new().role(Role::Row).label(&t.name).value(&cell));
        assert!(row.is_some(), "{}'s row shows {cell}", t.name);
    }
    assert!(
        badges.len() >= 2,
        "the sample has themes of more than one kind: {badges:?}"
    );
    assert!(
        expected.themes.iter().any(|t| matches!(
            t.badge(expected.top),
            Some(Badge::CoinToss | Badge::CloseCall)
        )),
        "a fragile theme on the sample"
    );
    // The close calls fold-out shows the model's sentences; clicking one selects its theme.
    let calls = close_calls(&card, card.cut());
    let first = calls
        .calls
        .iter()
        .find(|c| c.close)
        .expect("a close call on the sample");
    h.get_by_label(&first.sentence).click();
    h.run_steps(4);
    let theme = match &first.outcome {
        trh::model::close_calls::Crossing::Cut { theme, .. }
        | trh::model::close_calls::Crossing::Band { theme, .. } => theme.clone(),
    };
    assert_eq!(h.state().state.view.selected.as_ref(), Some(&theme));
}

#[test]
fn the_figures_follow_each_change() {
    let mut h = sample();
    wait_for(&mut h, "stability figures", figures_now);
    let first = h.state().state.figures_now().expect("figures").generation;
    // Move the cut line: a change, so new figures for the new top N.
    let before = h.state().state.doc.card.cut();
    let edit = trh::model::Edit::SetCut {
        cut: Some(u32::try_from(before + 1).expect("small")),
    };
    h.state_mut()
        .push(trh::state::Action::Edit { edit, merge: None });
    h.run_steps(2);
    assert_ne!(h.state().state.doc.generation, first);
    wait_for(&mut h, "figures for the new cut", figures_now);
    let r = h.state().state.figures_now().expect("figures");
    assert_eq!(r.stability.top, before + 1);
    assert_eq!(r.close.top, before + 1);
}

#[test]
fn presenter_modes_ranking_reveal_marks_the_close_calls() {
    let mut h = sample();
    wait_for(&mut h, "stability figures", figures_now);
    h.key_press(Key::F5);
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    for _ in 0..13 {
        h.key_press(Key::ArrowRight);
        h.run_steps(1);
    }
    h.run_steps(2);
    let r = h.state().state.figures_now().expect("figures");
    let top = r.stability.top;
    for t in &r.stability.themes {
        let rank = t.rank.expect("ranked");
        let marked = match t.badge(top) {
            Some(Badge::CoinToss) => " · coin toss",
            Some(Badge::CloseCall) => " · close call",
            _ => "",
        };
        let said = format!("{rank} {}{marked}", t.name);
        assert!(
            h.query_by_label(&said).is_some(),
            "the reveal says {said:?}"
        );
    }
    // Modern slavery (77 % inside the top 7) is one of them.
    assert!(h.query_by_label("6 Modern slavery · close call").is_some());
}

/// The reveal fits a 1024×768 projector however far it has gone, and shows the cut line (with
/// the tie it holds) once the first theme below it is revealed.
#[test]
fn the_reveal_fits_the_screen_and_shows_the_cut_line() {
    use trh::app::TrhApp;
    let app = TrhApp::new(crate::common::config(trh::app::Start::Sample, None));
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(|ui, app: &mut TrhApp| app.show(ui), app);
    h.run_steps(2);
    crate::common::tie_at_the_cut(&mut h);
    h.run_steps(2);
    h.key_press(Key::F5);
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    let line = "cut line: top 7 (8 with the tie)";
    let total = h.state().state.doc.ranking.rows.len();
    for shown in 1..=total {
        h.key_press(Key::ArrowRight);
        h.run_steps(1);
        let rows: Vec<_> = h
            .query_all(By::new().role(Role::ListItem))
            .map(|n| n.rect())
            .collect();
        assert_eq!(rows.len(), shown, "revealed");
        for r in &rows {
            assert!(
                r.bottom() <= 768.0 && r.top() >= 0.0,
                "{shown}: row at {r:?}"
            );
        }
        // Eight themes are inside the line; it shows once the ninth from the top is revealed.
        assert_eq!(
            h.query_by_label(line).is_some(),
            shown >= total - 8,
            "{shown} shown"
        );
    }
    let tied = h
        .query_all(By::new().label_contains("· tied at cut"))
        .count();
    assert_eq!(tied, 2, "both tied themes say so");
}
