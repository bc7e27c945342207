//! Indicator progress: how far an actual has moved from the baseline towards
//! the target.
//!
//! ```text
//! p = (a − b) / (t − b)
//! ```
//!
//! for baseline `b`, target `t` and actual `a` (the "percentage of target
//! achieved" of results-based monitoring, measured from the baseline, so
//! that a programme is credited only with the change it made). Direction needs no special case: when lower is better
//! the target lies below the baseline and the denominator turns negative.
//!
//! **Maintain targets** (`t == b`) have no distance to travel: progress is 1
//! when the actual is at least as good as the target in the indicator's
//! direction, else 0. An indicator with no stated direction counts as
//! ascending, IATI's default for `ascending`.
//!
//! **Ordinal and qualitative measures** score through an explicit ordered
//! scale: the indicator's own, else the policy's default for its measure.
//! A label maps to its position on 0–1 ([`OrdinalScale::score`]); numbers
//! are used as they are. A label not on the scale, or a label with no scale
//! at all, leaves the value missing, and the indicator says why ([`Gap`]).
//! Nominal measures have no order and are never scored.

use serde::{Deserialize, Serialize};

use crate::{Direction, Measure, OrdinalScale, Value};

/// Progress `p = (a − b)/(t − b)` from baseline `b` to target `t`, with
/// maintain targets (`t == b`) scored 1 when `a` is at least as good as `t`
/// in `direction` (ascending when `None`) and 0 otherwise.
///
/// ```
/// use ssr_model::model::Direction;
/// use ssr_model::score::programme::progress;
///
/// // Trust in the police: 38% → 45% targeted, 41% reached: 3/7.
/// assert!((progress(38.0, 45.0, 41.0, None) - 3.0 / 7.0).abs() < 1e-12);
/// // Lower is better: abuses 120 → 60, now 90: (90 − 120)/(60 − 120) = 0.5.
/// assert_eq!(progress(120.0, 60.0, 90.0, Some(Direction::Decrease)), 0.5);
/// // Overshoot stays visible: 150% of the way.
/// assert_eq!(progress(10.0, 20.0, 25.0, None), 1.5);
/// // Maintain a 95% conviction rate: 96 keeps it, 93 does not.
/// assert_eq!(progress(95.0, 95.0, 96.0, Some(Direction::Increase)), 1.0);
/// assert_eq!(progress(95.0, 95.0, 93.0, Some(Direction::Increase)), 0.0);
/// // Maintain at most 5 incidents: 4 keeps it.
/// assert_eq!(progress(5.0, 5.0, 4.0, Some(Direction::Decrease)), 1.0);
/// ```
///
/// Inputs are expected within ±10¹⁵ ([`Finite`](crate::Finite)), so their
/// differences are exact to rounding and never overflow. A quotient beyond
/// ±10¹⁵ (a target a hair's breadth from its baseline) saturates there:
/// progress stays in the same domain as the values, and every mean taken of
/// it stays finite.
pub fn progress(baseline: f64, target: f64, actual: f64, direction: Option<Direction>) -> f64 {
    if target == baseline {
        let kept = match direction {
            Some(Direction::Decrease) => actual <= target,
            _ => actual >= target,
        };
        return if kept { 1.0 } else { 0.0 };
    }
    let limit = crate::Finite::LIMIT;
    ((actual - baseline) / (target - baseline)).clamp(-limit, limit)
}

/// Why an indicator has no progress.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::programme::{Gap, Status};
/// use ssr_model::Scorer;
/// use ssr_model::model::{Baseline, Measure, ResultLevel};
/// use ssr_model::{Indicator, Period, Value};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let cases = Indicator::new("Cases prosecuted", ResultLevel::Output, Measure::Unit)
///     .with_baseline(Baseline::new(Value::number(10.0)?))
///     .with_period(Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?).with_target(Value::number(20.0)?));
/// let s = Scorer::default().indicator(&cases);
/// // Unknown is not zero: no actual, no progress, and the reason.
/// assert_eq!((s.progress, s.status, s.gap), (None, Status::NoData, Some(Gap::NoActual)));
/// assert_eq!(Gap::NoActual.describe(), "no actual reported");
/// assert_eq!(Gap::NoActual.as_str(), "no_actual");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Gap {
    /// A nominal measure: categories with no order cannot be scored.
    Unordered,
    /// Labels with no ordinal scale (none on the indicator, none in the policy).
    NoScale,
    /// A label that is not on the scale.
    NotOnScale,
    /// No baseline value.
    NoBaseline,
    /// No target (for the period that counts).
    NoTarget,
    /// No actual reported (by the date judged at).
    NoActual,
    /// The target lies on the wrong side of the baseline for the stated
    /// direction (validation's `direction_conflict`): one of the three is
    /// wrong, so no progress is credited either way.
    DirectionConflict,
}

crate::model::names::names!(Gap, "gap" {
    Unordered = "unordered",
    NoScale = "no_scale",
    NotOnScale = "not_on_scale",
    NoBaseline = "no_baseline",
    NoTarget = "no_target",
    NoActual = "no_actual",
    DirectionConflict = "direction_conflict",
});

