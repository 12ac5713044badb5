//! Finding a small table's heading row and columns by what they are called.

use crate::import::table::{Row, Table};

/// Where the headings are and which column each wanted heading is in.
pub struct Headings {
    /// The heading row's index in the table.
    pub row: usize,
    /// The column of each wanted heading, in the order asked.
    pub at: Vec<Option<usize>>,
}

/// The cell text, or "" past the row's end.
pub fn cell(row: &Row, i: usize) -> &str {
    row.cells.get(i).map_or("", String::as_str)
}

fn key(text: &str) -> String {
    text.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first of the first ten rows where the first `needed` of `wanted` (each a list of
/// names, matched whole, ignoring case, spacing and `_`/`-`) are all found.
pub fn find_headings(table: &Table, wanted: &[&[&str]], needed: usize) -> Option<Headings> {
    table.rows.iter().take(10).enumerate().find_map(|(r, row)| {
        let keys: Vec<String> = row.cells.iter().map(|c| key(c)).collect();
        let mut used = vec![false; keys.len()];
        let at: Vec<Option<usize>> = wanted
            .iter()
            .map(|names| {
                let i = names.iter().find_map(|n| {
                    keys.iter()
                        .enumerate()
                        .position(|(i, k)| !used[i] && k == n)
                })?;
                used[i] = true;
                Some(i)
            })
            .collect();
        at.iter()
            .take(needed)
            .all(Option::is_some)
            .then_some(Headings { row: r, at })
    })
}
