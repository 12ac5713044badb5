//! The recipes of `docs/method-format.md`: each is a complete method file that loads, ranks
//! a small scorecard as its paper says, and explains how. The doc must show each file as it is.

use std::path::Path;

use trh::file::parse_method;
use trh::import::from_csv;
use trh::model::method::Method;
use trh::model::ranking::{RankedTheme, Ranking};
use trh::model::{Scorecard, rank};
use trh::report::explain::explain;
use trh::report::row::flags;

const DOC: &str = include_str!("../../docs/method-format.md");

fn recipe(file: &str) -> Method {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/recipes")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(
        DOC.contains(text.trim()),
        "docs/method-format.md does not show {file} as it is"
    );
    parse_method(&text, &path).unwrap_or_else(|e| panic!("{e}"))
}

fn scored(method: &Method, csv: &str) -> (Scorecard, Ranking) {
    let card = from_csv(csv.as_bytes(), method, "Recipe", "recipe.csv")
        .unwrap_or_else(|e| panic!("{e:?}"));
    let ranking = rank(&card);
    (card, ranking)
}

fn row<'a>(ranking: &'a Ranking, name: &str) -> &'a RankedTheme {
    ranking
        .rows
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no theme {name}"))
}

/// (name, band label, outcome label) in rank order.
fn table(ranking: &Ranking) -> Vec<(String, String, String)> {
    ranking
        .rows
        .iter()
        .map(|r| {
            (
                r.name.clone(),
                r.band
                    .as_ref()
                    .map_or(String::new(), |b| b.label.to_string()),
                r.outcome
                    .as_ref()
                    .map_or(String::new(), |o| o.label.to_string()),
            )
        })
        .collect()
}

