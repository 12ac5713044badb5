//! Whether phones can reach trh, in the facilitator's words: what Windows' firewall will ask
//! before live voting starts, and what to try when no device has joined after a while. The
//! same sentences serve the app (the start dialog and the live bar) and `trh live` (stderr).

use std::time::Duration;

/// How long live voting waits, with no device joined, before suggesting what to try.
pub const NOBODY_AFTER: Duration = Duration::from_secs(90);

/// Said before live voting starts on Windows, where the first program to listen on a network
/// makes Windows Defender Firewall ask, and where on a *Public* network the answer is usually
/// no and cannot be changed without IT. `None` elsewhere.
pub fn firewall_note(windows: bool) -> Option<&'static str> {
    windows.then_some(
        "Windows will probably ask whether trh may use this network. Allow it for private \
         networks. On a network Windows calls Public (hotel, venue or guest Wi-Fi) the answer \
         is often no, and only IT can change it: then use a private network, a phone hotspot \
         or a travel router, or type the room's votes.",
    )
}

/// What to try when no device has reached trh `elapsed` after live voting started, if that
/// is at least [`NOBODY_AFTER`] and nobody has joined; `None` otherwise.
pub fn nobody_joined(windows: bool, elapsed: Duration, devices: usize) -> Option<String> {
    if devices > 0 || elapsed < NOBODY_AFTER {
        return None;
    }
    let firewall = if windows {
        " Windows' firewall may be keeping them out: on a network Windows calls Public the \
         answer to its question is often no."
    } else {
        ""
    };
    Some(format!(
        "No phone has joined yet. Check that phones are on the same Wi-Fi as this computer: \
         guest Wi-Fi often keeps devices apart.{firewall} Try a private network, a phone \
         hotspot or a travel router, or type the room's votes in the workshop tab."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_firewall_is_mentioned_only_on_windows() {
        let note = firewall_note(true).expect("on Windows");
        assert!(
            note.contains("Public") && note.contains("phone hotspot"),
            "{note}"
        );
        assert_eq!(firewall_note(false), None);
    }

    #[test]
    fn what_to_try_comes_only_after_a_while_with_nobody_joined() {
        let cases = [
            // (windows, seconds, devices, said, mentions the firewall)
            (true, 89, 0, false, false),
            (true, 90, 0, true, true),
            (false, 90, 0, true, false),
            (true, 600, 1, false, false),
            (false, 600, 3, false, false),
        ];
        for (windows, secs, devices, said, firewall) in cases {
            let hint = nobody_joined(windows, Duration::from_secs(secs), devices);
            assert_eq!(hint.is_some(), said, "{windows} {secs} s {devices}");
            if let Some(h) = hint {
                assert_eq!(h.contains("firewall"), firewall, "{h}");
                assert!(h.contains("type the room's votes"), "{h}");
            }
        }
    }
}
