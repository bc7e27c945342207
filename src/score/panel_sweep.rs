//! The date sweep behind [`Scorer::panel`]: a panel of Y years for about
//! the cost of one scorecard, not Y.
//!
//! A panel row needs little of a scorecard: the results score, its
//! coverage and its levels, the statuses counted, the dimension values,
//! the evidence and a few sums of money. The sweep keeps those per
//! programme and brings them from one year's end to the next:
//!
//! - **an indicator** is scored again only in a year holding one of its
//!   dates (its baseline's date, a period's start, end or measurement
//!   date): only there can what is known of it change (the as-of rule,
//!   [`as_of`](super::as_of)). In the other years only its status is
//!   judged again: its expected progress moves with the date. The forecast
//!   is never computed (no row reads it);
//! - **the component and programme means** are recomputed only when some
//!   indicator's capped progress changed;
//! - **the latest evaluation** is scored again only in a year with an
//!   evaluation dated in it;
//! - **risk and stakeholders** carry no date: scored once;
//! - **the finance profile** is made anew only in a year holding one of
//!   its transactions' dates; in the other years only the share of time
//!   elapsed (from the start and end dates known then) and the pace are
//!   judged again. Money converted at the judging date's rates is
//!   made anew each year;
//! - **the comparison** is made each year from the small inputs.
//!
//! Nothing is copied or cut: the scores read the programme itself under
//! the as-of rule of each year's end. The slow, obvious path beside it is
//! [`Scorer::panel_by_scorecards`]; a property test holds them equal.

use chrono::NaiveDate;

use super::evaluation::score_latest;
use super::finance::{judge_pace, score_finance};
use super::indicator::{baseline_date, score_indicator_unforecast};
use super::panel::{LEVELS, PanelRow, PanelRows, STATUSES, Year, YearInputs, comparison_of};
use super::programme_score::{component_mean, programme_mean};
use super::results::{chain_weight, level_progress};
use super::vocabulary::DimensionValues;
use super::{
    EvaluationScore, Evidence, FinanceProfile, Scorer, StakeholderProfile, Status, classify,
    expected_progress,
};
use crate::{Indicator, Portfolio, Programme, ResultLevel};

/// One indicator being swept through the years.
struct IndicatorSweep<'a> {
    indicator: &'a Indicator,
    /// Its level and weight in the results chain.
    level: ResultLevel,
    chain_weight: f64,
    /// The dates what is known of it can change on, in order.
    dates: Vec<NaiveDate>,
    /// The first date not reached yet.
    next: usize,
    capped: Option<f64>,
    status: Status,
    /// Raw progress, baseline date and target date, when the status is
    /// judged against time; `None`: it does not depend on the date (no
    /// progress, or an interim actual).
    judged: Option<(f64, NaiveDate, NaiveDate)>,
}

impl<'a> IndicatorSweep<'a> {
    fn new(indicator: &'a Indicator, chain_weight: f64) -> Self {
        // The as-of rule reads each of these as "dated on or before D"
        // (a baseline's date, an undated actual known once its period
        // began, interim until its period ends, a measurement date).
        let baseline = indicator.baseline.as_ref().and_then(|b| b.date);
        let mut dates: Vec<NaiveDate> = baseline
            .into_iter()
            .chain(
                indicator
                    .periods
                    .iter()
                    .flat_map(|p| [Some(p.start), Some(p.end), p.actual_date])
                    .flatten(),
            )
            .collect();
        dates.sort_unstable();
        dates.dedup();
        IndicatorSweep {
            indicator,
            level: indicator.level,
            chain_weight,
            dates,
            next: 0,
            capped: None,
            status: Status::NoData,
            judged: None,
        }
    }

    /// Brings the indicator to `at`'s date (`first`: the panel's first
    /// year); says whether its capped progress changed.
    fn advance(&mut self, at: &Scorer, end: NaiveDate, first: bool) -> bool {
        let pending = self.dates.get(self.next..).unwrap_or_default();
        let due = pending.partition_point(|d| *d <= end);
        if first || due > 0 {
            self.next += due;
            let s = score_indicator_unforecast(self.indicator, at.policy());
            let changed = s.capped.map(f64::to_bits) != self.capped.map(f64::to_bits);
            self.capped = s.capped;
            self.status = s.status;
            self.judged = match (s.progress, s.target_date) {
                (Some(p), Some(t)) if s.status != Status::Interim => {
                    Some((p, baseline_date(self.indicator, t), t))
                }
                _ => None,
            };
            return changed || first;
        }
        if let Some((p, from, to)) = self.judged {
            // What is known is unchanged; only the time elapsed moved.
            self.status = classify(p, expected_progress(from, to, end), &at.policy().status);
        }
        false
    }
}

