//! Interaction tests of the real app UI, headless with egui_kittest (no GPU), clicking and
//! typing by accessible label as a user (or a screen reader) would.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trh::app::recovery::Recovery;
use trh::app::{Start, TrhApp};
use trh::model::Value;
use trh::state::view::Tab;

use crate::common::{click, config, harness, menu, press_at, sample, wait_for};

fn rank_of(app: &TrhApp, name: &str) -> Option<u32> {
    app.state
        .doc
        .ranking
        .rows
        .iter()
        .find(|r| r.name == name)?
        .rank
}

fn risk_of(app: &TrhApp, name: &str) -> Option<f64> {
    app.state
        .doc
        .ranking
        .rows
        .iter()
        .find(|r| r.name == name)?
        .risk
}

/// (factor label, highest level label) of the harm and likelihood factors of a theme whose
/// effective value is the analyst's draft.
fn draft_factors(app: &TrhApp, theme: &str) -> Vec<(String, String)> {
    use trh::model::SectionKind;
    use trh::model::scorecard::Source;
    let row = app
        .state
        .doc
        .ranking
        .rows
        .iter()
        .find(|r| r.name == theme)
        .expect("row");
    row.factors
        .iter()
        .filter(|f| f.source == Source::Draft)
        .filter(|f| matches!(f.section, SectionKind::Harm | SectionKind::Likelihood))
        .filter_map(|f| {
            let (_, factor) = app.state.doc.card.method.factor(f.factor.as_str())?;
            match &factor.scale {
                trh::model::Scale::Levels(levels) => {
                    Some((factor.label.clone(), levels.last()?.label.clone()))
                }
                trh::model::Scale::Range { .. } => None,
            }
        })
        .collect()
}

#[test]
fn opens_the_sample_and_selects_a_theme() {
    let mut h = sample();
    assert_eq!(h.state().state.doc.card.themes.len(), 13);
    assert!(h.state().title().contains("plymouth-style-2018.ron"));
    click(&mut h, "Modern slavery");
    let selected = h.state().state.view.selected.clone().expect("selected");
    assert_eq!(
        h.state()
            .state
            .doc
            .card
            .theme(&selected)
            .expect("theme")
            .name,
        "Modern slavery"
    );
    // The scorecard now shows its factors, with level buttons named for screen readers.
    assert!(h.query_by_label("Physical harm: Very high").is_some());
}

