//! The accept loop of live voting's server. Connections are limited in total and per
//! address (an IPv6 address by its /64); when the total is reached, a new connection takes
//! the place of the oldest one that has not shown a participant's token, so that strangers
//! holding idle connections cannot lock the room out. A participant's device keeps at most
//! [`PER_TOKEN`] connections. Each connection is served by hyper with a header-read deadline
//! and TCP keepalive, so a half-open connection is noticed and closed.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::Request;
use tokio::sync::Notify;

use super::Config;
use super::http::{Peer, Shared, router};

/// Connections one participant's token may hold at once (its event stream, a vote, a page
/// load, a reload's overlap).
pub const PER_TOKEN: usize = 4;

/// TCP keepalive: probes after this long idle, then every `KEEPALIVE_EVERY`.
const KEEPALIVE_AFTER: Duration = Duration::from_secs(15);
const KEEPALIVE_EVERY: Duration = Duration::from_secs(5);

struct Conn {
    net: IpAddr,
    opened: Instant,
    /// The participant token its requests carry, once one has.
    token: Option<String>,
    close: Arc<Notify>,
}

/// The open connections.
#[derive(Default)]
pub struct Connections {
    next: u64,
    open: HashMap<u64, Conn>,
    per_net: HashMap<IpAddr, usize>,
}

impl Connections {
    fn remove(&mut self, id: u64) -> Option<Conn> {
        let c = self.open.remove(&id)?;
        if let Some(n) = self.per_net.get_mut(&c.net) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                self.per_net.remove(&c.net);
            }
        }
        Some(c)
    }

    /// Closes connection `id` at once.
    fn evict(&mut self, id: u64) {
        if let Some(c) = self.remove(id) {
            c.close.notify_one();
        }
    }
}

fn lock(conns: &Mutex<Connections>) -> MutexGuard<'_, Connections> {
    conns
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Holds one connection's place; gives it back when dropped.
pub struct Place {
    conns: Arc<Mutex<Connections>>,
    id: u64,
    close: Arc<Notify>,
}

impl Drop for Place {
    fn drop(&mut self) {
        lock(&self.conns).remove(self.id);
    }
}

/// A place for a new connection from `ip`, or none when its address has its share. At the
/// total limit, the oldest connection with no participant's token gives up its place; if
/// every connection has one, the new connection is refused.
pub fn admit(conns: &Arc<Mutex<Connections>>, ip: IpAddr, config: &Config) -> Option<Place> {
    let net = super::hub::network(ip);
    let mut c = lock(conns);
    if c.per_net.get(&net).copied().unwrap_or(0) >= config.max_per_address {
        return None;
    }
    if c.open.len() >= config.max_connections {
        let victim = c
            .open
            .iter()
            .filter(|(_, conn)| conn.token.is_none())
            .min_by_key(|(_, conn)| conn.opened)
            .map(|(id, _)| *id)?;
        c.evict(victim);
    }
    c.next += 1;
    let id = c.next;
    let close = Arc::new(Notify::new());
    c.open.insert(
        id,
        Conn {
            net,
            opened: Instant::now(),
            token: None,
            close: close.clone(),
        },
    );
    *c.per_net.entry(net).or_insert(0) += 1;
    Some(Place {
        conns: conns.clone(),
        id,
        close,
    })
}

/// Notes that connection `id` carries a participant's `token`; the token's oldest
/// connections beyond [`PER_TOKEN`] are closed.
fn carries(conns: &Mutex<Connections>, id: u64, token: &str) {
    let mut c = lock(conns);
    match c.open.get_mut(&id) {
        Some(conn) if conn.token.as_deref() != Some(token) => conn.token = Some(token.to_owned()),
        _ => return,
    }
    let mut same: Vec<(Instant, u64)> = c
        .open
        .iter()
        .filter(|(other, conn)| **other != id && conn.token.as_deref() == Some(token))
        .map(|(other, conn)| (conn.opened, *other))
        .collect();
    if same.len() >= PER_TOKEN {
        same.sort_unstable();
        for (_, old) in same.iter().take(same.len() + 1 - PER_TOKEN) {
            c.evict(*old);
        }
    }
}

fn keepalive(stream: &tokio::net::TcpStream) {
    let ka = socket2::TcpKeepalive::new()
        .with_time(KEEPALIVE_AFTER)
        .with_interval(KEEPALIVE_EVERY);
    let _ = socket2::SockRef::from(stream).set_tcp_keepalive(&ka);
}

/// Accepts connections until `stop` fires.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::Service;
    let app = router(shared.clone());
    let conns = Arc::new(Mutex::new(Connections::default()));
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut stop => return,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(_) => {
                    // Out of file descriptors and the like: wait a little, then go on.
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Some(place) = admit(&conns, peer.ip(), &shared.config) else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        keepalive(&stream);
        let app = app.clone();
        let (mark, id, shared_req) = (conns.clone(), place.id, shared.clone());
        let service = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(Peer(peer));
            let token = super::http::bearer(req.headers());
            if !token.is_empty() && shared_req.hub().who(token).is_some() {
                carries(&mark, id, token);
            }
            let mut app = app.clone();
            async move { app.call(req.map(Body::new)).await }
        });
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(shared.config.header_timeout)
            // Headers over `HEADER_LIMIT` get trh's own JSON 431; hyper drops only the
            // grossly oversized, beyond this buffer.
            .max_buf_size(4 * super::http::HEADER_LIMIT)
            .serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            let close = place.close.clone();
            tokio::select! {
                _ = conn => {}
                () = close.notified() => {}
            }
            drop(place);
        });
    }
}
