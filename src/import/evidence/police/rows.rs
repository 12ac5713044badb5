//! Counting one street file's rows: the needed columns found by name, each row read into one
//! reused record, and only the area's rows counted.

use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{NEEDED, Tally, err};
use crate::import::evidence::area::Area;
use crate::import::table::{Progress, TableError};
use crate::model::evidence::Month;

/// A street file's CSV reader: the bytes read to look for a byte-order mark, then the rest.
type Rows<R> = csv::Reader<std::io::Chain<std::io::Cursor<Vec<u8>>, R>>;

/// A CSV reader over the file's bytes, a UTF-8 byte-order mark skipped; UTF-16 refused.
fn open_csv<R: Read>(mut reader: R, shown: &str) -> Result<Rows<R>, TableError> {
    let (bom, got) = head(&mut reader).map_err(|e| err(shown, format!("cannot read: {e}")))?;
    let skip = if bom[..got] == [0xEF, 0xBB, 0xBF] {
        3
    } else {
        0
    };
    if got >= 2 && (bom[..2] == [0xFF, 0xFE] || bom[..2] == [0xFE, 0xFF]) {
        return Err(err(
            shown,
            "the file is UTF-16; police.uk files are UTF-8 (save it as CSV UTF-8)".to_owned(),
        ));
    }
    let reader = std::io::Cursor::new(bom[skip..got].to_vec()).chain(reader);
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(reader))
}

/// The index of each needed column in a header.
fn columns(header: &csv::ByteRecord, shown: &str) -> Result<[usize; 4], TableError> {
    let names: Vec<String> = header
        .iter()
        .map(|c| String::from_utf8_lossy(c).trim().to_owned())
        .collect();
    let mut out = [0; 4];
    for (slot, want) in out.iter_mut().zip(NEEDED) {
        *slot = names.iter().position(|n| n.eq_ignore_ascii_case(want)).ok_or_else(|| {
            err(shown, format!("line 1: no column \"{want}\", so this is not a police.uk street file (its columns are: {})", names.join(", ")))
        })?;
    }
    Ok(out)
}

/// Counts one file's rows into the tally.
pub(super) fn count_file<R: Read>(
    reader: R,
    shown: &str,
    area: &Area,
    tally: &mut Tally,
    (rows, progress): (&AtomicUsize, &Progress),
) -> Result<(), TableError> {
    let mut csv = open_csv(reader, shown)?;
    let mut record = csv::ByteRecord::new();
    let line_err = |line: u64, e: String| err(shown, format!("line {line}: {e}"));
    if !csv
        .read_byte_record(&mut record)
        .map_err(|e| line_err(1, e.to_string()))?
    {
        return Err(err(shown, "the file is empty".to_owned()));
    }
    let [month_at, code_at, name_at, type_at] = columns(&record, shown)?;
    let width = record.len();
    let mut last_month: (Vec<u8>, Option<Month>) = (Vec::new(), None);
    let mut since = 0usize;
    while csv
        .read_byte_record(&mut record)
        .map_err(|e| line_err(e.position().map_or(0, csv::Position::line), e.to_string()))?
    {
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != width {
            if record.len() == 1 && record.get(0).is_some_and(<[u8]>::is_empty) {
                continue; // a blank line
            }
            return Err(line_err(
                line,
                format!("{} cells where the header has {width}", record.len()),
            ));
        }
        let field = |i: usize| record.get(i).unwrap_or_default();
        if !area.contains(field(name_at), field(code_at)) {
            tally.left_out += 1;
        } else {
            let m = field(month_at);
            if last_month.0 != m {
                last_month = (
                    m.to_vec(),
                    std::str::from_utf8(m).ok().and_then(Month::parse),
                );
            }
            let month = last_month.1.ok_or_else(|| {
                line_err(
                    line,
                    format!(
                        "\"{}\" is not a month (YYYY-MM)",
                        String::from_utf8_lossy(m)
                    ),
                )
            })?;
            let kind = tally
                .type_index(field(type_at))
                .map_err(|e| line_err(line, e))?;
            *tally.counts.entry((kind, month)).or_default() += 1;
            tally.rows += 1;
        }
        since += 1;
        if since == 1 << 15 {
            let done = rows.fetch_add(since, Ordering::Relaxed) + since;
            progress.at(done).map_err(|e| err(shown, e))?;
            since = 0;
        }
    }
    // At the end of every file too, so a download of small files shows its progress and
    // stops soon after Cancel.
    let done = rows.fetch_add(since, Ordering::Relaxed) + since;
    progress.at(done).map_err(|e| err(shown, e))
}

/// Reads up to three bytes, to look for a byte-order mark.
fn head<R: Read>(reader: &mut R) -> std::io::Result<([u8; 3], usize)> {
    let mut head = [0u8; 3];
    let mut got = 0;
    while got < 3 {
        match reader.read(&mut head[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok((head, got))
}

/// A crime type's name as police.uk spells it, whatever the case it was written in.
pub(super) fn crime_type(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    crate::model::evidence::links::POLICE_TYPES
        .iter()
        .find(|t| t.eq_ignore_ascii_case(text))
        .map_or_else(|| text.to_owned(), |t| (*t).to_owned())
}
