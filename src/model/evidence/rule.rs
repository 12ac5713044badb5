//! From figures to levels: a factor's data rule applied to a theme's figures gives a
//! suggested level, with the figure and the rule that gave it. A suggestion is only ever
//! shown and, when the analyst accepts it, set as the draft; nothing here changes a score.

use super::figures::{Call, ThemeFigures};
use super::text;
use crate::model::data_rule::{DataLevel, DataRule, Measure};
use crate::model::ids::FactorId;
use crate::model::method::{Factor, Method};
use crate::model::value::Value;

/// A level the data suggests for one factor.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The factor.
    pub factor: FactorId,
    /// The level suggested.
    pub value: Value,
    /// Its label, e.g. "Frequent".
    pub label: String,
    /// The figure it comes from, e.g. "1,234 in the 12 months to Nov 2017".
    pub figure: String,
    /// Where the figure comes from, e.g. "police.uk, Violence and sexual offences".
    pub source: String,
    /// The rule that turned the figure into the level, e.g. "Frequent from 26".
    pub rule: String,
}

impl Suggestion {
    /// In one line: "Frequent: 1,234 in the 12 months to Nov 2017 (police.uk, Violence …)".
    pub fn text(&self) -> String {
        format!("{}: {} ({})", self.label, self.figure, self.source)
    }
}

/// The measure a rule reads, from a theme's figures, with the figure in words and its source;
/// or why there is none.
fn measure(rule: &DataRule, f: &ThemeFigures) -> Result<(Option<f64>, String, String), String> {
    if rule.measure == Measure::Share {
        let s = f.share.as_ref().ok_or("no survey item linked")?;
        return Ok((
            Some(s.share * 100.0),
            text::share(s),
            format!("survey, {}", s.item),
        ));
    }
    let c = f.counts.as_ref().ok_or("no counted data linked")?;
    let source = c
        .series
        .iter()
        .map(super::Link::text)
        .collect::<Vec<_>>()
        .join(" + ");
    let when = text::period(c.periods);
    let incomplete = || {
        format!(
            "{} of the 12 months to the latest are missing ({})",
            c.missing_last.len(),
            text::months(&c.missing_last)
        )
    };
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    match rule.measure {
        Measure::Count if c.missing_last.is_empty() => Ok((
            Some(c.last as f64),
            format!("{} in {when}", text::thousands(c.last)),
            source,
        )),
        Measure::RatePer1000 => {
            let r = c.rate.ok_or_else(|| {
                if c.missing_last.is_empty() {
                    "no population given for a rate".to_owned()
                } else {
                    incomplete()
                }
            })?;
            Ok((
                Some(r),
                format!("{r:.1} per 1,000 residents in {when}"),
                source,
            ))
        }
        Measure::Change => {
            let ch = c
                .change
                .ok_or_else(|| "months are missing, so no change is worked out".to_owned())?;
            if ch.call == Call::TooFew {
                return Err(format!(
                    "too few to call a trend ({} in the two years)",
                    text::thousands(c.last + c.before)
                ));
            }
            let within = ch.call == Call::NoClearChange && rule.within_chance.is_some();
            let value = if within { None } else { ch.percent };
            if value.is_none() && !within {
                return Err("nothing was counted the year before".to_owned());
            }
            let before = text::period_before(c.periods);
            Ok((
                value,
                format!("{} in {when} against {before}", text::change(&ch)),
                source,
            ))
        }
        Measure::Count | Measure::Share => Err(incomplete()),
    }
}

/// The level a rule gives for a value: the last whose `from` is at or below it.
fn level_for(rule: &DataRule, value: f64) -> Option<&DataLevel> {
    rule.levels
        .iter()
        .rev()
        .find(|l| l.from.is_none_or(|from| value >= from))
}

fn rule_text(rule: &DataRule, level: &DataLevel, label: &str) -> String {
    let unit = match rule.measure {
        Measure::Count => "",
        Measure::RatePer1000 => " per 1,000",
        Measure::Change | Measure::Share => "%",
    };
    match level.from {
        Some(from) => format!("{label} from {from}{unit} ({})", rule.measure.text()),
        None => match rule.levels.get(1).and_then(|l| l.from) {
            Some(next) => format!("{label} below {next}{unit} ({})", rule.measure.text()),
            None => format!("{label} always"),
        },
    }
}

/// What one factor's rule suggests for a theme with these figures, or why nothing.
pub fn suggest_one(
    factor: &Factor,
    rule: &DataRule,
    f: &ThemeFigures,
) -> Result<Suggestion, String> {
    let (value, figure, source) = measure(rule, f)?;
    let (give, rule_words) = match value {
        Some(v) => {
            let level = level_for(rule, v).ok_or("no level of the rule applies")?;
            (level.give.as_str(), None)
        }
        None => (
            rule.within_chance
                .as_deref()
                .ok_or("no level for a change within chance")?,
            Some("a change no more than chance".to_owned()),
        ),
    };
    let value = factor
        .scale
        .parse(give)
        .map_err(|e| format!("the method's data rule gives {give}: {e}"))?;
    let label = factor.scale.label(value);
    let rule = match rule_words {
        Some(words) => format!("{label} for {words}"),
        None => {
            let level = rule.levels.iter().find(|l| l.give == give);
            level.map_or_else(String::new, |l| rule_text(rule, l, &label))
        }
    };
    Ok(Suggestion {
        factor: factor.id.clone(),
        value,
        label,
        figure,
        source,
        rule,
    })
}

/// Every factor of the method with a data rule, and what it suggests for these figures.
pub fn suggest(method: &Method, f: &ThemeFigures) -> Vec<(FactorId, Result<Suggestion, String>)> {
    method
        .factors()
        .filter_map(|(_, factor)| {
            let rule = factor.data.as_ref()?;
            Some((factor.id.clone(), suggest_one(factor, rule, f)))
        })
        .collect()
}
