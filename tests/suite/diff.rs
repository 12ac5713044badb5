//! Year on year: `trh::model::diff` and its outputs, as `trh diff` and the app's compare tab use them.

use trh::model::Scorecard;

const PLYMOUTH: &str = include_str!("../../scorecards/plymouth-style-2018.ron");
const PETERBOROUGH: &str = include_str!("../../scorecards/peterborough-style-2016.ron");

fn sample(text: &str) -> Scorecard {
    trh::file::parse_scorecard(text, std::path::Path::new("sample.ron")).expect("sample loads")
}

#[test]
fn diff_finds_new_removed_and_renamed_themes_and_movement() {
    let old = sample(PLYMOUTH);
    let mut new = old.clone();
    new.period = "2019/20".into();
    // Renamed (same id), re-id'd (same name), removed, and new.
    std::sync::Arc::make_mut(&mut new.themes[1]).name = "Drugs and county lines".into();
    std::sync::Arc::make_mut(&mut new.themes[2]).id = trh::model::ThemeId::new("alcohol-2019");
    let removed = new.themes.remove(5);
    let mut fresh = trh::model::Theme::clone(&new.themes[0]);
    fresh.id = trh::model::ThemeId::new("knife-crime");
    fresh.name = "Knife crime".into();
    new.push_theme(fresh);
    // Move a theme: lower a harm factor on the top theme.
    let d = trh::model::diff::diff(&old, &new);
    assert!(d.method_change.is_none());
    assert_eq!(d.count("new"), 1);
    assert_eq!(d.count("removed"), 1);
    assert_eq!(d.count("renamed"), 1);
    let find = |name: &str| d.themes.iter().find(|t| t.name == name).expect(name);
    assert_eq!(find(&removed.name).status.word(), "removed");
    assert_eq!(find("Knife crime").status.word(), "new");
    let renamed = find("Drugs and county lines");
    assert_eq!(
        renamed.status,
        trh::model::diff::Status::Renamed {
            old_name: old.themes[1].name.clone()
        }
    );
    let alcohol = find(&old.themes[2].name);
    assert_eq!(alcohol.matched_by, Some(trh::model::diff::MatchedBy::Name));
    let table = trh::report::diff::render(&d, trh::report::diff::DiffFormat::Table).expect("text");
    assert!(table.contains("renamed (was"), "{table}");
    assert!(!table.contains("METHOD CHANGED"));
}

#[test]
fn diff_reports_factor_changes_with_rationale_and_rank_movement() {
    let old = sample(PLYMOUTH);
    let mut new = old.clone();
    let ranking = trh::model::rank(&old);
    let last = ranking.rows.last().expect("rows").id.clone();
    let theme = new
        .themes
        .iter_mut()
        .map(std::sync::Arc::make_mut)
        .find(|t| t.id == last)
        .expect("theme");
    // Raise every harm factor of the lowest theme to its top level, agreed with a reason.
    for section in &old.method.sections {
        if section.kind != trh::model::SectionKind::Harm {
            continue;
        }
        for f in &section.factors {
            let top = *f.scale.values().last().expect("levels");
            theme.scores.entry(f.id.clone()).or_default().agreed =
                Some(trh::model::scorecard::Agreed {
                    value: top,
                    rationale: "New evidence from the needs assessment".into(),
                });
        }
    }
    let d = trh::model::diff::diff(&old, &new);
    let t = d.themes.iter().find(|t| t.id == last).expect("matched");
    assert!(t.movement.expect("ranked in both") > 0, "moved up");
    assert!(!t.factors.is_empty());
    assert!(
        t.factors.iter().all(
            |f| f.rationale == "New evidence from the needs assessment" && f.source == "agreed"
        )
    );
    let md = trh::report::diff::render(&d, trh::report::diff::DiffFormat::Md).expect("md");
    assert!(md.contains("New evidence from the needs assessment"));
    let json = trh::report::diff::render(&d, trh::report::diff::DiffFormat::Json).expect("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json parses");
    assert!(v["themes"].as_array().expect("themes").len() == old.themes.len());
}

#[test]
fn diff_flags_a_change_of_method() {
    let d = trh::model::diff::diff(&sample(PETERBOROUGH), &sample(PLYMOUTH));
    let change = d.method_change.as_ref().expect("methods differ");
    assert!(change.old.starts_with("probability-harm") && change.new.starts_with("morile-style"));
    assert!(
        d.themes.iter().all(|t| t.band_movement.is_none()),
        "bands are not compared across methods"
    );
    let table = trh::report::diff::render(&d, trh::report::diff::DiffFormat::Table).expect("text");
    assert!(table.contains("METHOD CHANGED"), "{table}");
    // Having said bands are not compared, no band is shown as moving ("High to Very high").
    for t in &d.themes {
        let band = trh::report::diff::band_text(t);
        assert!(!band.contains(" to "), "{}: {band}", t.name);
    }
    let svg = trh::chart::render_svg(
        &trh::chart::Figure::Slope { diff: &d },
        &trh::export::chart_options(&sample(PLYMOUTH), 0),
        (1200, 800),
    )
    .expect("slope chart draws");
    assert!(svg.contains("Methods differ"));
    let both = d
        .themes
        .iter()
        .filter(|t| t.old_rank.is_some() && t.new_rank.is_some())
        .count();
    let lines = svg
        .lines()
        .filter(|l| l.starts_with("<polyline") && l.contains("stroke-width=\"3\""))
        .count();
    assert_eq!(lines, both, "a line per matched theme");
}

