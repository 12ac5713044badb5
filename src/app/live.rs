//! Live voting in the app: starts and stops the server (`crate::live`), applies the votes it
//! accepts at the start of each frame through the one edit path (signed "NAME (via
//! device)", undoable, autosaved), publishes what phones may see whenever the document or
//! the facilitator's choices change, and carries out the live panel's actions. With a
//! recovery folder, votes are journalled on the recovery copy (`file::journal`): a phone hears
//! "recorded" only once its vote is on disk, and a crash gives every such vote back.

use std::net::SocketAddr;
use std::sync::mpsc::{Receiver, channel};

use super::TrhApp;

mod journal;
use crate::file::journal::Journal;
use crate::live::session::{Session, Snapshot};
use crate::live::{Accepted, Config, Server};
use crate::model::ThemeId;
use crate::state::live::{LiveAction, LiveView};

/// A running live session.
pub struct LiveControl {
    server: Server,
    session: Session,
    rx: Receiver<Accepted>,
    applied: u64,
    votes: u64,
    started: std::time::Instant,
    /// The document generation and session last published.
    published: Option<(u64, Session)>,
    /// Where votes are written before phones hear they are recorded.
    journal: Option<Journal>,
    /// The last journalled vote applied to the document.
    journaled: u64,
    /// What phones could vote on when the recovery copy was last written (names and the
    /// open theme): votes are replayed onto that copy, so it must know what they refer to.
    checkpointed: Option<General>,
}

/// The part of a snapshot votes depend on.
type General = (
    Vec<crate::live::session::Person>,
    Option<crate::live::session::OpenView>,
);

fn general(s: &Snapshot) -> General {
    (s.people.clone(), s.open.clone())
}

impl TrhApp {
    /// Starts live voting on `addr`.
    pub fn start_live(&mut self, ctx: &egui::Context, addr: SocketAddr, evidence: bool) {
        self.stop_live(None);
        let (tx, rx) = channel();
        let sink: crate::live::Sink = Box::new(move |a| {
            // A vote never waits for a frame: it is queued, and (by `wake`) a frame asked for.
            let _ = tx.send(a);
        });
        let waker = ctx.clone();
        let wake: crate::live::Wake = Box::new(move || waker.request_repaint());
        let session = Session {
            show_evidence: evidence,
            ..Session::default()
        };
        let snapshot = Snapshot::build(&self.state.doc.card, &session);
        let journal = self.begin_journal();
        let mut config = Config::new(addr);
        config.journal = journal.clone();
        config.room_file = self.recovery.as_ref().map(super::Recovery::room_file);
        config.resume = self.resume_room.take();
        let resumed = config.resume.is_some();
        match Server::start(config, snapshot, sink, wake) {
            Ok(server) => {
                let interface = crate::live::net::choices()
                    .into_iter()
                    .find(|c| c.ip == addr.ip())
                    .map(|c| c.interface)
                    .unwrap_or_default();
                self.state.prefs.live_last = Some(crate::state::prefs::LiveLast {
                    interface,
                    ip: addr.ip(),
                    port: addr.port(),
                    evidence,
                });
                self.state.notes.info(format!(
                    "Live voting on {}. Plain HTTP on this network: use one the partnership \
                     controls. Nothing is sent anywhere else.{}",
                    server.short_url(),
                    if resumed {
                        " The room of the session that ended unexpectedly is resumed: phones \
                         reconnect by themselves."
                    } else {
                        ""
                    }
                ));
                self.live = Some(LiveControl {
                    server,
                    session,
                    rx,
                    applied: 0,
                    votes: 0,
                    started: std::time::Instant::now(),
                    published: None,
                    journal,
                    journaled: 0,
                    checkpointed: None,
                });
                // The projector shows the join screen first.
                if self.state.view.presenter.is_none() {
                    self.toggle_presenter(ctx);
                }
                if let Some(p) = self.state.view.presenter.as_mut() {
                    p.join = true;
                }
                let (opening, said) = self.opening_on_start();
                match opening {
                    Some(id) => self.live_action(ctx, LiveAction::Open(id)),
                    None => self.state.notes.info(said),
                }
                self.live_frame();
            }
            Err(e) => self.state.notes.error(format!(
                "Could not start live voting on {addr}: {e}. Choose another address or port."
            )),
        }
    }

