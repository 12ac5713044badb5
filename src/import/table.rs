//! Reading a spreadsheet into rows of text: CSV (in `csv_file.rs`) or the first useful sheet
//! of an Excel workbook (calamine), within trh's limits on rows, cells and unpacked size. Each row keeps its line in the file (the
//! spreadsheet's row number), so every problem can name it.

use std::path::Path;

use calamine::{Data, Reader};

use super::csv_file::read_csv_bytes_with;
pub use super::csv_file::{decode, delimiter, read_csv, read_csv_bytes};
pub use super::sheet::{CANCELLED, Progress, Row, Table, TableError};

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

/// The most rows trh reads from a sheet (a scorecard of themes is a few hundred rows; a data
/// extract of a million rows is not a scorecard).
pub const MAX_ROWS: usize = 20_000;
/// The most cells trh reads from a sheet.
pub const MAX_CELLS: usize = 2_000_000;
/// The most a workbook may unpack to, all its parts together (a workbook is a zip of XML: a
/// few megabytes can unpack to gigabytes).
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// Refuses a zipped workbook (.xlsx, .xlsm, .ods) whose parts would unpack to more than
/// [`MAX_UNPACKED_BYTES`], before any part is unpacked. The sizes are the zip's own; the zip
/// reader stops at them, so a part that lies unpacks no further.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), String> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(()); // calamine says what is wrong with it
    };
    // The central directory's sizes; entry by entry when the archive streams them.
    let total = zip.decompressed_size().unwrap_or_else(|| {
        (0..zip.len())
            .filter_map(|i| zip.by_index_raw(i).ok().map(|f| u128::from(f.size())))
            .sum()
    });
    let total = u64::try_from(total).unwrap_or(u64::MAX);
    if total > MAX_UNPACKED_BYTES {
        return Err(format!(
            "the workbook unpacks to {} MB; trh reads workbooks of at most {} MB unpacked (is it a data extract rather than a scorecard?)",
            total / 1_000_000,
            MAX_UNPACKED_BYTES / 1_000_000
        ));
    }
    Ok(())
}

/// Reads a sheet of a workbook: `sheet` if given, else one called "Scores" (as trh exports),
/// else the first sheet. A workbook that makes the reader panic (a hostile or corrupt file) is
/// reported as unreadable, never a crash.
pub fn read_xlsx(bytes: &[u8], path: &str, sheet: Option<&str>) -> Result<Table, TableError> {
    read_xlsx_with(bytes, path, sheet, &Progress::default())
}

fn read_xlsx_with(
    bytes: &[u8],
    path: &str,
    sheet: Option<&str>,
    progress: &Progress,
) -> Result<Table, TableError> {
    let read = std::panic::AssertUnwindSafe(|| read_workbook(bytes, path, sheet, progress));
    std::panic::catch_unwind(read).unwrap_or_else(|_| {
        Err(TableError {
            path: path.to_owned(),
            message: "not a readable workbook (the file is damaged)".into(),
        })
    })
}

fn read_workbook(
    bytes: &[u8],
    path: &str,
    sheet: Option<&str>,
    progress: &Progress,
) -> Result<Table, TableError> {
    let err = |message: String| TableError {
        path: path.to_owned(),
        message,
    };
    check_unpacked_size(bytes).map_err(err)?;
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
    if let calamine::Sheets::Xlsx(xlsx) = &mut wb {
        // Streamed cell by cell, so an oversized sheet stops at the limit, not after it.
        let rows = xlsx_rows(xlsx, &name, progress).map_err(err)?;
        return Ok(Table {
            rows,
            sheet: Some(name),
            ..Table::default()
        });
    }
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| err(format!("cannot read sheet \"{name}\": {e}")))?;
    let (height, width) = range.get_size();
    if height > MAX_ROWS || height.saturating_mul(width) > MAX_CELLS {
        return Err(err(format!(
            "sheet \"{name}\" has {height} rows of {width} columns; trh imports at most {MAX_ROWS} rows ({MAX_CELLS} cells), so at most {MAX_ROWS} themes"
        )));
    }
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
        ..Table::default()
    })
}

/// The rows of an `.xlsx` sheet, read cell by cell and refused as soon as it passes
/// [`MAX_ROWS`] rows or [`MAX_CELLS`] cells. Rows keep their spreadsheet numbers; cells their
/// columns (from column A).
fn xlsx_rows<RS: std::io::Read + std::io::Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
    name: &str,
    progress: &Progress,
) -> Result<Vec<Row>, String> {
    let too_big = || {
        format!(
            "sheet \"{name}\" has more than {MAX_ROWS} rows or {MAX_CELLS} cells; trh imports at most {MAX_ROWS} rows, so at most {MAX_ROWS} themes"
        )
    };
    let mut reader = xlsx
        .worksheet_cells_reader(name)
        .map_err(|e| format!("cannot read sheet \"{name}\": {e}"))?;
    let mut cells: Vec<(u32, u32, String)> = Vec::new();
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| format!("cannot read sheet \"{name}\": {e}"))?
    {
        let (row, col) = cell.get_position();
        if row as usize > MAX_ROWS || col >= 16_384 || cells.len() >= MAX_CELLS {
            return Err(too_big());
        }
        if cells.len().is_multiple_of(1024) {
            progress.at(row as usize)?;
        }
        let value = Data::from(cell.get_value().clone());
        if value != Data::Empty {
            cells.push((row, col, cell_text(&value)));
        }
    }
    let Some(first) = cells.iter().map(|c| c.0).min() else {
        return Ok(Vec::new());
    };
    let last = cells.iter().map(|c| c.0).max().unwrap_or(first);
    let mut rows: Vec<Row> = (first..=last)
        .map(|r| Row {
            line: u64::from(r) + 1,
            cells: Vec::new(),
        })
        .collect();
    for (r, c, text) in cells {
        let row = &mut rows[(r - first) as usize].cells;
        let c = c as usize;
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        row[c] = text;
    }
    Ok(rows)
}

/// Reads a `.csv`, `.xlsx`, `.xlsm`, `.xls` or `.ods` file, refusing files over trh's size limit.
pub fn read_path(path: &Path, sheet: Option<&str>) -> Result<Table, TableError> {
    read_path_with(path, sheet, &Progress::default())
}

/// [`read_path`], counting rows into `progress` and stopping if it is cancelled.
pub fn read_path_with(
    path: &Path,
    sheet: Option<&str>,
    progress: &Progress,
) -> Result<Table, TableError> {
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
        "xlsx" | "xlsm" | "xls" | "ods" => read_xlsx_with(&bytes, &name, sheet, progress),
        _ => read_csv_bytes_with(&bytes, &name, progress),
    }
}
