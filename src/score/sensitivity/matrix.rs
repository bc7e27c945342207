//! The sensitivity analysis of a plain matrix's ranking
//! ([`CompositeMatrix`]): the column weights, the normalisation, the
//! composite and leaving one column out, as factors.

use super::report::{Analysis, Item, Outputs, Sensitivity};
use super::runs::run_all;
use super::{Factor, MAX_BASE_SAMPLES, MAX_RESAMPLES, SobolDesign};
use crate::diagnostics::Code;
use crate::diagnostics::problems::Problems;
use crate::score::Normalisation;
use crate::score::engine::{Ranker, available_threads};
use crate::score::matrix::{
    CompositeMatrix, GEOMETRIC_FLOOR, MatrixAggregation, MatrixError, check_threads,
    seed_and_threads,
};

/// The factors and sizes of a matrix's sensitivity analysis.
///
/// Factors, in this order: each positive column weight `w` drawn from
/// `w·(1 − spread)` to `w·(1 + spread)` (named `weight:<column>`, columns
/// from 0); the normalisation (`none`, the values as given, or one of
/// `normalisations`) when that list is not empty; the composite among
/// `methods` when it has two or more; and, when `drop_column` is set and
/// two or more columns weigh, leaving one of them out (`none` or the
/// column). The nominal ranking is the matrix's own: values as given,
/// given weights, the first of `methods`.
///
/// ```
/// use ssr_model::score::matrix::CompositeMatrix;
/// use ssr_model::score::sensitivity::MatrixSensitivity;
///
/// let m = CompositeMatrix::new(vec![vec![0.2, 0.9], vec![0.7, 0.4], vec![0.5, 0.5]], vec![1.0, 1.0])?;
/// let result = m.sensitivity(&MatrixSensitivity::new(64))?;
/// assert_eq!(result.factors, ["weight:0", "weight:1", "normalisation", "aggregation", "drop_column"]);
/// assert!(m.sensitivity(&MatrixSensitivity::new(1)).is_err());
/// # Ok::<(), ssr_model::score::matrix::MatrixError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MatrixSensitivity {
    /// Base samples `N`, 2 to 1,048,576.
    pub samples: usize,
    /// The seed of the design and the bootstrap. Default 0.
    pub seed: u64,
    /// Bootstrap resamples, 2 to 10,000. Default 100.
    pub resamples: usize,
    /// Relative spread of each weight's range, above 0 and below 1.
    /// Default 0.5 (half to one and a half times the weight).
    pub spread: f64,
    /// Normalisations drawn from beside the values as given. Default
    /// min-max and percentile rank.
    pub normalisations: Vec<Normalisation>,
    /// Composites drawn from, the first nominal. Default arithmetic and
    /// geometric.
    pub methods: Vec<MatrixAggregation>,
    /// Whether leaving one column out is a factor. Default `true`.
    pub drop_column: bool,
    /// Threads [default: every core]; the results do not depend on it.
    pub threads: Option<usize>,
}

impl MatrixSensitivity {
    /// The defaults with `samples` base samples.
    pub fn new(samples: usize) -> Self {
        MatrixSensitivity {
            samples,
            seed: 0,
            resamples: 100,
            spread: 0.5,
            normalisations: vec![Normalisation::MinMax, Normalisation::PercentileRank],
            methods: vec![MatrixAggregation::Arithmetic, MatrixAggregation::Geometric],
            drop_column: true,
            threads: None,
        }
    }

    fn check(&self) -> Result<(), MatrixError> {
        let mut problems = Problems::default();
        let mut bad = |at: &str, message: String| {
            problems.add(Code::MatrixOptionOutOfRange, at, message);
        };
        if !(2..=MAX_BASE_SAMPLES).contains(&self.samples) {
            bad(
                "/samples",
                format!("expected 2 to 1048576 base samples, found {}", self.samples),
            );
        }
        if !(2..=MAX_RESAMPLES).contains(&self.resamples) {
            bad(
                "/resamples",
                format!("expected 2 to 10000 resamples, found {}", self.resamples),
            );
        }
        if !(self.spread > 0.0 && self.spread < 1.0) {
            bad(
                "/spread",
                format!(
                    "expected a spread above 0 and below 1, found {}",
                    self.spread
                ),
            );
        }
        if self.methods.is_empty() {
            bad(
                "/methods",
                "expected at least one method, found none".to_owned(),
            );
        }
        check_threads(self.threads, &mut problems);
        problems.finish(()).map_err(MatrixError::from)
    }
}

