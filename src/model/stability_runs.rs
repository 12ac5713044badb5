//! The simulated runs of [`super::stability`]: weights for eight runs at a time, each voted
//! factor resampled in vector lanes, every theme scored and ranked, and the counts kept.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use super::super::aggregate::nearest;
use super::super::method::Aggregation;
use super::super::ranking::{QuickScore, quick_score_points};
use super::super::ranking_prep::Prepared;
use super::super::scorecard::Scorecard;
use super::{ThemeRuns, Varying, position};

/// A uniform number in (0, 1] from 53 random bits.
fn unit(rng: &mut ChaCha8Rng) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
}

/// Runs simulated side by side: the weighted sums of a factor's votes are taken for eight
/// runs at once (the compiler turns the fixed-width loops into vector instructions).
const LANES: usize = 8;

/// Mixed into the seed for the confidence assumption's draws.
const WOBBLE_SEED: u64 = 0x636f_6e66_6964_656e;

/// The resampled position of one factor in each lane, under weights `w` (per participant,
/// one weight per lane); `totals` holds half the total weight of each of the theme's voter
/// sets.
fn resampled(
    v: &Varying,
    w: &[[f32; LANES]],
    how: Aggregation,
    totals: &[[f32; LANES]],
) -> [usize; LANES] {
    let levels = v.ordered.len();
    let mut at = [levels - 1; LANES];
    match how {
        Aggregation::Median => {
            // Votes are in scale order: walk up until half the voters' weight is reached.
            let half = totals[v.set];
            let mut acc = [0.0_f32; LANES];
            let mut done = [false; LANES];
            let mut left = LANES;
            let mut k0 = 0;
            while k0 < v.votes.len() {
                let level = v.votes[k0].1;
                let mut k1 = k0;
                while k1 < v.votes.len() && v.votes[k1].1 == level {
                    let wp = &w[v.votes[k1].0];
                    for k in 0..LANES {
                        acc[k] += wp[k];
                    }
                    k1 += 1;
                }
                for k in 0..LANES {
                    if !done[k] && acc[k] >= half[k] {
                        at[k] = level;
                        done[k] = true;
                        left -= 1;
                    }
                }
                if left == 0 {
                    break;
                }
                k0 = k1;
            }
        }
        Aggregation::Mean => {
            for (k, slot) in at.iter_mut().enumerate() {
                let (mut sum, mut total) = (0.0_f64, 0.0_f64);
                for &(p, i) in &v.votes {
                    sum += f64::from(w[p][k]) * v.points[i];
                    total += f64::from(w[p][k]);
                }
                *slot = nearest(&v.scale, sum / total.max(f64::MIN_POSITIVE))
                    .map_or(v.actual, |x| position(&v.ordered, x));
            }
        }
    }
    if let Some(a) = v.agreed {
        // The room's agreed value, moved as far as the resampled room moved.
        for x in &mut at {
            let shifted = a as i64 + *x as i64 - v.actual as i64;
            *x = shifted.clamp(0, levels as i64 - 1) as usize;
        }
    }
    at
}

