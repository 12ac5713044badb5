//! 95 % intervals: the Wilson score interval of a share, and from it the interval of the
//! ratio of two Poisson counts.
//!
//! Two years' counts `a` (the later) and `b` are Poisson; given their total `n = a + b`, `a`
//! is binomial with share `p = r / (1 + r)`, where `r` is the ratio of the two years' rates.
//! The Wilson interval of `p` from `a` of `n`, turned back into `r = p / (1 - p)`, is the
//! interval of the ratio. It behaves where the usual `exp(ln(a/b) ± 1.96 √(1/a + 1/b))` fails
//! (a year with no count) and agrees with it for large counts.

/// The normal quantile for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The Wilson score interval (95 %) of the share `k / n`; `None` when `n` is 0.
pub fn wilson(k: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 || k > n {
        return None;
    }
    // Counts are far below 2^52, so these conversions are exact.
    #[allow(clippy::cast_precision_loss)]
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// The 95 % interval of the ratio of the later count's rate to the earlier's, from the
/// counts `later` and `earlier` of two periods of equal length. `None` when both are 0.
/// The upper end is infinite when the earlier count is 0.
pub fn ratio(later: u64, earlier: u64) -> Option<(f64, f64)> {
    let (lo, hi) = wilson(later, later.checked_add(earlier)?)?;
    let r = |p: f64| {
        if p >= 1.0 {
            f64::INFINITY
        } else {
            p / (1.0 - p)
        }
    };
    Some((r(lo), r(hi)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn wilson_matches_hand_worked_cases() {
        // 117 of 149 concerned (78.5 %), worked by hand from the formula:
        // centre (0.785235 + 3.841459/298) / (1 + 3.841459/149) = 0.778066,
        // half 1.959964 × √(0.785235 × 0.214765 / 149 + 3.841459 / 88804) / 1.025782 = 0.065498.
        let (lo, hi) = wilson(117, 149).expect("interval");
        assert!(
            near(lo, 0.71257, 0.00001) && near(hi, 0.84356, 0.00001),
            "{lo} {hi}"
        );
        // 0 of 10: the lower end is 0 and the upper end 0.2775 (published tables give 0.278).
        let (lo, hi) = wilson(0, 10).expect("interval");
        assert!(lo == 0.0 && near(hi, 0.2775, 0.0005), "{lo} {hi}");
        assert_eq!(wilson(1, 0), None);
        assert_eq!(wilson(3, 2), None);
    }

    #[test]
    fn the_ratio_interval_agrees_with_the_log_method_for_large_counts() {
        // 22,000 crimes against 17,886: +23 %. The log method gives
        // exp(±1.96 √(1/22000 + 1/17886)) = ×/÷ 1.0199: +20.6 % to +25.5 %.
        let (lo, hi) = ratio(22_000, 17_886).expect("interval");
        assert!(
            near(lo, 1.2059, 0.0005) && near(hi, 1.2546, 0.0005),
            "{lo} {hi}"
        );
        // 20 against 16: far too few to tell, the interval spans no change.
        let (lo, hi) = ratio(20, 16).expect("interval");
        assert!(lo < 1.0 && hi > 1.0 && near(lo, 0.655, 0.002) && near(hi, 2.385, 0.005));
        // Nothing the year before: no upper end.
        let (lo, hi) = ratio(5, 0).expect("interval");
        assert!(lo > 0.0 && hi.is_infinite());
        assert_eq!(ratio(0, 0), None);
    }
}