seed_and_threads!(MatrixSensitivity);

/// What a column of the design sets.
enum Role {
    Weight(usize),
    Normalisation,
    Aggregation,
    /// Option 0 leaves every column in; option `i` drops `weighted[i − 1]`.
    Drop,
}

/// The matrix's ranking as a function of the factors: one column-major
/// table per normalisation (index 0 the values as given).
struct Model {
    rows: usize,
    weights: Vec<f64>,
    weighted: Vec<usize>,
    roles: Vec<Role>,
    tables: Vec<Vec<f64>>,
    methods: Vec<MatrixAggregation>,
    nominal: Vec<u32>,
}

struct Buffers {
    weights: Vec<f64>,
    composite: Vec<f64>,
    halves: Vec<u32>,
    ranker: Ranker,
}

impl Model {
    fn run(&self, x: &[f64], b: &mut Buffers, ranks: &mut [u32], out: &mut [f64]) -> f64 {
        b.weights.clone_from(&self.weights);
        let (mut table, mut method, mut dropped) = (0, 0, None);
        for (role, &v) in self.roles.iter().zip(x) {
            let index = v as usize;
            match role {
                Role::Weight(c) => {
                    if let Some(w) = b.weights.get_mut(*c) {
                        *w = v;
                    }
                }
                Role::Normalisation => table = index,
                Role::Aggregation => method = index,
                Role::Drop => dropped = index.checked_sub(1).and_then(|i| self.weighted.get(i)),
            }
        }
        if let Some(w) = dropped.and_then(|&c| b.weights.get_mut(c)) {
            *w = 0.0;
        }
        // As `CompositeMatrix::composite`: weights scaled to sum to 1.
        let total: f64 = b.weights.iter().sum();
        b.weights.iter_mut().for_each(|w| *w /= total);
        let geometric = self.methods.get(method) == Some(&MatrixAggregation::Geometric);
        let values = self.tables.get(table).map_or(&[][..], Vec::as_slice);
        b.composite.clear();
        b.composite.resize(self.rows, 0.0);
        for (column, &w) in values.chunks_exact(self.rows.max(1)).zip(&b.weights) {
            for (s, &x) in b.composite.iter_mut().zip(column) {
                *s += w * if geometric {
                    x.max(GEOMETRIC_FLOOR).ln()
                } else {
                    x
                };
            }
        }
        if geometric {
            b.composite.iter_mut().for_each(|s| *s = s.exp());
        }
        b.ranker
            .average_halves(&b.composite, |_, _| false, &mut b.halves);
        out.copy_from_slice(&b.composite);
        ranks.copy_from_slice(&b.halves);
        let shift: u64 = b
            .halves
            .iter()
            .zip(&self.nominal)
            .map(|(h, n)| u64::from(h.abs_diff(*n)))
            .sum();
        // Half-ranks: an exact integer sum, halved.
        shift as f64 / 2.0 / self.rows.max(1) as f64
    }
}

