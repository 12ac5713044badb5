//! The ranking board: every theme in a sortable table (rank, theme, harm, likelihood, risk,
//! band, confidence, position, outcome, decision), the candidate-priority cut line, and
//! decisions that depart from the computed outcome marked. Clicking a row selects the theme.

use std::cmp::Ordering;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::view::{SortKey, ViewState};
use crate::app::{Action, Document};
use crate::model::ranking::RankedTheme;
use crate::report::num;
use crate::ui::theme;
use crate::ui::widgets::band_chip;

const COLUMNS: [(&str, SortKey); 10] = [
    ("Rank", SortKey::Rank),
    ("Theme", SortKey::Theme),
    ("Harm", SortKey::Harm),
    ("Likelihood", SortKey::Likelihood),
    ("Risk", SortKey::Risk),
    ("Band", SortKey::Risk),
    ("Confidence", SortKey::Confidence),
    ("Position", SortKey::Position),
    ("Outcome", SortKey::Outcome),
    ("Decision", SortKey::Decision),
];

/// The ranking rows in the board's sort order.
pub fn sorted_rows<'a>(doc: &'a Document, view: &ViewState) -> Vec<&'a RankedTheme> {
    let mut rows: Vec<&RankedTheme> = doc.ranking.rows.iter().collect();
    let (key, ascending) = view.sort;
    if key != SortKey::Rank {
        rows.sort_by(|a, b| {
            let o = compare(key, a, b);
            if ascending { o } else { o.reverse() }
        });
    } else if !ascending {
        rows.reverse();
    }
    rows
}

fn compare(key: SortKey, a: &RankedTheme, b: &RankedTheme) -> Ordering {
    let f = |x: Option<f64>, y: Option<f64>| x.partial_cmp(&y).unwrap_or(Ordering::Equal);
    let idx = |n: &Option<crate::model::ranking::Named>| n.as_ref().map(|n| n.index);
    match key {
        SortKey::Rank => Ordering::Equal,
        SortKey::Theme => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        SortKey::Harm => f(a.harm, b.harm),
        SortKey::Likelihood => f(a.likelihood, b.likelihood),
        SortKey::Risk => f(a.risk, b.risk),
        SortKey::Confidence => idx(&a.confidence).cmp(&idx(&b.confidence)),
        SortKey::Position => f(a.position_total, b.position_total),
        SortKey::Outcome => idx(&a.outcome).cmp(&idx(&b.outcome)),
        SortKey::Decision => a
            .decision
            .map(|d| d.code())
            .cmp(&b.decision.map(|d| d.code())),
    }
}

/// Draws the ranking board.
pub fn ranking_board_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState, out: &mut Vec<Action>) {
    let ranked = doc.ranking.rows.iter().filter(|r| r.rank.is_some()).count();
    ui.horizontal(|ui| {
        let l = ui.label("Candidate priorities: top");
        ui.add(egui::DragValue::new(&mut view.cut).range(0..=ranked))
            .labelled_by(l.id)
            .on_hover_text(
                "Where the cut line falls: themes ranked at or above it are candidate priorities",
            );
        ui.label(format!("of {ranked} ranked themes"));
        let departs = doc.ranking.rows.iter().filter(|r| r.departs).count();
        if departs > 0 {
            ui.label(
                RichText::new(format!(
                    "{departs} decision(s) depart from the suggested outcome (marked ≠)"
                ))
                .color(theme::warning_color(if ui.visuals().dark_mode {
                    theme::ThemeChoice::Dark
                } else {
                    theme::ThemeChoice::Light
                })),
            );
        }
    });
    let rows = sorted_rows(doc, view);
    let by_rank = view.sort.0 == SortKey::Rank && view.sort.1;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.5;
    let warn = theme::warning_color(if ui.visuals().dark_mode {
        theme::ThemeChoice::Dark
    } else {
        theme::ThemeChoice::Light
    });
    // Clicks on a cell's text select the row rather than the text.
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(50.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .columns(Column::auto().at_least(50.0), 4)
        .columns(Column::auto().at_least(80.0), 4)
        .header(row_h, |mut header| {
            for (name, key) in COLUMNS {
                header.col(|ui| {
                    let r = ui
                        .button(RichText::new(name).strong())
                        .on_hover_text(format!("Sort by {}", name.to_lowercase()));
                    match view.sort {
                        (k, up) if k == key && name != "Band" => {
                            ui.label(if up { "ˆ" } else { "ˇ" }).on_hover_text(if up {
                                "Ascending"
                            } else {
                                "Descending"
                            });
                        }
                        _ => {}
                    }
                    if r.clicked() {
                        view.sort = if view.sort.0 == key {
                            (key, !view.sort.1)
                        } else {
                            (key, true)
                        };
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_h, rows.len(), |mut tr| {
                let i = tr.index();
                let r = rows[i];
                tr.set_selected(view.selected.as_ref() == Some(&r.id));
                if by_rank && view.cut > 0 && i == view.cut {
                    tr.set_overline(true);
                }
                cells(&mut tr, doc, r, warn);
                if tr.response().clicked() {
                    out.push(Action::Select(r.id.clone()));
                }
            });
        });
}

fn cells(
    tr: &mut egui_extras::TableRow<'_, '_>,
    doc: &Document,
    r: &RankedTheme,
    warn: egui::Color32,
) {
    let opt = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), num);
    let named = |n: &Option<crate::model::ranking::Named>| {
        n.as_ref()
            .map_or_else(|| "–".to_owned(), |n| n.label.to_string())
    };
    tr.col(|ui| {
        ui.label(r.rank.map_or_else(|| "–".to_owned(), |x| x.to_string()));
    });
    tr.col(|ui| {
        ui.add(egui::Label::new(&r.name).truncate());
    });
    for x in [r.harm, r.likelihood, r.risk] {
        tr.col(|ui| {
            ui.label(opt(x));
        });
    }
    tr.col(|ui| {
        let letter = r
            .band
            .as_ref()
            .and_then(|b| doc.card.method.bands.get(b.index))
            .map(|b| b.letter.as_str());
        band_chip(
            ui,
            r.band.as_ref().map(|b| b.index).zip(letter),
            &named(&r.band),
        );
        ui.label(named(&r.band));
    });
    tr.col(|ui| {
        ui.label(named(&r.confidence));
    });
    tr.col(|ui| {
        let grade = named(&r.grade);
        ui.label(match r.position_total {
            Some(p) => format!("{} ({grade})", num(p)),
            None => grade,
        });
    });
    tr.col(|ui| {
        ui.label(named(&r.outcome));
    });
    tr.col(|ui| {
        let text = r.decision.map_or("–", |d| d.label());
        if r.departs {
            ui.label(RichText::new(format!("≠ {text}")).color(warn))
                .on_hover_text(match r.suggested {
                    Some(s) => format!("Departs from the suggested decision: {}", s.label()),
                    None => "Departs from the computed outcome".to_owned(),
                });
        } else {
            ui.label(text);
        }
    });
}
