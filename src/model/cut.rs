//! The candidate-priority cut line of a ranking (the top N) and the tie it may fall inside:
//! when two themes of equal rank sit either side of the line, which side each is on is an
//! accident of alphabetical order, so every view and export says so.

use serde::Serialize;

use super::ranking::{RankedTheme, Ranking};

/// A cut line that falls between themes of the same rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CutTie {
    /// The shared rank.
    pub rank: u32,
    /// The tied themes above the line.
    pub above: Vec<String>,
    /// The tied themes below it.
    pub below: Vec<String>,
}

impl CutTie {
    /// One sentence for a board paper.
    pub fn sentence(&self, cut: usize) -> String {
        let list = |v: &[String]| v.join(", ");
        format!(
            "The cut line (top {cut}) falls inside a tie at rank {}: {} above the line and {} below it score the same, so which side each is on is not decided by the scores.",
            self.rank,
            list(&self.above),
            list(&self.below)
        )
    }
}

/// Where a theme stands against the cut line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Candidate {
    /// Above the line.
    Yes,
    /// Below it (or not ranked).
    No,
    /// In a tie that the line splits.
    TiedAtCut,
}

impl Candidate {
    /// As written in the CSV and the workbook.
    pub fn text(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::TiedAtCut => "tied at cut",
        }
    }
}

impl Ranking {
    /// The same ranking with another cut line (a command-line `--cut`).
    #[must_use]
    pub fn with_cut(mut self, cut: usize) -> Self {
        self.cut = cut;
        self
    }

    /// The rank the cut line splits, if it falls inside a tie.
    fn tied_rank(&self) -> Option<u32> {
        let cut = self.cut;
        let last_in = self.rows.get(cut.checked_sub(1)?)?.rank?;
        let first_out = self.rows.get(cut)?.rank?;
        (last_in == first_out).then_some(last_in)
    }

    /// The tie the cut line falls inside, if it does.
    pub fn cut_tie(&self) -> Option<CutTie> {
        let rank = self.tied_rank()?;
        let named = |r: &[RankedTheme]| {
            r.iter()
                .filter(|x| x.rank == Some(rank))
                .map(|x| x.name.clone())
                .collect()
        };
        Some(CutTie {
            rank,
            above: named(&self.rows[..self.cut]),
            below: named(&self.rows[self.cut..]),
        })
    }

    /// Where each row (in rank order) stands against the cut line.
    pub fn candidates(&self) -> Vec<Candidate> {
        let tied = self.tied_rank();
        self.rows
            .iter()
            .enumerate()
            .map(|(i, r)| match r.rank {
                Some(rank) if Some(rank) == tied => Candidate::TiedAtCut,
                Some(_) if i < self.cut => Candidate::Yes,
                _ => Candidate::No,
            })
            .collect()
    }
}
