//! One exchange rate for both sides of a money ratio.
//!
//! Sums of money convert each amount at the rate of its own value date:
//! what the money was worth when it moved. A ratio of two such sums would
//! mix dates, so that a rate change alone moves it (a programme that
//! disbursed exactly its EUR commitment would show 1.125 in USD when the
//! rate fell from 0.9 to 0.8 between the two). Ratios therefore convert
//! the amounts of both sides, kept in their own currencies, at one rate
//! ([`RatioRates`](super::policy::RatioRates)): a ratio of amounts in one currency is the same in
//! every reporting currency.

use chrono::{Datelike, NaiveDate};

use super::policy::Conversion;
use crate::diagnostics::{Code, Finding, Pointer};
use crate::model::MissingRate;
use crate::{Currency, ExchangeRates, Money};

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

/// Converts a programme's money into one currency, noting what it cannot.
pub(super) struct Converter<'a> {
    pub(super) rates: Option<&'a ExchangeRates>,
    pub(super) to: Currency,
    pub(super) conversion: Conversion,
    pub(super) findings: Vec<Finding>,
}

impl Converter<'_> {
    pub(super) fn value(
        &mut self,
        money: Money,
        date: Option<NaiveDate>,
        path: &dyn Fn() -> Pointer,
    ) -> Option<f64> {
        if money.currency == self.to {
            return Some(money.amount.to_f64());
        }
        let converted = match (self.rates, date) {
            (Some(rates), Some(date)) if self.conversion == Conversion::YearAverage => {
                let average = |c| {
                    self.conversion
                        .rate(rates, c, date)
                        .ok_or_else(|| format!("no {c} rate on every day of {}", date.year()))
                };
                average(money.currency)
                    .and_then(|from| Ok(money.amount.to_f64() / from * average(self.to)?))
            }
            // A statistic, not money: the float of the exact rates (the
            // flows tables convert money exactly).
            (Some(rates), Some(date)) => {
                let rate = |currency| {
                    rates
                        .rate_on(currency, date)
                        .map(|(_, r)| r.to_f64())
                        .ok_or_else(|| MissingRate::new(currency, date).to_string())
                };
                rate(money.currency)
                    .and_then(|from| Ok(money.amount.to_f64() / from * rate(self.to)?))
            }
            (None, _) => Err("no exchange rates were given".to_owned()),
            (Some(_), None) => Err("it has no value date to take a rate from".to_owned()),
        };
        match converted {
            Ok(v) => Some(v),
            Err(why) => {
                self.findings.push(
                    Finding::new(
                        Code::NoExchangeRate,
                        path(),
                        format!("{money} cannot be converted to {}: {why}", self.to),
                    )
                    .with_help(
                        "add a rate for the currency dated on or before the value date to the \
                         exchange-rate table; the amount is left out of the finance measures",
                    ),
                );
                None
            }
        }
    }
}
