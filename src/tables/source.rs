//! Every table from one place: the portfolio's own tables, its findings
//! (validation), its scores and ranks (a scorer) and its flows (with the
//! money left out), so that no caller rebuilds the choice of source.

use std::borrow::Cow;
use std::ops::RangeInclusive;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::diagnostics::{Finding, ValidationPolicy};
use crate::score::Scorecard;
use crate::{Portfolio, Programme, Scorer};

use super::objective_scores::objective_scores;
use super::outputs::{findings, ranks, score_batches, scores};
use super::{TableName, entities, finance, indicator_periods, results};
use crate::tables::Table;

/// Rows of the scores table per batch when a table is written: memory
/// holds one batch of scores, not the whole table.
const SCORE_BATCH_ROWS: usize = 4096;

/// What every table is made from: a portfolio, the [`Scorer`] of its
/// scores, ranks and flows, and the validation policy of its findings
/// (the default unless [`with_validation`](Self::with_validation)).
///
/// [`table`](Self::table) gives any [`TableName`], with the findings
/// made while building it (the money the flows table leaves out for want
/// of an exchange rate); `write_all` writes tables to files.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Source, TableName};
///
/// let portfolio = ssr_model::samples::portfolio();
/// let scorer = Scorer::default();
/// let source = Source::new(&portfolio, &scorer);
/// for name in TableName::ALL {
///     let (table, _left_out) = source.table(name);
///     assert_eq!(table.name(), name);
/// }
/// let (stakeholders, _) = source.table(TableName::Stakeholders);
/// assert_eq!(stakeholders.rows(), portfolio.programmes.iter().map(|p| p.stakeholders.len()).sum::<usize>());
/// ```
#[derive(Debug, Clone)]
pub struct Source<'a> {
    portfolio: &'a Portfolio,
    scorer: &'a Scorer,
    validation: ValidationPolicy,
    scorecard: Option<&'a Scorecard>,
    years: Option<RangeInclusive<i32>>,
    stop: Option<&'a AtomicBool>,
}

impl<'a> Source<'a> {
    /// The tables of `portfolio`, scored by `scorer`, findings under the
    /// default validation policy.
    pub fn new(portfolio: &'a Portfolio, scorer: &'a Scorer) -> Self {
        Source {
            portfolio,
            scorer,
            validation: ValidationPolicy::default(),
            scorecard: None,
            years: None,
            stop: None,
        }
    }

