//! Files written with format 1 (kept in `tests/fixtures/format-1/` exactly as trh wrote them
//! before format 2) still load and rank exactly as the shipped, upgraded files do; `trh fmt`
//! upgrades them, and `trh diff` sees no method change in an upgrade.

use std::path::{Path, PathBuf};
use std::process::Command;

use trh::file::{load_method, load_scorecard};
use trh::model::diff::diff;
use trh::model::method::METHOD_FORMAT;
use trh::model::rank;
use trh::report::json_text;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/format-1").join(name)
}

const SCORECARDS: [&str; 2] = ["plymouth-style-2018.ron", "peterborough-style-2016.ron"];
const METHODS: [&str; 3] = [
    "morile-style.ron",
    "probability-harm.ron",
    "impact-likelihood-4x4.ron",
];

fn trh(args: &[&Path]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_trh"))
        .args(args)
        .output()
        .expect("run trh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn format_1_scorecards_rank_exactly_as_before() {
    for name in SCORECARDS {
        let old = load_scorecard(&fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(old.method.format, 1, "{name} is a format-1 file");
        let shipped =
            load_scorecard(&root().join("scorecards").join(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(shipped.method.format, METHOD_FORMAT);
        let (a, b) = (rank(&old), rank(&shipped));
        assert_eq!(
            json_text(&a).expect("json"),
            json_text(&b).expect("json"),
            "{name}: the same scores rank the same"
        );
        assert!(!a.rows.is_empty());
        let d = diff(&old, &shipped);
        assert!(
            d.method_change.is_none(),
            "{name}: an upgrade is no method change"
        );
        assert!(d.themes.iter().all(|t| t.old_rank == t.new_rank));
    }
}

#[test]
fn format_1_methods_load_and_trh_fmt_upgrades_only_the_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in METHODS {
        let old = load_method(&fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(old.format, 1);
        let copy = dir.path().join(name);
        std::fs::copy(fixture(name), &copy).expect("copy");
        trh(&[Path::new("fmt"), &copy]);
        let before = std::fs::read_to_string(fixture(name)).expect("read");
        let after = std::fs::read_to_string(&copy).expect("read");
        let changed: Vec<(&str, &str)> = before
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(changed.len(), 1, "{name}: {changed:?}");
        assert_eq!(changed[0].1.trim(), format!("format: {METHOD_FORMAT},"));
        assert!(after.contains("// "), "{name}: comments kept");
        let upgraded = load_method(&copy).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            upgraded,
            trh::model::method::Method {
                format: METHOD_FORMAT,
                ..old
            }
        );
        // The shipped method is the upgraded one, plus (format 3) the data rules that
        // suggest levels from the partnership's data, which change no score.
        let shipped_path = root().join("assets/methods").join(name);
        let mut shipped = load_method(&shipped_path).unwrap_or_else(|e| panic!("{e}"));
        let has_rules = shipped
            .sections
            .iter()
            .flat_map(|s| &s.factors)
            .any(|f| f.data.is_some());
        for f in shipped.sections.iter_mut().flat_map(|s| &mut s.factors) {
            f.data = None;
        }
        assert_eq!(
            shipped, upgraded,
            "{name}: the shipped method scores as the upgraded one"
        );
        if !has_rules {
            assert_eq!(
                after,
                std::fs::read_to_string(&shipped_path).expect("read"),
                "{name}: the shipped method is the upgraded one"
            );
        }
    }
}

#[test]
fn trh_fmt_upgrades_a_format_1_scorecard_and_its_ranking_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = SCORECARDS[0];
    let copy = dir.path().join(name);
    std::fs::copy(fixture(name), &copy).expect("copy");
    let rank_arg = Path::new("rank");
    let before = trh(&[rank_arg, &copy]);
    trh(&[Path::new("fmt"), &copy]);
    assert_eq!(trh(&[rank_arg, &copy]), before);
    let text = std::fs::read_to_string(&copy).expect("read");
    assert!(text.contains(&format!("format: {METHOD_FORMAT},")));
    let diff_out = trh(&[Path::new("diff"), &fixture(name), &copy]);
    assert!(
        !diff_out.to_lowercase().contains("method changed"),
        "{diff_out}"
    );
}

#[test]
fn a_method_edited_under_the_same_version_is_a_method_change() {
    let old = load_scorecard(&fixture(SCORECARDS[0])).unwrap_or_else(|e| panic!("{e}"));
    let mut new = old.clone();
    let mut method = (*new.method).clone();
    method.bands[0].label = "Lower".into();
    new.method = std::sync::Arc::new(method);
    let change = diff(&old, &new).method_change.expect("a change");
    assert!(
        change
            .new
            .contains("same id and version, different content"),
        "{}",
        change.new
    );
}
