//! Checks of a method's sections and factors: the kinds present, each `Other` section's
//! name, factor ids and scales. Problems that make totals impossible to enumerate (an empty
//! scale, a missing harm section) stop the later checks; naming problems (a duplicate factor
//! id) do not, so every other mistake is still reported beside them.

use std::collections::HashSet;

use crate::model::check::{MAX_RANGE_WIDTH, MethodIssue, issue, quoted};
use crate::model::method::MAX_SECTIONS;
use crate::model::method::{Method, Role, Scale, Section, SectionKind};

/// Checks the sections. Returns whether totals can be enumerated (no structural problem).
pub(super) fn check_sections(method: &Method, out: &mut Vec<MethodIssue>) -> bool {
    let mut blocking = Vec::new();
    check_kinds(method, &mut blocking);
    let mut seen = HashSet::new();
    let mut uses = std::collections::HashMap::new();
    for section in &method.sections {
        let at_kind = section_at(section);
        let at: Vec<&str> = at_kind.iter().map(String::as_str).collect();
        let name = section.name();
        if section.factors.is_empty() {
            blocking.push(issue(format!("the {name} section has no factors"), &at));
        } else if section.factors.iter().all(|f| f.role == Role::Report) {
            blocking.push(issue(
                format!("every factor in the {name} section is Report, so it has no total"),
                &at,
            ));
        }
        for factor in &section.factors {
            let id = factor.id.as_str();
            let mut fat = at.clone();
            let q = quoted(id);
            fat.push(&q);
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                out.push(issue(
                    format!("factor id \"{id}\" must be letters, digits, '-' or '_'"),
                    &fat,
                ));
            }
            let before = *uses.get(id).unwrap_or(&0);
            uses.insert(id, before + 1);
            if !seen.insert(id) {
                // Point at this use, the (before + 1)-th `id: "x"` in the sections (for the
                // first few hundred uses: a longer chain costs more than it tells).
                let frag = format!("id: {}", quoted(id));
                let mut at = vec!["sections:"];
                if before < 256 {
                    at.extend(std::iter::repeat_n(frag.as_str(), before + 1));
                } else {
                    at.clone_from(&fat);
                }
                out.push(issue(
                    format!("factor id \"{id}\" is used twice; give each factor its own id"),
                    &at,
                ));
            }
            check_scale(id, &factor.scale, &fat, &mut blocking);
        }
        if section.kind == SectionKind::Confidence {
            check_confidence_section(section, &at, &mut blocking);
        }
    }
    check_section_names(method, out);
    let usable = blocking.is_empty();
    out.append(&mut blocking);
    usable
}

/// The locator fragments of a section: its kind, and for an `Other` section its id.
fn section_at(section: &Section) -> Vec<String> {
    let mut at = vec!["sections:".to_owned(), format!("kind: {:?}", section.kind)];
    if section.kind == SectionKind::Other && !section.id.is_empty() {
        at.push(quoted(&section.id));
    }
    at
}

fn check_kinds(method: &Method, out: &mut Vec<MethodIssue>) {
    if method.sections.len() > MAX_SECTIONS {
        out.push(issue(
            format!(
                "the method has {} sections; at most {MAX_SECTIONS} are allowed",
                method.sections.len()
            ),
            &["sections:"],
        ));
    }
    for kind in [
        SectionKind::Harm,
        SectionKind::Likelihood,
        SectionKind::Confidence,
        SectionKind::Position,
    ] {
        let n = method.sections.iter().filter(|s| s.kind == kind).count();
        let required = matches!(kind, SectionKind::Harm | SectionKind::Likelihood);
        if n == 0 && required {
            out.push(issue(
                format!("the method has no {} section", kind.name()),
                &["sections:"],
            ));
        } else if n > 1 {
            out.push(issue(
                format!(
                    "the method has {n} {} sections; at most one is allowed (for another total, add a section of kind Other with its own id)",
                    kind.name()
                ),
                &["sections:", &format!("kind: {kind:?}")],
            ));
        }
    }
}

