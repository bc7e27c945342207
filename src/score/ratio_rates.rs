//! One exchange rate for both sides of a money ratio.
//!
//! Sums of money convert each amount at the rate of its own value date:
//! what the money was worth when it moved. A ratio of two such sums would
//! mix dates, so that a rate change alone moves it (a programme that
//! disbursed exactly its EUR commitment would show 1.125 in USD when the
//! rate fell from 0.9 to 0.8 between the two). Ratios therefore convert
//! the amounts of both sides, kept in their own currencies, at one rate
//! ([`RatioRates`]): a ratio of amounts in one currency is the same in
//! every reporting currency.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::finance::Converter;
use crate::diagnostics::{Code, Finding, Pointer};
use crate::{Currency, Money};

/// The exchange rate at which both sides of a money ratio (disbursement
/// rate, execution, funders' concentration) are converted, a field of
/// [`FinancePolicy`](super::FinancePolicy).
///
/// Sums (committed, disbursed …) convert each amount at its own value
/// date; a ratio converts numerator and denominator at the one date this
/// names, so that a rate change between a commitment and its disbursement
/// moves no ratio. In JSON: `"judging_date"` or `{"on": "2020-12-31"}`.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::policy::{RatioRates, ScoringPolicy};
///
/// # #[cfg(feature = "json")] {
/// let policy = ScoringPolicy::from_json(r#"{"finance": {"ratio_rates": {"on": "2020-12-31"}}}"#)?;
/// assert_eq!(policy.finance.ratio_rates, RatioRates::On(NaiveDate::from_ymd_opt(2020, 12, 31).unwrap()));
/// assert_eq!(ScoringPolicy::default().finance.ratio_rates, RatioRates::JudgingDate);
/// # }
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RatioRates {
    /// The rates in force on the judging date: the policy's `as_of`, else
    /// the latest transaction date (the default). A ratio is then what the
    /// programme's money was worth, side against side, on the day it is
    /// judged.
    #[default]
    JudgingDate,
    /// The rates in force on a fixed date, e.g. the end of a base year,
    /// so that ratios of several judging dates share one rate.
    On(NaiveDate),
}

impl RatioRates {
    pub(super) fn is_default(&self) -> bool {
        *self == RatioRates::default()
    }

    /// The date whose rates convert a ratio, given the judging date.
    pub(super) fn date(self, judged: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            RatioRates::JudgingDate => judged,
            RatioRates::On(d) => Some(d),
        }
    }
}

/// Which rate converts an amount dated `D`, a field of
/// [`FinancePolicy`](super::FinancePolicy): every conversion, of sums and of
/// both sides of a ratio ([`RatioRates`] says which date a ratio takes).
/// Opt-in; the default moves no score. In JSON: `"value_date"` or
/// `"year_average"`.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::{Country, Money, Programme, Scorer};
/// use ssr_model::model::{ExchangeRates, Transaction, TransactionType};
/// use ssr_model::score::policy::{Conversion, FinancePolicy, ScoringPolicy};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let (usd, eur) = ("USD".parse()?, "EUR".parse()?);
/// let rates = ExchangeRates::new(usd)
///     .with_rate(d(2019, 1, 1)?, eur, "0.9".parse()?)?
///     .with_rate(d(2020, 10, 1)?, eur, "0.8".parse()?)?;
/// let day = d(2020, 11, 1)?;
/// let p = Programme::new("Police reform", Country::new("LBR")?)
///     .with_transaction(Transaction::new(TransactionType::Disbursement, day, Money::parse("800", "EUR")?, day));
/// let disbursed = |conversion| -> Result<Option<f64>, Box<dyn std::error::Error>> {
///     let mut policy = ScoringPolicy::default();
///     policy.finance = FinancePolicy::default().with_currency(usd).with_conversion(conversion);
///     Ok(Scorer::new(policy)?.with_rates(rates.clone()).finance(&p).disbursed)
/// };
/// // On the value date: 800 / 0.8 = 1000 USD.
/// assert_eq!(disbursed(Conversion::ValueDate)?, Some(1000.0));
/// // The 2020 average: (274 × 0.9 + 92 × 0.8) / 366 = 0.874863…; 800 / that = 914.42…
/// let average = (274.0 * 0.9 + 92.0 * 0.8) / 366.0;
/// let got = disbursed(Conversion::YearAverage)?.ok_or("unknown")?;
/// assert!((got - 800.0 / average).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Conversion {
    /// The rates in force on the date (the default): an amount at its
    /// value date's, a ratio at its [`RatioRates`] date's.
    #[default]
    ValueDate,
    /// The average rate of the date's calendar year, each day weighing
    /// the same ([`ExchangeRates::year_average`](crate::ExchangeRates::year_average)),
    /// as the OECD DAC converts a year's flows: an amount at its value
    /// date's year's average, a ratio at its date's year's. Cross rates
    /// divide the two currencies' averages. A year some day of which has
    /// no rate has no average: the money is reported, not converted.
    YearAverage,
}

