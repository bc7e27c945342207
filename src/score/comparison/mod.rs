//! Comparing programmes: six programme-level dimensions, normalised across
//! the portfolio and combined into a composite that ranks them.
//!
//! The construction follows the OECD/JRC *Handbook on Constructing
//! Composite Indicators* (2008) and COINr: raw values → normalisation
//! ([`Normalisation`]) → weighted aggregation ([`PortfolioAggregation`]) →
//! rank. Only programmes with enough evidence are ranked
//! ([`RankingPolicy`](super::RankingPolicy)); the others are listed with
//! the reason ([`NotRanked`]) and take no part in the normalisation, so
//! they change nobody else's values. Dimensions a ranked programme has no
//! data for take no part in its composite (their weight is shared out
//! among the rest, and [`ComparisonRow::missing`] names them) unless the
//! policy chooses an [`Imputation`](super::Imputation); the composite's
//! coverage says how much of the weight stood behind it.
//!
//! Ranks are competition ranks: 1 is best, tied programmes share the best
//! rank of their group and the next rank is skipped (1, 2, 2, 4).

use serde::{Deserialize, Serialize};

use crate::ProgrammeId;
use crate::diagnostics::Pointer;
use crate::score::aggregate::sum;
use crate::score::audit::{
    ComparisonCoherence, CompositeAudit, coherence_findings, screen_dimensions, too_sparse,
    treat_columns,
};
use crate::score::coherence::Coherence;
use crate::score::vocabulary::{
    Dimension, DimensionMap, DimensionValues, Imputation, PortfolioAggregation, Row, Weights,
};
use crate::score::{Evidence, Normalisation, NotRanked, ProgrammeCard, Scaling, ScoringPolicy};

mod composite;

pub(crate) use composite::{composites, normalise_table, rank_into, rankable, tied};

/// One programme's row of the comparison table.
///
/// ```
/// use ssr_model::Scorer;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let card = Scorer::default().scorecard(&portfolio);
/// let rows = &card.comparison.rows;
/// assert_eq!(rows.len(), portfolio.programmes.len()); // one per programme, in portfolio order
/// for (row, programme) in rows.iter().zip(&portfolio.programmes) {
///     assert_eq!(row.programme, programme.id);
///     assert!((0.0..=1.0).contains(&row.coverage));
///     // Ranked, or not ranked with a reason: never both, never neither.
///     assert_eq!(row.rank.is_some(), row.not_ranked.is_none());
///     // Only missing dimensions are imputed.
///     assert!(row.imputed.iter().all(|d| row.missing.contains(d)));
/// }
/// let mut ranks: Vec<u32> = rows.iter().filter_map(|r| r.rank).collect();
/// ranks.sort();
/// assert_eq!(ranks.first(), Some(&1));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ComparisonRow {
    /// The programme.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub programme: ProgrammeId,
    /// Its name.
    pub name: String,
    /// Raw values, 0–1.
    pub raw: DimensionValues,
    /// Normalised values (0–100 except z-scores), higher is better.
    pub normalised: DimensionValues,
    /// The composite (a mean of normalised values, or a Copeland score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composite: Option<f64>,
    /// Share of the dimension weight with data.
    pub coverage: f64,
    /// Rank by the composite, 1 best; `None` (`null`) when not ranked.
    #[serde(default)]
    pub rank: Option<u32>,
    /// Why the programme is not ranked; `None` when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_ranked: Option<NotRanked>,
    /// Weighted dimensions a ranked programme has no data for: left out of
    /// its composite, their weight shared out among the rest, unless
    /// imputed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Dimension>,
    /// Those of the missing dimensions filled in by the policy's
    /// [`Imputation`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imputed: Vec<Dimension>,
}

