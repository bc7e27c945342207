//! Financial measures of a programme, from its transactions and budgets
//! (see [`FinanceProfile`]).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::as_of::known;
use super::ratio_rates::{ByCurrency, Converter};
use super::{ScoringPolicy, Status, classify, expected_progress};
use crate::diagnostics::Finding;
use crate::diagnostics::Pointer;
use crate::{BudgetKind, Currency, ExchangeRates, Party, Programme, TransactionType};

/// Money flows of one calendar year (transactions by date, budgets by the
/// year their period starts).
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Money, Programme};
/// use ssr_model::model::{Transaction, TransactionType};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let flow = |kind, day: NaiveDate, amount: &str| -> Result<Transaction, ssr_model::model::ValueError> {
///     Ok(Transaction::new(kind, day, Money::parse(amount, "USD")?, day))
/// };
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_transaction(flow(TransactionType::OutgoingCommitment, d(2020, 2, 1)?, "900")?)
///     .with_transaction(flow(TransactionType::Disbursement, d(2020, 6, 1)?, "300")?)
///     .with_transaction(flow(TransactionType::Disbursement, d(2021, 6, 1)?, "400")?);
/// let yearly = Scorer::default().finance(&programme).yearly;
/// assert_eq!(yearly.len(), 2);
/// assert_eq!((yearly[0].year, yearly[0].committed, yearly[0].disbursed), (2020, Some(900.0), Some(300.0)));
/// assert_eq!((yearly[1].year, yearly[1].committed, yearly[1].disbursed), (2021, None, Some(400.0)));
/// assert_eq!(yearly[1].spent, None); // nothing reported, not zero
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct YearFlows {
    /// The year.
    pub year: i32,
    /// Outgoing commitments.
    pub committed: Option<f64>,
    /// Disbursements and reimbursements.
    pub disbursed: Option<f64>,
    /// Expenditure.
    pub spent: Option<f64>,
    /// Budgets of periods starting this year.
    pub budget: Option<f64>,
}

