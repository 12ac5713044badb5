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

/// The name of a partnership's column: the scorecard's area, else its file's name.
pub fn column_name(card: &crate::model::Scorecard, path: &Path) -> String {
    if card.area.trim().is_empty() {
        path.file_stem()
            .map_or_else(|| card.title.clone(), |s| s.to_string_lossy().into_owned())
    } else {
        card.area.clone()
    }
}

/// The scorecards of a folder (every `.ron` but roll-up files and backups), by name.
pub fn scorecards_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            p.is_file() && name.ends_with(".ron") && !name.ends_with(".rollup.ron")
        })
        .collect();
    out.sort();
    out
}

/// Refuses the same scorecard given twice (the same file, or the same bytes).
pub fn refuse_the_same_twice(files: &[PathBuf]) -> Result<(), String> {
    for (i, a) in files.iter().enumerate() {
        for b in &files[i + 1..] {
            let same = match (a.canonicalize(), b.canonicalize()) {
                (Ok(x), Ok(y)) => x == y,
                _ => a == b,
            } || std::fs::read(a)
                .ok()
                .zip(std::fs::read(b).ok())
                .is_some_and(|(x, y)| x == y);
            if same {
                return Err(format!(
                    "{} and {} are the same scorecard: give each partnership once",
                    a.display(),
                    b.display()
                ));
            }
        }
    }
    Ok(())
}

/// Rolls up a folder of scorecards (through its roll-up file when it has exactly one), or the
/// scorecards and hand matches of a roll-up file: the roll-up and the files left out (with why).
pub fn roll_up(path: &Path) -> Result<(crate::model::rollup::Rollup, Vec<String>), String> {
    let own: Vec<PathBuf> = if path.is_dir() {
        std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".rollup.ron"))
            .collect()
    } else {
        Vec::new()
    };
    if let [file] = own.as_slice() {
        return roll_up(file);
    }
    let (files, refs) = if path.is_dir() {
        (scorecards_in(path), RollupFile::default())
    } else {
        let file = load_rollup(path).map_err(|e| e.to_string())?;
        (file.paths(path), file)
    };
    if files.len() > 15 {
        return Err(format!(
            "{} scorecards; trh rolls up at most 15 at once",
            files.len()
        ));
    }
    refuse_the_same_twice(&files)?;
    let mut cards = Vec::new();
    let mut left_out = Vec::new();
    for (p, r) in files.iter().zip(super::load_scorecards(&files)) {
        match r {
            Ok(c) => cards.push((p.clone(), c)),
            Err(e) => left_out.push(format!("{}: {e}", p.display())),
        }
    }
    if cards.len() < 2 {
        return Err(format!(
            "fewer than two scorecards could be read in {}",
            path.display()
        ));
    }
    let dir = path.parent().unwrap_or_else(|| Path::new(""));
    let place = |r: &ThemeRef| {
        let i = cards
            .iter()
            .position(|(p, _)| *p == dir.join(&r.scorecard))?;
        let t = cards[i]
            .1
            .themes
            .iter()
            .position(|t| t.id.as_str() == r.theme)?;
        Some((i, t))
    };
    let hand = crate::model::rollup::Hand {
        matches: refs
            .matches
            .iter()
            .filter_map(|(a, b)| Some((place(a)?, place(b)?)))
            .collect(),
        splits: refs.splits.iter().filter_map(place).collect(),
    };
    let named: Vec<(String, &crate::model::Scorecard)> =
        cards.iter().map(|(p, c)| (column_name(c, p), c)).collect();
    Ok((crate::model::rollup::rollup(&named, &hand), left_out))
}
