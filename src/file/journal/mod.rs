//! The votes journal: every vote live voting accepts is appended here, and flushed to disk,
//! before the phone is told "recorded". A kill, a crash or a power cut after that answer
//! loses nothing: on the next start the votes not yet in the scorecard (or the window's
//! recovery file) are read back and applied again.
//!
//! The journal sits beside its *base* file (`NAME.ron.journal` beside `NAME.ron`, or the
//! window's recovery file) and begins with a line naming the base's exact bytes (length
//! and FNV-1a hash). Each later line is one vote, as RON. When the owner saves the base it
//! *rebases*: it writes `NAME.ron.journal.next` (the new base's name, and only the votes
//! accepted but not yet in it), flushes it, replaces the base, then renames the journal into
//! place. A crash between any two steps leaves a base with a journal that names it; the
//! other is thrown away on the next start ([`Journal::recover`]).
//!
//! Group commit: a vote's line is written (to the operating system, which survives the
//! program being killed) at once, under a lock; then [`Journal::sync`] flushes it to the
//! disk. Votes that arrive together share one flush: whoever flushes covers every line
//! written before it started, and the others wait for it.

mod lines;
mod recover;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use super::FileError;
use crate::model::Edit;
use lines::{Line, VoteLine, identity, to_line};
pub use recover::{Recovered, recover};

/// The journal beside `base`: `NAME.ron` → `NAME.ron.journal`.
pub fn journal_path(base: &Path) -> PathBuf {
    with_suffix(base, ".journal")
}

pub(super) fn next_path(base: &Path) -> PathBuf {
    with_suffix(base, ".journal.next")
}

pub(super) fn with_suffix(base: &Path, suffix: &str) -> PathBuf {
    let mut name = base.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    base.with_file_name(name)
}
/// An open journal. Cheap to clone: clones share one file.
#[derive(Clone)]
pub struct Journal {
    inner: Arc<Inner>,
}

struct Inner {
    state: Mutex<State>,
    flushed: Condvar,
}

struct State {
    base: PathBuf,
    /// The journal, open for appending (none only for a moment during a rebase).
    file: Option<std::fs::File>,
    next_n: u64,
    /// The last vote written to the operating system.
    written: u64,
    /// The last vote flushed to the disk.
    synced: u64,
    /// A flush is under way (without the lock).
    syncing: bool,
    /// Votes written since the last rebase, for the next one to keep those not yet applied.
    lines: Vec<(u64, String)>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").finish_non_exhaustive()
    }
}

fn io_error<'a>(path: &'a Path, action: &'static str) -> impl Fn(std::io::Error) -> FileError + 'a {
    move |source| FileError::Io {
        path: path.to_owned(),
        action,
        cause: source,
    }
}

