//! The server's memory: the join secret and short code, each device's token and the name it
//! claimed, wrong-code counts per address, the latest [`Snapshot`] and the votes accepted but
//! not yet in it. No sockets and no async here: the HTTP layer (`http.rs`) asks the hub, and
//! the document's owner tells it what changed.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::session::{OpenView, Person, Snapshot};
use crate::model::{Edit, ParticipantId};

/// Devices that may wait for a name at once.
pub const MAX_WAITING: usize = 100;
/// Devices that may wait for a name at once from one address (an IPv6 /64).
pub const WAITING_PER_ADDRESS: usize = 3;
/// How long a device waits for a name before it is forgotten.
pub const WAITING_FOR: Duration = Duration::from_secs(30 * 60);

/// A device waiting for the facilitator to give it a name.
#[derive(Clone, Copy, Debug)]
struct Waiting {
    device: u32,
    /// Its address (an IPv6 address by its /64).
    net: IpAddr,
    since: Instant,
}
/// Wrong codes one address may send before it is locked out.
pub const GUESSES_PER_ADDRESS: u32 = 10;
/// How long a locked-out address waits.
pub const LOCKOUT: Duration = Duration::from_secs(15 * 60);
/// Wrong codes from all addresses together after which the short code stops working (the QR
/// link's secret still does), so that many addresses cannot share out the guessing.
pub const GUESSES_IN_ALL: u32 = 200;

/// A vote accepted from a device, for the document's owner to apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    /// Order of acceptance, from 1; the owner reports the last one it applied.
    pub seq: u64,
    /// The vote as an ordinary edit.
    pub edit: Edit,
    /// Who, as the change log shows it: "NAME (via device 3)", the device's number as the
    /// facilitator sees it.
    pub who: String,
    /// When the request arrived (for the benchmark's request-to-document time).
    pub received: Instant,
    /// Its number in the votes journal (`file::journal`), or 0 when there is none.
    pub journal: u64,
    /// The device that cast it (its number, as the facilitator sees it).
    pub device: u32,
}

/// Why a join was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinError {
    /// Neither the short code nor the secret.
    WrongCode,
    /// Too many wrong codes from this address (or in all, for the short code).
    LockedOut,
    /// Not a present participant.
    NoSuchPerson,
    /// Another device holds the name; the facilitator can release it.
    Taken,
    /// Too many wrong codes came in from everywhere: the short code is off (the QR link's
    /// secret still works) until the facilitator makes a new one.
    CodeOff,
    /// Too many devices from this address wait for a name already.
    WaitingFull,
}

/// Why a vote was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteError {
    /// No such token (never issued, or revoked).
    Unauthorised,
    /// The theme or round is not open, or the round is locked.
    NotOpen,
    /// The open theme has no such factor, or the factor no such level.
    Unknown(String),
    /// The room agreed this factor in an earlier round (at this level): the round does not
    /// ask about it.
    Agreed(String),
    /// The same level (or no vote) is already this participant's vote: nothing to record.
    Unchanged,
    /// The journal could not take it (a full disk, say): not accepted, to be sent again.
    NotRecorded(String),
}

/// What `GET /api/state` returns to one device.
#[derive(Clone, Debug, Serialize)]
pub struct DeviceState<'a> {
    /// Changes whenever anything a device might show changes.
    pub version: u64,
    /// Who this device votes as.
    pub participant: &'a Person,
    /// The open theme, or none ("waiting for the next theme").
    pub open: Option<&'a OpenView>,
    /// This participant's own votes in the open round: factor id → level code.
    pub votes: HashMap<String, String>,
}

