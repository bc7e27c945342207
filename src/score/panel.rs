//! Programme-year panels: each programme scored as of the end of each year.
//!
//! Two paths give the same rows, bit for bit: one full scorecard per year
//! ([`Scorer::panel_by_scorecards`](super::Scorer::panel_by_scorecards),
//! the slow obvious one) and the date sweep ([`sweep`](super::panel_sweep))
//! behind [`Scorer::panel`](super::Scorer::panel). Both hand each year's
//! small inputs ([`YearInputs`]: from full cards, or kept by the sweep) and
//! comparison to [`PanelRows::push_year`], so that they can differ only in
//! how those inputs are made.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::comparison::{Comparison, ComparisonRow, compare_rows};
use super::rank::{RankStats, RankUncertainty};
use super::shares::{RecipientShare, recipient_shares};
use super::ssr_share::ssr_share;
use super::vocabulary::DimensionValues;
use super::{Evidence, FinanceProfile, NotRanked, ProgrammeCard, Status};
use crate::model::Amount;
use crate::{Currency, Portfolio, Programme, ProgrammeId, ResultLevel, TransactionType};

/// One programme in one year of a panel
/// ([`Scorer::panel`](super::Scorer::panel)): its scorecard as of the
/// year's last day, under the as-of rule of
/// [`ScoringPolicy::as_of`](super::ScoringPolicy::as_of).
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::{Transaction, TransactionType};
/// use ssr_model::{Country, Money, Portfolio, Programme};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let paid = |day: NaiveDate, amount: &str| -> Result<Transaction, ssr_model::model::ValueError> {
///     Ok(Transaction::new(TransactionType::Disbursement, day, Money::parse(amount, "USD")?, day))
/// };
/// let p = Programme::new("Police reform", Country::new("LBR")?)
///     .with_transaction(paid(d(2020, 6, 1)?, "100")?)
///     .with_transaction(paid(d(2021, 6, 1)?, "50")?);
/// let panel = Scorer::default().panel(&Portfolio::new().with_programme(p), 2020..=2021);
/// assert_eq!(panel.len(), 2);
/// assert_eq!((panel[0].year, panel[0].disbursed_year, panel[0].disbursed), (2020, Some(100.0), Some(100.0)));
/// assert_eq!((panel[1].year, panel[1].disbursed_year, panel[1].disbursed), (2021, Some(50.0), Some(150.0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PanelRow {
    /// The programme.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub programme: ProgrammeId,
    /// Its name.
    pub name: String,
    /// The year.
    pub year: i32,
    /// The date scored at: the year's last day.
    pub as_of: NaiveDate,
    /// The results score (0–1), as of that date.
    pub progress: Option<f64>,
    /// The share of indicator weight with data.
    pub coverage: f64,
    /// Each dimension's raw value.
    pub raw: DimensionValues,
    /// The composite among the programmes scored that year.
    pub composite: Option<f64>,
    /// The rank among the programmes ranked that year.
    pub rank: Option<u32>,
    /// Why the programme is not ranked that year.
    pub not_ranked: Option<NotRanked>,
    /// Indicators on track.
    pub on_track: usize,
    /// Indicators at risk.
    pub at_risk: usize,
    /// Indicators off track.
    pub off_track: usize,
    /// Indicators with an interim actual.
    pub interim: usize,
    /// Indicators without progress.
    pub no_data: usize,
    /// Commitments dated that year (`None`: none reported).
    pub committed_year: Option<f64>,
    /// Disbursements dated that year.
    pub disbursed_year: Option<f64>,
    /// Expenditure dated that year.
    pub spent_year: Option<f64>,
    /// Commitments to date.
    pub committed: Option<f64>,
    /// Disbursements to date.
    pub disbursed: Option<f64>,
    /// Expenditure to date.
    pub spent: Option<f64>,
    /// The composite's change from the year before, when both are known.
    pub change: Option<f64>,
    /// The programme's recipient countries (ISO 3166 alpha-3) and regions
    /// (IATI Region codes) with their shares of its money
    /// ([`recipient_shares`](super::programme::recipient_shares)): the keys
    /// that join the panel to country-year data.
    pub recipients: Vec<RecipientShare>,
    /// The currency of every amount of the row (the finance currency,
    /// [`FinanceProfile::currency`](super::FinanceProfile)); `None` when the
    /// programme states no money.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub currency: Option<Currency>,
    /// The SSR part of the disbursements, reimbursements and expenditure
    /// dated that year, exact, in `currency`: each transaction times its
    /// SSR share ([`ssr_share`](super::programme::ssr_share)), converted at
    /// its value date's rate when in another currency. `None` when none is
    /// dated that year, or when a share or a rate is unknown (`ssr_unknown`
    /// says why): unknown is never 0.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub ssr_paid_year: Option<Amount>,
    /// Why `ssr_paid_year` is unknown although money was paid that year.
    pub ssr_unknown: Option<String>,
    /// Progress (0–1) of the output indicators, as of that date.
    pub output_progress: Option<f64>,
    /// Progress of the outcome indicators.
    pub outcome_progress: Option<f64>,
    /// Progress of the impact indicators.
    pub impact_progress: Option<f64>,
    /// The 5th percentile of the Monte Carlo rank that year, when the panel
    /// was ranked with uncertainty ([`Scorer::ranked_panel`](super::Scorer::ranked_panel)).
    pub rank_p05: Option<f64>,
    /// The 95th percentile of the Monte Carlo rank that year.
    pub rank_p95: Option<f64>,
    /// Indicators whose baseline has a value but no date. The as-of rule
    /// keeps an undated baseline at every date (it is the starting point,
    /// known before any actual); this count names them.
    pub undated_baselines: usize,
}