/// The normalised comparison table and nominal ranking of a portfolio.
///
/// ```
/// use ssr_model::score::compare::{Dimension, Normalisation};
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::ScoringPolicy;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let portfolio = synthetic(&Synthetic::new(5).with_components(2).with_indicators(2).with_periods(2));
/// let card = Scorer::default().scorecard(&portfolio);
/// let table = &card.comparison;
/// assert_eq!(table.normalisation, Normalisation::MinMax);
/// // Min-max: the best programme on a dimension scores 100, the worst 0.
/// let progress: Vec<f64> = table.rows.iter().filter_map(|r| r.normalised.get(Dimension::Progress)).collect();
/// assert_eq!(progress.iter().cloned().fold(f64::MIN, f64::max), 100.0);
/// assert_eq!(progress.iter().cloned().fold(f64::MAX, f64::min), 0.0);
/// // Someone is first.
/// assert!(table.rows.iter().any(|r| r.rank == Some(1)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Comparison {
    /// The normalisation used.
    pub normalisation: Normalisation,
    /// The composite method used.
    pub method: PortfolioAggregation,
    /// How missing dimensions of ranked programmes were treated.
    #[serde(default)]
    pub imputation: Imputation,
    /// One row per programme, in portfolio order.
    pub rows: Vec<ComparisonRow>,
    /// The composite's audit: the coherence of its dimensions, treated
    /// outliers, screened dimensions, and their findings.
    #[serde(default)]
    pub audit: CompositeAudit,
}

impl Comparison {
    /// The programmes not ranked, with the reason.
    pub fn unranked(&self) -> impl Iterator<Item = (&ComparisonRow, NotRanked)> {
        self.rows
            .iter()
            .filter_map(|r| r.not_ranked.map(|reason| (r, reason)))
    }

