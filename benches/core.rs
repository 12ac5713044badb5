//! `cargo bench`: load+validate, rank, save, year-on-year diff and every export over a generated 300-theme, 30-participant
//! scorecard. Prints measured times (p50, p95, min) and the targets; exits non-zero if a
//! target is missed so a regression cannot pass unnoticed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use trh::export::{ExportFormat, ExportRequest};
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

/// 10,000 stability runs on the big scorecard, `times` times; then the width spread.
fn stability_bench(card: &trh::model::Scorecard, only: &[String], times: usize) -> Stats {
    let opts = |runs: usize, seed: u64| trh::model::stability::Options {
        runs,
        seed,
        top: 10,
        centre: trh::model::stability::Centre::AroundAgreed,
        confidence_widens: false,
    };
    let stats = measure(times, || {
        black_box(trh::model::stability::stability(
            black_box(card),
            &opts(10_000, 1),
        ));
    });
    if wanted_any(only, "stability") {
        width_spread(card, &opts);
    }
    stats
}

/// The close-call search on the big scorecard, `times` times; says how many it found.
fn close_calls_bench(card: &trh::model::Scorecard, only: &[String], times: usize) -> Stats {
    let stats = measure(times, || {
        black_box(trh::model::close_calls::close_calls(black_box(card), 10));
    });
    if wanted_any(only, "close calls") {
        let c = trh::model::close_calls::close_calls(card, 10);
        let close_ones = c.calls.iter().filter(|x| x.close).count();
        println!("close calls: {} found, {close_ones} close", c.calls.len());
    }
    stats
}

/// Every export of the big scorecard, with the stability figures the board has; and the
/// Markdown list as `trh export` makes it, working the figures out first.
fn export_benches(
    card: &trh::model::Scorecard,
    runs: &dyn Fn(&str, usize) -> usize,
) -> Vec<(String, Stats, f64)> {
    // Exports run off the UI thread with the stability figures the board already has (as
    // the app does); `trh export` works them out first, timed on its own row.
    let figures = trh::document::Figures::of(card, ExportRequest::new(ExportFormat::Md).cut);
    let export = |format: ExportFormat| {
        let request = ExportRequest::new(format);
        measure(runs(&format!("export {format:?}"), 5), || {
            let bytes = trh::export::export_with(black_box(card), &request, Some(&figures));
            black_box(bytes.expect("export"));
        })
    };
    let mut exports: Vec<(String, Stats, f64)> = [
        (ExportFormat::Csv, 50.0),
        (ExportFormat::Md, 50.0),
        (ExportFormat::Xlsx, 1000.0),
        (ExportFormat::Html, 1000.0),
        (ExportFormat::Png, 500.0),
    ]
    .into_iter()
    .map(|(f, target)| (format!("export {f:?}").to_lowercase(), export(f), target))
    .collect();
    let request = ExportRequest::new(ExportFormat::Md);
    let cli_md = measure(runs("export md", 5), || {
        black_box(trh::export::export(black_box(card), &request).expect("export"));
    });
    exports.push(("export md + figures".into(), cli_md, 500.0));
    exports
}

fn vote_count(card: &trh::model::Scorecard) -> usize {
    card.themes
        .iter()
        .flat_map(|t| t.scores.values())
        .map(|s| s.votes.len())
        .sum()
}

fn wanted_any(only: &[String], name: &str) -> bool {
    only.is_empty() || only.iter().any(|o| name.contains(o.as_str()))
}

