//! Applying the workshop's edits: participants, votes by round, and agreed values.

use crate::model::edit::{Applied, Edit, EditError, applied, one_line, theme_mut};
use crate::model::ids::{FactorId, ParticipantId};
use std::sync::Arc;

use crate::model::scorecard::{Scorecard, Theme, Vote};
use crate::model::value::Value;

/// A participant needs a name, and name and agency go on one line.
fn check_person(name: &str, agency: &str) -> Result<(), EditError> {
    if name.trim().is_empty() {
        return Err(EditError::EmptyParticipantName);
    }
    one_line("participant's name", name)?;
    one_line("participant's agency", agency)
}

/// Applies a participant, vote or agreed-value edit (other edits are not handled here).
pub(super) fn apply(edit: &Edit, card: &mut Scorecard) -> Result<Applied, EditError> {
    match edit {
        Edit::AddParticipant { participant, at } => {
            check_person(&participant.name, &participant.agency)?;
            if card.participant(&participant.id).is_some() {
                return Err(EditError::DuplicateParticipant(participant.id.to_string()));
            }
            let at = (*at).min(card.participants.len());
            card.participants.insert(at, participant.clone());
            Ok(person(
                &participant.id,
                "added",
                String::new(),
                &participant.name,
            ))
        }
        Edit::RemoveParticipant { participant } => {
            let i = participant_index(card, participant)?;
            let removed = card.participants.remove(i);
            // Only the themes this person voted on are copied; the rest stay shared with undo.
            let voted = |t: &Theme| {
                t.scores
                    .values()
                    .any(|s| s.votes.iter().any(|v| &v.participant == participant))
            };
            for theme in card.themes.iter_mut().filter(|t| voted(t)) {
                for score in Arc::make_mut(theme).scores.values_mut() {
                    score.votes.retain(|v| &v.participant != participant);
                }
            }
            Ok(person(participant, "removed", removed.name, ""))
        }
        Edit::SetParticipant {
            participant,
            name,
            agency,
        } => {
            check_person(name, agency)?;
            let i = participant_index(card, participant)?;
            let p = &mut card.participants[i];
            let old = format!("{} ({})", p.name, p.agency);
            p.name.clone_from(name);
            p.agency.clone_from(agency);
            Ok(person(
                participant,
                "details",
                old,
                &format!("{name} ({agency})"),
            ))
        }
        Edit::SetPresent {
            participant,
            present,
        } => {
            let i = participant_index(card, participant)?;
            let old = std::mem::replace(&mut card.participants[i].present, *present);
            Ok(person(
                participant,
                "present",
                old.to_string(),
                &present.to_string(),
            ))
        }
        Edit::SetVote {
            theme,
            factor,
            participant,
            round,
            value,
        } => set_vote(card, (theme, factor, participant), *round, *value),
        Edit::SetRoundHidden {
            theme,
            round,
            hidden,
        } => set_hidden(card, theme, *round, *hidden),
        Edit::SetAgreed {
            theme,
            factor,
            agreed,
        } => set_agreed(card, theme, factor, agreed.as_ref()),
        _ => unreachable!("edit::workshop::apply is only called for workshop edits"),
    }
}

fn set_agreed(
    card: &mut Scorecard,
    theme: &crate::model::ids::ThemeId,
    factor: &FactorId,
    agreed: Option<&crate::model::scorecard::Agreed>,
) -> Result<Applied, EditError> {
    let scale = scale_of(card, factor)?;
    if let Some(a) = agreed {
        if a.rationale.trim().is_empty() {
            return Err(EditError::RationaleRequired);
        }
        check(&scale, factor, a.value)?;
    }
    let t = theme_mut(card, theme)?;
    let score = t.scores.entry(factor.clone()).or_default();
    let old = std::mem::replace(&mut score.agreed, agreed.cloned());
    let show = |a: Option<&crate::model::scorecard::Agreed>| {
        a.map(|a| format!("{}: {}", scale.code(a.value), a.rationale))
            .unwrap_or_default()
    };
    Ok(applied(
        theme,
        &format!("factor \"{factor}\" agreed"),
        show(old.as_ref()),
        &show(agreed),
    ))
}

