//! Edits as values: every change the app makes to a scorecard is an [`Edit`], applied in one
//! place ([`Edit::apply`]), which checks it against the method and describes it for the
//! change log. Panels build edits; they never touch the scorecard themselves.

use std::sync::Arc;

use super::evidence::{Evidence, Link};
use super::ids::ParticipantId;
use super::ids::{FactorId, ThemeId};
use super::scorecard::{Agreed, Decision, Participant, Scorecard, Theme};
use super::value::Value;
pub use error::EditError;
pub use fresh_ids::{fresh_participant_id, fresh_theme_id};

/// A free-text field of a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeText {
    /// The theme's name.
    Name,
    /// The grouping.
    Category,
    /// What the theme covers.
    Description,
    /// The analyst's evidence note.
    Evidence,
}

impl ThemeText {
    fn name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Category => "category",
            Self::Description => "description",
            Self::Evidence => "evidence",
        }
    }
}

/// One change to a scorecard.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set or clear the analyst's draft value of a factor.
    SetDraft {
        /// Theme.
        theme: ThemeId,
        /// Factor.
        factor: FactorId,
        /// The new draft, or `None` to clear it.
        value: Option<Value>,
    },
    /// Set the analyst's note on a factor.
    SetNote {
        /// Theme.
        theme: ThemeId,
        /// Factor.
        factor: FactorId,
        /// The note.
        note: String,
    },
    /// Set a text field of a theme.
    SetThemeText {
        /// Theme.
        theme: ThemeId,
        /// Which field.
        field: ThemeText,
        /// The new text.
        text: String,
    },
    /// Record, change or clear the board's decision.
    SetDecision {
        /// Theme.
        theme: ThemeId,
        /// The decision, or `None` to clear it.
        decision: Option<Decision>,
    },
    /// Add a theme at a position (clamped to the list).
    AddTheme {
        /// The new theme; its id must be unused.
        theme: Theme,
        /// Where in the list.
        at: usize,
    },
    /// Remove a theme and all its scores.
    RemoveTheme {
        /// Theme.
        theme: ThemeId,
    },
    /// Move a theme to a new position in the list (clamped).
    MoveTheme {
        /// Theme.
        theme: ThemeId,
        /// The new position.
        to: usize,
    },
    /// Add a participant at a position (clamped).
    AddParticipant {
        /// The person; the id must be unused.
        participant: Participant,
        /// Where in the list.
        at: usize,
    },
    /// Remove a participant and every vote they gave.
    RemoveParticipant {
        /// Who.
        participant: ParticipantId,
    },
    /// Change a participant's name and agency.
    SetParticipant {
        /// Who.
        participant: ParticipantId,
        /// New name.
        name: String,
        /// New agency.
        agency: String,
    },
    /// Mark a participant present or absent at this session.
    SetPresent {
        /// Who.
        participant: ParticipantId,
        /// Present?
        present: bool,
    },
    /// Record, change or clear one participant's vote in one round.
    SetVote {
        /// Theme.
        theme: ThemeId,
        /// Factor.
        factor: FactorId,
        /// Who.
        participant: ParticipantId,
        /// Round, from 1.
        round: u32,
        /// The vote, or `None` to clear it.
        value: Option<Value>,
    },
    /// Hide a round's votes (open for voting, or not yet revealed) or reveal them. Votes of
    /// a hidden round count for nothing until it is revealed. A round also starts hidden when
    /// its first vote on the theme is given.
    SetRoundHidden {
        /// Theme.
        theme: ThemeId,
        /// Round, from 1.
        round: u32,
        /// Hidden (true) or revealed (false).
        hidden: bool,
    },
    /// Set the room's agreed value with its rationale (required), or clear it.
    SetAgreed {
        /// Theme.
        theme: ThemeId,
        /// Factor.
        factor: FactorId,
        /// The agreed value and why, or `None` to clear it.
        agreed: Option<Agreed>,
    },
    /// Bring rows from a spreadsheet in: matched themes take their drafts, text and decision;
    /// the others are added.
    Import {
        /// The themes read from the file.
        themes: Vec<Theme>,
        /// The file's name, for the change log.
        source: String,
        /// The protective marking written in the sheet: the scorecard takes it when it is
        /// stricter (a marking is never lowered by an import).
        marking: Option<String>,
    },
    /// Set the candidate-priority cut line (the top N), or go back to the default.
    SetCut {
        /// N, or `None` for the default.
        cut: Option<u32>,
    },
    /// Replace what was read from the partnership's data.
    SetEvidence {
        /// The evidence.
        evidence: Arc<Evidence>,
    },
    /// Link a theme to data series, or (`None`) back to the series named as it is.
    SetLinks {
        /// Theme.
        theme: ThemeId,
        /// The links; an empty list links it to none.
        links: Option<Vec<Link>>,
    },
    /// Match a theme by hand to the theme of last year's scorecard it continues (year-on-year
    /// compare), or clear the match.
    SetLastYear {
        /// This year's theme.
        theme: ThemeId,
        /// Last year's theme's id there, or `None` to clear the match.
        last_year: Option<ThemeId>,
    },
    /// Set the scorecard's title, area, period, author, marking and notes.
    SetDetails {
        /// The details.
        details: details::Details,
    },
    /// Accept the level the data suggests as the draft, and write the figures into the
    /// factor's note. The suggestion is worked out again from the evidence as it is applied.
    FromData {
        /// Theme.
        theme: ThemeId,
        /// Factor.
        factor: FactorId,
    },
}

