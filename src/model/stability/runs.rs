//! The simulated runs of [`super::stability`]: weights for eight runs at a time, each voted
//! factor resampled in vector lanes, every theme scored and ranked, and the counts kept.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use super::super::aggregate::nearest;
use super::super::method::Aggregation;
use super::super::ranking::{QuickScore, quick_score_points};
use super::super::scorecard::Scorecard;
use super::tally::{Tally, name_order, ranks_of};
use super::{ThemeRuns, Varying, position};
use crate::model::ranking::prep::Prepared;

/// A uniform number in (0, 1] from 53 random bits.
fn unit(rng: &mut ChaCha8Rng) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
}

/// Runs simulated side by side: the weighted sums of a factor's votes are taken for eight
/// runs at once (the compiler turns the fixed-width loops into vector instructions).
const LANES: usize = 16;

/// Mixed into the seed for the confidence assumption's draws.
const WOBBLE_SEED: u64 = 0x636f_6e66_6964_656e;

/// Adds one participant's weights (one per lane) to a running sum.
#[inline(always)]
fn add(acc: &mut [f32; LANES], w: &[f32; LANES]) {
    for k in 0..LANES {
        acc[k] += w[k];
    }
}

/// Adds the weights of the voters of group `g` of a factor (two sums side by side, which
/// halves the chain of dependent additions).
#[inline(always)]
fn add_group(acc: &mut [f32; LANES], v: &Varying, g: usize, w: &[[f32; LANES]]) {
    let from = if g == 0 {
        0
    } else {
        v.groups[g - 1].0 as usize
    };
    let voters = &v.who[from..v.groups[g].0 as usize];
    let mut other = [0.0_f32; LANES];
    let mut pairs = voters.chunks_exact(2);
    for two in &mut pairs {
        add(acc, &w[two[0] as usize]);
        add(&mut other, &w[two[1] as usize]);
    }
    for &p in pairs.remainder() {
        add(acc, &w[p as usize]);
    }
    add(acc, &other);
}

/// The resampled position of one factor in each lane, under weights `w` (per participant,
/// one weight per lane) whose sum over the whole room is `room`.
fn resampled(
    v: &Varying,
    w: &[[f32; LANES]],
    how: Aggregation,
    room: [f32; LANES],
) -> [u16; LANES] {
    let levels = v.ordered.len();
    let top = u16::try_from(levels - 1).unwrap_or(u16::MAX);
    let mut at = [top; LANES];
    match how {
        Aggregation::Median => {
            // The voters' total is the room's total less those who did not vote. The running
            // weight up to each voted level is added up from below for the levels under the
            // actual median's and from above for those over it (the median's own level, the
            // biggest, is never walked); in each lane, the levels whose running weight is
            // still short of half are counted, branch-free, and the median is the next one.
            let mut total = room;
            for &p in &v.absent {
                let wp = &w[p as usize];
                for k in 0..LANES {
                    total[k] -= wp[k];
                }
            }
            let mut half = [0.0_f32; LANES];
            for k in 0..LANES {
                half[k] = total[k] * 0.5;
            }
            let mut short = [0_u32; LANES];
            let mut below = [0.0_f32; LANES];
            for g in 0..v.mid {
                add_group(&mut below, v, g, w);
                for k in 0..LANES {
                    short[k] += u32::from(below[k] < half[k]);
                }
            }
            let mut above = [0.0_f32; LANES];
            for g in (v.mid..v.groups.len()).rev() {
                // Up to and including group g: the total less what lies above it.
                for k in 0..LANES {
                    short[k] += u32::from(total[k] - above[k] < half[k]);
                }
                if g > v.mid {
                    add_group(&mut above, v, g, w);
                }
            }
            let last = v.groups.len().saturating_sub(1);
            for k in 0..LANES {
                at[k] = v
                    .groups
                    .get((short[k] as usize).min(last))
                    .map_or(top, |g| g.1);
            }
        }
        Aggregation::Mean => {
            for (k, slot) in at.iter_mut().enumerate() {
                let (mut sum, mut total) = (0.0_f64, 0.0_f64);
                for &(p, i) in &v.votes {
                    sum += f64::from(w[p][k]) * v.points[i];
                    total += f64::from(w[p][k]);
                }
                let pos = nearest(&v.scale, sum / total.max(f64::MIN_POSITIVE))
                    .map_or(v.actual, |x| position(&v.ordered, x));
                *slot = u16::try_from(pos).unwrap_or(top);
            }
        }
    }
    if let Some(a) = v.agreed {
        // The room's agreed value, moved as far as the resampled room moved.
        for x in &mut at {
            let shifted = a as i64 + i64::from(*x) - v.actual as i64;
            *x = shifted.clamp(0, i64::from(top)) as u16;
        }
    }
    at
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
    let run = Run {
        confidence_factor: prep
            .factors
            .iter()
            .rposition(|f| f.kind == crate::model::method::SectionKind::Confidence),
        prep,
        how: card.method.aggregation,
    };
    let n = themes.len();
    let by_name = name_order(card);
    let mut tally = Tally {
        ranks: vec![vec![0; n + 1]; n],
        band_kept: vec![0; n],
        above_halves: vec![0; pairs.len()],
    };
    let mut w = vec![[1.0_f32; LANES]; people];
    let mut scores: Vec<Vec<QuickScore>> = vec![themes.iter().map(|t| t.fixed).collect(); LANES];
    let mut keyed: Vec<u128> = Vec::with_capacity(n);
    let mut ranks = vec![0u32; n];
    let mut scratch = Scratch::default();
    let end = first + runs;
    let mut block = first;
    while block < end {
        let lanes = (end - block).min(LANES);
        let room = draw_weights(seed, block, lanes, &mut w);
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
            run.rescore(
                (t, i),
                (&w, room),
                &mut wobble_rng,
                (&mut scratch, &mut scores),
            );
        }
        for lane_scores in scores.iter().take(lanes) {
            ranks_of(lane_scores, &by_name, &mut keyed, &mut ranks);
            tally.count(&ranks, lane_scores, pairs, point_band);
        }
        block += lanes;
    }
    tally
}

