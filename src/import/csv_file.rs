//! CSV as Excel really writes it: UTF-8 with or without a byte-order mark, UTF-16 with one,
//! else the Windows-1252 code page of "CSV (Comma delimited)" on a UK machine; separated by
//! commas, semicolons or tabs, found from the file.

use std::io::Read;

use super::sheet::{Progress, Row, Table, TableError};

/// Reads CSV from a reader (at most [`crate::file::MAX_FILE_BYTES`]), finding its encoding and
/// separator.
pub fn read_csv<R: Read>(reader: R, path: &str) -> Result<Table, TableError> {
    let mut bytes = Vec::new();
    let limit = crate::file::MAX_FILE_BYTES;
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| TableError {
            path: path.to_owned(),
            message: format!("cannot read: {e}"),
        })?;
    if bytes.len() as u64 > limit {
        return Err(TableError {
            path: path.to_owned(),
            message: format!("the file is over {limit} bytes; trh refuses larger files"),
        });
    }
    read_csv_bytes(&bytes, path)
}

/// The text of a CSV file and the encoding it was in: a byte-order mark names it (UTF-8,
/// UTF-16LE/BE); without one, UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what
/// Excel's "CSV (Comma delimited)" writes on a UK Windows machine).
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), encoding_rs::WINDOWS_1252.name())
        }
    }
}

/// The separator of CSV text: of comma, semicolon and tab, the one that splits the most of
/// the first lines into the same number of cells (quoted text is skipped); comma when none
/// does.
pub fn delimiter(text: &str) -> char {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let count = |line: &str, sep: char| {
        let mut quoted = false;
        line.chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                !quoted && c == sep
            })
            .count()
    };
    let mut best = (',', 0, 0);
    for sep in [',', ';', '\t'] {
        let mut tally: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for line in &lines {
            let n = count(line, sep);
            if n > 0 {
                *tally.entry(n).or_default() += 1;
            }
        }
        let (cells, lines_agreeing) = tally
            .into_iter()
            .max_by_key(|&(n, k)| (k, n))
            .unwrap_or((0, 0));
        if (lines_agreeing, cells) > (best.2, best.1) {
            best = (sep, cells, lines_agreeing);
        }
    }
    best.0
}

/// Reads CSV bytes: decoded (see [`decode`]) and split at the separator found (see
/// [`delimiter`]).
pub fn read_csv_bytes(bytes: &[u8], path: &str) -> Result<Table, TableError> {
    read_csv_bytes_with(bytes, path, &Progress::default())
}

pub(super) fn read_csv_bytes_with(
    bytes: &[u8],
    path: &str,
    progress: &Progress,
) -> Result<Table, TableError> {
    let (text, encoding) = decode(bytes);
    let sep = delimiter(&text);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .delimiter(sep as u8)
        .from_reader(text.as_bytes());
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
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        rows.push(Row { line, cells });
        if rows.len().is_multiple_of(256) {
            progress.at(rows.len()).map_err(|message| TableError {
                path: path.to_owned(),
                message,
            })?;
        }
    }
    Ok(Table {
        rows,
        sheet: None,
        encoding: Some(encoding),
        delimiter: Some(sep),
    })
}
