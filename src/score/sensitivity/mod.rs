//! Variance-based sensitivity analysis: which of a model's uncertain inputs
//! drive its output, as first-order and total Sobol indices.
//!
//! A composite indicator rests on choices (weights, normalisation,
//! aggregation); a reviewer asks which of them the ranks depend on. The
//! answer the OECD/JRC *Handbook on Constructing Composite Indicators*
//! (2008) recommends is variance-based: the **first-order index** `S_i` is
//! the share of the output's variance that factor `i` explains alone; the
//! **total index** `S_Ti` adds every interaction `i` takes part in, so
//! `S_Ti` near 0 means the factor could be fixed anywhere without changing
//! the output.
//!
//! The design is Saltelli's scheme: two independent `N × k` samples `A` and
//! `B` of the `k` factors, and for each factor `j` the sample `AB_j`, which
//! is `A` with column `j` taken from `B`: `N · (k + 2)` model runs, laid out
//! per base sample `i` as the rows `A_i, AB_i^1, …, AB_i^k, B_i` (the order
//! SALib's `sobol.analyze` reads). The samples are drawn from the seeded
//! ChaCha8 stream, so a design is the same on every machine; it is plain
//! Monte Carlo, not a low-discrepancy sequence.
//!
//! The estimators are Saltelli et al. (2010) for `S_i` and Jansen (1999)
//! for `S_Ti`, on outputs centred and scaled by their mean and standard
//! deviation, with the variance of `A` and `B` together (as SALib 1.6 does):
//!
//! - `S_i = mean(B · (AB_i − A)) / var(A ∪ B)`
//! - `S_Ti = ½ · mean((A − AB_i)²) / var(A ∪ B)`
//!
//! Each index has a 95 % confidence half-width from a bootstrap over the
//! base samples (1.96 times the standard deviation of the resampled
//! estimates).
//!
//! Sources: Saltelli, A. et al. (2010), *Variance based sensitivity analysis
//! of model output. Design and estimator for the total sensitivity index*,
//! Computer Physics Communications 181(2), 259–270; Jansen, M. J. W. (1999),
//! *Analysis of variance designs for model output*, Computer Physics
//! Communications 117, 35–43.
//!
//! ```
//! use ssr_model::score::sensitivity::{Factor, SobolDesign, sobol_indices};
//!
//! // y = 4·x1 + x2 on [0, 1]²: x1 explains 16/17 of the variance, x2 1/17.
//! let factors = [Factor::uniform("x1", 0.0, 1.0)?, Factor::uniform("x2", 0.0, 1.0)?];
//! let design = SobolDesign::saltelli(&factors, 4096, 1)?;
//! let y: Vec<f64> = design.rows().map(|x| 4.0 * x[0] + x[1]).collect();
//! let indices = sobol_indices(&design, &y, 100, 1)?;
//! assert!((indices[0].first - 16.0 / 17.0).abs() < 0.05);
//! assert!((indices[1].total - 1.0 / 17.0).abs() < 0.02);
//! # Ok::<(), ssr_model::score::sensitivity::SensitivityError>(())
//! ```

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

use super::engine::unit;

mod levels;
mod matrix;
mod portfolio;
mod report;
mod runs;

pub(crate) use runs::of_portfolio;

pub use crate::score::policy::sensitivity::{MAX_BASE_SAMPLES, MAX_RESAMPLES};
pub use matrix::MatrixSensitivity;
pub use report::{Sensitivity, SensitivityOutput, SensitivityRow};

/// The z-score of a two-sided 95 % interval.
const Z_95: f64 = 1.959_963_984_540_054;

/// Why a sensitivity design or analysis was refused.
///
/// ```
/// use ssr_model::score::sensitivity::{Factor, SensitivityError};
///
/// assert!(matches!(Factor::uniform("w", 1.0, 1.0), Err(SensitivityError::Factor { .. })));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SensitivityError {
    /// A factor's range is empty or not finite, or a choice has no options.
    #[error("factor {name}: {message}")]
    Factor {
        /// The factor's name.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// The design's size is out of range.
    #[error("expected {expected}, found {found}")]
    Size {
        /// What a valid size is.
        expected: &'static str,
        /// What was given.
        found: usize,
    },
    /// An output is not a finite number.
    #[error("output {run} is not a finite number: {value}")]
    Output {
        /// The run (row of the design), from 0.
        run: usize,
        /// The value.
        value: f64,
    },
}