    /// The theme live voting opens on phones when it starts (the selected one, unless the
    /// room has agreed every factor of it: that is never reopened without asking), and a
    /// line saying so.
    pub(super) fn opening_on_start(&self) -> (Option<ThemeId>, String) {
        let card = &self.state.doc.card;
        let Some(theme) = self.state.selected().and_then(|id| card.theme(id)) else {
            return (
                None,
                "Nothing opens on phones until you open a theme in the live panel.".to_owned(),
            );
        };
        let open = card
            .method
            .factors()
            .any(|(_, f)| theme.scores.get(&f.id).is_none_or(|s| s.agreed.is_none()));
        if open {
            (
                Some(theme.id.clone()),
                format!("Phones will be asked about \"{}\" first.", theme.name),
            )
        } else {
            (
                None,
                format!(
                    "Nothing opens on phones yet: the room has agreed every factor of \"{}\". \
                     Open a theme from the live panel when ready.",
                    theme.name
                ),
            )
        }
    }

    /// Moves live voting's start back by `by` (tests: "no phone has joined yet" without
    /// waiting a minute and a half). Does nothing when live voting is not running.
    pub fn backdate_live(&mut self, by: std::time::Duration) {
        if let Some(live) = self.live.as_mut()
            && let Some(earlier) = live.started.checked_sub(by)
        {
            live.started = earlier;
        }
    }

    /// Stops live voting (every device loses access), saying why if `why` is given.
    pub(super) fn stop_live(&mut self, why: Option<&str>) {
        if let Some(mut live) = self.live.take() {
            // Votes accepted before the stop still count.
            live.server.stop();
            let rest: Vec<_> = live.rx.try_iter().collect();
            for a in &rest {
                live.journaled = live.journaled.max(a.journal);
            }
            self.apply_signed_batch(rest.iter().map(|a| (&a.edit, a.who.as_str())));
            // Every vote is in the document now: the recovery copy takes them all, and the
            // journal ends.
            let journal = live.journal.take();
            if let (Some(j), Some(recovery)) = (journal, self.recovery.as_ref()) {
                let doc = &self.state.doc;
                let written =
                    recovery.write(&doc.card, doc.path.as_deref(), Some((&j, live.journaled)));
                match written.and_then(|()| j.finish().map_err(|e| e.to_string())) {
                    Ok(()) => self.autosaved_generation = doc.generation,
                    Err(e) => self
                        .state
                        .notes
                        .error(format!("Recovery autosave failed: {e}")),
                }
            }
            self.state
                .notes
                .info(why.unwrap_or("Live voting stopped: every phone has lost access."));
        }
        self.state.live = None;
        if let Some(p) = self.state.view.presenter.as_mut() {
            p.join = false;
        }
    }

