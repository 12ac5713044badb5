//! `cargo bench`: load+validate, rank and save over a generated 300-theme, 30-participant
//! scorecard. Prints measured times (p50, p95, min) and the targets; exits non-zero if a
//! target is missed so a regression cannot pass unnoticed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use trh::file::{self, save};
use trh::generate::generate;
use trh::methods;
use trh::model::rank;

const THEMES: usize = 300;
const PARTICIPANTS: usize = 30;

struct Stats {
    p50: f64,
    p95: f64,
    min: f64,
}

/// Runs `f` repeatedly (at least `runs` times and about half a second), returning ms statistics.
fn measure(runs: usize, mut f: impl FnMut()) -> Stats {
    if runs == 0 {
        return Stats {
            p50: 0.0,
            p95: 0.0,
            min: 0.0,
        };
    }
    f(); // warm-up
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < runs
        || (start.elapsed() < Duration::from_millis(2000) && samples.len() < 10_000)
    {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Stats {
        p50: at(0.5),
        p95: at(0.95),
        min: samples[0],
    }
}

fn main() {
    let method = methods::builtin(methods::DEFAULT).expect("default method");
    let card = generate(&method, THEMES, PARTICIPANTS, 42);
    let votes: usize = card
        .themes
        .iter()
        .flat_map(|t| t.scores.values())
        .map(|s| s.votes.len())
        .sum();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.ron");
    save::save_scorecard(&card, &path).expect("save");
    let bytes = std::fs::metadata(&path).expect("size").len();
    println!(
        "scorecard: {THEMES} themes, {PARTICIPANTS} participants, {} factors, {votes} votes, {:.1} MB on disk",
        method.factors().count(),
        bytes as f64 / 1e6
    );

    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let runs = |name: &str, n: usize| {
        if only.is_empty() || only.iter().any(|o| name.contains(o.as_str())) {
            n
        } else {
            0
        }
    };
    let load = measure(runs("load+validate", 10), || {
        black_box(file::load_scorecard(&path).expect("load"));
    });
    let ranking = measure(runs("rank", 50), || {
        black_box(rank(black_box(&card)));
    });
    let save_s = measure(runs("save", 10), || {
        save::save_scorecard(black_box(&card), &path).expect("save");
    });

    // `cargo bench --bench core -- rank` runs only the named operations (for profiling).
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| name.contains(o.as_str()));
    let mut ok = true;
    println!(
        "{:<16} {:>9} {:>9} {:>9} {:>9}",
        "operation", "p50 ms", "p95 ms", "min ms", "target"
    );
    for (name, s, target) in [
        ("load+validate", &load, 200.0),
        ("rank", &ranking, 2.0),
        ("save", &save_s, 100.0),
    ] {
        if !wanted(name) {
            continue;
        }
        let pass = s.p50 <= target;
        ok &= pass;
        println!(
            "{name:<16} {:>9.2} {:>9.2} {:>9.2} {:>7} ms {}",
            s.p50,
            s.p95,
            s.min,
            target,
            if pass { "ok" } else { "MISSED" }
        );
    }
    println!(
        "summary: load_ms={:.2} rank_ms={:.3} save_ms={:.2}",
        load.p50, ranking.p50, save_s.p50
    );
    if !ok {
        std::process::exit(1);
    }
}
