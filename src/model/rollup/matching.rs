//! Matching themes across partnerships: by id (when the names agree too: generated scorecards
//! number their themes `t0001`, `t0002`, … in every file), then by name, then by category where
//! one unmatched theme of each has it. An id shared by themes with different names is no match;
//! it is reported, for the analyst to match by hand.

use crate::model::ids::name_key;
use crate::model::{Scorecard, Theme};

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

/// What the analyst decided: themes matched by hand, and themes split from every automatic
/// match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hand {
    /// Pairs matched by hand.
    pub matches: Vec<HandMatch>,
    /// Themes kept out of automatic matches.
    pub splits: Vec<Place>,
}

impl Hand {
    /// Makes two rows one: every theme of both (`places`, none sharing a partnership) is matched
    /// by hand to the theme of the earliest partnership among them, so the row holds whatever
    /// the automatic matches do.
    pub fn join(&mut self, places: &[Place]) {
        let Some(&anchor) = places.iter().min() else {
            return;
        };
        for &p in places.iter().filter(|&&p| p != anchor) {
            if !self.matches.contains(&(anchor, p)) {
                self.matches.push((anchor, p));
            }
        }
    }

    /// Splits a theme off its row: its hand matches go (the themes it anchored stay matched to
    /// one another) and it takes no automatic match.
    pub fn split(&mut self, at: Place) {
        let linked: Vec<Place> = self
            .matches
            .iter()
            .filter_map(|&(a, b)| {
                if a == at {
                    Some(b)
                } else if b == at {
                    Some(a)
                } else {
                    None
                }
            })
            .collect();
        self.matches.retain(|&(a, b)| a != at && b != at);
        if linked.len() >= 2 {
            self.join(&linked);
        }
        if !self.splits.contains(&at) {
            self.splits.push(at);
        }
    }

    /// Forgets partnership `p` (removed from the roll-up): its themes' matches go and later
    /// partnerships move up one place.
    pub fn remove_partnership(&mut self, p: usize) {
        let shift = |(q, i): Place| (if q > p { q - 1 } else { q }, i);
        self.matches.retain(|&(a, b)| a.0 != p && b.0 != p);
        self.splits.retain(|&(q, _)| q != p);
        for m in &mut self.matches {
            *m = (shift(m.0), shift(m.1));
        }
        for s in &mut self.splits {
            *s = shift(*s);
        }
    }
}

/// The themes of one row: per partnership, the theme's index in its scorecard and how it was
/// matched.
pub type Group = Vec<Option<(usize, MatchedBy)>>;

/// The rows so far, over the scorecards.
struct Rows<'a> {
    cards: &'a [&'a Scorecard],
    rows: Vec<Group>,
    /// Rows started by a theme split off by hand: closed to automatic matches.
    closed: Vec<bool>,
}

impl<'a> Rows<'a> {
    /// The theme that started a row.
    fn first_of(&self, r: usize) -> Option<&'a Theme> {
        self.rows[r]
            .iter()
            .enumerate()
            .find_map(|(p, c)| c.map(|(i, _)| &*self.cards[p].themes[i]))
    }

    /// The first row without partnership `p` whose first theme passes `test`.
    fn open_row(&self, p: usize, test: impl Fn(&Theme) -> bool) -> Option<usize> {
        (0..self.rows.len()).find(|&r| {
            !self.closed[r] && self.rows[r][p].is_none() && self.first_of(r).is_some_and(&test)
        })
    }

    /// Starts a row with theme `i` of partnership `p`.
    fn push(&mut self, (p, i): Place, closed: bool) {
        let mut row = vec![None; self.cards.len()];
        row[p] = Some((i, MatchedBy::First));
        self.rows.push(row);
        self.closed.push(closed);
    }

    /// The row of a theme the analyst matched to this one, by hand.
    fn by_hand(&self, hand: &[HandMatch], at: Place) -> Option<usize> {
        let (q, j) = hand.iter().find_map(|&(a, b)| {
            let other = if a == at {
                b
            } else if b == at {
                a
            } else {
                return None;
            };
            (other.0 < at.0).then_some(other)
        })?;
        self.rows
            .iter()
            .position(|r| r[q].is_some_and(|(k, _)| k == j))
    }
}

/// Groups the themes of every scorecard into rows, in the order first met, and says which
/// shared ids were not matched because the names differ.
pub fn groups(cards: &[&Scorecard], hand: &Hand) -> (Vec<Group>, Vec<String>) {
    let mut rows = Rows {
        cards,
        rows: Vec::new(),
        closed: Vec::new(),
    };
    let mut notes = Vec::new();
    for (p, card) in cards.iter().enumerate() {
        let mut placed = vec![false; card.themes.len()];
        for (i, t) in card.themes.iter().enumerate() {
            let same_name = |o: &Theme| name_key(&o.name) == name_key(&t.name);
            let split = hand.splits.contains(&(p, i));
            let found = rows
                .by_hand(&hand.matches, (p, i))
                .map(|r| (r, MatchedBy::Hand))
                .or_else(|| {
                    (!split).then_some(()).and_then(|()| {
                        rows.open_row(p, |o| o.id == t.id && same_name(o))
                            .map(|r| (r, MatchedBy::Id))
                            .or_else(|| rows.open_row(p, same_name).map(|r| (r, MatchedBy::Name)))
                    })
                });
            if let Some((r, by)) = found {
                rows.rows[r][p] = Some((i, by));
                placed[i] = true;
            }
        }
        for &(q, i) in &hand.splits {
            if q == p && i < placed.len() && !placed[i] {
                // A split theme takes no category match either.
                placed[i] = true;
                rows.push((p, i), true);
            }
        }
        by_category(&mut rows, p, &mut placed);
        for (i, t) in card.themes.iter().enumerate().filter(|(i, _)| !placed[*i]) {
            let clash = (0..rows.rows.len())
                .filter_map(|r| rows.first_of(r))
                .find(|o| o.id == t.id);
            if let Some(o) = clash {
                notes.push(format!(
                    "id \"{}\" is \"{}\" in one scorecard and \"{}\" in another: not matched (match them by hand if they are the same theme)",
                    t.id, o.name, t.name
                ));
            }
            rows.push((p, i), false);
        }
    }
    (rows.rows, notes)
}

/// Matches partnership `p`'s unplaced themes by category: the only one of its category here,
/// against the only open row of that category.
fn by_category(rows: &mut Rows<'_>, p: usize, placed: &mut [bool]) {
    let card = rows.cards[p];
    for (i, t) in card.themes.iter().enumerate() {
        if placed[i] || t.category.trim().is_empty() {
            continue;
        }
        let cat = name_key(&t.category);
        let mine = card
            .themes
            .iter()
            .enumerate()
            .filter(|(j, o)| !placed[*j] && name_key(&o.category) == cat)
            .count();
        let open: Vec<usize> = (0..rows.rows.len())
            .filter(|&r| !rows.closed[r] && rows.rows[r][p].is_none())
            .filter(|&r| {
                rows.first_of(r)
                    .is_some_and(|o| name_key(&o.category) == cat)
            })
            .collect();
        if mine == 1 && open.len() == 1 {
            rows.rows[open[0]][p] = Some((i, MatchedBy::Category));
            placed[i] = true;
        }
    }
}
