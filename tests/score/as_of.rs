//! Scoring "as of" a date against the slow oracle: for any portfolio and
//! any date `D`, scoring as of `D` equals scoring the portfolio with
//! everything dated after `D` deleted (`tests/common/as_of.rs` says what
//! that deletes and what it leaves). One property per part of the
//! scorecard, then hand-worked cases.
//!
//! Where the scorer does not make the cut yet, the test is ignored with the
//! reason; run them with `--ignored` to see the counter-example.

use crate::common::as_of::{
    dates_in, delete_actuals_after, delete_after, delete_transactions_after, oracle_paths, shift,
};
use crate::common::strategies::{arb_date, arb_portfolio, consistent_portfolio};
use chrono::NaiveDate;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use ssr_model::model::{Amount, Transaction, TransactionType};
use ssr_model::score::policy::ScoringPolicy;
use ssr_model::{Currency, Money, Portfolio};
use ssr_model::{Scorecard, Scorer};

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// A consistent portfolio whose programmes also have 0–5 dated transactions
/// of any type, in the programme's own currency, dated from a year before
/// the planned start to a year after the planned end (the consistent
/// strategy alone writes no transactions, so the finance cut would have
/// nothing to cut).
pub(crate) fn money_portfolio() -> impl Strategy<Value = Portfolio> {
    let flows = vec(
        vec(
            (
                select(TransactionType::ALL.to_vec()),
                0.0f64..=1.0,
                1i64..1_000_000,
                0i64..=30,
            ),
            0..=5,
        ),
        3,
    );
    (consistent_portfolio(), flows).prop_map(|(mut portfolio, flows)| {
        for (p, flows) in portfolio.programmes.iter_mut().zip(flows) {
            let currency: Currency = p
                .budget
                .map(|b| b.currency)
                .or_else(|| p.funding.first().map(|f| f.amount.currency))
                .unwrap_or_else(|| "USD".parse().unwrap());
            let (Some(start), Some(end)) = (p.planned_start, p.planned_end) else {
                continue;
            };
            let (from, to) = (shift(start, -365), shift(end, 365));
            let span = (to - from).num_days() as f64;
            for (kind, when, units, value_lag) in flows {
                let date = shift(from, (span * when).floor() as i64);
                let value = Money::new(Amount::from_units(units).unwrap(), currency);
                p.transactions
                    .push(Transaction::new(kind, date, value, shift(date, value_lag)));
            }
        }
        portfolio
    })
}

/// Consistent portfolios with money, mostly, and sometimes any portfolio
/// at all (dates in any order, references dangling).
pub(crate) fn any_portfolio() -> impl Strategy<Value = Portfolio> {
    prop_oneof![3 => money_portfolio(), 1 => arb_portfolio()]
}

/// A portfolio and a date: mostly one of the portfolio's own dates moved by
/// −1, 0 or +1 day (where "on or before" matters), sometimes any date.
fn portfolio_and_date() -> impl Strategy<Value = (Portfolio, NaiveDate)> {
    (
        any_portfolio(),
        any::<Index>(),
        -1i64..=1,
        prop::option::weighted(0.2, arb_date()),
    )
        .prop_map(|(portfolio, pick, offset, anywhere)| {
            let dates = dates_in(&portfolio);
            let d = match anywhere {
                Some(d) => d,
                None if dates.is_empty() => NaiveDate::from_ymd_opt(2010, 6, 30).unwrap(),
                None => shift(*pick.get(&dates), offset),
            };
            (portfolio, d)
        })
}

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(64)
}

/// The scorecard of `portfolio` as of `d` under the default policy.
fn scorecard(portfolio: &Portfolio, d: NaiveDate) -> Scorecard {
    Scorer::new(ScoringPolicy::default().with_as_of(d))
        .unwrap()
        .scorecard(portfolio)
}

/// Scored as of `d`: the portfolio itself, and what `cut` leaves of it.
fn both(
    portfolio: &Portfolio,
    d: NaiveDate,
    cut: fn(&Portfolio, NaiveDate) -> Portfolio,
) -> (Scorecard, Scorecard) {
    (scorecard(portfolio, d), scorecard(&cut(portfolio, d), d))
}

