//! Across agencies: for each theme, which agencies rate it high (upper half of the method's
//! bands) on their own members' votes alone, so the room can tell themes every agency sees as
//! high from themes only some agencies do. Each agency's view is ranked by the one `rank`, on a
//! copy of the scorecard in which every factor the agency voted on takes the agency's own latest
//! votes (not the agreed value), and every other factor keeps the scorecard's value.

use std::collections::BTreeSet;

use super::ids::ThemeId;
use super::ranking::rank;
use super::scorecard::Scorecard;

/// One theme seen agency by agency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyView {
    /// Theme.
    pub theme: ThemeId,
    /// Theme name.
    pub name: String,
    /// Agencies whose votes put the theme in the upper half of the bands.
    pub high: Vec<String>,
    /// Agencies whose votes put it lower.
    pub lower: Vec<String>,
    /// Agencies that did not vote on the theme at all.
    pub no_view: Vec<String>,
}

impl AgencyView {
    /// Every agency with a view rates it high (and at least two agencies do).
    pub fn all_high(&self) -> bool {
        self.high.len() >= 2 && self.lower.is_empty()
    }

    /// Some agencies rate it high and some do not.
    pub fn split(&self) -> bool {
        !self.high.is_empty() && !self.lower.is_empty()
    }
}

/// The agencies of the scorecard's participants, sorted.
pub fn agencies(card: &Scorecard) -> Vec<String> {
    let set: BTreeSet<&str> = card
        .participants
        .iter()
        .map(|p| p.agency.as_str())
        .filter(|a| !a.is_empty())
        .collect();
    set.into_iter().map(str::to_owned).collect()
}

/// Every theme, agency by agency, in the scorecard's theme order.
pub fn agency_views(card: &Scorecard) -> Vec<AgencyView> {
    let high_from = card.method.bands.len() / 2;
    let mut views: Vec<AgencyView> = card
        .themes
        .iter()
        .map(|t| AgencyView {
            theme: t.id.clone(),
            name: t.name.clone(),
            high: Vec::new(),
            lower: Vec::new(),
            no_view: Vec::new(),
        })
        .collect();
    for agency in agencies(card) {
        let (copy, voted) = as_agency_sees_it(card, &agency);
        let ranking = rank(&copy);
        for ((view, theme), voted) in views.iter_mut().zip(&card.themes).zip(voted) {
            if !voted {
                view.no_view.push(agency.clone());
                continue;
            }
            let band = ranking
                .rows
                .iter()
                .find(|r| r.id == theme.id)
                .and_then(|r| r.band.as_ref().map(|b| b.index));
            match band {
                Some(b) if b >= high_from => view.high.push(agency.clone()),
                Some(_) => view.lower.push(agency.clone()),
                None => view.no_view.push(agency.clone()),
            }
        }
    }
    views
}

/// The scorecard as one agency's votes would make it, and per theme whether they voted on it.
fn as_agency_sees_it(card: &Scorecard, agency: &str) -> (Scorecard, Vec<bool>) {
    let members: BTreeSet<_> = card
        .participants
        .iter()
        .filter(|p| p.agency == agency)
        .map(|p| p.id.clone())
        .collect();
    let mut copy = card.clone();
    let mut voted = Vec::with_capacity(copy.themes.len());
    for theme in &mut copy.themes {
        let mut any = false;
        let theme = std::sync::Arc::make_mut(theme);
        // Votes of a hidden round are nobody's view yet: the room has not seen them.
        let hidden = std::mem::take(&mut theme.hidden_rounds);
        let counts = |v: &crate::model::scorecard::Vote| {
            members.contains(&v.participant) && !hidden.contains(&v.round)
        };
        for score in theme.scores.values_mut() {
            if !score.votes.iter().any(counts) {
                continue;
            }
            any = true;
            score.agreed = None;
            score.votes.retain(counts);
            // Only the agency's own latest round counts for it.
            if let Some(last) = score.latest_round() {
                score.votes.retain(|v| v.round == last);
            }
        }
        voted.push(any);
    }
    (copy, voted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scorecard::{FactorScore, Participant, Vote};
    use crate::model::{Theme, Value};

    fn card(levels: &[(&str, u16)]) -> Scorecard {
        let method = crate::methods::builtin("morile-style").expect("shipped");
        let mut card = Scorecard::new("t", method.clone());
        for (who, agency) in [("p1", "Police"), ("p2", "Health")] {
            card.participants.push(Participant {
                id: who.into(),
                name: who.into(),
                agency: agency.into(),
                present: true,
            });
        }
        let mut theme = Theme::new("a", "Alpha");
        for (_, f) in method.factors() {
            let votes = levels
                .iter()
                .map(|(who, level)| Vote {
                    round: 1,
                    participant: (*who).into(),
                    value: match &f.scale {
                        crate::model::Scale::Levels(ls) => {
                            Value::Level((*level).min(ls.len() as u16 - 1))
                        }
                        crate::model::Scale::Range { .. } => {
                            f.scale.values().last().copied().unwrap_or(Value::Number(0))
                        }
                    },
                })
                .collect();
            theme.scores.insert(
                f.id.clone(),
                FactorScore {
                    votes,
                    ..FactorScore::default()
                },
            );
        }
        card.push_theme(theme);
        card
    }

    #[test]
    fn agencies_that_agree_and_agencies_that_split() {
        let all = &agency_views(&card(&[("p1", 4), ("p2", 4)]))[0];
        assert_eq!(all.high, vec!["Health", "Police"]);
        assert!(all.all_high() && !all.split());
        let split = &agency_views(&card(&[("p1", 4), ("p2", 0)]))[0];
        assert_eq!(
            (split.high.clone(), split.lower.clone()),
            (vec!["Police".to_owned()], vec!["Health".to_owned()])
        );
        assert!(split.split() && !split.all_high());
        let only_one = &agency_views(&card(&[("p1", 4)]))[0];
        assert_eq!(only_one.no_view, vec!["Health"]);
        assert!(!only_one.all_high(), "one agency alone is not every agency");
    }

    #[test]
    fn a_hidden_round_is_no_agency_s_view_yet() {
        let mut hidden = card(&[("p1", 4), ("p2", 4)]);
        std::sync::Arc::make_mut(&mut hidden.themes[0])
            .hidden_rounds
            .insert(1);
        let view = &agency_views(&hidden)[0];
        assert!(view.high.is_empty(), "{view:?}");
        assert_eq!(view.no_view, vec!["Health", "Police"]);
    }
}
