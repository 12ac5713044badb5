//! Scorecard text → checked model (`to_doc.rs` goes the other way). Every check collects its problem
//! with a place in the text, so `trh validate` can list them all at once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::doc::{
    ParticipantDoc, RoundDoc, SCORECARD_VERSION, ScoreDoc, ScorecardDoc, ThemeDoc, VersionProbe,
};
use super::locate::Locator;
use super::{FileError, Problem, parse_problem, ron_options};
use crate::model::check;
use crate::model::method::{Method, Scale};
use crate::model::scorecard::{
    Agreed, Change, Decision, FactorScore, Participant, Scorecard, Theme, Vote,
};
use crate::model::{FactorId, ParticipantId, ThemeId, Value};

pub mod evidence;
mod scores;

use scores::scores_from;

/// Collects problems, placing each by searching the text for fragments.
struct Checker<'a> {
    loc: Locator<'a>,
    problems: Vec<Problem>,
    /// Problems beyond [`super::MAX_LISTED`], counted but not placed or listed.
    more: usize,
}

impl Checker<'_> {
    fn report(&mut self, at: &[String], message: String) {
        if self.problems.len() >= super::MAX_LISTED {
            self.more += 1;
            return;
        }
        self.problems.push(match self.loc.find(at) {
            Some((l, c)) => Problem::at(l, c, message),
            None => Problem::general(message),
        });
    }

    /// Every problem listed, with a last line counting those left out.
    fn into_problems(mut self) -> Vec<Problem> {
        if self.more > 0 {
            self.problems.push(super::more_problems(self.more));
        }
        self.problems
    }
}

fn q(s: &str) -> String {
    format!("\"{s}\"")
}

/// Parses and checks scorecard text.
pub fn scorecard_from_text(text: &str, path: &Path) -> Result<Scorecard, FileError> {
    let opts = ron_options();
    // A newer file gets a clear message, not a confusing parse error about new fields.
    if let Ok(VersionProbe { version: Some(v) }) = opts.from_str::<VersionProbe>(text)
        && v > SCORECARD_VERSION
    {
        let (l, c) = Locator::new(text).find(&["version:"]).unwrap_or((1, 1));
        return Err(FileError::invalid(
            path,
            vec![Problem::at(
                l,
                c,
                format!(
                    "this scorecard was written by a newer version of trh (format {v}; this trh reads up to {SCORECARD_VERSION}); update trh to open it"
                ),
            )],
        ));
    }
    let doc: ScorecardDoc = opts
        .from_str(text)
        .map_err(|e| FileError::invalid(path, vec![parse_problem(&e, text)]))?;
    let mut checker = Checker {
        loc: Locator::new(text),
        problems: Vec::new(),
        more: 0,
    };
    let card = from_doc(doc, &mut checker);
    if checker.problems.is_empty() {
        Ok(card)
    } else {
        Err(FileError::invalid(path, checker.into_problems()))
    }
}

fn from_doc(doc: ScorecardDoc, ck: &mut Checker<'_>) -> Scorecard {
    if doc.version == 0 {
        ck.report(
            &["version:".into()],
            "format version 0 is not valid; the first format is 1".into(),
        );
    }
    for issue in check::check(&doc.method) {
        let mut at = vec!["method:".to_owned()];
        at.extend(issue.at);
        ck.report(
            &at,
            format!("method \"{}\": {}", doc.method.id, issue.message),
        );
    }
    let method_ok = ck.problems.is_empty();
    for (field, text) in [
        ("title", &doc.title),
        ("area", &doc.area),
        ("period", &doc.period),
        ("author", &doc.author),
        ("marking", &doc.marking),
    ] {
        one_line(ck, &[format!("{field}:")], field, text);
    }
    let participants = participants_from(doc.participants, ck);
    let known: HashMap<&str, (usize, ParticipantId)> = participants
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), (i, p.id.clone())))
        .collect();
    let mut found = Vec::new();
    let evidence = doc
        .evidence
        .map(|e| evidence::evidence_from(e, &mut found))
        .unwrap_or_default();
    for (at, message) in found {
        ck.report(&at, message);
    }
    let mut seen = HashSet::new();
    let themes = doc
        .themes
        .into_iter()
        .map(|t| {
            let method = method_ok.then_some(&doc.method);
            Arc::new(theme_from(t, method, (&known, &mut seen), ck))
        })
        .collect();
    Scorecard {
        title: doc.title,
        area: doc.area,
        period: doc.period,
        author: doc.author,
        marking: doc.marking,
        cut: doc.cut,
        notes: doc.notes,
        method: Arc::new(doc.method),
        participants,
        themes,
        evidence: Arc::new(evidence),
        log: doc
            .log
            .into_iter()
            .map(|c| {
                Arc::new(Change {
                    at: c.at,
                    who: c.who,
                    what: c.what,
                    old: c.old,
                    new: c.new,
                })
            })
            .collect(),
    }
}

