//! The outcome lookup's checks: every rule names known ids, and every (band, grade) pair is
//! matched by exactly one rule.

use std::collections::HashSet;

use crate::model::check::{MethodIssue, issue, quoted};
use crate::model::method::{GradeMatch, Method, matching_rules};

pub(super) fn check_lookup(method: &Method, out: &mut Vec<MethodIssue>) {
    let mut ids = HashSet::new();
    for o in &method.outcomes {
        if !ids.insert(o.id.as_str()) {
            out.push(issue(
                format!("outcome id \"{}\" is used twice", o.id),
                &["outcomes:", &quoted(&o.id)],
            ));
        }
    }
    for (i, rule) in method.lookup.iter().enumerate() {
        let n = i + 1;
        if method.outcome(&rule.outcome).is_none() {
            out.push(issue(
                format!("lookup rule {n} names unknown outcome \"{}\"", rule.outcome),
                &["lookup:", &quoted(&rule.outcome)],
            ));
        }
        for b in &rule.bands {
            if method.band(b).is_none() {
                out.push(issue(
                    format!("lookup rule {n} names unknown band \"{b}\""),
                    &["lookup:", &quoted(b)],
                ));
            }
        }
        if let GradeMatch::Only(grades) = &rule.grades {
            for g in grades {
                if !method.grades.iter().any(|x| &x.id == g) {
                    out.push(issue(
                        format!("lookup rule {n} names unknown grade \"{g}\""),
                        &["lookup:", &quoted(g)],
                    ));
                }
            }
        }
    }
    // Every (band, grade) pair must have exactly one outcome; a theme whose position is not
    // scored yet has no grade, and at most one rule may match it (none: it is flagged
    // incomplete until it is scored).
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
            if hits.is_empty() {
                out.push(issue(
                    format!("the outcome lookup has no outcome for {pair}"),
                    &["lookup:"],
                ));
            }
            if hits.len() > 1 {
                out.push(ambiguous(&pair, &hits));
            }
        }
        if !method.grades.is_empty() {
            let hits = matching_rules(method, &band.id, None);
            if hits.len() > 1 {
                let pair = format!("band \"{}\" with no grade (position not scored)", band.id);
                out.push(ambiguous(&pair, &hits));
            }
        }
    }
}

fn ambiguous(pair: &str, hits: &[usize]) -> MethodIssue {
    issue(
        format!(
            "the outcome lookup is ambiguous for {pair}: {}; make the rules cover different grades",
            rules_match(hits)
        ),
        &["lookup:"],
    )
}

/// "rules 3 and 4 both match", "rules 2, 3 and 4 all match".
fn rules_match(hits: &[usize]) -> String {
    let n: Vec<String> = hits.iter().map(|i| (i + 1).to_string()).collect();
    match n.as_slice() {
        [a, b] => format!("rules {a} and {b} both match"),
        [init @ .., last] => format!("rules {} and {last} all match", init.join(", ")),
        [] => String::new(),
    }
}
