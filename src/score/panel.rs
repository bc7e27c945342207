//! Programme-year panels: each programme scored as of the end of each year.
//!
//! Two paths give the same rows, bit for bit: one full scorecard per year
//! ([`Scorer::panel_by_scorecards`](super::Scorer::panel_by_scorecards),
//! the slow obvious one) and the date sweep ([`sweep`](super::panel_sweep))
//! behind [`Scorer::panel`](super::Scorer::panel). Both end here, in
//! [`year_rows`], so that they can differ only in how the cards are made.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::comparison::{ComparisonRow, compare};
use super::rank::RankStats;
use super::shares::{RecipientShare, recipient_shares};
use super::ssr_share::ssr_share;
use super::vocabulary::DimensionValues;
use super::{NotRanked, ProgrammeCard, Status};
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

/// The rows of one year: `cards` are the programmes' cards as of `as_of`
/// (portfolio order), `previous` last year's rows (same order, empty for
/// the first year), `stats` the Monte Carlo ranks when asked for.
pub(super) fn year_rows(
    scorer: &super::Scorer,
    portfolio: &Portfolio,
    cards: &[ProgrammeCard],
    year: i32,
    as_of: NaiveDate,
    previous: &[PanelRow],
    ranked: bool,
) -> Vec<PanelRow> {
    let comparison = compare(cards, scorer.policy());
    let stats = ranked.then(|| {
        super::rank::rank_uncertainty(cards, &comparison, scorer.policy(), scorer.thread_count())
    });
    let by_programme = stats.as_ref().map(|s| s.by_programme());
    portfolio
        .programmes
        .iter()
        .zip(cards)
        .zip(&comparison.rows)
        .enumerate()
        .map(|(i, ((programme, card), row))| {
            let stats = by_programme.as_ref().and_then(|m| m.get(&card.id).copied());
            let mut out = panel_row(card, row, year, as_of, previous.get(i), stats);
            let (ssr, why) = ssr_paid(scorer, programme, card.finance.currency, year);
            out.recipients = recipient_shares(programme);
            out.ssr_paid_year = ssr;
            out.ssr_unknown = why;
            out.undated_baselines = programme
                .indicators()
                .filter(|i| i.baseline.as_ref().is_some_and(|b| b.date.is_none()))
                .count();
            out
        })
        .collect()
}

/// The row of one card, from the card and the comparison alone.
fn panel_row(
    p: &ProgrammeCard,
    row: &ComparisonRow,
    year: i32,
    as_of: NaiveDate,
    previous: Option<&PanelRow>,
    stats: Option<&RankStats>,
) -> PanelRow {
    let f = &p.finance;
    let this_year = f.yearly.iter().find(|y| y.year == year);
    let count = |s| p.progress.status_count(s);
    let level = |l| p.results.level(l).and_then(|x| x.progress);
    let before = previous.and_then(|r| r.composite);
    PanelRow {
        programme: p.id,
        name: p.name.clone(),
        year,
        as_of,
        progress: p.progress.score,
        coverage: p.progress.coverage,
        raw: row.raw,
        composite: row.composite,
        rank: row.rank,
        not_ranked: row.not_ranked,
        on_track: count(Status::OnTrack),
        at_risk: count(Status::AtRisk),
        off_track: count(Status::OffTrack),
        interim: count(Status::Interim),
        no_data: count(Status::NoData),
        committed_year: this_year.and_then(|y| y.committed),
        disbursed_year: this_year.and_then(|y| y.disbursed),
        spent_year: this_year.and_then(|y| y.spent),
        committed: f.committed,
        disbursed: f.disbursed,
        spent: f.spent,
        change: row.composite.zip(before).map(|(now, then)| now - then),
        recipients: Vec::new(),
        currency: f.currency,
        ssr_paid_year: None,
        ssr_unknown: None,
        output_progress: level(ResultLevel::Output),
        outcome_progress: level(ResultLevel::Outcome),
        impact_progress: level(ResultLevel::Impact),
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
