//! A live session without a window: owns a [`Document`], applies the votes the server
//! accepts through it (each signed "NAME (via device N)", as the window does:
//! [`Document::apply_batch`]), publishes what phones may see after every change, and saves
//! the file atomically soon after votes arrive. A document with a file keeps a votes journal
//! beside it (`file::journal`): a vote is on disk before its phone is told so, and a session
//! killed mid-vote gets every acknowledged vote back when it starts again on the same file. `trh live`, the tests and the benchmark run
//! this; the app does the same in its frame loop.

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use super::session::{Session, Snapshot};
use super::{Accepted, Config, Server};
use crate::document::{Document, Refused};
use crate::file::FileError;
use crate::file::journal::{self, Journal, Recovered};
use crate::model::{Edit, EditError, FactorId, ParticipantId, Scorecard, ThemeId};

/// How soon after an accepted vote the file is saved.
pub const SAVE_AFTER: Duration = Duration::from_secs(1);

/// A headless live session.
pub struct Kiosk {
    doc: Document,
    session: Session,
    server: Server,
    rx: Receiver<Accepted>,
    applied: u64,
    unsaved_since: Option<Instant>,
    journal: Option<Journal>,
    /// The last journalled vote applied to the document.
    journaled: u64,
    /// Which device last set each vote: (theme, round, factor, participant) → device.
    setters: std::collections::HashMap<(ThemeId, u32, FactorId, ParticipantId), u32>,
    /// What the journal of an earlier session that ended unexpectedly gave back.
    pub recovered: Recovered,
    /// True when that session's room was taken up again (phones reconnect by themselves).
    pub resumed: bool,
    /// Each accepted vote with the time it entered the document (for the benchmark), if
    /// asked for.
    pub timings: Option<Vec<(Accepted, Instant)>>,
}

/// What one step did.
#[derive(Debug, Default)]
pub struct Step {
    /// How many accepted votes arrived.
    pub arrived: usize,
    /// Those the model refused (a theme removed meanwhile, say), with the reason.
    pub refused: Vec<Refused>,
}

/// The round opening `theme` for voting asks about ([`crate::model::workshop::round_to_open`]):
/// the facilitator's session names it; the scorecard is not changed until someone votes.
pub fn round_to_open(card: &Scorecard, theme: &ThemeId) -> Option<u32> {
    card.theme(theme).map(crate::model::workshop::round_to_open)
}

impl Kiosk {
    /// Starts serving `doc`. A document with a file first gets back the votes a session
    /// on it that ended unexpectedly had acknowledged ([`Kiosk::recovered`] says what), then
    /// is saved and journalled: every vote is on disk before its phone hears "recorded", and
    /// the file is saved soon after votes arrive and on stop.
    pub fn start(mut doc: Document, session: Session, mut config: Config) -> std::io::Result<Self> {
        let mut recovered = Recovered::default();
        let mut journal = None;
        if let Some(path) = doc.path.clone() {
            if let Some(dir) = path.parent() {
                crate::file::save::clean_temporaries(dir);
            }
            // A journal left behind means the last session on this file ended unexpectedly:
            // its room is taken up again, so phones reconnect with no code and no name.
            let room = super::hub::room_path(&path);
            if journal::journal_path(&path).exists() {
                config.resume = super::hub::read_room(&room);
            }
            config.room_file = Some(room);
            recovered = journal::recover(&path).map_err(std::io::Error::other)?;
            let refused = doc.apply_batch(recovered.votes.iter().map(|(e, w)| (e, w.as_str())));
            recovered.skipped.extend(
                refused
                    .iter()
                    .map(|r| format!("a vote from {}: {}", r.who, r.error)),
            );
            let generation = doc.generation;
            let text =
                crate::file::save::scorecard_to_text(&doc.card).map_err(std::io::Error::other)?;
            let j = Journal::begin(&path, text.as_bytes(), |b| {
                crate::file::save::write_atomic(&path, b)
            })
            .map_err(std::io::Error::other)?;
            doc.saved(path, generation);
            config.journal = Some(j.clone());
            journal = Some(j);
        }
        let (tx, rx) = channel();
        let sink: super::Sink = Box::new(move |a| {
            let _ = tx.send(a);
        });
        // Votes wake the kiosk through its channel; nothing else needs waking.
        let wake: super::Wake = Box::new(|| {});
        let resumed = config.resume.is_some();
        let server = Server::start(config, Snapshot::build(&doc.card, &session), sink, wake)?;
        Ok(Self {
            doc,
            session,
            server,
            rx,
            applied: 0,
            unsaved_since: None,
            journal,
            journaled: 0,
            setters: std::collections::HashMap::new(),
            recovered,
            resumed,
            timings: None,
        })
    }

    /// The server.
    pub fn server(&self) -> &Server {
        &self.server
    }

    /// The scorecard as it stands.
    pub fn card(&self) -> &Scorecard {
        &self.doc.card
    }