fn owned(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn a_cell_grid_grades_by_cell_not_by_product() {
    let m = recipe("cell-grid.ron");
    // Impact 4 × likelihood 1 and impact 1 × likelihood 4 have the same product (4) but
    // different cells; levels are given by code, by label, and by number.
    let csv = "theme,impact,likelihood\nDomestic abuse,4,1\nShoplifting,1,4\nKnife crime,3,2\nFraud,Major,Likely\nGraffiti,Minor,Unlikely\n";
    let (card, ranking) = scored(&m, csv);
    assert_eq!(
        table(&ranking),
        owned(&[
            ("Fraud", "A", "Priority"),
            ("Domestic abuse", "B", "Priority"),
            ("Knife crime", "B", "Priority"),
            ("Shoplifting", "C", "Monitor"),
            ("Graffiti", "D", "No further action"),
        ])
    );
    let knife = row(&ranking, "Knife crime");
    let text = explain(&card, &ranking, knife);
    assert!(
        text.contains(
            "Risk grade: row impact 3, column likelihood 2 → grade B (3rd of 4 grades, counting from the lowest; themes in one grade are ordered by impact, then by likelihood)"
        ),
        "{text}"
    );
    // In the paper's words: the grade is the outcome's key, and there is no position grade.
    assert!(
        text.contains("Outcome: lookup (grade B) → Priority"),
        "{text}"
    );
    assert!(
        text.contains("Method: Priority grid A–D, version 1 ("),
        "{text}"
    );
    // Within grade B, impact 4 comes before impact 3.
    assert!(
        row(&ranking, "Domestic abuse").rank < knife.rank,
        "tie-break by impact"
    );
}

#[test]
fn a_weighted_sum_over_three_terms_shows_each_term() {
    let m = recipe("weighted-three-terms.ron");
    let csv = "theme,physical,psychological,frequency,survey\nDomestic abuse,4,5,4,M\nAnti-social behaviour,1,2,5,High\nBurglary,2,3,3,3\nCycle theft,0,1,2,L\n";
    let (card, ranking) = scored(&m, csv);
    let risks: Vec<(String, f64)> = ranking
        .rows
        .iter()
        .map(|r| {
            (
                r.name.clone(),
                (r.risk.unwrap_or(f64::NAN) * 10.0).round() / 10.0,
            )
        })
        .collect();
    assert_eq!(
        risks,
        vec![
            ("Domestic abuse".to_owned(), 6.3),
            ("Burglary".to_owned(), 4.0),
            ("Anti-social behaviour".to_owned(), 4.0),
            ("Cycle theft".to_owned(), 1.3),
        ]
    );
    assert_eq!(
        table(&ranking)[0],
        ("Domestic abuse".into(), "High".into(), "Priority".into())
    );
    // The harm column is harm alone, not harm mixed with concern.
    assert_eq!(row(&ranking, "Burglary").harm, Some(5.0));
    let text = explain(&card, &ranking, row(&ranking, "Burglary"));
    assert!(
        text.contains(
            "Risk = 0.5 × harm + 0.3 × likelihood + 0.2 × concern = 0.5 × 5 + 0.3 × 3 + 0.2 × 3 = 2.5 + 0.9 + 0.6 = 4 → band Medium (3 to below 5)"
        ),
        "{text}"
    );
    assert!(text.contains("Public concern\n"), "{text}");
}

#[test]
fn half_open_bands_are_read_as_the_paper_writes_them() {
    let m = recipe("half-open-bands.ron");
    // 0.6 × 2 + 0.4 × 7 is 4 and 0.6 × 9 + 0.4 × 4 is 7 (in floating point 1.2 + 2.8 and
    // 5.4 + 1.6, a hair over 7): each starts the band above, as the paper says.
    let csv = "theme,harm,likelihood\nA,2,7\nB,5,5\nC,10,5\nD,3,3\nE,9,4\n";
    let (card, ranking) = scored(&m, csv);
    assert_eq!(
        table(&ranking),
        owned(&[
            ("C", "High", "Priority"),
            ("E", "High", "Priority"),
            ("B", "Medium", "Monitor"),
            ("A", "Medium", "Monitor"),
            ("D", "Low", "No further action"),
        ])
    );
    let text = explain(&card, &ranking, row(&ranking, "E"));
    assert!(
        text.contains("= 5.4 + 1.6 = 7 → band High (7 or more)"),
        "{text}"
    );
    let text = explain(&card, &ranking, row(&ranking, "A"));
    assert!(text.contains("= 4 → band Medium (4 to below 7)"), "{text}");
    let text = explain(&card, &ranking, row(&ranking, "D"));
    assert!(text.contains("→ band Low (below 4)"), "{text}");
}

#[test]
fn an_intelligence_gap_and_an_unscored_position() {
    let m = recipe("intelligence-gap.ron");
    let csv = "theme,harm,probability,confidence,position.capacity,position.capability\n\
        Modern slavery,5,4,L,1,2\n\
        Domestic abuse,5,5,H,3,4\n\
        County lines,4,4,M,,\n\
        Graffiti,1,2,H,,\n\
        Cycle theft,2,2,M,4,4\n";
    let (card, ranking) = scored(&m, csv);
    let slavery = row(&ranking, "Modern slavery");
    assert!(slavery.intelligence_gap, "high risk, low confidence");
    assert!(flags(slavery).contains('G'));
    assert!(!row(&ranking, "Domestic abuse").intelligence_gap);
    // Position not scored: a high or medium risk gets the Ungraded outcome...
    let lines = row(&ranking, "County lines");
    assert_eq!(
        lines.outcome.as_ref().map(|o| &*o.label),
        Some("Assess the partnership's position")
    );
    assert!(!flags(lines).contains('?'));
    // ...and a low one, which no rule covers, is flagged incomplete, never left blank.
    let graffiti = row(&ranking, "Graffiti");
    assert!(graffiti.outcome.is_none() && graffiti.position_unscored);
    assert!(flags(graffiti).contains('?'), "{}", flags(graffiti));
    let text = explain(&card, &ranking, graffiti);
    assert!(
        text.contains(
            "Outcome: incomplete — band Low, but the position is not scored yet, and the lookup gives no outcome without a grade"
        ),
        "{text}"
    );
    assert_eq!(
        row(&ranking, "Cycle theft")
            .outcome
            .as_ref()
            .map(|o| &*o.label),
        Some("Watching brief")
    );
}

#[test]
fn the_morile_style_default_is_the_last_recipe() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/methods/morile-style.ron"),
    )
    .expect("default method");
    let m = parse_method(&text, Path::new("morile-style.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert!(DOC.contains("trh method show morile-style"));
    let csv = "theme,physical,psychological,financial,community,geographic,vulnerability,frequency,trend,confidence,capacity,capability,engagement,expectation\n\
        Domestic abuse,3,4,2,2,3,4,5,2,M,2,2,3,3\n\
        Graffiti,0,1,1,2,1,0,3,1,H,3,3,3,3\n";
    let (card, ranking) = scored(&m, csv);
    let da = row(&ranking, "Domestic abuse");
    assert_eq!(
        (da.harm, da.likelihood, da.risk),
        (Some(18.0), Some(7.0), Some(126.0))
    );
    assert_eq!(da.band.as_ref().map(|b| &*b.label), Some("Very high"));
    let text = explain(&card, &ranking, da);
    assert!(
        text.contains("Risk = harm × likelihood = 18 × 7 = 126"),
        "{text}"
    );
}

#[test]
fn the_risk_matrix_background_of_a_grid_is_its_cells() {
    use trh::model::risk_rule::{Rule, grid_band_at, resolve};
    let m = recipe("cell-grid.ron");
    let Rule::Grid(g) = resolve(&m) else {
        panic!("a grid rule")
    };
    let band = |harm: f64, likelihood: f64| {
        grid_band_at(&m, &g, harm, likelihood).map(|i| m.bands[i].id.as_str())
    };
    // Same product, different cells, as the paper says; between headings, the nearest cell.
    assert_eq!(band(4.0, 1.0), Some("B"));
    assert_eq!(band(1.0, 4.0), Some("C"));
    assert_eq!(band(2.6, 1.2), Some("C"));
    assert_eq!(band(3.0, 3.0), Some("A"));
    assert_eq!(band(1.0, 1.0), Some("D"));
}

#[test]
fn the_report_shows_the_grid_as_the_paper_does() {
    use trh::export::{ExportFormat, ExportRequest, export};
    let m = recipe("cell-grid.ron");
    let (card, _) = scored(&m, "theme,impact,likelihood\nFraud,3,3\n");
    let html =
        String::from_utf8(export(&card, &ExportRequest::new(ExportFormat::Html)).expect("html"))
            .expect("utf-8");
    assert!(
        html.contains("<th>impact ↓ / likelihood →</th><th>1</th><th>2</th><th>3</th><th>4</th>"),
        "grid headings"
    );
    assert!(html.contains("<tr><th>4</th><td>B</td><td>A</td><td>A</td><td>A</td></tr>"));
    assert!(html.contains("<tr><th>1</th><td>D</td><td>D</td><td>C</td><td>C</td></tr>"));
    assert!(html.contains("The risk band is read from a grid, impact down and likelihood across"));
}

#[test]
fn weights_can_sit_on_single_factors() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/recipes/weighted-three-terms.ron"),
    )
    .expect("recipe");
    let from = r#"risk: Weighted([("harm", 0.5), ("likelihood", 0.3), ("concern", 0.2)]),"#;
    assert!(text.contains(from));
    let text = text.replacen(
        from,
        r#"risk: Weighted([("physical", 0.4), ("psychological", 0.1), ("frequency", 0.3), ("survey", 0.2)]),"#,
        1,
    );
    let m = parse_method(&text, Path::new("factor-weights.ron")).unwrap_or_else(|e| panic!("{e}"));
    let (card, ranking) = scored(
        &m,
        "theme,physical,psychological,frequency,survey\nBurglary,2,3,3,M\n",
    );
    let burglary = row(&ranking, "Burglary");
    // 0.4 × 2 + 0.1 × 3 + 0.3 × 3 + 0.2 × 3 = 0.8 + 0.3 + 0.9 + 0.6 = 2.6: Low (below 3).
    assert!((burglary.risk.expect("risk") - 2.6).abs() < 1e-9);
    let text = explain(&card, &ranking, burglary);
    assert!(
        text.contains(
            "Risk = 0.4 × physical + 0.1 × psychological + 0.3 × frequency + 0.2 × survey = 0.4 × 2 + 0.1 × 3 + 0.3 × 3 + 0.2 × 3 = 0.8 + 0.3 + 0.9 + 0.6 = 2.6 → band Low (below 3)"
        ),
        "{text}"
    );
}

