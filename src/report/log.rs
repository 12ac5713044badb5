//! The decision and agreement log in words: theme names instead of ids, decisions and levels
//! as people say them, and local dates. The change log keeps codes (stable, diffable); this
//! is how the app and the report show them.

use crate::model::method::DecisionKind;
use crate::model::scorecard::{Change, Scorecard};

/// One log entry as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    /// Local date and time, e.g. "1 Dec 2026, 20:31".
    pub when: String,
    /// Who.
    pub who: String,
    /// What, e.g. "Road traffic collisions: decision".
    pub what: String,
    /// The change, e.g. "Not taken forward (reason) to Adopt as priority (reason)" (words, not an
    /// arrow: the app's font has no arrow).
    pub change: String,
}

/// The decision and agreement log, oldest first, in words.
pub fn log_lines(card: &Scorecard) -> Vec<LogLine> {
    card.decision_log().map(|c| line(card, c)).collect()
}

fn line(card: &Scorecard, c: &Change) -> LogLine {
    let (theme_id, rest) = split_theme(&c.what);
    let theme = theme_id
        .and_then(|id| card.themes.iter().find(|t| t.id.as_str() == id))
        .map_or_else(
            || theme_id.unwrap_or_default().to_owned(),
            |t| t.name.clone(),
        );
    let factor = rest
        .strip_prefix("factor \"")
        .and_then(|r| r.split_once('"'))
        .map(|(id, _)| id);
    let what = match factor {
        Some(id) => format!("{theme}: {} agreed", factor_label(card, id)),
        None => format!("{theme}: decision"),
    };
    let word = |text: &str| match factor {
        Some(id) => agreed_words(card, id, text),
        None => decision_words(text),
    };
    let change = match (c.old.is_empty(), c.new.is_empty()) {
        (true, true) => String::new(),
        (true, false) => word(&c.new),
        (false, true) => format!("cleared (was {})", word(&c.old)),
        (false, false) => format!("{} to {}", word(&c.old), word(&c.new)),
    };
    LogLine {
        when: local_time(&c.at),
        who: c.who.clone(),
        what,
        change,
    }
}

/// `theme "ID" rest` → (Some(ID), rest).
fn split_theme(what: &str) -> (Option<&str>, &str) {
    what.strip_prefix("theme \"")
        .and_then(|r| r.split_once('"'))
        .map_or((None, what), |(id, rest)| (Some(id), rest.trim_start()))
}

/// `not-taken-forward: reason` → `Not taken forward (reason)`.
fn decision_words(text: &str) -> String {
    let (code, why) = text.split_once(": ").unwrap_or((text, ""));
    match DecisionKind::parse(code) {
        Some(kind) => with_reason(kind.label(), why),
        None => with_reason(code, why),
    }
}

fn with_reason(what: &str, why: &str) -> String {
    if why.trim().is_empty() {
        what.to_owned()
    } else {
        format!("{what} ({})", why.trim())
    }
}

fn factor_label(card: &Scorecard, id: &str) -> String {
    card.method
        .factor(id)
        .map_or_else(|| id.to_owned(), |(_, f)| f.label.clone())
}

/// `VH: reason` → `Very high (reason)`: the level's label where the method knows the code.
fn agreed_words(card: &Scorecard, factor: &str, text: &str) -> String {
    let (code, why) = text.split_once(": ").unwrap_or((text, ""));
    let label = card
        .method
        .factor(factor)
        .and_then(|(_, f)| f.scale.parse(code).ok().map(|v| f.scale.label(v)))
        .unwrap_or_else(|| code.to_owned());
    with_reason(&label, why)
}

/// An ISO 8601 UTC time (`2026-12-01T20:31:00Z`) in the machine's local time zone, as
/// people write it; anything else is shown as it is.
pub fn local_time(at: &str) -> String {
    use chrono::{DateTime, Local};
    DateTime::parse_from_rfc3339(at).map_or_else(
        |_| at.to_owned(),
        |t| {
            t.with_timezone(&Local)
                .format("%-d %b %Y, %H:%M")
                .to_string()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_in_words() {
        for (text, want) in [
            ("adopt: high harm", "Adopt as priority (high harm)"),
            ("not-taken-forward: ", "Not taken forward"),
            ("watching-brief: low volume", "Watching brief (low volume)"),
        ] {
            assert_eq!(decision_words(text), want);
        }
    }

    #[test]
    fn times_are_not_iso_codes() {
        let shown = local_time("2026-12-01T20:31:00Z");
        assert!(!shown.contains('T') && !shown.ends_with('Z'), "{shown}");
        assert!(shown.contains("2026"), "{shown}");
        assert_eq!(local_time("yesterday"), "yesterday");
    }
}
