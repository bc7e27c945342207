//! The result of a sensitivity analysis of a ranking: one row per factor
//! and output, and the analysis of the stored model outputs behind it.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::{Picks, SobolIndex, estimate_all};
use crate::ProgrammeId;

/// What a sensitivity row's indices are of.
///
/// ```
/// use ssr_model::score::sensitivity::SensitivityOutput;
///
/// assert_eq!(SensitivityOutput::MeanRankShift.to_string(), "mean_rank_shift");
/// assert_eq!("rank".parse::<SensitivityOutput>()?, SensitivityOutput::Rank);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SensitivityOutput {
    /// The mean over the programmes of `|rank − nominal rank|` (COINr's
    /// summary of how far the ranking moves).
    MeanRankShift,
    /// One programme's rank.
    Rank,
    /// One programme's composite.
    Composite,
}

crate::model::names::names!(SensitivityOutput, "sensitivity output" {
    MeanRankShift = "mean_rank_shift",
    Rank = "rank",
    Composite = "composite",
});

/// The first-order and total Sobol index of one factor on one output, with
/// their 95 % bootstrap intervals. The indices are `None` (unknown) when
/// the output was undefined in some run (a composite with every weighted
/// dimension left out).
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::{ScoringPolicy, SensitivityFactor, SensitivityPolicy};
/// use ssr_model::score::compare::Dimension;
/// use ssr_model::score::sensitivity::SensitivityOutput;
///
/// let mut policy = ScoringPolicy::default();
/// policy.sensitivity = Some(SensitivityPolicy::new(vec![SensitivityFactor::Weight {
///     dimension: Dimension::Progress, low: 0.5, high: 2.0,
/// }]).with_samples(64));
/// let portfolio = ssr_model::samples::portfolio();
/// let result = Scorer::new(policy)?.sensitivity(&portfolio).ok_or("no analysis")?;
/// let shift = &result.rows[0];
/// assert_eq!((shift.factor.as_str(), shift.output), ("weight:progress", SensitivityOutput::MeanRankShift));
/// assert_eq!(shift.programme, None); // a summary of every programme
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SensitivityRow {
    /// The factor's name ([`SensitivityFactor::name`](crate::score::policy::SensitivityFactor::name),
    /// or for a matrix `weight:<column>`, `normalisation`, `aggregation`,
    /// `drop_column`).
    pub factor: String,
    /// The output.
    pub output: SensitivityOutput,
    /// The programme of a rank or composite; `None` for the summary.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<uuid::Uuid>"))]
    pub programme: Option<ProgrammeId>,
    /// The position of the programme (or matrix row) in the input, from 0;
    /// `None` for the summary.
    pub row: Option<usize>,
    /// The programme's (or row's) name; `None` for the summary or an
    /// unnamed matrix row.
    pub name: Option<String>,
    /// The output's nominal value: under the policy's own choices.
    pub nominal: Option<f64>,
    /// The output's standard deviation over every run (population): 0
    /// means no choice moves it.
    pub sd: Option<f64>,
    /// The first-order index `S_i`: the share of the output's variance the
    /// factor explains alone.
    pub s_first: Option<f64>,
    /// The lower end of its 95 % interval.
    pub s_first_low: Option<f64>,
    /// The upper end.
    pub s_first_high: Option<f64>,
    /// The total index `S_Ti`: the share the factor takes part in,
    /// interactions included.
    pub s_total: Option<f64>,
    /// The lower end of its 95 % interval.
    pub s_total_low: Option<f64>,
    /// The upper end.
    pub s_total_high: Option<f64>,
}

