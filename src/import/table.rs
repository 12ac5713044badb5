//! Reading a spreadsheet into rows of text: CSV (any delimiter the `csv` crate reads with a
//! comma) or the first useful sheet of an Excel workbook (calamine). Each row keeps its line
//! in the file (the spreadsheet's row number), so every problem can name it.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader};

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

/// Reads CSV text.
pub fn read_csv<R: Read>(reader: R, path: &str) -> Result<Table, TableError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(reader);
    let mut rows = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| TableError {
            path: path.to_owned(),
            message: match e.position() {
                Some(p) => format!("line {}: cannot read this row: {e}", p.line()),
                None => format!("cannot read: {e}"),
            },
        })?;
        let line = record
            .position()
            .map_or(rows.len() as u64 + 1, |p| p.line());
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if line == 1
            && let Some(first) = cells.first_mut()
        {
            *first = first.trim_start_matches('\u{feff}').to_owned();
        }
        rows.push(Row { line, cells });
    }
    Ok(Table { rows, sheet: None })
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => crate::report::num(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Reads a sheet of a workbook: `sheet` if given, else one called "Scores" (as trh exports),
/// else the first sheet. A workbook that makes the reader panic (a hostile or corrupt file) is
/// reported as unreadable, never a crash.
pub fn read_xlsx(bytes: &[u8], path: &str, sheet: Option<&str>) -> Result<Table, TableError> {
    std::panic::catch_unwind(|| read_workbook(bytes, path, sheet)).unwrap_or_else(|_| {
        Err(TableError {
            path: path.to_owned(),
            message: "not a readable workbook (the file is damaged)".into(),
        })
    })
}

fn read_workbook(bytes: &[u8], path: &str, sheet: Option<&str>) -> Result<Table, TableError> {
    let err = |message: String| TableError {
        path: path.to_owned(),
        message,
    };
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| err(format!("not a readable workbook: {e}")))?;
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(s))
            .cloned()
            .ok_or_else(|| {
                err(format!(
                    "no sheet \"{s}\"; the sheets are: {}",
                    names.join(", ")
                ))
            })?,
        None => names
            .iter()
            .find(|n| n.eq_ignore_ascii_case("Scores"))
            .or_else(|| names.first())
            .cloned()
            .ok_or_else(|| err("the workbook has no sheets".into()))?,
    };
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| err(format!("cannot read sheet \"{name}\": {e}")))?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    let first_col = range.start().map_or(0, |(_, c)| c) as usize;
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut text: Vec<String> = vec![String::new(); first_col];
            text.extend(cells.iter().map(cell_text));
            Row {
                line: u64::from(first_row) + i as u64 + 1,
                cells: text,
            }
        })
        .collect();
    Ok(Table {
        rows,
        sheet: Some(name),
    })
}

/// Reads a `.csv`, `.xlsx`, `.xlsm`, `.xls` or `.ods` file, refusing files over trh's size limit.
pub fn read_path(path: &Path, sheet: Option<&str>) -> Result<Table, TableError> {
    let name = path.display().to_string();
    let err = |message: String| TableError {
        path: name.clone(),
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| err(format!("cannot read: {e}")))?
        .len();
    if size > crate::file::MAX_FILE_BYTES {
        return Err(err(format!(
            "the file is {size} bytes; trh refuses files over {} bytes",
            crate::file::MAX_FILE_BYTES
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| err(format!("cannot read: {e}")))?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => read_xlsx(&bytes, &name, sheet),
        _ => read_csv(bytes.as_slice(), &name),
    }
}
