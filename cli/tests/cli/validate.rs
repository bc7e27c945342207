//! `ssr validate` and the validation summary of `ssr report`, on hand-made
//! files.

use crate::validate_fixture;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use ssr_model::document;

fn ssr(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        // ssr may exit before reading its input (a bad flag or policy), which
        // breaks the pipe; that is not the test's concern.
        let _ = pipe.write_all(text.as_bytes());
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn file(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("validate_cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn clean_document() -> String {
    document::to_string_pretty(&validate_fixture::portfolio_of(
        validate_fixture::programme(),
    ))
    .unwrap()
}

/// A hand-written document with an error (a lead that names nobody) and
/// warnings.
const BAD: &str = r#"{
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
}"#;

#[test]
fn clean_document_exits_0() {
    let path = file("clean.json", &clean_document());
    let out = ssr(
        &["validate", "--as-of", "2026-01-01", path.to_str().unwrap()],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(stdout(&out), "0 errors, 0 warnings, 0 advice\n");
}

#[test]
fn warnings_only_exit_0() {
    let mut p = validate_fixture::programme();
    p.stakeholders.remove(4); // no civil society: a warning
    let text = document::to_string(&validate_fixture::portfolio_of(p)).unwrap();
    let out = ssr(&["validate", "--as-of", "2026-01-01", "-"], Some(&text));
    assert_eq!(out.status.code(), Some(0));
    // The summary by code: the code and its count, then its example.
    assert!(
        stdout(&out)
            .starts_with("  warning[no_civil_society] × 1\n    /programmes/0/stakeholders: "),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).ends_with("0 errors, 1 warning, 0 advice\n"));
}

#[test]
fn error_finding_exits_1_text() {
    let path = file("bad.json", BAD);
    let out = ssr(&["validate", "--verbose", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains(
        "error[dangling_reference] /programmes/0/components/0/lead: no stakeholder of this programme has id 6f1c7a57-0000-4000-8000-0000000000ff"
    ), "{text}");
    assert!(text.contains("\n  help: "));
    assert!(text.contains("1 error, "));
    assert!(text.contains("note: no assessment date"));
    assert!(stderr(&out).is_empty());
}

#[test]
fn error_finding_exits_1_json() {
    let out = ssr(&["validate", "--format", "json", "-"], Some(BAD));
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let object = json.as_object().unwrap();
    assert_eq!(object.len(), 1);
    let findings = object["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in ["code", "severity", "path", "message"] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
    }
    let dangling: Vec<_> = findings
        .iter()
        .filter(|f| f["code"] == "dangling_reference")
        .collect();
    assert_eq!(dangling.len(), 1);
    assert_eq!(dangling[0]["severity"], "error");
    assert_eq!(dangling[0]["path"], "/programmes/0/components/0/lead");
}

#[test]
fn error_finding_exits_1_csv() {
    let out = ssr(&["validate", "--format", "csv", "-"], Some(BAD));
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("code,severity,path,message,help"));
    let dangling: Vec<&str> = lines
        .filter(|l| l.starts_with("dangling_reference,"))
        .collect();
    assert_eq!(dangling.len(), 1, "{text}");
    assert!(
        dangling[0].starts_with("dangling_reference,error,/programmes/0/components/0/lead,"),
        "{}",
        dangling[0]
    );
}

#[test]
fn policy_file_can_lower_the_error() {
    let policy = file(
        "lenient.json",
        r#"{"levels": {"dangling_reference": "warning", "no_gender_dimension": "allow"}}"#,
    );
    let out = ssr(
        &[
            "validate",
            "--policy",
            policy.to_str().unwrap(),
            "--format",
            "json",
            "-",
        ],
        Some(BAD),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["severity"] != "error"));
    assert!(findings.iter().all(|f| f["code"] != "no_gender_dimension"));
}

#[test]
fn as_of_flag_overrides_the_policy() {
    let mut p = validate_fixture::programme();
    p.components[0].indicators[0].periods[3].actual = Some(validate_fixture::num(56.0));
    let text = document::to_string(&validate_fixture::portfolio_of(p)).unwrap();
    let policy = file("as_of.json", r#"{"as_of": "2027-01-01"}"#);
    let policy = policy.to_str().unwrap();
    let later = ssr(&["validate", "--policy", policy, "-"], Some(&text));
    assert_eq!(later.status.code(), Some(0), "{}", stdout(&later));
    let earlier = ssr(
        &["validate", "--policy", policy, "--as-of", "2026-01-01", "-"],
        Some(&text),
    );
    assert_eq!(earlier.status.code(), Some(1));
    assert!(stdout(&earlier).contains("error[future_actual] "));
}

#[test]
fn unparseable_document_exits_2_with_path_and_position() {
    let path = file(
        "typo.json",
        "{\n  \"schema_version\": 1,\n  \"programmes\": [\n    {\"nmae\": \"x\"}\n  ]\n}\n",
    );
    let out = ssr(&["validate", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.contains("typo.json"), "{err}");
    assert!(err.contains("/programmes/0/nmae"), "{err}");
    assert!(err.contains("line 4"), "{err}");

    let truncated = ssr(
        &["validate", "-"],
        Some("{\"schema_version\": 1, \"programmes\": ["),
    );
    assert_eq!(truncated.status.code(), Some(2));
    assert!(stderr(&truncated).contains("<stdin>"));
    assert!(stderr(&truncated).contains("line 1"));
}

#[test]
fn unreadable_inputs_exit_2() {
    let missing = ssr(&["validate", "/nonexistent/portfolio.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("/nonexistent/portfolio.json"));

    let bad_policy = file(
        "bad_policy.json",
        "{\"levels\": {\"no_such_code\": \"allow\"}}",
    );
    let out = ssr(
        &["validate", "--policy", bad_policy.to_str().unwrap(), "-"],
        Some(BAD),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad_policy.json"), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 1"), "{}", stderr(&out));

    let bad_date = ssr(&["validate", "--as-of", "2026-02-30", "-"], Some(BAD));
    assert_eq!(bad_date.status.code(), Some(2));
    let bad_format = ssr(&["validate", "--format", "xml", "-"], Some(BAD));
    assert_eq!(bad_format.status.code(), Some(2));
}

#[test]
fn report_includes_a_validation_summary() {
    let path = file("report.json", BAD);
    let out = ssr(&["report", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("  validation: 1 error, 4 warnings, 1 advice\n"),
        "{text}"
    );
    // The error comes first among the findings shown.
    assert!(
        text.contains("    error[dangling_reference] /components/0/lead: "),
        "{text}"
    );
    assert!(text.contains("... and 3 more"), "{text}");
}
