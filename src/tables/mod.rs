//! Every part of a portfolio and every result as a tidy table: one row per
//! observation, one typed, documented, nullable column per variable, with
//! the ids that join the tables (`programme_id` everywhere, then
//! `component_id`, `indicator_id`, `challenge_id`, `stakeholder_id`, the
//! recipient code, …). The same [`Table`] is written as CSV (feature
//! `csv`, `write_csv`), becomes an Arrow `RecordBatch` (feature `arrow`)
//! and a Parquet file (feature `parquet`).
//!
//! Each table's columns, with their kinds and meanings, are
//! [`TableName::columns`]. [`Source`] makes any table of a portfolio: it
//! knows which come from the portfolio alone, from validation or from a
//! scorer.
//!
//! Unknown is not a number: a value nobody stated (an unassessed
//! stakeholder's influence, a period without an actual) is null, never a
//! default. A column's [`Kind`] is the same in every format: text, code (a
//! dictionary string in Arrow and Parquet), integer, float, date, money (an
//! exact decimal with four places beside its currency column) or boolean.
//!
//! | table | one row per | made from |
//! | --- | --- | --- |
//! | `programmes` | programme | the portfolio |
//! | `recipients` | programme × recipient country or region | the portfolio |
//! | `sectors` | programme (or transaction) × sector of any vocabulary | the portfolio |
//! | `stakeholders` | programme × stakeholder | the portfolio |
//! | `components` | component | the portfolio |
//! | `objectives` | objective (as stated; scored objectives are `measure` rows of `scores`) | the portfolio |
//! | `indicators` | indicator, with its baseline and its comment | the portfolio |
//! | `periods` | indicator period: target, actual, comment | the portfolio |
//! | `breakdowns` | period × breakdown category (by sex, age, …) | the portfolio |
//! | `challenges` | challenge (risk) | the portfolio |
//! | `mitigations` | challenge × mitigation | the portfolio |
//! | `evaluations` | evaluation × DAC criterion rating | the portfolio |
//! | `transactions` | transaction | the portfolio |
//! | `budgets` | budget period | the portfolio |
//! | `flows` | programme × recipient × year × transaction type | the portfolio and the scorer's currency and rates ([`flows`]) |
//! | `funding_links` | transaction naming a provider or receiver activity | the portfolio |
//! | `aid_types` | programme (or transaction) × aid type of any vocabulary | the portfolio |
//! | `policy_markers` | programme × policy marker of any vocabulary, with its significance | the portfolio |
//! | `humanitarian_scopes` | programme × emergency or appeal it responds to | the portfolio |
//! | `locations` | programme × sub-national location: name, point, exactness | the portfolio |
//! | `administrative_areas` | location × administrative area it names | the portfolio |
//! | `related_activities` | programme × activity it names as related (parent, child, …) | the portfolio |
//! | `findings` | finding of validation or import | validation ([`findings`]) |
//! | `scores` | programme × measure of a scorecard, with its `scale` | the scorecard ([`scores`], [`score_batches`]) |
//! | `ranks` | programme of a comparison, with rank uncertainty | the ranked scorecard ([`ranks`]) |
//! | `indicator_periods` | indicator period (or indicator, when it has none), wide: with its indicator, component and programme | the portfolio |
//! | `objective_scores` | objective of a scored programme: level, progress, coverage | the scorecard ([`objective_scores`]) |
//! | `coherence` | statistic of the composite's dimensions: a correlation (pair or with the composite, Pearson or Spearman), Cronbach's alpha, the first component's share | the scorecard ([`coherence`]), or any statistics ([`coherence_of`]) |
//! | `outliers` | raw value the policy's outlier treatment changed | the scorecard ([`outliers`]) |
//! | `sensitivity` | factor × output of the ranking's sensitivity analysis (empty when the policy asks for none) | the scorer's policy ([`sensitivity`]) |
//! | `panel` | programme × year, scored as of the year's end | the scorer ([`panel`], [`Scorer::panel`](crate::Scorer::panel)) |
//!
//! ```
//! use ssr_model::Scorer;
//! use ssr_model::tables::{Source, Table, TableName, Values};
//!
//! let portfolio = ssr_model::samples::portfolio();
//! let periods = Source::new(&portfolio, &Scorer::default()).table(TableName::Periods).0;
//! let expected: usize = portfolio.programmes.iter().flat_map(|p| p.indicators()).map(|i| i.periods.len()).sum();
//! assert_eq!(periods.rows(), expected);
//! // Every period joins its indicator.
//! let Values::Text(ids) = periods.column("indicator_id").unwrap().values() else { unreachable!() };
//! assert!(ids.iter().all(|id| id.is_some()));
//! ```