#[test]
fn clicking_a_level_changes_the_ranking_and_undo_restores_it() {
    let mut h = sample();
    click(&mut h, "Deliberate fires");
    let before = h.state().state.doc.ranking.clone();
    let risk_before = risk_of(h.state(), "Deliberate fires").expect("ranked");
    let log_before = h.state().state.doc.card.log.len();
    assert_eq!(rank_of(h.state(), "Deliberate fires"), Some(13));
    // Raise every harm and likelihood factor whose value comes from the analyst's draft (the
    // others are agreed or voted, which a draft does not override).
    for (label, top) in draft_factors(h.state(), "Deliberate fires") {
        click(&mut h, &format!("{label}: {top}"));
    }
    let risk_after = risk_of(h.state(), "Deliberate fires").expect("ranked");
    assert!(risk_after > risk_before, "{risk_before} -> {risk_after}");
    assert!(rank_of(h.state(), "Deliberate fires") < Some(13));
    assert!(h.state().state.doc.is_dirty());
    assert!(h.state().title().starts_with('●'), "{}", h.state().title());
    // Each change is in the change log, with the user's name.
    let log = &h.state().state.doc.card.log[log_before..];
    assert!(!log.is_empty());
    assert_eq!(log[0].who, "Test analyst");
    assert!(log[0].what.contains("draft"), "{:?}", log[0]);
    // Ctrl+Z as often as there were edits restores the ranking exactly; Ctrl+Y redoes.
    for _ in 0..log.len() {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(1);
    }
    assert_eq!(h.state().state.doc.ranking, before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert!(risk_of(h.state(), "Deliberate fires") > Some(risk_before));
}

#[test]
fn the_unsaved_changes_guard_asks_before_a_new_scorecard() {
    let mut h = sample();
    click(&mut h, "Alcohol harm");
    click(&mut h, "Physical harm: None");
    assert!(h.state().state.doc.is_dirty());
    menu(&mut h, "File", "New…");
    click(&mut h, "Impact × Likelihood 4×4 grid");
    assert!(h.query_by_label("Save changes?").is_some(), "asks first");
    click(&mut h, "Cancel");
    assert_eq!(h.state().state.doc.card.themes.len(), 13, "kept on cancel");
    assert!(h.state().state.doc.is_dirty());
    menu(&mut h, "File", "New…");
    click(&mut h, "Impact × Likelihood 4×4 grid");
    click(&mut h, "Don't save");
    assert_eq!(h.state().state.doc.card.themes.len(), 0);
    assert_eq!(h.state().state.doc.card.method.id, "impact-likelihood-4x4");
    assert!(!h.state().state.doc.is_dirty());
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<'_, TrhApp>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_owned())));
    h.step();
}

#[test]
fn a_corrupt_file_gives_a_notification_and_keeps_the_document() {
    let dir = tempfile::tempdir().expect("tmp");
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "Scorecard(version: 1, title: \"x\",").expect("write");
    let mut h = sample();
    click(&mut h, "Alcohol harm");
    click(&mut h, "Physical harm: None");
    let card = h.state().state.doc.card.clone();
    // Dropping a file with unsaved work asks first; go on without saving.
    drop_file(&mut h, &bad);
    h.run_steps(2);
    click(&mut h, "Don't save");
    wait_for(&mut h, "the load to fail", |app| {
        app.state
            .notes
            .log
            .iter()
            .any(|n| n.text.contains("broken.ron"))
    });
    let note = h.state().state.notes.log.last().expect("note").text.clone();
    assert!(
        note.contains("broken.ron:1:"),
        "names file and line: {note}"
    );
    assert_eq!(h.state().state.doc.card, card, "the open document is kept");
    assert!(
        h.query_all_by_label_contains("Could not open").count() > 0,
        "toast shown"
    );
}

#[test]
fn dropping_a_good_file_opens_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("peterborough.ron");
    std::fs::copy("scorecards/peterborough-style-2016.ron", &path).expect("copy");
    let mut h = sample();
    drop_file(&mut h, &path);
    wait_for(&mut h, "the file to open", |app| {
        app.state.doc.path.as_deref() == Some(&path)
    });
    assert_eq!(h.state().state.doc.card.method.id, "probability-harm");
    assert!(h.state().title().contains("peterborough.ron"));
    assert_eq!(h.state().state.prefs.recent.first(), Some(&path));
}

#[test]
fn add_rename_and_remove_a_theme() {
    let mut h = sample();
    click(&mut h, "Add");
    h.run_steps(2);
    assert_eq!(h.state().state.doc.card.themes.len(), 14);
    let new_id = h.state().state.view.selected.clone().expect("selected");
    assert_eq!(crate::common::selected_name(&h), "New theme");
    assert_eq!(new_id.as_str(), "new-theme");
    // The new theme's name is selected, ready to type over.
    h.get_by_label("New name").type_text("Fly-tipping");
    h.key_press(Key::Enter);
    h.run_steps(2);
    // Its first real name gives it its id (so next year's comparison matches it by what it
    // is), and the selection follows.
    let id = h.state().state.view.selected.clone().expect("selected");
    assert_eq!(id.as_str(), "fly-tipping");
    assert_eq!(
        h.state().state.doc.card.theme(&id).expect("renamed").name,
        "Fly-tipping"
    );
    assert!(h.state().state.doc.card.theme(&new_id).is_none());
    // Renamed again, it keeps that id.
    h.key_press(Key::F2);
    h.run_steps(2);
    h.get_by_label("New name")
        .type_text("Fly-tipping and waste");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(
        h.state().state.doc.card.theme(&id).expect("kept").name,
        "Fly-tipping and waste"
    );
    let at = h
        .state()
        .state
        .doc
        .card
        .themes
        .iter()
        .position(|t| t.id == id)
        .expect("listed");
    click(&mut h, "Remove…");
    assert!(h.query_by_label("Remove theme?").is_some());
    click(&mut h, "Remove");
    assert_eq!(h.state().state.doc.card.themes.len(), 13);
    assert!(h.state().state.doc.card.theme(&id).is_none());
    // The theme that took its place is selected, not the top of the list.
    let selected = h.state().state.view.selected.clone().expect("selected");
    let themes = &h.state().state.doc.card.themes;
    assert_eq!(selected, themes[at.min(themes.len() - 1)].id);
    assert_ne!(at, 0);
    // Undo brings it back, renamed.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().state.doc.card.themes.len(), 14);
}

