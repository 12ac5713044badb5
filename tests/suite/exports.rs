//! Exports, through `trh::export::export` as the app and the command line call it: CSV (header
//! row, marking column, byte-order mark, Python's reader), Markdown and HTML snapshots, formula
//! injection, the workbook read back with calamine, the HTML report parsed and rendered in
//! Chromium, and chart PNGs.

use calamine::{Data, Reader};
use trh::export::{ChartChoice, ExportFormat, ExportRequest, export};
use trh::model::Scorecard;

const PLYMOUTH: &str = include_str!("../../scorecards/plymouth-style-2018.ron");

fn sample(text: &str) -> Scorecard {
    trh::file::parse_scorecard(text, std::path::Path::new("sample.ron")).expect("sample loads")
}

/// An export as text. CSV is taken without the byte-order mark it has by default (for
/// Excel), so it compares with `trh rank --format csv`; `csv_starts_with_a_bom_by_default`
/// checks the default.
fn text(card: &Scorecard, format: ExportFormat) -> String {
    let mut request = ExportRequest::new(format);
    request.cut = card.cut();
    request.bom = false;
    String::from_utf8(export(card, &request).expect("exports")).expect("utf8")
}

const HOSTILE: [&str; 4] = [
    "=HYPERLINK(\"http://example.invalid\",\"x\")",
    "+cmd",
    "@SUM(A1)",
    "-1+2",
];

/// The sample with hostile text in a theme name, a category, a decision rationale and a
/// participant's name and agency.
fn hostile() -> Scorecard {
    let mut card = sample(PLYMOUTH);
    std::sync::Arc::make_mut(&mut card.themes[0]).name = HOSTILE[0].into();
    std::sync::Arc::make_mut(&mut card.themes[1]).name = HOSTILE[1].into();
    std::sync::Arc::make_mut(&mut card.themes[2]).category = HOSTILE[2].into();
    if let Some(d) = std::sync::Arc::make_mut(&mut card.themes[3])
        .decision
        .as_mut()
    {
        d.rationale = HOSTILE[3].into();
    }
    card.participants[0].name = HOSTILE[2].into();
    card.participants[1].agency = HOSTILE[1].into();
    card.title = "<script>alert(1)</script> & co".into();
    card
}

fn workbook(bytes: Vec<u8>) -> calamine::Xlsx<std::io::Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("workbook reads")
}

/// The HTML with each inline SVG replaced by a placeholder, so the snapshot shows the report
/// itself (the charts have their own tests).
fn without_svg(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</svg>").expect("closed") + start + "</svg>".len();
        out.push_str("<svg><!-- chart --></svg>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn csv_markdown_and_html_snapshots() {
    let card = sample(PLYMOUTH);
    insta::assert_snapshot!("export_csv", text(&card, ExportFormat::Csv));
    insta::assert_snapshot!("export_md", text(&card, ExportFormat::Md));
    insta::assert_snapshot!("export_html", without_svg(&text(&card, ExportFormat::Html)));
}

#[test]
fn csv_has_the_header_in_row_one_the_marking_on_every_row_and_a_bom_by_default() {
    let card = sample(PLYMOUTH);
    let plain = text(&card, ExportFormat::Csv);
    let ranked = trh::report::rank_table::render(
        &trh::model::rank(&card),
        trh::report::rank_table::Format::Csv,
        trh::report::rank_table::Options::default(),
    )
    .expect("renders");
    assert_eq!(plain, ranked, "the same as trh rank --format csv");
    // Row 1 is the header, as any CSV reader expects.
    let mut rdr = csv::Reader::from_reader(plain.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers[0], "rank");
    assert_eq!(&headers[10..], ["flags", "candidate", "marking"]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), card.themes.len());
    for r in &rows {
        assert_eq!(&r[12], "OFFICIAL", "the marking travels with every row");
    }
    // The flags the table and Markdown have are in the CSV too (an intelligence gap is kept).
    let ranking = trh::model::rank(&card);
    for (row, r) in ranking.rows.iter().zip(&rows) {
        assert_eq!(&r[10], trh::report::rank_table::flags(row), "{}", row.name);
    }
    assert!(
        rows.iter().any(|r| r[10].contains('G')),
        "the sample has an intelligence gap"
    );
    let cut = card.cut();
    assert_eq!(rows.iter().filter(|r| &r[11] == "yes").count(), cut);
    let mut request = ExportRequest::new(ExportFormat::Csv);
    request.cut = cut;
    let bom = export(&card, &request).expect("exports");
    assert_eq!(
        &bom[..3],
        b"\xEF\xBB\xBF",
        "a CSV file starts with the BOM by default"
    );
    assert_eq!(&bom[3..], plain.as_bytes());
    // The header is still row 1 for a reader that accepts the BOM, as csv does when told.
    let mut rdr = csv::Reader::from_reader(&bom[3..]);
    assert_eq!(&rdr.headers().expect("header")[0], "rank");
    // A banner line only when asked for.
    request.bom = false;
    request.marking_row = true;
    let banner = String::from_utf8(export(&card, &request).expect("exports")).expect("utf8");
    let (first, rest) = banner.split_once('\n').expect("lines");
    assert!(first.starts_with("OFFICIAL,"), "{first}");
    assert_eq!(rest, plain);
}

