//! Scorecard files: every kind of bad content names the file, line and column; big files are
//! refused unread; saving is atomic, deterministic and keeps a backup.

use std::path::Path;

use trh::file::{self, FileError, MAX_FILE_BYTES, save};

const SAMPLE: &str = include_str!("../../scorecards/plymouth-style-2018.ron");

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle")
        + 1
}

/// Applies an edit to the sample and returns the single problem it causes.
fn problem(from: &str, to: &str) -> (String, usize, usize) {
    assert!(SAMPLE.contains(from), "edit not found: {from}");
    let text = SAMPLE.replacen(from, to, 1);
    match file::parse_scorecard(&text, Path::new("card.ron")) {
        Err(FileError::Invalid { problems, .. }) => {
            let p = &problems[0];
            (
                p.message.clone(),
                p.line.expect("a line"),
                p.col.expect("a column"),
            )
        }
        Err(e) => panic!("unexpected error: {e}"),
        Ok(_) => panic!("accepted bad edit {from} → {to}"),
    }
}

#[test]
fn content_errors_name_the_line_and_the_problem() {
    let vote = r#"votes: {"p1": "H", "p2": "VH""#;
    let cases = [
        (
            "unknown factor",
            "factor: \"financial\",\n                    draft: \"M\"",
            "factor: \"financal\",\n                    draft: \"M\"",
            "unknown factor \"financal\"",
        ),
        (
            "score out of range",
            "factor: \"financial\",\n                    draft: \"M\"",
            "factor: \"financial\",\n                    draft: \"Q\"",
            "\"Q\" is not a level of this scale",
        ),
        (
            "duplicate theme id",
            r#"id: "rtc","#,
            r#"id: "asb","#,
            "duplicate theme id \"asb\"",
        ),
        (
            "vote by unknown participant",
            vote,
            &vote.replace("\"p1\": \"H\"", "\"p99\": \"H\""),
            "vote by unknown participant \"p99\"",
        ),
    ];
    for (name, from, to, words) in cases {
        let (msg, line, col) = problem(from, to);
        assert!(msg.contains(words), "{name}: {msg}");
        let edited = SAMPLE.replacen(from, to, 1);
        let want_line = match name {
            // The second occurrence is the duplicate.
            "duplicate theme id" => line_of(&edited, "Road traffic collisions") - 1,
            "vote by unknown participant" => line_of(&edited, "\"p99\""),
            "score out of range" => line_of(&edited, "draft: \"Q\""),
            _ => line_of(&edited, to.lines().next().unwrap_or(to)),
        };
        assert_eq!(line, want_line, "{name}: {msg}");
        assert!(col > 1, "{name}: column {col}");
    }
}

#[test]
fn a_file_from_a_newer_trh_is_refused_politely() {
    let (msg, line, _) = problem("version: 2,", "version: 3, future_field: 3,");
    assert!(msg.contains("newer version of trh"), "{msg}");
    assert_eq!(line, line_of(SAMPLE, "version: 2,"));
}

#[test]
fn syntax_errors_give_line_and_column() {
    let text = SAMPLE.replacen("period: \"2018/19\",", "period: \"2018/19\"", 1);
    let err = file::parse_scorecard(&text, Path::new("x.ron")).expect_err("syntax");
    let msg = err.to_string();
    assert!(msg.starts_with("x.ron:"), "{msg}");
    let p = &err.problems()[0];
    assert_eq!(p.line, Some(line_of(SAMPLE, "author:")));
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let text = SAMPLE
        .replacen(r#"draft: "M","#, r#"draft: "Q","#, 1)
        .replacen(r#"id: "rtc","#, r#"id: "asb","#, 1);
    let err = file::parse_scorecard(&text, Path::new("x.ron")).expect_err("two problems");
    assert_eq!(err.problems().len(), 2, "{err}");
}

#[test]
fn oversized_files_are_refused_without_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
    let err = file::load_scorecard(&path).expect_err("too large");
    assert!(matches!(err, FileError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("huge.ron"), "{err}");
}

#[test]
fn non_utf8_is_reported_with_its_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bin.ron");
    std::fs::write(&path, b"Scorecard(\n  title: \"\xff\"").expect("write");
    let err = file::load_scorecard(&path).expect_err("not text");
    assert_eq!(err.problems()[0].line, Some(2), "{err}");
}

#[test]
fn missing_file_names_the_file() {
    let err = file::load_scorecard(Path::new("/nonexistent/x.ron")).expect_err("missing");
    assert!(err.to_string().contains("/nonexistent/x.ron"), "{err}");
}

#[test]
fn save_is_atomic_deterministic_and_keeps_a_backup() {
    let card = file::parse_scorecard(SAMPLE, Path::new("s")).expect("sample");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("card.ron");
    save::save_scorecard(&card, &path).expect("first save");
    let first = std::fs::read_to_string(&path).expect("read");
    assert!(
        !save::backup_path(&path).exists(),
        "no backup without a previous file"
    );

    let mut changed = card.clone();
    changed.title = "Second version".into();
    save::save_scorecard(&changed, &path).expect("second save");
    let backup = std::fs::read_to_string(save::backup_path(&path)).expect("backup");
    assert_eq!(backup, first, "the previous version is kept as .bak");

    // Same model, same bytes.
    save::save_scorecard(&card, &path).expect("third save");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), first);

    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, vec!["card.ron", "card.ron.bak"]);
}

