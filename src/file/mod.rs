//! Reading and writing methods and scorecards: RON text ↔ versioned serde types ↔ the model.
//!
//! Parse, then validate: text is read into the types in `doc.rs`, which are close to the
//! text; `convert.rs` turns them into the model with every check, collecting all problems.

pub mod convert;
pub mod doc;
pub mod error;
pub mod journal;
pub mod locate;
pub mod parse_error;
pub mod rollup_file;
pub mod save;
mod to_doc;

use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;

pub use error::{FileError, Problem};
use locate::Locator;
pub use parse_error::parse_problem;

use crate::model::check;
use crate::model::method::Method;
use crate::model::scorecard::Scorecard;

/// Files over this size are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The RON options trh reads and writes with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// Reads a file as text, refusing anything over [`MAX_FILE_BYTES`] without reading it.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let io = |source| FileError::Io {
        path: path.to_owned(),
        action: "cannot read",
        cause: source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
        let (line, col) = Locator::new(&text).line_col(good);
        FileError::invalid(
            path,
            vec![Problem::at(line, col, "the file is not UTF-8 text")],
        )
    })
}

/// At most this many problems are listed for one file; the rest are counted. A file with
/// thousands of the same mistake is reported in bounded time, and the list stays readable.
pub const MAX_LISTED: usize = 200;

/// The last line of a long list: how many problems were left out.
pub(crate) fn more_problems(n: usize) -> Problem {
    Problem::general(format!(
        "… and {n} more problems not listed; fix these and check again"
    ))
}

/// Parses and checks a method from RON text. `path` is used in messages.
pub fn parse_method(text: &str, path: &Path) -> Result<Method, FileError> {
    let method: Method = ron_options()
        .from_str(text)
        .map_err(|e| FileError::invalid(path, vec![parse_problem(&e, text)]))?;
    let issues = check::check(&method);
    if issues.is_empty() {
        return Ok(method);
    }
    let loc = Locator::new(text);
    let more = issues.len().saturating_sub(MAX_LISTED);
    let mut problems: Vec<Problem> = issues
        .into_iter()
        .take(MAX_LISTED)
        .map(|i| match loc.find(&i.at) {
            Some((l, c)) => Problem::at(l, c, i.message),
            None => Problem::general(i.message),
        })
        .collect();
    if more > 0 {
        problems.push(more_problems(more));
    }
    Err(FileError::invalid(path, problems))
}

/// Whether a file's text is a method (`Method(...)`) rather than a scorecard: its first
/// item, after comments and `#![enable(...)]` lines, is `Method(`.
pub fn is_method_text(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#!"))
        .is_some_and(|l| l.starts_with("Method"))
}

/// A method file's text upgraded to the newest format, touching nothing but its `format:`
/// number, so that its comments and layout survive; `None` if it is already current.
/// Checks the method before and after.
pub fn upgrade_method_text(text: &str, path: &Path) -> Result<Option<String>, FileError> {
    let method = parse_method(text, path)?;
    if method.format >= crate::model::method::METHOD_FORMAT {
        return Ok(None);
    }
    let at = Locator::new(text).find_offset(&["format:"]);
    let Some(at) = at else {
        return Ok(None);
    };
    let value_start = at + "format:".len();
    let rest = &text[value_start..];
    let digits_at = value_start + (rest.len() - rest.trim_start().len());
    let digits = text[digits_at..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let upgraded = format!(
        "{}{}{}",
        &text[..digits_at],
        crate::model::method::METHOD_FORMAT,
        &text[digits_at + digits..]
    );
    parse_method(&upgraded, path)?;
    Ok(Some(upgraded))
}

/// Reads and checks a method file.
pub fn load_method(path: &Path) -> Result<Method, FileError> {
    parse_method(&read_text(path)?, path)
}

/// Parses, checks and converts a scorecard from RON text. `path` is used in messages.
pub fn parse_scorecard(text: &str, path: &Path) -> Result<Scorecard, FileError> {
    convert::scorecard_from_text(text, path)
}

/// Reads, checks and converts a scorecard file.
pub fn load_scorecard(path: &Path) -> Result<Scorecard, FileError> {
    parse_scorecard(&read_text(path)?, path)
}

/// The RON text of a method, as `trh method show` prints it.
pub fn method_to_text(method: &Method) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(method, save::pretty())
}

/// Loads several scorecards on up to four threads (loading, not ranking, is what takes the
/// time), each with its own result, in the order given.
pub fn load_scorecards(paths: &[std::path::PathBuf]) -> Vec<Result<Scorecard, String>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<Scorecard, String>>>> =
        paths.iter().map(|_| Mutex::new(None)).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 4);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(i) else { return };
                    let r = load_scorecard(path).map_err(|e| e.to_string());
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(r);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err("not read".to_owned()))
        })
        .collect()
}
