//! A scorer from the options a program takes: a policy (JSON text or a
//! file), the date judged at, the reporting currency, exchange rates and
//! the Monte Carlo settings. The CLI's flags and the Python keyword
//! arguments are these options, so both build their scorer here.

use std::io::BufReader;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::policy::{PolicyError, ScoringPolicy, SsrSectors};
use super::rates::RatesFileError;
use super::scorer::Scorer;
use crate::model::{Currency, ExchangeRates};

/// Where the scoring policy comes from.
#[derive(Debug, Clone, PartialEq)]
enum PolicySource {
    /// The policy itself.
    Given(Box<ScoringPolicy>),
    /// A policy document (JSON).
    #[cfg(feature = "json")]
    Json(String),
    /// A file holding a policy document (JSON).
    #[cfg(feature = "json")]
    File(PathBuf),
}

/// Where the exchange rates come from.
#[derive(Debug, Clone, PartialEq)]
enum RatesSource {
    /// The rates themselves.
    Given(ExchangeRates),
    /// A rates file (`date,currency,rate`) in units per `base`.
    File(PathBuf, Currency),
}

/// The options a scorer is made from; every one optional. A given option
/// overrides the policy's own value: `as_of` its `as_of`, `currency` its
/// `finance.currency`, `ssr_sectors` its `finance.ssr_sectors`, `replications` and `seed` its `uncertainty`.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::ScorerOptions;
///
/// # #[cfg(feature = "json")] {
/// let day = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
/// let scorer = ScorerOptions::new()
///     .with_policy_json(r#"{"uncertainty": {"replications": 50}}"#)
///     .with_as_of(day)
///     .with_seed(7)
///     .scorer()?;
/// assert_eq!(scorer.policy().as_of, Some(day));
/// assert_eq!(scorer.policy().uncertainty.replications, 50);
/// assert_eq!(scorer.policy().uncertainty.seed, 7);
///
/// // A refused policy names the field.
/// let refused = ScorerOptions::new().with_replications(0).scorer().unwrap_err();
/// assert!(refused.to_string().contains("uncertainty"), "{refused}");
/// # }
/// # Ok::<(), ssr_model::score::ScorerOptionsError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ScorerOptions {
    policy: Option<PolicySource>,
    as_of: Option<NaiveDate>,
    currency: Option<Currency>,
    ssr_sectors: Option<SsrSectors>,
    rates: Option<RatesSource>,
    replications: Option<usize>,
    seed: Option<u64>,
    sensitivity: Option<(Option<usize>, Option<u64>)>,
}

impl ScorerOptions {
    /// No options: the default policy, no rates.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns the options with `policy` as the policy.
    #[must_use]
    pub fn with_policy(mut self, policy: ScoringPolicy) -> Self {
        self.policy = Some(PolicySource::Given(Box::new(policy)));
        self
    }

    /// Returns the options with the policy document `json` (the format of
    /// [`ScoringPolicy::from_json`]).
    #[cfg(feature = "json")]
    #[must_use]
    pub fn with_policy_json(mut self, json: impl Into<String>) -> Self {
        self.policy = Some(PolicySource::Json(json.into()));
        self
    }

