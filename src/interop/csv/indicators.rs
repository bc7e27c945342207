//! The indicators table: one row per indicator period.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::score::compare::EvidenceGrades;
use crate::{
    Component, ComponentId, Direction, Indicator, IndicatorId, Measure, Period, Pillar, Portfolio,
    Programme, ProgrammeId, ResultLevel, SourceKind, Value,
};

use super::{CsvError, write_table};

/// The columns of the indicators table, in order. Each value (baseline,
/// target, actual) has two columns so that numeric columns stay numeric in
/// R and pandas: the number, or the label of a qualitative value.
///
/// | column | meaning |
/// | --- | --- |
/// | `programme_id`, `external_id`, `recipients` | the programme, and its recipient countries and regions as in the programmes table (`MLI:40;289:60`) |
/// | `component_id`, `component_name`, `pillar` | the component (pillar in snake_case) |
/// | `indicator_id`, `indicator_title` | the indicator |
/// | `level` | `output`, `outcome`, `impact` |
/// | `measure` | `unit`, `percentage`, `nominal`, `ordinal`, `qualitative` |
/// | `direction` | `increase`, `decrease`, or empty when not stated |
/// | `unit` | unit of quantitative values |
/// | `weight` | relative weight within the component |
/// | `baseline`, `baseline_label`, `baseline_date` | the baseline value (number or label) and date |
/// | `period_start`, `period_end` | the period (empty for an indicator without periods) |
/// | `target`, `target_label` | the period's target (number or label) |
/// | `actual`, `actual_label` | the period's actual (number or label) |
/// | `objective_ids` | the objectives it measures, `;`-separated: its own, else its component's |
/// | `source_kind` | the kind of its data source (`survey`, `audit`, `oversight_report`, …), empty when none |
/// | `evidence_grade` | that kind's grade under the default [`EvidenceGrades`](crate::score::compare::EvidenceGrades), 0–1 |
pub const INDICATOR_COLUMNS: &[&str] = &[
    "programme_id",
    "external_id",
    "recipients",
    "component_id",
    "component_name",
    "pillar",
    "indicator_id",
    "indicator_title",
    "level",
    "measure",
    "direction",
    "unit",
    "weight",
    "baseline",
    "baseline_label",
    "baseline_date",
    "period_start",
    "period_end",
    "target",
    "target_label",
    "actual",
    "actual_label",
    "objective_ids",
    "source_kind",
    "evidence_grade",
];

#[derive(Serialize)]
struct Row<'a> {
    programme_id: ProgrammeId,
    external_id: Option<&'a str>,
    recipients: String,
    component_id: ComponentId,
    component_name: &'a str,
    pillar: Pillar,
    indicator_id: IndicatorId,
    indicator_title: &'a str,
    level: ResultLevel,
    measure: Measure,
    direction: Option<Direction>,
    unit: Option<&'a str>,
    weight: f64,
    baseline: Option<f64>,
    baseline_label: Option<&'a str>,
    baseline_date: Option<NaiveDate>,
    period_start: Option<NaiveDate>,
    period_end: Option<NaiveDate>,
    target: Option<f64>,
    target_label: Option<&'a str>,
    actual: Option<f64>,
    actual_label: Option<&'a str>,
    objective_ids: String,
    source_kind: Option<SourceKind>,
    evidence_grade: f64,
}

pub(super) fn split(value: Option<&Value>) -> (Option<f64>, Option<&str>) {
    match value {
        Some(v) => (v.as_number(), v.as_label()),
        None => (None, None),
    }
}

fn row<'a>(
    p: &'a Programme,
    c: &'a Component,
    i: &'a Indicator,
    period: Option<&'a Period>,
) -> Row<'a> {
    let baseline = i.baseline.as_ref();
    let (baseline_value, baseline_label) = split(baseline.and_then(|b| b.value.as_ref()));
    let (target, target_label) = split(period.and_then(|p| p.target.as_ref()));
    let (actual, actual_label) = split(period.and_then(|p| p.actual.as_ref()));
    Row {
        programme_id: p.id,
        external_id: p.external_id.as_deref(),
        recipients: crate::tables::recipient_list(&p.recipients),
        component_id: c.id,
        component_name: &c.name,
        pillar: c.pillar,
        indicator_id: i.id,
        indicator_title: &i.title,
        level: i.level,
        measure: i.measure,
        direction: i.direction,
        unit: i.unit.as_deref(),
        weight: i.weight.get(),
        baseline: baseline_value,
        baseline_label,
        baseline_date: baseline.and_then(|b| b.date),
        period_start: period.map(|p| p.start),
        period_end: period.map(|p| p.end),
        target,
        target_label,
        actual,
        actual_label,
        objective_ids: Programme::measured_objectives(c, i)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(";"),
        source_kind: i.source.as_ref().map(|s| s.kind),
        evidence_grade: EvidenceGrades::default().of(i),
    }
}

fn rows(portfolio: &Portfolio) -> impl Iterator<Item = Row<'_>> {
    portfolio.programmes.iter().flat_map(|p| {
        p.components.iter().flat_map(move |c| {
            c.indicators.iter().flat_map(move |i| {
                let periods: Vec<Option<&Period>> = if i.periods.is_empty() {
                    vec![None]
                } else {
                    i.periods.iter().map(Some).collect()
                };
                periods.into_iter().map(move |period| row(p, c, i, period))
            })
        })
    })
}

/// Writes the indicators table of `portfolio` (see [`INDICATOR_COLUMNS`]):
/// one row per period of every indicator, and one row with empty period
/// cells for an indicator without periods, so none is left out.
///
/// # Errors
///
/// When writing fails.
///
/// # Examples
///
/// ```
/// use ssr_model::interop::csv;
/// use ssr_model::{Component, Country, Indicator, Portfolio, Programme};
/// use ssr_model::model::{Measure, Pillar, ResultLevel};
///
/// // An indicator without periods still gets its row, with empty period cells.
/// let programme = Programme::new("Police reform", Country::new("LBR")?).with_component(
///     Component::new("Community policing", Pillar::PoliceReform)
///         .with_indicator(Indicator::new("Officers trained", ResultLevel::Output, Measure::Unit)),
/// );
/// let mut out = Vec::new();
/// csv::write_indicators(&mut out, &Portfolio::new().with_programme(programme))?;
/// let text = String::from_utf8(out)?;
/// assert_eq!(text.lines().count(), 2);
/// assert!(text.contains(",Officers trained,output,unit,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_indicators<W: Write>(writer: W, portfolio: &Portfolio) -> Result<(), CsvError> {
    write_table(writer, INDICATOR_COLUMNS, rows(portfolio))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{Synthetic, synthetic};

    #[test]
    fn columns_match_the_row_fields() {
        let portfolio = synthetic(&Synthetic::new(1));
        let first = rows(&portfolio).next().unwrap();
        assert_eq!(
            super::super::derived_header(first),
            INDICATOR_COLUMNS.join(",")
        );
    }

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
        assert_eq!(rows(&portfolio).count(), 3 + 1);
    }
}
