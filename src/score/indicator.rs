//! One indicator scored: its progress, status and forecast.
//!
//! Which values count (documented rules):
//!
//! - **The actual** is the latest one known: an actual counts as measured
//!   on its own `actual_date`, else at its period's end, and as of the
//!   policy's `as_of` only those measured by then count (the scorer first
//!   takes out baselines dated after it and actuals measured after it).
//!   An actual with no date of its own in a period still open on `as_of`
//!   is **interim**: it counts as the latest, its progress counts, but it
//!   is not judged against time (status [`Status::Interim`]) and it gives
//!   no point to the forecast, since when it was measured is unknown. Periods with no actual are
//!   skipped; an older actual never stands in for a newer one that cannot
//!   be read (a label not on the scale is reported as such).
//! - **The target** follows [`TargetRule`]: by default the target of the
//!   last period that has one (the end-of-programme target). A target on
//!   the wrong side of the baseline for the stated direction leaves
//!   progress unknown ([`Gap::DirectionConflict`]): never full credit for
//!   moving the wrong way.
//! - **The date judged at** is `as_of`, else the actual's date.
//! - Two periods with the same end date: the later one listed wins.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::as_of::{actual_known, interim, known_baseline, measured};
use super::progress::ValueMap;
use super::{
    Forecast, Gap, ScoringPolicy, Status, TargetRule, classify, expected_progress, least_squares,
    progress,
};
use crate::{Indicator, IndicatorId, Period};

/// An indicator's progress, status and forecast, and its part in the
/// programme score.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::score::programme::Status;
/// use ssr_model::model::{Baseline, Measure, ResultLevel};
/// use ssr_model::{Indicator, Period, Value};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let trust = Indicator::new("Trust in the police", ResultLevel::Outcome, Measure::Percentage)
///     .with_baseline(Baseline::new(Value::number(20.0)?).with_date(d(2020, 1, 1)?))
///     .with_period(Period::new(d(2020, 1, 1)?, d(2020, 12, 31)?).with_actual(Value::number(30.0)?))
///     .with_period(Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?).with_target(Value::number(60.0)?));
/// let s = Scorer::default().indicator(&trust);
/// // Latest actual 30 against the final target 60, from 20: (30 − 20)/(60 − 20).
/// assert_eq!((s.baseline, s.target, s.actual), (Some(20.0), Some(60.0), Some(30.0)));
/// assert_eq!(s.progress, Some(0.25));
/// // Judged at the actual's date, half the time had gone (366 of 731 days):
/// // 0.25 is below 0.5 × (1 − 0.30), so off track.
/// assert_eq!(s.status, Status::OffTrack);
/// assert!(s.has_data());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct IndicatorScore {
    /// The indicator.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub id: IndicatorId,
    /// Its title.
    pub title: String,
    /// The baseline value (labels mapped to 0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The target that counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The end of the period of that target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<NaiveDate>,
    /// The actual that counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    /// The date that actual counts as measured on: its own, else its
    /// period's end (for an interim actual, the end of its open period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_date: Option<NaiveDate>,
    /// Raw progress `(a − b)/(t − b)`, overshoot visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    /// Progress capped per policy: what aggregation uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capped: Option<f64>,
    /// Progress that the time elapsed calls for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<f64>,
    /// RAG status.
    pub status: Status,
    /// Why there is no progress, when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<Gap>,
    /// The trend projected to the target date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Forecast>,
    /// Its share of the programme's design weight (its component's share
    /// times its share within the component); 0 outside a programme.
    pub weight: f64,
    /// Its weight in the programme score as computed: shares are taken
    /// among the items with data, so this is 0 without data and the
    /// effective weights of a scored programme sum to 1.
    pub effective_weight: f64,
    /// Points of the programme score (0–1) it costs: how much the score
    /// would rise were this indicator at its target, all else equal.
    pub shortfall: f64,
}

impl IndicatorScore {
    /// Whether the indicator has progress.
    pub fn has_data(&self) -> bool {
        self.capped.is_some()
    }
}

/// The latest period by `date` (the later listed on a tie) that `keep`
/// accepts.
fn latest(
    periods: &[Period],
    keep: impl Fn(&Period) -> bool,
    date: impl Fn(&Period) -> NaiveDate,
) -> Option<&Period> {
    periods
        .iter()
        .filter(|p| keep(p))
        .fold(None, |best: Option<&Period>, p| match best {
            Some(b) if date(b) > date(p) => Some(b),
            _ => Some(p),
        })
}

