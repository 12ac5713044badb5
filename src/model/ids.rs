//! Newtype identifiers, so a theme, factor or participant is never confused with another
//! and selections survive a reorder.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Arc<str>);

        impl $name {
            /// An id from owned or borrowed text.
            pub fn new(s: impl Into<Arc<str>>) -> Self {
                Self(s.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.into())
            }
        }
    };
}

id_type!(
    /// A theme's stable id, unique within a scorecard.
    ThemeId
);
id_type!(
    /// A factor's id, unique within a method.
    FactorId
);
id_type!(
    /// A participant's id, unique within a scorecard.
    ParticipantId
);

/// Turns a free-text name into a lower-case, hyphenated id.
///
/// ```
/// assert_eq!(trh::model::ids::slug("Anti-social behaviour"), "anti-social-behaviour");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "theme".to_owned()
    } else {
        out
    }
}

/// The name a theme is given when added, before the analyst names it.
pub const PLACEHOLDER_NAME: &str = "New theme";

/// True for the id an unnamed new theme gets (`new-theme`, `new-theme-2`, …). Such an id is
/// replaced by one from the theme's first real name, and never used to match themes across
/// years.
pub fn is_placeholder_id(id: &str) -> bool {
    let base = "new-theme";
    id == base
        || id
            .strip_prefix("new-theme-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A name for matching: lower case, with runs of spaces collapsed ("Anti-social  Behaviour"
/// and "anti-social behaviour" match).
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The slug of `name`, or `slug-2`, `slug-3`, … : the first that `taken` does not hold.
pub fn unused_slug(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = slug(name);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn placeholder_ids() {
        for (id, want) in [
            ("new-theme", true),
            ("new-theme-2", true),
            ("new-theme-12", true),
            ("new-theme-x", false),
            ("new-theme-", false),
            ("fly-tipping", false),
            ("new-theme-park", false),
        ] {
            assert_eq!(super::is_placeholder_id(id), want, "{id}");
        }
    }

    #[test]
    fn slugs() {
        for (input, want) in [
            ("Anti-social behaviour", "anti-social-behaviour"),
            (
                "  Domestic Abuse & Sexual Violence ",
                "domestic-abuse-sexual-violence",
            ),
            ("Prevent/Hate crime", "prevent-hate-crime"),
            ("***", "theme"),
            ("Café crime", "café-crime"),
        ] {
            assert_eq!(slug(input), want, "{input}");
        }
    }
}
