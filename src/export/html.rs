//! The HTML report: one self-contained file (styles and charts inline, no external assets),
//! with the protective marking at the top and bottom of the screen and of every printed page.
//! It is well-formed XML as well as HTML, so it can be checked by any parser.

use std::fmt::Write;

use super::escape as e;
use super::tables::{factor_rows, participants_by_agency};
use crate::chart::{ChartKind, Figure};
use crate::model::{Ranking, Scorecard};
use crate::report::num;
use crate::report::row::{RowText, dash};

pub(super) const STYLE: &str = r#"
body { font-family: "Segoe UI", Ubuntu, Helvetica, Arial, sans-serif; color: #111; margin: 0; }
.page { width: 100%; border-collapse: collapse; }
.page > thead td, .page > tfoot td { height: 14mm; }
main { max-width: 190mm; margin: 0 auto; padding: 0 4mm; box-sizing: border-box; }
.marking { position: fixed; left: 0; right: 0; text-align: center; font-weight: bold;
  letter-spacing: 0.08em; background: #fff; padding: 2mm 0; border: 0 solid #111; }
.marking.top { top: 0; border-bottom-width: 1px; }
.marking.bottom { bottom: 0; border-top-width: 1px; }
h1 { font-size: 20pt; margin: 2mm 0; }
h2 { font-size: 14pt; border-bottom: 1px solid #888; margin-top: 8mm; }
h3 { font-size: 11pt; margin: 5mm 0 1mm; }
table.data { border-collapse: collapse; width: 100%; font-size: 9pt; }
table.data th, table.data td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
table.data tr { page-break-inside: avoid; break-inside: avoid; }
table.data td.name { min-width: 36mm; }
table.data td.num { white-space: nowrap; }
table.ranked { font-size: 8pt; }
table.ranked th, table.ranked td { padding: 0.8mm 1mm; }
table.data th { background: #eee; }
table.data td.num { text-align: right; }
.band { display: inline-block; min-width: 7mm; padding: 0 1mm; border: 1px solid #333; text-align: center; font-weight: bold; }
table.data tr.cut td { border-bottom: 3px solid #111; }
.tie { border: 2px solid #b35806; padding: 1mm 2mm; }
.quiet { color: #555; font-size: 9pt; }
figure { margin: 4mm 0; page-break-inside: avoid; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
table.multiples { width: 100%; border-collapse: collapse; }
table.multiples td { width: 50%; vertical-align: top; padding: 0 1mm; }
table.multiples tr { page-break-inside: avoid; break-inside: avoid; }
.theme h3, .theme > p { page-break-after: avoid; break-after: avoid; }
.summary { page-break-after: always; break-after: page; font-size: 8.5pt; }
.summary h3 { font-size: 9.5pt; margin: 0 0 0.3mm; }
.summary .item { page-break-inside: avoid; break-inside: avoid; border-left: 3px solid #888; padding-left: 3mm; margin: 2mm 0; }
.summary .item p { margin: 0.2mm 0; }
.facts { color: #333; }
@page { size: A4; margin: 8mm 10mm; }
@media print {
  h2 { page-break-after: avoid; break-after: avoid; }
}
"#;

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The report as one HTML string; the ranking's cut line marks the candidate priorities.
pub fn report(
    card: &Scorecard,
    ranking: &Ranking,
    figures: &crate::document::Figures,
) -> Result<String, super::ExportError> {
    let cut = ranking.cut;
    let marking = e(card.marking.trim());
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{} – {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        e(&card.title),
        marking
    );
    let _ = writeln!(h, "<div class=\"marking top\">{marking}</div>");
    let _ = writeln!(h, "<div class=\"marking bottom\">{marking}</div>");
    // The thead and tfoot of this table repeat on every printed page, keeping the page's
    // content clear of the marking.
    h.push_str("<table class=\"page\"><thead><tr><td></td></tr></thead><tfoot><tr><td></td></tr></tfoot><tbody><tr><td>\n<main>\n");
    header(&mut h, card);
    super::html_board::summary(&mut h, card, ranking);
    ranked_list(&mut h, card, ranking, cut);
    super::stability::html(&mut h, figures);
    charts(&mut h, card, ranking, figures)?;
    super::evidence::html(&mut h, card, &super::chart_options(card, cut))?;
    themes(&mut h, card, ranking);
    decision_log(&mut h, card);
    participants(&mut h, card);
    super::html_method::method(&mut h, card);
    super::evidence::html_sources(&mut h, card);
    h.push_str("</main>\n</td></tr></tbody></table>\n</body>\n</html>\n");
    Ok(h)
}

fn header(h: &mut String, card: &Scorecard) {
    let _ = writeln!(h, "<h1>{}</h1>", e(&card.title));
    let facts: Vec<String> = crate::report::board::facts(card)
        .iter()
        .map(|f| e(f))
        .collect();
    let _ = writeln!(h, "<p>{}</p>", facts.join(" · "));
    if !card.notes.trim().is_empty() {
        let _ = writeln!(h, "<p class=\"quiet\">{}</p>", e(&card.notes));
    }
}

fn ranked_list(h: &mut String, card: &Scorecard, ranking: &Ranking, cut: usize) {
    let palette = crate::chart::Palette::for_look(crate::look::Look::Light);
    let _ = writeln!(
        h,
        "<h2>Ranked priorities</h2>\n<p class=\"quiet\">The top {cut} are the candidate priorities (above the heavy line; a tie at the line is all inside it). {}</p>",
        e(&crate::report::rank_table::legend(ranking))
    );
    if let Some(tie) = ranking.cut_tie() {
        let _ = writeln!(
            h,
            "<p class=\"tie\"><strong>Warning:</strong> {}</p>",
            e(&tie.sentence())
        );
    }
    // An Other section's total (a weighted method's "Public concern") after likelihood.
    let others: String = ranking
        .others
        .iter()
        .map(|(_, label)| format!("<th>{}</th>", e(label)))
        .collect();
    h.push_str("<table class=\"data ranked\"><thead><tr><th>Rank</th><th>Theme</th><th>Harm</th><th>Like&#173;li&#173;hood</th>");
    h.push_str(&others);
    h.push_str("<th>Risk</th><th>Band</th><th>Con&#173;fi&#173;dence</th><th>Pos&#173;i&#173;tion</th><th>Sug&#173;gest&#173;ed</th><th>De&#173;ci&#173;sion</th><th>Flags</th></tr></thead><tbody>\n");
    for (i, row) in ranking.rows.iter().enumerate() {
        let c = RowText::of(row);
        let class = if cut > 0 && i + 1 == ranking.line() {
            " class=\"cut\""
        } else {
            ""
        };
        let band = match &row.band {
            Some(b) => {
                let letter = card
                    .method
                    .bands
                    .get(b.index)
                    .map_or("", |x| x.letter.as_str());
                format!(
                    "<span class=\"band\" style=\"background:{}\">{}</span> {}",
                    hex(palette.band(b.index)),
                    e(letter),
                    e(&b.label)
                )
            }
            None => String::new(),
        };
        let _ = writeln!(
            h,
            "<tr{class}><td class=\"num\">{}</td><td class=\"name\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>{}<td class=\"num\">{}</td><td>{band}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&c.rank),
            e(&c.theme),
            e(&c.harm),
            e(&c.likelihood),
            crate::report::rank_table::other_totals(ranking, row)
                .iter()
                .map(|t| format!("<td class=\"num\">{}</td>", e(t)))
                .collect::<String>(),
            e(&c.risk),
            e(&c.confidence),
            e(&c.position),
            e(&c.outcome),
            e(&c.decision),
            e(&c.flags)
        );
    }
    h.push_str("</tbody></table>\n");
}

fn charts(
    h: &mut String,
    card: &Scorecard,
    ranking: &Ranking,
    figures: &crate::document::Figures,
) -> Result<(), super::ExportError> {
    let options = super::chart_options(card, ranking.cut);
    h.push_str("<h2>Charts</h2>\n");
    for kind in ChartKind::ALL
        .into_iter()
        .filter(|k| k.applies(&card.method))
    {
        let svg = crate::chart::render_svg(
            &Figure::Chart {
                kind,
                ranking,
                method: &card.method,
                stability: Some(&figures.stability),
            },
            &options,
            // Drawn at about the printed size, so the chart's text stays readable on A4.
            (900, 560),
        )?;
        let _ = writeln!(
            h,
            "<figure role=\"img\" aria-label=\"{}\">\n{}\n</figure>",
            e(kind.title()),
            svg.trim()
        );
    }
    Ok(())
}

fn themes(h: &mut String, card: &Scorecard, ranking: &Ranking) {
    h.push_str("<h2>Theme by theme</h2>\n");
    let rows = factor_rows(card, ranking);
    for row in &ranking.rows {
        let _ = writeln!(
            h,
            "<div class=\"theme\"><h3>{}{}</h3>",
            row.rank.map(|r| format!("{r}. ")).unwrap_or_default(),
            e(&row.name)
        );
        let t = RowText::of(row);
        let totals = format!(
            "Harm {} · Likelihood {} · Risk {} · Band {} · Suggested {}",
            dash(&t.harm),
            dash(&t.likelihood),
            dash(&t.risk),
            dash(&t.band),
            dash(&t.outcome),
        );
        let _ = writeln!(h, "<p>{}</p>", e(&totals));
        let (description, evidence, data) = crate::report::board::theme_text(card, &row.id);
        super::html_board::texts(h, &description, &evidence, data.as_deref());
        if let Some(d) = row.decision {
            let taken = card
                .theme(&row.id)
                .and_then(|t| t.decision.as_ref())
                .map(crate::model::scorecard::Decision::taken)
                .filter(|t| !t.is_empty())
                .map(|t| format!(" (taken at {})", e(&t)))
                .unwrap_or_default();
            let _ = writeln!(
                h,
                "<p><strong>Decision: {}</strong>{}{}{taken}</p>",
                e(d.label()),
                if row.departs {
                    " (departs from the ranking)"
                } else {
                    ""
                },
                if row.decision_rationale.is_empty() {
                    String::new()
                } else {
                    format!(" – {}", e(&row.decision_rationale))
                }
            );
        }
        h.push_str("<table class=\"data\"><thead><tr><th>Factor</th><th>Value</th><th>Points</th><th>Source</th><th>Votes</th><th>Range (pts)</th><th>IQR (pts)</th><th>Room's rationale · analyst's note</th></tr></thead><tbody>\n");
        for f in rows
            .iter()
            .filter(|f| f.theme == row.name && f.rank == row.rank)
        {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                e(&f.factor),
                e(&f.value),
                f.points.map(num).unwrap_or_default(),
                match f.round {
                    Some(r) if f.source == "votes" => format!("votes, round {r}"),
                    _ => f.source.to_owned(),
                },
                if f.votes > 0 {
                    f.votes.to_string()
                } else {
                    String::new()
                },
                e(&f.range),
                if f.contested { " contested" } else { "" },
                f.iqr.map(num).unwrap_or_default(),
                rationale_and_note(&f.rationale, &f.note),
            );
        }
        h.push_str("</tbody></table></div>\n");
    }
}

/// Both texts of a factor: the room's reason for the agreed value and the analyst's
/// evidence note, each labelled, so agreeing a value never hides the evidence.
fn rationale_and_note(rationale: &str, note: &str) -> String {
    let mut parts = Vec::new();
    if !rationale.trim().is_empty() {
        parts.push(format!("<strong>Agreed:</strong> {}", e(rationale.trim())));
    }
    if !note.trim().is_empty() {
        parts.push(format!("<strong>Evidence:</strong> {}", e(note.trim())));
    }
    parts.join("<br/>")
}

fn decision_log(h: &mut String, card: &Scorecard) {
    h.push_str("<h2>Decision and agreement log</h2>\n");
    let entries = crate::report::log::log_lines(card);
    if entries.is_empty() {
        h.push_str("<p>No decisions or agreed values recorded.</p>\n");
        return;
    }
    h.push_str("<table class=\"data\"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Change</th></tr></thead><tbody>\n");
    for c in entries {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&c.when),
            e(&c.who),
            e(&c.what),
            e(&c.change)
        );
    }
    h.push_str("</tbody></table>\n");
}

fn participants(h: &mut String, card: &Scorecard) {
    h.push_str("<h2>Participants by agency</h2>\n");
    let groups = participants_by_agency(card);
    if groups.is_empty() {
        h.push_str("<p>No participants recorded.</p>\n");
        return;
    }
    h.push_str(
        "<table class=\"data\"><thead><tr><th>Agency</th><th>People</th></tr></thead><tbody>\n",
    );
    for (agency, people) in groups {
        let names: Vec<String> = people
            .iter()
            .map(|p| {
                if p.present {
                    e(&p.name)
                } else {
                    format!("{} (absent)", e(&p.name))
                }
            })
            .collect();
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td></tr>",
            e(&agency),
            names.join(", ")
        );
    }
    h.push_str("</tbody></table>\n");
}
