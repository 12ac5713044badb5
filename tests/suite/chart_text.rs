//! Chart text is laid out properly in pixels (issue 29): plotters placed each glyph on a whole
//! pixel without its side bearing, so "Cyber crime including fraud" read "Cyber αime
//! induding fraud". The sample's ranked chart is drawn to PNG as the app and exports draw it,
//! and OCR (tesseract; CI installs it) must read every theme's label back exactly.

use trh::chart::{ChartKind, Figure};

#[test]
fn ocr_reads_the_chart_labels_back_exactly() {
    if crate::skip::on_windows("OCR of a chart", "tesseract") {
        return;
    }
    let ok = std::process::Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("TRH_REQUIRE_CHROMIUM").is_none(),
            "TRH_REQUIRE_CHROMIUM is set (CI) but tesseract is not installed"
        );
        eprintln!("SKIPPED: tesseract is not installed, so chart text was not read back");
        return;
    }
    let card =
        trh::file::load_scorecard(std::path::Path::new("scorecards/plymouth-style-2018.ron"))
            .expect("sample");
    let ranking = trh::model::rank(&card);
    let mut options = trh::export::chart_options(&card, ranking.cut);
    // Twice the size, as on a high-density screen: OCR wants letters a little bigger than a
    // projector's, and the layout is the same at every scale.
    options.scale = 2.0;
    let figure = Figure::Chart {
        kind: ChartKind::RankedBar,
        ranking: &ranking,
        method: &card.method,
        stability: None,
    };
    let img = trh::chart::render_rgb(&figure, &options, (3200, 1800)).expect("pixels");
    // The labels' column: everything left of the y axis (the darkest column in the left half).
    let dark = |x: u32| {
        (0..img.height)
            .filter(|&y| img.rgb[((y * img.width + x) * 3) as usize] < 100)
            .count()
    };
    let axis = (0..img.width / 2).max_by_key(|&x| dark(x)).expect("axis");
    let left = axis - 4;
    let mut crop = Vec::with_capacity((left * img.height * 3) as usize);
    for y in 0..img.height {
        let row = (y * img.width * 3) as usize;
        crop.extend_from_slice(&img.rgb[row..row + (left * 3) as usize]);
    }
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("labels.png");
    image::save_buffer(
        &path,
        &crop,
        left,
        img.height,
        image::ExtendedColorType::Rgb8,
    )
    .expect("png");
    let out = std::process::Command::new("tesseract")
        .arg(&path)
        .arg("-")
        .output()
        .expect("tesseract runs");
    let read = String::from_utf8_lossy(&out.stdout);
    for row in &ranking.rows {
        let label = format!("{}. {}", row.rank.expect("ranked"), row.name);
        assert!(
            read.lines().any(|l| l.trim().starts_with(&label)),
            "OCR did not read \"{label}\" back; it read:\n{read}"
        );
    }
}
