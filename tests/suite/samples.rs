//! Every sample scorecard loads, ranks and round-trips; the samples carry what they promise.

use std::collections::HashSet;
use std::path::PathBuf;

use trh::file::{self, save};
use trh::model::scorecard::Source;
use trh::model::{DecisionKind, rank};

fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/scorecards"))
        .expect("scorecards folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_sample_loads_ranks_and_round_trips() {
    let all = samples();
    assert!(all.len() >= 2, "{all:?}");
    for path in all {
        let card = file::load_scorecard(&path).unwrap_or_else(|e| panic!("{e}"));
        let ranking = rank(&card);
        assert_eq!(ranking.rows.len(), card.themes.len());
        assert!(
            ranking.rows.iter().all(|r| r.rank.is_some()),
            "{}",
            path.display()
        );
        let text = save::scorecard_to_text(&card).expect("serialise");
        let again = file::parse_scorecard(&text, &path).expect("reload");
        assert_eq!(again, card, "{}", path.display());
        assert_eq!(rank(&again), ranking);
        // Samples are stored in canonical form, so saving them changes nothing.
        let on_disk = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            on_disk,
            text,
            "{} is not in canonical form: run `trh fmt`",
            path.display()
        );
    }
}

#[test]
fn samples_say_they_are_illustrative() {
    for path in samples() {
        let card = file::load_scorecard(&path).expect("load");
        assert!(card.notes.contains("Illustrative"), "{}", path.display());
        assert!(
            card.notes.contains("not any partnership's real scores"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_plymouth_style_sample_exercises_the_workshop() {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scorecards/plymouth-style-2018.ron"
    ));
    let card = file::load_scorecard(&path).expect("load");
    assert!(card.themes.len() >= 10);
    assert!(card.participants.len() >= 6);
    let agencies: HashSet<&str> = card
        .participants
        .iter()
        .map(|p| p.agency.as_str())
        .collect();
    assert!(agencies.len() >= 4, "{agencies:?}");
    let scores = card.themes.iter().flat_map(|t| t.scores.values());
    assert!(
        scores.clone().any(|s| s.votes.iter().any(|v| v.round == 2)),
        "two rounds somewhere"
    );
    assert!(
        scores
            .clone()
            .any(|s| s.agreed.as_ref().is_some_and(|a| !a.rationale.is_empty()))
    );
    assert!(card.themes.iter().all(|t| t.decision.is_some()));
    let rtc = card
        .find_theme("Road traffic collisions")
        .expect("RTC theme");
    assert_eq!(
        rtc.decision.as_ref().map(|d| d.kind),
        Some(DecisionKind::NotTakenForward)
    );

    let ranking = rank(&card);
    let rtc_row = ranking.row(&rtc.id).expect("ranked");
    assert!(
        rtc_row.departs,
        "identified but not taken forward is a departure"
    );
    let adopted = ranking
        .rows
        .iter()
        .filter(|r| r.decision == Some(DecisionKind::Adopt))
        .count();
    assert_eq!(adopted, 7, "seven priorities, as in the source document");
    let sources: HashSet<&str> = ranking
        .rows
        .iter()
        .flat_map(|r| r.factors.iter().map(|f| f.source.name()))
        .collect();
    for s in ["agreed", "votes", "draft"] {
        assert!(sources.contains(s), "sample has no {s} values: {sources:?}");
    }
    assert!(ranking.rows.iter().any(|r| r.contested));
    assert!(ranking.rows.iter().any(|r| r.intelligence_gap));
    assert!(
        ranking
            .rows
            .iter()
            .flat_map(|r| &r.factors)
            .any(|f| matches!(f.source, Source::Votes { .. }))
    );
    let drugs = ranking.row(&"drugs".into()).expect("drugs theme");
    let geo = drugs
        .factors
        .iter()
        .find(|f| f.factor.as_str() == "geographic")
        .expect("factor");
    assert_eq!(geo.source, Source::Agreed);
    assert_eq!(geo.spread.as_ref().map(|s| s.count), Some(8));
}

#[test]
fn the_peterborough_style_sample_uses_another_method() {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scorecards/peterborough-style-2016.ron"
    ));
    let card = file::load_scorecard(&path).expect("load");
    assert_eq!(card.method.id, "probability-harm");
    assert!(card.themes.len() >= 10);
}

#[test]
fn the_plymouth_sample_has_a_theme_on_which_agencies_split() {
    let card =
        trh::file::load_scorecard(std::path::Path::new("scorecards/plymouth-style-2018.ron"))
            .expect("sample");
    let views = trh::model::agencies::agency_views(&card);
    let reoffending = views
        .iter()
        .find(|v| v.name == "Reoffending")
        .expect("theme");
    assert_eq!(reoffending.high, vec!["Police"]);
    assert!(reoffending.lower.contains(&"Health".to_owned()));
    assert!(reoffending.split());
}

