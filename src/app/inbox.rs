//! Edits from other threads. Live voting's server (and anything else that is not this
//! window) hands edits to the app through an [`EditSender`]; the frame loop takes them at the
//! start of the next frame and applies them through the same path as a panel's edit
//! (`TrhApp::apply_signed`): checked by the model, logged with who sent it, undoable, marked
//! unsaved and autosaved. Nothing waits on a dialog: an edit that arrives while one is open,
//! or while a save is running, is applied all the same, never dropped.

use std::sync::mpsc::{Receiver, Sender, channel};

use crate::model::Edit;

/// An edit from elsewhere, and the name to sign it with in the change log.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    /// The edit.
    pub edit: Edit,
    /// Who it comes from, as the change log shows it (e.g. "Alice (via device)").
    pub who: String,
}

/// Where incoming edits wait for the frame loop.
pub struct Inbox {
    tx: Sender<Incoming>,
    rx: Receiver<Incoming>,
}

impl Default for Inbox {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { tx, rx }
    }
}

impl Inbox {
    /// A handle for another thread; sending wakes the window.
    pub fn sender(&self, ctx: &egui::Context) -> EditSender {
        EditSender {
            tx: self.tx.clone(),
            ctx: ctx.clone(),
        }
    }

    /// Everything that has arrived, oldest first.
    pub fn drain(&self) -> Vec<Incoming> {
        self.rx.try_iter().collect()
    }
}

/// Sends edits to the app from any thread.
#[derive(Clone)]
pub struct EditSender {
    tx: Sender<Incoming>,
    ctx: egui::Context,
}

impl EditSender {
    /// Queues `edit`, signed `who`, and asks for a frame. False if the app has gone.
    pub fn send(&self, edit: Edit, who: &str) -> bool {
        let sent = self
            .tx
            .send(Incoming {
                edit,
                who: who.to_owned(),
            })
            .is_ok();
        self.ctx.request_repaint();
        sent
    }
}
