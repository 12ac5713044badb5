//! The ranked priority list in Markdown, ready to paste into a board paper: the marking at the
//! top and bottom, the ranked list with decisions and rationales, and the departures spelled out.

use crate::model::{Ranking, Scorecard};
use crate::report::rank_table::flags;

/// Escapes text for a Markdown table cell or line: pipes, emphasis and line breaks.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The Markdown document.
pub fn markdown(card: &Scorecard, ranking: &Ranking, figures: &crate::document::Figures) -> String {
    let marking = md(card.marking.trim());
    let mut out = format!("**{marking}**\n\n# {}\n\n", md(&card.title));
    let facts: Vec<String> = [
        (!card.area.is_empty()).then(|| format!("Area: {}", md(&card.area))),
        (!card.period.is_empty()).then(|| format!("Period: {}", md(&card.period))),
        Some(format!(
            "Method: {} {}",
            md(&card.method.name),
            md(&card.method.version)
        )),
    ]
    .into_iter()
    .flatten()
    .collect();
    out.push_str(&facts.join(" · "));
    board_summary(&mut out, card, ranking);
    ranked_list(&mut out, ranking);
    super::stability::markdown(&mut out, figures, md);
    departures(&mut out, ranking);
    let flagged: Vec<_> = ranking
        .rows
        .iter()
        .filter(|r| !flags(r).is_empty())
        .collect();
    if !flagged.is_empty() {
        out.push_str("\n## Flags\n\n");
        for row in flagged {
            out.push_str(&format!("- {}: {}\n", md(&row.name), flags(row)));
        }
        out.push_str(&format!(
            "\n{}\n",
            md(&crate::report::rank_table::legend(ranking))
        ));
    }
    themes(&mut out, card, ranking);
    super::evidence::markdown(&mut out, card, md);
    out.push_str(&format!("\n**{marking}**\n"));
    out
}

/// The board's summary first: the adopted priorities (or the candidates) with their decision,
/// rationale, description and evidence.
fn board_summary(out: &mut String, card: &Scorecard, ranking: &Ranking) {
    let s = crate::report::board::summary(card, ranking);
    out.push_str(&format!(
        "\n\n## Summary for the board\n\n{}\n",
        md(&s.intro)
    ));
    for item in &s.items {
        out.push_str(&format!(
            "\n### {}{}\n\n{}  \nDecision: {}\n",
            item.rank.map(|r| format!("{r}. ")).unwrap_or_default(),
            md(&item.name),
            md(&item.facts),
            md(&item.decision)
        ));
        texts(out, &item.description, &item.evidence, item.data.as_deref());
    }
}

/// A theme's description, evidence and figures from data, as paragraphs.
fn texts(out: &mut String, description: &str, evidence: &str, data: Option<&str>) {
    if !description.is_empty() {
        out.push_str(&format!("\n{}\n", md(description)));
    }
    if !evidence.is_empty() {
        out.push_str(&format!("\n**Evidence:** {}\n", md(evidence)));
    }
    if let Some(d) = data {
        out.push_str(&format!("\n**From data:** {}\n", md(d)));
    }
}

/// Every theme's description and evidence, in rank order.
fn themes(out: &mut String, card: &Scorecard, ranking: &Ranking) {
    out.push_str("\n## Themes: description and evidence\n");
    for row in &ranking.rows {
        let (description, evidence, data) = crate::report::board::theme_text(card, &row.id);
        out.push_str(&format!(
            "\n### {}{}\n",
            row.rank.map(|r| format!("{r}. ")).unwrap_or_default(),
            md(&row.name)
        ));
        if description.is_empty() && evidence.is_empty() && data.is_none() {
            out.push_str("\nNo description or evidence recorded.\n");
        }
        texts(out, &description, &evidence, data.as_deref());
    }
}

/// The ranked priority list, with the cut line and any tie across it.
fn ranked_list(out: &mut String, ranking: &Ranking) {
    out.push_str("\n\n## Ranked priority list\n\n");
    out.push_str(&format!(
        "Candidate priorities: the top {} (above the line; a tie at the line is all inside it).\n\n",
        ranking.cut
    ));
    if let Some(tie) = ranking.cut_tie() {
        out.push_str(&format!("> **Warning:** {}\n\n", md(&tie.sentence())));
    }
    out.push_str(
        "| Rank | Theme | Risk | Band | Confidence | Suggested | Decision | Rationale |\n",
    );
    out.push_str("|---:|---|---:|---|---|---|---|---|\n");
    for (i, row) in ranking.rows.iter().enumerate() {
        if i == ranking.line() && ranking.cut > 0 {
            out.push_str("| | **— cut line —** | | | | | | |\n");
        }
        let decision = row.decision.map(|d| d.label()).unwrap_or("not yet decided");
        let decision = if row.departs {
            format!("{decision} (departs)")
        } else {
            decision.to_owned()
        };
        let t = crate::report::row::RowText::of(row);
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            crate::report::row::dash(&t.rank),
            md(&t.theme),
            t.risk,
            md(&t.band),
            md(&t.confidence),
            md(&t.outcome),
            decision,
            md(&row.decision_rationale),
        ));
    }
}

/// The board's decisions that depart from the ranking, with why.
fn departures(out: &mut String, ranking: &Ranking) {
    let departures: Vec<_> = ranking.rows.iter().filter(|r| r.departs).collect();
    if departures.is_empty() {
        return;
    }
    out.push_str("\n## Decisions that depart from the ranking\n\n");
    for row in departures {
        out.push_str(&format!(
            "- **{}**: suggested {}, decided {}. {}\n",
            md(&row.name),
            row.outcome
                .as_ref()
                .map(|o| md(&o.label))
                .unwrap_or_default(),
            row.decision.map(|d| d.label()).unwrap_or_default(),
            md(&row.decision_rationale)
        ));
    }
}