/// What a panel row needs of one programme in one year, besides the
/// comparison: small inputs, which the sweep keeps up to date and a full
/// card gives ([`YearInputs::of_card`]).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct YearInputs {
    /// The results score and its coverage.
    pub(super) progress: (Option<f64>, f64),
    /// Indicators on track, at risk, off track, interim, without progress.
    pub(super) statuses: [usize; 5],
    /// Progress of the output, outcome and impact indicators.
    pub(super) levels: [Option<f64>; 3],
    /// The raw dimension values the comparison reads.
    pub(super) raw: DimensionValues,
    /// The evidence the ranking policy reads.
    pub(super) evidence: Evidence,
    /// The finance currency.
    pub(super) currency: Option<Currency>,
    /// Committed, disbursed and spent to date.
    pub(super) to_date: [Option<f64>; 3],
    /// Committed, disbursed and spent that year.
    pub(super) this_year: [Option<f64>; 3],
}

/// The statuses counted in [`YearInputs::statuses`], in order.
pub(super) const STATUSES: [Status; 5] = [
    Status::OnTrack,
    Status::AtRisk,
    Status::OffTrack,
    Status::Interim,
    Status::NoData,
];

/// The levels of [`YearInputs::levels`], in order.
pub(super) const LEVELS: [ResultLevel; 3] = [
    ResultLevel::Output,
    ResultLevel::Outcome,
    ResultLevel::Impact,
];

impl YearInputs {
    /// The inputs of a card, as of the last day of `year`.
    pub(super) fn of_card(card: &ProgrammeCard, year: i32) -> Self {
        let f = &card.finance;
        let mut out = YearInputs {
            progress: (card.progress.score, card.progress.coverage),
            statuses: STATUSES.map(|s| card.progress.status_count(s)),
            levels: LEVELS.map(|l| card.results.level(l).and_then(|x| x.progress)),
            raw: DimensionValues::default(),
            evidence: card.evidence,
            currency: None,
            to_date: [None; 3],
            this_year: [None; 3],
        };
        out.raw = DimensionValues {
            progress: card.progress.score,
            evaluation: card.evaluation.as_ref().and_then(|e| e.score),
            risk: card.risk.exposure,
            resistance: card.stakeholders.resistance_exposure,
            inclusion: card.stakeholders.inclusion,
            finance: f.pace,
        };
        out.set_finance(f, year);
        out
    }

