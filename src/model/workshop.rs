//! What the workshop view shows per factor and round: the aggregate and spread of one round's
//! votes, so movement between rounds can be seen. The ranking itself always uses the latest
//! round (see `scorecard.rs`).

use super::aggregate::{ScaleTable, Spread};
use super::ids::FactorId;
use super::method::Factor;
use super::scorecard::{Scorecard, Theme};
use super::value::Value;

/// One factor's votes in one round.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundStats {
    /// The round.
    pub round: u32,
    /// The method's aggregate (median or mean) of the round, if anyone voted.
    pub value: Option<Value>,
    /// Count, min–max, quartiles, steps apart and the contested flag.
    pub spread: Option<Spread>,
}

/// The aggregate and spread of one factor's votes in `round`.
pub fn round_stats(card: &Scorecard, theme: &Theme, factor: &Factor, round: u32) -> RoundStats {
    let table = ScaleTable::new(&factor.scale);
    let votes = theme
        .scores
        .get(&factor.id)
        .into_iter()
        .flat_map(|s| s.votes.iter())
        .filter(|v| v.round == round)
        .map(|v| v.value);
    let (value, spread) =
        table.summarise_iter(votes, card.method.aggregation, card.method.contested_steps);
    RoundStats {
        round,
        value,
        spread,
    }
}

/// The latest round with any vote on the theme (0 when nobody has voted).
pub fn latest_round(theme: &Theme) -> u32 {
    theme
        .scores
        .values()
        .filter_map(|s| s.latest_round())
        .max()
        .unwrap_or(0)
}

/// The latest round with votes that the room has seen (not hidden); 0 when there is none.
pub fn latest_revealed_round(theme: &Theme) -> u32 {
    theme
        .scores
        .values()
        .flat_map(|s| s.votes.iter().map(|v| v.round))
        .filter(|r| !theme.hidden_rounds.contains(r))
        .max()
        .unwrap_or(0)
}

/// True when a round asks the room about `factor`: every factor not yet agreed, or, once
/// every factor is agreed, all of them again (a round that reopens the question).
pub fn is_asked(card: &Scorecard, theme: &Theme, factor: &FactorId) -> bool {
    let agreed = |f: &FactorId| theme.scores.get(f).is_some_and(|s| s.agreed.is_some());
    !agreed(factor) || card.method.factors().all(|(_, f)| agreed(&f.id))
}

/// How far the present participants have got with a round: those who voted on every factor
/// it asks about, those who voted on some, and how many are present.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Turnout {
    /// Voted on every factor asked.
    pub complete: usize,
    /// Voted on some, not all.
    pub partly: usize,
    /// Present.
    pub present: usize,
}

impl Turnout {
    /// "7 complete, 3 partly of 10", "all 10 complete", "none of 10 yet".
    pub fn describe(&self) -> String {
        match (self.complete, self.partly) {
            (0, 0) => format!("none of {} yet", self.present),
            (c, 0) if c == self.present => format!("all {c} complete"),
            (c, 0) => format!("{c} complete of {}", self.present),
            (c, p) => format!("{c} complete, {p} partly of {}", self.present),
        }
    }
}

/// The round's [`Turnout`].
pub fn turnout(card: &Scorecard, theme: &Theme, round: u32) -> Turnout {
    let asked: Vec<&FactorId> = card
        .method
        .factors()
        .map(|(_, f)| &f.id)
        .filter(|f| is_asked(card, theme, f))
        .collect();
    let mut t = Turnout::default();
    for p in card.participants.iter().filter(|p| p.present) {
        t.present += 1;
        let voted = |f: &FactorId| {
            theme.scores.get(f).is_some_and(|s| {
                s.votes
                    .iter()
                    .any(|v| v.round == round && v.participant == p.id)
            })
        };
        let n = asked.iter().filter(|f| voted(f)).count();
        if n == asked.len() && n > 0 {
            t.complete += 1;
        } else if n > 0 || theme.scores.keys().any(voted) {
            t.partly += 1;
        }
    }
    t
}

/// The round that opening `theme` for votes asks about: its latest round while that is still
/// hidden with votes in it (a session that ended before the reveal resumes), else a new one.
/// Opening a round changes nothing in the scorecard: the round's first vote starts it
/// (hidden), so a round opened and left empty leaves no trace in the file or the log.
pub fn round_to_open(theme: &Theme) -> u32 {
    let latest = latest_round(theme);
    if latest > 0 && theme.hidden_rounds.contains(&latest) {
        latest
    } else {
        latest + 1
    }
}

/// The round in progress: the latest with any vote, or a later one opened (hidden) before
/// anyone voted in it; 0 when there is neither.
pub fn current_round(theme: &Theme) -> u32 {
    let hidden = theme.hidden_rounds.iter().next_back().copied().unwrap_or(0);
    latest_round(theme).max(hidden)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scorecard::{FactorScore, Vote};
    use crate::model::{Theme, ThemeId};

    #[test]
    fn rounds_are_summarised_separately() {
        let method = crate::methods::builtin("morile-style").expect("shipped");
        let factor = method.factors().next().expect("factor").1.clone();
        let mut card = Scorecard::new("t", method);
        let mut theme = Theme::new("a", "Alpha");
        let votes = [
            (1, "p1", 0),
            (1, "p2", 4),
            (1, "p3", 2),
            (2, "p1", 2),
            (2, "p2", 3),
        ]
        .into_iter()
        .map(|(round, who, level)| Vote {
            round,
            participant: who.into(),
            value: Value::Level(level),
        })
        .collect();
        theme.scores.insert(
            factor.id.clone(),
            FactorScore {
                votes,
                ..FactorScore::default()
            },
        );
        card.push_theme(theme);
        let theme = card.theme(&ThemeId::from("a")).expect("theme");
        assert_eq!(latest_round(theme), 2);
        let one = round_stats(&card, theme, &factor, 1);
        let two = round_stats(&card, theme, &factor, 2);
        assert_eq!(one.value, Some(Value::Level(2)), "median of N, H... is M");
        assert_eq!(
            one.spread.as_ref().map(|s| (s.count, s.contested)),
            Some((3, true))
        );
        // Two votes: the upper middle one.
        assert_eq!(two.value, Some(Value::Level(3)));
        assert_eq!(
            two.spread.as_ref().map(|s| (s.count, s.contested)),
            Some((2, false))
        );
        assert_eq!(round_stats(&card, theme, &factor, 9).value, None);
    }
}
