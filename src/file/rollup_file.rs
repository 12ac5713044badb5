//! The roll-up file: which scorecards are rolled up (paths relative to the file where they
//! can be), the themes the analyst matched by hand and those split from an automatic match,
//! so next year's roll-up starts matched. RON, like every trh file.

use std::path::{Path, PathBuf};

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::Scorecard;
use crate::model::rollup::{Hand, Rollup, matching::Place};

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
                cause: std::io::Error::other(e),
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

/// The most scorecards rolled up at once.
pub const MAX_FILES: usize = 15;

/// A roll-up as it is worked on: the scorecards read, what the analyst matched or split by
/// hand, and the roll-up file those are saved in.
#[derive(Clone, Debug, Default)]
pub struct RollupSet {
    /// The roll-up file the scorecards and matches are saved in.
    pub file: PathBuf,
    /// The scorecards read, in column order.
    pub cards: Vec<(PathBuf, Arc<Scorecard>)>,
    /// Hand matches and splits.
    pub hand: Hand,
    /// Files that did not load, with why.
    pub left_out: Vec<String>,
}

impl RollupSet {
    /// Reads a folder of scorecards (through its roll-up file when it has exactly one; else
    /// matches made later are saved in `partnerships.rollup.ron` there), or a roll-up file.
    pub fn read(path: &Path) -> Result<Self, String> {
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
            return Self::read(file);
        }
        let (files, refs, file) = if path.is_dir() {
            let file = free_name(path);
            (scorecards_in(path), RollupFile::default(), file)
        } else {
            let file = load_rollup(path).map_err(|e| e.to_string())?;
            (file.paths(path), file, path.to_path_buf())
        };
        if files.len() > MAX_FILES {
            return Err(format!(
                "{} scorecards; trh rolls up at most {MAX_FILES} at once",
                files.len()
            ));
        }
        refuse_the_same_twice(&files)?;
        let mut set = Self {
            file,
            ..Self::default()
        };
        for (p, r) in files.iter().zip(super::load_scorecards(&files)) {
            match r {
                Ok(c) => set.cards.push((p.clone(), Arc::new(c))),
                Err(e) => set.left_out.push(format!("{}: {e}", p.display())),
            }
        }
        if set.cards.len() < 2 {
            return Err(format!(
                "fewer than two scorecards could be read in {}",
                path.display()
            ));
        }
        let dir = set
            .file
            .parent()
            .unwrap_or_else(|| Path::new(""))
            .to_path_buf();
        let place = |r: &ThemeRef| set.place_of(&dir.join(&r.scorecard), &r.theme);
        set.hand = Hand {
            matches: refs
                .matches
                .iter()
                .filter_map(|(a, b)| Some((place(a)?, place(b)?)))
                .collect(),
            splits: refs.splits.iter().filter_map(place).collect(),
        };
        Ok(set)
    }

    /// Where theme `id` of the scorecard at `path` is: (partnership, theme index).
    fn place_of(&self, path: &Path, id: &str) -> Option<Place> {
        let i = self.cards.iter().position(|(p, _)| p == path)?;
        let t = self.cards[i]
            .1
            .themes
            .iter()
            .position(|t| t.id.as_str() == id)?;
        Some((i, t))
    }

    /// A set of one scorecard, to add more to; its matches go in `partnerships.rollup.ron`
    /// beside it (or a free name there).
    pub fn starting_with(path: &Path, card: Scorecard) -> Self {
        Self {
            file: free_name(path.parent().unwrap_or_else(|| Path::new(""))),
            cards: vec![(path.to_path_buf(), Arc::new(card))],
            ..Self::default()
        }
    }

    /// Adds a scorecard, refusing one already there and a sixteenth.
    pub fn add(&mut self, path: &Path, card: Scorecard) -> Result<(), String> {
        if self.cards.len() >= MAX_FILES {
            return Err(format!(
                "trh rolls up at most {MAX_FILES} scorecards at once"
            ));
        }
        let mut files: Vec<PathBuf> = self.cards.iter().map(|(p, _)| p.clone()).collect();
        files.push(path.to_path_buf());
        refuse_the_same_twice(&files)?;
        self.cards.push((path.to_path_buf(), Arc::new(card)));
        Ok(())
    }

    /// Removes partnership `p` and its hand matches.
    pub fn remove(&mut self, p: usize) {
        if p < self.cards.len() {
            self.cards.remove(p);
            self.hand.remove_partnership(p);
        }
    }

    /// The roll-up, once there are two scorecards.
    pub fn rollup(&self) -> Option<Rollup> {
        if self.cards.len() < 2 {
            return None;
        }
        let named: Vec<(String, &Scorecard)> = self
            .cards
            .iter()
            .map(|(p, c)| (column_name(c, p), &**c))
            .collect();
        Some(crate::model::rollup::rollup(&named, &self.hand))
    }

    /// The roll-up file as it would be written: paths relative to it where they can be.
    pub fn to_file(&self) -> RollupFile {
        let cards: Vec<(&Path, &Scorecard)> = self
            .cards
            .iter()
            .map(|(p, c)| (p.as_path(), &**c))
            .collect();
        file_of(&self.file, &cards, &self.hand)
    }

    /// Saves the roll-up file.
    pub fn save(&self) -> Result<(), FileError> {
        save_rollup(&self.to_file(), &self.file)
    }
}

/// The roll-up file for `cards` matched by `hand`, to be written at `out`: paths relative to
/// it where they can be. The app's set and `trh rollup --save` both write through this.
pub fn file_of(out: &Path, cards: &[(&Path, &Scorecard)], hand: &Hand) -> RollupFile {
    let dir = out.parent().unwrap_or_else(|| Path::new(""));
    let rel = |p: &Path| relative(p, dir);
    let as_ref = |(i, t): Place| ThemeRef {
        scorecard: rel(cards[i].0),
        theme: cards[i].1.themes[t].id.to_string(),
    };
    RollupFile {
        version: 1,
        scorecards: cards.iter().map(|(p, _)| rel(p)).collect(),
        matches: hand
            .matches
            .iter()
            .map(|&(a, b)| (as_ref(a), as_ref(b)))
            .collect(),
        splits: hand.splits.iter().map(|&s| as_ref(s)).collect(),
    }
}

/// What a roll-up job did.
#[derive(Debug)]
pub struct Rolled {
    /// The version of the set this is for.
    pub version: u64,
    /// The set read (a folder, a roll-up file, files added); `None` when only rolled up again.
    pub set: Option<RollupSet>,
    /// The roll-up (`None` under two scorecards), or why there is none.
    pub rollup: Result<Option<Rollup>, String>,
    /// Where the roll-up file was saved, or why it could not be.
    pub saved: Option<Result<PathBuf, String>>,
}

/// `partnerships.rollup.ron` in `dir`, or `partnerships-2.rollup.ron`, … where that is taken.
fn free_name(dir: &Path) -> PathBuf {
    (1..100)
        .map(|n| {
            dir.join(if n == 1 {
                "partnerships.rollup.ron".to_owned()
            } else {
                format!("partnerships-{n}.rollup.ron")
            })
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join("partnerships.rollup.ron"))
}

/// Rolls up a folder of scorecards (through its roll-up file when it has exactly one), or the
/// scorecards and hand matches of a roll-up file: the roll-up and the files left out (with why).
pub fn roll_up(path: &Path) -> Result<(Rollup, Vec<String>), String> {
    let set = RollupSet::read(path)?;
    let r = set.rollup().ok_or("fewer than two scorecards")?;
    Ok((r, set.left_out))
}
