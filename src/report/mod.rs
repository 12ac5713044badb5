//! Text outputs read from the one `Ranking`: the rank table in several formats and the
//! per-theme points breakdown.

pub mod board;
pub mod close_calls;
pub mod diff;
pub mod evidence;
pub mod explain;
pub mod log;
pub mod method_text;
pub mod rank_table;
pub mod rollup;
pub mod row;
pub mod stability;

/// Points as people say them: "1 pt", "3 pts", "2.5 pts".
pub fn pts(x: f64) -> String {
    if x == 1.0 {
        "1 pt".to_owned()
    } else {
        format!("{} pts", num(x))
    }
}

/// A number as people write it: whole numbers without decimals, others to two places.
pub fn num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Text for a Markdown table cell or list item: pipes escaped, on one line.
pub(crate) fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Pretty JSON with a final newline.
pub fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

/// Neutralises spreadsheet formula injection: a cell that begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return is prefixed with `'`, so Excel and LibreOffice show it as text.
///
/// ```
/// use trh::report::safe_cell;
/// assert_eq!(safe_cell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
/// assert_eq!(safe_cell("Modern slavery"), "Modern slavery");
/// ```
pub fn safe_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// A terminal table: aligned columns (cells wider than 60 characters are not padded to), under
/// the marking. `trh evidence` and `trh rollup` print through it.
pub(crate) fn aligned(marking: &str, head: &[String], body: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in body {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count().min(60));
        }
    }
    let line = |r: &[String]| {
        r.iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let mut out = format!("{marking}\n");
    out.push_str(&line(head));
    out.push('\n');
    for r in body {
        out.push_str(&line(r));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for (x, want) in [
            (3.0, "3"),
            (0.0, "0"),
            (2.5, "2.5"),
            (1.0 / 3.0, "0.33"),
            (102.0, "102"),
        ] {
            assert_eq!(num(x), want);
        }
    }

    #[test]
    fn formula_injection() {
        for (text, want) in [
            (
                "=HYPERLINK(\"http://example.invalid\",\"x\")",
                "'=HYPERLINK(\"http://example.invalid\",\"x\")",
            ),
            ("+cmd", "'+cmd"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-1+2", "'-1+2"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Domestic abuse", "Domestic abuse"),
            ("", ""),
        ] {
            assert_eq!(safe_cell(text), want);
        }
    }
}