mod attributes;
mod audit;
mod entities;
mod finance;
mod indicator_periods;
mod links;
mod locations;
mod objective_scores;
mod outputs;
mod panel;
mod results;
mod sectors;
mod sensitivity;
mod source;
mod table;
mod text;

#[cfg(feature = "arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
mod arrow;
#[cfg(any(feature = "csv", feature = "parquet"))]
mod atomic;
#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
mod csv;
#[cfg(any(feature = "csv", feature = "parquet"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "csv", feature = "parquet"))))]
mod files;
#[cfg(feature = "parquet")]
#[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
mod parquet;
#[cfg(feature = "parquet")]
mod partition;
#[cfg(any(feature = "csv", feature = "parquet"))]
mod sink;

#[cfg(feature = "arrow")]
pub use arrow::{ArrowError, schema};
#[cfg(any(feature = "csv", feature = "parquet"))]
pub use atomic::write_atomically;
pub use audit::{coherence, coherence_of, outliers};
#[cfg(feature = "csv")]
pub use csv::{CsvError, CsvTableWriter, write_csv, write_scores_csv};
#[cfg(any(feature = "csv", feature = "parquet"))]
pub use files::{Existing, Format, Partition, WriteError, Written};
pub use finance::flows;
pub use objective_scores::objective_scores;
pub use outputs::{findings, ranks, score_batches, scores};
pub use panel::panel;
#[cfg(feature = "parquet")]
pub use parquet::{ParquetError, ParquetTableWriter, write_parquet};
pub use sensitivity::sensitivity;
pub use source::Source;
pub use table::{Column, ColumnSpec, Kind, Table, Values};
pub use text::TextValues;

use table::ColumnSpec as C;