/// Scores one indicator under `policy`.
pub(crate) fn score_indicator(ind: &Indicator, policy: &ScoringPolicy) -> IndicatorScore {
    score(ind, policy, true)
}

/// [`score_indicator`] without the forecast, which a panel does not read:
/// the rest is the same, bit for bit.
pub(crate) fn score_indicator_unforecast(
    ind: &Indicator,
    policy: &ScoringPolicy,
) -> IndicatorScore {
    score(ind, policy, false)
}

/// The date progress is counted from: the baseline's date, else the first
/// period's start, else the target date.
pub(crate) fn baseline_date(ind: &Indicator, target_date: NaiveDate) -> NaiveDate {
    ind.baseline
        .as_ref()
        .and_then(|b| b.date)
        .or_else(|| ind.periods.iter().map(|p| p.start).min())
        .unwrap_or(target_date)
}

/// Scores one indicator, with its forecast when `forecast` is set. The
/// as-of rule is applied here too (a baseline dated after `as_of` is
/// unknown; see [`actual_known`]), so the indicator need not be cut first.
fn score(ind: &Indicator, policy: &ScoringPolicy, with_forecast: bool) -> IndicatorScore {
    let mut s = unscored(ind);
    let map = match ValueMap::new(ind.measure, ind.scale.as_ref(), &policy.scales) {
        Ok(map) => map,
        Err(gap) => {
            s.gap = Some(gap);
            return s;
        }
    };
    let as_of = policy.as_of;
    let known = |p: &Period| p.actual.is_some() && actual_known(p, as_of);
    let actual_period = latest(&ind.periods, known, measured);
    let target_period = match policy.progress.target {
        TargetRule::SamePeriod => actual_period.filter(|p| p.target.is_some()),
        _ => latest(&ind.periods, |p| p.target.is_some(), |p| p.end),
    };
    let read =
        |v: Option<&crate::Value>, missing: Gap| v.ok_or(missing).and_then(|v| map.number(v));
    let b = read(
        known_baseline(ind, as_of).and_then(|b| b.value.as_ref()),
        Gap::NoBaseline,
    );
    let t = read(target_period.and_then(|p| p.target.as_ref()), Gap::NoTarget);
    let a = read(actual_period.and_then(|p| p.actual.as_ref()), Gap::NoActual);
    s.baseline = b.ok();
    s.target = t.ok();
    s.actual = a.ok();
    s.target_date = target_period.map(|p| p.end);
    s.actual_date = actual_period.map(measured);
    let (b, t, a, target_date, actual_date) = match (b, t, a, s.target_date, s.actual_date) {
        (Ok(b), Ok(t), Ok(a), Some(td), Some(ad)) => (b, t, a, td, ad),
        (b, t, a, ..) => {
            s.gap = b.and(t).and(a).err().or(Some(Gap::NoActual));
            return s;
        }
    };
    if ind.direction.is_some_and(|d| d.contradicts(b, t)) {
        s.gap = Some(Gap::DirectionConflict);
        return s;
    }
    let p = progress(b, t, a, ind.direction);
    s.progress = Some(p);
    s.capped = Some(policy.progress.cap(p));
    let baseline_date = baseline_date(ind, target_date);
    let judged = as_of.unwrap_or(actual_date);
    let expected = expected_progress(baseline_date, target_date, judged);
    s.expected = Some(expected);
    s.status = match actual_period {
        Some(period) if interim(period, as_of) => Status::Interim,
        _ => classify(p, expected, &policy.status),
    };
    if with_forecast {
        let dated = |p: &Period| known(p) && !interim(p, as_of);
        s.forecast = forecast(ind, &map, dated, (b, t), target_date);
    }
    s
}

/// An indicator's score before anything is known of it.
fn unscored(ind: &Indicator) -> IndicatorScore {
    IndicatorScore {
        id: ind.id,
        title: ind.title.clone(),
        baseline: None,
        target: None,
        target_date: None,
        actual: None,
        actual_date: None,
        progress: None,
        capped: None,
        expected: None,
        status: Status::NoData,
        gap: None,
        forecast: None,
        weight: 0.0,
        effective_weight: 0.0,
        shortfall: 0.0,
    }
}