#[test]
fn save_into_a_missing_folder_fails_and_names_the_file() {
    let card = file::parse_scorecard(SAMPLE, Path::new("s")).expect("sample");
    let err =
        save::save_scorecard(&card, Path::new("/nonexistent-dir/card.ron")).expect_err("no dir");
    assert!(
        err.to_string().contains("/nonexistent-dir/card.ron"),
        "{err}"
    );
}

/// Saving keeps a file's permissions (colleagues on a shared drive keep access), and new
/// files and exports get the user's usual mode (the umask), not owner-only.
#[cfg(unix)]
#[test]
fn saving_and_exporting_keep_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let dir = tempfile::tempdir().expect("tmp");
    // What any program's new file gets here: 0666 less the umask.
    let probe = dir.path().join("probe");
    std::fs::File::create(&probe).expect("create");
    let usual = mode(&probe);
    let card =
        trh::file::parse_scorecard(trh::methods::SAMPLE, Path::new("s.ron")).expect("sample");
    let path = dir.path().join("card.ron");
    save::save_scorecard(&card, &path).expect("saves");
    assert_eq!(mode(&path), usual, "a new scorecard has the usual mode");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    save::save_scorecard(&card, &path).expect("saves again");
    assert_eq!(mode(&path), 0o664, "replacing keeps the file's mode");
    assert_eq!(
        mode(&save::backup_path(&path)),
        0o664,
        "and so does the backup"
    );
    let csv = dir.path().join("ranking.csv");
    trh::export::write(&csv, b"x").expect("exports");
    assert_eq!(mode(&csv), usual, "an export has the usual mode");
    std::fs::set_permissions(&csv, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    trh::export::write(&csv, b"y").expect("exports again");
    assert_eq!(mode(&csv), 0o644);
    // A file of secrets (live voting's room) is owner-only from the start, and stays so
    // when it replaces a file others could read.
    let room = dir.path().join("card.ron.room");
    save::replace_private(&room, b"secret").expect("writes");
    assert_eq!(mode(&room), 0o600, "a new private file");
    std::fs::set_permissions(&room, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    save::replace_private(&room, b"secret 2").expect("writes again");
    assert_eq!(mode(&room), 0o600, "replaced, still private");
}

/// The lead's cut line is saved in the scorecard and comes back on reopening.
#[test]
fn the_cut_line_is_saved_and_read_back() {
    let mut card =
        trh::file::parse_scorecard(trh::methods::SAMPLE, Path::new("s.ron")).expect("sample");
    let before = card.cut();
    card.cut = Some(3);
    let text = save::scorecard_to_text(&card).expect("text");
    assert!(text.contains("cut: 3,"), "written plainly");
    let back = trh::file::parse_scorecard(&text, Path::new("s.ron")).expect("reads");
    assert_eq!(back.cut(), 3);
    assert_ne!(before, 3, "not the default by accident");
    assert_eq!(trh::model::rank(&back).cut, 3);
}

/// Two entries for one round of one factor: which votes count would be an accident of order,
/// so the file is refused at the second entry.
#[test]
fn a_round_given_twice_is_refused_at_its_place() {
    let one = "                        Round(\n                            round: 1,\n                            votes: {\"p1\": \"VH\", \"p2\": \"VH\", \"p3\": \"H\", \"p4\": \"VH\", \"p5\": \"VH\", \"p6\": \"VH\", \"p7\": \"H\", \"p8\": \"VH\"},\n                        ),\n";
    assert!(SAMPLE.contains(one), "the sample's first round");
    let again = one.replace("\"p1\": \"VH\"", "\"p1\": \"L\"");
    let (msg, line, _) = problem(one, &format!("{one}{again}"));
    assert!(msg.contains("round 1 appears twice"), "{msg}");
    let edited = SAMPLE.replacen(one, &format!("{one}{again}"), 1);
    let second = edited
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("round: 1,"))
        .nth(1)
        .map(|(i, _)| i + 1)
        .expect("two rounds");
    assert_eq!(line, second, "{msg}");
}

