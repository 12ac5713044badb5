//! Frame-time benchmark: drives the real app UI headless (egui without a GPU: layout and
//! tessellation, which is the CPU side of every frame) over a generated 300-theme,
//! 30-participant scorecard, through the scorecard view, the ranking board and each chart.
//!
//! For each view it prints p50 and p95 CPU milliseconds per frame, the same for a plain egui
//! baseline frame showing a grid with as many labels as the view drew text shapes, and the
//! ratio between them, measured side by side (alternating frames) so machine noise hits both.
//! It then times each chart's redraw at 1600×900 and checks that an idle app asks for no
//! repaint. Run with `cargo bench --bench frame_time`; the last line is the summary.

use std::time::{Duration, Instant};

use egui::{Pos2, RawInput, Rect, Shape, vec2};
use trh::app::{AppConfig, Start, TrhApp};
use trh::chart::Palette;
use trh::chart::{ChartKind, ChartOptions};
use trh::look::Look;
use trh::state::prefs::Prefs;
use trh::state::view::Tab;

const WARMUP: usize = 15;
const FRAMES: usize = 600;
const SIZE: (f32, f32) = (1600.0, 900.0);

fn input(frame: usize) -> RawInput {
    // The pointer sweeps across the window, so hover effects do real work every frame.
    let x = 300.0 + (frame % 100) as f32 * 12.0;
    let y = 150.0 + (frame % 37) as f32 * 18.0;
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(SIZE.0, SIZE.1))),
        events: vec![egui::Event::PointerMoved(Pos2::new(x, y))],
        time: Some(frame as f64 / 60.0),
        ..RawInput::default()
    }
}

fn text_shapes(shapes: &[egui::epaint::ClippedShape]) -> usize {
    fn count(s: &Shape) -> usize {
        match s {
            Shape::Text(_) => 1,
            Shape::Vec(v) => v.iter().map(count).sum(),
            _ => 0,
        }
    }
    shapes.iter().map(|c| count(&c.shape)).sum()
}

