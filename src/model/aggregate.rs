//! Combining participants' votes on one factor: the aggregate value and the spread.
//!
//! **Median of an even count.** Votes are ordinal, and the effective value must be a value of
//! the scale, so trh never averages the two middle votes. It takes the *upper* of the two
//! (by points): when a room is split between "Medium" and "High" harm, the theme is carried
//! forward at "High" until the room agrees otherwise. This is the precautionary choice for harm
//! and likelihood; the spread is always reported next to it, and an agreed value overrides it.

use serde::Serialize;

use super::method::{Aggregation, Scale};
use super::value::Value;

/// How far apart the votes on one factor are.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    /// How many votes.
    pub count: usize,
    /// Lowest vote, in points.
    pub min: f64,
    /// Highest vote, in points.
    pub max: f64,
    /// First quartile of the points (inclusive method, as spreadsheets' QUARTILE.INC).
    pub q1: f64,
    /// Third quartile of the points.
    pub q3: f64,
    /// Scale steps between the lowest and highest vote (levels for named scales, units for ranges).
    pub steps: i64,
    /// True when `steps` reaches the method's contested threshold.
    pub contested: bool,
}

impl Spread {
    /// Interquartile range in points.
    pub fn iqr(&self) -> f64 {
        self.q3 - self.q1
    }
}

/// A scale's points and ordinal positions, computed once so that summarising thousands of
/// votes does not search the scale for every comparison.
#[derive(Clone, Debug)]
pub struct ScaleTable<'a> {
    scale: &'a Scale,
    /// (points, ordinal) by level index; empty for ranges.
    levels: Vec<(f64, i64)>,
    /// (points, value) by ordinal.
    by_ordinal: Vec<(f64, Value)>,
}

impl<'a> ScaleTable<'a> {
    /// Builds the table for a scale.
    pub fn new(scale: &'a Scale) -> Self {
        let levels = match scale {
            Scale::Levels(ls) => (0..ls.len())
                .filter_map(|i| u16::try_from(i).ok().map(Value::Level))
                .map(|v| (scale.points(v), scale.ordinal(v)))
                .collect(),
            Scale::Range { .. } => Vec::new(),
        };
        let mut by_ordinal: Vec<(i64, f64, Value)> = levels
            .iter()
            .enumerate()
            .filter_map(|(i, &(p, o))| u16::try_from(i).ok().map(|i| (o, p, Value::Level(i))))
            .collect();
        by_ordinal.sort_by_key(|k| k.0);
        let by_ordinal = by_ordinal.into_iter().map(|(_, p, v)| (p, v)).collect();
        Self {
            scale,
            levels,
            by_ordinal,
        }
    }

    /// Whether a spread is contested: named levels by steps apart; a range by value distance
    /// (`contested_steps` whole points), so votes 0.2 apart on a scale in steps of 0.1 are
    /// not contested as 2 steps would be. On a whole-number range the two are the same.
    fn contested(&self, steps: i64, distance: f64, contested_steps: u32) -> bool {
        match self.scale {
            Scale::Range { .. } => distance + 1e-9 >= f64::from(contested_steps),
            Scale::Levels(_) => steps >= i64::from(contested_steps),
        }
    }

    /// (ordinal, points) of a value.
    fn key(&self, v: Value) -> (i64, f64) {
        match v {
            Value::Level(i) => self
                .levels
                .get(usize::from(i))
                .map_or((0, 0.0), |&(p, o)| (o, p)),
            Value::Number(n) => (i64::from(n), self.scale.points(v)),
        }
    }

    /// The aggregate value and the spread of a set of votes, in one pass.
    pub fn summarise(
        &self,
        votes: &[Value],
        how: Aggregation,
        contested_steps: u32,
    ) -> (Option<Value>, Option<Spread>) {
        self.summarise_iter(votes.iter().copied(), how, contested_steps)
    }

