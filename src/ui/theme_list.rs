//! The theme list (left): search, filters by band, category and decision, a band chip per
//! theme (colour and letter), and add, rename, remove and reorder.

use egui::{Align2, Rect, Sense, Ui, pos2, vec2};

use crate::document::Document;
use crate::model::edit::ThemeText;
use crate::model::{DecisionKind, Edit, ThemeId};
use crate::state::view::{BandFilter, DecisionFilter, ViewState};
use crate::state::{Action, Command};
use crate::ui::widgets::{elided, paint_band_chip, quiet, with_shortcut};

/// The ids of the themes the list shows, in document order.
pub fn visible_ids(doc: &Document, view: &ViewState) -> Vec<ThemeId> {
    let needle = view.search.trim().to_lowercase();
    doc.card
        .themes
        .iter()
        .filter(|t| needle.is_empty() || t.name.to_lowercase().contains(&needle))
        .filter(|t| view.category.as_ref().is_none_or(|c| &t.category == c))
        .filter(|t| match view.decision {
            None => true,
            Some(DecisionFilter::Undecided) => t.decision.is_none(),
            Some(DecisionFilter::Is(k)) => t.decision.as_ref().is_some_and(|d| d.kind == k),
        })
        .filter(|t| !view.contested_only || doc.row(&t.id).is_some_and(|r| r.contested))
        .filter(|t| match view.band {
            None => true,
            Some(f) => {
                let band = doc
                    .row(&t.id)
                    .and_then(|r| r.band.as_ref())
                    .map(|b| b.index);
                match f {
                    BandFilter::Unranked => band.is_none(),
                    BandFilter::Band(i) => band == Some(i),
                }
            }
        })
        .map(|t| t.id.clone())
        .collect()
}

/// Draws the theme list.
pub fn theme_list_ui(
    ui: &mut Ui,
    doc: &Document,
    view: &mut ViewState,
    enabled: &dyn Fn(Command) -> bool,
    out: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    ui.heading("Themes");
    let search_label = ui.label("Search");
    ui.add(
        egui::TextEdit::singleline(&mut view.search)
            .hint_text("Theme name…")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(search_label.id);
    // Filters fold away when not in use (and then cost nothing per frame).
    let active = [
        view.band.is_some(),
        view.category.is_some(),
        view.decision.is_some(),
    ]
    .iter()
    .filter(|&&on| on)
    .count();
    let title = match active {
        0 => "Filters".to_owned(),
        n => format!("Filters ({n} on)"),
    };
    egui::CollapsingHeader::new(title)
        .id_salt("theme_filters")
        .show(ui, |ui| filters_ui(ui, doc, view));
    ui.separator();
    buttons_ui(ui, enabled, out);
    ui.separator();
    let ids = visible_ids(doc, view);
    if ids.is_empty() {
        ui.label(quiet(if doc.card.themes.is_empty() {
            "No themes yet: Add one, or bring a list in with Import spreadsheet… (File menu)."
        } else {
            "No theme matches the search and filters."
        }));
        return;
    }
    if ids.len() < doc.card.themes.len() {
        ui.label(quiet(format!(
            "Showing {} of {}",
            ids.len(),
            doc.card.themes.len()
        )));
    }
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.35;
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
    if std::mem::take(&mut view.scroll_to_selected)
        && let Some(i) = view
            .selected
            .as_ref()
            .and_then(|s| ids.iter().position(|id| id == s))
    {
        let spacing = ui.spacing().item_spacing.y;
        let target = (i as f32 * (row_h + spacing) - 3.0 * row_h).max(0.0);
        scroll = scroll.vertical_scroll_offset(target);
    }
    scroll.show_rows(ui, row_h, ids.len(), |ui, range| {
        for id in &ids[range] {
            row_ui(ui, doc, view, id, out);
        }
    });
}

fn row_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState, id: &ThemeId, out: &mut Vec<Action>) {
    let Some(theme) = doc.card.theme(id) else {
        return;
    };
    if view.rename.as_ref().is_some_and(|(rid, _)| rid == id) {
        rename_ui(ui, theme, view, out);
        return;
    }
    let row = doc.row(id);
    let band = row.and_then(|r| r.band.as_ref());
    let letter = band
        .and_then(|b| doc.card.method.bands.get(b.index))
        .map_or("–", |b| b.letter.as_str());
    let selected = view.selected.as_ref() == Some(id);
    // One painted widget per row (not a layout of three widgets): the list stays cheap with
    // hundreds of themes.
    let h = ui.text_style_height(&egui::TextStyle::Body) * 1.35;
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), h), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &theme.name)
    });
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
        }
        let body = egui::TextStyle::Body.resolve(ui.style());
        let chip = Rect::from_min_size(
            rect.min + vec2(2.0, h * 0.1),
            vec2(body.size * 1.9, h * 0.8),
        );
        let painter = ui.painter_at(rect);
        let dark = ui.visuals().dark_mode;
        paint_band_chip(&painter, chip, band.map(|b| b.index), letter, dark);
        let rank = row
            .and_then(|r| r.rank)
            .map_or_else(|| "–".to_owned(), |r| r.to_string());
        let mono = egui::TextStyle::Monospace.resolve(ui.style());
        let rank_right = chip.right() + 8.0 + mono.size * 1.9;
        painter.text(
            pos2(rank_right, rect.center().y),
            Align2::RIGHT_CENTER,
            rank,
            mono,
            visuals.text_color(),
        );
        let name = if row.is_some_and(|r| r.departs) {
            // Before the name, so cutting a long name never cuts the mark off.
            format!("≠ {}", theme.name)
        } else {
            theme.name.clone()
        };
        let left = rank_right + 10.0;
        let galley = elided(
            ui,
            name,
            body,
            visuals.text_color(),
            rect.right() - left - 4.0,
        );
        let top = rect.center().y - galley.size().y / 2.0;
        painter.galley(pos2(left, top), galley, visuals.text_color());
    }
    if response.clicked() {
        out.push(Action::Select(id.clone()));
    }
    if response.double_clicked() {
        view.rename = Some((id.clone(), theme.name.clone()));
    }
}

