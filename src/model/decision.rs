//! The decisions a partnership board can take on a theme, and how they are written in CSV.

use serde::{Deserialize, Serialize};

/// The three decisions a board can take on a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecisionKind {
    /// Adopted as a priority.
    Adopt,
    /// Identified, but not taken forward this year.
    NotTakenForward,
    /// Kept under a watching brief.
    WatchingBrief,
}

impl DecisionKind {
    /// All decisions, in menu order.
    pub const ALL: [Self; 3] = [Self::Adopt, Self::NotTakenForward, Self::WatchingBrief];

    /// The short code used in CSV (`adopt`, `not-taken-forward`, `watching-brief`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Adopt => "adopt",
            Self::NotTakenForward => "not-taken-forward",
            Self::WatchingBrief => "watching-brief",
        }
    }

    /// The label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Self::Adopt => "Adopt as priority",
            Self::NotTakenForward => "Not taken forward",
            Self::WatchingBrief => "Watching brief",
        }
    }

    /// Parses a code or label, ignoring case, spaces and hyphens.
    pub fn parse(text: &str) -> Option<Self> {
        let norm: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match norm.as_str() {
            "adopt" | "adopted" | "adoptaspriority" | "priority" => Some(Self::Adopt),
            "nottakenforward" | "ntf" => Some(Self::NotTakenForward),
            "watchingbrief" | "watch" => Some(Self::WatchingBrief),
            _ => None,
        }
    }
}
