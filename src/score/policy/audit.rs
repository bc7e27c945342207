//! The composite's own audit: the thresholds of its coherence findings, and
//! two opt-in treatments (outliers, screening). The defaults only report:
//! no default moves a score.

use serde::{Deserialize, Serialize};

use super::invalid;
use crate::Finding;
use crate::score::Normalisation;

/// The composite's statistical audit: coherence thresholds, the treatment
/// of outliers and the screening of sparse programmes and dimensions (see
/// [`score::audit`](crate::score::audit)).
///
/// The coherence thresholds only decide which findings are reported; the
/// outlier treatment and the screening are off by default and, when chosen,
/// record every value and programme they change.
///
/// ```
/// use ssr_model::score::policy::{AuditPolicy, OutlierTreatment, ScoringPolicy};
///
/// let audit = AuditPolicy::default();
/// assert_eq!(audit.coherence.max_pair_correlation, 0.9);
/// assert_eq!(audit.outliers.treatment, OutlierTreatment::None);
/// assert_eq!(audit.screening.min_programme_coverage, 0.0);
/// # #[cfg(feature = "json")] {
/// let p = ScoringPolicy::from_json(r#"{"audit": {"outliers": {"treatment": "winsorise"}}}"#)?;
/// assert_eq!(p.audit.outliers.treatment, OutlierTreatment::Winsorise);
/// assert_eq!(p.audit.outliers.max_winsorised, 5); // the default
/// # }
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct AuditPolicy {
    /// When the coherence of the dimensions is worth a finding.
    pub coherence: CoherencePolicy,
    /// How outlying raw values are treated before normalisation. Default:
    /// not at all.
    pub outliers: OutlierPolicy,
    /// Programmes and dimensions left out for want of data. Default: none.
    pub screening: ScreeningPolicy,
}

impl AuditPolicy {
    /// Whether the policy is the default (then a scoring policy written as
    /// JSON leaves it out).
    pub(crate) fn is_default(&self) -> bool {
        *self == AuditPolicy::default()
    }

    /// Checks the thresholds, and that a log transform meets only
    /// normalisations that read any scale (min-max, z-scores, percentile
    /// ranks): goalposts and targets are in the raw units, which a log
    /// transform leaves.
    pub(crate) fn check(&self, policy: &super::ScoringPolicy, found: &mut Vec<Finding>) {
        self.coherence.check(found);
        self.outliers.check(found);
        self.screening.check(found);
        let logs = matches!(
            self.outliers.treatment,
            OutlierTreatment::Log | OutlierTreatment::WinsoriseThenLog
        );
        let absolute = |n: &Normalisation| {
            matches!(
                n,
                Normalisation::Goalposts | Normalisation::DistanceToTarget
            )
        };
        let normalisations = std::iter::once(&policy.comparison.normalisation)
            .chain(&policy.uncertainty.normalisations);
        if logs && normalisations.into_iter().any(absolute) {
            found.push(invalid(
                "audit.outliers.treatment",
                "winsorise (or none) when goalposts or distance_to_target normalise the \
                 comparison or a Monte Carlo replication",
                self.outliers.treatment,
            ));
        }
    }
}

/// The thresholds of the coherence findings (they report; they change no
/// score). Correlations here are Pearson's, COINr's default.
///
/// ```
/// use ssr_model::score::policy::CoherencePolicy;
///
/// let c = CoherencePolicy::default();
/// assert_eq!((c.min_composite_correlation, c.max_pair_correlation, c.min_alpha), (0.0, 0.9, 0.7));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct CoherencePolicy {
    /// A dimension whose correlation with the composite is below this
    /// (from −1 to 1) works against it: a `composite_negative_correlation`
    /// finding. Default 0.
    pub min_composite_correlation: f64,
    /// Two dimensions correlated above this (from −1 to 1) may count one
    /// thing twice: a `dimensions_double_counted` finding. Default 0.9
    /// (COINr's `get_corr_flags`).
    pub max_pair_correlation: f64,
    /// Cronbach's alpha below this (at most 1) says the dimensions do not
    /// move together: a `low_cronbach_alpha` finding. Default 0.7, the
    /// customary threshold (Nunnally 1978), as in the OECD/JRC Handbook.
    pub min_alpha: f64,
}

impl Default for CoherencePolicy {
    fn default() -> Self {
        CoherencePolicy {
            min_composite_correlation: 0.0,
            max_pair_correlation: 0.9,
            min_alpha: 0.7,
        }
    }
}

impl CoherencePolicy {
    fn check(&self, found: &mut Vec<Finding>) {
        let correlation = |field: &str, x: f64, found: &mut Vec<Finding>| {
            if !(-1.0..=1.0).contains(&x) {
                found.push(invalid(field, "a correlation from -1 to 1", x));
            }
        };
        correlation(
            "audit.coherence.min_composite_correlation",
            self.min_composite_correlation,
            found,
        );
        correlation(
            "audit.coherence.max_pair_correlation",
            self.max_pair_correlation,
            found,
        );
        if !(self.min_alpha.is_finite() && self.min_alpha <= 1.0 && self.min_alpha >= -1e6) {
            found.push(invalid(
                "audit.coherence.min_alpha",
                "a number from -1000000 to 1",
                self.min_alpha,
            ));
        }
    }
}

