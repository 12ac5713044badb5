//! Keyboard control: every command's shortcut, and, when no text field has focus, up and down
//! between themes, Tab and Shift+Tab between factors, and number keys to set a level.

use egui::{Key, Modifiers};

use crate::model::{Edit, Scale, Value};
use crate::state::view::Tab;
use crate::state::{Action, Command, State};

/// Reads this frame's keys and queues what they ask for.
pub fn handle(ctx: &egui::Context, app: &mut State) {
    // While typing, only Ctrl shortcuts are commands; Enter, Delete, F2 and Alt+arrows
    // belong to the text field.
    let typing = ctx.text_edit_focused();
    command_keys(ctx, app, typing);
    // Typing in a text field keeps its keys; otherwise arrows, Tab and numbers score.
    if typing {
        return;
    }
    if app.view.presenter.is_some() {
        for a in crate::ui::presenter_keys::presenter_keys(
            ctx,
            &app.doc,
            &mut app.view,
            app.live.as_ref(),
        ) {
            app.push(a);
        }
        return;
    }
    let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    if pressed(Key::PageDown) {
        move_selection(app, 1);
    }
    if pressed(Key::PageUp) {
        move_selection(app, -1);
    }
    if app.view.tab == Tab::Workshop {
        let mut out = Vec::new();
        crate::ui::vote_keys::grid_keys(ctx, &app.doc, &mut app.view, &mut out);
        for a in out {
            app.push(a);
        }
        return;
    }
    if pressed(Key::ArrowDown) {
        move_selection(app, 1);
    }
    if pressed(Key::ArrowUp) {
        move_selection(app, -1);
    }
    if app.view.tab == Tab::Scorecard {
        scorecard_keys(ctx, app);
    }
}

/// Every command's shortcut. In presenter mode plain keys drive the presentation; only Ctrl
/// shortcuts and F5 act.
fn command_keys(ctx: &egui::Context, app: &mut State, typing: bool) {
    let presenting = app.view.presenter.is_some();
    // A number being typed into the vote grid is committed by Enter, not taken for *Edit note*.
    let grid_entry = app.view.tab == Tab::Workshop && !app.view.workshop.entry.is_empty();
    for c in Command::ALL {
        if grid_entry && c == Command::EditNote {
            continue;
        }
        let usable = |s: &&egui::KeyboardShortcut| {
            s.modifiers.command || (!typing && (!presenting || c == Command::Presenter))
        };
        let hit = ctx.input_mut(|i| {
            c.shortcut()
                .as_ref()
                .filter(usable)
                .is_some_and(|s| consume_exact(i, s))
                || c.extra_shortcuts()
                    .iter()
                    .filter(usable)
                    .any(|s| consume_exact(i, s))
        });
        if hit && app.enabled(c) {
            app.push(Action::Command(c));
        }
    }
}

/// The Scorecard tab: Tab and Shift+Tab between factors, numbers to set a level.
fn scorecard_keys(ctx: &egui::Context, app: &mut State) {
    let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    let factors = app.doc.card.method.factors().count();
    if factors > 0 {
        let back = ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Tab));
        let forward = !back && pressed(Key::Tab);
        if back || forward {
            let step = if back { factors - 1 } else { 1 };
            app.view.factor_cursor = (app.view.factor_cursor + step) % factors;
            app.view.scroll_to_factor = true;
            // egui has already moved its own focus ring on Tab; the factor cursor replaces it.
            if let Some(id) = ctx.memory(|m| m.focused()) {
                ctx.memory_mut(|m| m.surrender_focus(id));
            }
        }
        app.view.factor_cursor = app.view.factor_cursor.min(factors - 1);
    }
    for (n, key) in NUMBER_KEYS.iter().enumerate() {
        if pressed(*key) {
            set_by_number(app, n);
        }
    }
    // D accepts the data's suggestion for the keyboard's factor (nothing when there is none).
    let ruled = app
        .doc
        .card
        .method
        .factors()
        .nth(app.view.factor_cursor)
        .filter(|(_, f)| f.data.is_some())
        .map(|(_, f)| f.id.clone());
    if let (Some(theme), Some(factor)) = (app.selected().cloned(), ruled)
        && pressed(Key::D)
    {
        app.push(Action::edit(Edit::FromData { theme, factor }));
    }
}

/// Consumes a press of exactly this shortcut. egui's own `consume_shortcut` ignores an extra
/// Shift or Alt, so Ctrl+Shift+S would be taken as Ctrl+S (Save, not Save as). Only keys that
/// need Shift to be typed on some layouts (`+`) may come with or without it.
pub fn consume_exact(i: &mut egui::InputState, s: &egui::KeyboardShortcut) -> bool {
    let shift_free = matches!(s.logical_key, Key::Plus);
    let mut hit = false;
    i.events.retain(|e| {
        let m = match e {
            egui::Event::Key {
                key,
                modifiers,
                pressed: true,
                ..
            } if *key == s.logical_key => {
                let mut m = *modifiers;
                if shift_free {
                    m.shift = s.modifiers.shift;
                }
                m.matches_exact(s.modifiers)
            }
            _ => false,
        };
        hit |= m;
        !m
    });
    hit
}

const NUMBER_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// Moves the selection through the theme list in its current (filtered) order.
fn move_selection(app: &mut State, step: isize) {
    let ids = crate::ui::theme_list::visible_ids(&app.doc, &app.view);
    if ids.is_empty() {
        return;
    }
    let at = app
        .selected()
        .and_then(|s| ids.iter().position(|id| id == s));
    let next = match at {
        Some(i) => (i as isize + step).clamp(0, ids.len() as isize - 1) as usize,
        None => 0,
    };
    app.push(Action::Select(ids[next].clone()));
}

/// Number key `n` (0-based) sets the focused factor's n-th level.
fn set_by_number(app: &mut State, n: usize) {
    let Some(theme) = app.selected().cloned() else {
        return;
    };
    let Some((_, factor)) = app.doc.card.method.factors().nth(app.view.factor_cursor) else {
        return;
    };
    let value = match &factor.scale {
        Scale::Levels(levels) if n < levels.len() => Value::Level(n as u16),
        // On a range scale, 1–9 pick that number when it is in range.
        Scale::Range { .. } => match factor.scale.number(n as i64 + 1) {
            Ok(v) => v,
            Err(_) => return,
        },
        Scale::Levels(_) => return,
    };
    app.push(Action::edit(Edit::SetDraft {
        theme,
        factor: factor.id.clone(),
        value: Some(value),
    }));
}
