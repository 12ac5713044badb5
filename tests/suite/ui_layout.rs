//! Layouts at the sizes meeting rooms and laptops really have (1024×768, 1280×800, 1366×768
//! and 1600×900): presenter mode fits the screen, and the wide tables scroll sideways with
//! their names kept in view.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trh::app::{Start, TrhApp};

use crate::common::{click, config, factor_labels};

const SIZES: [(f32, f32); 4] = [
    (1024.0, 768.0),
    (1280.0, 800.0),
    (1366.0, 768.0),
    (1600.0, 900.0),
];

fn sample_at(w: f32, h: f32) -> Harness<'static, TrhApp> {
    let app = TrhApp::new(config(Start::Sample, None));
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        .build_ui_state(|ui, app: &mut TrhApp| app.show(ui), app);
    h.run_steps(2);
    h
}

#[test]
fn presenter_mode_shows_every_factor_inside_the_screen() {
    for (w, ht) in SIZES {
        let mut h = sample_at(w, ht);
        click(&mut h, "Reoffending");
        h.key_press(Key::F5);
        h.run_steps(3);
        h.key_press(Key::R);
        h.run_steps(3);
        let labels = factor_labels(h.state());
        let mut last_bottom = 0.0;
        for label in &labels {
            let r = h.get_by_label(label).rect();
            assert!(
                r.bottom() <= ht && r.right() <= w + 0.5,
                "{label} at {w}×{ht}: {r:?} is outside the screen"
            );
            assert!(
                r.top() >= last_bottom - 0.5 || r.left() > 10.0,
                "{label} overlaps"
            );
            last_bottom = r.bottom();
            // Rows are tall enough for text of at least 20 px.
            assert!(r.height() >= 20.0 * 1.4, "{label}: {}", r.height());
        }
        h.key_press(Key::Escape);
        h.run_steps(2);
    }
}

