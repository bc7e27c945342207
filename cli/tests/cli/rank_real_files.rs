//! Every real IATI file in ../shared/data/iati imported with `--sector 152`
//! and ranked through the `ssr` binary, as a new user would: no programme
//! without indicator values gets a numeric rank, and the output says why.
//! Skipped, with one message, in a plain clone without ../shared.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use ssr_model::Programme;

use crate::shared;

fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// The XML files under `dir`, sub-folders included, in name order.
fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(xml_files(&path));
        } else if path.extension().is_some_and(|e| e == "xml") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Whether any period of any indicator has an actual value.
fn has_indicator_values(p: &Programme) -> bool {
    p.indicators()
        .any(|i| i.periods.iter().any(|k| k.actual.is_some()))
}

fn ok(out: &Output, what: &str) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn real_files_rank_only_programmes_with_evidence() {
    crate::shared::require();
    if !shared::present() {
        return;
    }
    let dir = shared::iati_dir();
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rank_real_files");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let (mut ranked, mut without_values) = (0, 0);
    for file in xml_files(&dir) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let import = ssr(&["import-iati", file.to_str().unwrap(), "--sector", "152"]);
        let document = ok(&import, &name);
        let portfolio = ssr_model::document::from_str(&document).unwrap();
        let path = tmp.join(format!("{name}.json"));
        std::fs::write(&path, &document).unwrap();
        let path = path.to_str().unwrap();

        let json = ok(
            &ssr(&["rank", path, "--format", "json", "--replications", "50"]),
            &name,
        );
        let json: Value = serde_json::from_str(&json).unwrap();
        let rows = json["comparison"]["rows"].as_array().unwrap();
        assert_eq!(rows.len(), portfolio.programmes.len(), "{name}");
        let table = ok(&ssr(&["rank", path, "--replications", "50"]), &name);
        let csv = ok(
            &ssr(&["rank", path, "--format", "csv", "--replications", "50"]),
            &name,
        );
        let stats = json["uncertainty"]["programmes"].as_array().unwrap();
        let mut file_reasons: BTreeMap<String, usize> = BTreeMap::new();

        for (programme, row) in portfolio.programmes.iter().zip(rows) {
            assert_eq!(row["programme"], programme.id.to_string(), "{name}");
            let reason = row["not_ranked"].as_str();
            if !has_indicator_values(programme) {
                without_values += 1;
                assert!(
                    row["rank"].is_null(),
                    "{name}: {} has no indicator values but rank {}",
                    programme.name,
                    row["rank"]
                );
                assert!(reason.is_some(), "{name}: {} has no reason", programme.name);
            }
            match reason {
                Some(reason) => {
                    *reasons.entry(reason.to_owned()).or_default() += 1;
                    *file_reasons.entry(reason.to_owned()).or_default() += 1;
                    assert!(row["rank"].is_null());
                    // The table counts it by reason (below), the CSV
                    // carries the reason on its rows, the Monte Carlo
                    // leaves it out.
                    let id = programme.id.to_string();
                    let mut rows = csv::Reader::from_reader(csv.as_bytes());
                    let column = rows
                        .headers()
                        .unwrap()
                        .iter()
                        .position(|h| h == "not_ranked");
                    let column = column.expect("a not_ranked column");
                    let mut its_rows = 0;
                    for row in rows.records().map(Result::unwrap) {
                        if row.get(0) == Some(id.as_str()) {
                            its_rows += 1;
                            assert_eq!(
                                row.get(column),
                                Some(reason),
                                "{name}: CSV rows of {id} lack {reason}"
                            );
                        }
                    }
                    assert!(its_rows > 0, "{name}: no CSV rows of {id}");
                    assert!(stats.iter().all(|s| s["programme"] != row["programme"]));
                }
                None => {
                    ranked += 1;
                    assert!(row["rank"].as_u64().is_some(), "{name}: {row}");
                }
            }
        }
        // One line counts the unranked programmes by reason.
        let lines: Vec<&str> = table
            .lines()
            .filter(|l| l.starts_with("not ranked:"))
            .collect();
        if file_reasons.is_empty() {
            assert!(lines.is_empty(), "{name}: {table}");
        } else {
            assert_eq!(lines.len(), 1, "{name}: {table}");
            let total: usize = file_reasons.values().sum();
            assert!(lines[0].starts_with(&format!("not ranked: {total} programme")));
            for (reason, n) in &file_reasons {
                let counted = format!("{n} {reason} (");
                assert!(
                    lines[0].contains(&counted),
                    "{name}: {counted:?} in {}",
                    lines[0]
                );
            }
        }
    }
    eprintln!(
        "real files: {ranked} programmes ranked, {} not ranked {reasons:?}; \
         {without_values} without indicator values",
        reasons.values().sum::<usize>()
    );
    assert!(
        without_values > 0,
        "the real files hold programmes without values"
    );
}
