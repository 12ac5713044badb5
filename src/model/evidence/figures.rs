//! The figures an analyst works out for a theme from its linked series: the last 12 months
//! against the 12 before (or the last financial year against the one before), whether the
//! change is more than chance, the rate per 1,000 residents, the monthly series, and the
//! share of residents concerned.

use super::interval::{ratio, wilson};
use super::month::Month;
use super::{Evidence, Link, LinkKind};

/// Fewer than this many counted in the two periods together is too few to call a trend.
pub const TOO_FEW: u64 = 20;

/// Months of the monthly series kept for the chart.
pub const CHART_MONTHS: i32 = 36;

/// The figures of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeFigures {
    /// The links used.
    pub links: Vec<Link>,
    /// From counted series, when any is linked and has data.
    pub counts: Option<CountFigures>,
    /// From survey items: the linked item with the highest share concerned.
    pub share: Option<ShareFigures>,
}

/// Which two periods are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Periods {
    /// The 12 months to `end` against the 12 before.
    Months {
        /// The last month of the later window.
        end: Month,
    },
    /// One financial year (by the year it starts in) against the one before.
    Years {
        /// The later year.
        last: u16,
    },
}

/// Counts of a theme in two periods, and what they say.
#[derive(Clone, Debug, PartialEq)]
pub struct CountFigures {
    /// The periods compared.
    pub periods: Periods,
    /// Counted in the later period.
    pub last: u64,
    /// Counted in the earlier period.
    pub before: u64,
    /// Months of the later window with no data (the count is then incomplete).
    pub missing_last: Vec<Month>,
    /// Months of the earlier window with no data.
    pub missing_before: Vec<Month>,
    /// The change, when both periods are complete.
    pub change: Option<Change>,
    /// Per 1,000 residents in the later period, when the population is known and it is
    /// complete.
    pub rate: Option<f64>,
    /// The monthly counts up to the end month (at most 36; `None` where not covered).
    pub monthly: Vec<(Month, Option<u64>)>,
    /// The series added together, as linked.
    pub series: Vec<Link>,
    /// Linked series left out because they are counted by year while others are by month.
    pub not_combined: Vec<Link>,
}

/// The change from the earlier period to the later.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// In number.
    pub number: i64,
    /// In per cent; `None` when the earlier count is 0.
    pub percent: Option<f64>,
    /// The 95 % interval of the change in per cent (the upper end is infinite when the
    /// earlier count is 0).
    pub interval: Option<(f64, f64)>,
    /// Whether it is more than chance.
    pub call: Call,
}

/// What the change says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// A rise larger than chance (the interval is above no change).
    Rising,
    /// A fall larger than chance.
    Falling,
    /// The interval spans no change.
    NoClearChange,
    /// Fewer than [`TOO_FEW`] in the two periods together.
    TooFew,
}

/// The share of respondents concerned about a survey item.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareFigures {
    /// The item.
    pub item: String,
    /// Concerned.
    pub concerned: u64,
    /// Respondents.
    pub respondents: u64,
    /// The share, 0 to 1.
    pub share: f64,
    /// Its 95 % Wilson interval.
    pub interval: (f64, f64),
}

/// The figures of a theme with these links.
pub fn figures_for(links: &[Link], evidence: &Evidence) -> ThemeFigures {
    ThemeFigures {
        links: links.to_vec(),
        counts: counts(links, evidence),
        share: share(links, evidence),
    }
}

fn share(links: &[Link], evidence: &Evidence) -> Option<ShareFigures> {
    links
        .iter()
        .filter(|l| l.kind == LinkKind::Survey)
        .filter_map(|l| {
            let item = evidence.survey.get(&l.name)?;
            let interval = wilson(item.concerned, item.respondents)?;
            #[allow(clippy::cast_precision_loss)] // counts far below 2^52
            let share = item.concerned as f64 / item.respondents as f64;
            Some(ShareFigures {
                item: l.name.clone(),
                concerned: item.concerned,
                respondents: item.respondents,
                share,
                interval,
            })
        })
        .max_by(|a, b| a.share.total_cmp(&b.share))
}

