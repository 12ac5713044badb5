//! Charts as pixels (for the window's texture and PNG files) and as SVG text.

use plotters::prelude::*;

use super::{ChartError, ChartKind, ChartOptions, Mark, draw};
use crate::model::{Method, Ranking};

/// A chart drawn into an RGB buffer, with where each theme landed.
#[derive(Clone, Debug)]
pub struct ChartImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Row-major RGB bytes, `width * height * 3` long.
    pub rgb: Vec<u8>,
    /// Where each theme was drawn.
    pub marks: Vec<Mark>,
}

/// Draws a chart into a new RGB buffer of `width` × `height` pixels.
pub fn render_rgb(
    kind: ChartKind,
    ranking: &Ranking,
    method: &Method,
    options: &ChartOptions,
    (width, height): (u32, u32),
) -> Result<ChartImage, ChartError> {
    let (width, height) = (width.max(64), height.max(64));
    let mut rgb = vec![0u8; width as usize * height as usize * 3];
    let marks = draw(
        BitMapBackend::with_buffer(&mut rgb, (width, height)),
        kind,
        ranking,
        method,
        options,
    )?;
    Ok(ChartImage {
        width,
        height,
        rgb,
        marks,
    })
}

/// Draws a chart as PNG bytes.
pub fn render_png(
    kind: ChartKind,
    ranking: &Ranking,
    method: &Method,
    options: &ChartOptions,
    size: (u32, u32),
) -> Result<Vec<u8>, ChartError> {
    let img = render_rgb(kind, ranking, method, options, size)?;
    let mut out = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut out),
        &img.rgb,
        img.width,
        img.height,
        image::ExtendedColorType::Rgb8,
    )
    .map_err(|e| ChartError {
        chart: kind.title(),
        message: e.to_string(),
    })?;
    Ok(out)
}

/// Draws a chart as SVG text.
pub fn render_svg(
    kind: ChartKind,
    ranking: &Ranking,
    method: &Method,
    options: &ChartOptions,
    size: (u32, u32),
) -> Result<String, ChartError> {
    let mut svg = String::new();
    draw(
        SVGBackend::with_string(&mut svg, size),
        kind,
        ranking,
        method,
        options,
    )?;
    Ok(svg)
}

/// Draws the vote strip plot of one theme and round into a new RGB buffer.
pub fn render_votes_rgb(
    card: &crate::model::Scorecard,
    theme: &crate::model::Theme,
    round: u32,
    options: &ChartOptions,
    (width, height): (u32, u32),
) -> Result<ChartImage, ChartError> {
    let (width, height) = (width.max(64), height.max(64));
    let mut rgb = vec![0u8; width as usize * height as usize * 3];
    super::draw_votes(
        BitMapBackend::with_buffer(&mut rgb, (width, height)),
        card,
        theme,
        round,
        options,
    )?;
    Ok(ChartImage {
        width,
        height,
        rgb,
        marks: Vec::new(),
    })
}

/// Draws the vote strip plot of one theme and round as SVG text.
pub fn render_votes_svg(
    card: &crate::model::Scorecard,
    theme: &crate::model::Theme,
    round: u32,
    options: &ChartOptions,
    size: (u32, u32),
) -> Result<String, ChartError> {
    let mut svg = String::new();
    super::draw_votes(
        SVGBackend::with_string(&mut svg, size),
        card,
        theme,
        round,
        options,
    )?;
    Ok(svg)
}
