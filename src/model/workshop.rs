//! What the workshop view shows per factor and round: the aggregate and spread of one round's
//! votes, so movement between rounds can be seen. The ranking itself always uses the latest
//! round (see `scorecard.rs`).

use super::aggregate::{ScaleTable, Spread};
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

/// How many of the present participants have voted on the theme in `round`, and how many
/// are present.
pub fn voted_of_present(card: &Scorecard, theme: &Theme, round: u32) -> (usize, usize) {
    let present: Vec<_> = card.participants.iter().filter(|p| p.present).collect();
    let voted = present
        .iter()
        .filter(|p| {
            theme.scores.values().any(|s| {
                s.votes
                    .iter()
                    .any(|v| v.round == round && v.participant == p.id)
            })
        })
        .count();
    (voted, present.len())
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
