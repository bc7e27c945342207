//! Arguments as Python passes them: dates, policies (a file, or a mapping),
//! file paths.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyString};
use ssr_model::Currency;
use ssr_model::Scorer;
use ssr_model::chrono::NaiveDate;
use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::score::ScorerOptions;

use crate::errors::{Class, Error};
use crate::rates::PyExchangeRates;

/// A date given as `"YYYY-MM-DD"` or as a `datetime.date`.
pub(crate) fn date(value: &Bound<'_, PyAny>) -> Result<NaiveDate, Error> {
    let python = |e: PyErr| Error::value(format!("invalid date: {e}"));
    let text = if let Ok(s) = value.cast::<PyString>() {
        s.to_str().map_err(python)?.to_owned()
    } else if is_day(value).map_err(python)? {
        value
            .call_method0("isoformat")
            .and_then(|iso| iso.extract::<String>())
            .map_err(python)?
    } else {
        return Err(Error::value(format!(
            "invalid date: expected \"YYYY-MM-DD\" or a datetime.date, found {}",
            value.repr().map(|r| r.to_string()).unwrap_or_default()
        )));
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        Error::value(format!(
            "invalid date: expected \"YYYY-MM-DD\", found {text:?}"
        ))
    })
}

/// Whether `value` is a `datetime.date`. A datetime, with hours, is not:
/// which day would it be in which time zone?
fn is_day(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(value.hasattr("isoformat")? && value.hasattr("year")? && !value.hasattr("hour")?)
}

/// A policy argument as the library reads it.
enum PolicyArg {
    /// The policy document, from a mapping.
    Json(String),
    /// A policy file.
    File(PathBuf),
}

/// A policy argument: a mapping (a dict) that is the policy itself, or a
/// path to a JSON file, left for the library to read.
fn policy_source(value: &Bound<'_, PyAny>) -> PyResult<PolicyArg> {
    if value.cast::<PyMapping>().is_ok() {
        let json = value.py().import("json")?;
        let text = json.call_method1("dumps", (value,))?.extract::<String>()?;
        return Ok(PolicyArg::Json(text));
    }
    value.extract().map(PolicyArg::File).map_err(|_| {
        Error::new(
            Class::Policy,
            format!(
                "invalid policy: expected a path to a JSON file or a dict, found {}",
                value.repr().map(|r| r.to_string()).unwrap_or_default()
            ),
        )
        .into()
    })
}

/// A policy argument: a path to a JSON file, or a mapping (a dict) that is
/// the policy itself. Returns the JSON text and the file it came from.
fn policy_text(value: &Bound<'_, PyAny>) -> PyResult<(String, Option<String>)> {
    let path = match policy_source(value)? {
        PolicyArg::Json(text) => return Ok((text, None)),
        PolicyArg::File(path) => path,
    };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Error::new(Class::Policy, format!("cannot read the policy {name}: {e}")).in_file(&name)
    })?;
    Ok((text, Some(name)))
}

/// The validation policy from an optional argument, judged at `as_of` when
/// given.
pub(crate) fn validation_policy(
    policy: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<ValidationPolicy> {
    let mut out = match policy {
        None => ValidationPolicy::default(),
        Some(value) => {
            let (text, file) = policy_text(value)?;
            ValidationPolicy::from_json(&text).map_err(|e| {
                let err = Error::validation_policy(&e, file.as_deref());
                if file.is_none() {
                    err.in_mapping()
                } else {
                    err
                }
            })?
        }
    };
    if let Some(day) = as_of {
        out = out.with_as_of(date(day)?);
    }
    Ok(out)
}

/// What a scorer is made from: the scoring policy (a file or a mapping)
/// judged at `as_of`, the Monte Carlo settings that override the policy's,
/// the reporting currency and the user's exchange rates, as the CLI's
/// `--policy`, `--as-of`, `--replications`, `--seed`, `--currency` and
/// `--rates`.
#[derive(Default)]
pub(crate) struct ScorerArgs<'py> {
    pub(crate) policy: Option<Bound<'py, PyAny>>,
    pub(crate) as_of: Option<Bound<'py, PyAny>>,
    pub(crate) replications: Option<usize>,
    pub(crate) seed: Option<u64>,
    pub(crate) currency: Option<String>,
    pub(crate) rates: Option<Bound<'py, PyExchangeRates>>,
    /// Run the sensitivity analysis: base samples and seed overriding the
    /// policy's `sensitivity` section (its standard factors when absent).
    pub(crate) sensitivity: Option<(Option<usize>, Option<u64>)>,
}

impl ScorerArgs<'_> {
    /// The scorer (`ssr_model::score::ScorerOptions`): `currency` overrides
    /// the policy's `finance.currency`, `replications` and `seed` its
    /// `uncertainty` section.
    pub(crate) fn scorer(&self) -> PyResult<Scorer> {
        let mut options = ScorerOptions::new();
        let mut from_mapping = false;
        match self.policy.as_ref().map(policy_source).transpose()? {
            Some(PolicyArg::Json(text)) => {
                from_mapping = true;
                options = options.with_policy_json(text);
            }
            Some(PolicyArg::File(path)) => options = options.with_policy_file(path),
            None => {}
        }
        if let Some(day) = &self.as_of {
            options = options.with_as_of(date(day)?);
        }
        if let Some(code) = &self.currency {
            let currency: Currency = code
                .parse()
                .map_err(|e| Error::value(format!("currency: {e}")))?;
            options = options.with_currency(currency);
        }
        if let Some(n) = self.replications {
            options = options.with_replications(n);
        }
        if let Some(s) = self.seed {
            options = options.with_seed(s);
        }
        if let Some(rates) = &self.rates {
            options = options.with_rates(rates.get().inner.clone());
        }
        if let Some((samples, seed)) = self.sensitivity {
            options = options.with_sensitivity(samples, seed);
        }
        Ok(options.scorer().map_err(|e| {
            let err = Error::scorer_options(&e);
            if from_mapping { err.in_mapping() } else { err }
        })?)
    }
}
