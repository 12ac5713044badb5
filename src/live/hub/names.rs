//! Names the facilitator frees. The device that held the name is told why its access ended
//! (not a bare "join first"), and when a freed name is taken again the facilitator is told
//! which device took it, so a name taken by the wrong person is seen and can be freed again.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use super::Hub;
use crate::model::ParticipantId;

/// Freed tokens remembered, for their devices' next request.
const TOKENS_KEPT: usize = 256;
/// How long after freeing a name its next taker is reported to the facilitator.
const REPORT_FOR: Duration = Duration::from_secs(30 * 60);
/// Reports kept until the facilitator's program reads them.
const NOTICES_KEPT: usize = 64;

/// What the hub remembers of freed names.
#[derive(Debug, Default)]
pub(super) struct Released {
    /// Freed tokens, oldest first, with the name each held.
    tokens: VecDeque<(String, String)>,
    /// Freed names: when, and the name as shown (for the reports).
    names: HashMap<ParticipantId, (Instant, String)>,
    /// Reports for the facilitator, not yet read.
    notices: Vec<String>,
}

impl Released {
    /// `who` joined on device `device`: if the facilitator freed that name lately, say so.
    pub(super) fn taken_again(&mut self, who: &ParticipantId, device: u32, now: Instant) {
        let Some((at, name)) = self.names.remove(who) else {
            return;
        };
        if now.duration_since(at) < REPORT_FOR && self.notices.len() < NOTICES_KEPT {
            self.notices.push(format!(
                "{name} was taken again, by device {device}, after you freed it. If that is \
                 not {name}, free the name again."
            ));
        }
    }
}

impl Hub {
    /// Frees a name so another device can take it; the device holding it loses access and is
    /// told why at its next request.
    pub fn release(&mut self, participant: &ParticipantId) -> bool {
        let Some(token) = self.claims.remove(participant) else {
            return false;
        };
        self.tokens.remove(&token);
        self.devices.remove(&token);
        let name = self
            .snapshot
            .allowed
            .get(participant)
            .cloned()
            .unwrap_or_else(|| participant.to_string());
        let r = &mut self.released;
        if r.tokens.len() >= TOKENS_KEPT {
            r.tokens.pop_front();
        }
        r.tokens.push_back((token, name.clone()));
        r.names.insert(participant.clone(), (Instant::now(), name));
        self.room_version += 1;
        self.version += 1;
        true
    }

    /// Who holds a name now (participant ids).
    pub fn claimed(&self) -> Vec<ParticipantId> {
        let mut v: Vec<_> = self.claims.keys().cloned().collect();
        v.sort();
        v
    }

    /// Why `token` may not vote: its name was freed by the facilitator, or it is unknown.
    pub fn unauthorised(&self, token: &str) -> String {
        match self.released.tokens.iter().find(|(t, _)| t == token) {
            Some((_, name)) => format!(
                "The facilitator freed the name {name} for another device, so this phone no \
                 longer votes as {name}. If you are {name}, ask the facilitator, then join again \
                 with the room code."
            ),
            None => "join first (or join again)".to_owned(),
        }
    }

    /// Reports for the facilitator since the last call (a freed name taken again).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.released.notices)
    }
}
