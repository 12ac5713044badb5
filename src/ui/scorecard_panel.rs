//! The theme scorecard (centre): the selected theme's summary, then every factor of the method
//! as a row (see `factor_row.rs`), section by section, then the board's decision.

use super::widgets::text_edit_actions;
use egui::{RichText, Ui};

use crate::look::Look;
use crate::model::edit::ThemeText;
use crate::model::ranking::RankedTheme;
use crate::model::scorecard::Decision;
use crate::model::{DecisionKind, Edit, SectionKind, Theme};
use crate::report::num;
use crate::state::Action;
use crate::state::view::ViewState;
use crate::ui::widgets::{quiet, warning};

/// Draws the selected theme's scorecard.
pub fn scorecard_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &mut ViewState,
    charts: &mut crate::ui::chart_cache::ChartCache,
    out: &mut Vec<Action>,
) {
    let (doc, look) = (cx.doc, cx.look);
    let Some(theme) = view.selected.as_ref().and_then(|id| doc.card.theme(id)) else {
        ui.label("Select a theme in the list, or add one.");
        return;
    };
    let row = doc.row(&theme.id);
    // Labels here are read, not copied: without text selection they cost less per frame.
    ui.style_mut().interaction.selectable_labels = false;
    summary_ui(ui, theme, row);
    // The data's figures and suggestions, once a frame for the whole theme.
    let figures = doc.card.figures(theme);
    let suggestions = crate::model::evidence::suggest(&doc.card.method, &figures);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            details_ui(ui, theme, out);
            let part = super::evidence_part::Part {
                theme,
                figures: &figures,
                suggestions: &suggestions,
            };
            super::evidence_part::evidence_ui(ui, cx, &part, charts, out);
            let mut index = 0;
            for (i, section) in doc.card.method.sections.iter().enumerate() {
                ui.add_space(6.0);
                let total = row
                    .filter(|_| section.kind != SectionKind::Confidence)
                    .and_then(|r| r.section_totals.get(i).copied().flatten());
                ui.horizontal(|ui| {
                    ui.heading(&section.label);
                    if let Some(t) = total {
                        let name = if section.total_label.is_empty() {
                            "Total"
                        } else {
                            &section.total_label
                        };
                        ui.label(RichText::new(format!("{name}: {}", num(t))).strong());
                    }
                });
                for factor in &section.factors {
                    super::factor_row::factor_row_ui(
                        ui,
                        &super::factor_row::RowCtx {
                            doc,
                            theme,
                            factor,
                            row,
                            index,
                            look,
                            suggestion: suggestions
                                .iter()
                                .find(|(f, _)| *f == factor.id)
                                .and_then(|(_, s)| s.as_ref().ok()),
                        },
                        view,
                        out,
                    );
                    index += 1;
                }
            }
            ui.add_space(6.0);
            decision_ui(ui, theme, row, look, (cx.doc.card.last_meeting(), out));
        });
}

