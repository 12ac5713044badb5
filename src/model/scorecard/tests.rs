use super::*;
use crate::model::method::Aggregation;

fn vote(round: u32, who: &str, n: i32) -> Vote {
    Vote {
        round,
        participant: ParticipantId::from(who),
        value: Value::Number(n),
    }
}

#[test]
fn effective_value_source_table() {
    let method = crate::methods::builtin("probability-harm").expect("shipped");
    let scale = Scale::Range {
        min: 1,
        max: 20,
        step: None,
    };
    assert_eq!(method.aggregation, Aggregation::Median);
    let agreed = Some(Agreed {
        value: Value::Number(7),
        rationale: "room agreed".into(),
    });
    let two_rounds = vec![
        vote(1, "a", 2),
        vote(1, "b", 20),
        vote(2, "a", 9),
        vote(2, "b", 11),
    ];
    for (draft, votes, agreed, want) in [
        (None, vec![], None, (None, Source::Unscored)),
        (Some(3), vec![], None, (Some(3), Source::Draft)),
        (
            Some(3),
            vec![vote(1, "a", 5), vote(1, "b", 6), vote(1, "c", 8)],
            None,
            (Some(6), Source::Votes { round: 1 }),
        ),
        // The latest round wins over earlier rounds.
        (
            Some(3),
            two_rounds.clone(),
            None,
            (Some(11), Source::Votes { round: 2 }),
        ),
        // Agreed wins over everything.
        (Some(3), two_rounds, agreed, (Some(7), Source::Agreed)),
    ] {
        let fs = FactorScore {
            draft: draft.map(Value::Number),
            note: String::new(),
            votes,
            agreed: agreed.clone(),
        };
        let (v, src) = fs.effective(&scale, &method, &BTreeSet::new());
        assert_eq!((v, src), (want.0.map(Value::Number), want.1));
    }
}

#[test]
fn a_hidden_round_counts_for_nothing_until_revealed() {
    let method = crate::methods::builtin("probability-harm").expect("shipped");
    let scale = Scale::Range {
        min: 1,
        max: 20,
        step: None,
    };
    let fs = FactorScore {
        draft: Some(Value::Number(3)),
        votes: vec![vote(1, "a", 9), vote(1, "b", 11), vote(2, "a", 20)],
        ..FactorScore::default()
    };
    let hidden = |r: &[u32]| r.iter().copied().collect::<BTreeSet<u32>>();
    // Round 2 is open: round 1 (revealed) is in force.
    assert_eq!(
        fs.effective(&scale, &method, &hidden(&[2])),
        (Some(Value::Number(11)), Source::Votes { round: 1 })
    );
    // No revealed round: the draft.
    assert_eq!(
        fs.effective(&scale, &method, &hidden(&[1, 2])),
        (Some(Value::Number(3)), Source::Draft)
    );
    // Revealed: round 2 counts.
    assert_eq!(
        fs.effective(&scale, &method, &hidden(&[])),
        (Some(Value::Number(20)), Source::Votes { round: 2 })
    );
}
