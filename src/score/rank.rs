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

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use super::aggregate::Kernel;
use super::comparison::{N, composites, dimension_weights, normalise_table, rank_into, scalings};
use super::evidence::impute;
use super::{Comparison, Normalisation, PortfolioAggregation, ProgrammeCard, ScoringPolicy};
use crate::{Pillar, ProgrammeId};

/// One programme's rank statistics over the replications.
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
    /// The statistics of `programme`, if it was ranked.
    pub fn get(&self, programme: ProgrammeId) -> Option<&RankStats> {
        self.programmes.iter().find(|s| s.programme == programme)
    }
}

/// Uniform on [0, 1) from the top 53 bits.
fn unit(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

fn pick<T: Copy>(items: &[T], u: f64) -> Option<T> {
    let i = ((u * items.len() as f64) as usize).min(items.len().saturating_sub(1));
    items.get(i).copied()
}

/// Everything that does not change between replications, computed once.
struct Fixed {
    /// Per ranked programme: the component-level mean prepared over its
    /// component scores, and the range of its components in the flat arrays.
    kernels: Vec<Option<Kernel>>,
    offsets: Vec<usize>,
    /// Component scores mapped by their kernel, nominal weights, pillars.
    mapped: Vec<f64>,
    weights: Vec<f64>,
    pillars: Vec<usize>,
    /// Per normalisation alternative: the normalised table with the
    /// progress column left empty (it is recomputed each replication).
    tables: Vec<Vec<[Option<f64>; N]>>,
}

fn prepare(cards: &[&ProgrammeCard], raw: &[[Option<f64>; N]], policy: &ScoringPolicy) -> Fixed {
    let method = policy.components.method;
    let floor = policy.zero_floor;
    let mut fixed = Fixed {
        kernels: Vec::with_capacity(cards.len()),
        offsets: vec![0],
        mapped: Vec::new(),
        weights: Vec::new(),
        pillars: Vec::new(),
        tables: Vec::with_capacity(policy.uncertainty.normalisations.len()),
    };
    for card in cards {
        let scored = || {
            card.progress
                .components
                .iter()
                .filter(|c| c.weight > 0.0)
                .filter_map(|c| c.score.map(|s| (s, c.weight, c.pillar)))
        };
        let kernel = Kernel::prepare(method, scored().map(|(s, w, _)| (s, w)), floor);
        if let Some(k) = &kernel {
            for (s, w, pillar) in scored() {
                fixed.mapped.push(k.forward(s));
                fixed.weights.push(w);
                fixed
                    .pillars
                    .push(Pillar::ALL.iter().position(|&p| p == pillar).unwrap_or(0));
            }
        }
        fixed.kernels.push(kernel);
        fixed.offsets.push(fixed.mapped.len());
    }
    let scalings = scalings(policy);
    for &norm in &policy.uncertainty.normalisations {
        fixed.tables.push(normalise_table(raw, norm, &scalings, 1));
    }
    fixed
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
    let progress_scaling = scalings(policy)[0];
    let floor = 100.0 * policy.zero_floor;

    // Buffers reused by every replication: nothing is allocated in the loop.
    let mut rng = ChaCha8Rng::seed_from_u64(u.seed);
    let mut pillar_mult = [1.0; Pillar::ALL.len()];
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
        for m in &mut pillar_mult {
            *m = 1.0 + u.weight_noise * (2.0 * unit(&mut rng) - 1.0);
        }
        // A dimension of weight 0 stays 0 under the multiplicative noise, so
        // it draws none: adding an unweighted dimension (finance, by
        // default) leaves the random stream, and every result, as before.
        for (d, w) in dim_weights.iter_mut().zip(&weights) {
            *d = if *w > 0.0 {
                w * (1.0 + u.weight_noise * (2.0 * unit(&mut rng) - 1.0))
            } else {
                0.0
            };
        }
        let a = ((norm_u * u.normalisations.len() as f64) as usize)
            .min(u.normalisations.len().saturating_sub(1));
        let (Some(norm), Some(method), Some(base)) = (
            u.normalisations.get(a).copied(),
            pick(&u.methods, method_u),
            fixed.tables.get(a),
        ) else {
            continue;
        };
        for (i, p) in progress.iter_mut().enumerate() {
            *p = fixed.kernels.get(i).copied().flatten().and_then(|k| {
                let range = *fixed.offsets.get(i)?..*fixed.offsets.get(i + 1)?;
                let mapped = fixed.mapped.get(range.clone())?;
                let ws = fixed.weights.get(range.clone())?;
                let pillars = fixed.pillars.get(range)?;
                let (mut s, mut tw) = (0.0, 0.0);
                for ((t, w), &pl) in mapped.iter().zip(ws).zip(pillars) {
                    let w = w * pillar_mult.get(pl).copied().unwrap_or(1.0);
                    s += w * t;
                    tw += w;
                }
                (tw > 0.0).then(|| k.inverse(s / tw))
            });
        }
        norm.apply_into(
            &progress,
            &progress_scaling,
            &mut scratch,
            &mut progress_norm,
        );
        for ((t, b), p) in table.iter_mut().zip(base).zip(&progress_norm) {
            *t = *b;
            t[0] = *p;
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
        weight_noise: u.weight_noise,
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

    #[test]
    fn unit_draws_are_in_range() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..1000 {
            let u = unit(&mut rng);
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(pick(&[1, 2, 3], 0.999_999), Some(3));
        assert_eq!(pick(&[1, 2, 3], 0.0), Some(1));
    }
}
