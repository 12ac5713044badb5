//! The document's undo, merge, batch and saved-state rules.

use super::*;
use crate::model::{Theme, Value};

fn doc() -> Document {
    let method = crate::methods::builtin("probability-harm").expect("shipped");
    let mut card = Scorecard::new("t", method);
    card.push_theme(Theme::new("a", "Alpha"));
    Document::new(card, None, "Untitled")
}

fn set(doc: &mut Document, n: i32, merge: Option<&str>) {
    let factor = doc
        .card
        .method
        .factors()
        .next()
        .expect("factor")
        .1
        .id
        .clone();
    let edit = Edit::SetDraft {
        theme: "a".into(),
        factor,
        value: Some(Value::Number(n)),
    };
    doc.apply(&edit, merge, "tester").expect("applies");
}

#[test]
fn a_batch_is_one_undo_step_one_ranking_and_a_log_line_each() {
    let mut d = doc();
    let factor = d.card.method.factors().next().expect("f").1.id.clone();
    let draft = |n| Edit::SetDraft {
        theme: "a".into(),
        factor: factor.clone(),
        value: Some(Value::Number(n)),
    };
    let bad = Edit::SetDraft {
        theme: "nope".into(),
        factor: factor.clone(),
        value: Some(Value::Number(1)),
    };
    let edits = [
        (draft(3), "Ann (via device)"),
        (bad, "Bob (via device)"),
        (draft(5), "Cy (via device)"),
    ];
    let refused = d.apply_batch(edits.iter().map(|(e, w)| (e, *w)));
    assert_eq!(refused.len(), 1, "the edit the model refuses is returned");
    let who: Vec<_> = d.card.log.iter().map(|c| c.who.as_str()).collect();
    assert_eq!(who, vec!["Ann (via device)", "Cy (via device)"]);
    assert!(d.is_dirty());
    assert_eq!(
        d.ranking,
        crate::model::rank(&d.card),
        "ranked after the batch"
    );
    assert!(d.undo());
    assert!(d.card.log.is_empty(), "one undo step undoes the batch");
    assert!(!d.can_undo());
}

#[test]
fn a_drag_is_one_undo_step_and_one_log_line() {
    let mut d = doc();
    for n in 1..=10 {
        set(&mut d, n, Some("drag"));
    }
    d.end_merge();
    set(&mut d, 15, None);
    assert_eq!(d.card.log.len(), 2);
    assert_eq!(
        (d.card.log[0].old.as_str(), d.card.log[0].new.as_str()),
        ("", "10")
    );
    assert!(d.undo());
    assert!(d.undo());
    assert!(!d.undo());
    assert!(d.card.themes[0].scores.is_empty());
    assert!(d.redo());
    assert!(d.is_dirty());
}

#[test]
fn saving_clears_dirty_and_a_new_edit_clears_redo() {
    let mut d = doc();
    set(&mut d, 3, None);
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("x.ron");
    std::fs::write(&path, "x").expect("write");
    d.saved(path.clone(), d.generation);
    assert!(!d.is_dirty());
    assert!(!d.changed_on_disk());
    std::fs::write(&path, "changed by someone else").expect("write");
    assert!(d.changed_on_disk());
    d.undo();
    set(&mut d, 4, None);
    assert!(!d.can_redo());
}

#[test]
fn undoing_back_to_the_saved_state_is_not_unsaved() {
    let mut d = doc();
    set(&mut d, 3, None);
    d.saved(std::path::PathBuf::from("x.ron"), d.generation);
    set(&mut d, 4, None);
    set(&mut d, 5, None);
    assert!(d.is_dirty());
    d.undo();
    assert!(d.is_dirty(), "one edit still on top of the saved state");
    d.undo();
    assert!(!d.is_dirty(), "back at the saved state");
    d.undo();
    assert!(d.is_dirty(), "before the saved state");
    d.redo();
    assert!(!d.is_dirty(), "redone to the saved state");
    // A new edit after undoing gets a generation never seen before.
    let seen = d.generation;
    d.undo();
    set(&mut d, 9, None);
    assert_ne!(d.generation, seen);
    assert!(d.is_dirty());
}