#[test]
fn the_ranking_board_scrolls_sideways_with_the_theme_column_in_view() {
    let mut h = sample_at(1024.0, 768.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(3);
    let theme_before = h.get_by_label("Theme").rect();
    let decision = h.get_by_label("Decision").rect();
    assert!(
        decision.right() > 1024.0,
        "at 1024×768 the Decision column starts off screen: {decision:?}"
    );
    // Scroll right over the table.
    let over = egui::pos2(700.0, 500.0);
    crate::common::scroll_sideways(&mut h, over, 20);
    let decision = h.get_by_label("Decision").rect();
    assert!(
        decision.right() <= 1024.0,
        "scrolled, Decision is reachable: {decision:?}"
    );
    // Scrolled to the end, the last column is whole on screen.
    crate::common::scroll_sideways(&mut h, over, 40);
    let flags = h.get_by_label("Flags").rect();
    assert!(
        flags.right() <= 1024.0,
        "the last column is reachable: {flags:?}"
    );
    let theme_after = h.get_by_label("Theme").rect();
    assert!(
        (theme_after.left() - theme_before.left()).abs() < 1.0,
        "the theme column stays in view: {theme_before:?} then {theme_after:?}"
    );
}

#[test]
fn the_vote_grid_follows_the_cursor_keeps_names_in_view_and_starts_each_theme_at_the_left() {
    // Narrower than 1024 the factors no longer all fit, so the grid scrolls.
    let mut h = sample_at(800.0, 600.0);
    click(&mut h, "Reoffending");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run_steps(3);
    let (person, agency, factors) = {
        let card = &h.state().state.doc.card;
        let p = card
            .participants
            .iter()
            .find(|p| p.present)
            .expect("someone present");
        let f: Vec<String> = card
            .method
            .factors()
            .map(|(_, f)| f.label.clone())
            .collect();
        (p.name.clone(), p.agency.clone(), f)
    };
    let name = format!("{person} ({agency})");
    let name_before = h.get_by_label(&name).rect();
    let last = format!("{person}, {}", factors.last().expect("factors"));
    assert!(
        h.get_by_label(&last).rect().right() > 800.0,
        "the last factor starts off screen at 800×600"
    );
    for _ in 1..factors.len() {
        h.key_press(Key::ArrowRight);
        h.run_steps(2);
    }
    h.run_steps(3);
    let cell = h.get_by_label(&last).rect();
    assert!(
        cell.right() <= 800.0,
        "the cursor's cell is in view: {cell:?}"
    );
    let name_after = h.get_by_label(&name).rect();
    assert!(
        (name_after.left() - name_before.left()).abs() < 1.0,
        "the names stay put: {name_before:?} then {name_after:?}"
    );
    assert!(
        cell.left() >= name_after.right(),
        "the cell is not under the names"
    );
    // The next theme starts at the left again.
    h.key_press(Key::PageDown);
    h.run_steps(4);
    let first = format!("{person}, {}", factors[0]);
    let r = h.get_by_label(&first).rect();
    assert!(
        r.left() >= name_after.right() - 1.0 && r.right() <= 1024.0,
        "{r:?}"
    );
}

/// In the projector look (larger type) a vote-grid heading is wide enough for its longest
/// word, so no word is broken across lines ("Psychologi cal"); upright headings (narrow
/// columns) are as tall.
#[test]
fn projector_headings_never_break_a_word() {
    let mut h = sample_at(1600.0, 900.0);
    h.state_mut().state.prefs.look = trh::look::Look::Projector;
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run_steps(3);
    let ctx = h.ctx.clone();
    let small = ctx.global_style().text_styles[&egui::TextStyle::Small].clone();
    assert!(
        small.size > 12.0,
        "the projector look's type is larger: {}",
        small.size
    );
    let painter = egui::Painter::new(ctx, egui::LayerId::background(), egui::Rect::EVERYTHING);
    let labels = factor_labels(h.state());
    for label in labels {
        let head = h.get_by_label(&label).rect();
        for word in label.split_whitespace() {
            let w = painter
                .layout_no_wrap(word.to_owned(), small.clone(), egui::Color32::BLACK)
                .size()
                .x;
            // Upright headings run up the column: their length is the heading's height.
            let room = head.width().max(head.height());
            assert!(w <= room - 4.0, "{word} ({w}) in a {head:?} heading");
        }
    }
}

/// At 1024×768 the vote grid shows every factor of the sample's 13 at once (upright headings,
/// narrow columns), beside the theme list, with the names column still in view.
#[test]
fn at_1024_by_768_the_vote_grid_shows_every_factor_column() {
    let mut h = sample_at(1024.0, 768.0);
    click(&mut h, "Reoffending");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run_steps(3);
    let card = h.state().state.doc.card.clone();
    let p = card
        .participants
        .iter()
        .find(|p| p.present)
        .expect("someone");
    let names = h.get_by_label(&format!("{} ({})", p.name, p.agency)).rect();
    assert!(
        card.method.factors().count() >= 13,
        "the sample's 13 factors"
    );
    for (_, f) in card.method.factors() {
        let cell = h.get_by_label(&format!("{}, {}", p.name, f.label)).rect();
        assert!(
            cell.left() >= names.right() && cell.right() <= 1024.0,
            "{} is in view beside the names: {cell:?}, names {names:?}",
            f.label
        );
        assert!(cell.bottom() <= 768.0, "{}: {cell:?}", f.label);
    }
}

/// Scoring an empty factor moves nothing below it (its descriptor line was added on the first
/// choice, so the next click landed one row off), and each level's button names its key and
/// its points apart ("[4] High (3 pts)").
#[test]
fn scoring_an_empty_factor_keeps_the_rows_below_still() {
    let mut h = sample_at(1024.0, 768.0);
    click(&mut h, "Add");
    h.key_press(Key::Enter);
    h.run_steps(2);
    let method = h.state().state.doc.card.method.clone();
    let mut factors = method.factors().map(|(_, f)| f.clone());
    let first = factors.next().expect("factor");
    let second = factors.next().expect("factor");
    let level = |f: &trh::model::method::Factor, i: usize| match &f.scale {
        trh::model::Scale::Levels(l) => format!("{}: {}", f.label, l[i].label),
        trh::model::Scale::Range { .. } => unreachable!("the sample's harm is levels"),
    };
    let below = level(&second, 0);
    let y_before = h.get_by_label(&below).rect().min.y;
    h.get_by_label(&level(&first, 1)).hover();
    h.run_steps(2);
    click(&mut h, &level(&first, 1));
    let id = h
        .state()
        .state
        .view
        .selected
        .clone()
        .expect("the new theme");
    let theme = h.state().state.doc.card.theme(&id).expect("theme").clone();
    assert_eq!(
        theme.scores[&first.id].draft,
        Some(trh::model::Value::Level(1))
    );
    let y_after = h.get_by_label(&below).rect().min.y;
    assert!(
        (y_after - y_before).abs() < 0.5,
        "the next factor moved from {y_before} to {y_after}"
    );
    let trh::model::Scale::Levels(levels) = &first.scale else {
        unreachable!()
    };
    let high = levels.iter().position(|l| l.label == "High").expect("High");
    assert_eq!(
        trh::ui::factor_row::level_text(high, &levels[high]),
        "[4] High (3 pts)",
        "the key and the points apart"
    );
    assert_eq!(
        trh::ui::factor_row::level_text(1, &levels[1]),
        "[2] Low (1 pt)"
    );
}

/// The cut line's sentence stays whole: "Candidate priorities: top [7] of 14 ranked themes",
/// with the warning of a tie at the cut after it, never spliced into the middle.
#[test]
fn the_tie_warning_follows_the_cut_sentence() {
    let mut h = sample_at(1024.0, 768.0);
    crate::common::tie_at_the_cut(&mut h);
    assert!(
        h.state().state.doc.ranking.cut_tie().is_some(),
        "a tie at the cut"
    );
    click(&mut h, "Ranking board");
    h.run_steps(2);
    let start = h.get_by_label("Candidate priorities: top").rect();
    let end = h.get_by_label("of 14 ranked themes").rect();
    assert!(
        (start.center().y - end.center().y).abs() < 2.0,
        "the sentence is on one line: {start:?} {end:?}"
    );
    assert!(h.query_by_label_contains("Tie at the cut:").is_some());
}

/// Opening the Workshop tab shows the grid from its top: the factor headings are in view,
/// below the round controls. Scrolling to the first cell on a theme's first showing used to
/// scroll the headings out of sight.
#[test]
fn the_workshop_grid_opens_with_its_factor_headings_in_view() {
    for (w, ht) in SIZES {
        let mut h = sample_at(w, ht);
        h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
        h.run_steps(4);
        let round = h.get_by_label("Next round").rect();
        let head = h
            .get_by_role_and_label(egui::accesskit::Role::ColumnHeader, "Physical harm")
            .rect();
        assert!(
            head.top() >= round.bottom() - 1.0,
            "{w}x{ht}: the headings {head:?} are below the round controls {round:?}, in view"
        );
    }
}
