//! police.uk street-level crime files, exactly as downloaded: a folder (or `.zip`) of monthly
//! folders `YYYY-MM/YYYY-MM-<force>-street.csv`, one row per crime or anti-social behaviour
//! incident. Rows are counted by crime type and month for the LSOAs of the partnership's area.
//!
//! Reading streams: a row is read into one reused record and counted, so memory does not grow
//! with the number of rows. Files are read on up to four threads at once. A zip's entries are
//! bounded by their declared sizes before anything is unpacked, and unpack no further.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::area::Area;
use crate::import::table::{Progress, TableError};
use crate::model::evidence::Month;

/// The most one archive entry or file may unpack to (a large force's busiest month is about
/// 30 MB).
pub const MAX_ENTRY_BYTES: u64 = 1 << 30;
/// The most a whole archive may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 8 << 30;
/// The most street files one read takes (ten years of a dozen forces).
pub const MAX_FILES: usize = 2_000;
/// The most distinct crime types (police.uk has 14).
const MAX_TYPES: usize = 64;

const NEEDED: [&str; 4] = ["Month", "LSOA code", "LSOA name", "Crime type"];

/// What a read counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PoliceCounts {
    /// Counts by crime type and month.
    pub counts: BTreeMap<String, BTreeMap<Month, u64>>,
    /// The months of the files read.
    pub covered: BTreeSet<Month>,
    /// Rows counted.
    pub rows: u64,
    /// Rows outside the area.
    pub left_out: u64,
    /// Files read.
    pub files: usize,
    /// What was noticed (a month read twice, ...).
    pub warnings: Vec<String>,
}

mod files;
mod rows;

use files::{StreetFile, folder_files, one_per_month, street_name, zip_files};
use rows::{count_file, crime_type};

pub(super) fn err(path: &str, message: String) -> TableError {
    TableError {
        path: path.to_owned(),
        message,
    }
}

/// Reads street files from a folder, a `.zip` or one CSV, for an area.
pub fn read_police(
    path: &Path,
    area: &Area,
    progress: &Progress,
) -> Result<PoliceCounts, TableError> {
    let shown = path.display().to_string();
    let mut warnings = Vec::new();
    let is_zip = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    let files = if path.is_dir() {
        folder_files(path, &shown)?
    } else if is_zip {
        zip_files(path, &shown)?
    } else {
        let name = path.to_string_lossy().into_owned();
        let (month, force) = street_name(&name).ok_or_else(|| {
            err(&shown, "not a police.uk street file: the name should be YYYY-MM-<force>-street.csv (or give the folder or .zip)".to_owned())
        })?;
        vec![StreetFile { name, month, force }]
    };
    if files.is_empty() {
        return Err(err(
            &shown,
            "no police.uk street files (YYYY-MM/YYYY-MM-<force>-street.csv) in it".to_owned(),
        ));
    }
    if files.len() > MAX_FILES {
        return Err(err(
            &shown,
            format!(
                "{} street files; trh reads at most {MAX_FILES} at once",
                files.len()
            ),
        ));
    }
    let mut files = files;
    files.sort_by(|a, b| (a.month, &a.force, &a.name).cmp(&(b.month, &b.force, &b.name)));
    let files = one_per_month(files, &mut warnings);
    let mut total = read_all(path, is_zip && !path.is_dir(), &files, area, progress)?;
    total.covered = files.iter().map(|f| f.month).collect();
    total.files = files.len();
    total.warnings.splice(0..0, warnings);
    Ok(total)
}

/// Reads every file on up to four threads and adds up what they counted.
fn read_all(
    path: &Path,
    zipped: bool,
    files: &[StreetFile],
    area: &Area,
    progress: &Progress,
) -> Result<PoliceCounts, TableError> {
    let next = AtomicUsize::new(0);
    let rows = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 4)
        .min(files.len());
    let results: Vec<Result<Tally, TableError>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| s.spawn(|| worker(path, zipped, files, area, (&next, &rows), progress)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(err(
                        &path.display().to_string(),
                        "the read stopped unexpectedly".to_owned(),
                    ))
                })
            })
            .collect()
    });
    let mut total = Tally::default();
    let mut counts = BTreeMap::new();
    for r in results {
        total.merge(r?, &mut counts);
    }
    if counts.len() > MAX_TYPES {
        return Err(err(
            &path.display().to_string(),
            format!(
                "{} crime types; police.uk has 14 (is this a street file?)",
                counts.len()
            ),
        ));
    }
    Ok(PoliceCounts {
        counts,
        rows: total.rows,
        left_out: total.left_out,
        ..PoliceCounts::default()
    })
}

/// What one thread counted: crime types as met (bytes), counts by type index and month.
#[derive(Default)]
pub(super) struct Tally {
    types: Vec<Vec<u8>>,
    pub(super) counts: HashMap<(u16, Month), u64>,
    pub(super) rows: u64,
    pub(super) left_out: u64,
}

impl Tally {
    /// The index of a crime type, added when first met.
    pub(super) fn type_index(&mut self, bytes: &[u8]) -> Result<u16, String> {
        if let Some(i) = self.types.iter().position(|t| t == bytes) {
            return Ok(u16::try_from(i).unwrap_or(u16::MAX));
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err("no crime type".to_owned());
        }
        if self.types.len() >= MAX_TYPES {
            return Err(format!(
                "more than {MAX_TYPES} crime types; police.uk has 14 (is this a street file?)"
            ));
        }
        self.types.push(bytes.to_vec());
        Ok(u16::try_from(self.types.len() - 1).unwrap_or(u16::MAX))
    }

    fn merge(&mut self, other: Self, out: &mut BTreeMap<String, BTreeMap<Month, u64>>) {
        for ((kind, month), n) in other.counts {
            let name = crime_type(&other.types[usize::from(kind)]);
            *out.entry(name).or_default().entry(month).or_default() += n;
        }
        self.rows += other.rows;
        self.left_out += other.left_out;
    }
}

fn worker(
    path: &Path,
    zipped: bool,
    files: &[StreetFile],
    area: &Area,
    (next, rows): (&AtomicUsize, &AtomicUsize),
    progress: &Progress,
) -> Result<Tally, TableError> {
    let mut tally = Tally::default();
    let mut zip = if zipped {
        let file = std::fs::File::open(path)
            .map_err(|e| err(&path.display().to_string(), format!("cannot open: {e}")))?;
        Some(zip::ZipArchive::new(BufReader::new(file)).map_err(|e| {
            err(
                &path.display().to_string(),
                format!("not a readable zip archive: {e}"),
            )
        })?)
    } else {
        None
    };
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(f) = files.get(i) else {
            return Ok(tally);
        };
        let shown = match zipped {
            true => format!("{} ({})", path.display(), f.name),
            false => f.name.clone(),
        };
        let result = match zip.as_mut() {
            Some(z) => {
                let entry = z
                    .by_name(&f.name)
                    .map_err(|e| err(&shown, format!("cannot unpack: {e}")))?;
                count_file(
                    entry.take(MAX_ENTRY_BYTES),
                    &shown,
                    area,
                    &mut tally,
                    (rows, progress),
                )
            }
            None => {
                let file = std::fs::File::open(&f.name)
                    .map_err(|e| err(&shown, format!("cannot open: {e}")))?;
                count_file(
                    file.take(MAX_ENTRY_BYTES),
                    &shown,
                    area,
                    &mut tally,
                    (rows, progress),
                )
            }
        };
        result?;
    }
}
