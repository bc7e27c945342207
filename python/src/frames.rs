//! Arrow record batches into Python: a `pyarrow.Table` through the Arrow
//! PyCapsule interface (no copy of the buffers), then a pandas or Polars
//! frame on request. pandas and Polars are imported only when asked for.

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::errors::Error;

/// What a table becomes in Python.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// A `pandas.DataFrame` (the default).
    Pandas,
    /// A `polars.DataFrame`.
    Polars,
    /// A `pyarrow.Table`.
    Arrow,
}

impl Frame {
    /// Parses the `to=` argument.
    pub(crate) fn parse(name: &str) -> Result<Frame, Error> {
        match name {
            "pandas" => Ok(Frame::Pandas),
            "polars" => Ok(Frame::Polars),
            "arrow" | "pyarrow" => Ok(Frame::Arrow),
            other => Err(Error::value(format!(
                "invalid frame kind: expected \"pandas\", \"polars\" or \"arrow\", found {other:?}"
            ))),
        }
    }
}

/// Imports `module`, saying what to install when it is missing.
fn import<'py>(py: Python<'py>, module: &str, frame: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|e| {
        if e.is_instance_of::<pyo3::exceptions::PyModuleNotFoundError>(py) {
            pyo3::exceptions::PyModuleNotFoundError::new_err(format!(
                "to={frame:?} needs the {module} package: pip install {module} \
                 (or ask for another frame with to=\"pandas\", \"polars\" or \"arrow\")"
            ))
        } else {
            e
        }
    })
}

/// The batches as the frame asked for.
pub(crate) fn to_python(
    py: Python<'_>,
    batches: Vec<RecordBatch>,
    schema: SchemaRef,
    frame: Frame,
) -> PyResult<Py<PyAny>> {
    import(py, "pyarrow", "arrow")?;
    let table = PyTable::try_new(batches, schema)?.into_pyarrow(py)?;
    let out = match frame {
        Frame::Arrow => table,
        Frame::Pandas => {
            import(py, "pandas", "pandas")?;
            table.call_method0("to_pandas")?
        }
        Frame::Polars => import(py, "polars", "polars")?.call_method1("from_arrow", (table,))?,
    };
    Ok(out.unbind())
}