/// Two unnamed-then-named themes that both kept the placeholder id "new-theme" (files from
/// before ids came from names) are not the same theme: they are matched by name, not by id.
#[test]
fn placeholder_ids_never_match_themes_across_years() {
    use trh::model::diff::Status;
    let mut old = sample(PLYMOUTH);
    let mut new = sample(PLYMOUTH);
    std::sync::Arc::make_mut(&mut old.themes[0]).id = "new-theme".into();
    std::sync::Arc::make_mut(&mut old.themes[0]).name = "Fly-tipping".into();
    std::sync::Arc::make_mut(&mut new.themes[0]).id = "new-theme".into();
    std::sync::Arc::make_mut(&mut new.themes[0]).name = "Hate crime online".into();
    let d = trh::model::diff::diff(&old, &new);
    let status = |name: &str| {
        d.themes
            .iter()
            .find(|t| t.name == name)
            .map(|t| t.status.clone())
    };
    assert_eq!(status("Hate crime online"), Some(Status::New));
    assert_eq!(status("Fly-tipping"), Some(Status::Removed));
}

/// Last year's "Child sexual exploitation" (another id and name) is this year's "Child sexual
/// abuse and exploitation" only when the analyst says so: matched by hand, the link is saved
/// in this year's scorecard (format 2) and every comparison after uses it.
#[test]
fn a_theme_matched_by_hand_to_last_years_is_compared_as_one_theme() {
    let new = sample(PLYMOUTH);
    let csae = new
        .themes
        .iter()
        .find(|t| t.name == "Child sexual abuse and exploitation")
        .expect("theme")
        .id
        .clone();
    let mut old = new.clone();
    let t = old.themes.iter_mut().find(|t| t.id == csae).expect("theme");
    let t = std::sync::Arc::make_mut(t);
    t.id = trh::model::ThemeId::new("cse");
    t.name = "Child sexual exploitation".into();
    // Unmatched: one new theme and one removed.
    let d = trh::model::diff::diff(&old, &new);
    assert_eq!((d.count("new"), d.count("removed")), (1, 1));
    // Matched by hand, through the one door for changes.
    let mut matched = new.clone();
    let edit = trh::model::Edit::SetLastYear {
        theme: csae.clone(),
        last_year: Some(trh::model::ThemeId::new("cse")),
    };
    let applied = edit.apply(&mut matched).expect("applies");
    assert_eq!(applied.new, "cse");
    // Saved and read back: the link survives, in format 2.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("this-year.ron");
    trh::file::save::save_scorecard(&matched, &path).expect("saves");
    let text = std::fs::read_to_string(&path).expect("reads");
    assert!(text.contains("last_year: \"cse\""), "written");
    assert!(text.contains("version: 2"), "format 2");
    let matched = trh::file::load_scorecard(&path).expect("loads");
    let d = trh::model::diff::diff(&old, &matched);
    assert_eq!((d.count("new"), d.count("removed")), (0, 0));
    let t = d.themes.iter().find(|t| t.id == csae).expect("row");
    assert_eq!(t.matched_by, Some(trh::model::diff::MatchedBy::Hand));
    assert_eq!(
        t.status,
        trh::model::diff::Status::Renamed {
            old_name: "Child sexual exploitation".into()
        }
    );
    assert_eq!(t.old_rank, t.new_rank, "the same scores, the same rank");
}

/// Two themes tied this year (a copy of the 7th under another name) each get their own dot
/// and label on the slope chart, both saying the shared rank; before, one was drawn over the
/// other and its label dropped. Labels too long for the room beside the dot are shortened
/// with "…", never cut at the picture's edge.
#[test]
fn the_slope_chart_draws_both_of_two_tied_themes_and_fits_every_label() {
    let old = sample(PLYMOUTH);
    let mut new = old.clone();
    let seventh = trh::model::rank(&new).rows[6].id.clone();
    let mut twin = new.theme(&seventh).expect("theme").clone();
    twin.id = trh::model::ThemeId::new("twin");
    twin.name = "Twin".into();
    new.push_theme(twin);
    let d = trh::model::diff::diff(&old, &new);
    let tied: Vec<_> = d.themes.iter().filter(|t| t.new_rank == Some(7)).collect();
    assert_eq!(tied.len(), 2);
    let svg = trh::chart::render_svg(
        &trh::chart::Figure::Slope { diff: &d },
        &trh::export::chart_options(&new, 0),
        (1024, 700),
    )
    .expect("slope chart draws");
    for t in &tied {
        let label = format!("\n7 {}", trh::export::escape(&t.name));
        assert!(svg.contains(&label), "{} is labelled", t.name);
    }
    // Every right-hand label ends inside the picture (its text follows its tag's line).
    let lines: Vec<&str> = svg.lines().collect();
    let mut checked = 0;
    for (i, line) in lines.iter().enumerate() {
        let attr = |key: &str| {
            line.split(key)
                .nth(1)
                .and_then(|r| r.split('"').next())
                .and_then(|v| v.parse::<f64>().ok())
        };
        if line.starts_with("<text") && line.contains("text-anchor=\"start\"") {
            let (Some(x), Some(size)) = (attr(" x=\""), attr("font-size=\"")) else {
                continue;
            };
            let chars = lines.get(i + 1).map_or(0, |t| t.chars().count());
            // Half the size per character: an underestimate for this font, so a label that
            // fails this would certainly run off the edge.
            assert!(x + chars as f64 * size * 0.5 <= 1024.0, "{}", lines[i + 1]);
            checked += 1;
        }
    }
    assert!(checked >= 13, "right-hand labels checked: {checked}");
}