/// One programme being swept through the years.
struct ProgrammeSweep<'a> {
    programme: &'a Programme,
    components: Vec<Vec<IndicatorSweep<'a>>>,
    risk: Option<f64>,
    stakeholders: StakeholderProfile,
    /// The evaluations' dates, in order, and the first not reached yet.
    evaluation_dates: Vec<NaiveDate>,
    next_evaluation: usize,
    evaluation: Option<EvaluationScore>,
    /// The results score, its coverage and the levels' progress.
    results: ((Option<f64>, f64), [Option<f64>; 3]),
    /// The dates the finance profile's sums can change on, in order, when
    /// nothing is converted; `None`: converted money depends on the
    /// judging date's rates, so the profile is made anew each year.
    finance_dates: Option<Vec<NaiveDate>>,
    /// The first finance date not reached yet.
    next_finance: usize,
    /// The finance profile as of the last date swept.
    finance: Option<FinanceProfile>,
}

/// The dates `p`'s finance sums can change on (its transactions' dates),
/// in order, when it reads no exchange rate (no rates given and all its
/// money in the finance currency); else `None`: converted money depends
/// on the judging date's rates. Budgets and the start and end dates are no
/// such dates: budgets are plans, known throughout, and the dates give only
/// the share of time elapsed, which is judged again each year.
fn finance_dates(p: &Programme, scorer: &Scorer) -> Option<Vec<NaiveDate>> {
    if scorer.rates().is_some() {
        return None;
    }
    let mut currencies = p
        .transactions
        .iter()
        .map(|t| t.value.currency)
        .chain(p.budgets.iter().map(|b| b.value.currency))
        .chain(p.budget.map(|b| b.currency))
        .chain(p.funding.iter().map(|f| f.amount.currency))
        .chain(scorer.policy().finance.currency);
    let first = currencies.next();
    if !currencies.all(|c| Some(c) == first) {
        return None;
    }
    let mut dates: Vec<NaiveDate> = p.transactions.iter().map(|t| t.date).collect();
    dates.sort_unstable();
    dates.dedup();
    Some(dates)
}

impl<'a> ProgrammeSweep<'a> {
    fn new(scorer: &Scorer, p: &'a Programme) -> Self {
        let policy = scorer.policy();
        let components = p
            .components
            .iter()
            .map(|c| {
                c.indicators
                    .iter()
                    .map(|i| IndicatorSweep::new(i, chain_weight(c, i, policy)))
                    .collect()
            })
            .collect();
        let mut evaluation_dates: Vec<NaiveDate> = p.evaluations.iter().map(|e| e.date).collect();
        evaluation_dates.sort_unstable();
        ProgrammeSweep {
            programme: p,
            components,
            risk: scorer.risk(p).exposure,
            stakeholders: scorer.stakeholders(p),
            evaluation_dates,
            next_evaluation: 0,
            evaluation: None,
            results: ((None, 0.0), [None; 3]),
            finance_dates: finance_dates(p, scorer),
            next_finance: 0,
            finance: None,
        }
    }

    /// Brings the programme to `end` (`at` judges on `end`; `first`: the
    /// panel's first year).
    fn advance(&mut self, at: &Scorer, end: NaiveDate, first: bool) {
        let mut changed = false;
        for indicator in self.components.iter_mut().flatten() {
            changed |= indicator.advance(at, end, first);
        }
        if changed {
            self.results = self.means(at);
        }
        let pending = self
            .evaluation_dates
            .get(self.next_evaluation..)
            .unwrap_or_default();
        let due = pending.partition_point(|d| *d <= end);
        if first || due > 0 {
            self.next_evaluation += due;
            let policy = at.policy();
            self.evaluation = score_latest(
                self.programme,
                policy.as_of,
                &policy.evaluation,
                policy.zero_floor.get(),
            );
        }
        self.advance_finance(at, end, first);
    }

