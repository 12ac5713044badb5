//! Everything a lead hands on: the ranking as CSV, an Excel workbook, a Markdown list for a
//! board paper, a self-contained HTML report, and the charts as PNG or SVG. The app (File →
//! Export…) and `trh export` both call [`export`], so the files are the same either way.
//!
//! Two promises hold for every format:
//! - **the protective marking travels**: a first row in CSV, a note on every sheet and in the
//!   printed header of the workbook, the top and bottom of the Markdown and of every printed
//!   page of the report, and a caption under every chart;
//! - **exports are safe to open**: a text cell that a spreadsheet would read as a formula
//!   (`=`, `+`, `-`, `@`, tab, carriage return) is prefixed with `'` in CSV and written as a
//!   plain string in XLSX.

mod evidence;
mod format;
mod html;
mod html_board;
mod html_method;
pub use html_method::band_range;
mod markdown;
mod pdf;
mod pdf_paper;
pub mod rollup;
mod stability;
mod tables;
mod xlsx;
mod xlsx_sheet;

use std::path::Path;

use crate::chart::Palette;
use crate::chart::{ChartKind, ChartOptions, Figure};
use crate::document::Figures;
use crate::look::Look;
use crate::model::{Ranking, Scorecard};

pub use format::ExportFormat;
pub use tables::{FactorRow, factor_rows, participants_by_agency};

/// Which chart a PNG or SVG export draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ChartChoice {
    /// Themes ranked by risk.
    Ranked,
    /// The risk matrix.
    Matrix,
    /// Partnership position against risk.
    Position,
    /// How often each theme took each rank when the room was resampled.
    Acceptability,
    /// One theme's votes (strip plot) in its latest round.
    Votes,
    /// One theme's monthly counts from the partnership's data.
    Counts,
}

impl ChartChoice {
    /// Every chart, in menu order.
    pub const ALL: [Self; 6] = [
        Self::Ranked,
        Self::Matrix,
        Self::Position,
        Self::Acceptability,
        Self::Votes,
        Self::Counts,
    ];

    /// The ranking chart drawn, or `None` for the votes plot.
    pub fn kind(self) -> Option<ChartKind> {
        match self {
            Self::Ranked => Some(ChartKind::RankedBar),
            Self::Matrix => Some(ChartKind::RiskMatrix),
            Self::Position => Some(ChartKind::PositionRisk),
            Self::Acceptability => Some(ChartKind::Acceptability),
            Self::Votes | Self::Counts => None,
        }
    }

    /// Whether the chart is of one theme (and needs `--theme`).
    pub fn of_one_theme(self) -> bool {
        matches!(self, Self::Votes | Self::Counts)
    }

    /// Name in menus.
    pub fn title(self) -> &'static str {
        match self {
            Self::Votes => "Votes on one theme",
            Self::Counts => "Monthly counts of one theme",
            _ => self.kind().map_or("", ChartKind::title),
        }
    }
}

impl From<ChartKind> for ChartChoice {
    fn from(kind: ChartKind) -> Self {
        match kind {
            ChartKind::RankedBar => Self::Ranked,
            ChartKind::RiskMatrix => Self::Matrix,
            ChartKind::PositionRisk => Self::Position,
            ChartKind::Acceptability => Self::Acceptability,
        }
    }
}

/// What to export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// The format.
    pub format: ExportFormat,
    /// For PNG and SVG: which chart.
    pub chart: ChartChoice,
    /// For PNG and SVG: the size in pixels.
    pub size: (u32, u32),
    /// For CSV: start with the UTF-8 byte-order mark (the default), so Excel, which reads a
    /// CSV without one in the local code page, shows "–" and accents correctly when the file
    /// is double-clicked. Python (`utf-8-sig`), pandas and `csv.DictReader` accept it; the
    /// header is still row 1.
    pub bom: bool,
    /// For CSV: a line with the marking alone above the header row (every row also has a
    /// marking column).
    pub marking_row: bool,
    /// For the votes chart: the theme (id or name).
    pub theme: Option<String>,
    /// For charts and the report: the cut line (candidate priorities are the top N).
    pub cut: usize,
    /// For PNG and SVG: the look (the app uses the one on screen, so the file matches what
    /// was projected).
    pub look: Look,
}

impl ExportRequest {
    /// A request with the usual settings for a format.
    pub fn new(format: ExportFormat) -> Self {
        Self {
            format,
            chart: ChartChoice::Ranked,
            size: (1600, 900),
            bom: true,
            marking_row: false,
            theme: None,
            cut: DEFAULT_CUT,
            look: Look::Light,
        }
    }
}

/// The default cut line: the top 5 themes are candidate priorities.
pub const DEFAULT_CUT: usize = crate::model::scorecard::DEFAULT_CUT;

/// An export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The votes and counts charts need a theme.
    #[error("this chart is of one theme: give --theme ID_OR_NAME")]
    NoTheme,
    /// The theme has no monthly counts to draw.
    #[error(
        "\"{0}\" has no counts from the partnership's data (read them with trh evidence, and link the theme)"
    )]
    NoCounts(String),
    /// No theme has that id or name.
    #[error("no theme has the id or name \"{0}\"")]
    UnknownTheme(String),
    /// Drawing failed.
    #[error(transparent)]
    Chart(#[from] crate::chart::ChartError),
    /// Building the workbook failed.
    #[error("cannot build the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// Writing text failed.
    #[error("cannot write the export: {0}")]
    Text(String),
}