/// A variance-based sensitivity analysis of a ranking: per factor and
/// output (the mean rank shift, then each programme's rank and composite),
/// the Sobol indices with their intervals.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::{ScoringPolicy, SensitivityPolicy};
///
/// let mut policy = ScoringPolicy::default();
/// policy.sensitivity = Some(SensitivityPolicy::standard(&policy).with_samples(32));
/// let portfolio = ssr_model::samples::portfolio();
/// let scorer = Scorer::new(policy)?;
/// let result = scorer.sensitivity(&portfolio).ok_or("no analysis")?;
/// let k = result.factors.len();
/// assert_eq!(result.runs, 32 * (k + 2));
/// // One row per factor for the summary and for each ranked programme's rank and composite.
/// assert_eq!(result.rows.len(), k * (1 + 2 * result.programmes));
/// assert_eq!(result, scorer.sensitivity(&portfolio).ok_or("no analysis")?); // seeded
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Sensitivity {
    /// Base samples `N`.
    pub samples: usize,
    /// The seed.
    pub seed: u64,
    /// Bootstrap resamples.
    pub resamples: usize,
    /// Model runs, `N · (k + 2)`.
    pub runs: usize,
    /// The programmes (or matrix rows) ranked in every run.
    pub programmes: usize,
    /// The factors' names, in the design's order.
    pub factors: Vec<String>,
    /// Per output (the summary first, then per programme its rank and its
    /// composite), one row per factor.
    pub rows: Vec<SensitivityRow>,
}

/// One programme (or matrix row) the runs rank.
pub(crate) struct Item {
    pub(crate) programme: Option<ProgrammeId>,
    pub(crate) row: usize,
    pub(crate) name: Option<String>,
    pub(crate) nominal_rank: f64,
    pub(crate) nominal_composite: Option<f64>,
}

/// The outputs of every run: `n` ranks (in units of
/// `rank_unit`: 1, or ½ for average ranks kept as half-ranks), `n`
/// composites (NaN when undefined) and the mean rank shift.
pub(crate) struct Outputs {
    pub(crate) n: usize,
    pub(crate) rank_unit: f64,
    /// Every run's ranks, in blocks of [`Outputs::RUNS_PER_BLOCK`] runs;
    /// inside a block of `m` runs, output `i` of run `r` sits at `i · m +
    /// r`, so an output's values over a block's runs are contiguous.
    pub(crate) ranks: Vec<u32>,
    /// Every run's composites, laid out as `ranks`.
    pub(crate) composites: Vec<f64>,
    pub(crate) shifts: Vec<f64>,
}

impl Outputs {
    /// Runs per block of the layout.
    pub(crate) const RUNS_PER_BLOCK: usize = 16;

    pub(crate) fn new(runs: usize, n: usize, rank_unit: f64) -> Outputs {
        Outputs {
            n,
            rank_unit,
            ranks: vec![0; runs * n],
            composites: vec![0.0; runs * n],
            shifts: vec![0.0; runs],
        }
    }

    /// The outputs `first..first + columns.len()` over the runs, one per
    /// column: 0 the shift, `1 + i` programme i's rank, `1 + n + i` its
    /// composite. Each block of runs holds an output's values side by
    /// side, so a column is read in runs of contiguous values.
    fn columns(&self, first: usize, columns: &mut [Vec<f64>]) {
        columns.iter_mut().for_each(Vec::clear);
        let n = self.n;
        let blocks = self.shifts.chunks(Self::RUNS_PER_BLOCK).enumerate();
        for (b, shifts) in blocks {
            let m = shifts.len();
            let start = b * Self::RUNS_PER_BLOCK * n;
            for (o, column) in (first..).zip(columns.iter_mut()) {
                if o == 0 {
                    column.extend_from_slice(shifts);
                } else if o <= n {
                    let at = start + (o - 1) * m;
                    let ranks = self.ranks.get(at..at + m).unwrap_or_default();
                    column.extend(ranks.iter().map(|&r| f64::from(r) * self.rank_unit));
                } else {
                    let at = start + (o - 1 - n) * m;
                    column.extend_from_slice(self.composites.get(at..at + m).unwrap_or_default());
                }
            }
        }
    }
}

