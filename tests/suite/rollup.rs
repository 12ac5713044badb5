//! The peninsula picture (`trh rollup`): hand-checked roll-ups of the two samples and of
//! illustrative areas made from them (the same method, a theme only one area assessed, a theme
//! named differently, a stricter marking), and the command's refusals.

use std::process::Command;
use std::sync::Arc;

use trh::model::rollup::{MatchedBy, Status, rollup};
use trh::model::{Scorecard, ThemeId};

fn load(name: &str) -> Scorecard {
    trh::file::load_scorecard(std::path::Path::new("scorecards").join(name).as_path())
        .expect("sample")
}

fn row<'a>(r: &'a trh::model::rollup::Rollup, theme: &str) -> &'a trh::model::rollup::Row {
    r.rows
        .iter()
        .find(|x| x.theme == theme)
        .unwrap_or_else(|| panic!("no row {theme}"))
}

#[test]
fn the_two_samples_side_by_side() {
    let (a, b) = (
        load("plymouth-style-2018.ron"),
        load("peterborough-style-2016.ron"),
    );
    let r = rollup(
        &[("Plymouth".into(), &a), ("Peterborough".into(), &b)],
        &trh::model::rollup::Hand::default(),
    );
    assert!(!r.same_method, "morile-style against probability-harm");
    let da = row(&r, "Domestic abuse and sexual violence");
    assert_eq!(
        (da.priority_in, da.assessed_in, da.reach),
        (2, 2, "in every area's priorities")
    );
    assert_eq!(da.cells[0].rank, Some(1));
    assert_eq!(da.cells[1].status, Status::Adopted);
    assert!(
        da.cells.iter().all(|c| c.band.is_none()),
        "no bands across different methods"
    );
    // Both samples call it "da-sv": matched by id and name; shared ids whose names differ are not.
    assert_eq!(da.cells[1].matched_by, Some(MatchedBy::Id));
    assert!(r.notes.iter().any(|n| n.contains("id \"asb\" is \"Responding to anti-social behaviour\" in one scorecard and \"Anti-social behaviour\" in another")));
    assert!(r.notes.iter().any(|n| n.contains("different methods")));
    let mental = row(&r, "Mental health");
    assert_eq!(
        mental.cells[0].status,
        Status::NotAssessed,
        "not assessed, not low"
    );
    assert_eq!(mental.reach, "a priority in one area only");
    // Most widely a priority first.
    assert!(
        r.rows
            .windows(2)
            .all(|w| w[0].priority_in >= w[1].priority_in)
    );
}

/// Three illustrative areas under the sample's own method: bands compare; one area dropped
/// modern slavery, another calls night-time economy violence by another name and is marked
/// OFFICIAL-SENSITIVE.
fn areas() -> Vec<(String, Scorecard)> {
    let base = load("plymouth-style-2018.ron");
    let area = |name: &str| {
        let mut c = base.clone();
        c.area = name.to_owned();
        c
    };
    let torbay = area("Torbay");
    let mut cornwall = area("Cornwall");
    cornwall
        .themes
        .retain(|t| t.id.as_str() != "modern-slavery");
    let mut devon = area("Devon");
    devon.marking = "OFFICIAL-SENSITIVE".into();
    let nte = devon
        .themes
        .iter_mut()
        .find(|t| t.id == ThemeId::from("nte-violence"))
        .expect("nte");
    let t = Arc::make_mut(nte);
    t.name = "Evening and night-time violence".into();
    t.id = ThemeId::from("evening-violence");
    vec![
        ("Torbay".into(), torbay),
        ("Cornwall".into(), cornwall),
        ("Devon".into(), devon),
    ]
}

