//! The evidence tab: every theme's figures from the partnership's data (count, change and its
//! interval, rate, share concerned) and, per factor with a data rule, the level the data
//! suggests beside the level in force, mismatches marked. Sortable by any column; reads the
//! rows `trh evidence` prints (`report::evidence`), worked out once per generation.

use egui::{RichText, Ui};

use crate::report::evidence::EvidenceRow;
use crate::state::view::{Tab, ViewState};
use crate::state::{Action, Command};
use crate::ui::widgets::{quiet, warning, with_shortcut};

const FIXED: [(&str, f32); 7] = [
    ("Theme", 220.0),
    ("Count", 110.0),
    ("Change", 120.0),
    ("95% interval", 120.0),
    ("Per 1,000", 70.0),
    ("Concerned", 90.0),
    ("Data says", 90.0),
];

/// A sort key of a row for column `c` (7 onwards: the factors, mismatches first).
fn key(r: &EvidenceRow, c: usize) -> (i64, String) {
    let f = |x: Option<f64>| x.map_or(i64::MIN, |v| (v * 1000.0) as i64);
    match c {
        0 => (0, r.theme.to_lowercase()),
        1 => (r.count.map_or(-1, |n| n as i64), String::new()),
        2 | 3 => (f(r.change_percent), String::new()),
        4 => (f(r.rate), String::new()),
        5 => (f(r.share.as_ref().map(|s| s.percent)), String::new()),
        6 => (
            r.factors.iter().filter(|f| f.differs).count() as i64,
            String::new(),
        ),
        c => {
            let fr = r.factors.get(c - FIXED.len());
            (
                fr.map_or(0, |f| i64::from(f.differs)),
                fr.and_then(|f| f.suggested.clone()).unwrap_or_default(),
            )
        }
    }
}

/// Draws the evidence tab.
pub fn evidence_table_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &mut ViewState,
    out: &mut Vec<Action>,
) {
    let card = &cx.doc.card;
    if card.evidence.is_empty() {
        ui.label("No data has been read into this scorecard yet.");
        ui.label(quiet(
            "File → Import evidence… reads police.uk street-level crime (the folder or .zip as downloaded), partners' counts tables and survey results, then suggests Frequency, Trend and Public expectation levels from the method's rules.",
        ));
        if ui.button(Command::ImportEvidence.label()).clicked() {
            out.push(Action::Command(Command::ImportEvidence));
        }
        return;
    }
    let rows = cx.evidence_rows.of(cx.doc);
    header_ui(ui, cx, &rows, out);
    let factors: Vec<String> = rows
        .first()
        .map(|r| r.factors.iter().map(|f| f.label.clone()).collect())
        .unwrap_or_default();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let (col, desc) = view.evidence_sort;
    order.sort_by(|&a, &b| {
        let o = key(&rows[a], col).cmp(&key(&rows[b], col));
        if desc { o.reverse() } else { o }
    });
    ui.style_mut().interaction.selectable_labels = false;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        headings_ui(ui, &factors, view);
        ui.separator();
        let h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, h, order.len(), |ui, range| {
                for &i in &order[range] {
                    row_ui(ui, cx, &rows[i], view, out);
                }
            });
    });
}

fn header_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    rows: &[EvidenceRow],
    out: &mut Vec<Action>,
) {
    let ev = &cx.doc.card.evidence;
    let differs: usize = rows
        .iter()
        .map(|r| r.factors.iter().filter(|f| f.differs).count())
        .sum();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Area: {}", ev.area)).strong());
        if let Some(p) = ev.population {
            ui.label(format!(
                "· {} residents",
                crate::model::evidence::text::thousands(p)
            ));
        }
        if differs > 0 {
            ui.label(warning(
                format!("· {differs} suggested level(s) differ from those in force (≠)"),
                cx.look,
            ));
        }
        let accept = ui
            .button(Command::AcceptAllData.label())
            .on_hover_text(with_shortcut(ui.ctx(), Command::AcceptAllData));
        if accept.clicked() {
            out.push(Action::Command(Command::AcceptAllData));
        }
        if ui.button(Command::ImportEvidence.label()).clicked() {
            out.push(Action::Command(Command::ImportEvidence));
        }
    });
    for s in &ev.sources {
        let months = s
            .months
            .map(|(a, b)| format!(", {} to {}", a.text(), b.text()))
            .unwrap_or_default();
        ui.label(quiet(format!(
            "{} ({}), read {}: {} rows counted, {} outside the area{months}",
            s.name,
            s.kind.name(),
            s.read_at,
            s.rows,
            s.left_out
        )));
    }
}

