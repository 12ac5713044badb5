//! Keyboard entry for the workshop's vote grid: arrows move the cell; a digit sets the n-th
//! level and moves right (then to the next person), so a row of digits can be typed as people
//! call them out. On a number scale digits collect until Enter or an arrow. Backspace clears
//! the cell; A agrees the column's factor.

use crate::document::Document;
use crate::model::method::Factor;
use crate::model::scorecard::Participant;
use crate::model::{Edit, Scale, Theme, Value};
use crate::state::Action;
use crate::state::modal::Modal;
use crate::state::view::{ViewState, WorkshopView};
use crate::ui::vote_grid::{current_round, grid_people};

/// The grid the keys act on.
struct Grid<'a> {
    theme: &'a Theme,
    people: Vec<&'a Participant>,
    factors: Vec<&'a Factor>,
    round: u32,
}

impl Grid<'_> {
    /// Sets (or clears) the vote at a cell.
    fn set(&self, out: &mut Vec<Action>, cursor: (usize, usize), value: Option<Value>) {
        let (r, c) = cursor;
        out.push(Action::edit(Edit::SetVote {
            theme: self.theme.id.clone(),
            factor: self.factors[c].id.clone(),
            participant: self.people[r].id.clone(),
            round: self.round,
            value,
        }));
    }

    /// The next cell to the right, then the next person's first.
    fn advance(&self, cursor: &mut (usize, usize)) {
        *cursor = if cursor.1 + 1 < self.factors.len() {
            (cursor.0, cursor.1 + 1)
        } else {
            ((cursor.0 + 1) % self.people.len(), 0)
        };
    }

    /// Sets the number typed so far, if the scale allows it, and clears the entry; false
    /// (the entry kept, to be corrected) if it is not on the scale.
    fn commit_number(&self, w: &mut WorkshopView, out: &mut Vec<Action>) -> bool {
        let scale = &self.factors[w.cursor.1].scale;
        if matches!(scale, Scale::Range { .. })
            && let Ok(v) = scale.parse(&w.entry)
        {
            self.set(out, w.cursor, Some(v));
            w.entry.clear();
            return true;
        }
        false
    }
}

/// Keyboard entry for the grid.
pub fn grid_keys(ctx: &egui::Context, doc: &Document, view: &mut ViewState, out: &mut Vec<Action>) {
    let Some(theme) = view.selected.as_ref().and_then(|id| doc.card.theme(id)) else {
        return;
    };
    let grid = Grid {
        theme,
        people: grid_people(doc),
        factors: doc.card.method.factors().map(|(_, f)| f).collect(),
        round: current_round(view, theme),
    };
    if grid.people.is_empty() || grid.factors.is_empty() {
        return;
    }
    let (rows, cols) = (grid.people.len(), grid.factors.len());
    let w = &mut view.workshop;
    w.cursor = (w.cursor.0.min(rows - 1), w.cursor.1.min(cols - 1));
    let pressed = |key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
    for (n, key) in DIGITS.iter().enumerate() {
        if pressed(*key) {
            digit(&grid, w, n, out);
        }
    }
    // The decimal point of a number on a stepped range (6.3).
    if matches!(
        grid.factors[w.cursor.1].scale,
        Scale::Range { step: Some(_), .. }
    ) && !w.entry.contains('.')
        && pressed(egui::Key::Period)
    {
        w.entry.push('.');
    }
    // A number off the scale (6.33 in steps of 0.1) stays in its cell to be corrected.
    if pressed(egui::Key::Enter) && !w.entry.is_empty() && grid.commit_number(w, out) {
        grid.advance(&mut w.cursor);
    }
    if pressed(egui::Key::Backspace) && w.entry.pop().is_none() {
        grid.set(out, w.cursor, None);
    }
    // A: agree the value of the cursor's factor (the round's median is offered).
    if pressed(egui::Key::A) {
        out.push(agree(doc, &grid, w.cursor.1));
    }
    for (key, dr, dc) in [
        (egui::Key::ArrowRight, 0, 1),
        (egui::Key::ArrowLeft, 0, -1),
        (egui::Key::ArrowDown, 1, 0),
        (egui::Key::ArrowUp, -1, 0),
    ] {
        if pressed(key) {
            if !w.entry.is_empty() && !grid.commit_number(w, out) {
                continue;
            }
            let r = (w.cursor.0 as isize + dr).clamp(0, rows as isize - 1) as usize;
            let c = (w.cursor.1 as isize + dc).clamp(0, cols as isize - 1) as usize;
            w.cursor = (r, c);
        }
    }
}

/// Digit `n`: the n-th level (then the next cell), or one more digit of a number.
fn digit(grid: &Grid<'_>, w: &mut WorkshopView, n: usize, out: &mut Vec<Action>) {
    match &grid.factors[w.cursor.1].scale {
        Scale::Levels(levels) if (1..=levels.len()).contains(&n) => {
            grid.set(out, w.cursor, Some(Value::Level((n - 1) as u16)));
            grid.advance(&mut w.cursor);
        }
        Scale::Range { .. } => w.entry.push(char::from(b'0' + n as u8)),
        Scale::Levels(_) => {}
    }
}

/// The Agree dialog for a factor, offering the agreed value or else the round's median.
fn agree(doc: &Document, grid: &Grid<'_>, column: usize) -> Action {
    let f = grid.factors[column];
    let agreed = grid
        .theme
        .scores
        .get(&f.id)
        .and_then(|s| s.agreed.as_ref())
        .map(|a| a.value);
    let median = crate::model::workshop::round_stats(&doc.card, grid.theme, f, grid.round).value;
    Action::Dialog(Modal::Agree {
        theme: grid.theme.id.clone(),
        factor: f.id.clone(),
        suggested: agreed.or(median),
    })
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
