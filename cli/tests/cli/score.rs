//! `ssr score`, `ssr rank` and the scores in `ssr report`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;
use ssr_model::model::{Baseline, Direction, Measure, Pillar, ResultLevel};
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::{Component, Country, Indicator, Period, Portfolio, Programme, Value, document};

fn ssr(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Writes `contents` to a file of its own in the temp directory.
fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("ssr-cli-score-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The module's worked example: trust 38 → 52, 45 reached (p = 0.5);
/// abuses 200 → 100, 170 reached (p = 0.3); both measured end of 2021.
fn police() -> Portfolio {
    let n = |x| Value::number(x).unwrap();
    let trust = Indicator::new(
        "Public trust in the police",
        ResultLevel::Outcome,
        Measure::Percentage,
    )
    .with_baseline(Baseline::new(n(38.0)).with_date(d(2020, 1, 1)))
    .with_period(Period::new(d(2021, 1, 1), d(2021, 12, 31)).with_actual(n(45.0)))
    .with_period(Period::new(d(2023, 1, 1), d(2023, 12, 31)).with_target(n(52.0)));
    let abuses = Indicator::new(
        "Reported abuses by police",
        ResultLevel::Outcome,
        Measure::Unit,
    )
    .with_direction(Direction::Decrease)
    .with_baseline(Baseline::new(n(200.0)).with_date(d(2020, 1, 1)))
    .with_period(Period::new(d(2021, 1, 1), d(2021, 12, 31)).with_actual(n(170.0)))
    .with_period(Period::new(d(2023, 1, 1), d(2023, 12, 31)).with_target(n(100.0)));
    Portfolio::new().with_programme(
        Programme::new("Police reform", Country::new("LBR").unwrap()).with_component(
            Component::new("Community policing", Pillar::PoliceReform)
                .with_indicator(trust)
                .with_indicator(abuses),
        ),
    )
}

/// The value of the programme-level row of `measure` (no subject: column 3,
/// `subject_kind`, empty); the value is column 10.
fn value(csv: &str, measure: &str) -> String {
    csv.lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|cells| cells.get(2) == Some(&measure) && cells.get(3) == Some(&""))
        .and_then(|cells| cells.get(10).map(|v| (*v).to_owned()))
        .unwrap_or_else(|| panic!("no {measure} row in\n{csv}"))
}

#[test]
fn score_csv_is_tidy_and_hand_computed() {
    let json = document::to_string(&police()).unwrap();
    let out = ssr(&["score", "-", "--format", "csv"], Some(&json));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "programme_id,programme_name,measure,subject_kind,subject_id,subject,year,dimension,\
             breakdown,category,value,not_ranked,scale,currency"
        )
    );
    // Results are its only evidence (no risk register, stakeholders or
    // evaluation): results plus one more are needed, so it is not ranked,
    // and every one of its rows says why, and the unit of its value.
    assert!(lines.all(|l| {
        let cells: Vec<&str> = l.split(',').collect();
        cells.len() == 14 && cells[11] == "too_few_dimensions" && !cells[12].is_empty()
    }));
    let score = csv
        .lines()
        .find(|l| l.split(',').nth(2) == Some("score"))
        .unwrap();
    assert!(score.ends_with(",fraction,"), "{score}");
    // (0.5 + 0.3)/2 = 0.4; one on track, one off track; no risks → empty value.
    assert!((value(&csv, "score").parse::<f64>().unwrap() - 0.4).abs() < 1e-12);
    assert_eq!(value(&csv, "coverage"), "1.0");
    assert_eq!(value(&csv, "on_track"), "1.0");
    assert_eq!(value(&csv, "off_track"), "1.0");
    assert_eq!(value(&csv, "risk.exposure"), "");
}

