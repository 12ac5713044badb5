//! What a user meets first: every shortcut through real key events, a fresh install with no
//! name set, and Enter and Escape in every dialog. Unlike the other UI tests these start from
//! empty preferences where it matters, because that is where the faults were.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trh::app::{AppConfig, Start, TrhApp};
use trh::model::Value;
use trh::state::Command;
use trh::state::modal::Modal;
use trh::state::prefs::Prefs;
use trh::state::view::Tab;

use crate::common::{click, config, harness, sample, theme_named, wait_for};

/// Gets a sample ready for `c` to be allowed, then clears the record of commands run.
fn ready_for(c: Command) -> Harness<'static, TrhApp> {
    let mut h = sample();
    click(&mut h, "Reoffending");
    if matches!(c, Command::Undo | Command::Redo) {
        click(&mut h, "Physical harm: High");
    }
    if c == Command::Redo {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(2);
    }
    h.state_mut().state.recent_commands.clear();
    h
}

#[test]
fn every_shortcut_runs_exactly_its_own_command() {
    for c in Command::ALL {
        let shortcuts = c
            .shortcut()
            .into_iter()
            .chain(c.extra_shortcuts().iter().copied());
        for s in shortcuts {
            let mut h = ready_for(c);
            assert!(h.state().state.enabled(c), "{c:?} can run");
            h.key_press_modifiers(s.modifiers, s.logical_key);
            h.run_steps(2);
            assert_eq!(
                h.state().state.recent_commands,
                [c],
                "{:?}+{:?} should run {c:?} and nothing else",
                s.modifiers,
                s.logical_key
            );
        }
    }
}

#[test]
fn shift_turns_save_into_save_as_and_undo_into_redo() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("card.ron");
    std::fs::write(&path, trh::methods::SAMPLE).expect("write");
    let card = trh::file::load_scorecard(&path).expect("loads");
    let mut h = harness(TrhApp::new(config(
        Start::Loaded(Box::new(card), path.clone()),
        None,
    )));
    click(&mut h, "Reoffending");
    click(&mut h, "Physical harm: High");
    let other = dir.path().join("copy.ron");
    h.state_mut().jobs.fixed_pick = Some(other.clone());
    let before = std::fs::read_to_string(&path).expect("read");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for(&mut h, "the save as", |a| !a.state.doc.is_dirty());
    assert_eq!(h.state().state.recent_commands, [Command::SaveAs]);
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        before,
        "the open file is not overwritten"
    );
    assert!(other.exists(), "saved to the new file");
    assert_eq!(h.state().state.doc.path.as_deref(), Some(other.as_path()));
    // Ctrl+Shift+Z from a fully redone state does nothing; it never undoes.
    let ranking = h.state().state.doc.ranking.clone();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().state.doc.ranking,
        ranking,
        "nothing to redo, nothing undone"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_ne!(h.state().state.doc.ranking, ranking);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().state.doc.ranking, ranking, "redone");
    // Undoing back to the saved state is not "unsaved".
    assert!(!h.state().state.doc.is_dirty());
    assert!(h.query_by_label_contains("Unsaved changes").is_none());
}

/// A fresh install: no name in the preferences.
fn fresh(card: trh::model::Scorecard) -> Harness<'static, TrhApp> {
    harness(TrhApp::new(AppConfig {
        prefs: Prefs::default(),
        recovery: None,
        start: Start::Card(Box::new(card), "w.ron".into()),
        startup_error: None,
    }))
}