#[test]
fn areas_under_one_method_compare_bands_and_carry_the_strictest_marking() {
    let owned = areas();
    let cards: Vec<(String, &Scorecard)> = owned.iter().map(|(n, c)| (n.clone(), c)).collect();
    let r = rollup(&cards, &trh::model::rollup::Hand::default());
    assert!(r.same_method);
    assert_eq!(r.marking, "OFFICIAL-SENSITIVE");
    let da = row(&r, "Domestic abuse and sexual violence");
    assert_eq!(da.cells[0].band.as_deref(), Some("Very high"));
    assert_eq!(da.priority_in, 3);
    let ms = row(&r, "Modern slavery");
    assert_eq!(ms.cells[1].status, Status::NotAssessed);
    assert_eq!((ms.priority_in, ms.assessed_in), (2, 2));
    // Modern slavery is adopted with low confidence in both areas that assessed it.
    assert!(ms.confidence_flag);
    // The renamed theme has no id or name in common: it matches by its category (Violence),
    // the only unmatched one there, and says so.
    let nte = row(&r, "Night-time economy violence");
    assert_eq!(nte.cells[2].matched_by, Some(MatchedBy::Category));
    assert_eq!(
        nte.cells[2].name.as_deref(),
        Some("Evening and night-time violence")
    );
    let text =
        trh::report::rollup::render(&r, None, trh::report::rollup::RollupFormat::Csv).expect("csv");
    let mut csv = csv::Reader::from_reader(text.as_bytes());
    let header = csv.headers().expect("header").clone();
    assert_eq!(&header[0], "theme");
    assert_eq!(header.iter().next_back(), Some("marking"));
    assert!(
        csv.records()
            .all(|row| row.expect("row").iter().next_back() == Some("OFFICIAL-SENSITIVE"))
    );
    assert!(
        text.contains("as \"\"Evening and night-time violence\"\" [matched by category: check]")
    );
}

#[test]
fn the_same_area_twice_is_flagged_and_the_same_file_twice_refused() {
    let a = load("plymouth-style-2018.ron");
    let r = rollup(
        &[("A".into(), &a), ("B".into(), &a)],
        &trh::model::rollup::Hand::default(),
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("the same area and period twice")),
        "{:?}",
        r.notes
    );
    let dir = tempfile::tempdir().expect("dir");
    let copy = dir.path().join("copy.ron");
    std::fs::copy("scorecards/plymouth-style-2018.ron", &copy).expect("copy");
    let out = Command::new(env!("CARGO_BIN_EXE_trh"))
        .args([
            "rollup",
            "scorecards/plymouth-style-2018.ron",
            &copy.display().to_string(),
        ])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("are the same scorecard"));
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Scorecard(").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_trh"))
        .args([
            "rollup",
            "scorecards/plymouth-style-2018.ron",
            "scorecards/peterborough-style-2016.ron",
            &bad.display().to_string(),
            "--format",
            "md",
        ])
        .output()
        .expect("run");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("left out") && stderr.contains("bad.ron"),
        "{stderr}"
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.starts_with("**OFFICIAL**")
            && md.contains("| Domestic abuse and sexual violence | 2 of 2 |"),
        "{md}"
    );
}

#[test]
fn the_html_report_and_chart_carry_the_strictest_marking() {
    let dir = tempfile::tempdir().expect("dir");
    let owned = areas();
    let mut files = Vec::new();
    for (name, card) in &owned {
        let path = dir.path().join(format!("{name}.ron"));
        trh::file::save::save_scorecard(card, &path).expect("save");
        files.push(path.display().to_string());
    }
    let chart = dir.path().join("rollup.png");
    let xlsx = dir.path().join("rollup.xlsx");
    let mut args = vec!["rollup".to_owned()];
    args.extend(files);
    args.extend(
        [
            "--format",
            "html",
            "--chart",
            &chart.display().to_string(),
            "--xlsx",
            &xlsx.display().to_string(),
        ]
        .map(str::to_owned),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_trh"))
        .args(&args)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).expect("utf-8");
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .expect("well-formed");
    let markings: Vec<&str> = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("marking"))
        })
        .map(|n| n.text().unwrap_or(""))
        .collect();
    assert_eq!(markings, ["OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"]);
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
        1
    );
    assert!(
        html.contains("<strong>#1 · Very high · adopted</strong>"),
        "bands where the methods are the same"
    );
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("workbook");
    let sheet = wb.worksheet_range("Roll-up").expect("sheet");
    assert_eq!(
        sheet.get_value((0, 0)).map(ToString::to_string).as_deref(),
        Some("OFFICIAL-SENSITIVE")
    );
    assert_eq!(
        sheet.get_value((1, 2)).map(ToString::to_string).as_deref(),
        Some("Torbay")
    );
    let img = image::open(&chart).expect("png").to_rgb8();
    let rows = trh::model::rollup::rollup(
        &owned
            .iter()
            .map(|(n, c)| (n.clone(), c))
            .collect::<Vec<_>>(),
        &trh::model::rollup::Hand::default(),
    )
    .rows
    .len();
    assert_eq!(
        img.dimensions(),
        (1600, trh::chart::rollup::height_for(rows))
    );
}