/// Writes `NAME.journal.next` (the base line and `kept`), flushed; returns it open for
/// appending.
fn write_next(
    base: &Path,
    bytes: &[u8],
    kept: &[(u64, String)],
) -> Result<std::fs::File, FileError> {
    let next = next_path(base);
    let mut text = {
        let (len, hash) = identity(bytes);
        to_line(&Line::Base { len, hash })
    };
    for (_, line) in kept {
        text.push_str(line);
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(&next)
        .map_err(io_error(&next, "cannot write"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io_error(&next, "cannot write"))?;
    Ok(file)
}

impl Journal {
    /// Replaces `base` with `bytes` (by `write_base`, atomically) and starts a new journal
    /// for it. Any journal already beside it is replaced: recover it first.
    pub fn begin(
        base: &Path,
        bytes: &[u8],
        write_base: impl FnOnce(&[u8]) -> Result<(), FileError>,
    ) -> Result<Self, FileError> {
        let mut file = None;
        swap(base, bytes, &[], write_base, &mut file)?;
        Ok(Self {
            inner: Arc::new(Inner {
                state: Mutex::new(State {
                    base: base.to_owned(),
                    file,
                    next_n: 1,
                    written: 0,
                    synced: 0,
                    syncing: false,
                    lines: Vec::new(),
                }),
                flushed: Condvar::new(),
            }),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.inner
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The base file.
    pub fn base(&self) -> PathBuf {
        self.state().base.clone()
    }

    /// Writes a vote (a [`Edit::SetVote`]) to the journal, signed `who`; returns its number.
    /// It survives this program being killed once this returns; [`Journal::sync`] makes it
    /// survive a power cut too. Other edits are not journalled (and return 0).
    pub fn record(&self, edit: &Edit, who: &str) -> Result<u64, FileError> {
        let mut s = self.state();
        let n = s.next_n;
        let Some(vote) = VoteLine::of(n, edit, who) else {
            return Ok(0);
        };
        let line = to_line(&Line::Vote(vote));
        let journal = journal_path(&s.base);
        let Some(file) = s.file.as_mut() else {
            return Err(io_error(&journal, "cannot write")(std::io::Error::other(
                "the journal is closed",
            )));
        };
        if let Err(e) = file.write_all(line.as_bytes()) {
            // A part-written line is torn, and is skipped on reading; the next line must
            // start on a line of its own.
            let _ = file.write_all(b"\n");
            return Err(io_error(&journal, "cannot write")(e));
        }
        s.next_n += 1;
        s.written = n;
        s.lines.push((n, line));
        Ok(n)
    }

    /// Flushes the journal to the disk up to vote `n` (group commit: one flush covers every
    /// vote written before it began). Blocks; call it off any thread that must stay quick.
    pub fn sync(&self, n: u64) -> Result<(), FileError> {
        let mut s = self.state();
        loop {
            if s.synced >= n {
                return Ok(());
            }
            if !s.syncing {
                s.syncing = true;
                let upto = s.written;
                let journal = journal_path(&s.base);
                let file = s.file.as_ref().map_or_else(
                    || Err(std::io::Error::other("closed")),
                    std::fs::File::try_clone,
                );
                drop(s);
                let done = file.and_then(|f| f.sync_data());
                s = self.state();
                s.syncing = false;
                if done.is_ok() {
                    s.synced = s.synced.max(upto);
                }
                self.inner.flushed.notify_all();
                done.map_err(io_error(&journal, "cannot flush"))?;
                continue;
            }
            s = self
                .inner
                .flushed
                .wait(s)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    /// Saves the base as `bytes` (by `write_base`, atomically) with every vote up to
    /// `applied` in it, and restarts the journal on it, keeping the votes after `applied`.
    /// Votes wait while this runs. On failure the old base and journal stay as they were.
    pub fn rebase(
        &self,
        bytes: &[u8],
        applied: u64,
        write_base: impl FnOnce(&[u8]) -> Result<(), FileError>,
    ) -> Result<(), FileError> {
        let mut s = self.state();
        let kept: Vec<(u64, String)> = s
            .lines
            .iter()
            .filter(|(n, _)| *n > applied)
            .cloned()
            .collect();
        let base = s.base.clone();
        swap(&base, bytes, &kept, write_base, &mut s.file)?;
        s.lines = kept;
        s.synced = s.written;
        self.inner.flushed.notify_all();
        Ok(())
    }

    /// Ends the journal once everything in it is in the base: removes its file.
    pub fn finish(self) -> Result<(), FileError> {
        let mut s = self.state();
        // Closed first: Windows does not remove a file that is open.
        s.file = None;
        let journal = journal_path(&s.base);
        match std::fs::remove_file(&journal) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error(&journal, "cannot remove")(e)),
        }
    }
}

/// The rebase's three steps: the new journal beside, the base replaced, the journal renamed
/// into place. `file` (the old journal's handle, if any) becomes the new journal's, open for
/// appending; on failure it is still a journal describing the base on disk.
fn swap(
    base: &Path,
    bytes: &[u8],
    kept: &[(u64, String)],
    write_base: impl FnOnce(&[u8]) -> Result<(), FileError>,
    file: &mut Option<std::fs::File>,
) -> Result<(), FileError> {
    let next = next_path(base);
    let new = write_next(base, bytes, kept)?;
    if let Err(e) = write_base(bytes) {
        let _ = std::fs::remove_file(&next);
        return Err(e);
    }
    let journal = journal_path(base);
    // Windows does not replace a file that is open: the old handle is closed first. The new
    // one (opened with FILE_SHARE_DELETE, as std does) follows its file to the new name.
    *file = None;
    if let Err(e) = std::fs::rename(&next, &journal) {
        // The base is new but the journal's rename failed: keep appending to `.next`, which
        // names the new base; the next start finishes the rename (`recover`).
        *file = Some(new);
        return Err(io_error(&journal, "cannot replace")(e));
    }
    *file = Some(new);
    Ok(())
}

#[cfg(test)]
mod tests;
