//! The app's exports, spreadsheet import and year-on-year view, driven by accessible label.
//! File dialogs are answered by `Jobs::fixed_pick` (no desktop portal in tests); everything
//! after the dialog runs as it does for a user, on background threads.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use trh::state::view::Tab;

use crate::common::{click, menu, press_at, sample, wait_for};

#[test]
fn file_export_writes_the_chosen_format_with_the_marking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("priorities.md");
    let mut h = sample();
    h.state_mut().jobs.fixed_pick = Some(out.clone());
    menu(&mut h, "File", "Export…");
    assert!(h.state().state.view.export.is_some(), "the dialog is open");
    click(
        &mut h,
        "Markdown: the ranked priority list for a board paper",
    );
    click(&mut h, "Export…");
    wait_for(&mut h, "the export", |_| out.is_file());
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("**OFFICIAL**"), "{text}");
    assert!(text.contains("| 1 | Domestic abuse and sexual violence |"));
    assert!(h.state().state.view.export.is_none(), "the dialog closed");

    // Ctrl+E opens it again; a chart export writes a PNG of the chosen size.
    let png = dir.path().join("chart.png");
    h.state_mut().jobs.fixed_pick = Some(png.clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    click(&mut h, "PNG picture of a chart");
    click(&mut h, "Export…");
    wait_for(&mut h, "the chart", |_| png.is_file());
    let img = image::open(&png).expect("png");
    assert_eq!((img.width(), img.height()), (1600, 900));

    // The board paper as a PDF, from the app, without a browser.
    let pdf = dir.path().join("board-paper.pdf");
    h.state_mut().jobs.fixed_pick = Some(pdf.clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    click(
        &mut h,
        "PDF board paper: summary, ranked list, chart and themes, on A4",
    );
    click(&mut h, "Export…");
    wait_for(&mut h, "the PDF", |_| pdf.is_file());
    let bytes = std::fs::read(&pdf).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn import_maps_columns_and_shows_problems_before_anything_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Crime,Physical,Notes\nKnife crime,Huge,x\nHate crime,H,y\n",
    )
    .expect("write");
    let mut h = sample();
    let before = h.state().state.doc.card.themes.len();
    h.state_mut().jobs.fixed_pick = Some(bad);
    menu(&mut h, "File", "Import spreadsheet…");
    wait_for(&mut h, "the import dialog", |a| {
        a.state.view.import.is_some()
    });
    // "Crime" is not a documented heading: nothing maps to the theme yet.
    assert!(
        h.query_by_label_contains("there is no \"theme\" column")
            .is_some()
    );
    // Map the columns as the analyst would.
    {
        let form = h.state_mut().state.view.import.as_mut().expect("open");
        form.layout.columns[0] = Some(trh::import::Target::Theme);
    }
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("row 2, column Physical (B): \"Huge\" is not a level")
            .is_some(),
        "a row problem is shown before anything changes"
    );
    assert_eq!(
        h.state().state.doc.card.themes.len(),
        before,
        "nothing changed"
    );
    click(&mut h, "Cancel");
    assert!(h.state().state.view.import.is_none());
}

