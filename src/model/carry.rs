//! Re-scoring a scorecard's themes under another method: the themes (ids, names, categories,
//! descriptions, evidence and links to data) come across as they are; a factor the new method
//! also has (the same id) keeps its draft where the level's code (or the number) means
//! something on the new scale, with its note; votes, agreed values and decisions stay with
//! the old scorecard, since they were given on the old scales and outcomes.

use std::collections::BTreeMap;

use super::method::Method;
use super::scorecard::{FactorScore, Scorecard, Theme};

/// The themes of `from` for a new scorecard under `method`, and how many drafts came across.
pub fn carry(from: &Scorecard, method: &Method) -> (Vec<Theme>, usize) {
    let mut kept = 0;
    let themes = from
        .themes
        .iter()
        .map(|t| {
            let mut scores = BTreeMap::new();
            for (id, s) in &t.scores {
                let (Some((_, old)), Some((_, new))) =
                    (from.method.factor(id.as_str()), method.factor(id.as_str()))
                else {
                    continue;
                };
                let draft = s
                    .draft
                    .and_then(|v| new.scale.parse(&old.scale.code(v)).ok());
                kept += usize::from(draft.is_some());
                if draft.is_some() || !s.note.is_empty() {
                    scores.insert(
                        new.id.clone(),
                        FactorScore {
                            draft,
                            note: s.note.clone(),
                            ..FactorScore::default()
                        },
                    );
                }
            }
            Theme {
                id: t.id.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                category: t.category.clone(),
                evidence: t.evidence.clone(),
                scores,
                decision: None,
                hidden_rounds: Default::default(),
                links: t.links.clone(),
                last_year: t.last_year.clone(),
            }
        })
        .collect();
    (themes, kept)
}