impl CompositeMatrix {
    /// The variance-based sensitivity analysis of the rows' ranking (Sobol
    /// indices, see [`MatrixSensitivity`] for the factors): per factor and
    /// output (the mean rank shift, each row's rank and composite), `S_i`
    /// and `S_Ti` with their 95 % intervals. Seeded; the same for any
    /// number of threads, bit for bit.
    ///
    /// ```
    /// use ssr_model::score::matrix::CompositeMatrix;
    /// use ssr_model::score::sensitivity::{MatrixSensitivity, SensitivityOutput};
    ///
    /// // Row 0 leads on column 0, row 1 on column 1: their order is the
    /// // weights' (row 0 first while w0 > w1, nominally 1 against 1.1).
    /// let m = CompositeMatrix::new(vec![vec![0.9, 0.1], vec![0.2, 0.8]], vec![1.0, 1.1])?;
    /// let mut options = MatrixSensitivity::new(512);
    /// options.normalisations.clear();
    /// options.methods.truncate(1);
    /// options.drop_column = false;
    /// let result = m.sensitivity(&options)?;
    /// assert_eq!(result.factors, ["weight:0", "weight:1"]);
    /// let shift = result.rows.iter().filter(|r| r.output == SensitivityOutput::MeanRankShift);
    /// // Both weights decide the order: each takes a large part of the variance.
    /// assert!(shift.clone().all(|r| r.s_total.unwrap_or(0.0) > 0.3));
    /// # Ok::<(), ssr_model::score::matrix::MatrixError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An `option_out_of_range` [`MatrixError`] for sizes out of range, a
    /// spread not strictly between 0 and 1, no method or 0 threads.
    pub fn sensitivity(&self, options: &MatrixSensitivity) -> Result<Sensitivity, MatrixError> {
        options.check()?;
        let (model, factors) = self.sensitivity_model(options);
        let design = SobolDesign::saltelli(&factors, options.samples, options.seed)
            .map_err(|e| option_error("/samples", &e.to_string()))?;
        let threads = options.threads.unwrap_or_else(available_threads);
        let n = self.rows();
        let mut outputs = Outputs::new(design.runs(), n, 0.5);
        run_all(
            &design,
            threads,
            &mut outputs,
            || Buffers {
                weights: Vec::with_capacity(self.columns()),
                composite: Vec::with_capacity(n),
                halves: vec![0; n],
                ranker: Ranker::default(),
            },
            |x, b, ranks, composites| model.run(x, b, ranks, composites),
        );
        let nominal_composite =
            self.composite(options.methods.first().copied().unwrap_or_default());
        let items: Vec<Item> = model
            .nominal
            .iter()
            .zip(nominal_composite)
            .enumerate()
            .map(|(row, (&halves, composite))| Item {
                programme: None,
                row,
                name: self.names().and_then(|n| n.get(row).cloned()),
                nominal_rank: f64::from(halves) / 2.0,
                nominal_composite: Some(composite),
            })
            .collect();
        let analysis = Analysis {
            factors: factors.iter().map(|f| f.name().to_owned()).collect(),
            samples: options.samples,
            seed: options.seed,
            resamples: options.resamples,
            items: &items,
            threads,
        };
        Ok(analysis.run(&outputs))
    }

    fn sensitivity_model(&self, options: &MatrixSensitivity) -> (Model, Vec<Factor>) {
        let weights = self.weights().to_vec();
        let weighted: Vec<usize> = (0..self.columns())
            .filter(|&c| weights.get(c).is_some_and(|w| *w > 0.0))
            .collect();
        let (mut roles, mut factors) = (Vec::new(), Vec::new());
        for &c in &weighted {
            let w = weights.get(c).copied().unwrap_or_default();
            let range = Factor::uniform(
                format!("weight:{c}"),
                w * (1.0 - options.spread),
                w * (1.0 + options.spread),
            );
            if let Ok(f) = range {
                roles.push(Role::Weight(c));
                factors.push(f);
            }
        }
        let mut add = |role, name: &str, options: Vec<String>| {
            if let Ok(f) = Factor::choice(name, options) {
                roles.push(role);
                factors.push(f);
            }
        };
        if !options.normalisations.is_empty() {
            let names = std::iter::once("none".to_owned())
                .chain(options.normalisations.iter().map(ToString::to_string));
            add(Role::Normalisation, "normalisation", names.collect());
        }
        if options.methods.len() > 1 {
            let names = options.methods.iter().map(ToString::to_string);
            add(Role::Aggregation, "aggregation", names.collect());
        }
        if options.drop_column && weighted.len() > 1 {
            let names =
                std::iter::once("none".to_owned()).chain(weighted.iter().map(|c| c.to_string()));
            add(Role::Drop, "drop_column", names.collect());
        }
        let column_major = |m: &CompositeMatrix| -> Vec<f64> {
            (0..m.columns()).flat_map(|c| m.column(c)).collect()
        };
        let mut tables = vec![column_major(self)];
        tables.extend(
            options
                .normalisations
                .iter()
                .map(|&n| column_major(&self.normalised(n))),
        );
        let method = options.methods.first().copied().unwrap_or_default();
        let nominal_scores = self.composite(method);
        let mut nominal = vec![0; self.rows()];
        Ranker::default().average_halves(&nominal_scores, |_, _| false, &mut nominal);
        let model = Model {
            rows: self.rows(),
            weights,
            weighted,
            roles,
            tables,
            methods: options.methods.clone(),
            nominal,
        };
        (model, factors)
    }
}

fn option_error(at: &str, message: &str) -> MatrixError {
    let finding = crate::Finding::new(Code::MatrixOptionOutOfRange, at, message.to_owned());
    MatrixError::from(vec![finding])
}