fn summary_ui(ui: &mut Ui, theme: &Theme, row: Option<&RankedTheme>) {
    ui.heading(RichText::new(&theme.name).strong());
    let Some(r) = row else {
        return;
    };
    let mut parts = Vec::new();
    match (r.rank, r.risk, &r.cell) {
        // A grid's risk is its grade's place, which means nothing: show the cell instead.
        (Some(rank), Some(_), Some((row, column))) => {
            parts.push(format!("Rank {rank} · Cell {row} × {column}"));
        }
        (Some(rank), Some(risk), None) => parts.push(format!("Rank {rank} · Risk {}", num(risk))),
        _ => parts.push(format!(
            "Not ranked: missing {}",
            r.missing
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    if let Some(b) = &r.band {
        parts.push(format!("Band {}", b.label));
    }
    if let Some(c) = &r.confidence {
        parts.push(format!("Confidence {}", c.label));
    }
    if let Some(g) = &r.grade {
        parts.push(format!("Position {}", g.label));
    }
    if let Some(o) = &r.outcome {
        parts.push(format!("Outcome {}", o.label));
    }
    ui.label(parts.join("  ·  "));
    let mut flags = Vec::new();
    if r.intelligence_gap {
        flags.push("Intelligence gap: high risk scored with low confidence");
    }
    if r.contested {
        flags.push("Contested: votes on some factors are far apart");
    }
    if !flags.is_empty() {
        ui.label(RichText::new(flags.join("  ·  ")).italics());
    }
}

fn details_ui(ui: &mut Ui, theme: &Theme, out: &mut Vec<Action>) {
    egui::CollapsingHeader::new("Theme details")
        .id_salt(("details", theme.id.as_str()))
        .show(ui, |ui| {
            egui::Grid::new("details_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    for (label, field, text, multi) in [
                        ("Category", ThemeText::Category, &theme.category, false),
                        (
                            "Description",
                            ThemeText::Description,
                            &theme.description,
                            true,
                        ),
                        ("Evidence", ThemeText::Evidence, &theme.evidence, true),
                    ] {
                        let l = ui.label(label);
                        let mut buf = text.clone();
                        let edit = if multi {
                            egui::TextEdit::multiline(&mut buf).desired_rows(2)
                        } else {
                            egui::TextEdit::singleline(&mut buf)
                        };
                        let r = ui.add(edit.desired_width(f32::INFINITY)).labelled_by(l.id);
                        text_edit_actions(&r, &buf, text, out, || Edit::SetThemeText {
                            theme: theme.id.clone(),
                            field,
                            text: buf.clone(),
                        });
                        ui.end_row();
                    }
                });
        });
}

/// The board's decision: the choice, its rationale, and the meeting and date it was taken at
/// (a new decision starts at the meeting of the last one recorded).
fn decision_ui(
    ui: &mut Ui,
    theme: &Theme,
    row: Option<&RankedTheme>,
    look: Look,
    (last, out): ((String, String), &mut Vec<Action>),
) {
    ui.heading("Board decision");
    let current = theme.decision.as_ref();
    let suggested = row.and_then(|r| r.suggested);
    if let Some(s) = suggested {
        ui.label(quiet(format!("The outcome suggests: {}", s.label())));
    }
    let (meeting, on) = current.map_or(last, |d| (d.meeting.clone(), d.on.clone()));
    let set = |kind: Option<DecisionKind>, rationale: String, (meeting, on): (String, String)| {
        Edit::SetDecision {
            theme: theme.id.clone(),
            decision: kind.map(|kind| Decision {
                kind,
                rationale,
                by: current.map(|d| d.by.clone()).unwrap_or_default(),
                at: String::new(), // stamped by the document
                meeting,
                on,
            }),
        }
    };
    let taken = (meeting.clone(), on.clone());
    let rationale = current.map(|d| d.rationale.clone()).unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        let none = ui.selectable_label(current.is_none(), "No decision yet");
        if none.clicked() && current.is_some() {
            out.push(Action::edit(set(None, String::new(), Default::default())));
        }
        for kind in DecisionKind::ALL {
            let on = current.is_some_and(|d| d.kind == kind);
            let mut label = kind.label().to_owned();
            if suggested == Some(kind) {
                label.push_str(" (suggested)");
            }
            if ui.selectable_label(on, label).clicked() && !on {
                let departs = suggested.is_some_and(|s| s != kind);
                if departs && rationale.trim().is_empty() {
                    // A departure needs the board's reason before it is recorded.
                    out.push(Action::Dialog(crate::state::modal::Modal::Decide {
                        theme: theme.id.clone(),
                        kind,
                    }));
                } else {
                    out.push(Action::edit(set(
                        Some(kind),
                        rationale.clone(),
                        taken.clone(),
                    )));
                }
            }
        }
    });
    let Some(d) = current else {
        return;
    };
    let l = ui.label("Rationale");
    let mut buf = d.rationale.clone();
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut buf)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    text_edit_actions(&r, &buf, &d.rationale, out, || {
        set(Some(d.kind), buf.clone(), taken.clone())
    });
    taken_ui(ui, &theme.id, d, out);
    departs_ui(ui, d, row, look);
}

/// Where and when the board took the decision, each edited like any text (one change).
fn taken_ui(ui: &mut Ui, theme: &crate::model::ThemeId, d: &Decision, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        for (label, meeting, hint) in [
            ("Taken at", true, "meeting, e.g. CSP board"),
            ("on", false, "date, e.g. 2026-03-14"),
        ] {
            let old = if meeting { &d.meeting } else { &d.on };
            let l = ui.label(label);
            let mut buf = old.clone();
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut buf)
                        .hint_text(hint)
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
            text_edit_actions(&r, &buf, old, out, || {
                let mut new = d.clone();
                if meeting {
                    new.meeting = buf.clone();
                } else {
                    new.on = buf.clone();
                }
                Edit::SetDecision {
                    theme: theme.clone(),
                    decision: Some(new),
                }
            });
        }
    });
}

/// Says when the decision departs from the suggested outcome (and asks why, if no reason).
fn departs_ui(ui: &mut Ui, d: &Decision, row: Option<&RankedTheme>, look: Look) {
    if row.is_some_and(|r| r.departs) {
        let text = if d.rationale.trim().is_empty() {
            "This decision departs from the suggested outcome: record why."
        } else {
            "This decision departs from the suggested outcome."
        };
        ui.label(warning(text, look));
    }
}
