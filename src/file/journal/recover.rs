//! Reading a journal left by an earlier run: finishing a rebase cut short, and the votes the
//! base does not have yet.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use super::lines::{Line, MAX_LINE, VoteLine, identity};
use super::{journal_path, next_path, with_suffix};
use crate::file::FileError;
use crate::model::Edit;

/// What a journal left by an earlier run holds.
#[derive(Debug, Default)]
pub struct Recovered {
    /// The votes not yet in the base, in the order they were accepted, each with its signer.
    pub votes: Vec<(Edit, String)>,
    /// Lines that could not be read, as "FILE line N: why" (a line torn by a crash while it
    /// was written is not among them: it was never acknowledged).
    pub skipped: Vec<String>,
    /// Set when the journal names another version of the base (the file was replaced by
    /// someone else meanwhile): its votes are not applied, and it is kept under this name.
    pub set_aside: Option<PathBuf>,
}

impl Recovered {
    /// True when there is nothing to apply or tell.
    pub fn is_empty(&self) -> bool {
        self.votes.is_empty() && self.skipped.is_empty() && self.set_aside.is_none()
    }
}

/// What a journal file holds: the base it names, its votes, and the lines not read.
pub(super) type Contents = (Option<(u64, String)>, Vec<VoteLine>, Vec<String>);

/// Reads a journal file: its base line and votes. Bounded: the file must be under the usual
/// file size limit and each line under 64 KB.
pub(super) fn read_journal(path: &Path) -> Result<Contents, FileError> {
    let io = |source| FileError::Io {
        path: path.to_owned(),
        action: "cannot read",
        cause: source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > crate::file::MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size,
            limit: crate::file::MAX_FILE_BYTES,
        });
    }
    let mut reader = std::io::BufReader::new(file);
    let (mut base, mut votes, mut skipped) = (None, Vec::new(), Vec::new());
    let mut buf = Vec::new();
    let mut number = 0;
    loop {
        buf.clear();
        let read = std::io::Read::take(&mut reader, MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(io)?;
        if read == 0 {
            break;
        }
        number += 1;
        let complete = buf.last() == Some(&b'\n');
        if !complete && read <= MAX_LINE {
            // The last line, torn by a crash while it was written: never acknowledged.
            break;
        }
        if !complete {
            skipped.push(format!(
                "{} line {number}: longer than 64 KB",
                path.display()
            ));
            // Skip the rest of the over-long line.
            reader.skip_until(b'\n').map_err(io)?;
            continue;
        }
        let text = String::from_utf8_lossy(&buf);
        match ron::from_str::<Line>(text.trim_end()) {
            Ok(Line::Base { len, hash }) if number == 1 => base = Some((len, hash)),
            Ok(Line::Vote(v)) if number > 1 => votes.push(v),
            Ok(_) => skipped.push(format!("{} line {number}: out of place", path.display())),
            Err(e) => skipped.push(format!("{} line {number}: {e}", path.display())),
        }
    }
    Ok((base, votes, skipped))
}

/// The base's identity as on disk now, or none if it cannot be read.
fn identity_of(base: &Path) -> Option<(u64, String)> {
    let meta = std::fs::metadata(base).ok()?;
    if meta.len() > crate::file::MAX_FILE_BYTES {
        return None;
    }
    std::fs::read(base).ok().map(|b| identity(&b))
}

/// What a journal left beside `base` by an earlier run (killed, crashed, or the machine lost
/// power) holds that `base` does not. Finishes a rebase that was cut short. Returns an
/// empty result when there is no journal. The journal itself is left in place: the caller
/// applies the votes, saves, and starts a new journal (which replaces it) or removes it.
pub fn recover(base: &Path) -> Result<Recovered, FileError> {
    let journal = journal_path(base);
    let next = next_path(base);
    let current = identity_of(base);
    if next.exists() {
        let (next_base, _, _) = read_journal(&next)?;
        if next_base.is_some() && next_base == current {
            // The base was replaced but the journal not yet renamed: finish the rebase.
            std::fs::rename(&next, &journal).map_err(|source| FileError::Io {
                path: journal.clone(),
                action: "cannot replace",
                cause: source,
            })?;
        } else {
            // The base was never replaced: the old journal still describes it.
            let _ = std::fs::remove_file(&next);
        }
    }
    if !journal.exists() {
        return Ok(Recovered::default());
    }
    let (named, votes, skipped) = read_journal(&journal)?;
    if named.is_none() || named != current {
        let aside = with_suffix(base, &format!(".journal.unmatched-{}", std::process::id()));
        std::fs::rename(&journal, &aside).map_err(|source| FileError::Io {
            path: journal.clone(),
            action: "cannot move aside",
            cause: source,
        })?;
        return Ok(Recovered {
            votes: Vec::new(),
            skipped,
            set_aside: Some(aside),
        });
    }
    let mut votes = votes;
    votes.sort_by_key(|v| v.n);
    Ok(Recovered {
        votes: votes.iter().map(|v| (v.edit(), v.who.clone())).collect(),
        skipped,
        set_aside: None,
    })
}
