//! Where themes stand in the point ranking, as the close-call searches read it.

use super::{CloseCall, Ctx};
use crate::model::ranking::RankedTheme;

/// A call with its sort key: (size, order).
pub(super) type Keyed = (usize, usize, CloseCall);

/// Card indices of the ranked themes, in rank order.
pub(super) fn ranked(ctx: &Ctx<'_>) -> Vec<usize> {
    ctx.point
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .filter_map(|r| ctx.card.themes.iter().position(|t| t.id == r.id))
        .collect()
}

/// A theme's row in the point ranking, by card index.
pub(super) fn row<'a>(ctx: &'a Ctx<'_>, t: usize) -> Option<&'a RankedTheme> {
    ctx.point.row(&ctx.card.themes[t].id)
}

/// A theme's point rank, by card index (0 when unranked).
pub(super) fn rank_of(ctx: &Ctx<'_>, t: usize) -> u32 {
    row(ctx, t).and_then(|r| r.rank).unwrap_or(0)
}

/// Whether theme `a` is listed after theme `b` in a ranking.
pub(super) fn listed_after(r: &crate::model::ranking::Ranking, a: &str, b: &str) -> bool {
    let at = |id: &str| r.rows.iter().position(|x| x.id.as_str() == id);
    matches!((at(a), at(b)), (Some(x), Some(y)) if x > y)
}