fn counts(links: &[Link], evidence: &Evidence) -> Option<CountFigures> {
    let linked: Vec<(&Link, &super::Series)> = links
        .iter()
        .filter(|l| l.kind != LinkKind::Survey)
        .filter_map(|l| Some((l, evidence.series.get(&(l.kind, l.name.clone()))?)))
        .collect();
    let (monthly, yearly): (Vec<_>, Vec<_>) =
        linked.iter().partition(|(_, s)| !s.covered.is_empty());
    if monthly.is_empty() {
        let (year, last, before) = year_counts(&yearly)?;
        return Some(finish(
            Periods::Years { last: year },
            (last, before),
            (Vec::new(), Vec::new()),
            evidence.population,
            Vec::new(),
            yearly.iter().map(|(l, _)| (*l).clone()).collect(),
            Vec::new(),
        ));
    }
    // The theme's own latest month: the last that all its linked series cover, so a partner's
    // table a month behind (or ahead of) police.uk does not leave a month "missing".
    let end = monthly
        .iter()
        .filter_map(|(_, s)| s.covered.last().copied())
        .min()?;
    let in_all = |m: Month| monthly.iter().all(|(_, s)| s.covered.contains(&m));
    let count = |m: Month| {
        monthly
            .iter()
            .map(|(_, s)| s.months.get(&m).copied().unwrap_or(0))
            .sum::<u64>()
    };
    let window = |first: i32| -> (u64, Vec<Month>) {
        let months = Month::span(end.plus(first), end.plus(first + 11));
        months.fold((0, Vec::new()), |(n, mut missing), m| {
            if !in_all(m) {
                missing.push(m);
            }
            (n + count(m), missing)
        })
    };
    let (last, missing_last) = window(-11);
    let (before, missing_before) = window(-23);
    let series: Vec<(Month, Option<u64>)> = Month::span(end.plus(1 - CHART_MONTHS), end)
        .map(|m| (m, in_all(m).then(|| count(m))))
        .skip_while(|(_, c)| c.is_none())
        .collect();
    Some(finish(
        Periods::Months { end },
        (last, before),
        (missing_last, missing_before),
        evidence.population,
        series,
        monthly.iter().map(|(l, _)| (*l).clone()).collect(),
        yearly.iter().map(|(l, _)| (*l).clone()).collect(),
    ))
}

/// The latest financial year any linked series has, its count and the year before's; `None`
/// unless every linked series has both years.
fn year_counts(yearly: &[&(&Link, &super::Series)]) -> Option<(u16, u64, u64)> {
    let last = *yearly
        .iter()
        .filter_map(|(_, s)| s.years.keys().next_back())
        .max()?;
    let has = |y: u16| yearly.iter().all(|(_, s)| s.years.contains_key(&y));
    let sum = |y: u16| {
        yearly
            .iter()
            .filter_map(|(_, s)| s.years.get(&y))
            .sum::<u64>()
    };
    (has(last) && has(last.checked_sub(1)?)).then(|| (last, sum(last), sum(last - 1)))
}

fn finish(
    periods: Periods,
    (last, before): (u64, u64),
    (missing_last, missing_before): (Vec<Month>, Vec<Month>),
    population: Option<u64>,
    monthly: Vec<(Month, Option<u64>)>,
    series: Vec<Link>,
    not_combined: Vec<Link>,
) -> CountFigures {
    let complete = missing_last.is_empty() && missing_before.is_empty();
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let rate = population
        .filter(|p| *p > 0 && missing_last.is_empty())
        .map(|p| last as f64 * 1000.0 / p as f64);
    CountFigures {
        periods,
        last,
        before,
        missing_last,
        missing_before,
        change: complete.then(|| change(last, before)),
        rate,
        monthly,
        series,
        not_combined,
    }
}

/// The change from `before` to `last`, with its interval and call.
pub fn change(last: u64, before: u64) -> Change {
    let number =
        i64::try_from(last).unwrap_or(i64::MAX) - i64::try_from(before).unwrap_or(i64::MAX);
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let percent = (before > 0).then(|| (last as f64 / before as f64 - 1.0) * 100.0);
    let interval = ratio(last, before).map(|(lo, hi)| ((lo - 1.0) * 100.0, (hi - 1.0) * 100.0));
    let call = match interval {
        _ if last + before < TOO_FEW => Call::TooFew,
        Some((lo, _)) if lo > 0.0 => Call::Rising,
        Some((_, hi)) if hi < 0.0 => Call::Falling,
        _ => Call::NoClearChange,
    };
    Change {
        number,
        percent,
        interval,
        call,
    }
}
