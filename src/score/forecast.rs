//! Forecast: the ordinary least-squares line through an indicator's dated
//! values, projected to the target date.
//!
//! The points are the baseline (when it has a date) and every actual
//! reported by the date judged at, each dated at its period's end. At least
//! two distinct dates are needed. Time is counted in days from the earliest
//! point.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A straight line `value = intercept + slope × days`, days counted from
/// `origin`.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::programme::least_squares;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// // Two points one year (365 days) apart: the line through them.
/// let line = least_squares([(d(2021, 1, 1)?, 100.0), (d(2022, 1, 1)?, 90.0)]).ok_or("no line")?;
/// assert_eq!(line.origin, d(2021, 1, 1)?);
/// assert_eq!(line.intercept, 100.0);
/// assert!((line.slope - (-10.0 / 365.0)).abs() < 1e-12);
/// assert!((line.at(d(2023, 1, 1)?) - 80.0).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Line {
    /// The date of day 0.
    pub origin: NaiveDate,
    /// The value at `origin`.
    pub intercept: f64,
    /// The change per day.
    pub slope: f64,
}

impl Line {
    /// The value the line gives at `date`.
    pub fn at(&self, date: NaiveDate) -> f64 {
        self.intercept + self.slope * (date - self.origin).num_days() as f64
    }
}

/// Fits the least-squares line through `(date, value)` points.
///
/// `None` with fewer than two distinct dates. Values are expected within
/// ±10¹⁵ ([`Finite`](crate::Finite)); then, over any span of dates chrono
/// can hold, every sum and the fitted line are finite.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::programme::least_squares;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Days 0, 10, 20 with values 1, 2, 6: mean day 10, mean value 3,
/// // slope = Σ(dx·dy)/Σdx² = (−10·−2 + 0 + 10·3)/200 = 0.25, intercept 0.5.
/// let line = least_squares([(d(2021, 1, 1), 1.0), (d(2021, 1, 11), 2.0), (d(2021, 1, 21), 6.0)]).unwrap();
/// assert!((line.slope - 0.25).abs() < 1e-12);
/// assert!((line.intercept - 0.5).abs() < 1e-12);
/// assert!((line.at(d(2021, 1, 31)) - 8.0).abs() < 1e-12);
/// assert!(least_squares([(d(2021, 1, 1), 1.0), (d(2021, 1, 1), 2.0)]).is_none());
/// ```
pub fn least_squares<I>(points: I) -> Option<Line>
where
    I: IntoIterator<Item = (NaiveDate, f64)>,
    I::IntoIter: Clone,
{
    let points = points.into_iter();
    let origin = points.clone().map(|(d, _)| d).min()?;
    let x = |d: NaiveDate| (d - origin).num_days() as f64;
    let (mut n, mut sx, mut sy) = (0.0, 0.0, 0.0);
    for (d, y) in points.clone() {
        n += 1.0;
        sx += x(d);
        sy += y;
    }
    let (mx, my) = (sx / n, sy / n);
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for (d, y) in points {
        let dx = x(d) - mx;
        sxx += dx * dx;
        sxy += dx * (y - my);
    }
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    Some(Line {
        origin,
        intercept,
        slope,
    })
}

/// Where an indicator is heading: its trend projected to the target date.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::{Baseline, Direction, Measure, ResultLevel};
/// use ssr_model::{Indicator, Period, Value};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let n = Value::number;
/// // Reported abuses, lower is better: 120, then 110 and 100 a year apart;
/// // the target is 60 at the end of 2023.
/// let abuses = Indicator::new("Reported abuses", ResultLevel::Outcome, Measure::Unit)
///     .with_direction(Direction::Decrease)
///     .with_baseline(Baseline::new(n(120.0)?).with_date(d(2020, 1, 1)?))
///     .with_period(Period::new(d(2020, 1, 1)?, d(2020, 12, 31)?).with_actual(n(110.0)?))
///     .with_period(Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?).with_actual(n(100.0)?))
///     .with_period(Period::new(d(2023, 1, 1)?, d(2023, 12, 31)?).with_target(n(60.0)?));
/// let forecast = Scorer::default().indicator(&abuses).forecast.ok_or("no forecast")?;
/// assert_eq!((forecast.points, forecast.date), (3, d(2023, 12, 31)?));
/// // About −10 a year: roughly 80 by the target date, not 60.
/// assert!((forecast.slope_per_year + 10.0).abs() < 0.05);
/// assert!((forecast.value - 80.0).abs() < 0.1);
/// assert!(!forecast.reaches_target);
/// assert!((forecast.progress - (120.0 - forecast.value) / 60.0).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Forecast {
    /// The target date projected to.
    pub date: NaiveDate,
    /// The value the trend reaches by then.
    pub value: f64,
    /// Progress that value would be, raw.
    pub progress: f64,
    /// Whether the trend reaches the target (projected progress ≥ 1).
    pub reaches_target: bool,
    /// Change per year (365.25 days) along the trend.
    pub slope_per_year: f64,
    /// How many dated values the trend is fitted through.
    pub points: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_line_is_recovered() {
        let d = |m| NaiveDate::from_ymd_opt(2022, m, 1).unwrap();
        let pts = [
            (d(1), 10.0),
            (d(3), 10.0 + 59.0 * 0.5),
            (d(5), 10.0 + 120.0 * 0.5),
        ];
        let line = least_squares(pts).unwrap();
        assert!((line.slope - 0.5).abs() < 1e-12);
        assert!((line.at(d(1)) - 10.0).abs() < 1e-9);
    }

    #[test]
    fn values_at_the_limit_over_the_widest_dates_give_a_finite_line() {
        let max = crate::Finite::LIMIT;
        let (first, next) = (NaiveDate::MIN, NaiveDate::MIN.succ_opt().unwrap());
        let line = least_squares([(first, -max), (next, max), (NaiveDate::MAX, -max)]).unwrap();
        assert!(line.slope.is_finite() && line.intercept.is_finite());
        for d in [first, next, NaiveDate::MAX] {
            assert!(line.at(d).is_finite());
        }
        // Two points a day apart: the line through both.
        let line = least_squares([(first, -max), (next, max)]).unwrap();
        assert_eq!((line.at(first), line.slope), (-max, 2.0 * max));
    }

    #[test]
    fn no_points_no_line() {
        assert!(least_squares(std::iter::empty::<(NaiveDate, f64)>()).is_none());
    }
}
