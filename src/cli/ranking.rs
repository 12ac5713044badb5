//! The ranking subcommands: `trh rank`, `trh stability` and `trh close-calls`.

use std::path::Path;

use anyhow::bail;

use super::load::load;
use super::{CliCommand, emit};
use crate::model::rank;
use crate::report::rank_table;

/// `trh stability`.
pub(super) fn stability_cmd(command: CliCommand) -> anyhow::Result<()> {
    use crate::model::stability::{Centre, Options, stability};
    let CliCommand::Stability {
        file,
        runs,
        seed,
        top,
        centre,
        confidence_widens,
        format,
    } = command
    else {
        bail!("not a stability command");
    };
    let card = load(&file)?;
    let options = Options {
        runs,
        seed,
        top: top.unwrap_or_else(|| card.cut()),
        centre: match centre {
            super::StabilityCentre::AroundAgreed => Centre::AroundAgreed,
            super::StabilityCentre::AgreedFixed => Centre::AgreedFixed,
            super::StabilityCentre::AsVoted => Centre::AsVoted,
        },
        confidence_widens,
    };
    let s = stability(&card, &options);
    emit(&crate::report::stability::render(
        &s,
        &card.marking,
        format,
    )?)
}

/// `trh rank`.
pub(super) fn rank_cmd(command: CliCommand) -> anyhow::Result<()> {
    let CliCommand::Rank {
        file,
        format,
        top,
        cut,
        marking_row,
        stability,
    } = command
    else {
        bail!("not a rank command");
    };
    let card = load(&file)?;
    let ranking = rank(&card).with_cut(cut.unwrap_or_else(|| card.cut()));
    let options = rank_table::Options { top, marking_row };
    if stability && format == rank_table::Format::Json {
        let f = crate::document::Figures::of(&card, ranking.cut);
        return emit(&rank_table::json_with_stability(
            &ranking,
            top,
            (&f.stability, &f.close),
        )?);
    }
    if stability {
        bail!("--stability adds columns to --format json only; for a table use trh stability");
    }
    emit(&rank_table::render(&ranking, format, options)?)
}

/// `trh close-calls`.
pub(super) fn close_calls_cmd(
    file: &Path,
    top: Option<usize>,
    format: crate::report::close_calls::CloseCallsFormat,
) -> anyhow::Result<()> {
    let card = load(file)?;
    let calls = crate::model::close_calls::close_calls(&card, top.unwrap_or_else(|| card.cut()));
    emit(&crate::report::close_calls::render(
        &calls,
        &card.marking,
        format,
    )?)
}
