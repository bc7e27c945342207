//! The sensitivity table: per factor and output of a sensitivity analysis
//! of a ranking, the first-order and total Sobol indices with their
//! intervals.

use crate::score::sensitivity::Sensitivity;

use super::Kind::{Code, Float, Integer};
use super::TableName;
use super::table::{Cell, ColumnSpec as C, Table};

pub(super) const SENSITIVITY: &[C] = &[
    C::new(
        "programme_id",
        Code,
        "the programme's UUID; empty for the summary (mean_rank_shift) and for matrix rows",
    ),
    C::new(
        "programme_name",
        super::Kind::Text,
        "the programme's (or matrix row's) name; empty for the summary",
    ),
    C::new(
        "row",
        Integer,
        "the programme's (or matrix row's) position in the input, from 0; empty for the summary",
    ),
    C::new(
        "factor",
        Code,
        "the choice varied: weight:<dimension or column>, normalisation, aggregation, imputation, \
         level_weight:<level>, on_track_tolerance, drop_dimension, drop_column",
    ),
    C::new(
        "output",
        Code,
        "mean_rank_shift (mean |rank − nominal rank| over the programmes), rank or composite",
    ),
    C::new(
        "nominal",
        Float,
        "the output under the policy's own choices",
    ),
    C::new(
        "sd",
        Float,
        "the output's standard deviation over the runs; 0 when no choice moves it",
    ),
    C::new(
        "s_first",
        Float,
        "first-order Sobol index S_i (Saltelli 2010): the variance share the factor explains alone; \
         empty when the output was undefined in some run",
    ),
    C::new(
        "s_first_low",
        Float,
        "lower end of the 95 % bootstrap interval of s_first",
    ),
    C::new(
        "s_first_high",
        Float,
        "upper end of the 95 % bootstrap interval of s_first",
    ),
    C::new(
        "s_total",
        Float,
        "total Sobol index S_Ti (Jansen 1999): the variance share the factor takes part in",
    ),
    C::new(
        "s_total_low",
        Float,
        "lower end of the 95 % bootstrap interval of s_total",
    ),
    C::new(
        "s_total_high",
        Float,
        "upper end of the 95 % bootstrap interval of s_total",
    ),
    C::new("samples", Integer, "base samples N of the Saltelli design"),
    C::new("runs", Integer, "model runs, N · (k + 2) for k factors"),
    C::new(
        "resamples",
        Integer,
        "bootstrap resamples behind each interval",
    ),
    C::new(
        "seed",
        Code,
        "the seed of the design and the bootstrap (a 64-bit unsigned number, as text)",
    ),
];

/// The sensitivity table (see [`TableName::Sensitivity`]) of an analysis:
/// one row per factor and output.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::{ScoringPolicy, SensitivityPolicy};
/// use ssr_model::tables;
///
/// let mut policy = ScoringPolicy::default();
/// policy.sensitivity = Some(SensitivityPolicy::standard(&policy).with_samples(16));
/// let result = Scorer::new(policy)?.sensitivity(&ssr_model::samples::portfolio()).ok_or("none")?;
/// let t = tables::sensitivity(&result);
/// assert_eq!(t.rows(), result.rows.len());
/// assert!(t.column("s_total_high").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sensitivity(result: &Sensitivity) -> Table {
    let mut t = Table::empty(TableName::Sensitivity);
    let int = |n: usize| Cell::integer(Some(i64::try_from(n).unwrap_or(i64::MAX)));
    for r in &result.rows {
        t.push([
            Cell::code(r.programme),
            Cell::text(r.name.clone()),
            r.row.map_or(Cell::Null, int),
            Cell::Text(r.factor.clone()),
            Cell::code(Some(r.output)),
            Cell::float(r.nominal),
            Cell::float(r.sd),
            Cell::float(r.s_first),
            Cell::float(r.s_first_low),
            Cell::float(r.s_first_high),
            Cell::float(r.s_total),
            Cell::float(r.s_total_low),
            Cell::float(r.s_total_high),
            int(result.samples),
            int(result.runs),
            int(result.resamples),
            Cell::code(Some(result.seed)),
        ]);
    }
    t
}
