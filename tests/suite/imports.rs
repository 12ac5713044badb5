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
        marking: trh::import::marking_above(&table, layout.header),
    };
    let applied = edit.apply(&mut card).expect("applies");
    assert_eq!(
        applied.new, "1 new themes, 1 updated",
        "OFFICIAL raises nothing"
    );
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

/// Excel's "CSV (Comma delimited)" on a UK Windows machine is Windows-1252: curly quotes and
/// dashes are kept, and the summary says how the file was read. UTF-16 with a byte-order mark
/// (Excel's "Unicode text") and UTF-8 with one read too.
#[test]
fn csv_in_windows_1252_and_utf_16_is_read_with_its_characters() {
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let text = "Theme,Psychological harm\nChildren\u{2019}s exploitation,High\nFraud \u{2013} online,Low\n";
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!lossy);
    assert!(std::str::from_utf8(&cp1252).is_err(), "not valid UTF-8");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend_from_slice(text.as_bytes());
    for (bytes, encoding) in [
        (cp1252.to_vec(), "windows-1252"),
        (utf16, "UTF-16LE"),
        (utf8_bom, "UTF-8"),
        (text.as_bytes().to_vec(), "UTF-8"),
    ] {
        let table = trh::import::table::read_csv_bytes(&bytes, "excel.csv").expect("reads");
        assert_eq!(table.encoding, Some(encoding));
        assert_eq!(table.read_as(), format!("{encoding}, comma-separated"));
        let card = trh::import::from_table(&table, &method, "t", "excel.csv").expect("imports");
        let names: Vec<&str> = card.themes.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            ["Children\u{2019}s exploitation", "Fraud \u{2013} online"],
            "{encoding}"
        );
    }
}

/// Excel in many European locales separates with semicolons; tab-separated text comes from a
/// copy and paste. Both are read as columns, not as one theme named "Burglary;5;10".
#[test]
fn semicolon_and_tab_separated_csv_is_split_into_columns() {
    let method = trh::methods::builtin("probability-harm").expect("shipped");
    for (text, sep) in [
        (
            "theme;probability;harm\nBurglary;5;10\n\"Fraud; online\";4;6\n",
            ';',
        ),
        (
            "theme\tprobability\tharm\nBurglary\t5\t10\nFraud; online\t4\t6\n",
            '\t',
        ),
        (
            "Title row\ntheme,probability,harm\nBurglary,5,10\n\"Fraud; online\",4,6\n",
            ',',
        ),
    ] {
        let table = trh::import::table::read_csv_bytes(text.as_bytes(), "eu.csv").expect("reads");
        assert_eq!(table.delimiter, Some(sep), "{text}");
        let card = trh::import::from_table(&table, &method, "t", "eu.csv").expect("imports");
        assert_eq!(card.themes.len(), 2);
        assert_eq!(card.themes[0].name, "Burglary");
        assert_eq!(card.themes[1].name, "Fraud; online");
        let harm = trh::model::FactorId::new("harm");
        assert_eq!(
            card.themes[0].scores[&harm].draft,
            Some(trh::model::Value::Number(10))
        );
    }
}

/// A line break inside a spreadsheet cell (Alt+Enter in Excel) becomes a space in a theme's
/// name and category, which go on one line everywhere.
#[test]
fn line_breaks_inside_name_cells_become_spaces() {
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let csv = "Theme,Category,Psychological harm\n\"Child sexual\nexploitation\",\"Vulnerable\r\npeople\",High\n";
    let table = trh::import::table::read_csv(csv.as_bytes(), "t.csv").expect("reads");
    let card = trh::import::from_table(&table, &method, "t", "t.csv").expect("imports");
    assert_eq!(card.themes[0].name, "Child sexual exploitation");
    assert_eq!(card.themes[0].category, "Vulnerable people");
}

/// A workbook is a zip of XML: a few megabytes that unpack to gigabytes are refused before
/// anything is unpacked, in well under a second and without the memory.
#[test]
fn a_workbook_that_inflates_is_refused_before_it_is_unpacked() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", options)
        .expect("entry");
    let block = vec![b' '; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&block).expect("write");
    }
    let bytes = zip.finish().expect("zip").into_inner();
    assert!(bytes.len() < 2_000_000, "{} bytes packed", bytes.len());
    let start = std::time::Instant::now();
    let err = trh::import::table::read_xlsx(&bytes, "bomb.xlsx", None).expect_err("refused");
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    assert!(err.message.contains("unpacks to 314 MB"), "{}", err.message);
}

/// A sheet with more rows than any scorecard (a data extract) is refused, saying how many
/// themes trh takes, and nothing is imported.
#[test]
fn a_sheet_with_too_many_rows_is_refused() {
    let max = trh::import::table::MAX_ROWS as u32;
    let sheet = |themes: u32| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "theme").expect("cell");
        for r in 1..=themes {
            ws.write_string(r, 0, "Burglary").expect("cell");
        }
        wb.save_to_buffer().expect("xlsx")
    };
    // A heading row and the most themes trh takes: read.
    let table = trh::import::table::read_xlsx(&sheet(max), "full.xlsx", None).expect("reads");
    assert_eq!(table.rows.len() as u32, max + 1);
    // One more: refused, saying why, without a table.
    match trh::import::table::read_xlsx(&sheet(max + 1), "extract.xlsx", None) {
        Ok(t) => panic!("read {} rows", t.rows.len()),
        Err(e) => assert!(
            e.message
                .contains("more than 20000 rows or 2000000 cells; trh imports at most 20000 rows"),
            "{}",
            e.message
        ),
    }
}