/// What is done to a dimension whose raw values are skewed by outliers.
///
/// In JSON: `"none"`, `"winsorise"`, `"log"` or `"winsorise_then_log"`.
///
/// ```
/// use ssr_model::score::policy::OutlierTreatment;
///
/// assert_eq!(OutlierTreatment::default(), OutlierTreatment::None);
/// assert_eq!("winsorise_then_log".parse::<OutlierTreatment>()?, OutlierTreatment::WinsoriseThenLog);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutlierTreatment {
    /// Values are left as they are (default).
    #[default]
    None,
    /// The most extreme value (on the side of the skew) is set to the next
    /// one, one at a time, until the dimension passes or
    /// `max_winsorised` values have been changed; a dimension still
    /// failing is left as it was.
    Winsorise,
    /// A failing dimension is log-transformed (see
    /// [`score::audit`](crate::score::audit) for the formula). The values
    /// leave their 0–1 scale, so the policy refuses it beside goalposts or
    /// distance-to-target normalisation (in the comparison or among the
    /// Monte Carlo's normalisations).
    Log,
    /// COINr's default (`Treat`): winsorise; if that does not make the
    /// dimension pass within `max_winsorised` values, log-transform the
    /// original values instead.
    WinsoriseThenLog,
}

crate::model::names::names!(OutlierTreatment, "outlier treatment" {
    None = "none",
    Winsorise = "winsorise",
    Log = "log",
    WinsoriseThenLog = "winsorise_then_log",
});

/// COINr's outlier rule as a policy choice: a dimension fails when, over
/// the ranked programmes' raw values, |skewness| exceeds `max_skewness`
/// and (excess) kurtosis exceeds `max_kurtosis` (definitions in
/// [`score::audit`](crate::score::audit::skewness)).
///
/// The rank Monte Carlo normalises the treated values of the dimensions it
/// holds fixed; the results score (`progress`), which it recomputes from
/// the components in every replication, is not treated again there.
///
/// ```
/// use ssr_model::score::policy::{OutlierPolicy, OutlierTreatment};
///
/// let o = OutlierPolicy::default();
/// assert_eq!((o.treatment, o.max_skewness, o.max_kurtosis, o.max_winsorised), (OutlierTreatment::None, 2.0, 3.5, 5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct OutlierPolicy {
    /// What is done to a failing dimension. Default none.
    pub treatment: OutlierTreatment,
    /// The largest |skewness| that passes, above 0. Default 2 (COINr).
    pub max_skewness: f64,
    /// The largest excess kurtosis that passes. Default 3.5 (COINr).
    pub max_kurtosis: f64,
    /// The most values winsorised per dimension, 1 to 1,000. Default 5
    /// (COINr's `winmax`).
    pub max_winsorised: usize,
}

impl Default for OutlierPolicy {
    fn default() -> Self {
        OutlierPolicy {
            treatment: OutlierTreatment::None,
            max_skewness: 2.0,
            max_kurtosis: 3.5,
            max_winsorised: 5,
        }
    }
}

impl OutlierPolicy {
    fn check(&self, found: &mut Vec<Finding>) {
        if !(self.max_skewness.is_finite() && self.max_skewness > 0.0 && self.max_skewness <= 1e6) {
            found.push(invalid(
                "audit.outliers.max_skewness",
                "a number above 0, at most 1000000",
                self.max_skewness,
            ));
        }
        if !(self.max_kurtosis.is_finite() && (-2.0..=1e6).contains(&self.max_kurtosis)) {
            found.push(invalid(
                "audit.outliers.max_kurtosis",
                "a number from -2 to 1000000",
                self.max_kurtosis,
            ));
        }
        if !(1..=1000).contains(&self.max_winsorised) {
            found.push(invalid(
                "audit.outliers.max_winsorised",
                "from 1 to 1000 values",
                self.max_winsorised,
            ));
        }
    }
}

/// Screening: programmes and dimensions with too little data are left out
/// of the ranking, each with its reason. Both thresholds are shares from 0
/// to 1; 0 (the default) screens nothing.
///
/// ```
/// use ssr_model::score::policy::ScreeningPolicy;
///
/// let s = ScreeningPolicy::default();
/// assert_eq!((s.min_programme_coverage, s.min_dimension_coverage), (0.0, 0.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ScreeningPolicy {
    /// A programme is not ranked (`low_data_coverage`) when it has data on
    /// a smaller share than this of the weighted dimensions (counted, not
    /// weighted, as COINr's `Screen` counts data availability). Default 0.
    pub min_programme_coverage: f64,
    /// A weighted dimension is left out of the composite (a
    /// `dimension_screened_out` finding) when a smaller share than this of
    /// the programmes the ranking policy admits have data on it.
    /// Default 0.
    pub min_dimension_coverage: f64,
}

impl ScreeningPolicy {
    fn check(&self, found: &mut Vec<Finding>) {
        for (field, x) in [
            (
                "audit.screening.min_programme_coverage",
                self.min_programme_coverage,
            ),
            (
                "audit.screening.min_dimension_coverage",
                self.min_dimension_coverage,
            ),
        ] {
            if !(0.0..=1.0).contains(&x) {
                found.push(invalid(field, "a share from 0 to 1", x));
            }
        }
    }
}
