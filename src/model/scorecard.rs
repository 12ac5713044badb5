//! The scorecard document: themes, participants, every score with who gave it, the board's
//! decisions and the change log, together with the method they were scored under.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use super::aggregate;
use super::evidence::{Evidence, Link};
use super::ids::{FactorId, ParticipantId, ThemeId};
use super::method::{DecisionKind, Method, Scale};
use super::value::Value;

/// Agencies commonly in a Community Safety Partnership, offered when adding participants.
pub const COMMON_AGENCIES: [&str; 9] = [
    "Police",
    "Council",
    "Health",
    "Fire and rescue",
    "Probation",
    "Voluntary sector",
    "Housing",
    "Education",
    "Police and Crime Commissioner",
];

/// The default protective marking.
pub const DEFAULT_MARKING: &str = "OFFICIAL";

/// A whole assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    /// Title, e.g. "Safer Plymouth strategic assessment".
    pub title: String,
    /// Area covered.
    pub area: String,
    /// Period, e.g. "2018/19".
    pub period: String,
    /// Who prepared it.
    pub author: String,
    /// Protective marking, e.g. OFFICIAL or OFFICIAL-SENSITIVE. Travels with every export.
    pub marking: String,
    /// Free-text notes about the document (e.g. "illustrative sample").
    pub notes: String,
    /// The method, embedded so the file is self-contained and reproducible. Shared, like the
    /// themes and the log, so that an undo snapshot costs what an edit changes.
    pub method: Arc<Method>,
    /// People who vote.
    pub participants: Vec<Participant>,
    /// The themes, in the analyst's order. Each is shared between undo snapshots until an
    /// edit changes it ([`Scorecard::theme_mut`] copies only that theme).
    pub themes: Vec<Arc<Theme>>,
    /// Every change applied, oldest first (shared between undo snapshots line by line).
    pub log: Vec<Arc<Change>>,
    /// The candidate-priority cut line the lead chose (the top N); `None` for the default.
    pub cut: Option<u32>,
    /// What was read from the partnership's data (shared between undo snapshots).
    pub evidence: Arc<Evidence>,
}

/// The cut line when none is chosen and nothing is adopted: the top 5 are candidates.
pub const DEFAULT_CUT: usize = 5;

/// A person who takes part in scoring.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// Stable id.
    pub id: ParticipantId,
    /// Name.
    pub name: String,
    /// Agency, e.g. Police, Council, Health.
    pub agency: String,
    /// Present at the current session (absent people keep their earlier votes).
    pub present: bool,
}

/// One crime or community-safety theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Stable id.
    pub id: ThemeId,
    /// Name shown to users.
    pub name: String,
    /// What the theme covers.
    pub description: String,
    /// Grouping, e.g. "Violence", "Exploitation".
    pub category: String,
    /// The analyst's evidence note for the theme.
    pub evidence: String,
    /// Scores by factor.
    pub scores: BTreeMap<FactorId, FactorScore>,
    /// The board's decision, once taken.
    pub decision: Option<Decision>,
    /// Rounds whose votes are hidden: open for voting or not yet revealed. Their votes are
    /// kept but count for nothing until the round is revealed (see [`FactorScore::summarise`]).
    /// A round starts hidden when its first vote is given; rounds not listed are revealed.
    pub hidden_rounds: BTreeSet<u32>,
    /// The data series the analyst linked the theme to; `None` links it to the series named
    /// as the theme is ([`super::evidence::links::links_for`]).
    pub links: Option<Vec<Link>>,
    /// Last year's theme this one continues, by its id in last year's scorecard: matched by
    /// hand in year-on-year compare when the name and id both changed.
    pub last_year: Option<ThemeId>,
}

/// Everything recorded about one factor of one theme.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FactorScore {
    /// The analyst's draft.
    pub draft: Option<Value>,
    /// The analyst's evidence note for the draft.
    pub note: String,
    /// Participants' votes, in any order.
    pub votes: Vec<Vote>,
    /// The value the room agreed.
    pub agreed: Option<Agreed>,
}

/// One participant's vote in one round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    /// Round number, from 1.
    pub round: u32,
    /// Who voted.
    pub participant: ParticipantId,
    /// The value given.
    pub value: Value,
}

/// An agreed value and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreed {
    /// The value.
    pub value: Value,
    /// The rationale recorded.
    pub rationale: String,
}

/// The board's decision on a theme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// What was decided.
    pub kind: DecisionKind,
    /// Why.
    pub rationale: String,
    /// Who recorded it.
    pub by: String,
    /// When it was recorded (ISO 8601 text).
    pub at: String,
    /// The meeting it was taken at ("Safer Plymouth board"), if recorded.
    pub meeting: String,
    /// The date it was taken ("2026-03-14"), if recorded.
    pub on: String,
}

/// One entry of the change log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// When (ISO 8601 text).
    pub at: String,
    /// Who.
    pub who: String,
    /// What changed, e.g. `theme "asb" factor "physical" agreed`.
    pub what: String,
    /// The old value, as text.
    pub old: String,
    /// The new value, as text.
    pub new: String,
}

/// Where a factor's effective value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The room's agreed value.
    Agreed,
    /// The aggregate of the latest round of votes.
    Votes {
        /// The round used.
        round: u32,
    },
    /// The analyst's draft.
    Draft,
    /// Nothing recorded.
    Unscored,
}

impl Source {
    /// Short name for tables: agreed, votes, draft or unscored.
    pub fn name(self) -> &'static str {
        match self {
            Self::Agreed => "agreed",
            Self::Votes { .. } => "votes",
            Self::Draft => "draft",
            Self::Unscored => "unscored",
        }
    }
}

