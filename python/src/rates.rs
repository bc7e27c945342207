//! `ssr_model.ExchangeRates`: the user's exchange-rate table, read from a
//! CSV file (as the CLI's `--rates`) or from rows (a DataFrame, or an
//! iterable of `(date, currency, rate)`). The crate never fetches a rate
//! and never guesses one.

use std::io::BufReader;
use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyString;
use ssr_model::Currency;
use ssr_model::model::{ExchangeRates, Rate};
use ssr_model::score::RatesFileError;

use crate::errors::Error;
use crate::options;

/// Exchange rates the user supplies: for each currency and date, how many
/// units of the currency one unit of ``base`` buys. Conversion uses the
/// latest rate on or before the money's value date; money with no such
/// rate is left out and reported, never converted at a guess.
///
/// ``rates`` is either
///
/// - a path to a CSV file with the header ``date,currency,rate`` (the
///   format of ``ssr score --rates``), or
/// - rows: a pandas or Polars DataFrame or a ``pyarrow.Table`` with the
///   columns ``date``, ``currency`` and ``rate``, or any iterable of
///   ``(date, currency, rate)`` tuples. Dates are ``datetime.date`` or
///   ``"YYYY-MM-DD"``, currencies ISO 4217 codes, rates numbers or
///   decimal strings. A string is read exactly as written (``"0.85"``), a
///   float as the shortest decimal that reads back as it; from 1e-15 to
///   1e15 with at most 18 decimal places. Converted flow amounts are exact,
///   rounded once, half to even, to the ten-thousandth.
///
/// Every problem is reported at once: a CSV file raises :class:`LoadError`
/// (``file``, and ``line`` of the first bad line; the message lists every
/// line), rows raise :class:`InvalidValueError` (``path`` ``"/N"`` of the
/// first bad row, counted from 0; the message lists every row). An unknown
/// ``base`` raises :class:`InvalidValueError`.
///
/// ``len(rates)`` is the number of rates, ``rates.base`` the base
/// currency. Pass the table as ``rates=`` to :meth:`Portfolio.score`,
/// :meth:`Portfolio.rank`, :meth:`Portfolio.table` and the exports.
#[pyclass(name = "ExchangeRates", module = "ssr_model", frozen)]
pub(crate) struct PyExchangeRates {
    pub(crate) inner: ExchangeRates,
}

#[pymethods]
impl PyExchangeRates {
    #[new]
    fn new(py: Python<'_>, base: &str, rates: &Bound<'_, PyAny>) -> PyResult<Self> {
        let base: Currency = base
            .parse()
            .map_err(|e| Error::value(format!("base: {e}")))?;
        let is_path = rates.is_instance_of::<PyString>() || rates.hasattr("__fspath__")?;
        let inner = if is_path {
            from_file(py, base, rates.extract()?)?
        } else {
            from_rows(base, rates)?
        };
        Ok(PyExchangeRates { inner })
    }

    /// The base currency (ISO 4217): every rate is per unit of it.
    #[getter]
    fn base(&self) -> String {
        self.inner.base().to_string()
    }

    /// The rate of ``currency`` that applies on ``date`` (the latest on or
    /// before it), or None when the table has none. The base currency is 1.
    fn rate_on(&self, currency: &str, date: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
        let currency: Currency = currency.parse().map_err(Error::value)?;
        let date = options::date(date)?;
        Ok(self
            .inner
            .rate_on(currency, date)
            .map(|(_, rate)| rate.to_f64()))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<ssr_model.ExchangeRates: {} rate(s) per {}>",
            self.inner.len(),
            self.inner.base()
        )
    }
}

/// The rates of a CSV file, as the CLI reads `--rates`.
fn from_file(py: Python<'_>, base: Currency, path: PathBuf) -> Result<ExchangeRates, Error> {
    let name = path.display().to_string();
    let read = py.detach(|| {
        let file = std::fs::File::open(&path).map_err(|e| RatesFileError::Io(e.to_string()))?;
        ssr_model::score::read_rates(base, BufReader::new(file))
    });
    read.map_err(|e| Error::rates_file(&e, &name))
}

/// The rates of a DataFrame or of an iterable of `(date, currency, rate)`.
fn from_rows(base: Currency, rows: &Bound<'_, PyAny>) -> PyResult<ExchangeRates> {
    // A frame (or a dict of columns) becomes its three columns as rows;
    // anything else is taken as rows (ssr_model/_frames.py).
    let frames = rows.py().import("ssr_model._frames")?;
    let rows = frames.call_method1("rate_rows", (rows,))?;
    let iter = rows.try_iter().map_err(|_| {
        Error::value(format!(
            "invalid rates: expected a CSV file path, a DataFrame or an iterable of \
             (date, currency, rate), found {}",
            type_name(&rows)
        ))
    })?;
    let mut table = ExchangeRates::new(base);
    let mut problems = Vec::new();
    for (i, row) in iter.enumerate() {
        if let Err(message) = insert_row(&mut table, &row?) {
            problems.push((i, message));
        }
    }
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(Error::rate_rows(&problems).into())
    }
}

/// One row into `table`, or what was wrong with it.
fn insert_row(table: &mut ExchangeRates, row: &Bound<'_, PyAny>) -> Result<(), String> {
    let (date, currency, rate): (Bound<'_, PyAny>, Bound<'_, PyAny>, Bound<'_, PyAny>) = row
        .extract()
        .map_err(|_| format!("expected (date, currency, rate), found {}", repr(row)))?;
    let date = options::date(&date).map_err(|e| e.to_string())?;
    let currency: Currency = currency
        .extract::<String>()
        .map_err(|_| format!("expected a currency code, found {}", repr(&currency)))?
        .parse()
        .map_err(|e| format!("{e}"))?;
    let rate = number(&rate)?;
    table
        .insert(date, currency, rate)
        .map_err(|e| e.to_string())
}

/// A rate given as a number, or as a decimal string as in the CSV file:
/// the string read exactly, a float as the shortest decimal that reads
/// back as it (`0.85` is the rate 0.85), both through `Rate`.
fn number(value: &Bound<'_, PyAny>) -> Result<Rate, String> {
    let expected = || format!("expected a decimal rate, found {}", repr(value));
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_str().map_err(|_| expected())?;
        return text
            .parse()
            .map_err(|e: ssr_model::model::ValueError| e.to_string());
    }
    let float = value.extract::<f64>().map_err(|_| expected())?;
    Rate::try_from(float).map_err(|e| e.to_string())
}

fn repr(value: &Bound<'_, PyAny>) -> String {
    value
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| type_name(value))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}