/// One uncertain input of a model: a continuous range or a set of named
/// choices.
///
/// ```
/// use ssr_model::score::sensitivity::Factor;
///
/// let weight = Factor::uniform("progress weight", 0.5, 2.0)?;
/// let method = Factor::choice("aggregation", ["arithmetic", "geometric"])?;
/// assert_eq!((weight.name(), method.name()), ("progress weight", "aggregation"));
/// // A choice's draw is an option's index.
/// assert_eq!(method.value(0.7), 1.0);
/// assert_eq!(weight.value(0.5), 1.25);
/// # Ok::<(), ssr_model::score::sensitivity::SensitivityError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    name: String,
    kind: FactorKind,
}

#[derive(Debug, Clone, PartialEq)]
enum FactorKind {
    Uniform { low: f64, high: f64 },
    Choice(Vec<String>),
}

impl Factor {
    /// A factor drawn uniformly from `[low, high)`.
    ///
    /// # Errors
    ///
    /// [`SensitivityError::Factor`] when the bounds are not finite or
    /// `low` is not below `high`.
    pub fn uniform(name: impl Into<String>, low: f64, high: f64) -> Result<Self, SensitivityError> {
        let name = name.into();
        if !(low.is_finite() && high.is_finite() && low < high) {
            return Err(SensitivityError::Factor {
                name,
                message: format!(
                    "expected finite bounds with low below high, found {low} and {high}"
                ),
            });
        }
        Ok(Factor {
            name,
            kind: FactorKind::Uniform { low, high },
        })
    }

    /// A factor that takes one of `options`, each with the same chance.
    ///
    /// # Errors
    ///
    /// [`SensitivityError::Factor`] when there is no option.
    pub fn choice<S: Into<String>>(
        name: impl Into<String>,
        options: impl IntoIterator<Item = S>,
    ) -> Result<Self, SensitivityError> {
        let name = name.into();
        let options: Vec<String> = options.into_iter().map(Into::into).collect();
        if options.is_empty() {
            return Err(SensitivityError::Factor {
                name,
                message: "expected at least one option, found none".to_owned(),
            });
        }
        Ok(Factor {
            name,
            kind: FactorKind::Choice(options),
        })
    }

    /// The factor's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The options of a choice (empty for a continuous factor).
    pub fn options(&self) -> &[String] {
        match &self.kind {
            FactorKind::Choice(options) => options,
            FactorKind::Uniform { .. } => &[],
        }
    }

    /// The factor's value for a uniform draw `u` in `[0, 1)`: a point of
    /// the range, or the index of an option (as a number).
    pub fn value(&self, u: f64) -> f64 {
        match &self.kind {
            FactorKind::Uniform { low, high } => low + u * (high - low),
            FactorKind::Choice(options) => {
                let last = options.len().saturating_sub(1);
                // `u < 1`, so the floor is at most `last`; `min` keeps a
                // rounding of `u · len` up to `len` on the last option.
                ((u * options.len() as f64).floor() as usize).min(last) as f64
            }
        }
    }
}

/// A Saltelli design: the factor values of every model run, `N · (k + 2)`
/// rows of `k` values, in the order [`sobol_indices`] reads the outputs.
///
/// ```
/// use ssr_model::score::sensitivity::{Factor, SobolDesign};
///
/// let factors = [Factor::uniform("a", 0.0, 1.0)?, Factor::uniform("b", 0.0, 1.0)?];
/// let design = SobolDesign::saltelli(&factors, 8, 42)?;
/// assert_eq!((design.base_samples(), design.factors(), design.runs()), (8, 2, 32));
/// // Per base sample: A, then A with a from B, A with b from B, then B.
/// let rows: Vec<&[f64]> = design.rows().take(4).collect();
/// let (a, ab1, ab2, b) = (rows[0], rows[1], rows[2], rows[3]);
/// assert_eq!((ab1[0], ab1[1]), (b[0], a[1]));
/// assert_eq!((ab2[0], ab2[1]), (a[0], b[1]));
/// # Ok::<(), ssr_model::score::sensitivity::SensitivityError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SobolDesign {
    base: usize,
    factors: usize,
    /// Row-major, `base · (factors + 2)` rows of `factors` values.
    values: Vec<f64>,
}