    /// The programme's inputs as of the date last advanced to, in `year`.
    fn inputs(&self, year: i32) -> YearInputs {
        let mut statuses = [0; 5];
        for indicator in self.components.iter().flatten() {
            if let Some(k) = STATUSES.iter().position(|s| *s == indicator.status)
                && let Some(n) = statuses.get_mut(k)
            {
                *n += 1;
            }
        }
        let (progress, levels) = self.results;
        let evaluation = self.evaluation.as_ref();
        let pace = self.finance.as_ref().and_then(|f| f.pace);
        let mut out = YearInputs {
            progress,
            statuses,
            levels,
            raw: DimensionValues {
                progress: progress.0,
                evaluation: evaluation.and_then(|e| e.score),
                risk: self.risk,
                resistance: self.stakeholders.resistance_exposure,
                inclusion: self.stakeholders.inclusion,
                finance: pace,
            },
            evidence: Evidence::from_parts(
                progress,
                self.risk,
                &self.stakeholders,
                evaluation,
                pace,
            ),
            currency: None,
            to_date: [None; 3],
            this_year: [None; 3],
        };
        if let Some(f) = &self.finance {
            out.set_finance(f, year);
        }
        out
    }

    /// Brings the finance profile to `end`: made anew in a year holding one
    /// of its dates (or each year when money is converted), else last
    /// year's with only its pace judged again.
    fn advance_finance(&mut self, at: &Scorer, end: NaiveDate, first: bool) {
        let due = self.finance_dates.as_ref().map(|dates| {
            let pending = dates.get(self.next_finance..).unwrap_or_default();
            pending.partition_point(|d| *d <= end)
        });
        self.next_finance += due.unwrap_or(0);
        match &mut self.finance {
            Some(f) if !first && due == Some(0) => {
                // An empty profile (no money) stays empty.
                if f.currency.is_some() {
                    judge_pace(f, self.programme, at.policy(), Some(end));
                }
            }
            slot => *slot = Some(score_finance(self.programme, at.policy(), at.rates())),
        }
    }

    /// The results score, its coverage and the levels' progress from the
    /// indicators' capped progress: the arithmetic of the full scorecard.
    fn means(&self, at: &Scorer) -> ((Option<f64>, f64), [Option<f64>; 3]) {
        let policy = at.policy();
        let p = self.programme;
        let components: Vec<(Option<f64>, f64)> = p
            .components
            .iter()
            .zip(&self.components)
            .map(|(c, sweeps)| {
                let mean = component_mean(c, sweeps.iter().map(|s| s.capped), policy);
                (mean.score, mean.coverage)
            })
            .collect();
        let (mean, _) = programme_mean(p, components.iter().copied(), policy);
        let chain = self
            .components
            .iter()
            .flatten()
            .map(|s| (s.level, s.chain_weight, s.capped));
        let levels = LEVELS.map(|l| level_progress(chain.clone(), l, policy).0);
        ((mean.score, mean.coverage), levels)
    }
}

/// The panel of `portfolio` over `years` by the sweep.
pub(super) fn panel(
    scorer: &Scorer,
    portfolio: &Portfolio,
    years: std::ops::RangeInclusive<i32>,
) -> Vec<PanelRow> {
    let ends: Vec<(i32, NaiveDate)> = years
        .filter_map(|y| NaiveDate::from_ymd_opt(y, 12, 31).map(|d| (y, d)))
        .collect();
    let mut sweeps: Vec<ProgrammeSweep<'_>> = portfolio
        .programmes
        .iter()
        .map(|p| ProgrammeSweep::new(scorer, p))
        .collect();
    let mut panel = PanelRows::new(portfolio, ends.len());
    for (k, (year, end)) in ends.into_iter().enumerate() {
        let at = scorer.at(end);
        let inputs: Vec<YearInputs> = sweeps
            .iter_mut()
            .map(|s| {
                s.advance(&at, end, k == 0);
                s.inputs(year)
            })
            .collect();
        let comparison = comparison_of(portfolio, &inputs, at.policy());
        let y = Year { year, as_of: end };
        panel.push_year(&at, portfolio, (&inputs, &comparison), None, &y);
    }
    panel.rows
}
