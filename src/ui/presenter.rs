//! Presenter mode, for the room's projector: full screen in the projector theme, one theme at a
//! time with its factors, descriptors and evidence, votes hidden until revealed, progress and an
//! optional timer, then a final ranking reveal from the bottom up. Text is drawn at 28–48 px
//! so it reads at the back of a room at 1920×1080.

use std::time::Instant;

use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Ui, pos2, vec2};

use crate::document::Document;
use crate::look::Look;
use crate::model::method::Factor;
use crate::model::ranking::RankedTheme;
use crate::model::workshop::{current_round, round_stats};
use crate::model::{Scale, Theme, Value};
use crate::state::view::{PresenterView, ViewState};
use crate::ui::style::{self, band_color, on_band, warning_color};

use super::presenter_fit::{BODY, Fit, ROW_GAP};
use super::presenter_reveal::ranking_reveal_ui;

/// Draws presenter mode.
pub fn presenter_ui(ui: &mut Ui, cx: &crate::ui::PanelCtx<'_>, view: &mut ViewState) {
    let (doc, live) = (cx.doc, cx.live);
    let Some(p) = view.presenter.as_mut() else {
        return;
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::central_panel(ui.style()).inner_margin(28.0))
        .show(ui, |ui| {
            if let Some(live) = live.filter(|_| p.join) {
                crate::ui::join_screen::join_screen_ui(ui, doc, live);
            } else if let Some(shown) = p.ranking {
                ranking_reveal_ui(ui, cx, shown);
            } else if let Some(theme) = doc.card.themes.get(p.index) {
                theme_page_ui(ui, doc, theme, p, live);
            } else {
                ui.label(RichText::new("This scorecard has no themes yet.").size(BODY));
            }
        });
}

fn theme_page_ui(
    ui: &mut Ui,
    doc: &Document,
    theme: &Theme,
    p: &PresenterView,
    live: Option<&crate::state::live::LiveView>,
) {
    let fit = Fit::new(ui, doc, ui.available_height(), ui.available_width());
    // The round open on phones (a new one is empty until its first vote), else the latest.
    let round = live
        .and_then(|l| l.session.open.as_ref())
        .filter(|(id, _)| id == &theme.id)
        .map_or_else(|| current_round(theme), |(_, r)| *r);
    let page = Page {
        doc,
        theme,
        round,
        revealed: theme.votes_shown(round),
        fit,
    };
    let top = top_line(ui, &page, p, live);
    ui.label(RichText::new(top).size(fit.small));
    let width = ui.available_width();
    let text = ui.visuals().text_color();
    let line = |ui: &mut Ui, t: &str, font: FontId| {
        let g = crate::ui::widgets::elided(ui, t.to_owned(), font, text, width);
        let (r, resp) = ui.allocate_exact_size(g.size(), Sense::hover());
        ui.painter().galley(r.min, g, text);
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, t));
    };
    line(ui, &theme.name, FontId::proportional(fit.heading));
    for t in [&theme.description, &theme.evidence] {
        if !t.is_empty() {
            // One line each: the full text is on the scorecard and in the report.
            line(ui, t.as_str(), FontId::proportional(fit.small));
        }
    }
    ui.add_space(6.0);
    sections_ui(ui, &page);
    ui.add_space(6.0);
    let keys = if live.is_some() {
        "Left/Right theme   ·   O open on phones   ·   L lock   ·   R reveal   ·   J join screen   ·   Esc leave"
    } else {
        "Left/Right theme   ·   R reveal   ·   T timer   ·   Enter final ranking   ·   Esc leave"
    };
    ui.label(RichText::new(keys).size(fit.small).weak());
}

/// One theme's page: what every part of it reads.
struct Page<'a> {
    doc: &'a Document,
    theme: &'a Theme,
    /// The round shown, and whether its votes are.
    round: u32,
    revealed: bool,
    fit: Fit,
}

