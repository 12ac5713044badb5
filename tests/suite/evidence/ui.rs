//! The evidence in the window: the scorecard's *Evidence from data* part and each factor's
//! suggestion (accepted by a click or D), *Accept all data suggestions* as one undo step, the
//! evidence table, and *File → Import evidence…* reading a police.uk download in the
//! background.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use trh::model::{FactorId, ThemeId};

use crate::common::{click, menu, sample, wait_for};

fn trend_draft(app: &trh::app::TrhApp, theme: &str) -> Option<String> {
    let card = &app.state.doc.card;
    let scale = &card.method.factor("trend")?.1.scale;
    let t = card.theme(&ThemeId::from(theme))?;
    t.scores
        .get(&FactorId::from("trend"))?
        .draft
        .map(|v| scale.code(v))
}

#[test]
fn a_suggestion_shows_beside_the_draft_and_d_accepts_it() {
    let mut h = sample();
    click(&mut h, "Night-time economy violence");
    // Closed at first, its heading says the gist.
    click(
        &mut h,
        "Evidence from data: 13,774 in the 12 months to Nov 2017, +24% (a rise more than chance)",
    );
    assert!(
        h.query_by_label_contains("Linked to police.uk, Violence and sexual offences")
            .is_some()
    );
    assert!(
        h.query_by_label("Monthly counts").is_some(),
        "the chart of monthly counts"
    );
    assert!(
        h.query_by_label_contains("≠ The data suggests Rising: +2,661 (+24%)")
            .is_some(),
        "the trend in force (Stable) differs from the data's"
    );
    assert_eq!(trend_draft(h.state(), "nte-violence").as_deref(), Some("S"));
    h.state_mut().state.view.factor_cursor = 7;
    h.key_press(Key::D);
    h.run_steps(3);
    assert_eq!(trend_draft(h.state(), "nte-violence").as_deref(), Some("R"));
    let log = h.state().state.doc.card.log.last().expect("logged").clone();
    assert_eq!(
        log.what,
        "theme \"nte-violence\" factor \"trend\" draft from data"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(trend_draft(h.state(), "nte-violence").as_deref(), Some("S"));
}

#[test]
fn accept_all_is_one_undo_step_and_the_evidence_tab_marks_mismatches() {
    let mut h = sample();
    click(&mut h, "Evidence");
    assert!(
        h.query_by_label_contains("Area: LSOAs named Plymouth")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("suggested level(s) differ from those in force")
            .is_some()
    );
    click(&mut h, "Count");
    assert_eq!(
        h.state().state.view.evidence_sort,
        (1, true),
        "counts sort largest first"
    );
    let before = h.state().state.doc.card.clone();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    h.run_steps(3);
    assert!(trh::model::edit::evidence::accept_all(&h.state().state.doc.card).is_empty());
    assert!(
        h.query_all_by_label_contains("draft(s) set from the data")
            .next()
            .is_some()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(
        h.state().state.doc.card,
        before,
        "one undo takes them all back"
    );
}

#[test]
fn import_evidence_reads_a_police_uk_download_in_the_background() {
    let dir = tempfile::tempdir().expect("dir");
    trh::generate::police::write_sample_data(dir.path()).expect("data");
    let mut h = sample();
    menu(&mut h, "File", "Import evidence…");
    assert!(h.query_by_label("Import evidence").is_some());
    h.state_mut().jobs.fixed_pick = Some(dir.path().join("police-uk"));
    click(&mut h, "Folder…");
    wait_for(&mut h, "the folder chosen", |app| {
        app.state
            .view
            .evidence_form
            .as_ref()
            .is_some_and(|f| !f.police.is_empty())
    });
    let area = "Area (local authority, as LSOAs are named)";
    h.get_by_label(area).focus();
    h.run_steps(1);
    h.get_by_label(area).type_text("Plymouth");
    h.run_steps(2);
    let before = h.state().state.doc.card.evidence.sources[0].read_at.clone();
    click(&mut h, "Read the data");
    wait_for(&mut h, "the evidence read", |app| {
        app.state.reading.is_none()
            && app.state.view.evidence_form.is_none()
            && app
                .state
                .doc
                .card
                .evidence
                .sources
                .iter()
                .any(|s| s.read_at != before)
    });
    let ev = &h.state().state.doc.card.evidence;
    let police = ev
        .sources
        .iter()
        .find(|s| s.name == "police-uk")
        .expect("police source");
    assert_eq!((police.rows, police.left_out), (59_684, 6_998));
    assert_eq!(
        ev.sources.len(),
        3,
        "the counts and survey read before are kept"
    );
    // Said in a notice (read from the session's log: a toast may have timed out on a busy
    // machine by the time it is looked for).
    assert!(
        h.state().state.notes.log.iter().any(|n| n
            .text
            .contains("Read police-uk (police.uk): 59684 rows counted")),
        "the notice says what was read"
    );
    assert_eq!(h.state().state.view.tab, trh::state::view::Tab::Evidence);
    // Without an area the dialog says what is missing and reads nothing (opened again from
    // the evidence tab's own button).
    click(&mut h, "Import evidence…");
    h.state_mut()
        .state
        .view
        .evidence_form
        .as_mut()
        .expect("form")
        .areas
        .clear();
    click(&mut h, "Read the data");
    assert!(h.query_by_label_contains("name the area").is_some());
}
