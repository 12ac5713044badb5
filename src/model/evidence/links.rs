//! Which data a theme is linked to: police.uk crime types, counts-table categories and
//! survey items. Links the analyst sets are saved in the scorecard; a theme without them is
//! linked to the series whose name is its own.

use super::Evidence;

/// The 14 crime types police.uk publishes, as it spells them.
pub const POLICE_TYPES: [&str; 14] = [
    "Anti-social behaviour",
    "Bicycle theft",
    "Burglary",
    "Criminal damage and arson",
    "Drugs",
    "Other crime",
    "Other theft",
    "Possession of weapons",
    "Public order",
    "Robbery",
    "Shoplifting",
    "Theft from the person",
    "Vehicle crime",
    "Violence and sexual offences",
];

/// What a link points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkKind {
    /// A police.uk crime type.
    Police,
    /// A category of a partner's counts table.
    Counts,
    /// A survey item.
    Survey,
}

impl LinkKind {
    /// How the source is named in words and in files: `police.uk`, `counts`, `survey`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Police => "police.uk",
            Self::Counts => "counts",
            Self::Survey => "survey",
        }
    }

    /// The kind a name (as [`LinkKind::name`] gives it) stands for.
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Police, Self::Counts, Self::Survey]
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// One series a theme draws on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Link {
    /// Police.uk type, counts category or survey item.
    pub kind: LinkKind,
    /// Its name as the data spells it.
    pub name: String,
}

impl Link {
    /// A link.
    pub fn new(kind: LinkKind, name: &str) -> Self {
        Self {
            kind,
            name: name.to_owned(),
        }
    }

    /// In words: `police.uk, Burglary`.
    pub fn text(&self) -> String {
        format!("{}, {}", self.kind.name(), self.name)
    }

    /// Reads `police.uk: Burglary` (or `counts: …`, `survey: …`).
    pub fn parse(text: &str) -> Option<Self> {
        let (kind, name) = text.split_once(':')?;
        let name = name.trim();
        let kind = LinkKind::from_name(kind)?;
        (!name.is_empty()).then(|| Self::new(kind, name))
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The links a theme uses: its own when set (`Some`, even if empty: the analyst said "none"),
/// else every series and survey item in the evidence whose name is the theme's name.
pub fn links_for(name: &str, own: Option<&[Link]>, evidence: &Evidence) -> Vec<Link> {
    if let Some(own) = own {
        return own.to_vec();
    }
    let mut out: Vec<Link> = evidence
        .series
        .keys()
        .filter(|(_, n)| same(n, name))
        .map(|(k, n)| Link::new(*k, n))
        .collect();
    out.extend(
        evidence
            .survey
            .keys()
            .filter(|n| same(n, name))
            .map(|n| Link::new(LinkKind::Survey, n)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evidence::{Series, SurveyItem};

    #[test]
    fn a_theme_named_as_a_series_is_linked_to_it_unless_the_analyst_says_otherwise() {
        let mut ev = Evidence::default();
        ev.series
            .insert((LinkKind::Police, "Burglary".into()), Series::default());
        ev.series
            .insert((LinkKind::Counts, "burglary".into()), Series::default());
        ev.survey.insert(
            "Burglary".into(),
            SurveyItem {
                concerned: 1,
                respondents: 2,
            },
        );
        let auto = links_for(" BURGLARY ", None, &ev);
        assert_eq!(auto.len(), 3);
        assert!(links_for("Burglary", Some(&[]), &ev).is_empty());
        let own = [Link::new(LinkKind::Police, "Robbery")];
        assert_eq!(links_for("Burglary", Some(&own), &ev), own.to_vec());
        assert!(links_for("Domestic abuse", None, &ev).is_empty());
    }

    #[test]
    fn links_read_as_written() {
        assert_eq!(
            Link::parse("police.uk: Violence and sexual offences"),
            Some(Link::new(LinkKind::Police, "Violence and sexual offences"))
        );
        assert_eq!(
            Link::parse("Survey:  Litter "),
            Some(Link::new(LinkKind::Survey, "Litter"))
        );
        assert_eq!(Link::parse("nowhere: x"), None);
        assert_eq!(Link::parse("counts:"), None);
    }
}
