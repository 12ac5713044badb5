//! The partnership's area, as police.uk rows are chosen for it: LSOAs whose names begin with
//! the local authority's name ("Plymouth 001A"), or a list of LSOA codes.

use std::collections::HashSet;

/// The LSOAs of an area.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Area {
    /// Local authority names: an LSOA named "NAME 001A" is in the area.
    names: Vec<Vec<u8>>,
    /// LSOA codes, e.g. `E01015007`.
    codes: HashSet<Vec<u8>>,
}

impl Area {
    /// An area of the LSOAs named after these local authorities and these LSOA codes.
    pub fn new(names: &[String], codes: &[String]) -> Self {
        Self {
            names: names
                .iter()
                .map(|n| n.trim().as_bytes().to_vec())
                .filter(|n| !n.is_empty())
                .collect(),
            codes: codes
                .iter()
                .map(|c| c.trim().to_ascii_uppercase().into_bytes())
                .filter(|c| !c.is_empty())
                .collect(),
        }
    }

    /// Whether nothing chooses any row.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.codes.is_empty()
    }

    /// Whether a row with this LSOA name and code is in the area.
    pub fn contains(&self, name: &[u8], code: &[u8]) -> bool {
        (!self.codes.is_empty() && self.codes.contains(code.trim_ascii()))
            || self.names.iter().any(|n| named(name, n))
    }

    /// The area in words, for the evidence and its messages.
    pub fn text(&self) -> String {
        let mut parts: Vec<String> = self
            .names
            .iter()
            .map(|n| format!("LSOAs named {}", String::from_utf8_lossy(n)))
            .collect();
        if !self.codes.is_empty() {
            parts.push(format!("{} listed LSOA codes", self.codes.len()));
        }
        parts.join(" and ")
    }
}

/// Whether an LSOA name is the local authority's: "Plymouth 001A" for "Plymouth" (any case),
/// never "Plymouthshire 001A". Names that are not UTF-8 are read as Windows-1252.
fn named(lsoa: &[u8], authority: &[u8]) -> bool {
    let follows = |rest: &[u8]| rest.first() == Some(&b' ');
    if lsoa.len() > authority.len()
        && lsoa[..authority.len()].eq_ignore_ascii_case(authority)
        && follows(&lsoa[authority.len()..])
    {
        return true;
    }
    if lsoa.is_ascii() || std::str::from_utf8(lsoa).is_ok() {
        return false;
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(lsoa);
    let a = String::from_utf8_lossy(authority);
    text.len() > a.len()
        && text.is_char_boundary(a.len())
        && text[..a.len()].eq_ignore_ascii_case(&a)
        && follows(&text.as_bytes()[a.len()..])
}

/// LSOA codes from a file's text: the first cell of each line that looks like a code
/// (`E01…`, `W01…`), so a header or a second column does no harm.
pub fn codes_from_text(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.split([',', ';', '\t']).next())
        .map(|c| c.trim().trim_matches('"').to_ascii_uppercase())
        .filter(|c| {
            c.len() == 9
                && c.as_bytes()[0].is_ascii_alphabetic()
                && c[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_lsoa_is_in_the_area_by_its_authority_name_or_its_code() {
        let area = Area::new(&["Plymouth".into()], &["E01099999".into()]);
        assert!(area.contains(b"Plymouth 001A", b"E01015007"));
        assert!(area.contains(b"PLYMOUTH 001A", b""));
        assert!(!area.contains(b"Plymouthshire 001A", b"E01000001"));
        assert!(!area.contains(b"Plymouth", b""));
        assert!(!area.contains(b"South Hams 001A", b"E01000002"));
        assert!(area.contains(b"South Hams 001A", b" E01099999 "));
        // Windows-1252 "Ynys Môn 001A" for an authority written in UTF-8.
        let welsh = Area::new(&["Ynys Môn".into()], &[]);
        assert!(welsh.contains(b"Ynys M\xf4n 001A", b""));
        assert!(welsh.contains("Ynys Môn 002B".as_bytes(), b""));
    }

    #[test]
    fn codes_are_read_from_a_list_with_a_header() {
        let codes =
            codes_from_text("LSOA code,name\nE01015007,Plymouth 001A\n\"W01000001\"\nnot a code\n");
        assert_eq!(codes, ["E01015007", "W01000001"]);
    }
}
