//! Arrow record batches into Python: a `pyarrow.Table` through the Arrow
//! PyCapsule interface (no copy of the buffers), then the frame asked for
//! by `ssr_model/_frames.py` (pandas and Polars are imported there, only
//! when asked for).

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::errors::Error;

/// Checks the `to=` argument before any work is done.
pub(crate) fn check(to: &str) -> Result<(), Error> {
    match to {
        "pandas" | "polars" | "arrow" | "pyarrow" => Ok(()),
        other => Err(Error::value(format!(
            "invalid frame kind: expected \"pandas\", \"polars\" or \"arrow\", found {other:?}"
        ))),
    }
}

/// The batches as the frame `to` names.
pub(crate) fn to_python(
    py: Python<'_>,
    batches: Vec<RecordBatch>,
    schema: SchemaRef,
    to: &str,
) -> PyResult<Py<PyAny>> {
    check(to)?;
    py.import("pyarrow").map_err(|e| {
        if e.is_instance_of::<pyo3::exceptions::PyModuleNotFoundError>(py) {
            pyo3::exceptions::PyModuleNotFoundError::new_err(
                "ssr_model tables need pyarrow (14 or later): pip install pyarrow",
            )
        } else {
            e
        }
    })?;
    let table = PyTable::try_new(batches, schema)?.into_pyarrow(py)?;
    let frames = py.import("ssr_model._frames")?;
    Ok(frames.call_method1("to_frame", (table, to))?.unbind())
}