/// What an applied edit changed, for the change log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// What changed, e.g. `theme "asb" factor "physical" draft`.
    pub what: String,
    /// The old value, as text.
    pub old: String,
    /// The new value, as text.
    pub new: String,
}

impl Edit {
    /// Applies the edit, checking it first; on error the scorecard is unchanged.
    pub fn apply(&self, card: &mut Scorecard) -> Result<Applied, EditError> {
        match self {
            Self::SetDraft {
                theme,
                factor,
                value,
            } => set_draft(card, theme, factor, *value),
            Self::SetNote {
                theme,
                factor,
                note,
            } => {
                check_factor(card, factor)?;
                let t = theme_mut(card, theme)?;
                let score = t.scores.entry(factor.clone()).or_default();
                let old = std::mem::replace(&mut score.note, note.clone());
                Ok(applied(
                    theme,
                    &format!("factor \"{factor}\" note"),
                    old,
                    note,
                ))
            }
            Self::SetThemeText { theme, field, text } => {
                if *field == ThemeText::Name && text.trim().is_empty() {
                    return Err(EditError::EmptyName);
                }
                if matches!(field, ThemeText::Name | ThemeText::Category) {
                    one_line(field.name(), text)?;
                }
                let new_id = (*field == ThemeText::Name)
                    .then(|| fresh_ids::first_real_id(card, theme, text))
                    .flatten();
                let t = theme_mut(card, theme)?;
                if let Some(id) = new_id {
                    t.id = id;
                }
                let slot = match field {
                    ThemeText::Name => &mut t.name,
                    ThemeText::Category => &mut t.category,
                    ThemeText::Description => &mut t.description,
                    ThemeText::Evidence => &mut t.evidence,
                };
                let old = std::mem::replace(slot, text.clone());
                Ok(applied(theme, field.name(), old, text))
            }
            Self::SetDecision { theme, decision } => {
                theme::set_decision(card, theme, decision.as_ref())
            }
            Self::AddTheme { theme, at } => add_theme(card, theme, *at),
            Self::SetCut { cut } => {
                let text = |c: Option<u32>| c.map(|n| format!("top {n}")).unwrap_or_default();
                let old = std::mem::replace(&mut card.cut, *cut);
                Ok(Applied {
                    what: "cut line".to_owned(),
                    old: text(old),
                    new: text(*cut),
                })
            }
            Self::Import {
                themes,
                source,
                marking,
            } => import::apply(card, themes, source, marking.as_deref()),
            Self::SetEvidence { evidence: e } => Ok(evidence::set_evidence(card, e)),
            Self::SetLinks { theme, links } => evidence::set_links(card, theme, links.as_deref()),
            Self::FromData { theme, factor } => evidence::from_data(card, theme, factor),
            Self::SetDetails { details: d } => details::apply(card, d),
            Self::SetLastYear { theme, last_year } => {
                theme::set_last_year(card, theme, last_year.as_ref())
            }
            Self::RemoveTheme { theme } => {
                let i = index_of(card, theme)?;
                let removed = card.themes.remove(i);
                Ok(applied(theme, "removed", removed.name.clone(), ""))
            }
            Self::AddParticipant { .. }
            | Self::RemoveParticipant { .. }
            | Self::SetParticipant { .. }
            | Self::SetPresent { .. }
            | Self::SetVote { .. }
            | Self::SetRoundHidden { .. }
            | Self::SetAgreed { .. } => workshop::apply(self, card),
            Self::MoveTheme { theme, to } => {
                let from = index_of(card, theme)?;
                let t = card.themes.remove(from);
                let to = (*to).min(card.themes.len());
                card.themes.insert(to, t);
                Ok(applied(
                    theme,
                    "position",
                    (from + 1).to_string(),
                    &(to + 1).to_string(),
                ))
            }
        }
    }
}

pub(super) fn applied(theme: &ThemeId, what: &str, old: String, new: &str) -> Applied {
    Applied {
        what: format!("theme \"{theme}\" {what}"),
        old,
        new: new.to_owned(),
    }
}

fn index_of(card: &Scorecard, theme: &ThemeId) -> Result<usize, EditError> {
    card.themes
        .iter()
        .position(|t| &t.id == theme)
        .ok_or_else(|| EditError::NoTheme(theme.to_string()))
}

pub(super) fn theme_mut<'a>(
    card: &'a mut Scorecard,
    theme: &ThemeId,
) -> Result<&'a mut Theme, EditError> {
    let i = index_of(card, theme)?;
    Ok(Arc::make_mut(&mut card.themes[i]))
}

fn check_factor(card: &Scorecard, factor: &FactorId) -> Result<(), EditError> {
    card.method
        .factor(factor.as_str())
        .map(|_| ())
        .ok_or_else(|| EditError::NoFactor(factor.to_string()))
}

/// The rule for one-line fields: no line break or other control character.
pub(super) fn one_line(field: &'static str, text: &str) -> Result<(), EditError> {
    match super::text::one_line_problem(text) {
        Some(what) => Err(EditError::NotOneLine { field, what }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;

pub mod details;
mod error;
pub mod evidence;
mod fresh_ids;
mod import;
mod theme;
mod workshop;

use theme::{add_theme, set_draft};
