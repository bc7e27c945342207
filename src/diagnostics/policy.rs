//! The validation policy: which codes count how much, and the thresholds of
//! the checks, as data.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::{Code, Severity};
use crate::{Fraction, Level, ValueError};

/// What a policy makes of one code: a severity, or `allow` to drop its
/// findings altogether (the name follows compiler lint levels).
///
/// In a policy document it is one of `"allow"`, `"advice"`, `"warning"` or
/// `"error"`.
///
/// ```
/// use ssr_model::validate;
/// use ssr_model::diagnostics::{Code, CodeLevel, Severity, ValidationPolicy};
/// use ssr_model::{Country, Portfolio, Programme};
///
/// let portfolio = Portfolio::new().with_programme(Programme::new("Police reform", Country::new("LBR")?));
/// let default = validate::validate(&portfolio, &ValidationPolicy::default());
/// assert!(default.of_code(Code::NoOversight).count() > 0);
///
/// // This organisation does not ask every programme for an oversight
/// // component, and treats a missing gender dimension as an error.
/// let policy = ValidationPolicy::default()
///     .with_level(Code::NoOversight, CodeLevel::Allow)
///     .with_level(Code::NoGenderDimension, CodeLevel::Error);
/// let report = validate::validate(&portfolio, &policy);
/// assert_eq!(report.of_code(Code::NoOversight).count(), 0);
/// assert!(report.of_code(Code::NoGenderDimension).all(|f| f.severity == Severity::Error));
/// assert_eq!(CodeLevel::Allow.severity(), None);
/// assert_eq!(CodeLevel::from(Severity::Warning), CodeLevel::Warning);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CodeLevel {
    /// Drop the code's findings.
    Allow,
    /// Report them as advice.
    Advice,
    /// Report them as warnings.
    Warning,
    /// Report them as errors, which make a document invalid.
    Error,
}

crate::model::names::names!(CodeLevel, "code level" {
    Allow = "allow",
    Advice = "advice",
    Warning = "warning",
    Error = "error",
});

impl CodeLevel {
    /// The severity findings get, or `None` when they are dropped.
    pub fn severity(self) -> Option<Severity> {
        match self {
            CodeLevel::Allow => None,
            CodeLevel::Advice => Some(Severity::Advice),
            CodeLevel::Warning => Some(Severity::Warning),
            CodeLevel::Error => Some(Severity::Error),
        }
    }
}

impl From<Severity> for CodeLevel {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Advice => CodeLevel::Advice,
            Severity::Warning => CodeLevel::Warning,
            Severity::Error => CodeLevel::Error,
        }
    }
}