/// Python's csv.DictReader takes the first row as the headings: it must be ours.
#[test]
fn python_dictreader_reads_the_headings_from_row_one() {
    if crate::skip::on_windows("csv.DictReader on the CSV export", "python3") {
        return;
    }
    let Ok(probe) = std::process::Command::new("python3")
        .arg("--version")
        .output()
    else {
        eprintln!("SKIPPED: python3 is not installed, so csv.DictReader was not tried");
        return;
    };
    assert!(probe.status.success());
    let card = sample(PLYMOUTH);
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("ranking.csv");
    // The file as exported, byte-order mark and all (for Excel): utf-8-sig reads past it.
    let mut request = ExportRequest::new(ExportFormat::Csv);
    request.cut = card.cut();
    let bytes = export(&card, &request).expect("exports");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    std::fs::write(&path, bytes).expect("write");
    let script = "import csv,sys,json\nrows=list(csv.DictReader(open(sys.argv[1],newline='',encoding='utf-8-sig')))\nprint(json.dumps({'fields':list(rows[0].keys()),'n':len(rows),'first':rows[0]['theme'],'marking':sorted({r['marking'] for r in rows})}))";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["fields"][0], "rank");
    assert_eq!(v["fields"][1], "theme");
    assert_eq!(v["n"], card.themes.len());
    let first = &trh::model::rank(&card).rows[0].name;
    assert_eq!(v["first"], first.as_str());
    assert_eq!(v["marking"], serde_json::json!(["OFFICIAL"]));
}

#[test]
fn formula_injection_is_neutralised_in_every_text_export() {
    let card = hostile();
    // CSV: every hostile cell starts with a quote mark.
    let csv = text(&card, ExportFormat::Csv);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    let cells: Vec<String> = rdr
        .records()
        .flat_map(|r| {
            r.expect("row")
                .iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    for cell in &cells {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "dangerous CSV cell {cell:?}"
        );
    }
    assert!(cells.contains(&format!("'{}", HOSTILE[0])));
    assert!(cells.contains(&format!("'{}", HOSTILE[1])));

    // XLSX: the hostile text is stored as plain strings, and no cell holds a formula.
    let mut wb = workbook(export(&card, &ExportRequest::new(ExportFormat::Xlsx)).expect("xlsx"));
    let mut found = std::collections::HashSet::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet");
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2
                && HOSTILE.contains(&s.as_str())
            {
                found.insert(s.clone());
            }
        }
        let formulas = wb.worksheet_formula(&name).expect("formulas");
        assert!(
            formulas.used_cells().all(|c| c.2.is_empty()),
            "sheet {name} has a formula"
        );
    }
    assert_eq!(
        found.len(),
        HOSTILE.len(),
        "every hostile text kept as text"
    );

    // Markdown: hostile text only ever inside a table cell or after a list marker.
    let md = text(&card, ExportFormat::Md);
    for line in md.lines() {
        assert!(
            !line.starts_with(['=', '+', '@']) && !line.starts_with("-1"),
            "{line}"
        );
    }
    assert!(md.contains(&format!("| {} |", HOSTILE[1])));

    // HTML: markup in names is escaped.
    let html = text(&card, ExportFormat::Html);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(html.contains("=HYPERLINK(&quot;http://example.invalid&quot;,&quot;x&quot;)"));
}