/// Ranks of one run: 1-based with ties sharing a rank, 0 for themes without a risk.
fn ranks_of(scores: &[QuickScore], by_name: &[usize], order: &mut [usize], out: &mut [u32]) {
    const EPS: f64 = 1e-9;
    let key = |i: usize| {
        let s = &scores[i];
        match (s.risk, s.harm, s.likelihood) {
            (Some(r), Some(h), Some(l)) => Some((r, h, l)),
            _ => None,
        }
    };
    order.sort_unstable_by(|&a, &b| {
        let by_score = match (key(a), key(b)) {
            (Some(ka), Some(kb)) => {
                kb.0.total_cmp(&ka.0)
                    .then(kb.1.total_cmp(&ka.1))
                    .then(kb.2.total_cmp(&ka.2))
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_score.then(by_name[a].cmp(&by_name[b]))
    });
    let mut prev: Option<(f64, f64, f64)> = None;
    let mut current = 0u32;
    for (pos, &i) in order.iter().enumerate() {
        let Some(k) = key(i) else {
            out[i] = 0;
            continue;
        };
        let tied = prev.is_some_and(|p| {
            (p.0 - k.0).abs() < EPS && (p.1 - k.1).abs() < EPS && (p.2 - k.2).abs() < EPS
        });
        if !tied {
            current = u32::try_from(pos + 1).unwrap_or(u32::MAX);
        }
        out[i] = current;
        prev = Some(k);
    }
}

/// What the runs count: per theme, how often it took each rank (index 0: unranked) and how
/// often it kept its band; per adjacent pair, how often the higher stayed above (in halves).
pub(super) struct Tally {
    pub(super) ranks: Vec<Vec<u32>>,
    pub(super) band_kept: Vec<u32>,
    pub(super) above_halves: Vec<u32>,
}

impl Tally {
    /// Counts one run.
    fn count(
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

/// What every run shares: the adjacent pairs, each theme's band in the point ranking, and
/// how many participants there are.
pub(super) type Shape<'a> = (&'a [(usize, usize)], &'a [Option<usize>], usize);

/// Runs `runs` (from run `first`) and counts.
pub(super) fn simulate(
    card: &Scorecard,
    themes: &[ThemeRuns],
    (seed, first, runs): (u64, usize, usize),
    (pairs, point_band, people): Shape<'_>,
) -> Tally {
    let prep = Prepared::new(&card.method);
    let n = themes.len();
    let by_name = name_order(card);
    let mut tally = Tally {
        ranks: vec![vec![0; n + 1]; n],
        band_kept: vec![0; n],
        above_halves: vec![0; pairs.len()],
    };
    let confidence_factor = prep
        .factors
        .iter()
        .rposition(|f| f.kind == super::super::method::SectionKind::Confidence);
    let mut w = vec![[1.0_f32; LANES]; people];
    let mut scores: Vec<Vec<QuickScore>> = vec![themes.iter().map(|t| t.fixed).collect(); LANES];
    let mut order: Vec<usize> = (0..n).collect();
    let mut ranks = vec![0u32; n];
    let mut points: Vec<Vec<Option<f64>>> = vec![Vec::new(); LANES];
    let mut halves: Vec<[f32; LANES]> = Vec::new();
    let end = first + runs;
    let mut block = first;
    while block < end {
        let lanes = (end - block).min(LANES);
        for lane in 0..lanes {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            rng.set_stream((block + lane) as u64);
            for wp in &mut w {
                wp[lane] = -unit(&mut rng).ln() as f32;
            }
        }
        // The confidence assumption draws from its own stream per run, so it changes none
        // of the weights.
        let mut wobble_rng: Vec<ChaCha8Rng> = (0..lanes)
            .map(|lane| {
                let mut rng = ChaCha8Rng::seed_from_u64(seed ^ WOBBLE_SEED);
                rng.set_stream((block + lane) as u64);
                rng
            })
            .collect();
        for (i, t) in themes.iter().enumerate() {
            if t.varying.is_empty() && t.wobble.is_empty() {
                continue;
            }
            let mut confidence: [Option<&str>; LANES] = [t.confidence.as_deref(); LANES];
            for p in points.iter_mut().take(lanes) {
                p.clone_from(&t.base);
            }
            halves.clear();
            for set in &t.sets {
                let mut total = [0.0_f32; LANES];
                for &p in set {
                    for k in 0..LANES {
                        total[k] += w[p][k];
                    }
                }
                halves.push(total.map(|x| x * 0.5));
            }
            for v in &t.varying {
                let at = resampled(v, &w, card.method.aggregation, &halves);
                for lane in 0..lanes {
                    points[lane][v.factor] = Some(v.points[at[lane]]);
                    if confidence_factor == Some(v.factor) {
                        confidence[lane] = Some(&v.codes[at[lane]]);
                    }
                }
            }
            for (lane, rng) in wobble_rng.iter_mut().enumerate() {
                for d in &t.wobble {
                    let u = unit(rng);
                    let at = if u <= t.p_move / 2.0 {
                        d.at.saturating_sub(1)
                    } else if u <= t.p_move {
                        (d.at + 1).min(d.points.len() - 1)
                    } else {
                        d.at
                    };
                    points[lane][d.factor] = Some(d.points[at]);
                }
            }
            for lane in 0..lanes {
                scores[lane][i] = quick_score_points(&prep, &points[lane], confidence[lane]);
            }
        }
        for lane_scores in scores.iter().take(lanes) {
            ranks_of(lane_scores, &by_name, &mut order, &mut ranks);
            tally.count(&ranks, lane_scores, pairs, point_band);
        }
        block += lanes;
    }
    tally
}

/// Each theme's place in name order (the ranking's tie-break).
fn name_order(card: &Scorecard) -> Vec<usize> {
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