// ---------------------------------------------------------------------------
// The property, part by part
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// Indicator actuals alone (`src/score/as_of.rs`; besides,
    /// `src/score/indicator.rs` ignores periods ending after `as_of`,
    /// `src/score/breakdown.rs` likewise for categories). Progress, status,
    /// forecasts, component and programme scores, and the results chain
    /// (levels, objectives, categories, gender gap) all follow.
    #[test]
    fn indicator_actuals_cut(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_actuals_after);
        for (s, o) in scored.programmes.iter().zip(&oracle.programmes) {
            prop_assert_eq!(&s.progress, &o.progress);
            prop_assert_eq!(&s.results, &o.results);
        }
    }

    /// Indicators under the whole cut: besides actuals, a baseline dated
    /// after `D` was not measured yet.
    #[test]
    fn indicators_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_after);
        for (s, o) in scored.programmes.iter().zip(&oracle.programmes) {
            prop_assert_eq!(&s.progress, &o.progress);
            prop_assert_eq!(&s.results, &o.results);
        }
    }

    /// Money: commitments, disbursements, spending and incoming funds dated
    /// after `D` are not known; nor is an actual start or end after `D`
    /// (the elapsed share of time).
    #[test]
    fn finance_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_after);
        for ((s, o), p) in scored.programmes.iter().zip(&oracle.programmes).zip(&portfolio.programmes) {
            prop_assert_eq!(&oracle_paths(s.finance.clone(), p, d), &o.finance);
        }
    }

    /// Money alone: transactions dated after `D` (of any type) are not
    /// known; the programme's dates are left as they are, so this isolates
    /// the transaction cut from the elapsed share of time.
    #[test]
    fn finance_transactions_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_transactions_after);
        for ((s, o), p) in scored.programmes.iter().zip(&oracle.programmes).zip(&portfolio.programmes) {
            prop_assert_eq!(&oracle_paths(s.finance.clone(), p, d), &o.finance);
        }
    }

    /// Evaluations dated after `D` have not happened.
    #[test]
    fn evaluation_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_after);
        for (s, o) in scored.programmes.iter().zip(&oracle.programmes) {
            prop_assert_eq!(&s.evaluation, &o.evaluation);
        }
    }

    /// Risk. Challenges and mitigations carry no date in the model
    /// (`src/model/challenge.rs`), so the oracle cuts nothing here: this
    /// holds as long as risk scoring reads nothing dated elsewhere.
    #[test]
    fn risk_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_after);
        for (s, o) in scored.programmes.iter().zip(&oracle.programmes) {
            prop_assert_eq!(&s.risk, &o.risk);
        }
    }

    /// Flows by recipient, year and type (`Scorer::recipient_flows`, the
    /// flows table): transactions dated after `D` are not known. The
    /// findings name transactions by their index in the document, which
    /// the oracle's deletion renumbers, so only their number is compared
    /// (the finance property checks the renumbering itself).
    #[test]
    fn recipient_flows_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let scorer = Scorer::new(ScoringPolicy::default().with_as_of(d)).unwrap();
        let cut = delete_after(&portfolio, d);
        for (p, o) in portfolio.programmes.iter().zip(&cut.programmes) {
            let (flows, findings) = scorer.recipient_flows(p);
            let (oracle_flows, oracle_findings) = scorer.recipient_flows(o);
            prop_assert_eq!(flows, oracle_flows);
            prop_assert_eq!(findings.len(), oracle_findings.len());
        }
    }

    /// Stakeholders. Their assessments carry no date
    /// (`src/model/stakeholder.rs`): as for risk, this holds as long as
    /// the analysis reads nothing dated elsewhere.
    #[test]
    fn stakeholders_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_after);
        for (s, o) in scored.programmes.iter().zip(&oracle.programmes) {
            prop_assert_eq!(&s.stakeholders, &o.stakeholders);
        }
    }

    /// What each programme has evidence for (the gate before ranking).
    #[test]
    fn evidence_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_after);
        for (s, o) in scored.programmes.iter().zip(&oracle.programmes) {
            prop_assert_eq!(&s.evidence, &o.evidence);
        }
    }

    /// The composite: normalised dimensions, composites, ranks and who is
    /// not ranked, across the portfolio.
    #[test]
    fn composite_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (scored, oracle) = both(&portfolio, d, delete_after);
        prop_assert_eq!(&scored.comparison, &oracle.comparison);
    }

    /// The whole scorecard, every part at once.
    #[test]
    fn scorecard_as_of(case in portfolio_and_date()) {
        let (portfolio, d) = case;
        let (mut scored, oracle) = both(&portfolio, d, delete_after);
        for (s, p) in scored.programmes.iter_mut().zip(&portfolio.programmes) {
            s.finance = oracle_paths(s.finance.clone(), p, d);
        }
        prop_assert_eq!(scored, oracle);
    }
}

