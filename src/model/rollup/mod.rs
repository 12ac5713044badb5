//! The peninsula picture: several partnerships' scorecards side by side. Each keeps its own
//! method, ranking, cut line and decisions: nothing is re-scored. Themes are matched across
//! them (`matching.rs`); per theme the table gives each partnership's rank, band (only where
//! every method is the same id and version) and whether it is a priority there, and how widely
//! it is one. A partnership without the theme is "not assessed", never low. Votes are never
//! averaged across partnerships.

pub mod matching;

use serde::Serialize;

use crate::model::cut::Candidate;
use crate::model::ranking::Ranking;
use crate::model::{DecisionKind, Scorecard};
pub use matching::{Hand, MatchedBy};

/// Whether a theme is a priority in one partnership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The board adopted it.
    Adopted,
    /// No decision yet, and above the cut line (or in a tie the line splits).
    Candidate,
    /// Below the line, unranked, or the board decided otherwise.
    NotPriority,
    /// The partnership's scorecard does not have it.
    NotAssessed,
}

impl Status {
    /// In words.
    pub fn text(self) -> &'static str {
        match self {
            Self::Adopted => "adopted",
            Self::Candidate => "candidate",
            Self::NotPriority => "not a priority",
            Self::NotAssessed => "not assessed",
        }
    }

    /// A priority there: adopted or a candidate.
    pub fn is_priority(self) -> bool {
        matches!(self, Self::Adopted | Self::Candidate)
    }
}

/// One partnership's view of one theme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// The theme's name there.
    pub name: Option<String>,
    /// How it was matched to the row.
    pub matched_by: Option<MatchedBy>,
    /// Its index in its scorecard's themes (for matching by hand).
    #[serde(skip)]
    pub index: Option<usize>,
    /// Its rank there.
    pub rank: Option<u32>,
    /// Its band there (only when every method is the same).
    pub band: Option<String>,
    /// The band's place (0 the lowest), for colour.
    pub band_index: Option<usize>,
    /// Priority status.
    pub status: Status,
    /// Scored with the method's lowest confidence, or flagged as an intelligence gap.
    pub low_confidence: bool,
}

/// One theme across the partnerships.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The theme's name where first met.
    pub theme: String,
    /// One cell per partnership, in the order given.
    pub cells: Vec<Cell>,
    /// How many partnerships have it as a priority.
    pub priority_in: usize,
    /// How many assessed it.
    pub assessed_in: usize,
    /// The best and worst rank among those that ranked it.
    pub rank_range: Option<(u32, u32)>,
    /// The median rank among those that ranked it.
    pub median_rank: Option<f64>,
    /// "In every area's priorities", "a priority in one area only", or empty.
    pub reach: &'static str,
    /// A priority in two or more areas, but scored with low confidence in two or more.
    pub confidence_flag: bool,
}

impl Row {
    /// Where its themes are: (partnership, theme index) of each assessed cell.
    pub fn places(&self) -> Vec<matching::Place> {
        self.cells
            .iter()
            .enumerate()
            .filter_map(|(p, c)| c.index.map(|i| (p, i)))
            .collect()
    }

    /// Whether it can be joined with `other`: no partnership has a theme in both.
    pub fn joins(&self, other: &Row) -> bool {
        self.cells
            .iter()
            .zip(&other.cells)
            .all(|(a, b)| a.index.is_none() || b.index.is_none())
    }
}

/// What the roll-up's table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// How widely a priority, then median rank (the roll-up's own order).
    #[default]
    Reach,
    /// Theme name.
    Theme,
    /// One partnership's rank.
    Partnership(usize),
    /// Median rank.
    Median,
}

