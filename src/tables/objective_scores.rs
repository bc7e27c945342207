//! The objective scores table: each objective of a scored programme with
//! the level it is measured at, its progress and coverage (the
//! `objectives` table has the objectives as stated).

use crate::score::Scorecard;

use super::Kind::{Code, Float, Integer};
use super::TableName;
use super::entities::{OBJECTIVE_KIND, STATEMENT};
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

pub(super) const OBJECTIVE_SCORES: &[C] = &[
    PROGRAMME_ID,
    PROGRAMME_NAME,
    C::new(
        "objective_id",
        Code,
        "the objective's UUID (objectives table)",
    ),
    OBJECTIVE_KIND,
    STATEMENT,
    C::new(
        "parent_objective_id",
        Code,
        "the objective it serves; empty for a top objective",
    ),
    C::new(
        "indicators",
        Integer,
        "how many indicators measure it, with those of its sub-objectives",
    ),
    C::new(
        "level",
        Code,
        "the highest result level it is measured at (output, outcome, impact); empty when unmeasured",
    ),
    C::new("reached", Code, "the highest result level with data"),
    C::new(
        "progress",
        Float,
        "aggregated capped progress 0–1; empty without data",
    ),
    C::new(
        "coverage",
        Float,
        "share of its indicators' design weight with data, 0–1",
    ),
];

/// The objective scores table (see [`TableName::ObjectiveScores`]) of a
/// scorecard: one row per objective of each programme.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let card = Scorer::default().scorecard(&portfolio);
/// let t = tables::objective_scores(&card);
/// let objectives: usize = portfolio.programmes.iter().map(|p| p.objectives.len()).sum();
/// assert_eq!(t.rows(), objectives);
/// assert!(t.column("parent_objective_id").is_some());
/// ```
pub fn objective_scores(card: &Scorecard) -> Table {
    let mut t = Table::empty(TableName::ObjectiveScores);
    for p in &card.programmes {
        for o in &p.results.objectives {
            t.push([
                Cell::code(Some(p.id)),
                Cell::Text(p.name.clone()),
                Cell::code(Some(o.id)),
                Cell::code(Some(o.kind)),
                Cell::Text(o.statement.clone()),
                Cell::code(o.parent),
                Cell::count(o.indicators),
                Cell::code(o.level),
                Cell::code(o.reached),
                Cell::float(o.progress),
                Cell::Float(o.coverage),
            ]);
        }
    }
    t
}
