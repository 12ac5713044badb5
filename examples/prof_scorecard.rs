use egui::{Pos2, RawInput, Rect, vec2};
use trh::app::{AppConfig, Start, TrhApp};
use trh::state::prefs::Prefs;
use trh::state::view::Tab;
fn main() {
    let method = trh::methods::builtin("morile-style").expect("m");
    let card = trh::generate::generate(&method, 300, 30, 7);
    let mut app = TrhApp::new(AppConfig { prefs: Prefs { user_name: Some("b".into()), ..Prefs::default() }, recovery: None, start: Start::Card(Box::new(card), "b".into()), startup_error: None });
    app.state.view.selected = app.state.doc.card.themes.get(150).map(|t| t.id.clone());
    app.state.view.tab = if std::env::args().nth(1).as_deref() == Some("ranking") { Tab::Ranking } else { Tab::Scorecard };
    let ctx = egui::Context::default();
    let t = std::time::Instant::now();
    for i in 0..4000usize {
        let x = 300.0 + (i % 100) as f32 * 12.0; let y = 150.0 + (i % 37) as f32 * 18.0;
        let raw = RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 900.0))), events: vec![egui::Event::PointerMoved(Pos2::new(x, y))], time: Some(i as f64 / 60.0), ..RawInput::default() };
        let out = ctx.run_ui(raw, |ui| app.show(ui));
        let _m = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    eprintln!("{:?} per frame", t.elapsed() / 4000);
}
