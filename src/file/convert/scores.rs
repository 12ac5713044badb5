//! A theme's scores read from the file and checked against the method: each factor's draft,
//! note, agreed value and votes, with unknown factors, participants and levels placed.

use super::*;

pub(super) fn scores_from(
    method: &Method,
    theme: &str,
    docs: Vec<ScoreDoc>,
    known: &HashMap<&str, (usize, ParticipantId)>,
    ck: &mut Checker<'_>,
) -> BTreeMap<FactorId, FactorScore> {
    let mut out = BTreeMap::new();
    for s in docs {
        let Some((_, factor)) = method.factor(&s.factor) else {
            let ids: Vec<&str> = method.factors().map(|(_, f)| f.id.as_str()).collect();
            ck.report(
                &place(theme, &s.factor, &[]),
                format!(
                    "theme \"{theme}\": unknown factor \"{}\" (method \"{}\" has: {})",
                    s.factor,
                    method.id,
                    ids.join(", ")
                ),
            );
            continue;
        };
        let at = At {
            theme,
            factor: &s.factor,
            scale: &factor.scale,
        };
        let draft = s
            .draft
            .as_deref()
            .and_then(|d| at.value(d, "draft", &["draft".into()], ck));
        let agreed = s.agreed.and_then(|a| {
            at.value(&a.value, "agreed value", &["agreed".into()], ck)
                .map(|v| Agreed {
                    value: v,
                    rationale: a.rationale,
                })
        });
        let votes = at.votes(s.rounds, known, ck);
        let id = FactorId::new(s.factor.as_str());
        if out.contains_key(&id) {
            ck.report(
                &place(theme, &s.factor, &[format!("factor: {}", q(&s.factor))]),
                format!("theme \"{theme}\": factor \"{}\" is scored twice", s.factor),
            );
            continue;
        }
        out.insert(
            id,
            FactorScore {
                draft,
                note: s.note,
                votes,
                agreed,
            },
        );
    }
    out
}

/// One factor of one theme, while its scores are read: where problems are placed, and its scale.
struct At<'a> {
    theme: &'a str,
    factor: &'a str,
    scale: &'a Scale,
}

impl At<'_> {
    /// `text` as a value of the scale, or a problem (`what` names it; `near` places it).
    fn value(
        &self,
        text: &str,
        what: &str,
        near: &[String],
        ck: &mut Checker<'_>,
    ) -> Option<Value> {
        match self.scale.parse(text) {
            Ok(v) => Some(v),
            Err(e) => {
                ck.report(
                    &place(self.theme, self.factor, near),
                    format!(
                        "theme \"{}\", factor \"{}\": {what} {e}",
                        self.theme, self.factor
                    ),
                );
                None
            }
        }
    }

    /// The votes of every round, each checked: rounds from 1, known participants, one vote
    /// each per round, values on the scale.
    fn votes(
        &self,
        rounds: Vec<RoundDoc>,
        known: &HashMap<&str, (usize, ParticipantId)>,
        ck: &mut Checker<'_>,
    ) -> Vec<Vote> {
        let (theme, factor) = (self.theme, self.factor);
        let mut votes = Vec::new();
        let mut seen = HashSet::new();
        for round in rounds {
            let n = round.round;
            let round_at = || format!("round: {n}");
            // Which of two entries for one round counts would be an accident of order.
            if !seen.insert(n) {
                ck.report(
                    &place(theme, factor, &[round_at(), round_at()]),
                    format!(
                        "theme \"{theme}\", factor \"{factor}\": round {n} appears twice; merge its votes into one entry"
                    ),
                );
                continue;
            }
            if n == 0 {
                ck.report(
                    &place(theme, factor, &[round_at()]),
                    format!("theme \"{theme}\", factor \"{factor}\": rounds are numbered from 1"),
                );
            }
            let mut voters = HashSet::new();
            for (who, text) in round.votes {
                let near = vec![round_at(), q(&who)];
                let Some((index, id)) = known.get(who.as_str()) else {
                    ck.report(
                        &place(theme, factor, &near),
                        format!(
                            "theme \"{theme}\", factor \"{factor}\": vote by unknown participant \"{who}\""
                        ),
                    );
                    continue;
                };
                if !voters.insert(*index) {
                    let mut twice = near.clone();
                    twice.push(q(&who));
                    ck.report(
                        &place(theme, factor, &twice),
                        format!(
                            "theme \"{theme}\", factor \"{factor}\": \"{who}\" votes twice in round {n}"
                        ),
                    );
                    continue;
                }
                if let Some(v) = self.value(&text, &format!("vote by \"{who}\":"), &near, ck) {
                    votes.push(Vote {
                        round: n,
                        participant: id.clone(),
                        value: v,
                    });
                }
            }
        }
        votes
    }
}