impl SobolDesign {
    /// The design for `factors` with `base_samples` base samples (`N`),
    /// drawn from the ChaCha8 stream seeded with `seed`.
    ///
    /// # Errors
    ///
    /// [`SensitivityError::Size`] for no factor, or a number of base
    /// samples below 2 or above [`MAX_BASE_SAMPLES`].
    pub fn saltelli(
        factors: &[Factor],
        base_samples: usize,
        seed: u64,
    ) -> Result<Self, SensitivityError> {
        let k = factors.len();
        if k == 0 {
            return Err(SensitivityError::Size {
                expected: "at least one factor",
                found: 0,
            });
        }
        if !(2..=MAX_BASE_SAMPLES).contains(&base_samples) {
            return Err(SensitivityError::Size {
                expected: "from 2 to 1048576 base samples",
                found: base_samples,
            });
        }
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut values = Vec::with_capacity(base_samples * (k + 2) * k);
        let (mut a, mut b) = (vec![0.0; k], vec![0.0; k]);
        for _ in 0..base_samples {
            for (x, f) in a.iter_mut().zip(factors) {
                *x = f.value(unit(&mut rng));
            }
            for (x, f) in b.iter_mut().zip(factors) {
                *x = f.value(unit(&mut rng));
            }
            values.extend_from_slice(&a);
            for j in 0..k {
                values.extend(
                    a.iter()
                        .zip(&b)
                        .enumerate()
                        .map(|(c, (x, y))| if c == j { *y } else { *x }),
                );
            }
            values.extend_from_slice(&b);
        }
        Ok(SobolDesign {
            base: base_samples,
            factors: k,
            values,
        })
    }

    /// A design given as its rows (another tool's, such as SALib's
    /// `sobol.sample` without second-order terms): `N · (k + 2)` rows of
    /// `k` factor values in the order `A, AB^1 … AB^k, B` per base sample.
    ///
    /// ```
    /// use ssr_model::score::sensitivity::SobolDesign;
    ///
    /// let rows = vec![vec![0.1], vec![0.7], vec![0.7], vec![0.4], vec![0.2], vec![0.2]];
    /// let design = SobolDesign::from_rows(1, rows)?;
    /// assert_eq!((design.base_samples(), design.runs()), (2, 6));
    /// assert!(SobolDesign::from_rows(1, vec![vec![0.1]; 5]).is_err());
    /// # Ok::<(), ssr_model::score::sensitivity::SensitivityError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`SensitivityError::Size`] when `k` is 0, a row has another length,
    /// or the rows are not a whole number (at least 2) of base samples.
    pub fn from_rows(k: usize, rows: Vec<Vec<f64>>) -> Result<Self, SensitivityError> {
        if k == 0 {
            return Err(SensitivityError::Size {
                expected: "at least one factor",
                found: 0,
            });
        }
        if let Some(row) = rows.iter().find(|r| r.len() != k) {
            return Err(SensitivityError::Size {
                expected: "one value per factor in every row",
                found: row.len(),
            });
        }
        let base = rows.len() / (k + 2);
        if !rows.len().is_multiple_of(k + 2) || !(2..=MAX_BASE_SAMPLES).contains(&base) {
            return Err(SensitivityError::Size {
                expected: "N · (k + 2) rows, N from 2 to 1048576",
                found: rows.len(),
            });
        }
        Ok(SobolDesign {
            base,
            factors: k,
            values: rows.into_iter().flatten().collect(),
        })
    }

    /// The number of base samples, `N`.
    pub fn base_samples(&self) -> usize {
        self.base
    }

    /// The number of factors, `k`.
    pub fn factors(&self) -> usize {
        self.factors
    }

    /// The number of model runs, `N · (k + 2)`.
    pub fn runs(&self) -> usize {
        self.base * (self.factors + 2)
    }

