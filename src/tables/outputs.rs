//! The tables of results the crate computes: findings, scores and ranks.

use std::collections::HashMap;

use crate::Currency;
use crate::model::ProgrammeId;
use crate::score::{Normalisation, PortfolioAggregation, RowKind, RowRef, Scorecard};
use crate::validate::Finding;

use super::Kind::{Code, Float, Integer, Text};
use super::TableName;
use super::entities::joined;
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

pub(super) const FINDINGS: &[C] = &[
    C::new(
        "code",
        Code,
        "the stable snake_case code, e.g. date_order or iati_missing_country",
    ),
    C::new("severity", Code, "error, warning or advice"),
    C::new(
        "path",
        Text,
        "a JSON Pointer into the document (`/programmes/0/…`), or an XPath-like location for IATI import findings",
    ),
    C::new("message", Text, "what is wrong"),
    C::new(
        "help",
        Text,
        "how to fix it, when there is something specific to say",
    ),
];

/// The findings table (see [`TableName::Findings`]) of anything that gives
/// findings: a validation or import [`Report`](crate::validate::Report)
/// (`&report`), a slice, or a selection such as `report.errors()`.
///
/// ```
/// use ssr_model::tables;
/// use ssr_model::validate;
/// use ssr_model::diagnostics::ValidationPolicy;
///
/// let report = validate::validate(&ssr_model::samples::portfolio(), &ValidationPolicy::default());
/// let table = tables::findings(&report);
/// assert_eq!(table.rows(), report.findings().len());
/// ```
pub fn findings<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Table {
    let mut t = Table::empty(TableName::Findings);
    for f in findings {
        t.push([
            Cell::code(Some(f.code)),
            Cell::code(Some(f.severity)),
            Cell::Text(f.path.to_string()),
            Cell::Text(f.message.clone()),
            Cell::text(f.help.as_deref()),
        ]);
    }
    t
}

pub(super) const SCORES: &[C] = &[
    PROGRAMME_ID,
    PROGRAMME_NAME,
    C::new(
        "measure",
        Code,
        "what is measured: score, coverage, progress, risk.exposure, finance.disbursed, normalised, rank.p05, … (see score::Row)",
    ),
    C::new(
        "subject_kind",
        Code,
        "what within the programme the row is about: component, level, objective or indicator; empty for the programme as a whole",
    ),
    C::new(
        "subject_id",
        Code,
        "the UUID of the component, objective or indicator; empty for levels and the programme",
    ),
    C::new(
        "subject",
        Text,
        "the component's name, the level, the objective's statement or the indicator's title",
    ),
    C::new("year", Integer, "the year of a yearly money measure"),
    C::new(
        "dimension",
        Code,
        "the comparison's dimension of a normalised value (progress, evaluation, risk, resistance, inclusion, finance)",
    ),
    C::new(
        "breakdown",
        Text,
        "the disaggregation of an indicator's breakdown row (sex, age, …)",
    ),
    C::new(
        "category",
        Text,
        "the category within the measure: an evidence kind, a risk band, a stakeholder analysis, a DAC criterion, or a breakdown's category",
    ),
    C::new(
        "value",
        Float,
        "the value, on the row's `scale`; empty where there is no data",
    ),
    C::new(
        "not_ranked",
        Code,
        "why the programme is not ranked (insufficient_results, too_few_dimensions, …); empty when it is ranked",
    ),
    C::new(
        "scale",
        Code,
        "the value's unit: fraction (0–1), difference (−1 to 1), count, risk_0_25, money (in `currency`), ratio, normalised_0_100, z_score, copeland (wins minus losses) or rank (1 is best)",
    ),
    C::new(
        "currency",
        Code,
        "ISO 4217 currency of money values; empty for the others",
    ),
];

