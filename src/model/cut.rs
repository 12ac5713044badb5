//! The candidate-priority cut line of a ranking (the top N) and the one rule for a tie at it.
//!
//! **A theme is inside the top N when its rank is N or better.** Ranks are shared by equal
//! scores (1, 2, 2, 4), so when the line would fall between two themes of the same rank,
//! the whole tie is inside it: the line is drawn below the last of them, and the top 4 may
//! hold five themes. Names never decide a side. The stability figures ("in the top 4 in
//! 94 % of runs"), the close calls, the board, presenter mode and every export use this rule,
//! and every one of them says when the tie has made the list longer than N.

use serde::Serialize;

use super::ranking::{RankedTheme, Ranking};

/// A cut line that falls inside a tie: the tied themes are all inside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CutTie {
    /// The shared rank.
    pub rank: u32,
    /// The tied themes, in the ranking's order (all inside the line).
    pub tied: Vec<String>,
    /// The places asked for (the top N).
    pub places: usize,
    /// The themes inside the line, the whole tie included (more than `places`).
    pub inside: usize,
}

impl CutTie {
    /// The tied names, "A and B" or "A, B and C".
    pub fn names(&self) -> String {
        match self.tied.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            Some((last, _)) => last.clone(),
            None => String::new(),
        }
    }

    /// One short line for the board: "Tie at the cut: A and B share rank 4, so both are in
    /// (5 candidates for the top 4)".
    pub fn short(&self) -> String {
        format!(
            "Tie at the cut: {} share rank {}, so {} in ({} candidates for the top {})",
            self.names(),
            self.rank,
            if self.tied.len() == 2 {
                "both are"
            } else {
                "all are"
            },
            self.inside,
            self.places
        )
    }

    /// One sentence for a board paper.
    pub fn sentence(&self) -> String {
        format!(
            "The cut line (top {}) falls inside a tie at rank {}: {} score the same, so all of them are candidate priorities and the list holds {} themes for {} places. The scores cannot choose between them; the board can.",
            self.places,
            self.rank,
            self.names(),
            self.inside,
            self.places
        )
    }
}

/// Where a theme stands against the cut line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Candidate {
    /// Inside the line (rank N or better).
    Yes,
    /// Below it (or not ranked).
    No,
    /// Inside the line as part of a tie that the top N alone would split.
    TiedAtCut,
}

impl Candidate {
    /// As written in the CSV and the workbook.
    pub fn text(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::TiedAtCut => "yes (tied at cut)",
        }
    }
}

/// The rows inside the top-`cut` line of rows in rank order: those ranked `cut` or better.
pub fn line_of(rows: &[RankedTheme], cut: usize) -> usize {
    rows.iter()
        .take_while(|r| r.rank.is_some_and(|k| (k as usize) <= cut))
        .count()
}

impl Ranking {
    /// The same ranking with another cut line (a command-line `--cut`).
    #[must_use]
    pub fn with_cut(mut self, cut: usize) -> Self {
        self.cut = cut;
        self
    }

    /// How many rows are inside the line (the top N and any tie at it): the line is drawn
    /// below this many rows.
    pub fn line(&self) -> usize {
        line_of(&self.rows, self.cut)
    }

    /// Whether a row's rank puts it inside the line.
    pub fn inside(&self, row: &RankedTheme) -> bool {
        row.rank.is_some_and(|k| (k as usize) <= self.cut)
    }

    /// The rank the top N alone would split, if the cut falls inside a tie.
    fn tied_rank(&self) -> Option<u32> {
        let cut = self.cut;
        let last_in = self.rows.get(cut.checked_sub(1)?)?.rank?;
        let first_out = self.rows.get(cut)?.rank?;
        (last_in == first_out).then_some(last_in)
    }

    /// The tie the cut line falls inside, if it does.
    pub fn cut_tie(&self) -> Option<CutTie> {
        let rank = self.tied_rank()?;
        Some(CutTie {
            rank,
            tied: self
                .rows
                .iter()
                .filter(|x| x.rank == Some(rank))
                .map(|x| x.name.clone())
                .collect(),
            places: self.cut,
            inside: self.line(),
        })
    }

    /// Where each row (in rank order) stands against the cut line.
    pub fn candidates(&self) -> Vec<Candidate> {
        let tied = self.tied_rank();
        self.rows
            .iter()
            .map(|r| match r.rank {
                Some(rank) if Some(rank) == tied => Candidate::TiedAtCut,
                Some(_) if self.inside(r) => Candidate::Yes,
                _ => Candidate::No,
            })
            .collect()
    }
}
