//! The scoring policy: every methodological choice as data.
//!
//! A researcher publishes the policy beside the results so that anyone can
//! re-run the scoring bit for bit. Every field has a documented default (a
//! policy file may leave any of them out) and [`ScoringPolicy::check`]
//! refuses numbers out of range and combinations that do not make sense.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Aggregation, Dimension, Normalisation, PortfolioAggregation};
use crate::{DacCriterion, Finite, Fraction, OrdinalScale, Weight};

/// Why a scoring policy was refused.
///
/// ```
/// use ssr_model::Fraction;
/// use ssr_model::score::{ScoringPolicy, Scorer};
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
/// # Ok::<(), ssr_model::ValueError>(())
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
        root_as_slash(path)
    )]
    Parse {
        /// JSON Pointer to the offending value (`""` for the whole document).
        path: String,
        /// What was expected and what was found.
        message: String,
    },
}

/// A JSON Pointer as messages print it: the root, `""`, as `/`.
fn root_as_slash(path: &str) -> &str {
    if path.is_empty() { "/" } else { path }
}

fn invalid(field: impl Into<String>, expected: &'static str, found: impl ToString) -> PolicyError {
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
/// use ssr_model::score::{Aggregation, ScoringPolicy};
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
/// # Ok::<(), ssr_model::score::PolicyError>(())
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
    pub progress: ProgressPolicy,
    /// RAG status thresholds.
    pub status: StatusPolicy,
    /// Default ordinal scales for qualitative and ordinal indicators.
    pub scales: ScalePolicy,
    /// How indicators are aggregated into a component score.
    pub indicators: LevelPolicy,
    /// How components are aggregated into a programme score.
    pub components: LevelPolicy,
    /// The floor of the zero rule, as a share of the scale (0.01 is 1 point
    /// on 0–100, or 0.01 on the 0–1 progress scale). Default 0.01. See
    /// [`Aggregation`].
    pub zero_floor: f64,
    /// How DAC evaluation ratings are combined.
    pub evaluation: EvaluationPolicy,
    /// Risk bands.
    pub risk: RiskBands,
    /// Stakeholder grid and salience thresholds.
    pub stakeholders: StakeholderPolicy,
    /// How programmes are compared and ranked.
    pub comparison: ComparisonPolicy,
    /// Who is ranked (evidence thresholds) and how missing dimensions are
    /// treated.
    pub ranking: super::RankingPolicy,
    /// The Monte Carlo analysis of rank uncertainty.
    pub uncertainty: UncertaintyPolicy,
    /// The reporting currency of the finance measures.
    #[serde(skip_serializing_if = "super::FinancePolicy::is_default")]
    pub finance: super::FinancePolicy,
    /// How many indicators a programme score names as pulling it down most.
    /// Default 3.
    pub explain: usize,
    /// Weights of result levels, evidence grades of data sources and
    /// whether they weigh in. The default changes no score.
    #[serde(skip_serializing_if = "super::ResultsPolicy::is_default")]
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
            zero_floor: 0.01,
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
fn finite(field: &str, x: f64) -> Result<(), PolicyError> {
    Finite::new(x)
        .map(drop)
        .map_err(|e| invalid(field, e.expected(), x))
}

fn fraction_below_one(field: &str, x: f64) -> Result<(), PolicyError> {
    if (0.0..1.0).contains(&x) {
        Ok(())
    } else {
        Err(invalid(field, "a number from 0 up to (not including) 1", x))
    }
}

fn exponent(field: &str, method: Aggregation) -> Result<(), PolicyError> {
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

/// Which period's target an indicator's progress is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetRule {
    /// The target of the last period that has one (the end-of-programme
    /// target): progress is the share of the whole planned change achieved,
    /// and status compares it with the share of time elapsed. The default,
    /// as DESIGN §4 and TolaData's life-of-programme targets have it.
    #[default]
    Final,
    /// The target of the period whose actual is used: progress is
    /// achievement against the milestone due, comparable across programmes
    /// at different stages.
    SamePeriod,
}

crate::model::names::names!(TargetRule, "target rule" {
    Final = "final",
    SamePeriod = "same_period",
});

/// How indicator progress `p = (a − b)/(t − b)` is computed and capped.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ProgressPolicy {
    /// Which target counts. Default [`TargetRule::Final`].
    pub target: TargetRule,
    /// The lowest progress that counts in aggregation (`None`: no floor).
    /// Default 0: falling below the baseline scores as no progress.
    pub floor: Option<f64>,
    /// The highest progress that counts in aggregation (`None`: overshoot
    /// counts in full). Default 1: overshooting one target does not make up
    /// for missing another. Raw progress is always reported too.
    pub ceiling: Option<f64>,
}

