//! Figures in words, as a strategic assessment writes them: "1,234", "+23% (+21% to +25%)",
//! "78.5% (71% to 84%) of 149".

use super::figures::{Call, Change, CountFigures, Periods, ShareFigures};
use super::month::{Month, financial_year_text};

/// A whole number with thousands separators: `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A signed whole-number change: `+4,250`, `-12`, `0`.
pub fn signed(n: i64) -> String {
    match n {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{}", thousands(n.unsigned_abs())),
        n => format!("-{}", thousands(n.unsigned_abs())),
    }
}

/// A signed per cent, whole: `+23%`, `-36%`; `+∞` above any bound.
pub fn percent(p: f64) -> String {
    if p.is_infinite() {
        return "no upper bound".to_owned();
    }
    // Under 1%, one decimal place, so a small rise more than chance does not read "0%".
    let tenth = (p * 10.0).round() / 10.0;
    if tenth == 0.0 {
        "0%".to_owned()
    } else if tenth.abs() < 1.0 {
        format!("{tenth:+.1}%")
    } else {
        format!("{:+.0}%", p.round())
    }
}

/// The periods compared, in words: "the 12 months to Nov 2017" or "2017/18".
pub fn period(periods: Periods) -> String {
    match periods {
        Periods::Months { end } => format!("the 12 months to {}", end.text()),
        Periods::Years { last } => financial_year_text(last),
    }
}

/// The earlier period, in words.
pub fn period_before(periods: Periods) -> String {
    match periods {
        Periods::Months { end } => format!("the 12 months to {}", end.plus(-12).text()),
        Periods::Years { last } => financial_year_text(last.saturating_sub(1)),
    }
}

/// A list of months, shortened: "Mar 2017, Apr 2017 and 2 more".
pub fn months(list: &[Month]) -> String {
    let shown: Vec<String> = list.iter().take(3).map(|m| m.text()).collect();
    match list.len().saturating_sub(3) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// The change in words: "+23% (+21% to +25%), more than chance".
pub fn change(c: &Change) -> String {
    let pct = c
        .percent
        .map_or_else(|| "new (none before)".to_owned(), percent);
    let interval = c
        .interval
        .map(|(lo, hi)| format!(" ({} to {})", percent(lo), percent(hi)))
        .unwrap_or_default();
    let call = match c.call {
        Call::Rising => "a rise more than chance",
        Call::Falling => "a fall more than chance",
        Call::NoClearChange => "no clear change",
        Call::TooFew => "too few to call a trend",
    };
    format!("{} ({pct}){interval}, {call}", signed(c.number))
}

/// The counts in words, with what is missing.
pub fn counts(f: &CountFigures) -> String {
    let mut out = format!("{} in {}", thousands(f.last), period(f.periods));
    if !f.missing_last.is_empty() {
        out.push_str(&format!(
            " (incomplete: {} of 12 months missing, {})",
            f.missing_last.len(),
            months(&f.missing_last)
        ));
    }
    out.push_str(&format!(
        "; {} in {}",
        thousands(f.before),
        period_before(f.periods)
    ));
    if !f.missing_before.is_empty() {
        out.push_str(&format!(
            " (incomplete: {} months missing)",
            f.missing_before.len()
        ));
    }
    match &f.change {
        Some(c) => out.push_str(&format!("; change {}", change(c))),
        None => out.push_str("; no change worked out: months are missing"),
    }
    if let Some(r) = f.rate {
        out.push_str(&format!("; {r:.1} per 1,000 residents"));
    }
    out
}

/// A share in words: "78.5% (71% to 84%) of 149 concerned".
pub fn share(s: &ShareFigures) -> String {
    format!(
        "{:.1}% ({:.0}% to {:.0}%) of {} concerned",
        s.share * 100.0,
        s.interval.0 * 100.0,
        s.interval.1 * 100.0,
        thousands(s.respondents)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_an_assessment_writes_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4250), "4,250");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(signed(-4250), "-4,250");
        assert_eq!(percent(22.6), "+23%");
        assert_eq!(percent(-0.04), "0%");
        assert_eq!(percent(0.34), "+0.3%");
        assert_eq!(percent(-36.2), "-36%");
    }
}
