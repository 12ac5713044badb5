//! A small typesetter for the board paper as PDF, written without a browser: A4 pages, text in
//! egui's own font (Ubuntu Light, embedded, with a ToUnicode map so the text can be searched
//! and copied), wrapped by measured glyph widths, rules, and pictures (the charts). The
//! protective marking and "page k of n" go on every page when the document is finished.

use std::collections::BTreeMap;
use std::io::Write;

use ab_glyph::{Font, FontRef};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// A4 in points.
pub(super) const PAGE: (f32, f32) = (595.0, 842.0);
/// The left and right margin.
pub(super) const MARGIN: f32 = 56.0;
/// Where text starts at the top of a page and must stop at the bottom (room for the marking).
const TOP: f32 = PAGE.1 - 64.0;
const BOTTOM: f32 = 60.0;
/// The width text may take.
pub(super) const WIDTH: f32 = PAGE.0 - 2.0 * MARGIN;

/// Text's shade: body, or quiet (grey).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ink {
    Body,
    Quiet,
}

/// A picture on a page: its zlib-compressed RGB pixels and size.
struct Picture {
    data: Vec<u8>,
    width: u32,
    height: u32,
}

/// The document being set: finished pages, the page in hand, and the glyphs used.
pub(super) struct Writer {
    font: FontRef<'static>,
    upem: f32,
    used: BTreeMap<u16, char>,
    pages: Vec<(Content, Vec<usize>)>,
    page: Content,
    page_pictures: Vec<usize>,
    pictures: Vec<Picture>,
    /// The baseline of the next line, from the bottom of the page.
    pub(super) y: f32,
}

