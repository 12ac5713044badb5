//! trh's own file chooser, for desktops where no native dialog can be shown (no desktop
//! portal, no zenity): a path to type or paste, and the folder's folders and matching files
//! to click. It opens in the remembered folder. Enter chooses (or opens a folder typed),
//! Escape cancels.

use std::path::{Path, PathBuf};

use egui::{Id, RichText, Ui};

use crate::state::pick::PickPurpose;

/// At most this many entries of a folder are listed (a huge shared folder stays quick).
const MAX_ENTRIES: usize = 500;

#[derive(Clone, Debug, Default)]
struct State {
    /// The folder shown.
    dir: PathBuf,
    /// The path typed or chosen.
    text: String,
    /// The folder's listing: folders, then matching files, by name.
    listing: Vec<(String, bool)>,
    /// The listing was cut at [`MAX_ENTRIES`], or the folder could not be read.
    note: Option<String>,
}

impl State {
    fn new(purpose: PickPurpose, folder: Option<&Path>, name: &str) -> Self {
        let dir = folder
            .filter(|f| f.is_dir())
            .map(Path::to_owned)
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_owned()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let mut s = Self::default();
        s.enter(dir, purpose, name);
        s
    }

    /// Shows `dir`, with the suggested name in it for a file to write.
    fn enter(&mut self, dir: PathBuf, purpose: PickPurpose, name: &str) {
        self.text = if purpose.saves() {
            dir.join(name).display().to_string()
        } else {
            format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR)
        };
        self.listing.clear();
        self.note = None;
        match std::fs::read_dir(&dir) {
            Ok(entries) => {
                let wanted = purpose.extensions();
                for entry in entries.flatten().take(MAX_ENTRIES * 4) {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    // The entry's own type needs no further look at the disk; only a link
                    // is followed to see whether it leads to a folder.
                    let is_dir = entry
                        .file_type()
                        .is_ok_and(|t| t.is_dir() || (t.is_symlink() && entry.path().is_dir()));
                    let matches = Path::new(&name)
                        .extension()
                        .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)));
                    if is_dir || matches {
                        self.listing.push((name, is_dir));
                    }
                }
                self.listing.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
                });
                if self.listing.len() > MAX_ENTRIES {
                    self.listing.truncate(MAX_ENTRIES);
                    self.note = Some(format!(
                        "Only the first {MAX_ENTRIES} are listed; type the path for others."
                    ));
                }
            }
            Err(e) => self.note = Some(format!("Cannot read {}: {e}", dir.display())),
        }
        self.dir = dir;
    }
}

/// Draws the chooser; once answered, the path chosen (`None`: cancelled).
pub fn path_dialog_ui(
    ui: &mut Ui,
    purpose: PickPurpose,
    folder: Option<&Path>,
    name: &str,
) -> Option<Option<PathBuf>> {
    let id = Id::unique("trh_path_dialog");
    let mut s: State = ui
        .data_mut(|d| d.get_temp(id))
        .unwrap_or_else(|| State::new(purpose, folder, name));
    ui.heading(purpose.title());
    ui.label(
        RichText::new(
            "No file dialog could be shown on this desktop, so choose here: type or paste a path, or pick from the folder.",
        )
        .small(),
    );
    let l = ui.label("Path");
    let field = ui
        .add(egui::TextEdit::singleline(&mut s.text).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    if ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
    let mut go_to: Option<PathBuf> = None;
    let mut reply = None;
    ui.horizontal(|ui| {
        if ui.button("Up").on_hover_text("The folder above").clicked()
            && let Some(parent) = s.dir.parent()
        {
            go_to = Some(parent.to_owned());
        }
        ui.label(RichText::new(s.dir.display().to_string()).small());
    });
    listing_ui(ui, &mut s, &mut go_to, &mut reply);
    if let Some(note) = &s.note {
        ui.label(RichText::new(note).small());
    }
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    let typed = PathBuf::from(s.text.trim());
    // A folder to choose may end with a separator; a file may not.
    let ready = !s.text.trim().is_empty()
        && (purpose.picks_folder() || !s.text.trim().ends_with(std::path::MAIN_SEPARATOR));
    ui.horizontal(|ui| {
        let verb = if purpose.saves() {
            "Save here"
        } else if purpose.picks_folder() {
            "Choose this folder"
        } else {
            "Choose"
        };
        if ui.add_enabled(ready, egui::Button::new(verb)).clicked() {
            reply = Some(Some(typed.clone()));
        }
        if ui.button("Cancel").clicked() {
            reply = Some(None);
        }
    });
    if enter && reply.is_none() {
        if typed.is_dir() && purpose.picks_folder() {
            reply = Some(Some(typed));
        } else if typed.is_dir() {
            go_to = Some(typed);
        } else if ready {
            reply = Some(Some(typed));
        }
    }
    if let Some(dir) = go_to {
        s.enter(dir, purpose, name);
    }
    if reply.is_some() {
        ui.data_mut(|d| d.remove::<State>(id));
    } else {
        ui.data_mut(|d| d.insert_temp(id, s));
    }
    reply
}

/// The folder's entries: a folder opens on a click, a file is chosen with a double click (a
/// single click puts its path in the field).
fn listing_ui(
    ui: &mut Ui,
    s: &mut State,
    go_to: &mut Option<PathBuf>,
    reply: &mut Option<Option<PathBuf>>,
) {
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (entry, is_dir) in &s.listing {
                let text = if *is_dir {
                    format!("{entry}{}", std::path::MAIN_SEPARATOR)
                } else {
                    entry.clone()
                };
                let r = ui.selectable_label(false, text);
                if r.clicked() {
                    let path = s.dir.join(entry);
                    if *is_dir {
                        *go_to = Some(path);
                    } else if r.double_clicked() {
                        *reply = Some(Some(path));
                    } else {
                        s.text = path.display().to_string();
                    }
                }
            }
            if s.listing.is_empty() {
                ui.label(RichText::new("No matching files here.").small());
            }
        });
}
