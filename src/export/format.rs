//! The file formats trh exports, with their endings and descriptions.

/// The file formats trh exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    /// The ranking as RFC 4180 CSV (the columns of `trh rank --format csv`).
    Csv,
    /// An Excel workbook: ranking, factors, decisions, participants and the method.
    Xlsx,
    /// The ranked priority list with decisions and rationales, for a board paper.
    Md,
    /// One self-contained HTML report, ready to print on A4.
    Html,
    /// The board paper as a PDF (A4), made without a browser.
    Pdf,
    /// A chart as a PNG picture.
    Png,
    /// A chart as an SVG drawing.
    Svg,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Html,
        Self::Pdf,
        Self::Xlsx,
        Self::Csv,
        Self::Md,
        Self::Png,
        Self::Svg,
    ];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Md => "md",
            Self::Html => "html",
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }

    /// The file ending, as a list (for file choosers).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Csv => &["csv"],
            Self::Xlsx => &["xlsx"],
            Self::Md => &["md"],
            Self::Html => &["html"],
            Self::Pdf => &["pdf"],
            Self::Png => &["png"],
            Self::Svg => &["svg"],
        }
    }

    /// What the format is for, for the export dialog.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Csv => "CSV: the ranking table",
            Self::Xlsx => "Excel workbook: ranking, factors, decisions, participants, method",
            Self::Md => "Markdown: the ranked priority list for a board paper",
            Self::Html => "HTML report: everything, self-contained, prints on A4",
            Self::Pdf => "PDF board paper: summary, ranked list, chart and themes, on A4",
            Self::Png => "PNG picture of a chart",
            Self::Svg => "SVG drawing of a chart",
        }
    }

    /// True for the chart formats.
    pub fn is_chart(self) -> bool {
        matches!(self, Self::Png | Self::Svg)
    }
}
