//! Checks that a method is complete and consistent before anything is scored with it:
//! known ids, non-empty scales, and bands and grades that cover every attainable total
//! exactly once, and a lookup that gives exactly one outcome for every (band, grade) pair.

mod data;
mod lookup;
mod risk;
mod section;

use std::collections::HashSet;

use super::method::{
    Bounds, ConfidenceMode, GradeMatch, METHOD_FORMAT, Method, RiskFormula, Scale, SectionKind,
};

pub use super::attainable::{attainable_risks, attainable_totals, risk_of};
use data::check_data_rules;
use lookup::check_lookup;
use risk::check_risk;
use section::check_sections;

/// Widest integer range a factor may have; wider scales are refused, not enumerated.
pub const MAX_RANGE_WIDTH: i64 = 1000;

/// One problem with a method. `at` is a chain of text fragments that locates it in the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct MethodIssue {
    /// What is wrong.
    pub message: String,
    /// Fragments to search for, in order, to find the line in the method's text.
    pub at: Vec<String>,
}

pub(super) fn issue(message: String, at: &[&str]) -> MethodIssue {
    MethodIssue {
        message,
        at: at.iter().map(|s| (*s).to_owned()).collect(),
    }
}

pub(super) fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// Every problem with a method; empty when the method can be used.
pub fn check(method: &Method) -> Vec<MethodIssue> {
    let mut out = Vec::new();
    if method.format > METHOD_FORMAT {
        out.push(issue(
            format!(
                "method format {} is newer than this version of trh reads (up to {METHOD_FORMAT}); update trh",
                method.format
            ),
            &["format:"],
        ));
        return out;
    }
    for (field, value) in [
        ("id", &method.id),
        ("name", &method.name),
        ("version", &method.version),
    ] {
        if value.trim().is_empty() {
            out.push(issue(
                format!("the method's {field} is empty"),
                &[&format!("{field}:")],
            ));
        }
    }
    check_format(method, &mut out);
    if check_sections(method, &mut out) {
        check_confidence_mode(method, &mut out);
        check_risk(method, &mut out);
        check_bands(method, &mut out);
        check_grades(method, &mut out);
        check_lookup(method, &mut out);
        check_intelligence_gap(method, &mut out);
        check_data_rules(method, &mut out);
    }
    out
}

/// What a format-1 method uses that format 1 lacks: an older trh could not read it.
fn format_2_features(method: &Method) -> Vec<&'static str> {
    let mut used = Vec::new();
    match method.risk {
        RiskFormula::Weighted(_) => used.push("Weighted risk"),
        RiskFormula::Grid { .. } => used.push("a Grid"),
        _ => {}
    }
    if method.sections.iter().any(|s| s.kind == SectionKind::Other) {
        used.push("an Other section");
    }
    if method
        .factors()
        .any(|(_, f)| matches!(f.scale, crate::model::Scale::Range { step: Some(_), .. }))
    {
        used.push("a Range with a step");
    }
    let written = |f: [Option<f64>; 4]| {
        let [min, max, from, below] = f;
        from.is_some() || below.is_some() || min.is_none() || max.is_none()
    };
    let bands = !matches!(method.risk, RiskFormula::Grid { .. })
        && method
            .bands
            .iter()
            .any(|b| written([b.min, b.max, b.from, b.below]));
    let grades = method
        .grades
        .iter()
        .any(|g| written([g.min, g.max, g.from, g.below]));
    if bands || grades {
        used.push("from / below bounds or an open end");
    }
    if method
        .lookup
        .iter()
        .any(|r| matches!(r.grades, GradeMatch::Ungraded))
    {
        used.push("an Ungraded lookup rule");
    }
    used
}

