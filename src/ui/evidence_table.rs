//! The evidence tab: every theme's figures from the partnership's data (count, change and its
//! interval, rate, share concerned) and, per factor with a data rule, the level the data
//! suggests beside the level in force, mismatches marked (≠). Sortable by any column; reads the
//! rows `trh evidence` prints (`report::evidence`), worked out once per generation. The
//! suggestions come straight after the change, so they are in view at 1024 pixels wide.

use egui::{Align, Layout, RichText, Ui};

use crate::model::evidence::text;
use crate::report::evidence::EvidenceRow;
use crate::state::view::{Tab, ViewState};
use crate::state::{Action, Command};
use crate::ui::widgets::{quiet, warning, with_shortcut};

/// A column of the table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Theme,
    Count,
    Change,
    /// The n-th factor with a data rule.
    Factor(usize),
    Interval,
    Rate,
    Share,
}

impl Col {
    fn width(self) -> f32 {
        match self {
            Self::Theme => 180.0,
            Self::Count => 70.0,
            Self::Change => 100.0,
            Self::Factor(_) => 130.0,
            Self::Interval => 110.0,
            Self::Rate => 70.0,
            Self::Share => 150.0,
        }
    }

    fn name(self, factors: &[String]) -> String {
        match self {
            Self::Theme => "Theme".into(),
            Self::Count => "Count".into(),
            Self::Change => "Change".into(),
            Self::Factor(i) => factors.get(i).cloned().unwrap_or_default(),
            Self::Interval => "95% interval".into(),
            Self::Rate => "Per 1,000".into(),
            Self::Share => "Concerned".into(),
        }
    }

    /// A row's sort key in this column (a factor: mismatches, then the suggestion).
    fn key(self, r: &EvidenceRow) -> (i64, String) {
        let f = |x: Option<f64>| x.map_or(i64::MIN, |v| (v * 1000.0) as i64);
        match self {
            Self::Theme => (0, r.theme.to_lowercase()),
            Self::Count => (r.count.map_or(-1, |n| n as i64), String::new()),
            Self::Change | Self::Interval => (f(r.change_percent), String::new()),
            Self::Rate => (f(r.rate), String::new()),
            Self::Share => (f(r.share.as_ref().map(|s| s.percent)), String::new()),
            Self::Factor(i) => {
                let fr = r.factors.get(i);
                (
                    fr.map_or(0, |f| i64::from(f.differs)),
                    fr.and_then(|f| f.suggested.clone()).unwrap_or_default(),
                )
            }
        }
    }
}

fn columns(factors: usize) -> Vec<Col> {
    let mut c = vec![Col::Theme, Col::Count, Col::Change];
    c.extend((0..factors).map(Col::Factor));
    c.extend([Col::Interval, Col::Rate, Col::Share]);
    c
}

/// Each column's width in `room` points: the base widths, with any room to spare given to the
/// theme names and the suggestions (up to 320 and 230 points), so a wide screen cuts nothing.
fn widths(cols: &[Col], room: f32) -> Vec<f32> {
    let base: Vec<f32> = cols.iter().map(|c| c.width()).collect();
    let spare = (room - base.iter().sum::<f32>() - 8.0 * cols.len() as f32).max(0.0);
    let growing = cols
        .iter()
        .filter(|c| matches!(c, Col::Theme | Col::Factor(_)))
        .count()
        .max(1);
    cols.iter()
        .zip(base)
        .map(|(c, w)| match c {
            Col::Theme => (w + spare / growing as f32).min(320.0),
            Col::Factor(_) => (w + spare / growing as f32).min(230.0),
            _ => w,
        })
        .collect()
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
            "Import evidence… (File menu) reads police.uk street-level crime (the folder or .zip as downloaded), partners' counts tables and survey results, then suggests Frequency, Trend and Public expectation levels from the method's rules.",
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
    let cols = columns(factors.len());
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let (col, desc) = view.evidence_sort;
    if let Some(c) = cols.get(col) {
        order.sort_by(|&a, &b| {
            let o = c.key(&rows[a]).cmp(&c.key(&rows[b]));
            if desc { o.reverse() } else { o }
        });
    }
    ui.style_mut().interaction.selectable_labels = false;
    let widths = widths(&cols, ui.available_width());
    egui::ScrollArea::horizontal().show(ui, |ui| {
        headings_ui(ui, &cols, &widths, &factors, view);
        ui.separator();
        let h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, h, order.len(), |ui, range| {
                for &i in &order[range] {
                    row_ui(ui, cx, (&cols, &widths), &rows[i], view, out);
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
            ui.label(format!("· {} residents", text::thousands(p)));
        }
        if differs > 0 {
            ui.label(warning(
                format!("· {differs} suggested level(s) differ from those in force (≠)"),
                cx.look,
            ));
        }
    });
    ui.horizontal(|ui| {
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
            text::thousands(s.rows),
            text::thousands(s.left_out)
        )));
    }
}

