//! `ssr import-iati` and `ssr schema` end to end.

use std::process::{Command, Output, Stdio};

use crate::shared;

fn data(name: &str) -> String {
    shared::iati_dir().join(name).display().to_string()
}

fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn imports_a_real_file_as_a_document() {
    crate::shared::require();
    if !shared::present() {
        return;
    }
    let file = data("dportal_97.xml");
    let out = ssr(&["import-iati", &file, "--sector", "152"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let portfolio = ssr_model::document::from_slice(&out.stdout).unwrap();
    // 7 activities with a 152xx sector, all with a country.
    assert_eq!(portfolio.programmes.len(), 7);
    assert_eq!(
        portfolio.name.as_deref(),
        Some("IATI import of dportal_97.xml")
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("100 activities read, 93 left out by the filter, 7 programmes imported"),
        "{stderr}"
    );
    assert!(stderr.contains("[iati_missing_value]"), "{stderr}");
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn reads_standard_input_and_writes_csv() {
    crate::shared::require();
    if !shared::present() {
        return;
    }
    let file = std::fs::File::open(data("dportal_94.xml")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args([
            "import-iati",
            "-",
            "--format",
            "csv",
            "--table",
            "programmes",
            "--country",
            "HND",
        ])
        .stdin(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        ssr_model::tables::TableName::Programmes
            .columns()
            .iter()
            .map(|c| c.name)
            .collect::<Vec<_>>()
            .join(",")
    );
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r.contains(",HND,Honduras,")),
        "{rows:?}"
    );

    let out = ssr(&[
        "import-iati",
        &data("dportal_26.xml"),
        "--format",
        "csv",
        "--table",
        "findings",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("code,severity,path,message,help\n"));
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.starts_with("iati_")), "{rows:?}");
    // Region-only activities are imported now: no activity lacks a recipient.
    assert!(!text.contains("iati_missing_country,error"), "{text}");
}

#[test]
fn bad_input_exits_2() {
    let out = ssr(&["import-iati", "no/such/dir/missing.xml"]);
    assert_eq!(out.status.code(), Some(2));
    let dir = std::env::temp_dir().join(format!("ssr-cli-iati-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.xml");
    std::fs::write(
        &bad,
        "<iati-activities version=\"2.03\">\n<iati-activity>\n</title>",
    )
    .unwrap();
    let out = ssr(&["import-iati", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 3: malformed XML"), "{stderr}");
    let out = ssr(&["import-iati", bad.to_str().unwrap(), "--sector", "abc"]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn prints_the_document_schema() {
    let out = ssr(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "ssr-model portfolio document");
    let explicit = ssr(&["schema", "document"]);
    assert_eq!(explicit.stdout, out.stdout);
    for (which, title) in [
        ("scorecard", "Scorecard"),
        ("scoring-policy", "ScoringPolicy"),
        ("validation-policy", "ValidationPolicy"),
    ] {
        let out = ssr(&["schema", which]);
        assert_eq!(out.status.code(), Some(0), "{which}");
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(schema["title"], title, "{which}");
    }
    assert_eq!(ssr(&["schema", "nonsense"]).status.code(), Some(2));
}

fn fixtures(name: &str) -> String {
    shared::root()
        .join("tests/fixtures/iati")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn imports_folders_and_files_in_one_run() {
    // The corpus fixtures hold two good files (one activity in both), an
    // HTML error page, an empty file, a JSON error and a truncated file.
    let out = ssr(&[
        "import-iati",
        &fixtures("corpus"),
        &fixtures("region-only.xml"),
    ]);
    // Files that are not IATI are named once each and are error-level
    // findings (exit code 1); what could be read is imported and written:
    // XM-EXAMPLE-1 to -4 of the two snapshots (May's 1 and 2 dropped for
    // June's), XM-EXAMPLE-5, complete before truncated.xml is cut off inside
    // XM-EXAMPLE-6, and the region-only file's one: 6 programmes.
    assert_eq!(out.status.code(), Some(1));
    let portfolio = ssr_model::document::from_slice(&out.stdout).unwrap();
    assert_eq!(portfolio.programmes.len(), 6);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let page = "error-page.xml: line 2: expected an <iati-activities> root element, found <html>";
    assert_eq!(stderr.matches(page).count(), 1, "{stderr}");
    for broken in ["empty.xml", "json-error.xml", "truncated.xml"] {
        assert_eq!(stderr.matches(broken).count(), 1, "{stderr}");
    }
    // No progress bar when stderr is not a terminal.
    assert!(!stderr.contains('\r'), "{stderr}");

    // The good files of two folders and a file: 3 + 3 + 1 activities read,
    // XM-EXAMPLE-1 and -2 of May dropped for June's, 5 programmes.
    let out = ssr(&[
        "import-iati",
        &fixtures("corpus/2021-05"),
        &fixtures("corpus/2021-06/activities.xml"),
        &fixtures("region-only.xml"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let portfolio = ssr_model::document::from_slice(&out.stdout).unwrap();
    assert_eq!(portfolio.programmes.len(), 5);
    assert_eq!(portfolio.name.as_deref(), Some("IATI import of 3 files"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "3 files: 7 activities read, 0 left out by the filter, 2 duplicates dropped, 5 programmes imported"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("[iati_duplicate_activity]"), "{stderr}");

    // Filters apply to every file: one region.
    let out = ssr(&[
        "import-iati",
        &fixtures("corpus/2021-05"),
        &fixtures("region-only.xml"),
        &fixtures("multi-country.xml"),
        "--region",
        "1030",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let portfolio = ssr_model::document::from_slice(&out.stdout).unwrap();
    let ids: Vec<_> = portfolio
        .programmes
        .iter()
        .map(|p| p.external_id.as_deref().unwrap())
        .collect();
    assert_eq!(ids, ["XM-EXAMPLE-REGION-1"]);
    // --country takes IATI's alpha-2 codes too, and matches any recipient.
    let out = ssr(&[
        "import-iati",
        &fixtures("multi-country.xml"),
        "--country",
        "AG",
    ]);
    let portfolio = ssr_model::document::from_slice(&out.stdout).unwrap();
    assert_eq!(portfolio.programmes.len(), 1);
    assert_eq!(
        ssr(&["import-iati", &fixtures("kosovo.xml"), "--region", "12"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn imports_the_crate_fixture() {
    // Runs in a plain clone: the fixture is the crate's own.
    let file = shared::fixture("three-activities.xml");
    let out = ssr(&["import-iati", file.to_str().unwrap(), "--sector", "151"]);
    // XM-TEST-3's missing recipient is an error: exit code 1, as validate.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let portfolio = ssr_model::document::from_slice(&out.stdout).unwrap();
    // XM-TEST-2 is health (122xx); XM-TEST-3 names no recipient but imports.
    let ids: Vec<_> = portfolio
        .programmes
        .iter()
        .map(|p| p.external_id.as_deref().unwrap())
        .collect();
    assert_eq!(ids, ["XM-TEST-1", "XM-TEST-3"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("3 activities read, 1 left out by the filter, 2 programmes imported"),
        "{stderr}"
    );
    assert!(stderr.contains("[iati_missing_country]"), "{stderr}");
}

#[test]
fn table_without_csv_is_an_error() {
    let file = shared::fixture("three-activities.xml");
    let out = ssr(&["import-iati", file.to_str().unwrap(), "--table", "findings"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format csv"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_policy_sets_the_level_of_import_codes() {
    let file = shared::fixture("three-activities.xml");
    let file = file.to_str().unwrap();
    let dir = std::env::temp_dir().join(format!("ssr-cli-iati-policy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(
        &policy,
        r#"{"levels": {"iati_missing_country": "allow", "iati_non_numeric_value": "error"}}"#,
    )
    .unwrap();
    let csv = |extra: &[&str]| {
        let args = [
            &[
                "import-iati",
                file,
                "--format",
                "csv",
                "--table",
                "findings",
            ],
            extra,
        ]
        .concat();
        let out = ssr(&args);
        // Exit code 1 when a finding is an error, as `ssr validate`.
        let text = String::from_utf8(out.stdout).unwrap();
        let errors = text.contains(",error,");
        assert_eq!(out.status.code(), Some(u8::from(errors).into()), "{text}");
        text
    };
    // XM-TEST-3 is placed in Mali, so its "TBD" actual is read and reported.
    let plain = csv(&["--fallback-country", "MLI"]);
    assert!(plain.contains("iati_non_numeric_value,warning,"), "{plain}");
    let with_policy = csv(&[
        "--fallback-country",
        "MLI",
        "--policy",
        policy.to_str().unwrap(),
    ]);
    assert!(
        with_policy.contains("iati_non_numeric_value,error,"),
        "{with_policy}"
    );
    // Without a fallback the missing country is an error, which the policy drops.
    assert!(csv(&[]).contains("iati_missing_country,error,"));
    let dropped = csv(&["--policy", policy.to_str().unwrap()]);
    assert!(!dropped.contains("iati_missing_country"), "{dropped}");
    std::fs::write(&policy, r#"{"levels": {"no_such_code": "allow"}}"#).unwrap();
    let out = ssr(&["import-iati", file, "--policy", policy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("policy.json"));
    std::fs::remove_dir_all(&dir).unwrap();
}
