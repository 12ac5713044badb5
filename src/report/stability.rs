//! `trh stability` as a table, CSV or JSON: each theme's point rank, median rank, 5th–95th
//! percentile interval, p_top and p_band, with the seed and runs used and the marking.

use std::fmt::Write;

use crate::model::stability::Stability;

/// `trh stability` output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StabilityFormat {
    /// An aligned table.
    Table,
    /// CSV with a header row.
    Csv,
    /// JSON.
    Json,
}

fn rank(r: Option<u32>) -> String {
    r.map_or_else(|| "-".to_owned(), |r| r.to_string())
}

/// Renders the figures.
pub fn render(s: &Stability, marking: &str, format: StabilityFormat) -> anyhow::Result<String> {
    let mut out = String::new();
    match format {
        StabilityFormat::Table => {
            writeln!(
                out,
                "{marking} · how much the room's disagreement matters: {} runs, seed {}, top {}{}",
                s.runs,
                s.seed,
                s.top,
                if s.confidence_widens {
                    " · assumption: low confidence widens the intervals"
                } else {
                    ""
                }
            )?;
            writeln!(
                out,
                "{:>4}  {:<40} {:>6} {:>9} {:>9} {:>9}",
                "rank", "theme", "median", "interval", "in top", "same band"
            )?;
            for t in &s.themes {
                let name: String = t.name.chars().take(40).collect();
                writeln!(
                    out,
                    "{:>4}  {name:<40} {:>6} {:>9} {:>8.0}% {:>8.0}%",
                    rank(t.rank),
                    rank(t.median_rank),
                    format!("{}–{}", rank(t.rank_p5), rank(t.rank_p95)),
                    t.p_top * 100.0,
                    t.p_band * 100.0
                )?;
            }
        }
        StabilityFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "rank",
                "theme",
                "median_rank",
                "rank_p5",
                "rank_p95",
                "p_top",
                "p_band",
                "top",
                "runs",
                "seed",
                "marking",
            ])?;
            for t in &s.themes {
                let cell = |r: Option<u32>| r.map(|r| r.to_string()).unwrap_or_default();
                w.write_record([
                    cell(t.rank),
                    super::safe_cell(&t.name),
                    cell(t.median_rank),
                    cell(t.rank_p5),
                    cell(t.rank_p95),
                    format!("{:.4}", t.p_top),
                    format!("{:.4}", t.p_band),
                    s.top.to_string(),
                    s.runs.to_string(),
                    s.seed.to_string(),
                    super::safe_cell(marking),
                ])?;
            }
            out = String::from_utf8(w.into_inner()?)?;
        }
        StabilityFormat::Json => {
            let v = serde_json::json!({ "marking": marking, "stability": s });
            out = serde_json::to_string_pretty(&v)?;
            out.push('\n');
        }
    }
    Ok(out)
}
