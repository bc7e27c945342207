//! The scorer's programme-year panels: the date sweep and the reference
//! that scores one full scorecard per year. Beside the scorer rather than
//! in it, so the scorer does not import the panels that use it.

use super::Scorer;
use crate::Portfolio;

impl Scorer {
    /// A programme-year panel: every programme scored as of the last day of
    /// each year in `years`, one [`PanelRow`](super::compare::PanelRow) per
    /// programme and year (year by year, programmes in portfolio order),
    /// ranks among the programmes ranked that year, without rank
    /// uncertainty (see [`ranked_panel`](Self::ranked_panel)). Each year is
    /// scored under the as-of rule
    /// ([`ScoringPolicy::as_of`](super::ScoringPolicy::as_of)); the
    /// policy's own `as_of` is replaced. A year beyond the calendar's
    /// range is skipped.
    ///
    /// The rows are those of one full scorecard per year
    /// ([`panel_by_scorecards`](Self::panel_by_scorecards)), bit for bit,
    /// for about the cost of one: the years are swept, an indicator is
    /// scored again only in a year holding one of its dates (in the others
    /// only its status is judged again), the means only when a progress
    /// changed, an evaluation only when a new one is dated, risk and
    /// stakeholders once, and nothing is copied.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::samples::{Synthetic, synthetic};
    ///
    /// let portfolio = synthetic(&Synthetic::new(5).with_components(2).with_indicators(2).with_periods(3));
    /// let scorer = Scorer::default();
    /// let panel = scorer.panel(&portfolio, 2016..=2020);
    /// assert_eq!(panel.len(), 5 * 5);
    /// assert_eq!(panel, scorer.panel_by_scorecards(&portfolio, 2016..=2020));
    /// ```
    pub fn panel(
        &self,
        portfolio: &Portfolio,
        years: std::ops::RangeInclusive<i32>,
    ) -> Vec<super::compare::PanelRow> {
        super::panel_sweep::panel(self, portfolio, years)
    }

    /// [`panel`](Self::panel) with each year's Monte Carlo rank
    /// uncertainty (the policy's `uncertainty` section, one run per year):
    /// `rank_p05` and `rank_p95` filled for the programmes ranked that
    /// year. Each year is one full scorecard (the Monte Carlo draws from
    /// whole cards, and costs more than the card); the other columns are
    /// those of [`panel`](Self::panel), bit for bit.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::score::policy::ScoringPolicy;
    /// use ssr_model::samples::{Synthetic, synthetic};
    ///
    /// let portfolio = synthetic(&Synthetic::new(6).with_components(2).with_indicators(1).with_periods(3));
    /// let mut policy = ScoringPolicy::default();
    /// policy.uncertainty.replications = 50;
    /// let panel = Scorer::new(policy)?.ranked_panel(&portfolio, 2019..=2020);
    /// for row in panel.iter().filter(|r| r.rank.is_some()) {
    ///     let (lo, hi) = (row.rank_p05.unwrap(), row.rank_p95.unwrap());
    ///     assert!(1.0 <= lo && lo <= hi && hi <= 6.0);
    /// }
    /// # Ok::<(), ssr_model::score::policy::PolicyError>(())
    /// ```
    pub fn ranked_panel(
        &self,
        portfolio: &Portfolio,
        years: std::ops::RangeInclusive<i32>,
    ) -> Vec<super::compare::PanelRow> {
        super::panel::by_scorecards(self, portfolio, years, true)
    }

    /// The same rows as [`panel`](Self::panel), the slow, obvious way: one
    /// full [`scorecard`](Self::scorecard) per year. The reference the
    /// date sweep is tested and benchmarked against.
    ///
    /// ```
    /// use ssr_model::Scorer;
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let panel = Scorer::default().panel_by_scorecards(&portfolio, 2020..=2021);
    /// assert_eq!(panel.len(), 2 * portfolio.programmes.len());
    /// ```
    pub fn panel_by_scorecards(
        &self,
        portfolio: &Portfolio,
        years: std::ops::RangeInclusive<i32>,
    ) -> Vec<super::compare::PanelRow> {
        super::panel::by_scorecards(self, portfolio, years, false)
    }
}
