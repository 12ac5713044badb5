//! Reading police.uk street files, counts tables and survey results: counted as written,
//! whatever the layout (folder, zip, split files, shuffled rows), and bad files named with
//! their line.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use trh::generate::police::{AreaSpec, HEADER, PoliceSpec, Written, street_path, write_police};
use trh::import::evidence::{Area, EvidenceRequest, police::read_police, read_evidence};
use trh::import::table::Progress;
use trh::model::evidence::{Evidence, LinkKind, Month};

fn spec(seed: u64) -> PoliceSpec {
    let types = |scale: f64| {
        vec![
            ("Anti-social behaviour".to_owned(), 900.0 * scale, 0.9),
            (
                "Violence and sexual offences".to_owned(),
                1200.0 * scale,
                1.2,
            ),
            ("Burglary".to_owned(), 150.0 * scale, 1.0),
            ("Robbery".to_owned(), 12.0 * scale, 1.0),
        ]
    };
    PoliceSpec {
        force: "devon-and-cornwall".into(),
        force_name: "Devon & Cornwall Police".into(),
        first: Month::parse("2015-12").expect("month"),
        months: 24,
        areas: vec![
            AreaSpec {
                name: "Plymouth".into(),
                lsoas: 40,
                code_from: 15_000,
                types: types(1.0),
            },
            AreaSpec {
                name: "South Hams".into(),
                lsoas: 20,
                code_from: 16_000,
                types: types(0.3),
            },
        ],
        seed,
    }
}

fn of_area(written: &Written, area: &str) -> BTreeMap<String, BTreeMap<Month, u64>> {
    let mut out: BTreeMap<String, BTreeMap<Month, u64>> = BTreeMap::new();
    for ((a, kind, month), n) in written {
        if a == area && *n > 0 {
            out.entry(kind.clone()).or_default().insert(*month, *n);
        }
    }
    out
}

fn plymouth() -> Area {
    Area::new(&["Plymouth".into()], &[])
}

#[test]
fn a_folder_is_counted_for_the_area_and_the_rest_left_out() {
    let dir = tempfile::tempdir().expect("dir");
    let written = write_police(dir.path(), &spec(1)).expect("write");
    let read = read_police(dir.path(), &plymouth(), &Progress::default()).expect("read");
    assert_eq!(read.counts, of_area(&written, "Plymouth"));
    let south: u64 = of_area(&written, "South Hams")
        .values()
        .flat_map(|m| m.values())
        .sum();
    assert_eq!(read.left_out, south);
    assert_eq!(read.covered.len(), 24);
    assert_eq!(read.files, 24);
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
}

fn zip_folder(dir: &Path, out: &Path) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out).expect("zip"));
    let opts = zip::write::SimpleFileOptions::default();
    let mut files: Vec<_> = walk(dir);
    files.sort();
    for f in files {
        let name = f
            .strip_prefix(dir)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        zip.start_file(name, opts).expect("entry");
        zip.write_all(&std::fs::read(&f).expect("read"))
            .expect("write");
    }
    zip.finish().expect("finish");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn a_zip_reads_as_its_folder_and_a_month_read_twice_counts_once() {
    let dir = tempfile::tempdir().expect("dir");
    write_police(dir.path(), &spec(2)).expect("write");
    let folder = read_police(dir.path(), &plymouth(), &Progress::default()).expect("folder");
    let zipped = dir.path().with_extension("zip");
    zip_folder(dir.path(), &zipped);
    let from_zip = read_police(&zipped, &plymouth(), &Progress::default()).expect("zip");
    std::fs::remove_file(&zipped).ok();
    assert_eq!(
        (from_zip.counts, from_zip.left_out),
        (folder.counts.clone(), folder.left_out)
    );
    // A second copy of one month, in another folder of the download.
    let month = Month::parse("2016-05").expect("month");
    let copy = dir
        .path()
        .join("again")
        .join(format!("{}-devon-and-cornwall-street.csv", month.iso()));
    std::fs::create_dir_all(copy.parent().expect("parent")).expect("mkdir");
    std::fs::copy(street_path(dir.path(), month, "devon-and-cornwall"), &copy).expect("copy");
    let twice = read_police(dir.path(), &plymouth(), &Progress::default()).expect("twice");
    assert_eq!(twice.counts, folder.counts);
    assert_eq!(twice.warnings.len(), 1, "{:?}", twice.warnings);
    assert!(
        twice.warnings[0].contains("2016-05 devon-and-cornwall was read twice"),
        "{}",
        twice.warnings[0]
    );
}

