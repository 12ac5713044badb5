//! The samples' illustrative data: police.uk files generated for the sample area (seeded, so
//! the same on every machine; `trh sample-data DIR` writes them), the partners' counts table
//! and the Peterborough-style survey figures in `scorecards/data/`. The evidence kept in each
//! sample scorecard is what trh reads from them: checked here by reading them again.

use std::path::Path;

use trh::import::evidence::{EvidenceRequest, read_evidence};
use trh::import::table::Progress;
use trh::model::evidence::Evidence;

fn sample(name: &str) -> trh::model::Scorecard {
    trh::file::load_scorecard(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scorecards")
            .join(name),
    )
    .expect("sample")
}

/// The evidence without the times it was read.
fn unstamped(ev: &Evidence) -> Evidence {
    let mut ev = ev.clone();
    for s in &mut ev.sources {
        s.read_at.clear();
    }
    ev
}

#[test]
fn the_samples_evidence_is_what_trh_reads_from_the_sample_data() {
    let dir = tempfile::tempdir().expect("dir");
    let files = trh::generate::police::write_sample_data(dir.path()).expect("write");
    let plymouth = sample("plymouth-style-2018.ron");
    let request = EvidenceRequest {
        police: Some(files[0].clone()),
        areas: vec!["Plymouth".into()],
        counts: vec![files[1].clone()],
        survey: Some(files[2].clone()),
        population: Some(263_100),
        ..EvidenceRequest::default()
    };
    let read =
        read_evidence(&request, &Evidence::default(), "", &Progress::default()).expect("read");
    assert_eq!(unstamped(&read), unstamped(&plymouth.evidence));
    assert_eq!(read.sources[0].rows, 59_684);
    let peterborough = EvidenceRequest {
        police: Some(files[3].clone()),
        areas: vec!["Peterborough".into()],
        survey: Some(files[2].clone()),
        population: Some(197_100),
        ..EvidenceRequest::default()
    };
    let read = read_evidence(
        &peterborough,
        &Evidence::default(),
        "",
        &Progress::default(),
    )
    .expect("read");
    let mut stored = unstamped(&sample("peterborough-style-2016.ron").evidence);
    // Its survey was read first, then its police.uk download: the sources are in that order.
    stored.sources.rotate_left(1);
    assert_eq!(unstamped(&read), stored);
}

#[test]
fn the_sample_shows_suggestions_and_where_they_differ_from_the_scores() {
    let card = sample("plymouth-style-2018.ron");
    let rows = trh::report::evidence::rows(&card);
    let nte = rows
        .iter()
        .find(|r| r.id == "nte-violence")
        .expect("night-time economy");
    assert_eq!(
        nte.count,
        Some(13_774),
        "Violence and sexual offences + Public order, Dec 2016 to Nov 2017"
    );
    let trend = nte
        .factors
        .iter()
        .find(|f| f.factor == "trend")
        .expect("trend");
    assert_eq!(trend.suggested.as_deref(), Some("Rising"));
    assert!(trend.differs, "the sample's trend is Stable");
    let reoffending = rows
        .iter()
        .find(|r| r.theme == "Reoffending")
        .expect("reoffending");
    assert!(
        reoffending.factors.iter().all(|f| f.suggested.is_none()),
        "no data is linked"
    );
}
