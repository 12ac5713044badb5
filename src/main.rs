//! The `trh` binary: everything lives in the library.
//!
//! On Windows a release build is a windowed program: a double-click opens the window with no
//! console window beside it. The command line for cmd and PowerShell is `trh.com`
//! (`src/console.rs`); a debug build keeps its console for developers' logs.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    trh::cli::main()
}
