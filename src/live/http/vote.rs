//! `PUT /api/vote`: a vote is accepted by the hub, written to the journal and handed to the
//! document's owner, in one order, and answered "recorded" only once it is on disk.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::{Shared, bearer, error, parse};
use crate::live::hub::VoteError;

/// A vote the journal could not take: the phone keeps it and tries again.
fn not_recorded(why: &str) -> Response {
    eprintln!("live voting: a vote could not be written to the journal: {why}");
    error(
        StatusCode::SERVICE_UNAVAILABLE,
        "trh could not record this vote on its disk just now; it will be sent again",
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteReq {
    theme: String,
    round: u32,
    factor: String,
    level: Option<String>,
}

pub(super) async fn vote(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = Instant::now();
    let token = bearer(&headers);
    {
        let hub = shared.hub();
        if hub.who(token).is_none() {
            return error(StatusCode::UNAUTHORIZED, &hub.unauthorised(token));
        }
    }
    let req: VoteReq = match parse(&body) {
        Ok(r) => r,
        Err(e) => return *e,
    };
    let key = (
        req.theme.as_str(),
        req.round,
        req.factor.as_str(),
        req.level.as_deref(),
    );
    // Accepted, journalled and handed to the owner under the hub's lock, so that the
    // journal's order is the order the owner applies them in.
    let (result, version) = {
        let mut hub = shared.hub();
        let r = hub.vote(token, key, received).and_then(|mut accepted| {
            if let Some(journal) = &shared.config.journal {
                match journal.record(&accepted.edit, &accepted.who) {
                    Ok(n) => accepted.journal = n,
                    Err(e) => {
                        hub.withdraw(accepted.seq);
                        return Err(VoteError::NotRecorded(e.to_string()));
                    }
                }
            }
            (shared.sink)(accepted.clone());
            Ok(accepted)
        });
        (r, hub.version())
    };
    match result {
        Ok(accepted) => {
            // The owner applies it at once (a window is asked for a frame); other devices'
            // views did not change, so they are not told.
            (shared.wake)();
            // "Recorded" only once the vote is on disk: votes arriving together share a flush.
            if let Some(journal) = shared.config.journal.clone() {
                let n = accepted.journal;
                let flushed = tokio::task::spawn_blocking(move || journal.sync(n)).await;
                match flushed {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => return not_recorded(&e.to_string()),
                    Err(e) => return not_recorded(&e.to_string()),
                }
            }
            axum::Json(json!({ "version": version })).into_response()
        }
        Err(VoteError::NotRecorded(why)) => not_recorded(&why),
        // Tapping the level already chosen changes nothing, and is no error.
        Err(VoteError::Unchanged) => axum::Json(json!({ "version": version })).into_response(),
        Err(VoteError::Unauthorised) => error(StatusCode::UNAUTHORIZED, "join first"),
        Err(VoteError::NotOpen) => error(
            StatusCode::CONFLICT,
            "that theme or round is not open for voting",
        ),
        Err(VoteError::Unknown(m)) => error(StatusCode::BAD_REQUEST, &m),
        Err(VoteError::Agreed(level)) => error(
            StatusCode::CONFLICT,
            &format!(
                "the room has already agreed this factor ({level}); this round does not ask about it"
            ),
        ),
    }
}
