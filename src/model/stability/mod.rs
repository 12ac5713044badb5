//! How much the room's disagreement matters: rank stability by resampling the room.
//!
//! Each run draws a Bayesian bootstrap of the participants (a random weight for each person
//! who voted, exponential, drawn once per run and shared by every theme and factor, so a
//! harsh or lenient rater stays so within a run), takes the weighted median (or mean, as the
//! method aggregates) of each voted factor's counted round, and ranks the themes with the
//! same totals, risk rule and bands as [`rank`](super::rank). Factors without votes keep
//! their value. A factor the room agreed is, by default, moved by the resampled median's
//! shift from the actual median (kept inside the scale), so the point ranking stays in the
//! middle and the votes still say how uncertain the room was ([`Centre`]).
//!
//! Seeded and portable: run `r` uses ChaCha8 seeded with the seed, on stream `r`, so the
//! same file, seed and run count give the same figures on every machine and with any number
//! of threads. The scheme and its assumptions: `docs/stability.md`.

use std::collections::HashMap;

use serde::Serialize;

use super::ids::{ParticipantId, ThemeId};
use super::ranking::rank;
use super::scorecard::Scorecard;

/// Where the resampled values are centred for factors the room agreed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Centre {
    /// The agreed value, moved by the resampled median's shift from the actual median.
    #[default]
    AroundAgreed,
    /// Agreed values do not move; only factors left to the votes vary.
    AgreedFixed,
    /// As voted: agreed values are ignored and every voted factor takes the resampled median.
    AsVoted,
}

/// What to simulate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Simulated runs.
    pub runs: usize,
    /// The seed (shown and exported with the figures).
    pub seed: u64,
    /// The candidate-priority cut: "inside the top N".
    pub top: usize,
    /// Centring for agreed factors.
    pub centre: Centre,
    /// An assumption, off unless asked for: a theme's low confidence may move each of its
    /// draft harm and likelihood factors one level in a run (docs/stability.md).
    pub confidence_widens: bool,
}

/// The runs used when none are asked for.
pub const DEFAULT_RUNS: usize = 2_000;
/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1;

/// One theme's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThemeStability {
    /// Theme id.
    pub id: ThemeId,
    /// Name.
    pub name: String,
    /// Rank in the point ranking (`None`: incomplete).
    pub rank: Option<u32>,
    /// Median rank over the runs.
    pub median_rank: Option<u32>,
    /// 5th percentile rank (the best end of the interval).
    pub rank_p5: Option<u32>,
    /// 95th percentile rank.
    pub rank_p95: Option<u32>,
    /// Share of runs inside the top N, from 0 to 1.
    pub p_top: f64,
    /// Share of runs in the same band as the point ranking, from 0 to 1.
    pub p_band: f64,
    /// How many runs gave each rank (index 0 is rank 1): the row of the rank acceptability
    /// chart. Not exported (the interval and shares say it in fewer numbers).
    #[serde(skip)]
    pub rank_counts: Vec<u32>,
}

/// A plain word for how much the room's disagreement matters to a theme's place against the
/// cut line: how often the resampled room leaves it on the same side as the point ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Badge {
    /// On the same side in at least 95 % of runs.
    Solid,
    /// On the same side in 70 % to 95 % of runs.
    CloseCall,
    /// On the same side in under 70 % of runs.
    CoinToss,
}

/// The three words explained, with the cut rule: the board's help, the close calls' fold-out
/// and every export say it in these words.
pub const BADGES_EXPLAINED: &str = "Stability says how often the resampled room leaves a theme on the same side of the cut line as its scores do (inside the line means ranked N or better, so a tie at the line is inside it). Solid: the same side in at least 95 % of runs. Close call: in 70 % to 95 %. Coin toss: in under 70 %; the room could as well have put it on the other side.";

/// The three words in one line, for where room is short (the whole explanation on hover).
pub const BADGES_BRIEF: &str = "Solid: on the same side of the cut line in 95 % of runs or more · close call: 70 % to 95 % · coin toss: under 70 %";

impl Badge {
    /// The word shown.
    pub fn label(self) -> &'static str {
        match self {
            Self::Solid => "solid",
            Self::CloseCall => "close call",
            Self::CoinToss => "coin toss",
        }
    }
}

impl ThemeStability {
    /// Share of runs on the same side of the top-`top` cut as the point ranking.
    pub fn p_same_side(&self, top: usize) -> Option<f64> {
        let rank = self.rank? as usize;
        Some(if rank <= top {
            self.p_top
        } else {
            1.0 - self.p_top
        })
    }

    /// The badge for the top-`top` cut (`None`: not ranked).
    pub fn badge(&self, top: usize) -> Option<Badge> {
        let q = self.p_same_side(top)?;
        Some(if q >= 0.95 {
            Badge::Solid
        } else if q >= 0.7 {
            Badge::CloseCall
        } else {
            Badge::CoinToss
        })
    }