    /// The document.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The facilitator's choices.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Applies a facilitator's edit (opening a round, revealing), signed "Facilitator", and
    /// publishes. A refused edit changes nothing and is returned.
    pub fn facilitate(&mut self, edit: Option<&Edit>, session: Session) -> Result<(), EditError> {
        let done = match edit {
            Some(e) => self.doc.apply(e, None, "Facilitator"),
            None => Ok(()),
        };
        self.session = session;
        if edit.is_some() && done.is_ok() {
            // Saved before phones see it: votes journalled for a round are replayed onto a
            // file that has the round.
            self.unsaved_since.get_or_insert_with(Instant::now);
            if let Err(e) = self.save() {
                eprintln!("trh live: not saved: {e}");
            }
        }
        self.publish();
        done
    }

    fn publish(&self) {
        self.server
            .publish(Snapshot::build(&self.doc.card, &self.session), self.applied);
    }

    /// Applies what arrived, together, through the document, as the window does.
    fn take(&mut self, got: &[Accepted]) -> Vec<Refused> {
        let before = self.doc.generation;
        let refused = self
            .doc
            .apply_batch(got.iter().map(|a| (&a.edit, a.who.as_str())));
        if self.doc.generation != before {
            self.unsaved_since.get_or_insert_with(Instant::now);
        }
        if let Some(t) = self.timings.as_mut() {
            let now = Instant::now();
            t.extend(got.iter().map(|a| (a.clone(), now)));
        }
        for a in got {
            self.applied = self.applied.max(a.seq);
            self.journaled = self.journaled.max(a.journal);
            if let Edit::SetVote {
                theme,
                factor,
                participant,
                round,
                ..
            } = &a.edit
                && !refused.iter().any(|r| r.edit == a.edit)
            {
                let key = (theme.clone(), *round, factor.clone(), participant.clone());
                self.setters.insert(key, a.device);
            }
        }
        refused
    }

    /// Waits up to `wait` for votes, applies all that came, publishes, and saves if votes
    /// have waited [`SAVE_AFTER`]. Says how many arrived and which the model refused.
    pub fn step(&mut self, wait: Duration) -> std::io::Result<Step> {
        let mut got = Vec::new();
        match self.rx.recv_timeout(wait) {
            Ok(a) => got.push(a),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
        }
        got.extend(self.rx.try_iter());
        let refused = self.take(&got);
        if !got.is_empty() {
            self.publish();
        }
        if self
            .unsaved_since
            .is_some_and(|t| t.elapsed() >= SAVE_AFTER)
        {
            self.save()?;
        }
        Ok(Step {
            arrived: got.len(),
            refused,
        })
    }

    /// Saves now if anything changed since the last save. A failed save is tried again at
    /// the next step (nothing is dropped: the votes stay in memory and in the hub).
    pub fn save(&mut self) -> std::io::Result<()> {
        if self.unsaved_since.is_some()
            && let Some(path) = self.doc.path.clone()
        {
            let generation = self.doc.generation;
            let text = crate::file::save::scorecard_to_text(&self.doc.card)
                .map_err(std::io::Error::other)?;
            let write = |b: &[u8]| crate::file::save::write_atomic(&path, b);
            match &self.journal {
                // The journal then keeps only the votes not yet in the file.
                Some(j) => j.rebase(text.as_bytes(), self.journaled, write),
                None => write(text.as_bytes()),
            }
            .map_err(|e: FileError| std::io::Error::other(e.to_string()))?;
            self.doc.saved(path, generation);
        }
        self.unsaved_since = None;
        Ok(())
    }

    /// Clears every vote in `round` of `theme` that device `device` cast last (votes a name
    /// squatter cast, say), signed by the facilitator. Returns how many were cleared.
    pub fn undo_device(&mut self, device: u32) -> std::io::Result<usize> {
        let edits: Vec<Edit> = self
            .setters
            .iter()
            .filter(|(_, d)| **d == device)
            .map(|((theme, round, factor, participant), _)| Edit::SetVote {
                theme: theme.clone(),
                factor: factor.clone(),
                participant: participant.clone(),
                round: *round,
                value: None,
            })
            .collect();
        let who = format!("Facilitator (undoing device {device})");
        let refused = self
            .doc
            .apply_batch(edits.iter().map(|e| (e, who.as_str())));
        self.setters.retain(|_, d| *d != device);
        self.unsaved_since.get_or_insert_with(Instant::now);
        self.save()?;
        self.publish();
        Ok(edits.len() - refused.len())
    }

    /// Stops the server (every device loses access), saves, and returns the document with
    /// what the model refused among the last votes.
    pub fn stop(mut self) -> std::io::Result<(Document, Vec<Refused>)> {
        // Votes accepted before the stop are still applied.
        let mut refused = self.step(Duration::ZERO)?.refused;
        self.server.stop();
        let rest: Vec<Accepted> = self.rx.try_iter().collect();
        refused.extend(self.take(&rest));
        self.save()?;
        // Everything is in the file now.
        if let Some(j) = self.journal.take() {
            j.finish().map_err(std::io::Error::other)?;
        }
        Ok((self.doc, refused))
    }
}
