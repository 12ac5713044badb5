//! `trh evidence` and `trh sample-data` as a user runs them.

use std::path::Path;
use std::process::{Command, Output};

fn trh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trh"))
        .args(args)
        .output()
        .expect("run trh")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn evidence_reads_the_sample_data_shows_it_and_applies_only_when_asked() {
    let dir = tempfile::tempdir().expect("dir");
    let d = |p: &str| dir.path().join(p).display().to_string();
    assert!(trh(&["sample-data", &d("data")]).status.success());
    let card = d("card.ron");
    std::fs::copy("scorecards/plymouth-style-2018.ron", &card).expect("copy");
    let before = std::fs::read(&card).expect("read");
    let args = |more: &[&str]| {
        let mut a = vec!["evidence", card.as_str()];
        a.extend_from_slice(more);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let police = d("data/police-uk");
    let read = args(&["--police", &police, "--area", "Plymouth", "--format", "csv"]);
    let out = trh(&read.iter().map(String::as_str).collect::<Vec<_>>());
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("59684 rows counted, 6998 outside the area, Dec 2015 to Nov 2017"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing saved"), "{stderr}");
    assert_eq!(
        std::fs::read(&card).expect("read"),
        before,
        "nothing written without --save or --apply"
    );
    let mut rows = csv::Reader::from_reader(stdout.as_bytes());
    let header = rows.headers().expect("header").clone();
    assert_eq!(header.get(header.len() - 1), Some("marking"));
    let n = rows
        .records()
        .map(|r| assert_eq!(r.expect("row").get(header.len() - 1), Some("OFFICIAL")))
        .count();
    assert_eq!(n, 13);
    let out = trh(&args(&["--apply", "--format", "json"])
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>());
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("draft(s) set from data"), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(json["themes"].as_array().expect("themes").len(), 13);
    let saved = trh::file::load_scorecard(Path::new(&card)).expect("saved");
    assert!(
        saved
            .log
            .iter()
            .any(|c| c.what.ends_with("draft from data") && c.who == "trh evidence")
    );
    assert!(trh::model::edit::evidence::accept_all(&saved).is_empty());
}

#[test]
fn evidence_errors_name_what_to_do() {
    let dir = tempfile::tempdir().expect("dir");
    let card = "scorecards/plymouth-style-2018.ron";
    let bad = dir.path().join("2017-01-devon-and-cornwall-street.csv");
    std::fs::write(&bad, "Crime ID,Month,Falls within\nx,2017-01,D\n").expect("write");
    let out = trh(&["evidence", card, "--police", &bad.display().to_string()]);
    let (_, stderr) = text(&out);
    assert!(!out.status.success());
    assert!(stderr.contains("choose the area"), "{stderr}");
    let out = trh(&[
        "evidence",
        card,
        "--police",
        &bad.display().to_string(),
        "--area",
        "Plymouth",
    ]);
    let (_, stderr) = text(&out);
    assert!(
        stderr.contains("2017-01-devon-and-cornwall-street.csv: line 1: no column \"LSOA code\""),
        "{stderr}"
    );
    let out = trh(&["evidence", card, "--link", "Nowhere=police.uk: Drugs"]);
    assert!(text(&out).1.contains("there is no theme \"Nowhere\""));
}

#[test]
fn a_themes_monthly_counts_export_as_svg() {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("nte.svg");
    let o = trh(&[
        "export",
        "scorecards/plymouth-style-2018.ron",
        "--format",
        "svg",
        "--chart",
        "counts",
        "--theme",
        "Night-time economy violence",
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", text(&o).1);
    let svg = std::fs::read_to_string(&out).expect("svg");
    assert!(svg.contains("the 12 months to Nov 2017") && svg.contains("OFFICIAL"));
    let o = trh(&[
        "export",
        "scorecards/plymouth-style-2018.ron",
        "--format",
        "svg",
        "--chart",
        "counts",
        "--theme",
        "Reoffending",
        "--out",
        &out.display().to_string(),
    ]);
    assert!(
        text(&o).1.contains("\"Reoffending\" has no counts"),
        "{}",
        text(&o).1
    );
}
