//! `ssr sensitivity`: the Sobol indices of a portfolio's ranking and of a
//! plain matrix's, as CSV (the sensitivity table) or JSON.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use ssr_model::document;
use ssr_model::samples;
use ssr_model::tables::TableName;

fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn written(name: &str, text: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn sample_file() -> PathBuf {
    static WRITTEN: OnceLock<PathBuf> = OnceLock::new();
    WRITTEN
        .get_or_init(|| {
            let text = document::to_string(&samples::portfolio()).unwrap();
            written("cli_sensitivity-sample.json", &text)
        })
        .clone()
}

fn csv_rows(out: &Output) -> (Vec<String>, Vec<csv::StringRecord>) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    (header, r.records().map(Result::unwrap).collect())
}

#[test]
fn the_standard_factors_give_the_sensitivity_table() {
    let path = sample_file();
    let out = ssr(&[
        "sensitivity",
        path.to_str().unwrap(),
        "--samples",
        "16",
        "--seed",
        "3",
    ]);
    let (header, rows) = csv_rows(&out);
    let expected: Vec<&str> = TableName::Sensitivity
        .columns()
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(header, expected);
    // The standard factors on the sample: five weighted dimensions, the
    // normalisation, the composite, leaving one dimension out; one row
    // each for the summary and each ranked programme's rank and composite.
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let factors: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[at("factor")]).collect();
    assert_eq!(factors.len(), 8, "{factors:?}");
    assert_eq!(
        (rows.len() - 8) % 16,
        0,
        "8 summary rows, then 8 per rank and per composite"
    );
    assert!(
        rows.iter()
            .all(|r| &r[at("samples")] == "16" && &r[at("seed")] == "3")
    );
    assert!(rows.iter().all(|r| &r[at("runs")] == "160")); // 16 · (8 + 2)
    let summary = rows
        .iter()
        .filter(|r| &r[at("output")] == "mean_rank_shift")
        .count();
    assert_eq!(summary, 8);
    // The same again: seeded.
    let again = ssr(&[
        "sensitivity",
        path.to_str().unwrap(),
        "--samples",
        "16",
        "--seed",
        "3",
    ]);
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn the_policy_names_the_factors_and_json_carries_them() {
    let path = sample_file();
    let policy = written(
        "cli_sensitivity-policy.json",
        r#"{"sensitivity": {"samples": 8, "factors": [
            {"factor": "weight", "dimension": "progress", "low": 0.5, "high": 2},
            {"factor": "on_track_tolerance", "low": 0.05, "high": 0.25}
        ]}}"#,
    );
    let out = ssr(&[
        "sensitivity",
        path.to_str().unwrap(),
        "--policy",
        policy.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["samples"], 8);
    assert_eq!(json["runs"], 8 * 4);
    assert_eq!(
        json["factors"],
        serde_json::json!(["weight:progress", "on_track_tolerance"])
    );
    let rows = json["rows"].as_array().unwrap();
    assert!(
        rows.iter()
            .all(|r| r.get("s_total").is_some() && r.get("output").is_some())
    );
    // The tolerance moves no score: its total index is 0 throughout.
    for r in rows.iter().filter(|r| r["factor"] == "on_track_tolerance") {
        assert_eq!(r["s_total"], 0.0, "{r}");
    }
    // A bad factor is refused at its pointer, exit code 2.
    let bad = written(
        "cli_sensitivity-bad.json",
        r#"{"sensitivity": {"factors": [{"factor": "weight", "dimension": "risk", "low": 3, "high": 1}]}}"#,
    );
    let out = ssr(&[
        "sensitivity",
        path.to_str().unwrap(),
        "--policy",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/sensitivity/factors/0"));
}

#[test]
fn a_matrix_has_its_columns_as_factors() {
    let matrix = written(
        "cli_sensitivity-matrix.json",
        r#"{"scores": [[0.2, 0.9], [0.7, 0.4], [0.5, 0.6]], "weights": [1, 2], "names": ["A", "B", "C"]}"#,
    );
    let out = ssr(&[
        "sensitivity",
        "--matrix",
        matrix.to_str().unwrap(),
        "--samples",
        "32",
    ]);
    let (header, rows) = csv_rows(&out);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let factors: Vec<&str> = rows.iter().take(5).map(|r| &r[at("factor")]).collect();
    assert_eq!(
        factors,
        [
            "weight:0",
            "weight:1",
            "normalisation",
            "aggregation",
            "drop_column"
        ]
    );
    // 5 factors × (1 summary + 3 ranks + 3 composites).
    assert_eq!(rows.len(), 5 * 7);
    let names: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| &r[at("programme_name")]).collect();
    assert_eq!(names, ["", "A", "B", "C"].into_iter().collect());
    assert!(rows.iter().all(|r| r[at("programme_id")].is_empty()));
    // --policy is for portfolios.
    let out = ssr(&[
        "sensitivity",
        "--matrix",
        matrix.to_str().unwrap(),
        "--policy",
        "p.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
}
