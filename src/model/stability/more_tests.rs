//! More properties of the stability runs: duplicated rooms, mirror images, and the
//! confidence assumption.

use std::sync::Arc;

use super::tests::three_themes;
use super::*;
use crate::model::scorecard::{FactorScore, Participant, Vote};
use crate::model::{FactorId, Theme, Value};

fn options(runs: usize) -> Options {
    Options {
        runs,
        seed: 11,
        top: 1,
        centre: Centre::AroundAgreed,
        confidence_widens: false,
    }
}

/// Every participant twice over: the same people, each vote given again by a copy.
fn duplicated(card: &Scorecard) -> Scorecard {
    let mut out = card.clone();
    let copy = |p: &ParticipantId| ParticipantId::new(format!("{}-copy", p.as_str()));
    for p in &card.participants {
        out.participants.push(Participant {
            id: copy(&p.id),
            name: format!("{} (copy)", p.name),
            ..p.clone()
        });
    }
    for t in &mut out.themes {
        let t = Arc::make_mut(t);
        for score in t.scores.values_mut() {
            let copies: Vec<Vote> = score
                .votes
                .iter()
                .map(|v| Vote {
                    participant: copy(&v.participant),
                    ..v.clone()
                })
                .collect();
            score.votes.extend(copies);
        }
    }
    out
}

#[test]
fn duplicating_every_participant_leaves_the_median_ranks_unchanged() {
    let card = three_themes(None);
    let once = stability(&card, &options(4_000));
    let twice = stability(&duplicated(&card), &options(4_000));
    let medians = |s: &Stability| s.themes.iter().map(|t| t.median_rank).collect::<Vec<_>>();
    assert_eq!(medians(&once), medians(&twice));
    // The point ranking is the same, and the copies only narrow the room's uncertainty.
    let p = |s: &Stability| s.pairs[0].p_above;
    assert!(p(&twice) >= p(&once) - 0.02, "{} {}", p(&once), p(&twice));
}

/// Two themes scored alike by different people: Alpha's impact Major from p1–p3 and
/// Moderate from p4–p6, Bravo's the other way round, both Likely. Each comes out above the
/// other about equally often.
#[test]
fn mirror_images_come_out_above_each_other_about_equally_often() {
    let method = crate::methods::builtin("impact-likelihood-4x4").expect("shipped");
    let mut card = Scorecard::new("mirror", method);
    for i in 1..=6 {
        card.participants.push(Participant {
            id: ParticipantId::new(format!("p{i}")),
            name: format!("P{i}"),
            agency: "Council".into(),
            present: true,
        });
    }
    for (id, name, first_half) in [("a", "Alpha", 2), ("b", "Bravo", 1)] {
        let mut t = Theme::new(id, name);
        let votes = (1..=6)
            .map(|i| Vote {
                round: 1,
                participant: ParticipantId::new(format!("p{i}")),
                value: Value::Level(if i <= 3 { first_half } else { 3 - first_half }),
            })
            .collect();
        t.scores.insert(
            FactorId::from("impact"),
            FactorScore {
                votes,
                ..FactorScore::default()
            },
        );
        t.scores.insert(
            FactorId::from("likelihood"),
            FactorScore {
                draft: Some(Value::Level(2)),
                ..FactorScore::default()
            },
        );
        card.push_theme(t);
    }
    let runs = 20_000;
    let s = stability(&card, &options(runs));
    let p = s.pairs[0].p_above;
    // The sampling error of a share near ½ over 20,000 runs is about 0.0035.
    assert!((p - 0.5).abs() < 4.0 * 0.0036, "{p}");
    let (a, b) = (&s.themes[0], &s.themes[1]);
    assert!(
        (a.p_top - (1.0 - b.p_top)).abs() < 1e-9,
        "one of them is on top"
    );
}

#[test]
fn low_confidence_widens_the_interval_only_when_asked() {
    let mut card = three_themes(None);
    // Everyone agrees on Alpha's impact (Major): no room's disagreement is left.
    let a = Arc::make_mut(&mut card.themes[0]);
    for v in &mut a
        .scores
        .get_mut(&FactorId::from("impact"))
        .expect("impact")
        .votes
    {
        v.value = Value::Level(2);
    }
    // Bravo at Low confidence (the least confident level), 2 × 4 = 8 below Alpha's 9.
    let b = Arc::make_mut(&mut card.themes[1]);
    let low = card
        .method
        .confidence_factor()
        .expect("confidence")
        .scale
        .clone();
    let low = low
        .values()
        .into_iter()
        .min_by_key(|v| low.ordinal(*v))
        .expect("level");
    b.scores.insert(
        FactorId::from("confidence"),
        FactorScore {
            draft: Some(low),
            ..FactorScore::default()
        },
    );
    let off = stability(&card, &options(4_000));
    assert!(
        off.themes.iter().all(|t| t.rank_p5 == t.rank_p95),
        "no width without it"
    );
    let mut on = options(4_000);
    on.confidence_widens = true;
    let widened = stability(&card, &on);
    assert!(widened.confidence_widens);
    let bravo = widened
        .themes
        .iter()
        .find(|t| t.id.as_str() == "b")
        .expect("b");
    // Bravo's impact or likelihood one level up (3 × 4 or 2 × 4 … ) passes Alpha in some runs.
    assert!(bravo.p_top > 0.05 && bravo.p_top < 0.5, "{}", bravo.p_top);
    // Alpha has no confidence level recorded: its drafts do not move, its band never changes.
    let alpha = widened
        .themes
        .iter()
        .find(|t| t.id.as_str() == "a")
        .expect("a");
    assert_eq!(alpha.p_band, 1.0);
    // Off again, the same seed gives exactly the figures it gave before.
    assert_eq!(stability(&card, &options(4_000)), off);
}
