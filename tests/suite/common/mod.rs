//! Helpers shared by the UI test files: building the app in a headless harness, clicking by
//! accessible label, and waiting for background jobs.

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trh::app::recovery::Recovery;
use trh::app::{AppConfig, Start, TrhApp};
use trh::state::prefs::Prefs;

/// An app configuration with a user name already known.
pub fn config(start: Start, recovery: Option<Recovery>) -> AppConfig {
    AppConfig {
        prefs: Prefs {
            user_name: Some("Test analyst".into()),
            ..Prefs::default()
        },
        recovery,
        start,
        startup_error: None,
    }
}

pub fn harness(app: TrhApp) -> Harness<'static, TrhApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 2000.0))
        .build_ui_state(|ui, app: &mut TrhApp| app.show(ui), app);
    h.run_steps(2);
    h
}

pub fn sample() -> Harness<'static, TrhApp> {
    harness(TrhApp::new(config(Start::Sample, None)))
}

/// Steps until `done` holds (background jobs finish on their own threads).
pub fn wait_for(h: &mut Harness<'_, TrhApp>, what: &str, done: impl Fn(&TrhApp) -> bool) {
    for _ in 0..400 {
        h.step();
        if done(h.state()) {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out waiting for {what}");
}

/// Opens a menu and clicks an entry (entries are labelled with their shortcut too).
pub fn menu(h: &mut Harness<'_, TrhApp>, menu: &str, entry: &str) {
    click(h, menu);
    h.get_by_label_contains(entry).click();
    h.run_steps(4);
}

/// Clicks and lets the app settle: press and release are separate frames, and the action
/// a click queues is applied after its frame.
pub fn click(h: &mut Harness<'_, TrhApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(4);
}

/// Presses and releases the primary button at `pos` (a click on painted content, such as a
/// chart mark, that has no accessible node of its own).
pub fn press_at(h: &mut Harness<'_, TrhApp>, pos: egui::Pos2) {
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run_steps(1);
    }
}

/// The labels of the method's factors, in method order.
pub fn factor_labels(app: &TrhApp) -> Vec<String> {
    app.state
        .doc
        .card
        .method
        .factors()
        .map(|(_, f)| f.label.clone())
        .collect()
}

/// The theme with this name.
pub fn theme_named<'a>(app: &'a TrhApp, name: &str) -> &'a trh::model::Theme {
    app.state
        .doc
        .card
        .themes
        .iter()
        .find(|t| t.name == name)
        .expect("a theme of that name")
}

/// The `n`th factor of the open scorecard's method, in method order.
pub fn factor(h: &Harness<'_, TrhApp>, n: usize) -> trh::model::method::Factor {
    h.state()
        .state
        .doc
        .card
        .method
        .factors()
        .nth(n)
        .expect("the method has that many factors")
        .1
        .clone()
}

/// The name of the selected theme.
pub fn selected_name(h: &Harness<'_, TrhApp>) -> String {
    let app = &h.state().state;
    let id = app.view.selected.as_ref().expect("a theme is selected");
    app.doc
        .card
        .theme(id)
        .expect("the selected theme exists")
        .name
        .clone()
}

/// Turns the mouse wheel sideways `notches` times at `at`, a frame each.
pub fn scroll_sideways(h: &mut Harness<'_, TrhApp>, at: egui::Pos2, notches: usize) {
    h.event(egui::Event::PointerMoved(at));
    for _ in 0..notches {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-120.0, 0.0),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(1);
    }
    h.run_steps(3);
}

/// Adds a copy of the 7th theme ("Twin of the seventh", no decision), so a tie sits across
/// the cut line (top 7).
pub fn tie_at_the_cut(h: &mut Harness<'_, TrhApp>) {
    let doc = &h.state().state.doc;
    let seventh = doc.ranking.rows[6].id.clone();
    let mut twin = doc.card.theme(&seventh).expect("theme").clone();
    twin.id = trh::model::ThemeId::new("twin");
    twin.name = "Twin of the seventh".into();
    twin.decision = None;
    let add = trh::model::Edit::AddTheme { theme: twin, at: 0 };
    h.state_mut()
        .state
        .doc
        .apply(&add, None, "t")
        .expect("adds");
}
