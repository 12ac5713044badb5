//! Live voting: participants vote from their own phones or laptops, over the room's network,
//! straight into the facilitator's scorecard. Nothing leaves the room: the server listens
//! only on the address the facilitator chose, only while they run it, and talks to nobody
//! else. See `docs/live-api.md` for the API and the threat model.
//!
//! The parts: [`session`] (what phones may see, built from the scorecard), [`hub`] (tokens,
//! names, codes, accepted votes; no sockets), `http` (routes and checks), `serve` (the
//! accept loop) and
//! [`net`] (this machine's interfaces). [`Server`] runs the HTTP side on a small tokio
//! runtime on its own thread; whoever owns the document (the app, or `trh live`) applies the
//! votes it hands over and publishes a new [`session::Snapshot`] after every change.

mod http;
pub mod hub;
pub mod kiosk;
pub mod net;
pub mod reach;
mod serve;
pub mod session;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use http::{CSP, Sink, Wake};
pub use hub::Accepted;
use session::Snapshot;

/// The server's limits.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen (an address the facilitator chose; port 0 picks a free one).
    pub bind: SocketAddr,
    /// A client must send its request headers within this.
    pub header_timeout: Duration,
    /// A request (its body included) must be answered within this.
    pub request_timeout: Duration,
    /// Open connections in all.
    pub max_connections: usize,
    /// Open connections from one address.
    pub max_per_address: usize,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Where accepted votes are written, and flushed, before a phone is told they are
    /// recorded; `None` keeps them in memory only (tests, a document with no file).
    pub journal: Option<crate::file::journal::Journal>,
    /// Where the room (secret, code, devices' tokens) is kept while live voting runs, so a
    /// restart after a crash resumes it; removed on stop.
    pub room_file: Option<std::path::PathBuf>,
    /// A room to take up again (from the room file a crashed session left).
    pub resume: Option<hub::Room>,
}

impl Config {
    /// The defaults for a meeting room: a few dozen devices, each with a page, an event
    /// stream and a vote in flight.
    pub fn new(bind: SocketAddr) -> Self {
        Self {
            bind,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(10),
            max_connections: 512,
            max_per_address: 40,
            body_limit: 4 * 1024,
            journal: None,
            room_file: None,
            resume: None,
        }
    }
}

/// A running server. Dropping it (or [`Server::stop`]) ends it and every device's access.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<http::Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Listens on `config.bind` and serves on a thread of its own. Accepted votes go to
    /// `sink`, which must not block (send them to a channel); `wake` is called whenever
    /// something changed (a window asks for a frame).
    pub fn start(
        config: Config,
        snapshot: Snapshot,
        sink: Sink,
        wake: Wake,
    ) -> std::io::Result<Self> {
        let listener = std::net::TcpListener::bind(config.bind)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let hosts = net::host_names(addr);
        let mut hub = hub::Hub::new(snapshot);
        let mut config = config;
        if let Some(room) = config.resume.take() {
            hub.resume(room);
        }
        let (version, _) = tokio::sync::watch::channel(hub.version());
        let shared = Arc::new(http::Shared {
            hub: Mutex::new(hub),
            version,
            sink,
            wake,
            hosts,
            config,
            streams: Mutex::new(std::collections::HashMap::new()),
            room_written: std::sync::atomic::AtomicU64::new(u64::MAX),
        });
        shared.save_room();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let serving = shared.clone();
        let thread = std::thread::Builder::new()
            .name("trh-live".into())
            .spawn(move || {
                runtime.block_on(async move {
                    match tokio::net::TcpListener::from_std(listener) {
                        Ok(l) => serve::serve(l, serving, stopped).await,
                        Err(e) => eprintln!("live voting: cannot listen: {e}"),
                    }
                });
                // Dropping the runtime ends every connection, event streams included.
            })?;
        Ok(Self {
            addr,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address it listens on (with the real port when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The link the QR code holds: the page, with the secret that lets a device join.
    pub fn join_url(&self) -> String {
        format!("http://{}/?k={}", self.addr, self.shared.hub().secret())
    }

    /// The address to type, without the secret.
    pub fn short_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The short room code.
    pub fn code(&self) -> String {
        self.shared.hub().code().to_owned()
    }

    /// True once too many wrong codes came in and only the QR link's secret works.
    pub fn code_disabled(&self) -> bool {
        self.shared.hub().code_disabled()
    }

    /// A new short code (after guessing turned the old one off); returns it.
    pub fn fresh_code(&self) -> String {
        let (code, version) = {
            let mut hub = self.shared.hub();
            (hub.fresh_code().to_owned(), hub.version())
        };
        self.shared.touch(version);
        code
    }

    /// A new view of the document for phones; it includes every accepted vote up to
    /// `applied` (the last [`Accepted::seq`] the owner applied).
    pub fn publish(&self, snapshot: Snapshot, applied: u64) {
        let version = {
            let mut hub = self.shared.hub();
            hub.publish(snapshot, applied);
            hub.version()
        };
        self.shared.touch(version);
    }

    /// Frees a participant's name for another device (the one holding it loses access).
    pub fn release(&self, participant: &crate::model::ParticipantId) -> bool {
        let (done, version) = {
            let mut hub = self.shared.hub();
            (hub.release(participant), hub.version())
        };
        self.shared.touch(version);
        done
    }

    /// Gives waiting device `device` the name of `participant`; false if the name is taken
    /// or the device gone.
    pub fn assign(&self, device: u32, participant: &crate::model::ParticipantId) -> bool {
        let (done, version) = {
            let mut hub = self.shared.hub();
            (hub.assign(device, participant).is_ok(), hub.version())
        };
        self.shared.touch(version);
        done
    }

    /// The devices waiting for the facilitator to give them a name.
    pub fn waiting(&self) -> Vec<u32> {
        self.shared.hub().waiting()
    }

    /// What the facilitator should hear since the last call: a freed name taken again.
    pub fn take_notices(&self) -> Vec<String> {
        self.shared.hub().take_notices()
    }

    /// The participants whose names a device holds.
    pub fn claimed(&self) -> Vec<crate::model::ParticipantId> {
        self.shared.hub().claimed()
    }

    /// Ends the server and every device's access; waits for its thread. Stopping twice is
    /// harmless.
    pub fn stop(&mut self) {
        if self.stop.is_none() {
            return;
        }
        let version = {
            let mut hub = self.shared.hub();
            hub.end();
            hub.version()
        };
        self.shared.touch(version);
        // A moment for the event streams to tell every phone that voting has ended.
        std::thread::sleep(std::time::Duration::from_millis(150));
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // The session is over: nothing of the room stays on disk.
        if let Some(path) = &self.shared.config.room_file {
            let _ = std::fs::remove_file(path);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The QR code of `text` as rows of dark (true) and light modules, without the quiet zone;
/// `None` if the text is too long for a QR code.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((width, dark))
}
