//! `ssr_model.Report`: the findings of validation or of an IATI import.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use ssr_model::Report;
use ssr_model::diagnostics::Severity;

/// Every problem found at once: validation findings (JSON Pointer paths into
/// the document) or IATI import findings (XML locations), each with a
/// stable code, a severity (``"error"``, ``"warning"``, ``"advice"``), a
/// message and help.
///
/// ``report.table()`` gives them as a DataFrame (the ``findings`` table);
/// ``str(report)`` as text, one per line; ``report.raise_for_errors()``
/// raises when there is an error-level finding.
#[pyclass(name = "Report", module = "ssr_model", frozen)]
pub(crate) struct PyReport {
    pub(crate) inner: Report,
}

impl PyReport {
    pub(crate) fn new(inner: Report) -> Self {
        PyReport { inner }
    }
}

#[pymethods]
impl PyReport {
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<ssr_model.Report: {}>", self.inner.summary())
    }

    /// True when no finding is an error (warnings and advice allowed).
    #[getter]
    fn is_valid(&self) -> bool {
        self.inner.is_valid()
    }

    /// The number of findings per severity: ``{"error": n, "warning": n,
    /// "advice": n}``.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for severity in [Severity::Error, Severity::Warning, Severity::Advice] {
            out.set_item(severity.as_str(), self.inner.count(severity))?;
        }
        Ok(out)
    }

    /// The findings as a list of ``(code, severity, path, message)`` tuples,
    /// in the report's order (by path).
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows = self
            .inner
            .iter()
            .map(|f| {
                PyTuple::new(
                    py,
                    [
                        f.code.as_str(),
                        f.severity.as_str(),
                        f.path.as_str(),
                        f.message.as_str(),
                    ],
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, rows)
    }

    /// The findings as a DataFrame (the ``findings`` table: code, severity,
    /// path, message, help): ``to="pandas"`` (the default), ``"polars"`` or
    /// ``"arrow"``.
    #[pyo3(signature = (*, to="pandas"))]
    fn table(&self, py: Python<'_>, to: &str) -> PyResult<Py<PyAny>> {
        crate::tables::to_python(py, &ssr_model::tables::findings(&self.inner), to)
    }

    /// Raises when the report holds an error-level finding; returns None
    /// otherwise.
    ///
    /// The first error raises :class:`ValidationError` with its ``code``, ``path`` and
    /// message; ``err.findings`` lists every error as ``(code, path,
    /// message)``.
    fn raise_for_errors(&self, py: Python<'_>) -> PyResult<()> {
        let Some(first) = self.inner.first_error() else {
            return Ok(());
        };
        let errors: Vec<(&str, &str, &str)> = self
            .inner
            .errors()
            .map(|f| (f.code.as_str(), f.path.as_str(), f.message.as_str()))
            .collect();
        let message = match errors.len() {
            1 => format!("{first}"),
            n => format!("{first}\n(and {} more errors)", n - 1),
        };
        let class = py.import("ssr_model._errors")?.getattr("ValidationError")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("path", first.path.as_str())?;
        kwargs.set_item("code", first.code.as_str())?;
        kwargs.set_item("findings", errors)?;
        Err(PyErr::from_value(class.call((message,), Some(&kwargs))?))
    }
}