    /// Returns the source whose panel table covers `years` (by default the
    /// years of the portfolio's transactions, earliest to latest, else of
    /// its programmes' planned dates).
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Source, TableName};
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let scorer = Scorer::default();
    /// let (panel, _) = Source::new(&portfolio, &scorer).with_years(2020..=2021).table(TableName::Panel);
    /// assert_eq!(panel.rows(), 2 * portfolio.programmes.len());
    /// ```
    #[must_use]
    pub fn with_years(mut self, years: RangeInclusive<i32>) -> Self {
        self.years = Some(years);
        self
    }

    /// Returns the source whose table writers stop when `stop` is raised
    /// (a Ctrl-C handler sets it, say): they look at it before each table
    /// and each batch, abandon the table being written (so nothing is left
    /// under its name, nor a temporary file) and return
    /// `WriteError::Interrupted`. A table already being computed (scores,
    /// the ranks' Monte Carlo) is finished first.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicBool, Ordering};
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Existing, Format, Source, TableName, WriteError};
    ///
    /// let dir = std::env::temp_dir().join(format!("ssr-model-doc-stop-{}", std::process::id()));
    /// let portfolio = ssr_model::samples::portfolio();
    /// let scorer = Scorer::default();
    /// let stop = AtomicBool::new(true);
    /// let result = Source::new(&portfolio, &scorer).with_stop(&stop)
    ///     .write_all(&dir, &[TableName::Programmes], Format::Csv, Existing::Refuse);
    /// assert!(matches!(result, Err(WriteError::Interrupted { .. })));
    /// assert_eq!(std::fs::read_dir(&dir)?.count(), 0);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_stop(mut self, stop: &'a AtomicBool) -> Self {
        self.stop = Some(stop);
        self
    }

    /// Whether the stop flag is raised.
    #[cfg_attr(
        not(any(feature = "csv", feature = "parquet")),
        expect(dead_code, reason = "only the table file writers look at it")
    )]
    pub(super) fn stopped(&self) -> bool {
        self.stop.is_some_and(|s| s.load(Ordering::Relaxed))
    }

    /// Returns the source with findings under `policy`.
    #[must_use]
    pub fn with_validation(mut self, policy: ValidationPolicy) -> Self {
        self.validation = policy;
        self
    }

    /// Returns the source taking the scores and ranks tables from `card`,
    /// already computed by the scorer from the portfolio, instead of
    /// scoring again. The ranks table then has the Monte Carlo statistics
    /// only when `card` has rank uncertainty ([`Scorer::rank`]).
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Source, TableName, Values};
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let scorer = Scorer::default();
    /// let plain = scorer.scorecard(&portfolio);
    /// let (ranks, _) = Source::new(&portfolio, &scorer).with_scorecard(&plain).table(TableName::Ranks);
    /// let Some(Values::Float(median)) = ranks.column("rank_median").map(|c| c.values()) else { unreachable!() };
    /// assert!(median.iter().all(Option::is_none)); // no Monte Carlo was run
    /// ```
    #[must_use]
    pub fn with_scorecard(mut self, card: &'a Scorecard) -> Self {
        self.scorecard = Some(card);
        self
    }

    /// Table `name`, and the findings made while building it: the money
    /// the flows table leaves out for want of an exchange rate
    /// (`no_exchange_rate`); empty for every other table.
    ///
    /// The scores table is the scorecard's ([`Scorer::scorecard`]), the
    /// ranks table the ranked scorecard's ([`Scorer::rank`], which runs
    /// the Monte Carlo), unless [`with_scorecard`](Self::with_scorecard)
    /// gave the card.
    pub fn table(&self, name: TableName) -> (Table, Vec<Finding>) {
        if name == TableName::Scores {
            return (scores(&self.card(false)), Vec::new());
        }
        // Every table but scores comes in one batch.
        let mut out = None;
        let left_out = self
            .for_each_batch(name, |batch| {
                out = Some(batch);
                Ok::<(), std::convert::Infallible>(())
            })
            .unwrap_or_else(|never| match never {});
        (out.unwrap_or_else(|| Table::empty(name)), left_out)
    }

    /// Hands table `name` to `each` in one or more batches (the scores
    /// table in batches of a few thousand rows, so memory holds one batch),
    /// and returns the findings made while building it (see
    /// [`table`](Self::table)).
    pub(super) fn for_each_batch<E>(
        &self,
        name: TableName,
        mut each: impl FnMut(Table) -> Result<(), E>,
    ) -> Result<Vec<Finding>, E> {
        let per_programme: fn(&mut Table, &Programme) = match name {
            TableName::Programmes => entities::programmes,
            TableName::Recipients => entities::recipients,
            TableName::Sectors => super::sectors::sectors,
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
            TableName::IndicatorPeriods => indicator_periods::indicator_periods,
            TableName::AidTypes => super::attributes::aid_types,
            TableName::PolicyMarkers => super::attributes::policy_markers,
            TableName::HumanitarianScopes => super::attributes::humanitarian_scopes,
            TableName::Locations => super::locations::locations,
            TableName::AdministrativeAreas => super::locations::administrative_areas,
            TableName::Flows => {
                let (table, left_out) = finance::flows(self.portfolio, self.scorer);
                each(table)?;
                return Ok(left_out);
            }
            TableName::FundingLinks | TableName::RelatedActivities => {
                each(self.links(name == TableName::RelatedActivities))?;
                return Ok(Vec::new());
            }
            TableName::Findings => {
                let report = crate::validate::validate(self.portfolio, &self.validation);
                each(findings(&report))?;
                return Ok(Vec::new());
            }
            TableName::Scores => {
                let card = self.card(false);
                score_batches(&card, SCORE_BATCH_ROWS, |_| true, each)?;
                return Ok(Vec::new());
            }
            TableName::Ranks => {
                each(ranks(&self.card(true)))?;
                return Ok(Vec::new());
            }
            TableName::ObjectiveScores => {
                each(objective_scores(&self.card(false)))?;
                return Ok(Vec::new());
            }
            TableName::Coherence => {
                each(super::audit::coherence(&self.card(false)))?;
                return Ok(Vec::new());
            }
            TableName::Outliers => {
                each(super::audit::outliers(&self.card(false)))?;
                return Ok(Vec::new());
            }
            TableName::Sensitivity => {
                // Empty when the scorer's policy asks for no analysis.
                if let Some(result) = self.scorer.sensitivity(self.portfolio) {
                    each(super::sensitivity::sensitivity(&result))?;
                }
                return Ok(Vec::new());
            }
            TableName::Panel => {
                let years = self
                    .years
                    .clone()
                    .or_else(|| super::panel::default_years(self.portfolio));
                let rows = years.map(|y| self.scorer.panel(self.portfolio, y));
                each(super::panel::panel(rows.as_deref().unwrap_or_default()))?;
                return Ok(Vec::new());
            }
        };
        let mut table = Table::empty(name);
        for p in &self.portfolio.programmes {
            per_programme(&mut table, p);
        }
        each(table)?;
        Ok(Vec::new())
    }

    /// The tables of links between activities: the related activities
    /// (`related`) or the funding links.
    fn links(&self, related: bool) -> Table {
        if related {
            super::attributes::related_activities(self.portfolio)
        } else {
            super::links::funding_links(self.portfolio)
        }
    }

    /// The given scorecard, or the scorer's (`ranked`: with rank
    /// uncertainty).
    fn card(&self, ranked: bool) -> Cow<'a, Scorecard> {
        match self.scorecard {
            Some(card) => Cow::Borrowed(card),
            None if ranked => Cow::Owned(self.scorer.rank(self.portfolio)),
            None => Cow::Owned(self.scorer.scorecard(self.portfolio)),
        }
    }
}
