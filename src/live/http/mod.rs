//! The HTTP side of live voting: routes, the checks every request passes (its `Host`, the
//! `Origin` of writes, a time limit, a body limit) and the headers every response carries,
//! and an accept loop that limits connections in total and per address and gives each
//! connection a header-read deadline. Answers come from the [`Hub`]; accepted votes go to
//! the document's owner through the sink without waiting for it.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::Deserialize;
use serde_json::json;
use tokio::sync::watch;

use super::Config;
use super::hub::{Accepted, Hub, JoinError};

mod events;
mod guard;
mod vote;
use events::events;
pub use guard::HEADER_LIMIT;
use guard::guard;
use vote::vote;

/// Where accepted votes go (the window's frame loop, or `trh live`'s kiosk).
pub type Sink = Box<dyn Fn(Accepted) + Send + Sync>;

/// What to call when anything devices see (or the facilitator sees of them) changes.
pub type Wake = Box<dyn Fn() + Send + Sync>;

/// What the handlers share.
pub struct Shared {
    /// The hub.
    pub hub: Mutex<Hub>,
    /// The hub's version, for event streams.
    pub version: watch::Sender<u64>,
    /// Accepted votes go here.
    pub sink: Sink,
    /// Called after anything changes (a join, a device waiting, a vote), so a window can
    /// show it; never blocks.
    pub wake: Wake,
    /// `Host` values that name this server.
    pub hosts: Vec<String>,
    /// The limits.
    pub config: Config,
    /// Open event streams per token (at most [`STREAMS_PER_TOKEN`]).
    pub streams: Mutex<HashMap<String, usize>>,
    /// The room version last written to the room file.
    pub room_written: std::sync::atomic::AtomicU64,
}

impl Shared {
    /// The hub, even if a handler panicked while holding it (its data stays consistent:
    /// every change is a single insert or remove).
    pub fn hub(&self) -> MutexGuard<'_, Hub> {
        self.hub
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes the room file if the room changed since it was last written.
    pub fn save_room(&self) {
        use std::sync::atomic::Ordering;
        let Some(path) = &self.config.room_file else {
            return;
        };
        let room = {
            let hub = self.hub();
            let v = hub.room_version();
            (self.room_written.swap(v, Ordering::SeqCst) != v).then(|| hub.room())
        };
        if let Some(room) = room
            && let Err(e) = super::hub::write_room(path, &room)
        {
            eprintln!(
                "live voting: cannot keep the room in {}: {e}",
                path.display()
            );
        }
    }

    /// Tells event streams the hub changed.
    pub fn touch(&self, version: u64) {
        self.save_room();
        let before = self.version.send_replace(version);
        if before != version {
            (self.wake)();
        }
    }
}

/// The peer address of a request's connection.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub SocketAddr);

const PAGE: &str = include_str!("../../../assets/live/index.html");
const SCRIPT: &str = include_str!("../../../assets/live/live.js");
const STYLE: &str = include_str!("../../../assets/live/live.css");

/// The Content-Security-Policy: this server's own script, style and API only.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; \
     frame-ancestors 'none'";

/// The routes, with their checks.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", PAGE) }),
        )
        .route(
            "/live.js",
            get(|| async { asset("text/javascript; charset=utf-8", SCRIPT) }),
        )
        .route(
            "/live.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
        .route("/api/names", post(names))
        .route("/api/join", post(join))
        .route("/api/wait", post(wait))
        .route("/api/state", get(state))
        .route("/api/vote", put(vote))
        .route("/api/events", get(events))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "there is no such page here") })
        .method_not_allowed_fallback(|| async {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "that method is not used at this address",
            )
        })
        .layer(DefaultBodyLimit::max(shared.config.body_limit))
        .layer(middleware::from_fn_with_state(shared.clone(), guard))
        .with_state(shared)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}

fn parse<T: for<'de> Deserialize<'de>>(body: &Bytes) -> Result<T, Box<Response>> {
    serde_json::from_slice(body).map_err(|e| {
        Box::new(error(
            StatusCode::BAD_REQUEST,
            &format!("the request is not the JSON expected: {e}"),
        ))
    })
}

pub fn bearer(headers: &HeaderMap) -> &str {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .unwrap_or("")
        .trim()
}

