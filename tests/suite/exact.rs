//! Scores as the paper writes them: a weighted sum of decimal scores gives exactly the
//! paper's decimal answer, and themes whose exact risks are equal are ordered by the
//! documented tie rule (harm, then likelihood, then name), never by rounding error.

use proptest::prelude::*;
use trh::file::parse_method;
use trh::import::from_csv;
use trh::model::method::Method;
use trh::model::rank;

/// A value in hundredths as the paper writes it: 540 → "5.40".
fn dec(hundredths: u32) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// A method over three one-factor sections (harm, likelihood, concern), each factor's levels
/// the values the themes use (code `v<hundredths>`, those points), risk weighted by
/// `weights` (hundredths).
fn method(themes: &[[u32; 3]], weights: [u32; 3]) -> Method {
    let levels = |i: usize| {
        let mut v: Vec<u32> = themes.iter().map(|t| t[i]).collect();
        v.sort_unstable();
        v.dedup();
        v.iter()
            .map(|h| {
                format!(
                    "Level(code: \"v{h}\", label: \"{}\", points: {}),",
                    dec(*h),
                    dec(*h)
                )
            })
            .collect::<String>()
    };
    let text = format!(
        r#"Method(format: 2, id: "paper", name: "A paper", version: "1", provenance: "test",
    sections: [
        Section(kind: Harm, label: "Harm", factors: [
            Factor(id: "h", label: "Harm score", scale: Levels([{}]))]),
        Section(kind: Likelihood, label: "Likelihood", factors: [
            Factor(id: "l", label: "Likelihood score", scale: Levels([{}]))]),
        Section(kind: Other, id: "concern", label: "Public concern", factors: [
            Factor(id: "c", label: "Concern score", scale: Levels([{}]))]),
    ],
    risk: Weighted([("harm", {}), ("likelihood", {}), ("concern", {})]),
    bands: [
        Band(id: "low", label: "Low", letter: "L", below: 4),
        Band(id: "medium", label: "Medium", letter: "M", from: 4, below: 7),
        Band(id: "high", label: "High", letter: "H", from: 7),
    ],
    outcomes: [Outcome(id: "p", label: "Priority", suggests: Adopt)],
    lookup: [LookupRule(bands: ["low", "medium", "high"], grades: Any, outcome: "p")],
)"#,
        levels(0),
        levels(1),
        levels(2),
        dec(weights[0]),
        dec(weights[1]),
        dec(weights[2]),
    );
    parse_method(&text, std::path::Path::new("paper.ron")).unwrap_or_else(|e| panic!("{e}"))
}

/// Ranks `themes` (named T00, T01, …) under `weights`; checks each risk against the exact
/// decimal and the order against the tie rule. Returns how many themes shared a risk.
fn check(themes: &[[u32; 3]], weights: [u32; 3]) -> usize {
    let m = method(themes, weights);
    let mut csv = "theme,h,l,c\n".to_owned();
    for (i, t) in themes.iter().enumerate() {
        csv.push_str(&format!("T{i:02},v{},v{},v{}\n", t[0], t[1], t[2]));
    }
    let card = from_csv(csv.as_bytes(), &m, "Paper", "paper.csv").expect("imports");
    let ranking = rank(&card);
    // The exact risk, in ten-thousandths: integers, no rounding anywhere.
    let exact = |t: &[u32; 3]| -> u64 {
        (0..3)
            .map(|i| u64::from(t[i]) * u64::from(weights[i]))
            .sum()
    };
    let as_decimal = |q: u64| -> f64 {
        format!("{}.{:04}", q / 10_000, q % 10_000)
            .parse()
            .expect("decimal")
    };
    for (i, t) in themes.iter().enumerate() {
        let row = ranking
            .rows
            .iter()
            .find(|r| r.name == format!("T{i:02}"))
            .expect("ranked");
        assert_eq!(
            row.risk,
            Some(as_decimal(exact(t))),
            "T{i:02} {t:?} weights {weights:?}"
        );
    }
    let mut expected: Vec<usize> = (0..themes.len()).collect();
    expected.sort_by(|&a, &b| {
        let (ta, tb) = (&themes[a], &themes[b]);
        exact(tb)
            .cmp(&exact(ta))
            .then(tb[0].cmp(&ta[0]))
            .then(tb[1].cmp(&ta[1]))
            .then(a.cmp(&b))
    });
    let order: Vec<String> = ranking.rows.iter().map(|r| r.name.clone()).collect();
    let want: Vec<String> = expected.iter().map(|i| format!("T{i:02}")).collect();
    assert_eq!(order, want, "themes {themes:?} weights {weights:?}");
    let mut risks: Vec<u64> = themes.iter().map(exact).collect();
    risks.sort_unstable();
    risks.windows(2).filter(|w| w[0] == w[1]).count()
}

