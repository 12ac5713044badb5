//! Every method mistake an analyst met, with the exact message `trh validate` gives: the file,
//! the line and column of the field at fault, what is wrong and what to write instead.

use std::path::Path;

use trh::file::parse_method;

const MORILE: &str = include_str!("../../assets/methods/morile-style.ron");
const WEIGHTED: &str = include_str!("../../docs/recipes/weighted-three-terms.ron");
const HALF_OPEN: &str = include_str!("../../docs/recipes/half-open-bands.ron");
const GRID: &str = include_str!("../../docs/recipes/cell-grid.ron");
const GAP: &str = include_str!("../../docs/recipes/intelligence-gap.ron");

/// One mistake: the method it is made in, the edits that make it, and each expected problem
/// as (a text on its line in the edited file, column, message).
struct Case {
    name: &'static str,
    base: &'static str,
    edits: &'static [(&'static str, &'static str)],
    expect: &'static [(&'static str, usize, &'static str)],
}

fn check(case: &Case) {
    let mut text = case.base.to_owned();
    for (from, to) in case.edits {
        assert!(text.contains(from), "{}: edit not found: {from}", case.name);
        text = text.replacen(from, to, 1);
    }
    let got = match parse_method(&text, Path::new("our-method.ron")) {
        Ok(_) => panic!("{}: accepted a bad method", case.name),
        Err(e) => e.to_string(),
    };
    let want: Vec<String> = case
        .expect
        .iter()
        .map(|(needle, col, message)| {
            let line = text
                .lines()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{}: {needle} not in the file", case.name))
                + 1;
            format!("our-method.ron:{line}:{col}: {message}")
        })
        .collect();
    assert_eq!(got, want.join("\n"), "{}", case.name);
}

