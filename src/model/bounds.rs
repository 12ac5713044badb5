//! The range a risk band or position grade covers, as a method writes it: `min` / `max`
//! (inclusive, as trh has always read them) or the papers' half-open wording, `from` (the
//! same as `min`) and `below` (everything under it, not including it). Either end may be
//! left out: "High ≥ 7" is `from: 7` alone. The `Band` and `Grade` types that carry these
//! fields live here too.

use serde::{Deserialize, Serialize};

/// Totals are compared at this tolerance, so 0.1 + 0.2 is 0.3.
const EPS: f64 = 1e-9;

/// One end of a range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct End {
    /// The value.
    pub at: f64,
    /// Whether the value itself is inside the range.
    pub inclusive: bool,
}

/// A range of totals: lower and upper ends, `None` meaning unbounded.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Bounds {
    /// Lowest value (or `None`: no lower limit).
    pub lower: Option<End>,
    /// Highest value (or `None`: no upper limit).
    pub upper: Option<End>,
}

impl Bounds {
    /// Bounds from the four fields a band or grade may give. Where both `min` and `from`
    /// (or both `max` and `below`) are given, which is refused by the method checks, the
    /// first wins.
    pub fn of(min: Option<f64>, max: Option<f64>, from: Option<f64>, below: Option<f64>) -> Self {
        let lower = min.or(from).map(|at| End {
            at,
            inclusive: true,
        });
        let upper = max
            .map(|at| End {
                at,
                inclusive: true,
            })
            .or(below.map(|at| End {
                at,
                inclusive: false,
            }));
        Self { lower, upper }
    }

    /// Whether a value falls in the range (inclusive ends within a billionth).
    pub fn contains(&self, x: f64) -> bool {
        let above = self.lower.is_none_or(|e| {
            if e.inclusive {
                x >= e.at - EPS
            } else {
                x > e.at + EPS
            }
        });
        let under = self.upper.is_none_or(|e| {
            if e.inclusive {
                x <= e.at + EPS
            } else {
                x < e.at - EPS
            }
        });
        above && under
    }

    /// Whether two ranges share any value.
    pub fn overlaps(&self, other: &Self) -> bool {
        // Two ranges are apart when one ends before the other starts.
        let before = |a: &Self, b: &Self| match (a.upper, b.lower) {
            (Some(u), Some(l)) => {
                u.at < l.at - EPS || ((u.at - l.at).abs() <= EPS && !(u.inclusive && l.inclusive))
            }
            _ => false,
        };
        !before(self, other) && !before(other, self)
    }

    /// Whether the range holds no value at all (lower end above the upper end).
    pub fn is_empty(&self) -> bool {
        match (self.lower, self.upper) {
            (Some(l), Some(u)) => {
                l.at > u.at + EPS || ((l.at - u.at).abs() <= EPS && !(l.inclusive && u.inclusive))
            }
            _ => false,
        }
    }

    /// The lowest value, or minus infinity.
    pub fn low(&self) -> f64 {
        self.lower.map_or(f64::NEG_INFINITY, |e| e.at)
    }

    /// The highest value (or the one it stops below), or plus infinity.
    pub fn high(&self) -> f64 {
        self.upper.map_or(f64::INFINITY, |e| e.at)
    }

    /// The range in words, as a paper writes it: "1–4", "4 to below 7", "below 4", "7 or more",
    /// "any value". `num` formats a number.
    pub fn text(&self, num: impl Fn(f64) -> String) -> String {
        match (self.lower, self.upper) {
            (Some(l), Some(u)) if u.inclusive => format!("{}–{}", num(l.at), num(u.at)),
            (Some(l), Some(u)) => format!("{} to below {}", num(l.at), num(u.at)),
            (Some(l), None) => format!("{} or more", num(l.at)),
            (None, Some(u)) if u.inclusive => format!("up to {}", num(u.at)),
            (None, Some(u)) => format!("below {}", num(u.at)),
            (None, None) => "any value".to_owned(),
        }
    }
}

/// A risk band: every risk in its bounds (see [`Bounds`]). A grid method's bands have none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Id used in the lookup.
    pub id: String,
    /// Label shown to users.
    pub label: String,
    /// One or two characters shown with the band colour, so colour is never the only cue.
    pub letter: String,
    /// Lowest risk in the band (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Highest risk in the band (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Lowest risk in the band (inclusive): the papers' "from 4", written with `below`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<f64>,
    /// Every risk under this, not including it: the papers' "below 7" or "< 7".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
}

impl Band {
    /// The range the band covers.
    pub fn bounds(&self) -> Bounds {
        Bounds::of(self.min, self.max, self.from, self.below)
    }
}

/// An organisational-position grade: every position total in its bounds (see [`Bounds`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Id used in the lookup.
    pub id: String,
    /// Label shown to users.
    pub label: String,
    /// Lowest position total in the grade (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Highest position total in the grade (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Lowest position total in the grade (inclusive): the papers' "from 4", written with `below`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<f64>,
    /// Every position total under this, not including it: the papers' "below 7" or "< 7".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
}

impl Grade {
    /// The range the grade covers.
    pub fn bounds(&self) -> Bounds {
        Bounds::of(self.min, self.max, self.from, self.below)
    }
}

#[cfg(test)]
mod tests {
    use super::Bounds;

    fn b(min: Option<f64>, max: Option<f64>, from: Option<f64>, below: Option<f64>) -> Bounds {
        Bounds::of(min, max, from, below)
    }

    #[test]
    fn half_open_bands_meet_without_overlap_or_gap() {
        let low = b(None, None, None, Some(4.0));
        let medium = b(None, None, Some(4.0), Some(7.0));
        let high = b(None, None, Some(7.0), None);
        assert!(!low.overlaps(&medium) && !medium.overlaps(&high) && !low.overlaps(&high));
        for (x, want) in [
            (3.9, 0),
            (4.0, 1),
            (6.9, 1),
            (7.0, 2),
            (100.0, 2),
            (-5.0, 0),
        ] {
            let got = [low, medium, high].iter().position(|r| r.contains(x));
            assert_eq!(got, Some(want), "{x}");
        }
        assert_eq!(medium.text(|x| x.to_string()), "4 to below 7");
        assert_eq!(high.text(|x| x.to_string()), "7 or more");
        assert_eq!(low.text(|x| x.to_string()), "below 4");
    }

    #[test]
    fn closed_ranges_that_share_an_end_overlap() {
        let a = b(Some(1.0), Some(7.0), None, None);
        let c = b(Some(7.0), Some(9.0), None, None);
        assert!(a.overlaps(&c));
        assert_eq!(a.text(|x| x.to_string()), "1–7");
        assert!(b(Some(5.0), None, None, Some(5.0)).is_empty());
        assert!(!b(Some(5.0), Some(5.0), None, None).is_empty());
    }
}
