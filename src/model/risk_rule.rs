//! The risk rule resolved against a method once: which section totals and factors a
//! `Weighted` formula or a `Grid` reads, and each grid heading's value. Used by the method
//! checks (to name what is wrong) and by ranking (to score without looking names up).

use super::grid::{Grid, Key};
use super::method::{Method, RiskFormula, Scale, SectionKind};

/// What a weighted term or a grid axis reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// A section's total, by index in the method's sections.
    Section(usize),
    /// One factor's points, by index in method order.
    Factor(usize),
}

/// Finds a term by name: a section's name (`harm`, an `Other` section's id) or a factor id.
pub fn term(method: &Method, name: &str) -> Option<Term> {
    if let Some((i, _)) = method.section_named(name) {
        return Some(Term::Section(i));
    }
    method
        .factors()
        .position(|(_, f)| f.id.as_str() == name)
        .map(Term::Factor)
}

/// The sections a term reads from (a factor reads from its own section).
pub fn term_section(method: &Method, t: Term) -> Option<usize> {
    match t {
        Term::Section(i) => Some(i),
        Term::Factor(j) => {
            let mut n = 0;
            for (i, s) in method.sections.iter().enumerate() {
                if j < n + s.factors.len() {
                    return Some(i);
                }
                n += s.factors.len();
            }
            None
        }
    }
}

/// The value a grid heading stands for on its axis: a factor level's (or number's) points,
/// or a section total. `Err` says why the heading fits nothing.
pub fn key_value(method: &Method, axis: Term, key: &Key) -> Result<f64, String> {
    match axis {
        Term::Section(_) => match key {
            Key::Number(n) => Ok(*n),
            Key::Text(t) => t
                .trim()
                .parse::<f64>()
                .map_err(|_| format!("\"{t}\" is not a number, and this axis is a section total")),
        },
        Term::Factor(j) => {
            let Some((_, f)) = method.factors().nth(j) else {
                return Err("no such factor".to_owned());
            };
            let text = key.text();
            let value = match (&f.scale, key) {
                (Scale::Range { .. }, Key::Number(n)) if n.fract() == 0.0 => {
                    f.scale.number(*n as i64).map_err(|e| e.to_string())
                }
                _ => f.scale.parse(&text).map_err(|e| e.to_string()),
            }?;
            Ok(f.scale.points(value))
        }
    }
}

/// The grid's axes, when the method's risk is a grid and both name something.
pub fn grid_axes(method: &Method) -> Option<(Grid<'_>, Term, Term)> {
    let g = method.risk.grid()?;
    Some((g, term(method, g.rows)?, term(method, g.columns)?))
}

/// The band a grid cell names: a band id, else a band letter.
pub fn cell_band(method: &Method, cell: &str) -> Option<usize> {
    let cell = cell.trim();
    method
        .bands
        .iter()
        .position(|b| b.id == cell)
        .or_else(|| method.bands.iter().position(|b| b.letter == cell))
}

/// The risk rule, resolved once per method.
#[derive(Clone, Debug)]
pub enum Rule {
    /// Product, sum or two-weight sum of harm and likelihood.
    HarmLikelihood(RiskFormula),
    /// Σ weight × term.
    Terms(Vec<(Term, f64)>),
    /// Band read from a grid cell.
    Grid(ResolvedGrid),
}

/// A grid with every heading turned into its value and every cell into a band index.
#[derive(Clone, Debug)]
pub struct ResolvedGrid {
    /// The rows' axis.
    pub rows: Term,
    /// The columns' axis.
    pub columns: Term,
    /// Each row heading's value.
    pub row_values: Vec<f64>,
    /// Each column heading's value.
    pub column_values: Vec<f64>,
    /// Band index per cell, row by row (`None` where the cell names no band).
    pub cells: Vec<Option<usize>>,
}

impl ResolvedGrid {
    /// The (row, column) of the cell for two axis values.
    pub fn cell(&self, row: f64, column: f64) -> Option<(usize, usize)> {
        let at = |vals: &[f64], x: f64| vals.iter().position(|v| (v - x).abs() < 1e-6);
        Some((at(&self.row_values, row)?, at(&self.column_values, column)?))
    }

