//! Rank stability and close calls off the UI thread: after each change of the document the
//! figures are computed again on a thread of their own (one at a time; a change made
//! meanwhile waits for it, then starts the next), and the window is woken when they are
//! ready. An idle app computes nothing.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::document::Figures;

/// The computation in flight, if any.
#[derive(Default)]
pub struct FiguresJob {
    /// Figures arriving: (document epoch, figures).
    rx: Option<Receiver<(u64, Figures)>>,
    /// Bumped when another document is opened, so late figures for the old one are dropped.
    epoch: u64,
    /// The generation being computed.
    running: Option<u64>,
}

impl FiguresJob {
    /// Forgets the figures of the previous document.
    pub fn document_replaced(&mut self) {
        self.epoch += 1;
        self.rx = None;
        self.running = None;
    }
}

impl super::TrhApp {
    /// Collects finished figures and starts the next computation when the document changed.
    pub(super) fn figures_frame(&mut self, ctx: &egui::Context) {
        let job = &mut self.figures;
        if let Some(rx) = &job.rx {
            match rx.try_recv() {
                Ok((epoch, figures)) => {
                    if epoch == job.epoch {
                        self.state.figures = Some(Arc::new(figures));
                    }
                    job.rx = None;
                    job.running = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    job.rx = None;
                    job.running = None;
                }
            }
        }
        let generation = self.state.doc.generation;
        let have = self.state.figures.as_ref().map(|r| r.generation);
        if have == Some(generation) || job.running.is_some() {
            return;
        }
        let card = self.state.doc.card.clone();
        let (tx, rx) = channel();
        let epoch = job.epoch;
        let ctx = ctx.clone();
        job.rx = Some(rx);
        job.running = Some(generation);
        std::thread::spawn(move || {
            let figures = Figures::for_generation(&card, generation);
            // The app may have closed meanwhile; then the figures are moot.
            let _ = tx.send((epoch, figures));
            ctx.request_repaint();
        });
    }
}
