//! The variance-based sensitivity analysis of the ranking: which of the
//! composite's choices the ranks depend on.

use serde::{Deserialize, Serialize};

use super::comparison::compatible;
use super::{ScoringPolicy, exponent, invalid};
use crate::Finding;
use crate::model::ResultLevel;
use crate::score::{Dimension, Imputation, Normalisation, PortfolioAggregation};

/// The largest number of base samples: `N · (k + 2)` runs are kept in memory.
pub const MAX_BASE_SAMPLES: usize = 1 << 20;

/// The largest number of bootstrap resamples.
pub const MAX_RESAMPLES: usize = 10_000;

/// The largest weight a factor's range may reach, as a dimension's weight.
const MAX_WEIGHT: f64 = 1e6;

/// One choice of the composite left uncertain in a sensitivity analysis:
/// a range a number is drawn from uniformly, or a list of options drawn
/// with equal chance. Every choice not named keeps the policy's value.
///
/// In JSON, the member `factor` names the kind:
///
/// ```
/// use ssr_model::score::policy::SensitivityFactor;
///
/// # #[cfg(feature = "json")] {
/// let f: SensitivityFactor = serde_json::from_str(
///     r#"{"factor": "weight", "dimension": "risk", "low": 0.5, "high": 2}"#,
/// )?;
/// assert_eq!(f.name(), "weight:risk");
/// let f: SensitivityFactor = serde_json::from_str(
///     r#"{"factor": "drop_dimension", "options": ["risk", "finance"]}"#,
/// )?;
/// assert_eq!(f.name(), "drop_dimension");
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "factor", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum SensitivityFactor {
    /// A dimension's weight in the composite, from `low` to `high`
    /// (0 to 10⁶).
    Weight {
        /// The dimension.
        dimension: Dimension,
        /// The lowest weight.
        low: f64,
        /// The highest weight, above `low`.
        high: f64,
    },
    /// The normalisation, one of `options`.
    Normalisation {
        /// The normalisations drawn from.
        options: Vec<Normalisation>,
    },
    /// The composite method, one of `options`.
    Aggregation {
        /// The methods drawn from.
        options: Vec<PortfolioAggregation>,
    },
    /// The treatment of missing dimensions, one of `options`.
    Imputation {
        /// The imputations drawn from.
        options: Vec<Imputation>,
    },
    /// The weight of a result level in the results score (as
    /// [`ResultsPolicy`](super::ResultsPolicy)'s `output`, `outcome`,
    /// `impact`), from `low` to `high` (0 to 10⁶).
    LevelWeight {
        /// The result level.
        level: ResultLevel,
        /// The lowest weight.
        low: f64,
        /// The highest weight, above `low`.
        high: f64,
    },
    /// The on-track tolerance of the status bands, from `low` to `high`
    /// (from 0, up to the at-risk tolerance). It sets each indicator's
    /// status, not its progress: no composite depends on it, and its
    /// indices are 0 (stated rather than assumed: a test holds it).
    OnTrackTolerance {
        /// The lowest tolerance.
        low: f64,
        /// The highest tolerance, above `low`.
        high: f64,
    },
    /// Leaving one dimension out (weight 0): `none` or one of `options`,
    /// each with the same chance.
    DropDimension {
        /// The dimensions that may be left out.
        options: Vec<Dimension>,
    },
}

impl SensitivityFactor {
    /// The factor's name in the sensitivity table: the kind, and for a
    /// weight its dimension or level (`weight:progress`,
    /// `level_weight:outcome`).
    pub fn name(&self) -> String {
        match self {
            SensitivityFactor::Weight { dimension, .. } => format!("weight:{dimension}"),
            SensitivityFactor::Normalisation { .. } => "normalisation".to_owned(),
            SensitivityFactor::Aggregation { .. } => "aggregation".to_owned(),
            SensitivityFactor::Imputation { .. } => "imputation".to_owned(),
            SensitivityFactor::LevelWeight { level, .. } => format!("level_weight:{level}"),
            SensitivityFactor::OnTrackTolerance { .. } => "on_track_tolerance".to_owned(),
            SensitivityFactor::DropDimension { .. } => "drop_dimension".to_owned(),
        }
    }

