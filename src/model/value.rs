//! A value on a factor's scale, and how text (a level code, a label or a number) becomes one.

use super::method::{Level, Scale};
use super::step::Step;

/// A position on a factor's scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// The index of a named level in the scale's list.
    Level(u16),
    /// A whole number within a range scale.
    Number(i32),
}

/// Why a piece of text is not a value on a scale.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// Not a code, label or points value of any level.
    #[error("\"{text}\" is not a level of this scale (expected one of {expected})")]
    UnknownLevel {
        /// The text given.
        text: String,
        /// The codes that would have been accepted.
        expected: String,
    },
    /// More than one level has these points, so a number cannot choose.
    #[error("{text} matches the points of more than one level; use a level code ({expected})")]
    AmbiguousPoints {
        /// The text given.
        text: String,
        /// The codes that would have been accepted.
        expected: String,
    },
    /// A number outside a range scale.
    #[error("{value} is outside the range {min}–{max}")]
    OutOfRange {
        /// The number given.
        value: i64,
        /// Smallest allowed.
        min: i32,
        /// Largest allowed.
        max: i32,
    },
    /// Not a whole number, for a range scale.
    #[error("\"{text}\" is not a whole number from {min} to {max}")]
    NotANumber {
        /// The text given.
        text: String,
        /// Smallest allowed.
        min: i32,
        /// Largest allowed.
        max: i32,
    },
    /// Not a number on a stepped range (off the range, or between two steps).
    #[error("\"{text}\" is not a number from {min} to {max} in steps of {step}")]
    NotAStep {
        /// The text given.
        text: String,
        /// Smallest allowed.
        min: i32,
        /// Largest allowed.
        max: i32,
        /// The step, as written.
        step: String,
    },
    /// A value of the wrong kind for this scale.
    #[error("value does not fit this scale")]
    WrongKind,
}

impl Scale {
    /// Reads a value given as a level code, a level label or points (for levels),
    /// or as a whole number (for a range). Case and surrounding space are ignored.
    pub fn parse(&self, text: &str) -> Result<Value, ValueError> {
        let text = text.trim();
        match self {
            Scale::Levels(levels) => parse_level(levels, text),
            Scale::Range { min, max, step } => {
                let s = self.step();
                let wrong = || match step {
                    None => ValueError::NotANumber {
                        text: text.to_owned(),
                        min: *min,
                        max: *max,
                    },
                    Some(st) => ValueError::NotAStep {
                        text: text.to_owned(),
                        min: *min,
                        max: *max,
                        step: st.written(),
                    },
                };
                let n = s.steps_in(text).ok_or_else(wrong)?;
                self.steps(n).map_err(|e| match (e, step) {
                    (ValueError::OutOfRange { .. }, Some(_)) => wrong(),
                    (e, _) => e,
                })
            }
        }
    }

    /// A range scale's step (1 for whole numbers, and for named levels).
    pub fn step(&self) -> Step {
        match self {
            Scale::Range {
                step: Some(step), ..
            } => *step,
            _ => Step::ONE,
        }
    }

    /// The smallest and largest number of steps on a range scale.
    pub fn step_bounds(&self) -> Option<(i64, i64)> {
        let Scale::Range { min, max, .. } = self else {
            return None;
        };
        let s = self.step();
        Some((
            s.steps_of_whole(i64::from(*min))?,
            s.steps_of_whole(i64::from(*max))?,
        ))
    }

    /// A whole number on a range scale, checked.
    pub fn number(&self, n: i64) -> Result<Value, ValueError> {
        match self {
            Scale::Range { min, max, .. } => {
                let steps = self
                    .step()
                    .steps_of_whole(n)
                    .ok_or(ValueError::OutOfRange {
                        value: n,
                        min: *min,
                        max: *max,
                    })?;
                self.steps(steps)
            }
            Scale::Levels(_) => Err(ValueError::WrongKind),
        }
    }