/// Chart options for exports: the light look at 1:1, with the marking as caption.
pub fn chart_options(card: &Scorecard, cut: usize) -> ChartOptions {
    ChartOptions {
        cut,
        palette: Palette::for_look(Look::Light),
        scale: 1.0,
        selected: None,
        marking: card.marking.clone(),
    }
}

/// Makes the bytes of an export of `card`, working out the stability figures where the
/// format shows them.
pub fn export(card: &Scorecard, request: &ExportRequest) -> Result<Vec<u8>, ExportError> {
    export_with(card, request, None)
}

/// [`export`] with stability figures already worked out for this scorecard and cut (the
/// app's); they are worked out here when `None` or for another cut.
pub fn export_with(
    card: &Scorecard,
    request: &ExportRequest,
    figures: Option<&Figures>,
) -> Result<Vec<u8>, ExportError> {
    let ranking = crate::model::rank(card).with_cut(request.cut);
    let needs = matches!(
        request.format,
        ExportFormat::Md | ExportFormat::Html | ExportFormat::Pdf | ExportFormat::Xlsx
    ) || (request.format.is_chart() && request.chart == ChartChoice::Acceptability);
    let own;
    let figures = match figures.filter(|f| f.cut() == request.cut) {
        Some(f) => Some(f),
        None if needs => {
            own = Figures::of(card, request.cut);
            Some(&own)
        }
        None => None,
    };
    let text = |r: Result<String, anyhow::Error>| {
        r.map(String::into_bytes)
            .map_err(|e| ExportError::Text(e.to_string()))
    };
    match request.format {
        ExportFormat::Csv => {
            let mut bytes = if request.bom {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            let options = crate::report::rank_table::Options {
                top: None,
                marking_row: request.marking_row,
            };
            bytes.extend(text(crate::report::rank_table::csv(&ranking, options))?);
            Ok(bytes)
        }
        ExportFormat::Md | ExportFormat::Html | ExportFormat::Pdf | ExportFormat::Xlsx => {
            let f = figures.ok_or_else(|| ExportError::Text("no stability figures".into()))?;
            Ok(match request.format {
                ExportFormat::Md => markdown::markdown(card, &ranking, f).into_bytes(),
                ExportFormat::Html => html::report(card, &ranking, f)?.into_bytes(),
                ExportFormat::Pdf => pdf_paper::paper(card, &ranking, f)?,
                _ => xlsx::workbook(card, &ranking, f)?,
            })
        }
        ExportFormat::Png | ExportFormat::Svg => chart_bytes(card, &ranking, request, figures),
    }
}

fn chart_bytes(
    card: &Scorecard,
    ranking: &Ranking,
    request: &ExportRequest,
    figures: Option<&Figures>,
) -> Result<Vec<u8>, ExportError> {
    let mut options = chart_options(card, request.cut);
    options.palette = Palette::for_look(request.look);
    let theme = || {
        let key = request.theme.as_deref().ok_or(ExportError::NoTheme)?;
        card.find_theme(key)
            .ok_or_else(|| ExportError::UnknownTheme(key.to_owned()))
    };
    let counts;
    let figure = match (request.chart, request.chart.kind()) {
        (_, Some(kind)) => Figure::Chart {
            kind,
            ranking,
            method: &card.method,
            stability: figures.map(|f| &f.stability),
        },
        (ChartChoice::Counts, None) => {
            let t = theme()?;
            counts = card
                .figures(t)
                .counts
                .ok_or_else(|| ExportError::NoCounts(t.name.clone()))?;
            Figure::Series {
                title: &t.name,
                figures: &counts,
            }
        }
        _ => {
            let theme = theme()?;
            Figure::Votes {
                card,
                theme,
                // A hidden round's votes are not shown until the room has seen them.
                round: crate::model::workshop::latest_revealed_round(theme),
            }
        }
    };
    figure_bytes(&figure, &options, request.format, request.size)
}

/// The slope chart of rank movement as PNG or SVG bytes, captioned with the comparison's
/// marking (both years' markings when they differ).
pub fn slope_bytes(
    diff: &crate::model::diff::Diff,
    card: &Scorecard,
    format: ExportFormat,
    size: (u32, u32),
) -> Result<Vec<u8>, ExportError> {
    let mut options = chart_options(card, 0);
    options.marking.clone_from(&diff.marking);
    figure_bytes(&Figure::Slope { diff }, &options, format, size)
}

/// A figure as PNG or SVG bytes (any other format is drawn as SVG).
pub fn figure_bytes(
    figure: &Figure<'_>,
    options: &ChartOptions,
    format: ExportFormat,
    size: (u32, u32),
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ExportFormat::Png => crate::chart::render_png(figure, options, size)?,
        _ => crate::chart::render_svg(figure, options, size)?.into_bytes(),
    })
}

/// Writes an export to `path` atomically (a temporary file, then a rename), replacing any
/// earlier export there.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), crate::file::FileError> {
    crate::file::save::replace_atomic(path, bytes)
}

/// Escapes text for HTML and XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