    /// The money columns from a finance profile.
    pub(super) fn set_finance(&mut self, f: &FinanceProfile, year: i32) {
        let this_year = f.yearly.iter().find(|y| y.year == year);
        self.currency = f.currency;
        self.to_date = [f.committed, f.disbursed, f.spent];
        self.this_year = this_year.map_or([None; 3], |y| [y.committed, y.disbursed, y.spent]);
    }
}

/// What no date changes of a programme's row: its recipients (the join
/// keys) and its count of undated baselines.
pub(super) struct Fixed {
    recipients: Vec<RecipientShare>,
    undated_baselines: usize,
}

impl Fixed {
    /// Those of `programme`.
    pub(super) fn of(programme: &Programme) -> Self {
        Fixed {
            recipients: recipient_shares(programme),
            undated_baselines: programme
                .indicators()
                .filter(|i| i.baseline.as_ref().is_some_and(|b| b.date.is_none()))
                .count(),
        }
    }
}

/// One year of a panel being made: the year and its last day.
pub(super) struct Year {
    pub(super) year: i32,
    pub(super) as_of: NaiveDate,
}

/// A panel being written year by year: its rows, what no date changes of
/// each programme, and last year's composites (portfolio order; empty
/// before the first year).
pub(super) struct PanelRows {
    pub(super) rows: Vec<PanelRow>,
    fixed: Vec<Fixed>,
    previous: Vec<Option<f64>>,
}

impl PanelRows {
    /// An empty panel of `portfolio`, with room for `years` years.
    pub(super) fn new(portfolio: &Portfolio, years: usize) -> Self {
        PanelRows {
            rows: Vec::with_capacity(years.saturating_mul(portfolio.programmes.len())),
            fixed: portfolio.programmes.iter().map(Fixed::of).collect(),
            previous: Vec::new(),
        }
    }

    /// Appends the rows of one year from the programmes' inputs as of
    /// `y.as_of` and their comparison (portfolio order), with the Monte
    /// Carlo ranks when they were run. `at` judges on `y.as_of`.
    pub(super) fn push_year(
        &mut self,
        at: &super::Scorer,
        portfolio: &Portfolio,
        (inputs, comparison): (&[YearInputs], &Comparison),
        stats: Option<&RankUncertainty>,
        y: &Year,
    ) {
        let by_programme = stats.map(RankUncertainty::by_programme);
        let from = self.rows.len();
        let each = portfolio
            .programmes
            .iter()
            .zip(&self.fixed)
            .zip(inputs)
            .zip(&comparison.rows)
            .enumerate();
        let previous = &self.previous;
        self.rows
            .extend(each.map(|(i, (((programme, fixed), inputs), row))| {
                let stats = by_programme
                    .as_ref()
                    .and_then(|m| m.get(&row.programme).copied());
                let before = previous.get(i).copied().flatten();
                let mut r = panel_row(programme, inputs, row, y, before, stats);
                let (ssr, why) = ssr_paid(at, programme, inputs.currency, y.year);
                r.recipients = fixed.recipients.clone();
                r.ssr_paid_year = ssr;
                r.ssr_unknown = why;
                r.undated_baselines = fixed.undated_baselines;
                r
            }));
        let written = self.rows.get(from..).unwrap_or_default();
        self.previous = written.iter().map(|r| r.composite).collect();
    }
}

/// The comparison of one year from the programmes' inputs.
pub(super) fn comparison_of(
    portfolio: &Portfolio,
    inputs: &[YearInputs],
    policy: &super::ScoringPolicy,
) -> Comparison {
    let rows = portfolio
        .programmes
        .iter()
        .zip(inputs)
        // No name: the comparison reads none, the rows take the
        // programme's.
        .map(|(p, x)| ComparisonRow::new(p.id, String::new(), x.raw))
        .collect();
    let evidence: Vec<Evidence> = inputs.iter().map(|x| x.evidence).collect();
    compare_rows(rows, &evidence, policy)
}