/// One programme's financial measures.
///
/// From its transactions and budgets.
///
/// All amounts are in one currency: the policy's reporting currency
/// ([`FinancePolicy::currency`](super::policy::FinancePolicy::currency)) converted through the user's
/// [`ExchangeRates`] (see [`Scorer::with_rates`](super::Scorer::with_rates)),
/// or, without one, the programme's most used currency. Each amount of a
/// sum converts at the rate of its own value date (a stated total budget,
/// which has none, at the judging date's). Money that cannot be converted
/// is left out of the sums and reported as a `no_exchange_rate` finding;
/// nothing is dropped silently and no rate is guessed. Ratios (disbursement
/// rate, execution, concentration) convert both sides at one rate instead
/// ([`FinancePolicy::ratio_rates`](super::policy::FinancePolicy::ratio_rates)), so that a ratio of amounts in one
/// currency is the same in every reporting currency.
///
/// | measure | definition |
/// |---|---|
/// | `committed` | Σ outgoing commitments (IATI transaction type 2) |
/// | `disbursed` | Σ disbursements (3) and reimbursements (7) |
/// | `spent` | Σ expenditure (4) |
/// | `incoming` | Σ incoming funds (1) |
/// | `disbursement_rate` | disbursed ÷ committed, both at one rate |
/// | `budget` | Σ budgets by period, a revised budget replacing the original of the same period; without periods, the stated total |
/// | `execution` | (disbursed + spent) ÷ budget, both at one rate |
/// | `elapsed` | the share of the programme's time gone at the judging date ([`expected_progress`](super::expected_progress)) |
/// | `status` | execution judged against elapsed time as indicators are ([`classify`](super::classify)) |
/// | `pace` | execution ÷ elapsed, capped to [0, 1]: the finance dimension |
/// | `concentration` | Herfindahl–Hirschman index Σ sᵢ² of funders' shares (amounts at one rate), from 1/n (even) to 1 (one funder) |
///
/// A sum over no transaction of its type is unknown (`None`), not 0. The
/// judging date is the policy's `as_of`, else the latest transaction date.
/// As of a date, only transactions dated on or before it count, and an
/// actual start or end after it is not known yet (the planned date
/// stands); budgets are plans and count in full, a period not started yet
/// as planned money.
/// Funders are the programme's `funding` sources when it lists any, else the
/// providers of its incoming funds and incoming commitments (types 1, 11).
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::ScoringPolicy;
/// use ssr_model::score::programme::Status;
/// use ssr_model::model::{Budget, Transaction, TransactionType};
/// use ssr_model::{Country, Money, Programme};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let usd = |x| Money::parse(x, "USD").unwrap();
/// let p = Programme::new("Justice reform", Country::new("SLE")?)
///     .with_planned_start(d(2021, 1, 1))
///     .with_planned_end(d(2022, 12, 31))
///     .with_budget_period(Budget::new(d(2021, 1, 1), d(2022, 12, 31), usd("1000"), d(2021, 1, 1)))
///     .with_transaction(Transaction::new(TransactionType::OutgoingCommitment, d(2021, 1, 10), usd("1000"), d(2021, 1, 10)))
///     .with_transaction(Transaction::new(TransactionType::Disbursement, d(2021, 6, 1), usd("200"), d(2021, 6, 1)));
/// let f = Scorer::new(ScoringPolicy::default().with_as_of(d(2022, 1, 1)))?.finance(&p);
/// assert_eq!(f.disbursement_rate, Some(0.2));
/// assert_eq!(f.execution, Some(0.2)); // a fifth spent with half the time gone
/// assert_eq!(f.status, Status::OffTrack);
/// assert_eq!(f.spent, None); // no expenditure reported: unknown, not 0
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FinanceProfile {
    /// The currency of every amount; `None` when the programme states no
    /// money at all.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub currency: Option<Currency>,
    /// Outgoing commitments.
    pub committed: Option<f64>,
    /// Disbursements and reimbursements.
    pub disbursed: Option<f64>,
    /// Expenditure.
    pub spent: Option<f64>,
    /// Incoming funds.
    pub incoming: Option<f64>,
    /// Disbursed over committed.
    pub disbursement_rate: Option<f64>,
    /// The budget.
    pub budget: Option<f64>,
    /// Disbursed and spent over budget.
    pub execution: Option<f64>,
    /// Share of the programme's time elapsed at the judging date.
    pub elapsed: Option<f64>,
    /// Execution against elapsed time.
    pub status: Status,
    /// Execution over elapsed time, capped to [0, 1].
    pub pace: Option<f64>,
    /// How many funders.
    pub funders: usize,
    /// Herfindahl–Hirschman index of the funders' shares.
    pub concentration: Option<f64>,
    /// Flows by calendar year, in year order.
    pub yearly: Vec<YearFlows>,
    /// Money left out for want of a usable rate (`no_exchange_rate`), with
    /// paths relative to the programme (`/transactions/3/value`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// The programme's most used currency (ties: first in code order), among
/// the transactions known on `as_of` and its budgets and funding.
pub(super) fn main_currency(p: &Programme, as_of: Option<NaiveDate>) -> Option<Currency> {
    let mut counts: Vec<(Currency, usize)> = Vec::new();
    let all = p
        .transactions
        .iter()
        .filter(|t| known(t.date, as_of))
        .map(|t| t.value.currency)
        .chain(p.budgets.iter().map(|b| b.value.currency))
        .chain(p.budget.map(|b| b.currency))
        .chain(p.funding.iter().map(|f| f.amount.currency));
    for c in all {
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.first().map(|(c, _)| *c)
}

fn add(slot: &mut Option<f64>, v: f64) {
    *slot = Some(slot.unwrap_or(0.0) + v);
}

fn ratio(num: Option<f64>, den: Option<f64>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d),
        _ => None,
    }
}

/// Flows by year, in year order.
type Years = BTreeMap<i32, YearFlows>;

/// The year's entry, created when missing.
fn year_entry(yearly: &mut Years, year: i32) -> &mut YearFlows {
    yearly.entry(year).or_insert(YearFlows {
        year,
        committed: None,
        disbursed: None,
        spent: None,
        budget: None,
    })
}

/// Sums of transactions by kind, overall and by year.
#[derive(Default)]
struct Flows {
    committed: Option<f64>,
    disbursed: Option<f64>,
    spent: Option<f64>,
    incoming: Option<f64>,
    yearly: Years,
    /// Incoming money by provider, in first-seen order, unconverted.
    providers: Vec<(Option<Party>, ByCurrency)>,
    /// Commitments, disbursements and spending, unconverted: the sides of
    /// the ratios.
    native_committed: ByCurrency,
    native_disbursed: ByCurrency,
    native_spent: ByCurrency,
}

