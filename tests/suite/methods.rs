//! Shipped methods are valid; bad method files are rejected with precise reasons and places.

use std::path::Path;

use trh::file::{FileError, parse_method};
use trh::methods;
use trh::model::SectionKind;
use trh::model::check::{attainable_risks, attainable_totals};

const MORILE: &str = include_str!("../../assets/methods/morile-style.ron");

#[test]
fn every_shipped_method_is_valid() {
    for (id, _) in methods::BUILTIN {
        let m = methods::builtin(id).unwrap_or_else(|| panic!("{id} invalid"));
        assert_eq!(&m.id, id);
        assert!(!m.provenance.is_empty());
    }
    let m = methods::builtin("morile-style").expect("default");
    assert!(m.name.contains("trh default"));
    assert!(m.provenance.contains("not official"));
}

#[test]
fn attainable_values_of_the_default_method() {
    let m = methods::builtin("morile-style").expect("default");
    let harm = attainable_totals(m.section(SectionKind::Harm).expect("harm")).expect("small");
    assert_eq!((harm[0], harm[harm.len() - 1], harm.len()), (0.0, 24.0, 25));
    let lik = attainable_totals(m.section(SectionKind::Likelihood).expect("lik")).expect("small");
    assert_eq!(lik, (1..=8).map(f64::from).collect::<Vec<_>>());
    let risks = attainable_risks(&m).expect("small");
    assert_eq!((risks[0], risks[risks.len() - 1]), (0.0, 192.0));
}

/// Parses the default method after a text substitution and returns every message with its line.
fn rejected(from: &str, to: &str) -> Vec<(Option<usize>, String)> {
    assert!(MORILE.contains(from), "test edit not found: {from}");
    let text = MORILE.replacen(from, to, 1);
    match parse_method(&text, Path::new("bad.ron")) {
        Ok(_) => panic!("accepted a bad method ({from} → {to})"),
        Err(FileError::Invalid { problems, .. }) => {
            problems.into_iter().map(|p| (p.line, p.message)).collect()
        }
        Err(e) => panic!("unexpected error {e}"),
    }
}

fn line_of(needle: &str) -> usize {
    MORILE
        .lines()
        .position(|l| l.contains(needle))
        .expect("needle in method")
        + 1
}

#[test]
fn bad_methods_are_rejected_with_reasons_and_lines() {
    let medium_band = r#"Band(id: "medium", label: "Medium", letter: "M", min: 24, max: 47)"#;
    let low_rule = r#"LookupRule(bands: ["low"], grades: Any, outcome: "watching"),"#;
    let cases: Vec<(&str, &str, &str, Option<usize>)> = vec![
        (
            "overlapping bands",
            "min: 24, max: 47",
            "min: 20, max: 47",
            Some(line_of(medium_band)),
        ),
        (
            "outcome missing from the lookup",
            low_rule,
            "",
            Some(line_of("lookup: [")),
        ),
        (
            "unknown outcome",
            r#"outcome: "watching"),"#,
            r#"outcome: "wtching"),"#,
            Some(line_of(low_rule)),
        ),
        (
            "unknown band in the lookup",
            r#"LookupRule(bands: ["low"]"#,
            r#"LookupRule(bands: ["lo"]"#,
            Some(line_of(low_rule)),
        ),
        (
            "gap between bands",
            "min: 48, max: 95",
            "min: 50, max: 95",
            None,
        ),
        (
            "duplicate factor id",
            r#"id: "psychological""#,
            r#"id: "physical""#,
            None,
        ),
        (
            "newer format",
            "format: 3",
            "format: 9",
            Some(line_of("format: 3")),
        ),
    ];
    let expect_words = [
        "overlap",
        "no outcome for band \"low\"",
        "unknown outcome \"wtching\"",
        "unknown band \"lo\"",
        "attainable values fall in no band: 48, 49",
        "factor id \"physical\" is used twice",
        "newer",
    ];
    for ((name, from, to, line), words) in cases.into_iter().zip(expect_words) {
        let problems = rejected(from, to);
        let hit = problems.iter().find(|(_, m)| m.contains(words));
        let Some((got_line, _)) = hit else {
            panic!("{name}: no message containing {words:?} in {problems:?}");
        };
        if let Some(line) = line {
            assert_eq!(*got_line, Some(line), "{name}: {problems:?}");
        }
    }
}

#[test]
fn empty_scale_is_rejected() {
    let start = MORILE.find("scale: Levels([").expect("a scale");
    let end = start + MORILE[start..].find("]),").expect("scale end");
    let text = format!("{}scale: Levels([{}", &MORILE[..start], &MORILE[end..]);
    let err = parse_method(&text, Path::new("empty.ron")).expect_err("empty scale");
    let msg = err.to_string();
    assert!(
        msg.contains("factor \"physical\" has an empty scale"),
        "{msg}"
    );
    assert!(msg.starts_with("empty.ron:"), "{msg}");
}

#[test]
fn parse_errors_name_file_line_and_column() {
    let text = MORILE.replacen("risk: Product,", "risk: Product", 1);
    let err = parse_method(&text, Path::new("m.ron")).expect_err("syntax error");
    let p = &err.problems()[0];
    assert!(p.line.is_some() && p.col.is_some(), "{err}");
    assert!(err.to_string().starts_with("m.ron:"), "{err}");
}

#[test]
fn a_method_that_is_not_expressible_is_rejected_clearly() {
    let err = parse_method("Method(format: 1)", Path::new("tiny.ron")).expect_err("incomplete");
    assert!(err.to_string().contains("tiny.ron:1:"), "{err}");
}

#[test]
fn the_annotated_example_in_the_docs_is_a_valid_method() {
    let doc = include_str!("../../docs/method-format.md");
    let start = doc.find("```ron\n").expect("a ron block") + "```ron\n".len();
    let end = start + doc[start..].find("```").expect("block end");
    let m = parse_method(&doc[start..end], Path::new("docs/method-format.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.id, "our-force-thematic");
    // Exercise it: every role, a grade, and the lookup.
    let card = trh::generate::generate(&m, 20, 4, 3);
    let ranking = trh::model::rank(&card);
    assert!(
        ranking.rows.iter().all(|r| r.outcome.is_some()),
        "every theme gets an outcome"
    );
}
