//! What ships inside the binary: the methods, embedded from `assets/methods/`, and the
//! bundled sample scorecard.

use std::path::Path;

use crate::file::{self, FileError};
use crate::model::method::Method;

/// The bundled sample scorecard, embedded in the binary.
pub const SAMPLE: &str = include_str!("../scorecards/plymouth-style-2018.ron");
/// The name shown for the bundled sample.
pub const SAMPLE_NAME: &str = "plymouth-style-2018.ron (bundled sample)";

/// (id, RON text) of every shipped method, default first.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "morile-style",
        include_str!("../assets/methods/morile-style.ron"),
    ),
    (
        "probability-harm",
        include_str!("../assets/methods/probability-harm.ron"),
    ),
    (
        "impact-likelihood-4x4",
        include_str!("../assets/methods/impact-likelihood-4x4.ron"),
    ),
];

/// The default method's id.
pub const DEFAULT: &str = "morile-style";

/// A shipped method by id, parsed and checked. `None` for an unknown id.
pub fn builtin(id: &str) -> Option<Method> {
    let (name, text) = BUILTIN.iter().find(|(name, _)| *name == id)?;
    // Shipped methods are checked by tests; a failure here is a build defect, reported as None.
    file::parse_method(text, Path::new(&format!("assets/methods/{name}.ron"))).ok()
}

/// The RON text of a shipped method.
pub fn builtin_text(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, t)| *t)
}

/// A method by shipped id, or else from a file path.
pub fn resolve(name_or_file: &str) -> Result<Method, FileError> {
    if let Some(m) = builtin(name_or_file) {
        return Ok(m);
    }
    file::load_method(Path::new(name_or_file))
}