fn headings_ui(ui: &mut Ui, factors: &[String], view: &mut ViewState) {
    ui.horizontal(|ui| {
        let names = FIXED
            .iter()
            .map(|(n, w)| ((*n).to_owned(), *w))
            .chain(factors.iter().map(|f| (f.clone(), 170.0)));
        for (c, (name, w)) in names.enumerate() {
            let on = view.evidence_sort.0 == c;
            let arrow = match (on, view.evidence_sort.1) {
                (true, true) => " ˇ",
                (true, false) => " ˆ",
                _ => "",
            };
            let r = ui.add_sized(
                [w, 20.0],
                egui::Button::new(RichText::new(format!("{name}{arrow}")).strong()).frame(false),
            );
            if r.on_hover_text(format!("Sort by {}", name.to_lowercase()))
                .clicked()
            {
                view.evidence_sort = (c, if on { !view.evidence_sort.1 } else { c > 0 });
            }
        }
    });
}

fn row_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    r: &EvidenceRow,
    view: &mut ViewState,
    out: &mut Vec<Action>,
) {
    use crate::model::evidence::text;
    ui.horizontal(|ui| {
        let name = ui.add_sized(
            [FIXED[0].1, 20.0],
            egui::Button::new(&r.theme).frame(false).truncate(),
        );
        if name
            .on_hover_text(format!(
                "Linked to: {}",
                if r.links.is_empty() {
                    "nothing".to_owned()
                } else {
                    r.links.join("; ")
                }
            ))
            .clicked()
        {
            out.push(Action::Select(crate::model::ThemeId::from(r.id.as_str())));
            view.tab = Tab::Scorecard;
        }
        let cell = |ui: &mut Ui, w: f32, t: String| {
            ui.add_sized([w, 20.0], egui::Label::new(t).truncate());
        };
        let mut count = r.count.map(text::thousands).unwrap_or_default();
        if !r.missing.is_empty() {
            count.push_str(&format!(" ({} mo. missing)", r.missing.len()));
        }
        cell(ui, FIXED[1].1, count);
        cell(ui, FIXED[2].1, change_text(r));
        let interval = match (r.change_low, r.change_high) {
            (Some(lo), Some(hi)) => format!("{} to {}", text::percent(lo), text::percent(hi)),
            (Some(lo), None) => format!("{} or more", text::percent(lo)),
            _ => String::new(),
        };
        let i = ui.add_sized([FIXED[3].1, 20.0], egui::Label::new(interval).truncate());
        if let Some(call) = r.call {
            i.on_hover_text(call);
        }
        cell(
            ui,
            FIXED[4].1,
            r.rate.map(|x| format!("{x:.1}")).unwrap_or_default(),
        );
        cell(
            ui,
            FIXED[5].1,
            r.share
                .as_ref()
                .map(|s| format!("{:.1}%", s.percent))
                .unwrap_or_default(),
        );
        let n = r.factors.iter().filter(|f| f.suggested.is_some()).count();
        cell(ui, FIXED[6].1, format!("{n} level(s)"));
        for f in &r.factors {
            let (t, tip) = match (&f.suggested, &f.in_force) {
                (Some(s), Some(now)) if f.differs => (
                    warning(format!("{s} ≠ {now}"), cx.look),
                    format!(
                        "The data suggests {s}; {now} is in force.\n{}\n{}",
                        f.why, f.rule
                    ),
                ),
                (Some(s), _) => (RichText::new(s.clone()), format!("{}\n{}", f.why, f.rule)),
                (None, _) => (quiet("–"), f.why.clone()),
            };
            ui.add_sized([170.0, 20.0], egui::Label::new(t).truncate())
                .on_hover_text(tip);
        }
    });
}

fn change_text(r: &EvidenceRow) -> String {
    use crate::model::evidence::text;
    match (r.change, r.change_percent) {
        (Some(n), Some(p)) => format!("{} ({})", text::signed(n), text::percent(p)),
        (Some(n), None) => text::signed(n),
        _ => String::new(),
    }
}
