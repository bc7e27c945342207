//! The finance section of a scoring policy: the reporting currency, the
//! exchange rates that convert a ratio's two sides and which rate converts
//! on a date, and which sectors count as SSR.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Currency;
use crate::score::ssr_share::SsrSectors;

/// The finance settings of a [`ScoringPolicy`](super::ScoringPolicy).
///
/// ```
/// use ssr_model::score::policy::{FinancePolicy, ScoringPolicy};
///
/// let policy = ScoringPolicy::from_json(r#"{"finance": {"currency": "EUR"}}"#)?;
/// assert_eq!(policy.finance, FinancePolicy::default().with_currency("EUR".parse::<ssr_model::Currency>()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct FinancePolicy {
    /// The currency every programme's measures are given in, converted
    /// through the scorer's exchange rates. Default `None`: each programme
    /// in its own most used currency (ties: the first in code order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// The one rate at which both sides of each money ratio are
    /// converted. Default [`RatioRates::JudgingDate`].
    #[serde(skip_serializing_if = "RatioRates::is_default")]
    pub ratio_rates: RatioRates,
    /// Which rate converts on a date: the day's (default) or the year's
    /// average, as the OECD DAC does ([`Conversion`]).
    #[serde(skip_serializing_if = "Conversion::is_default")]
    pub conversion: Conversion,
    /// Which sectors count as SSR in the flows' SSR amounts. Default: DAC
    /// 152 (see [`SsrSectors`]).
    #[serde(skip_serializing_if = "SsrSectors::is_default")]
    pub ssr_sectors: SsrSectors,
}

impl FinancePolicy {
    /// Returns `self` reporting in `currency`.
    #[must_use]
    pub fn with_currency(mut self, currency: impl Into<Currency>) -> Self {
        self.currency = Some(currency.into());
        self
    }

    /// Returns `self` converting both sides of every money ratio at
    /// `rates`.
    #[must_use]
    pub fn with_ratio_rates(mut self, rates: RatioRates) -> Self {
        self.ratio_rates = rates;
        self
    }

    /// Returns `self` converting at `conversion`'s rates.
    #[must_use]
    pub fn with_conversion(mut self, conversion: Conversion) -> Self {
        self.conversion = conversion;
        self
    }

    /// Returns `self` counting `sectors` as SSR.
    #[must_use]
    pub fn with_ssr_sectors(mut self, sectors: SsrSectors) -> Self {
        self.ssr_sectors = sectors;
        self
    }

    pub(crate) fn is_default(&self) -> bool {
        *self == FinancePolicy::default()
    }
}

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
    pub(crate) fn date(self, judged: Option<NaiveDate>) -> Option<NaiveDate> {
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
    pub(crate) fn rate(
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
