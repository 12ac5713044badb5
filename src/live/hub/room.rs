//! The room a session runs: its secret, code and the tokens devices hold. Kept in a small
//! file beside the votes journal while live voting runs (`NAME.ron.room`), so that after a
//! crash the restarted session is the same room: phones reconnect with their tokens, with no
//! code and no name to pick again. Removed when live voting stops; never kept otherwise.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Hub;
use crate::model::ParticipantId;

/// Largest room file read back.
const MAX_ROOM_BYTES: u64 = 1024 * 1024;

/// What a room file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Room {
    /// The join link's secret.
    pub secret: String,
    /// The short code.
    pub code: String,
    /// The next device number.
    pub next_device: u32,
    /// The devices holding a name.
    pub holders: Vec<Holder>,
}

/// A device holding a participant's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// Its token.
    pub token: String,
    /// The participant's id.
    pub participant: String,
    /// Its number.
    pub device: u32,
}

/// The room file beside `base`: `NAME.ron` → `NAME.ron.room`.
pub fn room_path(base: &Path) -> PathBuf {
    let mut name = base.file_name().unwrap_or_default().to_os_string();
    name.push(".room");
    base.with_file_name(name)
}

/// Reads a room file, if there is a readable one (anything else is no room).
pub fn read_room(path: &Path) -> Option<Room> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > MAX_ROOM_BYTES {
        return None;
    }
    let room: Room = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    // Only what trh itself writes: hex secrets and tokens, a six-digit code.
    let hex = |s: &str| s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let ok = hex(&room.secret)
        && room.code.len() == 6
        && room.code.bytes().all(|b| b.is_ascii_digit())
        && room.holders.iter().all(|h| hex(&h.token));
    ok.then_some(room)
}

/// Writes a room file atomically, readable by its owner only where the system has modes.
pub fn write_room(path: &Path, room: &Room) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(room).map_err(std::io::Error::other)?;
    // Owner-only from its first byte (never briefly readable by others, then narrowed).
    crate::file::save::replace_private(path, &bytes).map_err(std::io::Error::other)
}

impl Hub {
    /// The room as it stands.
    pub fn room(&self) -> Room {
        let mut holders: Vec<Holder> = self
            .tokens
            .iter()
            .map(|(token, id)| Holder {
                token: token.clone(),
                participant: id.to_string(),
                device: self.devices.get(token).copied().unwrap_or_default(),
            })
            .collect();
        holders.sort_by_key(|h| h.device);
        Room {
            secret: self.secret.clone(),
            code: self.code.clone(),
            next_device: self.next_device,
            holders,
        }
    }

    /// Takes up `room` again: the same secret, code and devices (names no longer present
    /// are dropped at the next publish).
    pub fn resume(&mut self, room: Room) {
        self.secret = room.secret;
        self.code = room.code;
        self.next_device = room.next_device.max(1);
        for h in room.holders {
            let id = ParticipantId::from(h.participant.as_str());
            if self.claims.contains_key(&id) {
                continue;
            }
            self.tokens.insert(h.token.clone(), id.clone());
            self.devices.insert(h.token.clone(), h.device);
            self.claims.insert(id, h.token);
        }
        self.room_version += 1;
        self.version += 1;
    }

    /// Changes whenever the room file would change (a device joins or leaves, a new code).
    pub fn room_version(&self) -> u64 {
        self.room_version
    }
}
