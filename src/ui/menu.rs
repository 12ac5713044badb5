//! The menu bar, built from the [`Command`] list: each entry shows the command's label,
//! shortcut and tooltip, and is greyed out when it cannot run.

use crate::look::Look;
use crate::state::command::Menu;
use crate::state::{Action, Command, State};

/// Draws the menu bar.
pub fn menu_ui(ui: &mut egui::Ui, app: &State, out: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.label(), |ui| {
                for c in Command::in_menu(menu) {
                    command_button(ui, app, c, out);
                    if c == Command::Open {
                        recent_ui(ui, app, out);
                    }
                    if matches!(c, Command::Quit | Command::Redo | Command::ShowWorkshop) {
                        ui.separator();
                    }
                    if c == Command::LookProjector {
                        ui.separator();
                    }
                }
            });
        }
    });
}

fn command_button(ui: &mut egui::Ui, app: &State, c: Command, out: &mut Vec<Action>) {
    let mut button = egui::Button::new(c.label());
    if let Some(s) = c.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    let chosen = match c {
        Command::LookLight => Some(app.prefs.look == Look::Light),
        Command::LookDark => Some(app.prefs.look == Look::Dark),
        Command::LookProjector => Some(app.prefs.look == Look::Projector),
        _ => None,
    };
    if let Some(on) = chosen {
        button = button.selected(on);
    }
    let response = ui
        .add_enabled(app.enabled(c), button)
        .on_hover_text(c.tooltip());
    if response.clicked() {
        out.push(Action::Command(c));
        ui.close();
    }
}

fn recent_ui(ui: &mut egui::Ui, app: &State, out: &mut Vec<Action>) {
    ui.add_enabled_ui(!app.prefs.recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in &app.prefs.recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let response = ui.button(name).on_hover_text(path.display().to_string());
                if response.clicked() {
                    out.push(Action::OpenPath(path.clone()));
                    ui.close();
                }
            }
        });
    });
}
