//! One rounding rule for every score. A paper's arithmetic is decimal (scores like 5.4,
//! weights like 0.3), which binary floating point holds only approximately: 5.4 × 0.5 +
//! 8.4 × 0.3 + 8.9 × 0.2 comes out as 7.000000000000001, and 7/7/7 as exactly 7, so equal
//! risks would be ordered by rounding error. Every total and risk is therefore *settled* to
//! [`PLACES`] decimal places as it is computed: the nearest number to the paper's exact
//! decimal answer, so equal answers are equal, ties are real ties (ranking, bands, close calls
//! and the stability runs all use the settled value), and a risk prints as the paper writes it
//! (`7`, `3.7`, never `3.8000000000000003`).
//!
//! Inputs with up to 2 decimal places and weights with up to 2 give products with up to 4,
//! and a product of a few such values up to 8, well inside [`PLACES`]; the error of the
//! binary arithmetic (about 1e-15 of the value) is far below half a unit in the last place
//! kept, so settling always lands on the exact decimal (property-tested in
//! `tests/suite/exact.rs`).

/// Decimal places every total and risk is settled to.
pub const PLACES: i32 = 9;

/// Beyond this magnitude a value is kept as it is (settling would exceed the 53 bits of a
/// double; no partnership's risk comes near it).
const LARGEST: f64 = 1e6;

/// `x` settled to [`PLACES`] decimal places: the double nearest to the decimal that `x`
/// approximates. Not-a-number, infinities and huge values are returned unchanged; −0 becomes
/// 0.
pub fn settle(x: f64) -> f64 {
    if !x.is_finite() || x.abs() >= LARGEST {
        return x;
    }
    let scale = 10_f64.powi(PLACES);
    // Both the rounded count of units and the scale are exact in a double, and the division
    // is correctly rounded, so the result is the double nearest to the decimal.
    let settled = (x * scale).round() / scale;
    if settled == 0.0 { 0.0 } else { settled }
}

/// Writes a settled score as the paper would: a whole number without a decimal point (`7`,
/// not `7.0`), others as the shortest decimal that reads back the same (`3.7`).
pub fn serialize_score<S: serde::Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        None => s.serialize_none(),
        // A whole number within ±2^53 is exact in a double, so the cast loses nothing.
        #[allow(clippy::cast_possible_truncation)]
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(*v as i64),
        Some(v) => s.serialize_f64(*v),
    }
}

#[cfg(test)]
mod tests {
    use super::settle;

    #[test]
    fn a_papers_sums_come_out_as_the_paper_writes_them() {
        let risk = |h: f64, l: f64, c: f64| settle(0.5 * h + 0.3 * l + 0.2 * c);
        assert_ne!(0.5 * 5.4 + 0.3 * 8.4 + 0.2 * 8.9, 7.0, "the raw sum is off");
        assert_eq!(risk(5.4, 8.4, 8.9), 7.0);
        assert_eq!(risk(7.0, 7.0, 7.0), 7.0);
        assert_eq!(risk(5.1, 9.1, 8.6), 7.0);
        assert_eq!(settle(3.8000000000000003), 3.8);
        assert_eq!(settle(5.699999999999999), 5.7);
        assert_eq!(format!("{}", settle(0.1 + 0.2)), "0.3");
        assert_eq!(settle(-0.0).to_bits(), 0.0_f64.to_bits());
        assert!(settle(f64::NAN).is_nan());
        assert_eq!(settle(1e12 + 0.5), 1e12 + 0.5);
    }
}
