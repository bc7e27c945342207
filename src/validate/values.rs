//! Checks on indicator values: numbers where the measure needs numbers, and
//! targets that go the way the indicator says is better.

use chrono::NaiveDate;

use super::Code;
use super::sink::Sink;
use crate::diagnostics::path::At;
use crate::{Direction, Indicator, Period, Value};

const LABEL_HELP: &str = "write the value as a number, or, if the indicator is really \
                          qualitative, change its measure to ordinal or qualitative and give \
                          it a scale";

/// `missing_value`: a quantitative indicator's baseline holds a label.
pub(crate) fn baseline(sink: &mut Sink<'_>, at: &At<'_>, indicator: &Indicator) {
    if let Some(Value::Label(label)) = indicator.baseline.as_ref().and_then(|b| b.value.as_ref())
        && indicator.measure.is_quantitative()
    {
        let baseline = at.member("baseline");
        sink.emit(
            Code::MissingValue,
            &baseline.member("value"),
            format_args!(
                "the baseline {label:?} is a label, but the indicator is measured as a {}, in numbers",
                indicator.measure
            ),
            LABEL_HELP,
        );
    }
}

/// The per-period checks of values, for a quantitative indicator:
/// `missing_value` for a target that is absent or a label and an actual that
/// is a label, and `direction_conflict` for a target on the wrong side of the
/// baseline.
pub(crate) fn period(
    sink: &mut Sink<'_>,
    at: &At<'_>,
    indicator: &Indicator,
    period: &Period,
    baseline: Option<f64>,
) {
    let measure = indicator.measure;
    match &period.target {
        None => sink.emit(
            Code::MissingValue,
            &at.member("target"),
            format_args!(
                "the period {} to {} has no target, so progress in it cannot be measured",
                period.start, period.end
            ),
            "set the number the programme aims to reach by the end of the period",
        ),
        Some(Value::Label(label)) => sink.emit(
            Code::MissingValue,
            &at.member("target"),
            format_args!(
                "the target {label:?} is a label, but the indicator is measured as a {measure}, in numbers"
            ),
            LABEL_HELP,
        ),
        Some(Value::Number(target)) => {
            if let (Some(b), Some(direction)) = (baseline, indicator.direction) {
                direction_conflict(sink, at, direction, b, target.get());
            }
        }
    }
    if let Some(Value::Label(label)) = &period.actual {
        sink.emit(
            Code::MissingValue,
            &at.member("actual"),
            format_args!(
                "the actual {label:?} is a label, but the indicator is measured as a {measure}, in numbers"
            ),
            LABEL_HELP,
        );
    }
}

fn direction_conflict(
    sink: &mut Sink<'_>,
    at: &At<'_>,
    direction: Direction,
    baseline: f64,
    target: f64,
) {
    let (side, stated) = match direction {
        Direction::Increase => ("below", "increase (higher is better)"),
        Direction::Decrease => ("above", "decrease (lower is better)"),
    };
    if direction.contradicts(baseline, target) {
        sink.emit(
            Code::DirectionConflict,
            &at.member("target"),
            format_args!(
                "the target {target} is {side} the baseline {baseline}, but the indicator's direction is {stated}"
            ),
            "check the direction and the baseline and target values: one of them is wrong; to \
             hold a value steady, set the target equal to the baseline",
        );
    }
}

/// `missing_value` for actuals not reported: each period in `unreported`
/// (indices of periods without an actual) that ended on or before `as_of`, or
/// before `reported_until`, the end of the latest period that has an actual.
pub(crate) fn unreported(
    sink: &mut Sink<'_>,
    periods_at: &At<'_>,
    periods: &[Period],
    unreported: &[usize],
    reported_until: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
) {
    for &k in unreported {
        let Some(p) = periods.get(k) else { continue };
        let at = periods_at.index(k);
        let at = at.member("actual");
        let (start, end) = (p.start, p.end);
        let help = "report the value measured at the end of the period; if it was not \
                    measured, say why in the period's comment";
        if let Some(d) = as_of.filter(|&d| end <= d) {
            sink.emit(
                Code::MissingValue,
                &at,
                format_args!(
                    "the period {start} to {end} has no actual, though it ended by the assessment date {d}"
                ),
                help,
            );
        } else if let Some(d) = reported_until.filter(|&d| end < d) {
            sink.emit(
                Code::MissingValue,
                &at,
                format_args!(
                    "the period {start} to {end} has no actual, though a later period, ending {d}, has one"
                ),
                help,
            );
        }
    }
}
