//! A spreadsheet as read, whatever the file was: rows of cell text, each with its line in the
//! file, and a read's progress (which the window shows and may cancel) and errors. CSV
//! (`csv_file.rs`) and workbooks (`table.rs`) both read into these.

/// One row of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line (CSV) or row number (spreadsheet).
    pub line: u64,
    /// The cells, as text.
    pub cells: Vec<String>,
}

/// A spreadsheet's rows, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Rows in file order (blank rows included, so line numbers stay true).
    pub rows: Vec<Row>,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// For CSV: the text encoding it was read in ("UTF-8", "UTF-16LE", "windows-1252", ...).
    pub encoding: Option<&'static str>,
    /// For CSV: the separator found (`,`, `;` or a tab).
    pub delimiter: Option<char>,
}

impl Table {
    /// How the file was read, for the import summary: the sheet, or the CSV's encoding and
    /// separator.
    pub fn read_as(&self) -> String {
        if let Some(sheet) = &self.sheet {
            return format!("sheet \"{sheet}\"");
        }
        let sep = match self.delimiter {
            Some(';') => "semicolon-separated",
            Some('\t') => "tab-separated",
            _ => "comma-separated",
        };
        format!("{}, {sep}", self.encoding.unwrap_or("UTF-8"))
    }
}

/// A file could not be read as a table.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct TableError {
    /// The file.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// How far a read has got, and a way to stop it: shared between the thread that reads and the
/// window that shows the count and a Cancel button.
#[derive(Debug, Default)]
pub struct Progress {
    rows: std::sync::atomic::AtomicUsize,
    cancelled: std::sync::atomic::AtomicBool,
}

impl Progress {
    /// Rows read so far.
    pub fn rows(&self) -> usize {
        self.rows.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Asks the read to stop; it ends with an error saying so, and nothing is imported.
    pub fn cancel(&self) {
        self.cancelled
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// True once cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Records `rows` read; an error if the read was cancelled.
    pub(super) fn at(&self, rows: usize) -> Result<(), String> {
        self.rows.store(rows, std::sync::atomic::Ordering::Relaxed);
        if self.is_cancelled() {
            Err(CANCELLED.to_owned())
        } else {
            Ok(())
        }
    }
}

/// The message of a cancelled read.
pub const CANCELLED: &str = "the read was cancelled; nothing was imported";
