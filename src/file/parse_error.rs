//! RON parse errors in the words of `docs/method-format.md`: which field, what was found,
//! and what to write instead, rather than serde's internal type names.
//!
//! `points: "2"` gives "points: expected a number, found the text "2": remove the quotes"
//! where RON alone says "Expected float".

use ron::error::{Error, SpannedError};

use super::Problem;

/// Turns a RON parse error into a problem at its line and column, worded for an analyst.
pub fn parse_problem(e: &SpannedError, text: &str) -> Problem {
    let start = offset_of(text, e.span.start.line, e.span.start.col);
    // RON's span can start before the spaces ahead of the value; point at the value.
    let offset = text
        .get(start..)
        .map_or(start, |rest| start + (rest.len() - rest.trim_start().len()));
    match explain(&e.code, text, offset) {
        Some(message) => {
            let (line, col) = super::locate::Locator::new(text).line_col(offset);
            Problem::at(line, col, message)
        }
        None => Problem::at(e.span.start.line, e.span.start.col, e.code.to_string()),
    }
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(start..).unwrap_or("");
    start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The field being read at `offset`: the nearest `name:` before it.
fn field_before(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?;
    let colon = before.trim_end().strip_suffix(':')?;
    let start = colon
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let name = &colon[start..];
    (!name.is_empty()).then_some(name)
}

/// The last field name (`name:`) in the code before `offset`, outside strings and comments:
/// for a value inside a list, such as a weight in `risk: Weighted([("concern", "0.2")])`.
fn enclosing_field(text: &str, offset: usize) -> Option<&str> {
    let mut last = None;
    super::locate::walk_code(text, 0, offset, |i, _| {
        if text.as_bytes()[i] == b':' {
            last = Some(i + 1);
        }
        false
    });
    field_before(text, last?)
}

/// What was written at `offset`, for messages: `the text "2"`, `H`, `[`.
fn found_at(text: &str, offset: usize) -> String {
    let rest = text.get(offset..).unwrap_or("");
    if let Some(inner) = rest.strip_prefix('"') {
        let shown: String = inner.chars().take_while(|c| *c != '"').take(60).collect();
        return format!("the text \"{shown}\"");
    }
    let token: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+'))
        .take(60)
        .collect();
    if token.is_empty() {
        rest.chars()
            .next()
            .map_or("the end of the file".to_owned(), |c| format!("'{c}'"))
    } else {
        token
    }
}

/// The quoted text at `offset`, if a string is there.
fn string_at(text: &str, offset: usize) -> Option<&str> {
    let inner = text.get(offset..)?.strip_prefix('"')?;
    Some(&inner[..inner.find('"')?])
}

/// A type's name in the format's own words.
fn words(name: &str) -> String {
    match name {
        "Method" => "the method".to_owned(),
        "Section" => "a section".to_owned(),
        "Factor" => "a factor".to_owned(),
        "Level" => "a level".to_owned(),
        "Band" => "a band".to_owned(),
        "Grade" => "a grade".to_owned(),
        "Outcome" => "an outcome".to_owned(),
        "LookupRule" => "a lookup rule".to_owned(),
        "IntelligenceGap" => "intelligence_gap".to_owned(),
        "Grid" => "the risk Grid".to_owned(),
        "WeightedSum" => "risk: WeightedSum".to_owned(),
        "Range" => "scale: Range".to_owned(),
        "ScorecardDoc" => "the scorecard".to_owned(),
        "ThemeDoc" => "a theme".to_owned(),
        "ParticipantDoc" => "a participant".to_owned(),
        "ScoreDoc" => "a score".to_owned(),
        "RoundDoc" => "a round".to_owned(),
        "AgreedDoc" => "an agreed score".to_owned(),
        "DecisionDoc" => "a decision".to_owned(),
        "ChangeDoc" => "a change".to_owned(),
        other => format!("`{other}`"),
    }
}

/// An enum's field in the format's words (`enum RiskFormula` is the `risk:` field).
fn enum_field(name: &str) -> &str {
    match name {
        "SectionKind" => "kind",
        "RiskFormula" => "risk",
        "Scale" => "scale",
        "Role" => "role",
        "ConfidenceMode" => "confidence_mode",
        "Aggregation" => "aggregation",
        "GradeMatch" => "grades",
        "DecisionKind" => "suggests",
        other => other,
    }
}

/// "a, b or c".
fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Errors about a value: the wrong kind of value for its field.
fn explain(code: &Error, text: &str, offset: usize) -> Option<String> {
    let field = || {
        field_before(text, offset)
            .or_else(|| enclosing_field(text, offset))
            .map_or(String::new(), |f| format!("{f}: "))
    };
    let found = || found_at(text, offset);
    Some(match code {
        Error::ExpectedFloat | Error::ExpectedInteger | Error::IntegerOutOfBounds => {
            let what = if matches!(code, Error::ExpectedFloat) {
                "a number"
            } else {
                "a whole number"
            };
            let hint = match string_at(text, offset) {
                Some(s) if s.trim().parse::<f64>().is_ok() => ": remove the quotes".to_owned(),
                Some(_) => String::new(),
                None if found().contains('.') && what == "a whole number" => {
                    ": write it without a decimal point".to_owned()
                }
                None => String::new(),
            };
            format!("{}expected {what}, found {}{hint}", field(), found())
        }
        Error::ExpectedString | Error::ExpectedStringEnd => format!(
            "{}expected text in double quotes, found {}: write \"{}\"",
            field(),
            found(),
            found().trim_matches('\'')
        ),
        Error::ExpectedComma if text[offset..].starts_with('.') => {
            // A whole number field read "1" and stopped at ".5".
            let start = text[..offset]
                .rfind(|c: char| !c.is_ascii_digit() && c != '-')
                .map_or(0, |i| i + 1);
            let field = field_before(text, start).map_or(String::new(), |f| format!("{f}: "));
            format!(
                "{field}expected a whole number, found {}: write it without a decimal point",
                found_at(text, start)
            )
        }
        Error::ExpectedComma => format!(
            "expected a comma between two items, found {}; put a comma after each field and list item",
            found()
        ),
        Error::ExpectedBoolean => format!("{}expected true or false, found {}", field(), found()),
        Error::ExpectedArray => format!(
            "{}expected a list in square brackets [ ... ], found {}",
            field(),
            found()
        ),
        _ => return names_problem(code, text, offset),
    })
}

/// Errors about names: an unknown or missing field, an unknown choice, a wrong type name.
fn names_problem(code: &Error, text: &str, offset: usize) -> Option<String> {
    let found = || found_at(text, offset);
    let field = || field_before(text, offset).map_or(String::new(), |f| format!("{f}: "));
    Some(match code {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let outer = outer.as_deref().unwrap_or("");
            let hint = if outer == "WeightedSum" {
                format!(
                    "; WeightedSum weighs only harm and likelihood: to weigh \"{found}\" too, write risk: Weighted([(\"harm\", 0.5), (\"likelihood\", 0.3), (\"{found}\", 0.2)])"
                )
            } else {
                format!("; its fields are {}", one_of(expected))
            };
            format!("{} has no field \"{found}\"{hint}", words(outer))
        }
        Error::MissingStructField { field, outer } => {
            let outer = outer.as_deref().unwrap_or("");
            // A paper that only grades still says what each grade leads to.
            let hint = match (outer, &**field) {
                ("Method", "outcomes" | "lookup") => {
                    "; a method that only grades (a grid, say) still says what each grade \
                     leads to: outcomes: [Outcome(id: \"act\", label: \"Priority\", suggests: \
                     Adopt), ...] and lookup: [LookupRule(bands: [\"A\"], grades: Any, outcome: \
                     \"act\"), ...], one rule per grade; see docs/recipes/cell-grid.ron"
                }
                _ => "",
            };
            format!("{} is missing its {field}: field{hint}", words(outer))
        }
        Error::DuplicateStructField { field, outer } => format!(
            "{} gives {field}: twice; keep one",
            words(outer.as_deref().unwrap_or(""))
        ),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let name = enum_field(outer.as_deref().unwrap_or(""));
            let hint = if name == "kind" {
                "; for another total (public concern, say), write kind: Other with an id"
            } else {
                ""
            };
            format!(
                "{name}: \"{found}\" is not one of {}{hint}",
                one_of(expected)
            )
        }
        Error::ExpectedNamedStructLike(name) => {
            format!(
                "expected {}, written {name}( ... ), found {}",
                words(name),
                found()
            )
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            format!(
                "expected {}, written {expected}( ... ), found {found}",
                words(expected)
            )
        }
        Error::InvalidValueForType { expected, found } => {
            format!("{}expected {expected}, found {found}", field())
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Level {
            code: String,
            points: f64,
            steps: u32,
        }
        let e = super::super::ron_options()
            .from_str::<Level>(text)
            .expect_err("must fail");
        let p = parse_problem(&e, text);
        format!(
            "{}:{}: {}",
            p.line.unwrap_or(0),
            p.col.unwrap_or(0),
            p.message
        )
    }

    #[test]
    fn says_which_field_what_was_found_and_what_to_write() {
        assert_eq!(
            message("(code: \"H\", points: \"2\", steps: 1)"),
            "1:21: points: expected a number, found the text \"2\": remove the quotes"
        );
        assert_eq!(
            message("(code: H, points: 2, steps: 1)"),
            "1:8: code: expected text in double quotes, found H: write \"H\""
        );
        assert_eq!(
            message("(code: \"H\",\n points: 2, steps: 1.5)"),
            "2:21: steps: expected a whole number, found 1.5: write it without a decimal point"
        );
    }
}