/// A paper's 0–10 decimal scores, weighted: three decimal Range factors, no level lists;
/// the risks are the paper's exact decimals, equal risks tie and are ordered by harm, and
/// a value between steps is refused with the scale's words.
#[test]
fn decimal_scores_are_written_as_the_paper_does() {
    let m = recipe("weighted-decimal-scores.ron");
    let csv = "theme,harm_score,likelihood_score,concern_score\nA,5.4,8.4,8.9\nB,7,7,7\nC,5.1,9.1,8.6\nD,2.0,3.5,6.25\nE,1.5,2,0.05\n";
    let (card, ranking) = scored(&m, csv);
    let got: Vec<(&str, Option<f64>)> = ranking
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.risk))
        .collect();
    assert_eq!(
        got,
        [
            ("B", Some(7.0)),
            ("A", Some(7.0)),
            ("C", Some(7.0)),
            ("D", Some(3.3)),
            ("E", Some(1.36)),
        ],
        "exact decimals; 7/7/7 first among equal risks"
    );
    assert_eq!(
        table(&ranking)[0],
        ("B".into(), "High".into(), "Priority".into())
    );
    let text = explain(&card, &ranking, row(&ranking, "D"));
    assert!(
        text.contains(
            "= 0.5 × 2 + 0.3 × 3.5 + 0.2 × 6.25 = 1 + 1.05 + 1.25 = 3.3 → band Low (below 4)"
        ),
        "{text}"
    );
    let json = trh::report::json_text(&ranking.rows).expect("json");
    assert!(
        json.contains("\"risk\": 7,") && json.contains("\"risk\": 3.3,"),
        "{json}"
    );
    // Stored as written, read back the same.
    let harm = &card.themes[0].scores[&trh::model::FactorId::from("harm_score")];
    let f = m.factors().next().expect("harm").1;
    assert_eq!(f.scale.code(harm.draft.expect("draft")), "5.4");
    // Between steps, or off the scale: refused, in the scale's words.
    let bad = "theme,harm_score,likelihood_score,concern_score\nX,6.33,1,1\n";
    let err = format!(
        "{:?}",
        from_csv(bad.as_bytes(), &m, "Recipe", "recipe.csv").expect_err("refused")
    );
    assert!(
        err.contains("\\\"6.33\\\" is not a number from 0 to 10 in steps of 0.1"),
        "{err}"
    );
    let bad = "theme,harm_score,likelihood_score,concern_score\nX,10.1,1,1\n";
    let err = format!(
        "{:?}",
        from_csv(bad.as_bytes(), &m, "Recipe", "recipe.csv").expect_err("refused")
    );
    assert!(err.contains("in steps of 0.1"), "{err}");
}

