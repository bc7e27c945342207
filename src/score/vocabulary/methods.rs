//! The methods a scoring policy chooses between, as plain names: how a
//! portfolio's composite aggregates, how missing dimensions are imputed,
//! how residual risks combine into an exposure.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::score::aggregate::Aggregation;

/// How normalised dimensions combine into a composite: a weighted mean, or
/// Copeland's non-compensatory pairwise rule.
///
/// **Copeland** (as in the OECD/JRC Handbook §6.2 and COINr's outranking
/// aggregation): programme A beats B when the weight of the dimensions on
/// which A is better (ties counting half) exceeds that on which B is better,
/// counting dimensions both have. A's score is its wins minus its losses.
/// No margin on one dimension makes up for another. Only the order of the
/// normalised values counts, so min-max, z-scores and percentile ranks give
/// the same result; goalposts (truncated) and distance to target (capped)
/// can differ from them, since they tie programmes beyond a goalpost or the
/// target. It costs O(n²) per ranking.
///
/// In JSON: `"arithmetic"`, `"geometric"`, `"harmonic"`, `{"power": p}` or
/// `"copeland"`.
///
/// ```
/// use ssr_model::score::programme::Aggregation;
/// use ssr_model::score::compare::PortfolioAggregation;
///
/// assert_eq!(PortfolioAggregation::Geometric.mean(), Some(Aggregation::Geometric));
/// assert_eq!(PortfolioAggregation::Copeland.mean(), None); // pairwise, not a mean
/// assert_eq!(PortfolioAggregation::Copeland.to_string(), "copeland");
/// assert_eq!(PortfolioAggregation::default(), PortfolioAggregation::Arithmetic);
/// // FromStr reads what Display writes.
/// assert_eq!("copeland".parse::<PortfolioAggregation>().ok(), Some(PortfolioAggregation::Copeland));
/// assert_eq!("power -1".parse::<PortfolioAggregation>().ok(), Some(PortfolioAggregation::Power(-1.0)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PortfolioAggregation {
    /// Weighted arithmetic mean (default).
    #[default]
    Arithmetic,
    /// Weighted geometric mean (zero rule: see [`Aggregation`]).
    Geometric,
    /// Weighted harmonic mean.
    Harmonic,
    /// Weighted generalised mean with exponent `p`.
    Power(f64),
    /// Copeland's pairwise majority: wins minus losses.
    Copeland,
}

impl PortfolioAggregation {
    /// The mean this method is, or `None` for Copeland.
    pub fn mean(self) -> Option<Aggregation> {
        match self {
            PortfolioAggregation::Arithmetic => Some(Aggregation::Arithmetic),
            PortfolioAggregation::Geometric => Some(Aggregation::Geometric),
            PortfolioAggregation::Harmonic => Some(Aggregation::Harmonic),
            PortfolioAggregation::Power(p) => Some(Aggregation::Power(p)),
            PortfolioAggregation::Copeland => None,
        }
    }
}

impl fmt::Display for PortfolioAggregation {
    /// The mean's name ([`Aggregation`]'s), or `copeland`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.mean() {
            Some(mean) => mean.fmt(f),
            None => f.write_str("copeland"),
        }
    }
}

impl std::str::FromStr for PortfolioAggregation {
    type Err = crate::ValueError;

    /// Reads what `Display` writes: a mean as [`Aggregation`] reads it, or
    /// `copeland`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "copeland" {
            return Ok(PortfolioAggregation::Copeland);
        }
        let mean = s.parse::<Aggregation>().map_err(|_| {
            crate::ValueError::new(
                "portfolio aggregation",
                "arithmetic, geometric, harmonic, power p (|p| at most 100) or copeland",
                format!("{s:?}"),
            )
        })?;
        Ok(match mean {
            Aggregation::Arithmetic => PortfolioAggregation::Arithmetic,
            Aggregation::Geometric => PortfolioAggregation::Geometric,
            Aggregation::Harmonic => PortfolioAggregation::Harmonic,
            Aggregation::Power(p) => PortfolioAggregation::Power(p),
        })
    }
}

/// How a ranked programme's missing dimensions enter its composite.
///
/// In JSON: `"none"`, `"mean"` or `"minimum"`.
///
/// ```
/// use ssr_model::score::policy::{Imputation, ScoringPolicy};
/// use ssr_model::Scorer;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let plain = Scorer::default().scorecard(&portfolio);
/// // A ranked sample programme lacks a dimension: by default it is left out.
/// let gap = plain.comparison.rows.iter().position(|r| r.rank.is_some() && !r.missing.is_empty())
///     .ok_or("every ranked programme has every dimension")?;
/// assert!(plain.comparison.rows[gap].imputed.is_empty());
///
/// let mut policy = ScoringPolicy::default();
/// policy.ranking.imputation = Imputation::Mean;
/// let imputed = Scorer::new(policy)?.scorecard(&portfolio);
/// let row = &imputed.comparison.rows[gap];
/// assert_eq!(row.imputed, row.missing); // filled in, and the output says so
/// assert_ne!(row.composite, plain.comparison.rows[gap].composite);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Imputation {
    /// Not imputed: the composite is over the dimensions present, their
    /// weights shared out (default).
    #[default]
    None,
    /// The mean normalised value of the ranked programmes that have the
    /// dimension (COINr's `i_mean` over the group compared).
    Mean,
    /// The lowest normalised value among the ranked programmes: a missing
    /// value scores as the worst observed.
    Minimum,
}

crate::model::names::names!(Imputation, "imputation" {
    None = "none",
    Mean = "mean",
    Minimum = "minimum",
});

/// How counted residual risks combine into an exposure on 0–1.
///
/// In JSON: `"union"` or `"maximum"`.
///
/// ```
/// use ssr_model::score::policy::ExposureMethod;
///
/// // One risk of 25 and nine of 1 (on 0–25).
/// let risks = [25.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
/// assert_eq!(ExposureMethod::Union.combine(risks), Some(1.0));
/// assert_eq!(ExposureMethod::Maximum.combine(risks), Some(1.0));
/// // 1 − (1 − 0.4)(1 − 0.2) = 0.52.
/// assert!((ExposureMethod::Union.combine([10.0, 5.0]).unwrap() - 0.52).abs() < 1e-12);
/// assert_eq!(ExposureMethod::Maximum.combine([10.0, 5.0]), Some(0.4));
/// assert_eq!(ExposureMethod::Union.combine([]), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExposureMethod {
    /// The probabilistic union `1 − Π(1 − rᵢ/25)` (default).
    #[default]
    Union,
    /// The largest residual, `max rᵢ/25`.
    Maximum,
}

impl ExposureMethod {
    /// The exposure of residuals on 0–25; `None` without any.
    pub fn combine(self, residuals: impl IntoIterator<Item = f64>) -> Option<f64> {
        let mut shares = residuals.into_iter().map(|r| (r / 25.0).clamp(0.0, 1.0));
        let first = shares.next()?;
        Some(match self {
            ExposureMethod::Union => 1.0 - shares.fold(1.0 - first, |left, r| left * (1.0 - r)),
            ExposureMethod::Maximum => shares.fold(first, f64::max),
        })
    }
}

crate::model::names::names!(ExposureMethod, "exposure method" {
    Union = "union",
    Maximum = "maximum",
});
