//! Monte Carlo rank uncertainty of a matrix, with the semantics of the
//! numpy reference implementation it is tested against: each replication
//! perturbs the weights, `wᵢ·(1 + U(−noise, noise))` renormalised to sum 1,
//! draws the arithmetic or the geometric mean with equal probability (the
//! geometric mean floors values at 10⁻⁹) and ranks the rows, 1 best, tied
//! rows sharing the average of their places. Per row: the nominal rank
//! (given weights, arithmetic), and the mean, median, 5th and 95th
//! percentile (type 7) and standard deviation of its rank.
//!
//! Replication r draws `1 + C` uniforms (see the engine's stream layout):
//! the first chooses the geometric mean when it is at least ½, then one per
//! column in column order, `u ↦ 1 + noise·(2u − 1)`.

use serde::{Deserialize, Serialize};

use super::{CompositeMatrix, GEOMETRIC_FLOOR, MatrixError, check_threads};
use crate::diagnostics::Code;
use crate::diagnostics::problems::Problems;
use crate::score::engine::{self, Plan, Ranker};

/// The options of a matrix's rank uncertainty.
///
/// ```
/// use ssr_model::score::matrix::MatrixUncertainty;
///
/// let options = MatrixUncertainty::new(20_000).with_seed(7).with_noise(0.1);
/// assert_eq!((options.replications, options.seed, options.noise), (20_000, 7, 0.1));
/// assert_eq!(MatrixUncertainty::default().replications, 1000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct MatrixUncertainty {
    /// Replications, 1 to 1,000,000. Default 1,000.
    pub replications: usize,
    /// Seed of the ChaCha8 stream. Default 0.
    pub seed: u64,
    /// Relative weight noise, from 0 up to 1. Default 0.25.
    pub noise: f64,
    /// Threads; `None` (default) uses every core. The results are the same
    /// bit for bit for any number.
    pub threads: Option<usize>,
}

impl Default for MatrixUncertainty {
    fn default() -> Self {
        MatrixUncertainty::new(1000)
    }
}

impl MatrixUncertainty {
    /// `replications` replications, seed 0, noise 0.25, every core.
    pub fn new(replications: usize) -> Self {
        MatrixUncertainty {
            replications,
            seed: 0,
            noise: 0.25,
            threads: None,
        }
    }

    /// Returns `self` with another weight noise.
    #[must_use]
    pub fn with_noise(mut self, noise: f64) -> Self {
        self.noise = noise;
        self
    }

    fn check(&self) -> Result<(), MatrixError> {
        let mut problems = Problems::default();
        if !(1..=1_000_000).contains(&self.replications) {
            problems.add(
                Code::MatrixOptionOutOfRange,
                "/replications",
                format!(
                    "expected 1 to 1000000 replications, found {}",
                    self.replications
                ),
            );
        }
        if !(0.0..1.0).contains(&self.noise) {
            problems.add(
                Code::MatrixOptionOutOfRange,
                "/noise",
                format!("expected a noise from 0 up to 1, found {}", self.noise),
            );
        }
        check_threads(self.threads, &mut problems);
        problems.finish(()).map_err(MatrixError::from)
    }
}

super::seed_and_threads!(MatrixUncertainty);

/// One row's rank statistics.
///
/// ```
/// use ssr_model::score::matrix::{CompositeMatrix, MatrixUncertainty};
///
/// let m = CompositeMatrix::new(vec![vec![0.9], vec![0.1]], vec![1.0])?
///     .with_names(vec!["A".into(), "B".into()])?;
/// let ranks = m.rank_uncertainty(&MatrixUncertainty::new(100).with_seed(1))?;
/// let b = &ranks.rows[1];
/// assert_eq!((b.row, b.name.as_deref()), (1, Some("B")));
/// // One column: no weighting or mean can lift B above A.
/// assert_eq!((b.nominal, b.mean, b.median, b.p05, b.p95, b.sd), (2.0, 2.0, 2.0, 2.0, 2.0, 0.0));
/// # Ok::<(), ssr_model::score::matrix::MatrixError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MatrixRankStats {
    /// The row, from 0.
    pub row: usize,
    /// Its name, when the matrix has names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The rank under the given weights and the arithmetic mean.
    pub nominal: f64,
    /// Mean rank.
    pub mean: f64,
    /// Median rank.
    pub median: f64,
    /// 5th percentile rank (the better end).
    pub p05: f64,
    /// 95th percentile rank (the worse end).
    pub p95: f64,
    /// Standard deviation of the rank (sample, n − 1).
    pub sd: f64,
}

