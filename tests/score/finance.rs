//! Finance measures, money conversion and recipient shares, against values
//! worked out by hand.

use chrono::NaiveDate;
use ssr_model::Scorer;
use ssr_model::diagnostics::Code;
use ssr_model::model::{
    Amount, Budget, BudgetKind, ExchangeRates, Funding, Organisation, Party, Percentage, Place,
    Recipient, StakeholderId, Transaction, TransactionType,
};
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::compare::Dimension;
use ssr_model::score::policy::{FinancePolicy, RatioRates, ScoringPolicy};
use ssr_model::score::programme::{Status, recipient_shares, split_transaction, unallocated_share};
use ssr_model::{Country, Currency, Money, Portfolio, Programme, Region};

/// An exchange rate from its decimal text.
fn rate(text: &str) -> ssr_model::model::Rate {
    text.parse().unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn money(amount: &str, currency: &str) -> Money {
    Money::parse(amount, currency).unwrap()
}

fn cur(code: &str) -> Currency {
    code.parse().unwrap()
}

fn tx(kind: TransactionType, date: NaiveDate, amount: &str, currency: &str) -> Transaction {
    Transaction::new(kind, date, money(amount, currency), date)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// A two-year programme (2021–2022) in USD: committed 1000; disbursed
/// 300 + 200 and reimbursed 100 (600); spent 150; budgets 2021 original
/// 500 revised to 600, 2022 original 400 (budget 1000).
fn usd_programme() -> Programme {
    use TransactionType::*;
    Programme::new("Border police", Country::new("XKX").unwrap())
        .with_planned_start(d(2021, 1, 1))
        .with_planned_end(d(2022, 12, 31))
        .with_transaction(tx(OutgoingCommitment, d(2021, 1, 15), "1000", "USD"))
        .with_transaction(tx(Disbursement, d(2021, 3, 1), "300", "USD"))
        .with_transaction(tx(Disbursement, d(2022, 3, 1), "200", "USD"))
        .with_transaction(tx(Reimbursement, d(2022, 4, 1), "100", "USD"))
        .with_transaction(tx(Expenditure, d(2021, 6, 1), "150", "USD"))
        .with_budget_period(Budget::new(
            d(2021, 1, 1),
            d(2021, 12, 31),
            money("500", "USD"),
            d(2021, 1, 1),
        ))
        .with_budget_period(
            Budget::new(
                d(2021, 1, 1),
                d(2021, 12, 31),
                money("600", "USD"),
                d(2021, 6, 1),
            )
            .with_kind(BudgetKind::Revised),
        )
        .with_budget_period(Budget::new(
            d(2022, 1, 1),
            d(2022, 12, 31),
            money("400", "USD"),
            d(2022, 1, 1),
        ))
}

fn as_of(date: NaiveDate) -> Scorer {
    Scorer::new(ScoringPolicy::default().with_as_of(date)).unwrap()
}

#[test]
fn totals_rates_and_execution_by_hand() {
    // Judged on 2022-04-01, the day of the last transaction, so every one
    // counts (judged earlier, the 2022 money is not known yet: the as-of
    // cut; this test once judged at 2022-01-01 and counted it all).
    let f = as_of(d(2022, 4, 1)).finance(&usd_programme());
    assert_eq!(f.currency, Some(cur("USD")));
    assert_eq!(f.committed, Some(1000.0));
    assert_eq!(f.disbursed, Some(600.0));
    assert_eq!(f.spent, Some(150.0));
    assert_eq!(
        f.incoming, None,
        "no incoming funds reported is unknown, not 0"
    );
    assert_eq!(f.disbursement_rate, Some(0.6));
    assert_eq!(
        f.budget,
        Some(1000.0),
        "the revision replaces the 2021 original"
    );
    assert_eq!(f.execution, Some(0.75));
    // 2021-01-01 → 2022-12-31 is 729 days; 2022-04-01 is 455 days in
    // (365 + 31 + 28 + 31): 0.624 elapsed, 0.75 executed.
    assert!(close(f.elapsed.unwrap(), 455.0 / 729.0));
    assert_eq!(f.status, Status::OnTrack);
    assert_eq!(f.pace, Some(1.0), "ahead of time (0.75 / 0.624), capped");
}

/// Judged on 2022-01-01, the 2022 money (disbursed 200, reimbursed 100)
/// is not known yet: committed 1000, disbursed 300, spent 150; rate
/// 300 / 1000 = 0.3; execution (300 + 150) / 1000 = 0.45 against 365 / 729
/// = 0.5007 elapsed: on track needs 0.5007 × 0.85 = 0.4256, so on track;
/// pace 0.45 × 729 / 365 = 0.8988.
#[test]
fn money_dated_after_the_judging_date_is_not_known() {
    let f = as_of(d(2022, 1, 1)).finance(&usd_programme());
    assert_eq!(f.committed, Some(1000.0));
    assert_eq!(f.disbursed, Some(300.0));
    assert_eq!(f.spent, Some(150.0));
    assert_eq!(f.disbursement_rate, Some(0.3));
    assert!(close(f.execution.unwrap(), 0.45));
    assert_eq!(f.status, Status::OnTrack);
    assert!(close(f.pace.unwrap(), 0.45 * 729.0 / 365.0));
    let years: Vec<(i32, Option<f64>)> = f.yearly.iter().map(|y| (y.year, y.disbursed)).collect();
    // Budgets are plans: the 2022 period (not started) still shows.
    assert_eq!(years, [(2021, Some(300.0)), (2022, None)]);
    assert!(f.findings.is_empty());
}

#[test]
fn execution_behind_time_is_at_risk_or_off_track_as_indicators_are() {
    // At the end, 0.75 of the budget executed against all the time gone:
    // on track needs 0.85, at risk 0.70.
    let f = as_of(d(2023, 6, 1)).finance(&usd_programme());
    assert_eq!(f.elapsed, Some(1.0));
    assert_eq!(f.status, Status::AtRisk);
    assert_eq!(f.pace, Some(0.75));
}

#[test]
fn without_as_of_the_judging_date_is_the_latest_transaction() {
    let f = Scorer::default().finance(&usd_programme());
    // 2022-04-01 is 455 days after 2021-01-01.
    assert!(close(f.elapsed.unwrap(), 455.0 / 729.0));
}

#[test]
fn yearly_flows_by_transaction_date_and_budget_start() {
    let f = Scorer::default().finance(&usd_programme());
    let years: Vec<_> = f
        .yearly
        .iter()
        .map(|y| (y.year, y.committed, y.disbursed, y.spent, y.budget))
        .collect();
    assert_eq!(
        years,
        [
            (2021, Some(1000.0), Some(300.0), Some(150.0), Some(600.0)),
            (2022, None, Some(300.0), None, Some(400.0)),
        ]
    );
}

#[test]
fn a_programme_without_money_has_unknown_measures() {
    let f = Scorer::default().finance(&Programme::new("x", Country::new("LBR").unwrap()));
    assert_eq!(f.currency, None);
    assert_eq!(
        (f.committed, f.budget, f.execution, f.pace),
        (None, None, None, None)
    );
    assert_eq!(f.status, Status::NoData);
    assert_eq!(f.funders, 0);
}

#[test]
fn conversion_uses_the_latest_rate_on_or_before_the_value_date() {
    use TransactionType::*;
    // Rates per USD: EUR 0.8 from 2021-01-01, 0.5 from 2021-07-01.
    let rates = ExchangeRates::new(cur("USD"))
        .with_rate(d(2021, 1, 1), cur("EUR"), rate("0.8"))
        .unwrap()
        .with_rate(d(2021, 7, 1), cur("EUR"), rate("0.5"))
        .unwrap();
    let p = Programme::new("x", Country::new("MLI").unwrap())
        .with_transaction(tx(Disbursement, d(2021, 6, 30), "80", "EUR")) // 100 USD
        .with_transaction(tx(Disbursement, d(2021, 7, 1), "80", "EUR")) // 160 USD
        .with_transaction(tx(Disbursement, d(2021, 8, 1), "40", "USD")) // 40 USD
        .with_transaction(tx(Disbursement, d(2020, 12, 31), "10", "EUR")) // no rate yet
        .with_transaction(tx(Disbursement, d(2021, 8, 1), "10", "GBP")); // no rate at all
    let mut policy = ScoringPolicy::default();
    policy.finance = FinancePolicy::default().with_currency(cur("USD"));
    let f = Scorer::new(policy).unwrap().with_rates(rates).finance(&p);
    assert!(close(f.disbursed.unwrap(), 300.0), "{:?}", f.disbursed);
    let findings: Vec<(Code, &str)> = f
        .findings
        .iter()
        .map(|x| (x.code, x.path.as_str()))
        .collect();
    assert_eq!(
        findings,
        [
            (Code::NoExchangeRate, "/transactions/3/value"),
            (Code::NoExchangeRate, "/transactions/4/value")
        ]
    );
    assert!(
        f.findings[0].message.contains("10 EUR"),
        "{}",
        f.findings[0].message
    );
}

#[test]
fn without_rates_other_currencies_are_findings_not_silently_dropped() {
    use TransactionType::*;
    let p = Programme::new("x", Country::new("MLI").unwrap())
        .with_transaction(tx(Disbursement, d(2021, 1, 1), "100", "EUR"))
        .with_transaction(tx(Disbursement, d(2021, 2, 1), "100", "EUR"))
        .with_transaction(tx(Disbursement, d(2021, 3, 1), "50", "USD"));
    let f = Scorer::default().finance(&p);
    assert_eq!(f.currency, Some(cur("EUR")), "the most used currency");
    assert_eq!(f.disbursed, Some(200.0));
    assert_eq!(f.findings.len(), 1);
    assert_eq!(f.findings[0].path, "/transactions/2/value");
}

#[test]
fn funding_concentration_is_the_herfindahl_index() {
    let id = StakeholderId::from_external;
    let p = Programme::new("x", Country::new("MLI").unwrap())
        .with_funding(Funding::new(id("a"), money("50", "EUR")))
        .with_funding(Funding::new(id("b"), money("30", "EUR")))
        .with_funding(Funding::new(id("c"), money("20", "EUR")));
    let f = Scorer::default().finance(&p);
    assert_eq!(f.funders, 3);
    // 0.5² + 0.3² + 0.2²
    assert!(close(f.concentration.unwrap(), 0.38));

    let single = Programme::new("x", Country::new("MLI").unwrap())
        .with_funding(Funding::new(id("a"), money("50", "EUR")))
        .with_funding(Funding::new(id("a"), money("20", "EUR")));
    let f = Scorer::default().finance(&single);
    assert_eq!((f.funders, f.concentration), (1, Some(1.0)));
}

#[test]
fn without_a_funding_list_funders_are_providers_of_incoming_money() {
    use TransactionType::*;
    let from = |name: &str| Party::from(Organisation::new().with_name(name));
    let p = Programme::new("x", Country::new("MLI").unwrap())
        .with_transaction(tx(IncomingFunds, d(2021, 1, 1), "75", "USD").with_provider(from("A")))
        .with_transaction(
            tx(IncomingCommitment, d(2021, 1, 1), "25", "USD").with_provider(from("B")),
        );
    let f = Scorer::default().finance(&p);
    assert_eq!(f.funders, 2);
    // 0.75² + 0.25²
    assert!(close(f.concentration.unwrap(), 0.625));
}

/// `portfolio` with transactions and budgets added to every programme.
fn with_money(mut portfolio: Portfolio) -> Portfolio {
    for (i, p) in portfolio.programmes.iter_mut().enumerate() {
        let amount = format!("{}", 100 * (i + 1));
        p.transactions.push(tx(
            TransactionType::Disbursement,
            d(2021, 6, 1),
            &amount,
            "USD",
        ));
        p.budgets.push(Budget::new(
            d(2021, 1, 1),
            d(2021, 12, 31),
            money("1000", "USD"),
            d(2021, 1, 1),
        ));
        p.planned_start = Some(d(2020, 1, 1));
        p.planned_end = Some(d(2023, 12, 31));
    }
    portfolio
}

#[test]
fn the_finance_dimension_weighs_nothing_by_default() {
    let plain = synthetic(
        &Synthetic::new(6)
            .with_components(2)
            .with_indicators(2)
            .with_periods(3),
    );
    let funded = with_money(plain.clone());
    let scorer = Scorer::default();
    let (a, b) = (scorer.scorecard(&plain), scorer.scorecard(&funded));
    assert!(b.programmes.iter().all(|c| c.finance.pace.is_some()));
    for (x, y) in a.comparison.rows.iter().zip(&b.comparison.rows) {
        assert_eq!(
            (x.composite, x.rank, x.coverage),
            (y.composite, y.rank, y.coverage)
        );
    }
    assert_eq!(
        scorer.rank_uncertainty(&a).programmes,
        scorer.rank_uncertainty(&b).programmes
    );

    // Given weight, it counts.
    let mut policy = ScoringPolicy::default();
    policy
        .comparison
        .dimensions
        .get_mut(Dimension::Finance)
        .weight = ssr_model::model::Weight::ONE;
    let weighted = Scorer::new(policy).unwrap().scorecard(&funded);
    assert!(
        weighted
            .comparison
            .rows
            .iter()
            .zip(&b.comparison.rows)
            .any(|(x, y)| x.composite != y.composite)
    );
}

#[test]
fn the_standard_example_is_never_assigned_whole_to_one_country() {
    // IATI's example: AF 25 %, AG 25 % (the rest is elsewhere).
    let pct = |x| Percentage::new(x).unwrap();
    let p = Programme::new("x", Country::new("AFG").unwrap()).with_recipients([
        Recipient::country(Country::new("AFG").unwrap()).with_percentage(pct(25.0)),
        Recipient::country(Country::new("ATG").unwrap()).with_percentage(pct(25.0)),
    ]);
    let shares: Vec<Option<f64>> = recipient_shares(&p).iter().map(|s| s.share).collect();
    assert_eq!(shares, [Some(0.25), Some(0.25)]);
    assert_eq!(unallocated_share(&p), Some(0.5));

    // Several recipients, one without a percentage: unknown, not guessed.
    // Over 100, shares are scaled to their sum: 60 + 60 → a half each.
    let over = Programme::new("x", Country::new("AFG").unwrap()).with_recipients([
        Recipient::country(Country::new("AFG").unwrap()).with_percentage(pct(60.0)),
        Recipient::country(Country::new("ATG").unwrap()).with_percentage(pct(60.0)),
    ]);
    let shares: Vec<Option<f64>> = recipient_shares(&over).iter().map(|s| s.share).collect();
    assert_eq!(shares, [Some(0.5), Some(0.5)]);
    assert_eq!(unallocated_share(&over), Some(0.0));

    let p = p.with_recipient(Recipient::region(Region::new(798).unwrap()));
    assert_eq!(recipient_shares(&p)[2].share, None);
    assert_eq!(unallocated_share(&p), None);

    // A transaction naming its own recipient goes wholly to it.
    let t = tx(TransactionType::Disbursement, d(2021, 1, 1), "10", "USD")
        .with_recipient(Place::Region(Region::new(798).unwrap()));
    assert_eq!(
        split_transaction(&p, &t, 10.0),
        [(Place::Region(Region::new(798).unwrap()), Some(10.0))]
    );
}

mod conservation {
    use super::*;
    use proptest::prelude::*;

    const CODES: [&str; 5] = ["MLI", "NER", "BFA", "TCD", "XKX"];

    proptest! {
        /// Splitting by recipient keeps every unit of money: the parts plus
        /// the unallocated rest give back each transaction's amount, and no
        /// recipient among several takes the whole.
        #[test]
        fn flows_by_recipient_add_up_to_the_transactions(
            percentages in prop::collection::vec(1u32..=60, 2..=5),
            amounts in prop::collection::vec(1u32..1_000_000, 1..=6),
        ) {
            let recipients: Vec<Recipient> = percentages
                .iter()
                .zip(CODES)
                .map(|(p, code)| {
                    Recipient::country(Country::new(code).unwrap())
                        .with_percentage(Percentage::new(f64::from(*p)).unwrap())
                })
                .collect();
            let mut p = Programme::new("x", Country::new("MLI").unwrap()).with_recipients(recipients);
            for (i, a) in amounts.iter().enumerate() {
                let year = 2020 + i32::try_from(i % 3).unwrap();
                p = p.with_transaction(tx(TransactionType::Disbursement, d(year, 1, 1), &a.to_string(), "USD"));
            }
            let (flows, findings) = Scorer::default().recipient_flows(&p);
            let total: f64 = amounts.iter().map(|a| f64::from(*a)).sum();
            // One unallocated_money finding exactly when stated shares
            // leave some money over.
            let stated: u32 = percentages.iter().sum();
            let left_over = stated < 100 && total > 0.0;
            prop_assert_eq!(findings.len(), usize::from(left_over), "{:?}", findings);
            prop_assert!(findings.iter().all(|f| f.code == ssr_model::diagnostics::Code::UnallocatedMoney));
            // Exact: the parts add up to the transactions to the ten-thousandth.
            let split = flows
                .iter()
                .try_fold(Amount::ZERO, |s, f| s.checked_add(f.amount.unwrap()))
                .unwrap();
            let whole = Amount::from_units(amounts.iter().map(|a| i64::from(*a)).sum()).unwrap();
            prop_assert_eq!(split, whole);
            for f in flows.iter().filter(|f| f.place.is_some()) {
                let year_total: f64 = amounts
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| 2020 + i32::try_from(i % 3).unwrap() == f.year)
                    .map(|(_, a)| f64::from(*a))
                    .sum();
                prop_assert!(f.amount.unwrap().to_f64() < year_total);
            }
            let unallocated: f64 = flows.iter().filter(|f| f.place.is_none()).map(|f| f.amount.unwrap().to_f64()).sum();
            let expected = total * f64::from(100u32.saturating_sub(stated)) / 100.0;
            prop_assert!((unallocated - expected).abs() <= 1e-6 * total.max(1.0), "{unallocated} vs {expected}");
        }
    }
}

/// Rates of EUR per USD: 0.9 from 2019, 0.8 from 2020-10-01.
fn eur_rates() -> ExchangeRates {
    ExchangeRates::new(cur("USD"))
        .with_rate(d(2019, 1, 1), cur("EUR"), rate("0.9"))
        .unwrap()
        .with_rate(d(2020, 10, 1), cur("EUR"), rate("0.8"))
        .unwrap()
}

fn in_usd(ratio_rates: RatioRates, as_of: Option<NaiveDate>) -> Scorer {
    let mut policy = ScoringPolicy::default();
    policy.as_of = as_of;
    policy.finance = FinancePolicy::default()
        .with_currency(cur("USD"))
        .with_ratio_rates(ratio_rates);
    Scorer::new(policy).unwrap().with_rates(eur_rates())
}

/// Committed 1,000 EUR in 2019, disbursed 1,000 EUR in 2020 and spent
/// 500 EUR, against a budget of 2,000 EUR: in EUR the disbursement rate is
/// 1,000 / 1,000 = 1 and execution (1,000 + 500) / 2,000 = 0.75. Whatever
/// date the ratio's one rate is taken on (0.9 or 0.8 EUR per USD), both
/// sides scale alike: 1 and 0.75 in USD too. The sums keep their own
/// dates: committed 1,000 / 0.9 = 1,111.11, disbursed 1,000 / 0.8 = 1,250.
#[test]
fn a_ratio_is_the_same_in_every_currency() {
    use TransactionType::*;
    let p = Programme::new("Border management", Country::new("MLI").unwrap())
        .with_planned_start(d(2019, 1, 1))
        .with_planned_end(d(2021, 12, 31))
        .with_budget_period(Budget::new(
            d(2019, 1, 1),
            d(2021, 12, 31),
            money("2000", "EUR"),
            d(2019, 1, 1),
        ))
        .with_transaction(tx(OutgoingCommitment, d(2019, 3, 1), "1000", "EUR"))
        .with_transaction(tx(Disbursement, d(2020, 11, 15), "1000", "EUR"))
        .with_transaction(tx(Expenditure, d(2020, 12, 1), "500", "EUR"));
    let eur = Scorer::default().finance(&p);
    assert_eq!(
        (eur.disbursement_rate, eur.execution),
        (Some(1.0), Some(0.75))
    );
    for (rates, as_of) in [
        (RatioRates::JudgingDate, None),
        (RatioRates::JudgingDate, Some(d(2021, 6, 30))),
        (RatioRates::On(d(2019, 6, 30)), None),
        (RatioRates::On(d(2020, 12, 31)), Some(d(2021, 6, 30))),
    ] {
        let usd = in_usd(rates, as_of).finance(&p);
        assert!(
            close(usd.disbursement_rate.unwrap(), 1.0),
            "{rates:?} {as_of:?}"
        );
        assert!(close(usd.execution.unwrap(), 0.75), "{rates:?} {as_of:?}");
        assert!(close(usd.committed.unwrap(), 1000.0 / 0.9));
        assert!(close(usd.disbursed.unwrap(), 1000.0 / 0.8));
        assert!(usd.findings.is_empty());
    }
}

/// A ratio whose one rate date has no rate is unknown, and says why: the
/// table starts in 2019, the policy asks for 2018's rate.
#[test]
fn a_ratio_without_a_rate_on_its_date_is_unknown() {
    use TransactionType::*;
    let p = Programme::new("Border management", Country::new("MLI").unwrap())
        .with_transaction(tx(OutgoingCommitment, d(2019, 3, 1), "1000", "EUR"))
        .with_transaction(tx(Disbursement, d(2020, 11, 15), "1000", "EUR"));
    let usd = in_usd(RatioRates::On(d(2018, 12, 31)), None).finance(&p);
    assert_eq!(usd.disbursement_rate, None);
    assert!(usd.disbursed.is_some(), "the sums keep their own dates");
    assert_eq!(usd.findings.len(), 1, "{:?}", usd.findings);
    assert!(usd.findings.iter().all(|f| f.code == Code::NoExchangeRate));
    assert!(usd.findings[0].message.contains("disbursement rate"));
}

/// Funding of 100 EUR (a) and 100 USD (b), reported in USD as of
/// 2020-12-31 (0.8 EUR per USD): 100 / 0.8 = 125 USD and 100 USD, shares
/// 125 / 225 and 100 / 225, index (125² + 100²) / 225² = 25,625 / 50,625.
/// Without rates the shares cannot be compared: unknown, with a finding.
#[test]
fn funders_in_several_currencies_share_one_rate() {
    let id = StakeholderId::from_external;
    let p = Programme::new("x", Country::new("MLI").unwrap())
        .with_funding(Funding::new(id("a"), money("100", "EUR")))
        .with_funding(Funding::new(id("b"), money("100", "USD")));
    let f = in_usd(RatioRates::JudgingDate, Some(d(2020, 12, 31))).finance(&p);
    assert_eq!(f.funders, 2);
    assert!(close(f.concentration.unwrap(), 25_625.0 / 50_625.0));
    let mut policy = ScoringPolicy::default().with_as_of(d(2020, 12, 31));
    policy.finance = FinancePolicy::default().with_currency(cur("USD"));
    let f = Scorer::new(policy).unwrap().finance(&p);
    assert_eq!((f.funders, f.concentration), (2, None));
    assert_eq!(f.findings.len(), 1);
}

/// The OECD DAC's year-average rates (`finance.conversion: year_average`),
/// worked by hand. EUR per USD: 0.9 from 2019-01-01, 0.8 from 2020-10-01.
/// The 2020 average weighs each of its 366 days: 274 days (1 January to
/// 30 September) at 0.9 and 92 at 0.8, (246.6 + 73.6) / 366 = 320.2 / 366
/// = 0.874863…; 2019's is 0.9; 2018 has no rate on 1 January, so no average.
mod year_average {
    use super::{d, rate};
    use ssr_model::Scorer;
    use ssr_model::model::{ExchangeRates, Transaction, TransactionType};
    use ssr_model::score::policy::{Conversion, FinancePolicy, ScoringPolicy};
    use ssr_model::{Country, Currency, Money, Programme};

    fn rates() -> ExchangeRates {
        let eur: Currency = "EUR".parse().unwrap();
        ExchangeRates::new("USD".parse().unwrap())
            .with_rate(d(2019, 1, 1), eur, rate("0.9"))
            .unwrap()
            .with_rate(d(2020, 10, 1), eur, rate("0.8"))
            .unwrap()
    }

    fn scorer(conversion: Conversion) -> Scorer {
        let mut policy = ScoringPolicy::default();
        policy.finance = FinancePolicy::default()
            .with_currency("USD".parse::<Currency>().unwrap())
            .with_conversion(conversion);
        Scorer::new(policy).unwrap().with_rates(rates())
    }

    fn eur(kind: TransactionType, day: chrono::NaiveDate, amount: &str) -> Transaction {
        Transaction::new(kind, day, Money::parse(amount, "EUR").unwrap(), day)
    }

    /// Committed EUR 1,000 on 2019-06-01, disbursed EUR 1,000 on 2020-11-01.
    fn programme() -> Programme {
        Programme::new("Police reform", Country::new("LBR").unwrap())
            .with_transaction(eur(
                TransactionType::OutgoingCommitment,
                d(2019, 6, 1),
                "1000",
            ))
            .with_transaction(eur(TransactionType::Disbursement, d(2020, 11, 1), "1000"))
    }

    #[test]
    fn the_year_average_of_a_step() {
        let average = rates().year_average("EUR".parse().unwrap(), 2020).unwrap();
        assert!((average - 320.2 / 366.0).abs() < 1e-15);
        assert_eq!(
            rates().year_average("EUR".parse().unwrap(), 2019),
            Some(0.9)
        );
        assert_eq!(rates().year_average("EUR".parse().unwrap(), 2018), None);
        assert_eq!(
            rates().year_average("USD".parse().unwrap(), 1990),
            Some(1.0)
        );
    }

    /// Sums: the commitment at 2019's average, 1000 / 0.9 = 1,111.11…; the
    /// disbursement at 2020's, 1000 × 366 / 320.2 = 1,143.0356… (on its
    /// value date it would be 1000 / 0.8 = 1,250). The disbursement rate
    /// converts both sides at one rate: 1.0.
    #[test]
    fn sums_at_their_years_average_and_ratios_at_one() {
        let f = scorer(Conversion::YearAverage).finance(&programme());
        assert!((f.committed.unwrap() - 1000.0 / 0.9).abs() < 1e-9);
        assert!((f.disbursed.unwrap() - 1000.0 * 366.0 / 320.2).abs() < 1e-9);
        assert!((f.disbursement_rate.unwrap() - 1.0).abs() < 1e-12);
        assert!(f.findings.is_empty(), "{:?}", f.findings);
        // The default is unchanged: the value date's rate.
        let by_day = scorer(Conversion::ValueDate).finance(&programme());
        assert_eq!(by_day.disbursed, Some(1250.0));
    }

    /// A year with a day before the first rate has no average: the money
    /// is left out with a finding, never converted at a guess.
    #[test]
    fn a_year_without_a_rate_on_every_day() {
        let p =
            programme().with_transaction(eur(TransactionType::Expenditure, d(2018, 12, 1), "10"));
        let f = scorer(Conversion::YearAverage).finance(&p);
        assert_eq!(f.spent, None);
        assert_eq!(f.findings.len(), 1);
        assert!(
            f.findings[0]
                .message
                .contains("no EUR rate on every day of 2018"),
            "{}",
            f.findings[0].message
        );
    }

    /// The flows' converted amounts: EUR 1,000 in 2020 at the year's
    /// average, 1,143.0356 USD (to the ten-thousandth), dated the year's
    /// last day.
    #[test]
    fn flows_at_the_years_average() {
        let (flows, findings) = scorer(Conversion::YearAverage).recipient_flows(&programme());
        assert!(findings.is_empty());
        let paid = flows
            .iter()
            .find(|f| f.kind == TransactionType::Disbursement)
            .and_then(|f| f.converted.as_ref())
            .unwrap();
        assert_eq!(
            paid.amount.map(|a| a.to_string()).as_deref(),
            Some("1143.0356")
        );
        assert_eq!(paid.rate_date, d(2020, 12, 31));
    }

    #[cfg(feature = "json")]
    #[test]
    fn the_policy_says_it_in_json() {
        let policy =
            ScoringPolicy::from_json(r#"{"finance": {"conversion": "year_average"}}"#).unwrap();
        assert_eq!(policy.finance.conversion, Conversion::YearAverage);
        // The default is left out of a written policy, so older ones read the same.
        let written = serde_json::to_string(&ScoringPolicy::default()).unwrap();
        assert!(!written.contains("conversion"), "{written}");
    }
}