/// The least-squares line through the dated baseline and the known actuals,
/// projected to the target date.
fn forecast(
    ind: &Indicator,
    map: &ValueMap<'_>,
    known: impl Fn(&Period) -> bool,
    (b, t): (f64, f64),
    target_date: NaiveDate,
) -> Option<Forecast> {
    let dated_baseline = ind
        .baseline
        .as_ref()
        .and_then(|base| base.date)
        .map(|d| (d, b));
    let points = dated_baseline.into_iter().chain(
        ind.periods
            .iter()
            .filter(|p| known(p))
            .filter_map(|p| Some((measured(p), map.number(p.actual.as_ref()?).ok()?))),
    );
    least_squares(points.clone()).map(|line| {
        let value = line.at(target_date);
        let slope_per_year = line.slope * 365.25;
        let projected = progress(b, t, value, ind.direction);
        Forecast {
            date: target_date,
            value,
            progress: projected,
            reaches_target: projected >= 1.0,
            slope_per_year,
            points: points.count(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Baseline, Direction, Measure, OrdinalScale, ResultLevel, Value};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn n(x: f64) -> Value {
        Value::number(x).unwrap()
    }

    /// Reported abuses, lower is better: 120 at the start of 2020, 60
    /// targeted by the end of 2023 (period targets 100, 80, 70, 60).
    fn abuses() -> Indicator {
        Indicator::new("Reported abuses", ResultLevel::Outcome, Measure::Unit)
            .with_direction(Direction::Decrease)
            .with_baseline(Baseline::new(n(120.0)).with_date(d(2020, 1, 1)))
            .with_period(
                Period::new(d(2020, 1, 1), d(2020, 12, 31))
                    .with_target(n(100.0))
                    .with_actual(n(110.0)),
            )
            .with_period(
                Period::new(d(2021, 1, 1), d(2021, 12, 31))
                    .with_target(n(80.0))
                    .with_actual(n(100.0)),
            )
            .with_period(Period::new(d(2022, 1, 1), d(2022, 12, 31)).with_target(n(70.0)))
            .with_period(Period::new(d(2023, 1, 1), d(2023, 12, 31)).with_target(n(60.0)))
    }

    #[test]
    fn lower_is_better_against_the_final_target() {
        let s = score_indicator(&abuses(), &ScoringPolicy::default());
        // Latest actual 100 (end 2021), final target 60: (100 − 120)/(60 − 120) = 1/3.
        assert_eq!(s.actual, Some(100.0));
        assert_eq!(s.target, Some(60.0));
        assert_eq!(s.actual_date, Some(d(2021, 12, 31)));
        assert!((s.progress.unwrap() - 1.0 / 3.0).abs() < 1e-12);
        // Judged at 2021-12-31: 730 of 1460 days elapsed → expected 0.5;
        // on track needs 0.425, at risk 0.35; 1/3 is off track.
        assert!((s.expected.unwrap() - 730.0 / 1460.0).abs() < 1e-12);
        assert_eq!(s.status, Status::OffTrack);
        // Trend through (day 0, 120), (365, 110), (730, 100): −10 a year,
        // so 80 by the end of 2023 (1460 days): progress 40/60.
        let f = s.forecast.unwrap();
        assert_eq!(f.points, 3);
        assert!((f.value - (120.0 - 1460.0 * 10.0 / 365.0)).abs() < 1e-9);
        assert!(!f.reaches_target);
        assert!((f.progress - (120.0 - f.value) / 60.0).abs() < 1e-12);
    }

    #[test]
    fn same_period_target_and_as_of() {
        let mut policy = ScoringPolicy::default();
        policy.progress.target = TargetRule::SamePeriod;
        let s = score_indicator(&abuses(), &policy);
        // 100 against the 2021 target of 80: (100 − 120)/(80 − 120) = 0.5,
        // and the whole target was due: off track (0.5 < 0.7).
        assert_eq!(s.progress, Some(0.5));
        assert_eq!(s.expected, Some(1.0));
        assert_eq!(s.status, Status::OffTrack);
        // As of the end of 2020 only the 2020 actual is known: 110 vs 100
        // → (110 − 120)/(100 − 120) = 0.5.
        policy.as_of = Some(d(2020, 12, 31));
        let s = score_indicator(&abuses(), &policy);
        assert_eq!(s.actual, Some(110.0));
        assert_eq!(s.progress, Some(0.5));
        // As of mid-2021 the 2021 period is open and its actual 100 has no
        // date of its own: interim, the latest known, against the 2021
        // target 80: (100 − 120)/(80 − 120) = 0.5, not judged against time.
        policy.as_of = Some(d(2021, 6, 30));
        let s = score_indicator(&abuses(), &policy);
        assert_eq!(s.actual, Some(100.0));
        assert_eq!(s.progress, Some(0.5));
        assert_eq!(s.status, Status::Interim);
        // Dated 2021-03-31, the same actual is judged as of 2021-06-30:
        // from the baseline (2020-01-01) to the target date (2021-12-31) is
        // 366 + 364 = 730 days, 366 + 180 = 546 of them gone: expected
        // 546/730 = 0.748; at risk needs 0.748 × 0.70 = 0.524 > 0.5: off
        // track.
        let mut dated = abuses();
        dated.periods[1].actual_date = Some(d(2021, 3, 31));
        let s = score_indicator(&dated, &policy);
        assert_eq!(s.actual_date, Some(d(2021, 3, 31)));
        assert!((s.expected.unwrap() - 546.0 / 730.0).abs() < 1e-12);
        assert_eq!(s.status, Status::OffTrack);
    }

    #[test]
    fn overshoot_is_raw_and_capped() {
        let ind = Indicator::new("Officers trained", ResultLevel::Output, Measure::Unit)
            .with_baseline(Baseline::new(n(0.0)))
            .with_period(
                Period::new(d(2021, 1, 1), d(2021, 12, 31))
                    .with_target(n(200.0))
                    .with_actual(n(260.0)),
            );
        let s = score_indicator(&ind, &ScoringPolicy::default());
        assert_eq!(s.progress, Some(1.3));
        assert_eq!(s.capped, Some(1.0));
        assert_eq!(s.status, Status::OnTrack);
        // Only one dated point (the baseline has no date): no forecast.
        assert_eq!(s.forecast, None);
        let mut policy = ScoringPolicy::default();
        policy.progress.ceiling = None;
        assert_eq!(score_indicator(&ind, &policy).capped, Some(1.3));
    }

    #[test]
    fn maintain_target() {
        let ind = Indicator::new("Conviction rate", ResultLevel::Outcome, Measure::Percentage)
            .with_direction(Direction::Increase)
            .with_baseline(Baseline::new(n(95.0)).with_date(d(2020, 1, 1)))
            .with_period(
                Period::new(d(2020, 1, 1), d(2020, 12, 31))
                    .with_target(n(95.0))
                    .with_actual(n(94.0)),
            );
        let s = score_indicator(&ind, &ScoringPolicy::default());
        assert_eq!(s.progress, Some(0.0));
        assert_eq!(s.status, Status::OffTrack);
    }

    #[test]
    fn missing_actual_is_no_data() {
        let ind = Indicator::new("Cases prosecuted", ResultLevel::Output, Measure::Unit)
            .with_baseline(Baseline::new(n(10.0)))
            .with_period(Period::new(d(2021, 1, 1), d(2021, 12, 31)).with_target(n(20.0)));
        let s = score_indicator(&ind, &ScoringPolicy::default());
        assert_eq!(s.status, Status::NoData);
        assert_eq!(s.gap, Some(Gap::NoActual));
        assert_eq!(s.target, Some(20.0));
        let s = score_indicator(
            &ind.clone().with_baseline(Baseline::default()),
            &ScoringPolicy::default(),
        );
        assert_eq!(s.gap, Some(Gap::NoBaseline));
    }

    #[test]
    fn a_period_with_no_actual_is_skipped() {
        let ind = Indicator::new("Trust", ResultLevel::Outcome, Measure::Percentage)
            .with_baseline(Baseline::new(n(40.0)))
            .with_period(
                Period::new(d(2021, 1, 1), d(2021, 12, 31))
                    .with_target(n(45.0))
                    .with_actual(n(44.0)),
            )
            .with_period(Period::new(d(2022, 1, 1), d(2022, 12, 31)).with_target(n(50.0)));
        let s = score_indicator(&ind, &ScoringPolicy::default());
        // 44 from 2021 against the final 50: 4/10.
        assert!((s.progress.unwrap() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn ordinal_labels_and_labels_off_the_scale() {
        let scale =
            OrdinalScale::new(["none", "drafted", "tabled", "adopted", "implemented"]).unwrap();
        let ind = Indicator::new("Police act", ResultLevel::Outcome, Measure::Ordinal)
            .with_scale(scale)
            .with_baseline(Baseline::new(Value::label("none")))
            .with_period(
                Period::new(d(2021, 1, 1), d(2021, 12, 31))
                    .with_target(Value::label("adopted"))
                    .with_actual(Value::label("tabled")),
            );
        let s = score_indicator(&ind, &ScoringPolicy::default());
        // none 0, tabled 0.5, adopted 0.75: 0.5/0.75.
        assert!((s.progress.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        let mut bad = ind.clone();
        bad.periods[0].actual = Some(Value::label("passed"));
        let s = score_indicator(&bad, &ScoringPolicy::default());
        assert_eq!(s.gap, Some(Gap::NotOnScale));
        assert_eq!(s.status, Status::NoData);
    }
}
