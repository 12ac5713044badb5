//! The direction of imports, checked on the source text: model ← state ← ui ← app.
//!
//! - The model is pure: no window, chart, file-system or file-format code.
//! - The headless layers (model, file, report, import, export, chart, look, live voting's
//!   server and the shipped methods) never reach the app, its state, the panels or egui, so the command line and the
//!   exports work without a window.
//! - The state that panels read never reaches the panels or the frame loop, and the panels
//!   never reach the frame loop (`crate::app`): they read [`trh::state::State`] and queue
//!   actions.

use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// Every `.rs` file under `path` (or `path` itself), with its code lines (comments dropped).
fn code_lines(path: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("folder") {
            files.extend(code_lines(&entry.expect("entry").path()));
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        let text = std::fs::read_to_string(path).expect("read");
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            files.push((path.to_owned(), line.to_owned()));
        }
    }
    files
}

/// Checks that no code line of `parts` contains any of `forbidden`; returns how many files
/// were read.
fn check(parts: &[&str], forbidden: &[&str]) -> usize {
    let mut files = std::collections::HashSet::new();
    for part in parts {
        let path = Path::new(SRC).join(part);
        assert!(path.exists(), "{} is missing", path.display());
        for (file, line) in code_lines(&path) {
            for word in forbidden {
                assert!(
                    !line.contains(word),
                    "{} uses {word}: {line}",
                    file.display()
                );
            }
            files.insert(file);
        }
    }
    files.len()
}

#[test]
fn model_has_no_ui_chart_or_file_system_imports() {
    let n = check(
        &["model"],
        &[
            "egui",
            "eframe",
            "plotters",
            "std::fs",
            "std::io",
            "std::path",
            "rfd",
            "ron::",
            "crate::state",
            "crate::app",
            "crate::ui",
            "crate::chart",
            "crate::live",
            "tokio",
            "axum",
        ],
    );
    assert!(n >= 5, "only {n} files checked");
}

#[test]
fn headless_layers_never_reach_the_app_its_state_or_egui() {
    let n = check(
        &[
            "model",
            "file",
            "report",
            "import",
            "export",
            "chart",
            "look.rs",
            "methods.rs",
            "generate.rs",
            "live",
        ],
        &[
            "crate::app",
            "crate::ui",
            "crate::state",
            "egui",
            "eframe",
            "rfd",
        ],
    );
    assert!(n >= 30, "only {n} files checked");
}

#[test]
fn state_never_reaches_the_panels_or_the_frame_loop() {
    let n = check(&["state"], &["crate::app", "crate::ui", "rfd", "eframe"]);
    assert!(n >= 8, "only {n} files checked");
}

#[test]
fn panels_never_reach_the_frame_loop() {
    let n = check(&["ui"], &["crate::app", "TrhApp", "rfd"]);
    assert!(n >= 20, "only {n} files checked");
}
