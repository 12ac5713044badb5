//! Live voting under load: 30 devices on loopback, each joining and voting on all 13
//! factors of the MoRiLE-style method at once, against the headless session (`Kiosk`, what
//! `trh live` runs). Reports the time from a vote's request (the device starting to send
//! it) to the vote being in the document, p50 and p95 (target p95 ≤ 50 ms), the same from
//! the server receiving it, the throughput, and the process's memory growth while serving.
//!
//! `cargo bench --bench live`

#[path = "../tests/suite/live_client.rs"]
#[allow(dead_code)]
mod live_client;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use live_client::{Client, factor_codes};
use trh::live::Config;
use trh::live::kiosk::{Kiosk, open_new_round};
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

/// One thread per device: each joins, waits for the others, then votes on every factor,
/// noting when it started sending each vote.
fn devices(
    addr: std::net::SocketAddr,
    code: &str,
    (theme, round): (&str, u32),
    factors: &[(String, Vec<String>)],
    people: &[String],
) -> (Sent, Vec<std::thread::JoinHandle<()>>) {
    let sent: Sent = Arc::new(Mutex::new(HashMap::new()));
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
            let (sent, barrier) = (sent.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut c = Client::connect(addr).expect("connects");
                assert_eq!(c.join(&code, &p).expect("join"), 200);
                barrier.wait();
                for (j, (f, levels)) in fs.iter().enumerate() {
                    let t = Instant::now();
                    sent.lock().expect("lock").insert((p.clone(), f.clone()), t);
                    let level = &levels[(i * 7 + j) % levels.len()];
                    assert_eq!(c.vote(&theme, round, f, level).expect("vote"), 200);
                }
            })
        })
        .collect();
    (sent, handles)
}

fn people_of(card: &trh::model::Scorecard) -> Vec<String> {
    card.participants.iter().map(|p| p.id.to_string()).collect()
}

fn one_run(round_no: usize) -> (Vec<f64>, Vec<f64>, f64, u64) {
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let card = trh::generate::generate(&method, 20, DEVICES, 11 + round_no as u64);
    let theme = card.themes[0].id.clone();
    let (edit, round) = open_new_round(&card, &theme).expect("theme");
    let before = rss_kib();
    let config = Config::new("127.0.0.1:0".parse().expect("addr"));
    let mut kiosk = Kiosk::start(
        trh::document::Document::new(card, None, ""),
        Session::default(),
        config,
    )
    .expect("listens");
    kiosk
        .facilitate(
            Some(&edit),
            Session {
                open: Some((theme.clone(), round)),
                ..Session::default()
            },
        )
        .expect("the facilitator\'s edit applies");
    kiosk.timings = Some(Vec::new());
    let addr = kiosk.server().addr();
    let code = kiosk.server().code();
    let factors = factor_codes(kiosk.card());
    let people = people_of(kiosk.card());
    let start = Instant::now();
    let (sent, handles) = devices(addr, &code, (&theme.to_string(), round), &factors, &people);
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
    (request_ms, server_ms, total as f64 / elapsed, grown)
}

/// The same 30 devices voting into the desktop app: a frame is run whenever the app asks for
/// one (as eframe does, here without waiting for a display's refresh), on the 300-theme
/// scorecard. A vote is "in the document" when the frame that applied it has ended.
fn app_run() -> Vec<f64> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let method = trh::methods::builtin("morile-style").expect("shipped");
    let card = trh::generate::generate(&method, 300, DEVICES, 5);
    let mut app = trh::app::TrhApp::new(trh::app::AppConfig {
        prefs: trh::state::prefs::Prefs::default(),
        recovery: None,
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
    let factors = factor_codes(&app.state.doc.card);
    let people = people_of(&app.state.doc.card);
    let logged = app.state.doc.card.log.len();
    let (sent, handles) = devices(addr, &live.code, (theme.as_str(), round), &factors, &people);
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
            if c.who.ends_with("(via device)") {
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
    // A warm-up run, then three measured runs pooled.
    let _ = one_run(0);
    let (mut request, mut server, mut rates, mut grown) = (Vec::new(), Vec::new(), Vec::new(), 0);
    for r in 1..=3 {
        let (q, s, rate, g) = one_run(r);
        request.extend(q);
        server.extend(s);
        rates.push(rate);
        grown = grown.max(g);
    }
    request.sort_by(f64::total_cmp);
    server.sort_by(f64::total_cmp);
    let n = request.len();
    let mean_rate = rates.iter().sum::<f64>() / rates.len() as f64;
    println!(
        "live voting: {DEVICES} devices x 13 factors, 3 runs, {n} votes: request to document p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; server receipt to document p50 {:.3} ms, p95 {:.3} ms",
        percentile(&request, 0.5),
        percentile(&request, 0.95),
        request[n - 1],
        percentile(&server, 0.5),
        percentile(&server, 0.95),
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
        "summary: p50_ms={:.2} p95_ms={:.2} app_p95_ms={:.2} votes_per_s={:.0} rss_growth_kib={grown} target_p95_ms=50",
        percentile(&request, 0.5),
        percentile(&request, 0.95),
        percentile(&app, 0.95),
        mean_rate
    );
}
