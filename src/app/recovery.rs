//! Crash recovery: unsaved work is written every 30 s to a recovery file in the platform data
//! folder, and offered back at the next start if trh did not exit cleanly. While live voting
//! runs, the recovery file is also the base of the votes journal (`file::journal`): each
//! phone's vote is on disk before the phone is told it is recorded, and recovering the work
//! applies the journal's votes too.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::file::journal::{self, Journal};
use crate::model::Scorecard;

/// How often unsaved work is written to the recovery file.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// The recovery files of one data folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// The folder holding them.
    pub dir: PathBuf,
}

use crate::state::modal::RecoveryFile;

impl Recovery {
    /// The platform's local data folder for trh: `$XDG_DATA_HOME/trh` on Linux, and on
    /// Windows the user's `AppData\Local\trh\data`, which is never copied to other machines
    /// as a roaming profile is (the preferences, kept by eframe, go to `AppData\Roaming`).
    pub fn platform() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "trh")?;
        Some(Self {
            dir: dirs.data_local_dir().join("recovery"),
        })
    }

    /// The scorecard file.
    pub fn file(&self) -> PathBuf {
        self.dir.join("unsaved.ron")
    }

    fn origin_file(&self) -> PathBuf {
        self.dir.join("unsaved.origin")
    }

    /// Writes the recovery copy (atomically) and a note of the document's own file. With a
    /// journal, the copy becomes its new base: `applied` is the last journalled vote in `card`.
    pub fn write(
        &self,
        card: &Scorecard,
        original: Option<&Path>,
        journal: Option<(&Journal, u64)>,
    ) -> Result<(), String> {
        let text = self.prepare(card, original)?;
        let file = self.file();
        let write = |b: &[u8]| crate::file::save::replace_atomic(&file, b);
        match journal {
            Some((j, applied)) => j.rebase(text.as_bytes(), applied, write),
            None => write(text.as_bytes()),
        }
        .map_err(|e| e.to_string())
    }

    /// Writes the origin note; returns the recovery copy's text.
    fn prepare(&self, card: &Scorecard, original: Option<&Path>) -> Result<String, String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let text = crate::file::save::scorecard_to_text(card).map_err(|e| e.to_string())?;
        let origin = original
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        crate::file::save::replace_atomic(&self.origin_file(), origin.as_bytes())
            .map_err(|e| e.to_string())?;
        Ok(text)
    }

    /// Writes the recovery copy now and starts a votes journal on it (live voting begins).
    pub fn begin_journal(
        &self,
        card: &Scorecard,
        original: Option<&Path>,
    ) -> Result<Journal, String> {
        let text = self.prepare(card, original)?;
        let file = self.file();
        Journal::begin(&file, text.as_bytes(), |b| {
            crate::file::save::replace_atomic(&file, b)
        })
        .map_err(|e| e.to_string())
    }

    /// The room file kept beside the recovery copy while live voting runs.
    pub fn room_file(&self) -> PathBuf {
        crate::live::hub::room_path(&self.file())
    }

    /// The votes a journal on the recovery copy holds that the copy does not.
    pub fn journalled(&self) -> Result<journal::Recovered, String> {
        journal::recover(&self.file()).map_err(|e| e.to_string())
    }

    /// The recovery file left by an earlier run, if any.
    pub fn find(&self) -> Option<RecoveryFile> {
        crate::file::save::clean_temporaries(&self.dir);
        let file = self.file();
        let meta = std::fs::metadata(&file).ok()?;
        let original = std::fs::read_to_string(self.origin_file())
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(RecoveryFile {
            file,
            original,
            written: meta.modified().ok(),
        })
    }

    /// Removes the recovery files (after a save, a clean exit or a discard).
    pub fn clear(&self) {
        let file = self.file();
        for f in [
            file.clone(),
            self.origin_file(),
            journal::journal_path(&file),
            crate::live::hub::room_path(&file),
            crate::file::save::backup_path(&file),
            crate::file::save::backup_path(&self.origin_file()),
        ] {
            let _ = std::fs::remove_file(&f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_find_and_clear() {
        let dir = tempfile::tempdir().expect("tmp");
        let r = Recovery {
            dir: dir.path().join("recovery"),
        };
        assert!(r.find().is_none());
        let method = crate::methods::builtin("morile-style").expect("shipped");
        let card = Scorecard::new("Work in progress", method);
        r.write(&card, Some(Path::new("/data/x.ron")), None)
            .expect("writes");
        let found = r.find().expect("found");
        assert_eq!(found.original.as_deref(), Some(Path::new("/data/x.ron")));
        let back = crate::file::load_scorecard(&found.file).expect("loads");
        assert_eq!(back.title, "Work in progress");
        r.clear();
        assert!(r.find().is_none());
        assert_eq!(std::fs::read_dir(&r.dir).expect("dir").count(), 0);
    }
}