/// "Theme 3 of 12 · Violence · 02:15 · votes hidden", and live voting's state.
fn top_line(
    ui: &Ui,
    page: &Page<'_>,
    p: &PresenterView,
    live: Option<&crate::state::live::LiveView>,
) -> String {
    let (doc, theme, revealed) = (page.doc, page.theme, page.revealed);
    let n = doc.card.themes.len();
    let mut top = format!("Theme {} of {n}", p.index + 1);
    if !theme.category.is_empty() {
        top.push_str(&format!("  ·  {}", theme.category));
    }
    if let Some(start) = p.timer {
        let secs = Instant::now().duration_since(start).as_secs();
        top.push_str(&format!("  ·  {:02}:{:02}", secs / 60, secs % 60));
        // The clock is the only thing that changes on its own; wake once a second for it.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }
    top.push_str(if revealed {
        "  ·  votes shown"
    } else {
        "  ·  votes hidden"
    });
    if let Some(live) = live {
        top.push_str(&live_status(doc, theme, live));
    }
    top
}

/// The method's sections and their factors, in two columns when the screen allows (about
/// half the factors each).
fn sections_ui(ui: &mut Ui, page: &Page<'_>) {
    let (doc, fit) = (page.doc, page.fit);
    let row = doc.row(&page.theme.id);
    let sections = &doc.card.method.sections;
    // Two columns split the sections between them, about half the factors each.
    let total: usize = sections.iter().map(|s| s.factors.len()).sum();
    let mut split = sections.len();
    if fit.columns == 2 {
        let mut acc = 0;
        split = sections
            .iter()
            .position(|s| {
                acc += s.factors.len();
                acc * 2 >= total
            })
            .map_or(sections.len(), |i| i + 1);
    }
    let column = |ui: &mut Ui, part: &[crate::model::method::Section]| {
        ui.spacing_mut().item_spacing.y = ROW_GAP;
        for section in part {
            ui.label(
                RichText::new(section.label.to_uppercase())
                    .size(fit.small)
                    .weak(),
            );
            for factor in &section.factors {
                factor_line_ui(ui, page, factor, row);
            }
        }
    };
    if fit.columns == 2 {
        ui.columns(2, |cols| {
            column(&mut cols[0], &sections[..split]);
            column(&mut cols[1], &sections[split..]);
        });
    } else {
        column(ui, sections);
    }
}

/// One factor: its label, the effective level and its descriptor, and the room's votes, in
/// three columns that never overlap.
fn factor_line_ui(ui: &mut Ui, page: &Page<'_>, factor: &Factor, row: Option<&RankedTheme>) {
    let (theme, revealed, fit) = (page.theme, page.revealed, page.fit);
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), fit.row_h), Sense::hover());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, factor.label.as_str()));
    let text = ui.visuals().text_color();
    let body = FontId::proportional(fit.body);
    let small = FontId::proportional(fit.small);
    let name = crate::ui::widgets::elided(ui, factor.label.clone(), body, text, fit.label_w - 8.0);
    let at = pos2(rect.left(), rect.center().y - name.size().y / 2.0);
    ui.painter_at(rect).galley(at, name, text);
    let result = row.and_then(|r| r.factors.iter().find(|f| f.factor == factor.id));
    let value = result.and_then(|r| r.value);
    let agreed = theme.scores.get(&factor.id).and_then(|s| s.agreed.as_ref());
    let shown = if revealed || agreed.is_some() {
        value
    } else {
        None
    };
    let level_text = level_text(factor, shown);
    // Hidden votes show only "8 votes in": the descriptor gets the room the boxes would take.
    let votes_w = if revealed {
        fit.votes_w
    } else {
        (fit.small * 6.5).min(fit.votes_w)
    };
    let mid = Rect::from_min_max(
        pos2(rect.left() + fit.label_w, rect.top()),
        pos2(rect.right() - votes_w - 10.0, rect.bottom()),
    );
    let galley = crate::ui::widgets::elided(ui, level_text, small.clone(), text, mid.width() - 8.0);
    let at = pos2(mid.left(), mid.center().y - galley.size().y / 2.0);
    ui.painter_at(mid).galley(at, galley, text);
    let votes = Rect::from_min_max(
        pos2(rect.right() - votes_w, rect.top() + 3.0),
        pos2(rect.right(), rect.bottom() - 3.0),
    );
    votes_ui(ui, page, factor, votes);
}

/// The effective level as the room sees it: "label — descriptor", or the number.
fn level_text(factor: &Factor, shown: Option<Value>) -> String {
    match shown.and_then(|v| factor.scale.level(v)) {
        Some(l) => format!("{} — {}", l.label, l.descriptor),
        None => match (shown, &factor.scale) {
            (Some(v @ Value::Number(_)), Scale::Range { .. }) => factor.scale.code(v),
            _ => String::new(),
        },
    }
}