/// How [`validate`](crate::validate::validate) judges a document: per-code levels, the
/// thresholds of the SSR practice checks, and the date time-dependent checks
/// are made against.
///
/// Every field has a default, so a policy document need only name what it
/// changes. Unknown fields and unknown code names are refused, so a misspelt
/// setting never passes silently.
///
/// | field | default | meaning |
/// |---|---|---|
/// | `as_of` | none | the date of the assessment; checks that need it are skipped without it |
/// | `levels` | `{}` | per-code level: `"allow"`, `"advice"`, `"warning"` or `"error"` |
/// | `high_influence` | 4 | the stakeholder influence (1–5) that counts as high |
/// | `high_risk` | 15 | the inherent risk (likelihood × impact, 1–25) that counts as high |
/// | `stale_after_days` | 365 | how old the latest actual may be, in days before `as_of` |
/// | `percentage_tolerance` | 0.01 | how far, in percentage points, shares may sum from 100 |
/// | `breakdown_tolerance` | 0.01 | how far, as a share of the total, a breakdown may sum from its total |
/// | `non_additive_dimensions` | `[]` | breakdown dimensions whose categories overlap, never summed |
///
/// The default staleness of a year matches the annual reporting cycle of
/// most SSR programmes and of IATI publication: a programme whose newest
/// actual is older than one cycle has missed a report. The tolerance of
/// 0.01 points absorbs shares written with two decimals (33.33 + 33.33 +
/// 33.34) and nothing more.
///
/// ```
/// # #[cfg(feature = "json")]
/// # fn main() -> Result<(), serde_json::Error> {
/// use chrono::NaiveDate;
/// use ssr_model::diagnostics::{Code, CodeLevel, ValidationPolicy};
///
/// let policy: ValidationPolicy = serde_json::from_str(r#"{
///     "as_of": "2026-01-01",
///     "levels": { "single_funder": "allow", "stale_data": "error" },
///     "stale_after_days": 180
/// }"#)?;
/// assert_eq!(policy.as_of, NaiveDate::from_ymd_opt(2026, 1, 1));
/// assert_eq!(policy.level(Code::SingleFunder), CodeLevel::Allow);
/// assert_eq!(policy.level(Code::StaleData), CodeLevel::Error);
/// assert_eq!(policy.level(Code::DuplicateId), CodeLevel::Error); // its default
/// assert_eq!(policy.high_risk, 15);
///
/// // The same policy, built in code.
/// let built = ValidationPolicy::default()
///     .with_as_of(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
///     .with_level(Code::SingleFunder, CodeLevel::Allow)
///     .with_level(Code::StaleData, CodeLevel::Error)
///     .with_stale_after_days(180);
/// assert_eq!(built, policy);
///
/// assert!(serde_json::from_str::<ValidationPolicy>(r#"{"levels": {"no_such_code": "allow"}}"#).is_err());
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "json"))]
/// # fn main() {}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ValidationPolicy {
    /// The date of the assessment. `future_actual` and `stale_data` need it
    /// and are skipped when it is absent; `missing_value` then expects an
    /// actual only where a later period has one. The library never reads
    /// the clock, so the same document and policy always give the same
    /// report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// Levels that replace codes' default severities.
    /// A code given twice is refused, as a field given twice is.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_levels"
    )]
    pub levels: BTreeMap<Code, CodeLevel>,
    /// The influence from which a resistant or blocking stakeholder counts as
    /// high-influence for `unmitigated_resistance`.
    #[cfg_attr(feature = "schemars", schemars(with = "u8", range(min = 1, max = 5)))]
    pub high_influence: Level,
    /// The inherent risk (likelihood × impact) from which a challenge needs a
    /// mitigation, for `high_risk_without_mitigation`: a risk score from 1
    /// to 25 (likelihood and impact are 1–5 each). A document with any
    /// other number is refused as it is read.
    #[serde(deserialize_with = "risk_score")]
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 25)))]
    pub high_risk: u8,
    /// How many days before `as_of` the latest actual may be, for `stale_data`.
    pub stale_after_days: u32,
    /// How far from 100, in percentage points, shares may sum for
    /// `percentage_sum`. Finite and not negative: private, so that only
    /// [`with_percentage_tolerance`](Self::with_percentage_tolerance) and
    /// deserialisation, which both check it, can set it.
    #[serde(deserialize_with = "non_negative")]
    #[cfg_attr(feature = "schemars", schemars(range(min = 0)))]
    percentage_tolerance: f64,
    /// How far the categories of a breakdown may sum from the period's
    /// total for `breakdown_sum`, as a share of the total's size (of 1 when
    /// the total is smaller), from 0 to 1. Default 0.01: rounding of the
    /// categories, and nothing more.
    #[cfg_attr(feature = "schemars", schemars(with = "f64", range(min = 0, max = 1)))]
    pub breakdown_tolerance: Fraction,
    /// Breakdown dimensions whose categories overlap (age bands counted
    /// twice, a person in several groups), compared without case: never
    /// summed by `breakdown_sum`. Default none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub non_additive_dimensions: Vec<String>,
}

