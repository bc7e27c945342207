//! Checks on dates: things in order, periods inside the programme and apart,
//! and data dated against the policy's `as_of`.

use chrono::NaiveDate;

use super::Code;
use super::sink::Sink;
use crate::diagnostics::path::At;
use crate::{Period, Phase, Programme};

/// The broadest time a programme covers: from its earliest stated start
/// (planned or actual) to its latest stated end. Periods entirely outside
/// it are errors; a side with no date is open. A pair of dates in the wrong
/// order is left out, so that one wrong date gives one finding rather than
/// one per period.
#[derive(Clone, Copy)]
pub(crate) struct Span {
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

fn earliest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// The pair, or nothing when its end comes before its start.
fn ordered(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match (start, end) {
        (Some(s), Some(e)) if e < s => (None, None),
        pair => pair,
    }
}

impl Span {
    pub(crate) fn of(p: &Programme) -> Span {
        let (planned_start, planned_end) = ordered(p.planned_start, p.planned_end);
        let (actual_start, actual_end) = ordered(p.actual_start, p.actual_end);
        // A planned start with an earlier actual end (or an actual start
        // after a planned end) is out of order too; [`programme`] reports it.
        let (start, end) = ordered(
            earliest(planned_start, actual_start),
            planned_end.max(actual_end),
        );
        Span { start, end }
    }
}

/// `date_order` on the programme's own dates: each end on or after the
/// start it runs from. That is its own kind's start; failing that, the
/// other kind's: an actual end with no actual start ends what began at the
/// planned start, and a planned end with no actual end is still when a
/// programme that has actually started means to end. One finding at most
/// per end.
pub(crate) fn programme(sink: &mut Sink<'_>, at: &At<'_>, p: &Programme) {
    let ends = [
        (
            "planned",
            "planned_end",
            p.planned_end,
            [
                ("planned", p.planned_start),
                ("actual", p.actual_start.filter(|_| p.actual_end.is_none())),
            ],
        ),
        (
            "actual",
            "actual_end",
            p.actual_end,
            [
                ("actual", p.actual_start),
                (
                    "planned",
                    p.planned_start.filter(|_| p.actual_start.is_none()),
                ),
            ],
        ),
    ];
    for (which, field, end, starts) in ends {
        let Some(end) = end else { continue };
        let Some((from, start)) = starts
            .into_iter()
            .find_map(|(from, start)| start.filter(|&s| end < s).map(|s| (from, s)))
        else {
            continue;
        };
        sink.emit(
            Code::DateOrder,
            &at.member(field),
            format_args!("the {which} end {end} is before the {from} start {start}"),
            "check both dates; a start and end swapped, or a wrong year, are the usual \
             causes; if the programme was delayed, record its revised planned end",
        );
    }
}

/// `date_order` on one period: its end on or after its start, and the period
/// not entirely outside the programme.
pub(crate) fn period(sink: &mut Sink<'_>, at: &At<'_>, period: &Period, span: Span) {
    if period.end < period.start {
        sink.emit(
            Code::DateOrder,
            &at.member("end"),
            format_args!(
                "the period ends on {} before it starts on {}",
                period.end, period.start
            ),
            "check both dates; a start and end swapped, or a wrong year, are the usual causes",
        );
        return;
    }
    if let Some(start) = span.start
        && period.end < start
    {
        sink.emit(
            Code::DateOrder,
            &at.member("end"),
            format_args!(
                "the period {} to {} ends before the programme starts on {start}",
                period.start, period.end
            ),
            "correct the period's dates or the programme's start date; a reporting period \
             must fall at least partly within the programme",
        );
    } else if let Some(end) = span.end
        && period.start > end
    {
        sink.emit(
            Code::DateOrder,
            &at.member("start"),
            format_args!(
                "the period {} to {} starts after the programme ends on {end}",
                period.start, period.end
            ),
            "correct the period's dates or the programme's end date; if the programme was \
             extended, record the new end date",
        );
    }
}

/// `date_order`: the baseline is dated after the end of the earliest-ending
/// period (`earliest`, with its index), so progress would be measured from a
/// point later than the result it is compared with.
pub(crate) fn baseline_after_period(
    sink: &mut Sink<'_>,
    indicator: &At<'_>,
    baseline_date: Option<NaiveDate>,
    earliest: Option<(NaiveDate, usize)>,
) {
    if let (Some(date), Some((end, k))) = (baseline_date, earliest)
        && date > end
    {
        let baseline = indicator.member("baseline");
        let periods = indicator.member("periods");
        let period = periods.index(k);
        sink.emit(
            Code::DateOrder,
            &baseline.member("date"),
            format_args!(
                "the baseline is dated {date}, after the end ({end}) of the period at {} it is compared with",
                period.pointer()
            ),
            "date the baseline when it was measured, before the first reporting period ends; \
             if it was measured late, say so in the baseline comment and move the period",
        );
    }
}

/// `period_overlap`: two periods of one indicator share at least one day.
/// `ordered` says whether the periods are already in order of start date;
/// otherwise `order` (scratch space) is filled and sorted.
pub(crate) fn overlaps(
    sink: &mut Sink<'_>,
    periods_at: &At<'_>,
    periods: &[Period],
    ordered: bool,
    order: &mut Vec<usize>,
) {
    if periods.len() < 2 || !sink.wants(Code::PeriodOverlap) {
        return;
    }
    order.clear();
    order.extend((0..periods.len()).filter(|&k| periods.get(k).is_some_and(|p| p.start <= p.end)));
    if !ordered {
        order.sort_by_key(|&k| periods.get(k).map(|p| (p.start, k)));
    }
    // The period reaching furthest so far: a later-starting period that
    // begins on or before its end overlaps it.
    let mut reach: Option<(NaiveDate, usize)> = None;
    for &k in order.iter() {
        let Some(p) = periods.get(k) else { continue };
        if let Some((end, j)) = reach
            && p.start <= end
            && let Some(q) = periods.get(j)
        {
            let other = periods_at.index(j);
            let here = periods_at.index(k);
            sink.emit(
                Code::PeriodOverlap,
                &here.member("start"),
                format_args!(
                    "the period {} to {} overlaps the period {} to {} at {}",
                    p.start,
                    p.end,
                    q.start,
                    q.end,
                    other.pointer()
                ),
                "make the periods consecutive (each starting the day after the previous ends) \
                 so that no result is counted twice",
            );
        }
        if reach.is_none_or(|(end, _)| p.end > end) {
            reach = Some((p.end, k));
        }
    }
}

/// `future_actual`: an actual reported for a period ending after `as_of`.
/// The model dates an actual at its period's end.
pub(crate) fn future_actual(sink: &mut Sink<'_>, at: &At<'_>, period: &Period, as_of: NaiveDate) {
    if period.actual.is_some() && period.end > as_of {
        sink.emit(
            Code::FutureActual,
            &at.member("actual"),
            format_args!(
                "an actual is reported for the period {} to {}, which ends after the assessment date {as_of}",
                period.start, period.end
            ),
            "an actual can only be known once its period has ended: move it to the period it \
             was measured in, or check the period's dates and the assessment date",
        );
    }
}

/// `stale_data`: the programme's latest actual, dated `latest` at `at`, is
/// older than the policy allows. Closed, cancelled and suspended programmes
/// report no new data and are not checked.
pub(crate) fn stale(
    sink: &mut Sink<'_>,
    at: &At<'_>,
    phase: Phase,
    latest: NaiveDate,
    as_of: NaiveDate,
) {
    if matches!(phase, Phase::Closed | Phase::Cancelled | Phase::Suspended) {
        return;
    }
    let allowed = i64::from(sink.policy.stale_after_days);
    let age = (as_of - latest).num_days();
    if age > allowed {
        sink.emit(
            Code::StaleData,
            at,
            format_args!(
                "the latest actual of the programme is dated {latest}, {age} days before the \
                 assessment date {as_of}; the policy allows {allowed}"
            ),
            "report the actuals of the periods that have ended since, or, if the programme has \
             stopped, record its phase as closed, suspended or cancelled",
        );
    }
}