/// How much the 5th–95th percentile interval widths move from seed to seed at 1,000 and
/// 10,000 runs: the evidence for the default run count.
fn width_spread(
    card: &trh::model::Scorecard,
    opts: &dyn Fn(usize, u64) -> trh::model::stability::Options,
) {
    for runs in [1_000, 10_000] {
        let widths: Vec<Vec<i64>> = (1..=5)
            .map(|seed| {
                trh::model::stability::stability(card, &opts(runs, seed))
                    .themes
                    .iter()
                    .map(|t| match (t.rank_p5, t.rank_p95) {
                        (Some(a), Some(b)) => i64::from(b) - i64::from(a),
                        _ => 0,
                    })
                    .collect()
            })
            .collect();
        let themes = widths[0].len();
        let (mut spread_sum, mut worst, mut width_sum) = (0i64, 0i64, 0i64);
        for i in 0..themes {
            let col: Vec<i64> = widths.iter().map(|w| w[i]).collect();
            let (lo, hi) = (
                col.iter().copied().min().unwrap_or(0),
                col.iter().copied().max().unwrap_or(0),
            );
            spread_sum += hi - lo;
            worst = worst.max(hi - lo);
            width_sum += col.iter().sum::<i64>();
        }
        println!(
            "stability {runs:>6} runs, 5 seeds: mean interval width {:.1} ranks; its spread across seeds: mean {:.2}, worst {worst} ranks",
            width_sum as f64 / (themes * widths.len()) as f64,
            spread_sum as f64 / themes as f64
        );
    }
}

/// The method-format recipes, ranked side by side with the default: a weighted sum over three
/// terms (one an Other section) and a cell grid, each over a generated scorecard of the same size.
fn recipe_benches(runs: usize) -> (Stats, Stats) {
    let recipe = |name: &str, text: &str| {
        let m = file::parse_method(text, std::path::Path::new(name)).expect("recipe");
        let c = generate(&m, THEMES, PARTICIPANTS, 42);
        measure(runs, || {
            black_box(rank(black_box(&c)));
        })
    };
    (
        recipe(
            "weighted-three-terms.ron",
            include_str!("../docs/recipes/weighted-three-terms.ron"),
        ),
        recipe(
            "cell-grid.ron",
            include_str!("../docs/recipes/cell-grid.ron"),
        ),
    )
}

fn main() {
    let method = methods::builtin(methods::DEFAULT).expect("default method");
    let card = generate(&method, THEMES, PARTICIPANTS, 42);
    let votes = vote_count(&card);
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
    let (weighted, grid) = recipe_benches(runs("rank", 50));
    let save_s = measure(runs("save", 10), || {
        save::save_scorecard(black_box(&card), &path).expect("save");
    });
    // Exports run off the UI thread; these say how long the lead waits for the file.
    let exports = export_benches(&card, &runs);
    let last_year = generate(&method, THEMES, PARTICIPANTS, 41);
    let diff = measure(runs("diff", 10), || {
        black_box(trh::model::diff::diff(
            black_box(&last_year),
            black_box(&card),
        ));
    });

    let stability = stability_bench(&card, &only, runs("stability 10000 runs", 3));
    let close = close_calls_bench(&card, &only, runs("close calls", 5));

    // `cargo bench --bench core -- rank` runs only the named operations (for profiling).
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| name.contains(o.as_str()));
    let mut ok = true;
    println!(
        "{:<16} {:>9} {:>9} {:>9} {:>9}",
        "operation", "p50 ms", "p95 ms", "min ms", "target"
    );
    let rows = [
        ("load+validate", &load, 200.0),
        ("rank", &ranking, 2.0),
        ("rank weighted", &weighted, 2.0),
        ("rank grid", &grid, 2.0),
        ("save", &save_s, 100.0),
        ("diff", &diff, 50.0),
        ("stability 10000 runs", &stability, 200.0),
        ("close calls", &close, 100.0),
    ]
    .into_iter()
    .chain(exports.iter().map(|(n, s, t)| (n.as_str(), s, *t)));
    for (name, s, target) in rows {
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
    if wanted("rank") && ranking.p50 > 0.0 {
        println!(
            "rank time relative to the default method, same run: weighted recipe {:.2}×, grid recipe {:.2}×",
            weighted.p50 / ranking.p50,
            grid.p50 / ranking.p50
        );
    }
    let worst_export = exports.iter().map(|(_, s, _)| s.p50).fold(0.0, f64::max);
    println!(
        "summary: load_ms={:.2} rank_ms={:.3} save_ms={:.2} diff_ms={:.2} worst_export_ms={:.1} stability_10k_ms={:.1} close_calls_ms={:.1}",
        load.p50, ranking.p50, save_s.p50, diff.p50, worst_export, stability.p50, close.p50
    );
    if !ok {
        std::process::exit(1);
    }
}
