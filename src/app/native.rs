//! The eframe window around [`TrhApp`]: start-up (last file, a named file or the bundled
//! sample), preferences in eframe storage, and `--screenshot`, which renders a few frames,
//! saves the window with egui's viewport screenshot and exits.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Context as _;

use super::recovery::Recovery;
use super::{AppConfig, Start, TrhApp};
use crate::chart::ChartKind;
use crate::look::Look;
use crate::state::prefs::{Prefs, STORAGE_KEY};
use crate::state::view::Tab;

/// What to capture with `--screenshot`.
#[derive(Clone, Debug)]
pub struct Screenshot {
    /// Where to write the PNG.
    pub out: PathBuf,
    /// Window size in pixels.
    pub size: (u32, u32),
    /// The view to show.
    pub view: ShotView,
    /// The look.
    pub look: Look,
    /// Show presenter mode.
    pub presenter: bool,
    /// Compare with this scorecard (last year's) and show the year-on-year view.
    pub compare: Option<PathBuf>,
    /// Open the import dialog on this spreadsheet.
    pub import: Option<PathBuf>,
}

/// The view a screenshot shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ShotView {
    /// The theme scorecard.
    Scorecard,
    /// The ranking board.
    Ranking,
    /// The ranked bar chart.
    Bar,
    /// The risk matrix.
    Matrix,
    /// Position against risk.
    Position,
    /// The workshop grid, votes revealed.
    Workshop,
    /// The workshop tab with the across-agencies view open.
    Agencies,
    /// The export dialog.
    Export,
}

/// How long a screenshot run waits for the window before giving up (frames).
const SHOT_MAX_FRAMES: u32 = 600;
/// Frames rendered before the screenshot is taken, so layout and textures settle.
const SHOT_SETTLE_FRAMES: u32 = 6;

struct Shot {
    plan: Screenshot,
    frames: u32,
    requested: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

struct NativeApp {
    app: TrhApp,
    shot: Option<Shot>,
}

impl eframe::App for NativeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.show(ui);
        if let Some(shot) = &mut self.shot {
            shot.step(ui.ctx(), &self.app);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.shot.is_none() {
            eframe::set_value(storage, STORAGE_KEY, &self.app.state.prefs);
        }
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }
}

impl Shot {
    fn step(&mut self, ctx: &egui::Context, app: &TrhApp) {
        ctx.request_repaint();
        self.frames += 1;
        if let Some(result) = self.result.lock().ok().and_then(|mut r| r.take()) {
            if let Err(e) = result {
                eprintln!("trh: screenshot failed: {e}");
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        let settled = self.frames >= SHOT_SETTLE_FRAMES && app.jobs.running == 0;
        if !self.requested && settled {
            self.requested = true;
            let out = self.plan.out.clone();
            let slot = Arc::clone(&self.result);
            let ctx2 = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = write_png(&out, &image);
                if let Ok(mut s) = slot.lock() {
                    *s = Some(result);
                }
                ctx2.request_repaint();
            });
        }
        if self.frames > SHOT_MAX_FRAMES {
            eprintln!("trh: screenshot timed out");
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn write_png(out: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let file = std::fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(std::io::BufWriter::new(file)),
        &rgba,
        w as u32,
        h as u32,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| format!("{}: {e}", out.display()))
}

/// trh's icon (`assets/icon/trh.png`; the Windows executables carry `trh.ico`), for the
/// title bar and the taskbar.
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/trh.png"))
        .unwrap_or_default()
}

/// Opens the window: on `file`, else the last file used, else the bundled sample.
pub fn run(file: Option<PathBuf>, shot: Option<Screenshot>) -> anyhow::Result<()> {
    let size = shot.as_ref().map_or((1400, 860), |s| s.size);
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("trh")
            .with_app_id("trh")
            .with_inner_size([size.0 as f32, size.1 as f32])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true)
            .with_icon(icon()),
        persist_window: shot.is_none(),
        ..Default::default()
    };
    let result = eframe::run_native(
        "trh",
        options,
        Box::new(move |cc| Ok(Box::new(start(cc.storage, file, shot)))),
    );
    result.map_err(|e| anyhow::anyhow!("{e}")).context(
        "cannot open the trh window (is there a display?). The command line still works: see `trh --help`",
    )
}

fn start(
    storage: Option<&dyn eframe::Storage>,
    file: Option<PathBuf>,
    shot: Option<Screenshot>,
) -> NativeApp {
    // A screenshot is reproducible: default preferences, no recovery prompt, no last file.
    let mut prefs = if shot.is_some() {
        Prefs::default()
    } else {
        // Absent or unreadable preferences fall back to defaults.
        storage
            .and_then(|s| eframe::get_value::<Prefs>(s, STORAGE_KEY))
            .map(Prefs::sanitised)
            .unwrap_or_default()
    };
    let file = file.or_else(|| {
        if shot.is_some() {
            None
        } else {
            prefs.last_existing().map(Path::to_owned)
        }
    });
    let (start, startup_error) = match file {
        None => (Start::Sample, None),
        Some(path) => match crate::file::load_scorecard(&path) {
            Ok(card) => {
                prefs.used(&path);
                (Start::Loaded(Box::new(card), path), None)
            }
            Err(e) => (
                Start::Sample,
                Some(format!(
                    "Could not open {}; showing the bundled sample.\n{e}",
                    path.display()
                )),
            ),
        },
    };
    if let Some(s) = &shot {
        prefs.look = s.look;
    }
    let mut app = TrhApp::new(AppConfig {
        prefs,
        recovery: if shot.is_some() {
            None
        } else {
            Recovery::platform()
        },
        start,
        startup_error,
    });
    if let Some(s) = &shot {
        stage(&mut app, s);
    }
    NativeApp {
        app,
        shot: shot.map(|plan| Shot {
            plan,
            frames: 0,
            requested: false,
            result: Arc::new(Mutex::new(None)),
        }),
    }
}

/// Sets the app up to show what a screenshot asks for: a view, presenter mode, a comparison
/// or an import.
fn stage(app: &mut TrhApp, s: &Screenshot) {
    if s.presenter {
        // The screenshot window already has the requested size; no full-screen switch.
        app.state.view.presenter = Some(crate::state::view::PresenterView::default());
    }
    match s.view {
        ShotView::Scorecard => app.state.view.tab = Tab::Scorecard,
        ShotView::Ranking => app.state.view.tab = Tab::Ranking,
        ShotView::Workshop => {
            app.state.view.tab = Tab::Workshop;
        }
        ShotView::Agencies => {
            app.state.view.tab = Tab::Workshop;
            app.state.view.workshop.open_agencies = true;
        }
        ShotView::Export => {
            app.state.view.tab = Tab::Ranking;
            app.open_export();
        }
        ShotView::Bar | ShotView::Matrix | ShotView::Position => {
            app.state.view.tab = Tab::Charts;
            app.state.view.chart = match s.view {
                ShotView::Bar => ChartKind::RankedBar,
                ShotView::Matrix => ChartKind::RiskMatrix,
                _ => ChartKind::PositionRisk,
            };
        }
    }
    if let Some(path) = s.compare.clone() {
        match crate::file::load_scorecard(&path) {
            Ok(old) => app.compare_with(old, path),
            Err(e) => app.state.notes.error(format!("Cannot compare: {e}")),
        }
    }
    if let Some(path) = s.import.clone() {
        let table = crate::import::table::read_path(&path, None).map_err(|e| e.to_string());
        app.table_read(path, table);
    }
}
