//! How programmes are compared: the dimensions' weights, goalposts and
//! targets, the normalisation and the composite.

use crate::Finding;
use serde::{Deserialize, Serialize};

use super::{exponent, finite, invalid};
use crate::score::{Aggregation, Dimension, Normalisation, PortfolioAggregation};
use crate::{Finite, Weight};

/// Goalposts of a dimension, in its raw units.
///
/// ```
/// use ssr_model::score::compare::{Dimension, Normalisation};
/// use ssr_model::score::policy::{Goalposts, ScoringPolicy};
/// use ssr_model::Scorer;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let mut policy = ScoringPolicy::default();
/// policy.comparison.normalisation = Normalisation::Goalposts;
/// policy.comparison.dimensions.progress.goalposts = Goalposts::new(0.2, 0.8);
/// let portfolio = synthetic(&Synthetic::new(5).with_components(2).with_indicators(2).with_periods(2));
/// let card = Scorer::new(policy)?.scorecard(&portfolio);
/// for row in card.comparison.rows.iter().filter(|r| r.rank.is_some()) {
///     let raw = row.raw.get(Dimension::Progress).ok_or("no progress")?;
///     let expected = ((raw - 0.2) / 0.6 * 100.0).clamp(0.0, 100.0); // truncated at the goalposts
///     assert!((row.normalised.get(Dimension::Progress).ok_or("no value")? - expected).abs() < 1e-9);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// ```
/// use ssr_model::model::Weight;
/// use ssr_model::score::policy::{DimensionPolicy, Goalposts};
///
/// let policy = DimensionPolicy::default();
/// assert_eq!(policy.weight.get(), 1.0);
/// assert_eq!(policy.goalposts, Goalposts::new(0.0, 1.0));
/// assert_eq!(policy.target, None); // the better goalpost
/// let heavier = DimensionPolicy::default().with_weight(Weight::new(2.0)?);
/// assert_eq!(heavier.weight.get(), 2.0);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
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
    pub fn with_weight(mut self, weight: impl Into<Weight>) -> Self {
        self.weight = weight.into();
        self
    }

    pub(super) fn check(&self, name: Dimension, found: &mut Vec<Finding>) {
        let g = self.goalposts;
        let bounded = |x: f64| Finite::new(x).is_ok();
        if !(bounded(g.low) && bounded(g.high) && g.low < g.high) {
            found.push(invalid(
                &format!("comparison.dimensions.{name}.goalposts"),
                "goalposts from -1e15 to 1e15 with low below high",
                format!("low {}, high {}", g.low, g.high),
            ));
        }
        if let Some(t) = self.target {
            found.extend(finite(&format!("comparison.dimensions.{name}.target"), t).err());
        }
    }
}

/// The five dimensions programmes are compared on, each with its weight.
/// Default: equal weights (the Handbook notes equal weighting is the most
/// common choice when there is no ground for another). Set a weight to 0 to
/// leave a dimension out, e.g. to rank on results alone.
///
/// Ranking on results alone:
///
/// ```
/// use ssr_model::model::Weight;
/// use ssr_model::score::compare::Dimension;
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::ScoringPolicy;
///
/// let mut policy = ScoringPolicy::default();
/// for dimension in Dimension::ALL {
///     if dimension != Dimension::Progress {
///         policy.comparison.dimensions.get_mut(dimension).weight = Weight::ZERO;
///     }
/// }
/// assert_eq!(policy.comparison.dimensions.get(Dimension::Risk).weight, Weight::ZERO);
/// let card = Scorer::new(policy)?.scorecard(&ssr_model::samples::portfolio());
/// for row in &card.comparison.rows {
///     // The composite is the normalised results score.
///     assert_eq!(row.composite, row.normalised.get(Dimension::Progress));
/// }
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
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
///
/// ```
/// use ssr_model::score::policy::{ComparisonPolicy, ScoringPolicy};
/// use ssr_model::score::compare::{Normalisation, PortfolioAggregation};
/// use ssr_model::Scorer;
///
/// let default = ComparisonPolicy::default();
/// assert_eq!((default.normalisation, default.method), (Normalisation::MinMax, PortfolioAggregation::Arithmetic));
///
/// // Copeland's pairwise majority instead of a mean.
/// let mut policy = ScoringPolicy::default();
/// policy.comparison.method = PortfolioAggregation::Copeland;
/// let card = Scorer::new(policy)?.scorecard(&ssr_model::samples::portfolio());
/// let mut ranks: Vec<u32> = card.comparison.rows.iter().filter_map(|r| r.rank).collect();
/// ranks.sort();
/// assert_eq!(ranks.first(), Some(&1));
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
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
    pub(super) fn check(&self, found: &mut Vec<Finding>) {
        let compatible = compatible(
            "comparison.method",
            self.normalisation,
            self.method,
            "the arithmetic mean or copeland with z-scores",
        );
        found.extend(compatible.err());
        if let Some(m) = self.method.mean() {
            found.extend(exponent("comparison.method", m).err());
        }
        for d in Dimension::ALL {
            self.dimensions.get(d).check(d, found);
        }
    }
}

pub(super) fn compatible(
    field: &str,
    normalisation: Normalisation,
    method: PortfolioAggregation,
    expected: &'static str,
) -> Result<(), Finding> {
    let needs = method.mean().is_some_and(Aggregation::needs_non_negative);
    if normalisation == Normalisation::ZScore && needs {
        Err(invalid(field, expected, format!("z_score with {method}")))
    } else {
        Ok(())
    }
}