#[test]
fn keyboard_scoring() {
    let mut h = sample();
    // The first theme is selected at start; Down moves to the next theme in the list.
    h.key_press(Key::ArrowDown);
    h.run_steps(2);
    let second = h.state().state.doc.card.themes[1].id.clone();
    assert_eq!(h.state().state.view.selected.as_ref(), Some(&second));
    // Tab moves to the second factor; 1 sets its first level.
    h.key_press(Key::Tab);
    h.run_steps(1);
    assert_eq!(h.state().state.view.factor_cursor, 1);
    h.key_press(Key::Num1);
    h.run_steps(2);
    let factor = crate::common::factor(&h, 1).id;
    let draft = h
        .state()
        .state
        .doc
        .card
        .theme(&second)
        .expect("theme")
        .scores[&factor]
        .draft;
    assert_eq!(draft, Some(Value::Level(0)));
    // Ctrl+2 shows the ranking board.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(2);
    assert_eq!(h.state().state.view.tab, Tab::Ranking);
}

#[test]
fn the_ranking_board_sorts_and_selects() {
    let mut h = sample();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(2);
    click(&mut h, "Theme");
    let rows =
        trh::ui::ranking_board::sorted_rows(&h.state().state.doc, &h.state().state.view, None);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    // The board's row (the list has the same name): the last match is in the table.
    // Pointed at first, then clicked, as a person does (a press in the frame the pointer
    // arrives can miss a row the table is still laying out).
    for click in [false, true] {
        let nodes: Vec<_> = h
            .query_all_by_label("Night-time economy violence")
            .collect();
        let row = nodes.last().expect("row");
        if click {
            row.click();
        } else {
            row.hover();
        }
        h.run_steps(2);
    }
    assert_eq!(
        crate::common::selected_name(&h),
        "Night-time economy violence"
    );
}

#[test]
fn charts_redraw_only_when_something_changes() {
    let mut h = sample();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run_steps(3);
    let drawn = h.state().charts.redraws;
    assert_eq!(drawn, 1, "one picture for the first frame");
    h.run_steps(5);
    assert_eq!(
        h.state().charts.redraws,
        drawn,
        "idle frames reuse the texture"
    );
    h.get_by_label("Ranked risk chart").hover();
    h.run_steps(2);
    assert_eq!(h.state().charts.redraws, drawn, "hovering does not redraw");
    click(&mut h, "Risk matrix");
    assert_eq!(h.state().charts.redraws, drawn + 1);
}

#[test]
fn unsaved_work_is_recovered_after_a_crash() {
    let dir = tempfile::tempdir().expect("tmp");
    let recovery = Recovery {
        dir: dir.path().join("recovery"),
    };
    let mut h = harness(TrhApp::new(config(Start::Sample, Some(recovery.clone()))));
    click(&mut h, "Reoffending");
    click(&mut h, "Physical harm: Very high");
    let edited = h.state().state.doc.card.clone();
    let ctx = h.ctx.clone();
    h.state_mut().autosave_now(&ctx);
    wait_for(&mut h, "the autosave", |_| recovery.find().is_some());
    drop(h); // a crash: no clean exit
    let mut h = harness(TrhApp::new(config(Start::Sample, Some(recovery.clone()))));
    assert!(h.query_by_label("Recover unsaved work?").is_some());
    click(&mut h, "Recover");
    wait_for(&mut h, "the recovered work", |app| {
        app.state.doc.card.themes == edited.themes
    });
    assert!(
        h.state().state.doc.is_dirty(),
        "recovered work still needs saving"
    );
}

