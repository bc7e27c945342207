//! Every part of a portfolio and every result as a tidy table: one row per
//! observation, one typed, documented, nullable column per variable, with
//! the ids that join the tables (`programme_id` everywhere, then
//! `component_id`, `indicator_id`, `challenge_id`, `stakeholder_id`, the
//! recipient code, …). The same [`Table`] is written as CSV (feature
//! `csv`, `write_csv`), becomes an Arrow `RecordBatch` (feature `arrow`)
//! and a Parquet file (feature `parquet`).
//!
//! Each table's columns, with their kinds and meanings, are
//! [`TableName::columns`].
//!
//! Unknown is not a number: a value nobody stated (an unassessed
//! stakeholder's influence, a period without an actual) is null, never a
//! default. A column's [`Kind`] is the same in every format: text, code (a
//! dictionary string in Arrow and Parquet), integer, float, date, money (an
//! exact decimal with four places beside its currency column) or boolean.
//!
//! | table | one row per | built by |
//! | --- | --- | --- |
//! | `programmes` | programme | [`Table::from_portfolio`] |
//! | `recipients` | programme × recipient country or region | [`Table::from_portfolio`] |
//! | `sectors` | programme (or transaction) × sector of any vocabulary | [`Table::from_portfolio`] |
//! | `stakeholders` | programme × stakeholder | [`Table::from_portfolio`] |
//! | `components` | component | [`Table::from_portfolio`] |
//! | `objectives` | objective (as stated; scored objectives are `measure` rows of `scores`) | [`Table::from_portfolio`] |
//! | `indicators` | indicator, with its baseline and its comment | [`Table::from_portfolio`] |
//! | `periods` | indicator period: target, actual, comment | [`Table::from_portfolio`] |
//! | `breakdowns` | period × breakdown category (by sex, age, …) | [`Table::from_portfolio`] |
//! | `challenges` | challenge (risk) | [`Table::from_portfolio`] |
//! | `mitigations` | challenge × mitigation | [`Table::from_portfolio`] |
//! | `evaluations` | evaluation × DAC criterion rating | [`Table::from_portfolio`] |
//! | `transactions` | transaction | [`Table::from_portfolio`] |
//! | `budgets` | budget period | [`Table::from_portfolio`] |
//! | `flows` | programme × recipient × year × transaction type | [`flows`] (or [`Table::from_portfolio`] with the default scorer) |
//! | `findings` | finding of validation or import | [`findings`] |
//! | `scores` | programme × measure of a scorecard, with its `scale` | [`scores`], [`score_batches`] |
//! | `ranks` | programme of a comparison, with rank uncertainty | [`ranks`] |
//!
//! ```
//! use ssr_model::tables::{Table, TableName, Values};
//!
//! let portfolio = ssr_model::samples::portfolio();
//! let periods = Table::from_portfolio(&portfolio, TableName::Periods).expect("a portfolio table");
//! let expected: usize = portfolio.programmes.iter().flat_map(|p| p.indicators()).map(|i| i.periods.len()).sum();
//! assert_eq!(periods.rows(), expected);
//! // Every period joins its indicator.
//! let Values::Text(ids) = periods.column("indicator_id").unwrap().values() else { unreachable!() };
//! assert!(ids.iter().all(Option::is_some));
//! ```

mod entities;
mod finance;
mod outputs;
mod results;
mod sectors;
mod table;

#[cfg(feature = "arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
mod arrow;
#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
mod csv;
#[cfg(feature = "parquet")]
#[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
mod parquet;

#[cfg(feature = "arrow")]
pub use arrow::{ArrowError, schema};
#[cfg(feature = "csv")]
pub use csv::{CsvError, CsvTableWriter, write_csv};
#[cfg(feature = "csv")]
pub(crate) use entities::recipient_list;
pub use finance::flows;
pub use outputs::{findings, ranks, score_batches, scores};
#[cfg(feature = "parquet")]
pub use parquet::{ParquetError, ParquetTableWriter, write_parquet};
pub use table::{Column, ColumnSpec, Kind, Table, Values};

use crate::Portfolio;
use table::ColumnSpec as C;

