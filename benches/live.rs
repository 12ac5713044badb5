//! Live voting under load: 30 devices on loopback, each joining and voting on all 13
//! factors of the MoRiLE-style method at once, against the headless session (`Kiosk`, what
//! `trh live` runs). Reports the time from a vote's request (the device starting to send
//! it) to the vote being in the document, p50 and p95 (target p95 ≤ 50 ms), the same from
//! the server receiving it, the throughput, and the process's memory growth while serving.
//! Each run is made twice, side by side: with the votes journal (a scorecard file, so every
//! vote is flushed to disk before its answer) and without (no file), and the time a vote
//! takes to be answered is compared: what the flush adds.
//!
//! `cargo bench --bench live`

#[path = "../tests/suite/live_client.rs"]
#[allow(dead_code)]
mod live_client;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use live_client::{Client, factor_codes_asked};
use trh::live::Config;
use trh::live::kiosk::{Kiosk, round_to_open};
use trh::live::session::Session;
use trh::model::Edit;

const DEVICES: usize = 30;

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

type Sent = Arc<Mutex<HashMap<(String, String), Instant>>>;
/// Each vote's round trip, in ms: from starting to send it to its answer.
type Answered = Arc<Mutex<Vec<f64>>>;

/// One thread per device: each joins, waits for the others, then votes on every factor,
/// noting when it started sending each vote.
fn devices(
    addr: std::net::SocketAddr,
    code: &str,
    (theme, round): (&str, u32),
    factors: &[(String, Vec<String>)],
    people: &[String],
) -> (Sent, Answered, Vec<std::thread::JoinHandle<()>>) {
    let sent: Sent = Arc::new(Mutex::new(HashMap::new()));
    let answered: Answered = Arc::new(Mutex::new(Vec::new()));
    let barrier = Arc::new(std::sync::Barrier::new(people.len()));
    let handles = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (p, code, fs, theme) = (
                p.clone(),
                code.to_owned(),
                factors.to_vec(),
                theme.to_owned(),
            );
            let (sent, barrier, answered) = (sent.clone(), barrier.clone(), answered.clone());
            std::thread::spawn(move || {
                let mut c = Client::connect(addr).expect("connects");
                assert_eq!(c.join(&code, &p).expect("join"), 200);
                barrier.wait();
                for (j, (f, levels)) in fs.iter().enumerate() {
                    let t = Instant::now();
                    sent.lock().expect("lock").insert((p.clone(), f.clone()), t);
                    let level = &levels[(i * 7 + j) % levels.len()];
                    assert_eq!(c.vote(&theme, round, f, level).expect("vote"), 200);
                    let ms = t.elapsed().as_secs_f64() * 1000.0;
                    answered.lock().expect("lock").push(ms);
                }
            })
        })
        .collect();
    (sent, answered, handles)
}

fn people_of(card: &trh::model::Scorecard) -> Vec<String> {
    card.participants.iter().map(|p| p.id.to_string()).collect()
}

/// What one run measured.
struct Run {
    request_ms: Vec<f64>,
    server_ms: Vec<f64>,
    answered_ms: Vec<f64>,
    rate: f64,
    grown: u64,
}