    /// Returns the options with the policy document in the file `path`
    /// (read by [`scorer`](Self::scorer); a leading byte-order mark is
    /// skipped).
    #[cfg(feature = "json")]
    #[must_use]
    pub fn with_policy_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.policy = Some(PolicySource::File(path.into()));
        self
    }

    /// Returns the options judging at `date`.
    #[must_use]
    pub fn with_as_of(mut self, date: NaiveDate) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Returns the options giving the finance measures in `currency`.
    #[must_use]
    pub fn with_currency(mut self, currency: Currency) -> Self {
        self.currency = Some(currency);
        self
    }

    /// Returns the options counting `sectors` as SSR in the flows.
    #[must_use]
    pub fn with_ssr_sectors(mut self, sectors: SsrSectors) -> Self {
        self.ssr_sectors = Some(sectors);
        self
    }

    /// Returns the options converting money through `rates`.
    #[must_use]
    pub fn with_rates(mut self, rates: ExchangeRates) -> Self {
        self.rates = Some(RatesSource::Given(rates));
        self
    }

    /// Returns the options converting money through the rates file `path`
    /// (read by [`scorer`](Self::scorer) with
    /// [`read_rates`](super::read_rates)), in units per `base`.
    #[must_use]
    pub fn with_rates_file(mut self, path: impl Into<PathBuf>, base: Currency) -> Self {
        self.rates = Some(RatesSource::File(path.into(), base));
        self
    }

    /// Returns the options running `n` Monte Carlo replications.
    #[must_use]
    pub fn with_replications(mut self, n: usize) -> Self {
        self.replications = Some(n);
        self
    }

    /// Returns the options seeding the Monte Carlo with `seed`.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Returns the options asking for the sensitivity analysis: the
    /// policy's `sensitivity` section, or
    /// [`SensitivityPolicy::standard`](super::policy::SensitivityPolicy::standard)
    /// when it has none, with `samples` base samples and `seed` when given.
    ///
    /// ```
    /// use ssr_model::score::ScorerOptions;
    ///
    /// let scorer = ScorerOptions::new().with_sensitivity(Some(64), None).scorer()?;
    /// let s = scorer.policy().sensitivity.as_ref().ok_or("none")?;
    /// assert_eq!((s.samples, s.seed, s.factors.len()), (64, 0, 8));
    /// assert!(ScorerOptions::new().with_sensitivity(Some(1), None).scorer().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_sensitivity(mut self, samples: Option<usize>, seed: Option<u64>) -> Self {
        self.sensitivity = Some((samples, seed));
        self
    }

    /// The scorer: the policy with the options that override it, checked,
    /// and the rates.
    ///
    /// # Errors
    ///
    /// [`ScorerOptionsError`]: a file that cannot be read, a policy that
    /// cannot be parsed or is refused, a rates file with bad lines.
    pub fn scorer(&self) -> Result<Scorer, ScorerOptionsError> {
        let mut policy = self.policy()?;
        if let Some(date) = self.as_of {
            policy.as_of = Some(date);
        }
        if let Some(currency) = self.currency {
            policy.finance = policy.finance.with_currency(currency);
        }
        if let Some(sectors) = &self.ssr_sectors {
            policy.finance = policy.finance.with_ssr_sectors(sectors.clone());
        }
        if let Some(n) = self.replications {
            policy.uncertainty.replications = n;
        }
        if let Some(seed) = self.seed {
            policy.uncertainty.seed = seed;
        }
        if let Some((samples, seed)) = self.sensitivity {
            let standard = || super::policy::SensitivityPolicy::standard(&policy);
            let mut s = policy.sensitivity.clone().unwrap_or_else(standard);
            s.samples = samples.unwrap_or(s.samples);
            s.seed = seed.unwrap_or(s.seed);
            policy.sensitivity = Some(s);
        }
        let scorer = Scorer::new(policy)
            .map_err(|error| ScorerOptionsError::Policy { file: None, error })?;
        Ok(match &self.rates {
            None => scorer,
            Some(RatesSource::Given(rates)) => scorer.with_rates(rates.clone()),
            Some(RatesSource::File(path, base)) => scorer.with_rates(read_rates(path, *base)?),
        })
    }

    /// The policy before the overrides.
    fn policy(&self) -> Result<ScoringPolicy, ScorerOptionsError> {
        let Some(source) = &self.policy else {
            return Ok(ScoringPolicy::default());
        };
        match source {
            PolicySource::Given(policy) => Ok(ScoringPolicy::clone(policy)),
            #[cfg(feature = "json")]
            PolicySource::Json(text) => ScoringPolicy::from_json(text)
                .map_err(|error| ScorerOptionsError::Policy { file: None, error }),
            #[cfg(feature = "json")]
            PolicySource::File(path) => {
                let text =
                    std::fs::read_to_string(path).map_err(|source| ScorerOptionsError::Read {
                        file: path.clone(),
                        source,
                    })?;
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                ScoringPolicy::from_json(text).map_err(|error| ScorerOptionsError::Policy {
                    file: Some(path.clone()),
                    error,
                })
            }
        }
    }
}

/// The rates file at `path`, in units per `base`.
fn read_rates(path: &Path, base: Currency) -> Result<ExchangeRates, ScorerOptionsError> {
    let file = std::fs::File::open(path).map_err(|source| ScorerOptionsError::Read {
        file: path.to_path_buf(),
        source,
    })?;
    super::rates::read_rates(base, BufReader::new(file)).map_err(|error| {
        ScorerOptionsError::Rates {
            file: path.to_path_buf(),
            error,
        }
    })
}

/// Why [`ScorerOptions::scorer`] made no scorer.
///
/// ```
/// use ssr_model::score::{ScorerOptions, ScorerOptionsError};
///
/// # #[cfg(feature = "json")] {
/// let e = ScorerOptions::new().with_policy_file("/no/such/policy.json").scorer().unwrap_err();
/// assert!(matches!(e, ScorerOptionsError::Read { .. }));
/// assert!(e.to_string().starts_with("/no/such/policy.json: cannot read"), "{e}");
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScorerOptionsError {
    /// A policy or rates file that cannot be read.
    #[error("{}: cannot read: {source}", file.display())]
    Read {
        /// The file.
        file: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A policy that cannot be parsed or is refused.
    #[error("{}{error}", file.as_ref().map(|f| format!("{}: ", f.display())).unwrap_or_default())]
    Policy {
        /// The policy file, when it came from one.
        file: Option<PathBuf>,
        /// The problem.
        error: PolicyError,
    },
    /// A rates file with lines that cannot be read.
    #[error("{}: {error}", file.display())]
    Rates {
        /// The rates file.
        file: PathBuf,
        /// The lines and their problems.
        error: RatesFileError,
    },
}
