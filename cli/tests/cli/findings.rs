//! Findings that inform, not flood: the summary by code and severity on
//! standard error, `--verbose`, `--findings FILE` (JSON or CSV) and
//! `validate --min-severity`, on hand-written IATI and portfolio files.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub(crate) fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A file of this test module's own folder.
pub(crate) fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("findings_cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// Five police-training activities (DAC 15210) that name no recipient:
/// without a fallback country each is one `iati_missing_country` error,
/// and nothing else is wrong with them (status, title, sector given).
pub(crate) fn nowhere() -> PathBuf {
    // Written once: the tests run in parallel, and one writing the file
    // while another reads it would give a truncated file.
    static FILE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    FILE.get_or_init(write_nowhere).clone()
}

fn write_nowhere() -> PathBuf {
    let activities: String = (1..=5)
        .map(|i| {
            format!(
                "<iati-activity><iati-identifier>XM-NOWHERE-{i}</iati-identifier>\
                 <title><narrative>Police training {i}</narrative></title>\
                 <activity-status code=\"2\"/><sector code=\"15210\" vocabulary=\"1\"/>\
                 </iati-activity>\n"
            )
        })
        .collect();
    temp_file(
        "nowhere.xml",
        &format!("<iati-activities version=\"2.03\">\n{activities}</iati-activities>\n"),
    )
}

#[test]
fn import_summarises_findings_by_code_with_two_examples() {
    let file = nowhere();
    let out = ssr(&["import-iati", file.to_str().unwrap()]);
    // Five error-level findings: exit code 1, as `ssr validate`; the
    // document is written all the same.
    assert_eq!(out.status.code(), Some(1));
    let portfolio = ssr_model::document::from_slice(&out.stdout).unwrap();
    assert_eq!(portfolio.programmes.len(), 5);
    let stderr = text(&out.stderr);
    let expected = [
        "5 findings: 5 errors, 0 warnings, 0 advice",
        "  error[iati_missing_country] × 5",
        "    … and 3 more",
        "every finding: --verbose, or --findings FILE (.json or .csv)",
        "nowhere.xml: 5 activities read, 0 left out by the filter, 5 programmes imported; 5 errors, 0 warnings, 0 advice",
    ];
    for line in expected {
        // The file is named as given: its whole path.
        let whole = |l: &str| l == line || l.ends_with(&format!("/{line}"));
        assert!(stderr.lines().any(whole), "{line:?} in\n{stderr}");
    }
    // Two examples, the first two activities, not five lines.
    let examples: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("    /iati-activities/"))
        .collect();
    assert_eq!(examples.len(), 2, "{stderr}");
    assert!(examples[0].contains("XM-NOWHERE-1"), "{stderr}");
    assert!(examples[1].contains("XM-NOWHERE-2"), "{stderr}");
}

#[test]
fn verbose_prints_every_finding() {
    let file = nowhere();
    let out = ssr(&["import-iati", "--verbose", file.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(
        stderr.matches("error[iati_missing_country] ").count(),
        5,
        "{stderr}"
    );
    assert!(!stderr.contains("… and"), "{stderr}");
}

#[test]
fn findings_file_holds_every_finding_as_json_or_csv() {
    let file = nowhere();
    let json = temp_file("all.json", "");
    let out = ssr(&[
        "import-iati",
        file.to_str().unwrap(),
        "--findings",
        json.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5);
    for (n, f) in findings.iter().enumerate() {
        assert_eq!(f["code"], "iati_missing_country");
        assert_eq!(f["severity"], "error");
        let path = format!(
            "/iati-activities/iati-activity[{}]/recipient-country",
            n + 1
        );
        assert_eq!(f["path"], path.as_str());
    }

    let csv = temp_file("all.csv", "");
    let out = ssr(&[
        "import-iati",
        file.to_str().unwrap(),
        "--findings",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let table = std::fs::read_to_string(&csv).unwrap();
    let mut lines = table.lines();
    assert_eq!(lines.next(), Some("code,severity,path,message,help"));
    assert_eq!(
        lines
            .filter(|l| l.starts_with("iati_missing_country,error,"))
            .count(),
        5,
        "{table}"
    );

    // Another extension is refused before anything is read.
    let out = ssr(&[
        "import-iati",
        file.to_str().unwrap(),
        "--findings",
        "findings.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(".json or .csv"));
    assert!(out.stdout.is_empty());
}

/// A portfolio with one error (a lead that names nobody) and warnings
/// and advice besides.
fn bad_portfolio(file: &str) -> PathBuf {
    temp_file(
        file,
        r#"{
  "schema_version": 1,
  "programmes": [
    {
      "id": "6f1c7a57-0000-4000-8000-000000000001",
      "name": "Police reform",
      "country": "LBR",
      "context": "peace_operation",
      "phase": "implementation",
      "components": [
        {
          "id": "6f1c7a57-0000-4000-8000-000000000002",
          "name": "Community policing",
          "pillar": "police_reform",
          "lead": "6f1c7a57-0000-4000-8000-0000000000ff"
        }
      ]
    }
  ]
}"#,
    )
}

#[test]
fn validate_min_severity_shows_only_the_worse_findings() {
    let file = bad_portfolio("bad-min-severity.json");
    let file = file.to_str().unwrap();
    let all = ssr(&["validate", "--format", "json", file]);
    let all: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    let all = all["findings"].as_array().unwrap();
    let errors = all.iter().filter(|f| f["severity"] == "error").count();
    assert_eq!(errors, 1);
    assert!(all.len() > errors, "the file has warnings and advice too");

    let out = ssr(&[
        "validate",
        "--format",
        "json",
        "--min-severity",
        "error",
        file,
    ]);
    // The exit code still counts the error.
    assert_eq!(out.status.code(), Some(1));
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let shown = shown["findings"].as_array().unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["code"], "dangling_reference");

    // The text says how many were left out.
    let out = ssr(&["validate", "--min-severity", "error", file]);
    let stdout = text(&out.stdout);
    let hidden = all.len() - 1;
    assert!(
        stdout.contains(&format!(
            "1 error, 0 warnings, 0 advice ({hidden} below --min-severity error not shown)"
        )),
        "{stdout}"
    );
    assert!(!stdout.contains("warning["), "{stdout}");

    // A level that is not one.
    let out = ssr(&["validate", "--min-severity", "fatal", file]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn validate_text_is_a_summary_by_code_and_verbose_lists_all() {
    let file = bad_portfolio("bad-summary.json");
    let file = file.to_str().unwrap();
    let summary = text(&ssr(&["validate", file]).stdout);
    assert!(
        summary.starts_with(
            "  error[dangling_reference] × 1\n    /programmes/0/components/0/lead: no stakeholder"
        ),
        "{summary}"
    );
    assert!(!summary.contains("help:"), "{summary}");
    let verbose = text(&ssr(&["validate", "--verbose", file]).stdout);
    assert!(verbose.contains("\n  help: "), "{verbose}");
}
