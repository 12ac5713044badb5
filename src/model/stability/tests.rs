use super::*;
use crate::model::scorecard::{Agreed, FactorScore, Participant, Vote};
use crate::model::{FactorId, Theme, Value};

/// Three themes under the 4×4 grid (risk = impact × likelihood) and five voters.
/// A: likelihood 3 (draft), impact voted 3, 3, 3, 2, 2 by p1..p5. B: 2 × 4 = 8 (drafts).
/// C: 1 × 1 (drafts).
pub(in crate::model) fn three_themes(agreed_a: Option<u16>) -> Scorecard {
    let method = crate::methods::builtin("impact-likelihood-4x4").expect("shipped");
    let mut card = Scorecard::new("hand-checked", method);
    for i in 1..=5 {
        card.participants.push(Participant {
            id: ParticipantId::new(format!("p{i}")),
            name: format!("P{i}"),
            agency: "Police".into(),
            present: true,
        });
    }
    let draft = |level: u16| FactorScore {
        draft: Some(Value::Level(level)),
        ..FactorScore::default()
    };
    let mut a = Theme::new("a", "Alpha");
    a.scores.insert(FactorId::from("likelihood"), draft(2));
    let votes = [2, 2, 2, 1, 1]
        .iter()
        .enumerate()
        .map(|(i, &level)| Vote {
            round: 1,
            participant: ParticipantId::new(format!("p{}", i + 1)),
            value: Value::Level(level),
        })
        .collect();
    a.scores.insert(
        FactorId::from("impact"),
        FactorScore {
            votes,
            agreed: agreed_a.map(|l| Agreed {
                value: Value::Level(l),
                rationale: "room".into(),
            }),
            ..FactorScore::default()
        },
    );
    let mut b = Theme::new("b", "Bravo");
    b.scores.insert(FactorId::from("impact"), draft(1));
    b.scores.insert(FactorId::from("likelihood"), draft(3));
    let mut c = Theme::new("c", "Charlie");
    c.scores.insert(FactorId::from("impact"), draft(0));
    c.scores.insert(FactorId::from("likelihood"), draft(0));
    for t in [a, b, c] {
        card.push_theme(t);
    }
    card
}

fn options(runs: usize, centre: Centre) -> Options {
    Options {
        runs,
        seed: 7,
        top: 1,
        centre,
        confidence_widens: false,
    }
}

fn theme<'s>(s: &'s Stability, id: &str) -> &'s ThemeStability {
    s.themes
        .iter()
        .find(|t| t.id.as_str() == id)
        .expect("theme")
}

/// By hand: with exponential weights, A's weighted median impact is 3 when the three
/// 3-voters outweigh the two 2-voters: P(Gamma(3) ≥ Gamma(2)) = P(Binomial(4, ½) ≤ 2) =
/// 11/16. Then A is 3 × 3 = 9 and above B (8); else 2 × 3 = 6 and below it. C is always last.
#[test]
fn a_hand_checked_case_matches_the_simulation_within_its_sampling_error() {
    let runs = 20_000;
    let s = stability(&three_themes(None), &options(runs, Centre::AroundAgreed));
    let p = 11.0 / 16.0;
    let tolerance = 4.0 * (p * (1.0 - p) / runs as f64).sqrt();
    let a = theme(&s, "a");
    assert!((a.p_top - p).abs() < tolerance, "{}", a.p_top);
    assert!(
        (a.p_band - p).abs() < tolerance,
        "A keeps its High band: {}",
        a.p_band
    );
    assert_eq!(
        (a.median_rank, a.rank_p5, a.rank_p95),
        (Some(1), Some(1), Some(2))
    );
    let b = theme(&s, "b");
    assert!((b.p_top - (1.0 - p)).abs() < tolerance, "{}", b.p_top);
    assert_eq!(
        (b.median_rank, b.rank_p5, b.rank_p95),
        (Some(2), Some(1), Some(2))
    );
    let c = theme(&s, "c");
    assert_eq!((c.p_top, c.rank_p5, c.rank_p95), (0.0, Some(3), Some(3)));
    assert_eq!(s.pairs.len(), 2);
    assert!(
        (s.pairs[0].p_above - p).abs() < tolerance,
        "{:?}",
        s.pairs[0]
    );
    assert_eq!(s.pairs[1].p_above, 1.0, "B always above C");
}

/// A agreed at 4 (the votes' median is 3): centred on the agreed value, A is 4 × 3 = 12 or
/// 3 × 3 = 9, both above B, so it is always first; fixed, the same; as voted, 11/16 again.
#[test]
fn agreed_values_are_centred_fixed_or_ignored_as_asked() {
    let card = three_themes(Some(3));
    for centre in [Centre::AroundAgreed, Centre::AgreedFixed] {
        let s = stability(&card, &options(2_000, centre));
        assert_eq!(theme(&s, "a").p_top, 1.0, "{centre:?}");
    }
    let around = stability(&card, &options(4_000, Centre::AroundAgreed));
    let a = theme(&around, "a");
    assert!(
        a.p_band < 0.9 && a.p_band > 0.5,
        "the room's spread still shows: {a:?}"
    );
    let voted = stability(&card, &options(20_000, Centre::AsVoted));
    assert!((theme(&voted, "a").p_top - 11.0 / 16.0).abs() < 0.02);
}

#[test]
fn drafts_alone_give_zero_width_and_certain_answers() {
    let mut card = three_themes(None);
    let a = std::sync::Arc::make_mut(&mut card.themes[0]);
    a.scores
        .get_mut(&FactorId::from("impact"))
        .expect("f")
        .votes
        .clear();
    a.scores
        .get_mut(&FactorId::from("impact"))
        .expect("f")
        .draft = Some(Value::Level(3));
    let s = stability(&card, &options(500, Centre::AroundAgreed));
    for t in &s.themes {
        assert_eq!(t.rank_p5, t.rank, "{t:?}");
        assert_eq!(t.rank_p95, t.rank, "{t:?}");
        assert!(t.p_top == 0.0 || t.p_top == 1.0, "{t:?}");
        assert_eq!(t.p_band, 1.0);
    }
}

#[test]
fn unanimous_votes_give_zero_width() {
    let mut card = three_themes(None);
    let a = std::sync::Arc::make_mut(&mut card.themes[0]);
    for v in &mut a
        .scores
        .get_mut(&FactorId::from("impact"))
        .expect("f")
        .votes
    {
        v.value = Value::Level(1);
    }
    let s = stability(&card, &options(500, Centre::AroundAgreed));
    for t in &s.themes {
        assert_eq!((t.rank_p5, t.rank_p95), (t.rank, t.rank), "{t:?}");
    }
}

#[test]
fn the_same_seed_gives_the_same_figures_and_another_seed_may_not() {
    let card = three_themes(None);
    let one = stability(&card, &options(3_001, Centre::AroundAgreed));
    let again = stability(&card, &options(3_001, Centre::AroundAgreed));
    assert_eq!(one, again);
    let other = stability(
        &card,
        &Options {
            seed: 8,
            ..options(3_001, Centre::AroundAgreed)
        },
    );
    assert_ne!(one.themes[0].p_top, other.themes[0].p_top);
}
