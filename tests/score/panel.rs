//! Programme-year panels (`Scorer::panel`) against values worked by hand.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use proptest::sample::Index;
use ssr_model::model::{
    Amount, Baseline, ExchangeRates, Measure, Percentage, Pillar, Recipient, ResultLevel, Sector,
    SectorCode, Transaction, TransactionType,
};
use ssr_model::score::policy::{FinancePolicy, ScoringPolicy};
use ssr_model::tables::{self, Values};
use ssr_model::{
    Component, Country, Currency, Indicator, Money, Period, Portfolio, Programme, Scorer, Value,
};

use crate::as_of::any_portfolio;
use crate::common::as_of::dates_in;

/// An exchange rate from its decimal text.
fn rate(text: &str) -> ssr_model::model::Rate {
    text.parse().unwrap()
}

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

fn flow(kind: TransactionType, day: NaiveDate, amount: &str) -> Transaction {
    Transaction::new(kind, day, Money::parse(amount, "USD").unwrap(), day)
}

fn sector(code: u32, pct: Option<f64>) -> Sector {
    let s = Sector::new(SectorCode::new(code).unwrap());
    match pct {
        Some(x) => s.with_percentage(Percentage::new(x).unwrap()),
        None => s,
    }
}

/// Justice reform: LBR 70 %, SLE 30 %; sectors 15210 (SSR) 60 % and 12220
/// 40 %, so 60 % of every amount is SSR; one indicator whose baseline has
/// no date. A second programme lists 15210 without a percentage beside
/// 12220 at 50 %: its SSR share is unknown.
fn ssr_portfolio() -> Portfolio {
    let undated = Indicator::new("Cases heard", ResultLevel::Output, Measure::Unit)
        .with_baseline(Baseline::new(n(0.0)))
        .with_period(Period::new(d(2020, 1, 1), d(2021, 12, 31)).with_target(n(10.0)));
    let pct = |x| Percentage::new(x).unwrap();
    let justice = Programme::new("Justice reform", Country::new("LBR").unwrap())
        .with_recipients([
            Recipient::country(Country::new("LBR").unwrap()).with_percentage(pct(70.0)),
            Recipient::country(Country::new("SLE").unwrap()).with_percentage(pct(30.0)),
        ])
        .with_sector(sector(15210, Some(60.0)))
        .with_sector(sector(12220, Some(40.0)))
        .with_component(Component::new("Courts", Pillar::JusticeReform).with_indicator(undated))
        .with_transaction(flow(TransactionType::Disbursement, d(2020, 3, 1), "100"))
        .with_transaction(flow(TransactionType::Expenditure, d(2020, 9, 1), "50"))
        .with_transaction(flow(
            TransactionType::OutgoingCommitment,
            d(2020, 10, 1),
            "1000",
        ))
        .with_transaction(flow(TransactionType::Disbursement, d(2021, 5, 1), "50"));
    let unclear = Programme::new("Border police", Country::new("NER").unwrap())
        .with_sector(sector(15210, None))
        .with_sector(sector(12220, Some(50.0)))
        .with_transaction(flow(TransactionType::Disbursement, d(2020, 3, 1), "80"));
    Portfolio::new()
        .with_programme(justice)
        .with_programme(unclear)
}

/// The SSR money of each year, worked by hand: 2020 pays 100 + 50 (the
/// commitment is not paid out), 60 % SSR: 90; 2021 pays 50: 30. The second
/// programme paid 80 in 2020, SSR part unknown, with the reason.
#[test]
fn ssr_money_recipients_and_undated_baselines() {
    let panel = Scorer::default().panel(&ssr_portfolio(), 2020..=2021);
    let [j2020, u2020, j2021, u2021] = &panel[..] else {
        panic!("{panel:?}")
    };
    let amount = |s: &str| Some(s.parse::<Amount>().unwrap());
    assert_eq!((j2020.year, j2020.ssr_paid_year), (2020, amount("90")));
    assert_eq!((j2021.year, j2021.ssr_paid_year), (2021, amount("30")));
    assert_eq!(j2020.currency, Some("USD".parse().unwrap()));
    assert_eq!(j2020.ssr_unknown, None);
    let shares: Vec<(String, Option<f64>)> = j2020
        .recipients
        .iter()
        .map(|r| (r.place.to_string(), r.share))
        .collect();
    assert_eq!(
        shares,
        [("LBR".to_owned(), Some(0.7)), ("SLE".to_owned(), Some(0.3))]
    );
    assert_eq!((j2020.undated_baselines, u2020.undated_baselines), (1, 0));
    assert_eq!(u2020.disbursed_year, Some(80.0));
    assert_eq!(u2020.ssr_paid_year, None);
    assert_eq!(
        u2020.ssr_unknown.as_deref(),
        Some("sector 15210 has no percentage among 2 of vocabulary 1")
    );
    // Nothing paid in 2021: unknown, and no reason to give.
    assert_eq!(
        (u2021.ssr_paid_year, u2021.ssr_unknown.as_deref()),
        (None, None)
    );
}