// ---------------------------------------------------------------------------
// Hand-worked cases (tests/fixtures/as_of/)
// ---------------------------------------------------------------------------

/// The fixtures are version-2 portfolio documents (`src/document.rs`).
#[cfg(feature = "json")]
mod fixtures {
    use super::{delete_after, scorecard};
    use crate::common::as_of::{dates_in, delete_actuals_after};
    use chrono::NaiveDate;
    use ssr_model::Currency;
    use ssr_model::Scorer;
    use ssr_model::diagnostics::{Code, ValidationPolicy};
    use ssr_model::model::ExchangeRates;
    use ssr_model::model::TransactionType;
    use ssr_model::score::policy::FinancePolicy;
    use ssr_model::score::policy::ScoringPolicy;
    use ssr_model::score::programme::Status;
    use ssr_model::validate::validate;
    use ssr_model::{Portfolio, document};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    fn load(text: &str) -> Portfolio {
        document::from_str(text).unwrap()
    }

    // -- A UNDP-like commitment after the date judged at ------------------

    fn undp() -> Portfolio {
        load(include_str!("../fixtures/as_of/undp_commitment_after.json"))
    }

    /// The date judged at: 2020-06-30, before the 2021-04-30 commitment.
    fn undp_day() -> NaiveDate {
        d(2020, 6, 30)
    }

    /// What was known on 2020-06-30, worked by hand from the fixture:
    ///
    /// - no commitment yet (the only one is dated 2021-04-30): unknown,
    ///   so no disbursement rate;
    /// - disbursed 19,680 (2020-03-31); spent 106,458 (2020-05-31);
    /// - budget 1,855,000 (one period, 2020–2023, started before the date);
    /// - execution (19,680 + 106,458) / 1,855,000 = 126,138 / 1,855,000
    ///   = 0.0680;
    /// - elapsed: 2020-01-01 → 2020-06-30 is 181 days (31 + 29 + 31 + 30 +
    ///   31 + 29) of 1,460 (2020-01-01 → 2023-12-31: 366 + 365 + 365 + 364),
    ///   181 / 1,460 = 0.1240;
    /// - on track needs 0.1240 × 0.85 = 0.1054, at risk 0.1240 × 0.70 =
    ///   0.0868 (tolerances of `src/score/policy`): 0.0680 is off track;
    /// - pace 0.0680 / 0.1240 = 126,138 × 1,460 / (1,855,000 × 181) = 0.5485.
    fn assert_undp_truth(f: &ssr_model::score::programme::FinanceProfile) {
        assert_eq!(f.committed, None, "no commitment by 2020-06-30");
        assert_eq!(f.disbursement_rate, None);
        assert_eq!(f.disbursed, Some(19_680.0));
        assert_eq!(f.spent, Some(106_458.0));
        assert_eq!(f.budget, Some(1_855_000.0));
        assert!(
            close(f.execution, 126_138.0 / 1_855_000.0),
            "{:?}",
            f.execution
        );
        assert!(close(f.elapsed, 181.0 / 1_460.0), "{:?}", f.elapsed);
        assert_eq!(f.status, Status::OffTrack);
        assert!(close(f.pace, 126_138.0 * 1_460.0 / (1_855_000.0 * 181.0)));
    }

    /// The oracle's side: delete what came after 2020-06-30, then score.
    /// Three of the five transactions (2021-03-31, 2021-04-30,
    /// 2021-06-30) go; the figures are the hand-worked truth.
    #[test]
    fn undp_commitment_after_d_oracle() {
        let cut = delete_after(&undp(), undp_day());
        let dates: Vec<NaiveDate> = cut.programmes[0]
            .transactions
            .iter()
            .map(|t| t.date)
            .collect();
        assert_eq!(dates, [d(2020, 3, 31), d(2020, 5, 31)]);
        let card = scorecard(&cut, undp_day());
        assert_undp_truth(&card.programmes[0].finance);
    }