/// The tables, one variant each (see the [module](self) docs).
///
/// ```
/// use ssr_model::tables::TableName;
///
/// assert_eq!(TableName::ALL.len(), 31);
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
    /// One wide row per indicator period (or indicator without periods).
    IndicatorPeriods,
    /// One row per objective of a scored programme.
    ObjectiveScores,
    /// One row per coherence statistic of the composite's dimensions.
    Coherence,
    /// One row per raw value the outlier treatment changed.
    Outliers,
    /// One row per factor and output of the ranking's sensitivity analysis.
    Sensitivity,
    /// One row per programme and year, scored as of the year's end.
    Panel,
    /// One row per transaction naming a provider or receiver activity.
    FundingLinks,
    /// One row per aid type of a programme or transaction.
    AidTypes,
    /// One row per policy marker of a programme.
    PolicyMarkers,
    /// One row per emergency or appeal a programme responds to.
    HumanitarianScopes,
    /// One row per sub-national location of a programme.
    Locations,
    /// One row per administrative area a location names.
    AdministrativeAreas,
    /// One row per activity a programme names as related.
    RelatedActivities,
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
    IndicatorPeriods = "indicator_periods",
    ObjectiveScores = "objective_scores",
    Coherence = "coherence",
    Outliers = "outliers",
    Sensitivity = "sensitivity",
    Panel = "panel",
    FundingLinks = "funding_links",
    AidTypes = "aid_types",
    PolicyMarkers = "policy_markers",
    HumanitarianScopes = "humanitarian_scopes",
    Locations = "locations",
    AdministrativeAreas = "administrative_areas",
    RelatedActivities = "related_activities",
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
            TableName::IndicatorPeriods => {
                "one row per indicator period (or indicator without periods), with its indicator, \
                 component and programme"
            }
            TableName::ObjectiveScores => {
                "one row per objective of a scored programme: level, progress, coverage"
            }
            TableName::Coherence => {
                "one row per coherence statistic of the composite's dimensions: correlations, \
                 Cronbach's alpha, the first principal component's share"
            }
            TableName::Outliers => {
                "one row per raw value the policy's outlier treatment changed: before, after, method"
            }
            TableName::Sensitivity => {
                "one row per factor and output of the ranking's sensitivity analysis: Sobol \
                 indices S_i and S_Ti with their intervals"
            }
            TableName::Panel => {
                "one row per programme and year, scored as of the year's end: composite, rank, \
                 progress, money of the year and to date, recipients"
            }
            TableName::FundingLinks => {
                "one row per transaction naming the activity its money comes from or goes to: \
                 the links of funding chains"
            }
            TableName::AidTypes => {
                "one row per aid type (any vocabulary) of a programme's defaults or of one of its \
                 transactions, as stated"
            }
            TableName::PolicyMarkers => {
                "one row per policy marker of a programme (any vocabulary), with its significance"
            }
            TableName::HumanitarianScopes => {
                "one row per emergency or appeal a programme responds to (humanitarian scope)"
            }
            TableName::Locations => {
                "one row per sub-national location of a programme: reference, name, point, exactness"
            }
            TableName::AdministrativeAreas => {
                "one row per administrative area a location names: vocabulary, level, code"
            }
            TableName::RelatedActivities => {
                "one row per activity a programme names as related (parent, child, sibling, \
                 co-funded, third party)"
            }
        }
    }

    /// The table's columns, in order.
    ///
    /// ```
    /// use ssr_model::tables::TableName;
    ///
    /// for name in TableName::ALL {
    ///     // Every table but findings and coherence (statistics of the
    ///     // whole comparison) joins on the programme.
    ///     let first = name.columns()[0].name;
    ///     let whole = [TableName::Findings, TableName::Coherence];
    ///     assert!(first == "programme_id" || whole.contains(&name), "{name}");
    /// }
    /// ```
    pub const fn columns(self) -> &'static [ColumnSpec] {
        let columns: &[C] = match self {
            TableName::Programmes => &entities::PROGRAMMES,
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
            TableName::Transactions => &finance::TRANSACTIONS,
            TableName::Budgets => finance::BUDGETS,
            TableName::Flows => finance::FLOWS,
            TableName::Findings => outputs::FINDINGS,
            TableName::Scores => outputs::SCORES,
            TableName::Ranks => outputs::RANKS,
            TableName::IndicatorPeriods => indicator_periods::INDICATOR_PERIODS,
            TableName::ObjectiveScores => objective_scores::OBJECTIVE_SCORES,
            TableName::Coherence => audit::COHERENCE,
            TableName::Outliers => audit::OUTLIERS,
            TableName::Sensitivity => sensitivity::SENSITIVITY,
            TableName::Panel => panel::PANEL,
            TableName::FundingLinks => links::FUNDING_LINKS,
            TableName::AidTypes => attributes::AID_TYPE_ROWS,
            TableName::PolicyMarkers => attributes::POLICY_MARKERS,
            TableName::HumanitarianScopes => attributes::HUMANITARIAN_SCOPES,
            TableName::Locations => locations::LOCATIONS,
            TableName::AdministrativeAreas => locations::ADMINISTRATIVE_AREAS,
            TableName::RelatedActivities => attributes::RELATED_ACTIVITIES,
        };
        columns
    }

    /// Whether the table is made from a portfolio alone; findings, scores,
    /// ranks, coherence and outliers need a validation report or a scorecard (flows a scorer's
    /// currency and rates, the default scorer's when none is given).
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
            TableName::Findings
                | TableName::Scores
                | TableName::Ranks
                | TableName::ObjectiveScores
                | TableName::Coherence
                | TableName::Outliers
                | TableName::Sensitivity
                | TableName::Panel
        )
    }
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
            let source = Source::new(&portfolio, &scorer);
            for name in TableName::ALL {
                let (t, _) = source.table(name);
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