#[test]
fn the_workbook_reads_back_with_its_values() {
    let card = sample(PLYMOUTH);
    let ranking = trh::model::rank(&card);
    let mut wb = workbook(export(&card, &ExportRequest::new(ExportFormat::Xlsx)).expect("xlsx"));
    assert_eq!(
        wb.sheet_names(),
        [
            "Ranking",
            "Stability",
            "Scores",
            "Factors",
            "Decisions",
            "Evidence",
            "Participants",
            "Method"
        ]
    );
    let r = wb.worksheet_range("Ranking").expect("ranking");
    assert_eq!(r.get_value((0, 0)), Some(&Data::String("OFFICIAL".into())));
    assert_eq!(r.get_value((1, 1)), Some(&Data::String("theme".into())));
    for (i, row) in ranking.rows.iter().enumerate() {
        let at = |c: u32| r.get_value((2 + i as u32, c)).cloned();
        assert_eq!(at(1), Some(Data::String(row.name.clone())));
        assert_eq!(at(4), row.risk.map(Data::Float), "{}", row.name);
        assert_eq!(
            at(5),
            row.band.as_ref().map(|b| Data::String(b.label.to_string()))
        );
    }
    // The Stability sheet holds the figures the board shows, under the marking.
    let figures = trh::document::Figures::of(&card, ExportRequest::new(ExportFormat::Xlsx).cut);
    let st = wb.worksheet_range("Stability").expect("stability");
    assert_eq!(st.get_value((0, 0)), Some(&Data::String("OFFICIAL".into())));
    for (i, t) in figures.stability.themes.iter().enumerate() {
        let at = |c: u32| st.get_value((2 + i as u32, c)).cloned();
        assert_eq!(at(1), Some(Data::String(t.name.clone())));
        assert_eq!(
            at(4),
            t.rank_p95.map(|x| Data::Float(f64::from(x))),
            "{}",
            t.name
        );
        assert_eq!(at(5), Some(Data::Float(t.p_top)), "{}", t.name);
    }
    let sentences: Vec<String> = (0..st.height() as u32)
        .filter_map(|r| st.get_value((r, 1)).map(ToString::to_string))
        .collect();
    for c in figures.close.calls.iter().filter(|c| c.close) {
        assert!(sentences.contains(&c.sentence), "{}", c.sentence);
    }
    let f = wb.worksheet_range("Factors").expect("factors");
    let factors = card.method.factors().count();
    assert_eq!(
        f.height(),
        2 + ranking.rows.len() * factors,
        "a row per factor"
    );
    let sources: std::collections::HashSet<String> = (2..f.height() as u32)
        .filter_map(|r| f.get_value((r, 6)).map(ToString::to_string))
        .collect();
    assert!(sources.contains("agreed") && sources.contains("draft") && sources.contains("votes"));
    let d = wb.worksheet_range("Decisions").expect("decisions");
    assert_eq!(d.height(), 2 + card.decision_log().count());
    let p = wb.worksheet_range("Participants").expect("participants");
    assert_eq!(p.height(), 2 + card.participants.len());
    let agencies: Vec<String> = (2..p.height() as u32)
        .filter_map(|r| p.get_value((r, 0)).map(ToString::to_string))
        .collect();
    let mut sorted = agencies.clone();
    sorted.sort();
    assert_eq!(agencies, sorted, "grouped by agency");
}

/// Every attribute value and style text of an element tree, with its name.
fn references(node: roxmltree::Node<'_, '_>, out: &mut Vec<String>) {
    for a in node.attributes() {
        if matches!(
            a.name(),
            "href" | "src" | "srcset" | "action" | "data" | "poster"
        ) || a.value().contains("url(")
        {
            out.push(format!("{}={}", a.name(), a.value()));
        }
    }
    if node.has_tag_name("style")
        && let Some(t) = node.text()
        && (t.contains("url(") || t.contains("@import"))
    {
        out.push("style with url or import".into());
    }
    if node.has_tag_name("link") || node.has_tag_name("script") || node.has_tag_name("iframe") {
        out.push(node.tag_name().name().to_owned());
    }
    for child in node.children() {
        references(child, out);
    }
}

