//! The panels, one file each. Panels read the document and its one ranking, change only
//! view state, and push [`Action`](crate::state::Action)s for everything else.

mod agree_dialog;
pub mod chart_cache;
pub mod charts_panel;
mod close_calls_panel;
pub mod compare_panel;
pub mod decision_log;
pub mod details_dialog;
pub mod dialogs;
pub mod evidence_dialog;
mod evidence_part;
pub mod evidence_table;
pub mod export_dialog;
pub mod factor_row;
mod frozen;
pub mod import_dialog;
pub mod join_screen;
pub mod keys;
pub mod live_dialog;
pub mod live_panel;
pub mod menu;
pub mod method_view;
pub mod not_written;
pub mod path_dialog;
pub mod presenter;
mod presenter_fit;
pub mod presenter_keys;
mod presenter_reveal;
pub mod ranking_board;
mod ranking_columns;
pub mod rollup_hand;
pub mod rollup_panel;
pub mod scorecard_panel;
pub mod status;
pub mod style;
pub mod theme_list;
pub mod vote_grid;
pub mod vote_keys;
mod vote_shape;
mod vote_stats;
mod widgets;
pub mod workshop_panel;

use crate::state::view::Tab;
use crate::state::{Command, State};

/// What every panel reads this frame, as rerun's `ViewerContext`: the document, its stability
/// figures (of the latest generation worked out, which may lag the document by a change),
/// the look, and live voting while it runs. Panels change only view state and queue actions.
#[derive(Clone, Copy)]
pub struct PanelCtx<'a> {
    /// The open document.
    pub doc: &'a crate::document::Document,
    /// The stability figures, if any have been worked out.
    pub figures: Option<&'a crate::document::Figures>,
    /// Light, dark or projector.
    pub look: crate::look::Look,
    /// Live voting, while it runs.
    pub live: Option<&'a crate::state::live::LiveView>,
    /// The evidence table's rows, worked out once per generation.
    pub evidence_rows: &'a crate::state::evidence::EvidenceRows,
}

impl<'a> PanelCtx<'a> {
    /// The context of a frame of `app`.
    pub fn of(app: &'a State) -> Self {
        Self {
            doc: &app.doc,
            figures: app.figures.as_deref(),
            look: app.prefs.look,
            live: app.live.as_ref(),
            evidence_rows: &app.evidence_rows,
        }
    }

    /// The stability figures if they are for the document as it is now.
    pub fn figures_now(&self) -> Option<&'a crate::document::Figures> {
        self.figures.filter(|f| f.generation == self.doc.generation)
    }
}

/// Draws one frame of the app: presenter mode, or the menu, status bar, theme list and the
/// tab's panel, then the export and import dialogs and the toasts.
pub fn frame_ui(ui: &mut egui::Ui, app: &mut State, charts: &mut chart_cache::ChartCache) {
    let mut out = Vec::new();
    if app.view.presenter.is_none() {
        egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_ui(ui, app, &mut out));
        egui::Panel::bottom("status_bar").show(ui, |ui| status::status_ui(ui, app, &mut out));
    }
    let flags = enabled_flags(app);
    let enabled = |c: Command| flags.iter().any(|&(d, on)| d == c && on);
    let State {
        doc,
        figures,
        live,
        view,
        notes,
        prefs,
        evidence_rows,
        ..
    } = app;
    let cx = PanelCtx {
        doc,
        figures: figures.as_deref(),
        look: prefs.look,
        live: live.as_ref(),
        evidence_rows,
    };
    if view.presenter.is_some() {
        presenter::presenter_ui(ui, &cx, view);
    } else {
        // A quarter of a 1024-pixel screen, so the vote grid's factors fit beside it.
        let list_w = (ui.available_width() * 0.26).clamp(160.0, 300.0);
        // Never more than 30 % of the window (at most 200 points at 150 % zoom on 1024
        // pixels), however wide it was made at another zoom, so the tabs keep their room.
        let list_max = (ui.available_width() * 0.3).max(160.0);
        // The Partnerships tab is about other scorecards: this one's themes give way to it.
        if view.tab != Tab::Rollup {
            egui::Panel::left("theme_list")
                .resizable(true)
                .default_size(list_w)
                .min_size(140.0)
                .max_size(list_max)
                .show(ui, |ui| {
                    theme_list::theme_list_ui(ui, cx.doc, view, &enabled, &mut out);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| tab_ui(ui, &cx, view, charts, &mut out));
        let ctx = ui.ctx().clone();
        export_dialog::export_dialog_ui(&ctx, &mut view.export, &cx.doc.card.marking, &mut out);
        let columns = &prefs.import_columns;
        import_dialog::import_dialog_ui(&ctx, &mut view.import, &cx.doc.card, columns, &mut out);
        evidence_dialog::evidence_dialog_ui(&ctx, &mut view.evidence_form, &mut out);
        details_dialog::details_dialog_ui(&ctx, &mut view.details, &mut out);
        method_view::method_view_ui(&ctx, &mut view.show_method, &cx.doc.card.method);
    }
    status::toasts_ui(ui.ctx(), notes);
    for action in out {
        app.push(action);
    }
}

/// The tab bar and the chosen tab's panel.
fn tab_ui(
    ui: &mut egui::Ui,
    cx: &PanelCtx<'_>,
    view: &mut crate::state::view::ViewState,
    charts: &mut chart_cache::ChartCache,
    out: &mut Vec<crate::state::Action>,
) {
    let rolled_up = view.rollup.is_some() || view.tab == Tab::Rollup;
    tabs_ui(ui, &mut view.tab, view.compare.is_some(), rolled_up);
    ui.separator();
    match view.tab {
        Tab::Scorecard => scorecard_panel::scorecard_ui(ui, cx, view, charts, out),
        Tab::Ranking => ranking_board::ranking_board_ui(ui, cx, view, out),
        Tab::Workshop => workshop_panel::workshop_ui(ui, cx, view, charts, out),
        Tab::Charts => charts_panel::charts_ui(ui, cx, view, charts, out),
        Tab::Compare => compare_panel::compare_ui(ui, cx, view, charts, out),
        Tab::Evidence => evidence_table::evidence_table_ui(ui, cx, view, out),
        Tab::Rollup => rollup_panel::rollup_ui(ui, cx, view, charts, out),
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

fn tabs_ui(ui: &mut egui::Ui, tab: &mut Tab, comparing: bool, rolled_up: bool) {
    ui.horizontal_wrapped(|ui| {
        let compare = comparing.then_some((Tab::Compare, Command::Compare));
        let rollup = rolled_up.then_some((Tab::Rollup, Command::CompareAreas));
        for (t, c) in [
            (Tab::Scorecard, Command::ShowScorecard),
            (Tab::Ranking, Command::ShowRanking),
            (Tab::Charts, Command::ShowCharts),
            (Tab::Workshop, Command::ShowWorkshop),
            (Tab::Evidence, Command::ShowEvidence),
        ]
        .into_iter()
        .chain(compare)
        .chain(rollup)
        {
            let label = match t {
                Tab::Compare => "Year on year",
                Tab::Rollup => "Partnerships",
                _ => c.label(),
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
