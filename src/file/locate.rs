//! Finds where something is in a file's text, so that checks made after parsing (an unknown
//! factor, a duplicate id) can still name a line and column.
//!
//! The search is textual: each fragment is looked for after the previous one, so
//! `["themes:", "\"asb\"", "\"physical\""]` finds factor "physical" inside theme "asb".
//! If a fragment is not found, the place of the last one found is used.
//!
//! A field name (a fragment such as `bands:`, an identifier and a colon) is matched only in
//! the code, never inside a string or a comment, and only as a whole word, so the word
//! "bands" in a method's provenance text is not taken for its `bands:` field. As the first
//! fragment, a field name matches where it is least deeply nested: the method's own
//! `bands:`, not a lookup rule's.

/// Text with a fast byte-offset → line/column mapping.
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Where each field name first occurs least deeply nested: most problems start their
    /// chain with the same few fields, so each is walked for once, not once per problem.
    shallowest: std::cell::RefCell<std::collections::HashMap<String, Option<usize>>>,
    /// The last search: each fragment with where the search stood after it.
    last: std::cell::RefCell<Vec<(String, usize, Option<usize>)>>,
}

impl<'a> Locator<'a> {
    /// Indexes the text.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            text,
            line_starts,
            shallowest: std::cell::RefCell::default(),
            last: std::cell::RefCell::default(),
        }
    }

    /// The 1-based line and column of the last fragment found, searching each after the one before.
    pub fn find<S: AsRef<str>>(&self, fragments: &[S]) -> Option<(usize, usize)> {
        self.find_offset(fragments)
            .map(|offset| self.line_col(offset))
    }

    /// The byte offset of the last fragment found, searching each after the one before.
    pub fn find_offset<S: AsRef<str>>(&self, fragments: &[S]) -> Option<usize> {
        // Resume after the fragments this search shares with the one before: problems come
        // in file order, and the n-th duplicate's chain is the (n-1)-th's plus one fragment.
        let mut last = self.last.borrow_mut();
        let shared = last
            .iter()
            .zip(fragments)
            .take_while(|((f, _, _), g)| f == g.as_ref())
            .count();
        last.truncate(shared);
        let (mut from, mut found) = last
            .last()
            .map_or((0, None), |(_, from, found)| (*from, *found));
        for (n, frag) in fragments.iter().enumerate().skip(shared) {
            let frag = frag.as_ref();
            let at = if is_field(frag) && n == 0 {
                let cached = self.shallowest.borrow().get(frag).copied();
                cached.unwrap_or_else(|| {
                    let at = self.find_field(0, frag, true);
                    self.shallowest.borrow_mut().insert(frag.to_owned(), at);
                    at
                })
            } else if is_field(frag) {
                self.find_field(from, frag, false)
            } else {
                self.text
                    .get(from..)
                    .and_then(|rest| rest.find(frag))
                    .map(|i| from + i)
            };
            if let Some(i) = at {
                found = Some(i);
                from = i + frag.len();
            }
            last.push((frag.to_owned(), from, found));
        }
        found
    }

    /// Where a field name occurs in the code from `from` on: the first occurrence, or with
    /// `shallowest`, the first of those least deeply nested in brackets.
    fn find_field(&self, from: usize, frag: &str, shallowest: bool) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut best = None::<(usize, usize)>;
        walk_code(self.text, from, bytes.len(), |i, depth| {
            if !(bytes[i..].starts_with(frag.as_bytes()) && (i == 0 || !is_ident(bytes[i - 1]))) {
                return false;
            }
            if best.is_none_or(|(_, d)| depth < d) {
                best = Some((i, depth));
            }
            !shallowest
        });
        best.map(|(i, _)| i)
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

/// Walks the code of `text` from `from` to `end`, skipping strings and comments, and calls
/// `visit(offset, depth)` at every other byte (depth counts open brackets since `from`);
/// stops when `visit` returns true.
pub(super) fn walk_code(
    text: &str,
    from: usize,
    end: usize,
    mut visit: impl FnMut(usize, usize) -> bool,
) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let (mut i, mut depth) = (from, 0usize);
    while i < end {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ if visit(i, depth) => return,
            _ => {}
        }
        i += 1;
    }
}

/// Whether a fragment is a field name: an identifier followed by a colon.
fn is_field(frag: &str) -> bool {
    frag.strip_suffix(':')
        .is_some_and(|name| !name.is_empty() && name.bytes().all(is_ident))
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
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

    #[test]
    fn field_names_match_only_in_code_and_shallowest_first() {
        let text = "(\n  provenance: \"bands: from the 2019 paper\", // bands: old\n  lookup: [(bands: [\"L\"])],\n  bands: [],\n  subbands: 1,\n)";
        let loc = Locator::new(text);
        assert_eq!(loc.find(&["bands:"]), Some((4, 3)));
        assert_eq!(loc.find(&["lookup:", "bands:"]), Some((3, 13)));
        assert_eq!(loc.find(&["\"bands: from"]), Some((2, 15)));
    }
}