#[test]
fn messages_an_analyst_can_act_on() {
    for case in [
        Case {
            name: "a gap is placed at bands:, not at the word in the provenance",
            base: MORILE,
            edits: &[
                (
                    r#"provenance: "trh defaults, not official MoRiLE values","#,
                    r#"provenance: "bands: as the 2019 board agreed; grades: from the paper","#,
                ),
                ("min: 48, max: 95", "min: 50, max: 95"),
            ],
            expect: &[(
                "    bands: [",
                5,
                "bands leave a gap: these attainable values fall in no band: 48, 49; widen a band, or write below: and from: so that each band starts where the one before ends",
            )],
        },
        Case {
            name: "a grade overlap is placed at the grade",
            base: MORILE,
            edits: &[
                (
                    r#"provenance: "trh defaults"#,
                    r#"provenance: "grades: and bands: agreed; trh defaults"#,
                ),
                ("min: 7, max: 9", "min: 6, max: 9"),
            ],
            expect: &[(
                r#"Grade(id: "limited""#,
                19,
                "grades \"poor\" (4–6) and \"limited\" (6–9) overlap; to make one end where the next begins, write below: on the lower and from: on the higher",
            )],
        },
        Case {
            name: "a duplicate factor id does not hide other problems",
            base: MORILE,
            edits: &[
                (
                    r#"id: "psychological","#,
                    r#"id: "physical", // was psychological"#,
                ),
                (r#"outcome: "watching"),"#, r#"outcome: "wtching"),"#),
            ],
            expect: &[
                (
                    "was psychological",
                    21,
                    "factor id \"physical\" is used twice; give each factor its own id",
                ),
                (
                    r#"outcome: "wtching""#,
                    58,
                    "lookup rule 5 names unknown outcome \"wtching\"",
                ),
            ],
        },
        Case {
            name: "a number in quotes",
            base: MORILE,
            edits: &[(
                r#"points: 2, descriptor: "Injury"#,
                r#"points: "2", descriptor: "Injury"#,
            )],
            expect: &[(
                r#"points: "2""#,
                67,
                "points: expected a number, found the text \"2\": remove the quotes",
            )],
        },
        Case {
            name: "an unknown risk formula, in the format's words",
            base: MORILE,
            edits: &[("risk: Product", "risk: Multiply")],
            expect: &[(
                "risk: Multiply",
                11,
                "risk: \"Multiply\" is not one of Product, Sum, WeightedSum, Weighted or Grid",
            )],
        },
        Case {
            name: "an unknown factor field, in the format's words",
            base: MORILE,
            edits: &[(r#"id: "physical","#, r#"id: "physical", weight: 2,"#)],
            expect: &[(
                "weight: 2",
                37,
                "a factor has no field \"weight\"; its fields are id, label, descriptor, scale, role or data",
            )],
        },
    ] {
        check(&case);
    }
}

#[test]
fn weights_are_refused_plainly() {
    for case in [
        Case {
            name: "a third weight in WeightedSum is refused, not ignored",
            base: MORILE,
            edits: &[(
                "risk: Product",
                "risk: WeightedSum(harm: 0.5, likelihood: 0.3, concern: 0.2)",
            )],
            expect: &[(
                "risk: WeightedSum",
                51,
                "risk: WeightedSum has no field \"concern\"; WeightedSum weighs only harm and likelihood: to weigh \"concern\" too, write risk: Weighted([(\"harm\", 0.5), (\"likelihood\", 0.3), (\"concern\", 0.2)])",
            )],
        },
        Case {
            name: "an unknown term",
            base: WEIGHTED,
            edits: &[(r#"("concern", 0.2)"#, r#"("concen", 0.2)"#)],
            expect: &[(
                "risk: Weighted",
                58,
                "risk: Weighted names \"concen\", which is neither a section nor a factor; the sections are \"harm\", \"likelihood\", \"concern\", or name one factor by its id",
            )],
        },
        Case {
            name: "a negative weight",
            base: WEIGHTED,
            edits: &[(r#"("concern", 0.2)"#, r#"("concern", -0.2)"#)],
            expect: &[(
                "risk: Weighted",
                58,
                "risk: the weight on \"concern\" is -0.2; a weight must be a number of 0 or more",
            )],
        },
        Case {
            name: "a weight that is not a number",
            base: WEIGHTED,
            edits: &[(r#"("concern", 0.2)"#, r#"("concern", "0.2")"#)],
            expect: &[(
                "risk: Weighted",
                69,
                "risk: expected a number, found the text \"0.2\": remove the quotes",
            )],
        },
        Case {
            name: "a section and its own factor both weighted",
            base: WEIGHTED,
            edits: &[(
                r#"("concern", 0.2)"#,
                r#"("concern", 0.2), ("physical", 0.1)"#,
            )],
            expect: &[(
                "risk: Weighted",
                76,
                "risk: factor \"physical\" is already counted in the \"harm\" total, which is also weighted; weight the section or its factors one by one, not both",
            )],
        },
        Case {
            name: "an Other section without an id",
            base: WEIGHTED,
            edits: &[(r#"kind: Other, id: "concern","#, "kind: Other,")],
            expect: &[
                (
                    "Section(kind: Other",
                    17,
                    "the Other section \"Public concern\" needs an id, the name the risk formula uses for its total (id: \"concern\", say)",
                ),
                (
                    "risk: Weighted",
                    58,
                    "risk: Weighted names \"concern\", which is neither a section nor a factor; the sections are \"harm\", \"likelihood\", or name one factor by its id",
                ),
            ],
        },
        Case {
            name: "format 2 features under format: 1",
            base: WEIGHTED,
            edits: &[("format: 2", "format: 1")],
            expect: &[(
                "format: 1",
                5,
                "the method says format: 1, but uses Weighted risk, an Other section, from / below bounds or an open end, which needs format: 2 (older versions of trh cannot read it); write format: 2",
            )],
        },
    ] {
        check(&case);
    }
}

#[test]
fn bands_grids_and_ungraded_rules_are_checked() {
    for case in [
        Case {
            name: "max beside from overlaps",
            base: HALF_OPEN,
            edits: &[("below: 4)", "max: 4)")],
            expect: &[(
                r#"Band(id: "medium""#,
                18,
                "bands \"low\" (up to 4) and \"medium\" (4 to below 7) overlap; to make one end where the next begins, write below: on the lower and from: on the higher",
            )],
        },
        Case {
            name: "a grid heading listed twice, and a row missing",
            base: GRID,
            edits: &[("row_keys: [4, 3, 2, 1]", "row_keys: [4, 3, 3, 1]")],
            expect: &[
                (
                    "row_keys:",
                    9,
                    "risk: the grid's row headings \"3\" and \"3\" are the same value of \"impact\" (3); list each once",
                ),
                (
                    "row_keys:",
                    9,
                    "risk: the grid has no row for \"impact\" 2, which a theme can have; add it",
                ),
            ],
        },
        Case {
            name: "a grid heading that is no level",
            base: GRID,
            edits: &[("row_keys: [4, 3, 2, 1]", r#"row_keys: [4, 3, 2, "Big"]"#)],
            expect: &[
                (
                    "row_keys:",
                    9,
                    "risk: the grid's row heading \"Big\" does not fit \"impact\": \"Big\" is not a level of this scale (expected one of 1, 2, 3, 4)",
                ),
                (
                    "row_keys:",
                    9,
                    "risk: the grid has no row for \"impact\" 1, which a theme can have; add it",
                ),
            ],
        },
        Case {
            name: "a grid cell that names no band",
            base: GRID,
            edits: &[(r#"["C", "B", "A", "A"]"#, r#"["C", "B", "E", "A"]"#)],
            expect: &[(
                r#"["C", "B", "E", "A"]"#,
                24,
                "risk: grid cell (impact \"3\", likelihood \"3\") holds \"E\", which is neither a band id nor a band letter",
            )],
        },
        Case {
            name: "a short grid row",
            base: GRID,
            edits: &[(r#"["C", "B", "A", "A"]"#, r#"["C", "B", "A"]"#)],
            expect: &[(
                "cells:",
                9,
                "risk: grid row \"3\" has 3 cells but there are 4 column headings; give one cell per column",
            )],
        },
        Case {
            name: "a grid keyed on nothing",
            base: GRID,
            edits: &[(r#"columns: "likelihood""#, r#"columns: "likelyhood""#)],
            expect: &[(
                "columns:",
                9,
                "risk: the grid's columns are keyed on \"likelyhood\", which is neither a section nor a factor; the sections are \"harm\", \"likelihood\", or name one factor by its id",
            )],
        },
        Case {
            name: "a grid band with bounds",
            base: GRID,
            edits: &[(r#"letter: "D")"#, r#"letter: "D", min: 1)"#)],
            expect: &[(
                r#"Band(id: "D""#,
                18,
                "band \"D\" has bounds, but this method's bands come from its grid: remove min, max, from and below",
            )],
        },
    ] {
        check(&case);
    }
}

#[test]
fn lookup_rules_are_checked() {
    for case in [
        Case {
            name: "an ambiguous lookup",
            base: MORILE,
            edits: &[(
                r#"grades: Only(["strong"]), outcome: "opportunity""#,
                r#"grades: Only(["strong", "adequate"]), outcome: "opportunity""#,
            )],
            expect: &[(
                "    lookup: [",
                5,
                "the outcome lookup is ambiguous for band \"medium\" with grade \"adequate\": rules 3 and 4 both match; make the rules cover different grades",
            )],
        },
        Case {
            name: "Any and Ungraded both match a theme without a grade",
            base: GAP,
            edits: &[(
                r#"grades: Only(["weak"]), outcome: "priority""#,
                r#"grades: Any, outcome: "priority""#,
            )],
            expect: &[
                (
                    "    lookup: [",
                    5,
                    "the outcome lookup is ambiguous for band \"high\" with grade \"strong\": rules 1 and 2 both match; make the rules cover different grades",
                ),
                (
                    "    lookup: [",
                    5,
                    "the outcome lookup is ambiguous for band \"high\" with no grade (position not scored): rules 1 and 3 both match; make the rules cover different grades",
                ),
            ],
        },
    ] {
        check(&case);
    }
}

#[test]
fn three_rules_all_match() {
    check(&Case {
        name: "three rules",
        base: MORILE,
        edits: &[(
            r#"grades: Only(["strong"]), outcome: "opportunity""#,
            r#"grades: Any, outcome: "opportunity"),
        LookupRule(bands: ["medium"], grades: Only(["poor"]), outcome: "watching""#,
        )],
        expect: &[
            (
                "    lookup: [",
                5,
                "the outcome lookup is ambiguous for band \"medium\" with grade \"poor\": rules 3, 4 and 5 all match; make the rules cover different grades",
            ),
            (
                "    lookup: [",
                5,
                "the outcome lookup is ambiguous for band \"medium\" with grade \"limited\": rules 3 and 5 both match; make the rules cover different grades",
            ),
            (
                "    lookup: [",
                5,
                "the outcome lookup is ambiguous for band \"medium\" with grade \"adequate\": rules 3 and 5 both match; make the rules cover different grades",
            ),
        ],
    });
}

#[test]
fn trh_validate_lists_every_mistake_with_file_line_and_what_to_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("our-method.ron");
    let text = WEIGHTED
        .replacen(
            r#"("concern", 0.2)"#,
            r#"("concern", -0.2), ("survey", 0.1)"#,
            1,
        )
        .replacen(r#"id: "frequency""#, r#"id: "physical""#, 1)
        .replacen("from: 5)", "min: 4.5)", 1);
    std::fs::write(&path, &text).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trh"))
        .args(["validate", path.to_str().expect("utf-8 path")])
        .output()
        .expect("run trh");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let shown = path.display().to_string();
    let at = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .expect("needle")
            + 1
    };
    let want = [
        format!(
            "{shown}:{}:20: factor id \"physical\" is used twice; give each factor its own id",
            at(r#"Factor(id: "physical", label: "Frequency""#)
        ),
        format!(
            "{shown}:{}:58: risk: the weight on \"concern\" is -0.2; a weight must be a number of 0 or more",
            at("risk: Weighted")
        ),
        format!(
            "{shown}:{}:77: risk: factor \"survey\" is already counted in the \"concern\" total, which is also weighted; weight the section or its factors one by one, not both",
            at("risk: Weighted")
        ),
        format!(
            "{shown}:{}:18: bands \"medium\" (3 to below 5) and \"high\" (4.5 or more) overlap; to make one end where the next begins, write below: on the lower and from: on the higher",
            at(r#"Band(id: "high""#)
        ),
    ];
    assert_eq!(err.trim_end(), want.join("\n"));
}

#[test]
fn a_method_with_thousands_of_factors_is_checked_in_bounded_time() {
    let factor = "            Factor(id: \"physical\", label: \"Physical harm\", scale: Range(min: 0, max: 5)),\n";
    assert!(WEIGHTED.contains(factor));
    let text = WEIGHTED.replacen(factor, &factor.repeat(5000), 1);
    let start = std::time::Instant::now();
    let err = parse_method(&text, Path::new("huge.ron")).expect_err("duplicates");
    let took = start.elapsed();
    let problems = err.problems();
    assert_eq!(problems.len(), 201, "200 listed, then a count");
    assert_eq!(
        problems[200].message,
        "… and 4799 more problems not listed; fix these and check again"
    );
    // Each duplicate is placed at its own line, not at the first use.
    assert_eq!(problems[1].line, problems[0].line.map(|l| l + 1));
    assert!(
        took < std::time::Duration::from_secs(10),
        "checked in {took:?}"
    );
}

/// Every structure in a method file refuses a field it does not have, with the same kind of
/// message, the file, the line and the column (a misspelt field is never silently ignored).
#[test]
fn every_structure_refuses_unknown_fields() {
    let cases: [(&str, &str, &str); 12] = [
        ("Method", MORILE, "Method("),
        ("Section", MORILE, "Section("),
        ("Factor", MORILE, "Factor("),
        ("Level", MORILE, "Level("),
        ("Grade", MORILE, "Grade("),
        ("Band", MORILE, "Band("),
        ("Outcome", MORILE, "Outcome("),
        ("LookupRule", MORILE, "LookupRule("),
        ("Range", WEIGHTED, "Range("),
        ("IntelligenceGap", GAP, "IntelligenceGap("),
        ("Grid", GRID, "Grid("),
        ("Band (half-open)", HALF_OPEN, "Band("),
    ];
    for (what, base, opening) in cases {
        let text = base.replacen(opening, &format!("{opening}\nbanana: 1,\n"), 1);
        let line = text
            .lines()
            .position(|l| l == "banana: 1,")
            .expect("inserted")
            + 1;
        let err = match parse_method(&text, Path::new("our-method.ron")) {
            Ok(_) => panic!("{what}: an unknown field was accepted"),
            Err(e) => e.to_string(),
        };
        assert!(
            err.starts_with(&format!("our-method.ron:{line}:")),
            "{what}: {err}"
        );
        assert!(
            err.contains("has no field \"banana\"; its fields are "),
            "{what}: {err}"
        );
    }
}

/// One rule for ids: a name the risk formula reads must mean one total. A factor may share an
/// id with a section (a Harm section's factor called `harm`, an Other section `concern` whose
/// only factor is `concern`) unless the formula then reads two things by one name.
#[test]
fn a_name_the_formula_reads_means_one_thing() {
    let parse = |text: &str| parse_method(text, Path::new("our-method.ron")).map(|_| ());
    // The recipe's survey factor called "concern", the only factor of the concern section.
    let same = WEIGHTED.replacen("id: \"survey\"", "id: \"concern\"", 1);
    assert!(parse(&same).is_ok(), "{:?}", parse(&same));
    // A Harm section's factor called "harm", not the section's only factor: "harm" in the
    // formula would mean the section's total or the factor's points.
    let two = WEIGHTED.replacen("id: \"physical\"", "id: \"harm\"", 1);
    let err = parse(&two).expect_err("refused").to_string();
    assert!(
        err.contains("risk: Weighted names \"harm\", which is both the Harm section's total and the factor \"harm\" (in Harm); rename the factor so each name means one thing"),
        "{err}"
    );
    // A likelihood factor called "concern", the Other section's id.
    let other = WEIGHTED.replacen("id: \"frequency\"", "id: \"concern\"", 1);
    let err = parse(&other).expect_err("refused").to_string();
    assert!(
        err.contains("\"concern\", which is both the Public concern section's total and the factor \"concern\" (in Likelihood)"),
        "{err}"
    );
    // Not named by the formula: no ambiguity, so no complaint (the intelligence-gap recipe's
    // Harm section has a factor called "harm").
    assert!(parse(GAP).is_ok());
}

/// A method that only grades, written without outcomes, is told what to write and where the
/// recipe is.
#[test]
fn a_method_without_outcomes_is_told_what_to_write() {
    let at = GRID.find("    outcomes:").expect("outcomes");
    let end = GRID[at..].find("\n)").expect("end") + at;
    let text = format!("{}{}", &GRID[..at], &GRID[end..]);
    let err = parse_method(&text, Path::new("our-method.ron"))
        .expect_err("refused")
        .to_string();
    assert!(
        err.contains("the method is missing its outcomes: field; a method that only grades"),
        "{err}"
    );
    assert!(err.contains("see docs/recipes/cell-grid.ron"), "{err}");
}
