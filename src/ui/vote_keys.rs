//! Keyboard entry for the workshop's vote grid: arrows move the cell; a digit sets the n-th
//! level and moves right (then to the next person), so a row of digits can be typed as people
//! call them out. On a number scale digits collect until Enter or an arrow. Backspace clears
//! the cell; A agrees the column's factor.

use crate::document::Document;
use crate::model::method::Factor;
use crate::model::{Edit, Scale, Value};
use crate::state::Action;
use crate::state::modal::Modal;
use crate::state::view::ViewState;
use crate::ui::vote_grid::{current_round, grid_people};

/// Keyboard entry for the grid.
pub fn grid_keys(ctx: &egui::Context, doc: &Document, view: &mut ViewState, out: &mut Vec<Action>) {
    let Some(theme) = view.selected.as_ref().and_then(|id| doc.card.theme(id)) else {
        return;
    };
    let people = grid_people(doc);
    let factors: Vec<&Factor> = doc.card.method.factors().map(|(_, f)| f).collect();
    if people.is_empty() || factors.is_empty() {
        return;
    }
    let round = current_round(view, theme);
    let (rows, cols) = (people.len(), factors.len());
    let w = &mut view.workshop;
    w.cursor = (w.cursor.0.min(rows - 1), w.cursor.1.min(cols - 1));
    let pressed = |key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
    let set = |out: &mut Vec<Action>, (r, c): (usize, usize), value: Option<Value>| {
        out.push(Action::edit(Edit::SetVote {
            theme: theme.id.clone(),
            factor: factors[c].id.clone(),
            participant: people[r].id.clone(),
            round,
            value,
        }));
    };
    let advance = |cursor: &mut (usize, usize)| {
        *cursor = if cursor.1 + 1 < cols {
            (cursor.0, cursor.1 + 1)
        } else {
            ((cursor.0 + 1) % rows, 0)
        };
    };
    let commit_number = |w: &mut crate::state::view::WorkshopView, out: &mut Vec<Action>| {
        if let (Ok(n), Scale::Range { min, max }) =
            (w.entry.parse::<i32>(), &factors[w.cursor.1].scale)
            && (*min..=*max).contains(&n)
        {
            set(out, w.cursor, Some(Value::Number(n)));
        }
        w.entry.clear();
    };
    for (n, key) in DIGITS.iter().enumerate() {
        if !pressed(*key) {
            continue;
        }
        match &factors[w.cursor.1].scale {
            Scale::Levels(levels) if (1..=levels.len()).contains(&n) => {
                set(out, w.cursor, Some(Value::Level((n - 1) as u16)));
                advance(&mut w.cursor);
            }
            Scale::Range { .. } => w.entry.push(char::from(b'0' + n as u8)),
            Scale::Levels(_) => {}
        }
    }
    if pressed(egui::Key::Enter) && !w.entry.is_empty() {
        commit_number(w, out);
        advance(&mut w.cursor);
    }
    if pressed(egui::Key::Backspace) && w.entry.pop().is_none() {
        set(out, w.cursor, None);
    }
    // A: agree the value of the cursor's factor (the round's median is offered).
    if pressed(egui::Key::A) {
        let f = factors[w.cursor.1];
        let agreed = theme
            .scores
            .get(&f.id)
            .and_then(|s| s.agreed.as_ref())
            .map(|a| a.value);
        let median = crate::model::workshop::round_stats(&doc.card, theme, f, round).value;
        out.push(Action::Dialog(Modal::Agree {
            theme: theme.id.clone(),
            factor: f.id.clone(),
            suggested: agreed.or(median),
        }));
    }
    for (key, dr, dc) in [
        (egui::Key::ArrowRight, 0, 1),
        (egui::Key::ArrowLeft, 0, -1),
        (egui::Key::ArrowDown, 1, 0),
        (egui::Key::ArrowUp, -1, 0),
    ] {
        if pressed(key) {
            if !w.entry.is_empty() {
                commit_number(w, out);
            }
            let r = (w.cursor.0 as isize + dr).clamp(0, rows as isize - 1) as usize;
            let c = (w.cursor.1 as isize + dc).clamp(0, cols as isize - 1) as usize;
            w.cursor = (r, c);
        }
    }
}

const DIGITS: [egui::Key; 10] = [
    egui::Key::Num0,
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];
