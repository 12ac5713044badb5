//! Checks of the risk rule: a weighted sum's terms and weights, and a grid's axes, headings
//! and cells (every reachable cell filled exactly once, with a known band).

use std::collections::HashSet;

use crate::model::attainable::attainable_totals;
use crate::model::check::{MethodIssue, issue, quoted};
use crate::model::grid::{Grid, Key};
use crate::model::method::{ConfidenceMode, Method, RiskFormula, Scale, SectionKind};
use crate::model::risk_rule::{Term, cell_band, key_value, term, term_section};

/// Checks the method's risk formula.
pub(super) fn check_risk(method: &Method, out: &mut Vec<MethodIssue>) {
    if let Some(grid) = method.risk.grid() {
        check_grid(method, &grid, out);
    }
    match &method.risk {
        RiskFormula::WeightedSum { harm, likelihood } => {
            for (name, w) in [("harm", harm), ("likelihood", likelihood)] {
                check_weight(name, *w, out);
            }
        }
        RiskFormula::Weighted(terms) => check_weighted(method, terms, out),
        RiskFormula::Grid { .. } | RiskFormula::Product | RiskFormula::Sum => {}
    }
}

fn check_weight(name: &str, w: f64, out: &mut Vec<MethodIssue>) {
    if !w.is_finite() || w < 0.0 {
        out.push(issue(
            format!(
                "risk: the weight on \"{name}\" is {w}; a weight must be a number of 0 or more"
            ),
            &["risk:", &quoted(name)],
        ));
    }
}

/// The names a formula may use, for messages: the sections', then "or a factor id".
fn known_names(method: &Method) -> String {
    let names: Vec<String> = method
        .sections
        .iter()
        .filter(|s| s.kind != SectionKind::Confidence)
        .filter(|s| s.kind != SectionKind::Other || !s.id.is_empty())
        .map(|s| quoted(s.name()))
        .collect();
    format!(
        "the sections are {}, or name one factor by its id",
        names.join(", ")
    )
}

/// A term that would read confidence, refused with advice.
fn reads_confidence(method: &Method, t: Term) -> bool {
    term_section(method, t).is_some_and(|i| method.sections[i].kind == SectionKind::Confidence)
}

fn check_weighted(method: &Method, terms: &[(String, f64)], out: &mut Vec<MethodIssue>) {
    if terms.is_empty() {
        out.push(issue(
            "risk: Weighted lists no terms; write Weighted([(\"harm\", 0.5), (\"likelihood\", 0.5)])"
                .to_owned(),
            &["risk:"],
        ));
        return;
    }
    let mut seen = HashSet::new();
    let mut resolved = Vec::new();
    for (name, w) in terms {
        let at = ["risk:", &quoted(name)];
        if !seen.insert(name.as_str()) {
            out.push(issue(
                format!("risk: Weighted names \"{name}\" twice; give it one weight"),
                &at,
            ));
        }
        check_weight(name, *w, out);
        if let Some(why) = two_meanings(method, name) {
            out.push(issue(
                format!("risk: Weighted names \"{name}\", {why}"),
                &at,
            ));
        }
        match term(method, name) {
            None => out.push(issue(
                format!(
                    "risk: Weighted names \"{name}\", which is neither a section nor a factor; {}",
                    known_names(method)
                ),
                &at,
            )),
            Some(t) if reads_confidence(method, t) => out.push(issue(
                format!(
                    "risk: Weighted names \"{name}\", which is confidence; confidence is weighted into risk by confidence_mode: Weighted([...]), not as a term"
                ),
                &at,
            )),
            Some(t) => resolved.push((name, t)),
        }
    }
    for (name, t) in &resolved {
        let Term::Factor(_) = t else { continue };
        let Some(s) = term_section(method, *t) else {
            continue;
        };
        if let Some((section, _)) = resolved.iter().find(|(_, o)| *o == Term::Section(s)) {
            out.push(issue(
                format!(
                    "risk: factor \"{name}\" is already counted in the \"{section}\" total, which is also weighted; weight the section or its factors one by one, not both"
                ),
                &["risk:", &quoted(name)],
            ));
        }
    }
}

/// The one rule for ids: a name the risk formula reads must mean one total. It means two when
/// it is a section's name (`harm`, `likelihood`, `position`, an `Other` section's id) and
/// also a factor's id, unless that factor is the section's only factor (then both are the
/// same number). Says why, if so.
fn two_meanings(method: &Method, name: &str) -> Option<String> {
    let (_, section) = method.section_named(name)?;
    let home = method
        .sections
        .iter()
        .find(|s| s.factors.iter().any(|f| f.id.as_str() == name))?;
    if home.name() == section.name() && section.factors.len() == 1 {
        return None;
    }
    Some(format!(
        "which is both the {} section's total and the factor \"{name}\" (in {}); rename the factor so each name means one thing",
        section.label, home.label
    ))
}

/// A grid axis: what it names, resolved.
fn grid_axis(method: &Method, which: &str, name: &str, out: &mut Vec<MethodIssue>) -> Option<Term> {
    let at = ["risk:", &format!("{which}:")];
    if let Some(why) = two_meanings(method, name) {
        out.push(issue(
            format!("risk: the grid's {which} are keyed on \"{name}\", {why}"),
            &at,
        ));
    }
    match term(method, name) {
        None => {
            out.push(issue(
                format!(
                    "risk: the grid's {which} are keyed on \"{name}\", which is neither a section nor a factor; {}",
                    known_names(method)
                ),
                &at,
            ));
            None
        }
        Some(t) if reads_confidence(method, t) => {
            out.push(issue(
                format!("risk: the grid's {which} cannot be keyed on confidence (\"{name}\")"),
                &at,
            ));
            None
        }
        Some(t) => Some(t),
    }
}

