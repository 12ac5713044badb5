//! A range scale's step: a decimal such as 0.1 or 0.25, kept exactly as a whole number of
//! units of 10^-places, so values on the scale are exact decimals. A value on a stepped range
//! is stored as a whole number of steps (`Value::Number(63)` is 6.3 on a scale in steps of
//! 0.1), so whole-number ranges (a step of 1) are stored exactly as before.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Most decimal places a step may have.
pub const MAX_PLACES: u8 = 4;

/// A positive decimal step: `units` × 10^-`places`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    units: u32,
    places: u8,
}

impl Step {
    /// A step of 1: whole numbers.
    pub const ONE: Step = Step {
        units: 1,
        places: 0,
    };

    /// The step written as a decimal (`"0.1"`, `"0.25"`, `"2"`): `None` if it is not a
    /// positive decimal with at most [`MAX_PLACES`] places.
    pub fn parse(text: &str) -> Option<Step> {
        let text = text.trim();
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        let frac = frac.trim_end_matches('0');
        if int.is_empty() && frac.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > usize::from(MAX_PLACES)
        {
            return None;
        }
        let places = u8::try_from(frac.len()).ok()?;
        let units: u32 = format!("{int}{frac}").parse().ok()?;
        (units > 0).then_some(Step { units, places })
    }

    /// The step as a number.
    pub fn value(self) -> f64 {
        self.at(1)
    }

    /// `n` steps as a number: exact to the step's places (the double nearest the decimal).
    pub fn at(self, n: i64) -> f64 {
        let units = n.saturating_mul(i64::from(self.units));
        // Both are exact in a double and the division is correctly rounded.
        #[allow(clippy::cast_precision_loss)]
        let v = units as f64 / 10_f64.powi(i32::from(self.places));
        v
    }

    /// `n` steps written as a decimal, without trailing zeros: `6.3`, `6.25`, `7`.
    pub fn text(self, n: i64) -> String {
        let units = n.saturating_mul(i64::from(self.units));
        if self.places == 0 {
            return units.to_string();
        }
        let scale = 10_i64.pow(u32::from(self.places));
        let sign = if units < 0 { "-" } else { "" };
        let (whole, frac) = (units.abs() / scale, units.abs() % scale);
        let frac = format!("{frac:0width$}", width = usize::from(self.places));
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{frac}")
        }
    }

    /// The number of steps a decimal written in `text` is (`"6.3"` → 63 in steps of 0.1),
    /// or `None` if it is not a number, or not a whole number of steps. `2.0` is 2.
    pub fn steps_in(self, text: &str) -> Option<i64> {
        let text = text.trim();
        let (neg, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let places = usize::from(self.places);
        let (kept, rest) = frac.split_at(frac.len().min(places));
        if !rest.bytes().all(|b| b == b'0') {
            return None;
        }
        let kept = format!("{kept:0<places$}");
        let units: i64 = format!("{int}{kept}").parse().ok()?;
        let units = if neg { -units } else { units };
        let per = i64::from(self.units);
        (units % per == 0).then_some(units / per)
    }

    /// The number of steps the whole number `w` is, if it is a whole number of steps.
    pub fn steps_of_whole(self, w: i64) -> Option<i64> {
        let units = w.checked_mul(10_i64.pow(u32::from(self.places)))?;
        let per = i64::from(self.units);
        (units % per == 0).then_some(units / per)
    }

    /// The step as written (`0.1`).
    pub fn written(self) -> String {
        self.text(1)
    }
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.value())
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        // The shortest decimal that reads back as v: what the analyst wrote.
        let text = format!("{v}");
        Step::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "step {text} must be a positive decimal with at most {MAX_PLACES} places (0.1, 0.25, 0.5)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Step;

    #[test]
    fn steps_are_exact_decimals() {
        let tenth = Step::parse("0.1").expect("0.1");
        assert_eq!(tenth.steps_in("6.3"), Some(63));
        assert_eq!(tenth.steps_in("6.30"), Some(63));
        assert_eq!(tenth.steps_in("6.33"), None);
        assert_eq!(tenth.steps_in("-1.5"), Some(-15));
        assert_eq!(tenth.steps_in("2"), Some(20));
        assert_eq!(tenth.steps_in("x"), None);
        assert_eq!(tenth.steps_in(".5"), None);
        assert_eq!(tenth.text(63), "6.3");
        assert_eq!(tenth.text(70), "7");
        assert_eq!(tenth.text(-15), "-1.5");
        assert_eq!(tenth.at(63), 6.3);
        let quarter = Step::parse("0.25").expect("0.25");
        assert_eq!(quarter.steps_in("6.25"), Some(25));
        assert_eq!(quarter.steps_in("6.3"), None);
        assert_eq!(quarter.text(25), "6.25");
        assert_eq!(quarter.steps_of_whole(10), Some(40));
        assert_eq!(Step::parse("0.3").and_then(|s| s.steps_of_whole(1)), None);
        assert_eq!(Step::ONE.steps_in("2.0"), Some(2));
        assert_eq!(Step::ONE.steps_in("2.5"), None);
        assert_eq!(Step::ONE.text(7), "7");
        assert_eq!(Step::parse("0"), None);
        assert_eq!(Step::parse("0.00001"), None);
        assert_eq!(Step::parse("-1"), None);
        assert_eq!(
            Step::parse("1.5").map(Step::written),
            Some("1.5".to_owned())
        );
    }
}