    /// `n` steps on a range scale (a number, on a whole-number range), checked.
    pub fn steps(&self, n: i64) -> Result<Value, ValueError> {
        match (self, self.step_bounds()) {
            (Scale::Range { .. }, Some((lo, hi))) if (lo..=hi).contains(&n) => Ok(Value::Number(
                i32::try_from(n).map_err(|_| ValueError::WrongKind)?,
            )),
            (Scale::Range { min, max, .. }, _) => Err(ValueError::OutOfRange {
                value: n,
                min: *min,
                max: *max,
            }),
            (Scale::Levels(_), _) => Err(ValueError::WrongKind),
        }
    }

    /// Checks that a value belongs to this scale.
    pub fn check(&self, value: Value) -> Result<Value, ValueError> {
        match (self, value) {
            (Scale::Levels(levels), Value::Level(i)) if usize::from(i) < levels.len() => Ok(value),
            (Scale::Range { .. }, Value::Number(n)) => self.steps(i64::from(n)),
            _ => Err(ValueError::WrongKind),
        }
    }

    /// The points a value is worth. Panics never: an unknown level is worth 0.
    pub fn points(&self, value: Value) -> f64 {
        match (self, value) {
            (Scale::Levels(levels), Value::Level(i)) => {
                levels.get(usize::from(i)).map_or(0.0, |l| l.points)
            }
            (_, Value::Number(n)) => self.step().at(i64::from(n)),
            (Scale::Range { .. }, Value::Level(_)) => 0.0,
        }
    }

    /// The text stored in files for a value: the level code or the number.
    pub fn code(&self, value: Value) -> String {
        match (self, value) {
            (Scale::Levels(levels), Value::Level(i)) => levels
                .get(usize::from(i))
                .map_or_else(|| format!("#{i}"), |l| l.code.clone()),
            (_, Value::Number(n)) => self.step().text(i64::from(n)),
            (Scale::Range { .. }, Value::Level(i)) => format!("#{i}"),
        }
    }

    /// The text shown to users: the level label or the number.
    pub fn label(&self, value: Value) -> String {
        match (self, value) {
            (Scale::Levels(levels), Value::Level(i)) => levels
                .get(usize::from(i))
                .map_or_else(|| format!("#{i}"), |l| l.label.clone()),
            _ => self.code(value),
        }
    }

    /// The level for a value, if it is a named level.
    pub fn level(&self, value: Value) -> Option<&Level> {
        match (self, value) {
            (Scale::Levels(levels), Value::Level(i)) => levels.get(usize::from(i)),
            _ => None,
        }
    }

    /// Every value of the scale, in the order listed (levels) or ascending (range).
    pub fn values(&self) -> Vec<Value> {
        match self {
            Scale::Levels(levels) => (0..levels.len())
                .filter_map(|i| u16::try_from(i).ok().map(Value::Level))
                .collect(),
            Scale::Range { .. } => self.step_bounds().map_or_else(Vec::new, |(lo, hi)| {
                (lo..=hi)
                    .filter_map(|n| i32::try_from(n).ok().map(Value::Number))
                    .collect()
            }),
        }
    }

    /// The ordinal position of a value when the scale is sorted by points (ties keep list order).
    /// Used to measure spread in steps and to order votes.
    pub fn ordinal(&self, value: Value) -> i64 {
        match (self, value) {
            (Scale::Levels(levels), Value::Level(i)) => {
                let p = self.points(value);
                let i = usize::from(i);
                levels
                    .iter()
                    .enumerate()
                    .filter(|(j, l)| l.points < p || (l.points == p && *j < i))
                    .count() as i64
            }
            (_, Value::Number(n)) => i64::from(n),
            (Scale::Range { .. }, Value::Level(i)) => i64::from(i),
        }
    }
}