/// The values a theme can have on an axis, sorted; `None` if too many to list.
fn axis_values(
    method: &Method,
    axis: Term,
    out: &mut Vec<MethodIssue>,
    which: &str,
) -> Option<Vec<f64>> {
    match axis {
        Term::Section(i) => attainable_totals(&method.sections[i]),
        Term::Factor(j) => {
            let (_, f) = method.factors().nth(j)?;
            let mut seen: Vec<(f64, String)> = Vec::new();
            if let Scale::Levels(levels) = &f.scale {
                for l in levels {
                    if let Some((_, other)) = seen.iter().find(|(p, _)| *p == l.points) {
                        out.push(issue(
                            format!(
                                "risk: the grid's {which} are keyed on factor \"{}\", whose levels \"{other}\" and \"{}\" are both worth {} points, so the grid cannot tell them apart; give them different points",
                                f.id, l.code, l.points
                            ),
                            &["risk:", &format!("{which}:")],
                        ));
                    }
                    seen.push((l.points, l.code.clone()));
                }
            }
            let mut v: Vec<f64> = f
                .scale
                .values()
                .iter()
                .map(|v| f.scale.points(*v))
                .collect();
            v.sort_by(f64::total_cmp);
            v.dedup();
            Some(v)
        }
    }
}

/// Checks one axis's headings: each fits the axis, none repeats, and every value a theme
/// can reach has a heading.
fn check_headings(
    method: &Method,
    which: &str,
    name: &str,
    axis: Term,
    keys: &[Key],
    out: &mut Vec<MethodIssue>,
) {
    let field = if which == "rows" {
        "row_keys:"
    } else {
        "column_keys:"
    };
    let one = &which[..which.len() - 1];
    let reachable = axis_values(method, axis, out, which);
    let mut values: Vec<(f64, String)> = Vec::new();
    for key in keys {
        let text = key.text();
        let at = ["risk:", field];
        match key_value(method, axis, key) {
            Err(why) => out.push(issue(
                format!("risk: the grid's {one} heading \"{text}\" does not fit \"{name}\": {why}"),
                &at,
            )),
            Ok(v) => {
                if let Some((_, other)) = values.iter().find(|(x, _)| (x - v).abs() < 1e-9) {
                    out.push(issue(
                        format!(
                            "risk: the grid's {one} headings \"{other}\" and \"{text}\" are the same value of \"{name}\" ({v}); list each once"
                        ),
                        &at,
                    ));
                } else if reachable
                    .as_ref()
                    .is_some_and(|r| !r.iter().any(|x| (x - v).abs() < 1e-9))
                {
                    out.push(issue(
                        format!(
                            "risk: the grid's {one} heading \"{text}\" is a value of \"{name}\" ({v}) that no theme can have; remove it"
                        ),
                        &at,
                    ));
                }
                values.push((v, text));
            }
        }
    }
    let Some(reachable) = reachable else { return };
    let missing: Vec<String> = reachable
        .iter()
        .filter(|r| !values.iter().any(|(v, _)| (*v - **r).abs() < 1e-9))
        .map(|r| format!("{r}"))
        .collect();
    if !missing.is_empty() {
        out.push(issue(
            format!(
                "risk: the grid has no {one} for \"{name}\" {}, which a theme can have; add {}",
                missing.join(", "),
                if missing.len() == 1 { "it" } else { "them" }
            ),
            &["risk:", field],
        ));
    }
}

fn check_grid(method: &Method, grid: &Grid<'_>, out: &mut Vec<MethodIssue>) {
    if matches!(method.confidence_mode, ConfidenceMode::Weighted(_)) {
        out.push(issue(
            "confidence_mode is Weighted, but a grid gives a band, not a number to weight; remove confidence_mode or use a formula".to_owned(),
            &["confidence_mode:"],
        ));
    }
    let rows = grid_axis(method, "rows", grid.rows, out);
    let columns = grid_axis(method, "columns", grid.columns, out);
    if let (Some(r), Some(c)) = (rows, columns)
        && r == c
    {
        out.push(issue(
            format!("risk: the grid's rows and columns are both keyed on \"{}\"; key them on two different things", grid.rows),
            &["risk:", "columns:"],
        ));
    }
    if let Some(r) = rows {
        check_headings(method, "rows", grid.rows, r, grid.row_keys, out);
    }
    if let Some(c) = columns {
        check_headings(method, "columns", grid.columns, c, grid.column_keys, out);
    }
    if grid.cells.len() != grid.row_keys.len() {
        out.push(issue(
            format!(
                "risk: the grid has {} row headings but {} rows of cells; give one row of cells per heading",
                grid.row_keys.len(),
                grid.cells.len()
            ),
            &["risk:", "cells:"],
        ));
    }
    for (r, row) in grid.cells.iter().enumerate() {
        let heading = grid
            .row_keys
            .get(r)
            .map_or_else(|| format!("{}", r + 1), Key::text);
        if row.len() != grid.column_keys.len() {
            out.push(issue(
                format!(
                    "risk: grid row \"{heading}\" has {} cells but there are {} column headings; give one cell per column",
                    row.len(),
                    grid.column_keys.len()
                ),
                &["risk:", "cells:"],
            ));
        }
        for (c, cell) in row.iter().enumerate() {
            if cell_band(method, cell).is_none() {
                let column = grid
                    .column_keys
                    .get(c)
                    .map_or_else(|| format!("{}", c + 1), Key::text);
                out.push(issue(
                    format!(
                        "risk: grid cell ({} \"{heading}\", {} \"{column}\") holds \"{cell}\", which is neither a band id nor a band letter",
                        grid.rows, grid.columns
                    ),
                    &["risk:", "cells:", &quoted(cell)],
                ));
            }
        }
    }
}
