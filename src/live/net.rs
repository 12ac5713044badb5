//! This machine's network interfaces, for choosing where to listen: Wi-Fi first, VPN and
//! virtual adapters marked, loopback last. Never "every address" by default.

use std::net::{IpAddr, SocketAddr};

/// What kind of network an interface seems to be, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Wireless (wl*, wlan*, Wi-Fi).
    WiFi,
    /// Wired Ethernet (en*, eth*).
    Wired,
    /// Anything else with an address.
    Other,
    /// A VPN tunnel (tun*, tap*, wg*, ppp*, utun*, ...): phones in the room cannot reach it.
    Vpn,
    /// A virtual adapter (docker*, veth*, br-*, virbr*, vmnet*, vbox*, ...).
    Virtual,
    /// This machine only (127.0.0.1): for trying it out on this computer.
    Loopback,
}

impl Kind {
    /// Words for the chooser.
    pub fn describe(self) -> &'static str {
        match self {
            Self::WiFi => "Wi-Fi",
            Self::Wired => "wired",
            Self::Other => "network",
            Self::Vpn => "VPN: phones in the room cannot reach it",
            Self::Virtual => "virtual adapter: phones cannot reach it",
            Self::Loopback => "this computer only",
        }
    }
}

/// One address to listen on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The interface's name.
    pub interface: String,
    /// Its address.
    pub ip: IpAddr,
    /// What it seems to be.
    pub kind: Kind,
}

/// Guesses an interface's kind from its name.
pub fn kind_of(name: &str, ip: IpAddr) -> Kind {
    let n = name.to_ascii_lowercase();
    let starts = |p: &[&str]| p.iter().any(|x| n.starts_with(x));
    if ip.is_loopback() {
        Kind::Loopback
    } else if starts(&["wl", "wlan", "wifi", "wi-fi", "ath", "ra"]) || n.contains("wireless") {
        Kind::WiFi
    } else if starts(&[
        "tun",
        "tap",
        "wg",
        "ppp",
        "utun",
        "ipsec",
        "vpn",
        "tailscale",
        "zt",
    ]) {
        Kind::Vpn
    } else if starts(&[
        "docker",
        "veth",
        "br-",
        "virbr",
        "vmnet",
        "vbox",
        "lxc",
        "lxd",
        "cni",
        "flannel",
        "podman",
        "vethernet",
    ]) {
        Kind::Virtual
    } else if starts(&["en", "eth", "em", "eno", "ens", "enp"]) {
        Kind::Wired
    } else {
        Kind::Other
    }
}

/// The IPv4 addresses of this machine's interfaces, best first (Wi-Fi, wired, other, VPN,
/// virtual, loopback).
pub fn choices() -> Vec<Choice> {
    let mut out: Vec<Choice> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i.ip().is_ipv4())
        .map(|i| Choice {
            kind: kind_of(&i.name, i.ip()),
            ip: i.ip(),
            interface: i.name,
        })
        .collect();
    out.sort_by(|a, b| (a.kind, &a.interface).cmp(&(b.kind, &b.interface)));
    out.dedup();
    out
}

/// The `Host` header values that name a server on `addr`: `ip:port`, and for loopback also
/// `localhost:port`; for an unspecified address, every interface's.
pub fn host_names(addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut ips = vec![addr.ip()];
    if addr.ip().is_unspecified() {
        ips = choices().into_iter().map(|c| c.ip).collect();
    }
    let mut out: Vec<String> = ips
        .iter()
        .map(|ip| SocketAddr::new(*ip, port).to_string())
        .collect();
    if ips.iter().any(IpAddr::is_loopback) {
        out.push(format!("localhost:{port}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interfaces_are_recognised_by_name() {
        let ip: IpAddr = [192, 168, 1, 20].into();
        for (name, kind) in [
            ("wlp2s0", Kind::WiFi),
            ("wlan0", Kind::WiFi),
            ("enp3s0", Kind::Wired),
            ("eth0", Kind::Wired),
            ("tun0", Kind::Vpn),
            ("wg0", Kind::Vpn),
            ("docker0", Kind::Virtual),
            ("veth12ab", Kind::Virtual),
            ("virbr0", Kind::Virtual),
        ] {
            assert_eq!(kind_of(name, ip), kind, "{name}");
        }
        assert_eq!(kind_of("lo", [127, 0, 0, 1].into()), Kind::Loopback);
        assert!(Kind::WiFi < Kind::Vpn && Kind::Vpn < Kind::Loopback);
    }

    #[test]
    fn a_loopback_server_answers_to_localhost_too() {
        let hosts = host_names("127.0.0.1:8080".parse().expect("addr"));
        assert_eq!(hosts, vec!["127.0.0.1:8080", "localhost:8080"]);
    }
}
