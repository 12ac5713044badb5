//! The board paper as a PDF, set by [`super::pdf`] without a browser: the scorecard's details,
//! the one-page summary for the board, the ranked priorities with the cut line (and any tie at
//! it), the ranked chart, how much the room's disagreement matters, every theme with its
//! description, evidence and decision, and the method. The marking is on every page.

use super::pdf::{Ink, MARGIN, WIDTH, Writer};
use crate::document::Figures;
use crate::model::{Ranking, Scorecard};
use crate::report::row::{RowText, dash};

/// Body text size.
const BODY: f32 = 10.0;
/// The ranked table's columns: heading and width in points (they add up to the text width).
const COLUMNS: [(&str, f32); 7] = [
    ("Rank", 30.0),
    ("Theme", 140.0),
    ("Risk", 36.0),
    ("Band", 58.0),
    ("Confidence", 54.0),
    ("Suggested", 82.0),
    ("Decision", 83.0),
];

/// The board paper.
pub(super) fn paper(
    card: &Scorecard,
    ranking: &Ranking,
    figures: &Figures,
) -> Result<Vec<u8>, super::ExportError> {
    let mut w = Writer::new().map_err(super::ExportError::Text)?;
    details(&mut w, card);
    summary(&mut w, card, ranking);
    w.new_page();
    ranked(&mut w, ranking);
    chart(&mut w, card, ranking)?;
    stability(&mut w, figures);
    themes(&mut w, card, ranking);
    method(&mut w, &card.method);
    Ok(w.finish(card.marking.trim(), &card.title))
}

fn heading(w: &mut Writer, text: &str) {
    w.keep(60.0);
    w.space(8.0);
    w.paragraph(text, 15.0, (0.0, Ink::Body));
    let y = w.y + 3.0;
    w.rule((MARGIN, MARGIN + WIDTH), y, 0.6);
    w.space(4.0);
}

fn details(w: &mut Writer, card: &Scorecard) {
    w.paragraph(&card.title, 20.0, (0.0, Ink::Body));
    let facts = crate::report::board::facts(card);
    w.paragraph(&facts.join(" · "), BODY, (0.0, Ink::Quiet));
    if !card.notes.trim().is_empty() {
        w.paragraph(card.notes.trim(), BODY, (0.0, Ink::Quiet));
    }
}

fn summary(w: &mut Writer, card: &Scorecard, ranking: &Ranking) {
    let s = crate::report::board::summary(card, ranking);
    heading(w, "Summary for the board");
    w.paragraph(&s.intro, BODY, (0.0, Ink::Body));
    for item in &s.items {
        w.keep(70.0);
        w.space(6.0);
        let rank = item.rank.map_or(String::new(), |r| format!("{r}. "));
        w.paragraph(&format!("{rank}{}", item.name), 12.5, (0.0, Ink::Body));
        w.paragraph(&item.facts, 9.0, (12.0, Ink::Quiet));
        w.paragraph(
            &format!("Decision: {}", item.decision),
            BODY,
            (12.0, Ink::Body),
        );
        text_of(w, (&item.description, &item.evidence, item.data.as_deref()));
    }
}

/// A theme's description, evidence and figures from data, each where it has any.
fn text_of(w: &mut Writer, (description, evidence, data): (&str, &str, Option<&str>)) {
    for (label, text) in [("", description), ("Evidence: ", evidence)] {
        if !text.trim().is_empty() {
            w.paragraph(&format!("{label}{}", text.trim()), BODY, (12.0, Ink::Body));
        }
    }
    if let Some(d) = data {
        w.paragraph(&format!("From data: {d}"), BODY, (12.0, Ink::Body));
    }
}

fn ranked(w: &mut Writer, ranking: &Ranking) {
    heading(w, "Ranked priorities");
    w.paragraph(
        &format!(
            "The top {} are the candidate priorities (above the heavy line; a tie at the line is all inside it). {}",
            ranking.cut,
            crate::report::rank_table::legend(ranking)
        ),
        8.5,
        (0.0, Ink::Quiet),
    );
    if let Some(tie) = ranking.cut_tie() {
        w.paragraph(
            &format!("Warning: {}", tie.sentence()),
            BODY,
            (0.0, Ink::Body),
        );
    }
    w.space(4.0);
    table_head(w);
    let line = ranking.line();
    for (i, row) in ranking.rows.iter().enumerate() {
        let t = RowText::of(row);
        let decision = if row.departs {
            format!("{} (departs)", dash(&t.decision))
        } else {
            dash(&t.decision).to_owned()
        };
        let cells = [
            t.rank.clone(),
            t.theme.clone(),
            t.risk.clone(),
            t.band.clone(),
            t.confidence.clone(),
            t.outcome.clone(),
            decision,
        ];
        let widths = COLUMNS.map(|c| c.1);
        let cut_below = ranking.cut > 0 && i + 1 == line;
        table_row(w, (&cells, &widths), (cut_below, Some(table_head)));
    }
}

fn table_head(w: &mut Writer) {
    let names = COLUMNS.map(|(n, _)| n.to_owned());
    table_row(w, (&names, &COLUMNS.map(|c| c.1)), (false, None));
}