impl Default for ProgressPolicy {
    fn default() -> Self {
        ProgressPolicy {
            target: TargetRule::Final,
            floor: Some(0.0),
            ceiling: Some(1.0),
        }
    }
}

impl ProgressPolicy {
    /// Raw progress capped to `[floor, ceiling]`.
    pub fn cap(&self, p: f64) -> f64 {
        let p = self.floor.map_or(p, |f| p.max(f));
        self.ceiling.map_or(p, |c| p.min(c))
    }

    fn check(&self) -> Result<(), PolicyError> {
        if let Some(f) = self.floor {
            finite("progress.floor", f)?;
        }
        if let Some(c) = self.ceiling {
            finite("progress.ceiling", c)?;
            if let Some(f) = self.floor
                && c <= f
            {
                return Err(invalid("progress.ceiling", "a ceiling above the floor", c));
            }
        }
        Ok(())
    }
}

/// RAG thresholds: how far progress may fall short of the time-based
/// expectation.
///
/// An indicator is *on track* when `p ≥ expected × (1 − tolerance)`, *at
/// risk* when `p ≥ expected × (1 − at_risk_tolerance)`, and *off track*
/// below that.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct StatusPolicy {
    /// The on-track tolerance, 0–1. Default 0.15: TolaData shows an
    /// indicator as on track within ±15% of its target.
    pub tolerance: Fraction,
    /// The at-risk tolerance, from `tolerance` to 1. Default 0.30 (twice
    /// the on-track band: our choice, to be set per programme).
    pub at_risk_tolerance: Fraction,
}

const ON_TRACK_TOLERANCE: Fraction = Fraction::constant(0.15);
const AT_RISK_TOLERANCE: Fraction = Fraction::constant(0.30);

impl Default for StatusPolicy {
    fn default() -> Self {
        StatusPolicy {
            tolerance: ON_TRACK_TOLERANCE,
            at_risk_tolerance: AT_RISK_TOLERANCE,
        }
    }
}

impl StatusPolicy {
    fn check(&self) -> Result<(), PolicyError> {
        if self.at_risk_tolerance < self.tolerance {
            return Err(invalid(
                "status.at_risk_tolerance",
                "a number at least the on-track tolerance",
                self.at_risk_tolerance,
            ));
        }
        Ok(())
    }
}

/// Default ordinal scales for indicators that carry none of their own. An
/// indicator's own [`scale`](crate::Indicator::scale) always wins.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ScalePolicy {
    /// For ordinal measures (labels worst first). Default none.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<Vec<String>>"))]
    pub ordinal: Option<OrdinalScale>,
    /// For qualitative measures (labels worst first). Default none.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<Vec<String>>"))]
    pub qualitative: Option<OrdinalScale>,
}

/// Whose weights count at a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weighting {
    /// The weights in the data (default).
    #[default]
    AsGiven,
    /// Every item weighs the same, whatever the data says.
    Equal,
}

crate::model::names::names!(Weighting, "weighting" {
    AsGiven = "as_given",
    Equal = "equal",
});

/// How one level is aggregated into the next.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct LevelPolicy {
    /// The mean. Default arithmetic.
    pub method: Aggregation,
    /// Whose weights. Default as given.
    pub weighting: Weighting,
}

impl LevelPolicy {
    /// A level aggregated by `method` with weights as given.
    pub fn new(method: Aggregation) -> Self {
        LevelPolicy {
            method,
            weighting: Weighting::AsGiven,
        }
    }

    /// Returns `self` with another weighting.
    #[must_use]
    pub fn with_weighting(mut self, weighting: Weighting) -> Self {
        self.weighting = weighting;
        self
    }

    /// The weight an item with data weight `w` gets.
    pub(crate) fn weight(&self, w: f64) -> f64 {
        match self.weighting {
            Weighting::AsGiven => w,
            Weighting::Equal => 1.0,
        }
    }