/// The analyst matches two themes by hand and splits a category match; the roll-up file keeps
/// both (with the scorecards' paths relative to it), so the next roll-up starts matched.
#[test]
fn hand_matches_and_splits_are_saved_in_the_rollup_file() {
    let dir = tempfile::tempdir().expect("dir");
    for name in ["plymouth-style-2018.ron", "peterborough-style-2016.ron"] {
        std::fs::copy(
            std::path::Path::new("scorecards").join(name),
            dir.path().join(name),
        )
        .expect("copy");
    }
    let a = dir
        .path()
        .join("plymouth-style-2018.ron")
        .display()
        .to_string();
    let b = dir
        .path()
        .join("peterborough-style-2016.ron")
        .display()
        .to_string();
    let saved = dir.path().join("peninsula.rollup.ron");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_trh"))
            .args(args)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")
    };
    let first = run(&[
        "rollup",
        &a,
        &b,
        "--match",
        "plymouth-style-2018.ron:asb=peterborough-style-2016.ron:asb",
        "--split",
        "peterborough-style-2016.ron:substance-misuse",
        "--save",
        &saved.display().to_string(),
        "--format",
        "json",
    ]);
    let text = std::fs::read_to_string(&saved).expect("saved");
    assert!(
        text.contains("\"plymouth-style-2018.ron\""),
        "relative paths: {text}"
    );
    let again = run(&["rollup", &saved.display().to_string(), "--format", "json"]);
    assert_eq!(first, again, "the roll-up file gives the same roll-up");
    let rows = again["rows"].as_array().expect("rows");
    let row = |name: &str| {
        rows.iter()
            .find(|r| r["theme"] == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(
        row("Responding to anti-social behaviour")["cells"][1]["matched_by"],
        "hand"
    );
    assert_eq!(
        row("Drug-related harm")["cells"][1]["status"],
        "not-assessed",
        "split from Substance misuse"
    );
    assert_eq!(
        row("Substance misuse")["cells"][0]["status"],
        "not-assessed"
    );
}

/// *File → Compare partnerships…*: a folder of scorecards is read in the background and shown
/// side by side on the Partnerships tab, with the chart.
#[test]
fn the_app_compares_the_partnerships_of_a_folder() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("dir");
    for name in ["plymouth-style-2018.ron", "peterborough-style-2016.ron"] {
        std::fs::copy(
            std::path::Path::new("scorecards").join(name),
            dir.path().join(name),
        )
        .expect("copy");
    }
    std::fs::write(dir.path().join("broken.ron"), "Scorecard(").expect("write");
    let mut h = crate::common::sample();
    crate::common::menu(&mut h, "File", "Compare partnerships…");
    assert_eq!(h.state().state.view.tab, trh::state::view::Tab::Rollup);
    h.state_mut().jobs.fixed_pick = Some(dir.path().to_path_buf());
    crate::common::click(&mut h, "Choose a folder…");
    crate::common::wait_for(&mut h, "the roll-up", |app| {
        app.state
            .view
            .rollup
            .as_ref()
            .is_some_and(|v| v.rollup.is_some())
    });
    let view = h.state().state.view.rollup.clone().expect("rolled up");
    assert_eq!(view.rollup.as_ref().expect("rollup").columns.len(), 2);
    assert_eq!(
        view.set.left_out.len(),
        1,
        "broken.ron is left out and named"
    );
    assert!(
        h.query_all_by_label("2 of 2").count() >= 3,
        "three themes are priorities in both"
    );
    crate::common::click(&mut h, "Chart");
    assert!(
        h.query_by_label("Priorities across partnerships").is_some(),
        "the chart"
    );
    // Saved as a report from the tab, in the background.
    let report = dir.path().join("peninsula.html");
    h.state_mut().jobs.fixed_pick = Some(report.clone());
    crate::common::click(&mut h, "Save report…");
    crate::common::wait_for(&mut h, "the report", |_| report.exists());
    let html = std::fs::read_to_string(&report).expect("report");
    assert!(html.contains("<div class=\"marking top\">OFFICIAL</div>"));
    assert!(html.contains("Priorities across partnerships"));
}