fn parse_level(levels: &[Level], text: &str) -> Result<Value, ValueError> {
    let expected = || {
        levels
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let to_value = |i: usize| Value::Level(u16::try_from(i).unwrap_or(u16::MAX));
    if let Some(i) = levels
        .iter()
        .position(|l| l.code.eq_ignore_ascii_case(text))
    {
        return Ok(to_value(i));
    }
    if let Some(i) = levels
        .iter()
        .position(|l| l.label.eq_ignore_ascii_case(text))
    {
        return Ok(to_value(i));
    }
    if let Ok(p) = text.parse::<f64>() {
        let hits: Vec<usize> = (0..levels.len())
            .filter(|&i| levels[i].points == p)
            .collect();
        match hits.as_slice() {
            [i] => return Ok(to_value(*i)),
            [_, _, ..] => {
                return Err(ValueError::AmbiguousPoints {
                    text: text.to_owned(),
                    expected: expected(),
                });
            }
            [] => {}
        }
    }
    Err(ValueError::UnknownLevel {
        text: text.to_owned(),
        expected: expected(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels() -> Scale {
        let l = |code: &str, label: &str, points: f64| Level {
            code: code.into(),
            label: label.into(),
            points,
            descriptor: String::new(),
        };
        Scale::Levels(vec![
            l("N", "None", 0.0),
            l("L", "Low", 1.0),
            l("M", "Medium", 2.0),
            l("H", "High", 3.0),
        ])
    }

    #[test]
    fn parses_codes_labels_and_points() {
        let s = levels();
        for (text, want) in [
            ("H", Ok(Value::Level(3))),
            ("h", Ok(Value::Level(3))),
            (" medium ", Ok(Value::Level(2))),
            ("1", Ok(Value::Level(1))),
            ("0", Ok(Value::Level(0))),
        ] {
            assert_eq!(s.parse(text), want, "{text}");
        }
        assert!(matches!(s.parse("7"), Err(ValueError::UnknownLevel { .. })));
        assert!(matches!(
            s.parse("huge"),
            Err(ValueError::UnknownLevel { .. })
        ));
    }

    #[test]
    fn parses_ranges() {
        let s = Scale::Range {
            min: 1,
            max: 20,
            step: None,
        };
        assert_eq!(s.parse("20"), Ok(Value::Number(20)));
        assert_eq!(s.parse(" 1"), Ok(Value::Number(1)));
        assert!(matches!(s.parse("21"), Err(ValueError::OutOfRange { .. })));
        assert!(matches!(s.parse("0"), Err(ValueError::OutOfRange { .. })));
        assert!(matches!(s.parse("2.5"), Err(ValueError::NotANumber { .. })));
        // Spreadsheets write whole numbers with a point.
        assert_eq!(s.parse("2.0"), Ok(Value::Number(2)));
        assert_eq!(s.parse("20.00"), Ok(Value::Number(20)));
        assert!(matches!(
            s.parse("20.01"),
            Err(ValueError::NotANumber { .. })
        ));
        assert!(matches!(s.parse(".0"), Err(ValueError::NotANumber { .. })));
        assert!(matches!(s.parse("-.0"), Err(ValueError::NotANumber { .. })));
        assert!(matches!(
            s.parse("2.0.0"),
            Err(ValueError::NotANumber { .. })
        ));
        assert!(matches!(
            s.parse("21.0"),
            Err(ValueError::OutOfRange { .. })
        ));
        assert!(matches!(
            s.parse("99999999999999999999"),
            Err(ValueError::NotANumber { .. })
        ));
    }

    #[test]
    fn ambiguous_points_are_refused() {
        let l = |code: &str| Level {
            code: code.into(),
            label: code.into(),
            points: 1.0,
            descriptor: String::new(),
        };
        let s = Scale::Levels(vec![l("A"), l("B")]);
        assert!(matches!(
            s.parse("1"),
            Err(ValueError::AmbiguousPoints { .. })
        ));
        assert_eq!(s.parse("b"), Ok(Value::Level(1)));
    }

    #[test]
    fn ordinal_follows_points_not_list_order() {
        let l = |code: &str, points: f64| Level {
            code: code.into(),
            label: code.into(),
            points,
            descriptor: String::new(),
        };
        // Confidence is often listed High, Medium, Low.
        let s = Scale::Levels(vec![l("H", 3.0), l("M", 2.0), l("L", 1.0)]);
        assert_eq!(s.ordinal(Value::Level(0)), 2);
        assert_eq!(s.ordinal(Value::Level(2)), 0);
    }
}
