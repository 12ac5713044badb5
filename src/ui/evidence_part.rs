//! The selected theme's *Evidence from data* part of the scorecard: what it is linked to (and
//! a menu to change that), the figures and intervals, the chart of monthly counts with the two
//! 12-month windows marked, each data-ruled factor's suggestion with its rule (accepted with
//! one click, or D on the keyboard's factor), and the files read and when.

use egui::{RichText, Ui};

use crate::model::evidence::{Link, LinkKind, Suggestion, ThemeFigures, text};
use crate::model::{Edit, FactorId, Theme};
use crate::state::Action;
use crate::ui::chart_cache::ChartCache;
use crate::ui::charts_panel::{Shown, figure_ui};
use crate::ui::widgets::{quiet, warning};

/// What the part reads: the theme's figures and suggestions, worked out once a frame.
pub struct Part<'a> {
    /// The theme.
    pub theme: &'a Theme,
    /// Its figures.
    pub figures: &'a ThemeFigures,
    /// Each data-ruled factor's suggestion, or why none.
    pub suggestions: &'a [(FactorId, Result<Suggestion, String>)],
}

/// Draws the part (nothing when no data has been read).
pub fn evidence_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    part: &Part<'_>,
    charts: &mut ChartCache,
    out: &mut Vec<Action>,
) {
    let card = &cx.doc.card;
    if card.evidence.is_empty() {
        return;
    }
    let theme = part.theme;
    // Closed at first, so the factors stay on the first screen; the heading says the gist.
    egui::CollapsingHeader::new(heading(part))
        .id_salt(("evidence", theme.id.as_str()))
        .default_open(false)
        .show(ui, |ui| {
            links_ui(ui, cx, theme, part.figures, out);
            if let Some(c) = &part.figures.counts {
                ui.label(text::counts(c));
                ui.label(quiet(format!(
                    "From {}",
                    c.series
                        .iter()
                        .map(Link::text)
                        .collect::<Vec<_>>()
                        .join(" + ")
                )));
                if c.monthly.len() > 1 {
                    let figure = crate::chart::Figure::Series {
                        title: &theme.name,
                        figures: c,
                    };
                    let shown = Shown {
                        name: "evidence-series",
                        label: "Monthly counts",
                        generation: cx.doc.generation,
                        detail: theme.id.to_string(),
                        height: 170.0,
                        marking: &card.marking,
                    };
                    figure_ui(ui, charts, cx.look, &shown, &figure);
                }
            }
            if let Some(s) = &part.figures.share {
                ui.label(format!("Survey, {}: {}", s.item, text::share(s)));
            }
            for (factor, s) in part.suggestions {
                let label = card
                    .method
                    .factor(factor.as_str())
                    .map_or("", |(_, f)| f.label.as_str());
                match s {
                    Ok(s) => {
                        ui.label(format!("{label}: the data suggests {}", s.text()));
                        ui.label(quiet(format!("Rule: {}", s.rule)));
                    }
                    Err(why) => {
                        ui.label(quiet(format!("{label}: no suggestion ({why})")));
                    }
                }
            }
            sources_ui(ui, card);
        });
}

/// "Evidence from data: 13,774 in the 12 months to Nov 2017, +24% (a rise more than chance)".
fn heading(part: &Part<'_>) -> String {
    let mut out = "Evidence from data".to_owned();
    if let Some(g) = crate::report::evidence::gist(part.figures) {
        out.push_str(": ");
        out.push_str(&g);
    } else if part.figures.links.is_empty() {
        out.push_str(": not linked to any data");
    }
    out
}

fn sources_ui(ui: &mut Ui, card: &crate::model::Scorecard) {
    for s in &card.evidence.sources {
        let months = s
            .months
            .map(|(a, b)| format!(", {} to {}", a.text(), b.text()))
            .unwrap_or_default();
        ui.label(quiet(format!(
            "{} ({}), read {}{months}",
            s.name,
            s.kind.name(),
            s.read_at
        )));
    }
}

/// "Linked to …" and a menu of every series and survey item read, to link or unlink.
fn links_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    theme: &Theme,
    f: &ThemeFigures,
    out: &mut Vec<Action>,
) {
    let ev = &cx.doc.card.evidence;
    ui.horizontal_wrapped(|ui| {
        let text = if f.links.is_empty() {
            "Linked to no data".to_owned()
        } else {
            format!(
                "Linked to {}",
                f.links
                    .iter()
                    .map(Link::text)
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        };
        ui.label(RichText::new(text).strong());
        if theme.links.is_none() && !f.links.is_empty() {
            ui.label(quiet("(named as the theme)"));
        }
        ui.menu_button("Links…", |ui| {
            let set = |links: Option<Vec<Link>>| {
                Action::edit(Edit::SetLinks {
                    theme: theme.id.clone(),
                    links,
                })
            };
            if ui
                .selectable_label(theme.links.is_none(), "Series named as the theme")
                .clicked()
            {
                out.push(set(None));
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for kind in [LinkKind::Police, LinkKind::Counts, LinkKind::Survey] {
                        let names = ev.names(kind);
                        if names.is_empty() {
                            continue;
                        }
                        ui.label(RichText::new(kind.name()).strong());
                        for name in names {
                            let link = Link::new(kind, name);
                            let mut on = f.links.contains(&link);
                            if ui.checkbox(&mut on, name).changed() {
                                let mut links = f.links.clone();
                                if on {
                                    links.push(link);
                                } else {
                                    links.retain(|l| *l != link);
                                }
                                out.push(set(Some(links)));
                            }
                        }
                    }
                });
        });
    });
    if f.counts
        .as_ref()
        .is_some_and(|c| !c.not_combined.is_empty())
    {
        ui.label(warning("Some linked series are counted by financial year and others by month: only the monthly ones are added up.", cx.look));
    }
}