/// A folder with a roll-up file is rolled up through it (its matches kept); a copy of the same
/// scorecard under another name is refused, naming both.
#[test]
fn a_folder_uses_its_rollup_file_and_refuses_a_copy() {
    let dir = tempfile::tempdir().expect("dir");
    for name in ["plymouth-style-2018.ron", "peterborough-style-2016.ron"] {
        std::fs::copy(
            std::path::Path::new("scorecards").join(name),
            dir.path().join(name),
        )
        .expect("copy");
    }
    let file = trh::file::rollup_file::RollupFile {
        version: 1,
        scorecards: vec![
            "plymouth-style-2018.ron".into(),
            "peterborough-style-2016.ron".into(),
        ],
        matches: vec![(
            trh::file::rollup_file::ThemeRef {
                scorecard: "plymouth-style-2018.ron".into(),
                theme: "asb".into(),
            },
            trh::file::rollup_file::ThemeRef {
                scorecard: "peterborough-style-2016.ron".into(),
                theme: "asb".into(),
            },
        )],
        splits: Vec::new(),
    };
    trh::file::rollup_file::save_rollup(&file, &dir.path().join("p.rollup.ron")).expect("save");
    let (r, left_out) = trh::file::rollup_file::roll_up(dir.path()).expect("rolled up");
    assert!(left_out.is_empty());
    let asb = row(&r, "Responding to anti-social behaviour");
    assert_eq!(asb.cells[1].matched_by, Some(MatchedBy::Hand));
    std::fs::remove_file(dir.path().join("p.rollup.ron")).expect("rm");
    std::fs::copy(
        dir.path().join("plymouth-style-2018.ron"),
        dir.path().join("copy.ron"),
    )
    .expect("copy");
    let err = trh::file::rollup_file::roll_up(dir.path()).expect_err("refused");
    assert!(
        err.contains("copy.ron")
            && err.contains("plymouth-style-2018.ron")
            && err.contains("the same scorecard"),
        "{err}"
    );
}

type App<'a> = egui_kittest::Harness<'a, trh::app::TrhApp>;

/// Whether the roll-up has settled: nothing being read, no job running, a roll-up shown.
fn rolled(app: &trh::app::TrhApp) -> bool {
    !app.state.view.rollup_jobs.1
        && app.jobs.running == 0
        && app
            .state
            .view
            .rollup
            .as_ref()
            .is_some_and(|v| v.rollup.is_some())
}

/// The app with the two samples' folder rolled up on the Partnerships tab.
fn app_on_folder(dir: &std::path::Path) -> App<'static> {
    for name in ["plymouth-style-2018.ron", "peterborough-style-2016.ron"] {
        std::fs::copy(
            std::path::Path::new("scorecards").join(name),
            dir.join(name),
        )
        .expect("copy");
    }
    let mut h = crate::common::sample();
    h.set_size(egui::vec2(1280.0, 900.0));
    crate::common::menu(&mut h, "File", "Compare partnerships…");
    h.state_mut().jobs.fixed_pick = Some(dir.to_path_buf());
    crate::common::click(&mut h, "Choose a folder…");
    crate::common::wait_for(&mut h, "the roll-up", rolled);
    h
}