/// The hub.
pub struct Hub {
    secret: String,
    code: String,
    tokens: HashMap<String, ParticipantId>,
    /// Each token's device number (shown in the change log: "NAME (via device 3)").
    devices: HashMap<String, u32>,
    claims: HashMap<ParticipantId, String>,
    /// Devices that joined with the code but wait for the facilitator to give them a name:
    /// token → device number (shown on the phone, told to the facilitator).
    waiting: HashMap<String, Waiting>,
    next_device: u32,
    /// Wrong codes and lockouts per address (an IPv6 address counts by its /64).
    failures: HashMap<IpAddr, (u32, Option<Instant>)>,
    failures_in_all: u32,
    snapshot: Snapshot,
    pending: Vec<Accepted>,
    next_seq: u64,
    /// The facilitator stopped live voting: phones are told it has ended.
    ended: bool,
    /// Changes with the room's tokens and code (`room.rs`).
    room_version: u64,
    /// Names the facilitator freed, and the tokens that held them (`names.rs`).
    released: names::Released,
    version: u64,
}

/// `bytes` random bytes as lower-case hex, from the operating system's generator.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0_u8; bytes];
    // Without the OS generator there is no safe secret: say so rather than use a weak one.
    getrandom::fill(&mut buf).unwrap_or_else(|e| panic!("no random numbers from the OS: {e}"));
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// A six-digit code, each digit drawn without bias.
fn short_code() -> String {
    let mut out = String::new();
    while out.len() < 6 {
        let mut b = [0_u8; 1];
        getrandom::fill(&mut b).unwrap_or_else(|e| panic!("no random numbers from the OS: {e}"));
        if b[0] < 250 {
            out.push(char::from(b'0' + b[0] % 10));
        }
    }
    out
}

impl Hub {
    /// A hub with a fresh 128-bit secret and six-digit code.
    pub fn new(snapshot: Snapshot) -> Self {
        Self {
            secret: random_hex(16),
            code: short_code(),
            tokens: HashMap::new(),
            devices: HashMap::new(),
            claims: HashMap::new(),
            waiting: HashMap::new(),
            next_device: 1,
            failures: HashMap::new(),
            failures_in_all: 0,
            snapshot,
            pending: Vec::new(),
            next_seq: 1,
            ended: false,
            room_version: 0,
            released: names::Released::default(),
            version: 1,
        }
    }

    /// The secret in the join link.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// The short code for typing.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The version devices see; it changes whenever their view may have.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The names a device may pick, and whether each is taken, once it shows the code.
    pub fn names(
        &mut self,
        ip: IpAddr,
        code: &str,
        now: Instant,
    ) -> Result<Vec<(Person, bool)>, JoinError> {
        self.check_code(ip, code, now)?;
        Ok(self
            .snapshot
            .people
            .iter()
            .map(|p| {
                let taken = self
                    .claims
                    .contains_key(&ParticipantId::from(p.id.as_str()));
                (p.clone(), taken)
            })
            .collect())
    }

    /// Joins as `participant`: a new token for this device. A name held by another device is
    /// refused until the facilitator releases it.
    pub fn join(
        &mut self,
        ip: IpAddr,
        code: &str,
        participant: &str,
        now: Instant,
    ) -> Result<String, JoinError> {
        self.check_code(ip, code, now)?;
        let id = ParticipantId::from(participant);
        if !self.snapshot.allowed.contains_key(&id) {
            return Err(JoinError::NoSuchPerson);
        }
        if self.claims.contains_key(&id) {
            return Err(JoinError::Taken);
        }
        let token = random_hex(16);
        self.tokens.insert(token.clone(), id.clone());
        self.devices.insert(token.clone(), self.next_device);
        self.next_device += 1;
        self.room_version += 1;
        self.released.taken_again(&id, self.next_device - 1, now);
        self.claims.insert(id, token.clone());
        self.version += 1;
        Ok(token)
    }

    /// Joins without a name: the device waits for the facilitator to give it one. Returns
    /// its token and its number. At most [`WAITING_PER_ADDRESS`] wait from one address, and
    /// a device not given a name within [`WAITING_FOR`] is forgotten.
    pub fn wait(
        &mut self,
        ip: IpAddr,
        code: &str,
        now: Instant,
    ) -> Result<(String, u32), JoinError> {
        self.check_code(ip, code, now)?;
        self.waiting
            .retain(|_, w| now.duration_since(w.since) < WAITING_FOR);
        let net = codes::network(ip);
        let mine = self.waiting.values().filter(|w| w.net == net).count();
        if mine >= WAITING_PER_ADDRESS || self.waiting.len() >= MAX_WAITING {
            return Err(JoinError::WaitingFull);
        }
        let token = random_hex(16);
        let n = self.next_device;
        self.next_device += 1;
        self.waiting.insert(
            token.clone(),
            Waiting {
                device: n,
                net,
                since: now,
            },
        );
        self.version += 1;
        Ok((token, n))
    }