/// What is analysed: the factors' names and sizes of the design.
pub(crate) struct Analysis<'a> {
    pub(crate) factors: Vec<String>,
    pub(crate) samples: usize,
    pub(crate) seed: u64,
    pub(crate) resamples: usize,
    pub(crate) items: &'a [Item],
    pub(crate) threads: usize,
}

/// Outputs analysed by a thread at a time.
const CHUNK: usize = 16;

impl Analysis<'_> {
    /// The indices of every output, on `threads` threads: each output's
    /// indices depend on its own column and the shared picks only, so the
    /// split of work changes no bit.
    pub(crate) fn run(self, outputs: &Outputs) -> Sensitivity {
        let k = self.factors.len();
        let count = 1 + 2 * outputs.n;
        let picks = Picks::draw(self.samples, self.resamples, self.seed);
        let mut results: Vec<Option<(f64, Vec<SobolIndex>)>> = vec![None; count];
        let chunks = Mutex::new(results.chunks_mut(CHUNK).enumerate());
        let work = || {
            let mut block = vec![Vec::new(); CHUNK];
            while let Some((c, slots)) = chunks.lock().ok().and_then(|mut it| it.next()) {
                let block = block.get_mut(..slots.len()).unwrap_or_default();
                outputs.columns(c * CHUNK, block);
                for (slot, column) in slots.iter_mut().zip(block.iter()) {
                    *slot = column
                        .iter()
                        .all(|y| y.is_finite())
                        .then(|| (population_sd(column), estimate_all(column, k, &picks)));
                }
            }
        };
        let threads = self.threads.clamp(1, count.div_ceil(CHUNK));
        if threads == 1 {
            work();
        } else {
            std::thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(work);
                }
            });
        }
        self.rows(results, outputs.n)
    }

    fn rows(self, results: Vec<Option<(f64, Vec<SobolIndex>)>>, n: usize) -> Sensitivity {
        let mut rows = Vec::with_capacity(results.len() * self.factors.len());
        let shift_nominal = Some(0.0);
        for (o, result) in results.iter().enumerate() {
            let (output, item) = if o == 0 {
                (SensitivityOutput::MeanRankShift, None)
            } else if o <= n {
                (SensitivityOutput::Rank, self.items.get(o - 1))
            } else {
                (SensitivityOutput::Composite, self.items.get(o - 1 - n))
            };
            let nominal = match (output, item) {
                (SensitivityOutput::Rank, Some(i)) => Some(i.nominal_rank),
                (SensitivityOutput::Composite, Some(i)) => i.nominal_composite,
                _ => shift_nominal,
            };
            for (j, factor) in self.factors.iter().enumerate() {
                let index = result.as_ref().and_then(|(_, ix)| ix.get(j));
                let value = |f: fn(&SobolIndex) -> f64| index.map(f);
                rows.push(SensitivityRow {
                    factor: factor.clone(),
                    output,
                    programme: item.and_then(|i| i.programme),
                    row: item.map(|i| i.row),
                    name: item.and_then(|i| i.name.clone()),
                    nominal,
                    sd: result.as_ref().map(|(sd, _)| *sd),
                    s_first: value(|i| i.first),
                    s_first_low: value(|i| i.first - i.first_interval),
                    s_first_high: value(|i| i.first + i.first_interval),
                    s_total: value(|i| i.total),
                    s_total_low: value(|i| i.total - i.total_interval),
                    s_total_high: value(|i| i.total + i.total_interval),
                });
            }
        }
        Sensitivity {
            samples: self.samples,
            seed: self.seed,
            resamples: self.resamples,
            runs: self.samples * (self.factors.len() + 2),
            programmes: n,
            factors: self.factors,
            rows,
        }
    }
}

/// The population standard deviation, summed in order.
fn population_sd(ys: &[f64]) -> f64 {
    let n = ys.len().max(1) as f64;
    let mean = ys.iter().sum::<f64>() / n;
    (ys.iter().map(|y| (y - mean).powi(2)).sum::<f64>() / n).sqrt()
}
