//! The exit codes of `ssr --help`'s table, one test per row, across the
//! subcommands: 0 done, 1 done with error-level findings, 2 nothing
//! written for an input that cannot be read or a wrong command line.

use crate::findings::{nowhere, ssr, temp_file, text};

#[test]
fn the_table_is_in_the_long_help() {
    let help = text(&ssr(&["--help"]).stdout);
    for row in [
        "Exit codes (every subcommand):",
        "  0  done; findings, if any, are warnings or advice",
        "  1  done, and the input has error-level findings (validate; import-iati,",
        "  2  nothing written: an input cannot be read",
    ] {
        assert!(help.contains(row), "{row:?} in\n{help}");
    }
}

#[test]
fn row_0_done_without_errors() {
    // The embedded sample is valid; IATI activities placed by a fallback
    // country give warnings only.
    let sample = temp_file("sample.json", &text(&ssr(&["sample"]).stdout));
    let sample = sample.to_str().unwrap();
    for args in [
        &["validate", sample][..],
        &["score", sample],
        &["report", sample],
        &["export", sample, "--table", "programmes"],
    ] {
        let out = ssr(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    let file = nowhere();
    let out = ssr(&[
        "import-iati",
        file.to_str().unwrap(),
        "--fallback-country",
        "MLI",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("warning[iati_missing_country] × 5"));
}

#[test]
fn row_1_done_with_error_level_findings() {
    // Import: five activities with no recipient at all (errors); the
    // document is written.
    let file = nowhere();
    let out = ssr(&["import-iati", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(ssr_model::document::from_slice(&out.stdout).is_ok());
    // Validate: the same programmes as a document, their missing country
    // an error of validation too... or any document with an error.
    let document = temp_file("nowhere.json", &text(&out.stdout));
    let out = ssr(&["validate", "--format", "csv", document.to_str().unwrap()]);
    let csv = text(&out.stdout);
    let errors = csv.lines().any(|l| l.split(',').nth(1) == Some("error"));
    assert_eq!(out.status.code(), Some(u8::from(errors).into()), "{csv}");
    assert!(csv.starts_with("code,severity,path,message,help\n"));
}

#[test]
fn row_2_a_missing_file_is_said_once_and_nothing_is_written() {
    let missing = "no/such/folder/portfolio.json";
    for args in [
        &["validate", missing][..],
        &["score", missing],
        &["rank", missing],
        &["report", missing],
        &["export", missing, "--table", "programmes"],
        &["import-iati", missing],
    ] {
        let out = ssr(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.matches(missing).count(), 1, "{args:?}: {stderr}");
    }
}

#[test]
fn row_2_an_input_that_is_not_iati_writes_no_document() {
    let page = temp_file(
        "page.html",
        "<!DOCTYPE html>\n<html><body>Not found</body></html>\n",
    );
    let empty = temp_file("empty.xml", "");
    for (file, said) in [
        (
            &page,
            "line 2: expected an <iati-activities> root element, found <html>",
        ),
        (
            &empty,
            "line 1: expected an <iati-activities> root element, found no element",
        ),
    ] {
        let out = ssr(&["import-iati", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let stderr = text(&out.stderr);
        assert_eq!(stderr.matches(said).count(), 1, "{stderr}");
    }
    // A good file beside it: the good one imports, the page is named once
    // and is an error-level finding, so the exit code is 1 (row 1): one
    // bad file never costs the others.
    let good = nowhere();
    let out = ssr(&[
        "import-iati",
        good.to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let portfolio = ssr_model::document::from_slice(&out.stdout).unwrap();
    assert_eq!(portfolio.programmes.len(), 5);
    let stderr = text(&out.stderr);
    let said = "line 2: expected an <iati-activities> root element, found <html>";
    assert_eq!(stderr.matches(said).count(), 1, "{stderr}");
    // A path that does not exist is a typo, not a bad download: nothing
    // is written.
    let missing = good.with_file_name("no-such-file.xml");
    let out = ssr(&[
        "import-iati",
        good.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn row_2_a_wrong_command_line() {
    for args in [
        &["score", "--format", "xml", "-"][..],
        &["validate", "--min-severity", "fatal", "-"],
        &["no-such-command"],
    ] {
        let out = ssr(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
