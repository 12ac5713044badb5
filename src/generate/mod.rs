//! Synthetic scorecards for tests and benchmarks: realistic shape, deterministic for a seed.
//! Uses its own small generator (SplitMix64) so a seed gives the same file on every platform
//! and every version of its dependencies.

pub mod areas;
pub mod police;

use std::collections::BTreeMap;

use crate::model::ParticipantId;
use crate::model::method::{DecisionKind, Method};
use crate::model::scorecard::{Agreed, Decision, FactorScore, Participant, Scorecard, Theme, Vote};

const THEMES: &[(&str, &str)] = &[
    ("Domestic abuse", "Violence"),
    ("Sexual violence", "Violence"),
    ("Child sexual exploitation", "Exploitation"),
    ("Modern slavery", "Exploitation"),
    ("County lines drug supply", "Drugs"),
    ("Drug-related harm", "Drugs"),
    ("Alcohol-related harm", "Alcohol"),
    ("Anti-social behaviour", "Neighbourhood"),
    ("Hate crime", "Cohesion"),
    ("Radicalisation (Prevent)", "Cohesion"),
    ("Serious violence and knife crime", "Violence"),
    ("Fraud and scams", "Acquisition"),
    ("Cyber crime", "Acquisition"),
    ("Burglary", "Acquisition"),
    ("Vehicle crime", "Acquisition"),
    ("Shoplifting", "Acquisition"),
    ("Road traffic collisions", "Road safety"),
    ("Deliberate fires", "Fire"),
    ("Environmental crime and fly-tipping", "Neighbourhood"),
    ("Night-time economy violence", "Violence"),
    ("Reoffending", "Offending"),
    ("Youth offending", "Offending"),
    ("Elder abuse", "Safeguarding"),
    ("Stalking and harassment", "Violence"),
];

/// The first eight common agencies (the commissioner's office rarely votes).
const AGENCIES: &[&str] = crate::model::scorecard::COMMON_AGENCIES.split_at(8).0;

/// SplitMix64: tiny, fast and fully specified.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number from 0 to n − 1 (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// A synthetic scorecard with `themes` themes and `participants` participants.
pub fn generate(method: &Method, themes: usize, participants: usize, seed: u64) -> Scorecard {
    let mut rng = Rng::new(seed);
    let mut card = Scorecard::new(
        &format!(
            "Synthetic assessment ({themes} themes, {participants} participants, seed {seed})"
        ),
        method.clone(),
    );
    card.area = "Synthetic".into();
    card.period = "Generated".into();
    card.author = "trh generate".into();
    card.notes =
        "Synthetic data made by `trh generate` for tests and benchmarks. Not real scores.".into();
    card.participants = (0..participants)
        .map(|i| Participant {
            id: ParticipantId::new(format!("p{:03}", i + 1)),
            name: format!("Participant {}", i + 1),
            agency: AGENCIES[i % AGENCIES.len()].to_owned(),
            present: true,
        })
        .collect();
    for i in 0..themes {
        let (base, category) = THEMES[i % THEMES.len()];
        let name = if i < THEMES.len() {
            base.to_owned()
        } else {
            format!("{base} ({})", i / THEMES.len() + 1)
        };
        let mut theme = Theme::new(&format!("t{:04}", i + 1), &name);
        theme.category = category.to_owned();
        theme.evidence = format!("Synthetic evidence note for {name}.");
        theme.scores = scores(method, &card.participants, &mut rng);
        if rng.chance(0.1) {
            let kind = DecisionKind::ALL[rng.below(3)];
            theme.decision = Some(Decision {
                kind,
                rationale: format!("Synthetic decision: {}.", kind.label()),
                by: "trh generate".into(),
                at: "2026-01-01".into(),
                meeting: String::new(),
                on: String::new(),
            });
        }
        card.push_theme(theme);
    }
    card
}

fn scores(
    method: &Method,
    people: &[Participant],
    rng: &mut Rng,
) -> BTreeMap<crate::model::FactorId, FactorScore> {
    let mut out = BTreeMap::new();
    let two_rounds = rng.chance(0.3);
    for (_, factor) in method.factors() {
        let values = factor.scale.values();
        let centre = rng.below(values.len());
        let mut votes = Vec::with_capacity(people.len() * 2);
        for round in 1..=if two_rounds { 2 } else { 1 } {
            let noise = if round == 1 { 3 } else { 1 };
            for p in people {
                if rng.chance(0.1) {
                    continue; // absent or abstained
                }
                let shift = rng.below(noise) as isize - (noise as isize / 2);
                let idx = (centre as isize + shift).clamp(0, values.len() as isize - 1) as usize;
                votes.push(Vote {
                    round,
                    participant: p.id.clone(),
                    value: values[idx],
                });
            }
        }
        let agreed = rng.chance(0.25).then(|| Agreed {
            value: values[centre],
            rationale: "Synthetic: agreed at the room's central view.".into(),
        });
        out.insert(
            factor.id.clone(),
            FactorScore {
                draft: Some(values[centre]),
                note: String::new(),
                votes,
                agreed,
            },
        );
    }
    out
}