/// The rank uncertainty of a matrix's rows.
///
/// ```
/// use ssr_model::score::matrix::{CompositeMatrix, MatrixUncertainty};
///
/// let m = CompositeMatrix::new(
///     vec![vec![0.9, 0.8], vec![0.6, 0.4], vec![0.4, 0.6], vec![0.1, 0.2]],
///     vec![1.0, 1.0],
/// )?;
/// let ranks = m.rank_uncertainty(&MatrixUncertainty::new(500).with_seed(3))?;
/// let first = &ranks.rows[0];
/// // The clear leader stays first whatever the weights and the mean.
/// assert_eq!((first.nominal, first.p05, first.p95, first.sd), (1.0, 1.0, 1.0, 0.0));
/// // Rows 1 and 2 tie under the given weights and swap places under others.
/// assert_eq!(ranks.rows[1].nominal, 2.5);
/// assert!(ranks.rows[1].p05 == 2.0 && ranks.rows[1].p95 == 3.0);
/// // Bit for bit the same on one thread or many.
/// let one = m.rank_uncertainty(&MatrixUncertainty::new(500).with_seed(3).with_threads(1))?;
/// assert_eq!(ranks, one);
/// # Ok::<(), ssr_model::score::matrix::MatrixError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MatrixRanks {
    /// Replications run.
    pub replications: usize,
    /// The seed.
    pub seed: u64,
    /// Relative weight noise.
    pub noise: f64,
    /// One entry per row, in row order.
    pub rows: Vec<MatrixRankStats>,
}

/// What every replication reads: the columns and their logarithms,
/// column-major so that the weighted sums run down contiguous memory.
pub(crate) struct Prepared {
    rows: usize,
    weights: Vec<f64>,
    columns: Vec<f64>,
    logs: Vec<f64>,
}

/// One thread's buffers.
pub(crate) struct Buffers {
    weights: Vec<f64>,
    scores: Vec<f64>,
    ranker: Ranker,
}

impl Prepared {
    pub(crate) fn new(m: &CompositeMatrix) -> Prepared {
        let columns: Vec<f64> = (0..m.columns).flat_map(|c| m.column(c)).collect();
        let logs = columns
            .iter()
            .map(|x| x.max(GEOMETRIC_FLOOR).ln())
            .collect();
        Prepared {
            rows: m.rows,
            weights: m.weights.clone(),
            columns,
            logs,
        }
    }

    pub(crate) fn buffers(&self) -> Buffers {
        Buffers {
            weights: vec![0.0; self.weights.len()],
            scores: vec![0.0; self.rows],
            ranker: Ranker::default(),
        }
    }

    /// One replication: the weights times `multipliers` (one per column),
    /// renormalised; the arithmetic or geometric composite; the ranks in
    /// half-rank units into `out`.
    pub(crate) fn replicate(
        &self,
        geometric: bool,
        multipliers: impl Iterator<Item = f64>,
        b: &mut Buffers,
        out: &mut [u32],
    ) {
        for ((w, base), m) in b.weights.iter_mut().zip(&self.weights).zip(multipliers) {
            *w = base * m;
        }
        let total: f64 = b.weights.iter().sum();
        b.weights.iter_mut().for_each(|w| *w /= total);
        b.scores.iter_mut().for_each(|s| *s = 0.0);
        let table = if geometric { &self.logs } else { &self.columns };
        for (column, &w) in table.chunks_exact(self.rows.max(1)).zip(&b.weights) {
            for (s, x) in b.scores.iter_mut().zip(column) {
                *s += w * x;
            }
        }
        // A geometric composite is exp of the weighted log sum; exp is
        // monotone, so rank the sums, and let two sums tie when their
        // exps are equal (possible only for sums within a few ulps).
        let same = |a: f64, b: f64| geometric && (a - b).abs() <= 1e-15 && a.exp() == b.exp();
        b.ranker.average_halves(&b.scores, same, out);
    }
}