fn check_format(method: &Method, out: &mut Vec<MethodIssue>) {
    if method.format < 3 && method.factors().any(|(_, f)| f.data.is_some()) {
        out.push(issue(
            format!(
                "the method says format: {}, but a factor has a data rule, which needs format: 3 (older versions of trh cannot read it); write format: 3",
                method.format
            ),
            &["format:"],
        ));
    }
    let used = format_2_features(method);
    if method.format < 2 && !used.is_empty() {
        out.push(issue(
            format!(
                "the method says format: {}, but uses {}, which needs format: 2 (older versions of trh cannot read it); write format: 2",
                method.format,
                used.join(", ")
            ),
            &["format:"],
        ));
    }
}

fn confidence_codes(method: &Method) -> Vec<String> {
    match method.confidence_factor().map(|f| &f.scale) {
        Some(Scale::Levels(levels)) => levels.iter().map(|l| l.code.clone()).collect(),
        _ => Vec::new(),
    }
}

fn check_confidence_mode(method: &Method, out: &mut Vec<MethodIssue>) {
    let ConfidenceMode::Weighted(weights) = &method.confidence_mode else {
        return;
    };
    let codes = confidence_codes(method);
    if codes.is_empty() {
        out.push(issue(
            "confidence_mode is Weighted but the method has no confidence section".to_owned(),
            &["confidence_mode"],
        ));
        return;
    }
    for (code, w) in weights {
        if !codes.iter().any(|c| c == code) {
            out.push(issue(
                format!("confidence weight for unknown level \"{code}\""),
                &["confidence_mode", &quoted(code)],
            ));
        }
        if !w.is_finite() || *w < 0.0 {
            out.push(issue(
                format!("confidence weight for \"{code}\" must be a number ≥ 0"),
                &["confidence_mode", &quoted(code)],
            ));
        }
    }
    for code in &codes {
        if !weights.iter().any(|(c, _)| c == code) {
            out.push(issue(
                format!("confidence level \"{code}\" has no weight"),
                &["confidence_mode"],
            ));
        }
    }
}

/// A named range, with the fields it was written with: (id, bounds, fields given).
struct Interval<'a> {
    id: &'a str,
    bounds: Bounds,
    /// (min, max, from, below), to refuse two lower or two upper ends.
    fields: [Option<f64>; 4],
}

