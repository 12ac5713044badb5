//! Matching themes across partnerships: by id (when the names agree too: generated scorecards
//! number their themes `t0001`, `t0002`, … in every file), then by name, then by category where
//! one unmatched theme of each has it. An id shared by themes with different names is no match;
//! it is reported, for the analyst to match by hand.

use crate::model::Scorecard;
use crate::model::ids::name_key;

/// How a theme was matched to its row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    /// It started the row.
    First,
    /// The same id and name.
    Id,
    /// The same name (ignoring case and spacing).
    Name,
    /// The only unmatched theme of its category on both sides: worth a check.
    Category,
    /// The analyst matched it by hand.
    Hand,
}

/// A theme of one partnership: (partnership, theme index in its scorecard).
pub type Place = (usize, usize);

/// Two themes the analyst matched by hand.
pub type HandMatch = (Place, Place);

/// The themes of one row: per partnership, the theme's index in its scorecard and how it was
/// matched.
pub type Group = Vec<Option<(usize, MatchedBy)>>;

/// Groups the themes of every scorecard into rows, in the order first met, and says which
/// shared ids were not matched because the names differ. `hand` pairs (partnership, theme
/// index) with (partnership, theme index) that the analyst matched.
pub fn groups(cards: &[&Scorecard], hand: &[HandMatch]) -> (Vec<Group>, Vec<String>) {
    let n = cards.len();
    let mut rows: Vec<Group> = Vec::new();
    let mut notes = Vec::new();
    for (p, card) in cards.iter().enumerate() {
        let mut placed = vec![None; card.themes.len()];
        // By hand, then id, then name.
        for (i, t) in card.themes.iter().enumerate() {
            let by_hand = hand.iter().find_map(|&(a, b)| {
                let other = if a == (p, i) {
                    b
                } else if b == (p, i) {
                    a
                } else {
                    return None;
                };
                (other.0 < p).then_some(other)
            });
            let found = by_hand
                .and_then(|(q, j)| {
                    rows.iter()
                        .position(|r| r[q].is_some_and(|(k, _)| k == j))
                        .map(|r| (r, MatchedBy::Hand))
                })
                .or_else(|| {
                    rows.iter()
                        .position(|r| {
                            r[p].is_none()
                                && first_of(r, cards).is_some_and(|o| {
                                    o.id == t.id && name_key(&o.name) == name_key(&t.name)
                                })
                        })
                        .map(|r| (r, MatchedBy::Id))
                })
                .or_else(|| {
                    rows.iter()
                        .position(|r| {
                            r[p].is_none()
                                && first_of(r, cards)
                                    .is_some_and(|o| name_key(&o.name) == name_key(&t.name))
                        })
                        .map(|r| (r, MatchedBy::Name))
                });
            if let Some((r, by)) = found {
                rows[r][p] = Some((i, by));
                placed[i] = Some(r);
            }
        }
        // By category: the only unmatched theme of its category here and in the rows.
        for (i, t) in card.themes.iter().enumerate() {
            if placed[i].is_some() || t.category.trim().is_empty() {
                continue;
            }
            let cat = name_key(&t.category);
            let mine = card
                .themes
                .iter()
                .enumerate()
                .filter(|(j, o)| placed[*j].is_none() && name_key(&o.category) == cat)
                .count();
            let open: Vec<usize> = (0..rows.len())
                .filter(|&r| rows[r][p].is_none())
                .filter(|&r| {
                    first_of(&rows[r], cards).is_some_and(|o| name_key(&o.category) == cat)
                })
                .collect();
            if mine == 1 && open.len() == 1 {
                rows[open[0]][p] = Some((i, MatchedBy::Category));
                placed[i] = Some(open[0]);
            }
        }
        for (i, t) in card.themes.iter().enumerate() {
            if placed[i].is_some() {
                continue;
            }
            if let Some(o) = rows
                .iter()
                .filter_map(|r| first_of(r, cards))
                .find(|o| o.id == t.id)
            {
                notes.push(format!(
                    "id \"{}\" is \"{}\" in one scorecard and \"{}\" in another: not matched (match them by hand if they are the same theme)",
                    t.id, o.name, t.name
                ));
            }
            let mut row = vec![None; n];
            row[p] = Some((i, MatchedBy::First));
            rows.push(row);
        }
    }
    (rows, notes)
}

/// The theme that started a row.
fn first_of<'a>(row: &Group, cards: &[&'a Scorecard]) -> Option<&'a crate::model::Theme> {
    row.iter()
        .enumerate()
        .find_map(|(p, c)| c.map(|(i, _)| &*cards[p].themes[i]))
}