    /// The scorer's side: scored as of 2020-06-30, the programme must show
    /// the same truth. Without the cut it counted the 2021 commitment and
    /// the 2021 money: execution (19,680 + 300,000 + 106,458 + 308,442) / 1,855,000
    /// = 0.396 against 0.124 elapsed, on track.
    #[test]
    fn undp_commitment_after_d() {
        let card = scorecard(&undp(), undp_day());
        assert_undp_truth(&card.programmes[0].finance);
    }

    /// The fixture's own premise: every transaction type it uses counts in
    /// the finance measures (`src/score/finance.rs`: commitments type 2,
    /// disbursements 3, expenditure 4).
    #[test]
    fn undp_fixture_premise() {
        let p = &undp().programmes[0];
        let kinds: Vec<TransactionType> = p.transactions.iter().map(|t| t.kind).collect();
        assert!(kinds.contains(&TransactionType::OutgoingCommitment));
        assert!(
            p.transactions
                .iter()
                .filter(|t| t.kind == TransactionType::OutgoingCommitment)
                .all(|t| t.date > undp_day())
        );
    }

    /// The sample's evaluation of Liberia is dated 2019-06-30 (the sample
    /// document `tests/fixtures/v1/sample.json`): as of 1990-01-01 it had
    /// not happened, so Liberia has no evaluation score.
    #[test]
    fn sample_evaluation_before_it_happened() {
        let day = d(1990, 1, 1);
        let portfolio = ssr_model::samples::portfolio();
        let liberia = portfolio
            .programmes
            .iter()
            .position(|p| p.single_country().map(|c| c.name()) == Some("Liberia"))
            .unwrap();
        let dates: Vec<NaiveDate> = portfolio.programmes[liberia]
            .evaluations
            .iter()
            .map(|e| e.date)
            .collect();
        assert_eq!(dates, [d(2019, 6, 30)]);
        let card = scorecard(&portfolio, day);
        assert_eq!(card.programmes[liberia].evaluation, None);
    }

    // -- A life-of-project period with an interim actual ------------------

    fn interim() -> Portfolio {
        load(include_str!("../fixtures/as_of/interim_actual.json"))
    }

    /// One period 2019-01-01 → 2029-12-31, baseline 10 (2019-01-01),
    /// target 50, actual 30, with no date of measurement. Judged on
    /// 2024-06-30 the period is open, so the actual's date is unknown: it
    /// was reported by then (the document holds it), but not measured at
    /// the period's end, which has not come.
    ///
    /// - progress (30 − 10) / (50 − 10) = 0.5;
    /// - elapsed 2019-01-01 → 2024-06-30 is 2,007 days (1,826 to
    ///   2024-01-01, five years with one leap day, + 181) of 4,017
    ///   (eleven years to 2030-01-01 with three leap days, less one day):
    ///   0.4996;
    /// - neither on nor off track: the actual is interim, and the status
    ///   says so (named, never silently in or out).
    ///
    /// Before interim actuals, the period, ending after the date, was
    /// ignored: no actual, no data.
    #[test]
    fn life_of_project_interim_actual() {
        let card = scorecard(&interim(), d(2024, 6, 30));
        let s = &card.programmes[0].progress.components[0].indicators[0];
        assert_eq!(s.actual, Some(30.0));
        assert_eq!(s.progress, Some(0.5));
        assert_eq!(s.status.as_str(), "interim");
        assert!(close(s.expected, 2_007.0 / 4_017.0), "{:?}", s.expected);
    }

    /// The oracle keeps an actual of a period open on the date (its date
    /// is unknown), and cuts one of a period lying wholly after it; a
    /// baseline dated after the date goes too.
    #[test]
    fn oracle_on_an_open_period() {
        let p = interim();
        let actual = |p: &Portfolio| {
            p.programmes[0].components[0].indicators[0].periods[0]
                .actual
                .clone()
        };
        let baseline = |p: &Portfolio| p.programmes[0].components[0].indicators[0].baseline.clone();
        let open = delete_after(&p, d(2024, 6, 30));
        assert_eq!(actual(&open), actual(&p));
        assert!(actual(&p).is_some());
        assert_eq!(baseline(&open), baseline(&p));
        let before = delete_after(&p, d(2018, 12, 31));
        assert_eq!(actual(&before), None);
        assert_eq!(baseline(&before), None);
        // On the first day of the period it is open, so the actual stays;
        // the baseline, dated that day, is known.
        let first = delete_actuals_after(&p, d(2019, 1, 1));
        assert_eq!(actual(&first), actual(&p));
        assert_eq!(baseline(&delete_after(&p, d(2019, 1, 1))), baseline(&p));
        assert!(dates_in(&p).contains(&d(2029, 12, 31)));
    }

