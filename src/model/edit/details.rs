//! The scorecard's own details: title, area, period, author, protective marking and notes, as
//! one edit. The title and marking cannot be empty and, like the area, period and author, are
//! one line each. Lowering the marking is allowed here (the dialog asks first); the change log
//! records it like any other change.

use serde::{Deserialize, Serialize};

use crate::model::edit::{Applied, EditError, one_line};
use crate::model::scorecard::Scorecard;

/// The details of a scorecard.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    /// Title.
    pub title: String,
    /// Area (the partnership).
    pub area: String,
    /// Period assessed.
    pub period: String,
    /// Who prepared it.
    pub author: String,
    /// Protective marking.
    pub marking: String,
    /// Notes.
    pub notes: String,
}

impl Details {
    /// The scorecard's details as they are.
    pub fn of(card: &Scorecard) -> Self {
        Self {
            title: card.title.clone(),
            area: card.area.clone(),
            period: card.period.clone(),
            author: card.author.clone(),
            marking: card.marking.clone(),
            notes: card.notes.clone(),
        }
    }
}

/// Sets the details; on error the scorecard is unchanged.
pub(super) fn apply(card: &mut Scorecard, d: &Details) -> Result<Applied, EditError> {
    if d.title.trim().is_empty() {
        return Err(EditError::EmptyDetail("title"));
    }
    if d.marking.trim().is_empty() {
        return Err(EditError::EmptyDetail("protective marking"));
    }
    for (field, text) in [
        ("title", &d.title),
        ("area", &d.area),
        ("period", &d.period),
        ("author", &d.author),
        ("protective marking", &d.marking),
    ] {
        one_line(field, text)?;
    }
    let before = Details::of(card);
    let changed: Vec<String> = [
        ("title", &before.title, &d.title),
        ("area", &before.area, &d.area),
        ("period", &before.period, &d.period),
        ("author", &before.author, &d.author),
        ("marking", &before.marking, &d.marking),
        ("notes", &before.notes, &d.notes),
    ]
    .into_iter()
    .filter(|(_, a, b)| a.trim() != b.trim())
    .map(|(k, a, b)| format!("{k}: {} to {}", a.trim(), b.trim()))
    .collect();
    card.title = d.title.trim().to_owned();
    card.area = d.area.trim().to_owned();
    card.period = d.period.trim().to_owned();
    card.author = d.author.trim().to_owned();
    card.marking = d.marking.trim().to_owned();
    card.notes = d.notes.trim().to_owned();
    Ok(Applied {
        what: "scorecard details".to_owned(),
        old: String::new(),
        new: changed.join("; "),
    })
}