impl Writer {
    pub(super) fn new() -> Result<Self, String> {
        let font = FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT)
            .map_err(|e| format!("the report font: {e}"))?;
        let upem = font.units_per_em().unwrap_or(1000.0);
        Ok(Self {
            font,
            upem,
            used: BTreeMap::new(),
            pages: Vec::new(),
            page: Content::new(),
            page_pictures: Vec::new(),
            pictures: Vec::new(),
            y: TOP,
        })
    }

    /// The glyph for a character, or a stand-in the font has ("≠" is written "not =").
    fn glyphs(&self, text: &str) -> Vec<(u16, char)> {
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = self.font.glyph_id(c).0;
            if id != 0 || c == ' ' {
                out.push((id, c));
                continue;
            }
            let stand_in = match c {
                '≠' => "not =",
                '→' => "to",
                '−' | '‑' => "-",
                '\t' => " ",
                _ => "?",
            };
            out.extend(stand_in.chars().map(|s| (self.font.glyph_id(s).0, s)));
        }
        out
    }

    /// The width of `text` at `size`, in points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = self
            .glyphs(text)
            .iter()
            .map(|(g, _)| self.font.h_advance_unscaled(ab_glyph::GlyphId(*g)))
            .sum();
        units * size / self.upem
    }

    /// `text` broken into lines no wider than `width` at `size`: at spaces, or inside a word
    /// too long for a line.
    pub(super) fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.lines() {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let tried = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&tried, size) <= width {
                    line = tried;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                for c in word.chars() {
                    line.push(c);
                    if self.width(&line, size) > width && line.chars().count() > 1 {
                        let last = line.pop().unwrap_or(' ');
                        lines.push(std::mem::replace(&mut line, last.to_string()));
                    }
                }
            }
            lines.push(line);
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    /// One line of text with its left end at `x` and baseline at `y`.
    pub(super) fn text_at(&mut self, text: &str, (x, y): (f32, f32), size: f32, ink: Ink) {
        let glyphs = self.glyphs(text);
        let mut bytes = Vec::with_capacity(glyphs.len() * 2);
        for (g, c) in glyphs {
            self.used.entry(g).or_insert(c);
            bytes.extend(g.to_be_bytes());
        }
        let grey = if ink == Ink::Quiet { 0.35 } else { 0.07 };
        self.page.set_fill_gray(grey);
        self.page.begin_text();
        self.page.set_font(Name(b"F1"), size);
        self.page.next_line(x, y);
        self.page.show(Str(&bytes));
        self.page.end_text();
    }

    /// Starts a new page unless `height` points still fit on this one.
    pub(super) fn keep(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    /// Ends the page in hand and starts another.
    pub(super) fn new_page(&mut self) {
        let page = std::mem::replace(&mut self.page, Content::new());
        self.pages
            .push((page, std::mem::take(&mut self.page_pictures)));
        self.y = TOP;
    }

    /// A wrapped paragraph at `indent` from the margin, moving down the page (onto the next
    /// one when it is full).
    pub(super) fn paragraph(&mut self, text: &str, size: f32, (indent, ink): (f32, Ink)) {
        let leading = size * 1.32;
        for line in self.wrap(text, size, WIDTH - indent) {
            self.keep(leading);
            self.y -= size;
            self.text_at(&line, (MARGIN + indent, self.y), size, ink);
            self.y -= leading - size;
        }
    }

    /// Blank space.
    pub(super) fn space(&mut self, points: f32) {
        self.y -= points;
    }

    /// A horizontal rule from `x0` to `x1` at `y`.
    pub(super) fn rule(&mut self, (x0, x1): (f32, f32), y: f32, width: f32) {
        self.page.set_line_width(width);
        self.page
            .set_stroke_gray(if width > 1.0 { 0.05 } else { 0.7 });
        self.page.move_to(x0, y);
        self.page.line_to(x1, y);
        self.page.stroke();
    }

    /// A picture of `width` × `height` RGB pixels, shown `shown_width` points wide.
    pub(super) fn picture(&mut self, rgb: &[u8], (width, height): (u32, u32), shown_width: f32) {
        let shown_height = shown_width * height as f32 / width.max(1) as f32;
        self.keep(shown_height + 6.0);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let data = z
            .write_all(rgb)
            .and_then(|()| z.finish())
            .unwrap_or_default();
        self.pictures.push(Picture {
            data,
            width,
            height,
        });
        let index = self.pictures.len() - 1;
        self.page_pictures.push(index);
        self.y -= shown_height;
        self.page.save_state();
        self.page
            .transform([shown_width, 0.0, 0.0, shown_height, MARGIN, self.y]);
        self.page.x_object(Name(format!("Im{index}").as_bytes()));
        self.page.restore_state();
        self.space(6.0);
    }

    /// The finished PDF: every page with the marking at its top and bottom and its number.
    pub(super) fn finish(mut self, marking: &str, title: &str) -> Vec<u8> {
        self.new_page();
        let pages = std::mem::take(&mut self.pages);
        let n = pages.len();
        let mut finished = Vec::with_capacity(n);
        for (i, (mut content, pictures)) in pages.into_iter().enumerate() {
            std::mem::swap(&mut self.page, &mut content);
            let size = 10.0;
            let mw = self.width(marking, size);
            let centre = (PAGE.0 - mw) / 2.0;
            self.text_at(marking, (centre, PAGE.1 - 30.0), size, Ink::Body);
            self.text_at(marking, (centre, 26.0), size, Ink::Body);
            let number = format!("Page {} of {n}", i + 1);
            let x = PAGE.0 - MARGIN - self.width(&number, 8.5);
            self.text_at(&number, (x, 26.0), 8.5, Ink::Quiet);
            std::mem::swap(&mut self.page, &mut content);
            finished.push((content, pictures));
        }
        self.write(finished, (marking, title))
    }

    fn write(&self, pages: Vec<(Content, Vec<usize>)>, (marking, title): (&str, &str)) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let mut next = 1;
        let mut alloc = || {
            next += 1;
            Ref::new(next - 1)
        };
        let (catalog, tree, info) = (alloc(), alloc(), alloc());
        let (font, cid, descriptor, file, cmap) = (alloc(), alloc(), alloc(), alloc(), alloc());
        let pictures: Vec<Ref> = self.pictures.iter().map(|_| alloc()).collect();
        let ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(ids.iter().map(|(p, _)| *p))
            .count(ids.len() as i32);
        pdf.document_info(info)
            .title(TextStr(title))
            .subject(TextStr(marking))
            .creator(TextStr("trh"));
        for ((content, used), (page_id, content_id)) in pages.into_iter().zip(&ids) {
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1));
            page.parent(tree);
            page.contents(*content_id);
            let mut resources = page.resources();
            resources.fonts().pair(Name(b"F1"), font);
            let mut objects = resources.x_objects();
            for i in used {
                objects.pair(Name(format!("Im{i}").as_bytes()), pictures[i]);
            }
            objects.finish();
            resources.finish();
            page.finish();
            pdf.stream(*content_id, &content.finish());
        }
        for (p, id) in self.pictures.iter().zip(&pictures) {
            let mut image = pdf.image_xobject(*id, &p.data);
            image.filter(Filter::FlateDecode);
            image.width(p.width as i32);
            image.height(p.height as i32);
            image.color_space().device_rgb();
            image.bits_per_component(8);
        }
        self.write_font(&mut pdf, [font, cid, descriptor, file, cmap]);
        pdf.finish()
    }

    /// The embedded font: a Type 0 font over the TrueType glyphs by id, with their widths and
    /// the map back to Unicode.
    fn write_font(&self, pdf: &mut Pdf, [font, cid, descriptor, file, cmap]: [Ref; 5]) {
        let name = Name(b"Ubuntu-Light");
        let scale = 1000.0 / self.upem;
        pdf.type0_font(font)
            .base_font(name)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);
        let info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        let mut c = pdf.cid_font(cid);
        c.subtype(CidFontType::Type2)
            .base_font(name)
            .system_info(info)
            .font_descriptor(descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut widths = c.widths();
        for g in self.used.keys() {
            let w = self.font.h_advance_unscaled(ab_glyph::GlyphId(*g)) * scale;
            widths.consecutive(*g, [w]);
        }
        widths.finish();
        c.finish();
        let (ascent, descent) = (
            self.font.ascent_unscaled() * scale,
            self.font.descent_unscaled() * scale,
        );
        pdf.font_descriptor(descriptor)
            .name(name)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(-200.0, descent, 1200.0, ascent))
            .italic_angle(0.0)
            .ascent(ascent)
            .descent(descent)
            .cap_height(ascent * 0.7)
            .stem_v(80.0)
            .font_file2(file);
        let bytes = epaint_default_fonts::UBUNTU_LIGHT;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let data = z
            .write_all(bytes)
            .and_then(|()| z.finish())
            .unwrap_or_default();
        pdf.stream(file, &data)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), bytes.len() as i32);
        let mut map = UnicodeCmap::new(Name(b"trh-ubuntu"), info);
        for (g, c) in &self.used {
            map.pair(*g, *c);
        }
        pdf.cmap(cmap, &map.finish());
    }
}