/// The unit of a row's values, under the card's comparison.
fn scale(card: &Scorecard, r: &RowRef<'_>) -> &'static str {
    let normalised = match card.comparison.normalisation {
        Normalisation::ZScore => "z_score",
        _ => "normalised_0_100",
    };
    match r.kind() {
        RowKind::Results => match r.measure {
            "score" | "coverage" => "fraction",
            _ => "count",
        },
        RowKind::ResultsChain if r.measure == "gender_gap" => "difference",
        RowKind::Risk => match r.measure {
            "risk.max_residual" => "risk_0_25",
            "risk.challenges" => "count",
            _ => "fraction",
        },
        RowKind::Finance => match r.measure.trim_start_matches("finance.") {
            "committed" | "disbursed" | "spent" | "incoming" | "budget" => "money",
            "disbursement_rate" | "execution" => "ratio",
            "funders" => "count",
            _ => "fraction",
        },
        RowKind::Normalised => normalised,
        RowKind::Composite => match card.comparison.method {
            PortfolioAggregation::Copeland => "copeland",
            _ => normalised,
        },
        RowKind::Rank | RowKind::RankUncertainty => "rank",
        _ => "fraction",
    }
}

/// Each programme's reporting currency, looked up once per table rather
/// than by a search of the cards per row (which made the table quadratic in
/// programmes).
struct Currencies(HashMap<ProgrammeId, Option<Currency>>);

impl Currencies {
    fn of(card: &Scorecard) -> Self {
        Currencies(
            card.programmes
                .iter()
                .map(|p| (p.id, p.finance.currency))
                .collect(),
        )
    }

    fn get(&self, programme: ProgrammeId) -> Option<Currency> {
        self.0.get(&programme).copied().flatten()
    }
}

fn score_row(card: &Scorecard, currencies: &Currencies, r: RowRef<'_>) -> [Cell; 14] {
    let scale = scale(card, &r);
    [
        Cell::code(Some(r.programme_id)),
        Cell::Text(r.programme_name.to_owned()),
        Cell::code(Some(r.measure)),
        Cell::code(r.subject.map(|s| s.kind)),
        Cell::code(r.subject.and_then(|s| s.id)),
        Cell::text(r.subject.map(|s| s.name)),
        Cell::integer(r.year.map(i64::from)),
        Cell::code(r.dimension),
        Cell::text(r.breakdown),
        Cell::text(r.category),
        Cell::float(r.value),
        Cell::code(r.not_ranked),
        Cell::code(Some(scale)),
        Cell::code(
            (scale == "money")
                .then(|| currencies.get(r.programme_id))
                .flatten(),
        ),
    ]
}

/// The scores table (see [`TableName::Scores`]) of the card's rows whose
/// kind `keep` accepts, in batches of at most `rows_per_batch` rows handed
/// to `each` as they fill, so memory holds one batch, not the whole table
/// ([`Scorecard::try_for_each_row`]). A `rows_per_batch` of 0 is taken as 1.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables;
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let mut rows = 0;
/// tables::score_batches(&card, 100, |_kind| true, |batch| {
///     assert!(batch.rows() <= 100);
///     rows += batch.rows();
///     Ok::<(), ()>(())
/// })?;
/// assert_eq!(rows, card.rows().len());
/// # Ok::<(), ()>(())
/// ```
///
/// # Errors
///
/// The first error `each` returns.
pub fn score_batches<E>(
    card: &Scorecard,
    rows_per_batch: usize,
    keep: impl Fn(RowKind) -> bool,
    mut each: impl FnMut(Table) -> Result<(), E>,
) -> Result<(), E> {
    let limit = rows_per_batch.max(1);
    let currencies = Currencies::of(card);
    let mut batch = Table::empty(TableName::Scores);
    card.try_for_each_row(|r| {
        if keep(r.kind()) {
            batch.push(score_row(card, &currencies, r));
        }
        if batch.rows() >= limit {
            each(std::mem::replace(
                &mut batch,
                Table::empty(TableName::Scores),
            ))?;
        }
        Ok(())
    })?;
    if batch.rows() > 0 {
        each(batch)?;
    }
    Ok(())
}

/// The whole scores table (see [`TableName::Scores`]): one row per
/// programme × measure of [`Scorecard::rows`], with the unit of each value
/// in `scale` (scores are fractions 0–1 here, as in JSON and CSV).
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables;
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let t = tables::scores(&card);
/// assert_eq!(t.rows(), card.rows().len());
/// ```
pub fn scores(card: &Scorecard) -> Table {
    let currencies = Currencies::of(card);
    let mut all = Table::empty(TableName::Scores);
    card.try_for_each_row(|r| {
        all.push(score_row(card, &currencies, r));
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    all
}

pub(super) const RANKS: &[C] = &[
    PROGRAMME_ID,
    PROGRAMME_NAME,
    C::new(
        "rank",
        Integer,
        "the nominal rank, 1 is best; empty when not ranked",
    ),
    C::new(
        "not_ranked",
        Code,
        "why not ranked (insufficient_results, too_few_dimensions, …); empty when ranked",
    ),
    C::new(
        "composite",
        Float,
        "the composite the rank orders, on the normalisation's scale (Copeland: wins minus losses)",
    ),
    C::new(
        "coverage",
        Float,
        "the share of dimension weight with data, 0–1",
    ),
    C::new(
        "missing",
        Text,
        "the dimensions left out of its composite, `;`-separated",
    ),
    C::new(
        "normalisation",
        Code,
        "min_max, z_score, goalposts, distance_to_target or percentile_rank",
    ),
    C::new(
        "method",
        Code,
        "the composite: arithmetic, geometric, harmonic, power P (generalised mean with exponent P) or copeland",
    ),
    C::new(
        "rank_mean",
        Float,
        "mean rank over the Monte Carlo replications; empty without rank uncertainty",
    ),
    C::new("rank_median", Float, "median rank"),
    C::new("rank_p05", Float, "5th percentile rank"),
    C::new("rank_p95", Float, "95th percentile rank"),
    C::new("rank_sd", Float, "standard deviation of the rank"),
    C::new(
        "replications",
        Integer,
        "Monte Carlo replications; empty without rank uncertainty",
    ),
    C::new(
        "seed",
        Code,
        "the Monte Carlo seed (a 64-bit unsigned number, as text)",
    ),
];

/// The ranks table (see [`TableName::Ranks`]): one row per programme of
/// the card's comparison, its nominal rank or the reason it has none, and,
/// when the card carries rank uncertainty
/// ([`Scorer::rank`](crate::Scorer::rank)), the Monte Carlo statistics;
/// unknown otherwise.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables;
///
/// let scorer = Scorer::default();
/// let card = scorer.rank(&ssr_model::samples::portfolio());
/// let t = tables::ranks(&card);
/// assert_eq!(t.rows(), card.comparison.rows.len());
/// ```
pub fn ranks(card: &Scorecard) -> Table {
    let mut t = Table::empty(TableName::Ranks);
    let u = card.uncertainty.as_ref();
    for row in &card.comparison.rows {
        let s = u.and_then(|u| u.get(row.programme));
        t.push([
            Cell::code(Some(row.programme)),
            Cell::Text(row.name.clone()),
            Cell::integer(row.rank.map(i64::from)),
            Cell::code(row.not_ranked),
            Cell::float(row.composite),
            Cell::Float(row.coverage),
            joined(&row.missing),
            Cell::code(Some(card.comparison.normalisation)),
            Cell::code(Some(card.comparison.method)),
            Cell::float(s.map(|s| s.mean)),
            Cell::float(s.map(|s| s.median)),
            Cell::float(s.map(|s| s.p05)),
            Cell::float(s.map(|s| s.p95)),
            Cell::float(s.map(|s| s.sd)),
            Cell::integer(u.map(|u| i64::try_from(u.replications).unwrap_or(i64::MAX))),
            Cell::code(u.map(|u| u.seed)),
        ]);
    }
    t
}
