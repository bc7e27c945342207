//! Rank uncertainty: how far a programme's rank depends on the choices made
//! in building the comparison (Saisana, Saltelli & Tarantola 2005,
//! *Uncertainty and sensitivity analysis techniques as tools for the quality
//! assessment of composite indicators*, J. R. Stat. Soc. A 168(2); COINr's
//! `get_sensitivity`).
//!
//! Each Monte Carlo replication draws the uncertain choices (see
//! [`UncertaintyPolicy`] for what is drawn), recomputes every programme's
//! results score from its component scores with the noisy pillar weights,
//! re-normalises, re-aggregates and ranks. Per programme we report the
//! nominal rank (the policy's own choices) and the mean, median, 5th and
//! 95th percentile of its rank over the replications. Percentiles use linear
//! interpolation between order statistics (Hyndman & Fan type 7, the default
//! of R and NumPy).
//!
//! **Reproducible bit for bit.** Draws come from ChaCha8 seeded with
//! `seed_from_u64(seed)` (rand_chacha 0.10), in a fixed order per
//! replication: the normalisation index, the method index, one multiplier
//! per pillar in [`Pillar::ALL`](crate::Pillar::ALL) order, one per
//! dimension in [`Dimension::ALL`](super::Dimension::ALL) order; a uniform
//! number is `(next_u64 >> 11) · 2⁻⁵³`. Draws do not depend on the
//! programmes, and sums over programmes are taken in sorted order, so
//! permuting the programmes permutes their statistics and nothing else.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::comparison::dimension_weights;
use super::engine::{self, Plan};
use super::vocabulary::Row;
use super::{
    Comparison, ComparisonRow, Normalisation, PortfolioAggregation, ProgrammeCard, ScoringPolicy,
};
use crate::{Pillar, ProgrammeId};
use replication::{Buffers, Replication, prepare};

pub(crate) mod columns;
mod replication;

/// One programme's rank statistics over the replications.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let portfolio = synthetic(&Synthetic::new(8).with_components(2).with_indicators(2).with_periods(2));
/// let scorer = Scorer::default();
/// let card = scorer.scorecard(&portfolio);
/// let ranks = scorer.rank_uncertainty(&card);
/// let n = ranks.programmes.len() as f64;
/// for stats in &ranks.programmes {
///     // A 5–95 % interval around the median, within 1..=n.
///     assert!(1.0 <= stats.p05 && stats.p05 <= stats.median && stats.median <= stats.p95 && stats.p95 <= n);
///     assert!(stats.sd >= 0.0);
///     let nominal = card.comparison.rows.iter().find(|r| r.programme == stats.programme).and_then(|r| r.rank);
///     assert_eq!(nominal, Some(stats.nominal));
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RankStats {
    /// The programme.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub programme: ProgrammeId,
    /// Its name.
    pub name: String,
    /// The rank under the policy's own choices.
    pub nominal: u32,
    /// Mean rank.
    pub mean: f64,
    /// Median rank.
    pub median: f64,
    /// 5th percentile rank (the better end of the interval).
    pub p05: f64,
    /// 95th percentile rank (the worse end).
    pub p95: f64,
    /// Standard deviation of the rank (sample, n − 1).
    pub sd: f64,
}

/// The rank uncertainty of a portfolio.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let portfolio = synthetic(&Synthetic::new(20).with_components(3).with_indicators(2).with_periods(3));
/// let scorer = Scorer::default();
/// let card = scorer.scorecard(&portfolio);
/// let ranks = scorer.rank_uncertainty(&card);
/// assert_eq!(ranks.programmes.len(), 20);
/// for s in &ranks.programmes {
///     assert!(1.0 <= s.p05 && s.p05 <= s.median && s.median <= s.p95 && s.p95 <= 20.0);
/// }
/// // The same seed gives the same statistics, bit for bit.
/// assert_eq!(ranks, scorer.rank_uncertainty(&card));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RankUncertainty {
    /// Replications run.
    pub replications: usize,
    /// The seed.
    pub seed: u64,
    /// Relative weight noise.
    pub weight_noise: f64,
    /// Normalisations drawn from.
    pub normalisations: Vec<Normalisation>,
    /// Composite methods drawn from.
    pub methods: Vec<PortfolioAggregation>,
    /// The ranked programmes, in portfolio order. Programmes the
    /// comparison did not rank ([`ComparisonRow::not_ranked`](super::ComparisonRow::not_ranked))
    /// take no part in the replications and are not listed.
    pub programmes: Vec<RankStats>,
}