/// Splits every month's file into two forces' files (a border area) with the rows reversed.
fn split_and_reverse(dir: &Path) {
    for f in walk(dir) {
        let text = std::fs::read_to_string(&f).expect("read");
        let mut lines: Vec<&str> = text.lines().skip(1).collect();
        lines.reverse();
        let half = lines.len() / 2;
        let name = f
            .file_name()
            .expect("name")
            .to_string_lossy()
            .replace("devon-and-cornwall", "other-force");
        let other = f.with_file_name(name);
        let body = |rows: &[&str]| format!("{HEADER}\n{}\n", rows.join("\n"));
        std::fs::write(&f, body(&lines[..half])).expect("write");
        std::fs::write(other, body(&lines[half..])).expect("write");
    }
}

#[test]
fn splitting_rows_across_files_or_reordering_them_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let written = write_police(dir.path(), &spec(3)).expect("write");
    split_and_reverse(dir.path());
    let read = read_police(dir.path(), &plymouth(), &Progress::default()).expect("read");
    assert_eq!(read.counts, of_area(&written, "Plymouth"));
    assert_eq!(read.files, 48);
    assert_eq!(read.covered.len(), 24);
}

fn one_file(dir: &Path, body: &str) -> std::path::PathBuf {
    let path = dir.join("2017-01-devon-and-cornwall-street.csv");
    std::fs::write(&path, body).expect("write");
    path
}

#[test]
fn a_file_that_is_not_what_it_claims_is_named_with_its_line() {
    let dir = tempfile::tempdir().expect("dir");
    let err = |body: &str| {
        read_police(
            &one_file(dir.path(), body),
            &plymouth(),
            &Progress::default(),
        )
        .expect_err("refused")
        .to_string()
    };
    let e = err("Crime ID,Month,LSOA code,LSOA name\n");
    assert!(e.contains("line 1: no column \"Crime type\""), "{e}");
    let row = "x,2017-01,D,D,-4.1,50.3,On or near X,E01015001,Plymouth 001A,Burglary,Under investigation,";
    let e = err(&format!(
        "{HEADER}\n{row}\n{}\n",
        row.replace("2017-01", "Jan 2017")
    ));
    assert!(e.contains("line 3: \"Jan 2017\" is not a month"), "{e}");
    let e = err(&format!("{HEADER}\n{row}\n{row}\nx,2017-01,D\n"));
    assert!(e.contains("line 4: 3 cells where the header has 12"), "{e}");
    // A byte-order mark and Windows line ends read as usual.
    let ok = format!("\u{feff}{HEADER}\r\n{row}\r\n");
    let read = read_police(
        &one_file(dir.path(), &ok),
        &plymouth(),
        &Progress::default(),
    )
    .expect("read");
    assert_eq!(read.rows, 1);
    let e = read_police(
        dir.path().join("nothing-here").as_path(),
        &plymouth(),
        &Progress::default(),
    );
    assert!(e.is_err());
}

