//! The charts tab. Each chart is drawn by `chart::draw` into a texture kept in
//! [`ChartCache`] and redrawn only when the data, the size, the look, the cut line or the
//! selection change.
//! Hovering a mark names the theme; clicking it selects the theme.

use egui::{Sense, Ui};

use super::chart_cache::{ChartCache, ChartKey, FigureKey};

use crate::chart::{self, ChartKind, Mark};
use crate::document::Document;
use crate::look::Look;
use crate::state::Action;
use crate::state::view::ViewState;

/// Draws the charts tab.
pub fn charts_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &mut ViewState,
    cache: &mut ChartCache,
    out: &mut Vec<Action>,
) {
    let (doc, look) = (cx.doc, cx.look);
    let avail_before = ui.available_size();
    // Wrapped, so the projector look's larger text never widens the panel past the window.
    ui.horizontal_wrapped(|ui| toolbar_ui(ui, cx, view, avail_before, out));
    let avail = ui.available_size();
    let ppp = ui.ctx().pixels_per_point();
    let size = [
        (avail.x * ppp).max(64.0) as u32,
        (avail.y * ppp).max(64.0) as u32,
    ];
    let kind = view.chart;
    // Only the rank acceptability chart reads the stability figures (of this generation).
    let figures = cx
        .figures_now()
        .filter(|_| kind == ChartKind::Acceptability);
    let key = ChartKey {
        generation: doc.generation,
        size,
        look,
        cut: doc.ranking.cut,
        selected: view.selected.clone(),
        figures: figures.map(|r| r.generation),
    };
    cache.refresh_chart(ui.ctx(), doc, kind, key, ppp, figures.map(|r| &r.stability));
    let Some(entry) = cache.entry(kind) else {
        let why = cache.error.as_deref().unwrap_or("unknown error");
        ui.label(format!("The chart could not be drawn: {why}"));
        return;
    };
    let image = egui::Image::new(&entry.texture)
        .fit_to_exact_size(avail)
        .sense(Sense::click());
    let response = ui.add(image);
    let title = kind.title();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, format!("{title} chart"))
    });
    if let Some(mark) = mark_under(&response, entry.key.size, &entry.marks) {
        mark_ui(doc, &response, mark, out);
    }
}

/// The chart choice, the cut line and "Export this chart…" (at the size it is shown).
fn toolbar_ui(
    ui: &mut Ui,
    cx: &crate::ui::PanelCtx<'_>,
    view: &mut ViewState,
    shown: egui::Vec2,
    out: &mut Vec<Action>,
) {
    for kind in ChartKind::ALL {
        ui.selectable_value(&mut view.chart, kind, kind.title());
    }
    ui.separator();
    super::widgets::cut_ui(ui, cx.doc, ("Cut line: top", ""), out);
    ui.separator();
    if ui
        .button("Export this chart…")
        .on_hover_text("Save it as PNG or SVG, as it looks now")
        .clicked()
    {
        let mut request = crate::export::ExportRequest::new(crate::export::ExportFormat::Png);
        request.chart = view.chart.into();
        request.cut = cx.doc.ranking.cut;
        request.look = cx.look;
        let px = |points: f32| ((points * ui.ctx().pixels_per_point()) as u32).clamp(200, 8000);
        request.size = (px(shown.x), px(shown.y));
        view.export = Some(request);
    }
}

/// A theme's point under the pointer: what it is on hover, selected on a click.
fn mark_ui(doc: &Document, response: &egui::Response, mark: &Mark, out: &mut Vec<Action>) {
    if let Some(row) = doc.row(&mark.theme) {
        use crate::report::row::{RowText, dash};
        let t = RowText::of(row);
        let (risk, band, outcome, rank) = (
            dash(&t.risk),
            dash(&t.band),
            dash(&t.outcome),
            dash(&t.rank),
        );
        response.clone().on_hover_text(format!(
            "{}\nRank {rank} · Risk {risk} · {band}\n{outcome}\nClick to select",
            mark.name
        ));
    }
    if response.clicked() {
        out.push(Action::Select(mark.theme.clone()));
    }
}

/// The mark under the pointer. Marks are in the texture's pixels; the image may be stretched
/// while the window is resized.
fn mark_under<'a>(
    response: &egui::Response,
    size: [u32; 2],
    marks: &'a [Mark],
) -> Option<&'a Mark> {
    let pos = response.hover_pos()?;
    let rect = response.rect;
    let sx = size[0] as f32 / rect.width().max(1.0);
    let sy = size[1] as f32 / rect.height().max(1.0);
    let (px, py) = ((pos.x - rect.left()) * sx, (pos.y - rect.top()) * sy);
    marks.iter().rev().find(|m| m.hit(px, py, 3.0))
}

/// The vote strip plot of a theme and round, as a cached texture (redrawn only when the
/// document, size, look, theme or round change).
pub fn votes_plot_ui(
    ui: &mut Ui,
    doc: &Document,
    theme: &crate::model::Theme,
    round: u32,
    cache: &mut ChartCache,
    look: Look,
) {
    let figure = chart::Figure::Votes {
        card: &doc.card,
        theme,
        round,
    };
    let detail = format!("{}/{round}", theme.id);
    let shown = Shown {
        name: "votes",
        label: "Vote strip plot",
        generation: doc.generation,
        detail,
        height: crate::chart::strip::height_for(doc.card.method.factors().count()),
        marking: &doc.card.marking,
    };
    figure_ui(ui, cache, look, &shown, &figure);
}

/// A side figure to show.
pub struct Shown<'a> {
    /// Cache slot and texture name.
    pub name: &'static str,
    /// Accessible label.
    pub label: &'a str,
    /// The data's generation.
    pub generation: u64,
    /// Whatever else the picture depends on.
    pub detail: String,
    /// Height in points (the width fills the panel).
    pub height: f32,
    /// The protective marking for the caption.
    pub marking: &'a str,
}

/// Shows a figure as a texture, drawn again only when its data, size or look change. Returns
/// the image's response and the mark under the pointer, if any.
pub fn figure_ui(
    ui: &mut Ui,
    cache: &mut ChartCache,
    look: Look,
    shown: &Shown<'_>,
    figure: &chart::Figure<'_>,
) -> Option<(egui::Response, Option<Mark>)> {
    let ppp = ui.ctx().pixels_per_point();
    let width = ui.available_width().max(200.0);
    let size = egui::vec2(width, shown.height);
    let key = FigureKey {
        generation: shown.generation,
        size: [(size.x * ppp) as u32, (size.y * ppp) as u32],
        look,
        detail: shown.detail.clone(),
    };
    if let Err(e) = cache.refresh_figure(ui.ctx(), shown.name, key.clone(), figure, shown.marking) {
        ui.label(format!("The {} could not be drawn: {e}", shown.label));
        return None;
    }
    let (key, texture, marks) = cache.figures.get(shown.name)?;
    let r = ui.add(
        egui::Image::new(texture)
            .fit_to_exact_size(size)
            .sense(Sense::click()),
    );
    let label = shown.label.to_owned();
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let mark = mark_under(&r, key.size, marks).cloned();
    Some((r, mark))
}
