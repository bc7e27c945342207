//! The objectives table: one row per programme objective, with the level it
//! is measured at, its progress and coverage.

use std::io::Write;

use serde::Serialize;

use crate::score::Scorecard;
use crate::{ObjectiveId, ObjectiveKind, ProgrammeId, ResultLevel};

use super::{CsvError, write_table};

/// The columns of the objectives table, in order (see
/// [`ObjectiveProgress`](crate::score::programme::ObjectiveProgress)):
///
/// | column | meaning |
/// | --- | --- |
/// | `programme_id`, `programme_name` | the programme |
/// | `objective_id`, `kind`, `statement` | the objective (kind in snake_case: `oversight`, `trust`, …) |
/// | `parent_id` | the objective it serves, empty for a top objective |
/// | `indicators` | how many indicators measure it, with those of its sub-objectives |
/// | `level` | the highest result level it is measured at (`output`, `outcome`, `impact`), empty when unmeasured |
/// | `reached` | the highest result level with data |
/// | `progress` | aggregated capped progress 0–1, empty without data |
/// | `coverage` | share of its indicators' design weight with data, 0–1 |
pub const OBJECTIVE_COLUMNS: &[&str] = &[
    "programme_id",
    "programme_name",
    "objective_id",
    "kind",
    "statement",
    "parent_id",
    "indicators",
    "level",
    "reached",
    "progress",
    "coverage",
];

#[derive(Serialize)]
struct Row<'a> {
    programme_id: ProgrammeId,
    programme_name: &'a str,
    objective_id: ObjectiveId,
    kind: ObjectiveKind,
    statement: &'a str,
    parent_id: Option<ObjectiveId>,
    indicators: usize,
    level: Option<ResultLevel>,
    reached: Option<ResultLevel>,
    progress: Option<f64>,
    coverage: f64,
}

fn rows(card: &Scorecard) -> impl Iterator<Item = Row<'_>> {
    card.programmes.iter().flat_map(|p| {
        p.results.objectives.iter().map(move |o| Row {
            programme_id: p.id,
            programme_name: &p.name,
            objective_id: o.id,
            kind: o.kind,
            statement: &o.statement,
            parent_id: o.parent,
            indicators: o.indicators,
            level: o.level,
            reached: o.reached,
            progress: o.progress,
            coverage: o.coverage,
        })
    })
}

/// Writes the objectives table of a scorecard (see [`OBJECTIVE_COLUMNS`]).
///
/// ```
/// use ssr_model::interop::csv::write_objectives;
/// use ssr_model::samples;
/// use ssr_model::Scorer;
///
/// let portfolio = samples::portfolio();
/// let card = Scorer::default().scorecard(&portfolio);
/// let mut out = Vec::new();
/// write_objectives(&mut out, &card)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("programme_id,programme_name,objective_id,kind,statement,"));
/// let objectives: usize = portfolio.programmes.iter().map(|p| p.objectives.len()).sum();
/// assert_eq!(text.lines().count(), 1 + objectives);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn write_objectives<W: Write>(writer: W, card: &Scorecard) -> Result<(), CsvError> {
    write_table(writer, OBJECTIVE_COLUMNS, rows(card))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Scorer;

    #[test]
    fn columns_match_the_row_fields() {
        let card = Scorer::default().scorecard(&crate::samples::portfolio());
        let first = rows(&card).next().unwrap();
        assert_eq!(
            super::super::derived_header(first),
            OBJECTIVE_COLUMNS.join(",")
        );
    }
}
