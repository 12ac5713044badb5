//! `trh rollup`: several partnerships' scorecards side by side. Files are read in parallel; a
//! file that does not load is named with its error and the roll-up goes on without it; the
//! same scorecard given twice is refused.

use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::model::Scorecard;
use crate::model::rollup::rollup;
use crate::report::rollup::{RollupFormat, render};

/// The arguments of `trh rollup`.
#[derive(clap::Args, Debug)]
pub struct RollupArgs {
    /// The partnerships' scorecards (.ron), 2 to 15.
    #[arg(required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
    /// Show only the first N themes (most widely a priority first).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Output format (html: a self-contained report with the chart).
    #[arg(long, value_enum, default_value_t = RollupFormat::Table)]
    pub format: RollupFormat,
    /// Also write the chart (themes against partnerships) to this .png or .svg.
    #[arg(long, value_name = "OUT")]
    pub chart: Option<PathBuf>,
}

/// The most scorecards rolled up at once.
pub const MAX_FILES: usize = 15;

fn name_of(card: &Scorecard, path: &Path) -> String {
    if card.area.trim().is_empty() {
        path.file_stem()
            .map_or_else(|| card.title.clone(), |s| s.to_string_lossy().into_owned())
    } else {
        card.area.clone()
    }
}

/// Runs `trh rollup`.
pub fn run(args: &RollupArgs) -> anyhow::Result<()> {
    if args.files.len() > MAX_FILES {
        bail!(
            "{} scorecards; trh rolls up at most {MAX_FILES} at once",
            args.files.len()
        );
    }
    for (i, a) in args.files.iter().enumerate() {
        for b in &args.files[i + 1..] {
            let same = match (a.canonicalize(), b.canonicalize()) {
                (Ok(x), Ok(y)) => x == y,
                _ => a == b,
            } || std::fs::read(a)
                .ok()
                .zip(std::fs::read(b).ok())
                .is_some_and(|(x, y)| x == y);
            if same {
                bail!(
                    "{} and {} are the same scorecard: give each partnership once",
                    a.display(),
                    b.display()
                );
            }
        }
    }
    let loaded = crate::file::load_scorecards(&args.files);
    let mut cards = Vec::new();
    for (path, r) in args.files.iter().zip(loaded) {
        match r {
            Ok(card) => cards.push((path, card)),
            Err(e) => eprintln!("left out {}: {e}", path.display()),
        }
    }
    if cards.len() < 2 {
        bail!("fewer than two scorecards could be read: nothing to put side by side");
    }
    let named: Vec<(String, &Scorecard)> = cards.iter().map(|(p, c)| (name_of(c, p), c)).collect();
    let r = rollup(&named, &[]);
    if let Some(out) = &args.chart {
        let svg = out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        let format = if svg {
            crate::export::ExportFormat::Svg
        } else {
            crate::export::ExportFormat::Png
        };
        let bytes = crate::export::rollup::chart(&r, format, 1600)?;
        crate::file::save::replace_atomic(out, &bytes)?;
        eprintln!("wrote {}", out.display());
    }
    if args.format == RollupFormat::Html {
        print!("{}", crate::export::rollup::html(&r)?);
    } else {
        print!("{}", render(&r, args.top, args.format)?);
    }
    Ok(())
}
