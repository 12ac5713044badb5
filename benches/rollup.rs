//! `cargo bench --bench rollup`: fifteen 300-theme scorecards rolled up, against `trh rank`'s
//! work (load and rank) done for the fifteen files one after another, side by side in one run.
//! Exits non-zero if the roll-up takes longer.

use std::path::{Path, PathBuf};
use std::time::Instant;

const FILES: usize = 15;
const THEMES: usize = 300;

fn data() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/rollup");
    std::fs::create_dir_all(&dir).expect("dir");
    let method = trh::methods::resolve(trh::methods::DEFAULT).expect("method");
    (0..FILES)
        .map(|i| {
            let path = dir.join(format!("area-{i:02}.ron"));
            if !path.exists() {
                let mut card = trh::generate::generate(&method, THEMES, 30, 100 + i as u64);
                card.area = format!("Area {i:02}");
                trh::file::save::save_scorecard(&card, &path).expect("save");
            }
            path
        })
        .collect()
}

fn best(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let files = data();
    let sequential = best(3, || {
        for p in &files {
            let card = trh::file::load_scorecard(p).expect("load");
            std::hint::black_box(trh::model::rank(&card));
        }
    });
    let rolled = best(3, || {
        let cards: Vec<_> = trh::file::load_scorecards(&files)
            .into_iter()
            .map(|r| r.expect("load"))
            .collect();
        let named: Vec<(String, &trh::model::Scorecard)> =
            cards.iter().map(|c| (c.area.clone(), c)).collect();
        std::hint::black_box(trh::model::rollup::rollup(
            &named,
            &trh::model::rollup::Hand::default(),
        ));
    });
    // A match or split by hand rolls up again from the scorecards already read (the app does
    // this in the background after each change).
    let cards: Vec<_> = trh::file::load_scorecards(&files)
        .into_iter()
        .map(|r| r.expect("load"))
        .collect();
    let named: Vec<(String, &trh::model::Scorecard)> =
        cards.iter().map(|c| (c.area.clone(), c)).collect();
    let mut hand = trh::model::rollup::Hand::default();
    hand.join(&[(0, 0), (1, 5)]);
    hand.split((2, 3));
    let again = best(3, || {
        std::hint::black_box(trh::model::rollup::rollup(&named, &hand));
    });
    println!("{FILES} scorecards of {THEMES} themes:");
    println!(
        "  trh rank, one file after another (load + rank): {:.3} s",
        sequential
    );
    println!(
        "  trh rollup (parallel load + match + table):     {:.3} s ({:.2}× the sequential time)",
        rolled,
        rolled / sequential
    );
    println!(
        "  after a match by hand (scorecards already read):  {:.3} s",
        again
    );
    if rolled > sequential {
        eprintln!(
            "MISSED: the roll-up ({rolled:.3} s) takes longer than ranking the files one after another ({sequential:.3} s)"
        );
        std::process::exit(1);
    }
}
