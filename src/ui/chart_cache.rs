//! The chart textures: each chart, the vote strip plot and the slope chart drawn by
//! `chart::render_rgb` into an egui texture, kept until what it shows changes (data, size,
//! look, cut line, selection) and redrawn only then.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use egui::{TextureHandle, TextureOptions};

use crate::chart::{self, ChartKind, ChartOptions, Mark, Palette};
use crate::document::Document;
use crate::look::Look;
use crate::model::ThemeId;

/// While a window is being resized, the old picture is stretched until the size has been
/// still for this long, so dragging the edge does not redraw the chart every frame.
const RESIZE_SETTLE: Duration = Duration::from_millis(150);

/// What a chart's texture was drawn for.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartKey {
    /// The document's generation.
    pub generation: u64,
    /// Size in pixels.
    pub size: [u32; 2],
    /// The look.
    pub look: Look,
    /// The cut line.
    pub cut: usize,
    /// The selected theme, highlighted.
    pub selected: Option<ThemeId>,
    /// The generation of the stability figures drawn (rank acceptability), if any.
    pub figures: Option<u64>,
}

/// A chart's texture and where its marks are.
pub struct Entry {
    /// What it was drawn for.
    pub key: ChartKey,
    /// The picture.
    pub texture: TextureHandle,
    /// Where each theme was drawn, in texture pixels.
    pub marks: Vec<Mark>,
}

/// What a side figure's texture (the vote strip plot, the slope chart) was drawn for.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureKey {
    /// The data's generation.
    pub generation: u64,
    /// Size in pixels.
    pub size: [u32; 2],
    /// The look.
    pub look: Look,
    /// What else it depends on (theme and round, or the compared file).
    pub detail: String,
}

/// Chart textures, one per chart.
#[derive(Default)]
pub struct ChartCache {
    entries: HashMap<ChartKind, Entry>,
    pub(super) figures: HashMap<&'static str, (FigureKey, TextureHandle, Vec<Mark>)>,
    size_seen: Option<([u32; 2], Instant)>,
    /// How many times a chart was drawn (for tests and the benchmark).
    pub redraws: u64,
    /// Why the last redraw failed, if it did.
    pub error: Option<String>,
}

impl ChartCache {
    /// Forgets every texture (a new document).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.figures.clear();
    }

    /// Where each theme was drawn in the chart's current texture, in texture pixels.
    pub fn marks(&self, kind: ChartKind) -> Option<&[Mark]> {
        self.entries.get(&kind).map(|e| e.marks.as_slice())
    }

    /// A chart's texture, if it could be drawn.
    pub fn entry(&self, kind: ChartKind) -> Option<&Entry> {
        self.entries.get(&kind)
    }

    /// The same for a side figure (`"votes"`, `"slope"`).
    pub fn figure_marks(&self, name: &str) -> Option<&[Mark]> {
        self.figures.get(name).map(|(_, _, m)| m.as_slice())
    }

    /// Whether the chart must be drawn again for `key`: not when nothing changed, and, when
    /// only its size did, not until resizing pauses (a frame is asked for then).
    fn needs_redraw(&mut self, ctx: &egui::Context, kind: ChartKind, key: &ChartKey) -> bool {
        let Some(e) = self.entries.get(&kind) else {
            return true;
        };
        if &e.key == key {
            return false;
        }
        let same_but_size = ChartKey {
            size: e.key.size,
            ..key.clone()
        } == e.key;
        if !same_but_size {
            return true;
        }
        let now = Instant::now();
        match self.size_seen {
            Some((s, at)) if s == key.size && now.duration_since(at) >= RESIZE_SETTLE => true,
            Some((s, at)) if s == key.size => {
                ctx.request_repaint_after(RESIZE_SETTLE.saturating_sub(now.duration_since(at)));
                false
            }
            _ => {
                self.size_seen = Some((key.size, now));
                ctx.request_repaint_after(RESIZE_SETTLE);
                false
            }
        }
    }

    /// Draws a chart's texture again if what it shows changed (while the window is being
    /// resized, only once the size has settled).
    pub fn refresh_chart(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        kind: ChartKind,
        key: ChartKey,
        ppp: f32,
        stability: Option<&crate::model::stability::Stability>,
    ) {
        let cache = self;
        if !cache.needs_redraw(ctx, kind, &key) {
            return;
        }
        let options = ChartOptions {
            cut: key.cut,
            palette: Palette::for_look(key.look),
            scale: f64::from(ppp),
            selected: key.selected.clone(),
            marking: doc.card.marking.clone(),
        };
        let drawn = chart::render_rgb(
            &chart::Figure::Chart {
                kind,
                ranking: &doc.ranking,
                method: &doc.card.method,
                stability,
            },
            &options,
            (key.size[0], key.size[1]),
        );
        cache.redraws += 1;
        match drawn {
            Ok(img) => {
                cache.error = None;
                let color =
                    egui::ColorImage::from_rgb([img.width as usize, img.height as usize], &img.rgb);
                let texture = match cache.entries.remove(&kind) {
                    Some(mut e) => {
                        e.texture.set(color, TextureOptions::LINEAR);
                        e.texture
                    }
                    None => ctx.load_texture(
                        format!("chart-{}", kind.slug()),
                        color,
                        TextureOptions::LINEAR,
                    ),
                };
                cache.entries.insert(
                    kind,
                    Entry {
                        key,
                        texture,
                        marks: img.marks,
                    },
                );
            }
            Err(e) => {
                eprintln!("trh: {e}");
                cache.error = Some(e.to_string());
                cache.entries.remove(&kind);
            }
        }
    }

    /// Draws a side figure's texture again if its key changed.
    pub fn refresh_figure(
        &mut self,
        ctx: &egui::Context,
        name: &'static str,
        key: FigureKey,
        figure: &chart::Figure<'_>,
        marking: &str,
    ) -> Result<(), String> {
        let cache = self;
        if cache.figures.get(name).is_some_and(|(k, _, _)| *k == key) {
            return Ok(());
        }
        let options = ChartOptions {
            cut: 0,
            palette: Palette::for_look(key.look),
            scale: f64::from(ctx.pixels_per_point()),
            selected: None,
            marking: marking.to_owned(),
        };
        cache.redraws += 1;
        match chart::render_rgb(figure, &options, (key.size[0], key.size[1])) {
            Ok(img) => {
                let color =
                    egui::ColorImage::from_rgb([img.width as usize, img.height as usize], &img.rgb);
                let texture = match cache.figures.remove(name) {
                    Some((_, mut t, _)) => {
                        t.set(color, TextureOptions::LINEAR);
                        t
                    }
                    None => {
                        ctx.load_texture(format!("chart-{name}"), color, TextureOptions::LINEAR)
                    }
                };
                cache.figures.insert(name, (key, texture, img.marks));
                Ok(())
            }
            Err(e) => {
                cache.error = Some(e.to_string());
                Err(e.to_string())
            }
        }
    }
}
