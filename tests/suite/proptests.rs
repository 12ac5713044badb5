//! Property tests: hostile input never panics, and load → save → load gives an equal model.

use std::path::Path;

use proptest::prelude::*;
use trh::file::{self, save};
use trh::generate::generate;
use trh::methods;
use trh::model::rank;

const SAMPLE: &str = include_str!("../../scorecards/plymouth-style-2018.ron");
const METHOD: &str = include_str!("../../assets/methods/morile-style.ron");

/// Text that stresses quoting: quotes, backslashes, raw-string hashes, newlines, control
/// characters, formula prefixes and non-Latin scripts.
fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}",
        "\\PC{0,30}",
        Just("\"#\"##\"\\n\\\\".to_owned()),
        Just("=HYPERLINK(\"http://example.invalid\",\"x\")".to_owned()),
        Just("line one\nline two\r\n\ttabbed".to_owned()),
        Just("r#\"raw\"#".to_owned()),
        Just("Ünïcödé — ✓ 日本語 العربية".to_owned()),
        Just("\u{0}\u{7f}\u{feff}".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = file::parse_scorecard(&text, Path::new("fuzz.ron"));
        let _ = file::parse_method(&text, Path::new("fuzz.ron"));
    }

    #[test]
    fn corrupted_samples_never_panic(
        at in 0usize..SAMPLE.len(),
        len in 0usize..64,
        insert in "\\PC{0,16}",
    ) {
        let mut text = SAMPLE.as_bytes().to_vec();
        let end = (at + len).min(text.len());
        text.splice(at..end, insert.bytes());
        let text = String::from_utf8_lossy(&text);
        if let Ok(card) = file::parse_scorecard(&text, Path::new("c.ron")) {
            // Whatever loads must also rank and save.
            let _ = rank(&card);
            prop_assert!(save::scorecard_to_text(&card).is_ok());
        }
    }

    #[test]
    fn corrupted_methods_never_panic(
        at in 0usize..METHOD.len(),
        len in 0usize..32,
        insert in "[-0-9a-zA-Z\"(),:\\[\\] ]{0,12}",
    ) {
        let mut text = METHOD.as_bytes().to_vec();
        let end = (at + len).min(text.len());
        text.splice(at..end, insert.bytes());
        let text = String::from_utf8_lossy(&text);
        if let Ok(method) = file::parse_method(&text, Path::new("m.ron")) {
            let card = generate(&method, 3, 2, 1);
            let _ = rank(&card);
        }
    }

    #[test]
    fn load_save_load_is_identity(
        method in 0usize..3,
        themes in 0usize..12,
        participants in 0usize..7,
        seed in any::<u64>(),
        texts in proptest::collection::vec(nasty_text(), 6),
    ) {
        let m = methods::builtin(methods::BUILTIN[method].0).expect("shipped");
        let mut card = generate(&m, themes, participants, seed);
        // One-line fields refuse control characters (a test in files.rs); multi-line ones
        // keep everything.
        let one_line = |t: &str| trh::model::text::on_one_line(t);
        card.title = one_line(&texts[0]);
        card.marking = one_line(&texts[1]);
        card.notes = texts[2].clone();
        if let Some(t) = card.themes.first_mut().map(std::sync::Arc::make_mut) {
            t.name = one_line(&texts[3]);
            t.evidence = texts[4].clone();
            if let Some(s) = t.scores.values_mut().next() {
                s.note = texts[5].clone();
            }
        }
        if let Some(p) = card.participants.first_mut() {
            p.name = one_line(&texts[5]);
        }
        let text = save::scorecard_to_text(&card).expect("serialise");
        let again = file::parse_scorecard(&text, Path::new("rt.ron"));
        let again = match again {
            Ok(c) => c,
            Err(e) => return Err(TestCaseError::fail(format!("{e}\n--- text ---\n{text}"))),
        };
        prop_assert_eq!(&again, &card);
        prop_assert_eq!(save::scorecard_to_text(&again).expect("serialise"), text);
    }
}