fn flows(p: &Programme, as_of: Option<NaiveDate>, conv: &mut Converter<'_>) -> Flows {
    let mut f = Flows::default();
    let dated = p.transactions.iter().enumerate();
    for (i, t) in dated.filter(|(_, t)| known(t.date, as_of)) {
        let Some(v) = conv.value(t.value, Some(t.value_date), &|| {
            Pointer::root()
                .member("transactions")
                .index(i)
                .member("value")
        }) else {
            continue;
        };
        let year = year_entry(&mut f.yearly, t.date.year());
        match t.kind {
            TransactionType::OutgoingCommitment => {
                add(&mut f.committed, v);
                add(&mut year.committed, v);
                f.native_committed.add(t.value);
            }
            TransactionType::Disbursement | TransactionType::Reimbursement => {
                add(&mut f.disbursed, v);
                add(&mut year.disbursed, v);
                f.native_disbursed.add(t.value);
            }
            TransactionType::Expenditure => {
                add(&mut f.spent, v);
                add(&mut year.spent, v);
                f.native_spent.add(t.value);
            }
            _ => {}
        }
        if t.kind == TransactionType::IncomingFunds {
            add(&mut f.incoming, v);
        }
        if matches!(
            t.kind,
            TransactionType::IncomingFunds | TransactionType::IncomingCommitment
        ) {
            match f.providers.iter_mut().find(|(k, _)| *k == t.provider) {
                Some((_, sums)) => sums.add(t.value),
                None => {
                    let mut sums = ByCurrency::default();
                    sums.add(t.value);
                    f.providers.push((t.provider.clone(), sums));
                }
            }
        }
    }
    f
}

/// The budget: periods (revised replacing original of the same period),
/// else the stated total, which has no value date of its own and converts
/// at the judging date `at`. Also fills the yearly budgets. With the
/// amounts counted, unconverted (the denominator of execution).
fn budget(
    p: &Programme,
    at: Option<NaiveDate>,
    conv: &mut Converter<'_>,
    yearly: &mut Years,
) -> (Option<f64>, ByCurrency) {
    let mut native = ByCurrency::default();
    if p.budgets.is_empty() {
        let total = p
            .budget
            .and_then(|b| conv.value(b, at, &|| Pointer::root().member("budget")));
        if let Some(b) = p.budget {
            native.add(b);
        }
        return (total, native);
    }
    let mut total = None;
    for (i, b) in p.budgets.iter().enumerate() {
        let superseded = b.kind == BudgetKind::Original
            && p.budgets
                .iter()
                .any(|o| o.kind == BudgetKind::Revised && o.start == b.start && o.end == b.end);
        // Of several revisions of one period, the last listed counts.
        let later_revision = b.kind == BudgetKind::Revised
            && p.budgets
                .iter()
                .skip(i + 1)
                .any(|o| o.kind == BudgetKind::Revised && o.start == b.start && o.end == b.end);
        if superseded || later_revision {
            continue;
        }
        if let Some(v) = conv.value(b.value, Some(b.value_date), &|| {
            Pointer::root().member("budgets").index(i).member("value")
        }) {
            add(&mut total, v);
            add(&mut year_entry(yearly, b.start.year()).budget, v);
        }
        native.add(b.value);
    }
    (total, native)
}

/// Herfindahl–Hirschman index of positive amounts, and their count.
pub(crate) fn herfindahl(amounts: impl Iterator<Item = f64> + Clone) -> Option<f64> {
    let total: f64 = amounts.clone().filter(|a| *a > 0.0).sum();
    (total > 0.0).then(|| {
        amounts
            .filter(|a| *a > 0.0)
            .map(|a| (a / total) * (a / total))
            .sum()
    })
}

