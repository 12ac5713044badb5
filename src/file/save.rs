//! Saving scorecards: deterministic RON, written atomically, with the previous version kept
//! as `NAME.ron.bak`.

use std::io::Write;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::FileError;
use super::convert::to_doc;
use crate::model::scorecard::Scorecard;

/// The header written at the top of every scorecard file.
pub const HEADER: &str = "// trh scorecard. Plain text: safe to diff and to keep in version control.\n// Format: docs/scorecard-format.md\n";

/// How trh pretty-prints RON.
pub fn pretty() -> PrettyConfig {
    PrettyConfig::new()
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
        source: std::io::Error::other(e),
    })?;
    write_atomic(path, text.as_bytes())
}

/// Writes bytes to `path` atomically, keeping any previous file as `.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_file(path, bytes, true)
}

/// Writes bytes to `path` atomically (a temporary file, then a rename); a file already there
/// is replaced without a backup (exports, which can be made again).
pub fn replace_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_file(path, bytes, false)
}

/// A new file gets the user's usual mode: read-write for everyone, less the umask (which
/// the operating system applies when the file is created), as any other program would.
fn new_file_builder<'a>() -> tempfile::Builder<'a, 'a> {
    let mut b = tempfile::Builder::new();
    b.prefix(".trh-save-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    b
}

fn write_file(path: &Path, bytes: &[u8], backup: bool) -> Result<(), FileError> {
    let io = |source| FileError::Io {
        path: path.to_owned(),
        action: "cannot save",
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = new_file_builder().tempfile_in(dir).map_err(io)?;
    // Replacing a file keeps its permissions: colleagues on a shared drive keep their access.
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if backup && path.exists() {
        std::fs::copy(path, backup_path(path)).map_err(io)?;
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
