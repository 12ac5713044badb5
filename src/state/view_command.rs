//! Commands that change only what is shown (tab, dialog, look, zoom, round, reveal), not the
//! document and nothing on disk: they need no window, thread or file, so they live beside
//! the state they change.

use super::State;
use super::command::Command;
use super::modal::Modal;
use super::view::Tab;
use crate::look::Look;

impl State {
    /// Runs `command` if it only changes view state or preferences; false for the others
    /// (the app runs those).
    pub fn view_command(&mut self, command: Command) -> bool {
        let view = &mut self.view;
        match command {
            Command::New => self.modal = Some(Modal::ChooseMethod),
            Command::Shortcuts => self.modal = Some(Modal::Shortcuts),
            Command::ShowMethod => view.show_method = true,
            Command::Details => {
                view.details = Some(super::view::DetailsForm::of(&self.doc.card));
            }
            Command::About => self.modal = Some(Modal::About),
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
            Command::EditNote => {
                let factor = self.doc.card.method.factors().nth(view.factor_cursor);
                if let (Some(theme), Some((_, f))) = (self.selected().cloned(), factor) {
                    self.view.tab = Tab::Scorecard;
                    self.view.editing_note = Some((theme, f.id.clone()));
                }
            }
            Command::ShowScorecard => view.tab = Tab::Scorecard,
            Command::ShowRanking => view.tab = Tab::Ranking,
            Command::ShowCharts => view.tab = Tab::Charts,
            Command::ShowWorkshop => view.tab = Tab::Workshop,
            Command::ShowEvidence => view.tab = Tab::Evidence,
            Command::ImportEvidence => {
                let form = view.evidence_form.take();
                view.evidence_form = Some(form.unwrap_or_else(|| self.prefs.evidence.clone()));
            }
            Command::NextRound => {
                let latest = self
                    .selected()
                    .and_then(|id| self.doc.card.theme(id))
                    .map_or(0, crate::model::workshop::latest_round);
                let w = &mut self.view.workshop;
                let current = w.round.unwrap_or(latest.max(1));
                w.round = Some(current.max(latest) + 1);
                self.view.tab = Tab::Workshop;
            }
            Command::LookLight => self.prefs.look = Look::Light,
            Command::LookDark => self.prefs.look = Look::Dark,
            Command::LookProjector => self.prefs.look = Look::Projector,
            Command::ZoomIn => self.prefs.step_zoom(true),
            Command::ZoomOut => self.prefs.step_zoom(false),
            Command::ZoomReset => self.prefs.zoom = 1.0,
            _ => return false,
        }
        true
    }

    /// The edit that *Reveal votes* (Ctrl+R, R in presenter mode) makes: reveal the round on
    /// show (the workshop grid's, or presenter mode's theme's latest). Pressed again it does
    /// nothing: hiding revealed votes is the workshop tab's *Hide votes* button, never a
    /// second key press (which would reopen the round to phones).
    pub fn reveal_edit(&self) -> Option<crate::model::Edit> {
        let (theme, round) = match &self.view.presenter {
            Some(p) => {
                let t: &crate::model::Theme = self.doc.card.themes.get(p.index)?;
                (t, crate::model::workshop::current_round(t).max(1))
            }
            None => {
                let t = self.doc.card.theme(self.selected()?)?;
                (t, self.view.workshop.round_for(t))
            }
        };
        (!theme.votes_shown(round)).then(|| crate::model::Edit::SetRoundHidden {
            theme: theme.id.clone(),
            round,
            hidden: false,
        })
    }
}