    /// The numbers of the devices waiting for a name, in order.
    pub fn waiting(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self.waiting.values().map(|w| w.device).collect();
        v.sort_unstable();
        v
    }

    /// The number of a waiting device's token.
    pub fn waiting_device(&self, token: &str) -> Option<u32> {
        self.waiting.get(token).map(|w| w.device)
    }

    /// The facilitator gives waiting device `device` the name of `participant`.
    pub fn assign(&mut self, device: u32, participant: &ParticipantId) -> Result<(), JoinError> {
        if !self.snapshot.allowed.contains_key(participant) {
            return Err(JoinError::NoSuchPerson);
        }
        if self.claims.contains_key(participant) {
            return Err(JoinError::Taken);
        }
        let token = self
            .waiting
            .iter()
            .find(|(_, w)| w.device == device)
            .map(|(t, _)| t.clone())
            .ok_or(JoinError::NoSuchPerson)?;
        self.waiting.remove(&token);
        self.tokens.insert(token.clone(), participant.clone());
        self.devices.insert(token.clone(), device);
        self.room_version += 1;
        self.claims.insert(participant.clone(), token);
        self.version += 1;
        Ok(())
    }

    /// True for a token that is joined or waiting for a name.
    pub fn known(&self, token: &str) -> bool {
        self.tokens.contains_key(token) || self.waiting.contains_key(token)
    }

    /// True once live voting has been stopped.
    pub fn ended(&self) -> bool {
        self.ended
    }

    /// Ends every device's access because live voting stopped: phones are told it ended.
    pub fn end(&mut self) {
        self.ended = true;
        self.revoke_all();
    }

    /// Ends every device's access.
    pub fn revoke_all(&mut self) {
        self.tokens.clear();
        self.devices.clear();
        self.room_version += 1;
        self.claims.clear();
        self.waiting.clear();
        self.version += 1;
    }

    /// The participant a token votes as.
    pub fn who(&self, token: &str) -> Option<&ParticipantId> {
        self.tokens.get(token)
    }

    /// One device's view.
    pub fn state(&self, token: &str) -> Option<DeviceState<'_>> {
        let id = self.tokens.get(token)?;
        let participant = self.snapshot.people.iter().find(|p| p.id == id.as_str())?;
        let open = self.snapshot.open.as_ref();
        let votes = self.visible_votes(id);
        Some(DeviceState {
            version: self.version,
            participant,
            open,
            votes,
        })
    }

    /// A new view of the document, which includes every accepted vote up to `applied`. The
    /// version changes (and devices are told) only if what some device sees changed: the
    /// theme, the round, the names, or a device's own votes (a facilitator's correction), not
    /// when the document merely caught up with votes the devices already see.
    pub fn publish(&mut self, snapshot: Snapshot, applied: u64) {
        let before = self.all_visible();
        let general = |s: &Snapshot| (s.people.clone(), s.open.clone());
        let general_changed = general(&snapshot) != general(&self.snapshot);
        self.snapshot = snapshot;
        self.pending.retain(|a| a.seq > applied);
        // A name no longer present loses its device.
        let gone: Vec<_> = self
            .claims
            .keys()
            .filter(|id| !self.snapshot.allowed.contains_key(*id))
            .cloned()
            .collect();
        for id in gone {
            self.release(&id);
        }
        if general_changed || self.all_visible() != before {
            self.version += 1;
        }
    }
}

mod codes;
mod names;
mod room;
pub use codes::network;
pub use room::{Room, read_room, room_path, write_room};
mod votes;

#[cfg(test)]
mod tests;
