//! The outcome lookup's checks: every rule names known ids, and every (band, grade) pair is
//! matched by exactly one rule.

use std::collections::HashSet;

use super::method::{GradeMatch, Method};
use super::method_check::{MethodIssue, issue, quoted};

pub(super) fn check_lookup(method: &Method, out: &mut Vec<MethodIssue>) {
    let mut ids = HashSet::new();
    for o in &method.outcomes {
        if !ids.insert(o.id.as_str()) {
            out.push(issue(
                format!("outcome id \"{}\" is used twice", o.id),
                &["outcomes", &quoted(&o.id)],
            ));
        }
    }
    for (i, rule) in method.lookup.iter().enumerate() {
        let n = i + 1;
        if method.outcome(&rule.outcome).is_none() {
            out.push(issue(
                format!("lookup rule {n} names unknown outcome \"{}\"", rule.outcome),
                &["lookup", &quoted(&rule.outcome)],
            ));
        }
        for b in &rule.bands {
            if method.band(b).is_none() {
                out.push(issue(
                    format!("lookup rule {n} names unknown band \"{b}\""),
                    &["lookup", &quoted(b)],
                ));
            }
        }
        if let GradeMatch::Only(grades) = &rule.grades {
            for g in grades {
                if !method.grades.iter().any(|x| &x.id == g) {
                    out.push(issue(
                        format!("lookup rule {n} names unknown grade \"{g}\""),
                        &["lookup", &quoted(g)],
                    ));
                }
            }
        }
    }
    // Every (band, grade) pair must have exactly one outcome.
    let grades: Vec<Option<&str>> = if method.grades.is_empty() {
        vec![None]
    } else {
        method.grades.iter().map(|g| Some(g.id.as_str())).collect()
    };
    for band in &method.bands {
        for grade in &grades {
            let hits = matching_rules(method, &band.id, *grade);
            let pair = match grade {
                Some(g) => format!("band \"{}\" with grade \"{g}\"", band.id),
                None => format!("band \"{}\"", band.id),
            };
            match hits.as_slice() {
                [] => out.push(issue(
                    format!("the outcome lookup has no outcome for {pair}"),
                    &["lookup"],
                )),
                [_] => {}
                many => out.push(issue(
                    format!(
                        "the outcome lookup is ambiguous for {pair}: rules {} all match",
                        many.iter()
                            .map(|i| (i + 1).to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    &["lookup"],
                )),
            }
        }
    }
}

/// The indices of lookup rules matching a band and grade (`None`: the theme has no grade).
pub fn matching_rules(method: &Method, band: &str, grade: Option<&str>) -> Vec<usize> {
    method
        .lookup
        .iter()
        .enumerate()
        .filter(|(_, r)| r.bands.iter().any(|b| b == band))
        .filter(|(_, r)| match (&r.grades, grade) {
            (GradeMatch::Any, _) => true,
            (GradeMatch::Only(gs), Some(g)) => gs.iter().any(|x| x == g),
            (GradeMatch::Only(_), None) | (GradeMatch::Ungraded, Some(_)) => false,
            (GradeMatch::Ungraded, None) => true,
        })
        .map(|(i, _)| i)
        .collect()
}