fn rename_ui(
    ui: &mut Ui,
    theme: &crate::model::Theme,
    view: &mut ViewState,
    out: &mut Vec<Action>,
) {
    let Some((_, text)) = &mut view.rename else {
        return;
    };
    let mut done = false;
    ui.horizontal(|ui| {
        let label = ui.label("New name");
        let output = egui::TextEdit::singleline(text)
            .desired_width(f32::INFINITY)
            .show(ui);
        let id = output.response.id;
        let edit = output
            .response
            .response
            .labelled_by(label.id)
            .on_hover_text("Enter to rename, Escape to cancel");
        if ui.memory(|m| m.focused().is_none()) {
            edit.request_focus();
            // The old name starts selected, so typing replaces it (as F2 does elsewhere).
            let mut state = output.state;
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
            state.store(ui.ctx(), id);
        }
        let (enter, escape) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if edit.lost_focus() || enter || escape {
            let name = text.trim().to_owned();
            if !escape && !name.is_empty() && name != theme.name {
                out.push(Action::edit(Edit::SetThemeText {
                    theme: theme.id.clone(),
                    field: ThemeText::Name,
                    text: name,
                }));
            }
            done = true;
        }
    });
    if done {
        view.rename = None;
    }
}

fn buttons_ui(ui: &mut Ui, enabled: &dyn Fn(Command) -> bool, out: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        for (label, c) in [
            ("Add", Command::AddTheme),
            ("Rename", Command::RenameTheme),
            ("Remove…", Command::RemoveTheme),
            ("Up", Command::MoveThemeUp),
            ("Down", Command::MoveThemeDown),
        ] {
            let hint = with_shortcut(ui.ctx(), c);
            if ui
                .add_enabled(enabled(c), egui::Button::new(label))
                .on_hover_text(hint)
                .clicked()
            {
                out.push(Action::Command(c));
            }
        }
    });
}

fn filters_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState) {
    ui.horizontal_wrapped(|ui| {
        let band_text = match view.band {
            None => "Any band".to_owned(),
            Some(BandFilter::Unranked) => "Not ranked".to_owned(),
            Some(BandFilter::Band(i)) => doc
                .card
                .method
                .bands
                .get(i)
                .map_or_else(String::new, |b| b.label.clone()),
        };
        egui::ComboBox::from_id_salt("band_filter")
            .selected_text(band_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.band, None, "Any band");
                for (i, b) in doc.card.method.bands.iter().enumerate().rev() {
                    ui.selectable_value(&mut view.band, Some(BandFilter::Band(i)), &b.label);
                }
                ui.selectable_value(&mut view.band, Some(BandFilter::Unranked), "Not ranked");
            })
            .response
            .on_hover_text("Filter by risk band");
        let mut categories: Vec<&str> = doc
            .card
            .themes
            .iter()
            .map(|t| t.category.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        categories.sort_unstable();
        categories.dedup();
        egui::ComboBox::from_id_salt("category_filter")
            .selected_text(
                view.category
                    .clone()
                    .unwrap_or_else(|| "Any category".to_owned()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.category, None, "Any category");
                for c in categories {
                    ui.selectable_value(&mut view.category, Some(c.to_owned()), c);
                }
            })
            .response
            .on_hover_text("Filter by category");
        let decision_text = match view.decision {
            None => "Any decision",
            Some(DecisionFilter::Undecided) => "Undecided",
            Some(DecisionFilter::Is(k)) => k.label(),
        };
        egui::ComboBox::from_id_salt("decision_filter")
            .selected_text(decision_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.decision, None, "Any decision");
                for k in DecisionKind::ALL {
                    ui.selectable_value(&mut view.decision, Some(DecisionFilter::Is(k)), k.label());
                }
                ui.selectable_value(
                    &mut view.decision,
                    Some(DecisionFilter::Undecided),
                    "Undecided",
                );
            })
            .response
            .on_hover_text("Filter by the board's decision");
        ui.checkbox(&mut view.contested_only, "Contested only")
            .on_hover_text("Themes where votes on some factor are far apart");
    });
}
