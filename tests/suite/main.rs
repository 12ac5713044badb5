//! The integration tests, as one test binary: each module used to be a binary of its own,
//! and every one of them linked the whole crate (egui, eframe, plotters, ...). One binary links
//! once. `cargo test` runs them all; `cargo test --test suite ui::` runs one module.
//!
//! | module | what it covers |
//! |---|---|
//! | `architecture` | the direction of imports (model ← document ← state ← ui ← app), read from the code |
//! | `cli` | `trh rank`, `explain`, `validate`, `import`, `export`, `diff`, `generate` |
//! | `compat` | format-1 files load, rank as before, and `trh fmt` upgrades them |
//! | `diff` | year on year |
//! | `exports` | CSV, Markdown, HTML, workbook and chart files, marking and formula safety |
//! | `files` | loading hostile files, atomic saves, permissions |
//! | `imports` | spreadsheets in |
//! | `live`, `live_client`, `live_browser` | live voting: the server in process (`trh live`'s kiosk), a plain HTTP client for it, and the phone page in chromium and WebKit |
//! | `methods`, `method_messages` | the shipped methods and method checks; each mistake's exact message |
//! | `one_door` | the window and `trh live` apply, sign and log the same votes the same way |
//! | `proptests` | properties of ranking and files over generated input |
//! | `recipes` | the method-format recipes: each loads, ranks and explains as its paper says |
//! | `samples` | the bundled and example scorecards |
//! | `skip` | how a test says `SKIPPED:` when a tool is missing (and fails instead when CI requires it) |
//! | `smoke` | the real window under Xvfb |
//! | `ui`, `ui_exchange`, `ui_keys`, `ui_layout`, `ui_live`, `ui_stability` | the app, headless with egui_kittest |
//! | `windows` | the Windows programs under Wine: the window, the zip, the installer |

// The desktop app's tests need the window code (the default `gui` feature).
#[cfg(feature = "gui")]
mod common;

mod architecture;
mod board_paper;
mod chart_text;
mod cli;
mod compat;
mod cut_tie;
mod decimal;
mod diff;
mod evidence;
mod exact;
mod exports;
mod files;
mod imports;
mod kill9;
mod live;
mod live_browser;
mod live_cli;
mod live_client;
mod live_webkit;
mod method_messages;
mod methods;
#[cfg(feature = "gui")]
mod one_door;
mod proptests;
mod recipes;
mod rollup;
mod samples;
mod skip;
// trh.exe under Wine, driven from Linux (the Windows run itself skips it).
#[cfg(feature = "gui")]
mod smoke;
mod trh_live;
#[cfg(feature = "gui")]
mod ui;
#[cfg(feature = "gui")]
mod ui_details;
mod ui_exchange;
#[cfg(feature = "gui")]
mod ui_keys;
#[cfg(feature = "gui")]
mod ui_layout;
#[cfg(feature = "gui")]
mod ui_live;
#[cfg(feature = "gui")]
mod ui_stability;
#[cfg(all(not(windows), feature = "gui"))]
mod windows;