    fn check(&self, level: &str) -> Result<(), PolicyError> {
        exponent(&format!("{level}.method"), self.method)
    }
}

/// Weights of the six DAC criteria (relative, each a [`Weight`], so from 0
/// to 10⁶). Default 1 each: the OECD
/// (2019) presents the criteria as a set with no order of importance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are the criteria
pub struct CriterionWeights {
    pub relevance: Weight,
    pub coherence: Weight,
    pub effectiveness: Weight,
    pub efficiency: Weight,
    pub impact: Weight,
    pub sustainability: Weight,
}

impl Default for CriterionWeights {
    fn default() -> Self {
        CriterionWeights {
            relevance: Weight::ONE,
            coherence: Weight::ONE,
            effectiveness: Weight::ONE,
            efficiency: Weight::ONE,
            impact: Weight::ONE,
            sustainability: Weight::ONE,
        }
    }
}

impl CriterionWeights {
    /// The weight of `criterion`.
    pub fn get(&self, criterion: DacCriterion) -> f64 {
        match criterion {
            DacCriterion::Relevance => self.relevance.get(),
            DacCriterion::Coherence => self.coherence.get(),
            DacCriterion::Effectiveness => self.effectiveness.get(),
            DacCriterion::Efficiency => self.efficiency.get(),
            DacCriterion::Impact => self.impact.get(),
            DacCriterion::Sustainability => self.sustainability.get(),
        }
    }
}

/// How DAC criteria ratings combine into an evaluation score.
///
/// A programme's evaluation score comes from its latest evaluation (by
/// date; the later one listed when two share a date): each rating is mapped
/// onto 0–1 through the evaluation's own scale ([`OrdinalScale::score`]),
/// then the rated criteria are aggregated with their weights. Criteria not
/// rated take no part; coverage says how much of the weight was rated.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct EvaluationPolicy {
    /// The mean. Default arithmetic.
    pub method: Aggregation,
    /// The criteria weights. Default equal.
    pub weights: CriterionWeights,
}

impl EvaluationPolicy {
    fn check(&self) -> Result<(), PolicyError> {
        exponent("evaluation.method", self.method)?;
        Ok(())
    }
}

/// Risk bands on the 1–25 likelihood × impact scale: the lowest score of
/// each band above *low*, and how residual risks combine into an exposure.
/// Bands are policy data, never constants in code.
///
/// The default splits a 5 × 5 matrix the conventional way: low 1–4,
/// moderate 5–9, high 10–15, extreme 16–25 (so 4 × 4, 4 × 5 and 5 × 5 are
/// extreme).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct RiskBands {
    /// Where *moderate* starts. Default 5.
    pub moderate: f64,
    /// Where *high* starts. Default 10.
    pub high: f64,
    /// Where *extreme* starts. Default 16.
    pub extreme: f64,
    /// How counted residual risks combine into a programme's (and a
    /// component's) exposure. Default [`ExposureMethod::Union`](super::ExposureMethod::Union); see
    /// [`RiskProfile`](super::RiskProfile).
    pub exposure: super::ExposureMethod,
}

impl Default for RiskBands {
    fn default() -> Self {
        RiskBands {
            moderate: 5.0,
            high: 10.0,
            extreme: 16.0,
            exposure: super::ExposureMethod::Union,
        }
    }
}

impl RiskBands {
    fn check(&self) -> Result<(), PolicyError> {
        let ordered = 1.0 <= self.moderate
            && self.moderate <= self.high
            && self.high <= self.extreme
            && self.extreme <= 25.0;
        if ordered {
            Ok(())
        } else {
            Err(invalid(
                "risk",
                "band starts with 1 ≤ moderate ≤ high ≤ extreme ≤ 25",
                format!(
                    "moderate {}, high {}, extreme {}",
                    self.moderate, self.high, self.extreme
                ),
            ))
        }
    }
}

/// Thresholds of the stakeholder analyses, on the model's 1–5 levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct StakeholderPolicy {
    /// Influence from which a stakeholder has *high power* on the Mendelow
    /// grid and the *power* attribute of salience. Default 4 (above the
    /// midpoint of the scale).
    pub high_influence: u8,
    /// Interest from which a stakeholder has *high interest* on the
    /// Mendelow grid. Default 4.
    pub high_interest: u8,
    /// Interest from which a present stakeholder counts as engaged for
    /// inclusion (a working role also counts). Default 4.
    pub engaged_interest: u8,
}

