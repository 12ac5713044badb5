//! Finds where something is in a file's text, so that checks made after parsing (an unknown
//! factor, a duplicate id) can still name a line and column.
//!
//! The search is textual: each fragment is looked for after the previous one, so
//! `["themes:", "\"asb\"", "\"physical\""]` finds factor "physical" inside theme "asb".
//! If a fragment is not found, the place of the last one found is used.

/// Text with a fast byte-offset → line/column mapping.
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Indexes the text.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, line_starts }
    }

    /// The 1-based line and column of the last fragment found, searching each after the one before.
    pub fn find<S: AsRef<str>>(&self, fragments: &[S]) -> Option<(usize, usize)> {
        let mut from = 0;
        let mut found = None;
        for frag in fragments {
            let frag = frag.as_ref();
            if let Some(i) = self.text.get(from..).and_then(|rest| rest.find(frag)) {
                found = Some(from + i);
                from += i + frag.len();
            }
        }
        found.map(|offset| self.line_col(offset))
    }

    /// The 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::Locator;

    #[test]
    fn finds_fragments_in_order() {
        let text = "a: 1\nthemes: [\n  (id: \"x\",\n   f: \"p\"),\n  (id: \"y\", f: \"p\"),\n]";
        let loc = Locator::new(text);
        for (frags, want) in [
            (vec!["themes:"], Some((2, 1))),
            (vec!["themes:", "\"y\"", "\"p\""], Some((5, 16))),
            (vec!["themes:", "\"x\"", "\"p\""], Some((4, 7))),
            (vec!["themes:", "\"zzz\""], Some((2, 1))),
            (vec!["nothing"], None),
        ] {
            assert_eq!(loc.find(&frags), want, "{frags:?}");
        }
    }
}
