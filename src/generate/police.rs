//! Synthetic police.uk street-level crime files, in the exact published format (folders
//! `YYYY-MM/YYYY-MM-<force>-street.csv`, the twelve published columns), for the samples, the
//! tests and the benchmark. Deterministic for a seed. Every row is illustrative: no real crime,
//! place or outcome.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Rng;
use crate::model::evidence::Month;

/// The header police.uk writes.
pub const HEADER: &str = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

const OUTCOMES: [&str; 6] = [
    "Investigation complete; no suspect identified",
    "Unable to prosecute suspect",
    "Under investigation",
    "Offender given a caution",
    "Awaiting court outcome",
    "Status update unavailable",
];

const STREETS: [&str; 6] = [
    "On or near Parking Area",
    "On or near Shopping Area",
    "On or near Supermarket",
    "On or near Petrol Station",
    "On or near Sports/Recreation Area",
    "On or near Nightclub",
];

/// One local authority's rows.
#[derive(Clone, Debug)]
pub struct AreaSpec {
    /// The name its LSOAs begin with, e.g. "Plymouth".
    pub name: String,
    /// How many LSOAs it has.
    pub lsoas: u32,
    /// The first LSOA code's number (codes are `E01` and six digits from it).
    pub code_from: u32,
    /// Per crime type: the count in the first 12 months and the yearly growth factor (1.2 is +20%).
    pub types: Vec<(String, f64, f64)>,
}

/// What to write.
#[derive(Clone, Debug)]
pub struct PoliceSpec {
    /// The force's slug in file names, e.g. `devon-and-cornwall`.
    pub force: String,
    /// Its name in the rows.
    pub force_name: String,
    /// The first month.
    pub first: Month,
    /// How many months.
    pub months: u32,
    /// The areas whose rows are in the files.
    pub areas: Vec<AreaSpec>,
    /// The seed.
    pub seed: u64,
}

/// The counts written: (area, crime type, month) → rows.
pub type Written = BTreeMap<(String, String, Month), u64>;

/// A roughly Poisson count with this mean (normal approximation, never negative).
fn noisy(rng: &mut Rng, mean: f64) -> u64 {
    let u1 = ((rng.next_u64() >> 11) as f64 + 1.0) / (1u64 << 53) as f64;
    let u2 = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
    (mean + z * mean.sqrt()).round().max(0.0) as u64
}

/// The path of one month's street file under `root`.
pub fn street_path(root: &Path, month: Month, force: &str) -> PathBuf {
    root.join(month.iso())
        .join(format!("{}-{force}-street.csv", month.iso()))
}

/// Writes the files under `root` and returns what they hold.
pub fn write_police(root: &Path, spec: &PoliceSpec) -> std::io::Result<Written> {
    let mut rng = Rng::new(spec.seed);
    let mut written = Written::new();
    for i in 0..spec.months {
        let month = spec.first.plus(i32::try_from(i).unwrap_or(0));
        let path = street_path(root, month, &spec.force);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
        writeln!(out, "{HEADER}")?;
        // Every row of the month, then shuffled, as the published files mix types and places.
        let mut rows: Vec<(usize, usize)> = Vec::new();
        for (a, area) in spec.areas.iter().enumerate() {
            for (t, (kind, per_year, growth)) in area.types.iter().enumerate() {
                let season =
                    1.0 + 0.08 * (f64::from(month.month) * std::f64::consts::TAU / 12.0).sin();
                let mean = per_year / 12.0 * growth.powf(f64::from(i) / 12.0) * season;
                let n = noisy(&mut rng, mean);
                *written
                    .entry((area.name.clone(), kind.clone(), month))
                    .or_default() += n;
                rows.extend(std::iter::repeat_n((a, t), usize::try_from(n).unwrap_or(0)));
            }
        }
        for k in (1..rows.len()).rev() {
            rows.swap(k, rng.below(k + 1));
        }
        for (a, t) in rows {
            row(
                &mut out,
                &mut rng,
                spec,
                month,
                (&spec.areas[a], &spec.areas[a].types[t].0),
            )?;
        }
        out.flush()?;
    }
    Ok(written)
}

fn row(
    out: &mut impl Write,
    rng: &mut Rng,
    spec: &PoliceSpec,
    month: Month,
    (area, kind): (&AreaSpec, &str),
) -> std::io::Result<()> {
    let asb = kind == "Anti-social behaviour";
    let id = if asb {
        String::new()
    } else {
        format!(
            "{:016x}{:016x}{:016x}{:016x}",
            rng.next_u64(),
            rng.next_u64(),
            rng.next_u64(),
            rng.next_u64()
        )
    };
    let lsoa = rng.below(area.lsoas.max(1) as usize);
    let code = u64::from(area.code_from) + lsoa as u64;
    let name = format!(
        "{} {:03}{}",
        area.name,
        lsoa / 4 + 1,
        char::from(b'A' + (lsoa % 4) as u8)
    );
    let lon = -4.2 + rng.below(100_000) as f64 / 1e6;
    let lat = 50.3 + rng.below(100_000) as f64 / 1e6;
    let outcome = if asb {
        ""
    } else {
        OUTCOMES[rng.below(OUTCOMES.len())]
    };
    writeln!(
        out,
        "{id},{},{},{},{lon:.6},{lat:.6},{},E01{code:06},{name},{kind},{outcome},",
        month.iso(),
        spec.force_name,
        spec.force_name,
        STREETS[rng.below(STREETS.len())],
    )
}

