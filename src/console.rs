//! `trh-console`: the `trh` command line built as a Windows console program, shipped as
//! `trh.com` beside the windowed `trh.exe`. cmd and PowerShell prefer `.com` to `.exe` when
//! `trh` is typed, so `trh rank FILE` prints and returns its exit code there, while a
//! double-click on `trh.exe` opens the window with no console. Everything lives in the library.
fn main() -> std::process::ExitCode {
    trh::cli::main()
}
