//! The one place where actions change the app: edits go through the document (undo, change
//! log, dirty flag), commands run, and selection follows.

use super::TrhApp;
use crate::model::edit::fresh_theme_id;
use crate::model::{Edit, Theme};
use crate::state::action::Action;
use crate::state::command::Command;
use crate::state::modal::Then;
use crate::state::view::Tab;

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
                    self.state.prefs.user_name = Some(name.to_owned());
                    self.state
                        .notes
                        .info(format!("Changes from now on are signed \"{name}\""));
                }
            }
            Action::EndMerge => self.state.doc.end_merge(),
            Action::Select(id) => {
                if self.state.doc.card.theme(&id).is_some() {
                    self.state.view.selected = Some(id);
                    self.state.view.scroll_to_selected = true;
                }
            }
            Action::OpenPath(path) => self.guard(ctx, Then::Open(path)),
            Action::Dialog(modal) => {
                if self.state.modal.is_none() {
                    self.state.modal = Some(modal);
                }
            }
            Action::Export(request) => self.pick_export(ctx, request),
            Action::Import { edit, remember } => {
                self.state.prefs.import_columns.extend(remember);
                self.state.view.import = None;
                let summary = match &edit {
                    Edit::Import { themes, source, .. } => {
                        let (how_many, counts) =
                            crate::ui::import_dialog::import_summary(&self.state.doc.card, themes);
                        Some(format!(
                            "Imported {how_many} from {source}: {counts}. Undo (Ctrl+Z) takes it all back."
                        ))
                    }
                    _ => None,
                };
                let before = self.state.doc.generation;
                self.apply(ctx, Action::edit(edit));
                if let Some(s) = summary.filter(|_| self.state.doc.generation != before) {
                    self.state.notes.info(s);
                }
            }
            Action::ExportSlope(format) => self.pick_slope(ctx, format),
            Action::Live(a) => self.live_action(ctx, a),
            Action::ReadEvidence(request) => self.read_evidence(ctx, request),
            Action::PickEvidence(slot) => self.pick_evidence(ctx, slot),
            Action::Rollup(a) => self.rollup_action(ctx, a),
            Action::CancelRead => {
                if let Some((_, progress)) = &self.state.reading {
                    progress.cancel();
                }
            }
        }
    }

    /// Every edit from the window (a panel, a dialog, an import, a phone's vote) reaches the
    /// document here, signed with [`crate::state::State::signer`]; the document signs, checks,
    /// logs and makes it undoable ([`crate::document::Document::apply`]). Returns whether it
    /// was applied; a refusal is shown, and nothing changes.
    pub(super) fn apply_edit(&mut self, edit: &Edit, merge: Option<&str>) -> bool {
        let who = self.state.signer();
        let done = self.apply_signed(edit, merge, &who);
        if done {
            self.journal_typed(edit, &who);
        }
        done
    }

    /// [`Self::apply_edit`], signed with `who` (an edit from a device names its sender).
    pub(super) fn apply_signed(&mut self, edit: &Edit, merge: Option<&str>, who: &str) -> bool {
        // Where the edited theme stood, so the selection can stay there if its id goes.
        let at = match edit {
            Edit::RemoveTheme { theme } | Edit::SetThemeText { theme, .. } => self
                .state
                .doc
                .card
                .themes
                .iter()
                .position(|t| &t.id == theme),
            _ => None,
        };
        match self.state.doc.apply(edit, merge, who) {
            Ok(()) => {
                self.after_edit(edit, at);
                true
            }
            Err(e) => {
                self.state.notes.error(format!(
                    "Cannot make that change: {e}. Nothing was recorded."
                ));
                false
            }
        }
    }

    /// Edits that arrived together from phones, each signed by its sender: applied together
    /// ([`crate::document::Document::apply_batch`]), as one undo step with one ranking, so
    /// thirty phones voting at once cost one ranking, not thirty. What the model refuses is
    /// said once.
    pub(super) fn apply_signed_batch<'a>(
        &mut self,
        edits: impl IntoIterator<Item = (&'a Edit, &'a str)>,
    ) {
        let refused = self.state.doc.apply_batch(edits);
        if let Some(note) = crate::document::refusal_note(&refused) {
            self.state.notes.error(note);
        }
    }

    fn after_edit(&mut self, edit: &Edit, at: Option<usize>) {
        match edit {
            Edit::AddTheme { theme, .. } => {
                self.state.view.selected = Some(theme.id.clone());
                self.state.view.scroll_to_selected = true;
                self.state.view.rename = Some((theme.id.clone(), theme.name.clone()));
            }
            // Removing a theme selects the one that took its place (or the one before, at
            // the end of the list), not the top of the list. A first real name gives a new
            // theme its id; the selection follows it.
            Edit::RemoveTheme { .. } | Edit::SetThemeText { .. }
                if self.state.selected().is_none() =>
            {
                let themes = &self.state.doc.card.themes;
                let i = at.unwrap_or(0).min(themes.len().saturating_sub(1));
                self.state.view.selected = themes.get(i).map(|t| t.id.clone());
                self.state.view.scroll_to_selected = true;
            }
            _ => {}
        }
    }

    /// Runs a command.
    pub fn command(&mut self, ctx: &egui::Context, command: Command) {
        self.state.ran(command);
        if self.state.view_command(command) {
            if command == Command::NextRound {
                self.live_follow_round();
            }
            return;
        }
        match command {
            Command::Open => self.guard(ctx, Then::PickOpen),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.save_as(ctx),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo | Command::Redo => self.undo_redo(command == Command::Undo),
            Command::AddTheme => {
                let add = self.add_theme();
                self.apply(ctx, add);
            }
            Command::MoveThemeUp | Command::MoveThemeDown => {
                if let Some(edit) = self.move_selected(command == Command::MoveThemeUp) {
                    self.apply(ctx, edit);
                }
            }
            Command::Export => self.open_export(),
            Command::CompareAreas => self.compare_areas(ctx),
            Command::Import | Command::Compare | Command::ReusePeople => {
                use crate::state::pick::PickPurpose;
                let purpose = match command {
                    Command::Import => PickPurpose::Import,
                    Command::Compare => PickPurpose::Compare,
                    _ => PickPurpose::People,
                };
                let folder = self.state.prefs.last_folder.clone();
                self.jobs.pick(ctx, purpose, folder, String::new());
            }
            Command::Presenter => self.toggle_presenter(ctx),
            Command::StartLive => {
                self.state.modal = Some(crate::state::modal::Modal::StartLive(
                    crate::live::net::choices(),
                    self.opening_on_start().1,
                ));
            }
            Command::StopLive => self.stop_live(None),
            Command::AcceptAllData => self.accept_all_data(),
            Command::RevealVotes => {
                if let Some(edit) = self.state.reveal_edit() {
                    self.apply(ctx, Action::edit(edit));
                }
            }
            // The rest change only view state and preferences: `State::view_command`.
            _ => {}
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let done = if undo {
            self.state.doc.undo()
        } else {
            self.state.doc.redo()
        };
        if !done {
            let what = if undo { "undo" } else { "redo" };
            self.state.notes.info(format!("Nothing to {what}"));
        }
    }

    /// Presenter mode on (full screen, projector look, from the selected theme) or off.
    pub fn toggle_presenter(&mut self, ctx: &egui::Context) {
        let on = self.state.view.presenter.is_none();
        self.state.view.presenter = on.then(|| crate::state::view::PresenterView {
            index: self.state.selected_index().unwrap_or(0),
            // While live voting runs, the join screen comes first.
            join: self.state.live.is_some(),
            ..Default::default()
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
    }

    fn move_selected(&self, up: bool) -> Option<Action> {
        let i = self.state.selected_index()?;
        let to = if up { i.checked_sub(1)? } else { i + 1 };
        (to < self.state.doc.card.themes.len()).then(|| {
            Action::edit(Edit::MoveTheme {
                theme: self.state.doc.card.themes[i].id.clone(),
                to,
            })
        })
    }

    fn add_theme(&mut self) -> Action {
        let name = next_untitled(&self.state.doc.card);
        let id = fresh_theme_id(&self.state.doc.card, &name);
        let at = self
            .state
            .selected()
            .and_then(|s| self.state.doc.card.themes.iter().position(|t| &t.id == s))
            .map_or(self.state.doc.card.themes.len(), |i| i + 1);
        self.state.view.tab = Tab::Scorecard;
        Action::edit(Edit::AddTheme {
            theme: Theme::new(id.as_str(), &name),
            at,
        })
    }
}

/// The first free name for a new theme: "New theme", then "New theme 2", and so on.
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
