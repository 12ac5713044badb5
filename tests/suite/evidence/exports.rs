//! The evidence in the exports: the workbook's Evidence sheet (marking on its first row and in
//! the print header), and the report's small multiples, each carrying the marking.

use calamine::Reader;
use trh::export::{ExportFormat, ExportRequest, export};

fn sample() -> trh::model::Scorecard {
    trh::file::load_scorecard(std::path::Path::new("scorecards/plymouth-style-2018.ron"))
        .expect("sample")
}

#[test]
fn the_workbook_has_an_evidence_sheet_with_the_figures_and_the_marking() {
    let mut card = sample();
    card.marking = "OFFICIAL-SENSITIVE".into();
    let bytes = export(&card, &ExportRequest::new(ExportFormat::Xlsx)).expect("xlsx");
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("reads");
    let sheet = wb.worksheet_range("Evidence").expect("an Evidence sheet");
    let cell = |r: u32, c: u32| {
        sheet
            .get_value((r, c))
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    assert_eq!(cell(0, 0), "OFFICIAL-SENSITIVE");
    assert_eq!(cell(1, 0), "theme");
    assert_eq!(cell(1, 13), "Frequency / volume: data suggests");
    let nte = (2..sheet.height() as u32)
        .find(|&r| cell(r, 0) == "Night-time economy violence")
        .expect("row");
    assert_eq!(cell(nte, 3), "13774");
    assert_eq!(cell(nte, 9), "rising (more than chance)");
    assert_eq!(cell(nte, 15), "Rising");
    assert_eq!(cell(nte, 16), "Stable (differs)");
    // No data read: no sheet.
    card.evidence = std::sync::Arc::default();
    let bytes = export(&card, &ExportRequest::new(ExportFormat::Xlsx)).expect("xlsx");
    let wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("reads");
    assert!(!wb.sheet_names().contains(&"Evidence".to_owned()));
}

#[test]
fn a_series_chart_draws_to_png_and_svg_with_the_marking() {
    let card = sample();
    let theme = card
        .find_theme("Night-time economy violence")
        .expect("theme");
    let counts = card.figures(theme).counts.expect("counts");
    let figure = trh::chart::Figure::Series {
        title: &theme.name,
        figures: &counts,
    };
    let options = trh::chart::ChartOptions {
        cut: 0,
        palette: trh::chart::Palette::for_look(trh::look::Look::Light),
        scale: 1.0,
        selected: None,
        marking: "OFFICIAL".into(),
    };
    let svg = trh::chart::render_svg(&figure, &options, (600, 260)).expect("svg");
    for words in [
        "the 12 months to Nov 2017",
        "the 12 months to Nov 2016",
        "Jan 2016",
        "Jan 2017",
        "OFFICIAL",
    ] {
        assert!(svg.contains(words), "{words}");
    }
    let png = trh::chart::render_png(&figure, &options, (600, 260)).expect("png");
    assert!(png.len() > 2_000);
}
