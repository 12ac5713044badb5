//! What the panels know about live voting while it runs, and what they may ask of it. The
//! server itself (`crate::live::Server`) belongs to the app; panels see this view of it.

use crate::live::session::Session;
use crate::model::{ParticipantId, ThemeId};

/// Live voting as the panels see it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LiveView {
    /// The link the QR code holds (with the secret).
    pub join_url: String,
    /// The address to type on a phone, without the secret.
    pub short_url: String,
    /// The short room code.
    pub code: String,
    /// The facilitator's choices (open theme and round, locked, what phones see).
    pub session: Session,
    /// Names a device holds.
    pub claimed: Vec<ParticipantId>,
    /// Devices that joined with the code and wait for the facilitator to give them a name.
    pub waiting: Vec<u32>,
    /// Too many wrong codes came in: only the QR link works now.
    pub code_disabled: bool,
    /// Votes received from devices since live voting started.
    pub votes: u64,
    /// When live voting started (for "no phone has joined yet").
    pub started: Option<std::time::Instant>,
}

/// What a panel asks of live voting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveAction {
    /// Open this theme for device votes (the round the workshop shows if still hidden,
    /// else a new one).
    Open(ThemeId),
    /// Close the open theme: phones wait for the next.
    Close,
    /// Lock or unlock the open round.
    Lock(bool),
    /// Show the analyst's evidence note on phones.
    ShowEvidence(bool),
    /// After a reveal, show phones the room's spread.
    ShowSpread(bool),
    /// Free a name for another device.
    Release(ParticipantId),
    /// Give a waiting device a participant's name.
    Assign(u32, ParticipantId),
    /// Show or hide the join screen in presenter mode.
    JoinScreen(bool),
    /// Start live voting on this address and port, showing the evidence note or not.
    Start(std::net::SocketAddr, bool),
    /// A new room code (the old one stops working), after guessing turned it off.
    NewCode,
}
