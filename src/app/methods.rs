//! Methods in the app: a new scorecard under a shipped method or any method file (a recipe, the
//! partnership's own paper), optionally carrying the open scorecard's themes across to be
//! scored again; and a method file opened as if it were a scorecard starts a new one under it.

use std::path::Path;

use super::{Document, TrhApp};
use crate::model::Scorecard;

impl TrhApp {
    /// A new scorecard under `method` (a shipped method's id or a method file's path), with
    /// the open scorecard's themes when `carry` (re-scored: drafts kept where the factor and
    /// level mean the same). Its details dialog opens, so it is not left "Untitled".
    pub(super) fn new_under(&mut self, method: &str, carry: bool) {
        let method = match crate::methods::resolve(method) {
            Ok(m) => m,
            Err(e) => {
                self.state
                    .notes
                    .error(format!("Could not start a new scorecard: {e}"));
                return;
            }
        };
        let mut card = Scorecard::new("Untitled scorecard", method.clone());
        card.author = self.state.prefs.user_name.clone().unwrap_or_default();
        let old = &self.state.doc.card;
        let carried = carry.then(|| {
            card.title = format!("{} (under {})", old.title, method.name);
            card.area.clone_from(&old.area);
            card.period.clone_from(&old.period);
            card.marking.clone_from(&old.marking);
            card.evidence = old.evidence.clone();
            let (themes, kept) = crate::model::carry::carry(old, &method);
            card.themes = themes.into_iter().map(std::sync::Arc::new).collect();
            format!(
                "Carried {} themes into a new scorecard under {}; {kept} drafts kept where the factor and level mean the same. Score the rest, then save it under a new name.",
                card.themes.len(),
                method.name
            )
        });
        self.replace_document(Document::new(card, None, "Untitled"));
        if let Some(note) = carried {
            self.state.notes.info(note);
        }
        self.state.view_command(crate::state::Command::Details);
    }

    /// A file opened as a scorecard that is a method (a recipe): starts a new scorecard under
    /// it and says so. False when it is not a method either.
    pub(super) fn opened_method(&mut self, path: &Path) -> bool {
        let Some(text) = path.to_str() else {
            return false;
        };
        if crate::methods::resolve(text).is_err() {
            return false;
        }
        self.new_under(text, false);
        self.state.notes.info(format!(
            "{} is a method, not a scorecard: this is a new scorecard scored under it.",
            path.display()
        ));
        true
    }
}