#[test]
fn the_papers_equal_risks_are_ties_ordered_by_harm() {
    // 5.4/8.4/8.9, 7/7/7 and 5.1/9.1/8.6 are all exactly 7 under 0.5/0.3/0.2.
    let themes = [[540, 840, 890], [700, 700, 700], [510, 910, 860]];
    assert_eq!(check(&themes, [50, 30, 20]), 2);
    let m = method(&themes, [50, 30, 20]);
    let csv = "theme,h,l,c\nA,v540,v840,v890\nB,v700,v700,v700\nC,v510,v910,v860\n";
    let card = from_csv(csv.as_bytes(), &m, "Paper", "paper.csv").expect("imports");
    let ranking = rank(&card);
    let names: Vec<&str> = ranking.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["B", "A", "C"], "7/7/7 first, then by harm");
    let ranks: Vec<Option<u32>> = ranking.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [Some(1), Some(2), Some(3)], "harm breaks the tie");
    let json = trh::report::json_text(&ranking.rows[0]).expect("json");
    assert!(json.contains("\"risk\": 7,"), "{json}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Scores and weights with up to 2 decimal places (0.00–10.00, 0.00–1.00).
    #[test]
    fn a_weighted_sum_of_decimals_is_the_exact_decimal(
        themes in prop::collection::vec(prop::array::uniform3(0_u32..=1000), 2..12),
        weights in prop::array::uniform3(0_u32..=100),
    ) {
        check(&themes, weights);
    }

    /// Tenths from a small range, so many themes tie exactly with different scores.
    #[test]
    fn equal_exact_risks_are_ordered_by_the_tie_rule_alone(
        themes in prop::collection::vec(prop::array::uniform3((0_u32..=12).prop_map(|t| t * 10)), 4..16),
        weights in prop::array::uniform3((0_u32..=5).prop_map(|t| t * 10)),
    ) {
        check(&themes, weights);
    }
}

/// The resampled runs use the same rule: the paper's three risks of exactly 7 tie in every
/// run and are ordered by harm there too, so the stability ranks are the ranking's.
#[test]
fn a_tie_in_a_resampled_run_is_a_tie() {
    let themes = [[540, 840, 890], [700, 700, 700], [510, 910, 860]];
    let m = method(&themes, [50, 30, 20]);
    let csv = "theme,h,l,c\nA,v540,v840,v890\nB,v700,v700,v700\nC,v510,v910,v860\n";
    let card = from_csv(csv.as_bytes(), &m, "Paper", "paper.csv").expect("imports");
    let options = trh::model::stability::Options {
        runs: 200,
        seed: 1,
        top: 1,
        centre: trh::model::stability::Centre::AroundAgreed,
        confidence_widens: false,
    };
    let s = trh::model::stability::stability(&card, &options);
    let ranks: Vec<(&str, Option<u32>, Option<u32>, f64)> = s
        .themes
        .iter()
        .map(|t| (t.name.as_str(), t.rank_p5, t.rank_p95, t.p_top))
        .collect();
    let mut ranks = ranks;
    ranks.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(
        ranks,
        [
            ("A", Some(2), Some(2), 0.0),
            ("B", Some(1), Some(1), 1.0),
            ("C", Some(3), Some(3), 0.0),
        ]
    );
}
