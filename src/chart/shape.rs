//! Marker shapes: each outcome has its own, so colour is never the only cue.

use plotters::prelude::*;
use plotters::style::RGBColor;

use super::DrawResult;

/// The shapes that encode an outcome (by outcome index), so colour is never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A filled circle.
    Circle,
    /// A filled square.
    Square,
    /// A filled triangle.
    Triangle,
    /// A filled diamond.
    Diamond,
    /// A cross.
    Cross,
}

impl Shape {
    /// The shape for outcome `index`.
    pub fn for_outcome(index: usize) -> Self {
        [
            Self::Circle,
            Self::Square,
            Self::Triangle,
            Self::Diamond,
            Self::Cross,
        ][index % 5]
    }
}

/// Draws a marker shape centred on a pixel and returns its bounding box.
pub(super) fn draw_shape<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    shape: Shape,
    (x, y): (i32, i32),
    r: i32,
    fill: RGBColor,
    edge: RGBColor,
) -> DrawResult<[f32; 4]> {
    let filled = ShapeStyle::from(&fill).filled();
    let outline = ShapeStyle::from(&edge).stroke_width(2);
    match shape {
        Shape::Circle => {
            area.draw(&Circle::new((x, y), r, filled))?;
            area.draw(&Circle::new((x, y), r, outline))?;
        }
        Shape::Square => {
            area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], filled))?;
            area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], outline))?;
        }
        Shape::Triangle => {
            let pts = vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)];
            area.draw(&Polygon::new(pts.clone(), filled))?;
            area.draw(&PathElement::new(
                [pts, vec![(x, y - r - 1)]].concat(),
                outline,
            ))?;
        }
        Shape::Diamond => {
            let pts = vec![
                (x, y - r - 2),
                (x + r + 2, y),
                (x, y + r + 2),
                (x - r - 2, y),
            ];
            area.draw(&Polygon::new(pts.clone(), filled))?;
            area.draw(&PathElement::new(
                [pts, vec![(x, y - r - 2)]].concat(),
                outline,
            ))?;
        }
        Shape::Cross => {
            let thick = ShapeStyle::from(&fill).stroke_width(5);
            area.draw(&PathElement::new(
                vec![(x - r, y - r), (x + r, y + r)],
                thick,
            ))?;
            area.draw(&PathElement::new(
                vec![(x - r, y + r), (x + r, y - r)],
                thick,
            ))?;
        }
    }
    let (xf, yf, rf) = (x as f32, y as f32, (r + 2) as f32);
    Ok([xf - rf, yf - rf, xf + rf, yf + rf])
}
