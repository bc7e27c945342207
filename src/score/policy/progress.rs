//! Indicator progress and RAG status: which target counts, the cap, the
//! tolerances.

use crate::Finding;
use serde::{Deserialize, Serialize};

use super::{finite, invalid};
use crate::Fraction;

/// Which period's target an indicator's progress is measured against.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::{ScoringPolicy, TargetRule};
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let n = Value::number;
/// // Reported abuses, lower is better: from 120, 100 reported against the
/// // 2021 milestone of 80, on the way to 60 by 2023.
/// let abuses = Indicator::new("Reported abuses", ResultLevel::Outcome, Measure::Unit)
///     .with_direction(Direction::Decrease)
///     .with_baseline(Baseline::new(n(120.0)?))
///     .with_period(Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?).with_target(n(80.0)?).with_actual(n(100.0)?))
///     .with_period(Period::new(d(2023, 1, 1)?, d(2023, 12, 31)?).with_target(n(60.0)?));
/// let final_target = Scorer::default().indicator(&abuses);
/// assert_eq!(final_target.target, Some(60.0)); // (100 − 120)/(60 − 120) = 1/3
/// let mut policy = ScoringPolicy::default();
/// policy.progress.target = TargetRule::SamePeriod;
/// let milestone = Scorer::new(policy)?.indicator(&abuses);
/// assert_eq!(milestone.target, Some(80.0));
/// assert_eq!(milestone.progress, Some(0.5)); // (100 − 120)/(80 − 120)
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetRule {
    /// The target of the last period that has one (the end-of-programme
    /// target): progress is the share of the whole planned change achieved,
    /// and status compares it with the share of time elapsed. The default,
    /// as TolaData's life-of-programme targets have it: a programme is
    /// judged against what it set out to change over its whole life.
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
///
/// ```
/// use ssr_model::score::policy::{ProgressPolicy, ScoringPolicy, TargetRule};
/// use ssr_model::Scorer;
///
/// let policy = ProgressPolicy::default();
/// assert_eq!(policy.target, TargetRule::Final);
/// assert_eq!(policy.cap(1.3), 1.0);   // overshoot does not make up for another shortfall
/// assert_eq!(policy.cap(-0.2), 0.0);  // falling back scores as no progress
/// let mut uncapped = ScoringPolicy::default();
/// uncapped.progress.ceiling = None;
/// assert_eq!(uncapped.progress.cap(1.3), 1.3);
/// // A ceiling below the floor is refused when the scorer is built.
/// uncapped.progress.ceiling = Some(-1.0);
/// assert!(Scorer::new(uncapped).is_err());
/// ```
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

    pub(super) fn check(&self, found: &mut Vec<Finding>) {
        if let Some(f) = self.floor {
            found.extend(finite("progress.floor", f).err());
        }
        if let Some(c) = self.ceiling {
            found.extend(finite("progress.ceiling", c).err());
            if let Some(f) = self.floor
                && c <= f
            {
                found.push(invalid("progress.ceiling", "a ceiling above the floor", c));
            }
        }
    }
}

/// RAG thresholds: how far progress may fall short of the time-based
/// expectation.
///
/// An indicator is *on track* when `p ≥ expected × (1 − tolerance)`, *at
/// risk* when `p ≥ expected × (1 − at_risk_tolerance)`, and *off track*
/// below that.
///
/// ```
/// use ssr_model::model::Fraction;
/// use ssr_model::score::programme::{Status, classify};
/// use ssr_model::score::policy::StatusPolicy;
///
/// // 0.4 of the way with half the time gone.
/// let default = StatusPolicy::default();
/// assert_eq!(default.tolerance.get(), 0.15);
/// assert_eq!(classify(0.4, 0.5, &default), Status::AtRisk); // needs 0.425 to be on track
/// let mut lenient = StatusPolicy::default();
/// lenient.tolerance = Fraction::new(0.25)?;
/// assert_eq!(classify(0.4, 0.5, &lenient), Status::OnTrack); // 0.375 will do
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
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
    pub(super) fn check(&self, found: &mut Vec<Finding>) {
        if self.at_risk_tolerance < self.tolerance {
            found.push(invalid(
                "status.at_risk_tolerance",
                "a number at least the on-track tolerance",
                self.at_risk_tolerance,
            ));
        }
    }
}
