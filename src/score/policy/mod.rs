//! The scoring policy: every methodological choice as data.
//!
//! A researcher publishes the policy beside the results so that anyone can
//! re-run the scoring bit for bit. Every field has a documented default (a
//! policy file may leave any of them out) and [`ScoringPolicy::check`]
//! refuses numbers out of range and combinations that do not make sense.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Aggregation;
use crate::diagnostics::object::object;
use crate::{Finite, Fraction};

mod comparison;
mod evaluation;
mod levels;
mod progress;
mod risk;
mod uncertainty;

pub use comparison::{ComparisonPolicy, DimensionPolicy, Dimensions, Goalposts};
pub use evaluation::{CriterionWeights, EvaluationPolicy};
pub use levels::{LevelPolicy, ScalePolicy, Weighting};
pub use progress::{ProgressPolicy, StatusPolicy, TargetRule};
pub use risk::{RiskBands, StakeholderPolicy};
pub use uncertainty::UncertaintyPolicy;

// The sub-policies of the measures computed elsewhere in `score`.
pub use super::evidence::ResultsPolicy;
pub use super::finance::FinancePolicy;
pub use super::ranking::{Imputation, RankingPolicy};
pub use super::risk::ExposureMethod;
pub use super::ssr_share::SsrSectors;

#[cfg(test)]
mod tests;

/// Why a scoring policy was refused.
///
/// ```
/// use ssr_model::model::Fraction;
/// use ssr_model::score::policy::ScoringPolicy;
/// use ssr_model::Scorer;
///
/// let mut policy = ScoringPolicy::default();
/// // The on-track band is 0.15: an at-risk band of 0.1 would lie inside it.
/// policy.status.at_risk_tolerance = Fraction::new(0.1)?;
/// let err = Scorer::new(policy).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid scoring policy at status.at_risk_tolerance: \
///      expected a number at least the on-track tolerance, found 0.1"
/// );
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// A value is out of range or a combination is not allowed.
    #[error("invalid scoring policy at {field}: expected {expected}, found {found}")]
    Invalid {
        /// The field, as a dotted path (`status.tolerance`).
        field: String,
        /// What a valid value looks like.
        expected: &'static str,
        /// What was found.
        found: String,
    },
    /// A policy document could not be parsed.
    #[error(
        "cannot parse the scoring policy at {}: {message}",
        crate::diagnostics::Pointer::or_slash(path)
    )]
    Parse {
        /// JSON Pointer to the offending value (`""` for the whole document).
        path: String,
        /// What was expected and what was found.
        message: String,
    },
}

pub(super) fn invalid(
    field: impl Into<String>,
    expected: &'static str,
    found: impl ToString,
) -> PolicyError {
    PolicyError::Invalid {
        field: field.into(),
        expected,
        found: crate::model::echo(found.to_string()),
    }
}

/// Every choice the scoring makes, as serde data with documented defaults.
///
/// `ScoringPolicy::default()` is the method the crate recommends; each
/// field's documentation gives its default and source. In JSON every field is
/// optional and unknown fields are refused:
///
/// ```
/// use ssr_model::score::programme::Aggregation;
/// use ssr_model::score::policy::ScoringPolicy;
///
/// # #[cfg(feature = "json")] {
/// let policy = ScoringPolicy::from_json(r#"{
///     "as_of": "2024-06-30",
///     "status": { "tolerance": 0.10 },
///     "components": { "method": "geometric" }
/// }"#)?;
/// assert_eq!(policy.status.tolerance.get(), 0.10);
/// assert_eq!(policy.status.at_risk_tolerance.get(), 0.30); // the default
/// assert_eq!(policy.components.method, Aggregation::Geometric);
/// assert!(ScoringPolicy::from_json(r#"{"tolerence": 0.1}"#).is_err());
/// # }
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ScoringPolicy {
    /// The date status and progress are judged at. Actuals reported for
    /// periods ending after it are ignored, so scoring "as of" a past date
    /// reproduces what was known then. Default `None`: each indicator is
    /// judged at the end of the latest period with an actual (its last
    /// report). The library never reads the clock.
    pub as_of: Option<NaiveDate>,
    /// How indicator progress is computed and capped.
    #[serde(deserialize_with = "object")]
    pub progress: ProgressPolicy,
    /// RAG status thresholds.
    #[serde(deserialize_with = "object")]
    pub status: StatusPolicy,
    /// Default ordinal scales for qualitative and ordinal indicators.
    #[serde(deserialize_with = "object")]
    pub scales: ScalePolicy,
    /// How indicators are aggregated into a component score.
    #[serde(deserialize_with = "object")]
    pub indicators: LevelPolicy,
    /// How components are aggregated into a programme score.
    #[serde(deserialize_with = "object")]
    pub components: LevelPolicy,
    /// The floor of the zero rule, as a share of the scale (0.01 is 1 point
    /// on 0–100, or 0.01 on the 0–1 progress scale), from 0 up to (not
    /// including) 1. Default 0.01. See [`Aggregation`].
    pub zero_floor: Fraction,
    /// How DAC evaluation ratings are combined.
    #[serde(deserialize_with = "object")]
    pub evaluation: EvaluationPolicy,
    /// Risk bands.
    #[serde(deserialize_with = "object")]
    pub risk: RiskBands,
    /// Stakeholder grid and salience thresholds.
    #[serde(deserialize_with = "object")]
    pub stakeholders: StakeholderPolicy,
    /// How programmes are compared and ranked.
    #[serde(deserialize_with = "object")]
    pub comparison: ComparisonPolicy,
    /// Who is ranked (evidence thresholds) and how missing dimensions are
    /// treated.
    #[serde(deserialize_with = "object")]
    pub ranking: super::RankingPolicy,
    /// The Monte Carlo analysis of rank uncertainty.
    #[serde(deserialize_with = "object")]
    pub uncertainty: UncertaintyPolicy,
    /// The reporting currency of the finance measures.
    #[serde(skip_serializing_if = "super::FinancePolicy::is_default")]
    #[serde(deserialize_with = "object")]
    pub finance: super::FinancePolicy,
    /// How many indicators a programme score names as pulling it down most.
    /// Default 3.
    pub explain: usize,
    /// Weights of result levels, evidence grades of data sources and
    /// whether they weigh in. The default changes no score.
    #[serde(skip_serializing_if = "super::ResultsPolicy::is_default")]
    #[serde(deserialize_with = "object")]
    pub results: super::ResultsPolicy,
}

