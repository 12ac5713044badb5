//! Rules for text that goes on one line: names, titles and the protective marking end up in
//! CSV cells, the workbook's print header and footer, the report banner and the window title,
//! where a line break or other control character breaks them. And the marking itself, checked
//! against the UK Government Security Classifications.

/// What is wrong with `text` as one line, if anything: its first line break, tab or other
/// control character (including the Unicode line and paragraph separators).
///
/// ```
/// use trh::model::text::one_line_problem;
/// assert_eq!(one_line_problem("Modern slavery"), None);
/// assert_eq!(one_line_problem("OFFICIAL\n=HYPERLINK(1)").as_deref(), Some("a line break"));
/// ```
pub fn one_line_problem(text: &str) -> Option<String> {
    let c = text
        .chars()
        .find(|&c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))?;
    Some(match c {
        '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => "a line break".to_owned(),
        '\r' => "a carriage return".to_owned(),
        '\t' => "a tab".to_owned(),
        c => format!("the control character U+{:04X}", u32::from(c)),
    })
}

/// `text` on one line: every control character (line breaks and tabs included) becomes a
/// space, runs of spaces become one, and the ends are trimmed. For spreadsheet cells, where a
/// line break inside a name is common (Alt+Enter in Excel).
pub fn on_one_line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The UK Government Security Classifications, longest first so that OFFICIAL-SENSITIVE is
/// not read as OFFICIAL.
pub const CLASSIFICATIONS: [&str; 4] = ["OFFICIAL-SENSITIVE", "TOP SECRET", "OFFICIAL", "SECRET"];

/// Why a marking is not a UK Government Security Classification, if it is not: one of
/// [`CLASSIFICATIONS`] (in capitals), alone or followed by descriptors (`OFFICIAL-SENSITIVE:
/// PERSONAL`, `OFFICIAL-SENSITIVE [COMMERCIAL]`, `SECRET - UK EYES ONLY`). Anything else is
/// printed as written, with this warning, never silently.
///
/// ```
/// use trh::model::text::marking_warning;
/// assert_eq!(marking_warning("OFFICIAL-SENSITIVE: PERSONAL"), None);
/// assert!(marking_warning("Official sensitive").is_some());
/// ```
pub fn marking_warning(marking: &str) -> Option<String> {
    let m = marking.trim();
    let known = CLASSIFICATIONS.iter().any(|c| match m.strip_prefix(c) {
        Some("") => true,
        Some(rest) => rest.starts_with([' ', ':', '-', '\u{2013}', '[', '(', '/']),
        None => false,
    });
    (!known).then(|| {
        format!(
            "the marking \"{m}\" is not a UK Government Security Classification (OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET, optionally followed by descriptors); it is printed as written"

        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markings_are_checked_against_the_classifications() {
        for ok in [
            "OFFICIAL",
            "OFFICIAL-SENSITIVE",
            "OFFICIAL-SENSITIVE: PERSONAL",
            "OFFICIAL-SENSITIVE [COMMERCIAL]",
            "SECRET",
            "TOP SECRET - UK EYES ONLY",
            " OFFICIAL ",
        ] {
            assert_eq!(marking_warning(ok), None, "{ok}");
        }
        for bad in [
            "",
            "Official",
            "OFFICIALLY",
            "RESTRICTED",
            "PROTECT",
            "NOT PROTECTIVELY MARKED",
            "OFFICIAL\n=HYPERLINK(1)",
        ] {
            assert!(marking_warning(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn one_line_text_names_the_problem_and_can_be_cleaned() {
        assert_eq!(one_line_problem("a\tb").as_deref(), Some("a tab"));
        assert_eq!(
            one_line_problem("a\u{2028}b").as_deref(),
            Some("a line break")
        );
        assert_eq!(
            one_line_problem("a\u{7}b").as_deref(),
            Some("the control character U+0007")
        );
        assert_eq!(
            on_one_line(" Child sexual\r\nexploitation\t "),
            "Child sexual exploitation"
        );
    }
}
