//! The HTML report's board pages: the summary of the adopted priorities (or the candidates)
//! with their evidence, decisions and rationales, on a page of its own before everything
//! else; and each theme's description and evidence on its page.

use std::fmt::Write;

use super::escape as e;
use crate::model::{Ranking, Scorecard};

/// The summary page.
pub(super) fn summary(h: &mut String, card: &Scorecard, ranking: &Ranking) {
    let s = crate::report::board::summary(card, ranking);
    let _ = writeln!(
        h,
        "<section class=\"summary\">\n<h2>Summary for the board</h2>\n<p>{}</p>",
        e(&s.intro)
    );
    for item in &s.items {
        let _ = writeln!(
            h,
            "<div class=\"item\"><h3>{}{}</h3>\n<p class=\"facts\">{}</p>\n<p><strong>Decision:</strong> {}</p>",
            item.rank.map(|r| format!("{r}. ")).unwrap_or_default(),
            e(&item.name),
            e(&item.facts),
            e(&item.decision)
        );
        texts(h, &item.description, &item.evidence, item.data.as_deref());
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n");
}

/// A theme's description, evidence and figures from data, as paragraphs (nothing when empty).
pub(super) fn texts(h: &mut String, description: &str, evidence: &str, data: Option<&str>) {
    if !description.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", e(description));
    }
    if !evidence.is_empty() {
        let _ = writeln!(h, "<p><strong>Evidence:</strong> {}</p>", e(evidence));
    }
    if let Some(d) = data {
        let _ = writeln!(h, "<p><strong>From data:</strong> {}</p>", e(d));
    }
}
