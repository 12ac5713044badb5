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
    let stability = crate::document::Figures::of(&card, 7).stability;
    for kind in ChartKind::ALL {
        let img = render_rgb(
            &Figure::Chart {
                kind,
                ranking: &ranking,
                method: &card.method,
                stability: Some(&stability),
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
            stability: None,
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
            stability: None,
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
            stability: None,
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
            stability: None,
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
            stability: None,
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
        (0..19).map(|k| points::fan_offset(k, 10)).collect();
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

/// The rank acceptability chart before its figures are worked out says so and marks nothing;
/// with them, each row is darkest at the rank the theme took most often and unshaded where it
/// never ranked.
#[test]
fn the_rank_acceptability_chart_shades_where_each_theme_ranked() {
    let (card, ranking) = sample(PLYMOUTH);
    let figure = |stability| Figure::Chart {
        kind: ChartKind::Acceptability,
        ranking: &ranking,
        method: &card.method,
        stability,
    };
    let none = render_rgb(&figure(None), &options(7), (800, 600)).expect("draws");
    assert!(none.marks.is_empty());
    let st = crate::document::Figures::of(&card, 7).stability;
    let (w, h) = (1600_u32, 900_u32);
    let img = render_rgb(&figure(Some(&st)), &options(7), (w, h)).expect("draws");
    let ranked: Vec<_> = st.themes.iter().filter(|t| t.rank.is_some()).collect();
    assert_eq!(img.marks.len(), ranked.len());
    let n = ranked.len();
    // Each mark spans the name column (300 px at this size and scale) and the rank columns.
    let name_w = (f64::from(w) * 0.3).min(300.0) as f32;
    let brightness = |x: f32, y: f32| {
        let i = (y as usize * w as usize + x as usize) * 3;
        u32::from(img.rgb[i]) + u32::from(img.rgb[i + 1]) + u32::from(img.rgb[i + 2])
    };
    for (m, t) in img.marks.iter().zip(&ranked) {
        assert_eq!(m.theme, t.id);
        let [left, top, right, bottom] = m.rect;
        let plot_left = left + name_w;
        let col = (right - plot_left) / n as f32;
        // A quarter into the cell, clear of the outline drawn round the point rank.
        let at = |r: usize| {
            brightness(
                plot_left + col * (r as f32 + 0.25),
                (top + bottom) / 2.0 + 2.0,
            )
        };
        let modal = (0..n).max_by_key(|&r| t.rank_counts[r]).expect("ranks");
        let darkest = (0..n).min_by_key(|&r| at(r)).expect("ranks");
        assert_eq!(darkest, modal, "{}", t.name);
        if let Some(never) = (0..n).find(|&r| t.rank_counts[r] == 0) {
            assert_eq!(
                at(never),
                255 * 3,
                "{}: rank {} is not shaded",
                t.name,
                never + 1
            );
        }
    }
}

/// The risk matrix keys its band colours ("Ground: band" and each band's name), and a name
/// is drawn whole where there is room for it: on a 1600-pixel picture "Domestic abuse and
/// sexual violence" used to be cut to 28 characters with room to spare.
#[test]
fn the_matrix_keys_its_bands_and_names_are_cut_only_when_they_must_be() {
    let (card, ranking) = sample(PLYMOUTH);
    let figure = |kind| Figure::Chart {
        kind,
        ranking: &ranking,
        method: &card.method,
        stability: None,
    };
    let svg = render_svg(&figure(ChartKind::RiskMatrix), &options(7), (1600, 900)).expect("draws");
    assert!(svg.contains("Ground: band"));
    for band in &card.method.bands {
        assert!(
            svg.contains(&format!("\n{}\n", band.label)),
            "{} keyed",
            band.label
        );
    }
    for kind in [ChartKind::RiskMatrix, ChartKind::PositionRisk] {
        let svg = render_svg(&figure(kind), &options(7), (1600, 900)).expect("draws");
        assert!(
            svg.contains("\nDomestic abuse and sexual violence\n"),
            "{kind:?}: the whole name"
        );
    }
}

/// The ranked chart's name column is as wide as its names need (up to 40 % of the picture):
/// at twice the scale, as the PDF draws it, "1. Domestic abuse and sexual violence" used to
/// be cut to "…viol…" with the bars' side half empty.
#[test]
fn ranked_names_are_whole_where_the_picture_has_room() {
    let (card, ranking) = sample(PLYMOUTH);
    let mut o = options(7);
    o.scale = 2.0;
    let figure = Figure::Chart {
        kind: ChartKind::RankedBar,
        ranking: &ranking,
        method: &card.method,
        stability: None,
    };
    let svg = render_svg(&figure, &o, (1600, 1400)).expect("draws");
    for row in &ranking.rows {
        let label = format!("\n{}. {}\n", row.rank.expect("ranked"), row.name);
        assert!(svg.contains(&label), "{} whole", row.name);
    }
}
