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

/// Combines votes into one scale value. `None` when there are no votes.
pub fn aggregate(scale: &Scale, how: Aggregation, votes: &[Value]) -> Option<Value> {
    if votes.is_empty() {
        return None;
    }
    match how {
        Aggregation::Median => median(scale, votes),
        Aggregation::Mean => {
            let mean = votes.iter().map(|v| scale.points(*v)).sum::<f64>() / votes.len() as f64;
            nearest(scale, mean)
        }
    }
}

/// The median by points; for an even count, the upper of the two middle votes.
pub fn median(scale: &Scale, votes: &[Value]) -> Option<Value> {
    let mut sorted = votes.to_vec();
    sorted.sort_by_key(|v| scale.ordinal(*v));
    sorted.get(sorted.len() / 2).copied()
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
    if votes.is_empty() {
        return None;
    }
    let mut points: Vec<f64> = votes.iter().map(|v| scale.points(*v)).collect();
    points.sort_by(f64::total_cmp);
    let ords = votes.iter().map(|v| scale.ordinal(*v));
    let steps = ords.clone().max().unwrap_or(0) - ords.min().unwrap_or(0);
    Some(Spread {
        count: votes.len(),
        min: points[0],
        max: points[points.len() - 1],
        q1: quantile(&points, 0.25),
        q3: quantile(&points, 0.75),
        steps,
        contested: contested_steps > 0 && steps >= i64::from(contested_steps),
    })
}

/// Linear-interpolation quantile of sorted data (QUARTILE.INC).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
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
        let s = Scale::Range { min: 1, max: 20 };
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
        let r = Scale::Range { min: 1, max: 20 };
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
