//! The tables of the results framework: indicators, their periods and the
//! periods' breakdowns.

use crate::{Component, Indicator, Programme, Value};

use super::Kind::{Boolean, Code, Date, Float, Integer, Text};
use super::entities::joined;
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

/// A value as two cells, the number and the label, so that numeric
/// columns stay numeric in R and pandas.
pub(crate) fn split(value: Option<&Value>) -> (Cell, Cell) {
    (
        Cell::float(value.and_then(Value::as_number)),
        Cell::text(value.and_then(Value::as_label)),
    )
}

/// Columns the indicators, periods and indicator periods tables share.
pub(super) const DIRECTION: C = C::new(
    "direction",
    Code,
    "increase or decrease; empty when not stated",
);
pub(super) const UNIT: C = C::new("unit", Text, "the unit of quantitative values");
pub(super) const WEIGHT: C = C::new("weight", Float, "its relative weight within the component");
pub(super) const BASELINE: C = C::new("baseline", Float, "the baseline value, when a number");
pub(super) const BASELINE_LABEL: C =
    C::new("baseline_label", Text, "the baseline value, when a label");
pub(super) const BASELINE_DATE: C = C::new("baseline_date", Date, "the baseline's date");
pub(super) const OBJECTIVE_IDS: C = C::new(
    "objective_ids",
    Text,
    "the objectives it measures, `;`-separated UUIDs: its own, else its component's",
);
pub(super) const TARGET: C = C::new("target", Float, "the target, when a number");
pub(super) const TARGET_LABEL: C = C::new("target_label", Text, "the target, when a label");
pub(super) const ACTUAL: C = C::new(
    "actual",
    Float,
    "the actual value, when a number; empty when not reported",
);
pub(super) const ACTUAL_LABEL: C = C::new("actual_label", Text, "the actual value, when a label");

pub(super) const INDICATORS: &[C] = &[
    PROGRAMME_ID,
    C::new(
        "component_id",
        Code,
        "the component's UUID (components table)",
    ),
    C::new("indicator_id", Code, "the indicator's UUID"),
    C::new("title", Text, "what it measures"),
    LEVEL,
    MEASURE,
    DIRECTION,
    UNIT,
    C::new(
        "scale",
        Text,
        "an ordinal or qualitative measure's labels, worst to best, `;`-separated",
    ),
    WEIGHT,
    C::new(
        "reference",
        Text,
        "its identifier in the source, e.g. an IATI indicator reference",
    ),
    BASELINE,
    BASELINE_LABEL,
    BASELINE_DATE,
    C::new(
        "baseline_comment",
        Text,
        "the baseline's comment (UNDP-style files put targets here)",
    ),
    C::new(
        "source_kind",
        Code,
        "the kind of data source: survey, audit, oversight_report, administrative_data, …",
    ),
    C::new(
        "source_description",
        Text,
        "the data source or means of verification",
    ),
    OBJECTIVE_IDS,
    C::new(
        "periods",
        Integer,
        "number of reporting periods (periods table)",
    ),
];

pub(super) fn indicators(t: &mut Table, p: &Programme) {
    for c in &p.components {
        for i in &c.indicators {
            let baseline = i.baseline.as_ref();
            let (value, label) = split(baseline.and_then(|b| b.value.as_ref()));
            t.push([
                Cell::code(Some(p.id)),
                Cell::code(Some(c.id)),
                Cell::code(Some(i.id)),
                Cell::Text(i.title.clone()),
                Cell::code(Some(i.level)),
                Cell::code(Some(i.measure)),
                Cell::code(i.direction),
                Cell::text(i.unit.as_deref()),
                i.scale.as_ref().map_or(Cell::Null, |s| joined(s.levels())),
                Cell::Float(i.weight.get()),
                Cell::text(i.reference.as_deref()),
                value,
                label,
                Cell::date(baseline.and_then(|b| b.date)),
                Cell::text(baseline.and_then(|b| b.comment.as_deref())),
                Cell::code(i.source.as_ref().map(|s| s.kind)),
                Cell::text(i.source.as_ref().and_then(|s| s.description.as_deref())),
                joined(Programme::measured_objectives(c, i)),
                Cell::count(i.periods.len()),
            ]);
        }
    }
}

