//! The hub's votes: accepting a device's vote in the open round, and what each device sees
//! of its own votes (the snapshot's, then those accepted but not yet in it).

use std::collections::HashMap;
use std::time::Instant;

use super::{Accepted, Hub, VoteError};
use crate::model::{Edit, FactorId, ParticipantId, ThemeId};

impl Hub {
    /// A participant's own votes in the open round as their device sees them: the snapshot's,
    /// then the votes accepted but not yet in it, in order.
    pub(super) fn visible_votes(&self, id: &ParticipantId) -> HashMap<String, String> {
        let open = self.snapshot.open.as_ref();
        let mut votes: HashMap<String, String> = self
            .snapshot
            .votes
            .get(id)
            .map(|m| m.iter().map(|(f, c)| (f.to_string(), c.clone())).collect())
            .unwrap_or_default();
        for a in &self.pending {
            let Edit::SetVote {
                participant,
                factor,
                theme,
                round,
                value,
            } = &a.edit
            else {
                continue;
            };
            let open_now = open.is_some_and(|o| o.theme == theme.as_str() && o.round == *round);
            if participant != id || !open_now {
                continue;
            }
            match (value, self.snapshot.factor(factor.as_str())) {
                (Some(v), Some(f)) => {
                    if let Some(l) = level_code(f, *v) {
                        votes.insert(factor.to_string(), l);
                    }
                }
                _ => {
                    votes.remove(factor.as_str());
                }
            }
        }
        votes
    }

    /// What every joined device sees of its own votes.
    pub(super) fn all_visible(&self) -> Vec<HashMap<String, String>> {
        let mut ids: Vec<&ParticipantId> = self.claims.keys().collect();
        ids.sort();
        ids.into_iter().map(|id| self.visible_votes(id)).collect()
    }

    /// Accepts a vote (or clears one, with no level) from a device, as its own participant,
    /// in the open round only.
    pub fn vote(
        &mut self,
        token: &str,
        (theme, round, factor, level): (&str, u32, &str, Option<&str>),
        now: Instant,
    ) -> Result<Accepted, VoteError> {
        let id = self
            .tokens
            .get(token)
            .ok_or(VoteError::Unauthorised)?
            .clone();
        let open = self.snapshot.open.as_ref().ok_or(VoteError::NotOpen)?;
        if open.theme != theme || open.round != round || open.locked {
            return Err(VoteError::NotOpen);
        }
        let f = open
            .factors
            .iter()
            .find(|f| f.id == factor)
            .ok_or_else(|| VoteError::Unknown(format!("no factor \"{factor}\"")))?;
        if let Some(agreed) = &f.agreed {
            return Err(VoteError::Agreed(agreed.clone()));
        }
        let value = match level {
            None => None,
            Some(code) => {
                let i = f
                    .levels
                    .iter()
                    .position(|l| l.code == code)
                    .ok_or_else(|| {
                        VoteError::Unknown(format!("factor \"{factor}\" has no level \"{code}\""))
                    })?;
                Some(value_at(f, i))
            }
        };
        if self.visible_votes(&id).get(factor).map(String::as_str) == level {
            return Err(VoteError::Unchanged);
        }
        let name = self.snapshot.allowed.get(&id).cloned().unwrap_or_default();
        let device = self.devices.get(token).copied().unwrap_or_default();
        let accepted = Accepted {
            seq: self.next_seq,
            edit: Edit::SetVote {
                theme: ThemeId::from(theme),
                factor: FactorId::from(factor),
                participant: id,
                round,
                value,
            },
            who: format!("{name} (via device {device})"),
            received: now,
            journal: 0,
            device,
        };
        self.next_seq += 1;
        self.pending.push(accepted.clone());
        // No version change: the device that voted knows, and nobody else's view changed.
        Ok(accepted)
    }
}

impl Hub {
    /// Takes back vote `seq`, accepted but then not journalled.
    pub fn withdraw(&mut self, seq: u64) {
        self.pending.retain(|a| a.seq != seq);
    }
}

/// The model value of the `i`th level shown for a factor: a level index, or the number.
fn value_at(f: &crate::live::session::FactorView, i: usize) -> crate::model::Value {
    match f.range {
        // A range's levels are its steps in order, from its first.
        Some(lo) => crate::model::Value::Number(
            i32::try_from(lo + i64::try_from(i).unwrap_or(i64::MAX)).unwrap_or(i32::MAX),
        ),
        None => crate::model::Value::Level(u16::try_from(i).unwrap_or(u16::MAX)),
    }
}

/// The code shown for a model value.
fn level_code(f: &crate::live::session::FactorView, v: crate::model::Value) -> Option<String> {
    match v {
        crate::model::Value::Level(i) => f.levels.get(usize::from(i)).map(|l| l.code.clone()),
        crate::model::Value::Number(n) => {
            let i = usize::try_from(i64::from(n) - f.range?).ok()?;
            f.levels.get(i).map(|l| l.code.clone())
        }
    }
}
