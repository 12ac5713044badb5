//! What every sheet of the workbook shares: the formats, a new sheet with the marking, its
//! headings and widths, and empty cells for missing numbers. The workbook (`xlsx.rs`) and
//! its Stability sheet (`stability.rs`) both write through these.

use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};

use crate::chart::Palette;
use crate::look::Look;
use crate::model::Scorecard;

/// The row of each sheet that holds the column headings (row 0 is the marking).
pub(super) const HEAD: u32 = 1;

/// The workbook's formats: headings, the marking, and a fill per band.
pub(super) struct Styles {
    pub(super) bold: Format,
    pub(super) marking: Format,
    pub(super) bands: Vec<Format>,
}

pub(super) fn styles() -> Styles {
    let palette = Palette::for_look(Look::Light);
    Styles {
        bold: Format::new().set_bold(),
        marking: Format::new()
            .set_bold()
            .set_font_color(Color::RGB(0x00A0_0000)),
        bands: palette
            .bands
            .iter()
            .map(|c| {
                let rgb = (u32::from(c.0) << 16) | (u32::from(c.1) << 8) | u32::from(c.2);
                Format::new().set_background_color(Color::RGB(rgb))
            })
            .collect(),
    }
}

/// A new sheet with the marking on row 0 and in the printed header and footer, headings on
/// row 1 (frozen) and column widths.
pub(super) fn sheet<'a>(
    wb: &'a mut Workbook,
    name: &str,
    card: &Scorecard,
    s: &Styles,
    headings: &[(&str, f64)],
) -> Result<&'a mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    // One line however it was made: a line break would split the printed header.
    let marking = &crate::model::text::on_one_line(&card.marking);
    ws.write_string_with_format(0, 0, marking, &s.marking)?;
    // In Excel's header codes `&` starts a code, so a literal ampersand is doubled.
    let printed = format!("&C{}", marking.replace('&', "&&"));
    ws.set_header(&printed);
    ws.set_footer(&printed);
    for (c, (h, width)) in headings.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(HEAD, c, *h, &s.bold)?;
        ws.set_column_width(c, *width)?;
    }
    ws.set_freeze_panes(HEAD + 1, 0)?;
    // Printed: A4 landscape, as wide as one page, the marking and headings on every page.
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, HEAD)?;
    Ok(ws)
}

/// Writes a number, or leaves the cell empty when there is none.
pub(super) fn opt_num(ws: &mut Worksheet, r: u32, c: u16, x: Option<f64>) -> Result<(), XlsxError> {
    if let Some(x) = x {
        ws.write_number(r, c, x)?;
    }
    Ok(())
}
