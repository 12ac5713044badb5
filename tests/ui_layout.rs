//! Layouts at the sizes meeting rooms and laptops really have (1024×768, 1280×800, 1366×768
//! and 1600×900): presenter mode fits the screen, and the wide tables scroll sideways with
//! their names kept in view.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trh::app::{Start, TrhApp};

mod common;
use common::{click, config};

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
        let labels: Vec<String> = h
            .state()
            .doc
            .card
            .method
            .factors()
            .map(|(_, f)| f.label.clone())
            .collect();
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
    h.event(egui::Event::PointerMoved(over));
    for _ in 0..20 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-120.0, 0.0),
            phase: egui::TouchPhase::Move,
            modifiers: Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(1);
    }
    h.run_steps(3);
    let decision = h.get_by_label("Decision").rect();
    assert!(
        decision.right() <= 1024.0,
        "scrolled, Decision is reachable: {decision:?}"
    );
    let theme_after = h.get_by_label("Theme").rect();
    assert!(
        (theme_after.left() - theme_before.left()).abs() < 1.0,
        "the theme column stays in view: {theme_before:?} then {theme_after:?}"
    );
}
