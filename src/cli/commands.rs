//! What each `trh` subcommand does. Everything here reads the model through `rank()`.

use super::load::{load, warn_marking};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::{CliCommand, MethodAction, TextOrJson, emit};
use crate::file::{self, FileError, doc::VersionProbe};
use crate::model::{Scorecard, rank};
use crate::report::explain::explain;
use crate::{generate, import, methods};

pub(super) fn dispatch(command: CliCommand) -> anyhow::Result<ExitCode> {
    match command {
        cmd @ CliCommand::Rank { .. } => super::ranking::rank_cmd(cmd)?,
        CliCommand::Explain {
            file,
            theme,
            format,
        } => explain_cmd(&file, &theme, format)?,
        CliCommand::Validate { files, format } => return validate(&files, format),
        CliCommand::Import {
            csv,
            sheet,
            method,
            out,
            title,
            force,
        } => import_cmd(&csv, sheet.as_deref(), &method, &out, title, force)?,
        CliCommand::Export {
            file,
            format,
            chart,
            size,
            theme,
            look,
            no_bom,
            bom: _,
            marking_row,
            cut,
            out,
        } => {
            let card = load(&file)?;
            let request = crate::export::ExportRequest {
                format,
                chart,
                size,
                bom: !no_bom,
                marking_row,
                theme,
                cut: cut.unwrap_or_else(|| card.cut()),
                look,
            };
            export_cmd(&card, &request, &out)?;
        }
        CliCommand::Diff {
            old,
            new,
            format,
            chart,
            size,
        } => diff_cmd(&old, &new, format, chart.as_deref(), size)?,
        CliCommand::Fmt { files, check } => return fmt(&files, check),
        cmd @ CliCommand::Stability { .. } => super::ranking::stability_cmd(cmd)?,
        CliCommand::CloseCalls { file, top, format } => {
            super::ranking::close_calls_cmd(&file, top, format)?;
        }
        CliCommand::Live {
            file,
            bind,
            port,
            theme,
        } => super::live::run(&file, bind, port, theme.as_deref())?,
        CliCommand::Methods { format } => list_methods(format)?,
        CliCommand::Evidence(args) => super::evidence::run(&args)?,
        CliCommand::Rollup(args) => super::rollup::run(&args)?,
        CliCommand::SampleData { out } => {
            for p in crate::generate::police::write_sample_data(&out)? {
                eprintln!("wrote {}", p.display());
            }
            for p in crate::generate::areas::write_peninsula(&out.join("peninsula"))? {
                eprintln!("wrote {}", p.display());
            }
        }
        CliCommand::Method {
            action: MethodAction::Show { name },
        } => show_method(&name)?,
        CliCommand::Generate {
            themes,
            participants,
            seed,
            method,
            out,
        } => {
            let method = methods::resolve(&method)?;
            let card = generate::generate(&method, themes, participants, seed);
            file::save::save_scorecard(&card, &out)?;
            eprintln!(
                "wrote {} ({themes} themes, {participants} participants, seed {seed})",
                out.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `trh export`: the bytes, written atomically to `out`.
fn export_cmd(
    card: &Scorecard,
    request: &crate::export::ExportRequest,
    out: &Path,
) -> anyhow::Result<()> {
    let bytes = crate::export::export(card, request)?;
    crate::export::write(out, &bytes)?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

/// `trh method show NAME`: a shipped method's text, or a method file's in the current format.
fn show_method(name: &str) -> anyhow::Result<()> {
    let text = match methods::builtin_text(name) {
        Some(t) => t.to_owned(),
        None => {
            let m = file::load_method(Path::new(name)).with_context(|| {
                format!(
                    "\"{name}\" is neither a shipped method (see `trh methods`) nor a readable method file"
                )
            })?;
            file::method_to_text(&m)?
        }
    };
    emit(&text)
}

fn explain_cmd(path: &Path, key: &str, format: TextOrJson) -> anyhow::Result<()> {
    let card = load(path)?;
    let Some(theme) = card.find_theme(key) else {
        let names: Vec<String> = card
            .themes
            .iter()
            .map(|t| format!("{} ({})", t.id, t.name))
            .collect();
        bail!(
            "{}: no theme with id or name \"{key}\"; themes are: {}",
            path.display(),
            names.join(", ")
        );
    };
    let ranking = rank(&card);
    let row = ranking
        .row(&theme.id)
        .context("theme missing from its own ranking")?;
    match format {
        TextOrJson::Text => emit(&explain(&card, &ranking, row)),
        TextOrJson::Json => emit(&crate::report::json_text(row)?),
    }
}

/// What a file given to `validate` turned out to be.
enum Checked {
    Scorecard(Box<Scorecard>),
    Method(String),
}

fn check_file(path: &Path) -> Result<Checked, FileError> {
    let text = file::read_text(path)?;
    // A method file has no `version` field at the top but has `format`; anything that is
    // not recognisably a method is checked as a scorecard, so its errors make sense.
    let is_scorecard = file::ron_options()
        .from_str::<VersionProbe>(&text)
        .is_ok_and(|p| p.version.is_some());
    if !is_scorecard && looks_like_method(&text) {
        return file::parse_method(&text, path).map(|m| Checked::Method(m.id));
    }
    file::parse_scorecard(&text, path).map(|c| Checked::Scorecard(Box::new(c)))
}

fn looks_like_method(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#!"))
        .is_some_and(|l| l.starts_with("Method("))
}

fn validate(files: &[std::path::PathBuf], format: TextOrJson) -> anyhow::Result<ExitCode> {
    let mut all_ok = true;
    let mut json = Vec::new();
    for path in files {
        let result = check_file(path);
        all_ok &= result.is_ok();
        match format {
            TextOrJson::Text => match &result {
                Ok(Checked::Scorecard(c)) => {
                    emit(&format!(
                        "{}: ok (scorecard, {} themes, method {} {})\n",
                        path.display(),
                        c.themes.len(),
                        c.method.id,
                        c.method.version
                    ))?;
                    warn_marking(path, c);
                }
                Ok(Checked::Method(id)) => emit(&format!("{}: ok (method {id})\n", path.display()))?,
                Err(e) => eprintln!("{e}"),
            },
            TextOrJson::Json => json.push(serde_json::json!({
                "file": path.display().to_string(),
                "ok": result.is_ok(),
                "problems": result.as_ref().err().map(|e| match e.problems() {
                    [] => vec![serde_json::json!({"message": e.to_string()})],
                    ps => ps.iter().map(|p| serde_json::json!({"line": p.line, "column": p.col, "message": p.message})).collect(),
                }).unwrap_or_default(),
            })),
        }
    }
    if format == TextOrJson::Json {
        emit(&crate::report::json_text(&json)?)?;
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn import_cmd(
    path: &Path,
    sheet: Option<&str>,
    method: &str,
    out: &Path,
    title: Option<String>,
    force: bool,
) -> anyhow::Result<()> {
    let method = methods::resolve(method)?;
    if out.exists() && !force {
        bail!(
            "{} already exists; choose another --out or pass --force (the old file is kept as .bak)",
            out.display()
        );
    }
    let table = import::table::read_path(path, sheet)?;
    let name = path.display().to_string();
    let title = title.unwrap_or_else(|| {
        path.file_stem().map_or_else(
            || "Imported scorecard".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    });
    match import::from_table(&table, &method, &title, &name) {
        Ok(card) => {
            let layout = import::detect(&table, &method, &import::Remembered::new());
            for w in import_warnings(&table, &layout, &method, &card) {
                eprintln!("{name}: {w}");
            }
            file::save::save_scorecard(&card, out)?;
            eprintln!(
                "wrote {} ({} themes, method {} {}; {name} read as {})",
                out.display(),
                card.themes.len(),
                card.method.id,
                card.method.version,
                table.read_as()
            );
            Ok(())
        }
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| format!("{name}: {p}")).collect();
            bail!("{}\nnothing was written", lines.join("\n"))
        }
    }
}

/// What the analyst should know about an import that worked: the heading row chosen, factors
/// with no column, the marking carried, a notes column kept.
fn import_warnings(
    table: &import::Table,
    layout: &import::Layout,
    method: &crate::model::Method,
    card: &crate::model::Scorecard,
) -> Vec<String> {
    let mut out = Vec::new();
    if layout.header > 0 {
        let line = table.rows.get(layout.header).map_or(0, |r| r.line);
        out.push(format!(
            "headings read from row {line}; the rows above were skipped"
        ));
    }
    let missing = layout.missing_factors(method);
    if !missing.is_empty() {
        out.push(format!(
            "warning: no column for {} of the method's {} factors ({}): themes do not rank until those are scored",
            missing.len(),
            method.factors().count(),
            missing.join(", ")
        ));
    }
    if card.marking != crate::model::scorecard::DEFAULT_MARKING {
        out.push(format!("marked {} as the sheet is", card.marking));
    }
    if layout.columns.contains(&Some(import::Target::Notes)) {
        out.push("the notes column is kept with each theme's evidence".to_owned());
    }
    out
}

fn diff_cmd(
    old: &Path,
    new: &Path,
    format: crate::report::diff::DiffFormat,
    chart: Option<&Path>,
    size: (u32, u32),
) -> anyhow::Result<()> {
    let (a, b) = (load(old)?, load(new)?);
    let diff = crate::model::diff::diff(&a, &b);
    emit(&crate::report::diff::render(&diff, format)?)?;
    if let Some(out) = chart {
        let format = match out.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("png") => crate::export::ExportFormat::Png,
            Some(e) if e.eq_ignore_ascii_case("svg") => crate::export::ExportFormat::Svg,
            _ => bail!(
                "{}: the slope chart is written as .png or .svg",
                out.display()
            ),
        };
        let bytes = crate::export::slope_bytes(&diff, &b, format, size)?;
        crate::export::write(out, &bytes)?;
        eprintln!("wrote {}", out.display());
    }
    Ok(())
}

fn fmt(files: &[std::path::PathBuf], check: bool) -> anyhow::Result<ExitCode> {
    let mut all_ok = true;
    for path in files {
        let text = file::read_text(path)?;
        let canonical = if file::is_method_text(&text) {
            // A method file keeps its comments and layout: only its format is upgraded.
            match file::upgrade_method_text(&text, path)? {
                Some(upgraded) => upgraded,
                None => continue,
            }
        } else {
            // Saving writes the embedded method in the newest format.
            let card = file::parse_scorecard(&text, path)?;
            file::save::scorecard_to_text(&card)?
        };
        if canonical == text {
            continue;
        }
        if check {
            eprintln!("{}: not in canonical layout", path.display());
            all_ok = false;
        } else {
            file::save::write_atomic(path, canonical.as_bytes())?;
            eprintln!("{}: rewritten", path.display());
        }
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn list_methods(format: TextOrJson) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    for (id, _) in methods::BUILTIN {
        let m = methods::builtin(id).with_context(|| format!("shipped method {id} is invalid"))?;
        rows.push(m);
    }
    match format {
        TextOrJson::Text => {
            let mut out = String::new();
            for m in &rows {
                out.push_str(&format!(
                    "{:<24} {} (version {})\n{:<24} {}\n",
                    m.id, m.name, m.version, "", m.provenance
                ));
            }
            out.push_str("\nShow one with `trh method show ID`; copy it to write your own.\n");
            emit(&out)
        }
        TextOrJson::Json => {
            let list: Vec<_> = rows
                .iter()
                .map(|m| {
                    serde_json::json!({"id": m.id, "name": m.name, "version": m.version, "provenance": m.provenance})
                })
                .collect();
            emit(&crate::report::json_text(&list)?)
        }
    }
}