impl Default for StakeholderPolicy {
    fn default() -> Self {
        StakeholderPolicy {
            high_influence: 4,
            high_interest: 4,
            engaged_interest: 4,
        }
    }
}

impl StakeholderPolicy {
    fn check(&self) -> Result<(), PolicyError> {
        for (field, v) in [
            ("stakeholders.high_influence", self.high_influence),
            ("stakeholders.high_interest", self.high_interest),
            ("stakeholders.engaged_interest", self.engaged_interest),
        ] {
            if !(1..=5).contains(&v) {
                return Err(invalid(field, "a level from 1 to 5", v));
            }
        }
        Ok(())
    }
}

/// Goalposts of a dimension, in its raw units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Goalposts {
    /// The low goalpost.
    pub low: f64,
    /// The high goalpost, above `low`.
    pub high: f64,
}

impl Goalposts {
    /// Goalposts `low` and `high`.
    pub fn new(low: f64, high: f64) -> Self {
        Goalposts { low, high }
    }
}

/// How one dimension takes part in the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct DimensionPolicy {
    /// Relative weight in the composite, from 0 to 10⁶. Default 1.
    pub weight: Weight,
    /// Goalposts for [`Normalisation::Goalposts`]. Default 0 and 1, the
    /// natural bounds of every dimension.
    pub goalposts: Goalposts,
    /// Target for [`Normalisation::DistanceToTarget`]; `None` (default)
    /// means the better goalpost.
    pub target: Option<f64>,
}

impl Default for DimensionPolicy {
    fn default() -> Self {
        DimensionPolicy {
            weight: Weight::ONE,
            goalposts: Goalposts::new(0.0, 1.0),
            target: None,
        }
    }
}

impl DimensionPolicy {
    /// Returns `self` with another weight.
    #[must_use]
    pub fn with_weight(mut self, weight: Weight) -> Self {
        self.weight = weight;
        self
    }

    fn check(&self, name: Dimension) -> Result<(), PolicyError> {
        let g = self.goalposts;
        let bounded = |x: f64| Finite::new(x).is_ok();
        if !(bounded(g.low) && bounded(g.high) && g.low < g.high) {
            return Err(invalid(
                format!("comparison.dimensions.{name}.goalposts"),
                "goalposts from -1e15 to 1e15 with low below high",
                format!("low {}, high {}", g.low, g.high),
            ));
        }
        if let Some(t) = self.target {
            finite(&format!("comparison.dimensions.{name}.target"), t)?;
        }
        Ok(())
    }
}

/// The five dimensions programmes are compared on, each with its weight.
/// Default: equal weights (the Handbook notes equal weighting is the most
/// common choice when there is no ground for another). Set a weight to 0 to
/// leave a dimension out, e.g. to rank on results alone.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are the dimensions, documented on `Dimension`
pub struct Dimensions {
    pub progress: DimensionPolicy,
    pub evaluation: DimensionPolicy,
    pub risk: DimensionPolicy,
    pub resistance: DimensionPolicy,
    pub inclusion: DimensionPolicy,
    /// Weight 0 by default (when the member is absent), so that composites
    /// are as they were before the dimension existed.
    pub finance: DimensionPolicy,
}

impl Default for Dimensions {
    fn default() -> Self {
        Dimensions {
            progress: DimensionPolicy::default(),
            evaluation: DimensionPolicy::default(),
            risk: DimensionPolicy::default(),
            resistance: DimensionPolicy::default(),
            inclusion: DimensionPolicy::default(),
            finance: DimensionPolicy::default().with_weight(Weight::ZERO),
        }
    }
}

impl Dimensions {
    /// The policy of `dimension`.
    pub fn get(&self, dimension: Dimension) -> &DimensionPolicy {
        match dimension {
            Dimension::Progress => &self.progress,
            Dimension::Evaluation => &self.evaluation,
            Dimension::Risk => &self.risk,
            Dimension::Resistance => &self.resistance,
            Dimension::Inclusion => &self.inclusion,
            Dimension::Finance => &self.finance,
        }
    }