#[test]
fn on_a_fresh_install_typed_votes_are_all_kept_and_no_prompt_takes_them() {
    let mut card = trh::file::parse_scorecard(trh::methods::SAMPLE, std::path::Path::new("s.ron"))
        .expect("sample");
    let theme = card
        .themes
        .iter_mut()
        .map(std::sync::Arc::make_mut)
        .find(|t| t.name == "Reoffending")
        .expect("theme");
    for s in theme.scores.values_mut() {
        s.votes.clear();
        s.agreed = None;
    }
    let mut h = fresh(card);
    click(&mut h, "Reoffending");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run_steps(2);
    assert_eq!(h.state().state.view.tab, Tab::Workshop);
    for key in [Key::Num4, Key::Num5, Key::Num2, Key::Num3, Key::Num3] {
        h.key_press(key);
        h.run_steps(1);
    }
    h.run_steps(2);
    assert!(h.state().state.modal.is_none(), "no dialog opened");
    let app = h.state();
    let t = theme_named(app, "Reoffending");
    let first = &app.state.doc.card.participants[0].id;
    let votes: Vec<Option<Value>> = app
        .state
        .doc
        .card
        .method
        .factors()
        .take(5)
        .map(|(_, f)| {
            t.scores.get(&f.id).and_then(|s| {
                s.votes
                    .iter()
                    .find(|v| &v.participant == first)
                    .map(|v| v.value)
            })
        })
        .collect();
    let want = [3, 4, 1, 2, 2].map(|l| Some(Value::Level(l)));
    assert_eq!(votes, want, "every typed vote is kept");
    let signer = app.state.signer();
    assert!(!signer.is_empty());
    assert!(
        app.state
            .doc
            .card
            .log
            .iter()
            .rev()
            .take(5)
            .all(|c| c.who == signer)
    );
    // The name is given in the status bar's field when the user chooses to.
    let label = "Your name:";
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.get_by_label(label).type_text("Sam Analyst");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(
        h.state().state.prefs.user_name.as_deref(),
        Some("Sam Analyst")
    );
    h.key_press(Key::Num1);
    h.run_steps(3);
    assert_eq!(
        h.state().state.doc.card.log.last().map(|c| c.who.as_str()),
        Some("Sam Analyst")
    );
}

