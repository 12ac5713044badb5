//! The Excel workbook: Ranking (band fills, frozen header), Scores (one row per theme in the
//! columns `trh import` reads, so a workbook can be brought back), Factors (every effective
//! value with its source and spread), Decisions, Participants and Method.
//!
//! Every sheet starts with the protective marking and prints it in the page header and footer.
//! All text is written with `write_string`, so nothing is ever read as a formula.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::tables::{factor_rows, participants_by_agency};
use super::xlsx_sheet::{HEAD, Styles, opt_num, sheet, styles};
use crate::model::method::Scale;
use crate::model::{Ranking, Scorecard};
use crate::report::rank_table::COLUMNS;

/// Builds the workbook and returns its bytes.
pub fn workbook(
    card: &Scorecard,
    ranking: &Ranking,
    figures: &crate::document::Figures,
) -> Result<Vec<u8>, XlsxError> {
    let s = styles();
    let mut wb = Workbook::new();
    ranking_sheet(&mut wb, card, ranking, &s)?;
    super::stability::sheet(&mut wb, card, &s, figures)?;
    scores_sheet(&mut wb, card, ranking, &s)?;
    factors_sheet(&mut wb, card, ranking, &s)?;
    decisions_sheet(&mut wb, card, &s)?;
    super::evidence::sheet_of(&mut wb, card, &s)?;
    participants_sheet(&mut wb, card, &s)?;
    method_sheet(&mut wb, card, &s)?;
    wb.save_to_buffer()
}

fn ranking_sheet(
    wb: &mut Workbook,
    card: &Scorecard,
    ranking: &Ranking,
    s: &Styles,
) -> Result<(), XlsxError> {
    let mut headings: Vec<(&str, f64)> = COLUMNS
        .iter()
        .map(|c| (*c, if *c == "theme" { 40.0 } else { 12.0 }))
        .collect();
    headings.push(("flags", 8.0));
    headings.push(("decision_rationale", 50.0));
    headings.push(("candidate", 14.0));
    let ws = sheet(wb, "Ranking", card, s, &headings)?;
    ws.write_string(0, 1, format!("{} {}", card.title, card.period).trim())?;
    if let Some(tie) = ranking.cut_tie() {
        ws.write_string(0, 2, tie.sentence())?;
    }
    let candidates = ranking.candidates();
    for (i, (row, candidate)) in ranking.rows.iter().zip(&candidates).enumerate() {
        let r = HEAD + 1 + i as u32;
        let text = crate::report::row::RowText::of(row);
        let cells = text.columns();
        opt_num(ws, r, 0, row.rank.map(f64::from))?;
        ws.write_string(r, 1, &text.theme)?;
        opt_num(ws, r, 2, row.harm)?;
        opt_num(ws, r, 3, row.likelihood)?;
        opt_num(ws, r, 4, row.risk)?;
        match &row.band {
            Some(b) if !s.bands.is_empty() => {
                let fill = &s.bands[b.index % s.bands.len()];
                ws.write_string_with_format(r, 5, &text.band, fill)?;
            }
            _ => {
                ws.write_string(r, 5, &text.band)?;
            }
        }
        for (c, cell) in cells.iter().enumerate().skip(6) {
            ws.write_string(r, c as u16, *cell)?;
        }
        ws.write_string(r, 10, &text.flags)?;
        ws.write_string(r, 11, &row.decision_rationale)?;
        ws.write_string(r, 12, candidate.text())?;
    }
    Ok(())
}