fn check_intervals(
    what: &str,
    list_field: &str,
    intervals: &[Interval<'_>],
    attainable: Option<&[f64]>,
    out: &mut Vec<MethodIssue>,
) {
    let mut ids = HashSet::new();
    let show = |b: &Bounds| b.text(|x| format!("{x}"));
    for (i, iv) in intervals.iter().enumerate() {
        let id = iv.id;
        let at = [list_field, &quoted(id)];
        if !ids.insert(id) {
            out.push(issue(format!("{what} id \"{id}\" is used twice"), &at));
        }
        let [min, max, from, below] = iv.fields;
        if min.is_some() && from.is_some() {
            out.push(issue(
                format!("{what} \"{id}\" gives both min and from: they mean the same; keep one"),
                &at,
            ));
        }
        if max.is_some() && below.is_some() {
            out.push(issue(
                format!(
                    "{what} \"{id}\" gives both max and below: max includes its value, below does not; keep one"
                ),
                &at,
            ));
        }
        if iv.fields.iter().flatten().any(|x| !x.is_finite()) {
            out.push(issue(
                format!("{what} \"{id}\" has a bound that is not a number"),
                &at,
            ));
        } else if iv.bounds.is_empty() {
            out.push(issue(
                format!(
                    "{what} \"{id}\" holds no value: its lower end {} is above its upper end {}",
                    iv.bounds.low(),
                    iv.bounds.high()
                ),
                &at,
            ));
        }
        for other in &intervals[..i] {
            if iv.bounds.overlaps(&other.bounds) {
                out.push(issue(
                    format!(
                        "{what}s \"{}\" ({}) and \"{id}\" ({}) overlap; to make one end where the next begins, write below: on the lower and from: on the higher",
                        other.id,
                        show(&other.bounds),
                        show(&iv.bounds)
                    ),
                    &at,
                ));
            }
        }
    }
    if let Some(values) = attainable {
        check_gaps(what, list_field, intervals, values, out);
    }
}

/// Attainable values that fall in no interval, the first eight named.
fn check_gaps(
    what: &str,
    list_field: &str,
    intervals: &[Interval<'_>],
    values: &[f64],
    out: &mut Vec<MethodIssue>,
) {
    let gaps: Vec<String> = values
        .iter()
        .filter(|v| !intervals.iter().any(|iv| iv.bounds.contains(**v)))
        .map(|v| format!("{v}"))
        .collect();
    if !gaps.is_empty() {
        let shown: Vec<&str> = gaps.iter().take(8).map(String::as_str).collect();
        let more = if gaps.len() > 8 {
            format!(" and {} more", gaps.len() - 8)
        } else {
            String::new()
        };
        out.push(issue(
            format!(
                "{what}s leave a gap: these attainable values fall in no {what}: {}{more}; widen a {what}, or write below: and from: so that each {what} starts where the one before ends",
                shown.join(", ")
            ),
            &[list_field],
        ));
    }
}

fn check_bands(method: &Method, out: &mut Vec<MethodIssue>) {
    if method.bands.is_empty() {
        out.push(issue(
            "the method has no risk bands".to_owned(),
            &["bands:"],
        ));
        return;
    }
    for b in &method.bands {
        if b.letter.trim().is_empty() || b.letter.chars().count() > 3 {
            out.push(issue(
                format!("band \"{}\" needs a letter of 1 to 3 characters", b.id),
                &["bands:", &quoted(&b.id)],
            ));
        }
    }
    let intervals: Vec<Interval<'_>> = method
        .bands
        .iter()
        .map(|b| Interval {
            id: &b.id,
            bounds: b.bounds(),
            fields: [b.min, b.max, b.from, b.below],
        })
        .collect();
    if matches!(method.risk, RiskFormula::Grid { .. }) {
        let mut ids = HashSet::new();
        for iv in &intervals {
            if !ids.insert(iv.id) {
                out.push(issue(
                    format!("band id \"{}\" is used twice", iv.id),
                    &["bands:", &quoted(iv.id)],
                ));
            }
            if iv.fields.iter().any(Option::is_some) {
                out.push(issue(
                    format!(
                        "band \"{}\" has bounds, but this method's bands come from its grid: remove min, max, from and below",
                        iv.id
                    ),
                    &["bands:", &quoted(iv.id)],
                ));
            }
        }
        return;
    }
    let risks = attainable_risks(method);
    check_intervals("band", "bands:", &intervals, risks.as_deref(), out);
}

fn check_grades(method: &Method, out: &mut Vec<MethodIssue>) {
    match method.section(SectionKind::Position) {
        None if !method.grades.is_empty() => out.push(issue(
            "the method has position grades but no position section".to_owned(),
            &["grades:"],
        )),
        None => {}
        Some(_) if method.grades.is_empty() => out.push(issue(
            "the method has a position section but no grades".to_owned(),
            &["sections:", "kind: Position"],
        )),
        Some(section) => {
            let intervals: Vec<Interval<'_>> = method
                .grades
                .iter()
                .map(|g| Interval {
                    id: &g.id,
                    bounds: g.bounds(),
                    fields: [g.min, g.max, g.from, g.below],
                })
                .collect();
            let totals = attainable_totals(section);
            check_intervals("grade", "grades:", &intervals, totals.as_deref(), out);
        }
    }
}

fn check_intelligence_gap(method: &Method, out: &mut Vec<MethodIssue>) {
    let Some(gap) = &method.intelligence_gap else {
        return;
    };
    for b in &gap.bands {
        if method.band(b).is_none() {
            out.push(issue(
                format!("intelligence_gap names unknown band \"{b}\""),
                &["intelligence_gap", &quoted(b)],
            ));
        }
    }
    let codes = confidence_codes(method);
    for c in &gap.confidence {
        if !codes.iter().any(|x| x == c) {
            out.push(issue(
                format!("intelligence_gap names unknown confidence level \"{c}\""),
                &["intelligence_gap", &quoted(c)],
            ));
        }
    }
}
