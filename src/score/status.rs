//! RAG status: progress judged against the time elapsed.
//!
//! Expected progress at date `d` is the elapsed share of the way from the
//! baseline date to the target date, linear and clamped to [0, 1]:
//!
//! ```text
//! expected(d) = (d − baseline date) / (target date − baseline date)
//! on track   ⇔ p ≥ expected × (1 − tolerance)            (tolerance 0.15)
//! at risk    ⇔ p ≥ expected × (1 − at-risk tolerance)    (0.30)
//! off track  otherwise; no data when p cannot be computed
//! ```
//!
//! TolaData shows indicators as on track within ±15% of target; the
//! thresholds are [`StatusPolicy`] data. Raw (uncapped) progress is judged,
//! so overshoot is on track. When the baseline has no date, the start of the
//! earliest period stands in for it; a target date on or before the baseline
//! date means the whole target is due.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::StatusPolicy;

/// Where an indicator stands against its target and the time elapsed.
///
/// Statuses order as declared, from on track to no data.
///
/// ```
/// use ssr_model::score::programme::{Status, classify};
/// use ssr_model::score::policy::StatusPolicy;
///
/// let policy = StatusPolicy::default();
/// let status = classify(0.2, 1.0, &policy); // a fifth of the way, all the time gone
/// assert_eq!(status, Status::OffTrack);
/// assert_eq!((status.rag(), status.describe(), status.as_str()), ("red", "off track", "off_track"));
/// assert!(Status::OnTrack < Status::AtRisk); // ordered from on track to no data
/// assert_eq!(Status::NoData.rag(), "grey");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Green: progress within the tolerance of what time calls for.
    OnTrack,
    /// Amber: short of the tolerance, within the at-risk tolerance.
    AtRisk,
    /// Red: further behind.
    OffTrack,
    /// Not judged: the actual is interim, reported for a period still
    /// open on the judging date with no date of its own, so how much time
    /// it reflects is unknown. Its progress still counts.
    Interim,
    /// Grey: progress cannot be computed (see [`Gap`](super::Gap)).
    NoData,
}

crate::model::names::names!(Status, "status" {
    OnTrack = "on_track",
    AtRisk = "at_risk",
    OffTrack = "off_track",
    Interim = "interim",
    NoData = "no_data",
});

impl Status {
    /// The traffic-light colour: green, amber, red or grey.
    pub fn rag(self) -> &'static str {
        match self {
            Status::OnTrack => "green",
            Status::AtRisk => "amber",
            Status::OffTrack => "red",
            Status::Interim => "blue",
            Status::NoData => "grey",
        }
    }

    /// The status in words, e.g. "off track".
    pub fn describe(self) -> &'static str {
        match self {
            Status::OnTrack => "on track",
            Status::AtRisk => "at risk",
            Status::OffTrack => "off track",
            Status::Interim => "interim",
            Status::NoData => "no data",
        }
    }
}

/// The share of time elapsed at `at` between `from` (baseline date) and
/// `to` (target date), clamped to [0, 1]; 1 when `to` is not after `from`.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::programme::expected_progress;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // 2020-01-01 → 2022-01-01 is 731 days; 2021-01-01 is 366 days in.
/// let e = expected_progress(d(2020, 1, 1), d(2022, 1, 1), d(2021, 1, 1));
/// assert!((e - 366.0 / 731.0).abs() < 1e-12);
/// assert_eq!(expected_progress(d(2020, 1, 1), d(2022, 1, 1), d(2019, 1, 1)), 0.0);
/// assert_eq!(expected_progress(d(2020, 1, 1), d(2022, 1, 1), d(2023, 1, 1)), 1.0);
/// ```
pub fn expected_progress(from: NaiveDate, to: NaiveDate, at: NaiveDate) -> f64 {
    let span = (to - from).num_days();
    if span <= 0 {
        return 1.0;
    }
    let elapsed = (at - from).num_days();
    (elapsed as f64 / span as f64).clamp(0.0, 1.0)
}

/// The status of raw progress `p` when `expected` progress is due.
///
/// ```
/// use ssr_model::score::programme::{Status, classify};
/// use ssr_model::score::policy::StatusPolicy;
///
/// let policy = StatusPolicy::default(); // tolerances 0.15 and 0.30
/// // Half the time gone: on track from 0.425, at risk from 0.35.
/// assert_eq!(classify(0.43, 0.5, &policy), Status::OnTrack);
/// assert_eq!(classify(0.40, 0.5, &policy), Status::AtRisk);
/// assert_eq!(classify(0.30, 0.5, &policy), Status::OffTrack);
/// ```
pub fn classify(p: f64, expected: f64, policy: &StatusPolicy) -> Status {
    if p >= expected * (1.0 - policy.tolerance.get()) {
        Status::OnTrack
    } else if p >= expected * (1.0 - policy.at_risk_tolerance.get()) {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_inclusive() {
        let policy = StatusPolicy::default();
        // expected 1: on track from 0.85, at risk from 0.70.
        assert_eq!(classify(0.85, 1.0, &policy), Status::OnTrack);
        assert_eq!(classify(0.70, 1.0, &policy), Status::AtRisk);
        assert_eq!(classify(0.69, 1.0, &policy), Status::OffTrack);
        // Nothing is due yet: any non-negative progress is on track.
        assert_eq!(classify(0.0, 0.0, &policy), Status::OnTrack);
        assert_eq!(classify(-0.1, 0.0, &policy), Status::OffTrack);
        // Overshoot is on track.
        assert_eq!(classify(1.4, 1.0, &policy), Status::OnTrack);
    }

    #[test]
    fn target_date_before_baseline_means_all_is_due() {
        let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        assert_eq!(expected_progress(d(2022), d(2020), d(2021)), 1.0);
    }
}
