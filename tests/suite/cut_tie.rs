//! One rule for a tie at the cut line (issue 29): a theme ranked N or better is inside the
//! top N, so a tie at the line is all inside it. The line never depends on the themes'
//! names; the board, the stability figures, presenter mode and every export agree.

use trh::export::{ExportFormat, ExportRequest, export};
use trh::model::cut::Candidate;
use trh::model::{Scorecard, ThemeId};

/// The sample with a copy of its 7th theme (the last inside the top 7), named `name`.
fn tied(name: &str) -> Scorecard {
    let mut card =
        trh::file::load_scorecard(std::path::Path::new("scorecards/plymouth-style-2018.ron"))
            .expect("sample");
    card.cut = Some(7);
    let seventh = trh::model::rank(&card).rows[6].id.clone();
    let mut twin = card.theme(&seventh).expect("theme").clone();
    twin.id = ThemeId::new("twin");
    twin.name = name.into();
    twin.decision = None;
    card.themes.push(std::sync::Arc::new(twin));
    card
}

fn text(card: &Scorecard, format: ExportFormat) -> String {
    let mut request = ExportRequest::new(format);
    request.cut = card.cut();
    String::from_utf8(export(card, &request).expect("exports")).expect("utf8")
}

/// Renaming the twin from "Aardvark…" to "Zebra…" moves it from before its original to after
/// it, but both stay inside the line: before the rule the name put one of them below it.
#[test]
fn the_names_of_tied_themes_never_decide_the_line() {
    for name in ["Aardvark twin", "Zebra twin"] {
        let card = tied(name);
        let ranking = trh::model::rank(&card);
        let tie = ranking.cut_tie().expect("a tie at the cut");
        assert_eq!(
            (tie.rank, tie.tied.len(), tie.places, tie.inside),
            (7, 2, 7, 8)
        );
        assert_eq!(ranking.line(), 8, "{name}");
        let candidates = ranking.candidates();
        for (row, c) in ranking.rows.iter().zip(&candidates) {
            let want = match row.rank {
                Some(7) => Candidate::TiedAtCut,
                Some(k) if k < 7 => Candidate::Yes,
                _ => Candidate::No,
            };
            assert_eq!(*c, want, "{} ({name})", row.name);
        }
        assert!(
            tie.short()
                .contains("so both are in (8 candidates for the top 7)")
        );
        // The list draws its line below both.
        let md = text(&card, ExportFormat::Md);
        let line = md.find("**— cut line —**").expect("cut line");
        let twin = md.find(&format!("| {name} |")).expect("twin listed");
        let original = &ranking
            .rows
            .iter()
            .find(|r| r.rank == Some(7) && r.id.as_str() != "twin");
        let original = md
            .find(&format!("| {} |", original.expect("original").name))
            .expect("original listed");
        assert!(
            twin < line && original < line,
            "{name}: both above the line"
        );
        // The CSV says both are candidates, tied at the cut.
        let csv = text(&card, ExportFormat::Csv);
        let tied_rows = csv
            .lines()
            .filter(|l| l.contains("yes (tied at cut)"))
            .count();
        assert_eq!(tied_rows, 2, "{name}");
        // The report marks the 8th row, not the 7th.
        let html = text(&card, ExportFormat::Html);
        let cut_row = html.find("<tr class=\"cut\">").expect("cut row");
        let row_end = html[cut_row..].find("</tr>").expect("row end") + cut_row;
        let last_inside = &ranking.rows[7].name;
        assert!(
            html[cut_row..row_end].contains(&trh::export::escape(last_inside)),
            "{name}: the heavy line is under {last_inside}"
        );
    }
}

/// The stability figures count "inside the top N" by the same rule, so a theme the board shows
/// inside the line is inside in the figures too: its "same side" share is its top-N share.
#[test]
fn stability_counts_inside_by_the_same_rule_as_the_board() {
    let card = tied("Zebra twin");
    let ranking = trh::model::rank(&card);
    let figures = trh::document::Figures::of(&card, card.cut());
    let candidates = ranking.candidates();
    for (row, c) in ranking.rows.iter().zip(&candidates) {
        let Some(t) = figures.theme(&row.id) else {
            continue;
        };
        let same = t.p_same_side(figures.cut()).expect("ranked");
        let inside = *c != Candidate::No;
        let want = if inside { t.p_top } else { 1.0 - t.p_top };
        assert!((same - want).abs() < 1e-12, "{}", row.name);
    }
    // Both tied themes are inside the top 7 in every run where nothing else moves them: at
    // least as often as the board's line says.
    let twin = figures.theme(&ThemeId::new("twin")).expect("twin");
    assert!(twin.p_top > 0.5, "{}", twin.p_top);
}
