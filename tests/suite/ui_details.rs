//! The scorecard's own details (issue 29): a new scorecard opens *Scorecard details…* so it is
//! not left "Untitled scorecard", OFFICIAL; the details are one edit (one Undo) and reach
//! every export; lowering the marking needs a tick; and a change that changes nothing logs
//! nothing.

use egui::accesskit::Role;
use egui_kittest::kittest::{By, Queryable};

use crate::common::{click, menu, sample};

/// Types into the text field labelled `label` (the grid's label beside it has the same text).
fn type_into(h: &mut egui_kittest::Harness<'_, trh::app::TrhApp>, label: &str, text: &str) {
    let by = || By::new().role(Role::TextInput).label(label);
    h.get(by()).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get(by()).type_text(text);
    h.run_steps(2);
}

/// Moves the pointer over a choice, then clicks it. (kittest's click hovers and presses in
/// one frame, which a selectable in a dialog just drawn can miss; a person's pointer is there
/// first, and in the real window one click takes.)
fn pick(h: &mut egui_kittest::Harness<'_, trh::app::TrhApp>, label: &str) {
    h.get_by_label(label).hover();
    h.run_steps(2);
    click(h, label);
}

#[test]
fn a_new_scorecard_gets_its_details_and_they_reach_the_exports() {
    let mut h = sample();
    menu(&mut h, "File", "New…");
    click(&mut h, "Impact × Likelihood 4×4 grid");
    assert!(
        h.query_by_label("Scorecard details").is_some(),
        "a new scorecard asks for its details"
    );
    type_into(&mut h, "Title", "Strategic assessment 2026/27");
    type_into(&mut h, "Area", "Torbay");
    type_into(&mut h, "Period", "2026/27");
    pick(&mut h, "OFFICIAL-SENSITIVE");
    click(&mut h, "Save details");
    let card = &h.state().state.doc.card;
    assert_eq!(card.title, "Strategic assessment 2026/27");
    assert_eq!(
        (card.area.as_str(), card.period.as_str()),
        ("Torbay", "2026/27")
    );
    assert_eq!(card.marking, "OFFICIAL-SENSITIVE");
    let line = card.log.last().expect("logged");
    assert_eq!(line.what, "scorecard details");
    assert!(
        line.new.contains("marking: OFFICIAL to OFFICIAL-SENSITIVE"),
        "{}",
        line.new
    );
    let csv = trh::export::export(
        card,
        &trh::export::ExportRequest::new(trh::export::ExportFormat::Md),
    )
    .expect("csv");
    assert!(String::from_utf8_lossy(&csv).starts_with("**OFFICIAL-SENSITIVE**"));
    // One Undo takes all of it back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().state.doc.card.title, "Untitled scorecard");
    assert_eq!(h.state().state.doc.card.marking, "OFFICIAL");
}

#[test]
fn lowering_the_marking_needs_a_tick() {
    let mut h = sample();
    menu(&mut h, "File", "Scorecard details…");
    pick(&mut h, "OFFICIAL-SENSITIVE");
    click(&mut h, "Save details");
    assert_eq!(h.state().state.doc.card.marking, "OFFICIAL-SENSITIVE");
    menu(&mut h, "File", "Scorecard details…");
    pick(&mut h, "OFFICIAL");
    assert!(
        h.query_by_label_contains("This lowers the marking from OFFICIAL-SENSITIVE to OFFICIAL")
            .is_some()
    );
    click(&mut h, "Save details");
    assert_eq!(
        h.state().state.doc.card.marking,
        "OFFICIAL-SENSITIVE",
        "not saved without the tick"
    );
    click(&mut h, "I am lowering the marking on purpose");
    click(&mut h, "Save details");
    assert_eq!(h.state().state.doc.card.marking, "OFFICIAL");
}

#[test]
fn a_change_that_changes_nothing_logs_nothing() {
    let mut doc = trh::document::Document::new(
        trh::file::load_scorecard(std::path::Path::new("scorecards/plymouth-style-2018.ron"))
            .expect("sample"),
        None,
        "s",
    );
    let theme = doc.card.themes[0].id.clone();
    let before = doc.card.log.len();
    let text = |t: &str| trh::model::Edit::SetThemeText {
        theme: theme.clone(),
        field: trh::model::edit::ThemeText::Description,
        text: t.to_owned(),
    };
    let same = doc.card.themes[0].description.clone();
    doc.apply(&text(&same), None, "a").expect("applies");
    assert_eq!(doc.card.log.len(), before, "the same text again");
    // Typed and typed back in one run (one undo step, merged): nothing logged.
    doc.apply(&text(&format!("{same} x")), Some("desc"), "a")
        .expect("applies");
    doc.apply(&text(&same), Some("desc"), "a").expect("applies");
    doc.end_merge();
    assert_eq!(doc.card.log.len(), before, "typed and typed back");
    // A real change is logged once.
    doc.apply(&text("New text"), Some("desc"), "a")
        .expect("applies");
    doc.end_merge();
    assert_eq!(doc.card.log.len(), before + 1);
}