/// Votes on a decimal range: the median is a value of the scale, and votes are contested by
/// value distance (1 point here), not by steps: 6.1 and 6.3 are 2 steps but 0.2 apart.
#[test]
fn votes_on_a_decimal_range_are_contested_by_value() {
    let m = recipe("weighted-decimal-scores.ron");
    let scale = &m.factors().next().expect("harm").1.scale;
    let v = |t: &str| scale.parse(t).expect("on the scale");
    let close = [v("6.1"), v("6.3"), v("6.2")];
    let s = trh::model::aggregate::spread(scale, &close, m.contested_steps).expect("spread");
    assert!(!s.contested, "0.2 apart is not contested at 1 point: {s:?}");
    assert_eq!(
        trh::model::aggregate::median(scale, &close).map(|x| scale.code(x)),
        Some("6.2".to_owned())
    );
    let apart = [v("6.1"), v("7.1")];
    let s = trh::model::aggregate::spread(scale, &apart, m.contested_steps).expect("spread");
    assert!(s.contested, "1 point apart is contested: {s:?}");
    assert!((s.max - s.min - 1.0).abs() < 1e-9, "{s:?}");
}

/// Data rules: a range factor suggested from the rate per 1,000, a level factor from the
/// change (its middle level when the change is no more than chance), an `Other` section's
/// factor from the survey share; as docs/method-format.md says.
#[test]
fn levels_are_suggested_from_the_data_as_the_recipe_says() {
    use trh::model::evidence::{
        Evidence, Link, LinkKind, Series, SurveyItem, figures_for, suggest,
    };
    let m = recipe("data-rules.ron");
    let first = trh::model::evidence::Month::parse("2015-12").expect("month");
    let series = |a: u64, b: u64| {
        let mut s = Series::default();
        for i in 0..24 {
            let m = first.plus(i);
            s.covered.insert(m);
            // a a year, then b, spread evenly with the remainder in the first months.
            let (total, k) = if i < 12 { (a, i) } else { (b, i - 12) };
            let n = total / 12 + u64::from((k as u64) < total % 12);
            s.months.insert(m, n);
        }
        s
    };
    let mut ev = Evidence {
        population: Some(264_000),
        ..Evidence::default()
    };
    ev.series
        .insert((LinkKind::Police, "Violence".into()), series(1200, 1476));
    ev.series
        .insert((LinkKind::Police, "Drugs".into()), series(120, 132));
    ev.survey.insert(
        "Litter".into(),
        SurveyItem {
            concerned: 117,
            respondents: 149,
        },
    );
    let got = |links: &[Link]| -> Vec<(String, String)> {
        suggest(&m, &figures_for(links, &ev))
            .into_iter()
            .filter_map(|(f, s)| {
                let s = s.ok()?;
                let scale = &m.factor(f.as_str())?.1.scale;
                Some((f.to_string(), scale.code(s.value)))
            })
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        got(&[Link::new(LinkKind::Police, "Violence")]),
        [pair("probability", "15"), pair("direction", "U")]
    );
    assert_eq!(
        got(&[Link::new(LinkKind::Police, "Drugs")]),
        [pair("probability", "6"), pair("direction", "F")]
    );
    assert_eq!(
        got(&[Link::new(LinkKind::Survey, "Litter")]),
        [pair("concern", "H")]
    );
}

