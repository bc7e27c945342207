//! `ssr sample` and `ssr report` on the embedded sample, on a file, and on a
//! bad file.

use std::path::PathBuf;
use std::process::{Command, Output};

use ssr_model::{document, samples};

fn ssr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .output()
        .expect("the ssr binary runs")
}

/// A file path of this test's own in Cargo's scratch directory.
fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli_sample-{name}"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn sample_prints_a_document_equal_to_the_embedded_portfolio() {
    let out = ssr(&["sample"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let loaded = document::from_slice(&out.stdout).unwrap();
    assert_eq!(loaded, samples::portfolio());
    // Deterministic: a second run prints the same bytes.
    assert_eq!(ssr(&["sample"]).stdout, out.stdout);
}

#[test]
fn report_summarises_the_sample_when_no_file_is_given() {
    let out = ssr(&["report"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let portfolio = samples::portfolio();
    for p in &portfolio.programmes {
        assert!(text.contains(&p.name), "report lacks {}", p.name);
        for r in &p.recipients {
            assert!(
                text.contains(r.place.name()),
                "report lacks {}",
                r.place.name()
            );
        }
    }
}

#[test]
fn report_names_phases_contexts_and_pillars_as_documents_do() {
    let text = stdout(&ssr(&["report"]));
    for p in &samples::portfolio().programmes {
        let line = format!("phase {}, context {},", p.phase, p.context);
        assert!(text.contains(&line), "report lacks {line:?}");
        for c in &p.components {
            let pillar = format!("({}, weight", c.pillar);
            assert!(text.contains(&pillar), "report lacks {pillar:?}");
        }
    }
    // Not Rust's debug names.
    assert!(!text.contains("PoliceReform"), "{text}");
}

#[test]
fn report_reads_a_file_and_says_the_same_as_for_the_sample() {
    let path = scratch("sample.json");
    let sample = ssr(&["sample"]);
    std::fs::write(&path, &sample.stdout).unwrap();
    let from_file = ssr(&["report", path.to_str().unwrap()]);
    assert!(
        from_file.status.success(),
        "{}",
        String::from_utf8_lossy(&from_file.stderr)
    );
    assert_eq!(from_file.stdout, ssr(&["report"]).stdout);
}

#[test]
fn report_on_a_bad_file_exits_2_naming_the_file() {
    let path = scratch("truncated.json");
    let sample = ssr(&["sample"]);
    // A document cut off half-way, as an interrupted download leaves it.
    std::fs::write(&path, &sample.stdout[..sample.stdout.len() / 2]).unwrap();
    let out = ssr(&["report", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(path.to_str().unwrap()), "stderr: {stderr}");
}

#[test]
fn report_on_a_missing_file_exits_2_naming_the_file() {
    let path = scratch("does-not-exist.json");
    let _ = std::fs::remove_file(&path);
    let out = ssr(&["report", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(path.to_str().unwrap()), "stderr: {stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    use std::io::Read;
    // The sample document (about 190 kB) outgrows a pipe's buffer, so ssr
    // is still writing when the reader goes away, as with `ssr sample | head -1`.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ssr"))
        .arg("sample")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn report_writes_one_html_page_with_out() {
    let dir = scratch("html");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report.html");
    std::fs::write(&file, "an older report").unwrap();
    let out = ssr(&[
        "report",
        "--format",
        "html",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The page goes to the file, replaced whole; nothing on stdout, and no
    // temporary file left beside it.
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "{left:?}");
    for p in &samples::portfolio().programmes {
        let name = p.name.replace('&', "&amp;").replace('\'', "&#39;");
        assert!(html.contains(&name), "the page lacks {}", p.name);
    }
    assert!(html.contains(r#"<svg xmlns="http://www.w3.org/2000/svg" role="img""#));
    // Without --out, the same page on standard output.
    let stdout = ssr(&["report", "--format", "html"]);
    assert!(stdout.status.success());
    assert_eq!(String::from_utf8(stdout.stdout).unwrap(), html);
    // A folder that does not exist: a clear error, exit 2.
    let missing = dir.join("no-such-folder").join("report.html");
    let out = ssr(&[
        "report",
        "--format",
        "html",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}