impl Rollup {
    /// The rows' indices sorted by `by`, reversed when `desc`; a theme a partnership did not
    /// rank (or with no median) comes last either way.
    pub fn order(&self, by: SortBy, desc: bool) -> Vec<usize> {
        let key = |r: &Row| -> Option<f64> {
            match by {
                SortBy::Reach | SortBy::Theme => Some(0.0),
                SortBy::Partnership(p) => r.cells.get(p).and_then(|c| c.rank).map(f64::from),
                SortBy::Median => r.median_rank,
            }
        };
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&self.rows[a], &self.rows[b]);
            let by_value = match by {
                SortBy::Reach => a.cmp(&b),
                SortBy::Theme => crate::model::ids::name_key(&x.theme)
                    .cmp(&crate::model::ids::name_key(&y.theme)),
                _ => key(x).unwrap_or(0.0).total_cmp(&key(y).unwrap_or(0.0)),
            };
            let by_value = if desc { by_value.reverse() } else { by_value };
            key(x).is_none().cmp(&key(y).is_none()).then(by_value)
        });
        order
    }
}

/// The partnership whose scorecard is a column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    /// Its name: the scorecard's area, else its title.
    pub name: String,
    /// Period.
    pub period: String,
    /// Method id and version.
    pub method: String,
    /// Protective marking.
    pub marking: String,
    /// Its cut line.
    pub cut: usize,
}

/// The roll-up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rollup {
    /// The partnerships, in the order given.
    pub columns: Vec<Column>,
    /// Whether every method is the same id and version (bands are then compared).
    pub same_method: bool,
    /// Themes, most widely a priority first.
    pub rows: Vec<Row>,
    /// The strictest marking among the inputs, carried on every output.
    pub marking: String,
    /// What the analyst should know (ids not matched, a method mix, the same area twice).
    pub notes: Vec<String>,
}

/// How strict a protective marking is: TOP SECRET > SECRET > OFFICIAL-SENSITIVE (and any
/// marking not recognised) > OFFICIAL.
pub fn marking_rank(marking: &str) -> u8 {
    let m = marking.to_uppercase();
    if m.contains("TOP SECRET") {
        4
    } else if m.contains("SECRET") {
        3
    } else if m.trim() == "OFFICIAL" || m.trim().is_empty() {
        1
    } else {
        2
    }
}

fn status(ranking: &Ranking, candidates: &[Candidate], row: usize) -> Status {
    let r = &ranking.rows[row];
    match r.decision {
        Some(DecisionKind::Adopt) => Status::Adopted,
        Some(_) => Status::NotPriority,
        None if candidates[row] != Candidate::No => Status::Candidate,
        None => Status::NotPriority,
    }
}

/// The lowest confidence level's index of a method (the level with the fewest points).
fn lowest_confidence(card: &Scorecard) -> Option<usize> {
    match &card.method.confidence_factor()?.scale {
        crate::model::Scale::Levels(levels) => levels
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.points.total_cmp(&b.1.points))
            .map(|(i, _)| i),
        crate::model::Scale::Range { .. } => None,
    }
}

/// Rolls up the scorecards (each with its name) as they are; `hand` is what the analyst
/// matched or split by hand.
pub fn rollup(cards: &[(String, &Scorecard)], hand: &Hand) -> Rollup {
    let plain: Vec<&Scorecard> = cards.iter().map(|(_, c)| *c).collect();
    let rankings: Vec<Ranking> = plain.iter().map(|c| crate::model::rank(c)).collect();
    let candidates: Vec<Vec<Candidate>> = rankings.iter().map(Ranking::candidates).collect();
    let method = |c: &Scorecard| format!("{} {}", c.method.id, c.method.version);
    let same_method = plain.windows(2).all(|w| method(w[0]) == method(w[1]));
    let (groups, mut notes) = matching::groups(&plain, hand);
    let rows = groups
        .iter()
        .map(|g| row(g, &plain, &rankings, &candidates, same_method))
        .collect();
    let mut rows: Vec<Row> = rows;
    rows.sort_by(|a, b| {
        b.priority_in.cmp(&a.priority_in).then(
            a.median_rank
                .unwrap_or(f64::MAX)
                .total_cmp(&b.median_rank.unwrap_or(f64::MAX)),
        )
    });
    if !same_method {
        notes.push("The partnerships used different methods (or versions), so only ranks and priority status are compared, not scores or bands.".to_owned());
    }
    for (i, (a, ca)) in cards.iter().enumerate() {
        for (b, cb) in cards.iter().skip(i + 1) {
            if !ca.area.trim().is_empty()
                && name_eq(&ca.area, &cb.area)
                && name_eq(&ca.period, &cb.period)
            {
                notes.push(format!(
                    "{a} and {b} are both {} {}: the same area and period twice?",
                    ca.area, ca.period
                ));
            }
        }
    }
    let marking = plain
        .iter()
        .map(|c| c.marking.trim().to_owned())
        .max_by_key(|m| marking_rank(m))
        .unwrap_or_else(|| crate::model::scorecard::DEFAULT_MARKING.to_owned());
    Rollup {
        columns: cards
            .iter()
            .zip(&rankings)
            .map(|((name, c), r)| Column {
                name: name.clone(),
                period: c.period.clone(),
                method: method(c),
                marking: c.marking.clone(),
                cut: r.cut,
            })
            .collect(),
        same_method,
        rows,
        marking,
        notes,
    }
}

