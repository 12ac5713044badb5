//! A deliberately small HTTP/1.1 client over a plain `TcpStream`, for the live-voting tests
//! and benchmark: it can send exactly the bytes a test wants (a foreign `Host`, a body too
//! big, headers that never finish), which a full client library would not let it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A response: status, headers (names lower-cased) and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// One keep-alive connection.
pub struct Client {
    addr: SocketAddr,
    stream: BufReader<TcpStream>,
    /// Sent as `Authorization: Bearer ...` when set.
    pub token: Option<String>,
}

impl Client {
    /// Connects.
    pub fn connect(addr: SocketAddr) -> std::io::Result<Self> {
        let stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(20)))?;
        stream.set_nodelay(true)?;
        Ok(Self {
            addr,
            stream: BufReader::new(stream),
            token: None,
        })
    }

    /// Sends a request with `extra` headers (a `Host` among them replaces the right one).
    pub fn send(
        &mut self,
        method: &str,
        path: &str,
        extra: &[(&str, &str)],
        body: &str,
    ) -> std::io::Result<Reply> {
        let mut head = format!("{method} {path} HTTP/1.1\r\n");
        if !extra.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", self.addr));
        }
        for (n, v) in extra {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        if let Some(t) = &self.token {
            head.push_str(&format!("Authorization: Bearer {t}\r\n"));
        }
        if !body.is_empty() || method != "GET" {
            head.push_str("Content-Type: application/json\r\n");
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let s = self.stream.get_mut();
        s.write_all(head.as_bytes())?;
        s.write_all(body.as_bytes())?;
        s.flush()?;
        self.read_reply()
    }

    fn read_reply(&mut self) -> std::io::Result<Reply> {
        let mut line = String::new();
        self.stream.read_line(&mut line)?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("no status line: {line:?}")))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.stream.read_line(&mut line)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((n, v)) = l.split_once(':') {
                headers.push((n.trim().to_ascii_lowercase(), v.trim().to_owned()));
            }
        }
        let len: usize = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let mut body = vec![0; len];
        self.stream.read_exact(&mut body)?;
        Ok(Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }

    /// GET.
    pub fn get(&mut self, path: &str) -> std::io::Result<Reply> {
        self.send("GET", path, &[], "")
    }

    /// POST JSON.
    pub fn post(&mut self, path: &str, body: &str) -> std::io::Result<Reply> {
        self.send("POST", path, &[], body)
    }

    /// PUT JSON.
    pub fn put(&mut self, path: &str, body: &str) -> std::io::Result<Reply> {
        self.send("PUT", path, &[], body)
    }

    /// Joins as `participant` with `code`, keeping the token. The status.
    pub fn join(&mut self, code: &str, participant: &str) -> std::io::Result<u16> {
        let r = self.post(
            "/api/join",
            &format!(r#"{{"code":"{code}","participant":"{participant}"}}"#),
        )?;
        if r.status == 200 {
            self.token = r.json()["token"].as_str().map(str::to_owned);
        }
        Ok(r.status)
    }

    /// Votes; the status.
    pub fn vote(
        &mut self,
        theme: &str,
        round: u32,
        factor: &str,
        level: &str,
    ) -> std::io::Result<u16> {
        let body = format!(
            r#"{{"theme":"{theme}","round":{round},"factor":"{factor}","level":"{level}"}}"#
        );
        Ok(self.put("/api/vote", &body)?.status)
    }
}

/// Each factor of the scorecard's method with the codes of its levels, lowest first: what a
/// device may vote.
pub fn factor_codes(card: &trh::model::Scorecard) -> Vec<(String, Vec<String>)> {
    factor_codes_asked(card, None)
}

/// The factors a round on `theme` asks phones about (those the room has not agreed), with
/// their level codes; every factor when no theme is given.
pub fn factor_codes_asked(
    card: &trh::model::Scorecard,
    theme: Option<&trh::model::ThemeId>,
) -> Vec<(String, Vec<String>)> {
    let theme = theme.and_then(|id| card.theme(id));
    card.method
        .factors()
        .filter(|(_, f)| theme.is_none_or(|t| trh::model::workshop::is_asked(card, t, &f.id)))
        .map(|(_, f)| {
            let codes = f
                .scale
                .values()
                .into_iter()
                .map(|v| f.scale.code(v))
                .collect();
            (f.id.to_string(), codes)
        })
        .collect()
}
