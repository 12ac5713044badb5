//! Presenter mode's keys: next and previous theme, reveal, the timer, the join screen and the
//! ranking reveal, handled before any panel sees them.

use std::time::Instant;

use crate::document::Document;
use crate::state::Action;
use crate::state::live::LiveAction;
use crate::state::view::ViewState;

/// Keys in presenter mode. Returns the actions to run.
pub fn presenter_keys(
    ctx: &egui::Context,
    doc: &Document,
    view: &mut ViewState,
    live: Option<&crate::state::live::LiveView>,
) -> Vec<Action> {
    use egui::Key;
    let mut out = Vec::new();
    let Some(p) = view.presenter.as_mut() else {
        return out;
    };
    let pressed = |keys: &[Key]| {
        ctx.input_mut(|i| {
            keys.iter()
                .any(|k| i.consume_key(egui::Modifiers::NONE, *k))
        })
    };
    let n = doc.card.themes.len();
    let ranked = doc.ranking.rows.iter().filter(|r| r.rank.is_some()).count();
    if pressed(&[Key::Escape]) {
        if p.ranking.is_some() {
            p.ranking = None;
        } else {
            out.push(Action::Command(crate::state::Command::Presenter));
        }
        return out;
    }
    if let Some(live) = live {
        // Live voting: J shows the join screen again (or leaves it); on a theme, O opens it
        // on the phones and L locks or unlocks its round.
        if pressed(&[Key::J]) {
            p.join = !p.join;
            return out;
        }
        if p.join {
            if pressed(&[Key::ArrowRight, Key::Space, Key::Enter]) {
                p.join = false;
            }
            return out;
        }
        if let Some(t) = doc.card.themes.get(p.index) {
            if pressed(&[Key::O]) {
                out.push(Action::Live(LiveAction::Open(t.id.clone())));
            }
            if pressed(&[Key::L]) {
                out.push(Action::Live(LiveAction::Lock(!live.session.locked)));
            }
        }
    }
    let next = pressed(&[Key::ArrowRight, Key::ArrowDown, Key::PageDown, Key::Space]);
    let prev = pressed(&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp]);
    if let Some(shown) = &mut p.ranking {
        if next {
            *shown = (*shown + 1).min(ranked);
        }
        if prev {
            *shown = shown.saturating_sub(1);
        }
        return out;
    }
    let before = p.index;
    if next && p.index + 1 < n {
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
    if pressed(&[Key::R]) {
        out.push(Action::Command(crate::state::Command::RevealVotes));
    }
    if pressed(&[Key::T]) {
        p.timer = match p.timer {
            Some(_) => None,
            None => Some(Instant::now()),
        };
    }
    if pressed(&[Key::Enter]) {
        p.ranking = Some(0);
    }
    out
}
