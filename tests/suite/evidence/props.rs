//! Property tests of reading police.uk files: however the same rows are split across files and
//! forces, and in whatever order, the counts are the same; and hostile bytes never panic.

use std::collections::BTreeMap;

use proptest::prelude::*;
use trh::generate::police::HEADER;
use trh::import::evidence::{Area, police::read_police};
use trh::import::table::Progress;
use trh::model::evidence::Month;

const TYPES: [&str; 4] = ["Burglary", "Drugs", "Anti-social behaviour", "Robbery"];
const AREAS: [&str; 3] = ["Plymouth", "South Hams", "Plymouthshire"];

/// One row: (month index 0..6, type index, area index, LSOA number).
fn rows() -> impl Strategy<Value = Vec<(u8, usize, usize, u8)>> {
    proptest::collection::vec((0u8..6, 0..TYPES.len(), 0..AREAS.len(), 0u8..20), 0..300)
}

fn line((m, t, a, l): (u8, usize, usize, u8)) -> String {
    let month = Month {
        year: 2017,
        month: 1,
    }
    .plus(i32::from(m));
    format!(
        "id{m}{t}{a}{l},{},Force,Force,-4.1,50.3,On or near X,E0100{l:04},{} {l:03}A,{},,",
        month.iso(),
        AREAS[a],
        TYPES[t]
    )
}

/// What reading should give for Plymouth: counts by type and month.
fn expected(rows: &[(u8, usize, usize, u8)]) -> BTreeMap<String, BTreeMap<Month, u64>> {
    let mut out: BTreeMap<String, BTreeMap<Month, u64>> = BTreeMap::new();
    for &(m, t, a, _) in rows {
        if a == 0 {
            let month = Month {
                year: 2017,
                month: 1,
            }
            .plus(i32::from(m));
            *out.entry(TYPES[t].to_owned())
                .or_default()
                .entry(month)
                .or_default() += 1;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn splitting_and_reordering_rows_changes_no_count(
        rows in rows(),
        forces in 1usize..4,
        seed in any::<u64>(),
    ) {
        let dir = tempfile::tempdir().expect("dir");
        // Each row goes to its month's file of one of `forces` forces, in a shuffled order.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let mut s = seed | 1;
        for i in (1..order.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            order.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let mut files: BTreeMap<(u8, usize), Vec<String>> = BTreeMap::new();
        for (k, &i) in order.iter().enumerate() {
            let r = rows[i];
            files.entry((r.0, k % forces)).or_default().push(line(r));
        }
        // Every month is covered by at least one (possibly empty) file of force 0.
        for m in 0..6u8 {
            files.entry((m, 0)).or_default();
        }
        for ((m, f), lines) in &files {
            let month = Month { year: 2017, month: 1 }.plus(i32::from(*m));
            let path = dir.path().join(month.iso()).join(format!("{}-force-{f}-street.csv", month.iso()));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            let body: String = std::iter::once(HEADER.to_owned()).chain(lines.iter().cloned()).collect::<Vec<_>>().join("\n");
            std::fs::write(&path, format!("{body}\n")).expect("write");
        }
        let read = read_police(dir.path(), &Area::new(&["Plymouth".into()], &[]), &Progress::default()).expect("read");
        prop_assert_eq!(read.counts, expected(&rows));
        prop_assert_eq!(read.rows + read.left_out, rows.len() as u64);
        prop_assert_eq!(read.covered.len(), 6);
    }

    #[test]
    fn hostile_street_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1500)) {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("2017-01-force-street.csv");
        let mut body = HEADER.as_bytes().to_vec();
        body.push(b'\n');
        body.extend(&bytes);
        std::fs::write(&path, body).expect("write");
        let _ = read_police(&path, &Area::new(&["Plymouth".into()], &[]), &Progress::default());
    }
}