fn set_hidden(
    card: &mut Scorecard,
    theme: &crate::model::ids::ThemeId,
    round: u32,
    hidden: bool,
) -> Result<Applied, EditError> {
    if round == 0 {
        return Err(EditError::BadRound);
    }
    let t = theme_mut(card, theme)?;
    let was = if hidden {
        !t.hidden_rounds.insert(round)
    } else {
        t.hidden_rounds.remove(&round)
    };
    let word = |h: bool| if h { "hidden" } else { "revealed" };
    Ok(applied(
        theme,
        &format!("round {round}"),
        word(was).to_owned(),
        word(hidden),
    ))
}

fn set_vote(
    card: &mut Scorecard,
    (theme, factor, participant): (&crate::model::ids::ThemeId, &FactorId, &ParticipantId),
    round: u32,
    value: Option<Value>,
) -> Result<Applied, EditError> {
    if round == 0 {
        return Err(EditError::BadRound);
    }
    let scale = scale_of(card, factor)?;
    if let Some(v) = value {
        check(&scale, factor, v)?;
    }
    participant_index(card, participant)?;
    let t = theme_mut(card, theme)?;
    // The first vote of a round starts it hidden: nobody anchors on it, and nothing the room
    // sees moves until the facilitator reveals it.
    let new_round = !t
        .scores
        .values()
        .any(|s| s.votes.iter().any(|v| v.round == round));
    if new_round && value.is_some() {
        t.hidden_rounds.insert(round);
    }
    let score = t.scores.entry(factor.clone()).or_default();
    let slot = score
        .votes
        .iter()
        .position(|v| v.round == round && &v.participant == participant);
    let old = slot.map(|i| score.votes[i].value);
    match (slot, value) {
        (Some(i), Some(v)) => score.votes[i].value = v,
        (Some(i), None) => {
            score.votes.remove(i);
        }
        (None, Some(v)) => score.votes.push(Vote {
            round,
            participant: participant.clone(),
            value: v,
        }),
        (None, None) => {}
    }
    let show = |v: Option<Value>| v.map(|v| scale.code(v)).unwrap_or_default();
    Ok(applied(
        theme,
        &format!("factor \"{factor}\" round {round} vote by \"{participant}\""),
        show(old),
        &show(value),
    ))
}

fn person(id: &ParticipantId, what: &str, old: String, new: &str) -> Applied {
    Applied {
        what: format!("participant \"{id}\" {what}"),
        old,
        new: new.to_owned(),
    }
}

fn participant_index(card: &Scorecard, id: &ParticipantId) -> Result<usize, EditError> {
    card.participants
        .iter()
        .position(|p| &p.id == id)
        .ok_or_else(|| EditError::NoParticipant(id.to_string()))
}

fn scale_of(card: &Scorecard, factor: &FactorId) -> Result<crate::model::method::Scale, EditError> {
    card.method
        .factor(factor.as_str())
        .map(|(_, f)| f.scale.clone())
        .ok_or_else(|| EditError::NoFactor(factor.to_string()))
}

