//! Notifications: errors and confirmations shown as toasts for a few seconds, and kept in a
//! log that the status bar can show.

use std::time::{Duration, Instant};

/// How long a toast stays up.
pub const TOAST_FOR: Duration = Duration::from_secs(8);

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Something happened as asked (e.g. saved).
    Info,
    /// Something failed; nothing was lost.
    Error,
    /// Nothing failed, but something needs a look (e.g. an unusual protective marking).
    Warning,
}

/// One notice.
#[derive(Clone, Debug)]
pub struct Notice {
    /// Info or error.
    pub severity: Severity,
    /// The message.
    pub text: String,
    /// When it was raised.
    pub at: Instant,
}

/// The notices of this session.
#[derive(Clone, Debug, Default)]
pub struct Notifications {
    /// Every notice, oldest first.
    pub log: Vec<Notice>,
}

impl Notifications {
    /// Adds a notice, and writes errors to stderr so they reach the terminal's log too.
    pub fn push(&mut self, severity: Severity, text: impl Into<String>) {
        let text = text.into();
        if severity != Severity::Info {
            eprintln!("trh: {text}");
        }
        self.log.push(Notice {
            severity,
            text,
            at: Instant::now(),
        });
    }

    /// Adds an info notice.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Severity::Info, text);
    }

    /// Adds a warning.
    pub fn warning(&mut self, text: impl Into<String>) {
        self.push(Severity::Warning, text);
    }

    /// Adds an error notice.
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Severity::Error, text);
    }

    /// Notices still on screen, and how long until the next one expires.
    pub fn showing(&self, now: Instant) -> (Vec<&Notice>, Option<Duration>) {
        let live: Vec<&Notice> = self
            .log
            .iter()
            .filter(|n| now.duration_since(n.at) < TOAST_FOR)
            .collect();
        let next = live
            .iter()
            .map(|n| TOAST_FOR.saturating_sub(now.duration_since(n.at)))
            .min();
        (live, next)
    }
}
