//! The one clock trh reads for the change log and decisions. The system clock in use; a fixed
//! time in tests, so two documents given the same edits can be compared line for line.

use chrono::{DateTime, Utc};

/// Where "now" comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that always reads `at` (tests).
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Self { fixed: Some(at) }
    }

    /// A clock that always reads `secs` seconds after 1970 (tests).
    pub fn fixed_secs(secs: i64) -> Self {
        Self {
            fixed: DateTime::from_timestamp(secs, 0),
        }
    }

    /// Now.
    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    /// Now as the change log and decisions write it.
    pub fn stamp(&self) -> String {
        stamp(self.now())
    }
}

/// A time as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds): the change log's form.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn stamps_are_utc_whole_seconds() {
        for (secs, want) in [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_795_996_799, "2026-11-29T23:59:59Z"),
        ] {
            assert_eq!(Clock::fixed_secs(secs).stamp(), want);
        }
        let now = Clock::system().stamp();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.ends_with('Z') && now.starts_with("20"), "{now}");
    }
}