/// The tables, one variant each (see the [module](self) docs).
///
/// ```
/// use ssr_model::tables::TableName;
///
/// assert_eq!(TableName::ALL.len(), 18);
/// assert_eq!("transactions".parse::<TableName>()?, TableName::Transactions);
/// assert_eq!(TableName::Flows.to_string(), "flows");
/// assert!("nonsense".parse::<TableName>().unwrap_err().to_string().contains("`programmes`"));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum TableName {
    /// One row per programme.
    Programmes,
    /// One row per recipient country or region of a programme.
    Recipients,
    /// One row per sector of a programme or transaction.
    Sectors,
    /// One row per stakeholder of a programme.
    Stakeholders,
    /// One row per component.
    Components,
    /// One row per objective as stated.
    Objectives,
    /// One row per indicator, with its baseline.
    Indicators,
    /// One row per indicator period.
    Periods,
    /// One row per breakdown category of a period.
    Breakdowns,
    /// One row per challenge (risk).
    Challenges,
    /// One row per mitigation of a challenge.
    Mitigations,
    /// One row per criterion rating of an evaluation.
    Evaluations,
    /// One row per transaction.
    Transactions,
    /// One row per budget period.
    Budgets,
    /// Yearly money per programme, recipient and transaction type.
    Flows,
    /// One row per finding of validation or import.
    Findings,
    /// One row per programme × measure of a scorecard.
    Scores,
    /// One row per programme of a comparison, with rank uncertainty.
    Ranks,
}

crate::model::names::names!(TableName, "table" {
    Programmes = "programmes",
    Recipients = "recipients",
    Sectors = "sectors",
    Stakeholders = "stakeholders",
    Components = "components",
    Objectives = "objectives",
    Indicators = "indicators",
    Periods = "periods",
    Breakdowns = "breakdowns",
    Challenges = "challenges",
    Mitigations = "mitigations",
    Evaluations = "evaluations",
    Transactions = "transactions",
    Budgets = "budgets",
    Flows = "flows",
    Findings = "findings",
    Scores = "scores",
    Ranks = "ranks",
});

impl TableName {
    /// What one row of the table is.
    ///
    /// ```
    /// use ssr_model::tables::TableName;
    ///
    /// assert!(TableName::Evaluations.describe().contains("criterion"));
    /// ```
    pub fn describe(self) -> &'static str {
        match self {
            TableName::Programmes => "one row per programme",
            TableName::Recipients => {
                "one row per recipient country or region of a programme, with its share"
            }
            TableName::Sectors => {
                "one row per sector (any vocabulary) of a programme or of one of its transactions"
            }
            TableName::Stakeholders => {
                "one row per stakeholder of a programme: kind, roles, influence, interest, stance"
            }
            TableName::Components => "one row per component (pillar of work)",
            TableName::Objectives => "one row per objective as stated, with its parent",
            TableName::Indicators => {
                "one row per indicator, with its baseline and the baseline's comment"
            }
            TableName::Periods => {
                "one row per indicator period: target, actual and the period's comment"
            }
            TableName::Breakdowns => "one row per breakdown category of an indicator period",
            TableName::Challenges => "one row per challenge (risk): likelihood, impact, status",
            TableName::Mitigations => "one row per mitigation of a challenge",
            TableName::Evaluations => "one row per DAC criterion rating of an evaluation",
            TableName::Transactions => "one row per transaction, money as exact decimals",
            TableName::Budgets => "one row per budget period, money as exact decimals",
            TableName::Flows => "yearly money per programme, recipient and transaction type",
            TableName::Findings => "one row per finding of validation or import",
            TableName::Scores => "one row per programme and measure of a scorecard, with its scale",
            TableName::Ranks => {
                "one row per programme of a comparison: rank, composite, rank uncertainty"
            }
        }
    }

    /// The table's columns, in order.
    ///
    /// ```
    /// use ssr_model::tables::TableName;
    ///
    /// for name in TableName::ALL {
    ///     // Every table but findings joins on the programme.
    ///     let first = name.columns()[0].name;
    ///     assert!(first == "programme_id" || name == TableName::Findings, "{name}");
    /// }
    /// ```
    pub const fn columns(self) -> &'static [ColumnSpec] {
        let columns: &[C] = match self {
            TableName::Programmes => entities::PROGRAMMES,
            TableName::Recipients => entities::RECIPIENTS,
            TableName::Sectors => sectors::SECTORS,
            TableName::Stakeholders => entities::STAKEHOLDERS,
            TableName::Components => entities::COMPONENTS,
            TableName::Objectives => entities::OBJECTIVES,
            TableName::Indicators => results::INDICATORS,
            TableName::Periods => results::PERIODS,
            TableName::Breakdowns => results::BREAKDOWNS,
            TableName::Challenges => entities::CHALLENGES,
            TableName::Mitigations => entities::MITIGATIONS,
            TableName::Evaluations => entities::EVALUATIONS,
            TableName::Transactions => finance::TRANSACTIONS,
            TableName::Budgets => finance::BUDGETS,
            TableName::Flows => finance::FLOWS,
            TableName::Findings => outputs::FINDINGS,
            TableName::Scores => outputs::SCORES,
            TableName::Ranks => outputs::RANKS,
        };
        columns
    }

    /// Whether the table is built from a portfolio alone
    /// ([`Table::from_portfolio`]); findings, scores and ranks need a
    /// validation report or a scorecard.
    ///
    /// ```
    /// use ssr_model::tables::TableName;
    ///
    /// assert!(TableName::Budgets.from_portfolio_alone());
    /// assert!(!TableName::Scores.from_portfolio_alone());
    /// ```
    pub fn from_portfolio_alone(self) -> bool {
        !matches!(
            self,
            TableName::Findings | TableName::Scores | TableName::Ranks
        )
    }
}