impl Default for ValidationPolicy {
    fn default() -> Self {
        ValidationPolicy {
            as_of: None,
            levels: BTreeMap::new(),
            high_influence: Level::new(4).unwrap_or(Level::MAX),
            high_risk: 15,
            stale_after_days: 365,
            percentage_tolerance: 0.01,
            breakdown_tolerance: Fraction::constant(0.01),
            non_additive_dimensions: Vec::new(),
        }
    }
}

/// A validation policy document that could not be read
/// (`ValidationPolicy::from_json`, feature `json`).
///
/// ```
/// # #[cfg(feature = "json")] {
/// use ssr_model::diagnostics::ValidationPolicy;
///
/// // A thirteenth month.
/// let err = ValidationPolicy::from_json(r#"{"as_of": "2026-13-01"}"#).unwrap_err();
/// assert_eq!(err.path, "/as_of");
/// assert!(err.to_string().starts_with("cannot parse the validation policy at /as_of: "));
/// let err = ValidationPolicy::from_json("[]").unwrap_err();
/// assert!(err.to_string().starts_with("cannot parse the validation policy at the document root: "));
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot parse the validation policy at {}: {message}", path.in_words())]
#[non_exhaustive]
pub struct ValidationPolicyError {
    /// JSON Pointer to the offending value (the root for the whole document).
    pub path: super::Pointer,
    /// What was expected and what was found.
    pub message: String,
}

impl ValidationPolicy {
    /// The default policy: every code at its default severity, no `as_of`.
    pub fn new() -> Self {
        ValidationPolicy::default()
    }

    /// Parses a policy document (JSON), as
    /// [`ScoringPolicy::from_json`](crate::score::ScoringPolicy::from_json)
    /// does for scoring.
    ///
    /// ```
    /// use ssr_model::diagnostics::{Code, CodeLevel, ValidationPolicy};
    ///
    /// let policy = ValidationPolicy::from_json(r#"{"levels": {"single_funder": "allow"}}"#)?;
    /// assert_eq!(policy.level(Code::SingleFunder), CodeLevel::Allow);
    ///
    /// let err = ValidationPolicy::from_json(r#"{"percentage_tolerance": -1}"#).unwrap_err();
    /// assert_eq!(err.path, "/percentage_tolerance");
    /// # Ok::<(), ssr_model::diagnostics::ValidationPolicyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the text is not a policy: unknown fields or codes, a wrong type,
    /// an out-of-range number, trailing text. The error names the JSON
    /// Pointer of the offending value.
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Self, ValidationPolicyError> {
        crate::diagnostics::path::from_json_at(text)
            .map_err(|(path, message)| ValidationPolicyError { path, message })
    }

    /// The level `code` has under this policy.
    pub fn level(&self, code: Code) -> CodeLevel {
        self.levels
            .get(&code)
            .copied()
            .unwrap_or_else(|| code.default_severity().into())
    }

    /// The severity findings of `code` get, or `None` when the policy allows
    /// (drops) them.
    pub fn severity(&self, code: Code) -> Option<Severity> {
        self.level(code).severity()
    }

    /// Returns `self` with the assessment date set.
    #[must_use]
    pub fn with_as_of(mut self, date: impl Into<NaiveDate>) -> Self {
        self.as_of = Some(date.into());
        self
    }

    /// Returns `self` with `code` set to `level`.
    #[must_use]
    pub fn with_level(mut self, code: Code, level: CodeLevel) -> Self {
        self.levels.insert(code, level);
        self
    }

    /// Returns `self` with another high-influence threshold.
    #[must_use]
    pub fn with_high_influence(mut self, level: impl Into<Level>) -> Self {
        self.high_influence = level.into();
        self
    }

    /// Returns `self` with another high-risk threshold, a risk score from 1
    /// to 25 (a policy document with another number is refused; here, 0 or
    /// 1 makes every assessed challenge high and above 25 none).
    #[must_use]
    pub fn with_high_risk(mut self, risk: u8) -> Self {
        self.high_risk = risk;
        self
    }

    /// Returns `self` with another maximum age of the latest actual.
    #[must_use]
    pub fn with_stale_after_days(mut self, days: u32) -> Self {
        self.stale_after_days = days;
        self
    }

