//! The axes: the mesh every chart draws, and the risk axis's name and ticks (a grid
//! method's risk axis is labelled with its grades).

use plotters::prelude::*;

use super::{Chart2d, ChartOptions, DrawResult, FONT};

/// Draws the axes and grid; `y_desc: None` hides the y axis's labels and grid.
pub(super) fn mesh<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &mut Chart2d<'_, DB>,
    o: &ChartOptions,
    x_desc: &str,
    y_desc: Option<&str>,
    grid: f64,
) -> DrawResult<()> {
    mesh_with(chart, o, (x_desc, &|v| tick(*v)), y_desc, grid)
}

/// The risk axis's name and tick labels: the risk score, or for a grid method (whose risk
/// is only its grade's place, 1 the lowest) the grades' labels at their places.
pub(super) fn risk_axis(
    method: &crate::model::Method,
) -> (&'static str, impl Fn(&f64) -> String + '_) {
    let grid = method.risk.grid().is_some();
    let desc = if grid {
        "Risk grade (from the grid)"
    } else {
        "Risk score"
    };
    let label = move |v: &f64| {
        if !grid {
            return tick(*v);
        }
        let k = v.round();
        if (v - k).abs() > 1e-9 || k < 1.0 {
            return String::new();
        }
        method
            .bands
            .get(k as usize - 1)
            .map_or(String::new(), |b| b.label.clone())
    };
    (desc, label)
}

/// [`mesh`] with the x axis's own name and tick labels.
pub(super) fn mesh_with<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &mut Chart2d<'_, DB>,
    o: &ChartOptions,
    (x_desc, x_tick): (&str, &dyn Fn(&f64) -> String),
    y_desc: Option<&str>,
    grid: f64,
) -> DrawResult<()> {
    let p = &o.palette;
    let font = |size: f64| (FONT, p.size(size, o.scale)).into_font().color(&p.text);
    let mut mesh = chart.configure_mesh();
    mesh.x_desc(x_desc)
        .label_style(font(13.0))
        .x_label_formatter(x_tick)
        .y_label_formatter(&|v| tick(*v))
        .axis_desc_style(font(14.0))
        .axis_style(p.text)
        .bold_line_style(p.grid.mix(grid))
        .light_line_style(p.grid.mix(0.0));
    match y_desc {
        Some(d) => mesh.y_desc(d),
        None => mesh.disable_y_mesh().y_labels(0),
    };
    mesh.draw()?;
    Ok(())
}

/// An axis tick as text: whole numbers without decimals.
fn tick(v: f64) -> String {
    crate::report::num(v)
}
