//! Programme-year panels (`Scorer::panel`) against values worked by hand.

use chrono::NaiveDate;
use ssr_model::model::{Baseline, Measure, Pillar, ResultLevel, Transaction, TransactionType};
use ssr_model::{
    Component, Country, Indicator, Money, Period, Portfolio, Programme, Scorer, Value,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn n(x: f64) -> Value {
    Value::number(x).unwrap()
}

fn paid(day: NaiveDate, amount: &str) -> Transaction {
    Transaction::new(
        TransactionType::Disbursement,
        day,
        Money::parse(amount, "USD").unwrap(),
        day,
    )
}

/// Officers trained: 0 on 2020-01-01, 2 by the end of 2020, 6 by the end
/// of 2021, target 10 by the end of 2021; disbursed 100 on 2020-06-01 and
/// 50 on 2021-06-01.
fn portfolio() -> Portfolio {
    let trained = Indicator::new("Officers trained", ResultLevel::Output, Measure::Unit)
        .with_baseline(Baseline::new(n(0.0)).with_date(d(2020, 1, 1)))
        .with_period(Period::new(d(2020, 1, 1), d(2020, 12, 31)).with_actual(n(2.0)))
        .with_period(
            Period::new(d(2021, 1, 1), d(2021, 12, 31))
                .with_target(n(10.0))
                .with_actual(n(6.0)),
        );
    let p = Programme::new("Police training", Country::new("LBR").unwrap())
        .with_component(Component::new("Training", Pillar::PoliceReform).with_indicator(trained))
        .with_transaction(paid(d(2020, 6, 1), "100"))
        .with_transaction(paid(d(2021, 6, 1), "50"));
    Portfolio::new().with_programme(p)
}

/// Year by year, as of each 31 December:
///
/// - 2019: the baseline (2020-01-01) and both periods lie after the date:
///   no progress, one indicator without data, no money;
/// - 2020: actual 2 of 10 from 0: progress 0.2; expected 365/730 = 0.5
///   (2020-01-01 → 2021-12-31 is 730 days), at risk needs 0.35: off
///   track; disbursed 100 that year and to date;
/// - 2021: actual 6: progress 0.6 against all the time gone, at risk needs
///   0.70: off track; disbursed 50 that year, 150 to date.
#[test]
fn each_year_is_scored_as_of_its_end() {
    let panel = Scorer::default().panel(&portfolio(), 2019..=2021);
    let years: Vec<(i32, NaiveDate)> = panel.iter().map(|r| (r.year, r.as_of)).collect();
    assert_eq!(
        years,
        [
            (2019, d(2019, 12, 31)),
            (2020, d(2020, 12, 31)),
            (2021, d(2021, 12, 31))
        ]
    );
    let [y2019, y2020, y2021] = &panel[..] else {
        panic!("{panel:?}")
    };
    assert_eq!((y2019.progress, y2019.no_data), (None, 1));
    assert_eq!((y2019.disbursed_year, y2019.disbursed), (None, None));
    assert!((y2020.progress.unwrap() - 0.2).abs() < 1e-12);
    assert_eq!((y2020.off_track, y2020.no_data), (1, 0));
    assert_eq!(
        (y2020.disbursed_year, y2020.disbursed),
        (Some(100.0), Some(100.0))
    );
    assert!((y2021.progress.unwrap() - 0.6).abs() < 1e-12);
    assert_eq!(y2021.off_track, 1);
    assert_eq!(
        (y2021.disbursed_year, y2021.disbursed),
        (Some(50.0), Some(150.0))
    );
    // One programme has too few dimensions to be ranked: no composite, so
    // no change from year to year either.
    assert!(panel.iter().all(|r| r.rank.is_none() && r.change.is_none()));
}