/// One theme, checked: its id (not empty, not repeated: `seen`), one-line fields, hidden
/// rounds, and its scores against the method (when the method itself is sound) and the
/// `known` participants.
fn theme_from(
    t: ThemeDoc,
    method: Option<&Method>,
    (known, seen): (&HashMap<&str, (usize, ParticipantId)>, &mut HashSet<String>),
    ck: &mut Checker<'_>,
) -> Theme {
    let at = vec!["themes:".to_owned(), format!("id: {}", q(&t.id))];
    check_id(ck, &at, ("theme", &t.id, &t.name), seen);
    for (field, text) in [("name", &t.name), ("category", &t.category)] {
        let mut place = at.clone();
        place.push(format!("{field}:"));
        one_line(ck, &place, &format!("theme \"{}\": {field}", t.id), text);
    }
    check_hidden(ck, &at, &t);
    let scores = match method {
        Some(m) => scores_from(m, &t.id, t.scores, known, ck),
        None => BTreeMap::new(),
    };
    let links = t.links.map(|texts| {
        let mut found = Vec::new();
        let mut place = at.clone();
        place.push("links:".to_owned());
        let links = evidence::links_from(texts, &place, &mut found);
        for (at, message) in found {
            ck.report(&at, format!("theme \"{}\": {message}", t.id));
        }
        links
    });
    Theme {
        id: ThemeId::new(t.id),
        name: t.name,
        description: t.description,
        category: t.category,
        evidence: t.evidence,
        scores,
        hidden_rounds: t.hidden_rounds.into_iter().filter(|&r| r > 0).collect(),
        links,
        last_year: t.last_year.map(ThemeId::new),
        decision: t.decision.map(|d| Decision {
            kind: d.decision,
            rationale: d.rationale,
            by: d.by,
            at: d.at,
            meeting: d.meeting,
            on: d.on,
        }),
    }
}

/// A theme's or participant's id (`what`, `id`, `name`): not empty, and not one `seen`
/// before (the second occurrence is pointed at).
fn check_id(
    ck: &mut Checker<'_>,
    at: &[String],
    (what, id, name): (&str, &str, &str),
    seen: &mut HashSet<String>,
) {
    if id.trim().is_empty() {
        ck.report(at, format!("{what} \"{name}\" has an empty id"));
    } else if !seen.insert(id.to_owned()) {
        let mut again = at.to_vec();
        again.push(format!("id: {}", q(id)));
        ck.report(&again, format!("duplicate {what} id \"{id}\""));
    }
}

fn participants_from(docs: Vec<ParticipantDoc>, ck: &mut Checker<'_>) -> Vec<Participant> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(docs.len());
    for p in docs {
        let at = vec!["participants:".to_owned(), format!("id: {}", q(&p.id))];
        check_id(ck, &at, ("participant", &p.id, &p.name), &mut seen);
        for (field, text) in [("id", &p.id), ("name", &p.name), ("agency", &p.agency)] {
            let mut place = at.clone();
            if field != "id" {
                place.push(format!("{field}:"));
            }
            one_line(
                ck,
                &place,
                &format!("participant \"{}\": {field}", p.id),
                text,
            );
        }
        out.push(Participant {
            id: ParticipantId::new(p.id),
            name: p.name,
            agency: p.agency,
            present: p.present,
        });
    }
    out
}

/// Reports a one-line field (a title, the marking, a name) that holds a line break or other
/// control character: it would break the CSV cell, print header, banner or window title it
/// goes into.
fn one_line(ck: &mut Checker<'_>, at: &[String], what: &str, text: &str) {
    if let Some(problem) = crate::model::text::one_line_problem(text) {
        ck.report(at, format!("{what} has {problem}; it must fit on one line"));
    }
}

/// Where a theme's factor is, plus any further fragments: built only when reporting.
fn place(theme: &str, factor: &str, more: &[String]) -> Vec<String> {
    let mut at = vec![
        "themes:".to_owned(),
        format!("id: {}", q(theme)),
        format!("factor: {}", q(factor)),
    ];
    at.extend_from_slice(more);
    at
}

/// Hidden rounds are numbered from 1, like rounds.
fn check_hidden(ck: &mut Checker<'_>, at: &[String], t: &ThemeDoc) {
    if t.hidden_rounds.contains(&0) {
        let mut place = at.to_vec();
        place.push("hidden_rounds:".to_owned());
        let id = &t.id;
        ck.report(
            &place,
            format!("theme \"{id}\": hidden_rounds: rounds are numbered from 1"),
        );
    }
}
