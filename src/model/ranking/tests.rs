//! Table-driven tests of `rank`: bands, the outcome lookup, ties, incompleteness, departures,
//! intelligence gaps and confidence weighting.

use super::*;
use crate::model::cut::Candidate;
use crate::model::method::ConfidenceMode;
use crate::model::scorecard::{Decision, FactorScore};
use crate::model::{Method, Scorecard, Theme};

pub(crate) fn method(id: &str) -> Method {
    crate::methods::builtin(id).expect("shipped method")
}

/// A theme whose factors are drafted with the given codes.
pub(crate) fn theme(m: &Method, name: &str, codes: &[(&str, &str)]) -> Theme {
    let mut t = Theme::new(&crate::model::ids::slug(name), name);
    for (factor, code) in codes {
        let (_, f) = m.factor(factor).expect("known factor");
        t.scores.insert(
            FactorId::from(*factor),
            FactorScore {
                draft: Some(f.scale.parse(code).expect("valid code")),
                ..FactorScore::default()
            },
        );
    }
    t
}

pub(crate) fn card(m: &Method, themes: Vec<Theme>) -> Scorecard {
    let mut c = Scorecard::new("test", m.clone());
    c.themes = themes.into_iter().map(std::sync::Arc::new).collect();
    c
}

#[test]
fn bands_of_the_4x4_grid() {
    let m = method("impact-likelihood-4x4");
    for (impact, likelihood, risk, band) in [
        ("1", "1", 1.0, "Low"),
        ("1", "3", 3.0, "Low"),
        ("2", "2", 4.0, "Medium"),
        ("2", "3", 6.0, "Medium"),
        ("2", "4", 8.0, "High"),
        ("3", "3", 9.0, "High"),
        ("3", "4", 12.0, "Very high"),
        ("4", "4", 16.0, "Very high"),
    ] {
        let c = card(
            &m,
            vec![theme(
                &m,
                "x",
                &[("impact", impact), ("likelihood", likelihood)],
            )],
        );
        let r = &rank(&c).rows[0];
        assert_eq!(r.risk, Some(risk), "{impact}×{likelihood}");
        assert_eq!(
            r.band.as_ref().map(|b| &*b.label),
            Some(band),
            "{impact}×{likelihood}"
        );
    }
}

#[test]
fn bands_of_probability_harm() {
    let m = method("probability-harm");
    for (p, h, band) in [
        ("1", "1", "Low"),
        ("3", "19", "Low"),     // 57
        ("6", "10", "Medium"),  // 60
        ("10", "14", "Medium"), // 140
        ("149", "1", ""),       // out of range: no value
        ("10", "15", "High"),   // 150
        ("20", "20", "High"),   // 400
    ] {
        let t = theme(&m, "x", &[]);
        let mut t = t;
        for (f, v) in [("probability", p), ("harm", h)] {
            if let Ok(v) = m.factor(f).expect("factor").1.scale.parse(v) {
                t.scores.insert(
                    FactorId::from(f),
                    FactorScore {
                        draft: Some(v),
                        ..FactorScore::default()
                    },
                );
            }
        }
        let r = &rank(&card(&m, vec![t])).rows[0];
        assert_eq!(r.band.as_ref().map_or("", |b| &*b.label), band, "{p}×{h}");
    }
}

/// Morile-style codes giving a chosen harm total, likelihood total and position total.
fn morile_theme(m: &Method, name: &str, harm: [&str; 6], lik: [&str; 2], pos: [&str; 4]) -> Theme {
    let mut codes: Vec<(&str, &str)> = [
        "physical",
        "psychological",
        "financial",
        "community",
        "geographic",
        "vulnerability",
    ]
    .into_iter()
    .zip(harm)
    .collect();
    codes.extend([("frequency", lik[0]), ("trend", lik[1])]);
    codes.extend(
        ["capacity", "capability", "engagement", "expectation"]
            .into_iter()
            .zip(pos),
    );
    codes.push(("confidence", "M"));
    theme(m, name, &codes)
}