/// What every run of a method shares.
struct Run<'a> {
    prep: Prepared<'a>,
    how: crate::model::method::Aggregation,
    /// The confidence factor's position, whose level names the confidence.
    confidence_factor: Option<usize>,
}

/// Buffers reused from theme to theme.
#[derive(Default)]
struct Scratch {
    points: Vec<Option<f64>>,
    ats: Vec<[u16; LANES]>,
    moved: Vec<[usize; LANES]>,
}

/// Draws the block's weights: each person's weight in each lane (a Bayesian bootstrap over
/// participants, one stream per run), and the room's total per lane.
fn draw_weights(seed: u64, block: usize, lanes: usize, w: &mut [[f32; LANES]]) -> [f32; LANES] {
    for lane in 0..lanes {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream((block + lane) as u64);
        for wp in w.iter_mut() {
            wp[lane] = -unit(&mut rng).ln() as f32;
        }
    }
    let mut room = [0.0_f32; LANES];
    for wp in w.iter() {
        add(&mut room, wp);
    }
    room
}

impl Run<'_> {
    /// Theme `t`'s score (its place `i`) in each lane of `scores`: its point score where none
    /// of its values moved, else scored again with the resampled levels (and the confidence
    /// assumption's moves).
    fn rescore(
        &self,
        (t, i): (&ThemeRuns, usize),
        (w, room): (&[[f32; LANES]], [f32; LANES]),
        wobble_rng: &mut [ChaCha8Rng],
        (scratch, scores): (&mut Scratch, &mut [Vec<QuickScore>]),
    ) {
        let Scratch { points, ats, moved } = scratch;
        let mut changed = [false; LANES];
        ats.clear();
        for v in &t.varying {
            let at = resampled(v, w, self.how, room);
            for k in 0..LANES {
                changed[k] |= usize::from(at[k]) != v.now;
            }
            ats.push(at);
        }
        moved.clear();
        moved.extend(t.wobble.iter().map(|d| [d.at; LANES]));
        for (lane, rng) in wobble_rng.iter_mut().enumerate() {
            for (d, m) in t.wobble.iter().zip(moved.iter_mut()) {
                let u = unit(rng);
                m[lane] = if u <= t.p_move / 2.0 {
                    d.at.saturating_sub(1)
                } else if u <= t.p_move {
                    (d.at + 1).min(d.points.len() - 1)
                } else {
                    d.at
                };
                changed[lane] |= m[lane] != d.at;
            }
        }
        for lane in 0..wobble_rng.len() {
            if !changed[lane] {
                // Every value as in the point ranking: so is the score.
                scores[lane][i] = t.fixed;
                continue;
            }
            points.clone_from(&t.base);
            let mut confidence = t.confidence.as_deref();
            for (v, at) in t.varying.iter().zip(ats.iter()) {
                let at = usize::from(at[lane]);
                points[v.factor] = Some(v.points[at]);
                if self.confidence_factor == Some(v.factor) {
                    confidence = Some(&v.codes[at]);
                }
            }
            for (d, m) in t.wobble.iter().zip(moved.iter()) {
                points[d.factor] = Some(d.points[m[lane]]);
            }
            scores[lane][i] = quick_score_points(&self.prep, points, confidence);
        }
    }
}