impl CompositeMatrix {
    /// Monte Carlo rank uncertainty of the rows (module docs of
    /// [`MatrixRanks`] for the method), on every core unless
    /// `options.threads` says otherwise; the results do not depend on the
    /// thread count.
    ///
    /// # Errors
    ///
    /// An `option_out_of_range` [`MatrixError`] when replications are not
    /// from 1 to 1,000,000, the noise not from 0 up to 1, or threads 0.
    pub fn rank_uncertainty(
        &self,
        options: &MatrixUncertainty,
    ) -> Result<MatrixRanks, MatrixError> {
        options.check()?;
        let prepared = Prepared::new(self);
        let noise = options.noise;
        let plan = Plan {
            replications: options.replications,
            seed: options.seed,
            draws: 1 + self.columns,
            programmes: self.rows,
            bins: 2 * self.rows + 1,
            threads: options.threads.unwrap_or_else(engine::available_threads),
        };
        let tally = engine::run(
            &plan,
            || prepared.buffers(),
            |b, draws, out| {
                #[expect(
                    clippy::expect_used,
                    reason = "the plan draws 1 + columns per replication: the coin first"
                )]
                let (coin, rest) = draws.split_first().expect("the plan draws a coin");
                let multipliers = rest.iter().map(|u| 1.0 + noise * (2.0 * u - 1.0));
                prepared.replicate(*coin >= 0.5, multipliers, b, out);
            },
        );
        let summaries = tally.summaries(self.rows, plan.replications, plan.bins, plan.threads);
        let nominal = self.ranks(super::MatrixAggregation::Arithmetic);
        let rows = summaries
            .iter()
            .zip(nominal)
            .enumerate()
            .map(
                |(row, ([mean, median, p05, p95, sd], nominal))| MatrixRankStats {
                    row,
                    name: self.names.as_ref().and_then(|n| n.get(row).cloned()),
                    nominal,
                    mean: mean / 2.0,
                    median: median / 2.0,
                    p05: p05 / 2.0,
                    p95: p95 / 2.0,
                    sd: sd / 2.0,
                },
            )
            .collect();
        Ok(MatrixRanks {
            replications: options.replications,
            seed: options.seed,
            noise,
            rows,
        })
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use crate::score::MatrixAggregation;
    use crate::score::engine::Tally;

    #[derive(Deserialize)]
    struct Replay {
        scores: Vec<Vec<f64>>,
        weights: Vec<f64>,
        cases: Vec<Case>,
    }

    #[derive(Deserialize)]
    struct Case {
        noise: f64,
        u: Vec<Vec<f64>>,
        geometric: Vec<bool>,
        reference: Reference,
    }

    #[derive(Deserialize)]
    struct Reference {
        nominal: Vec<f64>,
        mean: Vec<f64>,
        median: Vec<f64>,
        p5: Vec<f64>,
        p95: Vec<f64>,
    }

    /// Fed the numpy reference's own draws (saved by
    /// `tests/fixtures/rank_matrix/make_fixtures.py`), a replication ranks
    /// exactly as the reference does, ties included, and the statistics
    /// agree to the bit, with and without weight noise.
    #[test]
    fn replaying_the_references_draws_gives_its_numbers_exactly() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/rank_matrix/replay.json"
        );
        let text = std::fs::read_to_string(path).expect("the fixture is in the crate");
        let replay: Replay = serde_json::from_str(&text).expect("the fixture parses");
        let m = CompositeMatrix::new(replay.scores, replay.weights).expect("a valid matrix");
        let prepared = Prepared::new(&m);
        let mut b = prepared.buffers();
        let n = m.rows();
        for case in &replay.cases {
            let reps = case.u.len();
            let mut cells = vec![0; reps * n];
            for ((u, &geometric), row) in
                case.u.iter().zip(&case.geometric).zip(cells.chunks_mut(n))
            {
                prepared.replicate(geometric, u.iter().map(|u| 1.0 + u), &mut b, row);
            }
            let summaries = Tally::Matrix(cells).summaries(n, reps, 2 * n + 1, 2);
            let r = &case.reference;
            assert_eq!(m.ranks(MatrixAggregation::Arithmetic), r.nominal);
            for (i, [mean, median, p05, p95, _]) in summaries.iter().enumerate() {
                let got = [mean / 2.0, median / 2.0, p05 / 2.0, p95 / 2.0];
                let want = [r.mean[i], r.median[i], r.p5[i], r.p95[i]];
                assert_eq!(got, want, "row {i} at noise {}", case.noise);
            }
        }
    }
}
