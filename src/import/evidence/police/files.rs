//! Finding the street files of a police.uk download: in a folder (to three levels down) or a
//! zip archive (bounded by the entries' declared sizes before anything is unpacked), one per
//! month and force.

use std::collections::HashMap;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use super::{MAX_ENTRY_BYTES, MAX_FILES, MAX_UNPACKED_BYTES, err};
use crate::import::table::TableError;
use crate::model::evidence::Month;

/// One street file to read: where, and the month and force its name gives.
#[derive(Clone, Debug)]
pub(super) struct StreetFile {
    /// The path in the folder, or the entry name in the archive.
    pub(super) name: String,
    pub(super) month: Month,
    pub(super) force: String,
}

/// The month and force of a street file's name (`2017-11-devon-and-cornwall-street.csv`).
pub(super) fn street_name(name: &str) -> Option<(Month, String)> {
    let base = name.rsplit(['/', '\\']).next()?;
    let stem = base.strip_suffix("-street.csv")?;
    let month = Month::parse(stem.get(..7)?)?;
    let force = stem.get(8..)?;
    (stem.as_bytes().get(7) == Some(&b'-') && !force.is_empty()).then(|| (month, force.to_owned()))
}

/// Keeps one file per month and force, warning about the others.
pub(super) fn one_per_month(files: Vec<StreetFile>, warnings: &mut Vec<String>) -> Vec<StreetFile> {
    let mut seen: HashMap<(Month, String), String> = HashMap::new();
    let mut out = Vec::new();
    for f in files {
        match seen.get(&(f.month, f.force.clone())) {
            Some(first) => warnings.push(format!(
                "{} {} was read twice ({first} and {}); counted once",
                f.month.iso(),
                f.force,
                f.name
            )),
            None => {
                seen.insert((f.month, f.force.clone()), f.name.clone());
                out.push(f);
            }
        }
    }
    out
}

pub(super) fn folder_files(root: &Path, shown: &str) -> Result<Vec<StreetFile>, TableError> {
    let mut out = Vec::new();
    let mut dirs = vec![(root.to_path_buf(), 0)];
    while let Some((dir, depth)) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            err(
                shown,
                format!("cannot read the folder {}: {e}", dir.display()),
            )
        })?;
        for entry in entries.flatten() {
            let p: PathBuf = entry.path();
            if p.is_dir() && depth < 3 {
                dirs.push((p, depth + 1));
            } else if let Some((month, force)) = street_name(&p.to_string_lossy()) {
                out.push(StreetFile {
                    name: p.to_string_lossy().into_owned(),
                    month,
                    force,
                });
            }
            if out.len() > MAX_FILES {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

pub(super) fn zip_files(path: &Path, shown: &str) -> Result<Vec<StreetFile>, TableError> {
    let file = std::fs::File::open(path).map_err(|e| err(shown, format!("cannot open: {e}")))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| err(shown, format!("not a readable zip archive: {e}")))?;
    let mut out = Vec::new();
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| err(shown, format!("a damaged zip entry: {e}")))?;
        let Ok(name) = entry.name().map(std::borrow::Cow::into_owned) else {
            continue;
        };
        let Some((month, force)) = street_name(&name) else {
            continue;
        };
        if entry.size() > MAX_ENTRY_BYTES {
            return Err(err(
                shown,
                format!(
                    "{name} unpacks to {} MB; trh reads street files of at most {} MB",
                    entry.size() / 1_000_000,
                    MAX_ENTRY_BYTES / 1_000_000
                ),
            ));
        }
        total = total.saturating_add(entry.size());
        if total > MAX_UNPACKED_BYTES {
            return Err(err(
                shown,
                format!(
                    "the archive's street files unpack to more than {} GB; trh reads at most that at once",
                    MAX_UNPACKED_BYTES >> 30
                ),
            ));
        }
        out.push(StreetFile { name, month, force });
    }
    Ok(out)
}