/// The ranking board has a column for an Other section's total ("Public concern"), since the
/// risk depends on it, and it sorts like any other.
#[test]
fn the_board_shows_an_other_sections_total() {
    use egui_kittest::kittest::{By, NodeT, Queryable};
    let m = recipe("weighted-three-terms.ron");
    let csv = "theme,physical,psychological,frequency,survey\nDomestic abuse,4,5,4,M\nAnti-social behaviour,1,2,5,High\nCycle theft,0,1,2,L\n";
    let (card, _) = scored(&m, csv);
    let start = trh::app::Start::Card(Box::new(card), "recipe".into());
    let app = trh::app::TrhApp::new(crate::common::config(start, None));
    let mut h = crate::common::harness(app);
    crate::common::click(&mut h, "Ranking board");
    h.run_steps(2);
    let order = |h: &egui_kittest::Harness<'_, trh::app::TrhApp>| {
        let mut rows: Vec<(f32, String)> = h
            .query_all(By::new().role(egui::accesskit::Role::Row))
            .map(|n| {
                (
                    n.rect().top(),
                    n.accesskit_node().label().unwrap_or_default(),
                )
            })
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        rows.into_iter().map(|r| r.1).collect::<Vec<_>>()
    };
    // By rank: Domestic abuse (risk 6.3) first.
    assert_eq!(
        order(&h),
        ["Domestic abuse", "Anti-social behaviour", "Cycle theft"]
    );
    // Public concern: High 5, Medium 3, Low 1. Two clicks sort it from the highest.
    let concern = m.sections.iter().position(|s| s.label == "Public concern");
    for r in &h.state().state.doc.ranking.rows {
        let points = r.section_totals[concern.expect("section")];
        let want = match r.name.as_str() {
            "Anti-social behaviour" => 5.0,
            "Domestic abuse" => 3.0,
            _ => 1.0,
        };
        assert_eq!(points, Some(want), "{}", r.name);
    }
    for _ in 0..2 {
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Public concern")
            .hover();
        h.run_steps(1);
        crate::common::click(&mut h, "Public concern");
        h.run_steps(2);
    }
    assert_eq!(
        order(&h),
        ["Anti-social behaviour", "Domestic abuse", "Cycle theft"]
    );
}

/// The CSV and the report carry an Other section's total as a column after likelihood, as the
/// board does.
#[test]
fn exports_carry_an_other_sections_total() {
    let m = recipe("weighted-three-terms.ron");
    let csv = "theme,physical,psychological,frequency,survey\nDomestic abuse,4,5,4,M\nAnti-social behaviour,1,2,5,High\n";
    let (card, ranking) = scored(&m, csv);
    let text = trh::report::rank_table::csv(&ranking, trh::report::rank_table::Options::default())
        .expect("csv");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert!(
        header.starts_with("rank,theme,harm,likelihood,Public concern,risk,"),
        "{header}"
    );
    let asb = text
        .lines()
        .find(|l| l.contains("Anti-social behaviour"))
        .expect("row");
    let cells: Vec<&str> = asb.split(',').collect();
    assert_eq!(cells[4], "5", "{asb}");
    let mut request = trh::export::ExportRequest::new(trh::export::ExportFormat::Html);
    request.cut = card.cut();
    let html =
        String::from_utf8(trh::export::export(&card, &request).expect("html")).expect("utf8");
    assert!(html.contains("<th>Like&#173;li&#173;hood</th><th>Public concern</th><th>Risk</th>"));
}
