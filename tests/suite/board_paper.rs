//! The board paper (issue 29): the board decides on the evidence, so each theme's description
//! and evidence reach the HTML report and the Markdown list, after a one-page summary of the
//! adopted priorities; the method appendix shows the position grades and the band × grade →
//! outcome lookup; the report prints with rows whole and themes flowing, without charts that do
//! not apply; the workbook prints landscape, one page wide, headings on every page.

use std::io::Read;

use trh::export::{ExportFormat, ExportRequest, export};
use trh::model::{DecisionKind, Scorecard};

fn sample() -> Scorecard {
    trh::file::load_scorecard(std::path::Path::new("scorecards/plymouth-style-2018.ron"))
        .expect("sample")
}

fn bytes(card: &Scorecard, format: ExportFormat) -> Vec<u8> {
    let mut request = ExportRequest::new(format);
    request.cut = card.cut();
    export(card, &request).expect("exports")
}

fn text(card: &Scorecard, format: ExportFormat) -> String {
    String::from_utf8(bytes(card, format)).expect("utf8")
}

/// Text as the HTML writes it.
fn escaped(s: &str) -> String {
    trh::export::escape(s)
}

#[test]
fn the_report_and_the_list_carry_every_themes_description_and_evidence() {
    let card = sample();
    let html = text(&card, ExportFormat::Html);
    let md = text(&card, ExportFormat::Md);
    let themes_at = html.find("<h2>Theme by theme</h2>").expect("theme pages");
    for t in &card.themes {
        assert!(!t.description.is_empty() && !t.evidence.is_empty());
        let page = &html[themes_at..];
        assert!(page.contains(&escaped(&t.description)), "{}", t.name);
        assert!(page.contains(&escaped(&t.evidence)), "{}", t.name);
        // Markdown escapes its own specials; the sample's texts have none but parentheses.
        assert!(md.contains(&t.description), "{} in the list", t.name);
        assert!(md.contains(&t.evidence), "{} in the list", t.name);
    }
    assert!(html.contains("<strong>From data:</strong> 6,416 in the 12 months to Nov 2017"));
}

#[test]
fn the_board_summary_comes_first_with_the_adopted_priorities_and_why() {
    let card = sample();
    let html = text(&card, ExportFormat::Html);
    let summary = html.find("Summary for the board").expect("summary");
    let ranked = html.find("<h2>Ranked priorities</h2>").expect("ranked");
    assert!(summary < ranked, "the summary comes first");
    let part = &html[summary..ranked];
    let adopted: Vec<_> = card
        .themes
        .iter()
        .filter(|t| {
            t.decision
                .as_ref()
                .is_some_and(|d| d.kind == DecisionKind::Adopt)
        })
        .collect();
    assert_eq!(adopted.len(), 7);
    assert!(part.contains("The board adopted 7 priorities."));
    for t in &adopted {
        let d = t.decision.as_ref().expect("decision");
        assert!(part.contains(&escaped(&t.name)), "{}", t.name);
        assert!(
            part.contains(&escaped(&d.rationale)),
            "{}'s rationale",
            t.name
        );
        assert!(
            part.contains(&escaped(&t.evidence)),
            "{}'s evidence",
            t.name
        );
    }
    // A theme not adopted is not on it.
    assert!(!part.contains("Deliberate fires"));
    // Before any decision the candidates above the cut line are listed instead.
    let mut open = card.clone();
    for t in &mut open.themes {
        std::sync::Arc::make_mut(t).decision = None;
    }
    let md = text(&open, ExportFormat::Md);
    let s = md.find("## Summary for the board").expect("summary");
    let r = md.find("## Ranked priority list").expect("list");
    assert!(md[s..r].contains("No board decisions are recorded yet"));
    assert_eq!(md[s..r].matches("\n### ").count(), open.cut());
}

