//! The scoring policy: every methodological choice as data.
//!
//! A researcher publishes the policy beside the results so that anyone can
//! re-run the scoring bit for bit. Every field has a documented default (a
//! policy file may leave any of them out) and [`ScoringPolicy::check`]
//! refuses numbers out of range and combinations that do not make sense.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Aggregation;
use crate::Finding;
use crate::diagnostics::object::object;
use crate::diagnostics::{Code, Pointer};
use crate::{Finite, Fraction};

mod audit;
mod comparison;
mod evaluation;
mod finance;
mod levels;
mod progress;
mod ranking;
pub(crate) mod results;
mod risk;
pub(crate) mod sensitivity;
mod uncertainty;

pub use audit::{AuditPolicy, CoherencePolicy, OutlierPolicy, OutlierTreatment, ScreeningPolicy};
pub use comparison::{ComparisonPolicy, DimensionPolicy, Dimensions, Goalposts};
pub use evaluation::{CriterionWeights, EvaluationPolicy};
pub use finance::{Conversion, FinancePolicy, RatioRates};
pub use levels::{LevelPolicy, ScalePolicy, Weighting};
pub use progress::{ProgressPolicy, StatusPolicy, TargetRule};
pub use ranking::RankingPolicy;
pub use results::ResultsPolicy;
pub use risk::{RiskBands, StakeholderPolicy};
pub use sensitivity::{SensitivityFactor, SensitivityPolicy};
pub use uncertainty::UncertaintyPolicy;

// The sub-policies of the measures computed elsewhere in `score`.
pub use super::ssr_share::SsrSectors;
pub use super::vocabulary::{ExposureMethod, Imputation};

#[cfg(test)]
mod tests;

/// Why a scoring policy was refused.
///
/// ```
/// use ssr_model::model::Fraction;
/// use ssr_model::score::policy::{PolicyError, ScoringPolicy};
/// use ssr_model::Scorer;
///
/// let mut policy = ScoringPolicy::default();
/// // The on-track band is 0.15: an at-risk band of 0.1 would lie inside it.
/// policy.status.at_risk_tolerance = Fraction::new(0.1)?;
/// policy.uncertainty.replications = 0;
/// let err = Scorer::new(policy).unwrap_err();
/// // Every problem at once, each a finding at a JSON Pointer into the policy.
/// assert_eq!(
///     err.to_string(),
///     "invalid scoring policy: /status/at_risk_tolerance: \
///      expected a number at least the on-track tolerance, found 0.1 (policy_invalid); \
///      /uncertainty/replications: expected from 1 to 1000000 replications, found 0 (policy_invalid)"
/// );
/// let PolicyError::Invalid { problems } = err else { unreachable!() };
/// assert_eq!(problems[0].path, "/status/at_risk_tolerance");
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// Values out of range or combinations not allowed: every one, each a
    /// [`policy_invalid`](crate::diagnostics::Code::PolicyInvalid) finding
    /// at a JSON Pointer into the policy (`/status/tolerance`) saying what
    /// was expected and what was found.
    #[error(
        "invalid scoring policy: {}",
        crate::diagnostics::problems::describe(problems)
    )]
    Invalid {
        /// The problems, in the order of the policy's fields.
        problems: Vec<Finding>,
    },
    /// A policy document could not be parsed.
    #[error("cannot parse the scoring policy at {}: {message}", path.in_words())]
    Parse {
        /// JSON Pointer to the offending value (the root for the whole document).
        path: Pointer,
        /// What was expected and what was found.
        message: String,
    },
}