fn rows_named(h: &App<'_>, name: &str) -> usize {
    let v = h.state().state.view.rollup.clone().expect("view");
    let r = v.rollup.expect("rollup");
    r.rows.iter().filter(|x| x.theme == name).count()
}

/// Matching and splitting by hand in the app: the two samples' anti-social behaviour themes
/// (the same id, different names) are joined from the chosen row; each change is saved in the
/// folder's roll-up file, so choosing the folder again starts matched. A split theme leaves
/// its row.
#[test]
fn the_app_matches_and_splits_by_hand_and_saves_the_matches() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app_on_folder(dir.path());
    assert_eq!(rows_named(&h, "Anti-social behaviour"), 1, "apart at first");
    // A heading sorts the table.
    click_last(&mut h, "Theme");
    assert_eq!(
        h.state().state.view.rollup.as_ref().expect("view").sort,
        (trh::model::rollup::SortBy::Theme, false)
    );
    click_last(&mut h, "Priority in");
    assert_eq!(
        h.state().state.view.rollup.as_ref().expect("view").sort,
        (trh::model::rollup::SortBy::Reach, false)
    );
    // Choose Plymouth's row, then "Same theme as" Peterborough's.
    // (The theme list beside the tab has the sample's theme of that name too: the table's is
    // drawn last.)
    click_last(&mut h, "Responding to anti-social behaviour");
    h.get_by_label("Same theme as…").click();
    h.run_steps(3);
    h.get_by_label("Anti-social behaviour (Peterborough-style city (illustrative))")
        .click();
    h.run_steps(3);
    crate::common::wait_for(&mut h, "the match", |app| {
        rolled(app)
            && app
                .state
                .view
                .rollup
                .as_ref()
                .is_some_and(|v| !v.set.hand.matches.is_empty())
    });
    crate::common::wait_for(&mut h, "the new roll-up", rolled);
    // The folder lists Peterborough first, so the joined row takes its name.
    assert_eq!(
        rows_named(&h, "Responding to anti-social behaviour"),
        0,
        "one row now"
    );
    let file = dir.path().join("partnerships.rollup.ron");
    let saved = trh::file::rollup_file::load_rollup(&file).expect("saved roll-up file");
    assert_eq!(saved.matches.len(), 1);
    assert_eq!(saved.scorecards.len(), 2);
    assert!(
        !saved.scorecards[0].contains('/'),
        "relative: {:?}",
        saved.scorecards
    );
    // The folder now opens through its roll-up file, matched.
    let (again, _) = trh::file::rollup_file::roll_up(dir.path()).expect("again");
    let asb = row(&again, "Anti-social behaviour");
    assert_eq!(asb.cells[1].matched_by, Some(MatchedBy::Hand));
    assert_eq!(asb.assessed_in, 2);
    // Split Peterborough's domestic abuse theme off its row.
    click_last(&mut h, "Domestic abuse and sexual violence");
    crate::common::click(&mut h, "Split off Peterborough-style city (illustrative)'s");
    crate::common::wait_for(&mut h, "the split", |app| {
        rolled(app)
            && app
                .state
                .view
                .rollup
                .as_ref()
                .is_some_and(|v| !v.set.hand.splits.is_empty())
    });
    crate::common::wait_for(&mut h, "the new roll-up", rolled);
    assert_eq!(
        rows_named(&h, "Domestic abuse and sexual violence"),
        2,
        "split"
    );
    let saved = trh::file::rollup_file::load_rollup(&file).expect("saved");
    assert_eq!(saved.splits.len(), 1);
}

