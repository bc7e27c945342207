//! Python bindings of `ssr-model`: the native module `ssr_model._native`
//! of the Python package `ssr_model` (built with maturin, see
//! `python/pyproject.toml`).
//!
//! Portfolios, reports, scorecards and ranks are Python classes over the
//! Rust values; tables cross into Python as Arrow record batches through
//! the Arrow PyCapsule interface (pyo3-arrow) and become pyarrow, pandas
//! or Polars frames there. Rust errors become the exception classes of
//! `ssr_model._errors`, with their path, line and column.

use pyo3::prelude::*;

mod errors;
mod frames;
mod interrupt;
mod matrix;
mod options;
mod portfolio;
mod rates;
mod report;
mod scorecard;
mod tables;

/// The native module: classes and functions that `ssr_model/__init__.py`
/// re-exports.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<portfolio::PyPortfolio>()?;
    m.add_class::<rates::PyExchangeRates>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<scorecard::PyScorecard>()?;
    m.add_class::<scorecard::PyRanks>()?;
    m.add_function(wrap_pyfunction!(portfolio::load, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::loads, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::sample, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::read_iati, m)?)?;
    m.add_function(wrap_pyfunction!(matrix::rank_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(matrix::matrix_sensitivity, m)?)?;
    m.add("TABLES", tables::names())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
