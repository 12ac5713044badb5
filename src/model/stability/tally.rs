//! Counting the runs: each run's ranks (the ranking's order, through one integer key per
//! theme), and per theme and adjacent pair how often each outcome came up.

use crate::model::ranking::QuickScore;
use crate::model::scorecard::Scorecard;

/// A key that sorts as f64 does (total order), ascending.
fn sortable(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

/// Ranks of one run: 1-based with ties sharing a rank, 0 for themes without a risk. Themes
/// are ordered by risk, harm and likelihood (descending), then by name, as [`rank`] orders
/// them, through one precomputed integer key per theme.
///
/// [`rank`]: crate::model::ranking::rank
pub(super) fn ranks_of(
    scores: &[QuickScore],
    by_name: &[usize],
    keyed: &mut Vec<u128>,
    out: &mut [u32],
) {
    const EPS: f64 = 1e-9;
    // Sorted on one integer each, the risk and the theme's place by name, and then each run
    // of exactly equal risk by harm, likelihood and name: equal risks are few and short.
    let full = |i: u32| -> Key {
        let s = &scores[i as usize];
        let name = u32::try_from(by_name[i as usize]).unwrap_or(u32::MAX);
        match (s.risk, s.harm, s.likelihood) {
            (Some(r), Some(h), Some(l)) => (!sortable(r), !sortable(h), !sortable(l), name),
            _ => (u64::MAX, u64::MAX, u64::MAX, name),
        }
    };
    keyed.clear();
    keyed.extend(scores.iter().enumerate().map(|(i, s)| {
        let risk = match (s.risk, s.harm, s.likelihood) {
            (Some(r), Some(_), Some(_)) => !sortable(r),
            _ => u64::MAX,
        };
        let name = u64::try_from(by_name[i])
            .unwrap_or(u64::from(u32::MAX))
            .min(u64::from(u32::MAX));
        (u128::from(risk) << 64) | (u128::from(name) << 32) | i as u128
    }));
    keyed.sort_unstable();
    let mut start = 0;
    while start < keyed.len() {
        let risk = keyed[start] >> 64;
        let mut end = start + 1;
        while end < keyed.len() && keyed[end] >> 64 == risk {
            end += 1;
        }
        if end - start > 1 {
            keyed[start..end].sort_unstable_by_key(|&k| full(k as u32));
        }
        start = end;
    }
    let mut prev: Option<(f64, f64, f64)> = None;
    let mut current = 0u32;
    for (pos, &k) in keyed.iter().enumerate() {
        let i = k as u32;
        let s = &scores[i as usize];
        let (Some(r), Some(h), Some(l)) = (s.risk, s.harm, s.likelihood) else {
            out[i as usize] = 0;
            continue;
        };
        let tied = prev.is_some_and(|p| {
            (p.0 - r).abs() < EPS && (p.1 - h).abs() < EPS && (p.2 - l).abs() < EPS
        });
        if !tied {
            current = u32::try_from(pos + 1).unwrap_or(u32::MAX);
        }
        out[i as usize] = current;
        prev = Some((r, h, l));
    }
}

/// The sort key of one theme in one run.
type Key = (u64, u64, u64, u32);

/// What the runs count: per theme, how often it took each rank (index 0: unranked) and how
/// often it kept its band; per adjacent pair, how often the higher stayed above (in halves).
pub(super) struct Tally {
    pub(super) ranks: Vec<Vec<u32>>,
    pub(super) band_kept: Vec<u32>,
    pub(super) above_halves: Vec<u32>,
}

impl Tally {
    /// Adds another tally's counts (the other half of the runs).
    pub(super) fn add(&mut self, other: &Tally) {
        for (x, y) in self.ranks.iter_mut().zip(&other.ranks) {
            for (c, d) in x.iter_mut().zip(y) {
                *c += d;
            }
        }
        for (x, y) in self.band_kept.iter_mut().zip(&other.band_kept) {
            *x += y;
        }
        for (x, y) in self.above_halves.iter_mut().zip(&other.above_halves) {
            *x += y;
        }
    }

    /// Counts one run.
    pub(super) fn count(
        &mut self,
        ranks: &[u32],
        scores: &[QuickScore],
        pairs: &[(usize, usize)],
        point_band: &[Option<usize>],
    ) {
        for (i, &r) in ranks.iter().enumerate() {
            self.ranks[i][r as usize] += 1;
            if scores[i].band == point_band[i] {
                self.band_kept[i] += 1;
            }
        }
        for (k, &(hi, lo)) in pairs.iter().enumerate() {
            self.above_halves[k] += match (ranks[hi], ranks[lo]) {
                (0, _) => 0,
                (_, 0) => 2,
                (a, b) if a < b => 2,
                (a, b) if a == b => 1,
                _ => 0,
            };
        }
    }
}

/// Each theme's place in name order (the ranking's tie-break).
pub(super) fn name_order(card: &Scorecard) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..card.themes.len()).collect();
    let keys: Vec<String> = card.themes.iter().map(|t| t.name.to_lowercase()).collect();
    idx.sort_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| card.themes[a].id.cmp(&card.themes[b].id))
    });
    let mut place = vec![0; idx.len()];
    for (p, i) in idx.into_iter().enumerate() {
        place[i] = p;
    }
    place
}

/// The rank at quantile `q` of a rank histogram (unranked runs excluded).
pub(super) fn quantile(counts: &[u32], q: f64) -> Option<u32> {
    let ranked: u64 = counts[1..].iter().map(|&c| u64::from(c)).sum();
    if ranked == 0 {
        return None;
    }
    let want = (q * ranked as f64).ceil().max(1.0) as u64;
    let mut acc = 0u64;
    for (r, &c) in counts.iter().enumerate().skip(1) {
        acc += u64::from(c);
        if acc >= want {
            return u32::try_from(r).ok();
        }
    }
    None
}