#[test]
fn outcome_lookup_table() {
    let m = method("morile-style");
    let very_high = (["VH", "VH", "VH", "VH", "VH", "VH"], ["C", "RS"]); // 24 × 8 = 192
    let high = (["H", "H", "H", "H", "H", "H"], ["F", "R"]); // 18 × 5 = 90
    let medium = (["M", "M", "M", "M", "M", "M"], ["O", "S"]); // 12 × 3 = 36
    let low = (["L", "L", "L", "L", "L", "L"], ["R", "F"]); // 6 × 1 = 6
    let strong = ["4", "4", "4", "4"];
    let adequate = ["3", "3", "3", "3"];
    let limited = ["2", "2", "2", "2"];
    let poor = ["1", "1", "1", "1"];
    for ((harm, lik), pos, band, grade, outcome) in [
        (
            very_high,
            poor,
            "Very high",
            "Poor",
            "Priority – capability gap",
        ),
        (very_high, strong, "Very high", "Strong", "Priority"),
        (
            high,
            limited,
            "High",
            "Limited",
            "Priority – capability gap",
        ),
        (high, adequate, "High", "Adequate", "Priority"),
        (medium, strong, "Medium", "Strong", "Opportunity"),
        (medium, adequate, "Medium", "Adequate", "Develop"),
        (medium, poor, "Medium", "Poor", "Develop"),
        (low, strong, "Low", "Strong", "Watching brief"),
        (low, poor, "Low", "Poor", "Watching brief"),
    ] {
        let c = card(&m, vec![morile_theme(&m, "x", harm, lik, pos)]);
        let r = &rank(&c).rows[0];
        let got = (
            r.band.as_ref().map(|b| &*b.label),
            r.grade.as_ref().map(|g| &*g.label),
            r.outcome.as_ref().map(|o| &*o.label),
        );
        assert_eq!(got, (Some(band), Some(grade), Some(outcome)));
    }
}

#[test]
fn ties_share_a_rank_and_are_broken_by_harm_then_likelihood() {
    let m = method("impact-likelihood-4x4");
    let themes = vec![
        theme(&m, "Bravo", &[("impact", "2"), ("likelihood", "4")]), // 8, harm 2
        theme(&m, "Charlie", &[("impact", "4"), ("likelihood", "2")]), // 8, harm 4
        theme(&m, "Alpha", &[("impact", "4"), ("likelihood", "2")]), // 8, harm 4
        theme(&m, "Delta", &[("impact", "3"), ("likelihood", "4")]), // 12
        theme(&m, "Echo", &[("impact", "1"), ("likelihood", "1")]),  // 1
    ];
    let r = rank(&card(&m, themes));
    let got: Vec<(Option<u32>, &str)> = r.rows.iter().map(|x| (x.rank, x.name.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (Some(1), "Delta"),
            (Some(2), "Alpha"),
            (Some(2), "Charlie"),
            (Some(4), "Bravo"),
            (Some(5), "Echo"),
        ]
    );
}

#[test]
fn incomplete_themes_are_unranked_and_last_with_what_is_missing() {
    let m = method("impact-likelihood-4x4");
    let themes = vec![
        theme(&m, "Partial", &[("impact", "4")]),
        theme(&m, "Whole", &[("impact", "1"), ("likelihood", "1")]),
    ];
    let r = rank(&card(&m, themes));
    assert_eq!(r.rows[0].name, "Whole");
    assert_eq!(r.rows[0].rank, Some(1));
    assert_eq!(r.rows[1].rank, None);
    assert_eq!(r.rows[1].risk, None);
    assert_eq!(r.rows[1].harm, Some(4.0));
    assert_eq!(r.rows[1].missing, vec![FactorId::from("likelihood")]);
}