impl Gap {
    /// The reason in a few words.
    pub fn describe(self) -> &'static str {
        match self {
            Gap::Unordered => "nominal measure, not scored",
            Gap::NoScale => "labels but no ordinal scale",
            Gap::NotOnScale => "a label not on the scale",
            Gap::NoBaseline => "no baseline value",
            Gap::NoTarget => "no target",
            Gap::NoActual => "no actual reported",
            Gap::DirectionConflict => "target contradicts the stated direction",
        }
    }
}

/// Maps indicator values to numbers: numbers as they are, labels through
/// the scale in force.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ValueMap<'a> {
    scale: Option<&'a OrdinalScale>,
}

impl<'a> ValueMap<'a> {
    /// The map for an indicator: its own scale, else the default for its
    /// measure; `Err(Gap::Unordered)` for nominal measures.
    pub(crate) fn new(
        measure: Measure,
        own: Option<&'a OrdinalScale>,
        defaults: &'a super::ScalePolicy,
    ) -> Result<Self, Gap> {
        let default = match measure {
            Measure::Nominal => return Err(Gap::Unordered),
            Measure::Ordinal => defaults.ordinal.as_ref(),
            Measure::Qualitative => defaults.qualitative.as_ref(),
            _ => None,
        };
        Ok(ValueMap {
            scale: own.or(default),
        })
    }

    /// The number for `value`.
    pub(crate) fn number(&self, value: &Value) -> Result<f64, Gap> {
        match value {
            Value::Number(x) => Ok(x.get()),
            Value::Label(label) => {
                let scale = self.scale.ok_or(Gap::NoScale)?;
                scale.score(label).ok_or(Gap::NotOnScale)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::ScalePolicy;

    #[test]
    fn progress_hand_computed() {
        assert_eq!(progress(0.0, 10.0, 5.0, None), 0.5);
        // Regression below the baseline is negative.
        assert_eq!(progress(20.0, 30.0, 15.0, None), -0.5);
        // Lower is better, overshoot: 100 → 50, reached 25: 1.5.
        assert_eq!(progress(100.0, 50.0, 25.0, Some(Direction::Decrease)), 1.5);
        // Lower is better, worse than baseline: 100 → 50, at 110: -0.2.
        assert!((progress(100.0, 50.0, 110.0, Some(Direction::Decrease)) + 0.2).abs() < 1e-12);
        // Maintain with no direction: ascending.
        assert_eq!(progress(3.0, 3.0, 3.0, None), 1.0);
        assert_eq!(progress(3.0, 3.0, 2.0, None), 0.0);
        assert_eq!(progress(3.0, 3.0, 2.0, Some(Direction::Decrease)), 1.0);
        assert_eq!(progress(3.0, 3.0, 4.0, Some(Direction::Decrease)), 0.0);
    }

    #[test]
    fn values_at_the_limit() {
        let max = crate::Finite::LIMIT;
        // Halfway, all the way, and all the way down.
        assert_eq!(progress(-max, max, 0.0, None), 0.5);
        assert_eq!(progress(-max, max, max, None), 1.0);
        assert_eq!(progress(max, -max, -max, Some(Direction::Decrease)), 1.0);
        assert_eq!(progress(-max, max, -max, None), 0.0);
        // The quotient leaves the domain: it saturates, keeping its sign.
        let tiny = f64::from_bits(1); // the smallest positive f64
        assert_eq!(progress(0.0, tiny, 1.0, None), max);
        assert_eq!(progress(0.0, tiny, -1.0, None), -max);
        assert_eq!(progress(0.0, 1e-300, max, None), max);
        assert_eq!(progress(0.0, -1e-300, max, None), -max);
    }

    #[test]
    fn labels_map_through_the_scale_in_force() {
        let own = OrdinalScale::new(["none", "draft", "adopted"]).unwrap();
        let defaults = ScalePolicy {
            qualitative: Some(OrdinalScale::new(["low", "medium", "high", "very high"]).unwrap()),
            ordinal: None,
        };
        let m = ValueMap::new(Measure::Qualitative, Some(&own), &defaults).unwrap();
        assert_eq!(m.number(&Value::label("draft")), Ok(0.5));
        assert_eq!(m.number(&Value::label("high")), Err(Gap::NotOnScale));
        let m = ValueMap::new(Measure::Qualitative, None, &defaults).unwrap();
        assert_eq!(m.number(&Value::label("high")), Ok(2.0 / 3.0));
        let m = ValueMap::new(Measure::Ordinal, None, &defaults).unwrap();
        assert_eq!(m.number(&Value::label("high")), Err(Gap::NoScale));
        assert_eq!(m.number(&Value::number(2.0).unwrap()), Ok(2.0));
        assert_eq!(
            ValueMap::new(Measure::Nominal, Some(&own), &defaults).err(),
            Some(Gap::Unordered)
        );
    }
}
