//! A live session without a window: owns the scorecard, applies the votes the server
//! accepts (each logged "NAME (via device)"), publishes what phones may see after every
//! change, and saves the file atomically soon after votes arrive. `trh live`, the tests and
//! the benchmark run this; the app does the same in its frame loop.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use super::session::{Session, Snapshot};
use super::{Accepted, Config, Server};
use crate::model::scorecard::Change;
use crate::model::{Edit, Scorecard, ThemeId};

/// How soon after an accepted vote the file is saved.
pub const SAVE_AFTER: Duration = Duration::from_secs(1);

/// A headless live session.
pub struct Kiosk {
    card: Scorecard,
    session: Session,
    server: Server,
    rx: Receiver<Accepted>,
    applied: u64,
    path: Option<PathBuf>,
    unsaved_since: Option<Instant>,
    /// Each accepted vote with the time it entered the document (for the benchmark), if
    /// asked for.
    pub timings: Option<Vec<(Accepted, Instant)>>,
}

/// The time as the change log writes it.
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Applies `edit` to `card` and logs it, signed `who`.
pub fn apply_logged(card: &mut Scorecard, edit: &Edit, who: &str) -> bool {
    match edit.apply(card) {
        Ok(a) => {
            card.log.push(Arc::new(Change {
                at: now(),
                who: who.to_owned(),
                what: a.what,
                old: a.old,
                new: a.new,
            }));
            true
        }
        Err(_) => false,
    }
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
    /// Starts serving `card` (saved to `path`, if given, after votes and on stop).
    pub fn start(
        card: Scorecard,
        session: Session,
        config: Config,
        path: Option<PathBuf>,
    ) -> std::io::Result<Self> {
        let (tx, rx) = channel();
        let sink: super::Sink = Box::new(move |a| {
            let _ = tx.send(a);
        });
        // Votes wake the kiosk through its channel; nothing else needs waking.
        let wake: super::Wake = Box::new(|| {});
        let server = Server::start(config, Snapshot::build(&card, &session), sink, wake)?;
        Ok(Self {
            card,
            session,
            server,
            rx,
            applied: 0,
            path,
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
        &self.card
    }

    /// The facilitator's choices.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Applies a facilitator's edit (opening a round, revealing) and publishes.
    pub fn facilitate(&mut self, edit: Option<&Edit>, session: Session) {
        if let Some(e) = edit
            && apply_logged(&mut self.card, e, "Facilitator")
        {
            self.unsaved_since.get_or_insert_with(Instant::now);
        }
        self.session = session;
        self.publish();
    }

    fn publish(&self) {
        self.server
            .publish(Snapshot::build(&self.card, &self.session), self.applied);
    }

    /// Waits up to `wait` for votes, applies all that came, publishes, and saves if votes
    /// have waited [`SAVE_AFTER`]. Returns how many votes it applied.
    pub fn step(&mut self, wait: Duration) -> std::io::Result<usize> {
        let mut got = Vec::new();
        match self.rx.recv_timeout(wait) {
            Ok(a) => got.push(a),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
        }
        got.extend(self.rx.try_iter());
        for a in &got {
            if apply_logged(&mut self.card, &a.edit, &a.who) {
                self.unsaved_since.get_or_insert_with(Instant::now);
            }
            if let Some(t) = self.timings.as_mut() {
                t.push((a.clone(), Instant::now()));
            }
            self.applied = self.applied.max(a.seq);
        }
        if !got.is_empty() {
            self.publish();
        }
        if self
            .unsaved_since
            .is_some_and(|t| t.elapsed() >= SAVE_AFTER)
        {
            self.save()?;
        }
        Ok(got.len())
    }

    /// Saves now if anything changed since the last save. A failed save is tried again at
    /// the next step (nothing is dropped: the votes stay in memory and in the hub).
    pub fn save(&mut self) -> std::io::Result<()> {
        if self.unsaved_since.is_some()
            && let Some(path) = &self.path
        {
            crate::file::save::save_scorecard(&self.card, path)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        }
        self.unsaved_since = None;
        Ok(())
    }

    /// Stops the server (every device loses access), saves, and returns the scorecard.
    pub fn stop(mut self) -> std::io::Result<Scorecard> {
        // Votes accepted before the stop are still applied.
        let _ = self.step(Duration::ZERO)?;
        self.server.stop();
        let mut rest = Vec::new();
        rest.extend(self.rx.try_iter());
        for a in &rest {
            apply_logged(&mut self.card, &a.edit, &a.who);
            self.unsaved_since.get_or_insert_with(Instant::now);
        }
        self.save()?;
        Ok(self.card)
    }
}
