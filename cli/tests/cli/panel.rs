//! `ssr panel`: one row per programme and year, as CSV, JSON and Parquet,
//! and clear errors.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use ssr_model::chrono::NaiveDate;
use ssr_model::model::{Sector, SectorCode, Transaction, TransactionType};
use ssr_model::{Country, Money, Portfolio, Programme};

fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// One programme, all SSR (a single sector 15210), that disbursed 120 USD
/// on 2020-06-30, written as a document in a fresh folder.
fn document(name: &str) -> (std::path::PathBuf, String) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let day = NaiveDate::from_ymd_opt(2020, 6, 30).unwrap();
    let p = Programme::new("Police reform", Country::new("LBR").unwrap())
        .with_sector(Sector::new(SectorCode::new(15210).unwrap()))
        .with_transaction(Transaction::new(
            TransactionType::Disbursement,
            day,
            Money::parse("120", "USD").unwrap(),
            day,
        ));
    let doc = dir.join("panel.json");
    let text = ssr_model::document::to_string(&Portfolio::new().with_programme(p)).unwrap();
    std::fs::write(&doc, text).unwrap();
    (dir, doc.display().to_string())
}

fn stdout(run: &Output) -> String {
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8(run.stdout.clone()).unwrap()
}

/// 2019: nothing paid yet; 2020: 120 disbursed, all of it SSR; 2021:
/// nothing paid that year, 120 to date.
#[test]
fn a_row_per_programme_and_year() {
    let (_, doc) = document("cli_panel_csv");
    let text = stdout(&ssr(&["panel", &doc, "--years", "2019..2021"]));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let cells = |name: &str| -> Vec<&str> { rows.iter().map(|r| r[col(name)]).collect() };
    assert_eq!(cells("year"), ["2019", "2020", "2021"]);
    assert_eq!(cells("as_of"), ["2019-12-31", "2020-12-31", "2021-12-31"]);
    assert_eq!(cells("ssr_paid_year"), ["", "120", ""]);
    assert_eq!(cells("disbursed"), ["", "120.0", "120.0"]);
    assert_eq!(cells("recipients"), ["LBR=1"; 3]);
    assert_eq!(cells("main_recipient"), ["LBR"; 3]);
}

#[test]
fn json_and_parquet() {
    let (dir, doc) = document("cli_panel_formats");
    let json: serde_json::Value = serde_json::from_str(&stdout(&ssr(&[
        "panel", &doc, "--years", "2020", "--format", "json",
    ])))
    .unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["year"], 2020);
    assert_eq!(rows[0]["ssr_paid_year"], "120");
    let file = dir.join("panel.parquet");
    let path = file.to_str().unwrap();
    stdout(&ssr(&[
        "panel",
        &doc,
        "--years",
        "2019..2021",
        "--format",
        "parquet",
        "--out",
        path,
    ]));
    assert!(std::fs::read(&file).unwrap().starts_with(b"PAR1"));
}

#[test]
fn clear_errors() {
    let (_, doc) = document("cli_panel_errors");
    for (args, says) in [
        (vec!["--years", "2022..2020"], "2022 comes after 2020"),
        (vec!["--years", "twenty"], "is not a year"),
        (
            vec!["--years", "2020", "--format", "parquet"],
            "needs --out",
        ),
    ] {
        let mut all = vec!["panel", doc.as_str()];
        all.extend(args);
        let run = ssr(&all);
        assert_eq!(run.status.code(), Some(2), "{all:?}");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains(says), "{all:?}: {err}");
    }
}

/// `ssr export --years` gives the panel table of those years beside the
/// other tables, in CSV and Parquet; the years parse as `ssr panel`'s.
#[test]
fn export_panel_years() {
    let (dir, doc) = document("cli_panel_export");
    // One CSV table on standard output: 2019, 2020, 2021 (the programme's
    // one disbursement, 120 on 2020-06-30, is known from 2020 on).
    let text = stdout(&ssr(&[
        "export",
        &doc,
        "--table",
        "panel",
        "--years",
        "2019..2021",
    ]));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let cells = |name: &str| -> Vec<&str> { rows.iter().map(|r| r[col(name)]).collect() };
    assert_eq!(cells("year"), ["2019", "2020", "2021"]);
    assert_eq!(cells("disbursed"), ["", "120.0", "120.0"]);
    // One year.
    let text = stdout(&ssr(&[
        "export", &doc, "--table", "panel", "--years", "2021",
    ]));
    assert_eq!(text.lines().count(), 2, "{text}");
    // Without --years: the years of the transactions, 2020 alone.
    let text = stdout(&ssr(&["export", &doc, "--table", "panel"]));
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.lines().nth(1).unwrap().contains(",2020,"), "{text}");
    // With the other tables, as files: CSV and Parquet.
    for format in ["csv", "parquet"] {
        let out = dir.join(format!("tables-{format}"));
        let out = out.to_str().unwrap();
        stdout(&ssr(&[
            "export",
            &doc,
            "--table",
            "programmes",
            "--table",
            "panel",
            "--years",
            "2018..2022",
            "--format",
            format,
            "--out",
            out,
            "--force",
        ]));
        let panel = Path::new(out).join(format!("panel.{format}"));
        let bytes = std::fs::read(&panel).unwrap();
        if format == "csv" {
            // Header and five years of one programme.
            assert_eq!(String::from_utf8(bytes).unwrap().lines().count(), 6);
        } else {
            assert!(bytes.starts_with(b"PAR1"));
        }
        assert!(Path::new(out).join(format!("programmes.{format}")).exists());
    }
    // The years are refused as `ssr panel` refuses them.
    for (years, says) in [
        ("2022..2020", "2022 comes after 2020"),
        ("twenty", "is not a year"),
    ] {
        let run = ssr(&["export", &doc, "--table", "panel", "--years", years]);
        assert_eq!(run.status.code(), Some(2), "{years}");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains(says), "{years}: {err}");
    }
}
