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

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use super::aggregate::Kernel;
use super::comparison::{N, composites, dimension_weights, normalise_table, rank_into, scalings};
use super::ranking::impute;
use super::{
    Comparison, Dimension, Normalisation, PortfolioAggregation, ProgrammeCard, ScoringPolicy,
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

/// Uniform on [0, 1) from the top 53 bits.
fn unit(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
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
}

fn prepare(cards: &[&ProgrammeCard], raw: &[[Option<f64>; N]], policy: &ScoringPolicy) -> Fixed {
    let scalings = scalings(policy);
    Fixed {
        programmes: cards
            .iter()
            .map(|card| FixedProgramme::new(card, policy))
            .collect(),
        tables: policy
            .uncertainty
            .normalisations
            .iter()
            .map(|&norm| normalise_table(raw, norm, &scalings, 1))
            .collect(),
    }
}

/// Where the ranks of every replication are kept until the statistics are
/// taken: a replications × programmes matrix, or per programme a count of
/// each rank, whichever is smaller. Both give the same statistics, to the
/// bit: the statistics read the ranks in ascending order either way.
enum Tally {
    /// Replication-major: each replication writes one contiguous row.
    Matrix(Vec<u32>),
    /// Programme-major: `counts[i·n + k]` replications ranked programme i at k + 1.
    Counts(Vec<u32>),
}

impl Tally {
    fn new(n: usize, reps: usize) -> Tally {
        if reps <= n {
            Tally::Matrix(vec![0; n * reps])
        } else {
            Tally::Counts(vec![0; n * n])
        }
    }

    fn record(&mut self, r: usize, ranks: &[Option<u32>]) {
        let n = ranks.len();
        match self {
            Tally::Matrix(all) => {
                if let Some(row) = all.get_mut(r * n..(r + 1) * n) {
                    for (slot, rk) in row.iter_mut().zip(ranks) {
                        *slot = rk.unwrap_or(n as u32);
                    }
                }
            }
            Tally::Counts(counts) => {
                for (i, rk) in ranks.iter().enumerate() {
                    let k = rk.unwrap_or(n as u32).saturating_sub(1) as usize;
                    if let Some(c) = counts.get_mut(i * n + k) {
                        *c += 1;
                    }
                }
            }
        }
    }

    /// The statistics of programme `i`; `sample` is a buffer of `reps`.
    fn stats(&self, i: usize, n: usize, reps: usize, sample: &mut Vec<u32>) -> [f64; 5] {
        match self {
            Tally::Matrix(all) => {
                sample.clear();
                sample.extend(all.iter().skip(i).step_by(n.max(1)));
                sample.sort_unstable();
                summarise(sample.iter().copied(), reps)
            }
            Tally::Counts(counts) => {
                let row = counts.get(i * n..(i + 1) * n).unwrap_or(&[]);
                let sorted = row
                    .iter()
                    .enumerate()
                    .flat_map(|(k, &c)| std::iter::repeat_n(k as u32 + 1, c as usize));
                summarise(sorted, reps)
            }
        }
    }
}

/// Mean, median, 5th and 95th percentile and sample standard deviation of
/// `reps` ranks given in ascending order.
fn summarise(sorted: impl Iterator<Item = u32> + Clone, reps: usize) -> [f64; 5] {
    let mean = sorted.clone().map(f64::from).sum::<f64>() / reps as f64;
    let ss: f64 = sorted
        .clone()
        .map(|x| (f64::from(x) - mean) * (f64::from(x) - mean))
        .sum();
    let sd = if reps > 1 {
        (ss / (reps - 1) as f64).sqrt()
    } else {
        0.0
    };
    let q = |p| quantile(sorted.clone(), reps, p);
    [mean, q(0.5), q(0.05), q(0.95), sd]
}

/// Type 7 quantile of `n` values in ascending order.
fn quantile(sorted: impl Iterator<Item = u32> + Clone, n: usize, q: f64) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let h = (n - 1) as f64 * q;
    let lo = h.floor() as usize;
    let mut it = sorted.skip(lo);
    let a = it.next().map_or(0.0, f64::from);
    let b = it.next().map_or(a, f64::from);
    a + (h - lo as f64) * (b - a)
}

