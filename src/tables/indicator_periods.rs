//! The indicator periods table: the results framework at the grain of a
//! reporting period, one wide row per period with its indicator, component
//! and programme, so that a single file answers "what was the target and
//! the actual of each indicator in each period".

use crate::score::compare::EvidenceGrades;
use crate::{Component, Indicator, Period, Programme};

use super::Kind::{Code, Date, Float, Text};
use super::entities::{joined, recipient_list};
use super::results::{
    ACTUAL, ACTUAL_LABEL, BASELINE, BASELINE_DATE, BASELINE_LABEL, DIRECTION, OBJECTIVE_IDS,
    TARGET, TARGET_LABEL, UNIT, WEIGHT, split,
};
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

pub(super) const INDICATOR_PERIODS: &[C] = &[
    PROGRAMME_ID,
    EXTERNAL_ID,
    C::new(
        "recipients",
        Text,
        "recipient countries and regions with their shares, `;`-separated (`MLI:40;289:60`)",
    ),
    COMPONENT_ID,
    C::new("component_name", Text, "the component's name"),
    C::new("pillar", Code, "the component's pillar of work"),
    C::new(
        "indicator_id",
        Code,
        "the indicator's UUID (indicators table)",
    ),
    C::new("indicator_title", Text, "what the indicator measures"),
    LEVEL,
    MEASURE,
    DIRECTION,
    UNIT,
    WEIGHT,
    BASELINE,
    BASELINE_LABEL,
    BASELINE_DATE,
    C::new(
        "period_start",
        Date,
        "the period's first day; empty for an indicator without periods",
    ),
    C::new(
        "period_end",
        Date,
        "the period's last day; empty for an indicator without periods",
    ),
    TARGET,
    TARGET_LABEL,
    ACTUAL,
    ACTUAL_LABEL,
    OBJECTIVE_IDS,
    C::new(
        "source_kind",
        Code,
        "the kind of data source: survey, audit, oversight_report, …; empty when none",
    ),
    C::new(
        "evidence_grade",
        Float,
        "that kind's grade under the default evidence grades, 0–1",
    ),
];

/// One row per period of every indicator of `p`, and one row with empty
/// period cells for an indicator without periods, so none is left out.
pub(super) fn indicator_periods(t: &mut Table, p: &Programme) {
    let recipients = recipient_list(&p.recipients);
    for c in &p.components {
        for i in &c.indicators {
            if i.periods.is_empty() {
                row(t, p, &recipients, c, i, None);
            }
            for period in &i.periods {
                row(t, p, &recipients, c, i, Some(period));
            }
        }
    }
}

fn row(
    t: &mut Table,
    p: &Programme,
    recipients: &str,
    c: &Component,
    i: &Indicator,
    period: Option<&Period>,
) {
    let baseline = i.baseline.as_ref();
    let (baseline_value, baseline_label) = split(baseline.and_then(|b| b.value.as_ref()));
    let (target, target_label) = split(period.and_then(|p| p.target.as_ref()));
    let (actual, actual_label) = split(period.and_then(|p| p.actual.as_ref()));
    t.push([
        Cell::code(Some(p.id)),
        Cell::text(p.external_id.as_deref()),
        Cell::Text(recipients.to_owned()),
        Cell::code(Some(c.id)),
        Cell::Text(c.name.clone()),
        Cell::code(Some(c.pillar)),
        Cell::code(Some(i.id)),
        Cell::Text(i.title.clone()),
        Cell::code(Some(i.level)),
        Cell::code(Some(i.measure)),
        Cell::code(i.direction),
        Cell::text(i.unit.as_deref()),
        Cell::Float(i.weight.get()),
        baseline_value,
        baseline_label,
        Cell::date(baseline.and_then(|b| b.date)),
        Cell::date(period.map(|p| p.start)),
        Cell::date(period.map(|p| p.end)),
        target,
        target_label,
        actual,
        actual_label,
        joined(Programme::measured_objectives(c, i)),
        Cell::code(i.source.as_ref().map(|s| s.kind)),
        Cell::Float(EvidenceGrades::default().of(i)),
    ]);
}

#[cfg(test)]
mod tests {
    use crate::samples::{Synthetic, synthetic};
    use crate::tables::{Source, TableName};

    #[test]
    fn an_indicator_without_periods_still_has_a_row() {
        let mut portfolio = synthetic(
            &Synthetic::new(1)
                .with_components(1)
                .with_indicators(2)
                .with_periods(3),
        );
        portfolio.programmes[0].components[0].indicators[1]
            .periods
            .clear();
        let scorer = crate::Scorer::default();
        let (t, _) = Source::new(&portfolio, &scorer).table(TableName::IndicatorPeriods);
        // 3 periods of the first indicator + 1 row for the second.
        assert_eq!(t.rows(), 3 + 1);
    }
}
