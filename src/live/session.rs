//! What a phone may see, built from the scorecard: the open theme and round, its factors with
//! their levels, the present participants, each participant's own votes in the open round,
//! and (only after a reveal, only if the facilitator chooses) the room's spread.
//!
//! Pure: built by whoever owns the document (the app's frame loop or `trh live`) and handed to
//! the server, which never reads the document itself.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::method::Scale;
use crate::model::{FactorId, ParticipantId, Scorecard, ThemeId};

/// The facilitator's choices for a live session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    /// The theme and round open for device votes.
    pub open: Option<(ThemeId, u32)>,
    /// The open round takes no more votes (still shown, "voting is closed").
    pub locked: bool,
    /// Show the analyst's evidence note on phones.
    pub show_evidence: bool,
    /// After a reveal, show phones the room's spread per factor.
    pub show_spread: bool,
}

/// One level a phone can choose.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelView {
    /// The code stored in the scorecard and sent back in a vote.
    pub code: String,
    /// The label shown (the button's accessible name starts with it).
    pub label: String,
    /// What the level means.
    pub descriptor: String,
}

/// One factor of the open theme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorView {
    /// Factor id.
    pub id: String,
    /// Factor name.
    pub label: String,
    /// The section's name (Harm, Likelihood, ...).
    pub section: String,
    /// The levels, lowest first.
    pub levels: Vec<LevelView>,
    /// A number range (codes are the numbers) rather than named levels: the number of steps
    /// of its first value (its levels are the steps from there, in order).
    #[serde(skip)]
    pub range: Option<i64>,
    /// After a reveal, if the facilitator shows it: how many chose each level, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spread: Option<Vec<u32>>,
    /// The level the room agreed in an earlier round: this round does not ask about the
    /// factor, and votes on it are refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreed: Option<String>,
}

/// The theme open for voting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpenView {
    /// Theme id, sent back in a vote.
    pub theme: String,
    /// Theme name.
    pub name: String,
    /// What it covers.
    pub description: String,
    /// The analyst's evidence note, only if the facilitator shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The round, sent back in a vote.
    pub round: u32,
    /// No more votes are taken.
    pub locked: bool,
    /// The round's votes have been revealed to the room.
    pub revealed: bool,
    /// The factors, in method order.
    pub factors: Vec<FactorView>,
}

/// A participant a phone can pick.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Participant id, sent in a join.
    pub id: String,
    /// Name.
    pub name: String,
    /// Agency.
    pub agency: String,
}

/// Everything the server may tell phones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// The present participants (the only ones who may join).
    pub people: Vec<Person>,
    /// The theme open for voting, if any.
    pub open: Option<OpenView>,
    /// Each participant's own votes in the open round: factor id → level code.
    pub votes: HashMap<ParticipantId, HashMap<FactorId, String>>,
    /// Who may vote, by id (present participants), for quick checks.
    pub allowed: HashMap<ParticipantId, String>,
}

fn levels_of(scale: &Scale) -> Vec<LevelView> {
    match scale {
        Scale::Levels(levels) => levels
            .iter()
            .map(|l| LevelView {
                code: l.code.clone(),
                label: l.label.clone(),
                descriptor: l.descriptor.clone(),
            })
            .collect(),
        Scale::Range { .. } => scale
            .values()
            .into_iter()
            .map(|v| LevelView {
                code: scale.code(v),
                label: scale.code(v),
                descriptor: String::new(),
            })
            .collect(),
    }
}

impl Snapshot {
    /// What phones may see of `card` under `session`.
    pub fn build(card: &Scorecard, session: &Session) -> Self {
        let present: Vec<_> = card.participants.iter().filter(|p| p.present).collect();
        let people = present
            .iter()
            .map(|p| Person {
                id: p.id.to_string(),
                name: p.name.clone(),
                agency: p.agency.clone(),
            })
            .collect();
        let allowed = present
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        let mut votes: HashMap<ParticipantId, HashMap<FactorId, String>> = HashMap::new();
        let open = session.open.as_ref().and_then(|(id, round)| {
            let theme = card.theme(id)?;
            let revealed = theme.votes_shown(*round);
            let mut factors = Vec::new();
            for section in &card.method.sections {
                for factor in &section.factors {
                    let score = theme.scores.get(&factor.id);
                    let in_round = score
                        .into_iter()
                        .flat_map(|s| s.votes.iter())
                        .filter(|v| v.round == *round);
                    let levels = levels_of(&factor.scale);
                    let mut counts = vec![0_u32; levels.len()];
                    for v in in_round {
                        let code = factor.scale.code(v.value);
                        if let Some(i) = levels.iter().position(|l| l.code == code) {
                            counts[i] += 1;
                        }
                        votes
                            .entry(v.participant.clone())
                            .or_default()
                            .insert(factor.id.clone(), code);
                    }
                    factors.push(FactorView {
                        id: factor.id.to_string(),
                        label: factor.label.clone(),
                        section: section.label.clone(),
                        range: factor.scale.step_bounds().map(|(lo, _)| lo),
                        levels,
                        spread: (revealed && session.show_spread).then_some(counts),
                        agreed: score
                            .and_then(|s| s.agreed.as_ref())
                            .filter(|_| !crate::model::workshop::is_asked(card, theme, &factor.id))
                            .map(|a| factor.scale.code(a.value)),
                    });
                }
            }
            Some(OpenView {
                theme: theme.id.to_string(),
                name: theme.name.clone(),
                description: theme.description.clone(),
                evidence: session.show_evidence.then(|| theme.evidence.clone()),
                round: *round,
                // Revealing the round ends its voting: later votes would be anchored.
                locked: session.locked || revealed,
                revealed,
                factors,
            })
        });
        Self {
            people,
            open,
            votes,
            allowed,
        }
    }

    /// The level codes of a factor of the open theme, if it has that factor.
    pub fn factor(&self, id: &str) -> Option<&FactorView> {
        self.open.as_ref()?.factors.iter().find(|f| f.id == id)
    }
}