    /// How far from 100, in percentage points, shares may sum for
    /// `percentage_sum` (default 0.01).
    ///
    /// ```
    /// use ssr_model::diagnostics::ValidationPolicy;
    ///
    /// assert_eq!(ValidationPolicy::new().percentage_tolerance(), 0.01);
    /// let loose = ValidationPolicy::new().with_percentage_tolerance(0.5)?;
    /// assert_eq!(loose.percentage_tolerance(), 0.5);
    /// assert!(ValidationPolicy::new().with_percentage_tolerance(f64::NAN).is_err());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn percentage_tolerance(&self) -> f64 {
        self.percentage_tolerance
    }

    /// Returns `self` with another percentage-sum tolerance.
    ///
    /// # Errors
    ///
    /// When `points` is negative or not finite.
    pub fn with_percentage_tolerance(mut self, points: f64) -> Result<Self, ValueError> {
        self.percentage_tolerance = check_non_negative(points)?;
        Ok(self)
    }
}

impl ValidationPolicy {
    /// Returns `self` with another breakdown-sum tolerance (a share of the
    /// total, from 0 to 1).
    ///
    /// ```
    /// use ssr_model::diagnostics::ValidationPolicy;
    ///
    /// let loose = ValidationPolicy::new().with_breakdown_tolerance(0.05)?;
    /// assert_eq!(loose.breakdown_tolerance.get(), 0.05);
    /// let err = ValidationPolicy::new().with_breakdown_tolerance(f64::NAN).unwrap_err();
    /// assert!(err.to_string().contains("from 0 to 1"), "{err}");
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `share` is not a finite number from 0 to 1.
    pub fn with_breakdown_tolerance(mut self, share: f64) -> Result<Self, ValueError> {
        self.breakdown_tolerance = Fraction::new(share)?;
        Ok(self)
    }

    /// Returns `self` with `dimension` declared not additive.
    #[must_use]
    pub fn with_non_additive_dimension(mut self, dimension: impl Into<String>) -> Self {
        self.non_additive_dimensions.push(dimension.into());
        self
    }
}

fn check_non_negative(x: f64) -> Result<f64, ValueError> {
    if x.is_finite() && x >= 0.0 {
        Ok(x + 0.0)
    } else {
        Err(ValueError::new(
            "percentage tolerance",
            "a finite number of percentage points of at least 0",
            x,
        ))
    }
}

fn non_negative<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    check_non_negative(f64::deserialize(deserializer)?).map_err(serde::de::Error::custom)
}

/// `high_risk`: a likelihood × impact score, 1 to 25.
fn risk_score<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
    let risk = u64::deserialize(deserializer)?;
    u8::try_from(risk)
        .ok()
        .filter(|r| (1..=25).contains(r))
        .ok_or_else(|| {
            serde::de::Error::custom(ValueError::new(
                "high risk",
                "a risk score (likelihood × impact, each 1 to 5) from 1 to 25",
                risk,
            ))
        })
}

/// The `levels` map, refusing a code given twice (serde's map keeps the
/// last silently, where a struct field given twice is an error).
fn unique_levels<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<Code, CodeLevel>, D::Error> {
    struct Levels;
    impl<'de> serde::de::Visitor<'de> for Levels {
        type Value = BTreeMap<Code, CodeLevel>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map from finding codes to levels")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut levels = BTreeMap::new();
            // The key is read as text, so that an error in its value is
            // located at `/levels/CODE` (an enum key leaves no name in the
            // error's path), then checked as a code.
            while let Some(key) = map.next_key::<String>()? {
                let code: Code = key.parse().map_err(serde::de::Error::custom)?;
                let level: CodeLevel = map.next_value()?;
                if levels.insert(code, level).is_some() {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate code `{code}` in levels"
                    )));
                }
            }
            Ok(levels)
        }
    }
    deserializer.deserialize_map(Levels)
}
