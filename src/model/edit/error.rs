//! Why an edit cannot be applied.

/// Why an edit cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No theme with that id.
    #[error("there is no theme \"{0}\"")]
    NoTheme(String),
    /// The method has no such factor.
    #[error("the method has no factor \"{0}\"")]
    NoFactor(String),
    /// The value is not on the factor's scale.
    #[error("factor \"{factor}\": {message}")]
    BadValue {
        /// Factor.
        factor: String,
        /// What is wrong.
        message: String,
    },
    /// A theme with that id already exists.
    #[error("a theme with id \"{0}\" already exists")]
    DuplicateTheme(String),
    /// A theme name is empty.
    #[error("a theme needs a name")]
    EmptyName,
    /// A scorecard detail that cannot be empty is.
    #[error("the scorecard needs a {0}")]
    EmptyDetail(&'static str),
    /// No participant with that id.
    #[error("there is no participant \"{0}\"")]
    NoParticipant(String),
    /// A participant with that id already exists.
    #[error("a participant with id \"{0}\" already exists")]
    DuplicateParticipant(String),
    /// A participant name is empty.
    #[error("a participant needs a name")]
    EmptyParticipantName,
    /// Rounds count from 1.
    #[error("rounds are numbered from 1")]
    BadRound,
    /// An agreed value needs a reason.
    #[error("an agreed value needs a rationale")]
    RationaleRequired,
    /// A one-line field (a name, a category, an agency) with a line break or control character.
    #[error("the {field} has {what}; it must fit on one line")]
    NotOneLine {
        /// Which field.
        field: &'static str,
        /// What was found ("a line break", ...).
        what: String,
    },
    /// The data suggests no level for this factor of this theme.
    #[error("factor \"{factor}\": the data suggests no level: {why}")]
    NoSuggestion {
        /// Factor.
        factor: String,
        /// Why not.
        why: String,
    },
    /// A decision other than the one the method suggests needs a reason.
    #[error("a decision that departs from the suggested outcome ({suggested}) needs a rationale")]
    DepartureNeedsRationale {
        /// The suggested decision's label.
        suggested: &'static str,
    },
}
