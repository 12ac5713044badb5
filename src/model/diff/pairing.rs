//! How this year's themes are paired with last year's: by hand (a theme names the one it
//! continues), then by id, then by name among those left.

use super::MatchedBy;
use crate::model::Scorecard;
use crate::model::ids::{is_placeholder_id, name_key};
use crate::model::ranking::Ranking;

/// Each new row (by index) with its old row and how it was matched, and which old rows were
/// taken.
pub(super) type Pairs = (Vec<(usize, Option<(usize, MatchedBy)>)>, Vec<bool>);

/// Pairs the rows of this year's ranking with last year's.
pub(super) fn pair(new: &Scorecard, old_ranking: &Ranking, new_ranking: &Ranking) -> Pairs {
    // Pair each new row with an old row: by hand, then by id, then by name among those left.
    let mut old_taken = vec![false; old_ranking.rows.len()];
    let mut pairs: Vec<(usize, Option<(usize, MatchedBy)>)> = Vec::new();
    for (n, row) in new_ranking.rows.iter().enumerate() {
        let hand = new
            .theme(&row.id)
            .and_then(|t| t.last_year.as_ref())
            .and_then(|want| old_ranking.rows.iter().position(|o| &o.id == want))
            .filter(|&o| !old_taken[o]);
        if let Some(o) = hand {
            old_taken[o] = true;
        }
        pairs.push((n, hand.map(|o| (o, MatchedBy::Hand))));
    }
    for (n, matched) in pairs.iter_mut() {
        let row = &new_ranking.rows[*n];
        if matched.is_some() || is_placeholder_id(row.id.as_str()) {
            // A placeholder id ("new-theme") says nothing about which theme it is.
            continue;
        }
        let by_id = old_ranking
            .rows
            .iter()
            .enumerate()
            .position(|(i, o)| !old_taken[i] && o.id == row.id);
        if let Some(o) = by_id {
            old_taken[o] = true;
            *matched = Some((o, MatchedBy::Id));
        }
    }
    for (n, matched) in pairs.iter_mut() {
        if matched.is_some() {
            continue;
        }
        let key = name_key(&new_ranking.rows[*n].name);
        let by_name = old_ranking
            .rows
            .iter()
            .enumerate()
            .position(|(i, o)| !old_taken[i] && name_key(&o.name) == key);
        if let Some(o) = by_name {
            old_taken[o] = true;
            *matched = Some((o, MatchedBy::Name));
        }
    }
    (pairs, old_taken)
}