impl Conversion {
    pub(super) fn is_default(&self) -> bool {
        *self == Conversion::default()
    }

    /// The rate of `currency` (units per base) that converts on `date`.
    pub(super) fn rate(
        self,
        rates: &crate::ExchangeRates,
        currency: Currency,
        date: NaiveDate,
    ) -> Option<f64> {
        use chrono::Datelike;
        match self {
            Conversion::ValueDate => rates.rate_on(currency, date).map(|(_, r)| r.to_f64()),
            Conversion::YearAverage => rates.year_average(currency, date.year()),
        }
    }
}

/// Amounts by currency, unconverted, in first-seen order.
#[derive(Debug, Clone, Default)]
pub(super) struct ByCurrency(Vec<(Currency, f64)>);

impl ByCurrency {
    pub(super) fn add(&mut self, money: Money) {
        let v = money.amount.to_f64();
        match self.0.iter_mut().find(|(c, _)| *c == money.currency) {
            Some((_, sum)) => *sum += v,
            None => self.0.push((money.currency, v)),
        }
    }

    pub(super) fn extend(&mut self, other: &ByCurrency) {
        for (c, v) in &other.0 {
            match self.0.iter_mut().find(|(k, _)| k == c) {
                Some((_, sum)) => *sum += v,
                None => self.0.push((*c, *v)),
            }
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The currencies, in first-seen order.
    pub(super) fn currencies(&self) -> impl Iterator<Item = Currency> + '_ {
        self.0.iter().map(|(c, _)| *c)
    }

    /// The plain sum: meaningful only within one currency.
    pub(super) fn total(&self) -> f64 {
        self.0.iter().map(|(_, v)| v).sum()
    }
}

impl Converter<'_> {
    /// `num ÷ den`, both converted at the rates of `date`: unknown when a
    /// side has no amount, the denominator is not positive, or a rate is
    /// missing (then with one finding naming the ratio).
    pub(super) fn ratio_at(
        &mut self,
        num: &ByCurrency,
        den: &ByCurrency,
        date: Option<NaiveDate>,
        ratio: &str,
    ) -> Option<f64> {
        if num.is_empty() || den.is_empty() {
            return None;
        }
        let n = self.at_one_date(num, date, ratio)?;
        let d = self.at_one_date(den, date, ratio)?;
        (d > 0.0).then(|| n / d)
    }

    /// `sums` in the reporting currency at the rates of `date`, one side of
    /// a ratio; `None` (with a `no_exchange_rate` finding) when a currency
    /// has no rate on or before it, or there is no date.
    pub(super) fn at_one_date(
        &mut self,
        sums: &ByCurrency,
        date: Option<NaiveDate>,
        ratio: &str,
    ) -> Option<f64> {
        let mut total = 0.0;
        for &(currency, v) in &sums.0 {
            if currency == self.to {
                total += v;
                continue;
            }
            let conversion = self.conversion;
            let rate = |c| {
                self.rates
                    .zip(date)
                    .and_then(|(r, d)| conversion.rate(r, c, d))
            };
            match (rate(currency), rate(self.to)) {
                (Some(from), Some(into)) => total += v / from * into,
                _ => {
                    self.ratio_finding(currency, date, ratio);
                    return None;
                }
            }
        }
        Some(total)
    }

    fn ratio_finding(&mut self, currency: Currency, date: Option<NaiveDate>, ratio: &str) {
        let when = date.map_or_else(
            || "there is no judging date to take a rate from".to_owned(),
            |d| format!("there is no rate for both on or before {d}"),
        );
        self.findings.push(
            Finding::new(
                Code::NoExchangeRate,
                Pointer::root(),
                format!(
                    "the {ratio} is unknown: it converts its {currency} amounts to {} at one \
                     date's rate, and {when}",
                    self.to
                ),
            )
            .with_help(
                "add rates for the currency dated on or before the judging date (or the \
                 policy's finance.ratio_rates date) to the exchange-rate table",
            ),
        );
    }
}
