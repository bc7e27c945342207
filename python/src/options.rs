//! Arguments as Python passes them: dates, policies (a file, or a mapping),
//! file paths.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyString};
use ssr_model::chrono::NaiveDate;
use ssr_model::score::ScoringPolicy;
use ssr_model::validate::ValidationPolicy;

use crate::errors::{Class, Error};

/// A date given as `"YYYY-MM-DD"` or as a `datetime.date`.
pub(crate) fn date(value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    let text = if let Ok(s) = value.cast::<PyString>() {
        s.to_str()?.to_owned()
    } else if value.hasattr("isoformat")? && value.hasattr("year")? && !value.hasattr("hour")? {
        // A datetime.date (a datetime, with hours, is refused: which day
        // would it be in which time zone?).
        value.call_method0("isoformat")?.extract::<String>()?
    } else {
        return Err(Error::value(format!(
            "invalid date: expected \"YYYY-MM-DD\" or a datetime.date, found {}",
            value.repr()?
        ))
        .into());
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        Error::value(format!(
            "invalid date: expected \"YYYY-MM-DD\", found {text:?}"
        ))
        .into()
    })
}

/// A policy argument: a path to a JSON file, or a mapping (a dict) that is
/// the policy itself. Returns the JSON text and the file it came from.
fn policy_text(value: &Bound<'_, PyAny>) -> PyResult<(String, Option<String>)> {
    if value.cast::<PyMapping>().is_ok() {
        let json = value.py().import("json")?;
        let text = json.call_method1("dumps", (value,))?.extract::<String>()?;
        return Ok((text, None));
    }
    let path: PathBuf = value.extract().map_err(|_| {
        Error::new(
            Class::Policy,
            format!(
                "invalid policy: expected a path to a JSON file or a dict, found {}",
                value.repr().map(|r| r.to_string()).unwrap_or_default()
            ),
        )
    })?;
    let name = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Error::new(Class::Policy, format!("cannot read the policy {name}: {e}")).in_file(&name)
    })?;
    Ok((text, Some(name)))
}

/// The scoring policy from an optional argument, judged at `as_of` when given.
pub(crate) fn scoring_policy(
    policy: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<ScoringPolicy> {
    let mut out = match policy {
        None => ScoringPolicy::default(),
        Some(value) => {
            let (text, file) = policy_text(value)?;
            ScoringPolicy::from_json(&text)
                .map_err(|e| Error::scoring_policy(&e, file.as_deref()))?
        }
    };
    if let Some(day) = as_of {
        out = out.with_as_of(date(day)?);
    }
    Ok(out)
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
            ValidationPolicy::from_json(&text)
                .map_err(|e| Error::validation_policy(&e, file.as_deref()))?
        }
    };
    if let Some(day) = as_of {
        out = out.with_as_of(date(day)?);
    }
    Ok(out)
}