#[test]
fn the_method_appendix_shows_the_grades_and_the_outcome_lookup() {
    let card = sample();
    let html = text(&card, ExportFormat::Html);
    let appendix = &html[html.find("Appendix: the method").expect("appendix")..];
    assert!(appendix.contains("Outcome: risk band against partnership position"));
    // The MoRiLE-style method: a Very high band with a Limited position is a capability gap.
    let t = trh::report::method_text::lookup_table(&card.method).expect("lookup");
    let limited = t
        .columns
        .iter()
        .position(|c| c.starts_with("Limited"))
        .expect("grade");
    let very_high = t.rows.iter().find(|(b, _)| b == "Very high").expect("band");
    assert_eq!(very_high.1[limited], "Priority – capability gap");
    assert!(
        appendix.contains("<th>Limited (7–9)</th>"),
        "grades with their totals"
    );
    assert!(appendix.contains("<td>Priority – capability gap</td>"));
    // The workbook's Method sheet has the same table.
    let xlsx = bytes(&card, ExportFormat::Xlsx);
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("xlsx");
    use calamine::Reader;
    let method = wb.worksheet_range("Method").expect("Method sheet");
    let cells: Vec<String> = method.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "Outcome: band ↓ / position →"));
    assert!(cells.iter().any(|c| c == "Limited (7–9)"));
}

#[test]
fn a_grid_method_report_leaves_out_the_position_chart() {
    let method = trh::methods::builtin("impact-likelihood-4x4").expect("method");
    assert!(!trh::chart::ChartKind::PositionRisk.applies(&method));
    let card = trh::generate::generate(&method, 8, 4, 3);
    let html = text(&card, ExportFormat::Html);
    assert!(!html.contains("no partnership-position section"));
    assert!(!html.contains("aria-label=\"Position against risk\""));
    assert!(html.contains("aria-label=\"Risk matrix\""));
    let morile = text(&sample(), ExportFormat::Html);
    assert!(morile.contains("aria-label=\"Position against risk\""));
}

#[test]
fn the_workbook_prints_landscape_one_page_wide_with_headings_on_every_page() {
    let xlsx = bytes(&sample(), ExportFormat::Xlsx);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .expect(name)
            .read_to_string(&mut s)
            .expect("read");
        s
    };
    let workbook = part("xl/workbook.xml");
    let sheets = workbook.matches("<sheet ").count();
    assert!(sheets >= 5);
    assert_eq!(
        workbook.matches("_xlnm.Print_Titles").count(),
        sheets,
        "every sheet repeats its marking and heading rows"
    );
    for i in 1..=sheets {
        let sheet = part(&format!("xl/worksheets/sheet{i}.xml"));
        assert!(
            sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "sheet {i}"
        );
        assert!(sheet.contains("orientation=\"landscape\""), "sheet {i}");
        assert!(
            sheet.contains("fitToHeight=\"0\""),
            "sheet {i}: as many pages down as needed"
        );
        assert!(sheet.contains("paperSize=\"9\""), "sheet {i}: A4");
    }
}

/// The report printed by Chromium (CI installs it and poppler's pdftotext): the summary alone
/// on page 1, every table row whole (the rule survives the cascade), and the theme pages
/// flowing rather than one theme a page.
#[test]
fn the_printed_report_has_the_summary_on_page_one_and_themes_flowing() {
    if crate::skip::on_windows("the printed report", "Chromium and pdftotext") {
        return;
    }
    let found = |c: &str, arg: &str| std::process::Command::new(c).arg(arg).output().is_ok();
    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| found(c, "--version"));
    let (Some(chromium), true) = (chromium, found("pdftotext", "-v")) else {
        assert!(
            std::env::var_os("TRH_REQUIRE_CHROMIUM").is_none(),
            "TRH_REQUIRE_CHROMIUM is set but chromium or pdftotext is not installed"
        );
        eprintln!(
            "SKIPPED: chromium or pdftotext is not installed, so the printed report was not checked"
        );
        return;
    };
    let card = sample();
    let dir = tempfile::tempdir().expect("tmp");
    let page = dir.path().join("report.html");
    std::fs::write(&page, bytes(&card, ExportFormat::Html)).expect("write");
    let pdf = dir.path().join("report.pdf");
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let first = pages[0];
    assert!(first.contains("Summary for the board"));
    assert!(
        !first.contains("Ranked priorities"),
        "the summary has its own page"
    );
    for t in card.themes.iter().filter(|t| {
        t.decision
            .as_ref()
            .is_some_and(|d| d.kind == DecisionKind::Adopt)
    }) {
        assert!(first.contains(&t.name), "{} on page 1", t.name);
    }
    let at = |what: &str| pages.iter().position(|p| p.contains(what)).expect(what);
    let theme_pages = at("Decision and agreement log") - at("Theme by theme") + 1;
    assert!(
        theme_pages < card.themes.len(),
        "{} themes on {theme_pages} pages: they flow, not one a page",
        card.themes.len()
    );
    for p in &pages {
        assert!(p.contains("OFFICIAL"), "the marking on every page");
    }
}