fn check(
    scale: &crate::model::method::Scale,
    factor: &FactorId,
    v: Value,
) -> Result<(), EditError> {
    scale.check(v).map(|_| ()).map_err(|e| EditError::BadValue {
        factor: factor.to_string(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scorecard::{Agreed, Participant};
    use crate::model::{Theme, rank};

    fn card() -> Scorecard {
        let method = crate::methods::builtin("morile-style").expect("shipped");
        let mut card = Scorecard::new("t", method);
        card.push_theme(Theme::new("a", "Alpha"));
        for (id, agency) in [("p1", "Police"), ("p2", "Health")] {
            card.participants.push(Participant {
                id: id.into(),
                name: id.to_uppercase(),
                agency: agency.into(),
                present: true,
            });
        }
        card
    }

    fn factor(card: &Scorecard) -> FactorId {
        card.method.factors().next().expect("factor").1.id.clone()
    }

    fn vote(p: &str, round: u32, level: Option<u16>, f: &FactorId) -> Edit {
        Edit::SetVote {
            theme: "a".into(),
            factor: f.clone(),
            participant: p.into(),
            round,
            value: level.map(Value::Level),
        }
    }

    #[test]
    fn votes_are_kept_per_round_and_replace_in_place() {
        let mut c = card();
        let f = factor(&c);
        for e in [
            vote("p1", 1, Some(1), &f),
            vote("p2", 1, Some(4), &f),
            vote("p1", 2, Some(3), &f),
            vote("p2", 2, Some(3), &f),
            vote("p2", 2, Some(2), &f),
        ] {
            e.apply(&mut c).expect("applies");
        }
        let score = &c.themes[0].scores[&f];
        assert_eq!(
            score.round_values(1),
            vec![Value::Level(1), Value::Level(4)]
        );
        assert_eq!(
            score.round_values(2),
            vec![Value::Level(3), Value::Level(2)]
        );
        for round in [1, 2] {
            reveal(round, false).apply(&mut c).expect("reveals");
        }
        let row = &rank(&c).rows[0];
        let fr = row.factors.iter().find(|r| r.factor == f).expect("factor");
        assert_eq!(fr.round, Some(2), "the latest round counts");
        vote("p2", 2, None, &f).apply(&mut c).expect("clears");
        assert_eq!(
            c.themes[0].scores[&f].round_values(2),
            vec![Value::Level(3)]
        );
    }

    fn reveal(round: u32, hidden: bool) -> Edit {
        Edit::SetRoundHidden {
            theme: "a".into(),
            round,
            hidden,
        }
    }

    #[test]
    fn a_round_starts_hidden_and_moves_nothing_until_revealed() {
        let mut c = card();
        let f = factor(&c);
        let value = |c: &Scorecard| {
            let row = &rank(c).rows[0];
            let fr = row.factors.iter().find(|r| r.factor == f).expect("factor");
            (fr.value, fr.source)
        };
        let draft = Edit::SetDraft {
            theme: "a".into(),
            factor: f.clone(),
            value: Some(Value::Level(0)),
        };
        draft.apply(&mut c).expect("draft");
        let before = value(&c);
        vote("p1", 1, Some(4), &f).apply(&mut c).expect("votes");
        vote("p2", 1, Some(4), &f).apply(&mut c).expect("votes");
        assert!(c.themes[0].hidden_rounds.contains(&1));
        assert!(!c.themes[0].votes_shown(1));
        assert_eq!(value(&c), before, "an unrevealed round moves nothing");
        let applied = reveal(1, false).apply(&mut c).expect("reveals");
        assert_eq!(
            (applied.old.as_str(), applied.new.as_str()),
            ("hidden", "revealed")
        );
        assert_eq!(
            value(&c),
            (
                Some(Value::Level(4)),
                crate::model::scorecard::Source::Votes { round: 1 }
            )
        );
        // Round 2 opens (hidden before any vote): round 1 stays in force meanwhile.
        reveal(2, true).apply(&mut c).expect("hides");
        vote("p1", 2, Some(1), &f).apply(&mut c).expect("votes");
        assert_eq!(
            value(&c).1,
            crate::model::scorecard::Source::Votes { round: 1 }
        );
        // A later vote in a revealed round does not hide it again.
        vote("p2", 1, Some(3), &f).apply(&mut c).expect("votes");
        assert!(c.themes[0].votes_shown(1));
        assert_eq!(reveal(0, true).apply(&mut c), Err(EditError::BadRound));
    }

    #[test]
    fn agreeing_needs_a_rationale_and_removing_a_person_removes_their_votes() {
        let mut c = card();
        let f = factor(&c);
        vote("p1", 1, Some(1), &f).apply(&mut c).expect("applies");
        let agree = |why: &str| Edit::SetAgreed {
            theme: "a".into(),
            factor: f.clone(),
            agreed: Some(Agreed {
                value: Value::Level(2),
                rationale: why.into(),
            }),
        };
        assert_eq!(agree("  ").apply(&mut c), Err(EditError::RationaleRequired));
        agree("health data").apply(&mut c).expect("applies");
        assert!(c.themes[0].scores[&f].agreed.is_some());
        for bad in [
            vote("nobody", 1, Some(1), &f),
            vote("p1", 0, Some(1), &f),
            vote("p1", 1, Some(99), &f),
        ] {
            assert!(bad.apply(&mut c).is_err(), "{bad:?}");
        }
        Edit::RemoveParticipant {
            participant: "p1".into(),
        }
        .apply(&mut c)
        .expect("removes");
        assert!(c.themes[0].scores[&f].votes.is_empty());
        assert_eq!(c.participants.len(), 1);
    }
}
