//! The evidence dialog's form (what to read from the partnership's data) and the evidence
//! table's rows, worked out once per document generation.

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

use crate::import::evidence::EvidenceRequest;
use crate::report::evidence::EvidenceRow;

/// Which field of the form a file chooser fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The police.uk download as a folder.
    PoliceFolder,
    /// The police.uk download as a zip.
    PoliceZip,
    /// A file of LSOA codes.
    Codes,
    /// A partner's counts table (added to the list).
    Counts,
    /// The survey results.
    Survey,
}

impl Slot {
    /// The file endings offered (none: a folder).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::PoliceFolder => &[],
            Self::PoliceZip => &["zip", "csv"],
            Self::Codes => &["csv", "txt"],
            Self::Counts | Self::Survey => &["csv", "xlsx", "xlsm", "xls", "ods"],
        }
    }

    /// The chooser's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::PoliceFolder => "The police.uk download (its folder)",
            Self::PoliceZip => "The police.uk download (.zip)",
            Self::Codes => "A list of LSOA codes",
            Self::Counts => "A partner's counts table",
            Self::Survey => "Survey results",
        }
    }
}

/// The evidence dialog, while it is open: paths and the area as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct EvidenceForm {
    /// The police.uk download (folder, .zip or one street file).
    pub police: String,
    /// Local authority names, separated by commas.
    pub areas: String,
    /// A file of LSOA codes.
    pub codes: String,
    /// Counts tables, one per line.
    pub counts: String,
    /// Survey results.
    pub survey: String,
    /// Residents.
    pub population: String,
    /// What was wrong with the last attempt.
    #[serde(skip)]
    pub error: Option<String>,
}

impl EvidenceForm {
    /// Puts a chosen path in its field.
    pub fn fill(&mut self, slot: Slot, path: &std::path::Path) {
        let text = path.display().to_string();
        match slot {
            Slot::PoliceFolder | Slot::PoliceZip => self.police = text,
            Slot::Codes => self.codes = text,
            Slot::Survey => self.survey = text,
            Slot::Counts => {
                if !self.counts.trim().is_empty() {
                    self.counts.push('\n');
                }
                self.counts.push_str(&text);
            }
        }
    }

    /// What to read, or what is missing.
    pub fn request(&self) -> Result<EvidenceRequest, String> {
        let path = |s: &str| (!s.trim().is_empty()).then(|| PathBuf::from(s.trim()));
        let population = match self.population.trim().replace(',', "") {
            p if p.is_empty() => None,
            p => Some(p.parse::<u64>().map_err(|_| {
                format!(
                    "the population \"{}\" is not a whole number",
                    self.population.trim()
                )
            })?),
        };
        let request = EvidenceRequest {
            police: path(&self.police),
            areas: self
                .areas
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
            lsoa_codes: path(&self.codes),
            counts: self.counts.lines().filter_map(path).collect(),
            survey: path(&self.survey),
            population,
        };
        if request.police.is_none() && request.counts.is_empty() && request.survey.is_none() {
            return Err("choose the police.uk download, a counts table or survey results".into());
        }
        if request.police.is_some() && request.areas.is_empty() && request.lsoa_codes.is_none() {
            return Err("name the area (the local authority its LSOAs are named after, e.g. Plymouth) or give a file of LSOA codes".into());
        }
        Ok(request)
    }
}

/// The evidence table's rows for one generation of the document.
#[derive(Default)]
pub struct EvidenceRows(RefCell<Option<(u64, Arc<Vec<EvidenceRow>>)>>);

impl EvidenceRows {
    /// The rows of `doc`'s current generation, worked out the first time they are asked for.
    pub fn of(&self, doc: &crate::document::Document) -> Arc<Vec<EvidenceRow>> {
        let mut cached = self.0.borrow_mut();
        match cached.as_ref() {
            Some((g, rows)) if *g == doc.generation => Arc::clone(rows),
            _ => {
                let rows = Arc::new(crate::report::evidence::rows(&doc.card));
                *cached = Some((doc.generation, Arc::clone(&rows)));
                rows
            }
        }
    }
}