/// A long read counts its rows for the window and stops when cancelled, with nothing read.
#[test]
fn a_read_counts_rows_and_stops_when_cancelled() {
    use trh::import::table::{CANCELLED, Progress, read_path_with};
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("long.csv");
    let mut csv = String::from("theme,physical\n");
    for i in 0..1000 {
        csv.push_str(&format!("Theme {i},H\n"));
    }
    std::fs::write(&path, csv).expect("write");
    let progress = Progress::default();
    let table = read_path_with(&path, None, &progress).expect("reads");
    assert_eq!(table.rows.len(), 1001);
    assert!(progress.rows() >= 768, "counted {}", progress.rows());
    let cancelled = Progress::default();
    cancelled.cancel();
    let err = read_path_with(&path, None, &cancelled).expect_err("stopped");
    assert!(err.message.contains(CANCELLED), "{}", err.message);
}

/// A sheet as partnerships keep them: a title row (whose "themes" once made it the heading
/// row, importing junk themes), the marking, the headings on row 3, one factor missing and a
/// Notes column. The headings are found, the marking is carried (never lowered), the notes are
/// kept with the evidence, and the command line says what it did.
#[test]
fn a_titled_marked_sheet_with_notes_imports_from_its_real_headings() {
    let method = trh::methods::builtin("morile-style").expect("method");
    let factors: Vec<(String, String)> = method
        .factors()
        .map(|(_, f)| (f.id.to_string(), f.label.clone()))
        .collect();
    // Every factor but the last, by id, with a level code each.
    let (heads, values): (Vec<String>, Vec<String>) = method
        .factors()
        .take(factors.len() - 1)
        .map(|(_, f)| {
            let code = match &f.scale {
                trh::model::Scale::Levels(l) => l[0].code.clone(),
                trh::model::Scale::Range { min, .. } => min.to_string(),
            };
            (f.id.to_string(), code)
        })
        .unzip();
    let csv = format!(
        "A Strategic assessment 2025 – last year's themes\nOFFICIAL-SENSITIVE\ntheme,{},Notes\nKnife crime,{},Raised by the youth panel\n",
        heads.join(","),
        values.join(",")
    );
    let table = trh::import::table::read_csv(csv.as_bytes(), "titled.csv").expect("reads");
    let layout = trh::import::detect(&table, &method, &Default::default());
    assert_eq!(layout.header, 2, "the headings are on row 3");
    let missing = layout.missing_factors(&method);
    assert_eq!(missing, vec![factors.last().expect("factor").1.clone()]);
    let card = trh::import::from_table(&table, &method, "t", "titled.csv").expect("imports");
    assert_eq!(card.themes.len(), 1);
    assert_eq!(card.themes[0].name, "Knife crime");
    assert!(
        card.themes[0]
            .evidence
            .contains("Notes: Raised by the youth panel")
    );
    assert_eq!(card.marking, "OFFICIAL-SENSITIVE", "the sheet's marking");
    // Into an open OFFICIAL scorecard: the marking is raised, and a lower one never lowers it.
    let mut open = trh::model::Scorecard::new("open", method.clone());
    let themes = trh::import::themes(&table, &layout, &method, "titled.csv").expect("rows");
    let edit = trh::model::Edit::Import {
        themes: themes.clone(),
        source: "titled.csv".into(),
        marking: trh::import::marking_above(&table, layout.header),
    };
    let applied = edit.apply(&mut open).expect("applies");
    assert_eq!(open.marking, "OFFICIAL-SENSITIVE");
    assert!(
        applied
            .new
            .contains("marked OFFICIAL-SENSITIVE as the sheet is (was OFFICIAL)")
    );
    let lower = trh::model::Edit::Import {
        themes,
        source: "again.csv".into(),
        marking: Some("OFFICIAL".into()),
    };
    lower.apply(&mut open).expect("applies");
    assert_eq!(open.marking, "OFFICIAL-SENSITIVE", "never lowered");
    // The command line: exits 0, names the heading row, the missing factor and the marking.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("titled.csv");
    std::fs::write(&path, &csv).expect("write");
    let out_file = dir.path().join("t.ron");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trh"))
        .arg("import")
        .arg(&path)
        .args(["--method", "morile-style"])
        .arg("--out")
        .arg(&out_file)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("headings read from row 3"), "{err}");
    assert!(
        err.contains("warning: no column for 1 of the method's"),
        "{err}"
    );
    assert!(
        err.contains("marked OFFICIAL-SENSITIVE as the sheet is"),
        "{err}"
    );
    assert!(err.contains("notes column is kept"), "{err}");
    let saved = trh::file::load_scorecard(&out_file).expect("saved");
    assert_eq!(saved.marking, "OFFICIAL-SENSITIVE");
}