    /// Applies the votes that arrived, then publishes and refreshes the panels' view.
    pub(super) fn live_frame(&mut self) {
        let Some(live) = self.live.as_mut() else {
            return;
        };
        let arrived: Vec<Accepted> = live.rx.try_iter().collect();
        if let Some(last) = arrived.last() {
            live.applied = last.seq;
            live.journaled = live.journaled.max(last.journal);
            live.votes += arrived.len() as u64;
        }
        self.apply_signed_batch(arrived.iter().map(|a| (&a.edit, a.who.as_str())));
        let Some(live) = self.live.as_mut() else {
            return;
        };
        // A closed theme, or one removed, is no longer open. A revealed round stays closed
        // to phones even if its votes are hidden again: the facilitator unlocks it on purpose.
        if let Some((id, round)) = &live.session.open {
            match self.state.doc.card.theme(id) {
                None => live.session.open = None,
                Some(t) if t.votes_shown(*round) => live.session.locked = true,
                Some(_) => {}
            }
        }
        let now = (self.state.doc.generation, live.session.clone());
        if live.published.as_ref() != Some(&now) || !arrived.is_empty() {
            let snapshot = Snapshot::build(&self.state.doc.card, &live.session);
            let votable = general(&snapshot);
            if live.journal.is_some() && live.checkpointed.as_ref() != Some(&votable) {
                // Phones may soon vote on a new theme, round or name: the recovery copy the
                // journal's votes replay onto must have them first.
                self.checkpoint();
            }
            let Some(live) = self.live.as_mut() else {
                return;
            };
            live.checkpointed = Some(votable);
            live.server.publish(snapshot, live.applied);
            live.published = Some(now);
        }
        let Some(live) = self.live.as_ref() else {
            return;
        };
        for notice in live.server.take_notices() {
            self.state.notes.warning(notice);
        }
        let code_disabled = live.server.code_disabled();
        if code_disabled && !self.state.live.as_ref().is_some_and(|l| l.code_disabled) {
            self.state.notes.warning(
                "The room code was turned off: too many wrong codes came in, so someone may be \
                 guessing. The QR code still works; the live panel offers a new code.",
            );
        }
        self.state.live = Some(LiveView {
            join_url: live.server.join_url(),
            short_url: live.server.short_url(),
            code: live.server.code(),
            session: live.session.clone(),
            claimed: live.server.claimed(),
            waiting: live.server.waiting(),
            code_disabled,
            votes: live.votes,
            started: Some(live.started),
        });
    }

    /// Carries out a live panel's action.
    pub(super) fn live_action(&mut self, ctx: &egui::Context, action: LiveAction) {
        match action {
            LiveAction::Start(addr, evidence) => self.start_live(ctx, addr, evidence),
            LiveAction::Open(id) => self.open_for_voting(&id),
            LiveAction::JoinScreen(on) => {
                if let Some(p) = self.state.view.presenter.as_mut() {
                    p.join = on;
                }
            }
            other => {
                let Some(live) = self.live.as_mut() else {
                    return;
                };
                let s = &mut live.session;
                match other {
                    LiveAction::Close => s.open = None,
                    LiveAction::Lock(on) => s.locked = on,
                    LiveAction::ShowEvidence(on) => s.show_evidence = on,
                    LiveAction::ShowSpread(on) => s.show_spread = on,
                    LiveAction::Release(p) => {
                        live.server.release(&p);
                    }
                    LiveAction::Assign(device, p) => {
                        if !live.server.assign(device, &p) {
                            self.state.notes.error(format!(
                                "Device {device} could not be given that name: another device \
                                 has it, or the device left."
                            ));
                        }
                    }
                    LiveAction::NewCode => {
                        let code = live.server.fresh_code();
                        self.state.notes.info(format!(
                            "New room code {}: the old one no longer works.",
                            crate::ui::join_screen::spaced(&code)
                        ));
                    }
                    LiveAction::Open(_) | LiveAction::JoinScreen(_) | LiveAction::Start(..) => {}
                }
            }
        }
        self.live_frame();
    }

    /// Opens a theme for device votes: the round the workshop shows if its votes are still
    /// hidden (typed votes and device votes then share it), else a new round. Nothing in the
    /// scorecard changes until the round's first vote (which starts it hidden), so a round
    /// opened and left empty leaves no trace.
    fn open_for_voting(&mut self, id: &ThemeId) {
        if self.live.is_none() {
            return;
        }
        let Some(theme) = self.state.doc.card.theme(id) else {
            return;
        };
        let latest = crate::model::workshop::latest_round(theme);
        let shown = if self.state.selected() == Some(id) {
            self.state.view.workshop.round_for(theme)
        } else {
            latest.max(1)
        };
        let round = if theme.votes_shown(shown) {
            latest + 1
        } else {
            shown
        };
        self.state.view.selected = Some(id.clone());
        self.state.view.workshop.round = Some(round);
        if let Some(live) = self.live.as_mut() {
            live.session.open = Some((id.clone(), round));
            live.session.locked = false;
        }
    }

    /// After *Next round*: a theme open for device votes moves to the new round.
    pub(super) fn live_follow_round(&mut self) {
        let open = self.live.as_ref().and_then(|l| l.session.open.clone());
        if let Some((id, _)) = open
            && self.state.selected() == Some(&id)
        {
            self.open_for_voting(&id);
        }
    }
}
