//! Charts as pixels (for the window's texture and PNG files) and as SVG text, all drawn by
//! [`draw`].

use plotters::prelude::*;

use super::{ChartError, ChartOptions, Figure, Mark, draw};

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

/// Draws a figure into a new RGB buffer of `width` × `height` pixels.
pub fn render_rgb(
    figure: &Figure<'_>,
    options: &ChartOptions,
    (width, height): (u32, u32),
) -> Result<ChartImage, ChartError> {
    let (width, height) = (width.max(64), height.max(64));
    let mut rgb = vec![0u8; width as usize * height as usize * 3];
    let marks = draw(
        super::text::Text(BitMapBackend::with_buffer(&mut rgb, (width, height))),
        figure,
        options,
    )?;
    Ok(ChartImage {
        width,
        height,
        rgb,
        marks,
    })
}

/// Draws a figure as PNG bytes.
pub fn render_png(
    figure: &Figure<'_>,
    options: &ChartOptions,
    size: (u32, u32),
) -> Result<Vec<u8>, ChartError> {
    let img = render_rgb(figure, options, size)?;
    let mut out = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut out),
        &img.rgb,
        img.width,
        img.height,
        image::ExtendedColorType::Rgb8,
    )
    .map_err(|e| ChartError {
        chart: figure.title(),
        message: e.to_string(),
    })?;
    Ok(out)
}

/// Draws a figure as SVG text.
pub fn render_svg(
    figure: &Figure<'_>,
    options: &ChartOptions,
    size: (u32, u32),
) -> Result<String, ChartError> {
    let mut svg = String::new();
    draw(SVGBackend::with_string(&mut svg, size), figure, options)?;
    Ok(svg)
}
