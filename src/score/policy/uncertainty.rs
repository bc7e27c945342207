//! The Monte Carlo analysis of rank uncertainty.

use crate::Finding;
use serde::{Deserialize, Serialize};

use super::comparison::compatible;
use super::{exponent, fraction_below_one, invalid};
use crate::Fraction;
use crate::score::{Normalisation, PortfolioAggregation};

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
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::ScoringPolicy;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let portfolio = synthetic(&Synthetic::new(6).with_components(2).with_indicators(1).with_periods(2));
/// let mut policy = ScoringPolicy::default();
/// policy.uncertainty.replications = 200;
/// policy.uncertainty.seed = 42;
/// let scorer = Scorer::new(policy.clone())?;
/// let card = scorer.scorecard(&portfolio);
/// let ranks = scorer.rank_uncertainty(&card);
/// assert_eq!((ranks.replications, ranks.seed), (200, 42));
/// assert_eq!(ranks, scorer.rank_uncertainty(&card)); // seeded: the same, bit for bit
///
/// policy.uncertainty.replications = 0;
/// assert!(Scorer::new(policy).is_err());
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
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
    pub weight_noise: Fraction,
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
            weight_noise: Fraction::constant(0.25),
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
    pub(super) fn check(&self, found: &mut Vec<Finding>) {
        if !(1..=1_000_000).contains(&self.replications) {
            found.push(invalid(
                "uncertainty.replications",
                "from 1 to 1000000 replications",
                self.replications,
            ));
        }
        found.extend(fraction_below_one("uncertainty.weight_noise", self.weight_noise).err());
        if self.normalisations.is_empty() {
            found.push(invalid(
                "uncertainty.normalisations",
                "at least one normalisation",
                "none",
            ));
        }
        if self.methods.is_empty() {
            found.push(invalid(
                "uncertainty.methods",
                "at least one method",
                "none",
            ));
        }
        for &m in &self.methods {
            if let Some(mean) = m.mean() {
                found.extend(exponent("uncertainty.methods", mean).err());
            }
            for &n in &self.normalisations {
                let compatible = compatible(
                    "uncertainty.methods",
                    n,
                    m,
                    "only the arithmetic mean or copeland when z_score is a normalisation",
                );
                found.extend(compatible.err());
            }
        }
    }
}