/// Makes a close call's change to a copy of the scorecard, independently of the search.
fn apply_change(card: &mut trh::model::Scorecard, change: &trh::model::close_calls::Shift) {
    use std::sync::Arc;
    use trh::model::close_calls::Shift;
    use trh::model::method::RiskFormula;
    let step = |scale: &trh::model::Scale, v: trh::model::Value, up: bool| {
        let mut all = scale.values();
        all.sort_by_key(|x| scale.ordinal(*x));
        let i = all.iter().position(|x| *x == v).expect("on the scale");
        if up { all[i + 1] } else { all[i - 1] }
    };
    let level = |scale: &trh::model::Scale, label: &str| {
        scale
            .values()
            .into_iter()
            .find(|v| scale.label(*v) == label)
            .expect("level")
    };
    // The factor's scale, for the two kinds of change that name a factor.
    let scale_of = |card: &trh::model::Scorecard, factor: &trh::model::FactorId| {
        card.method
            .factor(factor.as_str())
            .expect("factor")
            .1
            .scale
            .clone()
    };
    match change {
        Shift::Votes {
            theme,
            factor,
            raise,
            who,
            ..
        } => {
            let scale = scale_of(card, factor);
            let t = card.theme_mut(theme).expect("theme");
            let hidden = t.hidden_rounds.clone();
            let score = t.scores.get_mut(factor).expect("score");
            let round = score.counted_round(&hidden).expect("counted round");
            for v in score
                .votes
                .iter_mut()
                .filter(|v| v.round == round && who.contains(&v.participant))
            {
                v.value = step(&scale, v.value, *raise);
            }
        }
        Shift::Value {
            theme,
            factor,
            agreed,
            to,
            ..
        } => {
            let scale = scale_of(card, factor);
            let score = card
                .theme_mut(theme)
                .expect("theme")
                .scores
                .get_mut(factor)
                .expect("score");
            if *agreed {
                score.agreed.as_mut().expect("agreed").value = level(&scale, to);
            } else {
                score.draft = Some(level(&scale, to));
            }
        }
        Shift::Weight { term, to, .. } => {
            let m = Arc::make_mut(&mut card.method);
            if let RiskFormula::WeightedSum { harm, likelihood } = &mut m.risk {
                *(if term == "harm" { harm } else { likelihood }) = *to;
            }
        }
    }
}

/// Every close call on every sample, made by hand on a copy: it does alter what it says.
#[test]
fn every_close_call_on_the_samples_does_what_it_says() {
    use trh::model::close_calls::{Crossing, close_calls};
    for path in samples() {
        let card = file::load_scorecard(&path).expect("sample");
        let calls = close_calls(&card, card.cut());
        assert!(!calls.calls.is_empty(), "{}", path.display());
        for call in &calls.calls {
            let mut changed = card.clone();
            apply_change(&mut changed, &call.change);
            let after = rank(&changed);
            let at = |id: &trh::model::ThemeId| after.rows.iter().position(|r| &r.id == id);
            match &call.outcome {
                Crossing::Cut {
                    theme,
                    other,
                    inside,
                    ..
                } => {
                    let (a, b) = (at(theme).expect("theme"), at(other).expect("other"));
                    assert_eq!(a > b, *inside, "{}", call.sentence);
                }
                Crossing::Band { theme, to, .. } => {
                    let row = after.row(theme).expect("row");
                    assert_eq!(
                        row.band.as_ref().map(|b| &*b.label),
                        Some(to.as_str()),
                        "{}",
                        call.sentence
                    );
                }
            }
            assert!(
                call.sentence.ends_with('.') && !call.sentence.contains("s's "),
                "{}",
                call.sentence
            );
        }
    }
}

/// Every participant of a sample twice over (each vote given again by a copy).
fn duplicated(card: &trh::model::Scorecard) -> trh::model::Scorecard {
    use std::sync::Arc;
    use trh::model::ParticipantId;
    let mut out = card.clone();
    let copy = |p: &ParticipantId| ParticipantId::new(format!("{}-copy", p.as_str()));
    for p in &card.participants {
        let mut q = p.clone();
        q.id = copy(&p.id);
        out.participants.push(q);
    }
    for t in &mut out.themes {
        for score in Arc::make_mut(t).scores.values_mut() {
            let copies: Vec<_> = score
                .votes
                .iter()
                .map(|v| {
                    let mut c = v.clone();
                    c.participant = copy(&v.participant);
                    c
                })
                .collect();
            score.votes.extend(copies);
        }
    }
    out
}

/// Duplicating the room changes how sure it is, not where it stands.
#[test]
fn duplicating_every_participant_of_a_sample_leaves_its_median_ranks_unchanged() {
    use trh::model::stability::{Centre, Options, stability};
    for path in samples() {
        let card = file::load_scorecard(&path).expect("sample");
        let options = Options {
            runs: 4_000,
            seed: 5,
            top: card.cut(),
            centre: Centre::AroundAgreed,
            confidence_widens: false,
        };
        let medians = |c: &trh::model::Scorecard| -> Vec<Option<u32>> {
            stability(c, &options)
                .themes
                .iter()
                .map(|t| t.median_rank)
                .collect()
        };
        assert_eq!(
            medians(&card),
            medians(&duplicated(&card)),
            "{}",
            path.display()
        );
    }
}
