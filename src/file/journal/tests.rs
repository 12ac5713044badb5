//! The journal's crash cases, each cut at the step a kill could stop it.

use super::*;
use crate::model::{FactorId, ParticipantId, ThemeId, Value};

fn vote(p: &str, level: u16) -> Edit {
    Edit::SetVote {
        theme: ThemeId::from("t1"),
        factor: FactorId::from("f1"),
        participant: ParticipantId::from(p),
        round: 1,
        value: Some(Value::Level(level)),
    }
}

fn write(path: &Path) -> impl FnOnce(&[u8]) -> Result<(), FileError> + '_ {
    move |b| crate::file::save::replace_atomic(path, b)
}

#[test]
fn votes_written_survive_a_kill_and_come_back_in_order() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("card.ron");
    let j = Journal::begin(&base, b"base one", write(&base)).expect("begins");
    for (i, p) in ["ann", "bob", "cat"].iter().enumerate() {
        let n = j
            .record(
                &vote(p, u16::try_from(i).expect("small")),
                &format!("{p} (via device)"),
            )
            .expect("records");
        j.sync(n).expect("flushes");
    }
    // Killed here: nothing else runs. A new start reads them back.
    drop(j);
    let got = recover(&base).expect("reads");
    assert!(got.skipped.is_empty() && got.set_aside.is_none(), "{got:?}");
    let who: Vec<&str> = got.votes.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(
        who,
        ["ann (via device)", "bob (via device)", "cat (via device)"]
    );
    assert_eq!(got.votes[2].0, vote("cat", 2));
}

#[test]
fn a_rebase_keeps_only_the_votes_not_yet_in_the_base() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("card.ron");
    let j = Journal::begin(&base, b"v1", write(&base)).expect("begins");
    let a = j.record(&vote("ann", 0), "ann").expect("records");
    let _b = j.record(&vote("bob", 1), "bob").expect("records");
    // The owner applied `a` only, then saved.
    j.rebase(b"v2 with ann", a, write(&base)).expect("rebases");
    let c = j.record(&vote("cat", 2), "cat").expect("records");
    j.sync(c).expect("flushes");
    assert_eq!(std::fs::read(&base).expect("base"), b"v2 with ann");
    let got = recover(&base).expect("reads");
    let who: Vec<&str> = got.votes.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(who, ["bob", "cat"]);
    j.finish().expect("removes");
    assert!(recover(&base).expect("reads").is_empty());
}

#[test]
fn a_line_torn_by_a_kill_is_skipped_silently_and_a_bad_line_is_named() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("card.ron");
    let j = Journal::begin(&base, b"v1", write(&base)).expect("begins");
    j.record(&vote("ann", 0), "ann").expect("records");
    drop(j);
    let path = journal_path(&base);
    let mut text = std::fs::read_to_string(&path).expect("journal");
    text.push_str("Vote(oops)\n");
    text.push_str("Vote((n: 9, theme: \"t1\", fac");
    std::fs::write(&path, text).expect("writes");
    let got = recover(&base).expect("reads");
    assert_eq!(got.votes.len(), 1);
    assert_eq!(got.skipped.len(), 1, "{:?}", got.skipped);
    assert!(got.skipped[0].contains("line 3"), "{:?}", got.skipped);
}

#[test]
fn a_rebase_cut_short_before_the_base_was_replaced_keeps_the_old_journal() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("card.ron");
    let j = Journal::begin(&base, b"v1", write(&base)).expect("begins");
    j.record(&vote("ann", 0), "ann").expect("records");
    // The base cannot be written: the rebase fails and leaves everything as it was.
    let failed = j.rebase(b"v2", 1, |_| {
        Err(FileError::Io {
            path: base.clone(),
            action: "cannot save",
            cause: std::io::Error::other("disk full"),
        })
    });
    assert!(failed.is_err());
    assert!(!next_path(&base).exists());
    // And a kill between writing the new journal and replacing the base is the same.
    write_next(&base, b"v2", &[]).expect("next");
    drop(j);
    let got = recover(&base).expect("reads");
    assert_eq!(got.votes.len(), 1, "the old journal still holds ann's vote");
    assert!(!next_path(&base).exists());
}

#[test]
fn a_rebase_cut_short_after_the_base_was_replaced_is_finished() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("card.ron");
    let j = Journal::begin(&base, b"v1", write(&base)).expect("begins");
    j.record(&vote("ann", 0), "ann").expect("records");
    j.record(&vote("bob", 1), "bob").expect("records");
    // The rebase wrote the new journal (keeping bob) and replaced the base, then was killed.
    let kept = vec![j.state().lines[1].clone()];
    write_next(&base, b"v2 with ann", &kept).expect("next");
    crate::file::save::replace_atomic(&base, b"v2 with ann").expect("base");
    drop(j);
    let got = recover(&base).expect("reads");
    let who: Vec<&str> = got.votes.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(who, ["bob"], "ann is in the base already; bob is not");
}

#[test]
fn a_journal_for_another_version_of_the_file_is_set_aside_not_applied() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("card.ron");
    let j = Journal::begin(&base, b"v1", write(&base)).expect("begins");
    j.record(&vote("ann", 0), "ann").expect("records");
    drop(j);
    std::fs::write(&base, b"someone else's save").expect("writes");
    let got = recover(&base).expect("reads");
    assert!(got.votes.is_empty());
    let aside = got.set_aside.expect("kept aside");
    assert!(aside.exists());
    assert!(!journal_path(&base).exists());
}

#[test]
fn votes_flushed_together_share_flushes_and_every_one_is_on_disk() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("card.ron");
    let j = Journal::begin(&base, b"v1", write(&base)).expect("begins");
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let j = j.clone();
            std::thread::spawn(move || {
                for i in 0..25 {
                    let n = j.record(&vote(&format!("p{t}"), i), "x").expect("records");
                    j.sync(n).expect("flushes");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("thread");
    }
    assert_eq!(recover(&base).expect("reads").votes.len(), 200);
}

#[test]
fn other_edits_are_not_journalled() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("card.ron");
    let j = Journal::begin(&base, b"v1", write(&base)).expect("begins");
    let n = j
        .record(&Edit::SetCut { cut: Some(3) }, "x")
        .expect("no error");
    assert_eq!(n, 0);
    assert!(recover(&base).expect("reads").votes.is_empty());
}
