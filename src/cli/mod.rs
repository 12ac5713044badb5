//! The `trh` command line: argument definitions and dispatch. Each subcommand's work is in
//! `commands.rs`; errors become a message on stderr and exit code 1.

mod commands;
mod evidence;
mod live;
mod live_commands;
mod load;
mod ranking;
mod rollup;
mod window;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[cfg(feature = "gui")]
use crate::app::native::ShotView;
use crate::look::Look;
use crate::report::rank_table::Format;

/// trh: threat, risk & harm. Rank community-safety themes into priorities.
#[derive(Parser, Debug)]
#[command(name = "trh", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do. With no command, the desktop app opens (on FILE, else the last file used,
    /// else the bundled sample).
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// A scorecard (.ron) to open in the app.
    pub file: Option<PathBuf>,
    /// Run the app, save a screenshot of its window to this PNG and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// Window size for --screenshot, as WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", default_value = "1600x900", value_parser = parse_size, requires = "screenshot")]
    pub size: (u32, u32),
    /// What --screenshot shows.
    #[cfg(feature = "gui")]
    #[arg(long, value_enum, default_value_t = ShotView::Scorecard, requires = "screenshot")]
    pub view: ShotView,
    /// With --screenshot: show presenter mode (the first theme, votes revealed).
    #[arg(long, requires = "screenshot")]
    pub presenter: bool,
    /// With --screenshot: compare with this (last year's) scorecard and show the year-on-year view.
    #[arg(long, value_name = "OLD.ron", requires = "screenshot")]
    pub compare: Option<PathBuf>,
    /// With --screenshot: open the import dialog on this spreadsheet (.csv, .xlsx).
    #[arg(long, value_name = "SHEET", requires = "screenshot")]
    pub import: Option<PathBuf>,
    /// The look for --screenshot: light, dark or projector.
    #[arg(long, value_enum, default_value_t = Look::Light, requires = "screenshot")]
    pub look: Look,
}