fn name_eq(a: &str, b: &str) -> bool {
    crate::model::ids::name_key(a) == crate::model::ids::name_key(b)
}

fn row(
    g: &matching::Group,
    cards: &[&Scorecard],
    rankings: &[Ranking],
    candidates: &[Vec<Candidate>],
    same_method: bool,
) -> Row {
    let cells: Vec<Cell> = g
        .iter()
        .enumerate()
        .map(|(p, m)| cell(*m, p, cards, rankings, candidates, same_method))
        .collect();
    let priority_in = cells.iter().filter(|c| c.status.is_priority()).count();
    let assessed_in = cells
        .iter()
        .filter(|c| c.status != Status::NotAssessed)
        .count();
    let mut ranks: Vec<u32> = cells.iter().filter_map(|c| c.rank).collect();
    ranks.sort_unstable();
    let median_rank = (!ranks.is_empty()).then(|| {
        let m = ranks.len() / 2;
        if ranks.len() % 2 == 1 {
            f64::from(ranks[m])
        } else {
            f64::from(ranks[m - 1] + ranks[m]) / 2.0
        }
    });
    let reach = if priority_in == cells.len() && cells.len() > 1 {
        "in every area's priorities"
    } else if priority_in == 1 {
        "a priority in one area only"
    } else {
        ""
    };
    let low = cells
        .iter()
        .filter(|c| c.status.is_priority() && c.low_confidence)
        .count();
    Row {
        theme: cells
            .iter()
            .find_map(|c| c.name.clone())
            .unwrap_or_default(),
        rank_range: ranks.first().zip(ranks.last()).map(|(a, b)| (*a, *b)),
        median_rank,
        priority_in,
        assessed_in,
        reach,
        confidence_flag: priority_in >= 2 && low >= 2,
        cells,
    }
}

/// Partnership `p`'s cell of a row: its theme's rank, band, status and confidence there.
fn cell(
    m: Option<(usize, MatchedBy)>,
    p: usize,
    cards: &[&Scorecard],
    rankings: &[Ranking],
    candidates: &[Vec<Candidate>],
    same_method: bool,
) -> Cell {
    let Some((i, by)) = m else {
        return Cell {
            name: None,
            matched_by: None,
            index: None,
            rank: None,
            band: None,
            band_index: None,
            status: Status::NotAssessed,
            low_confidence: false,
        };
    };
    let theme = &cards[p].themes[i];
    let at = rankings[p]
        .rows
        .iter()
        .position(|r| r.id == theme.id)
        .unwrap_or(0);
    let r = &rankings[p].rows[at];
    let low = lowest_confidence(cards[p]);
    let band = r.band.as_ref().filter(|_| same_method);
    Cell {
        name: Some(theme.name.clone()),
        matched_by: Some(by),
        index: Some(i),
        rank: r.rank,
        band: band.map(|b| b.label.to_string()),
        band_index: band.map(|b| b.index),
        status: status(&rankings[p], &candidates[p], at),
        low_confidence: r.intelligence_gap
            || (low.is_some() && r.confidence.as_ref().map(|c| c.index) == low),
    }
}
