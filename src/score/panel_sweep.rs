//! The date sweep behind [`Scorer::panel`]: a panel of Y years without Y
//! full scorecards.
//!
//! Each programme's dated facts are sorted once. The sweep keeps one copy
//! of the programme as known on the last year's end and, year by year,
//! re-cuts only the parts with a fact dated inside the new year (an
//! indicator, the evaluations, the actual start and end dates), instead of
//! copying and cutting the whole programme again. Risk and stakeholder
//! profiles carry no date and are scored once. A programme whose every
//! date lies before a year's end has a card no later date changes (time
//! fractions are clamped at 1, nothing is cut) and keeps it; so does one
//! whose every date lies after it (nothing dated is known, no time has
//! elapsed); unless its money is converted, at the judging date's rates.
//!
//! The slow, obvious path beside it is
//! [`Scorer::panel_by_scorecards`]; a property test holds them equal.

use chrono::NaiveDate;

use super::panel::{PanelRow, year_rows};
use super::{ProgrammeCard, RiskProfile, Scorer, StakeholderProfile, as_of};
use crate::{Portfolio, Programme};

/// What becomes known on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reveal {
    /// Something of indicator `.1` of component `.0`.
    Indicator(usize, usize),
    /// An evaluation.
    Evaluations,
    /// The actual start or end date.
    Dates,
}

/// One programme being swept through the years.
struct ProgrammeSweep<'a> {
    original: &'a Programme,
    /// The programme as known on the last date swept; `None`: the original
    /// itself (nothing in it is dated after that date).
    known: Option<Programme>,
    /// The dates something becomes known on, in order.
    reveals: Vec<(NaiveDate, Reveal)>,
    /// The first reveal not applied yet.
    next: usize,
    risk: RiskProfile,
    stakeholders: StakeholderProfile,
    /// The first and last dates the scores read: before the first and from
    /// the last on, the card is the same whatever the date. `None`: it may
    /// change with any date (money is converted).
    span: Option<(NaiveDate, NaiveDate)>,
    /// The card of a date before the span.
    early: Option<ProgrammeCard>,
    /// The card of a date at or after the span's end.
    kept: Option<ProgrammeCard>,
}

/// Every date the cut of [`as_of`] reads, with what it reveals: a superset
/// (a date whose fact is empty only costs a re-cut).
fn reveals(p: &Programme) -> Vec<(NaiveDate, Reveal)> {
    let mut out = Vec::new();
    for (c, component) in p.components.iter().enumerate() {
        for (i, ind) in component.indicators.iter().enumerate() {
            let what = Reveal::Indicator(c, i);
            if let Some(d) = ind.baseline.as_ref().and_then(|b| b.date) {
                out.push((d, what));
            }
            for period in &ind.periods {
                // An actual without a date of its own, and a category's
                // baseline, are known once the period has begun.
                out.push((period.start.min(period.end), what));
                if let Some(d) = period.actual_date {
                    out.push((d, what));
                }
            }
        }
    }
    out.extend(p.evaluations.iter().map(|e| (e.date, Reveal::Evaluations)));
    out.extend(
        [p.actual_start, p.actual_end]
            .into_iter()
            .flatten()
            .map(|d| (d, Reveal::Dates)),
    );
    out.sort_unstable();
    out
}

/// The first and last dates any score of `p` reads. From the last on, its
/// card is the same whatever the judging date: everything is known and
/// every share of time elapsed is 1. Before the first, likewise: nothing
/// dated is known and every share of time elapsed is 0.
fn span(p: &Programme) -> Option<(NaiveDate, NaiveDate)> {
    let indicators = p.indicators().flat_map(|i| {
        let baseline = i.baseline.as_ref().and_then(|b| b.date);
        let periods = i
            .periods
            .iter()
            .flat_map(|x| [Some(x.start), Some(x.end), x.actual_date]);
        baseline.into_iter().chain(periods.flatten())
    });
    [p.planned_start, p.planned_end, p.actual_start, p.actual_end]
        .into_iter()
        .flatten()
        .chain(p.transactions.iter().map(|t| t.date))
        .chain(p.budgets.iter().flat_map(|b| [b.start, b.end]))
        .chain(p.evaluations.iter().map(|e| e.date))
        .chain(indicators)
        .fold(None, |span, d| match span {
            None => Some((d, d)),
            Some((a, b)) => Some((d.min(a), d.max(b))),
        })
}

/// Whether all the programme's money is in one currency, the finance
/// currency when the policy sets one: then nothing is ever converted.
fn one_currency(p: &Programme, scorer: &Scorer) -> bool {
    let mut all = p
        .transactions
        .iter()
        .map(|t| t.value.currency)
        .chain(p.budgets.iter().map(|b| b.value.currency))
        .chain(p.budget.map(|b| b.currency))
        .chain(p.funding.iter().map(|f| f.amount.currency))
        .chain(scorer.policy().finance.currency);
    let first = all.next();
    all.all(|c| Some(c) == first)
}

