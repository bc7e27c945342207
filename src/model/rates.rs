//! Exchange rates as data the user supplies: the crate never fetches a rate
//! and never guesses one.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Amount, Currency, Money, Rate};

/// A table of exchange rates: for each currency and date, how many units
/// of the currency one unit of the **base** currency buys.
///
/// Conversion uses, for each currency, the rate of the latest date on or
/// before the money's value date (IATI: the value date fixes the rate);
/// a currency with no rate on or before that date cannot be converted, and
/// [`convert`](Self::convert) says so rather than guess. Rates are exact
/// decimals ([`Rate`]) and a conversion is exact but for one rounding, at
/// the end, half to even to the ten-thousandth.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::{Currency, Money};
/// use ssr_model::model::ExchangeRates;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let usd: Currency = "USD".parse()?;
/// let rates = ExchangeRates::new(usd)
///     .with_rate(d(2021, 1, 1), "EUR".parse()?, "0.8".parse()?)?
///     .with_rate(d(2021, 7, 1), "EUR".parse()?, "0.85".parse()?)?;
/// // 0.8 EUR per USD applies from 1 January to 30 June: 400 / 0.8 = 500.
/// let eur = Money::parse("400", "EUR")?;
/// assert_eq!(rates.convert(eur, d(2021, 3, 15), usd)?.to_string(), "500 USD");
/// // 400 / 0.85 = 470.588235…, rounded once to the ten-thousandth.
/// assert_eq!(rates.convert(eur, d(2021, 7, 1), usd)?.to_string(), "470.5882 USD");
/// // Before the first rate: no rate, never a guess.
/// assert!(rates.convert(eur, d(2020, 12, 31), usd).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeRates {
    base: Currency,
    /// Per currency, `(date, rate)` sorted by date, one rate per date.
    rates: BTreeMap<Currency, Vec<(NaiveDate, Rate)>>,
}

/// Why a rate was refused.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::{ExchangeRates, RateError};
///
/// let day = NaiveDate::from_ymd_opt(2021, 1, 1).ok_or("bad date")?;
/// let mut rates = ExchangeRates::new("USD".parse()?);
/// rates.insert(day, "EUR".parse()?, "0.8".parse()?)?;
/// let err = rates.insert(day, "EUR".parse()?, "0.9".parse()?).unwrap_err();
/// assert!(matches!(err, RateError::Conflict { .. }));
/// assert!(matches!(rates.insert(day, "USD".parse()?, "2".parse()?), Err(RateError::Base { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RateError {
    /// Not a decimal number from 1e-15 to 1e15 with at most 18 decimal
    /// places (a [`Rate`]): refused where the rate is read, e.g. by
    /// [`read_rates`](crate::score::read_rates).
    #[error(
        "invalid rate for {currency} on {date}: expected a number from 1e-15 to 1e15 with at most 18 decimal places, found {rate}"
    )]
    OutOfRange {
        /// The currency.
        currency: Currency,
        /// The date.
        date: NaiveDate,
        /// The rate as written.
        rate: String,
    },
    /// A rate for the base currency other than 1.
    #[error("the base currency {currency} has rate 1 by definition, found {rate} on {date}")]
    Base {
        /// The base currency.
        currency: Currency,
        /// The date.
        date: NaiveDate,
        /// The rate given.
        rate: Rate,
    },
    /// Two different rates for one currency and date.
    #[error("two rates for {currency} on {date}: {first} and {second}")]
    Conflict {
        /// The currency.
        currency: Currency,
        /// The date.
        date: NaiveDate,
        /// The rate given first.
        first: Rate,
        /// The other rate.
        second: Rate,
    },
}

/// Money that could not be converted: no rate for `currency` on or before
/// `date`.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::{ConversionError, ExchangeRates};
/// use ssr_model::Money;
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 1).ok_or("bad date")?;
/// let rates = ExchangeRates::new("USD".parse()?);
/// let Err(ConversionError::NoRate(err)) = rates.convert(Money::parse("100", "EUR")?, day, "USD".parse()?) else {
///     return Err("expected no rate".into());
/// };
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

