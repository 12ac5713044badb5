//! The HTML report's appendix: the method it was scored with, in full.

use std::fmt::Write;

use super::escape as e;
use crate::model::Scorecard;
use crate::model::grid::Grid;
use crate::model::method::Scale;
use crate::report::method_text::risk_rule;
use crate::report::num;

/// The appendix: the method's sections and factors, how risk is formed (a grid as the
/// paper shows it), and the bands.
pub(super) fn method(h: &mut String, card: &Scorecard) {
    let m = &card.method;
    let _ = writeln!(
        h,
        "<h2>Appendix: the method</h2>\n<p>{} {} ({}). {}</p>\n<p class=\"quiet\">{}</p>",
        e(&m.name),
        e(&m.version),
        e(&m.id),
        e(&m.description),
        e(&m.provenance)
    );
    for section in &m.sections {
        let _ = writeln!(h, "<h3>{}</h3>", e(&section.label));
        h.push_str("<table class=\"data\"><thead><tr><th>Factor</th><th>Levels (points): meaning</th></tr></thead><tbody>\n");
        for f in &section.factors {
            let levels = match &f.scale {
                Scale::Levels(levels) => levels
                    .iter()
                    .map(|l| format!("{} ({}): {}", e(&l.label), num(l.points), e(&l.descriptor)))
                    .collect::<Vec<_>>()
                    .join("<br/>"),
                Scale::Range {
                    min,
                    max,
                    step: None,
                } => format!("any whole number from {min} to {max}"),
                Scale::Range {
                    min,
                    max,
                    step: Some(s),
                } => format!("any number from {min} to {max} in steps of {}", s.written()),
            };
            let _ = writeln!(
                h,
                "<tr><td>{}<br/><span class=\"quiet\">{}</span></td><td>{levels}</td></tr>",
                e(&f.label),
                e(&f.descriptor)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    let _ = writeln!(h, "<h3>Risk</h3>\n<p>{}</p>", e(&risk_rule(m)));
    if let Some(g) = m.risk.grid() {
        grid_table(h, &g);
    }
    h.push_str("<h3>Risk bands</h3>\n<table class=\"data\"><thead><tr><th>Band</th><th>Risk</th></tr></thead><tbody>\n");
    for b in &m.bands {
        let _ = writeln!(
            h,
            "<tr><td>{} ({})</td><td class=\"num\">{}</td></tr>",
            e(&b.label),
            e(&b.letter),
            e(&band_range(m, b))
        );
    }
    h.push_str("</tbody></table>\n");
    lookup(h, m);
}

/// The position grades and the band × grade → outcome lookup, so the board can see why a
/// theme is, say, a "capability gap".
fn lookup(h: &mut String, m: &crate::model::method::Method) {
    let Some(t) = crate::report::method_text::lookup_table(m) else {
        return;
    };
    h.push_str("<h3>Outcome: risk band against partnership position</h3>\n<p class=\"quiet\">Each theme's suggested outcome is read from its risk band (down) and its partnership position grade (across, with the position totals each grade covers); — means no outcome until the position is scored.</p>\n<table class=\"data\"><thead><tr><th>Band ↓ / position →</th>");
    for c in &t.columns {
        let _ = write!(h, "<th>{}</th>", e(c));
    }
    h.push_str("</tr></thead><tbody>\n");
    for (band, cells) in &t.rows {
        let _ = write!(h, "<tr><th>{}</th>", e(band));
        for c in cells {
            let _ = write!(h, "<td>{}</td>", e(c));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");
}

/// A band's range in words ("4 to below 7"), or where a grid method's band comes from.
pub fn band_range(m: &crate::model::method::Method, b: &crate::model::method::Band) -> String {
    if matches!(m.risk, crate::model::method::RiskFormula::Grid { .. }) {
        "from the grid".to_owned()
    } else {
        b.bounds().text(num)
    }
}

/// A risk grid as the paper shows it: row headings down, column headings across.
fn grid_table(h: &mut String, g: &Grid<'_>) {
    let _ = write!(
        h,
        "<table class=\"data\"><thead><tr><th>{} ↓ / {} →</th>",
        e(g.rows),
        e(g.columns)
    );
    for c in g.column_keys {
        let _ = write!(h, "<th>{}</th>", e(&c.text()));
    }
    h.push_str("</tr></thead><tbody>\n");
    for (key, row) in g.row_keys.iter().zip(g.cells) {
        let _ = write!(h, "<tr><th>{}</th>", e(&key.text()));
        for cell in row {
            let _ = write!(h, "<td>{}</td>", e(cell));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");
}