/// A board decision keeps the meeting and date it was taken at: saved (format version 2 only
/// when used), read back, and on the board's summary and theme page.
#[test]
fn a_decision_keeps_its_meeting_and_date() {
    let mut card = sample();
    let da = std::sync::Arc::make_mut(&mut card.themes[0]);
    let d = da
        .decision
        .as_mut()
        .expect("the sample's first theme is decided");
    d.meeting = "Safer Plymouth board".into();
    d.on = "2018-03-14".into();
    let name = da.name.clone();
    assert_eq!(
        card.last_meeting(),
        ("Safer Plymouth board".into(), "2018-03-14".into())
    );
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("met.ron");
    trh::file::save::save_scorecard(&card, &path).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("meeting: \"Safer Plymouth board\""));
    assert!(text.contains("version: 2"));
    let back = trh::file::load_scorecard(&path).expect("load");
    let d = back.themes[0].decision.as_ref().expect("decision");
    assert_eq!(d.taken(), "Safer Plymouth board, 2018-03-14");
    let html = text_of(&back, ExportFormat::Html);
    let summary = &html[..html.find("<h2>Ranked priorities</h2>").expect("ranked")];
    assert!(summary.contains(&escaped(&name)));
    assert!(summary.contains("(taken at Safer Plymouth board, 2018-03-14)"));
    let md = text_of(&back, ExportFormat::Md);
    assert!(md.contains("(taken at Safer Plymouth board, 2018-03-14)"));
}

fn text_of(card: &Scorecard, format: ExportFormat) -> String {
    text(card, format)
}

/// The board paper as a PDF, made by trh itself (no browser): A4, the marking at the top and
/// bottom of every page with "Page k of n", the summary for the board first, then the ranked
/// priorities with the cut line, and every theme with its evidence. Its text is real text
/// (embedded font with a Unicode map), so it can be searched, copied and read back here.
#[test]
fn the_board_paper_is_a_pdf_made_without_a_browser() {
    let mut card = sample();
    card.marking = "OFFICIAL-SENSITIVE".into();
    let pdf = bytes(&card, ExportFormat::Pdf);
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    assert!(
        pdf.windows(11).any(|w| w == b"/FontFile2 "),
        "the font is embedded"
    );
    if crate::skip::on_windows("the PDF's text", "pdftotext") {
        return;
    }
    let found = |c: &str| std::process::Command::new(c).arg("-v").output().is_ok();
    if !(found("pdftotext") && found("pdfinfo")) {
        assert!(
            std::env::var_os("TRH_REQUIRE_CHROMIUM").is_none(),
            "TRH_REQUIRE_CHROMIUM is set but poppler's pdftotext is not installed"
        );
        eprintln!("SKIPPED: pdftotext is not installed, so the PDF's text was not read back");
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("paper.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let info = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("595 x 842 pts (A4)"), "{info}");
    let fonts = std::process::Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let ubuntu = fonts
        .lines()
        .find(|l| l.starts_with("Ubuntu-Light"))
        .expect("the font");
    // Embedded, with a Unicode map (the columns: name, type (2 words), encoding, emb, sub, uni).
    let cols: Vec<&str> = ubuntu.split_whitespace().collect();
    assert_eq!(
        (cols[1], cols[4], cols[6]),
        ("CID", "yes", "yes"),
        "{ubuntu}"
    );
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.matches("OFFICIAL-SENSITIVE").count() >= 2,
            "page {}: the marking top and bottom",
            i + 1
        );
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())));
    }
    assert!(
        pages[0].contains("Summary for the board"),
        "the summary first"
    );
    let ranked = text.find("Ranked priorities").expect("ranked list");
    let themes = text.find("Theme by theme").expect("theme pages");
    assert!(text.find("Summary for the board").expect("summary") < ranked && ranked < themes);
    // The method appendix, with the outcome lookup (why a theme is a "capability gap").
    let method = text.find("The method").expect("the method appendix");
    assert!(themes < method && text[method..].contains("Outcome by risk band"));
    // Every theme is on its page with its description and evidence (lines may wrap).
    let flat = text[themes..]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for t in &card.themes {
        assert!(flat.contains(&t.name), "{}", t.name);
        let evidence = t.evidence.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&evidence), "{}'s evidence", t.name);
    }
}