impl MissingRate {
    pub(crate) fn new(currency: Currency, date: NaiveDate) -> Self {
        MissingRate { currency, date }
    }
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
    /// When the rate is a rate other than 1 for the base currency, or
    /// contradicts a rate already in the table for the same currency and
    /// date (the same rate twice is fine). A [`Rate`] is in range by
    /// construction.
    pub fn insert(
        &mut self,
        date: NaiveDate,
        currency: Currency,
        rate: Rate,
    ) -> Result<(), RateError> {
        if currency == self.base {
            return if rate == Rate::ONE {
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
        rate: Rate,
    ) -> Result<Self, RateError> {
        self.insert(date, currency, rate)?;
        Ok(self)
    }

    /// The rate of `currency` that applies on `date`, with the date it was
    /// set: the latest on or before `date`. The base currency is always 1.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ssr_model::model::{ExchangeRates, Rate};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// let rates = ExchangeRates::new("USD".parse()?).with_rate(d(2021, 1, 1)?, "EUR".parse()?, "0.8".parse()?)?;
    /// let (set, rate) = rates.rate_on("EUR".parse()?, d(2021, 6, 1)?).ok_or("no rate")?;
    /// assert_eq!((set, rate.to_string()), (d(2021, 1, 1)?, "0.8".to_string()));
    /// assert_eq!(rates.rate_on("USD".parse()?, d(1990, 1, 1)?).map(|(_, r)| r), Some(Rate::ONE));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate_on(&self, currency: Currency, date: NaiveDate) -> Option<(NaiveDate, Rate)> {
        if currency == self.base {
            return Some((date, Rate::ONE));
        }
        let series = self.rates.get(&currency)?;
        let after = series.partition_point(|(d, _)| *d <= date);
        after.checked_sub(1).and_then(|i| series.get(i)).copied()
    }

    /// The average rate of `currency` over calendar year `year`, each day
    /// weighing the same (the rate in force that day: the latest on or
    /// before it), as the OECD DAC converts a year's flows; `None` when a
    /// day of the year has no rate yet. The base currency is always 1.
    /// A float, to read; conversions at the average are exact
    /// ([`Conversion::YearAverage`](crate::score::policy::Conversion::YearAverage)).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ssr_model::model::ExchangeRates;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// let eur = "EUR".parse()?;
    /// let rates = ExchangeRates::new("USD".parse()?)
    ///     .with_rate(d(2019, 1, 1)?, eur, "0.9".parse()?)?
    ///     .with_rate(d(2020, 10, 1)?, eur, "0.8".parse()?)?;
    /// // 2020 has 366 days: 274 at 0.9 (to 30 September), 92 at 0.8.
    /// let average = rates.year_average(eur, 2020).ok_or("no average")?;
    /// assert!((average - (274.0 * 0.9 + 92.0 * 0.8) / 366.0).abs() < 1e-12);
    /// assert_eq!(rates.year_average(eur, 2019), Some(0.9));
    /// assert_eq!(rates.year_average(eur, 2018), None); // no rate on 1 January
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year_average(&self, currency: Currency, year: i32) -> Option<f64> {
        let (total, days) = self.year_total(currency, year)?;
        // Whole and fractional parts apart, as `Rate::to_f64` does.
        let per_day = u128::from(days) * Rate::ONE.units();
        Some((total / per_day) as f64 + (total % per_day) as f64 / per_day as f64)
    }

    /// The year's rates summed day by day, in units of 10⁻¹⁸ rate-days (at
    /// most 10³³ × 366), and the year's days: their quotient is the
    /// year's average, exactly.
    fn year_total(&self, currency: Currency, year: i32) -> Option<(u128, u32)> {
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let next = NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?;
        let days = |from: NaiveDate, to: NaiveDate| u32::try_from((to - from).num_days()).ok();
        if currency == self.base {
            let n = days(first, next)?;
            return Some((u128::from(n) * Rate::ONE.units(), n));
        }
        let series = self.rates.get(&currency)?;
        // The rate in force on 1 January, then each change within the year.
        let (_, mut rate) = self.rate_on(currency, first)?;
        let mut since = first;
        let mut total: u128 = 0;
        for &(day, r) in series.iter().filter(|(d, _)| *d > first && *d < next) {
            total += rate.units() * u128::from(days(since, day)?);
            (since, rate) = (day, r);
        }
        total += rate.units() * u128::from(days(since, next)?);
        Some((total, days(first, next)?))
    }

    /// The exact cross rate from `from` into `to` at the rates in force on
    /// `date`, and the date of the later of the two rates used (`None`
    /// when both are the base currency's, which dates nothing).
    pub(crate) fn cross_on(
        &self,
        from: Currency,
        to: Currency,
        date: NaiveDate,
    ) -> Result<(CrossRate, Option<NaiveDate>), MissingRate> {
        if from == to {
            return Ok((CrossRate::IDENTITY, None));
        }
        let on = |currency: Currency| {
            self.rate_on(currency, date)
                .map(|(d, r)| ((currency != self.base).then_some(d), r))
                .ok_or(MissingRate { currency, date })
        };
        let (from_date, from_rate) = on(from)?;
        let (to_date, to_rate) = on(to)?;
        // amount in `to` = amount ÷ from_rate × to_rate.
        let cross = CrossRate {
            numerator: to_rate.units(),
            denominator: from_rate.units(),
        };
        Ok((cross, from_date.max(to_date)))
    }

    /// The exact cross rate from `from` into `to` at the averages of
    /// `year` (their rate-day sums, the year's days cancelling), or the
    /// currency one day of the year has no rate for.
    pub(crate) fn cross_year(
        &self,
        from: Currency,
        to: Currency,
        year: i32,
    ) -> Result<CrossRate, Currency> {
        if from == to {
            return Ok(CrossRate::IDENTITY);
        }
        let (from_total, _) = self.year_total(from, year).ok_or(from)?;
        let (to_total, _) = self.year_total(to, year).ok_or(to)?;
        Ok(CrossRate {
            numerator: to_total,
            denominator: from_total,
        })
    }

    /// `money` in currency `to`, at the rates that apply on `value_date`:
    /// `amount ÷ rate(from) × rate(to)`, computed exactly and rounded once,
    /// half to even, to the ten-thousandth. Money already in `to` is
    /// returned as it is, with no rate needed.
    ///
    /// # Errors
    ///
    /// [`ConversionError::NoRate`] naming the first of the two currencies
    /// with no rate on or before `value_date`;
    /// [`ConversionError::TooLarge`] when the result is beyond the range
    /// of an [`Amount`].
    pub fn convert(
        &self,
        money: Money,
        value_date: NaiveDate,
        to: Currency,
    ) -> Result<Money, ConversionError> {
        let (cross, _) = self.cross_on(money.currency, to, value_date)?;
        cross
            .apply(money.amount)
            .map(|amount| Money::new(amount, to))
            .ok_or(ConversionError::TooLarge { money, to })
    }
}

/// Why money could not be converted.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::{ConversionError, ExchangeRates};
/// use ssr_model::Money;
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 1).ok_or("bad date")?;
/// let rates = ExchangeRates::new("USD".parse()?).with_rate(day, "XAF".parse()?, "1e-15".parse()?)?;
/// // 10¹⁴ XAF at 10⁻¹⁵ XAF per USD would be 10²⁹ USD.
/// let err = rates.convert(Money::parse("100000000000000", "XAF")?, day, "USD".parse()?).unwrap_err();
/// assert!(matches!(err, ConversionError::TooLarge { .. }));
/// assert!(matches!(
///     rates.convert(Money::parse("1", "EUR")?, day, "USD".parse()?),
///     Err(ConversionError::NoRate(_))
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConversionError {
    /// No rate on or before the value date.
    #[error(transparent)]
    NoRate(#[from] MissingRate),
    /// The converted amount does not fit an [`Amount`].
    #[error("{money} in {to} is beyond the range of an amount")]
    TooLarge {
        /// The money.
        money: Money,
        /// The currency it was to be converted into.
        to: Currency,
    },
}

/// An exact cross rate: an amount converts to `amount × numerator ÷
/// denominator` ([`Amount::scaled`]: one rounding, half to even).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CrossRate {
    numerator: u128,
    denominator: u128,
}

impl CrossRate {
    /// From a currency into itself.
    pub(crate) const IDENTITY: CrossRate = CrossRate {
        numerator: 1,
        denominator: 1,
    };

    /// `amount` converted; `None` when the result does not fit.
    pub(crate) fn apply(self, amount: Amount) -> Option<Amount> {
        if self.numerator == self.denominator {
            return Some(amount);
        }
        amount.scaled(self.numerator, self.denominator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The slow, obvious lookup: scan every rate.
    fn slow(series: &[(NaiveDate, Rate)], date: NaiveDate) -> Option<(NaiveDate, Rate)> {
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
            let rate = format!("0.8{i}").parse().unwrap();
            t.insert(*day, eur, rate).unwrap();
        }
        let series = t.rates.get(&eur).unwrap().clone();
        let mut day = d(2019, 12, 1);
        while day < d(2021, 2, 1) {
            assert_eq!(t.rate_on(eur, day), slow(&series, day), "{day}");
            day = day.succ_opt().unwrap();
        }
    }
}
