//! The analyst's attributes end to end: `ssr schema` documents them, and
//! `ssr import-iati` then `ssr export` writes their tables.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(out: &Output) -> &[u8] {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    &out.stdout
}

#[test]
fn the_document_schema_has_the_attributes() {
    let schema: serde_json::Value = serde_json::from_slice(ok(&ssr(&["schema"]))).unwrap();
    let defs = &schema["$defs"];
    let programme = &defs["Programme"]["properties"];
    for field in [
        "reporting_org",
        "default_classification",
        "collaboration_type",
        "humanitarian",
        "humanitarian_scopes",
        "policy_markers",
        "locations",
        "related_activities",
    ] {
        assert!(programme.get(field).is_some(), "Programme.{field}");
    }
    let transaction = &defs["Transaction"]["properties"];
    assert!(transaction.get("classification").is_some());
    assert!(transaction.get("humanitarian").is_some());
    let point = &defs["Point"]["properties"];
    assert_eq!(point["latitude"]["maximum"], 90.0);
}

#[test]
fn import_then_export_writes_the_attribute_tables() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let xml = root.join("tests/fixtures/iati/attributes/attributes.xml");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_attributes");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("attributes.json");
    let out = ssr(&["import-iati", xml.to_str().unwrap()]);
    std::fs::write(&doc, ok(&out)).unwrap();
    let tables = dir.join("tables");
    let mut args = vec![
        "export",
        doc.to_str().unwrap(),
        "--out",
        tables.to_str().unwrap(),
    ];
    for name in [
        "aid_types",
        "policy_markers",
        "humanitarian_scopes",
        "locations",
        "administrative_areas",
        "related_activities",
    ] {
        args.extend(["--table", name]);
    }
    ok(&ssr(&args));
    // Read off the XML: XM-ATTR-1 names XM-ATTR-PARENT (parent, type 1,
    // not imported) and XM-ATTR-2 (sibling, 3, imported); XM-ATTR-2 names
    // XM-ATTR-1 with the unlisted type 8, kept.
    let related = std::fs::read_to_string(tables.join("related_activities.csv")).unwrap();
    let rows: Vec<Vec<&str>> = related
        .lines()
        .skip(1)
        .map(|l| l.split(',').skip(1).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["XM-ATTR-1", "XM-ATTR-PARENT", "1", "false"],
            ["XM-ATTR-1", "XM-ATTR-2", "3", "true"],
            ["XM-ATTR-2", "XM-ATTR-1", "8", "true"],
        ]
    );
    let scopes = std::fs::read_to_string(tables.join("humanitarian_scopes.csv")).unwrap();
    assert_eq!(scopes.lines().count(), 3, "{scopes}"); // a header and two scopes
    assert!(
        scopes.contains(",1,1-2,,EP-2014-000041-LBR,\"Ebola virus disease, 2014\""),
        "{scopes}"
    );
}
