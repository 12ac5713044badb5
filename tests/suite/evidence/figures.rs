//! Hand-worked figures and suggestions: every number here was worked out on paper from the
//! definitions in `docs/evidence.md`, not read back from trh.

use trh::model::Scorecard;
use trh::model::evidence::figures::{Call, Periods};
use trh::model::evidence::{
    Evidence, Link, LinkKind, Month, Series, SurveyItem, figures_for, suggest,
};

fn month(s: &str) -> Month {
    Month::parse(s).expect("month")
}

/// A series with `per_month[i]` in the i-th month from `first`.
fn series(first: &str, per_month: &[u64]) -> Series {
    let first = month(first);
    let mut s = Series::default();
    for (i, n) in per_month.iter().enumerate() {
        let m = first.plus(i32::try_from(i).expect("small"));
        s.covered.insert(m);
        if *n > 0 {
            s.months.insert(m, *n);
        }
    }
    s
}

fn evidence() -> Evidence {
    let mut ev = Evidence {
        population: Some(264_000),
        ..Evidence::default()
    };
    // Dec 2015 to Nov 2017: 100 a month the first year, 123 a month the second.
    let mut v = vec![100; 12];
    v.extend([123; 12]);
    ev.series.insert(
        (LinkKind::Police, "Violence and sexual offences".into()),
        series("2015-12", &v),
    );
    // A rare type: 1 a month then 2 a month (12 → 24, too few? 36 ≥ 20, so it is called).
    let mut rare = vec![1; 12];
    rare.extend([2; 12]);
    ev.series.insert(
        (LinkKind::Police, "Robbery".into()),
        series("2015-12", &rare),
    );
    // Very rare: 9 then 10 in the two years: 19 < 20, too few to call.
    let mut few = vec![0; 24];
    few[0] = 9;
    few[20] = 10;
    ev.series.insert(
        (LinkKind::Police, "Bicycle theft".into()),
        series("2015-12", &few),
    );
    ev.survey.insert(
        "Environmental crime".into(),
        SurveyItem {
            concerned: 117,
            respondents: 149,
        },
    );
    ev
}

#[test]
fn counts_change_and_rate_match_the_hand_worked_case() {
    let ev = evidence();
    let f = figures_for(
        &[Link::new(LinkKind::Police, "Violence and sexual offences")],
        &ev,
    );
    let c = f.counts.expect("counts");
    assert_eq!(
        c.periods,
        Periods::Months {
            end: month("2017-11")
        }
    );
    assert_eq!((c.last, c.before), (1476, 1200), "123 × 12 and 100 × 12");
    let ch = c.change.expect("change");
    assert_eq!(ch.number, 276);
    // 1476 / 1200 = 1.23: +23%.
    assert!((ch.percent.expect("percent") - 23.0).abs() < 1e-9);
    // Wilson for 1476 of 2676 (p = 0.551570): 0.532666 to 0.570325, so the ratio
    // p / (1 − p) runs 1.139796 to 1.327342: +13.98% to +32.73%.
    let (lo, hi) = ch.interval.expect("interval");
    assert!(
        (lo - 13.98).abs() < 0.01 && (hi - 32.73).abs() < 0.01,
        "{lo} {hi}"
    );
    assert_eq!(ch.call, Call::Rising);
    // 1476 per 264,000 residents = 5.590909… per 1,000.
    assert!((c.rate.expect("rate") - 5.590_909).abs() < 1e-6);
    assert_eq!(
        c.monthly.len(),
        24,
        "the chart starts at the first covered month"
    );
}

#[test]
fn few_counts_are_too_few_to_call_and_a_small_rise_is_not_more_than_chance() {
    let ev = evidence();
    let few = figures_for(&[Link::new(LinkKind::Police, "Bicycle theft")], &ev);
    assert_eq!(
        few.counts.expect("counts").change.expect("change").call,
        Call::TooFew
    );
    let rare = figures_for(&[Link::new(LinkKind::Police, "Robbery")], &ev);
    let ch = rare.counts.expect("counts").change.expect("change");
    // 24 against 12: +100%; Wilson for 24 of 36 gives 0.50334 to 0.79785, so the ratio runs
    // 1.01345 to 3.94691: +1.3% to +295%, just more than chance.
    assert_eq!(ch.call, Call::Rising);
    let (lo, hi) = ch.interval.expect("interval");
    assert!(
        (lo - 1.345).abs() < 0.01 && (hi - 294.69).abs() < 0.05,
        "{lo} {hi}"
    );
}

#[test]
fn linked_series_add_up_and_missing_months_are_named() {
    let mut ev = evidence();
    let mut s = series("2015-12", &[10; 24]);
    s.covered.remove(&month("2017-03"));
    s.months.remove(&month("2017-03"));
    ev.series
        .insert((LinkKind::Counts, "Council ASB".into()), s);
    let links = [
        Link::new(LinkKind::Police, "Robbery"),
        Link::new(LinkKind::Counts, "Council ASB"),
    ];
    let c = figures_for(&links, &ev).counts.expect("counts");
    assert_eq!(c.missing_last, vec![month("2017-03")]);
    assert_eq!(
        c.change, None,
        "no change is worked out on an incomplete year"
    );
    assert_eq!(c.rate, None, "nor a rate");
    // Robbery 24 + Council ASB 10 × 11 covered months in the last 12 (Mar 2017 is missing).
    assert_eq!(c.last, 24 + 110);
    assert_eq!(c.before, 12 + 120);
    let text = trh::model::evidence::text::counts(&c);
    assert!(text.contains("1 of 12 months missing, Mar 2017"), "{text}");
}