    fn check(&self, at: &str, policy: &ScoringPolicy, found: &mut Vec<Finding>) {
        let range = |low: f64, high: f64, max: f64, expected, found: &mut Vec<Finding>| {
            if !(low.is_finite() && high.is_finite() && 0.0 <= low && low < high && high <= max) {
                found.push(invalid(at, expected, format!("low {low}, high {high}")));
            }
        };
        let empty = |n: usize, found: &mut Vec<Finding>| {
            if n == 0 {
                found.push(invalid(
                    &format!("{at}.options"),
                    "at least one option",
                    "none",
                ));
            }
        };
        match self {
            SensitivityFactor::Weight { low, high, .. }
            | SensitivityFactor::LevelWeight { low, high, .. } => range(
                *low,
                *high,
                MAX_WEIGHT,
                "a weight range from 0 to 1e6 with low below high",
                found,
            ),
            SensitivityFactor::OnTrackTolerance { low, high } => range(
                *low,
                *high,
                policy.status.at_risk_tolerance.get(),
                "a tolerance range from 0 to the at-risk tolerance with low below high",
                found,
            ),
            SensitivityFactor::Normalisation { options } => empty(options.len(), found),
            SensitivityFactor::Imputation { options } => empty(options.len(), found),
            SensitivityFactor::DropDimension { options } => empty(options.len(), found),
            SensitivityFactor::Aggregation { options } => {
                empty(options.len(), found);
                for m in options.iter().filter_map(|m| m.mean()) {
                    found.extend(exponent(&format!("{at}.options"), m).err());
                }
            }
        }
    }
}

/// A variance-based sensitivity analysis of the ranking (Sobol indices;
/// see [`score::sensitivity`](crate::score::sensitivity)): the factors
/// left uncertain, the number of base samples, the seed and the number of
/// bootstrap resamples. Absent from a policy (the default), no analysis
/// runs and nothing else changes.
///
/// ```
/// use ssr_model::score::policy::{ScoringPolicy, SensitivityFactor, SensitivityPolicy};
/// use ssr_model::score::compare::Dimension;
///
/// # #[cfg(feature = "json")] {
/// let policy = ScoringPolicy::from_json(r#"{"sensitivity": {
///     "samples": 128,
///     "factors": [
///         {"factor": "weight", "dimension": "progress", "low": 0.5, "high": 2},
///         {"factor": "normalisation", "options": ["min_max", "percentile_rank"]}
///     ]
/// }}"#)?;
/// let sensitivity = policy.sensitivity.as_ref().ok_or("no sensitivity")?;
/// assert_eq!((sensitivity.samples, sensitivity.seed, sensitivity.resamples), (128, 0, 100));
/// assert_eq!(sensitivity.factors.len(), 2);
/// // An empty range is refused, at its JSON Pointer.
/// let err = ScoringPolicy::from_json(r#"{"sensitivity": {"factors": [
///     {"factor": "weight", "dimension": "risk", "low": 2, "high": 1}
/// ]}}"#).unwrap_err();
/// assert!(err.to_string().contains("/sensitivity/factors/0"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct SensitivityPolicy {
    /// The number of base samples `N`, 2 to 1,048,576: the model runs
    /// `N · (k + 2)` times for `k` factors. Default 512.
    pub samples: usize,
    /// Seed of the ChaCha8 stream of the design and the bootstrap: the same
    /// seed gives the same indices, bit for bit. Default 0.
    pub seed: u64,
    /// Bootstrap resamples behind each interval, 2 to 10,000. Default 100
    /// (SALib's default).
    pub resamples: usize,
    /// The factors, at least one, each kind (and each dimension's or
    /// level's weight) at most once. Default none.
    pub factors: Vec<SensitivityFactor>,
}

impl Default for SensitivityPolicy {
    fn default() -> Self {
        SensitivityPolicy {
            samples: 512,
            seed: 0,
            resamples: 100,
            factors: Vec::new(),
        }
    }
}

impl SensitivityPolicy {
    /// The policy with `factors` and the default sizes.
    ///
    /// ```
    /// use ssr_model::score::policy::{SensitivityFactor, SensitivityPolicy};
    /// use ssr_model::score::compare::Normalisation;
    ///
    /// let p = SensitivityPolicy::new(vec![SensitivityFactor::Normalisation {
    ///     options: vec![Normalisation::MinMax, Normalisation::ZScore],
    /// }]);
    /// assert_eq!((p.samples, p.factors.len()), (512, 1));
    /// ```
    pub fn new(factors: Vec<SensitivityFactor>) -> Self {
        SensitivityPolicy {
            factors,
            ..SensitivityPolicy::default()
        }
    }

    /// Returns `self` with `samples` base samples.
    #[must_use]
    pub fn with_samples(mut self, samples: usize) -> Self {
        self.samples = samples;
        self
    }

