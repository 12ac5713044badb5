//! A calendar month, as police.uk writes it (`2017-11`), and financial years (`2016/17`).

/// One calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// Year, e.g. 2017.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
}

const NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Month {
    /// Reads `YYYY-MM` (a four-digit year from 1900 to 2999 and a month from 01 to 12).
    pub fn parse(text: &str) -> Option<Self> {
        let b = text.trim().as_bytes();
        if b.len() != 7 || b[4] != b'-' || !b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit) {
            return None;
        }
        let num = |s: &[u8]| s.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
        let (year, month) = (num(&b[..4]), num(&b[5..]));
        ((1900..3000).contains(&year) && (1..=12).contains(&month)).then(|| Self {
            year,
            month: u8::try_from(month).unwrap_or(1),
        })
    }

    /// Months since year 0, so that months can be counted and stepped through.
    pub fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    /// The month `n` months later (earlier if negative).
    pub fn plus(self, n: i32) -> Self {
        let i = self.index() + n;
        Self {
            year: u16::try_from(i.div_euclid(12)).unwrap_or(0),
            month: u8::try_from(i.rem_euclid(12) + 1).unwrap_or(1),
        }
    }

    /// The months from `first` to `last`, both included.
    pub fn span(first: Self, last: Self) -> impl Iterator<Item = Self> {
        (first.index()..=last.index()).map(move |i| first.plus(i - first.index()))
    }

    /// As police.uk writes it: `2017-11`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// In words: `Nov 2017`.
    pub fn text(self) -> String {
        format!(
            "{} {}",
            NAMES[usize::from(self.month.clamp(1, 12) - 1)],
            self.year
        )
    }

    /// The financial year (April to March) it falls in, by the year it starts in.
    pub fn financial_year(self) -> u16 {
        if self.month >= 4 {
            self.year
        } else {
            self.year.saturating_sub(1)
        }
    }
}

/// Reads a financial year written `2016/17`, `2016-17` or `2016/2017`: the year it starts in.
pub fn parse_financial_year(text: &str) -> Option<u16> {
    let t = text.trim();
    let (a, b) = t.split_once(['/', '-'])?;
    let start: u16 = a.trim().parse().ok()?;
    let end: u16 = b.trim().parse().ok()?;
    let next = start.checked_add(1)?;
    let ok = match b.trim().len() {
        2 => end == next % 100,
        4 => end == next,
        _ => false,
    };
    (ok && a.trim().len() == 4 && (1900..3000).contains(&start)).then_some(start)
}

/// A financial year in words: `2016/17`.
pub fn financial_year_text(start: u16) -> String {
    format!("{start}/{:02}", (start + 1) % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_step_and_print() {
        let m = Month::parse("2017-11").expect("month");
        assert_eq!((m.year, m.month), (2017, 11));
        assert_eq!(m.plus(2).iso(), "2018-01");
        assert_eq!(m.plus(-11).iso(), "2016-12");
        assert_eq!(m.text(), "Nov 2017");
        assert_eq!(Month::span(m.plus(-2), m).count(), 3);
        for bad in [
            "2017-13", "2017-00", "17-11", "2017/11", "2017-1", "abcd-ef", "",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(m.financial_year(), 2017);
        assert_eq!(m.plus(3).financial_year(), 2017, "Feb 2018 is in 2017/18");
    }

    #[test]
    fn financial_years_read_as_written() {
        assert_eq!(parse_financial_year("2016/17"), Some(2016));
        assert_eq!(parse_financial_year("2016-2017"), Some(2016));
        assert_eq!(parse_financial_year("1999/00"), Some(1999));
        assert_eq!(parse_financial_year("2016/18"), None);
        assert_eq!(parse_financial_year("2017-11"), None);
        assert_eq!(financial_year_text(1999), "1999/00");
    }
}