/// The Plymouth-style sample's police.uk volumes (illustrative). Per crime type: the count in the 12 months to Nov 2016 and the yearly growth.
const SAMPLE_TYPES: [(&str, f64, f64); 14] = [
    ("Anti-social behaviour", 7200.0, 0.92),
    ("Violence and sexual offences", 8400.0, 1.23),
    ("Criminal damage and arson", 2900.0, 1.05),
    ("Shoplifting", 1900.0, 1.10),
    ("Public order", 1500.0, 1.30),
    ("Other theft", 1700.0, 1.0),
    ("Burglary", 1150.0, 0.95),
    ("Vehicle crime", 950.0, 1.08),
    ("Drugs", 620.0, 0.85),
    ("Other crime", 280.0, 1.1),
    ("Possession of weapons", 190.0, 1.25),
    ("Bicycle theft", 380.0, 0.9),
    ("Theft from the person", 160.0, 1.0),
    ("Robbery", 140.0, 1.15),
];

/// The spec of the Plymouth-style sample's police.uk data: Dec 2015 to Nov 2017, with a
/// neighbouring area's rows in the same files (as a force's download has).
pub fn sample_spec() -> PoliceSpec {
    let types = |scale: f64| {
        SAMPLE_TYPES
            .iter()
            .map(|(t, n, g)| ((*t).to_owned(), n * scale, *g))
            .collect::<Vec<_>>()
    };
    PoliceSpec {
        force: "devon-and-cornwall".into(),
        force_name: "Devon & Cornwall Police".into(),
        first: Month {
            year: 2015,
            month: 12,
        },
        months: 24,
        areas: vec![
            AreaSpec {
                name: "Plymouth".into(),
                lsoas: 161,
                code_from: 15_017,
                types: types(1.0),
            },
            AreaSpec {
                name: "South Hams".into(),
                lsoas: 52,
                code_from: 15_180,
                types: types(0.12),
            },
        ],
        seed: 2018,
    }
}

/// The Peterborough-style sample's police.uk volumes (illustrative), as [`SAMPLE_TYPES`].
const PETERBOROUGH_TYPES: [(&str, f64, f64); 14] = [
    ("Anti-social behaviour", 5200.0, 0.9),
    ("Violence and sexual offences", 5100.0, 1.3),
    ("Criminal damage and arson", 2000.0, 1.05),
    ("Shoplifting", 1500.0, 1.1),
    ("Public order", 700.0, 1.4),
    ("Other theft", 1400.0, 1.0),
    ("Burglary", 1300.0, 0.92),
    ("Vehicle crime", 1100.0, 0.95),
    ("Drugs", 550.0, 1.1),
    ("Other crime", 200.0, 1.0),
    ("Possession of weapons", 120.0, 1.3),
    ("Bicycle theft", 600.0, 0.9),
    ("Theft from the person", 180.0, 1.0),
    ("Robbery", 150.0, 1.2),
];

/// The spec of the Peterborough-style sample's police.uk data: Dec 2014 to Nov 2016, with a
/// neighbouring district's rows in the same files.
pub fn peterborough_spec() -> PoliceSpec {
    let types = |scale: f64| {
        PETERBOROUGH_TYPES
            .iter()
            .map(|(t, n, g)| ((*t).to_owned(), n * scale, *g))
            .collect::<Vec<_>>()
    };
    PoliceSpec {
        force: "cambridgeshire".into(),
        force_name: "Cambridgeshire Constabulary".into(),
        first: Month {
            year: 2014,
            month: 12,
        },
        months: 24,
        areas: vec![
            AreaSpec {
                name: "Peterborough".into(),
                lsoas: 118,
                code_from: 15_540,
                types: types(1.0),
            },
            AreaSpec {
                name: "Huntingdonshire".into(),
                lsoas: 101,
                code_from: 17_900,
                types: types(0.4),
            },
        ],
        seed: 2016,
    }
}

/// The samples' partners' counts table (illustrative).
pub const SAMPLE_COUNTS: &str =
    include_str!("../../scorecards/data/plymouth-style-partners-counts.csv");
/// The Peterborough-style survey figures.
pub const SAMPLE_SURVEY: &str = include_str!("../../scorecards/data/peterborough-style-survey.csv");

/// Writes the samples' illustrative data under `dir`: `police-uk/` (24 months of street files
/// for a Plymouth-style city and a neighbour), the partners' counts table, the survey, and
/// `police-uk-peterborough/` (the Peterborough-style sample's download). Returns the paths in
/// that order.
pub fn write_sample_data(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let police = dir.join("police-uk");
    write_police(&police, &sample_spec())?;
    let counts = dir.join("plymouth-style-partners-counts.csv");
    std::fs::write(&counts, SAMPLE_COUNTS)?;
    let survey = dir.join("peterborough-style-survey.csv");
    std::fs::write(&survey, SAMPLE_SURVEY)?;
    let other = dir.join("police-uk-peterborough");
    write_police(&other, &peterborough_spec())?;
    Ok(vec![police, counts, survey, other])
}