pub(super) const PERIODS: &[C] = &[
    PROGRAMME_ID,
    COMPONENT_ID,
    C::new(
        "indicator_id",
        Code,
        "the indicator's UUID (indicators table)",
    ),
    PERIOD_START,
    PERIOD_END,
    TARGET,
    TARGET_LABEL,
    ACTUAL,
    ACTUAL_LABEL,
    C::new(
        "comment",
        Text,
        "the period's comment (UNDP-style files put targets here)",
    ),
    C::new(
        "breakdowns",
        Integer,
        "number of breakdown categories (breakdowns table)",
    ),
];

fn each_indicator<'a>(
    p: &'a Programme,
) -> impl Iterator<Item = (&'a Component, &'a Indicator)> + 'a {
    p.components
        .iter()
        .flat_map(|c| c.indicators.iter().map(move |i| (c, i)))
}

pub(super) fn periods(t: &mut Table, p: &Programme) {
    for (c, i) in each_indicator(p) {
        for period in &i.periods {
            let (target, target_label) = split(period.target.as_ref());
            let (actual, actual_label) = split(period.actual.as_ref());
            t.push([
                Cell::code(Some(p.id)),
                Cell::code(Some(c.id)),
                Cell::code(Some(i.id)),
                Cell::Date(period.start),
                Cell::Date(period.end),
                target,
                target_label,
                actual,
                actual_label,
                Cell::text(period.comment.as_deref()),
                Cell::count(period.breakdowns.len()),
            ]);
        }
    }
}

pub(super) const BREAKDOWNS: &[C] = &[
    PROGRAMME_ID,
    EXTERNAL_ID,
    COMPONENT_ID,
    C::new(
        "indicator_id",
        Code,
        "the indicator's UUID (indicators table)",
    ),
    C::new("indicator_title", Text, "the indicator's title"),
    LEVEL,
    MEASURE,
    C::new(
        "period_start",
        Date,
        "the period's first day (periods table)",
    ),
    PERIOD_END,
    C::new(
        "dimension",
        Text,
        "what the values are broken down by, e.g. sex",
    ),
    C::new("category", Text, "the category, e.g. female"),
    C::new("baseline", Float, "the category's baseline, when a number"),
    C::new(
        "baseline_label",
        Text,
        "the category's baseline, when a label",
    ),
    C::new("target", Float, "the category's target, when a number"),
    C::new("target_label", Text, "the category's target, when a label"),
    C::new("actual", Float, "the category's actual, when a number"),
    C::new("actual_label", Text, "the category's actual, when a label"),
    C::new(
        "period_target",
        Float,
        "the period's total target (a number), to compare with",
    ),
    C::new(
        "period_actual",
        Float,
        "the period's total actual (a number), to compare with",
    ),
    C::new(
        "additive",
        Boolean,
        "whether the categories add up to the total, as the breakdown declares; empty when it does not",
    ),
];

pub(super) fn breakdowns(t: &mut Table, p: &Programme) {
    for (c, i) in each_indicator(p) {
        for period in &i.periods {
            for b in &period.breakdowns {
                let (baseline, baseline_label) = split(b.baseline.as_ref());
                let (target, target_label) = split(b.target.as_ref());
                let (actual, actual_label) = split(b.actual.as_ref());
                t.push([
                    Cell::code(Some(p.id)),
                    Cell::text(p.external_id.as_deref()),
                    Cell::code(Some(c.id)),
                    Cell::code(Some(i.id)),
                    Cell::Text(i.title.clone()),
                    Cell::code(Some(i.level)),
                    Cell::code(Some(i.measure)),
                    Cell::Date(period.start),
                    Cell::Date(period.end),
                    Cell::Text(b.dimension.clone()),
                    Cell::Text(b.category.clone()),
                    baseline,
                    baseline_label,
                    target,
                    target_label,
                    actual,
                    actual_label,
                    Cell::float(period.target.as_ref().and_then(Value::as_number)),
                    Cell::float(period.actual.as_ref().and_then(Value::as_number)),
                    Cell::boolean(b.additive),
                ]);
            }
        }
    }
}