#[test]
fn the_html_report_parses_has_no_external_references_and_carries_the_marking() {
    let mut card = sample(PLYMOUTH);
    card.marking = "OFFICIAL-SENSITIVE".into();
    let html = text(&card, ExportFormat::Html);
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the report is well-formed");
    let mut refs = Vec::new();
    references(doc.root_element(), &mut refs);
    assert!(refs.is_empty(), "external references: {refs:?}");
    let markings: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("marking"))
        })
        .map(|n| n.text().unwrap_or(""))
        .collect();
    assert_eq!(markings, ["OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"]);
    assert!(
        html.contains("position: fixed"),
        "repeats on every printed page"
    );
    assert!(html.contains("size: A4"));
    // The four ranking charts, and the monthly counts of every theme that has them.
    let monthly = card
        .themes
        .iter()
        .filter(|t| card.figures(t).counts.is_some_and(|c| c.monthly.len() > 1))
        .count();
    assert_eq!(monthly, 11, "the sample's themes linked to monthly data");
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
        4 + monthly,
        "four inline charts and the small multiples"
    );
    for section in [
        "Ranked priorities",
        "Theme by theme",
        "Decision and agreement log",
        "Participants by agency",
        "Appendix: the method",
        "How much the room's disagreement matters",
    ] {
        assert!(
            doc.descendants()
                .any(|n| n.has_tag_name("h2") && n.text() == Some(section)),
            "{section}"
        );
    }
    // Each chart's caption carries the marking too, the small multiples' included.
    assert_eq!(
        html.matches("\nOFFICIAL-SENSITIVE\n</text>").count(),
        4 + monthly
    );
}

#[test]
fn png_export_has_the_requested_size_and_is_not_blank() {
    let card = sample(PLYMOUTH);
    for chart in ChartChoice::ALL {
        let mut request = ExportRequest::new(ExportFormat::Png);
        request.chart = chart;
        request.size = (1000, 640);
        // The counts chart needs a theme with counts; Reoffending has none.
        let theme = if chart == ChartChoice::Counts {
            "Drug-related harm"
        } else {
            "Reoffending"
        };
        request.theme = Some(theme.into());
        let bytes = export(&card, &request).expect("exports");
        let img = image::load_from_memory(&bytes).expect("png").to_rgb8();
        assert_eq!(img.dimensions(), (1000, 640), "{chart:?}");
        let colours: std::collections::HashSet<[u8; 3]> =
            img.pixels().step_by(13).map(|p| p.0).collect();
        assert!(colours.len() > 10, "{chart:?} is not blank");
    }
    let mut request = ExportRequest::new(ExportFormat::Svg);
    request.chart = ChartChoice::Votes;
    assert!(matches!(
        export(&card, &request),
        Err(trh::export::ExportError::NoTheme)
    ));
}

/// The report as a browser draws it: Chromium (when installed; CI installs it) renders the
/// report and reports the computed styles, so a rule that loses to a more specific one is
/// caught, not only missing markup.
#[test]
fn the_report_cut_line_and_number_alignment_survive_the_cascade() {
    if crate::skip::on_windows("the report's computed styles", "Chromium") {
        return;
    }
    let chromium = ["chromium", "chromium-browser"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok()
    });
    let Some(chromium) = chromium else {
        assert!(
            std::env::var_os("TRH_REQUIRE_CHROMIUM").is_none(),
            "TRH_REQUIRE_CHROMIUM is set but chromium is not installed"
        );
        eprintln!(
            "SKIPPED: chromium is not installed, so the report's computed styles were not checked"
        );
        return;
    };
    let card = sample(PLYMOUTH);
    let html = text(&card, ExportFormat::Html);
    // The probe is added to a copy for the test only; the report itself has no script.
    let probe = r#"<script>