impl RankUncertainty {
    /// The statistics of `programme`, if it was ranked. A linear search: to
    /// join many programmes, use [`by_programme`](Self::by_programme).
    pub fn get(&self, programme: ProgrammeId) -> Option<&RankStats> {
        self.programmes.iter().find(|s| s.programme == programme)
    }

    /// The statistics keyed by programme, built once, for joining them to
    /// scorecard rows or programme cards in linear time.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::samples::{Synthetic, synthetic};
    ///
    /// let portfolio = synthetic(&Synthetic::new(5).with_components(2).with_indicators(1).with_periods(2));
    /// let scorer = Scorer::default();
    /// let card = scorer.scorecard(&portfolio);
    /// let ranks = scorer.rank_uncertainty(&card);
    /// let by_programme = ranks.by_programme();
    /// for p in &portfolio.programmes {
    ///     assert_eq!(by_programme.get(&p.id).copied(), ranks.get(p.id));
    /// }
    /// ```
    pub fn by_programme(&self) -> HashMap<ProgrammeId, &RankStats> {
        self.programmes.iter().map(|s| (s.programme, s)).collect()
    }
}

/// One programme the comparison ranked: its card, its row and the rank
/// the row gives it.
struct Ranked<'a> {
    card: &'a ProgrammeCard,
    row: &'a ComparisonRow,
    nominal: u32,
}

/// Runs the Monte Carlo over the scored programmes.
pub(crate) fn rank_uncertainty(
    cards: &[ProgrammeCard],
    comparison: &Comparison,
    policy: &ScoringPolicy,
    threads: usize,
) -> RankUncertainty {
    // The dimensions the comparison screened out weigh nothing here either.
    let screened = crate::score::audit::without_screened(policy, &comparison.audit);
    let policy = screened.as_ref();
    let u = &policy.uncertainty;
    let weights = dimension_weights(policy);
    // A scorecard's comparison has one row per card, in the cards' order
    // (`compare` builds the rows from the cards).
    let ranked: Vec<Ranked<'_>> = cards
        .iter()
        .zip(&comparison.rows)
        .filter_map(|(card, row)| row.rank.map(|nominal| Ranked { card, row, nominal }))
        .collect();
    let chosen: Vec<&ProgrammeCard> = ranked.iter().map(|r| r.card).collect();
    let mut raw: Vec<Row> = ranked.iter().map(|r| r.row.raw.to_map()).collect();
    crate::score::audit::apply_treated(&mut raw, &chosen, &comparison.audit);
    let fixed = prepare(&chosen, &raw, policy);
    let n = raw.len();
    let plan = Plan {
        replications: u.replications,
        seed: u.seed,
        // A dimension of weight 0 stays 0 under the multiplicative noise, so
        // it draws none: adding an unweighted dimension (finance, by
        // default) leaves the random stream, and every result, as before.
        draws: 2 + Pillar::ALL.len() + weights.values().filter(|w| **w > 0.0).count(),
        programmes: n,
        bins: n + 1,
        threads,
    };
    let replication = Replication::new(&fixed, policy);
    let tally = engine::run(
        &plan,
        || Buffers::new(n),
        |b, draws, out| {
            replication.run(b, draws, out);
        },
    );
    let summaries = tally.summaries(n, plan.replications, plan.bins, plan.threads);
    let programmes = ranked
        .iter()
        .zip(&summaries)
        .map(|(r, &[mean, median, p05, p95, sd])| RankStats {
            programme: r.row.programme,
            name: r.row.name.clone(),
            nominal: r.nominal,
            mean,
            median,
            p05,
            p95,
            sd,
        })
        .collect();
    RankUncertainty {
        replications: u.replications,
        seed: u.seed,
        weight_noise: u.weight_noise.get(),
        normalisations: u.normalisations.clone(),
        methods: u.methods.clone(),
        programmes,
    }
}

#[cfg(test)]
mod tests;