#[test]
fn saving_checks_the_file_on_disk_first() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("plymouth.ron");
    std::fs::copy("scorecards/plymouth-style-2018.ron", &path).expect("copy");
    let card = trh::file::load_scorecard(&path).expect("loads");
    let mut h = harness(TrhApp::new(config(
        Start::Loaded(Box::new(card), path.clone()),
        None,
    )));
    click(&mut h, "Alcohol harm");
    click(&mut h, "Physical harm: None");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for(&mut h, "the save", |app| !app.state.doc.is_dirty());
    let saved = trh::file::load_scorecard(&path).expect("saved file loads");
    assert_eq!(saved.themes, h.state().state.doc.card.themes);
    assert!(
        trh::file::save::backup_path(&path).exists(),
        "old file kept as .bak"
    );
    // Another program changes the file; the next save asks before overwriting.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, "changed elsewhere\n").expect("write");
    click(&mut h, "Physical harm: Low");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(4);
    assert!(h.query_by_label("File changed on disk").is_some());
    click(&mut h, "Cancel");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "changed elsewhere\n"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(4);
    click(&mut h, "Overwrite");
    wait_for(&mut h, "the overwrite", |app| !app.state.doc.is_dirty());
    assert!(trh::file::load_scorecard(&path).is_ok());
}

#[test]
fn clicking_a_chart_mark_selects_its_theme() {
    let mut h = sample();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run_steps(3);
    click(&mut h, "Risk matrix");
    let image = h.get_by_label("Risk matrix chart").rect();
    let marks = h
        .state()
        .charts
        .marks(trh::chart::ChartKind::RiskMatrix)
        .expect("drawn")
        .to_vec();
    let target = marks
        .iter()
        .find(|m| m.name == "Modern slavery")
        .expect("a mark for every ranked theme");
    let ppp = h.ctx.pixels_per_point();
    let [l, t, r, b] = target.rect;
    let pos = image.min + egui::vec2((l + r) / 2.0 / ppp, (t + b) / 2.0 / ppp);
    h.hover_at(pos);
    // Tooltips wait for the pointer to rest (egui's tooltip delay).
    h.run_steps(60);
    assert!(
        h.query_all_by_label_contains("Modern slavery\nRank")
            .count()
            > 0,
        "hovering names the theme"
    );
    press_at(&mut h, pos);
    h.run_steps(2);
    assert_eq!(crate::common::selected_name(&h), "Modern slavery");
}

#[test]
fn keyboard_theme_commands_and_notes() {
    let mut h = sample();
    let first = h.state().state.doc.card.themes[0].id.clone();
    // Alt+Down moves the selected theme down the list; Ctrl+Z puts it back.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(h.state().state.doc.card.themes[1].id, first);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().state.doc.card.themes[0].id, first);
    // Enter edits the note of the keyboard's factor; typing there does not trigger commands.
    h.key_press(Key::Enter);
    h.run_steps(3);
    let factor = crate::common::factor(&h, 0).label;
    let label = format!("Note on {factor}");
    h.get_by_label(&label)
        .type_text("Police and health data agree");
    h.run_steps(2);
    h.key_press(Key::Delete);
    h.run_steps(2);
    assert!(
        h.query_by_label("Remove theme?").is_none(),
        "Delete stays in the text field"
    );
    h.key_press(Key::Enter);
    h.run_steps(3);
    let f = crate::common::factor(&h, 0).id;
    let saved = &h.state().state.doc.card.themes[0].scores[&f].note;
    assert!(saved.starts_with("Police and health data agre"), "{saved}");
    // F2 renames; Delete (outside a text field) asks to remove.
    h.key_press(Key::F2);
    h.run_steps(3);
    assert!(h.state().state.view.rename.is_some());
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().state.view.rename.is_none());
    h.key_press(Key::Delete);
    h.run_steps(3);
    assert!(h.query_by_label("Remove theme?").is_some());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = sample();
    click(&mut h, "Alcohol harm");
    click(&mut h, "Physical harm: None");
    let close = |h: &mut Harness<'_, TrhApp>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.step();
    };
    close(&mut h);
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the close is held back");
    h.run_steps(3);
    assert!(h.query_by_label("Save changes?").is_some());
    h.get_by_label("Don't save").click();
    let mut closing = false;
    for _ in 0..6 {
        h.step();
        closing |= h
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close));
    }
    assert!(closing, "the window closes once answered");
}

