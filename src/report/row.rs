//! One ranked theme as text, field by field. The ranking board, `trh rank` (table, CSV,
//! Markdown), the HTML report and the workbook all read a row through [`RowText`], so a
//! number, a label or a flag reads the same wherever it appears.

use crate::model::ranking::{Named, RankedTheme};

use super::num;

/// The text of one ranked theme. A missing value is an empty string; each output decides how
/// to show it (the board shows "–").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowText {
    /// Rank from 1, or empty for an unranked theme.
    pub rank: String,
    /// Theme name.
    pub theme: String,
    /// Total harm.
    pub harm: String,
    /// Total likelihood.
    pub likelihood: String,
    /// Risk score.
    pub risk: String,
    /// Risk band label.
    pub band: String,
    /// Confidence label.
    pub confidence: String,
    /// Position grade label.
    pub position: String,
    /// Position total (the points behind the grade).
    pub position_total: String,
    /// The outcome the method suggests.
    pub outcome: String,
    /// The board's decision.
    pub decision: String,
    /// Short flags: see [`flags`].
    pub flags: String,
}

impl RowText {
    /// The text of a row.
    pub fn of(row: &RankedTheme) -> Self {
        let opt = |x: Option<f64>| x.map(num).unwrap_or_default();
        let label = |n: &Option<Named>| n.as_ref().map(|n| n.label.to_string()).unwrap_or_default();
        Self {
            rank: row.rank.map(|r| r.to_string()).unwrap_or_default(),
            theme: row.name.clone(),
            harm: opt(row.harm),
            likelihood: opt(row.likelihood),
            // A grid's risk is its grade's place: show the grade itself.
            risk: if row.cell.is_some() {
                label(&row.band)
            } else {
                opt(row.risk)
            },
            band: label(&row.band),
            confidence: label(&row.confidence),
            position: label(&row.grade),
            position_total: opt(row.position_total),
            outcome: if row.position_unscored {
                "? position not scored".to_owned()
            } else {
                label(&row.outcome)
            },
            decision: row
                .decision
                .map(|d| d.label().to_owned())
                .unwrap_or_default(),
            flags: flags(row),
        }
    }

    /// The ten columns of `trh rank` ([`super::rank_table::COLUMNS`]), in order.
    pub fn columns(&self) -> [&str; 10] {
        [
            &self.rank,
            &self.theme,
            &self.harm,
            &self.likelihood,
            &self.risk,
            &self.band,
            &self.confidence,
            &self.position,
            &self.outcome,
            &self.decision,
        ]
    }

    /// The position as the board shows it: the total with its grade, "12 (Strong)".
    pub fn position_with_total(&self) -> String {
        match (self.position_total.is_empty(), self.position.is_empty()) {
            (true, _) => self.position.clone(),
            (false, true) => self.position_total.clone(),
            (false, false) => format!("{} ({})", self.position_total, self.position),
        }
    }
}

/// A field as screens and reports show it: "–" when there is no value.
pub fn dash(field: &str) -> &str {
    if field.is_empty() { "–" } else { field }
}

/// Short flags: D departs from the outcome, G intelligence gap, C contested, ? incomplete.
pub fn flags(row: &RankedTheme) -> String {
    [
        (row.departs, 'D'),
        (row.intelligence_gap, 'G'),
        (row.contested, 'C'),
        (!row.missing.is_empty() || row.position_unscored, '?'),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, c)| *c)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_from_the_row_and_flags_include_incomplete() {
        let card = crate::file::parse_scorecard(
            crate::methods::SAMPLE,
            std::path::Path::new("sample.ron"),
        )
        .expect("sample");
        let mut ranking = crate::model::rank(&card);
        let row = &mut ranking.rows[0];
        let text = RowText::of(row);
        assert_eq!(text.rank, "1");
        assert_eq!(text.theme, row.name);
        // The risk as the row holds it, in trh's number form (whole numbers bare, else at
        // most two places): set here so the expected text is known.
        for (risk, want) in [
            (16.0, "16"),
            (7.25, "7.25"),
            (2.0 / 3.0, "0.67"),
            (4.5, "4.5"),
        ] {
            row.risk = Some(risk);
            let text = RowText::of(row);
            assert_eq!(text.risk, want);
            assert_eq!(text.columns()[4], want, "the Risk column");
        }
        row.missing.push("impact".into());
        (row.departs, row.intelligence_gap, row.contested) = (true, false, false);
        assert_eq!(RowText::of(row).flags, "D?");
        (row.departs, row.intelligence_gap, row.contested) = (false, true, true);
        assert_eq!(RowText::of(row).flags, "GC?");
    }
}
