//! The accept loop of live voting's server: connections limited in total and per
//! address (more are closed at once), each served by hyper with a header-read deadline.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::Request;

use super::Config;
use super::http::{Peer, Shared, router};

/// Counts open connections, in total and per address.
#[derive(Default)]
pub struct Connections {
    total: usize,
    per_ip: HashMap<IpAddr, usize>,
}

/// Holds one connection's place; gives it back when dropped.
pub struct Place {
    conns: Arc<Mutex<Connections>>,
    ip: IpAddr,
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut c = self
            .conns
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        c.total = c.total.saturating_sub(1);
        if let Some(n) = c.per_ip.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                c.per_ip.remove(&self.ip);
            }
        }
    }
}

/// A place for a new connection from `ip`, or none when a limit is reached.
pub fn admit(conns: &Arc<Mutex<Connections>>, ip: IpAddr, config: &Config) -> Option<Place> {
    let mut c = conns
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mine = c.per_ip.get(&ip).copied().unwrap_or(0);
    if c.total >= config.max_connections || mine >= config.max_per_address {
        return None;
    }
    c.total += 1;
    *c.per_ip.entry(ip).or_insert(0) += 1;
    Some(Place {
        conns: conns.clone(),
        ip,
    })
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
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(Peer(peer));
            let mut app = app.clone();
            async move { app.call(req.map(Body::new)).await }
        });
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(shared.config.header_timeout)
            .max_buf_size(16 * 1024)
            .serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            let _place = place;
            let _ = conn.await;
        });
    }
}
