//! Saving scorecards: deterministic RON, written atomically, with the previous version kept
//! as `NAME.ron.bak`.

use std::io::Write;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::FileError;
use super::to_doc::to_doc;
use crate::model::scorecard::Scorecard;

/// The header written at the top of every scorecard file.
pub const HEADER: &str = "// trh scorecard. Plain text: safe to diff and to keep in version control.\n// Format: docs/scorecard-format.md\n";

/// How trh pretty-prints RON. Lines end in `\n` on every platform (RON's own default is
/// `\r\n` on Windows), so a file saved on Windows and on Linux is byte for byte the same and
/// a colleague's save never shows every line as changed.
pub fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(true)
        .compact_maps(true)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// The text of a scorecard file.
pub fn scorecard_to_text(card: &Scorecard) -> Result<String, ron::Error> {
    let body = ron::ser::to_string_pretty(&to_doc(card), pretty())?;
    Ok(format!("{HEADER}{body}\n"))
}

/// The backup path for a file: `NAME.ron` → `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a scorecard: writes a temporary file in the same folder, flushes it to disk, keeps
/// the old file as `.bak`, then renames the new file into place. A crash at any point leaves
/// either the old file or the new one, never a half-written one.
pub fn save_scorecard(card: &Scorecard, path: &Path) -> Result<(), FileError> {
    let text = scorecard_to_text(card).map_err(|e| FileError::Io {
        path: path.to_owned(),
        action: "cannot save",
        cause: std::io::Error::other(e),
    })?;
    write_atomic(path, text.as_bytes())
}

/// Writes bytes to `path` atomically, keeping any previous file as `.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_file(path, bytes, true, false)
}

/// Writes bytes to `path` atomically (a temporary file, then a rename); a file already there
/// is replaced without a backup (exports, which can be made again).
pub fn replace_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_file(path, bytes, false, false)
}

/// As [`replace_atomic`], for a file holding secrets (live voting's room): readable by its
/// owner only from the moment it exists, where the system has modes.
pub fn replace_private(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_file(path, bytes, false, true)
}

/// A new file gets the user's usual mode: read-write for everyone, less the umask (which
/// the operating system applies when the file is created), as any other program would; a
/// `private` one is read-write for its owner only.
fn new_file_builder<'a>(private: bool) -> tempfile::Builder<'a, 'a> {
    let mut b = tempfile::Builder::new();
    b.prefix(".trh-save-").suffix(".tmp");
    // Windows has no mode bits: a new file there inherits its folder's access rules (the
    // user's own folder keeps a private file private), which is what Windows programs do, so
    // nothing is needed for it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if private { 0o600 } else { 0o666 };
        b.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = private;
    b
}

/// True when `path` is a file marked read-only. On Linux the rename would replace it anyway;
/// on Windows it would fail. Either way the user marked it so: trh refuses, alike everywhere.
fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly())
}

/// Why replacing `path` failed, in the user's terms. On Windows a file another program holds
/// open without letting it be deleted (Excel does, for the workbook or CSV it shows) cannot be
/// replaced: the rename fails with a sharing or lock violation, or "access denied".
fn replace_error(path: &Path, source: std::io::Error) -> FileError {
    if in_use(source.raw_os_error(), path.exists()) {
        return FileError::InUse {
            path: path.to_owned(),
        };
    }
    FileError::Io {
        path: path.to_owned(),
        action: "cannot save",
        cause: source,
    }
}

/// Windows error codes that mean "someone else has it open": ERROR_SHARING_VIOLATION (32),
/// ERROR_LOCK_VIOLATION (33), and ERROR_ACCESS_DENIED (5) when replacing a file that exists.
/// Linux has no mandatory locks, so there it never applies.
fn in_use(code: Option<i32>, exists: bool) -> bool {
    cfg!(windows) && (matches!(code, Some(32 | 33)) || (exists && code == Some(5)))
}

/// Copies `from` to `to` through a flushed temporary file and a rename, so a kill during the
/// copy leaves the old `to` or the new one, never a torn one.
fn copy_atomic(from: &Path, to: &Path, dir: &Path) -> std::io::Result<()> {
    let mut tmp = new_file_builder(false).tempfile_in(dir)?;
    let mut source = std::fs::File::open(from)?;
    // As a copy does: the backup keeps the file's permissions.
    tmp.as_file()
        .set_permissions(source.metadata()?.permissions())?;
    std::io::copy(&mut source, tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(to).map_err(|e| e.error)?;
    Ok(())
}

/// How old a temporary save file must be before it is taken for one left by a save that
/// was killed (no save takes this long), rather than another trh's save under way.
pub const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes the temporary files trh's saves leave in `dir` when killed mid-save
/// (`.trh-save-*.tmp`, older than [`STALE_TEMPORARY`]); returns how many. Other files are
/// never touched.
pub fn clean_temporaries(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".trh-save-") && name.ends_with(".tmp")) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_TEMPORARY);
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn write_file(path: &Path, bytes: &[u8], backup: bool, private: bool) -> Result<(), FileError> {
    let io = |source| FileError::Io {
        path: path.to_owned(),
        action: "cannot save",
        cause: source,
    };
    if read_only(path) {
        return Err(FileError::ReadOnly {
            path: path.to_owned(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = new_file_builder(private).tempfile_in(dir).map_err(io)?;
    // Replacing a file keeps its permissions: colleagues on a shared drive keep their access
    // (a private file stays private, whatever it had).
    if !private && let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if backup && path.exists() {
        copy_atomic(path, &backup_path(path), dir).map_err(io)?;
    }
    // On Windows this is MoveFileEx with REPLACE_EXISTING: the file is replaced in one step,
    // never deleted first. A failure removes the temporary file and leaves the old one.
    tmp.persist(path)
        .map_err(|e| replace_error(path, e.error))?;
    // Make the rename itself durable where the platform allows it (on Windows a folder cannot
    // be opened as a file, so this is skipped there: NTFS logs the rename itself).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