impl Default for ScoringPolicy {
    fn default() -> Self {
        ScoringPolicy {
            as_of: None,
            progress: ProgressPolicy::default(),
            status: StatusPolicy::default(),
            scales: ScalePolicy::default(),
            indicators: LevelPolicy::default(),
            components: LevelPolicy::default(),
            zero_floor: Fraction::constant(0.01),
            evaluation: EvaluationPolicy::default(),
            risk: RiskBands::default(),
            stakeholders: StakeholderPolicy::default(),
            comparison: ComparisonPolicy::default(),
            ranking: super::RankingPolicy::default(),
            uncertainty: UncertaintyPolicy::default(),
            finance: super::FinancePolicy::default(),
            explain: 3,
            results: super::ResultsPolicy::default(),
        }
    }
}

impl ScoringPolicy {
    /// Returns `self` judged at `date`.
    #[must_use]
    pub fn with_as_of(mut self, date: impl Into<NaiveDate>) -> Self {
        self.as_of = Some(date.into());
        self
    }

    /// Parses a policy document (JSON) and checks it.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Parse`] with the JSON Pointer of the offending value
    /// when the text is not a policy; [`PolicyError::Invalid`] when it is
    /// one but [`check`](Self::check) refuses it.
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        let policy: ScoringPolicy = crate::diagnostics::path::from_json_at(text)
            .map_err(|(path, message)| PolicyError::Parse { path, message })?;
        policy.check()?;
        Ok(policy)
    }

    /// Checks every number and combination; the first problem is returned.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Invalid`] naming the field, e.g. a tolerance above 1,
    /// risk bands out of order, or z-scores combined with a geometric mean.
    pub fn check(&self) -> Result<(), PolicyError> {
        self.progress.check()?;
        self.status.check()?;
        self.indicators.check("indicators")?;
        self.components.check("components")?;
        fraction_below_one("zero_floor", self.zero_floor)?;
        self.evaluation.check()?;
        self.risk.check()?;
        self.stakeholders.check()?;
        self.comparison.check()?;
        self.ranking.check()?;
        self.uncertainty.check()?;
        self.results.check()?;
        Ok(())
    }
}

/// A goalpost or target: a number within ±10¹⁵, as indicator values are
/// ([`Finite`]).
pub(super) fn finite(field: &str, x: f64) -> Result<(), PolicyError> {
    Finite::new(x)
        .map(drop)
        .map_err(|e| invalid(field, e.expected(), x))
}

pub(super) fn fraction_below_one(field: &str, x: Fraction) -> Result<(), PolicyError> {
    if x < Fraction::ONE {
        Ok(())
    } else {
        Err(invalid(field, "a number from 0 up to (not including) 1", x))
    }
}

pub(super) fn exponent(field: &str, method: Aggregation) -> Result<(), PolicyError> {
    let p = method.exponent();
    if p == 0.0 || (1e-6..=Aggregation::EXPONENT_LIMIT).contains(&p.abs()) {
        Ok(())
    } else {
        Err(invalid(
            field,
            "a power-mean exponent of 0 or of magnitude 1e-6 to 100",
            p,
        ))
    }
}
