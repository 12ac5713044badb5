//! The `trh` command line, run as a user would: outputs, exit codes and error messages.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PLYMOUTH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scorecards/plymouth-style-2018.ron"
);
const PETERBOROUGH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scorecards/peterborough-style-2016.ron"
);

fn trh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trh"))
        .args(args)
        .output()
        .expect("run trh")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(args: &[&str]) -> String {
    let o = trh(args);
    assert!(o.status.success(), "trh {args:?} failed: {}", stderr(&o));
    stdout(&o)
}

/// Runs a command that must fail with exit code 1 and no panic; returns stderr.
fn fails(args: &[&str]) -> String {
    let o = trh(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "trh {args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn rank_table_markdown_and_csv_snapshots() {
    insta::assert_snapshot!("rank_table", ok(&["rank", PLYMOUTH]));
    insta::assert_snapshot!("rank_md", ok(&["rank", PLYMOUTH, "--format", "md"]));
    insta::assert_snapshot!(
        "rank_csv_peterborough",
        ok(&["rank", PETERBOROUGH, "--format", "csv"])
    );
}

#[test]
fn rank_csv_has_exactly_the_documented_header() {
    let out = ok(&["rank", PLYMOUTH, "--format", "csv"]);
    // The header is row 1; the marking is a column of every row.
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rdr
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "rank",
            "theme",
            "harm",
            "likelihood",
            "risk",
            "band",
            "confidence",
            "position",
            "outcome",
            "decision",
            "flags",
            "candidate",
            "marking"
        ]
    );
    assert_eq!(rdr.records().count(), 13);
    // A banner line above the header only when asked for.
    let banner = ok(&["rank", PLYMOUTH, "--format", "csv", "--marking-row"]);
    let (first, rest) = banner.split_once('\n').expect("two lines");
    assert_eq!(first, "OFFICIAL,,,,,,,,,,,,");
    assert_eq!(rest, out);
}

