//! Spreadsheets in: reading CSV and workbooks, guessing headings, row and column errors,
//! importing into an open scorecard, and the export → import round trip.

use trh::export::{ExportFormat, ExportRequest, export};
use trh::model::Scorecard;

const PLYMOUTH: &str = include_str!("../../scorecards/plymouth-style-2018.ron");

fn sample(text: &str) -> Scorecard {
    trh::file::parse_scorecard(text, std::path::Path::new("sample.ron")).expect("sample loads")
}

#[test]
fn xlsx_export_imports_back_to_the_same_ranking() {
    let card = sample(PLYMOUTH);
    let bytes = export(&card, &ExportRequest::new(ExportFormat::Xlsx)).expect("xlsx");
    let table = trh::import::table::read_xlsx(&bytes, "p.xlsx", None).expect("reads");
    assert_eq!(table.sheet.as_deref(), Some("Scores"));
    let back = trh::import::from_table(&table, &card.method, "Back", "p.xlsx").expect("imports");
    let (a, b) = (trh::model::rank(&card), trh::model::rank(&back));
    type Key = (String, Option<u32>, Option<f64>, Option<String>);
    let key = |r: &trh::model::Ranking| -> Vec<Key> {
        r.rows
            .iter()
            .map(|x| {
                (
                    x.name.clone(),
                    x.rank,
                    x.risk,
                    x.decision.map(|d| d.code().to_owned()),
                )
            })
            .collect()
    };
    assert_eq!(key(&a), key(&b));
}

#[test]
fn import_reports_row_and_column_errors_from_a_workbook() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [&[&str]; 4] = [
        &["Last year's scores", "", ""],
        &["theme", "physical", "decision"],
        &["Burglary", "Huge", "adopt"],
        &["", "L", "maybe"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).expect("write");
        }
    }
    let bytes = wb.save_to_buffer().expect("save");
    let table = trh::import::table::read_xlsx(&bytes, "bad.xlsx", None).expect("reads");
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let problems =
        trh::import::from_table(&table, &method, "t", "bad.xlsx").expect_err("has errors");
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("row 3, column physical (B): \"Huge\" is not a level")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|t| t.starts_with("row 4, column decision (C): \"maybe\"")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|t| t == "row 4: the theme name is empty"),
        "{text:?}"
    );
}

#[test]
fn import_into_an_open_scorecard_is_one_edit_that_updates_and_adds() {
    let mut card = sample(PLYMOUTH);
    let before = card.clone();
    let method = card.method.clone();
    let csv = "OFFICIAL,,\ntheme,physical,category\nDeliberate fires,VH,\nKnife crime,H,Violence\n";
    let table = trh::import::table::read_csv(csv.as_bytes(), "new.csv").expect("reads");
    let layout = trh::import::detect(&table, &method, &Default::default());
    assert_eq!(layout.header, 1, "the marking row is skipped");
    let themes = trh::import::themes(&table, &layout, &method, "new.csv").expect("rows");
    let edit = trh::model::Edit::Import {
        themes,
        source: "new.csv".into(),
    };
    let applied = edit.apply(&mut card).expect("applies");
    assert_eq!(applied.new, "1 new themes, 1 updated");
    assert_eq!(card.themes.len(), before.themes.len() + 1);
    let fires = card
        .themes
        .iter()
        .find(|t| t.name == "Deliberate fires")
        .expect("kept");
    let old_fires = before
        .themes
        .iter()
        .find(|t| t.name == "Deliberate fires")
        .expect("was there");
    let physical = trh::model::FactorId::new("physical");
    assert_ne!(
        fires.scores[&physical].draft,
        old_fires.scores[&physical].draft
    );
    assert_eq!(fires.category, old_fires.category, "empty cells keep text");
    assert_eq!(
        fires.decision, old_fires.decision,
        "no decision column keeps the decision"
    );
}

#[test]
fn import_guesses_spreadsheet_headings_below_a_title_row() {
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let csv = "Safer city scores 2025,,\nTheme name,Psychological harm,Lead agency\nKnife crime,High,Police\n";
    let table = trh::import::table::read_csv(csv.as_bytes(), "t.csv").expect("reads");
    let layout = trh::import::detect(&table, &method, &Default::default());
    assert_eq!(layout.header, 1);
    assert_eq!(
        layout.columns,
        [
            Some(trh::import::Target::Theme),
            Some(trh::import::Target::Factor(trh::model::FactorId::new(
                "psychological"
            ))),
            None
        ]
    );
    // Without a theme heading the fullest row is taken, and can be changed.
    let csv = "Scores,,\nCrime,physical,x\nA,H,y\n";
    let table = trh::import::table::read_csv(csv.as_bytes(), "t.csv").expect("reads");
    let layout = trh::import::detect(&table, &method, &Default::default());
    assert_eq!(layout.header, 1);
    let remembered = [("crime".to_owned(), "theme".to_owned())].into();
    let layout = trh::import::detect(&table, &method, &remembered);
    assert_eq!(layout.columns[0], Some(trh::import::Target::Theme));
    let at0 = trh::import::detect_at(&table, &method, &remembered, 0);
    assert_eq!(at0.headings[0], "Scores");
}

#[test]
fn damaged_workbooks_are_errors_not_crashes() {
    let card = sample(PLYMOUTH);
    let bytes = export(&card, &ExportRequest::new(ExportFormat::Xlsx)).expect("xlsx");
    let mut damaged: Vec<Vec<u8>> = (1..12)
        .map(|k| bytes[..bytes.len() * k / 12].to_vec())
        .collect();
    for k in 1..24 {
        let mut b = bytes.clone();
        let at = b.len() * k / 24;
        for x in &mut b[at..(at + 64).min(bytes.len())] {
            *x = x.wrapping_mul(31).wrapping_add(7);
        }
        damaged.push(b);
    }
    let mut errors = 0;
    for b in &damaged {
        if let Err(e) = trh::import::table::read_xlsx(b, "damaged.xlsx", None) {
            assert!(e.to_string().starts_with("damaged.xlsx: "), "{e}");
            errors += 1;
        }
    }
    assert!(
        errors >= 11,
        "every truncated file is refused ({errors} errors)"
    );
}