fn one_run(round_no: usize, journal: bool) -> Run {
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let card = trh::generate::generate(&method, 20, DEVICES, 11 + round_no as u64);
    let dir = tempfile::tempdir().expect("tmp");
    let path = journal.then(|| dir.path().join("bench.ron"));
    let theme = card.themes[0].id.clone();
    let round = round_to_open(&card, &theme).expect("theme");
    let before = rss_kib();
    let config = Config::new("127.0.0.1:0".parse().expect("addr"));
    let mut kiosk = Kiosk::start(
        trh::document::Document::new(card, path, ""),
        Session::default(),
        config,
    )
    .expect("listens");
    kiosk
        .facilitate(
            None,
            Session {
                open: Some((theme.clone(), round)),
                ..Session::default()
            },
        )
        .expect("the facilitator\'s edit applies");
    kiosk.timings = Some(Vec::new());
    let addr = kiosk.server().addr();
    let code = kiosk.server().code();
    let factors = factor_codes_asked(kiosk.card(), Some(&theme));
    let people = people_of(kiosk.card());
    let start = Instant::now();
    let (sent, answered, handles) =
        devices(addr, &code, (&theme.to_string(), round), &factors, &people);
    let total = DEVICES * factors.len();
    let mut applied = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    while applied < total && Instant::now() < deadline {
        applied += kiosk.step(Duration::from_millis(50)).expect("step").arrived;
    }
    let elapsed = start.elapsed().as_secs_f64();
    for h in handles {
        h.join().expect("device");
    }
    let grown = rss_kib().saturating_sub(before);
    assert_eq!(applied, total, "every vote lands");
    let sent = sent.lock().expect("lock");
    let mut request_ms = Vec::new();
    let mut server_ms = Vec::new();
    for (a, at) in kiosk.timings.take().unwrap_or_default() {
        if let Edit::SetVote {
            participant,
            factor,
            ..
        } = &a.edit
            && let Some(t) = sent.get(&(participant.to_string(), factor.to_string()))
        {
            request_ms.push(at.duration_since(*t).as_secs_f64() * 1000.0);
            server_ms.push(at.duration_since(a.received).as_secs_f64() * 1000.0);
        }
    }
    let _ = kiosk.stop();
    let answered_ms = answered.lock().expect("lock").clone();
    Run {
        request_ms,
        server_ms,
        answered_ms,
        rate: total as f64 / elapsed,
        grown,
    }
}

/// The same 30 devices voting into the desktop app: a frame is run whenever the app asks for
/// one (as eframe does, here without waiting for a display's refresh), on the 300-theme
/// scorecard. A vote is "in the document" when the frame that applied it has ended.
fn app_run() -> Vec<f64> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let card = trh::generate::generate(&method, 300, DEVICES, 5);
    // With a recovery folder, as on a facilitator's laptop: votes are journalled there.
    let dir = tempfile::tempdir().expect("tmp");
    let mut app = trh::app::TrhApp::new(trh::app::AppConfig {
        prefs: trh::state::prefs::Prefs::default(),
        recovery: Some(trh::app::recovery::Recovery {
            dir: dir.path().to_owned(),
        }),
        start: trh::app::Start::Card(Box::new(card), "bench".into()),
        startup_error: None,
    });
    let ctx = egui::Context::default();
    let wanted = Arc::new(AtomicBool::new(true));
    let flag = wanted.clone();
    ctx.set_request_repaint_callback(move |_| flag.store(true, Ordering::SeqCst));
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 900.0),
        )),
        ..Default::default()
    };
    let theme = app.state.doc.card.themes[0].id.clone();
    app.state.view.selected = Some(theme.clone());
    let _ = ctx.run_ui(input(), |ui| app.show(ui));
    app.start_live(&ctx, "127.0.0.1:0".parse().expect("addr"), false);
    let _ = ctx.run_ui(input(), |ui| app.show(ui));
    let live = app.state.live.clone().expect("live voting runs");
    let (_, round) = live.session.open.clone().expect("open");
    let addr = live
        .short_url
        .trim_start_matches("http://")
        .parse()
        .expect("addr");
    let factors = factor_codes_asked(&app.state.doc.card, Some(&theme));
    let people = people_of(&app.state.doc.card);
    let logged = app.state.doc.card.log.len();
    let (sent, _, handles) = devices(addr, &live.code, (theme.as_str(), round), &factors, &people);
    let total = DEVICES * factors.len();
    let mut applied: Vec<(String, Instant)> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = logged;
    while applied.len() < total && Instant::now() < deadline {
        if !wanted.swap(false, Ordering::SeqCst) {
            std::thread::sleep(Duration::from_micros(200));
            continue;
        }
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
        let now = Instant::now();
        for c in &app.state.doc.card.log[seen..] {
            if c.who.contains("(via device ") {
                applied.push((c.what.clone(), now));
            }
        }
        seen = app.state.doc.card.log.len();
    }
    for h in handles {
        h.join().expect("device");
    }
    assert_eq!(applied.len(), total, "every vote lands in the app");
    let sent = sent.lock().expect("lock");
    applied
        .iter()
        .filter_map(|(what, at)| {
            // theme "T" factor "F" round N vote by "P"
            let parts: Vec<&str> = what.split('"').collect();
            let (factor, who) = (parts.get(3)?, parts.get(5)?);
            let t = sent.get(&((*who).to_owned(), (*factor).to_owned()))?;
            Some(at.duration_since(*t).as_secs_f64() * 1000.0)
        })
        .collect()
}