impl<'a> ProgrammeSweep<'a> {
    /// The sweep of `p`, starting at `first`.
    fn new(scorer: &Scorer, p: &'a Programme, first: NaiveDate) -> Self {
        let reveals = reveals(p);
        let next = reveals.partition_point(|(d, _)| *d <= first);
        let known = as_of::programme_has_later(p, first)
            .then(|| as_of::programme(p, Some(first)).into_owned());
        ProgrammeSweep {
            original: p,
            known,
            reveals,
            next,
            risk: scorer.risk(p),
            stakeholders: scorer.stakeholders(p),
            // Money converted at the judging date's rates (or said to
            // have none on that date) depends on the date.
            span: if scorer.rates().is_none() && one_currency(p, scorer) {
                Some(span(p).unwrap_or((NaiveDate::MIN, NaiveDate::MIN)))
            } else {
                None
            },
            early: None,
            kept: None,
        }
    }

    /// Brings the known programme to `end`: re-cuts what has a fact dated
    /// up to it.
    fn advance(&mut self, end: NaiveDate) {
        let pending = self.reveals.get(self.next..).unwrap_or_default();
        let due = pending.partition_point(|(d, _)| *d <= end);
        if due == 0 {
            return;
        }
        let mut touched: Vec<Reveal> = pending.iter().take(due).map(|(_, what)| *what).collect();
        self.next += due;
        if self.next == self.reveals.len() {
            // Nothing is dated after `end` any more: the cut is the whole.
            self.known = None;
            return;
        }
        let Some(known) = &mut self.known else {
            return;
        };
        touched.sort_unstable();
        touched.dedup();
        let original = self.original;
        for what in touched {
            match what {
                Reveal::Indicator(c, i) => {
                    let from = original.components.get(c).and_then(|x| x.indicators.get(i));
                    let to = known
                        .components
                        .get_mut(c)
                        .and_then(|x| x.indicators.get_mut(i));
                    if let (Some(from), Some(to)) = (from, to) {
                        to.clone_from(from);
                        as_of::cut_indicator(to, end);
                    }
                }
                Reveal::Evaluations => {
                    known.evaluations = original
                        .evaluations
                        .iter()
                        .filter(|e| e.date <= end)
                        .cloned()
                        .collect();
                }
                Reveal::Dates => {
                    known.actual_start = original.actual_start.filter(|&d| d <= end);
                    known.actual_end = original.actual_end.filter(|&d| d <= end);
                }
            }
        }
    }

    /// The programme's card as of `end` (`at` judges on `end`).
    fn card(&mut self, at: &Scorer, end: NaiveDate) -> ProgrammeCard {
        let early = self.span.is_some_and(|(first, _)| end < first);
        let late = self.span.is_some_and(|(_, last)| end >= last);
        let same = if early { &self.early } else { &self.kept };
        if let Some(card) = same.as_ref().filter(|_| early || late) {
            return card.clone();
        }
        self.advance(end);
        let programme = self.known.as_ref().unwrap_or(self.original);
        let card = at.card_of_known(programme, self.risk.clone(), self.stakeholders.clone());
        if early {
            self.early = Some(card.clone());
        } else if late {
            self.kept = Some(card.clone());
        }
        card
    }
}

/// The panel of `portfolio` over `years` by the sweep (`ranked`: with each
/// year's rank uncertainty).
pub(super) fn panel(
    scorer: &Scorer,
    portfolio: &Portfolio,
    years: std::ops::RangeInclusive<i32>,
    ranked: bool,
) -> Vec<PanelRow> {
    let ends: Vec<(i32, NaiveDate)> = years
        .filter_map(|y| NaiveDate::from_ymd_opt(y, 12, 31).map(|d| (y, d)))
        .collect();
    let Some(&(_, first)) = ends.first() else {
        return Vec::new();
    };
    let mut sweeps: Vec<ProgrammeSweep<'_>> = portfolio
        .programmes
        .iter()
        .map(|p| ProgrammeSweep::new(scorer, p, first))
        .collect();
    let mut out = Vec::with_capacity(ends.len() * sweeps.len());
    let mut previous = Vec::new();
    for (year, end) in ends {
        let at = scorer.at(end);
        let cards: Vec<ProgrammeCard> = sweeps.iter_mut().map(|s| s.card(&at, end)).collect();
        let rows = year_rows(&at, portfolio, &cards, year, end, &previous, ranked);
        out.extend(rows.iter().cloned());
        previous = rows;
    }
    out
}
