//! `trh live` (the real binary) as the tests start it: on loopback, a theme open, its
//! facilitator's commands on a pipe (`stop` is the clean stop on every system), its join link
//! and room code read from the first two lines of its output.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `trh live`.
pub struct TrhLive {
    /// The process (stdin piped; stderr as asked).
    pub child: Child,
    /// The join link (with the secret).
    pub join: String,
    /// The six-digit room code.
    pub code: String,
}

impl TrhLive {
    /// `trh live FILE --theme THEME` on loopback `port` (0: a free one), its standard error
    /// going to `stderr`. The rest of its standard output is read as it comes (a closed pipe
    /// would fail its next line).
    pub fn start(file: &Path, theme: &str, port: u16, stderr: Stdio) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_trh"))
            .args(["live", "--bind", "127.0.0.1", "--port", &port.to_string()])
            .args(["--theme", theme])
            .arg(file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("trh live starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let mut next = || lines.next().and_then(Result::ok).unwrap_or_default();
        let (join, code) = (next(), next());
        std::thread::spawn(move || lines.for_each(drop));
        let join = join
            .strip_prefix("join: ")
            .expect("trh live prints its join link")
            .to_owned();
        let code = code
            .strip_prefix("code: ")
            .expect("trh live prints its code")
            .to_owned();
        Self { child, join, code }
    }

    /// The page's address, without the secret.
    pub fn base(&self) -> &str {
        self.join.split("/?k=").next().unwrap_or_default()
    }

    /// The server's address.
    pub fn addr(&self) -> SocketAddr {
        self.base()
            .trim_start_matches("http://")
            .parse()
            .expect("address")
    }

    /// The join link's secret.
    pub fn secret(&self) -> &str {
        self.join.split_once("/?k=").map_or("", |(_, s)| s)
    }
}