#[test]
fn an_import_is_one_undoable_edit_and_its_mapping_is_remembered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = sample();
    let before = h.state().state.doc.card.themes.len();
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "Crime,Physical,Notes\nKnife crime,VH,x\nDeliberate fires,H,y\n",
    )
    .expect("write");
    h.state_mut().jobs.fixed_pick = Some(good);
    // The mapping chosen last time is remembered only once an import is made.
    menu(&mut h, "File", "Import spreadsheet…");
    wait_for(&mut h, "the import dialog", |a| {
        a.state.view.import.is_some()
    });
    {
        let form = h.state_mut().state.view.import.as_mut().expect("open");
        form.layout.columns[0] = Some(trh::import::Target::Theme);
    }
    h.run_steps(3);
    assert!(
        h.query_by_label_contains(
            "Ready to import 2 themes: 1 new, 1 updates a theme already here"
        )
        .is_some()
    );
    click(&mut h, "Import");
    // The import says what it did.
    let said = h
        .state()
        .state
        .notes
        .log
        .last()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        said.starts_with("Imported 2 themes from") && said.contains("1 new, 1 updates"),
        "{said}"
    );
    let app = h.state();
    assert_eq!(app.state.doc.card.themes.len(), before + 1);
    assert!(
        app.state
            .doc
            .card
            .themes
            .iter()
            .any(|t| t.name == "Knife crime")
    );
    assert_eq!(
        app.state
            .prefs
            .import_columns
            .get("crime")
            .map(String::as_str),
        Some("theme")
    );
    assert!(
        app.state
            .doc
            .card
            .log
            .last()
            .expect("logged")
            .what
            .contains("imported \"good.csv\"")
    );
    // One undo takes the whole import back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().state.doc.card.themes.len(), before);
    assert!(
        !h.state()
            .state
            .doc
            .card
            .themes
            .iter()
            .any(|t| t.name == "Knife crime")
    );
    // Next time, the remembered mapping is already chosen.
    menu(&mut h, "File", "Import spreadsheet…");
    wait_for(&mut h, "the import dialog", |a| {
        a.state.view.import.is_some()
    });
    let form = h.state().state.view.import.as_ref().expect("open");
    assert_eq!(form.layout.columns[0], Some(trh::import::Target::Theme));
}

#[test]
fn year_on_year_view_flags_the_method_change_and_saves_the_slope_chart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let last_year = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scorecards/peterborough-style-2016.ron"
    );
    let mut h = sample();
    h.state_mut().jobs.fixed_pick = Some(last_year.into());
    menu(&mut h, "View", "Compare with last year…");
    wait_for(&mut h, "the comparison", |a| a.state.view.compare.is_some());
    assert_eq!(h.state().state.view.tab, Tab::Compare);
    assert!(h.query_by_label_contains("METHOD CHANGED").is_some());
    assert!(h.query_by_label("Slope chart of rank movement").is_some());
    assert!(
        h.query_by_label_contains(
            "Responding to anti-social behaviour (was Anti-social behaviour)"
        )
        .is_some()
    );
    // Hovering a theme's dot on the slope chart names it; clicking selects it.
    let image = h.get_by_label("Slope chart of rank movement").rect();
    let mark = h
        .state()
        .charts
        .figure_marks("slope")
        .expect("drawn")
        .iter()
        .find(|m| m.name == "Modern slavery")
        .expect("a dot for a matched theme")
        .clone();
    let ppp = h.ctx.pixels_per_point();
    let [l, t, r, b] = mark.rect;
    let pos = image.min + egui::vec2((l + r) / 2.0 / ppp, (t + b) / 2.0 / ppp);
    h.hover_at(pos);
    h.run_steps(60);
    assert!(
        h.query_all_by_label_contains("Modern slavery\nLast year 9")
            .count()
            > 0
    );
    press_at(&mut h, pos);
    h.run_steps(2);
    assert_eq!(
        h.state().state.view.selected.as_ref().map(|id| id.as_str()),
        Some(mark.theme.as_str())
    );
    let png = dir.path().join("slope.png");
    h.state_mut().jobs.fixed_pick = Some(png.clone());
    click(&mut h, "Save slope chart as PNG…");
    wait_for(&mut h, "the slope chart", |_| png.is_file());
    assert!(std::fs::metadata(&png).expect("written").len() > 10_000);
}

#[test]
fn a_chart_is_exported_as_it_looks_on_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("matrix.svg");
    let mut h = sample();
    h.state_mut().state.prefs.look = trh::look::Look::Dark;
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run_steps(3);
    click(&mut h, "Risk matrix");
    click(&mut h, "Export this chart…");
    let request = h
        .state()
        .state
        .view
        .export
        .clone()
        .expect("the dialog is open");
    assert_eq!(request.chart, trh::export::ChartChoice::Matrix);
    assert_eq!(request.look, trh::look::Look::Dark);
    click(&mut h, "SVG drawing of a chart");
    h.state_mut().jobs.fixed_pick = Some(out.clone());
    click(&mut h, "Export…");
    wait_for(&mut h, "the chart", |_| out.is_file());
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(svg.contains("Risk matrix") && svg.contains("OFFICIAL"));
}