/// Section ids: only `Other` sections take one, it must be a plain name, not a kind's name,
/// and no two sections may share it. (A factor may share it unless the risk formula then
/// reads two things by one name: `risk.rs`, `two_meanings`.)
fn check_section_names(method: &Method, out: &mut Vec<MethodIssue>) {
    let mut names = HashSet::new();
    for section in &method.sections {
        let id = section.id.as_str();
        let at = ["sections:", &format!("kind: {:?}", section.kind)];
        if section.kind != SectionKind::Other {
            if !id.is_empty() {
                out.push(issue(
                    format!(
                        "the {} section has id \"{id}\", but only Other sections take an id; formulas call this one \"{}\": remove the id",
                        section.kind.name(),
                        section.kind.name()
                    ),
                    &at,
                ));
            }
            continue;
        }
        if id.is_empty() {
            out.push(issue(
                format!(
                    "the Other section \"{}\" needs an id, the name the risk formula uses for its total (id: \"concern\", say)",
                    section.label
                ),
                &at,
            ));
            continue;
        }
        let at = ["sections:", "kind: Other", &quoted(id)];
        if !id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            out.push(issue(
                format!("section id \"{id}\" must be letters, digits, '-' or '_'"),
                &at,
            ));
        }
        if crate::model::risk_rule::is_kind_name(id) || id == SectionKind::Other.name() {
            out.push(issue(
                format!("section id \"{id}\" is the name of a section kind; choose another"),
                &at,
            ));
        } else if !names.insert(id) {
            out.push(issue(format!("section id \"{id}\" is used twice"), &at));
        }
    }
}

fn check_scale(id: &str, scale: &Scale, at: &[&str], out: &mut Vec<MethodIssue>) {
    match scale {
        Scale::Levels(levels) if levels.is_empty() => {
            out.push(issue(format!("factor \"{id}\" has an empty scale"), at));
        }
        Scale::Levels(levels) => {
            if levels.len() > usize::from(u16::MAX) {
                out.push(issue(format!("factor \"{id}\" has too many levels"), at));
            }
            let mut codes = HashSet::new();
            for level in levels {
                if level.code.trim().is_empty() {
                    out.push(issue(
                        format!("factor \"{id}\" has a level with no code"),
                        at,
                    ));
                } else if !codes.insert(level.code.to_lowercase()) {
                    out.push(issue(
                        format!(
                            "factor \"{id}\" has two levels with code \"{}\"",
                            level.code
                        ),
                        at,
                    ));
                }
                if !level.points.is_finite() {
                    out.push(issue(
                        format!(
                            "factor \"{id}\" level \"{}\" has points that are not a number",
                            level.code
                        ),
                        at,
                    ));
                }
            }
        }
        Scale::Range { min, max, step } => {
            let s = scale.step();
            let bounds = scale.step_bounds();
            if min > max {
                out.push(issue(
                    format!("factor \"{id}\" has an empty range {min}–{max}"),
                    at,
                ));
            } else if bounds.is_none() {
                out.push(issue(
                    format!(
                        "factor \"{id}\": {min} and {max} must be whole steps of {} (a step such as 0.1, 0.25 or 0.5)",
                        s.written()
                    ),
                    at,
                ));
            } else if let Some((lo, hi)) = bounds
                && hi - lo >= MAX_RANGE_WIDTH
            {
                let hint = if step.is_some() {
                    "; use a larger step"
                } else {
                    ""
                };
                out.push(issue(
                    format!(
                        "factor \"{id}\" range {min}–{max} has more than {MAX_RANGE_WIDTH} values{hint}"
                    ),
                    at,
                ));
            }
        }
    }
}

fn check_confidence_section(section: &Section, at: &[&str], out: &mut Vec<MethodIssue>) {
    if section.factors.len() != 1 {
        out.push(issue(
            "the confidence section must have exactly one factor".to_owned(),
            at,
        ));
    }
    if let Some(f) = section.factors.first()
        && !matches!(f.scale, Scale::Levels(_))
    {
        let mut at = at.to_vec();
        let q = quoted(f.id.as_str());
        at.push(&q);
        out.push(issue(
            format!("confidence factor \"{}\" must have named levels", f.id),
            &at,
        ));
    }
}