    /// How many programmes are not ranked for each reason, in the order of
    /// [`NotRanked::ALL`], reasons without a programme left out: the one
    /// line a reader needs before the full list.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::score::compare::NotRanked;
    ///
    /// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
    /// let counted: usize = card.comparison.unranked_by_reason().iter().map(|(_, n)| n).sum();
    /// assert_eq!(counted, card.comparison.unranked().count());
    /// assert!(card.comparison.unranked_by_reason().iter().all(|(_, n)| *n > 0));
    /// # let _ = NotRanked::ALL;
    /// ```
    pub fn unranked_by_reason(&self) -> Vec<(NotRanked, usize)> {
        NotRanked::ALL
            .into_iter()
            .map(|reason| {
                let n = self
                    .rows
                    .iter()
                    .filter(|r| r.not_ranked == Some(reason))
                    .count();
                (reason, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Whether no ranking was possible because every programme that met
    /// the ranking policy had the same evidence.
    pub fn no_ranking_possible(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.not_ranked == Some(NotRanked::IdenticalEvidence))
    }
}

impl ComparisonRow {
    fn from_card(card: &ProgrammeCard) -> Self {
        ComparisonRow::new(
            card.id,
            card.name.clone(),
            DimensionValues {
                progress: card.progress.score,
                evaluation: card.evaluation.as_ref().and_then(|e| e.score),
                risk: card.risk.exposure,
                resistance: card.stakeholders.resistance_exposure,
                inclusion: card.stakeholders.inclusion,
                finance: card.finance.pace,
            },
        )
    }

    /// The row of a programme with its raw dimension values, before
    /// the comparison.
    pub(crate) fn new(programme: ProgrammeId, name: String, raw: DimensionValues) -> Self {
        ComparisonRow {
            programme,
            name,
            raw,
            normalised: DimensionValues::default(),
            composite: None,
            coverage: 0.0,
            rank: None,
            not_ranked: None,
            missing: Vec::new(),
            imputed: Vec::new(),
        }
    }
}

/// The scaling of each dimension under the policy.
pub(crate) fn scalings(policy: &ScoringPolicy) -> DimensionMap<Scaling> {
    DimensionMap::from_fn(|d| {
        let p = policy.comparison.dimensions.get(d);
        let hib = d.higher_is_better();
        let (low, high) = (p.goalposts.low, p.goalposts.high);
        Scaling::new(hib)
            .with_goalposts(low, high)
            .with_target(p.target.unwrap_or(if hib { high } else { low }))
    })
}

/// The policy's dimension weights.
pub(crate) fn dimension_weights(policy: &ScoringPolicy) -> Weights {
    DimensionMap::from_fn(|d| policy.comparison.dimensions.get(d).weight.get())
}

/// Builds the comparison table of the cards under `policy`.
pub(crate) fn compare(cards: &[ProgrammeCard], policy: &ScoringPolicy) -> Comparison {
    let rows: Vec<ComparisonRow> = cards.iter().map(ComparisonRow::from_card).collect();
    let evidence: Vec<Evidence> = cards.iter().map(|c| c.evidence).collect();
    compare_rows(rows, &evidence, policy)
}

/// Builds the comparison table of programmes given by their rows (raw
/// values only, see [`ComparisonRow::new`]) and the evidence of their
/// scores, in the same order: [`compare`] without the cards, for callers
/// that keep only these (a panel).
pub(crate) fn compare_rows(
    mut rows: Vec<ComparisonRow>,
    evidence: &[Evidence],
    policy: &ScoringPolicy,
) -> Comparison {
    let method = policy.comparison.method;
    let normalisation = policy.comparison.normalisation;
    let imputation = policy.ranking.imputation;
    let mut weights = dimension_weights(policy);
    let at = Pointer::root().member("comparison").member("audit");
    let mut audit = CompositeAudit::default();
    admit(&mut rows, evidence, policy, &mut weights, &at, &mut audit);
    refuse_identical(&mut rows, &weights);
    // Only the ranked programmes are normalised, imputed and ranked
    // together: the others change nobody's values.
    let ranked: Vec<&mut ComparisonRow> =
        rows.iter_mut().filter(|r| r.not_ranked.is_none()).collect();
    let mut raw: Vec<Row> = ranked.iter().map(|r| r.raw.to_map()).collect();
    let ids: Vec<ProgrammeId> = ranked.iter().map(|r| r.programme).collect();
    let (treated, found) = treat_columns(
        &mut raw,
        &ids,
        &weights,
        &policy.audit.outliers,
        &at.clone().member("outliers"),
    );
    (audit.outliers, audit.findings) = (treated, [audit.findings, found].concat());
    let n = raw.len();
    let mut table = normalise_table(&raw, normalisation, &scalings(policy), None);
    crate::score::ranking::impute(&mut table, &weights, imputation, &mut Vec::new());
    let mut composite = vec![None; n];
    composites(
        &table,
        &weights,
        method,
        100.0 * policy.zero_floor.get(),
        &mut composite,
    );
    let mut ranks = vec![None; n];
    rank_into(&composite, &mut ranks);
    for ((((row, t), c), r), raw) in ranked
        .into_iter()
        .zip(&table)
        .zip(&composite)
        .zip(&ranks)
        .zip(&raw)
    {
        row.normalised = DimensionValues::from_map(t);
        row.composite = *c;
        row.rank = *r;
        for (d, w) in weights.iter() {
            if *w > 0.0 && raw[d].is_none() {
                row.missing.push(d);
                if t[d].is_some() {
                    row.imputed.push(d);
                }
            }
        }
    }
    audit_coherence(&rows, &weights, policy, &at, &mut audit);
    Comparison {
        normalisation,
        method,
        imputation,
        rows,
        audit,
    }
}

/// Decides who may be ranked: the ranking policy's evidence thresholds,
/// then the screening of sparse dimensions (their weight set to 0 in
/// `weights`) and programmes; and each row's coverage.
fn admit(
    rows: &mut [ComparisonRow],
    evidence: &[Evidence],
    policy: &ScoringPolicy,
    weights: &mut Weights,
    at: &Pointer,
    audit: &mut CompositeAudit,
) {
    for (row, evidence) in rows.iter_mut().zip(evidence) {
        let raw = row.raw.to_map();
        let counts = |d: Dimension| raw[d].is_some() && weights[d] > 0.0;
        row.not_ranked = policy.ranking.refuse(evidence, counts);
    }
    let screening = policy.audit.screening;
    let admitted: Vec<Row> = rows
        .iter()
        .filter(|r| r.not_ranked.is_none())
        .map(|r| r.raw.to_map())
        .collect();
    (audit.screened, audit.findings) = screen_dimensions(
        &admitted,
        weights,
        screening.min_dimension_coverage,
        &at.clone().member("screened"),
    );
    let total: f64 = weights.values().sum();
    for row in rows.iter_mut() {
        let raw = row.raw.to_map();
        row.not_ranked = row.not_ranked.or_else(|| {
            if !rankable(&raw, weights) {
                Some(NotRanked::NoEvidence)
            } else {
                too_sparse(&raw, weights, screening.min_programme_coverage)
                    .then_some(NotRanked::LowDataCoverage)
            }
        });
        let with = sum(weights
            .iter()
            .filter(|(d, _)| raw[*d].is_some())
            .map(|(_, w)| *w));
        row.coverage = if total > 0.0 { with / total } else { 0.0 };
    }
}

impl ComparisonCoherence {
    /// The coherence of `dimensions` over the ranked rows.
    pub(crate) fn over(rows: &[&ComparisonRow], dimensions: Vec<Dimension>) -> Self {
        let columns: Vec<Vec<Option<f64>>> = dimensions
            .iter()
            .map(|&d| rows.iter().map(|r| r.normalised.get(d)).collect())
            .collect();
        let composite: Vec<Option<f64>> = rows.iter().map(|r| r.composite).collect();
        ComparisonCoherence {
            statistics: Coherence::of(&columns, &composite),
            programmes: rows.iter().map(|r| r.programme).collect(),
            dimensions,
        }
    }
}

/// Marks every eligible row [`NotRanked::IdenticalEvidence`] when there
/// are at least two and their weighted raw values (present or missing) are
/// all the same: no ranking can tell them apart.
pub(crate) fn refuse_identical(rows: &mut [ComparisonRow], weights: &Weights) {
    let weighted = |r: &ComparisonRow| -> Vec<Option<u64>> {
        let raw = r.raw.to_map();
        weights
            .iter()
            .filter(|(_, w)| **w > 0.0)
            .map(|(d, _)| raw[d].map(f64::to_bits))
            .collect()
    };
    let mut eligible = rows.iter_mut().filter(|r| r.not_ranked.is_none());
    let Some(first) = eligible.next().map(|r| weighted(r)) else {
        return;
    };
    let rest: Vec<&mut ComparisonRow> = eligible.collect();
    if !rest.is_empty() && rest.iter().all(|r| weighted(r) == first) {
        for r in rows.iter_mut().filter(|r| r.not_ranked.is_none()) {
            r.not_ranked = Some(NotRanked::IdenticalEvidence);
        }
    }
}

/// The coherence of the weighted dimensions over the ranked rows, and its
/// findings, into `audit`.
fn audit_coherence(
    rows: &[ComparisonRow],
    weights: &Weights,
    policy: &ScoringPolicy,
    at: &Pointer,
    audit: &mut CompositeAudit,
) {
    let ranked: Vec<&ComparisonRow> = rows.iter().filter(|r| r.rank.is_some()).collect();
    let dimensions: Vec<Dimension> = weights
        .iter()
        .filter(|(_, w)| **w > 0.0)
        .map(|(d, _)| d)
        .collect();
    let names: Vec<&str> = dimensions.iter().map(|d| d.as_str()).collect();
    audit.coherence = ComparisonCoherence::over(&ranked, dimensions);
    audit.findings.extend(coherence_findings(
        &audit.coherence.statistics,
        &names,
        &policy.audit.coherence,
        &at.clone().member("coherence").member("statistics"),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Aggregation;

    #[test]
    fn methods_read_as_their_names() {
        assert_eq!(PortfolioAggregation::Geometric.to_string(), "geometric");
        assert_eq!(PortfolioAggregation::Power(2.5).to_string(), "power 2.5");
        assert_eq!(Aggregation::Power(-1.0).to_string(), "power -1");
        assert_eq!(PortfolioAggregation::Copeland.to_string(), "copeland");
        assert_eq!(crate::score::RiskBand::Extreme.to_string(), "extreme");
        // Display is the serde name; the prose is `describe`.
        assert_eq!(crate::score::Gap::NoActual.to_string(), "no_actual");
        assert_eq!(crate::score::Gap::NoActual.describe(), "no actual reported");
    }

    #[test]
    #[cfg(feature = "json")]
    fn score_enum_names_match_serde() {
        use crate::model::names::check_names;
        use crate::score::{
            Gap, InclusionGroup, Presence, Quadrant, RiskBand, Salience, Status, TargetRule,
            Weighting,
        };
        check_names(&Dimension::ALL);
        check_names(&Status::ALL);
        check_names(&Quadrant::ALL);
        check_names(&Salience::ALL);
        check_names(&InclusionGroup::ALL);
        check_names(&Presence::ALL);
        check_names(&RiskBand::ALL);
        check_names(&Normalisation::ALL);
        check_names(&TargetRule::ALL);
        check_names(&Weighting::ALL);
        check_names(&Gap::ALL);
        check_names(&crate::score::EvidenceKind::ALL);
        check_names(&crate::score::NotRanked::ALL);
        check_names(&crate::score::Imputation::ALL);
        check_names(&crate::score::ExposureMethod::ALL);
    }
}