/// A sample with every participant's first-round votes cleared on one theme, on the workshop tab.
fn workshop(theme: &str) -> Harness<'static, TrhApp> {
    let mut card =
        trh::file::parse_scorecard(trh::methods::SAMPLE, Path::new("sample.ron")).expect("sample");
    let t = card
        .themes
        .iter_mut()
        .map(std::sync::Arc::make_mut)
        .find(|t| t.name == theme)
        .expect("theme");
    for s in t.scores.values_mut() {
        s.votes.clear();
        s.agreed = None;
    }
    let mut h = harness(TrhApp::new(config(
        Start::Card(Box::new(card), "w.ron".into()),
        None,
    )));
    click(&mut h, theme);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run_steps(3);
    assert_eq!(h.state().state.view.tab, Tab::Workshop);
    h
}

#[test]
fn workshop_votes_are_typed_as_digits_and_hidden_until_revealed() {
    let mut h = workshop("Reoffending");
    // The first row: digits fill factor after factor.
    for key in [Key::Num4, Key::Num5, Key::Num2] {
        h.key_press(key);
        h.run_steps(1);
    }
    h.run_steps(2);
    let app = h.state();
    let theme = crate::common::theme_named(app, "Reoffending");
    let first = &app.state.doc.card.participants[0].id;
    let factors: Vec<_> = app
        .state
        .doc
        .card
        .method
        .factors()
        .map(|(_, f)| f.id.clone())
        .collect();
    let vote = |i: usize| {
        theme.scores.get(&factors[i]).and_then(|s| {
            s.votes
                .iter()
                .find(|v| &v.participant == first && v.round == 1)
                .map(|v| v.value)
        })
    };
    assert_eq!(
        (vote(0), vote(1), vote(2)),
        (
            Some(Value::Level(3)),
            Some(Value::Level(4)),
            Some(Value::Level(1))
        )
    );
    assert_eq!(h.state().state.view.workshop.cursor, (0, 3));
    // Hidden: the cell shows that a vote exists, not its value.
    assert!(h.query_by_label("Hidden").is_none());
    let shown = |h: &Harness<'_, TrhApp>| {
        crate::common::theme_named(h.state(), "Reoffending").votes_shown(1)
    };
    assert!(!shown(&h), "a new round starts hidden, in the document");
    assert!(
        h.query_by_label("Vote strip plot").is_none(),
        "no plot before the reveal"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run_steps(2);
    assert!(shown(&h));
    assert!(
        h.query_by_label("Vote strip plot").is_some(),
        "the plot after it"
    );
    // Backspace clears the cell under the cursor after moving back.
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::Backspace);
    h.run_steps(3);
    let theme = h
        .state()
        .state
        .doc
        .card
        .themes
        .iter()
        .find(|t| t.name == "Reoffending")
        .expect("t");
    let third = theme.scores.get(&factors[2]).map_or(0, |s| s.votes.len());
    assert_eq!(third, 0, "cleared");
}