#[test]
fn departures_and_intelligence_gaps() {
    let m = method("impact-likelihood-4x4");
    let decide = |mut t: Theme, kind| {
        t.decision = Some(Decision {
            kind,
            rationale: "because".into(),
            by: String::new(),
            at: String::new(),
            meeting: String::new(),
            on: String::new(),
        });
        t
    };
    let themes = vec![
        decide(
            theme(
                &m,
                "High adopted",
                &[("impact", "4"), ("likelihood", "4"), ("confidence", "H")],
            ),
            DecisionKind::Adopt,
        ),
        decide(
            theme(
                &m,
                "High dropped",
                &[("impact", "4"), ("likelihood", "4"), ("confidence", "L")],
            ),
            DecisionKind::NotTakenForward,
        ),
        decide(
            theme(
                &m,
                "Low adopted",
                &[("impact", "1"), ("likelihood", "1"), ("confidence", "L")],
            ),
            DecisionKind::Adopt,
        ),
        theme(
            &m,
            "Undecided",
            &[("impact", "4"), ("likelihood", "3"), ("confidence", "L")],
        ),
    ];
    let r = rank(&card(&m, themes));
    let got: Vec<(&str, bool, bool)> = r
        .rows
        .iter()
        .map(|x| (x.name.as_str(), x.departs, x.intelligence_gap))
        .collect();
    assert_eq!(
        got,
        vec![
            ("High adopted", false, false),
            ("High dropped", true, true),
            ("Undecided", false, true),
            ("Low adopted", true, false),
        ]
    );
}

#[test]
fn confidence_weighting_is_opt_in() {
    let mut m = method("impact-likelihood-4x4");
    let t = theme(
        &m,
        "x",
        &[("impact", "4"), ("likelihood", "3"), ("confidence", "L")],
    );
    let reported = rank(&card(&m, vec![t.clone()]));
    assert_eq!(reported.rows[0].risk, Some(12.0));
    m.confidence_mode = ConfidenceMode::Weighted(vec![
        ("H".into(), 1.0),
        ("M".into(), 0.75),
        ("L".into(), 0.5),
    ]);
    let weighted = rank(&card(&m, vec![t]));
    assert_eq!(weighted.rows[0].risk, Some(6.0));
    assert_eq!(
        weighted.rows[0].band.as_ref().map(|b| &*b.label),
        Some("Medium")
    );
}

#[test]
fn a_cut_line_inside_a_tie_is_reported_and_one_between_ranks_is_not() {
    let m = method("impact-likelihood-4x4");
    let t = |name: &str, i: &str, l: &str| theme(&m, name, &[("impact", i), ("likelihood", l)]);
    let mut c = card(
        &m,
        vec![
            t("Arson", "4", "4"),
            t("Burglary", "3", "3"),
            t("Cyber", "3", "3"),
            t("Drugs", "1", "1"),
        ],
    );
    for (cut, tie, line) in [
        (1, None, 1),
        (2, Some((2, vec!["Burglary", "Cyber"], 3)), 3),
        (3, None, 3),
    ] {
        c.cut = Some(cut);
        let r = rank(&c);
        let found = r.cut_tie().map(|t| (t.rank, t.tied, t.inside));
        let tie = tie.map(|(n, a, inside): (u32, Vec<&str>, usize)| {
            (
                n,
                a.into_iter().map(str::to_owned).collect::<Vec<_>>(),
                inside,
            )
        });
        assert_eq!(found, tie, "cut {cut}");
        // The whole tie is inside the line.
        assert_eq!(r.line(), line, "cut {cut}");
        let marks = r.candidates();
        let want = match cut {
            1 => vec![Candidate::Yes, Candidate::No, Candidate::No, Candidate::No],
            2 => vec![
                Candidate::Yes,
                Candidate::TiedAtCut,
                Candidate::TiedAtCut,
                Candidate::No,
            ],
            _ => vec![
                Candidate::Yes,
                Candidate::Yes,
                Candidate::Yes,
                Candidate::No,
            ],
        };
        assert_eq!(marks, want, "cut {cut}");
    }
}
