//! `ssr_model.rank_matrix` and `ssr_model.matrix_sensitivity`: the
//! composite over a plain matrix (`ssr rank-matrix`), its rank uncertainty
//! and its Sobol indices, as frames.

use std::sync::Arc;

use arrow_array::{ArrayRef, Float64Array, RecordBatch, StringArray, UInt64Array};
use arrow_schema::{DataType, Field, Schema};
use pyo3::prelude::*;
use ssr_model::score::matrix::{CompositeMatrix, MatrixError, MatrixRanks, MatrixUncertainty};
use ssr_model::score::sensitivity::MatrixSensitivity;

use crate::errors::{Class, Error};
use crate::{frames, tables};

/// The checked matrix of `scores` (rows of numbers), `weights` and
/// `names`.
fn matrix(
    scores: Vec<Vec<f64>>,
    weights: Vec<f64>,
    names: Option<Vec<String>>,
) -> Result<CompositeMatrix, Error> {
    let m = CompositeMatrix::new(scores, weights).map_err(|e| invalid(&e))?;
    match names {
        Some(names) => m.with_names(names).map_err(|e| invalid(&e)),
        None => Ok(m),
    }
}

fn invalid(e: &MatrixError) -> Error {
    Error::value(e.to_string())
}

/// Ranks the rows of a matrix by a weighted composite, with the Monte Carlo
/// uncertainty of their ranks, as ``ssr rank-matrix`` does: each
/// replication multiplies every weight by ``1 + U(-noise, noise)`` and
/// draws the arithmetic or the geometric mean. Returns one row per matrix
/// row: ``row``, ``name``, ``nominal`` (given weights, arithmetic),
/// ``mean``, ``median``, ``p05``, ``p95``, ``sd`` of its rank, as
/// ``to="pandas"`` (the default), ``"polars"`` or ``"arrow"``.
///
/// The same ``seed`` gives the same ranks on any number of ``threads``.
/// Raises :class:`InvalidValueError` for a matrix or an option out of
/// range (non-finite scores, negative weights, rows of unequal length).
#[pyfunction]
#[pyo3(signature = (scores, weights, *, names=None, replications=1000, seed=0, noise=0.25, threads=None, to="pandas"))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of a Python function"
)]
pub(crate) fn rank_matrix(
    py: Python<'_>,
    scores: Vec<Vec<f64>>,
    weights: Vec<f64>,
    names: Option<Vec<String>>,
    replications: usize,
    seed: u64,
    noise: f64,
    threads: Option<usize>,
    to: &str,
) -> PyResult<Py<PyAny>> {
    frames::check(to)?;
    let m = matrix(scores, weights, names)?;
    let mut options = MatrixUncertainty::new(replications)
        .with_seed(seed)
        .with_noise(noise);
    if let Some(t) = threads {
        options = options.with_threads(t);
    }
    let ranks = py
        .detach(|| m.rank_uncertainty(&options))
        .map_err(|e| invalid(&e))?;
    let batch = ranks_batch(&ranks).map_err(|e| Error::new(Class::Export, e.to_string()))?;
    let schema = batch.schema();
    frames::to_python(py, vec![batch], schema, to)
}

/// The rank statistics as one record batch.
fn ranks_batch(ranks: &MatrixRanks) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let float = |f: fn(&ssr_model::score::matrix::MatrixRankStats) -> f64| -> ArrayRef {
        Arc::new(Float64Array::from_iter_values(ranks.rows.iter().map(f)))
    };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(UInt64Array::from_iter_values(
            ranks.rows.iter().map(|r| r.row as u64),
        )),
        Arc::new(StringArray::from_iter(
            ranks.rows.iter().map(|r| r.name.clone()),
        )),
        float(|r| r.nominal),
        float(|r| r.mean),
        float(|r| r.median),
        float(|r| r.p05),
        float(|r| r.p95),
        float(|r| r.sd),
    ];
    let mut fields = vec![
        Field::new("row", DataType::UInt64, false),
        Field::new("name", DataType::Utf8, true),
    ];
    for name in ["nominal", "mean", "median", "p05", "p95", "sd"] {
        fields.push(Field::new(name, DataType::Float64, false));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}

/// Which of a matrix's choices drive its ranks: the first-order and total
/// Sobol indices, with 95 % bootstrap intervals, of each column's weight
/// (from ``1 - spread`` to ``1 + spread`` times its own), the normalisation
/// (none, min-max, percentile rank), the composite (arithmetic,
/// geometric) and leaving one column out, on the mean rank shift and on
/// each row's rank and composite. ``samples`` base samples give
/// ``samples * (factors + 2)`` model runs. Returns the ``sensitivity``
/// table (one row per factor and output) as ``to="pandas"`` (the default),
/// ``"polars"`` or ``"arrow"``.
///
/// The same ``seed`` gives the same indices on any number of ``threads``.
/// Raises :class:`InvalidValueError` for a matrix or an option out of range.
#[pyfunction]
#[pyo3(signature = (scores, weights, *, names=None, samples=512, seed=0, spread=0.5, threads=None, to="pandas"))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of a Python function"
)]
pub(crate) fn matrix_sensitivity(
    py: Python<'_>,
    scores: Vec<Vec<f64>>,
    weights: Vec<f64>,
    names: Option<Vec<String>>,
    samples: usize,
    seed: u64,
    spread: f64,
    threads: Option<usize>,
    to: &str,
) -> PyResult<Py<PyAny>> {
    frames::check(to)?;
    let m = matrix(scores, weights, names)?;
    let mut options = MatrixSensitivity::new(samples).with_seed(seed);
    options.spread = spread;
    if let Some(t) = threads {
        options = options.with_threads(t);
    }
    let result = py
        .detach(|| m.sensitivity(&options))
        .map_err(|e| invalid(&e))?;
    tables::to_python(py, &ssr_model::tables::sensitivity(&result), to)
}
