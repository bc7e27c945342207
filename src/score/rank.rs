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

#[cfg(test)]
use super::UncertaintyPolicy;
use super::aggregate::Kernel;
use super::comparison::{N, composites, dimension_weights, normalise_table, scalings, tied};
use super::engine::{self, Plan, Ranker};
use super::rank_columns::{Column, Mean, Sums, column_composites};
use super::ranking::{fill_value, impute};
use super::{
    Comparison, Dimension, Imputation, Normalisation, PortfolioAggregation, ProgrammeCard, Scaling,
    ScoringPolicy,
};
use crate::{Pillar, ProgrammeId};

/// One programme's rank statistics over the replications.
///
/// ```
/// use ssr_model::score::Scorer;
/// use ssr_model::samples::{synthetic, Synthetic};
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
/// use ssr_model::score::Scorer;
/// use ssr_model::samples::{synthetic, Synthetic};
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
    /// use ssr_model::score::Scorer;
    /// use ssr_model::samples::{synthetic, Synthetic};
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

/// The item a uniform draw `u` in [0, 1) falls on.
#[expect(
    clippy::expect_used,
    reason = "ScoringPolicy::check refuses empty uncertainty.normalisations and \
              uncertainty.methods, and a Scorer holds only checked policies"
)]
fn pick<T>(items: impl ExactSizeIterator<Item = T>, u: f64) -> T {
    let n = items.len();
    let i = ((u * n as f64) as usize).min(n.saturating_sub(1));
    items
        .into_iter()
        .nth(i)
        .expect("a checked policy draws from a non-empty list")
}

/// The progress column of the comparison tables.
const PROGRESS: usize = Dimension::Progress.index();

/// One ranked programme's results score, prepared for re-weighting: the
/// component-level mean over its scored components, and each component's
/// score mapped by that mean, nominal weight and pillar.
struct FixedProgramme {
    kernel: Kernel,
    components: Vec<FixedComponent>,
}

struct FixedComponent {
    mapped: f64,
    weight: f64,
    pillar: Pillar,
}

impl FixedProgramme {
    fn new(card: &ProgrammeCard, policy: &ScoringPolicy) -> Option<FixedProgramme> {
        let scored = || {
            card.progress
                .components
                .iter()
                .filter(|c| c.weight > 0.0)
                .filter_map(|c| c.score.map(|s| (s, c.weight, c.pillar)))
        };
        let kernel = Kernel::prepare(
            policy.components.method,
            scored().map(|(s, w, _)| (s, w)),
            policy.zero_floor.get(),
        )?;
        let components = scored()
            .map(|(s, weight, pillar)| FixedComponent {
                mapped: kernel.forward(s),
                weight,
                pillar,
            })
            .collect();
        Some(FixedProgramme { kernel, components })
    }

    /// The results score with each pillar's weight multiplied by its draw.
    fn score(&self, multipliers: &PillarMultipliers) -> Option<f64> {
        let (mut s, mut tw) = (0.0, 0.0);
        for c in &self.components {
            let w = c.weight * multipliers.of(c.pillar);
            s += w * c.mapped;
            tw += w;
        }
        (tw > 0.0).then(|| self.kernel.inverse(s / tw))
    }
}

/// One weight multiplier per pillar, indexed by [`Pillar::index`].
struct PillarMultipliers([f64; Pillar::ALL.len()]);

impl PillarMultipliers {
    #[expect(
        clippy::indexing_slicing,
        reason = "Pillar::index() is below Pillar::ALL.len(), the array's length"
    )]
    fn of(&self, pillar: Pillar) -> f64 {
        self.0[pillar.index()]
    }
}

/// Everything that does not change between replications, computed once.
struct Fixed {
    /// Per ranked programme, `None` when it has no scored component.
    programmes: Vec<Option<FixedProgramme>>,
    /// Per normalisation alternative (zipped with the policy's list): the
    /// normalised table with the progress column left empty (it is
    /// recomputed each replication).
    tables: Vec<Vec<[Option<f64>; N]>>,
    /// Per normalisation and per method with a column form: the tables'
    /// columns mapped for that mean (the progress column left empty).
    columns: Vec<Vec<Option<[Column; N]>>>,
}

