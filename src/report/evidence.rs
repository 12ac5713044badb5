//! The evidence table: per theme, the figures from its linked data and, per factor with a
//! data rule, the level the data suggests beside the level in force. Read by `trh evidence`
//! (table, CSV, JSON) and meant for the app's evidence table and the exports alike.

use serde::Serialize;

use super::safe_cell;
use crate::model::Scorecard;
use crate::model::evidence::figures::Call;
use crate::model::evidence::{ThemeFigures, suggest, text};
use crate::model::scorecard::Theme;

/// One theme's evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceRow {
    /// Theme id.
    pub id: String,
    /// Theme name.
    pub theme: String,
    /// The data it is linked to.
    pub links: Vec<String>,
    /// The later period, in words.
    pub period: Option<String>,
    /// Counted in the later period.
    pub count: Option<u64>,
    /// Counted in the earlier period.
    pub before: Option<u64>,
    /// Months missing from the later window.
    pub missing: Vec<String>,
    /// The change in number.
    pub change: Option<i64>,
    /// The change in per cent.
    pub change_percent: Option<f64>,
    /// Its 95 % interval, low end (per cent).
    pub change_low: Option<f64>,
    /// Its 95 % interval, high end (per cent); none when there is no upper bound.
    pub change_high: Option<f64>,
    /// What the change says: rising, falling, no clear change, too few to call.
    pub call: Option<&'static str>,
    /// Per 1,000 residents.
    pub rate: Option<f64>,
    /// Share concerned (per cent) and its interval, with the item and respondents.
    pub share: Option<Share>,
    /// Per factor with a data rule: what the data suggests and what is in force.
    pub factors: Vec<FactorRow>,
}

/// A survey share in a row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    /// The item.
    pub item: String,
    /// Per cent concerned.
    pub percent: f64,
    /// Low end of the 95 % interval.
    pub low: f64,
    /// High end.
    pub high: f64,
    /// Respondents.
    pub respondents: u64,
}

/// One factor's suggestion beside the level in force.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorRow {
    /// Factor id.
    pub factor: String,
    /// Factor label.
    pub label: String,
    /// The suggested level's label, if the data suggests one.
    pub suggested: Option<String>,
    /// The figure it comes from, or why there is no suggestion.
    pub why: String,
    /// The rule applied.
    pub rule: String,
    /// The level in force (agreed, votes or draft).
    pub in_force: Option<String>,
    /// The suggestion differs from the level in force.
    pub differs: bool,
}

fn call_text(c: Call) -> &'static str {
    match c {
        Call::Rising => "rising (more than chance)",
        Call::Falling => "falling (more than chance)",
        Call::NoClearChange => "no clear change",
        Call::TooFew => "too few to call a trend",
    }
}

/// A theme's figures in one phrase: "13,774 in the 12 months to Nov 2017, +24% (a rise more
/// than chance)"; `None` when it is linked to no counts.
pub fn gist(f: &ThemeFigures) -> Option<String> {
    let c = f.counts.as_ref()?;
    let mut out = format!("{} in {}", text::thousands(c.last), text::period(c.periods));
    if let Some(ch) = &c.change {
        let pct = ch.percent.map(text::percent).unwrap_or_default();
        let call = match ch.call {
            Call::Rising => "a rise more than chance",
            Call::Falling => "a fall more than chance",
            Call::NoClearChange => "no clear change",
            Call::TooFew => "too few to call",
        };
        out.push_str(&format!(", {pct} ({call})"));
    }
    Some(out)
}

/// The row of one theme.
pub fn row(card: &Scorecard, theme: &Theme) -> EvidenceRow {
    let f: ThemeFigures = card.figures(theme);
    let counts = f.counts.as_ref();
    let change = counts.and_then(|c| c.change);
    let method = &card.method;
    let factors = suggest(method, &f)
        .into_iter()
        .filter_map(|(id, s)| {
            let (_, factor) = method.factor(id.as_str())?;
            let in_force = theme
                .scores
                .get(&id)
                .and_then(|sc| sc.effective(&factor.scale, method, &theme.hidden_rounds).0);
            Some(match s {
                Ok(s) => FactorRow {
                    factor: id.to_string(),
                    label: factor.label.clone(),
                    suggested: Some(s.label.clone()),
                    why: format!("{} ({})", s.figure, s.source),
                    rule: s.rule.clone(),
                    in_force: in_force.map(|v| factor.scale.label(v)),
                    differs: in_force.is_some_and(|v| v != s.value),
                },
                Err(why) => FactorRow {
                    factor: id.to_string(),
                    label: factor.label.clone(),
                    suggested: None,
                    why,
                    rule: String::new(),
                    in_force: in_force.map(|v| factor.scale.label(v)),
                    differs: false,
                },
            })
        })
        .collect();
    EvidenceRow {
        id: theme.id.to_string(),
        theme: theme.name.clone(),
        links: f
            .links
            .iter()
            .map(crate::model::evidence::Link::text)
            .collect(),
        period: counts.map(|c| text::period(c.periods)),
        count: counts.map(|c| c.last),
        before: counts.map(|c| c.before),
        missing: counts
            .map(|c| c.missing_last.iter().map(|m| m.iso()).collect())
            .unwrap_or_default(),
        change: change.map(|c| c.number),
        change_percent: change.and_then(|c| c.percent),
        change_low: change.and_then(|c| c.interval).map(|i| i.0),
        change_high: change
            .and_then(|c| c.interval)
            .map(|i| i.1)
            .filter(|h| h.is_finite()),
        call: change.map(|c| call_text(c.call)),
        rate: counts.and_then(|c| c.rate),
        share: f.share.as_ref().map(|s| Share {
            item: s.item.clone(),
            percent: s.share * 100.0,
            low: s.interval.0 * 100.0,
            high: s.interval.1 * 100.0,
            respondents: s.respondents,
        }),
        factors,
    }
}