/// A partnership is taken out of the roll-up and added back as a file; the same file again is
/// refused and named.
#[test]
fn the_app_removes_and_adds_partnerships() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app_on_folder(dir.path());
    // Take Plymouth out, then add it back as a file.
    let removes = h.query_all_by_label("Remove").count();
    assert_eq!(removes, 2, "one Remove per partnership");
    h.query_all_by_label("Remove")
        .nth(1)
        .expect("second")
        .click();
    h.run_steps(4);
    crate::common::wait_for(&mut h, "one left", |app| {
        rolled(app)
            || app
                .state
                .view
                .rollup
                .as_ref()
                .is_some_and(|v| v.set.cards.len() == 1)
    });
    assert!(
        h.query_by_label_contains("Add at least one more scorecard")
            .is_some()
    );
    h.state_mut().jobs.fixed_pick = Some(dir.path().join("plymouth-style-2018.ron"));
    crate::common::click(&mut h, "Add scorecards…");
    crate::common::wait_for(&mut h, "two again", |app| {
        rolled(app)
            && app
                .state
                .view
                .rollup
                .as_ref()
                .is_some_and(|v| v.set.cards.len() == 2)
    });
    // The same file again is refused and named.
    crate::common::click(&mut h, "Add scorecards…");
    crate::common::wait_for(&mut h, "the refusal", |app| {
        rolled(app)
            && app.state.view.rollup.as_ref().is_some_and(|v| {
                v.set
                    .left_out
                    .iter()
                    .any(|l| l.contains("the same scorecard"))
            })
    });
    assert_eq!(
        h.state()
            .state
            .view
            .rollup
            .as_ref()
            .expect("view")
            .set
            .cards
            .len(),
        2
    );
}

/// Joining rows by hand and splitting the theme every hand match hangs on keeps the rest
/// matched to one another.
#[test]
fn a_split_keeps_the_rest_of_a_hand_made_row_together() {
    let base = load("plymouth-style-2018.ron");
    let named = |area: &str, new: &str| {
        let mut c = base.clone();
        c.area = area.to_owned();
        if let Some(t) = c
            .themes
            .iter_mut()
            .find(|t| t.id.as_str() == "modern-slavery")
        {
            Arc::make_mut(t).name = new.to_owned();
        }
        c
    };
    let (a, b, c) = (
        named("A", "Slavery one"),
        named("B", "Slavery two"),
        named("C", "Slavery three"),
    );
    let cards = [
        ("A".to_owned(), &a),
        ("B".to_owned(), &b),
        ("C".to_owned(), &c),
    ];
    let mut hand = trh::model::rollup::Hand::default();
    let ms = base
        .themes
        .iter()
        .position(|t| t.id.as_str() == "modern-slavery")
        .expect("theme");
    hand.join(&[(0, ms), (1, ms)]);
    hand.join(&[(0, ms), (1, ms), (2, ms)]);
    let r = rollup(&cards, &hand);
    assert_eq!(row(&r, "Slavery one").assessed_in, 3, "one row of three");
    hand.split((0, ms));
    let r = rollup(&cards, &hand);
    assert_eq!(row(&r, "Slavery one").assessed_in, 1, "split off");
    let rest = row(&r, "Slavery two");
    assert_eq!(rest.assessed_in, 2, "B and C stay matched");
    assert_eq!(rest.cells[2].matched_by, Some(MatchedBy::Hand));
    // A split theme is no automatic match for the others either: split A's domestic abuse.
    let da = base
        .themes
        .iter()
        .position(|t| t.id.as_str() == "da-sv")
        .expect("da");
    hand.split((0, da));
    let r = rollup(&cards, &hand);
    let rows: Vec<_> = r
        .rows
        .iter()
        .filter(|x| x.theme == "Domestic abuse and sexual violence")
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().any(|x| x.assessed_in == 1) && rows.iter().any(|x| x.assessed_in == 2));
}

fn click_last(h: &mut egui_kittest::Harness<'_, trh::app::TrhApp>, label: &str) {
    use egui_kittest::kittest::Queryable;
    h.query_all_by_label(label).last().expect(label).click();
    h.run_steps(4);
}