fn scores_sheet(
    wb: &mut Workbook,
    card: &Scorecard,
    ranking: &Ranking,
    s: &Styles,
) -> Result<(), XlsxError> {
    let factors: Vec<_> = card.method.factors().map(|(_, f)| f).collect();
    let mut headings: Vec<(&str, f64)> = vec![
        ("id", 20.0),
        ("theme", 40.0),
        ("category", 16.0),
        ("description", 30.0),
        ("evidence", 30.0),
    ];
    headings.extend(factors.iter().map(|f| (f.id.as_str(), 10.0)));
    headings.push(("decision", 18.0));
    headings.push(("decision_rationale", 40.0));
    let ws = sheet(wb, "Scores", card, s, &headings)?;
    ws.write_string(0, 1, "Effective values, in the columns trh import reads")?;
    for (i, row) in ranking.rows.iter().enumerate() {
        let r = HEAD + 1 + i as u32;
        let Some(theme) = card.themes.iter().find(|t| t.id == row.id) else {
            continue;
        };
        for (c, text) in [
            theme.id.as_str(),
            &theme.name,
            &theme.category,
            &theme.description,
            &theme.evidence,
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_string(r, c as u16, text)?;
        }
        for (c, f) in factors.iter().enumerate() {
            let col = (5 + c) as u16;
            let value = row
                .factors
                .iter()
                .find(|x| x.factor == f.id)
                .and_then(|x| x.value);
            match (value, &f.scale) {
                (Some(v), Scale::Range { .. }) => {
                    ws.write_number(r, col, f.scale.points(v))?;
                }
                (Some(v), _) => {
                    ws.write_string(r, col, f.scale.code(v))?;
                }
                (None, _) => {}
            }
        }
        let c = (5 + factors.len()) as u16;
        if let Some(d) = &theme.decision {
            ws.write_string(r, c, d.kind.code())?;
            ws.write_string(r, c + 1, &d.rationale)?;
        }
    }
    Ok(())
}

fn factors_sheet(
    wb: &mut Workbook,
    card: &Scorecard,
    ranking: &Ranking,
    s: &Styles,
) -> Result<(), XlsxError> {
    let headings = [
        ("rank", 6.0),
        ("theme", 36.0),
        ("section", 18.0),
        ("factor", 24.0),
        ("value", 14.0),
        ("points", 8.0),
        ("source", 10.0),
        ("round", 7.0),
        ("votes", 7.0),
        ("range (points)", 14.0),
        ("IQR (points)", 12.0),
        ("contested", 10.0),
        ("rationale", 50.0),
        ("note", 50.0),
    ];
    let ws = sheet(wb, "Factors", card, s, &headings)?;
    for (i, f) in factor_rows(card, ranking).iter().enumerate() {
        let r = HEAD + 1 + i as u32;
        opt_num(ws, r, 0, f.rank.map(f64::from))?;
        ws.write_string(r, 1, &f.theme)?;
        ws.write_string(r, 2, &f.section)?;
        ws.write_string(r, 3, &f.factor)?;
        ws.write_string(r, 4, &f.value)?;
        opt_num(ws, r, 5, f.points)?;
        ws.write_string(r, 6, f.source)?;
        opt_num(ws, r, 7, f.round.map(f64::from))?;
        if f.votes > 0 {
            ws.write_number(r, 8, f.votes as f64)?;
        }
        ws.write_string(r, 9, &f.range)?;
        opt_num(ws, r, 10, f.iqr)?;
        ws.write_string(r, 11, if f.contested { "yes" } else { "" })?;
        ws.write_string(r, 12, &f.rationale)?;
        ws.write_string(r, 13, &f.note)?;
    }
    Ok(())
}

fn decisions_sheet(wb: &mut Workbook, card: &Scorecard, s: &Styles) -> Result<(), XlsxError> {
    let headings = [
        ("when", 20.0),
        ("who", 18.0),
        ("what", 44.0),
        ("change", 70.0),
    ];
    let ws = sheet(wb, "Decisions", card, s, &headings)?;
    for (i, c) in crate::report::log::log_lines(card).iter().enumerate() {
        let r = HEAD + 1 + i as u32;
        for (col, text) in [&c.when, &c.who, &c.what, &c.change]
            .into_iter()
            .enumerate()
        {
            ws.write_string(r, col as u16, text)?;
        }
    }
    Ok(())
}