/// Every theme's row, in the scorecard's order.
pub fn rows(card: &Scorecard) -> Vec<EvidenceRow> {
    card.themes.iter().map(|t| row(card, t)).collect()
}

/// Output formats of `trh evidence`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EvidenceFormat {
    /// Aligned text for a terminal.
    Table,
    /// CSV with a header row and the marking on every row.
    Csv,
    /// JSON.
    Json,
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn count_cell(r: &EvidenceRow) -> String {
    let mut out = r.count.map(text::thousands).unwrap_or_default();
    if !r.missing.is_empty() {
        out.push_str(&format!(" ({} months missing)", r.missing.len()));
    }
    out
}

fn change_cell(r: &EvidenceRow) -> String {
    match (r.change, r.change_percent) {
        (Some(n), Some(p)) => format!("{} ({})", text::signed(n), text::percent(p)),
        (Some(n), None) => text::signed(n),
        _ => String::new(),
    }
}

fn interval_cell(r: &EvidenceRow) -> String {
    match (r.change_low, r.change_high) {
        (Some(lo), Some(hi)) => format!("{} to {}", text::percent(lo), text::percent(hi)),
        (Some(lo), None) => format!("{} or more", text::percent(lo)),
        _ => String::new(),
    }
}

fn factor_cell(f: &FactorRow) -> String {
    match (&f.suggested, &f.in_force) {
        (Some(s), Some(now)) if f.differs => format!("{s} (in force: {now}) ≠"),
        (Some(s), _) => s.clone(),
        (None, _) => format!("– {}", f.why),
    }
}

/// The rows as text: a table, CSV (marking on every row, formulas neutralised) or JSON.
pub fn render(
    card: &Scorecard,
    rows: &[EvidenceRow],
    format: EvidenceFormat,
) -> anyhow::Result<String> {
    let factor_labels: Vec<String> = rows
        .first()
        .map(|r| r.factors.iter().map(|f| f.label.clone()).collect())
        .unwrap_or_default();
    let mut head: Vec<String> = [
        "theme",
        "count",
        "before",
        "change",
        "95% interval",
        "call",
        "per 1,000",
        "concerned",
    ]
    .map(str::to_owned)
    .to_vec();
    head.extend(factor_labels.iter().map(|l| format!("{l} (data)")));
    let cells = |r: &EvidenceRow| -> Vec<String> {
        let mut c = vec![
            r.theme.clone(),
            count_cell(r),
            r.before.map(text::thousands).unwrap_or_default(),
            change_cell(r),
            interval_cell(r),
            opt(r.call),
            r.rate.map(|x| format!("{x:.1}")).unwrap_or_default(),
            r.share
                .as_ref()
                .map(|s| {
                    format!(
                        "{:.1}% ({:.0}% to {:.0}%) of {}",
                        s.percent, s.low, s.high, s.respondents
                    )
                })
                .unwrap_or_default(),
        ];
        c.extend(r.factors.iter().map(factor_cell));
        c
    };
    match format {
        EvidenceFormat::Json => Ok(super::json_text(&serde_json::json!({
            "marking": card.marking,
            "area": card.evidence.area,
            "themes": rows,
        }))?),
        EvidenceFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut header = head.clone();
            header.push("marking".to_owned());
            w.write_record(&header)?;
            for r in rows {
                let mut c: Vec<String> = cells(r).iter().map(|x| safe_cell(x)).collect();
                c.push(safe_cell(&card.marking));
                w.write_record(&c)?;
            }
            Ok(String::from_utf8(w.into_inner()?)?)
        }
        EvidenceFormat::Table => Ok(super::aligned(
            &card.marking,
            &head,
            &rows.iter().map(cells).collect::<Vec<_>>(),
        )),
    }
}