/// A line break or other control character in a one-line field (the marking, a title, a theme
/// or participant name) would break the CSV cell, print header, report banner or window title
/// it goes into: the file is refused at the field.
#[test]
fn control_characters_in_one_line_fields_are_refused_at_their_place() {
    let cases = [
        (
            "marking: \"OFFICIAL\",",
            "marking: \"OFFICIAL\\n=HYPERLINK(1)\",",
            "marking has a line break",
        ),
        (
            "name: \"Road traffic collisions\",",
            "name: \"Road\\ttraffic collisions\",",
            "theme \"rtc\": name has a tab",
        ),
        (
            "name: \"Sam Hughes\",",
            "name: \"Sam\\u{7}Hughes\",",
            "participant \"p1\": name has the control character U+0007",
        ),
    ];
    for (from, to, words) in cases {
        let (msg, line, _) = problem(from, to);
        assert!(msg.contains(words), "{msg}");
        assert_eq!(line, line_of(&SAMPLE.replacen(from, to, 1), to), "{msg}");
    }
}

/// A marking that is not a UK Government Security Classification loads (it is printed as
/// written) but every command that reads it warns.
#[test]
fn an_unknown_marking_is_warned_about_not_hidden() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("restricted.ron");
    std::fs::write(
        &path,
        SAMPLE.replacen("marking: \"OFFICIAL\",", "marking: \"RESTRICTED\",", 1),
    )
    .expect("write");
    for args in [vec!["validate"], vec!["rank"]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_trh"))
            .args(&args)
            .arg(&path)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("warning:")
                && err.contains("\"RESTRICTED\" is not a UK Government Security Classification"),
            "{args:?}: {err}"
        );
    }
}

/// A hidden round is in the file (`hidden_rounds`), reads back, and its votes count for
/// nothing in `trh rank` until the round is revealed; a round 0 there is refused.
#[test]
fn hidden_rounds_are_kept_in_the_file_and_count_for_nothing() {
    use trh::model::{Edit, Theme};
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("hidden.ron");
    let mut card =
        trh::file::parse_scorecard(SAMPLE, std::path::Path::new("sample.ron")).expect("sample");
    let theme: &Theme = &card.themes[0];
    let id = theme.id.clone();
    let round = trh::model::workshop::latest_round(theme);
    let before = trh::model::rank(&card);
    Edit::SetRoundHidden {
        theme: id.clone(),
        round,
        hidden: true,
    }
    .apply(&mut card)
    .expect("hides");
    let hidden = trh::model::rank(&card);
    trh::file::save::save_scorecard(&card, &path).expect("saves");
    let text = std::fs::read_to_string(&path).expect("read");
    let at = text.find("hidden_rounds: [").expect("written");
    let end = at + text[at..].find(']').expect("closed") + 1;
    let written: String = text[at..end].split_whitespace().collect();
    assert_eq!(written, format!("hidden_rounds:[{round},]"));
    let back = trh::file::load_scorecard(&path).expect("loads");
    assert_eq!(back.themes[0].hidden_rounds, card.themes[0].hidden_rounds);
    let row = |r: &trh::model::Ranking| {
        let row = r.rows.iter().find(|x| x.id == id).expect("row");
        row.factors
            .iter()
            .filter(|f| f.round == Some(round))
            .count()
    };
    assert!(row(&before) > 0, "the latest round counted before");
    assert_eq!(row(&hidden), 0, "and counts for nothing while hidden");
    assert_eq!(row(&trh::model::rank(&back)), 0);
    let bad = format!("{}hidden_rounds: [0]{}", &text[..at], &text[end..]);
    std::fs::write(&path, bad).expect("write");
    let err = trh::file::load_scorecard(&path)
        .expect_err("refused")
        .to_string();
    assert!(
        err.contains("hidden_rounds: rounds are numbered from 1"),
        "{err}"
    );
}