/// The room's votes on a factor: how many are in while hidden; once shown, a strip of counts
/// per level and "contested" where the room is split.
fn votes_ui(ui: &mut Ui, page: &Page<'_>, factor: &Factor, votes: Rect) {
    let (doc, theme, round, revealed, fit) =
        (page.doc, page.theme, page.round, page.revealed, page.fit);
    let text = ui.visuals().text_color();
    let small = FontId::proportional(fit.small);
    let agreed = theme.scores.get(&factor.id).and_then(|s| s.agreed.as_ref());
    let painter = ui.painter_at(votes);
    let stats = round_stats(&doc.card, theme, factor, round.max(1));
    let count = stats.spread.as_ref().map_or(0, |s| s.count);
    let word = |msg: &str, color: Color32| {
        painter.text(
            votes.left_center(),
            Align2::LEFT_CENTER,
            msg,
            small.clone(),
            color,
        );
    };
    if !revealed {
        let msg = match (count, agreed) {
            (_, Some(_)) => "agreed".to_owned(),
            (0, None) => "no votes yet".to_owned(),
            (1, None) => "1 vote in".to_owned(),
            (n, None) => format!("{n} votes in"),
        };
        word(&msg, text);
        return;
    }
    if count == 0 {
        let msg = if agreed.is_some() {
            "agreed"
        } else {
            "no votes"
        };
        word(msg, ui.visuals().weak_text_color());
        return;
    }
    let contested = stats.spread.as_ref().is_some_and(|s| s.contested) && agreed.is_none();
    let strip = Rect::from_min_max(
        votes.min,
        pos2(votes.right() - fit.small * 5.5, votes.bottom()),
    );
    counts_strip(
        ui,
        strip,
        page,
        factor,
        stats.value,
        agreed.map(|a| a.value),
    );
    if contested {
        painter.text(
            votes.right_center(),
            Align2::RIGHT_CENTER,
            "contested",
            small,
            warning_color(Look::Projector),
        );
    }
}

/// How many voted for each level: one box per level with its code and count, the median
/// outlined and the agreed value filled.
fn counts_strip(
    ui: &Ui,
    rect: Rect,
    page: &Page<'_>,
    factor: &Factor,
    median: Option<Value>,
    agreed: Option<Value>,
) {
    let (theme, round, size) = (page.theme, page.round, page.fit.small);
    let Scale::Levels(levels) = &factor.scale else {
        let text = median.map_or_else(String::new, |v| format!("median {}", factor.scale.code(v)));
        ui.painter().text(
            rect.left_center(),
            Align2::LEFT_CENTER,
            text,
            FontId::proportional(size),
            ui.visuals().text_color(),
        );
        return;
    };
    let votes: Vec<Value> = theme
        .scores
        .get(&factor.id)
        .map(|s| s.round_values(round))
        .unwrap_or_default();
    let w = (rect.width() / levels.len() as f32).min(size * 4.0);
    let painter = ui.painter_at(rect);
    for (i, level) in levels.iter().enumerate() {
        let v = Value::Level(i as u16);
        let n = votes.iter().filter(|&&x| x == v).count();
        let cell = Rect::from_min_size(
            pos2(rect.left() + w * i as f32, rect.top()),
            vec2(w - 6.0, rect.height()),
        );
        let fill = if agreed == Some(v) {
            band_color(3)
        } else if n > 0 {
            style::color(crate::look::presenter::VOTED)
        } else {
            style::color(crate::look::presenter::EMPTY)
        };
        painter.rect_filled(cell, 4.0, fill);
        if median == Some(v) {
            painter.rect_stroke(
                cell,
                4.0,
                egui::Stroke::new(3.0, Color32::BLACK),
                egui::StrokeKind::Inside,
            );
        }
        painter.text(
            cell.center(),
            Align2::CENTER_CENTER,
            format!("{} {n}", level.code),
            FontId::proportional(size * 0.9),
            on_band(),
        );
    }
}

/// "On phones: voting open, 7 complete, 3 partly of 10" for the theme open on phones, else
/// how to open it.
fn live_status(doc: &Document, theme: &Theme, live: &crate::state::live::LiveView) -> String {
    match &live.session.open {
        Some((id, round)) if *id == theme.id => {
            let turnout = crate::model::workshop::turnout(&doc.card, theme, *round).describe();
            let state = if theme.votes_shown(*round) {
                "closed"
            } else if live.session.locked {
                "locked"
            } else {
                "voting open"
            };
            format!("  ·  on phones: {state}, {turnout}")
        }
        _ => "  ·  O: open on phones".to_owned(),
    }
}