    /// The policy of `dimension`, to change it.
    pub fn get_mut(&mut self, dimension: Dimension) -> &mut DimensionPolicy {
        match dimension {
            Dimension::Progress => &mut self.progress,
            Dimension::Evaluation => &mut self.evaluation,
            Dimension::Risk => &mut self.risk,
            Dimension::Resistance => &mut self.resistance,
            Dimension::Inclusion => &mut self.inclusion,
            Dimension::Finance => &mut self.finance,
        }
    }
}

/// How programmes are compared: normalisation, then a composite.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ComparisonPolicy {
    /// Default min-max to 0–100.
    pub normalisation: Normalisation,
    /// Default arithmetic mean.
    pub method: PortfolioAggregation,
    /// The dimensions' weights, goalposts and targets.
    pub dimensions: Dimensions,
}

impl ComparisonPolicy {
    fn check(&self) -> Result<(), PolicyError> {
        compatible(
            "comparison.method",
            self.normalisation,
            self.method,
            "the arithmetic mean or copeland with z-scores",
        )?;
        if let Some(m) = self.method.mean() {
            exponent("comparison.method", m)?;
        }
        for d in Dimension::ALL {
            self.dimensions.get(d).check(d)?;
        }
        Ok(())
    }
}

fn compatible(
    field: &str,
    normalisation: Normalisation,
    method: PortfolioAggregation,
    expected: &'static str,
) -> Result<(), PolicyError> {
    let needs = method.mean().is_some_and(Aggregation::needs_non_negative);
    if normalisation == Normalisation::ZScore && needs {
        Err(invalid(field, expected, format!("z_score with {method}")))
    } else {
        Ok(())
    }
}

/// The Monte Carlo analysis of rank uncertainty (Saisana, Saltelli &
/// Tarantola 2005; COINr `get_sensitivity`).
///
/// Each replication draws, uniformly and independently: one normalisation
/// from `normalisations`, one composite method from `methods`, a weight
/// multiplier `1 + weight_noise·u` (u uniform on [−1, 1]) for each pillar,
/// shared by every component of that pillar in every programme, and one for
/// each dimension. Programme scores are re-aggregated from their component
/// scores with the noisy weights, the comparison is re-run and programmes
/// are ranked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct UncertaintyPolicy {
    /// Number of replications, 1 to 1,000,000. Default 1,000.
    pub replications: usize,
    /// Seed of the ChaCha8 generator: the same seed gives the same
    /// statistics, bit for bit. Default 0.
    pub seed: u64,
    /// Relative noise on weights, from 0 up to 1. Default 0.25 (±25%, as in
    /// COINr's sensitivity examples).
    pub weight_noise: f64,
    /// Normalisations to draw from. Default min-max, goalposts, percentile
    /// rank.
    pub normalisations: Vec<Normalisation>,
    /// Composite methods to draw from. Default arithmetic and geometric.
    pub methods: Vec<PortfolioAggregation>,
}

impl Default for UncertaintyPolicy {
    fn default() -> Self {
        UncertaintyPolicy {
            replications: 1000,
            seed: 0,
            weight_noise: 0.25,
            normalisations: vec![
                Normalisation::MinMax,
                Normalisation::Goalposts,
                Normalisation::PercentileRank,
            ],
            methods: vec![
                PortfolioAggregation::Arithmetic,
                PortfolioAggregation::Geometric,
            ],
        }
    }
}