    /// Returns `self` with another seed.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    pub(super) fn check(&self, policy: &ScoringPolicy, found: &mut Vec<Finding>) {
        if !(2..=MAX_BASE_SAMPLES).contains(&self.samples) {
            found.push(invalid(
                "sensitivity.samples",
                "from 2 to 1048576 base samples",
                self.samples,
            ));
        }
        if !(2..=MAX_RESAMPLES).contains(&self.resamples) {
            found.push(invalid(
                "sensitivity.resamples",
                "from 2 to 10000 resamples",
                self.resamples,
            ));
        }
        if self.factors.is_empty() {
            found.push(invalid(
                "sensitivity.factors",
                "at least one factor",
                "none",
            ));
        }
        for (i, f) in self.factors.iter().enumerate() {
            let at = format!("sensitivity.factors.{i}");
            f.check(&at, policy, found);
            if self.factors.iter().take(i).any(|g| g.name() == f.name()) {
                found.push(invalid(&at, "each factor at most once", f.name()));
            }
        }
        let normalisations = self.normalisations(policy);
        for m in self.methods(policy) {
            for &n in &normalisations {
                let ok = compatible(
                    "sensitivity.factors",
                    n,
                    m,
                    "only the arithmetic mean or copeland drawn with z_score",
                );
                found.extend(ok.err());
            }
        }
    }

    /// The normalisations drawn from: the factor's options, else the
    /// policy's own.
    pub(crate) fn normalisations(&self, policy: &ScoringPolicy) -> Vec<Normalisation> {
        self.factors
            .iter()
            .find_map(|f| match f {
                SensitivityFactor::Normalisation { options } => Some(options.clone()),
                _ => None,
            })
            .unwrap_or_else(|| vec![policy.comparison.normalisation])
    }

    /// The composite methods drawn from: the factor's options, else the
    /// policy's own.
    pub(crate) fn methods(&self, policy: &ScoringPolicy) -> Vec<PortfolioAggregation> {
        self.factors
            .iter()
            .find_map(|f| match f {
                SensitivityFactor::Aggregation { options } => Some(options.clone()),
                _ => None,
            })
            .unwrap_or_else(|| vec![policy.comparison.method])
    }

    /// The imputations drawn from: the factor's options, else the
    /// policy's own.
    pub(crate) fn imputations(&self, policy: &ScoringPolicy) -> Vec<Imputation> {
        self.factors
            .iter()
            .find_map(|f| match f {
                SensitivityFactor::Imputation { options } => Some(options.clone()),
                _ => None,
            })
            .unwrap_or_else(|| vec![policy.ranking.imputation])
    }
}

impl SensitivityPolicy {
    /// The factors a reviewer asks about first, for `policy`: each
    /// weighted dimension's weight from half to one and a half times its
    /// own, the normalisation (min-max, goalposts, percentile rank), the
    /// composite (arithmetic, geometric) and leaving one weighted
    /// dimension out.
    ///
    /// ```
    /// use ssr_model::score::policy::{ScoringPolicy, SensitivityPolicy};
    ///
    /// let standard = SensitivityPolicy::standard(&ScoringPolicy::default());
    /// // Five weighted dimensions (finance weighs 0), normalisation, aggregation, drop one.
    /// assert_eq!(standard.factors.len(), 8);
    /// let mut policy = ScoringPolicy::default();
    /// policy.sensitivity = Some(standard);
    /// assert!(policy.check().is_ok());
    /// ```
    pub fn standard(policy: &ScoringPolicy) -> SensitivityPolicy {
        let weighted: Vec<Dimension> = Dimension::ALL
            .into_iter()
            .filter(|&d| policy.comparison.dimensions.get(d).weight.get() > 0.0)
            .collect();
        let mut factors: Vec<SensitivityFactor> = weighted
            .iter()
            .map(|&d| {
                let w = policy.comparison.dimensions.get(d).weight.get();
                SensitivityFactor::Weight {
                    dimension: d,
                    low: 0.5 * w,
                    high: (1.5 * w).min(1e6),
                }
            })
            .collect();
        factors.push(SensitivityFactor::Normalisation {
            options: vec![
                Normalisation::MinMax,
                Normalisation::Goalposts,
                Normalisation::PercentileRank,
            ],
        });
        factors.push(SensitivityFactor::Aggregation {
            options: vec![
                PortfolioAggregation::Arithmetic,
                PortfolioAggregation::Geometric,
            ],
        });
        if !weighted.is_empty() {
            factors.push(SensitivityFactor::DropDimension { options: weighted });
        }
        SensitivityPolicy::new(factors)
    }
}