/// The lead records where and when the board decided, once: the next decision starts at the
/// same meeting.
#[test]
fn the_next_decision_is_taken_at_the_same_meeting() {
    let mut h = sample();
    click(&mut h, "Reoffending");
    // The sample leaves no theme undecided, so clear this one's decision first.
    click(&mut h, "No decision yet");
    assert!(
        h.state()
            .state
            .doc
            .card
            .themes
            .iter()
            .any(|t| t.decision.is_none())
    );
    click(&mut h, "Alcohol harm");
    type_into(&mut h, "Taken at", "Safer Plymouth board");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    type_into(&mut h, "on", "2018-03-14");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    let card = &h.state().state.doc.card;
    let alcohol = card
        .themes
        .iter()
        .find(|t| t.name == "Alcohol harm")
        .expect("theme");
    assert_eq!(
        alcohol.decision.as_ref().expect("decided").taken(),
        "Safer Plymouth board, 2018-03-14"
    );
    click(&mut h, "Reoffending");
    click(&mut h, "Watching brief (suggested)");
    let card = &h.state().state.doc.card;
    let reoffending = card
        .themes
        .iter()
        .find(|t| t.name == "Reoffending")
        .expect("theme");
    assert_eq!(
        reoffending.decision.as_ref().expect("decided").taken(),
        "Safer Plymouth board, 2018-03-14",
        "taken at the meeting of the last decision"
    );
}

/// Methods in the app: File → New carries the open scorecard's themes across to be scored
/// again under another method (drafts kept where the factor and level mean the same), and a
/// recipe opened with File → Open starts a new scorecard under it instead of failing.
#[test]
fn themes_are_carried_into_another_method_and_a_recipe_opens_as_a_new_scorecard() {
    let mut h = sample();
    menu(&mut h, "File", "New…");
    click(
        &mut h,
        "Carry this scorecard's 13 themes across, to score them again under the new method",
    );
    pick(&mut h, "Probability × Harm (classic CSP matrix)");
    let doc = &h.state().state.doc;
    assert_eq!(doc.card.method.id, "probability-harm");
    assert_eq!(doc.card.themes.len(), 13, "the themes came across");
    assert!(doc.card.themes.iter().all(|t| t.decision.is_none()));
    assert!(
        h.state()
            .state
            .notes
            .log
            .iter()
            .any(|n| n.text.starts_with("Carried 13 themes into a new scorecard")),
        "says what it did"
    );
    assert!(
        h.state().state.view.details.is_some(),
        "and asks for its details"
    );
    pick(&mut h, "Cancel");
    assert!(h.state().state.view.details.is_none(), "closed");
    // A recipe is a method: opening it starts a new scorecard under it.
    let recipe = std::path::Path::new("docs/recipes/cell-grid.ron");
    let method = trh::methods::resolve(recipe.to_str().expect("path")).expect("recipe");
    h.state_mut().jobs.fixed_pick = Some(recipe.to_path_buf());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run_steps(4);
    if h.query_by_label("Don't save").is_some() {
        click(&mut h, "Don't save");
    }
    crate::common::wait_for(&mut h, "the recipe", |app| {
        app.state.doc.card.method.id == method.id
    });
    assert!(h.state().state.doc.card.themes.is_empty());
    assert!(
        h.state()
            .state
            .notes
            .log
            .iter()
            .any(|n| n.text.contains("is a method, not a scorecard")),
    );
}

/// Help → The method… shows the method in full, with the outcome lookup the report's appendix
/// has.
#[test]
fn the_method_is_shown_in_the_app() {
    let mut h = sample();
    menu(&mut h, "Help", "The method…");
    assert!(h.state().state.view.show_method);
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Outcome: risk band against partnership position")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Very high (4 pts): Life-threatening injury or death.")
            .is_some()
    );
    assert!(h.query_all_by_label("Priority – capability gap").count() >= 2);
}