/// Runs the Monte Carlo over the scored programmes.
#[allow(
    clippy::too_many_lines,
    reason = "branch speed (issue 13) rewrites this loop, shorter; split after it lands"
)]
pub(crate) fn rank_uncertainty(
    cards: &[ProgrammeCard],
    comparison: &Comparison,
    policy: &ScoringPolicy,
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
    let reps = u.replications;
    let progress_scaling = scalings(policy)[PROGRESS];
    let floor = 100.0 * policy.zero_floor.get();

    // Buffers reused by every replication: nothing is allocated in the loop.
    let mut rng = ChaCha8Rng::seed_from_u64(u.seed);
    let mut pillar_mult = PillarMultipliers([1.0; Pillar::ALL.len()]);
    let mut dim_weights = [0.0; N];
    let mut progress = vec![None; n];
    let mut progress_norm = vec![None; n];
    let mut scratch = Vec::with_capacity(n);
    let mut impute_scratch = Vec::with_capacity(n);
    let imputation = policy.ranking.imputation;
    let mut table = vec![[None; N]; n];
    let mut composite = vec![None; n];
    let mut order = Vec::with_capacity(n);
    let mut ranks = vec![None; n];
    let mut tally = Tally::new(n, reps);

    for r in 0..reps {
        let norm_u = unit(&mut rng);
        let method_u = unit(&mut rng);
        for m in &mut pillar_mult.0 {
            *m = 1.0 + u.weight_noise.get() * (2.0 * unit(&mut rng) - 1.0);
        }
        // A dimension of weight 0 stays 0 under the multiplicative noise, so
        // it draws none: adding an unweighted dimension (finance, by
        // default) leaves the random stream, and every result, as before.
        for (d, w) in dim_weights.iter_mut().zip(&weights) {
            *d = if *w > 0.0 {
                w * (1.0 + u.weight_noise.get() * (2.0 * unit(&mut rng) - 1.0))
            } else {
                0.0
            };
        }
        let (norm, base) = pick(u.normalisations.iter().zip(&fixed.tables), norm_u);
        let method = *pick(u.methods.iter(), method_u);
        for (p, programme) in progress.iter_mut().zip(&fixed.programmes) {
            *p = programme.as_ref().and_then(|f| f.score(&pillar_mult));
        }
        norm.apply_into(
            &progress,
            &progress_scaling,
            &mut scratch,
            &mut progress_norm,
        );
        for ((t, b), p) in table.iter_mut().zip(base).zip(&progress_norm) {
            *t = *b;
            t[PROGRESS] = *p;
        }
        impute(&mut table, &weights, imputation, &mut impute_scratch);
        composites(&table, &dim_weights, method, floor, &mut composite);
        rank_into(&composite, &mut order, &mut ranks);
        tally.record(r, &ranks);
    }

    let mut sample = Vec::with_capacity(reps);
    let programmes = ranked
        .iter()
        .enumerate()
        .filter_map(|(i, &row)| {
            let row = comparison.rows.get(row)?;
            let [mean, median, p05, p95, sd] = tally.stats(i, n, reps, &mut sample);
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
        replications: reps,
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

    #[test]
    fn type_7_quantiles() {
        let x = [1u32, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        let q = |p| quantile(x.iter().copied(), 10, p);
        // h = 9·0.05 = 0.45 → 1.45; h = 9·0.95 = 8.55 → 9.55; median 5.5.
        assert!((q(0.05) - 1.45).abs() < 1e-12);
        assert!((q(0.95) - 9.55).abs() < 1e-12);
        assert_eq!(q(0.5), 5.5);
        assert_eq!(quantile([3u32].into_iter(), 1, 0.95), 3.0);
    }

    #[test]
    fn matrix_and_counts_give_identical_statistics() {
        // Three programmes over five replications.
        let reps = [[1, 2, 3], [2, 1, 3], [1, 3, 2], [1, 2, 3], [3, 1, 2]];
        let mut matrix = Tally::Matrix(vec![0; 15]);
        let mut counts = Tally::Counts(vec![0; 9]);
        for (r, ranks) in reps.iter().enumerate() {
            let ranks = ranks.map(Some);
            matrix.record(r, &ranks);
            counts.record(r, &ranks);
        }
        let mut buf = Vec::new();
        for i in 0..3 {
            assert_eq!(
                matrix.stats(i, 3, 5, &mut buf),
                counts.stats(i, 3, 5, &mut buf)
            );
        }
        // Programme 0 ranked 1, 2, 1, 1, 3: mean 1.6, median 1,
        // p95: h = 3.8 between 2 and 3 → 2.8; squared deviations
        // 0.36 + 0.16 + 0.36 + 0.36 + 1.96 = 3.2, sd sqrt(3.2/4).
        let [mean, median, p05, p95, sd] = matrix.stats(0, 3, 5, &mut buf);
        assert!((mean - 1.6).abs() < 1e-12);
        assert_eq!((median, p05), (1.0, 1.0));
        assert!((p95 - 2.8).abs() < 1e-12);
        assert!((sd - (3.2f64 / 4.0).sqrt()).abs() < 1e-12);
    }

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

    #[test]
    fn unit_draws_are_in_range() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..1000 {
            let u = unit(&mut rng);
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(pick([1, 2, 3].into_iter(), 0.999_999), 3);
        assert_eq!(pick([1, 2, 3].into_iter(), 0.0), 1);
        assert_eq!(pick([1, 2, 3].into_iter(), 0.5), 2);
    }
}
