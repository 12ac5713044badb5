//! The journal's lines: the base it applies to, and one vote per line, as single-line RON.

use std::hash::Hasher;

use serde::{Deserialize, Serialize};

use crate::model::{Edit, FactorId, ParticipantId, ThemeId, Value};

/// Longest journal line read back (a vote is a few hundred bytes).
pub(super) const MAX_LINE: usize = 64 * 1024;

/// One line of the journal.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Line {
    /// The base file this journal applies to.
    Base {
        /// Its length in bytes.
        len: u64,
        /// FNV-1a (64-bit) of its bytes, in hex.
        hash: String,
    },
    /// One accepted vote.
    Vote(VoteLine),
}

/// A vote as the journal keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct VoteLine {
    pub(super) n: u64,
    theme: String,
    factor: String,
    participant: String,
    round: u32,
    value: Option<LineValue>,
    pub(super) who: String,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
enum LineValue {
    Level(u16),
    Number(i32),
}

impl VoteLine {
    pub(super) fn of(n: u64, edit: &Edit, who: &str) -> Option<Self> {
        let Edit::SetVote {
            theme,
            factor,
            participant,
            round,
            value,
        } = edit
        else {
            return None;
        };
        Some(Self {
            n,
            theme: theme.to_string(),
            factor: factor.to_string(),
            participant: participant.to_string(),
            round: *round,
            value: value.map(|v| match v {
                Value::Level(i) => LineValue::Level(i),
                Value::Number(x) => LineValue::Number(x),
            }),
            who: who.to_owned(),
        })
    }

    pub(super) fn edit(&self) -> Edit {
        Edit::SetVote {
            theme: ThemeId::from(self.theme.as_str()),
            factor: FactorId::from(self.factor.as_str()),
            participant: ParticipantId::from(self.participant.as_str()),
            round: self.round,
            value: self.value.map(|v| match v {
                LineValue::Level(i) => Value::Level(i),
                LineValue::Number(x) => Value::Number(x),
            }),
        }
    }
}

/// A base file's identity as the journal names it.
pub(super) fn identity(bytes: &[u8]) -> (u64, String) {
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    (bytes.len() as u64, format!("{:016x}", h.finish()))
}

pub(super) fn to_line(line: &Line) -> String {
    // Single-line RON: strings keep their newlines escaped.
    let mut s = ron::ser::to_string(line).unwrap_or_default();
    s.push('\n');
    s
}