fn prepare(cards: &[&ProgrammeCard], raw: &[[Option<f64>; N]], policy: &ScoringPolicy) -> Fixed {
    let scalings = scalings(policy);
    let weights = dimension_weights(policy);
    // Imputation works column by column, so the fixed columns are imputed
    // once here and only the progress column in each replication.
    let tables: Vec<_> = policy
        .uncertainty
        .normalisations
        .iter()
        .map(|&norm| {
            let mut table = normalise_table(raw, norm, &scalings, 1);
            impute(
                &mut table,
                &weights,
                policy.ranking.imputation,
                &mut Vec::new(),
            );
            table
        })
        .collect();
    let floor = 100.0 * policy.zero_floor.get();
    let columns = tables
        .iter()
        .map(|table| {
            policy
                .uncertainty
                .methods
                .iter()
                .map(|&method| {
                    let mean = Mean::of(method)?;
                    Some(std::array::from_fn(|d| {
                        let mut column = Column::default();
                        if d != PROGRESS {
                            column.set(
                                table.iter().map(|row| row.get(d).copied().flatten()),
                                mean,
                                floor,
                            );
                        }
                        column
                    }))
                })
                .collect()
        })
        .collect();
    Fixed {
        programmes: cards
            .iter()
            .map(|card| FixedProgramme::new(card, policy))
            .collect(),
        tables,
        columns,
    }
}

/// One thread's buffers: nothing is allocated per replication.
struct Buffers {
    pillar_mult: PillarMultipliers,
    dim_weights: [f64; N],
    progress: Vec<Option<f64>>,
    progress_norm: Vec<Option<f64>>,
    scratch: Vec<f64>,
    table: Vec<[Option<f64>; N]>,
    composite: Vec<Option<f64>>,
    ranks: Vec<Option<u32>>,
    ranker: Ranker,
    progress_column: Column,
    sums: Sums,
    places: Vec<f64>,
}

impl Buffers {
    fn new(n: usize) -> Buffers {
        Buffers {
            pillar_mult: PillarMultipliers([1.0; Pillar::ALL.len()]),
            dim_weights: [0.0; N],
            progress: vec![None; n],
            progress_norm: vec![None; n],
            scratch: Vec::with_capacity(n),
            table: vec![[None; N]; n],
            composite: vec![None; n],
            ranks: vec![None; n],
            ranker: Ranker::default(),
            progress_column: Column::default(),
            sums: Sums::default(),
            places: Vec::with_capacity(n),
        }
    }
}

/// What one replication reads.
struct Replication<'a> {
    fixed: &'a Fixed,
    policy: &'a ScoringPolicy,
    weights: [f64; N],
    progress_scaling: Scaling,
    imputation: Imputation,
    floor: f64,
}

impl Replication<'_> {
    /// Ranks the programmes under the choices `draws` make, into `out`.
    fn run(&self, b: &mut Buffers, draws: &[f64], out: &mut [u32]) {
        let u = &self.policy.uncertainty;
        let mut draws = draws.iter().copied();
        let mut next = || draws.next().unwrap_or(0.0);
        let norm_u = next();
        let method_u = next();
        for m in &mut b.pillar_mult.0 {
            *m = 1.0 + u.weight_noise.get() * (2.0 * next() - 1.0);
        }
        for (d, w) in b.dim_weights.iter_mut().zip(&self.weights) {
            *d = if *w > 0.0 {
                w * (1.0 + u.weight_noise.get() * (2.0 * next() - 1.0))
            } else {
                0.0
            };
        }
        let ((norm, base), columns) = pick(
            u.normalisations
                .iter()
                .zip(&self.fixed.tables)
                .zip(&self.fixed.columns),
            norm_u,
        );
        let (method, columns) = pick(u.methods.iter().zip(columns), method_u);
        for (p, programme) in b.progress.iter_mut().zip(&self.fixed.programmes) {
            *p = programme.as_ref().and_then(|f| f.score(&b.pillar_mult));
        }
        if *norm == Normalisation::PercentileRank {
            Normalisation::percentile_rank_into(
                &b.progress,
                &self.progress_scaling,
                &mut b.ranker,
                (&mut b.scratch, &mut b.places),
                &mut b.progress_norm,
            );
        } else {
            norm.apply_into(
                &b.progress,
                &self.progress_scaling,
                &mut b.scratch,
                &mut b.progress_norm,
            );
        }
        if self.weights[PROGRESS] > 0.0 {
            let present = b.progress_norm.iter().flatten().copied();
            if let Some(fill) = fill_value(present, self.imputation, &mut b.scratch) {
                b.progress_norm.iter_mut().for_each(|p| {
                    p.get_or_insert(fill);
                });
            }
        }
        if let (Some(columns), Some(mean)) = (columns, Mean::of(*method)) {
            b.progress_column
                .set(b.progress_norm.iter().copied(), mean, self.floor);
            let all: [&Column; N] = std::array::from_fn(|d| match columns.get(d) {
                Some(c) if d != PROGRESS => c,
                _ => &b.progress_column,
            });
            column_composites(all, &b.dim_weights, mean, &mut b.sums, &mut b.composite);
        } else {
            for ((t, base), p) in b.table.iter_mut().zip(base).zip(&b.progress_norm) {
                *t = *base;
                t[PROGRESS] = *p;
            }
            composites(
                &b.table,
                &b.dim_weights,
                *method,
                self.floor,
                &mut b.composite,
            );
        }
        b.ranker.competition(&b.composite, tied, &mut b.ranks);
        let n = out.len() as u32;
        for (o, r) in out.iter_mut().zip(&b.ranks) {
            *o = r.unwrap_or(n);
        }
    }
}

