//! `trh` with no command: the desktop app on FILE (or a screenshot of it), or, in a build
//! without the window, a word on what to type instead.

use super::Cli;
#[cfg(feature = "gui")]
use crate::app::native::Screenshot;

/// Without the window (built with `--no-default-features`), `trh` alone has nothing to open.
#[cfg(not(feature = "gui"))]
pub(super) fn open_window(_cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    anyhow::bail!(
        "this trh was built without the desktop app (cargo build --no-default-features); give a command, e.g. trh rank FILE (see trh --help)"
    )
}

/// The desktop app, on FILE, or a screenshot of it.
#[cfg(feature = "gui")]
pub(super) fn open_window(cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    let shot = cli.screenshot.map(|out| Screenshot {
        out,
        size: cli.size,
        view: cli.view,
        look: cli.look,
        presenter: cli.presenter,
        compare: cli.compare,
        import: cli.import,
    });
    let wanted = shot.as_ref().map(|s| s.out.clone());
    let opened = crate::app::native::run(cli.file, shot);
    // On Windows, trh.exe is a windowed program: nobody sees its stderr, so a window that
    // cannot open (no OpenGL 2 on a virtual desktop, say) is said in a message box instead.
    #[cfg(windows)]
    if let (Err(e), None) = (&opened, &wanted) {
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("trh cannot open its window")
            .set_description(format!("{e:#}"))
            .show();
    }
    opened?;
    if let Some(out) = wanted
        && !out.is_file()
    {
        anyhow::bail!("no screenshot was written to {}", out.display());
    }
    Ok(std::process::ExitCode::SUCCESS)
}
