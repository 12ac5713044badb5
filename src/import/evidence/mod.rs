//! Reading the partnership's data into the scorecard's evidence: police.uk street files
//! (`police.rs`), partners' counts tables (`counts.rs`) and survey results (`survey.rs`), for
//! one area (`area.rs`). What comes out is the model's [`Evidence`]; the figures and the
//! suggested levels are worked out from it in `model::evidence`.

pub mod area;
mod columns;
pub mod counts;
pub mod police;
pub mod survey;

use std::path::{Path, PathBuf};

pub use area::Area;

use crate::import::table::{Progress, TableError, read_path_with};
use crate::model::evidence::{DataSource, Evidence, LinkKind, Series};

/// What to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvidenceRequest {
    /// A police.uk download: folder, `.zip` or one street file.
    pub police: Option<PathBuf>,
    /// Local authority names choosing LSOAs ("Plymouth"); also the area of counts tables.
    pub areas: Vec<String>,
    /// A file of LSOA codes choosing LSOAs.
    pub lsoa_codes: Option<PathBuf>,
    /// Partners' counts tables.
    pub counts: Vec<PathBuf>,
    /// Survey results.
    pub survey: Option<PathBuf>,
    /// Residents of the area.
    pub population: Option<u64>,
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads everything asked for. Kinds of data not read this time are kept from `old`, so reading
/// a survey does not drop the crime counts. `now` stamps the sources.
pub fn read_evidence(
    request: &EvidenceRequest,
    old: &Evidence,
    now: &str,
    progress: &Progress,
) -> Result<Evidence, TableError> {
    let area = area_of(request)?;
    let mut ev = Evidence {
        area: if area.is_empty() {
            old.area.clone()
        } else {
            area.text()
        },
        population: request.population.or(old.population),
        ..Evidence::default()
    };
    let mut read = Vec::new();
    if let Some(path) = &request.police {
        add_police(&mut ev, path, &area, now, progress)?;
        read.push(LinkKind::Police);
    }
    for path in &request.counts {
        add_counts(&mut ev, path, &request.areas, now, progress)?;
        read.push(LinkKind::Counts);
    }
    if let Some(path) = &request.survey {
        let table = read_path_with(path, None, progress)?;
        ev.survey = survey::read_survey(&table, &path.display().to_string())?;
        ev.sources.push(DataSource {
            kind: LinkKind::Survey,
            name: name_of(path),
            read_at: now.to_owned(),
            rows: ev.survey.len() as u64,
            left_out: 0,
            months: None,
            warnings: Vec::new(),
        });
        read.push(LinkKind::Survey);
    }
    Ok(keep_unread(ev, old, &read))
}

/// The area from the request's names and codes file.
fn area_of(request: &EvidenceRequest) -> Result<Area, TableError> {
    let mut codes = Vec::new();
    if let Some(path) = &request.lsoa_codes {
        let text = crate::file::read_text(path).map_err(|e| TableError {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        codes = area::codes_from_text(&text);
        if codes.is_empty() {
            return Err(TableError {
                path: path.display().to_string(),
                message: "no LSOA codes (like E01015007) in it".to_owned(),
            });
        }
    }
    Ok(Area::new(&request.areas, &codes))
}

fn add_police(
    ev: &mut Evidence,
    path: &Path,
    area: &Area,
    now: &str,
    progress: &Progress,
) -> Result<(), TableError> {
    if area.is_empty() {
        return Err(TableError {
            path: path.display().to_string(),
            message:
                "choose the area: a local authority name (--area Plymouth) or a file of LSOA codes"
                    .to_owned(),
        });
    }
    let p = police::read_police(path, area, progress)?;
    ev.sources.push(DataSource {
        kind: LinkKind::Police,
        name: name_of(path),
        read_at: now.to_owned(),
        rows: p.rows,
        left_out: p.left_out,
        months: p.covered.first().copied().zip(p.covered.last().copied()),
        warnings: p.warnings,
    });
    let covered = |months| Series {
        months,
        covered: p.covered.clone(),
        years: std::collections::BTreeMap::new(),
    };
    for (kind, months) in p.counts {
        ev.series.insert((LinkKind::Police, kind), covered(months));
    }
    // A type with no rows in the area is zero, not missing.
    for kind in crate::model::evidence::links::POLICE_TYPES {
        ev.series
            .entry((LinkKind::Police, kind.to_owned()))
            .or_insert_with(|| covered(std::collections::BTreeMap::new()));
    }
    Ok(())
}

fn add_counts(
    ev: &mut Evidence,
    path: &Path,
    areas: &[String],
    now: &str,
    progress: &Progress,
) -> Result<(), TableError> {
    let table = read_path_with(path, None, progress)?;
    let c = counts::read_counts(&table, &path.display().to_string(), areas)?;
    let months = c.series.values().flat_map(|s| s.covered.iter().copied());
    let (first, last) = (months.clone().min(), months.max());
    ev.sources.push(DataSource {
        kind: LinkKind::Counts,
        name: name_of(path),
        read_at: now.to_owned(),
        rows: c.rows,
        left_out: c.left_out,
        months: first.zip(last),
        warnings: c.warnings,
    });
    for (name, series) in c.series {
        if ev
            .series
            .insert((LinkKind::Counts, name.clone()), series)
            .is_some()
        {
            return Err(TableError {
                path: path.display().to_string(),
                message: format!("{name} is also in another counts table; give each category once"),
            });
        }
    }
    Ok(())
}

/// Adds to `new` what `old` had of the kinds not read this time.
fn keep_unread(mut new: Evidence, old: &Evidence, read: &[LinkKind]) -> Evidence {
    let kept = |k: LinkKind| !read.contains(&k);
    let mut sources: Vec<DataSource> = old
        .sources
        .iter()
        .filter(|s| kept(s.kind))
        .cloned()
        .collect();
    sources.append(&mut new.sources);
    new.sources = sources;
    for (key, s) in &old.series {
        if kept(key.0) {
            new.series.entry(key.clone()).or_insert_with(|| s.clone());
        }
    }
    if kept(LinkKind::Survey) {
        new.survey.clone_from(&old.survey);
    }
    new
}
