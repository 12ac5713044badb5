//! The evidence in the scorecard: accepting a suggestion is an ordinary, logged, undoable edit
//! that never touches agreed values or votes; accepting all is one undo step; the evidence and
//! links are saved and read back, and a bad one is named with its line.

use std::path::Path;

use trh::document::Document;
use trh::model::edit::evidence::{NOTE_PREFIX, accept_all};
use trh::model::{Edit, FactorId, ThemeId};

fn sample() -> trh::model::Scorecard {
    trh::file::load_scorecard(Path::new("scorecards/plymouth-style-2018.ron")).expect("sample")
}

#[test]
fn accepting_a_suggestion_sets_the_draft_writes_the_note_and_logs_it_from_data() {
    let mut doc = Document::new(sample(), None, "sample");
    let theme = ThemeId::from("nte-violence");
    let trend = FactorId::from("trend");
    let before = doc.card.theme(&theme).expect("theme").scores[&trend].clone();
    doc.apply(
        &Edit::FromData {
            theme: theme.clone(),
            factor: trend.clone(),
        },
        None,
        "Analyst",
    )
    .expect("accepted");
    let after = &doc.card.theme(&theme).expect("theme").scores[&trend];
    let scale = &doc.card.method.factor("trend").expect("trend").1.scale;
    assert_eq!(after.draft.map(|v| scale.code(v)).as_deref(), Some("R"));
    assert_eq!(after.votes, before.votes, "votes untouched");
    assert_eq!(after.agreed, before.agreed, "agreed untouched");
    let note_line = after
        .note
        .lines()
        .find(|l| l.starts_with(NOTE_PREFIX))
        .expect("note");
    assert!(
        note_line.contains("+2,661 (+24%) (+21% to +27%), a rise more than chance"),
        "{note_line}"
    );
    assert!(
        note_line.contains("police.uk, Violence and sexual offences + police.uk, Public order"),
        "{note_line}"
    );
    let log = doc.card.log.last().expect("logged");
    assert_eq!(
        log.what,
        "theme \"nte-violence\" factor \"trend\" draft from data"
    );
    assert!(log.new.starts_with("R (police.uk"), "{}", log.new);
    // Accepting again replaces the note's data line rather than adding a second.
    doc.apply(
        &Edit::FromData {
            theme: theme.clone(),
            factor: trend.clone(),
        },
        None,
        "Analyst",
    )
    .expect("again");
    let note = &doc.card.theme(&theme).expect("theme").scores[&trend].note;
    assert_eq!(
        note.lines().filter(|l| l.starts_with(NOTE_PREFIX)).count(),
        1
    );
    assert!(doc.undo() && doc.undo());
    assert_eq!(
        doc.card.theme(&theme).expect("theme").scores[&trend],
        before
    );
}

#[test]
fn no_suggestion_no_edit() {
    let mut doc = Document::new(sample(), None, "sample");
    let err = doc
        .apply(
            &Edit::FromData {
                theme: ThemeId::from("reoffending"),
                factor: FactorId::from("trend"),
            },
            None,
            "A",
        )
        .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "factor \"trend\": the data suggests no level: no counted data linked"
    );
    let err = doc
        .apply(
            &Edit::FromData {
                theme: ThemeId::from("asb"),
                factor: FactorId::from("physical"),
            },
            None,
            "A",
        )
        .expect_err("refused");
    assert!(err.to_string().contains("no data rule"), "{err}");
}

#[test]
fn accepting_every_suggestion_is_one_undo_step_and_leaves_agreed_values_in_force() {
    let mut doc = Document::new(sample(), None, "sample");
    let edits = accept_all(&doc.card);
    assert!(edits.len() >= 10, "{}", edits.len());
    let agreed_before: Vec<_> = doc
        .card
        .themes
        .iter()
        .flat_map(|t| t.scores.values().map(|s| s.agreed.clone()))
        .collect();
    let refused = doc.apply_batch(edits.iter().map(|e| (e, "Analyst")));
    assert!(refused.is_empty());
    assert!(
        accept_all(&doc.card).is_empty(),
        "every suggestion is now the draft"
    );
    let agreed_after: Vec<_> = doc
        .card
        .themes
        .iter()
        .flat_map(|t| t.scores.values().map(|s| s.agreed.clone()))
        .collect();
    assert_eq!(agreed_before, agreed_after);
    assert!(doc.undo());
    assert_eq!(doc.card, sample());
}

#[test]
fn evidence_and_links_round_trip_and_a_file_without_them_stays_version_1() {
    let dir = tempfile::tempdir().expect("dir");
    let card = sample();
    let path = dir.path().join("a.ron");
    trh::file::save::save_scorecard(&card, &path).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("version: 2,"));
    assert_eq!(trh::file::load_scorecard(&path).expect("load"), card);
    let mut bare = card.clone();
    bare.evidence = std::sync::Arc::default();
    for t in &mut bare.themes {
        std::sync::Arc::make_mut(t).links = None;
    }
    trh::file::save::save_scorecard(&bare, &path).expect("save");
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("version: 1,")
    );
    // A bad month and a bad link are named with their lines.
    let bad = text
        .replacen("first: \"2015-12\"", "first: \"2015-13\"", 1)
        .replacen("\"police.uk: Drugs\"", "\"police: Drugs\"", 1);
    std::fs::write(&path, bad).expect("write");
    let err = trh::file::load_scorecard(&path)
        .expect_err("bad")
        .to_string();
    assert!(
        err.contains("evidence: \"2015-13\" is not a month (write YYYY-MM)"),
        "{err}"
    );
    assert!(
        err.contains("link \"police: Drugs\" is not written as police.uk: TYPE"),
        "{err}"
    );
    // At the month and the link themselves.
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .expect("in the file")
            + 1
    };
    assert!(
        err.contains(&format!("a.ron:{}:", line_of("first: \"2015-12\""))),
        "{err}"
    );
    assert!(
        err.contains(&format!("a.ron:{}:", line_of("\"police.uk: Drugs\""))),
        "{err}"
    );
}
