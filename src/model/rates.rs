//! Exchange rates as data the user supplies: the crate never fetches a rate
//! and never guesses one.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Currency, Money};

/// Smallest and largest rate accepted: beyond these a rate is a typing
/// error, and conversions stay far from `f64`'s limits.
const RATE_RANGE: std::ops::RangeInclusive<f64> = 1e-15..=1e15;

/// A table of exchange rates: for each currency and date, how many units
/// of the currency one unit of the **base** currency buys.
///
/// Conversion uses, for each currency, the rate of the latest date on or
/// before the money's value date (IATI: the value date fixes the rate);
/// a currency with no rate on or before that date cannot be converted, and
/// [`convert`](Self::convert) says so rather than guess.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::{Currency, Money};
/// use ssr_model::model::ExchangeRates;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let usd: Currency = "USD".parse()?;
/// let rates = ExchangeRates::new(usd)
///     .with_rate(d(2021, 1, 1), "EUR".parse()?, 0.8)?
///     .with_rate(d(2021, 7, 1), "EUR".parse()?, 0.85)?;
/// // 0.8 EUR per USD applies from 1 January to 30 June.
/// let eur = Money::parse("400", "EUR")?;
/// assert_eq!(rates.convert(eur, d(2021, 3, 15), usd)?, 500.0);
/// assert_eq!(rates.convert(eur, d(2021, 7, 1), usd)?.round(), 471.0);
/// // Before the first rate: no rate, never a guess.
/// assert!(rates.convert(eur, d(2020, 12, 31), usd).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeRates {
    base: Currency,
    /// Per currency, `(date, rate)` sorted by date, one rate per date.
    rates: BTreeMap<Currency, Vec<(NaiveDate, f64)>>,
}

/// Why a rate was refused.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::{ExchangeRates, RateError};
///
/// let day = NaiveDate::from_ymd_opt(2021, 1, 1).ok_or("bad date")?;
/// let mut rates = ExchangeRates::new("USD".parse()?);
/// rates.insert(day, "EUR".parse()?, 0.8)?;
/// let err = rates.insert(day, "EUR".parse()?, 0.9).unwrap_err();
/// assert!(matches!(err, RateError::Conflict { .. }));
/// assert!(matches!(rates.insert(day, "GBP".parse()?, f64::NAN), Err(RateError::OutOfRange { .. })));
/// assert!(matches!(rates.insert(day, "USD".parse()?, 2.0), Err(RateError::Base { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RateError {
    /// Not a finite number from 1e-15 to 1e15.
    #[error(
        "invalid rate for {currency} on {date}: expected a number from 1e-15 to 1e15, found {rate}"
    )]
    OutOfRange {
        /// The currency.
        currency: Currency,
        /// The date.
        date: NaiveDate,
        /// The rate given.
        rate: f64,
    },
    /// A rate for the base currency other than 1.
    #[error("the base currency {currency} has rate 1 by definition, found {rate} on {date}")]
    Base {
        /// The base currency.
        currency: Currency,
        /// The date.
        date: NaiveDate,
        /// The rate given.
        rate: f64,
    },
    /// Two different rates for one currency and date.
    #[error("two rates for {currency} on {date}: {first} and {second}")]
    Conflict {
        /// The currency.
        currency: Currency,
        /// The date.
        date: NaiveDate,
        /// The rate given first.
        first: f64,
        /// The other rate.
        second: f64,
    },
}

/// Money that could not be converted: no rate for `currency` on or before
/// `date`.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::ExchangeRates;
/// use ssr_model::Money;
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 1).ok_or("bad date")?;
/// let rates = ExchangeRates::new("USD".parse()?);
/// let err = rates.convert(Money::parse("100", "EUR")?, day, "USD".parse()?).unwrap_err();
/// assert_eq!(err.currency.to_string(), "EUR");
/// assert_eq!(err.date, day);
/// assert_eq!(err.to_string(), "no exchange rate for EUR on or before 2021-06-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no exchange rate for {currency} on or before {date}")]
#[non_exhaustive]
pub struct MissingRate {
    /// The currency without a usable rate.
    pub currency: Currency,
    /// The value date.
    pub date: NaiveDate,
}

impl ExchangeRates {
    /// An empty table whose rates are per unit of `base`.
    pub fn new(base: Currency) -> Self {
        ExchangeRates {
            base,
            rates: BTreeMap::new(),
        }
    }

    /// The base currency.
    pub fn base(&self) -> Currency {
        self.base
    }

    /// How many rates the table holds (the base currency's implicit 1 aside).
    pub fn len(&self) -> usize {
        self.rates.values().map(Vec::len).sum()
    }

    /// Whether the table holds no rate.
    pub fn is_empty(&self) -> bool {
        self.rates.is_empty()
    }

