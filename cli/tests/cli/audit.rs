//! The composite's audit on the command line: the coherence and outliers
//! tables from `ssr score` and `ssr rank`, the audit under the readable
//! tables, and a matrix's coherence from `ssr rank-matrix`.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use ssr_model::{document, samples};

fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .output()
        .expect("the ssr binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A file written once under the test directory.
fn file(name: &str, text: impl FnOnce() -> String) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text()).unwrap();
    path
}

fn sample_file() -> PathBuf {
    static WRITTEN: OnceLock<PathBuf> = OnceLock::new();
    WRITTEN
        .get_or_init(|| {
            file("cli_audit-sample.json", || {
                document::to_string(&samples::portfolio()).unwrap()
            })
        })
        .clone()
}

#[test]
fn score_and_rank_write_the_coherence_table() {
    let path = sample_file();
    let path = path.to_str().unwrap();
    let score = stdout(&ssr(&[
        "score",
        path,
        "--format",
        "csv",
        "--table",
        "coherence",
    ]));
    let rank = stdout(&ssr(&[
        "rank",
        path,
        "--format",
        "csv",
        "--table",
        "coherence",
    ]));
    assert_eq!(score, rank);
    let mut lines = score.lines();
    assert_eq!(
        lines.next(),
        Some("statistic,dimension_a,dimension_b,method,value,rows,programmes")
    );
    // Five weighted dimensions: 2 × (5 + 10) correlations, alpha, PC1.
    assert_eq!(lines.count(), 32);
    assert!(score.contains("\ncronbach_alpha,,,,"));
    // --table is a CSV table.
    let out = ssr(&["rank", path, "--table", "coherence"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_readable_tables_end_with_the_audit() {
    let path = sample_file();
    let path = path.to_str().unwrap();
    for args in [
        vec!["score", path],
        vec!["rank", path, "--replications", "20"],
    ] {
        let command = args[0];
        let text = stdout(&ssr(&args));
        assert!(
            text.contains(
                "coherence of the 5 weighted dimensions over 7 ranked programmes: Cronbach's alpha"
            ),
            "{command}: {text}"
        );
    }
}

#[test]
fn treated_outliers_are_listed() {
    let path = sample_file();
    // The sample's inclusion: one ranked programme at 0.5, six at 1. Mean
    // 6.5/7; deviations 1/14 (six times) and −3/7: m2 = 0.030612,
    // m3 = −0.010933, g1 = m3/m2^1.5 = −2.0412, G1 = g1·√42/5 = −2.646;
    // G2 = 7.0. Both beyond COINr's rule (2, 3.5): winsorising sets 0.5 to
    // the next value up, 1.
    let policy = file("cli_audit-winsorise.json", || {
        r#"{"audit": {"outliers": {"treatment": "winsorise"}}}"#.to_owned()
    });
    let out = stdout(&ssr(&[
        "score",
        path.to_str().unwrap(),
        "--policy",
        policy.to_str().unwrap(),
        "--format",
        "csv",
        "--table",
        "outliers",
    ]));
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{out}");
    assert!(rows[0].ends_with(",inclusion,0.5,1.0,winsorised"), "{out}");
    let table = stdout(&ssr(&[
        "score",
        path.to_str().unwrap(),
        "--policy",
        policy.to_str().unwrap(),
    ]));
    assert!(
        table.contains("advice[outliers_treated] inclusion:"),
        "{table}"
    );
}

#[test]
fn rank_matrix_writes_the_coherence_of_its_columns() {
    // Columns 1, 2, 3 and 2, 4, 7 (r = 15/√228 = 0.99339…), weights equal.
    let matrix = file("cli_audit-matrix.json", || {
        r#"{"scores": [[1, 2], [2, 4], [3, 7]], "weights": [1, 1]}"#.to_owned()
    });
    let out = stdout(&ssr(&[
        "rank-matrix",
        matrix.to_str().unwrap(),
        "--coherence",
    ]));
    let pair = out
        .lines()
        .find(|l| l.starts_with("correlation,column_0,column_1,pearson,"))
        .unwrap();
    let r: f64 = pair.split(',').nth(4).unwrap().parse().unwrap();
    assert!((r - 15.0 / 228f64.sqrt()).abs() < 1e-12);
    assert!(pair.ends_with(",3,3"));
}