fn headings_ui(
    ui: &mut Ui,
    cols: &[Col],
    widths: &[f32],
    factors: &[String],
    view: &mut ViewState,
) {
    ui.horizontal(|ui| {
        for (c, (col, w)) in cols.iter().zip(widths).enumerate() {
            let name = col.name(factors);
            let on = view.evidence_sort.0 == c;
            let arrow = match (on, view.evidence_sort.1) {
                (true, true) => " ˇ",
                (true, false) => " ˆ",
                _ => "",
            };
            let b = egui::Button::new(RichText::new(format!("{name}{arrow}")).strong())
                .frame(false)
                .truncate();
            let r = ui.add_sized([*w, 20.0], b);
            if r.on_hover_text(format!("Sort by {}", name.to_lowercase()))
                .clicked()
            {
                // Numbers sort largest first; names A to Z.
                let first = !matches!(col, Col::Theme);
                view.evidence_sort = (c, if on { !view.evidence_sort.1 } else { first });
            }
        }
    });
}

/// A cell: text left-aligned (names) or right-aligned (numbers), cut to the column.
fn cell(ui: &mut Ui, w: f32, text: impl Into<egui::WidgetText>, right: bool) -> egui::Response {
    let layout = if right {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    ui.allocate_ui_with_layout(egui::vec2(w, 20.0), layout, |ui| {
        ui.set_width(w);
        ui.add(egui::Label::new(text).truncate())
    })
    .inner
}

fn row_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    (cols, widths): (&[Col], &[f32]),
    r: &EvidenceRow,
    view: &mut ViewState,
    out: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        for (col, w) in cols.iter().zip(widths) {
            let w = *w;
            match *col {
                Col::Theme => {
                    let b = egui::Button::new(&r.theme).frame(false).truncate();
                    let links = if r.links.is_empty() {
                        "nothing".to_owned()
                    } else {
                        r.links.join("; ")
                    };
                    let name = ui.allocate_ui_with_layout(
                        egui::vec2(w, 20.0),
                        Layout::left_to_right(Align::Center),
                        |ui| {
                            ui.set_width(w);
                            ui.add(b)
                        },
                    );
                    if name
                        .inner
                        .on_hover_text(format!("Linked to {links}"))
                        .clicked()
                    {
                        out.push(Action::Select(crate::model::ThemeId::from(r.id.as_str())));
                        view.tab = Tab::Scorecard;
                    }
                }
                Col::Count => {
                    let mut count = r.count.map(text::thousands).unwrap_or_default();
                    // Counts by financial year say which year.
                    if let Some(p) = r.period.as_ref().filter(|p| !p.starts_with("the 12")) {
                        count.push_str(&format!(" ({p})"));
                    }
                    if !r.missing.is_empty() {
                        count.push_str(&format!(" ({} mo. missing)", r.missing.len()));
                    }
                    cell(ui, w, count, true);
                }
                Col::Change => {
                    let c = cell(ui, w, change_text(r), true);
                    if let Some(call) = r.call {
                        c.on_hover_text(call);
                    }
                }
                Col::Factor(i) => factor_cell(ui, cx, w, r.factors.get(i)),
                Col::Interval => {
                    let i = cell(ui, w, interval_text(r), true);
                    if let Some(call) = r.call {
                        i.on_hover_text(call);
                    }
                }
                Col::Rate => {
                    cell(
                        ui,
                        w,
                        r.rate.map(|x| format!("{x:.1}")).unwrap_or_default(),
                        true,
                    );
                }
                Col::Share => {
                    let s = r
                        .share
                        .as_ref()
                        .map(|s| format!("{:.1}% ({:.0}–{:.0}%)", s.percent, s.low, s.high));
                    cell(ui, w, s.unwrap_or_default(), true);
                }
            }
        }
    });
}

fn factor_cell(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    w: f32,
    f: Option<&crate::report::evidence::FactorRow>,
) {
    let Some(f) = f else {
        cell(ui, w, "", false);
        return;
    };
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
    cell(ui, w, t, false).on_hover_text(tip);
}

fn change_text(r: &EvidenceRow) -> String {
    match (r.change, r.change_percent) {
        (Some(n), Some(p)) => format!("{} ({})", text::signed(n), text::percent(p)),
        (Some(n), None) => text::signed(n),
        _ => String::new(),
    }
}

fn interval_text(r: &EvidenceRow) -> String {
    match (r.change_low, r.change_high) {
        (Some(lo), Some(hi)) => format!("{} to {}", text::percent(lo), text::percent(hi)),
        (Some(lo), None) => format!("{} or more", text::percent(lo)),
        _ => String::new(),
    }
}