    /// As [`Self::summarise`], over any sequence of votes. Named-level scales are counted
    /// (no sorting, no allocation for up to 16 levels); ranges are sorted.
    pub fn summarise_iter<I>(
        &self,
        votes: I,
        how: Aggregation,
        contested_steps: u32,
    ) -> (Option<Value>, Option<Spread>)
    where
        I: Iterator<Item = Value>,
    {
        let (ordered, owned);
        if self.levels.is_empty() || self.levels.len() > 16 {
            let mut keyed: Vec<(i64, f64, Value)> = votes
                .map(|v| {
                    let (o, p) = self.key(v);
                    (o, p, v)
                })
                .collect();
            keyed.sort_by_key(|k| k.0);
            owned = keyed;
            ordered = Ordered::Sorted(&owned);
        } else {
            let mut counts = [0u32; 16];
            for v in votes {
                counts[self.key(v).0 as usize] += 1;
            }
            ordered = Ordered::Counted(counts, &self.by_ordinal);
        }
        let n = ordered.len();
        if n == 0 {
            return (None, None);
        }
        let value = match how {
            Aggregation::Median => Some(ordered.nth(n / 2).2),
            Aggregation::Mean => nearest(self.scale, ordered.sum_points() / n as f64),
        };
        let quantile = |q: f64| {
            let pos = q * (n - 1) as f64;
            let (lo, hi) = (
                ordered.nth(pos.floor() as usize).1,
                ordered.nth(pos.ceil() as usize).1,
            );
            lo + (hi - lo) * (pos - pos.floor())
        };
        let (first, last) = (ordered.nth(0), ordered.nth(n - 1));
        let steps = last.0 - first.0;
        let spread = Spread {
            count: n,
            min: first.1,
            max: last.1,
            q1: quantile(0.25),
            q3: quantile(0.75),
            steps,
            contested: contested_steps > 0
                && self.contested(steps, last.1 - first.1, contested_steps),
        };
        (value, Some(spread))
    }
}

/// Votes in scale order: sorted, or counted by ordinal.
enum Ordered<'a> {
    Sorted(&'a [(i64, f64, Value)]),
    Counted([u32; 16], &'a [(f64, Value)]),
}

impl Ordered<'_> {
    fn len(&self) -> usize {
        match self {
            Self::Sorted(v) => v.len(),
            Self::Counted(c, _) => c.iter().map(|&n| n as usize).sum(),
        }
    }

    /// The k-th vote in scale order: (ordinal, points, value).
    fn nth(&self, k: usize) -> (i64, f64, Value) {
        match self {
            Self::Sorted(v) => v[k],
            Self::Counted(counts, by_ordinal) => {
                let mut seen = 0usize;
                for (ord, &c) in counts.iter().enumerate() {
                    seen += c as usize;
                    if k < seen {
                        let (p, v) = by_ordinal[ord];
                        return (ord as i64, p, v);
                    }
                }
                let (p, v) = by_ordinal[by_ordinal.len() - 1];
                (by_ordinal.len() as i64 - 1, p, v)
            }
        }
    }

    fn sum_points(&self) -> f64 {
        match self {
            Self::Sorted(v) => v.iter().map(|k| k.1).sum(),
            Self::Counted(counts, by_ordinal) => counts
                .iter()
                .zip(by_ordinal.iter())
                .map(|(&c, (p, _))| f64::from(c) * p)
                .sum(),
        }
    }
}

/// Combines votes into one scale value. `None` when there are no votes.
pub fn aggregate(scale: &Scale, how: Aggregation, votes: &[Value]) -> Option<Value> {
    ScaleTable::new(scale).summarise(votes, how, 0).0
}

/// The median by points; for an even count, the upper of the two middle votes.
pub fn median(scale: &Scale, votes: &[Value]) -> Option<Value> {
    aggregate(scale, Aggregation::Median, votes)
}

/// The scale value with points nearest to `target`; ties go to the higher value.
pub fn nearest(scale: &Scale, target: f64) -> Option<Value> {
    let mut best: Option<(f64, i64, Value)> = None;
    for v in scale.values() {
        let dist = (scale.points(v) - target).abs();
        let ord = scale.ordinal(v);
        let better = match best {
            None => true,
            Some((d, o, _)) => dist < d - 1e-9 || ((dist - d).abs() <= 1e-9 && ord > o),
        };
        if better {
            best = Some((dist, ord, v));
        }
    }
    best.map(|(_, _, v)| v)
}

