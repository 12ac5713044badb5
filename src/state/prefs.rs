//! Preferences (kept in eframe's storage by `app/native.rs`): look, zoom, folders, recent files and the user's
//! name for the change log. Documents never go here (see `document.rs`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::look::Look;

/// The key under which preferences are stored.
pub const STORAGE_KEY: &str = "trh-prefs";

/// How many recent files are remembered.
pub const RECENT_MAX: usize = 8;

/// The user's preferences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Light, dark or projector.
    #[serde(alias = "theme")]
    pub look: Look,
    /// Zoom factor (1.0 is 100%).
    pub zoom: f32,
    /// The folder of the last file opened or saved.
    pub last_folder: Option<PathBuf>,
    /// Recently used files, newest first.
    pub recent: Vec<PathBuf>,
    /// The name written into the change log; asked once.
    pub user_name: Option<String>,
    /// Import column mappings the user chose: a heading (lower case) to what it imports as.
    pub import_columns: crate::import::Remembered,
    /// Where live voting was last started, offered first next time.
    pub live_last: Option<LiveLast>,
    /// What the evidence dialog last read, offered again (next year's data maps itself).
    pub evidence: super::evidence::EvidenceForm,
}

/// The network, port and evidence choice live voting was last started with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveLast {
    /// The interface's name ("Wi-Fi", "wlan0"): addresses change from room to room.
    pub interface: String,
    /// The address it had.
    pub ip: std::net::IpAddr,
    /// The port.
    pub port: u16,
    /// Phones were shown the evidence note.
    pub evidence: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            look: Look::Light,
            zoom: 1.0,
            last_folder: None,
            recent: Vec::new(),
            user_name: None,
            import_columns: crate::import::Remembered::new(),
            live_last: None,
            evidence: super::evidence::EvidenceForm::default(),
        }
    }
}

/// Zoom steps offered by Zoom in and Zoom out.
const ZOOM_STEPS: [f32; 9] = [0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

impl Prefs {
    /// The same preferences with anything out of range put back to its default.
    pub fn sanitised(mut self) -> Self {
        if !self.zoom.is_finite() || !(0.5..=3.0).contains(&self.zoom) {
            self.zoom = 1.0;
        }
        self.recent.truncate(RECENT_MAX);
        self.user_name = self.user_name.filter(|n| !n.trim().is_empty());
        self
    }

    /// Puts a file at the top of the recent list and remembers its folder.
    pub fn used(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_MAX);
        self.last_folder = path.parent().map(Path::to_owned);
    }

    /// The next zoom step up or down.
    pub fn step_zoom(&mut self, up: bool) {
        let next = if up {
            ZOOM_STEPS.iter().find(|&&z| z > self.zoom + 0.001)
        } else {
            ZOOM_STEPS.iter().rev().find(|&&z| z < self.zoom - 0.001)
        };
        if let Some(z) = next {
            self.zoom = *z;
        }
    }

    /// The last file used, if it still exists.
    pub fn last_existing(&self) -> Option<&Path> {
        self.recent
            .first()
            .map(PathBuf::as_path)
            .filter(|p| p.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_capped() {
        let mut p = Prefs::default();
        for i in 0..12 {
            p.used(Path::new(&format!("/x/{i}.ron")));
        }
        p.used(Path::new("/x/5.ron"));
        assert_eq!(p.recent.len(), RECENT_MAX);
        assert_eq!(p.recent[0], Path::new("/x/5.ron"));
        assert_eq!(p.recent.iter().filter(|r| r.ends_with("5.ron")).count(), 1);
        assert_eq!(p.last_folder.as_deref(), Some(Path::new("/x")));
    }

    #[test]
    fn zoom_steps_stop_at_the_ends() {
        let mut p = Prefs::default();
        for _ in 0..20 {
            p.step_zoom(true);
        }
        assert_eq!(p.zoom, 2.0);
        for _ in 0..20 {
            p.step_zoom(false);
        }
        assert_eq!(p.zoom, 0.67);
        let odd = Prefs {
            zoom: f32::NAN,
            ..Prefs::default()
        };
        assert_eq!(odd.sanitised().zoom, 1.0);
    }
}