/// The panel the slow, obvious way: one full scorecard per year
/// ([`Scorer::panel_by_scorecards`](super::Scorer::panel_by_scorecards),
/// and [`Scorer::ranked_panel`](super::Scorer::ranked_panel), whose Monte
/// Carlo reads whole cards).
pub(super) fn by_scorecards(
    scorer: &super::Scorer,
    portfolio: &Portfolio,
    years: std::ops::RangeInclusive<i32>,
    ranked: bool,
) -> Vec<PanelRow> {
    let mut panel = PanelRows::new(portfolio, years.clone().count());
    for year in years {
        let Some(as_of) = NaiveDate::from_ymd_opt(year, 12, 31) else {
            continue;
        };
        let at = scorer.at(as_of);
        let card = at.scorecard(portfolio);
        let inputs: Vec<YearInputs> = card
            .programmes
            .iter()
            .map(|c| YearInputs::of_card(c, year))
            .collect();
        let stats = ranked.then(|| at.rank_uncertainty(&card));
        let y = Year { year, as_of };
        panel.push_year(
            &at,
            portfolio,
            (&inputs, &card.comparison),
            stats.as_ref(),
            &y,
        );
    }
    panel.rows
}

/// The row of one programme from its inputs and comparison row.
fn panel_row(
    p: &Programme,
    x: &YearInputs,
    row: &ComparisonRow,
    y: &Year,
    before: Option<f64>,
    stats: Option<&RankStats>,
) -> PanelRow {
    let [on_track, at_risk, off_track, interim, no_data] = x.statuses;
    let [committed_year, disbursed_year, spent_year] = x.this_year;
    let [committed, disbursed, spent] = x.to_date;
    let [output_progress, outcome_progress, impact_progress] = x.levels;
    PanelRow {
        programme: p.id,
        name: p.name.clone(),
        year: y.year,
        as_of: y.as_of,
        progress: x.progress.0,
        coverage: x.progress.1,
        raw: row.raw,
        composite: row.composite,
        rank: row.rank,
        not_ranked: row.not_ranked,
        on_track,
        at_risk,
        off_track,
        interim,
        no_data,
        committed_year,
        disbursed_year,
        spent_year,
        committed,
        disbursed,
        spent,
        change: row.composite.zip(before).map(|(now, then)| now - then),
        recipients: Vec::new(),
        currency: x.currency,
        ssr_paid_year: None,
        ssr_unknown: None,
        output_progress,
        outcome_progress,
        impact_progress,
        rank_p05: stats.map(|s| s.p05),
        rank_p95: stats.map(|s| s.p95),
        undated_baselines: 0,
    }
}

/// The SSR part of the money paid out in `year` (disbursements,
/// reimbursements, expenditure), exact, in `to`; or why it is unknown.
fn ssr_paid(
    scorer: &super::Scorer,
    p: &Programme,
    to: Option<Currency>,
    year: i32,
) -> (Option<Amount>, Option<String>) {
    let Some(to) = to else {
        return (None, None);
    };
    let paid = p.transactions.iter().filter(|t| {
        t.date.year() == year
            && matches!(
                t.kind,
                TransactionType::Disbursement
                    | TransactionType::Reimbursement
                    | TransactionType::Expenditure
            )
    });
    let mut total = None;
    for t in paid {
        let share = match ssr_share(p, t, &scorer.policy().finance.ssr_sectors) {
            Ok(share) => share,
            Err(why) => return (None, Some(why)),
        };
        let conversion = scorer.policy().finance.conversion;
        let cross = match super::flows::rate(scorer.rates(), t.value, t.value_date, to, conversion)
        {
            Ok((cross, _)) => cross,
            Err(why) => return (None, Some(why)),
        };
        // The SSR part in the money's own currency, then converted, as the
        // flows do: each rounded to the ten-thousandth.
        let part = t.value.amount.times(share).and_then(|a| cross.apply(a));
        match part.and_then(|x| total.unwrap_or(Amount::ZERO).checked_add(x)) {
            Some(sum) => total = Some(sum),
            None => return (None, Some("the sum does not fit an amount".to_owned())),
        }
    }
    (total, None)
}