/// While a spreadsheet is read, the status bar shows how far it has got and a Cancel button
/// that stops the read.
#[test]
fn a_long_read_shows_its_progress_and_can_be_cancelled() {
    let mut h = sample();
    let progress = std::sync::Arc::new(trh::import::table::Progress::default());
    h.state_mut().state.reading = Some(("extract.xlsx".into(), std::sync::Arc::clone(&progress)));
    h.run_steps(2);
    assert!(h.query_by_label("Reading extract.xlsx: 0 rows").is_some());
    click(&mut h, "Cancel reading");
    assert!(progress.is_cancelled());
}

/// An export over a file that cannot be replaced (read-only here; on Windows also a file open
/// in Excel) says why in *Not exported*, keeps the export's choices, and *Choose another
/// name…* writes the same export elsewhere. The CSV starts with the byte-order mark Excel
/// needs.
#[test]
fn an_export_that_cannot_replace_its_file_offers_another_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("ranking.csv");
    std::fs::write(&locked, "old").expect("write");
    let mut perms = std::fs::metadata(&locked).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&locked, perms).expect("read-only");
    let mut h = sample();
    h.state_mut().jobs.fixed_pick = Some(locked.clone());
    menu(&mut h, "File", "Export…");
    click(&mut h, "CSV: the ranking table");
    click(&mut h, "Export…");
    wait_for(&mut h, "the refusal", |app| app.state.modal.is_some());
    assert!(h.query_by_label("Not exported").is_some());
    assert_eq!(std::fs::read(&locked).expect("read"), b"old", "untouched");
    let other = dir.path().join("ranking-2.csv");
    h.state_mut().jobs.fixed_pick = Some(other.clone());
    click(&mut h, "Choose another name…");
    wait_for(&mut h, "the export", |_| other.is_file());
    let bytes = std::fs::read(&other).expect("written");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFrank,"),
        "BOM, then the header"
    );
    let mut perms = std::fs::metadata(&locked).expect("meta").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    let _ = std::fs::set_permissions(&locked, perms);
}

/// In year-on-year compare, a new theme is matched by hand to the theme of last year's it
/// continues ("Child sexual exploitation" then, "Child sexual abuse and exploitation" now);
/// the match is an edit (saved, undoable) and can be undone from the table.
#[test]
fn year_on_year_matches_a_renamed_theme_by_hand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut old =
        trh::file::load_scorecard(std::path::Path::new("scorecards/plymouth-style-2018.ron"))
            .expect("sample");
    let t = old
        .themes
        .iter_mut()
        .find(|t| t.name == "Child sexual abuse and exploitation")
        .expect("theme");
    let t = std::sync::Arc::make_mut(t);
    t.id = trh::model::ThemeId::new("cse");
    t.name = "Child sexual exploitation".into();
    let path = dir.path().join("last-year.ron");
    trh::file::save::save_scorecard(&old, &path).expect("saves");
    let mut h = sample();
    h.state_mut().jobs.fixed_pick = Some(path);
    menu(&mut h, "View", "Compare with last year…");
    wait_for(&mut h, "the comparison", |a| a.state.view.compare.is_some());
    assert!(
        h.query_by_label("Child sexual abuse and exploitation (new)")
            .is_some()
    );
    let pick = |h: &mut egui_kittest::Harness<'_, trh::app::TrhApp>, label: &str| {
        h.get_by_label(label).hover();
        h.run_steps(2);
        click(h, label);
        h.run_steps(2);
    };
    pick(
        &mut h,
        "Last year's theme for Child sexual abuse and exploitation",
    );
    pick(&mut h, "Child sexual exploitation");
    let doc = &h.state().state.doc;
    let theme = doc
        .card
        .themes
        .iter()
        .find(|t| t.name == "Child sexual abuse and exploitation")
        .expect("theme");
    assert_eq!(theme.last_year.as_ref().map(|x| x.as_str()), Some("cse"));
    assert!(doc.is_dirty(), "an unsaved change");
    h.run_steps(2);
    assert!(
        h.query_by_label("Child sexual abuse and exploitation (was Child sexual exploitation)")
            .is_some()
    );
    assert!(h.query_by_label("by hand").is_some());
    // Undone from the table.
    pick(&mut h, "Unmatch");
    assert!(
        h.query_by_label("Child sexual abuse and exploitation (new)")
            .is_some()
    );
}
