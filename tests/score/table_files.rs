//! Tables written to a folder: each file whole or not at all, existing
//! tables kept unless replacing is asked for, links replaced and not
//! followed, and a manifest of what the run wrote.
#![cfg(feature = "csv")]

use std::path::PathBuf;

use ssr_model::Scorer;
use ssr_model::tables::{Existing, Format, Source, TableName, WriteError};

use crate::common::files::files_in;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ssr-table-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

const TWO: [TableName; 2] = [TableName::Programmes, TableName::Components];

#[test]
fn an_existing_table_stops_the_run_before_anything_is_written() {
    let dir = scratch("refuse");
    let portfolio = ssr_model::samples::portfolio();
    let scorer = Scorer::default();
    let source = Source::new(&portfolio, &scorer);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("components.csv"), "mine").unwrap();
    let e = source
        .write_all(&dir, &TWO, Format::Csv, Existing::Refuse)
        .unwrap_err();
    let WriteError::Exists { files } = &e else {
        panic!("{e}")
    };
    assert_eq!(files, &[dir.join("components.csv")]);
    // Not even the first table (which did not exist) was written.
    assert_eq!(files_in(&dir), ["components.csv"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("components.csv")).unwrap(),
        "mine"
    );
    // Replacing writes both, and the manifest lists this run's tables.
    let written = source
        .write_all(&dir, &TWO, Format::Csv, Existing::Replace)
        .unwrap();
    assert_eq!(
        files_in(&dir),
        ["components.csv", "manifest.csv", "programmes.csv"]
    );
    let components: usize = portfolio
        .programmes
        .iter()
        .map(|p| p.components.len())
        .sum();
    assert_eq!(written.rows, [portfolio.programmes.len(), components]);
    let manifest = std::fs::read_to_string(&written.manifest).unwrap();
    assert_eq!(
        manifest,
        format!(
            "table,file,rows,format,partition\nprogrammes,programmes.csv,{},csv,none\ncomponents,components.csv,{components},csv,none\n",
            portfolio.programmes.len()
        )
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_table_that_cannot_be_put_in_place_leaves_no_partial_file() {
    let dir = scratch("fail");
    let portfolio = ssr_model::samples::portfolio();
    let scorer = Scorer::default();
    // A folder where the second table's file would go: the rename onto it
    // fails once the table is complete. An earlier run's manifest is there.
    std::fs::create_dir_all(dir.join("components.csv")).unwrap();
    std::fs::write(dir.join("manifest.csv"), "table,file,rows,format\n").unwrap();
    let e = Source::new(&portfolio, &scorer)
        .write_all(&dir, &TWO, Format::Csv, Existing::Replace)
        .unwrap_err();
    assert!(
        matches!(&e, WriteError::File { file, .. } if file == &dir.join("components.csv")),
        "{e}"
    );
    // The first table is whole; no temporary file is left; no manifest
    // claims a run that did not finish.
    assert_eq!(files_in(&dir), ["components.csv", "programmes.csv"]);
    assert!(dir.join("components.csv").is_dir());
    let programmes = std::fs::read_to_string(dir.join("programmes.csv")).unwrap();
    assert_eq!(programmes.lines().count(), 1 + portfolio.programmes.len());
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_link_at_a_table_name_is_replaced_and_its_target_kept() {
    let dir = scratch("link");
    std::fs::create_dir_all(&dir).unwrap();
    let victim = dir.join("elsewhere.txt");
    std::fs::write(&victim, "not a table").unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("programmes.csv")).unwrap();
    let portfolio = ssr_model::samples::portfolio();
    let scorer = Scorer::default();
    Source::new(&portfolio, &scorer)
        .write_all(
            &dir,
            &[TableName::Programmes],
            Format::Csv,
            Existing::Replace,
        )
        .unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not a table");
    let table = dir.join("programmes.csv");
    assert!(std::fs::symlink_metadata(&table).unwrap().is_file());
    assert!(
        std::fs::read_to_string(table)
            .unwrap()
            .starts_with("programme_id,")
    );
    std::fs::remove_dir_all(dir).unwrap();
}