impl FactorScore {
    /// The latest round with any votes, if any.
    pub fn latest_round(&self) -> Option<u32> {
        self.votes.iter().map(|v| v.round).max()
    }

    /// The values voted in one round.
    pub fn round_values(&self, round: u32) -> Vec<Value> {
        self.votes
            .iter()
            .filter(|v| v.round == round)
            .map(|v| v.value)
            .collect()
    }

    /// The latest round that counts: the latest with votes that is not hidden.
    pub fn counted_round(&self, hidden: &BTreeSet<u32>) -> Option<u32> {
        self.votes
            .iter()
            .map(|v| v.round)
            .filter(|r| !hidden.contains(r))
            .max()
    }

    /// The effective value: agreed, else the aggregate of the latest revealed round's votes,
    /// else the draft. `hidden` is the theme's [`Theme::hidden_rounds`].
    pub fn effective(
        &self,
        scale: &Scale,
        method: &Method,
        hidden: &BTreeSet<u32>,
    ) -> (Option<Value>, Source) {
        let table = aggregate::ScaleTable::new(scale);
        let (value, source, _) = self.summarise(&table, method, hidden);
        (value, source)
    }

    /// The effective value, its source and the spread of the latest revealed round, in one
    /// pass. Votes of hidden rounds (open, or not yet revealed) are not read at all, so
    /// nothing the room can see moves while a round is being voted.
    pub fn summarise(
        &self,
        table: &aggregate::ScaleTable<'_>,
        method: &Method,
        hidden: &BTreeSet<u32>,
    ) -> (Option<Value>, Source, Option<aggregate::Spread>) {
        let (voted, spread, round) = match self.counted_round(hidden) {
            Some(round) => {
                let (v, s) = table.summarise_iter(
                    self.votes
                        .iter()
                        .filter(|v| v.round == round)
                        .map(|v| v.value),
                    method.aggregation,
                    method.contested_steps,
                );
                (v, s, round)
            }
            None => (None, None, 0),
        };
        if let Some(a) = &self.agreed {
            return (Some(a.value), Source::Agreed, spread);
        }
        if let Some(v) = voted {
            return (Some(v), Source::Votes { round }, spread);
        }
        match self.draft {
            Some(v) => (Some(v), Source::Draft, spread),
            None => (None, Source::Unscored, spread),
        }
    }
}

impl Scorecard {
    /// The decision and agreement log: every change to a board decision or an agreed value,
    /// oldest first, from the change log.
    pub fn decision_log(&self) -> impl DoubleEndedIterator<Item = &Change> {
        self.log
            .iter()
            .map(|c| &**c)
            .filter(|c| c.what.ends_with(" decision") || c.what.ends_with(" agreed"))
    }

    /// An empty scorecard under a method.
    pub fn new(title: &str, method: Method) -> Self {
        Self {
            title: title.to_owned(),
            area: String::new(),
            period: String::new(),
            author: String::new(),
            marking: DEFAULT_MARKING.to_owned(),
            notes: String::new(),
            method: Arc::new(method),
            participants: Vec::new(),
            themes: Vec::new(),
            log: Vec::new(),
            cut: None,
            evidence: Arc::default(),
        }
    }

    /// The cut line in force: the one chosen, else as many as the board adopted, else
    /// [`DEFAULT_CUT`].
    pub fn cut(&self) -> usize {
        if let Some(n) = self.cut {
            return n as usize;
        }
        let adopted = self
            .themes
            .iter()
            .filter(|t| {
                t.decision
                    .as_ref()
                    .is_some_and(|d| d.kind == DecisionKind::Adopt)
            })
            .count();
        if adopted > 0 { adopted } else { DEFAULT_CUT }
    }

    /// A theme by id.
    pub fn theme(&self, id: &ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| &t.id == id).map(|t| &**t)
    }

    /// A theme by id, to change: copies it first if an undo snapshot still shares it.
    pub fn theme_mut(&mut self, id: &ThemeId) -> Option<&mut Theme> {
        self.themes
            .iter_mut()
            .find(|t| &t.id == id)
            .map(Arc::make_mut)
    }

    /// Adds a theme at the end.
    pub fn push_theme(&mut self, theme: Theme) {
        self.themes.push(Arc::new(theme));
    }

    /// Finds a theme by id, or failing that by name (ignoring case and spacing).
    pub fn find_theme(&self, key: &str) -> Option<&Theme> {
        let key = key.trim();
        self.index_matching(key, key).map(|i| &*self.themes[i])
    }

    /// The position of the theme with id `id`, or failing that of one named `name` (ignoring
    /// case and spacing): how imports and look-ups recognise a theme.
    pub fn index_matching(&self, id: &str, name: &str) -> Option<usize> {
        self.themes
            .iter()
            .position(|t| t.id.as_str() == id)
            .or_else(|| {
                let key = super::ids::name_key(name);
                self.themes
                    .iter()
                    .position(|t| super::ids::name_key(&t.name) == key)
            })
    }

    /// The links a theme uses: its own, else those named as it is.
    pub fn links(&self, theme: &Theme) -> Vec<Link> {
        super::evidence::links::links_for(&theme.name, theme.links.as_deref(), &self.evidence)
    }

    /// The figures of a theme from the evidence.
    pub fn figures(&self, theme: &Theme) -> super::evidence::ThemeFigures {
        super::evidence::figures_for(&self.links(theme), &self.evidence)
    }

    /// A participant by id.
    pub fn participant(&self, id: &ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }
}

mod decisions;
#[cfg(test)]
mod tests;
mod theme;
