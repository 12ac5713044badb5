//! Model → file types: what a save writes.

use std::collections::BTreeMap;

use super::convert::evidence::{evidence_doc, links_doc};
use super::doc::{
    AgreedDoc, ChangeDoc, DecisionDoc, ParticipantDoc, RoundDoc, SCORECARD_VERSION, ScoreDoc,
    ScorecardDoc, ThemeDoc,
};
use crate::model::FactorId;
use crate::model::method::Method;
use crate::model::scorecard::{FactorScore, Scorecard};

/// The file form of a scorecard: factors in method order, votes by round then participant.
pub fn to_doc(card: &Scorecard) -> ScorecardDoc {
    let method = &card.method;
    let themes = card
        .themes
        .iter()
        .map(|t| ThemeDoc {
            id: t.id.to_string(),
            name: t.name.clone(),
            category: t.category.clone(),
            description: t.description.clone(),
            evidence: t.evidence.clone(),
            scores: method
                .factors()
                .filter_map(|(_, f)| {
                    let s = t.scores.get(&f.id)?;
                    Some(score_doc(&f.id, &f.scale, s))
                })
                .collect(),
            hidden_rounds: t.hidden_rounds.iter().copied().collect(),
            links: t.links.as_deref().map(links_doc),
            last_year: t.last_year.as_ref().map(ToString::to_string),
            decision: t.decision.as_ref().map(|d| DecisionDoc {
                decision: d.kind,
                rationale: d.rationale.clone(),
                by: d.by.clone(),
                at: d.at.clone(),
                meeting: d.meeting.clone(),
                on: d.on.clone(),
            }),
        })
        .collect();
    let evidence = evidence_doc(&card.evidence);
    let version = version_for(card, evidence.is_some());
    ScorecardDoc {
        version,
        evidence,
        title: card.title.clone(),
        area: card.area.clone(),
        period: card.period.clone(),
        author: card.author.clone(),
        marking: card.marking.clone(),
        cut: card.cut,
        notes: card.notes.clone(),
        // Written in the newest method format: every older method reads the same under it.
        method: Method {
            format: method.format.max(crate::model::method::METHOD_FORMAT),
            ..Method::clone(method)
        },
        participants: card
            .participants
            .iter()
            .map(|p| ParticipantDoc {
                id: p.id.to_string(),
                name: p.name.clone(),
                agency: p.agency.clone(),
                present: p.present,
            })
            .collect(),
        themes,
        log: card
            .log
            .iter()
            .map(|c| ChangeDoc {
                at: c.at.clone(),
                who: c.who.clone(),
                what: c.what.clone(),
                old: c.old.clone(),
                new: c.new.clone(),
            })
            .collect(),
    }
}

fn score_doc(id: &FactorId, scale: &crate::model::Scale, s: &FactorScore) -> ScoreDoc {
    let mut rounds: BTreeMap<u32, Vec<(String, String)>> = BTreeMap::new();
    for v in &s.votes {
        rounds
            .entry(v.round)
            .or_default()
            .push((v.participant.to_string(), scale.code(v.value)));
    }
    ScoreDoc {
        factor: id.to_string(),
        draft: s.draft.map(|v| scale.code(v)),
        note: s.note.clone(),
        rounds: rounds
            .into_iter()
            .map(|(round, mut votes)| {
                votes.sort();
                RoundDoc { round, votes }
            })
            .collect(),
        agreed: s.agreed.as_ref().map(|a| AgreedDoc {
            value: scale.code(a.value),
            rationale: a.rationale.clone(),
        }),
    }
}

/// Version 2 only when a version-2 field is written (evidence, links, last year's theme, a
/// decision's meeting or date), so older trh still reads the rest.
fn version_for(card: &Scorecard, evidence: bool) -> u32 {
    let v2 = |t: &crate::model::Theme| {
        t.links.is_some()
            || t.last_year.is_some()
            || t.decision
                .as_ref()
                .is_some_and(|d| !d.meeting.is_empty() || !d.on.is_empty())
    };
    if evidence || card.themes.iter().any(|t| v2(t)) {
        SCORECARD_VERSION
    } else {
        1
    }
}
