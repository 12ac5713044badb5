//! Loading a scorecard for a command, with the marking warning every command gives.

use std::path::Path;

/// Loads a scorecard, warning on stderr if its marking is not a UK Government Security
/// Classification (it is still printed as written on every output).
pub(super) fn load(path: &Path) -> anyhow::Result<crate::model::Scorecard> {
    let card = crate::file::load_scorecard(path)?;
    warn_marking(path, &card);
    Ok(card)
}

pub(super) fn warn_marking(path: &Path, card: &crate::model::Scorecard) {
    if let Some(w) = crate::model::text::marking_warning(&card.marking) {
        eprintln!("warning: {}: {w}", path.display());
    }
}