/// One row of a table, kept whole on a page; a heavy rule under it when the cut line runs
/// there. A new page repeats the headings (`head`).
fn table_row(
    w: &mut Writer,
    (cells, widths): (&[String], &[f32]),
    (cut_below, head): (bool, Option<fn(&mut Writer)>),
) {
    let size = 8.5;
    let leading = size * 1.3;
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|(c, width)| w.wrap(dash(c), size, width - 6.0))
        .collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let height = lines as f32 * leading + 5.0;
    let page_before = w.y;
    w.keep(height);
    if let Some(head) = head.filter(|_| w.y > page_before) {
        head(w);
    }
    let top = w.y;
    let mut x = MARGIN;
    for (lines, width) in wrapped.iter().zip(widths) {
        for (k, line) in lines.iter().enumerate() {
            let y = top - size - 2.0 - k as f32 * leading;
            w.text_at(line, (x + 2.0, y), size, Ink::Body);
        }
        x += width;
    }
    w.y = top - height;
    w.rule(
        (MARGIN, MARGIN + WIDTH),
        w.y,
        if cut_below { 2.5 } else { 0.4 },
    );
}

fn chart(w: &mut Writer, card: &Scorecard, ranking: &Ranking) -> Result<(), super::ExportError> {
    let mut options = super::chart_options(card, ranking.cut);
    // Drawn at twice the scale: 1600 pixels across the page's 483 points is about 240 dots
    // an inch, and the chart's text prints at about 8 points.
    options.scale = 2.0;
    let figure = crate::chart::Figure::Chart {
        kind: crate::chart::ChartKind::RankedBar,
        ranking,
        method: &card.method,
        stability: None,
    };
    let rows = ranking.rows.iter().filter(|r| r.rank.is_some()).count() as u32;
    let size = (1600, (rows * 64 + 420).clamp(900, 2600));
    let img = crate::chart::render_rgb(&figure, &options, size)
        .map_err(|e| super::ExportError::Text(e.to_string()))?;
    // The heading goes with its chart, onto the next page if need be.
    w.keep(WIDTH * img.height as f32 / img.width.max(1) as f32 + 50.0);
    heading(w, "Themes ranked by risk");
    w.picture(&img.rgb, (img.width, img.height), WIDTH);
    Ok(())
}

fn stability(w: &mut Writer, f: &Figures) {
    heading(w, "How much the room's disagreement matters");
    w.paragraph(super::stability::WHAT_IT_SAYS, 8.5, (0.0, Ink::Quiet));
    w.paragraph(
        crate::model::stability::BADGES_EXPLAINED,
        8.5,
        (0.0, Ink::Quiet),
    );
    w.paragraph(
        &format!("Figures from {}.", f.basis()),
        8.5,
        (0.0, Ink::Quiet),
    );
    for s in super::stability::sentences(f) {
        w.space(3.0);
        w.paragraph(&format!("• {s}"), BODY, (8.0, Ink::Body));
    }
}

fn themes(w: &mut Writer, card: &Scorecard, ranking: &Ranking) {
    w.new_page();
    heading(w, "Theme by theme");
    for row in &ranking.rows {
        let t = RowText::of(row);
        w.keep(90.0);
        w.space(8.0);
        let rank = if t.rank.is_empty() {
            "Not ranked: ".to_owned()
        } else {
            format!("{}. ", t.rank)
        };
        w.paragraph(&format!("{rank}{}", row.name), 12.5, (0.0, Ink::Body));
        let facts = format!(
            "Harm {} · likelihood {} · risk {} · band {} · confidence {} · position {} · suggested {}",
            dash(&t.harm),
            dash(&t.likelihood),
            dash(&t.risk),
            dash(&t.band),
            dash(&t.confidence),
            dash(&t.position),
            dash(&t.outcome)
        );
        w.paragraph(&facts, 9.0, (12.0, Ink::Quiet));
        let (description, evidence, data) = crate::report::board::theme_text(card, &row.id);
        text_of(w, (&description, &evidence, data.as_deref()));
        let mut decision = format!("Decision: {}", dash(&t.decision));
        if !row.decision_rationale.trim().is_empty() {
            decision.push_str(": ");
            decision.push_str(row.decision_rationale.trim());
        }
        w.paragraph(&decision, BODY, (12.0, Ink::Body));
    }
}

/// The method appendix: what the numbers rest on, the bands, and the outcome lookup of band
/// against position grade (why a theme is a "capability gap").
fn method(w: &mut Writer, m: &crate::model::Method) {
    // An appendix: on a page of its own, so its lookup table is never split.
    w.new_page();
    heading(w, "The method");
    w.paragraph(&format!("{} {}", m.name, m.version), 12.0, (0.0, Ink::Body));
    if !m.provenance.trim().is_empty() {
        w.paragraph(m.provenance.trim(), 8.5, (0.0, Ink::Quiet));
    }
    w.paragraph(
        &crate::report::method_text::risk_rule(m),
        BODY,
        (0.0, Ink::Body),
    );
    let bands: Vec<String> = m
        .bands
        .iter()
        .map(|b| format!("{} {}", b.label, b.bounds().text(crate::report::num)))
        .collect();
    w.paragraph(
        &format!("Bands: {}.", bands.join("; ")),
        BODY,
        (0.0, Ink::Body),
    );
    let Some(table) = crate::report::method_text::lookup_table(m) else {
        return;
    };
    w.space(4.0);
    w.paragraph(
        "Outcome by risk band (down) and position grade (across)",
        BODY,
        (0.0, Ink::Body),
    );
    let first = 90.0;
    let rest = (WIDTH - first) / table.columns.len().max(1) as f32;
    let widths: Vec<f32> = std::iter::once(first)
        .chain(table.columns.iter().map(|_| rest))
        .collect();
    let head: Vec<String> = std::iter::once("Band".to_owned())
        .chain(table.columns.iter().cloned())
        .collect();
    table_row(w, (&head, &widths), (false, None));
    for (band, cells) in &table.rows {
        let row: Vec<String> = std::iter::once(band.clone())
            .chain(cells.iter().cloned())
            .collect();
        table_row(w, (&row, &widths), (false, None));
    }
}