    /// "2–8", or "4" when the interval is one rank; "–" when not ranked.
    pub fn interval(&self) -> String {
        match (self.rank_p5, self.rank_p95) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => "–".to_owned(),
        }
    }
}

impl Stability {
    /// "2,000 resampled runs, seed 1": what the figures rest on.
    pub fn basis(&self) -> String {
        let runs = self.runs;
        let runs = if runs >= 1000 {
            format!("{},{:03}", runs / 1000, runs % 1000)
        } else {
            runs.to_string()
        };
        format!("{runs} resampled runs, seed {}", self.seed)
    }

    /// A theme's figures.
    pub fn theme(&self, id: &ThemeId) -> Option<&ThemeStability> {
        self.themes.iter().find(|t| &t.id == id)
    }

    /// The badge of a theme against this run's cut.
    pub fn badge(&self, id: &ThemeId) -> Option<Badge> {
        self.theme(id)?.badge(self.top)
    }
}

/// Two themes next to each other in the point ranking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairStability {
    /// The higher-ranked theme.
    pub higher: ThemeId,
    /// The one below it.
    pub lower: ThemeId,
    /// Share of runs in which the higher one ranks above the lower (a tie counts half).
    pub p_above: f64,
}

/// The figures for a scorecard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stability {
    /// Runs simulated.
    pub runs: usize,
    /// Seed used.
    pub seed: u64,
    /// The cut used for `p_top`.
    pub top: usize,
    /// Centring used.
    pub centre: Centre,
    /// Whether low confidence was let widen the intervals (an assumption, off by default).
    pub confidence_widens: bool,
    /// Themes in point-ranking order.
    pub themes: Vec<ThemeStability>,
    /// Adjacent ranked pairs, top first.
    pub pairs: Vec<PairStability>,
}

/// Simulates the room's disagreement and sums it up per theme and per adjacent pair.
pub fn stability(card: &Scorecard, options: &Options) -> Stability {
    let people: HashMap<&ParticipantId, usize> = card
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect();
    let themes = prepare(card, (options.centre, options.confidence_widens), &people);
    let point = rank(card);
    let index: HashMap<&ThemeId, usize> = card
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.id, i))
        .collect();
    let ranked: Vec<usize> = point
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .map(|r| index[&r.id])
        .collect();
    let pairs: Vec<(usize, usize)> = ranked.windows(2).map(|w| (w[0], w[1])).collect();
    let point_band: Vec<Option<usize>> = themes.iter().map(|t| t.fixed.band).collect();
    let runs = options.runs.max(1);
    // Two halves on two threads; each run has its own stream, so the split changes nothing.
    let half = runs / 2;
    let shape = (&pairs[..], &point_band[..], card.participants.len());
    let (a, b) = std::thread::scope(|s| {
        let first = s.spawn(|| simulate(card, &themes, (options.seed, 0, half), shape));
        let second = simulate(card, &themes, (options.seed, half, runs - half), shape);
        (first.join(), second)
    });
    let mut tally = match a {
        Ok(a) => a,
        Err(_) => simulate(card, &themes, (options.seed, 0, half), shape),
    };
    tally.add(&b);
    let share = |c: u64| c as f64 / runs as f64;
    let themes_out = point
        .rows
        .iter()
        .map(|r| theme_figures(r, index[&r.id], &tally, (options.top, runs)))
        .collect();
    let pairs_out = pairs
        .iter()
        .zip(&tally.above_halves)
        .map(|(&(hi, lo), &h)| PairStability {
            higher: card.themes[hi].id.clone(),
            lower: card.themes[lo].id.clone(),
            p_above: share(u64::from(h)) / 2.0,
        })
        .collect();
    Stability {
        runs,
        seed: options.seed,
        top: options.top,
        centre: options.centre,
        confidence_widens: options.confidence_widens,
        themes: themes_out,
        pairs: pairs_out,
    }
}

/// One theme's figures from the tally (`i`: its place in the card).
fn theme_figures(
    r: &crate::model::ranking::RankedTheme,
    i: usize,
    tally: &tally::Tally,
    (top, runs): (usize, usize),
) -> ThemeStability {
    let share = |c: u64| c as f64 / runs as f64;
    let counts = &tally.ranks[i];
    let top = top.min(counts.len() - 1);
    let inside: u64 = counts[1..=top].iter().map(|&c| u64::from(c)).sum();
    ThemeStability {
        id: r.id.clone(),
        name: r.name.clone(),
        rank: r.rank,
        median_rank: quantile(counts, 0.5),
        rank_p5: quantile(counts, 0.05),
        rank_p95: quantile(counts, 0.95),
        p_top: share(inside),
        p_band: share(u64::from(tally.band_kept[i])),
        rank_counts: counts[1..].to_vec(),
    }
}

mod prep;
use prep::{ThemeRuns, Varying, position, prepare};
mod runs;
mod tally;
use runs::simulate;
use tally::quantile;

#[cfg(test)]
pub(in crate::model) mod tests;

#[cfg(test)]
mod more_tests;
