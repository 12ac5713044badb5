//! The panels, one file each. Panels read the document and its one ranking, change only
//! view state, and push [`Action`](crate::state::Action)s for everything else.

pub mod chart_cache;
pub mod charts_panel;
mod close_calls_panel;
pub mod compare_panel;
pub mod decision_log;
pub mod dialogs;
pub mod export_dialog;
pub mod factor_row;
mod frozen;
pub mod import_dialog;
pub mod join_screen;
pub mod keys;
pub mod live_dialog;
pub mod live_panel;
pub mod menu;
pub mod not_written;
pub mod path_dialog;
pub mod presenter;
mod presenter_fit;
pub mod presenter_keys;
mod presenter_reveal;
pub mod ranking_board;
mod ranking_columns;
pub mod scorecard_panel;
pub mod status;
pub mod style;
pub mod theme_list;
pub mod vote_grid;
pub mod vote_keys;
mod vote_stats;
mod widgets;
pub mod workshop_panel;

use crate::state::view::Tab;
use crate::state::{Command, State};

/// Lays out one frame: menu bar, status bar, theme list, and the tab in the centre.
pub fn frame_ui(ui: &mut egui::Ui, app: &mut State, charts: &mut chart_cache::ChartCache) {
    if app.view.presenter.is_some() {
        presenter::presenter_ui(
            ui,
            (&app.doc, app.figures.as_deref()),
            &mut app.view,
            app.live.as_ref(),
        );
        status::toasts_ui(ui.ctx(), &app.notes);
        return;
    }
    let mut out = Vec::new();
    egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_ui(ui, app, &mut out));
    egui::Panel::bottom("status_bar").show(ui, |ui| status::status_ui(ui, app, &mut out));
    egui::Panel::left("theme_list")
        .resizable(true)
        .default_size(300.0)
        .min_size(200.0)
        .show(ui, |ui| {
            let flags = enabled_flags(app);
            let enabled = |c: Command| flags.iter().any(|&(d, on)| d == c && on);
            theme_list::theme_list_ui(ui, &app.doc, &mut app.view, &enabled, &mut out);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        tabs_ui(ui, &mut app.view.tab, app.view.compare.is_some());
        ui.separator();
        match app.view.tab {
            Tab::Scorecard => {
                scorecard_panel::scorecard_ui(
                    ui,
                    &app.doc,
                    &mut app.view,
                    app.prefs.look,
                    &mut out,
                );
            }
            Tab::Ranking => {
                let figures = app.figures.as_deref();
                ranking_board::ranking_board_ui(ui, &app.doc, figures, &mut app.view, &mut out);
            }
            Tab::Workshop => {
                let look = (app.prefs.look, app.live.as_ref());
                let doc = &app.doc;
                if let Some(m) =
                    workshop_panel::workshop_ui(ui, doc, &mut app.view, charts, look, &mut out)
                {
                    out.push(crate::state::Action::Dialog(m));
                }
            }
            Tab::Charts => charts_panel::charts_ui(
                ui,
                (&app.doc, app.figures.as_deref()),
                &mut app.view,
                charts,
                app.prefs.look,
                &mut out,
            ),
            Tab::Compare => compare_panel::compare_ui(
                ui,
                &app.doc,
                &mut app.view,
                charts,
                app.prefs.look,
                &mut out,
            ),
        }
    });
    let ctx = ui.ctx().clone();
    export_dialog::export_dialog_ui(&ctx, &mut app.view.export, &app.doc.card.marking, &mut out);
    import_dialog::import_dialog_ui(
        &ctx,
        &mut app.view.import,
        &app.doc.card,
        &app.prefs.import_columns,
        &mut out,
    );
    status::toasts_ui(ui.ctx(), &app.notes);
    for action in out {
        app.push(action);
    }
}

/// Which theme commands can run now (read before the panel borrows the view mutably).
fn enabled_flags(app: &State) -> [(Command, bool); 5] {
    [
        Command::AddTheme,
        Command::RenameTheme,
        Command::RemoveTheme,
        Command::MoveThemeUp,
        Command::MoveThemeDown,
    ]
    .map(|c| (c, app.enabled(c)))
}

fn tabs_ui(ui: &mut egui::Ui, tab: &mut Tab, comparing: bool) {
    ui.horizontal(|ui| {
        let compare = comparing.then_some((Tab::Compare, Command::Compare));
        for (t, c) in [
            (Tab::Scorecard, Command::ShowScorecard),
            (Tab::Ranking, Command::ShowRanking),
            (Tab::Charts, Command::ShowCharts),
            (Tab::Workshop, Command::ShowWorkshop),
        ]
        .into_iter()
        .chain(compare)
        {
            let label = if t == Tab::Compare {
                "Year on year"
            } else {
                c.label()
            };
            let text = egui::RichText::new(label).heading();
            let hint = widgets::with_shortcut(ui.ctx(), c);
            if ui
                .selectable_label(*tab == t, text)
                .on_hover_text(hint)
                .clicked()
            {
                *tab = t;
            }
        }
    });
}