/// Parses `1600x900`.
fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("\"{text}\" is not WIDTHxHEIGHT, e.g. 1600x900"))?;
    let n = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (200..=8000).contains(n))
            .ok_or_else(|| format!("\"{s}\" is not a size from 200 to 8000 pixels"))
    };
    Ok((n(w)?, n(h)?))
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum CliCommand {
    /// Rank the themes of a scorecard.
    ///
    /// Columns: rank, theme, harm, likelihood, risk, band, confidence, position, outcome,
    /// decision, flags, candidate (inside the cut line: yes, no or "yes (tied at cut)") and marking.
    /// Ties: equal risk is ordered by harm, then likelihood; themes equal on all three share
    /// a rank. Themes with a missing factor are listed last, unranked. A cut line that falls
    /// inside a tie is reported.
    Rank {
        /// The scorecard (.ron).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Show only the first N rows.
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        /// Candidate priorities: the top N (default: the cut saved in the scorecard).
        #[arg(long, value_name = "N")]
        cut: Option<usize>,
        /// For csv: put a line with the marking alone above the header row.
        #[arg(long)]
        marking_row: bool,
        /// For json: add each row's rank stability and the close calls (as the app shows them).
        #[arg(long)]
        stability: bool,
    },
    /// Show how one theme's scores were formed: every factor's level, points and source
    /// (agreed, votes or draft) with the spread of votes, then the totals, risk, band and outcome.
    Explain {
        /// The scorecard (.ron).
        file: PathBuf,
        /// Theme id or name.
        theme: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Check scorecards or method files. Exits 0 when every file is valid, else 1, listing every error.
    Validate {
        /// Files to check (.ron). Method files are recognised by their content.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Build a scorecard from a CSV or Excel file with a `theme` column and one column per
    /// factor id.
    ///
    /// A value can be a level code, a level label or a number (points). Optional columns:
    /// id, category, description, evidence, confidence, position.`<factor>`, decision
    /// (adopt, not-taken-forward, watching-brief) and decision_rationale. Values are imported
    /// as the analyst's drafts. Rows above the heading row (a title, the marking) are skipped.
    /// From a workbook, the sheet called "Scores" (as `trh export --format xlsx` writes it) is
    /// read, else the first sheet, unless --sheet names one.
    Import {
        /// The CSV or Excel (.xlsx, .xls, .ods) file.
        csv: PathBuf,
        /// For workbooks: the sheet to read.
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// A shipped method id (see `trh methods`) or a method file.
        #[arg(long, value_name = "NAME_OR_FILE")]
        method: String,
        /// Where to write the scorecard.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Title of the new scorecard (default: the CSV file's name).
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// Overwrite OUT if it exists (the old file is kept as OUT.bak).
        #[arg(long)]
        force: bool,
    },
    /// Export a scorecard: the ranking as CSV, an Excel workbook, a Markdown priority list,
    /// a self-contained HTML report, or a chart as PNG or SVG.
    ///
    /// The protective marking travels with every format; text that a spreadsheet would read
    /// as a formula is neutralised.
    Export {
        /// The scorecard (.ron).
        file: PathBuf,
        /// What to write.
        #[arg(long, value_enum)]
        format: crate::export::ExportFormat,
        /// For png and svg: which chart.
        #[arg(long, value_enum, default_value_t = crate::export::ChartChoice::Ranked)]
        chart: crate::export::ChartChoice,
        /// For png and svg: the size in pixels.
        #[arg(long, value_name = "WxH", default_value = "1600x900", value_parser = parse_size)]
        size: (u32, u32),
        /// For --chart votes: the theme (id or name).
        #[arg(long, value_name = "ID_OR_NAME")]
        theme: Option<String>,
        /// For png and svg: the look (as on screen).
        #[arg(long, value_enum, default_value_t = Look::Light)]
        look: Look,
        /// For csv: leave out the UTF-8 byte-order mark that a CSV file starts with by default
        /// (Excel reads a CSV without one in the local code page, garbling "–" and accents).
        #[arg(long)]
        no_bom: bool,
        /// For csv: start with a UTF-8 byte-order mark (now the default; kept for old scripts).
        #[arg(long, hide = true, conflicts_with = "no_bom")]
        bom: bool,
        /// For csv: put a line with the marking alone above the header row (a banner for
        /// people; tools then need to skip a line). Every row has a marking column anyway.
        #[arg(long)]
        marking_row: bool,
        /// Candidate priorities: the top N ranked themes (the cut line on charts, the report
        /// and the CSV's candidate column). Default: the cut saved in the scorecard.
        #[arg(long, value_name = "N")]
        cut: Option<usize>,
        /// Where to write it (replaced atomically if it exists).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Compare last year's scorecard with this year's: new, removed and renamed themes, rank
    /// and band movement, and every factor that changed, with its rationale.
    ///
    /// Themes are matched by id, then by name. A change of method (or method version) is
    /// flagged, so it is not mistaken for a change in the world.
    Diff {
        /// Last year's scorecard.
        old: PathBuf,
        /// This year's scorecard.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::report::diff::DiffFormat::Table)]
        format: crate::report::diff::DiffFormat,
        /// Also write the slope chart of rank movement (.png or .svg).
        #[arg(long, value_name = "OUT")]
        chart: Option<PathBuf>,
        /// Size of the slope chart.
        #[arg(long, value_name = "WxH", default_value = "1600x900", value_parser = parse_size)]
        size: (u32, u32),
    },
    /// How much the room's disagreement matters: each theme's rank interval and chance of
    /// staying a candidate priority when the room is resampled.
    ///
    /// Each run re-draws the room (a random weight per participant who voted, kept for every
    /// theme and factor) and ranks again. Columns: the point rank, the median rank, the 5th
    /// and 95th percentile ranks, p_top (share of runs inside the top N, 0 to 1) and p_band
    /// (share of runs keeping the band). The scheme is in docs/stability.md.
    Stability {
        /// The scorecard (.ron).
        file: PathBuf,
        /// Simulated runs.
        #[arg(long, value_name = "N", default_value_t = crate::model::stability::DEFAULT_RUNS)]
        runs: usize,
        /// The seed (the same file, seed and runs give the same figures anywhere).
        #[arg(long, value_name = "S", default_value_t = crate::model::stability::DEFAULT_SEED)]
        seed: u64,
        /// Candidate priorities: the top N (default: the scorecard's cut line, else 5).
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        /// Agreed factors: moved by the room's resampled spread (around-agreed), held
        /// (agreed-fixed), or ignored for the votes (as-voted).
        #[arg(long, value_enum, default_value_t = StabilityCentre::AroundAgreed)]
        centre: StabilityCentre,
        /// An assumption, off by default: at the least confident level each draft harm and
        /// likelihood factor moves one level (up or down) in half the runs; never at the most.
        #[arg(long)]
        confidence_widens: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::report::stability::StabilityFormat::Table)]
        format: crate::report::stability::StabilityFormat,
    },
    /// Close calls: the smallest change that would alter the top N or a theme's band, one
    /// plain sentence each, most fragile first.
    ///
    /// A change is one factor moved one level: by the fewest of the people who voted on it
    /// (close: up to 2), the agreed value, or the draft; for weighted-sum methods, one risk
    /// weight. Each sentence is checked by ranking again with the change made.
    CloseCalls {
        /// The scorecard (.ron).
        file: PathBuf,
        /// Candidate priorities: the top N (default: the scorecard's cut line, else 5).
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::report::close_calls::CloseCallsFormat::Table)]
        format: crate::report::close_calls::CloseCallsFormat,
    },
    /// Run live voting without a window: participants vote from their phones over the local
    /// network, straight into FILE.
    ///
    /// Prints `join: URL` (what the QR code holds) and `code: CODE` (the short room code),
    /// one per line, then serves until SIGINT or SIGTERM, saving FILE atomically about a
    /// second after votes arrive and on exit. Every vote is written to FILE.journal and
    /// flushed before the phone hears it is recorded; after a crash, starting again on FILE
    /// gets every such vote back. Type `help` on its standard input for the facilitator's
    /// commands (open, lock, reveal, release, assign, undo-device, new-code, status, stop).
    /// Plain HTTP: use a network the partnership controls. The API is in docs/live-api.md.
    Live {
        /// The scorecard (.ron); votes are saved into it.
        file: PathBuf,
        /// The address to listen on (default: this machine's Wi-Fi or wired address, else
        /// 127.0.0.1; never every address unless you ask for 0.0.0.0).
        #[arg(long, value_name = "ADDR")]
        bind: Option<std::net::IpAddr>,
        /// The port (0 picks a free one; `join:` shows it).
        #[arg(long, value_name = "N", default_value_t = 8787)]
        port: u16,
        /// Open this theme (id or name) for voting in a new round at start.
        #[arg(long, value_name = "THEME")]
        theme: Option<String>,
    },
    /// Rewrite scorecards in trh's canonical layout and upgrade old files to the newest format, after checking them.
    ///
    /// Useful after editing a file by hand, so later diffs stay small. A scorecard is written as
    /// the app saves it, its embedded method in the newest format; a method file keeps its
    /// comments and layout and only its `format:` number changes. Nothing ranks differently.
    /// The old file is kept as .bak.
    Fmt {
        /// Scorecards or method files to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Only check: exit 1 if any file is not in canonical layout, and change nothing.
        #[arg(long)]
        check: bool,
    },
    /// List the shipped methods.
    Methods {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Work with one method.
    Method {
        /// What to do.
        #[command(subcommand)]
        action: MethodAction,
    },
    /// Read the partnership's data (police.uk street-level crime, partners' counts tables,
    /// the residents' survey) and show, per theme, the figures and the levels they suggest
    /// beside the levels in force. --apply keeps the data and accepts the suggestions.
    Evidence(evidence::EvidenceArgs),
    /// Put several partnerships' scorecards side by side: per theme, each one's rank, band and
    /// priority status, and how widely it is a priority. Nothing is re-scored.
    Rollup(rollup::RollupArgs),
    /// Write the samples' illustrative data (police.uk street files, a partners' counts table,
    /// survey figures) to a folder, to try `trh evidence` on the bundled sample.
    SampleData {
        /// The folder to write into.
        out: PathBuf,
    },
    /// Write a synthetic scorecard for tests and benchmarks (deterministic for a seed).
    Generate {
        /// Number of themes.
        #[arg(long, value_name = "N")]
        themes: usize,
        /// Number of participants.
        #[arg(long, value_name = "M")]
        participants: usize,
        /// Random seed.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// Method id or file.
        #[arg(long, value_name = "NAME_OR_FILE", default_value = crate::methods::DEFAULT)]
        method: String,
        /// Where to write it.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// Subcommands of `trh method`.
#[derive(Subcommand, Debug)]
pub enum MethodAction {
    /// Print a method's RON (a shipped id or a file), ready to copy and edit.
    Show {
        /// A shipped method id or a method file.
        name: String,
    },
}

/// How `trh stability` centres agreed factors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StabilityCentre {
    /// Agreed values moved by the resampled median's shift.
    AroundAgreed,
    /// Agreed values held.
    AgreedFixed,
    /// Agreed values ignored: as voted.
    AsVoted,
}

/// Text for people or JSON for programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TextOrJson {
    /// Plain text.
    Text,
    /// JSON.
    Json,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e:#}");
            std::process::ExitCode::from(1)
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    if let Some(command) = cli.command {
        return commands::dispatch(command);
    }
    window::open_window(cli)
}

/// Writes to stdout, treating a closed pipe (`trh rank x | head`) as success.
pub fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
