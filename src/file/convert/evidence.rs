//! The evidence and a theme's links, between file and model, both ways.

use super::super::doc::{EvidenceDoc, SeriesDoc, SourceDoc, SurveyDoc};
use crate::model::evidence::month::{Month, financial_year_text, parse_financial_year};
use crate::model::evidence::{DataSource, Evidence, Link, LinkKind, Series, SurveyItem};

/// Most months one series may hold (50 years): more is not a partnership's data.
const MAX_MONTHS: usize = 600;

/// A problem: where (text fragments) and what.
pub(super) type Found = (Vec<String>, String);

fn kind(text: &str, at: &[String], problems: &mut Vec<Found>) -> Option<LinkKind> {
    let k = LinkKind::from_name(text);
    if k.is_none() {
        problems.push((
            at.to_vec(),
            format!("evidence: \"{text}\" is not a kind of data (police.uk, counts or survey)"),
        ));
    }
    k
}

fn month(text: &str, at: &[String], problems: &mut Vec<Found>) -> Option<Month> {
    let m = Month::parse(text);
    if m.is_none() {
        problems.push((
            at.to_vec(),
            format!("evidence: \"{text}\" is not a month (write YYYY-MM)"),
        ));
    }
    m
}

/// The evidence from its file form, with every problem found.
pub(super) fn evidence_from(doc: EvidenceDoc, problems: &mut Vec<Found>) -> Evidence {
    let mut ev = Evidence {
        area: doc.area,
        population: doc.population,
        ..Evidence::default()
    };
    for s in doc.sources {
        let at = vec!["evidence:".to_owned(), format!("name: \"{}\"", s.name)];
        let Some(kind) = kind(&s.kind, &at, problems) else {
            continue;
        };
        let field = |f: &str| [at.clone(), vec![format!("{f}:")]].concat();
        let first = s
            .first
            .as_deref()
            .and_then(|t| month(t, &field("first"), problems));
        let last = s
            .last
            .as_deref()
            .and_then(|t| month(t, &field("last"), problems));
        ev.sources.push(DataSource {
            kind,
            name: s.name,
            read_at: s.read_at,
            rows: s.rows,
            left_out: s.left_out,
            months: first.zip(last),
            warnings: s.warnings,
        });
    }
    for s in doc.series {
        let at = vec!["series:".to_owned(), format!("name: \"{}\"", s.name)];
        let Some(kind) = kind(&s.kind, &at, problems) else {
            continue;
        };
        if kind == LinkKind::Survey {
            problems.push((
                at,
                "evidence: a series is police.uk or counts; survey items go in survey".to_owned(),
            ));
            continue;
        }
        if let Some(series) = series_from(&s, &at, problems) {
            ev.series.insert((kind, s.name), series);
        }
    }
    for item in doc.survey {
        if item.concerned > item.respondents {
            problems.push((
                vec!["survey:".to_owned(), format!("item: \"{}\"", item.item)],
                format!(
                    "evidence: survey item \"{}\" has more concerned than respondents",
                    item.item
                ),
            ));
            continue;
        }
        ev.survey.insert(
            item.item,
            SurveyItem {
                concerned: item.concerned,
                respondents: item.respondents,
            },
        );
    }
    ev
}

fn series_from(s: &SeriesDoc, at: &[String], problems: &mut Vec<Found>) -> Option<Series> {
    let mut series = Series::default();
    if s.months.len() > MAX_MONTHS {
        problems.push((
            at.to_vec(),
            format!(
                "evidence: series \"{}\" has more than {MAX_MONTHS} months",
                s.name
            ),
        ));
        return None;
    }
    if !s.months.is_empty() {
        let place = [at.to_vec(), vec!["first:".to_owned()]].concat();
        let first = month(s.first.as_deref().unwrap_or(""), &place, problems)?;
        let missing: Vec<Month> = s
            .missing
            .iter()
            .filter_map(|t| month(t, at, problems))
            .collect();
        for (i, n) in s.months.iter().enumerate() {
            let m = first.plus(i32::try_from(i).unwrap_or(0));
            if missing.contains(&m) {
                continue;
            }
            series.covered.insert(m);
            if *n > 0 {
                series.months.insert(m, *n);
            }
        }
    }
    for (year, n) in &s.years {
        match parse_financial_year(year) {
            Some(y) => {
                series.years.insert(y, *n);
            }
            None => problems.push((
                at.to_vec(),
                format!("evidence: \"{year}\" is not a financial year (write 2016/17)"),
            )),
        }
    }
    Some(series)
}

/// The evidence in its file form; `None` when nothing was read.
pub fn evidence_doc(ev: &Evidence) -> Option<EvidenceDoc> {
    if ev.is_empty() && ev.population.is_none() {
        return None;
    }
    Some(EvidenceDoc {
        area: ev.area.clone(),
        population: ev.population,
        sources: ev
            .sources
            .iter()
            .map(|s| SourceDoc {
                kind: s.kind.name().to_owned(),
                name: s.name.clone(),
                read_at: s.read_at.clone(),
                rows: s.rows,
                left_out: s.left_out,
                first: s.months.map(|(f, _)| f.iso()),
                last: s.months.map(|(_, l)| l.iso()),
                warnings: s.warnings.clone(),
            })
            .collect(),
        series: ev
            .series
            .iter()
            .map(|((kind, name), s)| series_doc(*kind, name, s))
            .collect(),
        survey: ev
            .survey
            .iter()
            .map(|(item, s)| SurveyDoc {
                item: item.clone(),
                concerned: s.concerned,
                respondents: s.respondents,
            })
            .collect(),
    })
}

fn series_doc(kind: LinkKind, name: &str, s: &Series) -> SeriesDoc {
    let span = s.covered.first().zip(s.covered.last());
    let months: Vec<Month> = span
        .map(|(f, l)| Month::span(*f, *l).collect())
        .unwrap_or_default();
    SeriesDoc {
        kind: kind.name().to_owned(),
        name: name.to_owned(),
        first: span.map(|(f, _)| f.iso()),
        months: months
            .iter()
            .map(|m| s.months.get(m).copied().unwrap_or(0))
            .collect(),
        missing: months
            .iter()
            .filter(|m| !s.covered.contains(m))
            .map(|m| m.iso())
            .collect(),
        years: s
            .years
            .iter()
            .map(|(y, n)| (financial_year_text(*y), *n))
            .collect(),
    }
}

/// A theme's links from their file form (`"police.uk: Burglary"`).
pub(super) fn links_from(
    texts: Vec<String>,
    at: &[String],
    problems: &mut Vec<Found>,
) -> Vec<Link> {
    texts
        .into_iter()
        .filter_map(|t| {
            let link = Link::parse(&t);
            if link.is_none() {
                problems.push((
                    [at.to_vec(), vec![format!("\"{t}\"")]].concat(),
                    format!("link \"{t}\" is not written as police.uk: TYPE, counts: CATEGORY or survey: ITEM"),
                ));
            }
            link
        })
        .collect()
}

/// A theme's links in their file form.
pub fn links_doc(links: &[Link]) -> Vec<String> {
    links
        .iter()
        .map(|l| format!("{}: {}", l.kind.name(), l.name))
        .collect()
}
