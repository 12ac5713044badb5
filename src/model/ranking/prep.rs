//! What `rank` computes once per method rather than once per theme: scale tables, shared
//! level names, and the factor order used to walk each theme's scores.

use std::sync::Arc;

use crate::model::aggregate::ScaleTable;
use crate::model::method::{Bounds, ConfidenceMode, MAX_SECTIONS, Method, Role, SectionKind};
use crate::model::ranking::{Named, named};
use crate::model::risk_rule::{self, Rule, Term};
use crate::model::scorecard::Theme;
use crate::model::value::Value;

/// What `rank` computes once per method rather than once per theme.
pub(in crate::model) struct Prepared<'a> {
    pub(in crate::model) method: &'a Method,
    /// Per factor, in method order.
    pub(in crate::model) factors: Vec<PreparedFactor<'a>>,
    /// Factor positions sorted by id, to walk a theme's (sorted) scores in step.
    by_id: Vec<usize>,
    pub(in crate::model) bands: Vec<Named>,
    pub(in crate::model) grades: Vec<Named>,
    pub(in crate::model) outcomes: Vec<Named>,
    /// Each band's and grade's range.
    pub(in crate::model) band_bounds: Vec<Bounds>,
    pub(in crate::model) grade_bounds: Vec<Bounds>,
    /// The risk rule with its names resolved.
    pub(in crate::model) rule: Rule,
    /// Section indices of harm, likelihood and position.
    pub(in crate::model) harm: usize,
    pub(in crate::model) likelihood: usize,
    pub(in crate::model) position: Option<usize>,
}

pub(in crate::model) struct PreparedFactor<'a> {
    pub(in crate::model) kind: SectionKind,
    /// Index of its section in the method.
    pub(in crate::model) section: usize,
    /// A missing value leaves the theme without a risk.
    pub(in crate::model) blocks: bool,
    pub(in crate::model) factor: &'a crate::model::method::Factor,
    pub(in crate::model) table: ScaleTable<'a>,
    /// (code, label) by level index.
    names: Vec<(Arc<str>, Arc<str>)>,
}

impl<'a> Prepared<'a> {
    pub(in crate::model) fn new(method: &'a Method) -> Self {
        let rule = risk_rule::resolve(method);
        let reads = risk_rule::reads(&rule);
        let factors = prepare_factors(method, &reads);
        let mut by_id: Vec<usize> = (0..factors.len()).collect();
        by_id.sort_by(|a, b| factors[*a].factor.id.cmp(&factors[*b].factor.id));
        let index = |kind| {
            method
                .sections
                .iter()
                .position(|s| s.kind == kind)
                .filter(|i| *i < MAX_SECTIONS)
        };
        Self {
            method,
            by_id,
            band_bounds: method
                .bands
                .iter()
                .map(crate::model::method::Band::bounds)
                .collect(),
            grade_bounds: method
                .grades
                .iter()
                .map(crate::model::method::Grade::bounds)
                .collect(),
            rule,
            harm: index(SectionKind::Harm).unwrap_or(MAX_SECTIONS - 1),
            likelihood: index(SectionKind::Likelihood).unwrap_or(MAX_SECTIONS - 1),
            position: index(SectionKind::Position),
            bands: list(method.bands.iter().map(|b| (&*b.id, &*b.label))),
            grades: list(method.grades.iter().map(|g| (&*g.id, &*g.label))),
            outcomes: list(method.outcomes.iter().map(|o| (&*o.id, &*o.label))),
            factors,
        }
    }

    /// The theme's score for each factor, in method order, found by walking both sorted lists.
    pub(in crate::model) fn scores<'t>(
        &self,
        theme: &'t Theme,
    ) -> Vec<Option<&'t crate::model::scorecard::FactorScore>> {
        let mut out = vec![None; self.factors.len()];
        let mut it = theme.scores.iter().peekable();
        for &i in &self.by_id {
            let id = &self.factors[i].factor.id;
            while it.peek().is_some_and(|(k, _)| *k < id) {
                it.next();
            }
            if let Some((k, v)) = it.peek()
                && *k == id
            {
                out[i] = Some(*v);
            }
        }
        out
    }
}

/// Names with their index, as the ranking reports them.
fn list<'s>(items: impl Iterator<Item = (&'s str, &'s str)>) -> Vec<Named> {
    items
        .enumerate()
        .map(|(i, (id, label))| named(i, id, label))
        .collect()
}

/// Each factor in method order with its section, whether a missing value leaves the theme
/// without a risk (`reads`: what the risk rule reads), its scale table and level names.
fn prepare_factors<'a>(method: &'a Method, reads: &[Term]) -> Vec<PreparedFactor<'a>> {
    let section_of: Vec<usize> = method
        .sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| std::iter::repeat_n(i, s.factors.len()))
        .collect();
    method
        .factors()
        .enumerate()
        .map(|(j, (kind, factor))| PreparedFactor {
            kind,
            section: section_of[j],
            blocks: match kind {
                SectionKind::Harm | SectionKind::Likelihood => true,
                SectionKind::Confidence => {
                    matches!(method.confidence_mode, ConfidenceMode::Weighted(_))
                }
                SectionKind::Position | SectionKind::Other => {
                    reads.contains(&Term::Section(section_of[j]))
                }
            } && factor.role != Role::Report
                || reads.contains(&Term::Factor(j)),
            factor,
            table: ScaleTable::new(&factor.scale),
            names: match &factor.scale {
                crate::model::method::Scale::Levels(ls) => ls
                    .iter()
                    .map(|l| (Arc::from(l.code.as_str()), Arc::from(l.label.as_str())))
                    .collect(),
                crate::model::method::Scale::Range { .. } => Vec::new(),
            },
        })
        .collect()
}

impl PreparedFactor<'_> {
    pub(in crate::model) fn names(&self, v: Value) -> (Arc<str>, Arc<str>) {
        match v {
            Value::Level(i) => self.names.get(usize::from(i)).cloned().unwrap_or_else(|| {
                let code: Arc<str> = self.factor.scale.code(v).into();
                (code.clone(), code)
            }),
            Value::Number(_) => {
                let code: Arc<str> = self.factor.scale.code(v).into();
                (code.clone(), code)
            }
        }
    }
}