#[test]
fn as_of_moves_the_date_judged_at() {
    let path = temp_file("police.json", &document::to_string(&police()).unwrap());
    let file = path.to_str().unwrap();
    // Judged before 2021, the period of both actuals: none is known yet.
    let out = ssr(
        &["score", file, "--as-of", "2020-12-31", "--format", "csv"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert_eq!(value(&csv, "no_data"), "2.0");
    assert_eq!(value(&csv, "score"), "");
    // Judged inside 2021 (as this test once was, expecting no data): the
    // period is open and its actuals carry no date of their own, so both
    // are interim: progress counts, (0.5 + 0.3)/2 = 0.4, status not judged.
    let out = ssr(
        &["score", file, "--as-of", "2021-06-30", "--format", "csv"],
        None,
    );
    let csv = text(&out.stdout);
    assert_eq!(value(&csv, "interim"), "2.0");
    assert_eq!(value(&csv, "no_data"), "0.0");
    assert!((value(&csv, "score").parse::<f64>().unwrap() - 0.4).abs() < 1e-12);
    // Judged at the end of 2022 (1095 of 1460 days, 0.75 expected): trust at
    // 0.5 is now off track too (0.5 < 0.75·0.7).
    let out = ssr(
        &["score", file, "--as-of", "2022-12-31", "--format", "json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let inds = &v["programmes"][0]["progress"]["components"][0]["indicators"];
    assert_eq!(inds[0]["expected"], 0.75);
    assert_eq!(inds[0]["status"], "off_track");
    assert_eq!(v["as_of"], "2022-12-31");
    std::fs::remove_file(path).unwrap();
}

#[test]
fn score_table_names_programmes() {
    let json = document::to_string(&police()).unwrap();
    let out = ssr(&["score", "-"], Some(&json));
    assert!(out.status.success());
    let table = text(&out.stdout);
    let line = table
        .lines()
        .find(|l| l.ends_with("  Police reform"))
        .unwrap();
    // Score 40.0 on 0–100, coverage 100%.
    assert!(line.contains(" 40.0 ") && line.contains("100%"), "{line}");
}

#[test]
fn a_bad_policy_exits_2_naming_the_field() {
    let json = document::to_string(&police()).unwrap();
    let policy = temp_file("bad-policy.json", r#"{"status": {"tolerance": 2}}"#);
    let out = ssr(
        &["score", "-", "--policy", policy.to_str().unwrap()],
        Some(&json),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    // Refused as it is read (a Fraction), at its JSON Pointer.
    assert!(
        err.contains("/status/tolerance") && err.contains("from 0 to 1"),
        "{err}"
    );
    std::fs::write(&policy, r#"{"status": {"tolerence": 0.1}}"#).unwrap();
    let out = ssr(
        &["score", "-", "--policy", policy.to_str().unwrap()],
        Some(&json),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("/status/tolerence"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_file(policy).unwrap();
}

#[test]
fn a_policy_file_changes_the_method() {
    let json = document::to_string(&police()).unwrap();
    let policy = temp_file(
        "geometric-policy.json",
        r#"{"indicators": {"method": "geometric"}}"#,
    );
    let out = ssr(
        &[
            "score",
            "-",
            "--policy",
            policy.to_str().unwrap(),
            "--format",
            "csv",
        ],
        Some(&json),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // sqrt(0.5 · 0.3)
    let score: f64 = value(&text(&out.stdout), "score").parse().unwrap();
    assert!((score - 0.15f64.sqrt()).abs() < 1e-12);
    std::fs::remove_file(policy).unwrap();
}

#[test]
fn unreadable_input_exits_2() {
    let out = ssr(&["score", "-"], Some("{not json"));
    assert_eq!(out.status.code(), Some(2));
    let out = ssr(&["rank", "/nonexistent/portfolio.json"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rank_is_reproducible_by_seed() {
    let portfolio = synthetic(
        &Synthetic::new(12)
            .with_components(3)
            .with_indicators(2)
            .with_periods(3),
    );
    let json = document::to_string(&portfolio).unwrap();
    let run = |seed: &str| {
        let out = ssr(
            &[
                "rank",
                "-",
                "--replications",
                "300",
                "--seed",
                seed,
                "--format",
                "json",
            ],
            Some(&json),
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        out.stdout
    };
    let a = run("5");
    assert_eq!(a, run("5"));
    assert_ne!(a, run("6"));
    let v: serde_json::Value = serde_json::from_slice(&a).unwrap();
    assert_eq!(v["uncertainty"]["replications"], 300);
    assert_eq!(v["uncertainty"]["seed"], 5);
    assert_eq!(v["uncertainty"]["programmes"].as_array().unwrap().len(), 12);
}

#[test]
fn rank_table_and_csv() {
    let portfolio = synthetic(
        &Synthetic::new(4)
            .with_components(2)
            .with_indicators(2)
            .with_periods(3),
    );
    let json = document::to_string(&portfolio).unwrap();
    let out = ssr(&["rank", "-", "--replications", "100"], Some(&json));
    assert!(out.status.success());
    let table = text(&out.stdout);
    assert!(
        table.contains("5–95%") && table.contains("100 replications, seed 0"),
        "{table}"
    );
    let first = table.lines().nth(1).unwrap();
    assert!(first.trim_start().starts_with("1 "), "{first}");
    let out = ssr(
        &["rank", "-", "--replications", "100", "--format", "csv"],
        Some(&json),
    );
    let csv = text(&out.stdout);
    // Per programme: 6 normalised dimensions (finance among them), composite,
    // rank, 5 rank statistics.
    assert_eq!(csv.lines().count(), 1 + 4 * 13);
    assert!(csv.lines().skip(1).all(|l| {
        let m = l.split(',').nth(2).unwrap();
        m == "normalised" || m == "composite" || m.starts_with("rank")
    }));
}

#[test]
fn rank_takes_as_of_like_score() {
    let portfolio = synthetic(
        &Synthetic::new(3)
            .with_components(2)
            .with_indicators(2)
            .with_periods(3),
    );
    let json = document::to_string(&portfolio).unwrap();
    let args = ["rank", "-", "--replications", "10", "--format", "json"];
    let out = ssr(
        &[&args[..], &["--as-of", "2021-06-30"]].concat(),
        Some(&json),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["policy"]["as_of"], "2021-06-30");
    let out = ssr(&args, Some(&json));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(value["policy"].get("as_of").is_none_or(|v| v.is_null()));
}

#[test]
fn report_shows_scores_risks_stakeholders_and_rank_interval() {
    let portfolio = synthetic(
        &Synthetic::new(3)
            .with_components(2)
            .with_indicators(2)
            .with_periods(3),
    );
    let json = document::to_string(&portfolio).unwrap();
    let out = ssr(&["report", "-"], Some(&json));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert_eq!(report.matches("  score ").count(), 3, "{report}");
    assert_eq!(report.matches(" of 3 (5–95%: ").count(), 3, "{report}");
    assert_eq!(report.matches("  components: ").count(), 3);
    assert!(report.contains("  top risks: "), "{report}");
    // The same report on every run.
    assert_eq!(ssr(&["report", "-"], Some(&json)).stdout, out.stdout);
}
