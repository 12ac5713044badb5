//! What every request passes and every answer carries: header and body size, the `Host`,
//! a write's `Origin`, the request time; JSON for every refusal, and the security headers.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::{CSP, Shared, error};

/// Every request: the `Host` must be this server, a write's `Origin` (when a browser sends
/// one) must be this server's page, and an answer must come within the request time (event
/// streams excepted). Every response: no caching, a strict CSP, no sniffing, no referrer.
pub(super) async fn guard(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let mut response = match check(&shared, &req) {
        Some(refusal) => refusal,
        None => answer(&shared, req, next).await,
    };
    // Refusals from axum's extractors (a body over the limit, say) are plain text: every
    // answer is JSON, as docs/live-api.md says.
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !json && (response.status().is_client_error() || response.status().is_server_error()) {
        let status = response.status();
        response = error(status, status.canonical_reason().unwrap_or("refused"));
    }
    secure(&mut response);
    response
}

/// The request, within the request time (event streams excepted).
async fn answer(shared: &Shared, req: Request, next: Next) -> Response {
    if req.uri().path() == "/api/events" {
        return next.run(req).await;
    }
    match tokio::time::timeout(shared.config.request_timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => error(StatusCode::REQUEST_TIMEOUT, "the request took too long"),
    }
}

/// The headers every answer carries: no caching, a strict CSP, no sniffing, no referrer.
fn secure(response: &mut Response) {
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
}

/// Request headers larger than this are refused with 431 (hyper itself drops anything over
/// four times as much, without JSON).
pub const HEADER_LIMIT: usize = 16 * 1024;

/// The refusal for a request that fails the header-size, body-size, host or origin check,
/// if it does. A body declared too big is refused at once, without waiting for it.
fn check(shared: &Shared, req: &Request) -> Option<Response> {
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(n, v)| n.as_str().len() + v.len() + 4)
        .sum();
    if header_bytes > HEADER_LIMIT {
        return Some(error(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "the request's headers are too large",
        ));
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > shared.config.body_limit as u64) {
        return Some(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "the request's body is too large",
        ));
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !shared.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return Some(error(
            StatusCode::MISDIRECTED_REQUEST,
            "this server answers only to its own address",
        ));
    }
    let write = !matches!(*req.method(), Method::GET | Method::HEAD);
    if write && let Some(origin) = req.headers().get(header::ORIGIN) {
        let ok = origin.to_str().ok().is_some_and(|o| {
            o.strip_prefix("http://")
                .is_some_and(|rest| rest.eq_ignore_ascii_case(host))
        });
        if !ok {
            return Some(error(
                StatusCode::FORBIDDEN,
                "writes are taken only from this server's own page",
            ));
        }
    }
    None
}
