//! Table tests of edits: each applies, describes itself, and leaves the scorecard unchanged on error.
use super::*;
use crate::model::DecisionKind;

fn card() -> Scorecard {
    let method = crate::methods::builtin("morile-style").expect("shipped");
    let mut card = Scorecard::new("t", method);
    card.themes.push(Theme::new("a", "Alpha"));
    card.themes.push(Theme::new("b", "Beta"));
    card
}

fn first_factor(card: &Scorecard) -> FactorId {
    card.method.factors().next().expect("factor").1.id.clone()
}

#[test]
fn edits_apply_and_describe_themselves() {
    let mut c = card();
    let f = first_factor(&c);
    let cases: Vec<(Edit, &str)> = vec![
        (
            Edit::SetDraft {
                theme: "a".into(),
                factor: f.clone(),
                value: Some(Value::Level(1)),
            },
            "draft",
        ),
        (
            Edit::SetNote {
                theme: "a".into(),
                factor: f.clone(),
                note: "n".into(),
            },
            "note",
        ),
        (
            Edit::SetThemeText {
                theme: "a".into(),
                field: ThemeText::Name,
                text: "Alpha two".into(),
            },
            "name",
        ),
        (
            Edit::SetDecision {
                theme: "b".into(),
                decision: Some(Decision {
                    kind: DecisionKind::Adopt,
                    rationale: "r".into(),
                    by: "me".into(),
                    at: "now".into(),
                }),
            },
            "decision",
        ),
        (
            Edit::MoveTheme {
                theme: "b".into(),
                to: 0,
            },
            "position",
        ),
    ];
    for (edit, word) in cases {
        let a = edit.apply(&mut c).expect("applies");
        assert!(a.what.contains(word), "{a:?}");
    }
    assert_eq!(c.themes[0].id.as_str(), "b");
    assert_eq!(c.themes[1].name, "Alpha two");
    assert_eq!(c.themes[1].scores[&f].draft, Some(Value::Level(1)));
}

#[test]
fn bad_edits_leave_the_scorecard_unchanged() {
    let mut c = card();
    let f = first_factor(&c);
    let before = c.clone();
    for edit in [
        Edit::SetDraft {
            theme: "a".into(),
            factor: f.clone(),
            value: Some(Value::Level(99)),
        },
        Edit::SetDraft {
            theme: "nope".into(),
            factor: f.clone(),
            value: Some(Value::Level(0)),
        },
        Edit::SetDraft {
            theme: "a".into(),
            factor: "nope".into(),
            value: Some(Value::Level(0)),
        },
        Edit::AddTheme {
            theme: Theme::new("a", "Again"),
            at: 0,
        },
        Edit::AddTheme {
            theme: Theme::new("c", "  "),
            at: 0,
        },
        Edit::SetThemeText {
            theme: "a".into(),
            field: ThemeText::Name,
            text: String::new(),
        },
        Edit::RemoveTheme {
            theme: "nope".into(),
        },
    ] {
        assert!(edit.apply(&mut c).is_err(), "{edit:?}");
        assert_eq!(c, before);
    }
}

#[test]
fn fresh_ids_do_not_collide() {
    let c = card();
    assert_eq!(fresh_theme_id(&c, "Alpha").as_str(), "alpha");
    assert_eq!(fresh_theme_id(&c, "A").as_str(), "a-2");
    assert_eq!(fresh_theme_id(&c, "!!").as_str(), "theme");
}