/// The illustrative peninsula `trh sample-data` writes, rolled up: each cell is the rank that
/// partnership's own ranking gives, a priority exactly where its cut line or board says so;
/// the theme one area alone assessed, the theme one area dropped, the theme one area calls by
/// another name (matched by category, to check), the method mix and the strictest marking.
#[test]
fn the_illustrative_peninsula_rolls_up_as_each_area_ranks_it() {
    let dir = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_trh"))
        .args(["sample-data"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let folder = dir.path().join("peninsula");
    let (r, left_out) = trh::file::rollup_file::roll_up(&folder).expect("rolled up");
    assert!(left_out.is_empty());
    assert_eq!(r.columns.len(), 4);
    assert!(!r.same_method, "Somerset-style uses probability × harm");
    assert_eq!(r.marking, "OFFICIAL-SENSITIVE", "Devon-style's marking");
    let files = trh::file::rollup_file::scorecards_in(&folder);
    for (p, path) in files.iter().enumerate() {
        let card = trh::file::load_scorecard(path).expect("load");
        let ranking = trh::model::rank(&card);
        let cut = card.cut();
        for row in &r.rows {
            let cell = &row.cells[p];
            let Some(name) = cell.name.as_deref() else {
                continue;
            };
            let own = ranking
                .rows
                .iter()
                .find(|x| card.theme(&x.id).is_some_and(|t| t.name == name))
                .expect("its own row");
            assert_eq!(cell.rank, own.rank, "{name} in {}", r.columns[p].name);
            let adopted = own.decision == Some(trh::model::DecisionKind::Adopt);
            assert_eq!(cell.status == Status::Adopted, adopted);
            if own.decision.is_none() {
                let above = own.rank.is_some_and(|k| (k as usize) <= cut);
                assert_eq!(cell.status.is_priority(), above, "{name}: cut {cut}");
            }
        }
    }
    let rural = row(&r, "Rural and wildlife crime");
    assert_eq!(rural.assessed_in, 1, "Cornwall-style alone assessed it");
    let slavery = row(&r, "Modern slavery");
    assert_eq!(
        slavery.cells[0].status,
        Status::NotAssessed,
        "Cornwall dropped it"
    );
    let nte = row(&r, "Night-time economy violence");
    assert_eq!(
        nte.cells[1].name.as_deref(),
        Some("Violence in the evening economy")
    );
    assert_eq!(nte.cells[1].matched_by, Some(MatchedBy::Category));
    assert_eq!(
        nte.cells[1].status,
        Status::Adopted,
        "Devon-style's board adopted it"
    );
}

/// The table sorts by any column (a heading clicked, then again to reverse): by one
/// partnership's rank with the themes it did not assess last either way, by name, by median.
#[test]
fn the_table_sorts_by_any_column_with_the_unassessed_last() {
    use trh::model::rollup::SortBy;
    let (a, b) = (
        load("plymouth-style-2018.ron"),
        load("peterborough-style-2016.ron"),
    );
    let r = rollup(
        &[("Plymouth".into(), &a), ("Peterborough".into(), &b)],
        &trh::model::rollup::Hand::default(),
    );
    assert_eq!(
        r.order(SortBy::Reach, false),
        (0..r.rows.len()).collect::<Vec<_>>()
    );
    for desc in [false, true] {
        let ranks: Vec<Option<u32>> = r
            .order(SortBy::Partnership(1), desc)
            .into_iter()
            .map(|i| r.rows[i].cells[1].rank)
            .collect();
        let known: Vec<u32> = ranks.iter().flatten().copied().collect();
        let first_none = ranks
            .iter()
            .position(Option::is_none)
            .unwrap_or(ranks.len());
        assert!(
            ranks[first_none..].iter().all(Option::is_none),
            "unassessed last: {ranks:?}"
        );
        assert!(
            known
                .windows(2)
                .all(|w| if desc { w[0] >= w[1] } else { w[0] <= w[1] }),
            "{ranks:?}"
        );
    }
    let names: Vec<String> = r
        .order(SortBy::Theme, false)
        .into_iter()
        .map(|i| r.rows[i].theme.to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
    let medians: Vec<f64> = r
        .order(SortBy::Median, false)
        .into_iter()
        .filter_map(|i| r.rows[i].median_rank)
        .collect();
    assert!(medians.windows(2).all(|w| w[0] <= w[1]));
}