#[test]
fn agreeing_refuses_without_a_rationale() {
    let mut h = workshop("Reoffending");
    let factor = crate::common::factor(&h, 0).label;
    click(&mut h, &format!("Agree {factor}"));
    assert!(matches!(
        h.state().state.modal,
        Some(trh::state::modal::Modal::Agree { .. })
    ));
    click(&mut h, "Agreed value: High");
    // No rationale yet: the Agree button is disabled and nothing is recorded.
    click(&mut h, "Agree");
    let t = |h: &Harness<'_, TrhApp>| {
        let fid = crate::common::factor(h, 0).id;
        h.state()
            .state
            .doc
            .card
            .themes
            .iter()
            .find(|t| t.name == "Reoffending")
            .expect("t")
            .scores
            .get(&fid)
            .and_then(|s| s.agreed.clone())
    };
    assert!(t(&h).is_none(), "refused without a rationale");
    h.get_by_label("Rationale (required)").focus();
    h.run_steps(2);
    h.get_by_label("Rationale (required)")
        .type_text("Police and probation data agree");
    h.run_steps(2);
    click(&mut h, "Agree");
    let agreed = t(&h).expect("agreed");
    assert_eq!(agreed.rationale, "Police and probation data agree");
    let last = h.state().state.doc.card.log.last().expect("log");
    assert!(last.what.contains("agreed"), "{last:?}");
}

#[test]
fn presenter_mode_navigates_reveals_and_leaves() {
    let mut h = sample();
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!(h.state().state.view.presenter.is_some());
    assert!(h.query_by_label_contains("Theme 1 of 13").is_some());
    // The sample's rounds were revealed at its workshop; R never hides them again (a second
    // press would reopen the round to phones): hiding is the workshop tab's button.
    assert!(h.query_by_label_contains("votes shown").is_some());
    let p = |h: &Harness<'_, TrhApp>| h.state().state.view.presenter.clone().expect("on");
    let first_hidden = |h: &Harness<'_, TrhApp>| {
        let t = &h.state().state.doc.card.themes[0];
        !t.votes_shown(trh::model::workshop::latest_round(t))
    };
    let log = h.state().state.doc.card.log.len();
    h.key_press(Key::R);
    h.run_steps(2);
    h.key_press(Key::R);
    h.run_steps(2);
    assert!(!first_hidden(&h));
    assert!(h.query_by_label_contains("votes shown").is_some());
    assert_eq!(h.state().state.doc.card.log.len(), log, "nothing changed");
    h.key_press(Key::ArrowRight);
    h.run_steps(3);
    assert_eq!(p(&h).index, 1);
    assert!(h.query_by_label_contains("Theme 2 of 13").is_some());
    let second = h.state().state.doc.card.themes[1].id.clone();
    assert_eq!(h.state().state.view.selected.as_ref(), Some(&second));
    h.key_press(Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(p(&h).index, 0);
    // The final ranking reveal counts up from the bottom.
    h.key_press(Key::Enter);
    h.run_steps(2);
    h.key_press(Key::ArrowRight);
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(p(&h).ranking, Some(2));
    assert!(h.query_by_label_contains("2 of 13 revealed").is_some());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(p(&h).ranking, None);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().state.view.presenter.is_none());
}

