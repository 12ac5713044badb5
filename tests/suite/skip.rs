//! Tests that drive Linux-only tools (Xvfb, Chromium, node, python3, `kill`) are skipped on
//! Windows, where the suite runs under Wine in CI (.ci/windows/build); they say so, naming
//! the test, and never pass silently. The Windows window itself is checked from Linux by
//! `windows::` (trh.exe under Wine and Xvfb).

/// True (after saying so on stderr) when this is Windows and `test` needs `tools`.
pub fn on_windows(test: &str, tools: &str) -> bool {
    if cfg!(windows) {
        eprintln!(
            "SKIPPED: {test}: needs {tools}, which the suite drives on Linux only; on Windows"
        );
        return true;
    }
    false
}