/// The panel table carries the same, with the main recipient.
#[test]
fn panel_table_columns() {
    let rows = Scorer::default().panel(&ssr_portfolio(), 2020..=2021);
    let t = tables::panel(&rows);
    assert_eq!(t.rows(), 4);
    let text = |name: &str| match t.column(name).unwrap().values() {
        Values::Text(v) => v.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(text("recipients").get(0), Some(Some("LBR=0.7;SLE=0.3")));
    assert_eq!(text("main_recipient").get(0), Some(Some("LBR")));
    let Values::Money(ssr) = t.column("ssr_paid_year").unwrap().values() else {
        panic!()
    };
    assert_eq!(ssr[0].map(|a| a.to_string()).as_deref(), Some("90"));
    let Values::Integer(undated) = t.column("undated_baselines").unwrap().values() else {
        panic!()
    };
    assert_eq!(undated[..2], [Some(1), Some(0)]);
}

// ---------------------------------------------------------------------------
// The sweep against the slow oracle: one full scorecard per year
// ---------------------------------------------------------------------------

/// A portfolio and a span of 1–6 years around one of its dates.
fn portfolio_and_years() -> impl Strategy<Value = (Portfolio, RangeInclusive<i32>)> {
    (any_portfolio(), any::<Index>(), -2i32..=1, 0i32..=5).prop_map(
        |(portfolio, pick, offset, len)| {
            let dates = dates_in(&portfolio);
            let year = if dates.is_empty() {
                2015
            } else {
                pick.get(&dates).year().clamp(1900, 2100)
            };
            let first = year + offset;
            (portfolio, first..=first + len)
        },
    )
}

/// Rates EUR and GBP per USD that change within the years, so that ratios
/// depend on the judging date.
fn rates() -> ExchangeRates {
    ExchangeRates::new("USD".parse().unwrap())
        .with_rate(d(1900, 1, 1), "EUR".parse().unwrap(), rate("0.9"))
        .unwrap()
        .with_rate(d(2020, 10, 1), "EUR".parse().unwrap(), rate("0.8"))
        .unwrap()
        .with_rate(d(1900, 1, 1), "GBP".parse().unwrap(), rate("0.7"))
        .unwrap()
}

/// `portfolio` with every date moved by `f`: the dates of the programme,
/// its baselines, periods and measurements, transactions (and their value
/// dates), budgets and evaluations.
fn map_dates(portfolio: &Portfolio, f: impl Fn(NaiveDate) -> NaiveDate) -> Portfolio {
    let mut out = portfolio.clone();
    for p in &mut out.programmes {
        for d in [
            &mut p.planned_start,
            &mut p.planned_end,
            &mut p.actual_start,
            &mut p.actual_end,
        ] {
            *d = d.map(&f);
        }
        for c in &mut p.components {
            for i in &mut c.indicators {
                if let Some(b) = &mut i.baseline {
                    b.date = b.date.map(&f);
                }
                for period in &mut i.periods {
                    (period.start, period.end) = (f(period.start), f(period.end));
                    period.actual_date = period.actual_date.map(&f);
                }
            }
        }
        for t in &mut p.transactions {
            (t.date, t.value_date) = (f(t.date), f(t.value_date));
        }
        for b in &mut p.budgets {
            (b.start, b.end, b.value_date) = (f(b.start), f(b.end), f(b.value_date));
        }
        for e in &mut p.evaluations {
            e.date = f(e.date);
        }
    }
    out
}

/// The last day of `date`'s year: a fact dated exactly on a panel year's
/// judging date.
fn year_end(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap_or(date)
}

/// The first day of `date`'s year: a fact dated the day after a judging
/// date.
fn year_start(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every fact dated exactly on a judging date (31 December), or on the
    /// day after one (1 January): the sweep and the oracle agree on which
    /// year knows it, with and without converted money.
    #[test]
    fn sweep_equals_the_oracle_with_facts_on_year_boundaries(
        (portfolio, years) in portfolio_and_years(),
        on_the_end in any::<bool>(),
        converted in any::<bool>(),
    ) {
        let portfolio = if on_the_end {
            map_dates(&portfolio, year_end)
        } else {
            map_dates(&portfolio, year_start)
        };
        let scorer = if converted {
            let mut policy = ScoringPolicy::default();
            policy.finance = FinancePolicy::default().with_currency("USD".parse::<Currency>().unwrap());
            Scorer::new(policy).unwrap().with_rates(rates())
        } else {
            Scorer::default()
        };
        prop_assert_eq!(
            scorer.panel(&portfolio, years.clone()),
            scorer.panel_by_scorecards(&portfolio, years)
        );
    }

    /// The sweep gives exactly the rows of one full scorecard per year.
    #[test]
    fn sweep_equals_one_scorecard_per_year((portfolio, years) in portfolio_and_years()) {
        let scorer = Scorer::default();
        prop_assert_eq!(
            scorer.panel(&portfolio, years.clone()),
            scorer.panel_by_scorecards(&portfolio, years)
        );
    }

    /// The same with exchange rates and a reporting currency, where the
    /// judging date's rates convert the ratios.
    #[test]
    fn sweep_equals_one_scorecard_per_year_with_rates((portfolio, years) in portfolio_and_years()) {
        let mut policy = ScoringPolicy::default();
        policy.finance = FinancePolicy::default().with_currency("USD".parse::<Currency>().unwrap());
        let scorer = Scorer::new(policy).unwrap().with_rates(rates());
        prop_assert_eq!(
            scorer.panel(&portfolio, years.clone()),
            scorer.panel_by_scorecards(&portfolio, years)
        );
    }
}

/// Two funders in two currencies and no exchange rates: the funders'
/// concentration is unknown each year, with a finding naming the judging
/// date's rates, so a programme long over has the same scores every year
/// but not the same finding: the sweep must not keep last year's card.
#[test]
fn sweep_equals_the_oracle_with_funders_in_two_currencies() {
    use ssr_model::Stakeholder;
    use ssr_model::model::{Funding, StakeholderKind};
    let donor = |name| Stakeholder::new(name, StakeholderKind::BilateralDonor);
    let (a, b) = (donor("Donor A"), donor("Donor B"));
    let p = Programme::new("Police reform", Country::new("LBR").unwrap())
        .with_planned_start(d(2015, 1, 1))
        .with_planned_end(d(2016, 12, 31))
        .with_funding(Funding::new(a.id, Money::parse("100", "EUR").unwrap()))
        .with_funding(Funding::new(b.id, Money::parse("100", "GBP").unwrap()))
        .with_stakeholder(a)
        .with_stakeholder(b);
    let portfolio = Portfolio::new().with_programme(p);
    let scorer = Scorer::default();
    assert_eq!(
        scorer.panel(&portfolio, 2012..=2019),
        scorer.panel_by_scorecards(&portfolio, 2012..=2019)
    );
}

/// The ranked panel (one full scorecard per year, for its Monte Carlo) and
/// the sweep give the same rows but for the rank interval.
#[test]
fn ranked_panel_equals_the_sweep_but_for_the_rank_interval() {
    let portfolio = ssr_model::samples::synthetic(
        &ssr_model::samples::Synthetic::new(6)
            .with_components(2)
            .with_indicators(2)
            .with_periods(3),
    );
    let mut policy = ScoringPolicy::default();
    policy.uncertainty.replications = 20;
    let scorer = Scorer::new(policy).unwrap();
    let mut ranked = scorer.ranked_panel(&portfolio, 2015..=2022);
    assert!(ranked.iter().any(|r| r.rank_p05.is_some()));
    for row in &mut ranked {
        assert_eq!(row.rank_p05.is_some(), row.rank.is_some());
        (row.rank_p05, row.rank_p95) = (None, None);
    }
    assert_eq!(ranked, scorer.panel(&portfolio, 2015..=2022));
}