    // -- A target contradicting the stated direction ----------------------

    fn direction() -> Portfolio {
        load(include_str!("../fixtures/as_of/direction_conflict.json"))
    }

    /// The fixture's premise, checked by the validator
    /// (`src/validate/values.rs`): "increase" with the target (9) below
    /// the baseline (10) is a direction conflict.
    #[test]
    fn direction_conflict_is_found() {
        let report = validate(&direction(), &ValidationPolicy::default());
        assert_eq!(report.of_code(Code::DirectionConflict).count(), 1);
    }

    /// "Increase", baseline 10, target 9, actual 5.4: the formula gives
    /// (5.4 − 10) / (9 − 10) = −4.6 / −1 = 4.6, capped to 1.0, on track:
    /// full credit for falling further the wrong way. The target says
    /// lower, the direction says higher: progress is unknown, with a
    /// reason, and the programme gets no credit for it.
    #[test]
    fn direction_conflict_gets_no_credit() {
        for as_of in [None, Some(d(2020, 12, 31))] {
            let mut policy = ScoringPolicy::default();
            policy.as_of = as_of;
            let card = Scorer::new(policy).unwrap().scorecard(&direction());
            let progress = &card.programmes[0].progress;
            let s = &progress.components[0].indicators[0];
            assert_eq!(
                (s.baseline, s.target, s.actual),
                (Some(10.0), Some(9.0), Some(5.4))
            );
            assert_eq!(s.progress, None);
            assert_eq!(s.capped, None);
            assert_eq!(s.status, Status::NoData);
            assert!(s.gap.is_some(), "no progress must say why");
            assert_eq!(progress.score, None, "no credit for the conflict");
        }
    }

    // -- One exchange-rate convention per money ratio ---------------------

    fn two_rates() -> (Portfolio, ExchangeRates) {
        let usd: Currency = "USD".parse().unwrap();
        let rates = ssr_model::score::read_rates(
            usd,
            include_str!("../fixtures/as_of/eur_usd.csv").as_bytes(),
        )
        .unwrap();
        (
            load(include_str!("../fixtures/as_of/two_rates.json")),
            rates,
        )
    }

    fn in_usd(rates: ExchangeRates) -> Scorer {
        let mut policy = ScoringPolicy::default();
        policy.finance = FinancePolicy::default().with_currency("USD".parse::<Currency>().unwrap());
        Scorer::new(policy).unwrap().with_rates(rates)
    }

    /// In its own currency: committed 1,000 EUR (2019-03-01), disbursed
    /// 1,000 EUR (2020-11-15): disbursement rate 1,000 / 1,000 = 1.0.
    /// Each amount in USD at its own value date (`src/model/rates.rs`:
    /// the latest rate on or before it): 1,000 / 0.9 = 1,111.11 at the
    /// 2019 rate, 1,000 / 0.8 = 1,250 at the rate from 2020-10-01.
    #[test]
    fn two_rates_amounts() {
        let (portfolio, rates) = two_rates();
        let p = &portfolio.programmes[0];
        let eur = Scorer::default().finance(p);
        assert_eq!(eur.currency, Some("EUR".parse().unwrap()));
        assert_eq!(eur.disbursement_rate, Some(1.0));
        let usd = in_usd(rates).finance(p);
        assert!(close(usd.committed, 1_000.0 / 0.9), "{:?}", usd.committed);
        assert!(close(usd.disbursed, 1_000.0 / 0.8), "{:?}", usd.disbursed);
        assert!(usd.findings.is_empty());
    }

    /// The ratio in USD: a programme that disbursed exactly its commitment
    /// has disbursement rate 1.0 in every currency. Converting each side
    /// at its own date gives 1,250 / 1,111.11 = 0.9 / 0.8 = 1.125: the
    /// rate change, not the programme.
    #[test]
    fn two_rates_disbursement_rate() {
        let (portfolio, rates) = two_rates();
        let usd = in_usd(rates).finance(&portfolio.programmes[0]);
        assert!(
            close(usd.disbursement_rate, 1.0),
            "{:?}",
            usd.disbursement_rate
        );
    }
}