#[test]
fn enter_does_the_obvious_thing_in_each_dialog_and_escape_cancels() {
    let mut h = sample();
    click(&mut h, "Reoffending");
    // Remove theme?: Escape keeps it, Enter removes it.
    h.key_press(Key::Delete);
    h.run_steps(2);
    assert!(matches!(h.state().state.modal, Some(Modal::RemoveTheme(_))));
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().state.modal.is_none());
    assert_eq!(h.state().state.doc.card.themes.len(), 13);
    h.key_press(Key::Delete);
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert!(h.state().state.modal.is_none());
    assert_eq!(
        h.state().state.doc.card.themes.len(),
        12,
        "Enter removed it"
    );
    // Agree: the rationale field has the keys at once, and Enter agrees.
    click(&mut h, "Drug-related harm");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run_steps(2);
    h.key_press(Key::A);
    h.run_steps(3);
    assert!(matches!(h.state().state.modal, Some(Modal::Agree { .. })));
    h.event(egui::Event::Text("The room agreed".into()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(h.state().state.modal.is_none(), "Enter agreed");
    let log = h.state().state.doc.card.log.last().expect("logged");
    assert!(log.what.ends_with(" agreed"), "{log:?}");
    assert!(log.new.ends_with("The room agreed"), "{log:?}");
    // The participant form: Enter in the agency field adds the person.
    let people = h.state().state.doc.card.participants.len();
    click(
        &mut h,
        &format!("Participants ({people} of {people} present)"),
    );
    for (field, text) in [("Name", "Kim Lee"), ("Agency", "Fire and rescue")] {
        h.get_by_label(field).focus();
        h.run_steps(1);
        h.get_by_label(field).type_text(text);
        h.run_steps(1);
    }
    h.key_press(Key::Enter);
    h.run_steps(3);
    let card = &h.state().state.doc.card;
    assert_eq!(card.participants.len(), people + 1);
    let kim = card.participants.last().expect("added");
    assert_eq!(
        (kim.name.as_str(), kim.agency.as_str()),
        ("Kim Lee", "Fire and rescue")
    );
    // Your name, opened on purpose: Enter confirms.
    h.state_mut().state.modal = Some(Modal::AskName("Test analyst".into()));
    h.run_steps(2);
    h.key_press(Key::End);
    h.event(egui::Event::Text(" Two".into()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(h.state().state.modal.is_none());
    assert_eq!(
        h.state().state.prefs.user_name.as_deref(),
        Some("Test analyst Two")
    );
}

#[test]
fn recover_unsaved_work_answers_enter() {
    let dir = tempfile::tempdir().expect("tmp");
    let recovery = trh::app::recovery::Recovery {
        dir: dir.path().to_owned(),
    };
    let card = trh::file::parse_scorecard(trh::methods::SAMPLE, std::path::Path::new("s.ron"))
        .expect("sample");
    recovery.write(&card, None, None).expect("autosave");
    let mut h = harness(TrhApp::new(config(Start::Sample, Some(recovery))));
    assert!(matches!(h.state().state.modal, Some(Modal::Recover(_))));
    h.key_press(Key::Enter);
    wait_for(&mut h, "the recovery", |a| a.state.doc.is_dirty());
    assert!(h.state().state.modal.is_none());
}

/// With no desktop portal and no zenity, every file action still works: trh's own chooser
/// opens in the remembered folder, a path can be typed, Enter chooses.
#[test]
fn without_a_native_file_dialog_trhs_own_chooser_opens_and_saves() {
    let dir = tempfile::tempdir().expect("tmp");
    let other = dir.path().join("other.ron");
    std::fs::write(&other, trh::methods::SAMPLE).expect("write");
    let mut h = sample();
    h.state_mut().jobs.native_dialogs = false;
    h.state_mut().state.prefs.last_folder = Some(dir.path().to_owned());
    // Open: the chooser lists the folder's scorecards; clicking one and pressing Enter opens it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    wait_for(&mut h, "the chooser", |a| {
        matches!(a.state.modal, Some(Modal::ChoosePath { .. }))
    });
    assert!(h.query_by_label("Open scorecard").is_some());
    click(&mut h, "other.ron");
    h.key_press(Key::Enter);
    wait_for(&mut h, "the file to open", |a| {
        a.state.doc.path.as_deref() == Some(other.as_path())
    });
    // Save as: the suggested name is in the remembered folder; a typed name is used as it is,
    // with .ron added.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for(&mut h, "the chooser", |a| {
        matches!(a.state.modal, Some(Modal::ChoosePath { .. }))
    });
    let typed = dir.path().join("typed-copy");
    h.get_by_label("Path").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(typed.display().to_string()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    let saved = dir.path().join("typed-copy.ron");
    wait_for(&mut h, "the save", |_| saved.is_file());
    assert!(trh::file::load_scorecard(&saved).is_ok());
    // Escape cancels and nothing is written.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    click(&mut h, "Export…");
    wait_for(&mut h, "the chooser", |a| {
        matches!(a.state.modal, Some(Modal::ChoosePath { .. }))
    });
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().state.modal.is_none());
    let files = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(files, 2, "other.ron and typed-copy.ron only");
}

/// When a value is agreed, the scorecard highlights the agreed level and describes it; the
/// analyst's different draft is marked as a draft, not as the value.
#[test]
fn the_scorecard_shows_the_level_in_force_not_the_draft() {
    use egui_kittest::kittest::NodeT;
    let h = sample();
    // The first theme is selected at start: Domestic abuse and sexual violence.
    let id = h.state().state.view.selected.clone().expect("selected");
    assert_eq!(
        h.state().state.doc.card.theme(&id).map(|t| t.name.as_str()),
        Some("Domestic abuse and sexual violence")
    );
    // Victim vulnerability: drafted High, agreed Very high.
    let agreed = h.get_by_label("Victim vulnerability: Very high");
    assert_eq!(
        agreed.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let draft = h.get_by_label("Victim vulnerability: High");
    assert_eq!(
        draft.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
    assert!(
        h.query_by_label_contains("Very high (4 pts) — Victims are children")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Analyst's draft: High (not in force: the agreed value counts)")
            .is_some()
    );
}