const style = (sel) => { const e = document.querySelector(sel); return e ? getComputedStyle(e) : null; };
const cut = style('table.data tr.cut td');
const plain = style('table.data tbody tr:not(.cut) td');
const num = style('table.data td.num');
const text = style('table.data tbody tr td:nth-child(2)');
const row = style('table.data tbody tr');
document.body.setAttribute('data-probe', JSON.stringify({
  cut: cut && parseFloat(cut.borderBottomWidth),
  plain: plain && parseFloat(plain.borderBottomWidth),
  num: num && num.textAlign,
  text: text && text.textAlign,
  row: row && row.breakInside,
}));
</script></body>"#;
    let probed = html.replacen("</body>", probe, 1);
    let dir = tempfile::tempdir().expect("tmp");
    let page = dir.path().join("report.html");
    std::fs::write(&page, probed).expect("write");
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("data-probe=\"").expect("the probe ran") + "data-probe=\"".len();
    let end = start + dom[start..].find('"').expect("closed");
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let v: serde_json::Value = serde_json::from_str(&json).expect("probe json");
    assert_eq!(v["cut"], 3.0, "the cut line is the heavy line: {v}");
    assert_eq!(v["plain"], 1.0, "other rows keep the thin rule: {v}");
    assert_eq!(v["num"], "right", "numbers are right-aligned: {v}");
    assert_eq!(v["text"], "left", "{v}");
    assert_eq!(
        v["row"], "avoid",
        "a printed row is never split across pages: {v}"
    );
}

/// The decision and agreement log speaks words, not codes: theme names, decisions as the
/// board says them, dates as people write them; and an agreed factor keeps the analyst's
/// evidence note beside the room's rationale.
#[test]
fn the_report_log_is_in_words_and_agreed_factors_keep_their_evidence() {
    let mut card = sample(PLYMOUTH);
    let da = card
        .themes
        .iter_mut()
        .map(std::sync::Arc::make_mut)
        .find(|t| t.name == "Domestic abuse and sexual violence")
        .expect("theme");
    let score = da
        .scores
        .get_mut(&trh::model::FactorId::from("vulnerability"))
        .expect("scored");
    assert!(score.agreed.is_some(), "the sample agrees this factor");
    score.note = "MARAC referrals up 18%".into();
    let html = text(&card, ExportFormat::Html);
    assert!(html.contains("<strong>Evidence:</strong> MARAC referrals up 18%"));
    assert!(html.contains("<strong>Agreed:</strong> Repeat and high-risk victims"));
    let log = &html[html.find("Decision and agreement log").expect("log")..];
    let log = &log[..log.find("</table>").unwrap_or(log.len())];
    assert!(
        !log.contains("theme &quot;") && !log.contains("theme \""),
        "{log}"
    );
    for code in ["not-taken-forward", "watching-brief", "T00:", "Z</td>"] {
        assert!(!log.contains(code), "{code} in {log}");
    }
}

/// However a marking with a line break got into a scorecard (files and edits refuse it), the
/// exports put it on one line: the CSV's marking column, the workbook's first row and printed
/// header, the Markdown banner.
#[test]
fn a_marking_goes_on_one_line_in_every_export() {
    let mut card = sample(PLYMOUTH);
    card.marking = "OFFICIAL\n=HYPERLINK(1)".into();
    let csv = text(&card, ExportFormat::Csv);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.as_bytes());
    let headers = rdr.headers().expect("headers").clone();
    let col = headers
        .iter()
        .position(|h| h == "marking")
        .expect("marking column");
    for row in rdr.records() {
        assert_eq!(&row.expect("row")[col], "OFFICIAL =HYPERLINK(1)");
    }
    let mut wb = workbook(export(&card, &ExportRequest::new(ExportFormat::Xlsx)).expect("xlsx"));
    let first = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&first).expect("sheet");
    assert_eq!(
        range.get_value((0, 0)),
        Some(&Data::String("OFFICIAL =HYPERLINK(1)".into()))
    );
    let md = text(&card, ExportFormat::Md);
    assert!(md.starts_with("**OFFICIAL =HYPERLINK(1)**\n"), "{md}");
}