/// One CPU frame: the UI pass plus tessellation into meshes.
fn frame(
    ctx: &egui::Context,
    i: usize,
    ui_fn: &mut dyn FnMut(&mut egui::Ui),
) -> (Duration, egui::FullOutput) {
    let start = Instant::now();
    let out = ctx.run_ui(input(i), |ui| ui_fn(ui));
    let _meshes = ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
    (start.elapsed(), out)
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn baseline_ui(ui: &mut egui::Ui, labels: usize) {
    egui::CentralPanel::default().show(ui, |ui| {
        let cols = 10;
        egui::Grid::new("baseline").striped(true).show(ui, |ui| {
            for i in 0..labels {
                ui.label(format!("label {i}"));
                if i % cols == cols - 1 {
                    ui.end_row();
                }
            }
        });
    });
}

struct Result {
    name: &'static str,
    p50: f64,
    p95: f64,
    base_p50: f64,
    base_p95: f64,
}

/// Runs frames until the background stability figures are in, so the board is measured with
/// its stability column and close calls.
fn wait_for_figures(app: &mut TrhApp) {
    let ctx = egui::Context::default();
    let started = Instant::now();
    while app.state.figures_now().is_none() && started.elapsed() < Duration::from_secs(60) {
        frame(&ctx, 0, &mut |ui| app.show(ui));
        std::thread::sleep(Duration::from_millis(20));
    }
    println!(
        "stability figures for {} themes in after {:.0} ms of waiting",
        app.state.doc.card.themes.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
}

fn measure(name: &'static str, app: &mut TrhApp) -> Result {
    // Textures belong to one egui context; each measurement starts a fresh one.
    app.charts.clear();
    let app_ctx = egui::Context::default();
    let base_ctx = egui::Context::default();
    let mut labels = 0;
    for i in 0..WARMUP {
        let (_, out) = frame(&app_ctx, i, &mut |ui| app.show(ui));
        labels = text_shapes(&out.shapes);
    }
    for i in 0..WARMUP {
        frame(&base_ctx, i, &mut |ui| baseline_ui(ui, labels));
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for i in 0..FRAMES {
        a.push(
            frame(&app_ctx, WARMUP + i, &mut |ui| app.show(ui))
                .0
                .as_secs_f64()
                * 1e3,
        );
        b.push(
            frame(&base_ctx, WARMUP + i, &mut |ui| baseline_ui(ui, labels))
                .0
                .as_secs_f64()
                * 1e3,
        );
    }
    let r = Result {
        name,
        p50: percentile(&mut a, 0.5),
        p95: percentile(&mut a, 0.95),
        base_p50: percentile(&mut b, 0.5),
        base_p95: percentile(&mut b, 0.95),
    };
    println!(
        "{:<22} p50 {:>6.2} ms  p95 {:>6.2} ms | baseline ({labels:>4} labels) p50 {:>6.2} ms  p95 {:>6.2} ms | ratio p50 {:>4.2}  p95 {:>4.2}",
        r.name,
        r.p50,
        r.p95,
        r.base_p50,
        r.base_p95,
        r.p50 / r.base_p50,
        r.p95 / r.base_p95
    );
    r
}

fn idle_repaint(app: &mut TrhApp) -> Duration {
    let ctx = egui::Context::default();
    let mut delay = Duration::ZERO;
    for i in 0..20 {
        let mut raw = input(0);
        raw.events.clear();
        raw.time = Some(i as f64);
        let out = ctx.run_ui(raw, |ui| app.show(ui));
        delay = out
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .map_or(Duration::MAX, |v| v.repaint_delay);
    }
    delay
}

/// Redraws each chart at 1600x900 into an egui image; returns the worst p50 in ms.
fn chart_redraws(app: &TrhApp) -> f64 {
    let options = ChartOptions {
        cut: 10,
        palette: Palette::for_look(Look::Light),
        scale: 1.0,
        selected: app.state.view.selected.clone(),
        marking: app.state.doc.card.marking.clone(),
    };
    let mut worst_chart: f64 = 0.0;
    let card = &app.state.doc.card;
    let figures = trh::document::Figures::of(card, card.cut());
    for kind in ChartKind::ALL {
        let mut times = Vec::new();
        for _ in 0..7 {
            let start = Instant::now();
            let img = trh::chart::render_rgb(
                &trh::chart::Figure::Chart {
                    kind,
                    ranking: &app.state.doc.ranking,
                    method: &app.state.doc.card.method,
                    stability: Some(&figures.stability),
                },
                &options,
                (1600, 900),
            )
            .expect("chart draws");
            let _color =
                egui::ColorImage::from_rgb([img.width as usize, img.height as usize], &img.rgb);
            times.push(start.elapsed().as_secs_f64() * 1e3);
        }
        let p50 = percentile(&mut times, 0.5);
        worst_chart = worst_chart.max(p50);
        println!(
            "chart redraw 1600x900 {:<14} p50 {p50:>6.1} ms (min {:.1})",
            kind.slug(),
            times[0]
        );
    }

    worst_chart
}

/// Applies one edit to the big scorecard, 101 times; prints p50 and p95 beside a deep copy
/// and a ranking from scratch; returns the p95 in ms.
fn edit_cost(app: &mut TrhApp) -> f64 {
    // One edit on the big scorecard: undo snapshot, change log and re-rank.
    let theme = app.state.doc.card.themes[150].id.clone();
    let factor = app
        .state
        .doc
        .card
        .method
        .factors()
        .next()
        .expect("factor")
        .1
        .id
        .clone();
    let mut edit_ms = Vec::new();
    for n in 0..101u16 {
        let edit = trh::model::Edit::SetDraft {
            theme: theme.clone(),
            factor: factor.clone(),
            value: Some(trh::model::Value::Level(n % 3)),
        };
        let start = Instant::now();
        app.state.doc.apply(&edit, None, "bench").expect("applies");
        edit_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    // The same edit, with the undo snapshot a deep copy and a ranking from scratch (what one
    // edit cost before themes were shared), timed in the same run for the ratio.
    let mut full_ms = Vec::new();
    for _ in 0..21 {
        let start = Instant::now();
        let deep: Vec<trh::model::Theme> = app
            .state
            .doc
            .card
            .themes
            .iter()
            .map(|t| trh::model::Theme::clone(t))
            .collect();
        std::hint::black_box((deep, trh::model::rank(&app.state.doc.card)));
        full_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let full_p50 = percentile(&mut full_ms, 0.5);
    let edit_p50 = percentile(&mut edit_ms, 0.5);
    let edit_p95 = percentile(&mut edit_ms, 0.95);
    println!(
        "apply one edit (undo snapshot, log, re-rank): p50 {edit_p50:.3} ms  p95 {edit_p95:.3} ms (target p95 <= 0.5 ms); deep copy + full rank p50 {full_p50:.3} ms, ratio {:.2}",
        edit_p50 / full_p50
    );

    edit_p95
}

fn main() {
    let method = trh::methods::builtin("morile-style").expect("shipped method");
    let card = trh::generate::generate(&method, 300, 30, 7);
    let votes: usize = card
        .themes
        .iter()
        .flat_map(|t| t.scores.values())
        .map(|s| s.votes.len())
        .sum();
    println!(
        "scorecard: {} themes, {} participants, {votes} votes",
        card.themes.len(),
        card.participants.len()
    );
    let mut app = TrhApp::new(AppConfig {
        prefs: Prefs {
            user_name: Some("bench".into()),
            ..Prefs::default()
        },
        recovery: None,
        start: Start::Card(Box::new(card), "bench".into()),
        startup_error: None,
    });
    app.state.view.selected = app.state.doc.card.themes.get(150).map(|t| t.id.clone());
    let mut results = Vec::new();
    app.state.view.tab = Tab::Scorecard;
    results.push(measure("scorecard", &mut app));
    app.state.view.tab = Tab::Ranking;
    wait_for_figures(&mut app);
    results.push(measure("ranking board", &mut app));
    app.state.view.tab = Tab::Charts;
    for kind in ChartKind::ALL {
        app.state.view.chart = kind;
        let name = match kind {
            ChartKind::RankedBar => "chart: ranked risk",
            ChartKind::RiskMatrix => "chart: risk matrix",
            ChartKind::PositionRisk => "chart: position/risk",
            ChartKind::Acceptability => "chart: rank acceptability",
        };
        results.push(measure(name, &mut app));
    }

    // Issue 4's views, reported on their own line (the summary covers issue 3's views).
    app.state.view.tab = Tab::Workshop;
    let workshop = measure("workshop (revealed)", &mut app);
    app.state.view.presenter = Some(trh::state::view::PresenterView {
        index: 150,
        ..Default::default()
    });
    let presenter = measure("presenter (revealed)", &mut app);
    app.state.view.presenter = None;
    println!(
        "workshop views: p95_ms={:.2} ratio={:.2}",
        workshop.p95.max(presenter.p95),
        (workshop.p95 / workshop.base_p95).max(presenter.p95 / presenter.base_p95)
    );

    // Issue 5's year-on-year view: last year is another generated scorecard of 300 themes.
    let method = app.state.doc.card.method.clone();
    app.state.view.compare = Some(trh::state::view::CompareView {
        path: "last-year.ron".into(),
        old: std::sync::Arc::new(trh::generate::generate(&method, 300, 30, 41)),
    });
    app.state.view.tab = Tab::Compare;
    let compare = measure("year on year", &mut app);
    println!(
        "year-on-year view: p95_ms={:.2} ratio={:.2}",
        compare.p95,
        compare.p95 / compare.base_p95
    );

    let worst_chart = chart_redraws(&app);
    let edit_p95 = edit_cost(&mut app);

    app.state.view.tab = Tab::Ranking;
    let idle = idle_repaint(&mut app);
    let idle_ok = idle == Duration::MAX;
    println!(
        "idle: repaint requested {}",
        if idle_ok {
            "never (ok)".to_owned()
        } else {
            format!("after {idle:?} (NOT idle)")
        }
    );

    let worst_p95 = results.iter().map(|r| r.p95).fold(0.0, f64::max);
    let worst_ratio = results
        .iter()
        .map(|r| r.p95 / r.base_p95)
        .fold(0.0, f64::max);
    let pass =
        worst_p95 <= 4.0 && worst_ratio <= 2.0 && worst_chart <= 30.0 && edit_p95 <= 0.5 && idle_ok;
    println!(
        "targets: p95 <= 4 ms, ratio <= 2, chart <= 30 ms, edit p95 <= 0.5 ms, no idle repaint: {}",
        if pass { "met" } else { "MISSED" }
    );
    println!(
        "summary: p95_ms={worst_p95:.2} ratio={worst_ratio:.2} chart_ms={worst_chart:.1} edit_ms={edit_p95:.3}"
    );
}