#[test]
fn years_compare_financial_years() {
    let mut ev = Evidence::default();
    let mut s = Series::default();
    s.years.extend([(2015, 80), (2016, 100)]);
    ev.series
        .insert((LinkKind::Counts, "Deliberate fires".into()), s);
    let c = figures_for(&[Link::new(LinkKind::Counts, "Deliberate fires")], &ev)
        .counts
        .expect("counts");
    assert_eq!(c.periods, Periods::Years { last: 2016 });
    assert_eq!((c.last, c.before), (100, 80));
    assert!((c.change.expect("change").percent.expect("pct") - 25.0).abs() < 1e-9);
    assert_eq!(trh::model::evidence::text::period(c.periods), "2016/17");
}

#[test]
fn survey_share_has_its_wilson_interval() {
    let ev = evidence();
    let s = figures_for(&[Link::new(LinkKind::Survey, "Environmental crime")], &ev)
        .share
        .expect("share");
    assert_eq!(
        trh::model::evidence::text::share(&s),
        "78.5% (71% to 84%) of 149 concerned"
    );
}

fn sample() -> Scorecard {
    let mut card =
        trh::file::load_scorecard(std::path::Path::new("scorecards/plymouth-style-2018.ron"))
            .expect("sample");
    card.method = std::sync::Arc::new(trh::methods::resolve("morile-style").expect("shipped"));
    card.evidence = std::sync::Arc::new(evidence());
    card
}

#[test]
fn the_shipped_rules_suggest_levels_from_the_figures() {
    let card = sample();
    let f = figures_for(
        &[Link::new(LinkKind::Police, "Violence and sexual offences")],
        &card.evidence,
    );
    let got: Vec<(String, String)> = suggest(&card.method, &f)
        .into_iter()
        .filter_map(|(id, s)| Some((id.to_string(), s.ok()?.label)))
        .collect();
    // 1,476 a year is "Constant" (from 730); +23%, more than chance, is "Rising" (below 25%).
    assert_eq!(
        got,
        [
            ("frequency".into(), "Constant".into()),
            ("trend".into(), "Rising".into())
        ]
    );
    let few = figures_for(
        &[Link::new(LinkKind::Police, "Bicycle theft")],
        &card.evidence,
    );
    let trend = suggest(&card.method, &few)
        .into_iter()
        .find(|(id, _)| id.as_str() == "trend")
        .expect("trend rule");
    assert_eq!(
        trend.1.expect_err("no trend"),
        "too few to call a trend (19 in the two years)"
    );
    let survey = figures_for(
        &[Link::new(LinkKind::Survey, "Environmental crime")],
        &card.evidence,
    );
    let exp = suggest(&card.method, &survey)
        .into_iter()
        .find(|(id, _)| id.as_str() == "expectation")
        .expect("expectation rule")
        .1
        .expect("suggested");
    // 78.5% concerned is 75% or more: "Weak" (1).
    assert_eq!(exp.label, "Weak");
    assert_eq!(exp.rule, "Weak from 75% (share concerned in per cent)");
}

#[test]
fn a_rise_within_chance_suggests_stable() {
    let mut ev = Evidence::default();
    let mut v = vec![10; 12];
    v.extend([11; 12]);
    ev.series
        .insert((LinkKind::Police, "Drugs".into()), series("2015-12", &v));
    let card = Scorecard {
        evidence: std::sync::Arc::new(ev),
        ..sample()
    };
    let f = figures_for(&[Link::new(LinkKind::Police, "Drugs")], &card.evidence);
    let trend = suggest(&card.method, &f)
        .into_iter()
        .find(|(id, _)| id.as_str() == "trend")
        .expect("trend")
        .1
        .expect("suggested");
    // 132 against 120 (+10%): Wilson for 132 of 252 spans 1, so "Stable".
    assert_eq!(trend.label, "Stable");
    assert!(
        trend.figure.contains("(-14% to +41%), no clear change"),
        "{}",
        trend.figure
    );
}

#[test]
fn each_theme_ends_at_the_latest_month_all_its_series_cover() {
    let mut ev = evidence();
    // A partner's table a month ahead of police.uk (to Dec 2017).
    ev.series.insert(
        (LinkKind::Counts, "Council ASB".into()),
        series("2016-01", &[10; 24]),
    );
    let police = figures_for(&[Link::new(LinkKind::Police, "Robbery")], &ev)
        .counts
        .expect("counts");
    assert_eq!(
        police.periods,
        Periods::Months {
            end: month("2017-11")
        },
        "police.uk ends in Nov 2017"
    );
    let table = figures_for(&[Link::new(LinkKind::Counts, "Council ASB")], &ev)
        .counts
        .expect("counts");
    assert_eq!(
        table.periods,
        Periods::Months {
            end: month("2017-12")
        }
    );
    assert!(table.missing_last.is_empty() && table.change.is_some());
    // Both linked: the last month both cover.
    let both = [
        Link::new(LinkKind::Police, "Robbery"),
        Link::new(LinkKind::Counts, "Council ASB"),
    ];
    let c = figures_for(&both, &ev).counts.expect("counts");
    assert_eq!(
        c.periods,
        Periods::Months {
            end: month("2017-11")
        }
    );
    assert!(
        c.missing_last.is_empty(),
        "no month is missing from the window"
    );
}
