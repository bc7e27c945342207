//! Disaggregated progress: each category of an indicator's breakdowns
//! scored like the indicator, and the gender gap.
//!
//! Which values count, per (dimension, category):
//!
//! - **the actual**: the category's actual in the latest period (by end
//!   date, measured by `as_of`: on the period's `actual_date`, else at its
//!   end) that reports one;
//! - **the target**: per [`TargetRule`]: the category's target in the last
//!   period that has one, or in the actual's period;
//! - **the baseline**: the category's own baseline, from the earliest
//!   period that records one; else 0 when the indicator is a count (unit
//!   measure) whose baseline is 0, since categories of nothing are nothing;
//!   else unknown, and the category has no progress.

use serde::{Deserialize, Serialize};

use super::as_of::measured;
use super::progress::ValueMap;
use super::{Gap, ScoringPolicy, TargetRule, progress};
use crate::{Breakdown, Indicator, IndicatorId, Measure, Period, Value};

/// Progress of one category of one indicator's breakdowns.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let n = Value::number;
/// // Officers trained, from none: 40 women of a target of 100, 90 men of 100.
/// let trained = Indicator::new("Officers trained", ResultLevel::Output, Measure::Unit)
///     .with_baseline(Baseline::new(n(0.0)?))
///     .with_period(
///         Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?)
///             .with_target(n(200.0)?)
///             .with_actual(n(130.0)?)
///             .with_breakdown(Breakdown::new("sex", "female").with_target(n(100.0)?).with_actual(n(40.0)?))
///             .with_breakdown(Breakdown::new("sex", "male").with_target(n(100.0)?).with_actual(n(90.0)?)),
///     );
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_component(Component::new("Training", Pillar::PoliceReform).with_indicator(trained));
/// let results = Scorer::default().results(&programme);
/// let women = results.categories.iter().find(|c| c.female() == Some(true)).ok_or("no women's row")?;
/// assert_eq!((women.baseline, women.target, women.actual), (Some(0.0), Some(100.0), Some(40.0)));
/// assert_eq!(women.progress, Some(0.4));
/// // Women's progress minus men's: 0.4 − 0.9.
/// assert!((results.gender_gap.ok_or("no gap")? + 0.5).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CategoryProgress {
    /// The indicator.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub indicator: IndicatorId,
    /// Its title.
    pub title: String,
    /// The dimension, e.g. `sex`.
    pub dimension: String,
    /// The category, e.g. `female`.
    pub category: String,
    /// The category's baseline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The category's target that counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The category's actual that counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    /// Raw progress `(a − b)/(t − b)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    /// Progress capped per policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capped: Option<f64>,
    /// Why there is no progress, when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<Gap>,
}

impl CategoryProgress {
    /// Whether this is the category of women (`Some(true)`) or men
    /// (`Some(false)`) of a breakdown by sex ([`Breakdown::female`]).
    pub fn female(&self) -> Option<bool> {
        Breakdown::new(self.dimension.as_str(), self.category.as_str()).female()
    }
}

/// The breakdown of `key` in `period`, if any.
fn find<'a>(period: &'a Period, key: (&str, &str)) -> Option<&'a Breakdown> {
    period
        .breakdowns
        .iter()
        .find(|b| b.dimension == key.0 && b.category == key.1)
}

/// The latest period (by end; the later listed on a tie) whose breakdown of
/// `key` has what `pick` reads, and that value.
fn latest<'a>(
    periods: impl Iterator<Item = &'a Period>,
    key: (&str, &str),
    pick: impl Fn(&Breakdown) -> Option<&Value>,
) -> Option<(&'a Period, &'a Value)> {
    periods
        .filter_map(|p| find(p, key).and_then(&pick).map(|v| (p, v)))
        .fold(None, |best, (p, v)| match best {
            Some((b, _)) if b.end > p.end => best,
            _ => Some((p, v)),
        })
}

/// Every category of an indicator's breakdowns, in order of first
/// appearance, scored.
pub(crate) fn categories(ind: &Indicator, policy: &ScoringPolicy) -> Vec<CategoryProgress> {
    let mut keys: Vec<(&str, &str)> = Vec::new();
    for b in ind.periods.iter().flat_map(|p| &p.breakdowns) {
        let key = (b.dimension.as_str(), b.category.as_str());
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let map = ValueMap::new(ind.measure, ind.scale.as_ref(), &policy.scales);
    keys.into_iter()
        .map(|key| category(ind, key, map, policy))
        .collect()
}

fn category(
    ind: &Indicator,
    key: (&str, &str),
    map: Result<ValueMap<'_>, Gap>,
    policy: &ScoringPolicy,
) -> CategoryProgress {
    let mut c = CategoryProgress {
        indicator: ind.id,
        title: ind.title.clone(),
        dimension: key.0.to_owned(),
        category: key.1.to_owned(),
        baseline: None,
        target: None,
        actual: None,
        progress: None,
        capped: None,
        gap: None,
    };
    let map = match map {
        Ok(map) => map,
        Err(gap) => {
            c.gap = Some(gap);
            return c;
        }
    };
    // Categories are measured with their period's actual; an interim one
    // (period open, no date of its own) is not counted.
    let known = |p: &&Period| policy.as_of.is_none_or(|d| measured(p) <= d);
    let actual = latest(ind.periods.iter().filter(known), key, |b| b.actual.as_ref());
    let target = match policy.progress.target {
        TargetRule::SamePeriod => {
            actual.and_then(|(p, _)| find(p, key).and_then(|b| b.target.as_ref()).map(|t| (p, t)))
        }
        _ => latest(ind.periods.iter(), key, |b| b.target.as_ref()),
    };
    let own_baseline = ind
        .periods
        .iter()
        .filter_map(|p| {
            find(p, key)
                .and_then(|b| b.baseline.as_ref())
                .map(|v| (p.end, v))
        })
        .min_by_key(|(end, _)| *end)
        .map(|(_, v)| map.number(v));
    let counted_from_zero = ind.measure == Measure::Unit
        && ind
            .baseline
            .as_ref()
            .and_then(|b| b.value.as_ref())
            .and_then(Value::as_number)
            == Some(0.0);
    let b = match own_baseline {
        Some(b) => b,
        None if counted_from_zero => Ok(0.0),
        None => Err(Gap::NoBaseline),
    };
    let t = target.ok_or(Gap::NoTarget).and_then(|(_, v)| map.number(v));
    let a = actual.ok_or(Gap::NoActual).and_then(|(_, v)| map.number(v));
    c.baseline = b.ok();
    c.target = t.ok();
    c.actual = a.ok();
    match (b, t, a) {
        (Ok(b), Ok(t), _) if ind.direction.is_some_and(|d| d.contradicts(b, t)) => {
            c.gap = Some(Gap::DirectionConflict);
        }
        (Ok(b), Ok(t), Ok(a)) => {
            let p = progress(b, t, a, ind.direction);
            c.progress = Some(p);
            c.capped = Some(policy.progress.cap(p));
        }
        (b, t, a) => c.gap = b.and(t).and(a).err(),
    }
    c
}