    /// The factor values of each run, in order.
    pub fn rows(&self) -> std::slice::ChunksExact<'_, f64> {
        self.values.chunks_exact(self.factors)
    }
}

/// The Sobol indices of one factor, with their 95 % confidence half-widths.
///
/// ```
/// use ssr_model::score::sensitivity::{Factor, SobolDesign, sobol_indices};
///
/// let factors = [Factor::uniform("x", 0.0, 1.0)?, Factor::uniform("unused", 0.0, 1.0)?];
/// let design = SobolDesign::saltelli(&factors, 512, 3)?;
/// let y: Vec<f64> = design.rows().map(|x| x[0]).collect();
/// let [x, unused] = sobol_indices(&design, &y, 50, 3)?[..] else { unreachable!() };
/// // The unused factor changes nothing: both its indices are 0 exactly.
/// assert_eq!((unused.first, unused.total), (0.0, 0.0));
/// assert!(x.first > 0.9 && x.first_interval > 0.0);
/// # Ok::<(), ssr_model::score::sensitivity::SensitivityError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct SobolIndex {
    /// The first-order index `S_i`.
    pub first: f64,
    /// Its 95 % confidence half-width.
    pub first_interval: f64,
    /// The total index `S_Ti`.
    pub total: f64,
    /// Its 95 % confidence half-width.
    pub total_interval: f64,
}

/// The first-order and total index of each factor of `design`, from the
/// model's `outputs` (one per run, in the design's order), with bootstrap
/// intervals from `resamples` resamples of the base samples drawn from the
/// ChaCha8 stream seeded with `seed`. Constant outputs give indices of 0.
///
/// ```
/// use ssr_model::score::sensitivity::{Factor, SobolDesign, sobol_indices};
///
/// // y = x1 · x2: neither factor acts alone as much as together.
/// let factors = [Factor::uniform("x1", -1.0, 1.0)?, Factor::uniform("x2", -1.0, 1.0)?];
/// let design = SobolDesign::saltelli(&factors, 2048, 5)?;
/// let y: Vec<f64> = design.rows().map(|x| x[0] * x[1]).collect();
/// for index in sobol_indices(&design, &y, 100, 5)? {
///     // Analytically S_i = 0 and S_Ti = 1: all the variance is interaction.
///     assert!(index.first.abs() < 0.1 && (index.total - 1.0).abs() < 0.1);
/// }
/// # Ok::<(), ssr_model::score::sensitivity::SensitivityError>(())
/// ```
///
/// # Errors
///
/// [`SensitivityError::Size`] when there is not one output per run or
/// `resamples` is below 2 or above [`MAX_RESAMPLES`];
/// [`SensitivityError::Output`] for an output that is not finite.
pub fn sobol_indices(
    design: &SobolDesign,
    outputs: &[f64],
    resamples: usize,
    seed: u64,
) -> Result<Vec<SobolIndex>, SensitivityError> {
    if outputs.len() != design.runs() {
        return Err(SensitivityError::Size {
            expected: "one output per run of the design",
            found: outputs.len(),
        });
    }
    if !(2..=MAX_RESAMPLES).contains(&resamples) {
        return Err(SensitivityError::Size {
            expected: "from 2 to 10000 resamples",
            found: resamples,
        });
    }
    if let Some((run, &value)) = outputs.iter().enumerate().find(|(_, y)| !y.is_finite()) {
        return Err(SensitivityError::Output { run, value });
    }
    let picks = Picks::draw(design.base, resamples, seed);
    Ok(estimate_all(outputs, design.factors, &picks))
}

/// The base samples each bootstrap resample picks (with replacement),
/// drawn once and shared by every output of a model.
pub(crate) struct Picks {
    all: Vec<usize>,
    resamples: Vec<Vec<usize>>,
}

impl Picks {
    /// `resamples` resamples of `n` base samples from the ChaCha8 stream
    /// seeded with `seed`.
    pub(crate) fn draw(n: usize, resamples: usize, seed: u64) -> Picks {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let resamples = (0..resamples)
            .map(|_| {
                (0..n)
                    .map(|_| (rng.next_u64() % n as u64) as usize)
                    .collect()
            })
            .collect();
        Picks {
            all: (0..n).collect(),
            resamples,
        }
    }
}