#[test]
fn a_departing_decision_needs_a_rationale() {
    let mut h = sample();
    // Deliberate fires: the outcome suggests a watching brief; adopting it departs.
    click(&mut h, "Deliberate fires");
    let id = h.state().state.view.selected.clone().expect("selected");
    let suggested = h
        .state()
        .state
        .doc
        .row(&id)
        .and_then(|r| r.suggested)
        .expect("suggested");
    let departing = trh::model::DecisionKind::ALL
        .into_iter()
        .find(|k| {
            *k != suggested
                && h.state()
                    .state
                    .doc
                    .card
                    .theme(&id)
                    .and_then(|t| t.decision.as_ref())
                    .is_none_or(|d| d.kind != *k)
        })
        .expect("a departing decision");
    // Clear the existing rationale first so the departure has none.
    let mut card = h.state().state.doc.card.clone();
    card.themes
        .iter_mut()
        .map(std::sync::Arc::make_mut)
        .find(|t| t.id == id)
        .expect("t")
        .decision = None;
    let mut h = harness(TrhApp::new(config(
        Start::Card(Box::new(card), "d.ron".into()),
        None,
    )));
    click(&mut h, "Deliberate fires");
    click(&mut h, departing.label());
    assert!(
        matches!(
            h.state().state.modal,
            Some(trh::state::modal::Modal::Decide { .. })
        ),
        "asks for the reason"
    );
    click(&mut h, "Record decision");
    assert!(
        h.state()
            .state
            .doc
            .card
            .theme(&id)
            .expect("t")
            .decision
            .is_none(),
        "refused without a rationale"
    );
    h.get_by_label("Board's rationale (required)")
        .type_text("Fire service leads; partnership adds little");
    h.run_steps(2);
    click(&mut h, "Record decision");
    let d = h
        .state()
        .state
        .doc
        .card
        .theme(&id)
        .expect("t")
        .decision
        .clone()
        .expect("recorded");
    assert_eq!(d.kind, departing);
    assert_eq!(d.by, "Test analyst");
    assert!(h.state().state.doc.row(&id).expect("row").departs);
    // The decision log lists it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(2);
    h.get_by_label_contains("Decision and agreement log")
        .click();
    h.run_steps(4);
    assert!(h.query_by_label_contains("Fire service leads").is_some());
}

#[test]
fn the_across_agencies_view_lists_shared_and_split_themes() {
    // Reoffending: police vote every factor at the top, health at the bottom.
    let mut card =
        trh::file::parse_scorecard(trh::methods::SAMPLE, Path::new("s.ron")).expect("sample");
    let who = |agency: &str| {
        card.participants
            .iter()
            .find(|p| p.agency == agency)
            .expect("agency")
            .id
            .clone()
    };
    let (police, health) = (who("Police"), who("Health"));
    let factors: Vec<_> = card.method.factors().map(|(_, f)| f.clone()).collect();
    let t = card
        .themes
        .iter_mut()
        .map(std::sync::Arc::make_mut)
        .find(|t| t.name == "Reoffending")
        .expect("t");
    for f in &factors {
        let top = f.scale.values().last().copied().expect("values");
        let bottom = f.scale.values().first().copied().expect("values");
        let s = t.scores.entry(f.id.clone()).or_default();
        s.agreed = None;
        s.votes
            .retain(|v| v.participant != police && v.participant != health);
        for (p, v) in [(&police, top), (&health, bottom)] {
            s.votes.push(trh::model::scorecard::Vote {
                round: 3,
                participant: p.clone(),
                value: v,
            });
        }
    }
    let mut h = harness(TrhApp::new(config(
        Start::Card(Box::new(card), "a.ron".into()),
        None,
    )));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run_steps(3);
    assert!(
        !h.state().state.doc.derived().has_agency_views(),
        "nothing worked out while the fold-out is closed"
    );
    click(&mut h, "Across agencies");
    let doc = &h.state().state.doc;
    assert!(doc.derived().has_agency_views(), "worked out when opened");
    let views = doc.agency_views();
    assert_eq!(views.len(), 13);
    let v = views.iter().find(|v| v.name == "Reoffending").expect("row");
    assert!(v.high.contains(&"Police".to_owned()), "{v:?}");
    assert!(v.lower.contains(&"Health".to_owned()), "{v:?}");
    assert!(v.split());
    assert!(
        h.query_by_label_contains("Only some agencies rate high (")
            .is_some()
    );
    // Each listed theme is a link that selects it.
    h.get_by_label_contains("Reoffending  — high:").click();
    h.run_steps(4);
    assert_eq!(h.state().state.view.selected.as_ref(), Some(&v.theme));
}