/// Funders and their concentration: the `funding` list when there is one,
/// else the providers of incoming money. Shares are a ratio: every amount
/// converts at the one rate of `rate_date` (amounts in one currency need
/// none: shares are scale-free).
fn concentration(
    p: &Programme,
    conv: &mut Converter<'_>,
    providers: &[(Option<Party>, ByCurrency)],
    rate_date: Option<NaiveDate>,
) -> (usize, Option<f64>) {
    let mut by_source: Vec<(Option<crate::StakeholderId>, ByCurrency)> = Vec::new();
    for f in &p.funding {
        match by_source.iter_mut().find(|(s, _)| *s == Some(f.source)) {
            Some((_, sums)) => sums.add(f.amount),
            None => {
                let mut sums = ByCurrency::default();
                sums.add(f.amount);
                by_source.push((Some(f.source), sums));
            }
        }
    }
    let sums: Vec<&ByCurrency> = if p.funding.is_empty() {
        providers.iter().map(|(_, s)| s).collect()
    } else {
        by_source.iter().map(|(_, s)| s).collect()
    };
    let single_currency = sums
        .iter()
        .flat_map(|s| s.currencies())
        .collect::<Vec<_>>()
        .windows(2)
        .all(|w| matches!(w, [a, b] if a == b));
    let mut amounts = Vec::with_capacity(sums.len());
    for s in &sums {
        let v = if single_currency {
            Some(s.total())
        } else {
            conv.at_one_date(s, rate_date, "funders' concentration")
        };
        match v {
            Some(v) => amounts.push(v),
            None => return (sums.len(), None),
        }
    }
    (sums.len(), herfindahl(amounts.into_iter()))
}

/// The financial measures of `p` under `policy`, converting through `rates`.
pub(crate) fn score_finance(
    p: &Programme,
    policy: &ScoringPolicy,
    rates: Option<&ExchangeRates>,
) -> FinanceProfile {
    let currency = policy
        .finance
        .currency
        .or_else(|| main_currency(p, policy.as_of));
    let Some(to) = currency else {
        return empty_profile();
    };
    let mut conv = Converter {
        rates,
        to,
        conversion: policy.finance.conversion,
        findings: Vec::new(),
    };
    let mut f = flows(p, policy.as_of, &mut conv);
    let at = policy
        .as_of
        .or_else(|| p.transactions.iter().map(|t| t.date).max());
    let (budget, native_budget) = budget(p, at, &mut conv, &mut f.yearly);
    // Ratios: both sides at one rate (see `ratio_rates`).
    let rate_date = policy.finance.ratio_rates.date(at);
    let (funders, concentration) = concentration(p, &mut conv, &f.providers, rate_date);
    let disbursement_rate = conv.ratio_at(
        &f.native_disbursed,
        &f.native_committed,
        rate_date,
        "disbursement rate",
    );
    let mut out = f.native_disbursed.clone();
    out.extend(&f.native_spent);
    let execution = conv.ratio_at(&out, &native_budget, rate_date, "execution");
    let mut profile = FinanceProfile {
        currency,
        committed: f.committed,
        disbursed: f.disbursed,
        spent: f.spent,
        incoming: f.incoming,
        disbursement_rate,
        budget,
        execution,
        elapsed: None,
        status: Status::NoData,
        pace: None,
        funders,
        concentration,
        yearly: f.yearly.into_values().collect(),
        findings: conv.findings,
    };
    judge_pace(&mut profile, p, policy, at);
    profile
}

/// Fills the share of time elapsed on `at`, the status and the pace of a
/// profile from its execution. The only part of a profile that moves with
/// the judging date when no transaction or budget is dated in between and
/// nothing is converted (a panel re-judges only this).
pub(crate) fn judge_pace(
    f: &mut FinanceProfile,
    p: &Programme,
    policy: &ScoringPolicy,
    at: Option<NaiveDate>,
) {
    // The dates as known on `as_of`, so that an uncut programme (a panel's)
    // scores as its cut copy does.
    let dates = (
        super::as_of::start(p, policy.as_of),
        super::as_of::end(p, policy.as_of),
    );
    f.elapsed = match (dates.0, dates.1, at) {
        (Some(s), Some(e), Some(at)) => Some(expected_progress(s, e, at)),
        _ => None,
    };
    f.status = match (f.execution, f.elapsed) {
        (Some(x), Some(e)) => classify(x, e, &policy.status),
        _ => Status::NoData,
    };
    f.pace = ratio(f.execution, f.elapsed).map(|x| x.clamp(0.0, 1.0));
}

fn empty_profile() -> FinanceProfile {
    FinanceProfile {
        currency: None,
        committed: None,
        disbursed: None,
        spent: None,
        incoming: None,
        disbursement_rate: None,
        budget: None,
        execution: None,
        elapsed: None,
        status: Status::NoData,
        pace: None,
        funders: 0,
        concentration: None,
        yearly: Vec::new(),
        findings: Vec::new(),
    }
}