/// The indices of each of `k` factors from finite `outputs`, `N · (k + 2)`
/// of them for the `N` base samples of `picks`.
pub(crate) fn estimate_all(outputs: &[f64], k: usize, picks: &Picks) -> Vec<SobolIndex> {
    let runs = Runs::centred(outputs, k);
    // The variance of the A and B outputs does not depend on the factor:
    // computed once per set of picks, not once per factor.
    let all = runs.variance(&picks.all);
    let resampled: Vec<f64> = picks.resamples.iter().map(|p| runs.variance(p)).collect();
    (0..k)
        .map(|j| {
            let (first, total) = runs.estimate(j, &picks.all, all);
            let boot: Vec<(f64, f64)> = picks
                .resamples
                .iter()
                .zip(&resampled)
                .map(|(p, &var)| runs.estimate(j, p, var))
                .collect();
            SobolIndex {
                first,
                first_interval: Z_95 * sample_sd(boot.iter().map(|b| b.0)),
                total,
                total_interval: Z_95 * sample_sd(boot.iter().map(|b| b.1)),
            }
        })
        .collect()
}

/// The outputs, centred and scaled, read per base sample.
struct Runs {
    /// `(k + 2)` outputs per base sample: `A, AB_1 … AB_k, B`.
    y: Vec<f64>,
    step: usize,
}

impl Runs {
    /// `(y − mean) / sd` over every output (as SALib does): the estimator
    /// of `S_i` is not shift-invariant, and a centred output keeps its bias
    /// small.
    fn centred(outputs: &[f64], k: usize) -> Self {
        let mean = outputs.iter().sum::<f64>() / outputs.len() as f64;
        let var = outputs.iter().map(|y| (y - mean).powi(2)).sum::<f64>() / outputs.len() as f64;
        let sd = var.sqrt();
        let scale = if sd > 0.0 { sd } else { 1.0 };
        Runs {
            y: outputs.iter().map(|y| (y - mean) / scale).collect(),
            step: k + 2,
        }
    }

    /// `(A_i, AB_i^j, B_i)` of base sample `i`.
    #[expect(
        clippy::expect_used,
        reason = "`y` holds N · (k + 2) outputs (sobol_indices checks the count), \
                  picks are drawn below N and factors below k"
    )]
    fn triple(&self, i: usize, j: usize) -> (f64, f64, f64) {
        let row = self
            .y
            .get(i * self.step..(i + 1) * self.step)
            .expect("a base sample within the design: picks are below N");
        let at = |c: usize| *row.get(c).expect("a column within the row: j < k");
        (at(0), at(j + 1), at(self.step - 1))
    }

    /// The variance of the A and B outputs over the base samples `picks`.
    fn variance(&self, picks: &[usize]) -> f64 {
        let m = picks.len() as f64;
        let mut sum = 0.0;
        for &i in picks {
            let (a, _, b) = self.triple(i, 0);
            sum += a + b;
        }
        let mean = sum / (2.0 * m);
        let mut sum2 = 0.0;
        for &i in picks {
            let (a, _, b) = self.triple(i, 0);
            sum2 += (a - mean).powi(2) + (b - mean).powi(2);
        }
        sum2 / (2.0 * m)
    }

    /// `(S_j, S_Tj)` over the base samples `picks`, whose A and B outputs
    /// have the variance `var`.
    fn estimate(&self, j: usize, picks: &[usize], var: f64) -> (f64, f64) {
        if var <= f64::EPSILON {
            return (0.0, 0.0);
        }
        let m = picks.len() as f64;
        let (mut sum_ab, mut sum_sq) = (0.0, 0.0);
        for &i in picks {
            let (a, ab, b) = self.triple(i, j);
            sum_ab += b * (ab - a);
            sum_sq += (a - ab) * (a - ab);
        }
        (sum_ab / m / var, 0.5 * sum_sq / m / var)
    }
}

/// The sample standard deviation (n − 1 in the denominator).
fn sample_sd(xs: impl Iterator<Item = f64> + Clone) -> f64 {
    let n = xs.clone().count() as f64;
    let mean = xs.clone().sum::<f64>() / n;
    (xs.map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
}
