//! A live session without a window: owns a [`Document`], applies the votes the server
//! accepts through it (each signed "NAME (via device)", as the window does:
//! [`Document::apply_batch`]), publishes what phones may see after every change, and saves
//! the file atomically soon after votes arrive. `trh live`, the tests and the benchmark run
//! this; the app does the same in its frame loop.

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use super::session::{Session, Snapshot};
use super::{Accepted, Config, Server};
use crate::document::{Document, Refused};
use crate::model::{Edit, EditError, Scorecard, ThemeId};

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

/// Opens `theme` for voting in a new round (its latest plus one), hidden: the edit to make
/// and the session to run.
pub fn open_new_round(card: &Scorecard, theme: &ThemeId) -> Option<(Edit, u32)> {
    let t = card.theme(theme)?;
    let round = crate::model::workshop::latest_round(t) + 1;
    Some((
        Edit::SetRoundHidden {
            theme: theme.clone(),
            round,
            hidden: true,
        },
        round,
    ))
}

impl Kiosk {
    /// Starts serving `doc` (saved to its path, if it has one, after votes and on stop).
    pub fn start(doc: Document, session: Session, config: Config) -> std::io::Result<Self> {
        let (tx, rx) = channel();
        let sink: super::Sink = Box::new(move |a| {
            let _ = tx.send(a);
        });
        // Votes wake the kiosk through its channel; nothing else needs waking.
        let wake: super::Wake = Box::new(|| {});
        let server = Server::start(config, Snapshot::build(&doc.card, &session), sink, wake)?;
        Ok(Self {
            doc,
            session,
            server,
            rx,
            applied: 0,
            unsaved_since: None,
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
        if edit.is_some() && done.is_ok() {
            self.unsaved_since.get_or_insert_with(Instant::now);
        }
        self.session = session;
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
            crate::file::save::save_scorecard(&self.doc.card, &path)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            self.doc.saved(path, generation);
        }
        self.unsaved_since = None;
        Ok(())
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
        Ok((self.doc, refused))
    }
}
