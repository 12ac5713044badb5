//! The Partnerships tab's chosen row: where its themes came from and how each was matched,
//! *Split off* for each (it then takes no automatic match), and *Same theme as…* to join it with
//! another row no partnership has twice. Changes go out as actions; the app saves them in the
//! roll-up file.

use egui::{RichText, Ui};

use crate::model::rollup::{MatchedBy, Rollup};
use crate::state::action::{Action, RollupAction};
use crate::ui::widgets::quiet;

/// How a theme came into its row, in words.
pub fn matched_words(by: MatchedBy) -> &'static str {
    match by {
        MatchedBy::First => "started the row",
        MatchedBy::Id => "the same id and name",
        MatchedBy::Name => "the same name",
        MatchedBy::Category => "the only one of its category: check",
        MatchedBy::Hand => "matched by hand",
    }
}

/// Draws the chosen row `sel` of `r`.
pub fn chosen_row_ui(
    ui: &mut Ui,
    r: &Rollup,
    sel: usize,
    selected: &mut Option<usize>,
    busy: bool,
    out: &mut Vec<Action>,
) {
    let row = &r.rows[sel];
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("“{}”", row.theme)).strong());
        ui.label(quiet(format!(
            "assessed by {} of {} partnerships",
            row.assessed_in,
            r.columns.len()
        )));
        if ui.small_button("Close").clicked() {
            *selected = None;
        }
    });
    ui.add_enabled_ui(!busy, |ui| {
        for (p, c) in row.cells.iter().enumerate() {
            let (Some(i), Some(by), Some(name)) = (c.index, c.matched_by, c.name.as_deref()) else {
                continue;
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}: {name}", r.columns[p].name));
                ui.label(quiet(format!("({})", matched_words(by))));
                if row.assessed_in >= 2
                    && ui
                        .small_button(format!("Split off {}'s", r.columns[p].name))
                        .on_hover_text("Make it a row of its own, matched to nothing automatically")
                        .clicked()
                {
                    out.push(Action::Rollup(RollupAction::Split((p, i))));
                }
            });
        }
        ui.horizontal(|ui| {
            let mut chosen = None;
            ui.menu_button("Same theme as…", |ui| {
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (j, other) in r.rows.iter().enumerate() {
                            if j != sel && row.joins(other) {
                                let whose: Vec<&str> = other
                                    .cells
                                    .iter()
                                    .zip(&r.columns)
                                    .filter(|(c, _)| c.index.is_some())
                                    .map(|(_, col)| col.name.as_str())
                                    .collect();
                                let text = format!("{} ({})", other.theme, whose.join(", "));
                                if ui.button(text).clicked() {
                                    chosen = Some(j);
                                    ui.close();
                                }
                            }
                        }
                    });
            })
            .response
            .on_hover_text("Match this row with another that no partnership has twice");
            if let Some(j) = chosen {
                let mut places = row.places();
                places.extend(r.rows[j].places());
                out.push(Action::Rollup(RollupAction::Join(places)));
            }
        });
    });
}