#[test]
fn counts_tables_and_surveys_read_as_partners_write_them() {
    let dir = tempfile::tempdir().expect("dir");
    let counts = dir.path().join("partners.csv");
    std::fs::write(
        &counts,
        "Partner counts (illustrative)\n\nCategory,Period,Count,Area\nDeliberate fires,2015/16,80,Plymouth\nDeliberate fires,2016/17,100,Plymouth\nDeliberate fires,2016/17,7,Torbay\nCouncil ASB,2017-10,\"1,204\",Plymouth\nCouncil ASB,2017-10,3,Plymouth\n",
    )
    .expect("write");
    let survey = dir.path().join("survey.csv");
    std::fs::write(
        &survey,
        "Item,Very concerned,Fairly concerned,Not very concerned,Not at all concerned,Don't know\nEnvironmental crime,60,57,20,10,2\n",
    )
    .expect("write");
    let request = EvidenceRequest {
        areas: vec!["Plymouth".into()],
        counts: vec![counts],
        survey: Some(survey),
        population: Some(264_000),
        ..EvidenceRequest::default()
    };
    let ev = read_evidence(
        &request,
        &Evidence::default(),
        "2026-12-06T10:00:00",
        &Progress::default(),
    )
    .expect("read");
    let fires = &ev.series[&(LinkKind::Counts, "Deliberate fires".to_owned())];
    assert_eq!(fires.years.get(&2016), Some(&100));
    let asb = &ev.series[&(LinkKind::Counts, "Council ASB".to_owned())];
    assert_eq!(
        asb.months.values().copied().collect::<Vec<_>>(),
        [1204],
        "the second row is a repeat"
    );
    assert_eq!(ev.sources[0].left_out, 1, "Torbay's row");
    assert!(
        ev.sources[0].warnings[0]
            .contains("line 8: Council ASB 2017-10 was given twice (first on line 7)"),
        "{:?}",
        ev.sources[0].warnings
    );
    let item = ev.survey["Environmental crime"];
    assert_eq!((item.concerned, item.respondents), (117, 149));
    // Reading only a survey later keeps the counts.
    let again = EvidenceRequest {
        survey: request.survey.clone(),
        ..EvidenceRequest::default()
    };
    let ev2 =
        read_evidence(&again, &ev, "2026-12-07T10:00:00", &Progress::default()).expect("again");
    assert_eq!(ev2.series, ev.series);
    assert_eq!(ev2.sources.len(), 2);
}

#[test]
fn a_survey_of_shares_and_a_table_with_a_bad_count_name_the_line() {
    let dir = tempfile::tempdir().expect("dir");
    let survey = dir.path().join("shares.csv");
    std::fs::write(
        &survey,
        "Item,Share concerned,Respondents\nEnvironmental crime,78.5%,149\nDrug dealing,41.2%,149\n",
    )
    .expect("write");
    let table = trh::import::table::read_path(&survey, None).expect("table");
    let items = trh::import::evidence::survey::read_survey(&table, "shares.csv").expect("survey");
    assert_eq!(
        items["Environmental crime"].concerned, 117,
        "78.5% of 149 is 116.97"
    );
    assert_eq!(items["Drug dealing"].concerned, 61);
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Category,Month,Count\nCouncil ASB,2017-10,many\n").expect("write");
    let table = trh::import::table::read_path(&bad, None).expect("table");
    let e = trh::import::evidence::counts::read_counts(&table, "bad.csv", &[]).expect_err("bad");
    assert!(
        e.to_string()
            .contains("line 2: \"many\" is not a whole, non-negative count"),
        "{e}"
    );
}

#[test]
fn a_cancelled_read_stops_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    write_police(dir.path(), &spec(4)).expect("write");
    let progress = Progress::default();
    progress.cancel();
    let err = read_police(dir.path(), &plymouth(), &progress).expect_err("cancelled");
    assert!(
        err.to_string().contains(trh::import::table::CANCELLED),
        "{err}"
    );
    // Uncancelled, the rows read are counted as it goes.
    let progress = Progress::default();
    let read = read_police(dir.path(), &plymouth(), &progress).expect("read");
    assert_eq!(progress.rows() as u64, read.rows + read.left_out);
}
