//! `ssr export` under adversity: partitioned Parquet, a full disk, and
//! Ctrl-C in the middle of writing every table.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use ssr_model::Scorer;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::tables::{Source, TableName};

use crate::findings::ssr;

/// A fresh folder for one test, with `portfolio` written as a document.
fn workspace(name: &str, portfolio: &ssr_model::Portfolio) -> (PathBuf, String) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("portfolio.json");
    std::fs::write(&doc, ssr_model::document::to_string(portfolio).unwrap()).unwrap();
    (dir, doc.display().to_string())
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The rows of a Parquet file, every batch decoded (so a cut file fails).
fn parquet_rows(path: &Path) -> usize {
    let file = std::fs::File::open(path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .build()
        .unwrap();
    reader.map(|batch| batch.unwrap().num_rows()).sum()
}

#[test]
fn partition_by_year_writes_hive_folders_for_tables_with_a_year() {
    // Money in several years (the sample has no transactions).
    let text = std::fs::read_to_string("../tests/fixtures/v3/import-iati-money.json").unwrap();
    let portfolio = ssr_model::document::from_str(&text).unwrap();
    let (dir, doc) = workspace("cli_partition", &portfolio);
    let out = dir.join("tables");
    let out_arg = out.display().to_string();
    let run = ssr(&[
        "export",
        &doc,
        "--all",
        "--format",
        "parquet",
        "--partition",
        "year",
        "--out",
        &out_arg,
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let scorer = Scorer::default();
    let source = Source::new(&portfolio, &scorer);
    for name in [
        TableName::Transactions,
        TableName::Budgets,
        TableName::Flows,
        TableName::Panel,
    ] {
        let folder = out.join(name.as_str());
        assert!(folder.is_dir(), "{name}");
        let years = names_in(&folder);
        assert!(
            years.iter().all(|y| y.starts_with("year=")),
            "{name}: {years:?}"
        );
        // Every row is in exactly one year's file.
        let rows: usize = years
            .iter()
            .map(|y| parquet_rows(&folder.join(y).join("part-0.parquet")))
            .sum();
        assert_eq!(rows, source.table(name).0.rows(), "{name}");
    }
    // The transactions fall in more than one year.
    assert!(names_in(&out.join("transactions")).len() > 1);
    assert!(out.join("programmes.parquet").is_file());
    let manifest = std::fs::read_to_string(out.join("manifest.csv")).unwrap();
    assert!(manifest.starts_with("table,file,rows,format,partition\n"));
    assert!(manifest.contains("\nprogrammes,programmes.parquet,"));
    assert!(manifest.contains(",parquet,none\n"));
    assert!(manifest.contains("\ntransactions,transactions,"));
    assert!(manifest.contains(",parquet,year\n"));
    // CSV is not partitioned: refused before anything is read.
    let run = ssr(&[
        "export",
        &doc,
        "--all",
        "--partition",
        "year",
        "--out",
        &out_arg,
    ]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("--partition year needs --format parquet"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// Standard output on a full disk (`/dev/full` refuses every write with
/// ENOSPC): a clear message and exit 2, no panic.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_a_clear_error() {
    for args in [
        &["score", "--format", "csv"][..],
        &["score"][..],
        &["export", "--table", "transactions"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let run = Command::new(env!("CARGO_BIN_EXE_ssr"))
            .args(args)
            .arg("../tests/fixtures/v1/sample.json")
            .stdin(Stdio::null())
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("ssr: cannot write output: "),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// Ctrl-C once the first table has appeared: the run stops with exit 130,
/// every file under a final name is a complete table (readable, with the
/// right number of rows), and no temporary file nor manifest is left.
#[cfg(unix)]
#[test]
fn ctrl_c_mid_export_leaves_only_complete_tables() {
    let portfolio = synthetic(&Synthetic::new(1500));
    let (dir, doc) = workspace("cli_sigint", &portfolio);
    let out = dir.join("tables");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(["export", &doc, "--all", "--format", "parquet", "--out"])
        .arg(&out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Polls for the first table under its final name (no fixed sleep):
    // the signal handler is installed before anything is written.
    let started = std::time::Instant::now();
    while !names_in(&out)
        .iter()
        .any(|n| n.ends_with(".parquet") && !n.starts_with('.'))
    {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the export ended before a table appeared"
        );
        assert!(started.elapsed().as_secs() < 300, "no table appeared");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let run = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let left = names_in(&out);
    assert!(
        left.iter().all(|n| !n.starts_with('.')),
        "a temporary file is left: {left:?}"
    );
    assert!(!left.contains(&"manifest.csv".to_string()), "{left:?}");
    assert!(
        left.len() < TableName::ALL.len(),
        "the run was not interrupted: {left:?}"
    );
    let scorer = Scorer::default();
    let source = Source::new(&portfolio, &scorer);
    for file in &left {
        let name: TableName = file.trim_end_matches(".parquet").parse().unwrap();
        let expected = source.table(name).0.rows();
        assert_eq!(parquet_rows(&out.join(file)), expected, "{file}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}