/// The spread of a set of votes. `None` when there are no votes.
pub fn spread(scale: &Scale, votes: &[Value], contested_steps: u32) -> Option<Spread> {
    ScaleTable::new(scale)
        .summarise(votes, Aggregation::Median, contested_steps)
        .1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::method::Level;

    fn five_levels() -> Scale {
        let l = |code: &str, points: f64| Level {
            code: code.into(),
            label: code.into(),
            points,
            descriptor: String::new(),
        };
        Scale::Levels(vec![
            l("N", 0.0),
            l("L", 1.0),
            l("M", 2.0),
            l("H", 3.0),
            l("VH", 4.0),
        ])
    }

    fn lv(codes: &[u16]) -> Vec<Value> {
        codes.iter().map(|&i| Value::Level(i)).collect()
    }

    #[test]
    fn median_table() {
        let s = five_levels();
        for (votes, want) in [
            (vec![], None),
            (vec![2], Some(2)),
            (vec![1, 3], Some(3)), // even count: upper middle
            (vec![3, 1], Some(3)), // order of votes does not matter
            (vec![0, 1, 3, 4], Some(3)),
            (vec![0, 0, 4], Some(0)),
            (vec![4, 4, 0, 0, 2], Some(2)),
            (vec![2, 2, 2, 2], Some(2)),
        ] {
            assert_eq!(
                median(&s, &lv(&votes)),
                want.map(Value::Level),
                "votes {votes:?}"
            );
        }
    }

    #[test]
    fn median_of_even_count_on_a_range_is_a_value_of_the_range() {
        let s = Scale::Range {
            min: 1,
            max: 20,
            step: None,
        };
        let votes = [Value::Number(5), Value::Number(10)];
        assert_eq!(median(&s, &votes), Some(Value::Number(10)));
    }

    #[test]
    fn mean_table() {
        let s = five_levels();
        for (votes, want) in [
            (vec![1, 3], 2),    // mean 2.0
            (vec![1, 2], 2),    // mean 1.5: tie goes up
            (vec![0, 0, 4], 1), // mean 1.33
            (vec![4, 4, 3], 4), // mean 3.67
        ] {
            assert_eq!(
                aggregate(&s, Aggregation::Mean, &lv(&votes)),
                Some(Value::Level(want)),
                "votes {votes:?}"
            );
        }
        let r = Scale::Range {
            min: 1,
            max: 20,
            step: None,
        };
        let votes = [Value::Number(3), Value::Number(4)];
        assert_eq!(
            aggregate(&r, Aggregation::Mean, &votes),
            Some(Value::Number(4))
        );
    }

    #[test]
    fn spread_table() {
        let s = five_levels();
        // (votes, min, max, q1, q3, steps, contested at 2)
        for (votes, min, max, q1, q3, steps, contested) in [
            (vec![2], 2.0, 2.0, 2.0, 2.0, 0, false),
            (vec![2, 3], 2.0, 3.0, 2.25, 2.75, 1, false),
            (vec![1, 3], 1.0, 3.0, 1.5, 2.5, 2, true),
            (vec![0, 1, 2, 3, 4], 0.0, 4.0, 1.0, 3.0, 4, true),
        ] {
            let got = spread(&s, &lv(&votes), 2).expect("votes given");
            assert_eq!(
                (
                    got.min,
                    got.max,
                    got.q1,
                    got.q3,
                    got.steps,
                    got.contested,
                    got.count
                ),
                (min, max, q1, q3, steps, contested, votes.len()),
                "votes {votes:?}"
            );
        }
        assert_eq!(spread(&s, &[], 2), None);
    }

    #[test]
    fn zero_threshold_never_contests() {
        let s = five_levels();
        let got = spread(&s, &lv(&[0, 4]), 0).expect("votes given");
        assert!(!got.contested);
    }
}
