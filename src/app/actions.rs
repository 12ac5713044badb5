//! The one place where actions change the app: edits go through the document (undo, change
//! log, dirty flag), commands run, and selection follows.

use super::action::Action;
use super::command::Command;
use super::modal::{Modal, Then};
use super::view::Tab;
use super::{TrhApp, timestamp};
use crate::look::Look;
use crate::model::edit::fresh_theme_id;
use crate::model::{Edit, Theme};

impl TrhApp {
    /// Applies one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(c) => self.command(ctx, c),
            Action::Edit { edit, merge } => {
                self.apply_edit(&edit, merge.as_deref());
            }
            Action::SetName(name) => {
                let name = name.trim();
                if !name.is_empty() {
                    self.prefs.user_name = Some(name.to_owned());
                    self.notes
                        .info(format!("Changes from now on are signed \"{name}\""));
                }
            }
            Action::EndMerge => self.doc.end_merge(),
            Action::Select(id) => {
                if self.doc.card.theme(&id).is_some() {
                    self.view.selected = Some(id);
                    self.view.scroll_to_selected = true;
                }
            }
            Action::OpenPath(path) => self.guard(ctx, Then::Open(path)),
            Action::Dialog(modal) => {
                if self.modal.is_none() {
                    self.modal = Some(modal);
                }
            }
            Action::Export(request) => self.pick_export(ctx, request),
            Action::Import { edit, remember } => {
                self.prefs.import_columns.extend(remember);
                self.view.import = None;
                let summary = match &edit {
                    Edit::Import { themes, source } => {
                        let (how_many, counts) =
                            crate::ui::import_dialog::import_summary(&self.doc.card, themes);
                        Some(format!(
                            "Imported {how_many} from {source}: {counts}. Undo (Ctrl+Z) takes it all back."
                        ))
                    }
                    _ => None,
                };
                let before = self.doc.generation;
                self.apply(ctx, Action::edit(edit));
                if let Some(s) = summary.filter(|_| self.doc.generation != before) {
                    self.notes.info(s);
                }
            }
            Action::ExportSlope(format) => self.pick_slope(ctx, format),
        }
    }

    /// The one place the document changes: every edit, from a panel, a dialog, an import or
    /// (later) a device, is signed with [`Self::signer`], checked by the model, logged and made
    /// undoable here. Returns whether it was applied; a refusal is shown, and nothing changes.
    pub(super) fn apply_edit(&mut self, edit: &Edit, merge: Option<&str>) -> bool {
        let who = self.signer();
        // A decision is recorded by whoever records it.
        let signed;
        let edit = match edit {
            Edit::SetDecision {
                theme,
                decision: Some(d),
            } if d.by != who => {
                let mut d = d.clone();
                d.by.clone_from(&who);
                signed = Edit::SetDecision {
                    theme: theme.clone(),
                    decision: Some(d),
                };
                &signed
            }
            _ => edit,
        };
        // Where the edited theme stood, so the selection can stay there if its id goes.
        let at = match edit {
            Edit::RemoveTheme { theme } | Edit::SetThemeText { theme, .. } => {
                self.doc.card.themes.iter().position(|t| &t.id == theme)
            }
            _ => None,
        };
        match self.doc.apply(edit, merge, &who, &timestamp()) {
            Ok(()) => {
                self.after_edit(edit, at);
                true
            }
            Err(e) => {
                self.notes.error(format!(
                    "Cannot make that change: {e}. Nothing was recorded."
                ));
                false
            }
        }
    }

    /// The name that signs changes: the one the user gave, else their login name. Nothing is
    /// held back to ask for it: a prompt that pops up mid-task takes the keys typed for the task.
    pub fn signer(&self) -> String {
        self.prefs
            .user_name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .or_else(login_name)
            .unwrap_or_else(|| "unnamed".to_owned())
    }

    fn after_edit(&mut self, edit: &Edit, at: Option<usize>) {
        match edit {
            Edit::AddTheme { theme, .. } => {
                self.view.selected = Some(theme.id.clone());
                self.view.scroll_to_selected = true;
                self.view.rename = Some((theme.id.clone(), theme.name.clone()));
            }
            // Removing a theme selects the one that took its place (or the one before, at
            // the end of the list), not the top of the list. A first real name gives a new
            // theme its id; the selection follows it.
            Edit::RemoveTheme { .. } | Edit::SetThemeText { .. } if self.selected().is_none() => {
                let themes = &self.doc.card.themes;
                let i = at.unwrap_or(0).min(themes.len().saturating_sub(1));
                self.view.selected = themes.get(i).map(|t| t.id.clone());
                self.view.scroll_to_selected = true;
            }
            _ => {}
        }
    }

    /// Runs a command.
    pub fn command(&mut self, ctx: &egui::Context, command: Command) {
        self.recent_commands.push(command);
        if self.recent_commands.len() > 16 {
            self.recent_commands.remove(0);
        }
        match command {
            Command::New => self.modal = Some(Modal::ChooseMethod),
            Command::Open => self.guard(ctx, Then::PickOpen),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.save_as(ctx),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                if !self.doc.undo() {
                    self.notes.info("Nothing to undo");
                }
            }
            Command::Redo => {
                if !self.doc.redo() {
                    self.notes.info("Nothing to redo");
                }
            }
            Command::AddTheme => {
                let add = self.add_theme();
                self.apply(ctx, add);
            }
            Command::RemoveTheme => {
                if let Some(id) = self.selected().cloned() {
                    self.modal = Some(Modal::RemoveTheme(id));
                }
            }
            Command::RenameTheme => {
                if let Some(t) = self.selected().and_then(|id| self.doc.card.theme(id)) {
                    self.view.rename = Some((t.id.clone(), t.name.clone()));
                }
            }
            Command::MoveThemeUp | Command::MoveThemeDown => {
                if let Some(edit) = self.move_selected(command == Command::MoveThemeUp) {
                    self.apply(ctx, edit);
                }
            }
            Command::EditNote => {
                let factor = self.doc.card.method.factors().nth(self.view.factor_cursor);
                if let (Some(theme), Some((_, f))) = (self.selected().cloned(), factor) {
                    self.view.tab = Tab::Scorecard;
                    self.view.editing_note = Some((theme, f.id.clone()));
                }
            }
            Command::ShowScorecard => self.view.tab = Tab::Scorecard,
            Command::ShowRanking => self.view.tab = Tab::Ranking,
            Command::ShowCharts => self.view.tab = Tab::Charts,
            Command::ShowWorkshop => self.view.tab = Tab::Workshop,
            Command::Export => self.open_export(),
            Command::Import => {
                let folder = self.prefs.last_folder.clone();
                self.jobs
                    .pick(ctx, super::jobs::PickPurpose::Import, folder, String::new());
            }
            Command::Compare => {
                let folder = self.prefs.last_folder.clone();
                self.jobs.pick(
                    ctx,
                    super::jobs::PickPurpose::Compare,
                    folder,
                    String::new(),
                );
            }
            Command::RevealVotes => match &mut self.view.presenter {
                Some(p) => p.revealed = !p.revealed,
                None => self.view.workshop.revealed = !self.view.workshop.revealed,
            },
            Command::Presenter => self.toggle_presenter(ctx),
            Command::ReusePeople => {
                let folder = self.prefs.last_folder.clone();
                self.jobs
                    .pick(ctx, super::jobs::PickPurpose::People, folder, String::new());
            }
            Command::NextRound => {
                let latest = self
                    .selected()
                    .and_then(|id| self.doc.card.theme(id))
                    .map_or(0, crate::model::workshop::latest_round);
                let current = self.view.workshop.round.unwrap_or(latest.max(1));
                self.view.workshop.round = Some(current.max(latest) + 1);
                self.view.workshop.revealed = false;
                self.view.tab = Tab::Workshop;
            }
            Command::LookLight => self.prefs.look = Look::Light,
            Command::LookDark => self.prefs.look = Look::Dark,
            Command::LookProjector => self.prefs.look = Look::Projector,
            Command::ZoomIn => self.prefs.step_zoom(true),
            Command::ZoomOut => self.prefs.step_zoom(false),
            Command::ZoomReset => self.prefs.zoom = 1.0,
            Command::Shortcuts => self.modal = Some(Modal::Shortcuts),
            Command::About => self.modal = Some(Modal::About),
        }
    }

    /// True when a command can run now (menus grey out the others).
    pub fn enabled(&self, command: Command) -> bool {
        match command {
            Command::Undo => self.doc.can_undo(),
            Command::Redo => self.doc.can_redo(),
            Command::RemoveTheme | Command::RenameTheme | Command::EditNote => {
                self.selected().is_some()
            }
            Command::MoveThemeUp => self.selected_index().is_some_and(|i| i > 0),
            Command::MoveThemeDown => self
                .selected_index()
                .is_some_and(|i| i + 1 < self.doc.card.themes.len()),
            Command::Save | Command::SaveAs => !self.saving,
            _ => true,
        }
    }

    /// Presenter mode on (full screen, projector look, from the selected theme) or off.
    pub fn toggle_presenter(&mut self, ctx: &egui::Context) {
        let on = self.view.presenter.is_none();
        self.view.presenter = on.then(|| crate::app::view::PresenterView {
            index: self.selected_index().unwrap_or(0),
            ..Default::default()
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
    }

    fn selected_index(&self) -> Option<usize> {
        let id = self.selected()?;
        self.doc.card.themes.iter().position(|t| &t.id == id)
    }

    fn move_selected(&self, up: bool) -> Option<Action> {
        let i = self.selected_index()?;
        let to = if up { i.checked_sub(1)? } else { i + 1 };
        (to < self.doc.card.themes.len()).then(|| {
            Action::edit(Edit::MoveTheme {
                theme: self.doc.card.themes[i].id.clone(),
                to,
            })
        })
    }

    fn add_theme(&mut self) -> Action {
        let name = next_untitled(&self.doc.card);
        let id = fresh_theme_id(&self.doc.card, &name);
        let at = self
            .selected()
            .and_then(|s| self.doc.card.themes.iter().position(|t| &t.id == s))
            .map_or(self.doc.card.themes.len(), |i| i + 1);
        self.view.tab = Tab::Scorecard;
        Action::edit(Edit::AddTheme {
            theme: Theme::new(id.as_str(), &name),
            at,
        })
    }
}

/// The operating system's name for the person logged in.
fn login_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|n| n.trim().to_owned())
        .find(|n| !n.is_empty())
}

fn next_untitled(card: &crate::model::Scorecard) -> String {
    let taken = |n: &str| card.themes.iter().any(|t| t.name == n);
    (1..)
        .map(|i| {
            if i == 1 {
                "New theme".to_owned()
            } else {
                format!("New theme {i}")
            }
        })
        .find(|n| !taken(n))
        .unwrap_or_default()
}