    /// Adds the rate of `currency` on `date`: units of `currency` per unit
    /// of the base currency.
    ///
    /// # Errors
    ///
    /// When the rate is not a finite number from 1e-15 to 1e15, is a rate
    /// other than 1 for the base currency, or contradicts a rate already in
    /// the table for the same currency and date (the same rate twice is
    /// fine).
    pub fn insert(
        &mut self,
        date: NaiveDate,
        currency: Currency,
        rate: f64,
    ) -> Result<(), RateError> {
        if !rate.is_finite() || !RATE_RANGE.contains(&rate) {
            return Err(RateError::OutOfRange {
                currency,
                date,
                rate,
            });
        }
        if currency == self.base {
            return if rate == 1.0 {
                Ok(())
            } else {
                Err(RateError::Base {
                    currency,
                    date,
                    rate,
                })
            };
        }
        let series = self.rates.entry(currency).or_default();
        match series.binary_search_by_key(&date, |(d, _)| *d) {
            Ok(i) => match series.get(i) {
                Some(&(_, first)) if first != rate => Err(RateError::Conflict {
                    currency,
                    date,
                    first,
                    second: rate,
                }),
                _ => Ok(()),
            },
            Err(i) => {
                series.insert(i, (date, rate));
                Ok(())
            }
        }
    }

    /// Returns the table with the rate added; see [`insert`](Self::insert).
    ///
    /// # Errors
    ///
    /// As [`insert`](Self::insert).
    pub fn with_rate(
        mut self,
        date: NaiveDate,
        currency: Currency,
        rate: f64,
    ) -> Result<Self, RateError> {
        self.insert(date, currency, rate)?;
        Ok(self)
    }

    /// The rate of `currency` that applies on `date`, with the date it was
    /// set: the latest on or before `date`. The base currency is always 1.
    pub fn rate_on(&self, currency: Currency, date: NaiveDate) -> Option<(NaiveDate, f64)> {
        if currency == self.base {
            return Some((date, 1.0));
        }
        let series = self.rates.get(&currency)?;
        let after = series.partition_point(|(d, _)| *d <= date);
        after.checked_sub(1).and_then(|i| series.get(i)).copied()
    }

    /// The average rate of `currency` over calendar year `year`, each day
    /// weighing the same (the rate in force that day: the latest on or
    /// before it), as the OECD DAC converts a year's flows; `None` when a
    /// day of the year has no rate yet. The base currency is always 1.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ssr_model::model::ExchangeRates;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// let eur = "EUR".parse()?;
    /// let rates = ExchangeRates::new("USD".parse()?)
    ///     .with_rate(d(2019, 1, 1)?, eur, 0.9)?
    ///     .with_rate(d(2020, 10, 1)?, eur, 0.8)?;
    /// // 2020 has 366 days: 274 at 0.9 (to 30 September), 92 at 0.8.
    /// let average = rates.year_average(eur, 2020).ok_or("no average")?;
    /// assert!((average - (274.0 * 0.9 + 92.0 * 0.8) / 366.0).abs() < 1e-12);
    /// assert_eq!(rates.year_average(eur, 2019), Some(0.9));
    /// assert_eq!(rates.year_average(eur, 2018), None); // no rate on 1 January
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year_average(&self, currency: Currency, year: i32) -> Option<f64> {
        if currency == self.base {
            return Some(1.0);
        }
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let next = NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?;
        let series = self.rates.get(&currency)?;
        // The rate in force on 1 January, then each change within the year.
        let (_, mut rate) = self.rate_on(currency, first)?;
        let mut since = first;
        let mut total = 0.0;
        for &(day, r) in series.iter().filter(|(d, _)| *d > first && *d < next) {
            total += rate * (day - since).num_days() as f64;
            (since, rate) = (day, r);
        }
        total += rate * (next - since).num_days() as f64;
        Some(total / (next - first).num_days() as f64)
    }

    /// `money` in currency `to`, at the rates that apply on `value_date`.
    /// Money already in `to` is returned as it is, with no rate needed.
    ///
    /// The result is an `f64` for analysis, not an exact amount for
    /// bookkeeping.
    ///
    /// # Errors
    ///
    /// [`MissingRate`] naming the first of the two currencies with no rate
    /// on or before `value_date`.
    pub fn convert(
        &self,
        money: Money,
        value_date: NaiveDate,
        to: Currency,
    ) -> Result<f64, MissingRate> {
        let amount = money.amount.to_f64();
        if money.currency == to {
            return Ok(amount);
        }
        let rate = |currency| {
            self.rate_on(currency, value_date)
                .map(|(_, r)| r)
                .ok_or(MissingRate {
                    currency,
                    date: value_date,
                })
        };
        let from = rate(money.currency)?;
        let into = rate(to)?;
        Ok(amount / from * into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The slow, obvious lookup: scan every rate.
    fn slow(series: &[(NaiveDate, f64)], date: NaiveDate) -> Option<(NaiveDate, f64)> {
        series
            .iter()
            .filter(|(d, _)| *d <= date)
            .max_by_key(|(d, _)| *d)
            .copied()
    }

    #[test]
    fn lookup_agrees_with_a_scan() {
        let eur: Currency = "EUR".parse().unwrap();
        let mut t = ExchangeRates::new("USD".parse().unwrap());
        let days = [
            d(2020, 1, 1),
            d(2020, 6, 30),
            d(2021, 1, 1),
            d(2019, 12, 31),
        ];
        for (i, day) in days.iter().enumerate() {
            t.insert(*day, eur, 0.8 + i as f64 / 100.0).unwrap();
        }
        let series = t.rates.get(&eur).unwrap().clone();
        let mut day = d(2019, 12, 1);
        while day < d(2021, 2, 1) {
            assert_eq!(t.rate_on(eur, day), slow(&series, day), "{day}");
            day = day.succ_opt().unwrap();
        }
    }
}