/// Runs the Monte Carlo over the scored programmes.
pub(crate) fn rank_uncertainty(
    cards: &[ProgrammeCard],
    comparison: &Comparison,
    policy: &ScoringPolicy,
    threads: usize,
) -> RankUncertainty {
    let u = &policy.uncertainty;
    let weights = dimension_weights(policy);
    let ranked: Vec<usize> = comparison
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.rank.is_some())
        .map(|(i, _)| i)
        .collect();
    let chosen: Vec<&ProgrammeCard> = ranked.iter().filter_map(|&i| cards.get(i)).collect();
    let raw: Vec<[Option<f64>; N]> = ranked
        .iter()
        .filter_map(|&i| comparison.rows.get(i).map(|r| r.raw.to_array()))
        .collect();
    let fixed = prepare(&chosen, &raw, policy);
    let n = raw.len();
    let plan = Plan {
        replications: u.replications,
        seed: u.seed,
        // A dimension of weight 0 stays 0 under the multiplicative noise, so
        // it draws none: adding an unweighted dimension (finance, by
        // default) leaves the random stream, and every result, as before.
        draws: 2 + Pillar::ALL.len() + weights.iter().filter(|w| **w > 0.0).count(),
        programmes: n,
        bins: n + 1,
        threads,
    };
    let replication = Replication {
        fixed: &fixed,
        policy,
        weights,
        progress_scaling: scalings(policy)[PROGRESS],
        imputation: policy.ranking.imputation,
        floor: 100.0 * policy.zero_floor.get(),
    };
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
        .filter_map(|(&row, &[mean, median, p05, p95, sd])| {
            let row = comparison.rows.get(row)?;
            Some(RankStats {
                programme: row.programme,
                name: row.name.clone(),
                nominal: row.rank.unwrap_or(n as u32),
                mean,
                median,
                p05,
                p95,
                sd,
            })
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
mod tests {
    use super::*;

    /// Each pillar's draw weighs that pillar's components and no other's
    /// (the layout once mapped an unknown pillar to pillar 0).
    #[test]
    fn each_pillar_multiplier_weighs_its_own_components() {
        // The default component mean is arithmetic: the score is the
        // weighted mean of the component scores.
        let policy = ScoringPolicy::default();
        assert_eq!(
            policy.components.method,
            crate::score::Aggregation::Arithmetic
        );
        for (i, &p) in Pillar::ALL.iter().enumerate() {
            let q = Pillar::ALL[(i + 1) % Pillar::ALL.len()];
            let kernel = Kernel::prepare(
                policy.components.method,
                [(0.2, 1.0), (0.8, 1.0)].into_iter(),
                policy.zero_floor.get(),
            )
            .unwrap();
            let component = |s, pillar| FixedComponent {
                mapped: kernel.forward(s),
                weight: 1.0,
                pillar,
            };
            let programme = FixedProgramme {
                components: vec![component(0.2, p), component(0.8, q)],
                kernel,
            };
            let mut multipliers = PillarMultipliers([1.0; Pillar::ALL.len()]);
            assert!((programme.score(&multipliers).unwrap() - 0.5).abs() < 1e-12);
            multipliers.0[p.index()] = 0.0;
            assert_eq!(programme.score(&multipliers), Some(0.8), "{p}");
            multipliers.0[p.index()] = 3.0;
            assert!(
                (programme.score(&multipliers).unwrap() - 0.35).abs() < 1e-12,
                "{p}"
            );
        }
    }

    /// Every replication ranks every programme (a skipped replication once
    /// left ranks of 0 in the tally).
    #[test]
    fn every_replication_is_tallied() {
        use crate::samples::{Synthetic, synthetic};
        let portfolio = synthetic(
            &Synthetic::new(6)
                .with_components(3)
                .with_indicators(2)
                .with_periods(3),
        );
        for (norms, methods) in [
            (
                vec![Normalisation::MinMax],
                vec![PortfolioAggregation::Arithmetic],
            ),
            (
                vec![Normalisation::Goalposts, Normalisation::PercentileRank],
                vec![
                    PortfolioAggregation::Geometric,
                    PortfolioAggregation::Copeland,
                ],
            ),
        ] {
            let mut policy = ScoringPolicy::default();
            policy.uncertainty.replications = 50;
            policy.uncertainty.normalisations = norms;
            policy.uncertainty.methods = methods;
            let scorer = crate::score::Scorer::new(policy).unwrap();
            let card = scorer.scorecard(&portfolio);
            let ranks = scorer.rank_uncertainty(&card);
            let n = ranks.programmes.len() as f64;
            assert!(n > 0.0);
            for s in &ranks.programmes {
                assert!(s.p05 >= 1.0 && s.mean >= 1.0 && s.p95 <= n, "{s:?}");
            }
        }
    }

    /// Competition ranks by a comparison sort (absent composites last).
    fn sorted_ranks(composite: &[Option<f64>]) -> Vec<u32> {
        let n = composite.len();
        let mut order: Vec<(f64, usize)> = composite
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (s, i)))
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut ranks = vec![n as u32; n];
        let (mut rank, mut last) = (0u32, None::<f64>);
        for (pos, &(s, i)) in order.iter().enumerate() {
            if !last.is_some_and(|l| tied(l, s)) {
                rank = pos as u32 + 1;
                last = Some(s);
            }
            ranks[i] = rank;
        }
        ranks
    }

    /// The slow obvious twin of the engine: the loop this crate ran before
    /// (one stream read in order, a comparison sort per replication, each
    /// programme's ranks sorted for the statistics).
    fn sequential(
        cards: &[ProgrammeCard],
        comparison: &Comparison,
        policy: &ScoringPolicy,
    ) -> Vec<[f64; 5]> {
        use rand_core::SeedableRng;
        let u = &policy.uncertainty;
        let weights = dimension_weights(policy);
        let ranked: Vec<usize> = (0..comparison.rows.len())
            .filter(|&i| comparison.rows[i].rank.is_some())
            .collect();
        let chosen: Vec<&ProgrammeCard> = ranked.iter().map(|&i| &cards[i]).collect();
        let raw: Vec<[Option<f64>; N]> = ranked
            .iter()
            .map(|&i| comparison.rows[i].raw.to_array())
            .collect();
        let fixed = prepare(&chosen, &raw, policy);
        let n = raw.len();
        let progress_scaling = scalings(policy)[PROGRESS];
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(u.seed);
        let mut columns = vec![Vec::new(); n];
        for _ in 0..u.replications {
            let norm_u = engine::unit(&mut rng);
            let method_u = engine::unit(&mut rng);
            let mut mult = PillarMultipliers([1.0; Pillar::ALL.len()]);
            for m in &mut mult.0 {
                *m = 1.0 + u.weight_noise.get() * (2.0 * engine::unit(&mut rng) - 1.0);
            }
            let mut dims = [0.0; N];
            for (d, w) in dims.iter_mut().zip(&weights) {
                *d = if *w > 0.0 {
                    w * (1.0 + u.weight_noise.get() * (2.0 * engine::unit(&mut rng) - 1.0))
                } else {
                    0.0
                };
            }
            let norm = *pick(u.normalisations.iter(), norm_u);
            let method = *pick(u.methods.iter(), method_u);
            let progress: Vec<Option<f64>> = fixed
                .programmes
                .iter()
                .map(|f| f.as_ref().and_then(|f| f.score(&mult)))
                .collect();
            let progress = norm.apply(&progress, &progress_scaling);
            let mut table = normalise_table(&raw, norm, &scalings(policy), 1);
            for (t, p) in table.iter_mut().zip(&progress) {
                t[PROGRESS] = *p;
            }
            impute(
                &mut table,
                &weights,
                policy.ranking.imputation,
                &mut Vec::new(),
            );
            let mut composite = vec![None; n];
            composites(
                &table,
                &dims,
                method,
                100.0 * policy.zero_floor.get(),
                &mut composite,
            );
            let ranks = sorted_ranks(&composite);
            for (c, r) in columns.iter_mut().zip(ranks) {
                c.push(r);
            }
        }
        columns
            .into_iter()
            .map(|mut c| {
                c.sort();
                engine::summarise(c.into_iter(), u.replications)
            })
            .collect()
    }

    /// The engine gives the old loop's statistics bit for bit, on one
    /// thread or several, with either tally layout, for every method.
    #[test]
    fn the_engine_reproduces_the_sequential_loop_bit_for_bit() {
        use crate::samples::{Synthetic, synthetic};
        let portfolio = synthetic(
            &Synthetic::new(40)
                .with_components(3)
                .with_indicators(2)
                .with_periods(3),
        );
        // Gaps for the imputation to fill: every third programme has no
        // evaluation, every fifth no scored result (ranked all the same,
        // with the results threshold at 0 below).
        let mut portfolio = portfolio;
        for (i, p) in portfolio.programmes.iter_mut().enumerate() {
            if i % 3 == 0 {
                p.evaluations.clear();
            }
            if i % 5 == 1 {
                p.components.clear();
            }
        }
        for (reps, norms, methods) in [
            (
                200,
                UncertaintyPolicy::default().normalisations,
                UncertaintyPolicy::default().methods,
            ),
            (
                30,
                vec![Normalisation::ZScore, Normalisation::DistanceToTarget],
                vec![
                    PortfolioAggregation::Copeland,
                    PortfolioAggregation::Arithmetic,
                ],
            ),
            (
                50,
                vec![
                    Normalisation::DistanceToTarget,
                    Normalisation::PercentileRank,
                ],
                vec![
                    PortfolioAggregation::Harmonic,
                    PortfolioAggregation::Power(0.5),
                ],
            ),
        ] {
            for imputation in Imputation::ALL {
                let mut policy = ScoringPolicy::default();
                policy.uncertainty.replications = reps;
                policy.uncertainty.seed = 11;
                policy.uncertainty.normalisations = norms.clone();
                policy.uncertainty.methods = methods.clone();
                policy.ranking.imputation = imputation;
                policy.ranking.min_results_coverage = 0.0;
                let scorer = crate::score::Scorer::new(policy.clone()).unwrap();
                let card = scorer.scorecard(&portfolio);
                if imputation != Imputation::None {
                    // The case must exercise the imputation.
                    for d in [Dimension::Evaluation, Dimension::Progress] {
                        let imputed = |r: &crate::score::ComparisonRow| r.imputed.contains(&d);
                        assert!(card.comparison.rows.iter().any(imputed), "{d}");
                    }
                }
                let expected = sequential(&card.programmes, &card.comparison, &policy);
                for threads in [1, 3] {
                    let got = scorer.clone().with_threads(threads).rank_uncertainty(&card);
                    assert_eq!(got.programmes.len(), expected.len());
                    for (s, e) in got.programmes.iter().zip(&expected) {
                        assert_eq!(
                            [s.mean, s.median, s.p05, s.p95, s.sd],
                            *e,
                            "{reps} reps, {threads} threads, {imputation} imputation"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn unit_draws_are_in_range() {
        use rand_core::SeedableRng;
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..1000 {
            let u = engine::unit(&mut rng);
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(pick([1, 2, 3].into_iter(), 0.999_999), 3);
        assert_eq!(pick([1, 2, 3].into_iter(), 0.0), 1);
        assert_eq!(pick([1, 2, 3].into_iter(), 0.5), 2);
    }
}