/// A `policy_invalid` finding at the dotted `field` (`status.tolerance`,
/// written as the JSON Pointer `/status/tolerance`).
pub(crate) fn invalid(field: &str, expected: &'static str, found: impl ToString) -> Finding {
    let at = field.split('.').fold(Pointer::root(), Pointer::member);
    let found = crate::model::echo(found.to_string());
    Finding::new(
        Code::PolicyInvalid,
        at,
        format!("expected {expected}, found {found}"),
    )
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
    /// The date every score is judged at: what is known on it is what is
    /// dated on or before it. Transactions (every type), evaluations,
    /// indicator baselines, actual start and end dates, and actuals
    /// measured after it (on their `actual_date`, else, without one, those
    /// of periods lying wholly after it) are left out, so that scoring as
    /// of a date equals scoring the portfolio with everything dated after
    /// it deleted. Targets, budgets and planned dates are plans and count
    /// in full (a budget period not started yet is planned money). An
    /// actual with no date of its own in a period still open on the date
    /// was reported by then but measured when is unknown: it is *interim*
    /// (its progress counts, its status is `interim`, not a judgement
    /// against time). Default `None`: each indicator is judged at the
    /// date of its latest actual (its `actual_date`, else its period's
    /// end), finance at the latest transaction. The library never reads
    /// the clock.
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
    /// The composite's audit: coherence thresholds, outliers, screening.
    /// The default treats nothing and moves no score.
    #[serde(skip_serializing_if = "AuditPolicy::is_default")]
    #[serde(deserialize_with = "object")]
    pub audit: AuditPolicy,
    /// The variance-based sensitivity analysis of the ranking. Default
    /// `None`: no analysis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<SensitivityPolicy>,
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
            audit: AuditPolicy::default(),
            sensitivity: None,
        }
    }
}

impl ScoringPolicy {
    /// Returns `self` judged at `date`: only what is dated on or before
    /// `date` is known (see [`as_of`](Self::as_of) for the rule, item by
    /// item).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ssr_model::Scorer;
    /// use ssr_model::score::policy::ScoringPolicy;
    /// use ssr_model::model::{Transaction, TransactionType};
    /// use ssr_model::{Country, Money, Programme};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// let paid = |day: NaiveDate| -> Result<Transaction, ssr_model::model::ValueError> {
    ///     Ok(Transaction::new(TransactionType::Disbursement, day, Money::parse("100", "USD")?, day))
    /// };
    /// let p = Programme::new("Police reform", Country::new("LBR")?)
    ///     .with_transaction(paid(d(2020, 6, 1)?)?)
    ///     .with_transaction(paid(d(2021, 6, 1)?)?);
    /// let scorer = Scorer::new(ScoringPolicy::default().with_as_of(d(2020, 12, 31)?))?;
    /// // The 2021 disbursement had not happened on 2020-12-31.
    /// assert_eq!(scorer.finance(&p).disbursed, Some(100.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

    /// Checks every number and combination; every problem is returned.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Invalid`] with a finding per problem, e.g. a
    /// tolerance above 1, risk bands out of order, or z-scores combined with
    /// a geometric mean.
    pub fn check(&self) -> Result<(), PolicyError> {
        let mut found = Vec::new();
        self.progress.check(&mut found);
        self.status.check(&mut found);
        self.indicators.check("indicators", &mut found);
        self.components.check("components", &mut found);
        found.extend(fraction_below_one("zero_floor", self.zero_floor).err());
        self.evaluation.check(&mut found);
        self.risk.check(&mut found);
        self.stakeholders.check(&mut found);
        self.comparison.check(&mut found);
        self.ranking.check(&mut found);
        self.uncertainty.check(&mut found);
        self.results.check(&mut found);
        self.audit.check(self, &mut found);
        if let Some(s) = &self.sensitivity {
            s.check(self, &mut found);
        }
        if found.is_empty() {
            Ok(())
        } else {
            Err(PolicyError::Invalid { problems: found })
        }
    }
}

/// A goalpost or target: a number within ±10¹⁵, as indicator values are
/// ([`Finite`]).
pub(super) fn finite(field: &str, x: f64) -> Result<(), Finding> {
    Finite::new(x)
        .map(drop)
        .map_err(|e| invalid(field, e.expected(), x))
}

pub(super) fn fraction_below_one(field: &str, x: Fraction) -> Result<(), Finding> {
    if x < Fraction::ONE {
        Ok(())
    } else {
        Err(invalid(field, "a number from 0 up to (not including) 1", x))
    }
}

pub(super) fn exponent(field: &str, method: Aggregation) -> Result<(), Finding> {
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