    /// The band index of a cell.
    pub fn band(&self, (r, c): (usize, usize)) -> Option<usize> {
        *self.cells.get(r * self.column_values.len() + c)?
    }
}

/// Resolves the method's risk rule. Names that resolve to nothing are left out (the method
/// checks refuse such a method before it is used).
pub fn resolve(method: &Method) -> Rule {
    match &method.risk {
        RiskFormula::Weighted(terms) => Rule::Terms(
            terms
                .iter()
                .filter_map(|(name, w)| Some((term(method, name)?, *w)))
                .collect(),
        ),
        RiskFormula::Grid { .. } => {
            let Some(g) = method.risk.grid() else {
                unreachable!("a Grid risk has a grid")
            };
            let (rows, columns) = (
                term(method, g.rows).unwrap_or(Term::Section(usize::MAX)),
                term(method, g.columns).unwrap_or(Term::Section(usize::MAX)),
            );
            let values = |axis: Term, keys: &[Key]| -> Vec<f64> {
                keys.iter()
                    .map(|k| key_value(method, axis, k).unwrap_or(f64::NAN))
                    .collect()
            };
            let column_values = values(columns, g.column_keys);
            let cells = g
                .cells
                .iter()
                .flat_map(|row| {
                    (0..column_values.len())
                        .map(move |c| row.get(c).and_then(|x| cell_band(method, x)))
                })
                .collect();
            Rule::Grid(ResolvedGrid {
                rows,
                columns,
                row_values: values(rows, g.row_keys),
                column_values,
                cells,
            })
        }
        other => Rule::HarmLikelihood(other.clone()),
    }
}

/// Every section and factor the rule reads, so a missing value there leaves the theme
/// without a risk: (section indices, factor indices).
pub fn reads(rule: &Rule) -> Vec<Term> {
    match rule {
        Rule::HarmLikelihood(_) => Vec::new(),
        Rule::Terms(t) => t.iter().map(|(t, _)| *t).collect(),
        Rule::Grid(g) => vec![g.rows, g.columns],
    }
}

/// Whether the harm or likelihood section is one of the method's kinds (for messages).
pub fn is_kind_name(name: &str) -> bool {
    [
        SectionKind::Harm,
        SectionKind::Likelihood,
        SectionKind::Confidence,
        SectionKind::Position,
    ]
    .iter()
    .any(|k| k.name() == name)
}

/// Whether an axis reads the total of one section kind: the section itself, or a factor
/// that is the section's only counted factor (so the total is its points).
fn reads_total_of(method: &Method, axis: Term, kind: SectionKind) -> bool {
    let Some(i) = term_section(method, axis) else {
        return false;
    };
    let section = &method.sections[i];
    if section.kind != kind {
        return false;
    }
    match axis {
        Term::Section(_) => true,
        Term::Factor(_) => {
            section
                .factors
                .iter()
                .filter(|f| f.role != super::method::Role::Report)
                .count()
                == 1
        }
    }
}

/// For a grid keyed on harm and likelihood (either way round), the band of the cell nearest
/// to a (harm, likelihood) pair: what a risk matrix's background shows. `None` when the grid
/// reads anything else, so no two-axis picture is true.
pub fn grid_band_at(
    method: &Method,
    g: &ResolvedGrid,
    harm: f64,
    likelihood: f64,
) -> Option<usize> {
    let (h, l) = (SectionKind::Harm, SectionKind::Likelihood);
    let (row, column) = if reads_total_of(method, g.rows, h) && reads_total_of(method, g.columns, l)
    {
        (harm, likelihood)
    } else if reads_total_of(method, g.rows, l) && reads_total_of(method, g.columns, h) {
        (likelihood, harm)
    } else {
        return None;
    };
    let nearest = |values: &[f64], x: f64| {
        values
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map(|(i, _)| i)
    };
    g.band((
        nearest(&g.row_values, row)?,
        nearest(&g.column_values, column)?,
    ))
}