/// A read-only file is never written over (on Linux the rename would replace it; on Windows
/// it would fail): the error says so in plain words, and the file and folder are as they were.
#[test]
fn a_read_only_file_is_refused_in_plain_words_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("tmp");
    let card =
        trh::file::parse_scorecard(trh::methods::SAMPLE, Path::new("s.ron")).expect("sample");
    let path = dir.path().join("card.ron");
    save::save_scorecard(&card, &path).expect("saves");
    let csv = dir.path().join("ranking.csv");
    trh::export::write(&csv, b"old").expect("exports");
    let before = std::fs::read(&path).expect("read");
    for p in [&path, &csv] {
        let mut perms = std::fs::metadata(p).expect("meta").permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(p, perms).expect("read-only");
    }
    let listing = || {
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        names
    };
    let files = listing();
    let err = save::save_scorecard(&card, &path).expect_err("refused");
    assert!(err.blocked(), "the app offers Save as… and Try again");
    let message = err.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("the file is read-only"), "{message}");
    let err = trh::export::write(&csv, b"new").expect_err("refused");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(std::fs::read(&csv).expect("read"), b"old");
    assert_eq!(listing(), files, "no temporary file is left behind");
    for p in [&path, &csv] {
        let mut perms = std::fs::metadata(p).expect("meta").permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(p, perms).expect("writable");
    }
    save::save_scorecard(&card, &path).expect("saves once writable");
}

/// Windows: a workbook or CSV open in Excel is locked (opened without sharing delete), and
/// replacing it fails. The error says to close it in Excel; the old file stays; once it is
/// closed, trying again works. (Linux has no such locks; there the export just replaces it.)
#[cfg(windows)]
#[test]
fn an_export_over_a_file_open_in_excel_says_so_and_keeps_everything() {
    use std::os::windows::fs::OpenOptionsExt;
    const FILE_SHARE_READ: u32 = 1;
    let dir = tempfile::tempdir().expect("tmp");
    let csv = dir.path().join("ranking.csv");
    trh::export::write(&csv, b"old").expect("exports");
    // Excel shares a file it shows for reading only.
    let excel = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ)
        .open(&csv)
        .expect("open as Excel does");
    let err = trh::export::write(&csv, b"new").expect_err("locked");
    assert!(err.blocked(), "the app offers Try again and another name");
    let message = err.to_string();
    assert!(
        message.contains("open in another program, such as Excel"),
        "{message}"
    );
    assert!(
        message.contains("Close it there and try again"),
        "{message}"
    );
    drop(excel);
    assert_eq!(
        std::fs::read(&csv).expect("read"),
        b"old",
        "the old file is kept"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
    trh::export::write(&csv, b"new").expect("once closed, trying again works");
    assert_eq!(std::fs::read(&csv).expect("read"), b"new");
}

/// Windows: drive letters and UNC paths (`\\server\share\CSP\2026.ron`) are named as the user
/// wrote them in messages, and recent files and the last folder keep them whole.
#[cfg(all(windows, feature = "gui"))]
#[test]
fn drive_letters_and_unc_paths_are_kept_whole() {
    let unc = Path::new(r"\\server\share\CSP\2026.ron");
    let mut prefs = trh::state::prefs::Prefs::default();
    prefs.used(unc);
    assert_eq!(
        prefs.recent.first().map(std::path::PathBuf::as_path),
        Some(unc)
    );
    assert_eq!(
        prefs.last_folder.as_deref(),
        Some(Path::new(r"\\server\share\CSP"))
    );
    assert_eq!(unc.file_name().and_then(|n| n.to_str()), Some("2026.ron"));
    // A drive that is not there (an unmapped network drive) is named in the error.
    let missing = Path::new(r"Q:\CSP\2026.ron");
    let err = trh::file::load_scorecard(missing).expect_err("no such drive");
    assert!(err.to_string().contains(r"Q:\CSP\2026.ron"), "{err}");
}

/// Windows: unsaved work is kept for recovery in the user's own local AppData (never copied
/// about with a roaming profile), as Windows programs keep such files.
#[cfg(all(windows, feature = "gui"))]
#[test]
fn recovery_files_live_in_the_users_local_appdata() {
    let r = trh::app::recovery::Recovery::platform().expect("a data folder");
    let dir = r.dir.display().to_string();
    assert!(dir.contains(r"\AppData\Local\trh\"), "{dir}");
}