/// A cell as a spreadsheet holds it: any text Windows-1252 can spell, quotes and separators
/// included (no leading or trailing space, which a CSV reader is free to keep or not).
fn cell_text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 ,;\"'’–£é()&=+-]{0,16}".prop_map(|s| s.trim().to_owned())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any bytes given to the spreadsheet readers give a table or an error, never a panic.
    #[test]
    fn arbitrary_spreadsheet_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = trh::import::table::read_csv_bytes(&bytes, "fuzz.csv");
        let _ = trh::import::table::read_xlsx(&bytes, "fuzz.xlsx", None);
    }

    /// A table written as Excel would (UTF-8, UTF-8 with BOM, UTF-16, Windows-1252; comma,
    /// semicolon or tab) reads back cell for cell, whatever the cells hold.
    #[test]
    fn csv_in_any_encoding_and_separator_reads_back(
        rows in proptest::collection::vec(proptest::collection::vec(cell_text(), 3), 2..8),
        encoding in 0usize..4,
        sep in prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
    ) {
        // A heading row with letters only, as a real sheet's first row.
        let mut table = vec![vec!["theme".to_owned(), "harm".to_owned(), "notes".to_owned()]];
        table.extend(rows);
        let mut w = csv::WriterBuilder::new().delimiter(sep).from_writer(Vec::new());
        for r in &table {
            w.write_record(r).expect("row");
        }
        let text = String::from_utf8(w.into_inner().expect("csv")).expect("utf-8");
        let bytes = match encoding {
            0 => text.as_bytes().to_vec(),
            1 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            2 => {
                let mut b = vec![0xFF, 0xFE];
                for u in text.encode_utf16() {
                    b.extend_from_slice(&u.to_le_bytes());
                }
                b
            }
            _ => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        };
        let read = trh::import::table::read_csv_bytes(&bytes, "t.csv").expect("reads");
        prop_assert_eq!(read.delimiter, Some(char::from(sep)));
        let cells: Vec<Vec<String>> = read.rows.iter().map(|r| r.cells.clone()).collect();
        prop_assert_eq!(cells, table);
    }
}

fn stability_options(top: usize) -> trh::model::stability::Options {
    trh::model::stability::Options {
        runs: 300,
        seed: 3,
        top,
        centre: trh::model::stability::Centre::AroundAgreed,
        confidence_widens: false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// With no votes there is no disagreement to resample: every interval is one rank and
    /// every theme is in or out of the top N in every run.
    #[test]
    fn no_votes_give_zero_width_and_certain_answers(seed in 0u64..10_000, top in 1usize..8) {
        let method = methods::builtin(methods::DEFAULT).expect("default method");
        let mut card = generate(&method, 12, 6, seed);
        for t in &mut card.themes {
            for s in std::sync::Arc::make_mut(t).scores.values_mut() {
                s.votes.clear();
            }
        }
        let s = trh::model::stability::stability(&card, &stability_options(top));
        for t in &s.themes {
            prop_assert_eq!(t.rank_p5, t.rank_p95, "{}", t.name);
            prop_assert!(t.p_top == 0.0 || t.p_top == 1.0, "{}: {}", t.name, t.p_top);
        }
    }

    /// Votes that all agree leave nothing to resample either, whoever gave them.
    #[test]
    fn unanimous_votes_give_zero_width(seed in 0u64..10_000) {
        let method = methods::builtin(methods::DEFAULT).expect("default method");
        let mut card = generate(&method, 12, 6, seed);
        for t in &mut card.themes {
            for s in std::sync::Arc::make_mut(t).scores.values_mut() {
                if let Some(first) = s.votes.first().map(|v| v.value) {
                    for v in &mut s.votes {
                        v.value = first;
                    }
                }
            }
        }
        let s = trh::model::stability::stability(&card, &stability_options(5));
        for t in &s.themes {
            prop_assert_eq!(t.rank_p5, t.rank_p95, "{}", t.name);
        }
    }
}
