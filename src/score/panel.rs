//! Programme-year panels: each programme scored as of the end of each year.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::comparison::DimensionValues;
use super::{NotRanked, Scorecard, Status};
use crate::ProgrammeId;

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
}

/// The rows of one year's scorecard (scored as of `as_of`), `previous`
/// giving last year's rows (same order) for the change.
pub(super) fn rows(
    card: &Scorecard,
    year: i32,
    as_of: NaiveDate,
    previous: &[PanelRow],
) -> Vec<PanelRow> {
    card.programmes
        .iter()
        .zip(&card.comparison.rows)
        .enumerate()
        .map(|(i, (p, row))| {
            let f = &p.finance;
            let this_year = f.yearly.iter().find(|y| y.year == year);
            let count = |s| p.progress.status_count(s);
            let before = previous.get(i).and_then(|r| r.composite);
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
            }
        })
        .collect()
}