#[test]
fn rank_top_and_json() {
    let out = ok(&["rank", PLYMOUTH, "--top", "3", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["rank"], 1);
    assert_eq!(rows[0]["name"], "Domestic abuse and sexual violence");
    assert_eq!(v["marking"], "OFFICIAL");
    assert_eq!(v["method"], "morile-style");
    assert!(rows[0]["factors"].as_array().expect("factors").len() == 13);
    let md = ok(&["rank", PLYMOUTH, "--top", "2", "--format", "md"]);
    assert_eq!(
        md.lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| rank"))
            .count(),
        2
    );
}

#[test]
fn explain_shows_the_breakdown() {
    insta::assert_snapshot!("explain_drugs", ok(&["explain", PLYMOUTH, "drugs"]));
    let by_name = ok(&["explain", PLYMOUTH, "road traffic collisions"]);
    assert!(by_name.contains("DEPARTS"), "{by_name}");
    assert!(
        by_name.contains("Risk = harm × likelihood = 15 × 5 = 75 → band High (48–95)"),
        "{by_name}"
    );
    let json = ok(&["explain", PLYMOUTH, "asb", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["id"], "asb");
    let err = fails(&["explain", PLYMOUTH, "no-such-theme"]);
    assert!(
        err.contains("no theme with id or name \"no-such-theme\""),
        "{err}"
    );
    assert!(err.contains("rtc (Road traffic collisions)"), "{err}");
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

#[test]
fn validate_reports_every_error_with_place_and_exit_code() {
    let out = ok(&[
        "validate",
        PLYMOUTH,
        PETERBOROUGH,
        "assets/methods/morile-style.ron",
    ]);
    assert!(
        out.contains("plymouth-style-2018.ron: ok (scorecard, 13 themes"),
        "{out}"
    );
    assert!(
        out.contains("morile-style.ron: ok (method morile-style)"),
        "{out}"
    );

    let dir = temp();
    let text = std::fs::read_to_string(PLYMOUTH)
        .expect("read")
        .replacen("id: \"rtc\",", "id: \"asb\",", 1)
        .replacen("draft: \"M\",", "draft: \"Z\",", 1);
    let bad = write(dir.path(), "bad.ron", &text);
    let bad = bad.to_str().expect("utf8 path");
    let err = fails(&["validate", PLYMOUTH, bad]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    for l in &lines {
        let rest = l.strip_prefix(bad).expect("names the file");
        let mut parts = rest.splitn(4, ':');
        assert_eq!(parts.next(), Some(""));
        assert!(
            parts.next().is_some_and(|n| n.parse::<usize>().is_ok()),
            "line number in {l}"
        );
        assert!(
            parts.next().is_some_and(|n| n.parse::<usize>().is_ok()),
            "column in {l}"
        );
    }
    let json = trh(&["validate", bad, "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("json");
    assert_eq!(v[0]["ok"], false);
    assert_eq!(v[0]["problems"].as_array().map(Vec::len), Some(2));
}

#[test]
fn hostile_files_give_errors_not_panics() {
    let dir = temp();
    for (name, text) in [
        ("empty.ron", ""),
        ("garbage.ron", "\u{1}\u{2}((((]]]\"unterminated"),
        ("deep.ron", &"[".repeat(10_000)),
        ("wrong.ron", "Method(format: 1)"),
        ("newer.ron", "Scorecard(version: 99, anything: true)"),
    ] {
        let p = write(dir.path(), name, text);
        let p = p.to_str().expect("utf8");
        for cmd in [
            &["rank", p][..],
            &["validate", p],
            &["explain", p, "x"],
            &["fmt", p],
        ] {
            let err = fails(cmd);
            assert!(err.contains(name), "{cmd:?}: {err}");
        }
    }
    let err = fails(&["rank", "/no/such/file.ron"]);
    assert!(err.contains("/no/such/file.ron"), "{err}");
}

#[test]
fn import_builds_a_scorecard_and_reports_row_and_column() {
    let dir = temp();
    let csv = write(
        dir.path(),
        "last-year.csv",
        "theme,category,physical,psychological,financial,community,geographic,vulnerability,frequency,trend,confidence,position.capacity,position.capability,position.engagement,position.expectation,decision,decision_rationale\n\
         Domestic abuse,Violence,VH,Very high,2,M,H,VH,C,R,M,3,3,3,2,adopt,Highest harm\n\
         \"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",Other,L,L,L,L,L,L,R,F,H,4,4,4,4,watching-brief,\n\
         Anti-social behaviour,Neighbourhood,L,M,L,VH,H,M,Constant,Falling,High,3,3,3,2,,\n",
    );
    let out = dir.path().join("imported.ron");
    let (csv_s, out_s) = (csv.to_str().expect("utf8"), out.to_str().expect("utf8"));
    ok(&[
        "import",
        csv_s,
        "--method",
        "morile-style",
        "--out",
        out_s,
        "--title",
        "Imported",
    ]);
    let ranked = ok(&["rank", out_s, "--format", "csv"]);
    assert!(
        ranked.contains(
            "1,Domestic abuse,19,7,133,Very high,Medium,Adequate,Priority,Adopt as priority"
        ),
        "{ranked}"
    );
    // The hostile theme name is neutralised on the way out.
    assert!(ranked.contains(",\"'=HYPERLINK("), "{ranked}");
    let explained = ok(&["explain", out_s, "anti-social-behaviour"]);
    assert!(explained.contains("from analyst's draft"), "{explained}");

    // Refuses to overwrite without --force.
    let err = fails(&["import", csv_s, "--method", "morile-style", "--out", out_s]);
    assert!(err.contains("already exists"), "{err}");

    let bad = write(
        dir.path(),
        "bad.csv",
        "theme,physical,frequency,decision\nA,H,R,adopt\nB,Huge,R,maybe\n,L,R,\n",
    );
    let target = dir.path().join("never.ron");
    let err = fails(&[
        "import",
        bad.to_str().expect("utf8"),
        "--method",
        "morile-style",
        "--out",
        target.to_str().expect("utf8"),
    ]);
    assert!(
        err.contains("row 3, column physical (B): \"Huge\" is not a level"),
        "{err}"
    );
    assert!(
        err.contains("row 3, column decision (D): \"maybe\" is not a decision"),
        "{err}"
    );
    assert!(err.contains("row 4: the theme name is empty"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!target.exists());

    let unknown = write(dir.path(), "unknown.csv", "theme,harmm\nA,3\n");
    let err = fails(&[
        "import",
        unknown.to_str().expect("utf8"),
        "--method",
        "probability-harm",
        "--out",
        target.to_str().expect("utf8"),
    ]);
    assert!(err.contains("column harmm (B): unknown column"), "{err}");

    let numbers = write(dir.path(), "ph.csv", "theme,probability,harm\nA,20,21\n");
    let err = fails(&[
        "import",
        numbers.to_str().expect("utf8"),
        "--method",
        "probability-harm",
        "--out",
        target.to_str().expect("utf8"),
    ]);
    assert!(
        err.contains("row 2, column harm (C): 21 is outside the range 1–20"),
        "{err}"
    );
}

#[test]
fn methods_are_listed_and_shown() {
    let list = ok(&["methods"]);
    for id in ["morile-style", "probability-harm", "impact-likelihood-4x4"] {
        assert!(list.contains(id), "{list}");
        let shown = ok(&["method", "show", id]);
        let parsed = trh::file::parse_method(&shown, Path::new(id)).expect("shown RON parses");
        assert_eq!(parsed, trh::methods::builtin(id).expect("builtin"));
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["methods", "--format", "json"])).expect("json");
    assert_eq!(json.as_array().map(Vec::len), Some(3));
    let err = fails(&["method", "show", "no-such-method"]);
    assert!(err.contains("no-such-method"), "{err}");
}

#[test]
fn generate_is_deterministic_for_a_seed() {
    let dir = temp();
    let path = |n: &str| dir.path().join(n).to_str().expect("utf8").to_owned();
    let (a, b, c) = (path("a.ron"), path("b.ron"), path("c.ron"));
    for (out, seed) in [(&a, "7"), (&b, "7"), (&c, "8")] {
        ok(&[
            "generate",
            "--themes",
            "20",
            "--participants",
            "5",
            "--seed",
            seed,
            "--out",
            out,
        ]);
    }
    let read = |p: &str| std::fs::read_to_string(p).expect("read");
    assert_eq!(read(&a), read(&b));
    assert_ne!(read(&a), read(&c));
    let v: serde_json::Value =
        serde_json::from_str(&ok(&["rank", &a, "--format", "json"])).expect("json");
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(20));
    ok(&[
        "generate",
        "--themes",
        "3",
        "--participants",
        "2",
        "--method",
        "impact-likelihood-4x4",
        "--out",
        &c,
    ]);
    assert!(ok(&["validate", &c]).contains("impact-likelihood-4x4"));
}

#[test]
fn fmt_checks_and_rewrites() {
    ok(&["fmt", "--check", PLYMOUTH, PETERBOROUGH]);
    let dir = temp();
    let text = std::fs::read_to_string(PETERBOROUGH)
        .expect("read")
        .replace("    ", "  ");
    let p = write(dir.path(), "messy.ron", &text);
    let p = p.to_str().expect("utf8");
    fails(&["fmt", "--check", p]);
    assert_eq!(
        std::fs::read_to_string(p).expect("read"),
        text,
        "--check changes nothing"
    );
    ok(&["fmt", p]);
    ok(&["fmt", "--check", p]);
}

#[test]
fn help_is_useful_and_screenshot_options_are_checked() {
    let top = ok(&["--help"]);
    assert!(
        top.contains("--screenshot") && top.contains("open in the app"),
        "{top}"
    );
    // Bad sizes and options without --screenshot are refused before any window opens.
    for args in [
        vec!["--screenshot", "x.png", "--size", "10x10"],
        vec!["--screenshot", "x.png", "--size", "wide"],
        vec!["--size", "800x600"],
    ] {
        let out = trh(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    for cmd in [
        "rank", "explain", "validate", "import", "methods", "generate", "fmt",
    ] {
        let help = ok(&[cmd, "--help"]);
        assert!(help.contains("Usage: trh"), "{cmd}: {help}");
    }
    assert!(ok(&["rank", "--help"]).contains("Ties"));
}

#[test]
fn export_diff_and_xlsx_import_from_the_command_line() {
    let dir = temp();
    let path = |name: &str| dir.path().join(name).to_str().expect("utf8").to_owned();
    for format in ["csv", "xlsx", "md", "html", "png", "svg"] {
        let out = path(&format!("p.{format}"));
        let o = trh(&["export", PLYMOUTH, "--format", format, "--out", &out]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(
            std::fs::metadata(&out).expect("written").len() > 500,
            "{format}"
        );
    }
    let err = fails(&[
        "export",
        PLYMOUTH,
        "--format",
        "png",
        "--chart",
        "votes",
        "--out",
        &path("v.png"),
    ]);
    assert!(err.contains("--theme"), "{err}");
    // The projector look is a different picture of the same chart.
    let dark = path("p-projector.png");
    ok(&[
        "export",
        PLYMOUTH,
        "--format",
        "png",
        "--look",
        "projector",
        "--out",
        &dark,
    ]);
    assert_ne!(
        std::fs::read(&dark).expect("written"),
        std::fs::read(path("p.png")).expect("written")
    );
    // The workbook comes back through `trh import`.
    let back = path("back.ron");
    ok(&[
        "import",
        &path("p.xlsx"),
        "--method",
        "morile-style",
        "--out",
        &back,
    ]);
    let ranked = ok(&["rank", &back, "--format", "csv"]);
    assert!(
        ranked.contains("1,Domestic abuse and sexual violence,19,7,133,Very high"),
        "{ranked}"
    );
    let table = ok(&[
        "diff",
        PETERBOROUGH,
        PLYMOUTH,
        "--chart",
        &path("slope.svg"),
    ]);
    assert!(table.contains("METHOD CHANGED"), "{table}");
    assert!(
        table.contains("renamed (was Anti-social behaviour)"),
        "{table}"
    );
    let svg = std::fs::read_to_string(path("slope.svg")).expect("chart written");
    assert!(svg.contains("Rank movement"));
    let json = ok(&["diff", PLYMOUTH, PLYMOUTH, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(v["method_change"].is_null());
}

/// `trh stability`: CSV with the header the issue names first, the same figures for the same
/// seed, the seed and runs exported, and intervals on the sample that do not all collapse
/// (nearly every voted factor there is agreed; the room's spread still shows).
#[test]
fn stability_prints_reproducible_intervals_with_their_seed() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scorecards/plymouth-style-2018.ron"
    );
    let args = [
        "stability",
        file,
        "--runs",
        "800",
        "--seed",
        "3",
        "--format",
        "csv",
    ];
    let one = trh(&args);
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    let text = String::from_utf8_lossy(&one.stdout).into_owned();
    let header = text.lines().next().expect("header");
    assert!(
        header.starts_with("rank,theme,median_rank,rank_p5,rank_p95,p_top"),
        "{header}"
    );
    assert!(header.ends_with("runs,seed,marking"), "{header}");
    assert_eq!(
        trh(&args).stdout,
        one.stdout,
        "the same seed, the same figures"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 13);
    let wide = rows.iter().filter(|r| r[3] != r[4]).count();
    assert!(wide > 0, "some intervals have width on the sample");
    for r in &rows {
        let p: f64 = r[5].parse().expect("p_top");
        assert!((0.0..=1.0).contains(&p));
        assert_eq!((&r[9], &r[8]), ("3", "800"));
        assert_eq!(&r[10], "OFFICIAL");
    }
    let json = trh(&["stability", file, "--runs", "200", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["stability"]["runs"], 200);
    assert_eq!(v["stability"]["centre"], "around-agreed");
    assert_eq!(v["marking"], "OFFICIAL");
}

#[test]
fn close_calls_prints_checked_sentences_in_three_formats() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scorecards/plymouth-style-2018.ron"
    );
    let card = trh::file::load_scorecard(std::path::Path::new(file)).expect("sample");
    let calls = trh::model::close_calls::close_calls(&card, 7);
    let table = trh(&["close-calls", file]);
    assert!(
        table.status.success(),
        "{}",
        String::from_utf8_lossy(&table.stderr)
    );
    let table = String::from_utf8_lossy(&table.stdout).into_owned();
    assert!(
        table.starts_with("OFFICIAL · close calls for the top 7"),
        "{table}"
    );
    for c in calls.calls.iter().filter(|c| c.close) {
        assert!(
            table.contains(&format!("- {}\n", c.sentence)),
            "{}",
            c.sentence
        );
    }
    let md = trh(&["close-calls", file, "--format", "md", "--top", "3"]);
    let md = String::from_utf8_lossy(&md.stdout).into_owned();
    assert!(
        md.starts_with("**OFFICIAL**\n\n## Close calls (top 3)"),
        "{md}"
    );
    let json = trh(&["close-calls", file, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["marking"], "OFFICIAL");
    assert_eq!(v["close_calls"]["top"], 7);
    assert_eq!(
        v["close_calls"]["calls"].as_array().map(Vec::len),
        Some(calls.calls.len())
    );
}

#[test]
fn rank_json_carries_stability_columns_when_asked() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scorecards/plymouth-style-2018.ron"
    );
    let out = trh(&["rank", file, "--format", "json", "--stability"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["stability"]["runs"], 2000);
    assert_eq!(v["stability"]["seed"], 1);
    let rows = v["rows"].as_array().expect("rows");
    for r in rows {
        let p = r["stability"]["p_top"].as_f64().expect("p_top");
        assert!((0.0..=1.0).contains(&p), "{r}");
        assert!(r["stability"]["badge"].is_string(), "{r}");
    }
    assert!(!v["close_calls"].as_array().expect("calls").is_empty());
    // Without --stability the JSON is as before; with a table it is refused plainly.
    let plain = trh(&["rank", file, "--format", "json"]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("json");
    assert!(plain.get("stability").is_none());
    let table = trh(&["rank", file, "--stability"]);
    assert!(!table.status.success());
    assert!(String::from_utf8_lossy(&table.stderr).contains("--format json only"));
}
