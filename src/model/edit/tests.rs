//! Table tests of edits: each applies, describes itself, and leaves the scorecard unchanged on error.
use super::*;
use crate::model::DecisionKind;

fn card() -> Scorecard {
    let method = crate::methods::builtin("morile-style").expect("shipped");
    let mut card = Scorecard::new("t", method);
    card.push_theme(Theme::new("a", "Alpha"));
    card.push_theme(Theme::new("b", "Beta"));
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
                    meeting: String::new(),
                    on: String::new(),
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

#[test]
fn a_new_theme_takes_its_id_from_its_first_real_name() {
    let mut c = card();
    Edit::AddTheme {
        theme: Theme::new("new-theme", "New theme"),
        at: 0,
    }
    .apply(&mut c)
    .expect("adds");
    let rename = |c: &mut Scorecard, id: &str, name: &str| {
        Edit::SetThemeText {
            theme: id.into(),
            field: ThemeText::Name,
            text: name.into(),
        }
        .apply(c)
        .expect("renames");
    };
    rename(&mut c, "new-theme", "Fly-tipping");
    assert_eq!(c.themes[0].id.as_str(), "fly-tipping");
    rename(&mut c, "fly-tipping", "Fly-tipping and waste");
    assert_eq!(
        c.themes[0].id.as_str(),
        "fly-tipping",
        "only the first real name"
    );
    // A second new theme with the same name does not collide.
    Edit::AddTheme {
        theme: Theme::new("new-theme", "New theme"),
        at: 1,
    }
    .apply(&mut c)
    .expect("adds");
    rename(&mut c, "new-theme", "Fly tipping");
    assert_eq!(c.themes[1].id.as_str(), "fly-tipping-2");
}

#[test]
fn the_cut_line_is_saved_and_a_tie_across_it_is_found() {
    let mut c = card();
    assert_eq!(c.cut(), crate::model::scorecard::DEFAULT_CUT);
    Edit::SetCut { cut: Some(1) }.apply(&mut c).expect("sets");
    assert_eq!(c.cut(), 1);
    let ranking = crate::model::rank(&c);
    assert_eq!(ranking.cut, 1);
}

/// The rule is the model's, so every path (dialog, CLI, a device later) meets it: a decision
/// that departs from the suggested outcome is refused without a rationale and leaves the
/// scorecard unchanged; with one, or when it follows the suggestion, it applies.
#[test]
fn a_departing_decision_needs_a_rationale() {
    let mut c = crate::file::parse_scorecard(crate::methods::SAMPLE, "sample.ron".as_ref())
        .expect("sample");
    let ranking = crate::model::rank(&c);
    let row = ranking
        .rows
        .iter()
        .find(|r| r.suggested.is_some())
        .expect("a theme with a suggested outcome");
    let suggested = row.suggested.expect("suggested");
    let other = DecisionKind::ALL
        .into_iter()
        .find(|k| *k != suggested)
        .expect("another decision");
    let decide = |kind, rationale: &str| Edit::SetDecision {
        theme: row.id.clone(),
        decision: Some(Decision {
            kind,
            rationale: rationale.into(),
            by: "me".into(),
            at: "now".into(),
            meeting: String::new(),
            on: String::new(),
        }),
    };
    let before = c.clone();
    assert_eq!(
        decide(other, "  ").apply(&mut c),
        Err(EditError::DepartureNeedsRationale {
            suggested: suggested.label()
        })
    );
    assert_eq!(c, before);
    decide(suggested, "")
        .apply(&mut c)
        .expect("following the suggestion");
    decide(other, "Funding already committed")
        .apply(&mut c)
        .expect("with a rationale");
}

/// Names, categories and agencies go on one line everywhere (CSV cells, print headers, the
/// window title): an edit that puts a line break or control character in one is refused.
#[test]
fn one_line_fields_refuse_line_breaks() {
    let mut c = card();
    let before = c.clone();
    let name = Edit::SetThemeText {
        theme: "a".into(),
        field: ThemeText::Name,
        text: "Alpha\nBeta".into(),
    };
    assert_eq!(
        name.apply(&mut c),
        Err(EditError::NotOneLine {
            field: "name",
            what: "a line break".into()
        })
    );
    let person = Edit::AddParticipant {
        participant: Participant {
            id: "p1".into(),
            name: "Sam".into(),
            agency: "Police\tCID".into(),
            present: true,
        },
        at: 0,
    };
    assert!(matches!(
        person.apply(&mut c),
        Err(EditError::NotOneLine {
            field: "participant's agency",
            ..
        })
    ));
    assert_eq!(c, before);
    let evidence = Edit::SetThemeText {
        theme: "a".into(),
        field: ThemeText::Evidence,
        text: "Line one\nLine two".into(),
    };
    evidence.apply(&mut c).expect("evidence may run over lines");
}