fn peer_ip(req_peer: Option<&Peer>) -> IpAddr {
    req_peer.map_or(IpAddr::from([0, 0, 0, 0]), |p| p.0.ip())
}

fn join_refused(e: JoinError) -> Response {
    match e {
        JoinError::WrongCode => error(StatusCode::FORBIDDEN, "that is not the room's code"),
        JoinError::LockedOut => error(
            StatusCode::TOO_MANY_REQUESTS,
            "too many wrong codes from this device: ask the facilitator",
        ),
        JoinError::NoSuchPerson => error(StatusCode::NOT_FOUND, "no such participant here"),
        JoinError::CodeOff => error(
            StatusCode::FORBIDDEN,
            "the room code has been turned off after too many wrong guesses: scan the QR code \
             on the screen, or ask the facilitator for the new code",
        ),
        JoinError::WaitingFull => error(
            StatusCode::TOO_MANY_REQUESTS,
            "too many devices from this network are already waiting for a name: ask the \
             facilitator to give yours a name",
        ),
        JoinError::Taken => error(
            StatusCode::CONFLICT,
            "another device has that name: ask the facilitator to release it",
        ),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesReq {
    code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinReq {
    code: String,
    participant: String,
}

/// Reads a JSON body, runs `f` on the hub with the peer's address, and tells event streams
/// what changed.
fn on_hub<T: for<'de> Deserialize<'de>, R>(
    shared: &Shared,
    peer: Option<&Peer>,
    body: &Bytes,
    f: impl FnOnce(&mut Hub, IpAddr, T) -> R,
) -> Result<R, Box<Response>> {
    let req: T = parse(body)?;
    let (r, version) = {
        let mut hub = shared.hub();
        let r = f(&mut hub, peer_ip(peer), req);
        (r, hub.version())
    };
    shared.touch(version);
    Ok(r)
}

async fn names(
    State(shared): State<Arc<Shared>>,
    peer: Option<axum::Extension<Peer>>,
    body: Bytes,
) -> Response {
    let result = on_hub(&shared, peer.as_deref(), &body, |hub, ip, req: NamesReq| {
        hub.names(ip, &req.code, Instant::now())
    });
    match result {
        Ok(Ok(list)) => {
            let people: Vec<_> = list
                .into_iter()
                .map(|(p, taken)| json!({"id": p.id, "name": p.name, "agency": p.agency, "taken": taken}))
                .collect();
            axum::Json(json!({ "participants": people })).into_response()
        }
        Ok(Err(e)) => join_refused(e),
        Err(e) => *e,
    }
}

async fn join(
    State(shared): State<Arc<Shared>>,
    peer: Option<axum::Extension<Peer>>,
    body: Bytes,
) -> Response {
    let result = on_hub(&shared, peer.as_deref(), &body, |hub, ip, req: JoinReq| {
        hub.join(ip, &req.code, &req.participant, Instant::now())
    });
    match result {
        Ok(Ok(token)) => axum::Json(json!({ "token": token })).into_response(),
        Ok(Err(e)) => join_refused(e),
        Err(e) => *e,
    }
}

async fn state(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let hub = shared.hub();
    let token = bearer(&headers);
    if let Some(s) = hub.state(token) {
        return axum::Json(s).into_response();
    }
    match hub.waiting_device(token) {
        Some(n) => axum::Json(json!({ "version": hub.version(), "waiting": n })).into_response(),
        None if hub.ended() => (
            StatusCode::GONE,
            axum::Json(json!({ "error": "live voting has ended", "ended": true })),
        )
            .into_response(),
        None => error(StatusCode::UNAUTHORIZED, &hub.unauthorised(token)),
    }
}

async fn wait(
    State(shared): State<Arc<Shared>>,
    peer: Option<axum::Extension<Peer>>,
    body: Bytes,
) -> Response {
    let result = on_hub(&shared, peer.as_deref(), &body, |hub, ip, req: NamesReq| {
        hub.wait(ip, &req.code, Instant::now())
    });
    match result {
        Ok(Ok((token, n))) => axum::Json(json!({ "token": token, "waiting": n })).into_response(),
        Ok(Err(e)) => join_refused(e),
        Err(e) => *e,
    }
}
