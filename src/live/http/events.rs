//! `GET /api/events`: server-sent events telling a device when what it shows may have
//! changed, with a heartbeat, and at most two streams per token.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{Shared, bearer, error};

/// Event streams one device may hold open at once (a page and its reload's overlap).
pub const STREAMS_PER_TOKEN: usize = 2;

/// One event stream's place in [`Shared::streams`]; given back when the stream ends.
struct StreamSlot {
    shared: Arc<Shared>,
    token: String,
}

impl StreamSlot {
    fn take(shared: &Arc<Shared>, token: &str) -> Option<Self> {
        let mut streams = shared
            .streams
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let n = streams.entry(token.to_owned()).or_insert(0);
        if *n >= STREAMS_PER_TOKEN {
            return None;
        }
        *n += 1;
        Some(Self {
            shared: shared.clone(),
            token: token.to_owned(),
        })
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut streams = self
            .shared
            .streams
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(n) = streams.get_mut(&self.token) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                streams.remove(&self.token);
            }
        }
    }
}

/// How often an idle event stream carries a comment line, so a phone (and any router in
/// between) sees the connection is alive, and a dead one is noticed and closed.
pub const HEARTBEAT: std::time::Duration = std::time::Duration::from_secs(15);

/// Server-sent events: `data: VERSION` now and whenever the hub changes; a `:` comment every
/// [`HEARTBEAT`] while nothing changes; `event: revoked` when this device's access ends, or
/// `event: ended` when the facilitator stops live voting.
pub(super) async fn events(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let token = bearer(&headers).to_owned();
    {
        let hub = shared.hub();
        if !hub.known(&token) {
            return error(StatusCode::UNAUTHORIZED, &hub.unauthorised(&token));
        }
    }
    let Some(slot) = StreamSlot::take(&shared, &token) else {
        return error(
            StatusCode::TOO_MANY_REQUESTS,
            "this device already has two update streams open",
        );
    };
    let rx = shared.version.subscribe();
    let first = true;
    let stream = futures_util::stream::unfold(
        (rx, shared, token, first, slot),
        |(mut rx, shared, token, first, slot)| async move {
            // After the revoked message, the stream ends at once.
            if token.is_empty() {
                return None;
            }
            if !first {
                match tokio::time::timeout(HEARTBEAT, rx.changed()).await {
                    Err(_) => {
                        let beat = Bytes::from_static(b":\n\n");
                        return Some((Ok(beat), (rx, shared, token, false, slot)));
                    }
                    Ok(Err(_)) => return None,
                    Ok(Ok(())) => {}
                }
            }
            let version = *rx.borrow_and_update();
            let (known, ended) = {
                let hub = shared.hub();
                (hub.known(&token), hub.ended())
            };
            if known {
                let text = format!("data: {version}\n\n");
                return Some((
                    Ok::<_, std::convert::Infallible>(Bytes::from(text)),
                    (rx, shared, token, false, slot),
                ));
            }
            let last = if ended {
                Bytes::from_static(b"event: ended\ndata: 0\n\n")
            } else {
                Bytes::from_static(b"event: revoked\ndata: 0\n\n")
            };
            Some((Ok(last), (rx, shared, String::new(), false, slot)))
        },
    );
    (
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CONNECTION, "keep-alive"),
        ],
        Body::from_stream(stream),
    )
        .into_response()
}