fn participants_sheet(wb: &mut Workbook, card: &Scorecard, s: &Styles) -> Result<(), XlsxError> {
    let headings = [("agency", 24.0), ("name", 30.0), ("present", 10.0)];
    let ws = sheet(wb, "Participants", card, s, &headings)?;
    let mut r = HEAD + 1;
    for (agency, people) in participants_by_agency(card) {
        for p in people {
            ws.write_string(r, 0, &agency)?;
            ws.write_string(r, 1, &p.name)?;
            ws.write_string(r, 2, if p.present { "yes" } else { "no" })?;
            r += 1;
        }
    }
    Ok(())
}

fn method_sheet(wb: &mut Workbook, card: &Scorecard, s: &Styles) -> Result<(), XlsxError> {
    let headings = [
        ("section", 20.0),
        ("factor id", 16.0),
        ("factor", 26.0),
        ("level", 8.0),
        ("label", 16.0),
        ("points", 8.0),
        ("descriptor", 70.0),
    ];
    let m = &card.method;
    let ws = sheet(wb, "Method", card, s, &headings)?;
    ws.write_string(0, 1, format!("{} {} ({})", m.name, m.version, m.id))?;
    let mut r = HEAD + 1;
    for section in &m.sections {
        for f in &section.factors {
            let levels: Vec<(String, String, f64, String)> = match &f.scale {
                Scale::Levels(levels) => levels
                    .iter()
                    .map(|l| {
                        (
                            l.code.clone(),
                            l.label.clone(),
                            l.points,
                            l.descriptor.clone(),
                        )
                    })
                    .collect(),
                Scale::Range { min, max, step } => vec![(
                    String::new(),
                    match step {
                        None => format!("{min} to {max}"),
                        Some(s) => format!("{min} to {max} in steps of {}", s.written()),
                    },
                    f64::from(*min),
                    f.descriptor.clone(),
                )],
            };
            for (code, label, points, descriptor) in levels {
                ws.write_string(r, 0, &section.label)?;
                ws.write_string(r, 1, f.id.as_str())?;
                ws.write_string(r, 2, &f.label)?;
                ws.write_string(r, 3, &code)?;
                ws.write_string(r, 4, &label)?;
                ws.write_number(r, 5, points)?;
                ws.write_string(r, 6, &descriptor)?;
                r += 1;
            }
        }
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Risk", &s.bold)?;
    ws.write_string(r, 1, crate::report::method_text::risk_rule(m))?;
    if let Some(g) = m.risk.grid() {
        // The grid as the paper shows it: row headings down column A, column headings across.
        r += 1;
        ws.write_string(r, 0, format!("{} ↓ / {} →", g.rows, g.columns))?;
        for (c, key) in (1u16..).zip(g.column_keys) {
            ws.write_string(r, c, key.text())?;
        }
        for (key, row) in g.row_keys.iter().zip(g.cells) {
            r += 1;
            ws.write_string(r, 0, key.text())?;
            for (c, cell) in (1u16..).zip(row) {
                ws.write_string(r, c, cell)?;
            }
        }
    }
    r += 2;
    ws.write_string_with_format(r, 0, "Risk bands", &s.bold)?;
    for b in &m.bands {
        r += 1;
        ws.write_string(r, 0, &b.label)?;
        ws.write_string(r, 3, &b.letter)?;
        ws.write_string(r, 4, super::html_method::band_range(m, b))?;
    }
    lookup_rows(ws, m, r + 2, s)?;
    Ok(())
}

/// The outcome lookup from row `r`: bands down column A, position grades across.
fn lookup_rows(
    ws: &mut rust_xlsxwriter::Worksheet,
    m: &crate::model::method::Method,
    mut r: u32,
    s: &Styles,
) -> Result<(), XlsxError> {
    let Some(t) = crate::report::method_text::lookup_table(m) else {
        return Ok(());
    };
    ws.write_string_with_format(r, 0, "Outcome: band ↓ / position →", &s.bold)?;
    for (c, label) in (1u16..).zip(&t.columns) {
        ws.write_string_with_format(r, c, label, &s.bold)?;
    }
    for (band, cells) in &t.rows {
        r += 1;
        ws.write_string(r, 0, band)?;
        for (c, cell) in (1u16..).zip(cells) {
            ws.write_string(r, c, cell)?;
        }
    }
    Ok(())
}
