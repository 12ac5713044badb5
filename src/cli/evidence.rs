//! `trh evidence`: read the partnership's data into a scorecard's evidence, show the figures
//! and the levels they suggest, and (with --apply) save them and accept every suggestion.

use std::path::PathBuf;

use anyhow::Context;

use crate::document::Document;
use crate::import::evidence::{EvidenceRequest, read_evidence};
use crate::import::table::Progress;
use crate::model::Edit;
use crate::model::edit::evidence::accept_all;
use crate::report::evidence::{EvidenceFormat, render, rows};

/// The arguments of `trh evidence`.
#[derive(clap::Args, Debug)]
pub struct EvidenceArgs {
    /// The scorecard (.ron).
    pub file: PathBuf,
    /// A police.uk street-level crime download: the folder, the .zip or one
    /// YYYY-MM-<force>-street.csv.
    #[arg(long, value_name = "DIR|ZIP")]
    pub police: Option<PathBuf>,
    /// The local authority whose LSOAs make the area ("Plymouth" takes "Plymouth 001A" …);
    /// also the area of counts tables with an area column. Repeat for several.
    #[arg(long, value_name = "NAME")]
    pub area: Vec<String>,
    /// A file of LSOA codes (E01015007 …), one per line, choosing the area instead.
    #[arg(long, value_name = "FILE")]
    pub lsoa_codes: Option<PathBuf>,
    /// A partner's counts table (CSV or workbook): category, period, count [, area].
    /// Repeat for several.
    #[arg(long, value_name = "FILE")]
    pub counts: Vec<PathBuf>,
    /// Survey results (CSV or workbook).
    #[arg(long, value_name = "FILE")]
    pub survey: Option<PathBuf>,
    /// Residents of the area, for rates per 1,000.
    #[arg(long, value_name = "N")]
    pub population: Option<u64>,
    /// Link a theme to data: THEME=police.uk: TYPE, THEME=counts: CATEGORY or
    /// THEME=survey: ITEM (repeat for several; THEME=none for none, THEME=auto for the series
    /// named as the theme). THEME is its id or name.
    #[arg(long, value_name = "THEME=KIND: NAME")]
    pub link: Vec<String>,
    /// Save the data and links into the scorecard, changing no score. The old file is kept
    /// as .bak.
    #[arg(long)]
    pub save: bool,
    /// Save, and accept every suggested level as the draft (agreed values and votes are never
    /// touched).
    #[arg(long)]
    pub apply: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvidenceFormat::Table)]
    pub format: EvidenceFormat,
}

/// Runs `trh evidence`.
pub fn run(args: &EvidenceArgs) -> anyhow::Result<()> {
    let card = crate::file::load_scorecard(&args.file)?;
    let request = EvidenceRequest {
        police: args.police.clone(),
        areas: args.area.clone(),
        lsoa_codes: args.lsoa_codes.clone(),
        counts: args.counts.clone(),
        survey: args.survey.clone(),
        population: args.population,
    };
    let mut doc = Document::new(card, Some(args.file.clone()), "");
    let reading = request != EvidenceRequest::default();
    if reading {
        let now = doc.now();
        let evidence = read_evidence(&request, &doc.card.evidence, &now, &Progress::default())?;
        for s in evidence.sources.iter().filter(|s| s.read_at == now) {
            eprintln!(
                "read {} ({}): {} rows counted, {} outside the area{}",
                s.name,
                s.kind.name(),
                s.rows,
                s.left_out,
                s.months
                    .map(|(a, b)| format!(", {} to {}", a.text(), b.text()))
                    .unwrap_or_default()
            );
            for w in &s.warnings {
                eprintln!("  warning: {w}");
            }
        }
        doc.apply(
            &Edit::SetEvidence {
                evidence: std::sync::Arc::new(evidence),
            },
            None,
            "trh evidence",
        )
        .context("the evidence could not be kept")?;
    } else if doc.card.evidence.is_empty() {
        anyhow::bail!(
            "{} has no evidence yet: give --police DIR|ZIP --area NAME, --counts FILE or --survey FILE",
            args.file.display()
        );
    }
    for edit in link_edits(&doc.card, &args.link)? {
        doc.apply(&edit, None, "trh evidence")?;
    }
    if args.apply {
        let edits = accept_all(&doc.card);
        let who = "trh evidence";
        let refused = doc.apply_batch(edits.iter().map(|e| (e, who)));
        for r in &refused {
            eprintln!("not set: {}", r.error);
        }
        crate::file::save::save_scorecard(&doc.card, &args.file)?;
        eprintln!(
            "{} draft(s) set from data; saved {} (the old file is {}.bak)",
            edits.len() - refused.len(),
            args.file.display(),
            args.file.display()
        );
    } else if args.save {
        crate::file::save::save_scorecard(&doc.card, &args.file)?;
        eprintln!(
            "saved {} (the old file is {}.bak)",
            args.file.display(),
            args.file.display()
        );
    } else if reading || !args.link.is_empty() {
        eprintln!(
            "nothing saved: add --save to keep the data and links, or --apply to accept the suggestions too"
        );
    }
    print!("{}", render(&doc.card, &rows(&doc.card), args.format)?);
    Ok(())
}

/// The links given as `THEME=KIND: NAME`, as one edit per theme.
fn link_edits(card: &crate::model::Scorecard, given: &[String]) -> anyhow::Result<Vec<Edit>> {
    use crate::model::evidence::Link;
    let mut by_theme: Vec<(crate::model::ThemeId, Option<Vec<Link>>)> = Vec::new();
    for text in given {
        let (theme, link) = text.split_once('=').with_context(|| {
            format!("--link {text}: write THEME=police.uk: TYPE (or counts: …, survey: …)")
        })?;
        let t = card
            .find_theme(theme)
            .with_context(|| format!("--link {text}: there is no theme \"{}\"", theme.trim()))?;
        let entry = match by_theme.iter_mut().find(|(id, _)| *id == t.id) {
            Some(e) => e,
            None => {
                by_theme.push((t.id.clone(), Some(Vec::new())));
                by_theme.last_mut().context("just pushed")?
            }
        };
        match link.trim() {
            "auto" => entry.1 = None,
            "none" => entry.1 = Some(Vec::new()),
            l => {
                let link = Link::parse(l).with_context(|| {
                    format!("--link {text}: \"{l}\" is not police.uk: TYPE, counts: CATEGORY or survey: ITEM")
                })?;
                entry.1.get_or_insert_with(Vec::new).push(link);
            }
        }
    }
    Ok(by_theme
        .into_iter()
        .map(|(theme, links)| Edit::SetLinks { theme, links })
        .collect())
}