#[test]
fn participants_are_reused_from_another_scorecard_in_one_undo_step() {
    let sample_card =
        trh::file::parse_scorecard(trh::methods::SAMPLE, Path::new("s.ron")).expect("sample");
    let method = trh::methods::builtin("morile-style").expect("method");
    let empty = trh::model::Scorecard::new("Next year", method);
    let mut h = harness(TrhApp::new(config(
        Start::Card(Box::new(empty), "n.ron".into()),
        None,
    )));
    h.state_mut()
        .reuse_people(&sample_card, Path::new("last-year.ron"));
    h.run_steps(2);
    assert_eq!(
        h.state().state.doc.card.participants.len(),
        sample_card.participants.len()
    );
    // Reusing again adds nobody twice.
    h.state_mut()
        .reuse_people(&sample_card, Path::new("last-year.ron"));
    assert_eq!(
        h.state().state.doc.card.participants.len(),
        sample_card.participants.len()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(
        h.state().state.doc.card.participants.is_empty(),
        "one undo step"
    );
}

/// A scorecard whose marking is not a UK classification opens, with a warning that says so
/// (a warning, not an error: nothing failed, and the marking is printed as written).
#[test]
fn an_unusual_marking_is_warned_about_on_open() {
    let mut card =
        trh::file::parse_scorecard(trh::methods::SAMPLE, Path::new("s.ron")).expect("sample");
    card.marking = "RESTRICTED".into();
    let h = harness(TrhApp::new(config(
        Start::Loaded(Box::new(card), PathBuf::from("restricted.ron")),
        None,
    )));
    let notice = h.state().state.notes.log.last().expect("a notice");
    assert_eq!(notice.severity, trh::state::notify::Severity::Warning);
    assert!(
        notice
            .text
            .contains("\"RESTRICTED\" is not a UK Government Security Classification"),
        "{}",
        notice.text
    );
    assert!(
        h.query_by_label_contains("Warning: restricted.ron")
            .is_some()
    );
}

/// A scorecard marked read-only (as a shared drive's published copy often is) is not written
/// over: "Not saved" says why, nothing is lost, and *Save as…* saves a copy elsewhere.
#[test]
fn a_read_only_scorecard_is_refused_and_save_as_is_offered() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("published.ron");
    std::fs::copy("scorecards/plymouth-style-2018.ron", &path).expect("copy");
    let before = std::fs::read(&path).expect("read");
    let mut perms = std::fs::metadata(&path).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).expect("read-only");
    let card = trh::file::load_scorecard(&path).expect("loads");
    let mut h = harness(TrhApp::new(config(
        Start::Loaded(Box::new(card), path.clone()),
        None,
    )));
    click(&mut h, "Alcohol harm");
    click(&mut h, "Physical harm: None");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for(&mut h, "the refusal", |app| app.state.modal.is_some());
    assert!(h.query_by_label("Not saved").is_some());
    assert!(
        h.query_all_by_label_contains("the file is read-only")
            .next()
            .is_some(),
        "the dialog (and the notice) say why"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file is untouched"
    );
    assert!(
        h.state().state.doc.is_dirty(),
        "the work is still unsaved, not lost"
    );
    let copy = dir.path().join("my-copy.ron");
    h.state_mut().jobs.fixed_pick = Some(copy.clone());
    click(&mut h, "Save as…");
    wait_for(&mut h, "the save as", |app| !app.state.doc.is_dirty());
    assert_eq!(h.state().state.doc.path.as_deref(), Some(copy.as_path()));
    let saved = trh::file::load_scorecard(&copy).expect("the copy loads");
    assert_eq!(saved.themes, h.state().state.doc.card.themes);
    // Let the temporary folder be removed on Windows too.
    let mut perms = std::fs::metadata(&path).expect("meta").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    let _ = std::fs::set_permissions(&path, perms);
}

/// The window's icon (title bar, taskbar) is the same picture as the Windows executables'.
#[test]
fn the_window_icon_decodes() {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/trh.png"))
        .expect("the icon is a PNG");
    assert_eq!((icon.width, icon.height), (256, 256));
    let ico = include_bytes!("../../assets/icon/trh.ico");
    assert_eq!(&ico[..6], [0, 0, 1, 0, 6, 0], "an .ico of six sizes");
}