impl Table {
    /// The table `name` of `portfolio`, or `None` for a table that needs
    /// more than a portfolio (findings: [`findings`]; scores: [`scores`];
    /// ranks: [`ranks`]). Flows are in each programme's own most used
    /// currency here, without exchange rates ([`flows`] takes a scorer).
    ///
    /// ```
    /// use ssr_model::tables::{Table, TableName};
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let t = Table::from_portfolio(&portfolio, TableName::Stakeholders).unwrap();
    /// assert_eq!(t.rows(), portfolio.programmes.iter().map(|p| p.stakeholders.len()).sum::<usize>());
    /// assert!(Table::from_portfolio(&portfolio, TableName::Scores).is_none());
    /// ```
    pub fn from_portfolio(portfolio: &Portfolio, name: TableName) -> Option<Table> {
        let each: fn(&mut Table, &crate::Programme) = match name {
            TableName::Programmes => entities::programmes,
            TableName::Recipients => entities::recipients,
            TableName::Sectors => sectors::sectors,
            TableName::Stakeholders => entities::stakeholders,
            TableName::Components => entities::components,
            TableName::Objectives => entities::objectives,
            TableName::Indicators => results::indicators,
            TableName::Periods => results::periods,
            TableName::Breakdowns => results::breakdowns,
            TableName::Challenges => entities::challenges,
            TableName::Mitigations => entities::mitigations,
            TableName::Evaluations => entities::evaluations,
            TableName::Transactions => finance::transactions,
            TableName::Budgets => finance::budgets,
            TableName::Flows => {
                return Some(flows(portfolio, &crate::score::Scorer::default()).0);
            }
            TableName::Findings | TableName::Scores | TableName::Ranks => return None,
        };
        let mut table = Table::empty(name);
        for p in &portfolio.programmes {
            each(&mut table, p);
        }
        Some(table)
    }
}

/// The names of `specs`, as an array for a `const` column list
/// (`interop::csv`'s `*_COLUMNS` are made from the tables' columns).
#[cfg(feature = "csv")]
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
pub(crate) const fn column_names<const N: usize>(specs: &[ColumnSpec]) -> [&'static str; N] {
    let mut names = [""; N];
    let mut i = 0;
    while i < N {
        names[i] = specs[i].name;
        i += 1;
    }
    names
}

/// Table `name` of `portfolio`, for a name [`Table::from_portfolio`]
/// builds (the CSV writers' tables).
#[cfg(feature = "csv")]
#[allow(
    clippy::expect_used,
    reason = "called with portfolio tables only, each by its own writer"
)]
pub(crate) fn portfolio_table(portfolio: &Portfolio, name: TableName) -> Table {
    Table::from_portfolio(portfolio, name).expect("the CSV writers ask for portfolio tables only")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{Synthetic, synthetic};
    use crate::score::Scorer;

    /// Every table builds on the sample and on a synthetic portfolio: each
    /// row has a cell per column, of the column's kind (`Table::push`
    /// asserts both), and column names are unique.
    #[test]
    fn every_table_builds_with_matching_kinds() {
        for portfolio in [
            crate::samples::portfolio(),
            synthetic(
                &Synthetic::new(3)
                    .with_components(2)
                    .with_indicators(2)
                    .with_periods(2),
            ),
        ] {
            let scorer = Scorer::default();
            let card = scorer.scorecard(&portfolio);
            let card = card
                .clone()
                .with_uncertainty(scorer.rank_uncertainty(&card))
                .unwrap();
            let report = crate::validate::validate(&portfolio, &Default::default());
            for name in TableName::ALL {
                let t = Table::from_portfolio(&portfolio, name).unwrap_or_else(|| match name {
                    TableName::Findings => findings(&report),
                    TableName::Scores => scores(&card),
                    _ => ranks(&card),
                });
                assert_eq!(t.name(), name);
                for c in t.columns() {
                    assert_eq!(c.values().len(), t.rows(), "{name}.{}", c.name());
                }
                let mut names: Vec<_> = name.columns().iter().map(|c| c.name).collect();
                names.sort_unstable();
                names.dedup();
                assert_eq!(names.len(), name.columns().len(), "{name}");
            }
        }
    }
}
