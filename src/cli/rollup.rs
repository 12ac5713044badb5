//! `trh rollup`: several partnerships' scorecards side by side. Files are read in parallel; a
//! file that does not load is named with its error and the roll-up goes on without it; the
//! same scorecard given twice is refused.

use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::file::rollup_file::{MAX_FILES, ThemeRef};
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
    /// Also write the roll-up as an Excel workbook.
    #[arg(long, value_name = "OUT.xlsx")]
    pub xlsx: Option<PathBuf>,
    /// Match two themes by hand: FILE:ID=FILE:ID (a scorecard as given, or its file name).
    #[arg(long = "match", value_name = "A:ID=B:ID")]
    pub matches: Vec<String>,
    /// Keep a theme out of every automatic match: FILE:ID.
    #[arg(long = "split", value_name = "FILE:ID")]
    pub splits: Vec<String>,
    /// Save the scorecards and the hand matches and splits as a roll-up file (give that one
    /// file instead of the scorecards next time).
    #[arg(long, value_name = "FILE.rollup.ron")]
    pub save: Option<PathBuf>,
}

/// The scorecards, the hand matches and the splits.
type Plan = (Vec<PathBuf>, Vec<(ThemeRef, ThemeRef)>, Vec<ThemeRef>);

/// The scorecards, matches and splits: from a roll-up file given alone, plus the arguments.
fn plan(args: &RollupArgs) -> anyhow::Result<Plan> {
    let theme_ref = |text: &str| -> anyhow::Result<ThemeRef> {
        let (file, id) = text
            .rsplit_once(':')
            .ok_or_else(|| anyhow::anyhow!("\"{text}\": write FILE:ID"))?;
        Ok(ThemeRef {
            scorecard: file.to_owned(),
            theme: id.to_owned(),
        })
    };
    let mut matches = Vec::new();
    for m in &args.matches {
        let (a, b) = m
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--match {m}: write FILE:ID=FILE:ID"))?;
        matches.push((theme_ref(a)?, theme_ref(b)?));
    }
    let mut splits: Vec<ThemeRef> = args
        .splits
        .iter()
        .map(|s| theme_ref(s))
        .collect::<anyhow::Result<_>>()?;
    let single = args.files.len() == 1 && args.files[0].to_string_lossy().ends_with(".rollup.ron");
    if !single {
        return Ok((args.files.clone(), matches, splits));
    }
    let file = crate::file::rollup_file::load_rollup(&args.files[0])?;
    let paths = file.paths(&args.files[0]);
    let dir = args.files[0].parent().unwrap_or_else(|| Path::new(""));
    let listed = |r: ThemeRef| ThemeRef {
        scorecard: dir.join(&r.scorecard).display().to_string(),
        ..r
    };
    matches.extend(
        file.matches
            .into_iter()
            .map(|(a, b)| (listed(a), listed(b))),
    );
    splits.extend(file.splits.into_iter().map(listed));
    Ok((paths, matches, splits))
}

/// Where a theme reference points among the loaded scorecards.
fn place(r: &ThemeRef, cards: &[(&PathBuf, Scorecard)]) -> anyhow::Result<(usize, usize)> {
    let same = |p: &Path| {
        p == Path::new(&r.scorecard)
            || p.file_name()
                .is_some_and(|n| n.to_string_lossy() == r.scorecard)
            || p.canonicalize().ok() == Path::new(&r.scorecard).canonicalize().ok()
    };
    let (i, (_, card)) = cards
        .iter()
        .enumerate()
        .find(|(_, (p, _))| same(p))
        .ok_or_else(|| anyhow::anyhow!("{}: not one of the scorecards rolled up", r.scorecard))?;
    let t = card
        .themes
        .iter()
        .position(|t| t.id.as_str() == r.theme)
        .ok_or_else(|| anyhow::anyhow!("{} has no theme \"{}\"", r.scorecard, r.theme))?;
    Ok((i, t))
}

/// Runs `trh rollup`.
pub fn run(args: &RollupArgs) -> anyhow::Result<()> {
    let (files, matches, splits) = plan(args)?;
    if files.len() > MAX_FILES {
        bail!(
            "{} scorecards; trh rolls up at most {MAX_FILES} at once",
            files.len()
        );
    }
    crate::file::rollup_file::refuse_the_same_twice(&files).map_err(|e| anyhow::anyhow!(e))?;
    let loaded = crate::file::load_scorecards(&files);
    let mut cards = Vec::new();
    for (path, r) in files.iter().zip(loaded) {
        match r {
            Ok(card) => cards.push((path, card)),
            Err(e) => eprintln!("left out {}: {e}", path.display()),
        }
    }
    if cards.len() < 2 {
        bail!("fewer than two scorecards could be read: nothing to put side by side");
    }
    let hand = crate::model::rollup::Hand {
        matches: matches
            .iter()
            .map(|(a, b)| Ok((place(a, &cards)?, place(b, &cards)?)))
            .collect::<anyhow::Result<_>>()?,
        splits: splits
            .iter()
            .map(|s| place(s, &cards))
            .collect::<anyhow::Result<_>>()?,
    };
    if let Some(out) = &args.save {
        save(out, &cards, &hand)?;
    }
    let named: Vec<(String, &Scorecard)> = cards
        .iter()
        .map(|(p, c)| (crate::file::rollup_file::column_name(c, p), c))
        .collect();
    let r = rollup(&named, &hand);
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
    if let Some(out) = &args.xlsx {
        let bytes = crate::export::rollup::workbook(&r)?;
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

/// Saves the roll-up file: the scorecards relative to it, and the hand matches and splits.
fn save(
    out: &Path,
    cards: &[(&PathBuf, Scorecard)],
    hand: &crate::model::rollup::Hand,
) -> anyhow::Result<()> {
    let cards: Vec<(&Path, &Scorecard)> = cards.iter().map(|(p, c)| (p.as_path(), c)).collect();
    let file = crate::file::rollup_file::file_of(out, &cards, hand);
    crate::file::rollup_file::save_rollup(&file, out)?;
    eprintln!("saved {}", out.display());
    Ok(())
}
