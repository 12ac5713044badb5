//! The vote grid's shape, shared by its rows (`vote_grid.rs`) and the statistics under it
//! (`vote_stats.rs`): the theme and round shown, the factor columns and their width.

use crate::look::Look;
use crate::model::Theme;
use crate::model::method::Factor;

/// What every row of the grid shares.
pub(super) struct Grid<'a> {
    pub(super) theme: &'a Theme,
    pub(super) factors: Vec<&'a Factor>,
    pub(super) round: u32,
    pub(super) revealed: bool,
    pub(super) row_h: f32,
    pub(super) cw: f32,
    pub(super) look: Look,
    /// The cursor moved (or another theme is shown) since the last frame: scroll to it.
    pub(super) moved: bool,
}
