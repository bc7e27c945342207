//! Regional programmes, exchange rates and finance measures through the
//! `ssr` command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;
use ssr_model::model::{Budget, Percentage, Recipient, Transaction, TransactionType};
use ssr_model::{Country, Money, Portfolio, Programme, Region, document};

fn ssr(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ssr"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.as_bytes()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ssr-cli-finance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A regional programme (Western Africa) paid in EUR, and a Kosovo and
/// Serbia programme split 70/30, paid in USD.
fn portfolio() -> String {
    let eur = |x: &str| Money::parse(x, "EUR").unwrap();
    let usd = |x: &str| Money::parse(x, "USD").unwrap();
    let regional =
        Programme::regional("West Africa small arms control", Region::new(1030).unwrap())
            .with_planned_start(d(2021, 1, 1))
            .with_planned_end(d(2022, 12, 31))
            .with_budget_period(Budget::new(
                d(2021, 1, 1),
                d(2021, 12, 31),
                eur("800"),
                d(2021, 1, 1),
            ))
            .with_transaction(Transaction::new(
                TransactionType::Disbursement,
                d(2021, 6, 1),
                eur("400"),
                d(2021, 6, 1),
            ));
    let pct = |x| Percentage::new(x).unwrap();
    let balkans = Programme::new("Border police", Country::new("XKX").unwrap())
        .with_recipients([
            Recipient::country(Country::new("XKX").unwrap()).with_percentage(pct(70.0)),
            Recipient::country(Country::new("SRB").unwrap()).with_percentage(pct(30.0)),
        ])
        .with_transaction(Transaction::new(
            TransactionType::Disbursement,
            d(2021, 6, 1),
            usd("100"),
            d(2021, 6, 1),
        ));
    let portfolio = Portfolio::new()
        .with_name("Regional test")
        .with_programme(regional)
        .with_programme(balkans);
    document::to_string(&portfolio).unwrap()
}

#[test]
fn a_regional_programme_appears_under_its_region_in_the_report() {
    let out = ssr(&["report", "-"], &portfolio());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.contains("West Africa small arms control [1030 Western Africa, regional]"),
        "{report}"
    );
    let by_recipient = report.split("By recipient").nth(1).expect(&report);
    assert!(
        by_recipient.contains(
            "region 1030 Western Africa, regional: West Africa small arms control (100%)"
        ),
        "{by_recipient}"
    );
    assert!(
        by_recipient.contains("country XKX Kosovo: Border police (70%)"),
        "{by_recipient}"
    );
    assert!(
        by_recipient.contains("country SRB Serbia: Border police (30%)"),
        "{by_recipient}"
    );
    // Its money: 400 of an 800 budget.
    assert!(report.contains("budget 800 EUR: 50% executed"), "{report}");
}

#[test]
fn score_converts_with_the_users_rates_and_reports_what_it_cannot() {
    // 0.8 EUR per USD: 400 EUR is 500 USD.
    let rates = temp_file("rates.csv", "date,currency,rate\n2021-01-01,EUR,0.8\n");
    let rates = rates.to_str().unwrap();
    let args = [
        "score",
        "-",
        "--rates",
        rates,
        "--rates-base",
        "USD",
        "--currency",
        "USD",
        "--format",
        "json",
    ];
    let out = ssr(&args, &portfolio());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let card: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finance = &card["programmes"][0]["finance"];
    assert_eq!(finance["currency"], "USD");
    assert_eq!(finance["disbursed"], 500.0);
    assert_eq!(finance["budget"], 1000.0);
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));

    // Reporting in GBP: no GBP rate, so every amount is a finding on stderr.
    let args = [
        "score",
        "-",
        "--rates",
        rates,
        "--rates-base",
        "USD",
        "--currency",
        "GBP",
        "--format",
        "csv",
    ];
    let out = ssr(&args, &portfolio());
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    // Summarised by code, with the count of amounts left out.
    assert!(
        stderr.contains("warning[no_exchange_rate] × 3\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("3 amounts without a usable exchange rate left out"),
        "{stderr}"
    );
    let csv = text(&out.stdout);
    assert!(csv.contains(",finance.disbursed,"), "{csv}");
}

#[test]
fn a_bad_rates_file_is_refused_with_every_line_named() {
    let rates = temp_file(
        "bad.csv",
        "date,currency,rate\n2021-01-01,EUR,zero\n2021-02-30,EUR,1\n2021-01-01,USD,2\n",
    );
    let args = [
        "score",
        "-",
        "--rates",
        rates.to_str().unwrap(),
        "--rates-base",
        "USD",
    ];
    let out = ssr(&args, &portfolio());
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    for line in ["line 2", "line 3", "line 4"] {
        assert!(stderr.contains(line), "{stderr}");
    }
}

#[test]
fn flows_table_splits_money_by_recipient_and_year() {
    let args = ["score", "-", "--format", "csv", "--table", "flows"];
    let out = ssr(&args, &portfolio());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    // recipient, year, type, amount, SSR amount, currency, why unknown:
    // these programmes state no sector, so their SSR share is unknown.
    let picked: Vec<[&str; 7]> = rows
        .iter()
        .map(|r| [&r[3], &r[6], &r[7], &r[8], &r[9], &r[10], &r[11]])
        .collect();
    let no_sector = "no sector of vocabulary 1 or 2";
    assert_eq!(
        picked,
        [
            ["1030", "2021", "disbursement", "400", "", "EUR", no_sector],
            ["XKX", "2021", "disbursement", "70", "", "USD", no_sector],
            ["SRB", "2021", "disbursement", "30", "", "USD", no_sector],
        ],
        "{csv}"
    );
    let out = ssr(&["score", "-", "--table", "flows"], &portfolio());
    assert_eq!(out.status.code(), Some(2), "flows is a CSV table");
    // The SSR codes are the user's to choose, checked like the importer's.
    let out = ssr(
        &[&args[..], &["--ssr-sector", "15x"]].concat(),
        &portfolio(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--ssr-sector"),
        "{}",
        text(&out.stderr)
    );
    let out = ssr(
        &[&args[..], &["--ssr-sector", "1513"]].concat(),
        &portfolio(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The rules are stated where users read them.
    let help = ssr(&["score", "--help"], "");
    let help = text(&help.stdout);
    for rule in ["unallocated", "ssr_amount", "vocabulary 1", "never 0"] {
        assert!(help.contains(rule), "{rule}: {help}");
    }
}

/// `ssr rank` takes the money options of `ssr score`: the finance dimension
/// it can weigh is measured in the reporting currency with the user's rates.
#[test]
fn rank_takes_the_money_options() {
    let rates = temp_file("rank-rates.csv", "date,currency,rate\n2021-01-01,EUR,0.8\n");
    let rates = rates.to_str().unwrap();
    let money = ["--rates", rates, "--rates-base", "USD", "--currency", "USD"];
    let mut args = vec!["rank", "-", "--replications", "20", "--format", "json"];
    args.extend(money);
    let out = ssr(&args, &portfolio());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ranked: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ranked["policy"]["finance"]["currency"], "USD");
    let out = ssr(&["rank", "-", "--currency", "XYZ"], &portfolio());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--currency"),
        "{}",
        text(&out.stderr)
    );
    let out = ssr(
        &[
            "rank",
            "-",
            "--rates",
            "/nonexistent/rates.csv",
            "--rates-base",
            "USD",
        ],
        &portfolio(),
    );
    assert_eq!(out.status.code(), Some(2));
}
