//! `ssr export`: every table as CSV and Parquet files, and clear errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use ssr_model::tables::TableName;

fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A fresh folder for one test, with the sample written as a document.
fn workspace(name: &str) -> (PathBuf, String) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("sample.json");
    std::fs::write(
        &doc,
        ssr_model::document::to_string(&ssr_model::samples::portfolio()).unwrap(),
    )
    .unwrap();
    (dir, doc.display().to_string())
}

#[test]
fn all_tables_as_csv_and_parquet() {
    let (dir, doc) = workspace("cli_export_all");
    for format in ["csv", "parquet"] {
        let out = dir.join(format);
        let run = ssr(&[
            "export",
            &doc,
            "--all",
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--replications",
            "10",
        ]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        for name in TableName::ALL {
            let file = out.join(format!("{name}.{format}"));
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            if format == "parquet" {
                assert!(bytes.starts_with(b"PAR1"), "{name}");
            } else {
                let header = String::from_utf8(bytes)
                    .unwrap()
                    .lines()
                    .next()
                    .unwrap()
                    .to_owned();
                let columns: Vec<_> = name.columns().iter().map(|c| c.name).collect();
                assert_eq!(header, columns.join(","));
            }
        }
    }
}

#[test]
fn one_csv_table_goes_to_standard_output() {
    let (_, doc) = workspace("cli_export_stdout");
    let run = ssr(&["export", &doc, "--table", "periods"]);
    assert_eq!(run.status.code(), Some(0));
    let text = String::from_utf8(run.stdout).unwrap();
    let periods: usize = ssr_model::samples::portfolio()
        .programmes
        .iter()
        .flat_map(|p| p.indicators())
        .map(|i| i.periods.len())
        .sum();
    assert_eq!(text.lines().count(), 1 + periods);
}

#[test]
fn bad_requests_are_clear_errors() {
    let (_, doc) = workspace("cli_export_errors");
    let unknown = ssr(&["export", &doc, "--table", "nonsense"]);
    assert_eq!(unknown.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("valid tables: programmes, recipients"),
        "{stderr}"
    );
    for args in [
        vec![
            "export",
            doc.as_str(),
            "--table",
            "periods",
            "--format",
            "parquet",
        ],
        vec!["export", doc.as_str(), "--all"],
        vec![
            "export",
            doc.as_str(),
            "--table",
            "scores",
            "--table",
            "ranks",
        ],
    ] {
        let run = ssr(&args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&run.stderr).contains("--out"),
            "{args:?}"
        );
    }
    let neither = ssr(&["export", &doc]);
    assert_eq!(neither.status.code(), Some(2));
}

/// One name, one table: what `ssr score --format csv --table NAME` writes
/// is what `ssr export --table NAME` writes, byte for byte.
#[test]
fn score_and_export_write_the_same_table_under_one_name() {
    let (_, doc) = workspace("cli_export_same_name");
    for name in ["scores", "flows", "objective_scores"] {
        let scored = ssr(&["score", &doc, "--format", "csv", "--table", name]);
        let exported = ssr(&["export", &doc, "--table", name]);
        assert_eq!(scored.status.code(), Some(0), "{name}");
        assert_eq!(exported.status.code(), Some(0), "{name}");
        assert!(!scored.stdout.is_empty(), "{name}");
        assert_eq!(scored.stdout, exported.stdout, "{name}");
    }
}

#[test]
fn an_existing_table_needs_force() {
    let (dir, doc) = workspace("cli_export_force");
    let out = dir.join("tables");
    let args = [
        "export",
        &doc,
        "--table",
        "programmes",
        "--out",
        out.to_str().unwrap(),
    ];
    assert_eq!(ssr(&args).status.code(), Some(0));
    let first = std::fs::read(out.join("programmes.csv")).unwrap();
    std::fs::write(out.join("programmes.csv"), "edited by hand").unwrap();
    // Refused: exit 2, the file named, the hint given, the file untouched.
    let again = ssr(&args);
    assert_eq!(again.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("programmes.csv") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("programmes.csv")).unwrap(),
        "edited by hand"
    );
    // --force replaces it with the same table as the first run.
    let forced = ssr(&[&args[..], &["--force"]].concat());
    assert_eq!(
        forced.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert_eq!(std::fs::read(out.join("programmes.csv")).unwrap(), first);
    let manifest = std::fs::read_to_string(out.join("manifest.csv")).unwrap();
    assert!(
        manifest.starts_with("table,file,rows,format,partition\nprogrammes,programmes.csv,"),
        "{manifest}"
    );
}
