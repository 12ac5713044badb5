//! Chart tests: every chart draws, for every shipped sample, to pixels and to SVG, and the
//! marks it returns let a click find the theme that was drawn there.

use super::*;
use crate::chart::Palette;
use crate::look::Look;

fn sample(text: &str) -> (crate::model::Scorecard, Ranking) {
    let card = crate::file::parse_scorecard(text, std::path::Path::new("sample.ron"))
        .expect("sample loads");
    let ranking = crate::model::rank(&card);
    (card, ranking)
}

fn options(cut: usize) -> ChartOptions {
    ChartOptions {
        cut,
        palette: Palette::for_look(Look::Light),
        scale: 1.0,
        selected: None,
        marking: String::new(),
    }
}

const PLYMOUTH: &str = include_str!("../../scorecards/plymouth-style-2018.ron");
const PETERBOROUGH: &str = include_str!("../../scorecards/peterborough-style-2016.ron");

#[test]
fn every_chart_draws_marks_for_every_ranked_theme() {
    let (card, ranking) = sample(PLYMOUTH);
    let ranked = ranking.rows.iter().filter(|r| r.rank.is_some()).count();
    for kind in ChartKind::ALL {
        let img = render_rgb(
            &Figure::Chart {
                kind,
                ranking: &ranking,
                method: &card.method,
            },
            &options(7),
            (1600, 900),
        )
        .expect("draws");
        assert_eq!(img.rgb.len(), 1600 * 900 * 3);
        assert_eq!(img.marks.len(), ranked, "{kind:?}");
        // Not blank: a chart has many distinct colours.
        let mut colours: Vec<[u8; 3]> = img
            .rgb
            .chunks_exact(3)
            .step_by(97)
            .map(|c| [c[0], c[1], c[2]])
            .collect();
        colours.sort_unstable();
        colours.dedup();
        assert!(colours.len() > 20, "{kind:?}: {} colours", colours.len());
        // Every mark lies inside the picture, and clicking its centre finds that theme.
        for m in &img.marks {
            let [l, t, r, b] = m.rect;
            assert!(
                l < r && t < b && r <= 1600.0 && b <= 900.0,
                "{kind:?} {m:?}"
            );
            let (cx, cy) = ((l + r) / 2.0, (t + b) / 2.0);
            assert!(
                img.marks
                    .iter()
                    .any(|n| n.theme == m.theme && n.hit(cx, cy, 0.0))
            );
        }
    }
}

#[test]
fn svg_names_the_top_themes_and_the_cut_line() {
    let (card, ranking) = sample(PLYMOUTH);
    let svg = render_svg(
        &Figure::Chart {
            kind: ChartKind::RankedBar,
            ranking: &ranking,
            method: &card.method,
        },
        &options(7),
        (1200, 800),
    )
    .expect("draws");
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("cut line: top 7"));
    let first = &ranking.rows[0].name;
    assert!(svg.contains(&format!("1. {first}")), "first theme named");
    let matrix = render_svg(
        &Figure::Chart {
            kind: ChartKind::RiskMatrix,
            ranking: &ranking,
            method: &card.method,
        },
        &options(7),
        (1200, 800),
    )
    .expect("draws");
    assert!(matrix.contains("Likelihood") && matrix.contains("Harm"));
    for outcome in &card.method.outcomes {
        assert!(
            matrix.contains(&outcome.label),
            "legend names {}",
            outcome.label
        );
    }
}

#[test]
fn a_method_without_position_says_so() {
    let (card, ranking) = sample(PETERBOROUGH);
    let svg = render_svg(
        &Figure::Chart {
            kind: ChartKind::PositionRisk,
            ranking: &ranking,
            method: &card.method,
        },
        &options(5),
        (800, 600),
    )
    .expect("draws");
    assert!(svg.contains("no partnership-position section"));
    let png = render_png(
        &Figure::Chart {
            kind: ChartKind::RiskMatrix,
            ranking: &ranking,
            method: &card.method,
        },
        &options(5),
        (800, 600),
    )
    .expect("draws");
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn many_themes_draw_without_names_overlapping() {
    let method = crate::methods::builtin("morile-style").expect("shipped");
    let card = crate::generate::generate(&method, 300, 5, 3);
    let ranking = crate::model::rank(&card);
    let img = render_rgb(
        &Figure::Chart {
            kind: ChartKind::RankedBar,
            ranking: &ranking,
            method: &card.method,
        },
        &options(10),
        (800, 600),
    )
    .expect("draws");
    assert_eq!(
        img.marks.len(),
        ranking.rows.iter().filter(|r| r.rank.is_some()).count()
    );
}

#[test]
fn fan_offsets_are_distinct() {
    let offsets: std::collections::HashSet<_> =
        (0..19).map(|k| matrix::fan_offset(k, 10)).collect();
    assert_eq!(offsets.len(), 19);
}

#[test]
fn the_vote_strip_plot_shows_every_vote_the_median_and_the_agreed_value() {
    let (card, _) = sample(PLYMOUTH);
    // A theme with votes and an agreed value on some factor.
    let theme = card
        .themes
        .iter()
        .find(|t| {
            t.scores
                .values()
                .any(|s| s.agreed.is_some() && !s.votes.is_empty())
        })
        .expect("the sample has agreed, voted factors");
    let round = crate::model::workshop::latest_round(theme);
    let svg = render_svg(
        &Figure::Votes {
            card: &card,
            theme,
            round,
        },
        &options(7),
        (1200, 500),
    )
    .expect("draws");
    let votes: usize = theme
        .scores
        .values()
        .map(|s| s.round_values(round).len())
        .sum();
    assert_eq!(svg.matches("<circle").count(), votes, "one dot per vote");
    assert!(svg.contains(&format!("round {round}")));
    assert!(svg.contains("<polygon"), "the agreed value is a diamond");
    // Every factor is named (where its row of votes is), and its levels by their codes, not
    // a shared "lowest / middle / highest" axis.
    for (_, f) in card.method.factors() {
        let name = crate::chart::bar::fit(&f.label, 24).replace('&', "&amp;");
        let text = |t: &str| svg.contains(&format!("\n{t}\n</text>"));
        assert!(text(&name), "{name} is named");
        for v in f.scale.values() {
            assert!(text(&f.scale.code(v)), "{} code", f.label);
        }
    }
    for word in ["lowest", "middle", "highest"] {
        assert!(!svg.contains(&format!("\n{word}\n</text>")), "{word}");
    }
    let img = render_rgb(
        &Figure::Votes {
            card: &card,
            theme,
            round,
        },
        &options(7),
        (800, 400),
    )
    .expect("draws");
    assert_eq!(img.rgb.len(), 800 * 400 * 3);
}
