//! The sentences of [`super::close_calls`], worded for a board: what would change, and the
//! smallest change that would do it.

use super::{Crossing, Ctx, Shift};
use crate::model::ids::{FactorId, ThemeId};

fn name<'a>(ctx: &'a Ctx<'_>, id: &'a ThemeId) -> &'a str {
    ctx.card.theme(id).map_or(id.as_str(), |t| t.name.as_str())
}

fn factor<'a>(ctx: &'a Ctx<'_>, id: &'a FactorId) -> &'a str {
    ctx.card
        .method
        .factor(id.as_str())
        .map_or(id.as_str(), |(_, f)| f.label.as_str())
}

/// "Alpha's", "Road traffic collisions'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// "if …": the change.
fn condition(ctx: &Ctx<'_>, change: &Shift) -> String {
    match change {
        Shift::Votes {
            theme,
            factor: f,
            people,
            voters,
            from,
            to,
            raise,
            ..
        } => {
            let verb = if *raise { "raised" } else { "lowered" };
            let (theme, f) = (possessive(name(ctx, theme)), factor(ctx, f));
            match (from, to) {
                (Some(a), Some(b)) => {
                    format!("{people} of {voters} people {verb} {theme} {f} from {a} to {b}")
                }
                _ => format!(
                    "{people} of {voters} people each {verb} their vote on {theme} {f} by one level"
                ),
            }
        }
        Shift::Value {
            theme,
            factor: f,
            agreed,
            from,
            to,
            ..
        } => {
            let (theme, f) = (possessive(name(ctx, theme)), factor(ctx, f));
            if *agreed {
                format!("the room had agreed {theme} {f} as {to} instead of {from}")
            } else {
                format!("{theme} draft {f} were {to} instead of {from}")
            }
        }
        Shift::Weight { term, from, to } => {
            format!("the {term} weight were {to:.2} instead of {from:.2}")
        }
    }
}

/// The sentence for one call.
pub(super) fn sentence(ctx: &Ctx<'_>, top: usize, outcome: &Crossing, change: &Shift) -> String {
    let cond = condition(ctx, change);
    match outcome {
        Crossing::Cut {
            theme,
            rank,
            other,
            other_rank,
            inside,
            level,
        } => {
            let (a, b) = (name(ctx, theme), name(ctx, other));
            if *level {
                format!(
                    "#{rank} {a} would draw level with #{other_rank} {b}, into the top {top} (a tie at the line is inside it), if {cond}."
                )
            } else if rank.abs_diff(*other_rank) == 1 {
                let (hi, lo) = if *inside {
                    ((rank, a), (other_rank, b))
                } else {
                    ((other_rank, b), (rank, a))
                };
                format!(
                    "#{} {} and #{} {} would swap if {cond}.",
                    hi.0, hi.1, lo.0, lo.1
                )
            } else if *inside {
                format!(
                    "#{rank} {a} would fall below #{other_rank} {b}, out of the top {top}, if {cond}."
                )
            } else {
                format!(
                    "#{rank} {a} would rise above #{other_rank} {b}, into the top {top}, if {cond}."
                )
            }
        }
        Crossing::Band {
            theme,
            rank,
            from,
            to,
        } => {
            let at = rank.map(|r| format!(" (#{r})")).unwrap_or_default();
            format!(
                "{}{at} would move from {from} to {to} if {cond}.",
                name(ctx, theme)
            )
        }
    }
}
