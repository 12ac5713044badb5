//! Presenter mode's keys: next and previous theme, reveal, the timer, the join screen and the
//! ranking reveal, handled before any panel sees them.

use std::time::Instant;

use egui::Key;

use crate::document::Document;
use crate::state::live::{LiveAction, LiveView};
use crate::state::view::{PresenterView, ViewState};
use crate::state::{Action, Command};

/// Consumes a press of any of `keys` (without modifiers).
fn pressed(ctx: &egui::Context, keys: &[Key]) -> bool {
    ctx.input_mut(|i| {
        keys.iter()
            .any(|k| i.consume_key(egui::Modifiers::NONE, *k))
    })
}

/// Keys in presenter mode. Returns the actions to run.
pub fn presenter_keys(
    ctx: &egui::Context,
    doc: &Document,
    view: &mut ViewState,
    live: Option<&LiveView>,
) -> Vec<Action> {
    let mut out = Vec::new();
    let Some(p) = view.presenter.as_mut() else {
        return out;
    };
    if pressed(ctx, &[Key::Escape]) {
        if p.ranking.is_some() {
            p.ranking = None;
        } else {
            out.push(Action::Command(Command::Presenter));
        }
        return out;
    }
    if let Some(live) = live
        && live_keys(ctx, doc, p, live, &mut out)
    {
        return out;
    }
    let next = pressed(
        ctx,
        &[Key::ArrowRight, Key::ArrowDown, Key::PageDown, Key::Space],
    );
    let prev = pressed(ctx, &[Key::ArrowLeft, Key::ArrowUp, Key::PageUp]);
    if let Some(shown) = &mut p.ranking {
        let ranked = doc.ranking.rows.iter().filter(|r| r.rank.is_some()).count();
        if next {
            *shown = (*shown + 1).min(ranked);
        }
        if prev {
            *shown = shown.saturating_sub(1);
        }
        return out;
    }
    let before = p.index;
    if next && p.index + 1 < doc.card.themes.len() {
        p.index += 1;
    }
    if prev {
        p.index = p.index.saturating_sub(1);
    }
    if p.index != before {
        p.timer = None;
        if let Some(t) = doc.card.themes.get(p.index) {
            out.push(Action::Select(t.id.clone()));
        }
    }
    theme_keys(ctx, p, &mut out);
    out
}

/// Live voting: J shows the join screen again (or leaves it); on a theme, O opens it on the
/// phones and L locks or unlocks its round. True when the key is spent (or the join screen
/// is up, which takes every key).
fn live_keys(
    ctx: &egui::Context,
    doc: &Document,
    p: &mut PresenterView,
    live: &LiveView,
    out: &mut Vec<Action>,
) -> bool {
    if pressed(ctx, &[Key::J]) {
        p.join = !p.join;
        return true;
    }
    if p.join {
        if pressed(ctx, &[Key::ArrowRight, Key::Space, Key::Enter]) {
            p.join = false;
        }
        return true;
    }
    if let Some(t) = doc.card.themes.get(p.index) {
        if pressed(ctx, &[Key::O]) {
            out.push(Action::Live(LiveAction::Open(t.id.clone())));
        }
        if pressed(ctx, &[Key::L]) {
            out.push(Action::Live(LiveAction::Lock(!live.session.locked)));
        }
    }
    false
}

/// On a theme: R reveals the votes, T starts or stops the timer, Enter starts the ranking
/// reveal.
fn theme_keys(ctx: &egui::Context, p: &mut PresenterView, out: &mut Vec<Action>) {
    if pressed(ctx, &[Key::R]) {
        out.push(Action::Command(Command::RevealVotes));
    }
    if pressed(ctx, &[Key::T]) {
        p.timer = match p.timer {
            Some(_) => None,
            None => Some(Instant::now()),
        };
    }
    if pressed(ctx, &[Key::Enter]) {
        p.ranking = Some(0);
    }
}
