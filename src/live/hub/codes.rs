//! The room's codes: checking a code from an address, counting wrong ones per address (an
//! IPv6 address by its /64, since one host has billions) and in all, locking out, pruning
//! the table, and a fresh short code when guessing has turned the old one off.

use std::net::IpAddr;
use std::time::Instant;

use super::{GUESSES_IN_ALL, GUESSES_PER_ADDRESS, Hub, JoinError, LOCKOUT, short_code};

/// The table of wrong codes is pruned of addresses that are not locked out once it holds
/// this many.
pub const FAILURES_KEPT: usize = 4096;

/// The address as the limits count it: IPv4 as it is, IPv6 by its /64 (the network a host
/// is given; it can pick any address inside it).
pub fn network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut seg = v6.segments();
                seg[4..].fill(0);
                IpAddr::V6(seg.into())
            }
        },
    }
}

impl Hub {
    /// True once so many wrong codes came in that the short code no longer works.
    pub fn code_disabled(&self) -> bool {
        self.failures_in_all >= GUESSES_IN_ALL
    }

    /// A new short code (the old one stops working) and a fresh count of wrong codes in all;
    /// addresses locked out stay locked out.
    pub fn fresh_code(&mut self) -> &str {
        self.code = short_code();
        self.failures_in_all = 0;
        self.version += 1;
        self.room_version += 1;
        &self.code
    }

    /// Checks a code from `ip`, counting wrong ones.
    pub(super) fn check_code(
        &mut self,
        ip: IpAddr,
        code: &str,
        now: Instant,
    ) -> Result<(), JoinError> {
        let net = network(ip);
        if let Some((_, Some(until))) = self.failures.get(&net) {
            if now < *until {
                return Err(JoinError::LockedOut);
            }
            self.failures.remove(&net);
        }
        let code = code.trim();
        let secret_ok = !code.is_empty() && constant_eq(code, &self.secret);
        let short = code.replace(' ', "");
        let short_ok = constant_eq(&short, &self.code);
        if secret_ok || (short_ok && !self.code_disabled()) {
            // A right code leaves no trace in the table.
            self.failures.remove(&net);
            return Ok(());
        }
        if short_ok {
            return Err(JoinError::CodeOff);
        }
        if self.failures.len() >= FAILURES_KEPT {
            self.failures
                .retain(|_, (_, until)| until.is_some_and(|u| now < u));
        }
        let entry = self.failures.entry(net).or_insert((0, None));
        entry.0 += 1;
        if entry.0 >= GUESSES_PER_ADDRESS {
            entry.1 = Some(now + LOCKOUT);
        }
        self.failures_in_all += 1;
        if self.code_disabled() {
            return Err(JoinError::CodeOff);
        }
        Err(JoinError::WrongCode)
    }

    /// How many addresses the wrong-code table holds (for tests: it stays bounded).
    pub fn failure_entries(&self) -> usize {
        self.failures.len()
    }
}

/// Compares without stopping at the first difference.
fn constant_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0, |acc, (x, y)| acc | (x ^ y))
            == 0
}
