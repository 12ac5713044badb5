//! Errors from reading and writing files. Every message names the file, and the line and
//! column where that is known.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub col: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// A problem at a known place.
    pub fn at(line: usize, col: usize, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            col: Some(col),
            message: message.into(),
        }
    }

    /// A problem with no known place.
    pub fn general(message: impl Into<String>) -> Self {
        Self {
            line: None,
            col: None,
            message: message.into(),
        }
    }
}

/// Why a file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The operating system refused.
    // The cause is in the message and not a `source`, so a chain of errors does not say it
    // twice ("No such file or directory (os error 2): No such file or directory (os error 2)").
    #[error("{}: {action}: {cause}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done ("cannot read", "cannot save").
        action: &'static str,
        /// The cause.
        cause: std::io::Error,
    },
    /// The file to be replaced is marked read-only: trh does not write over it.
    #[error(
        "{}: cannot save: the file is read-only. Save under another name, or clear its read-only setting and try again",
        path.display()
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// Windows would not let the file be replaced: another program has it open (Excel
    /// locks a workbook or CSV while it shows it), or the user may not change it.
    #[error(
        "{}: cannot save: the file is open in another program, such as Excel, or you may not change it. Close it there and try again, or save under another name",
        path.display()
    )]
    InUse {
        /// The file.
        path: PathBuf,
    },
    /// Larger than trh will read.
    #[error("{}: the file is {size} bytes; trh refuses files over {limit} bytes", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The content is wrong: a parse error or failed checks.
    #[error("{}", Listing { path, problems })]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

impl FileError {
    /// Wraps problems found in a file's text.
    pub fn invalid(path: &Path, problems: Vec<Problem>) -> Self {
        Self::Invalid {
            path: path.to_owned(),
            problems,
        }
    }

    /// True when the file could not be written but another name (or trying again once it is
    /// closed elsewhere) may work: the app then offers both.
    pub fn blocked(&self) -> bool {
        matches!(self, Self::ReadOnly { .. } | Self::InUse { .. })
    }

    /// The problems, for an invalid file; empty otherwise.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }
}

struct Listing<'a> {
    path: &'a Path,
    problems: &'a [Problem],
}

impl fmt::Display for Listing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", self.path.display())?;
            match (p.line, p.col) {
                (Some(l), Some(c)) => write!(f, ":{l}:{c}")?,
                (Some(l), None) => write!(f, ":{l}")?,
                _ => {}
            }
            write!(f, ": {}", p.message)?;
        }
        Ok(())
    }
}