impl UncertaintyPolicy {
    fn check(&self) -> Result<(), PolicyError> {
        if !(1..=1_000_000).contains(&self.replications) {
            return Err(invalid(
                "uncertainty.replications",
                "from 1 to 1000000 replications",
                self.replications,
            ));
        }
        fraction_below_one("uncertainty.weight_noise", self.weight_noise)?;
        if self.normalisations.is_empty() {
            return Err(invalid(
                "uncertainty.normalisations",
                "at least one normalisation",
                "none",
            ));
        }
        if self.methods.is_empty() {
            return Err(invalid(
                "uncertainty.methods",
                "at least one method",
                "none",
            ));
        }
        for &m in &self.methods {
            if let Some(mean) = m.mean() {
                exponent("uncertainty.methods", mean)?;
            }
            for &n in &self.normalisations {
                compatible(
                    "uncertainty.methods",
                    n,
                    m,
                    "only the arithmetic mean or copeland when z_score is a normalisation",
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_is_valid() {
        assert_eq!(ScoringPolicy::default().check(), Ok(()));
    }

    #[test]
    fn z_score_with_geometric_is_refused() {
        let mut p = ScoringPolicy::default();
        p.comparison.normalisation = Normalisation::ZScore;
        p.comparison.method = PortfolioAggregation::Geometric;
        assert!(p.check().is_err());
        p.comparison.method = PortfolioAggregation::Copeland;
        assert_eq!(p.check(), Ok(()));
        p.uncertainty.normalisations.push(Normalisation::ZScore);
        let err = p.check().unwrap_err().to_string();
        assert!(err.contains("uncertainty.methods"), "{err}");
    }

    #[test]
    fn out_of_range_values_are_refused() {
        let mut p = ScoringPolicy::default();
        p.risk.high = 30.0;
        assert!(p.check().is_err());
        let mut p = ScoringPolicy::default();
        p.stakeholders.high_interest = 0;
        assert!(p.check().is_err());
        let mut p = ScoringPolicy::default();
        p.progress.ceiling = Some(-1.0);
        assert!(p.check().is_err());
        let mut p = ScoringPolicy::default();
        p.components.method = Aggregation::Power(f64::NAN);
        assert!(p.check().is_err());
        let mut p = ScoringPolicy::default();
        p.uncertainty.weight_noise = 1.0;
        assert!(p.check().is_err());
    }

    #[cfg(feature = "json")]
    #[test]
    fn weights_and_fractions_are_refused_as_they_are_read() {
        for (text, path, bound) in [
            (
                r#"{"comparison": {"dimensions": {"risk": {"weight": 2e6}}}}"#,
                "/comparison/dimensions/risk/weight",
                "from 0 to 1e6",
            ),
            (
                r#"{"evaluation": {"weights": {"impact": -1}}}"#,
                "/evaluation/weights/impact",
                "from 0 to 1e6",
            ),
            (
                r#"{"status": {"tolerance": 1.5}}"#,
                "/status/tolerance",
                "from 0 to 1",
            ),
        ] {
            match ScoringPolicy::from_json(text).unwrap_err() {
                PolicyError::Parse { path: p, message } => {
                    assert_eq!(p, path);
                    assert!(message.contains(bound), "{message}");
                }
                other => panic!("{other}"),
            }
        }
        let p = ScoringPolicy::from_json(
            r#"{"comparison": {"dimensions": {"risk": {"weight": 1e6}}}}"#,
        )
        .unwrap();
        assert_eq!(
            p.comparison.dimensions.risk.weight,
            Weight::new(1e6).unwrap()
        );
    }

    #[test]
    fn bounds_of_the_input_domain_are_named() {
        let mut p = ScoringPolicy::default();
        p.comparison.dimensions.inclusion.goalposts = Goalposts::new(-1e16, 1.0);
        let err = p.check().unwrap_err().to_string();
        assert!(err.contains("-1e15 to 1e15"), "{err}");
        let mut p = ScoringPolicy::default();
        p.comparison.dimensions.inclusion.target = Some(1e300);
        let err = p.check().unwrap_err().to_string();
        assert!(err.contains("-1e15 to 1e15"), "{err}");
        for (q, ok) in [(100.0, true), (-100.0, true), (100.5, false), (-1e6, false)] {
            let mut p = ScoringPolicy::default();
            p.indicators.method = Aggregation::Power(q);
            assert_eq!(p.check().is_ok(), ok, "{q}");
            if !ok {
                let err = p.check().unwrap_err().to_string();
                assert!(err.contains("1e-6 to 100"), "{err}");
            }
        }
    }

    #[cfg(feature = "json")]
    #[test]
    fn policy_round_trips_through_json() {
        let p = ScoringPolicy::default();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(ScoringPolicy::from_json(&json).unwrap(), p);
        let err = ScoringPolicy::from_json(r#"{"status": {"tolerance": "x"}}"#).unwrap_err();
        match err {
            PolicyError::Parse { path, .. } => assert_eq!(path, "/status/tolerance"),
            other => panic!("{other}"),
        }
    }
}
