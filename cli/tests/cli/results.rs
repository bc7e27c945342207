//! The results chain on the command line: `ssr report` lists objectives with
//! the level they are measured at, `ssr validate` the new codes, `ssr score`
//! the objectives table.

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
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The sample as a document file, written once: tests run in parallel, and
/// one rewriting the file while another's `ssr` reads it gave that one an
/// empty document.
fn sample_file() -> PathBuf {
    static WRITTEN: OnceLock<PathBuf> = OnceLock::new();
    WRITTEN
        .get_or_init(|| {
            let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_results-sample.json");
            std::fs::write(&path, document::to_string(&samples::portfolio()).unwrap()).unwrap();
            path
        })
        .clone()
}

#[test]
fn report_lists_objectives_with_level_and_progress() {
    let out = ssr(&["report"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let portfolio = samples::portfolio();
    let objectives: usize = portfolio
        .programmes
        .iter()
        .map(|p| p.objectives.len())
        .sum();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("    - ") && l.contains(", progress "))
        .collect();
    assert_eq!(lines.len(), objectives, "{text}");
    // Liberia's ownership objective is measured by an output only.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Liberian institutions own")
                && l.contains("measured to output only")),
        "{text}"
    );
    assert!(text.contains("  by level: output "), "{text}");
    assert!(text.contains("gender gap"), "{text}");
}

#[test]
fn validate_shows_the_results_chain_codes() {
    let path = sample_file();
    let out = ssr(&[
        "validate",
        "--verbose",
        "--as-of",
        "2026-01-01",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for code in [
        "objective_output_only",
        "outcome_without_outputs",
        "breakdown_sum",
    ] {
        assert!(
            text.contains(&format!("[{code}] /programmes/")),
            "{code}: {text}"
        );
    }
}

#[test]
fn score_writes_the_objectives_table() {
    let path = sample_file();
    let out = ssr(&[
        "score",
        "--format",
        "csv",
        "--table",
        "objective_scores",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let objectives: usize = samples::portfolio()
        .programmes
        .iter()
        .map(|p| p.objectives.len())
        .sum();
    assert_eq!(text.lines().count(), 1 + objectives);
    assert!(text.starts_with(
        "programme_id,programme_name,objective_id,kind,statement,parent_objective_id,"
    ));
}

/// `--table` chooses a CSV table; without `--format csv` it is an error,
/// not silently ignored (it once printed the readable scorecard, exit 0).
#[test]
fn a_table_without_csv_is_an_error() {
    let path = sample_file();
    let path = path.to_str().unwrap();
    for format in [None, Some("json"), Some("table")] {
        let mut args = vec!["score", path, "--table", "objective_scores"];
        args.extend(format.iter().flat_map(|f| ["--format", *f]));
        let out = ssr(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--format csv"), "{args:?}: {err}");
    }
}
