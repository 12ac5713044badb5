//! The roll-up file: which scorecards are rolled up (paths relative to the file where they
//! can be), the themes the analyst matched by hand and those split from an automatic match,
//! so next year's roll-up starts matched. RON, like every trh file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FileError, parse_problem, ron_options};

/// A theme in a roll-up file: its scorecard (as listed) and its id there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeRef {
    /// The scorecard's path, as listed in `scorecards`.
    pub scorecard: String,
    /// The theme's id.
    pub theme: String,
}

/// The roll-up file as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Rollup", deny_unknown_fields)]
pub struct RollupFile {
    /// Format version (1).
    pub version: u32,
    /// The scorecards, relative to this file where they can be.
    pub scorecards: Vec<String>,
    /// Pairs of themes the analyst matched by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matches: Vec<(ThemeRef, ThemeRef)>,
    /// Themes kept out of every automatic match (each is its own row unless matched by hand).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub splits: Vec<ThemeRef>,
}

impl RollupFile {
    /// The scorecards' paths, resolved against the roll-up file's folder.
    pub fn paths(&self, file: &Path) -> Vec<PathBuf> {
        let dir = file.parent().unwrap_or_else(|| Path::new(""));
        self.scorecards.iter().map(|s| dir.join(s)).collect()
    }
}

/// `path` written relative to `dir` when it is inside it, else as given.
pub fn relative(path: &Path, dir: &Path) -> String {
    let abs = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (p, d) = (abs(path), abs(dir));
    p.strip_prefix(&d)
        .map_or_else(|_| p.display().to_string(), |r| r.display().to_string())
        .replace('\\', "/")
}

/// Reads a roll-up file.
pub fn load_rollup(path: &Path) -> Result<RollupFile, FileError> {
    let text = super::read_text(path)?;
    let file: RollupFile = ron_options()
        .from_str(&text)
        .map_err(|e| FileError::invalid(path, vec![parse_problem(&e, &text)]))?;
    if file.version != 1 {
        return Err(FileError::invalid(
            path,
            vec![super::Problem::general(format!(
                "roll-up file version {} is not one this trh reads (1)",
                file.version
            ))],
        ));
    }
    Ok(file)
}

/// Writes a roll-up file atomically.
pub fn save_rollup(file: &RollupFile, path: &Path) -> Result<(), FileError> {
    let text =
        ron::ser::to_string_pretty(file, ron::ser::PrettyConfig::default()).map_err(|e| {
            FileError::Io {
                path: path.to_path_buf(),
                action: "cannot save",
                source: std::io::Error::other(e),
            }
        })?;
    super::save::replace_atomic(
        path,
        format!("// trh roll-up: the scorecards rolled up and the analyst's matches.\n{text}\n")
            .as_bytes(),
    )
}