fn main() {
    // A warm-up run, then three measured runs of each kind, alternating, pooled.
    let _ = one_run(0, true);
    let mut with = Vec::new();
    let mut without = Vec::new();
    for r in 1..=3 {
        without.push(one_run(r, false));
        with.push(one_run(r, true));
    }
    let pool = |runs: &[Run], f: fn(&Run) -> &Vec<f64>| {
        let mut v: Vec<f64> = runs.iter().flat_map(|r| f(r).iter().copied()).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let request = pool(&with, |r| &r.request_ms);
    let server = pool(&with, |r| &r.server_ms);
    let answered = pool(&with, |r| &r.answered_ms);
    let answered_plain = pool(&without, |r| &r.answered_ms);
    let request_plain = pool(&without, |r| &r.request_ms);
    let grown = with.iter().map(|r| r.grown).max().unwrap_or(0);
    let n = request.len();
    let mean_rate = with.iter().map(|r| r.rate).sum::<f64>() / with.len() as f64;
    println!(
        "live voting with the journal: {DEVICES} devices, each voting every factor asked, 3 runs, {n} votes: request to document p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; server receipt to document p50 {:.3} ms, p95 {:.3} ms",
        percentile(&request, 0.5),
        percentile(&request, 0.95),
        request[n - 1],
        percentile(&server, 0.5),
        percentile(&server, 0.95),
    );
    println!(
        "a vote answered (round trip): with the journal's flush p50 {:.2} ms, p95 {:.2} ms; without a journal p50 {:.2} ms, p95 {:.2} ms; the flush adds {:.2} ms at p50 and {:.2} ms at p95 (ratio {:.2} at p95; request to document without: p95 {:.2} ms)",
        percentile(&answered, 0.5),
        percentile(&answered, 0.95),
        percentile(&answered_plain, 0.5),
        percentile(&answered_plain, 0.95),
        percentile(&answered, 0.5) - percentile(&answered_plain, 0.5),
        percentile(&answered, 0.95) - percentile(&answered_plain, 0.95),
        percentile(&answered, 0.95) / percentile(&answered_plain, 0.95).max(1e-9),
        percentile(&request_plain, 0.95),
    );
    let mut app = app_run();
    app.sort_by(f64::total_cmp);
    println!(
        "through the desktop app's frame loop (300 themes, a frame whenever one is asked for): {} votes, request to document p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        app.len(),
        percentile(&app, 0.5),
        percentile(&app, 0.95),
        app[app.len() - 1],
    );
    println!(
        "summary: p50_ms={:.2} p95_ms={:.2} answered_p95_ms={:.2} answered_p95_without_journal_ms={:.2} app_p95_ms={:.2} votes_per_s={:.0} rss_growth_kib={grown} target_p95_ms=50",
        percentile(&request, 0.5),
        percentile(&request, 0.95),
        percentile(&answered, 0.95),
        percentile(&answered_plain, 0.95),
        percentile(&app, 0.95),
        mean_rate
    );
}
