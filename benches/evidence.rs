//! `cargo bench --bench evidence`: a year of a large force's police.uk street files (12 months
//! × 100,000 rows, about 260 MB, generated in the exact format under `target/bench-data/`) read
//! and summarised for one area. Prints trh's time, rows per second and peak memory, and
//! pandas' time on the same files where pandas is installed (`read_csv` of the needed columns,
//! filter by LSOA name, group by type and month), side by side in one run; then the time of one
//! re-read after a 13th month is added. Exits non-zero if trh is slower than pandas or its
//! peak memory passes 150 MB.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use trh::generate::police::{AreaSpec, PoliceSpec, write_police};
use trh::import::evidence::{Area, police::read_police};
use trh::import::table::Progress;
use trh::model::evidence::Month;

const AREAS: usize = 20;
const ROWS_PER_MONTH: f64 = 100_000.0;
const MEMORY_LIMIT_MB: f64 = 150.0;

fn spec(months: u32) -> PoliceSpec {
    let kinds = trh::model::evidence::links::POLICE_TYPES;
    let per_area_type = ROWS_PER_MONTH * 12.0 / (AREAS * kinds.len()) as f64;
    let areas = (0..AREAS)
        .map(|a| AreaSpec {
            name: if a == 7 {
                "Plymouth".to_owned()
            } else {
                format!("District {a:02}")
            },
            lsoas: 150,
            code_from: 10_000 + 200 * a as u32,
            types: kinds
                .iter()
                .map(|k| ((*k).to_owned(), per_area_type, 1.0))
                .collect(),
        })
        .collect();
    PoliceSpec {
        force: "large-force".into(),
        force_name: "Large Force Police".into(),
        first: Month {
            year: 2022,
            month: 1,
        },
        months,
        areas,
        seed: 27,
    }
}

/// The files, written once and kept (generating 260 MB takes longer than reading it).
fn data(months: u32) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/police-{months}"));
    let done = dir.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        write_police(&dir, &spec(months)).expect("write the bench data");
        std::fs::write(&done, "").expect("mark");
    }
    dir
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            if e.path().is_dir() {
                dir_bytes(&e.path())
            } else {
                e.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}

/// Resets the peak resident memory (Linux), so the next reading covers only what follows.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The peak resident memory in MB since the last reset (Linux).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// trh's best of three reads, in seconds, with the rows counted.
fn trh_read(dir: &Path) -> (f64, u64, u64) {
    let area = Area::new(&["Plymouth".into()], &[]);
    let mut best = f64::INFINITY;
    let mut counted = (0, 0);
    for _ in 0..3 {
        let t = Instant::now();
        let read = read_police(dir, &area, &Progress::default()).expect("read");
        best = best.min(t.elapsed().as_secs_f64());
        counted = (read.rows, read.left_out);
    }
    (best, counted.0, counted.1)
}

const PANDAS: &str = r#"
import glob, sys, time
import pandas as pd
files = sorted(glob.glob(sys.argv[1] + "/*/*-street.csv"))
best = None
for _ in range(3):
    t = time.perf_counter()
    parts = []
    for f in files:
        df = pd.read_csv(f, usecols=["Month", "LSOA code", "LSOA name", "Crime type"])
        df = df[df["LSOA name"].str.startswith("Plymouth ", na=False)]
        parts.append(df.groupby(["Crime type", "Month"]).size())
    total = pd.concat(parts).groupby(level=[0, 1]).sum()
    took = time.perf_counter() - t
    best = took if best is None else min(best, took)
print(best, int(total.sum()))
"#;

/// pandas' best of three, in seconds, and its count; `None` where pandas is not installed.
fn pandas_read(dir: &Path) -> Option<(f64, u64)> {
    let python = std::env::var("TRH_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(python)
        .arg("-c")
        .arg(PANDAS)
        .arg(dir)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

fn main() {
    let year = data(12);
    let mb = dir_bytes(&year) as f64 / 1e6;
    let measured_memory = reset_peak();
    let (secs, rows, left_out) = trh_read(&year);
    let peak = if measured_memory { peak_mb() } else { None };
    let total = rows + left_out;
    println!(
        "police.uk street files: 12 months, {total} rows, {mb:.0} MB; area: LSOAs named Plymouth ({rows} rows)"
    );
    println!(
        "  trh read + summarise: {:.3} s ({:.1} M rows/s)",
        secs,
        total as f64 / secs / 1e6
    );
    match peak {
        Some(p) => println!(
            "  trh peak memory during the reads: {p:.0} MB (limit {MEMORY_LIMIT_MB:.0} MB)"
        ),
        None => println!(
            "  peak memory: SKIPPED: not measured on this platform (no /proc/self/clear_refs)"
        ),
    }
    let pandas = pandas_read(&year);
    match pandas {
        Some((p, n)) => {
            assert_eq!(n, rows, "pandas and trh count the same rows");
            println!(
                "  pandas read_csv + filter + group: {p:.3} s; trh takes {:.2}× pandas' time",
                secs / p
            );
        }
        None => println!(
            "  pandas: SKIPPED: python3 with pandas not found (set TRH_PYTHON to a python that has it)"
        ),
    }
    let more = data(13);
    let (again, _, _) = trh_read(&more);
    println!(
        "  re-read after a 13th month is added: {again:.3} s (everything is read again; nothing is cached)"
    );
    let mut failed = Vec::new();
    if let Some((p, _)) = pandas
        && secs > p
    {
        failed.push(format!(
            "trh ({secs:.3} s) is slower than pandas ({p:.3} s)"
        ));
    }
    if let Some(p) = peak
        && p > MEMORY_LIMIT_MB
    {
        failed.push(format!(
            "peak memory {p:.0} MB is over {MEMORY_LIMIT_MB:.0} MB"
        ));
    }
    if !failed.is_empty() {
        eprintln!("MISSED: {}", failed.join("; "));
        std::process::exit(1);
    }
}
