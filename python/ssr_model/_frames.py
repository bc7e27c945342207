"""Arrow tables into pandas or Polars frames.

The native module hands every table over as a ``pyarrow.Table`` (through the
Arrow PyCapsule interface, without copying the buffers); this module turns it
into the frame asked for. pandas and Polars are imported here, and only when
a frame of theirs is asked for.
"""

from __future__ import annotations

from typing import Any


def _import(module: str, to: str) -> Any:
    try:
        return __import__(module)
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError(
            f"to={to!r} needs the {module} package: pip install {module} "
            '(or ask for another frame with to="pandas", "polars" or "arrow")'
        ) from err


def _pandas(table: Any) -> Any:
    pd = _import("pandas", "pandas")
    pa = _import("pyarrow", "arrow")

    def types(t: Any) -> Any:
        # Money stays exact and in Arrow memory (no decimal.Decimal per
        # cell); pandas sums and groups it through pyarrow.
        if pa.types.is_decimal(t):
            return pd.ArrowDtype(t)
        return None

    # Dates become datetime64 columns (the .dt accessor works), codes
    # (Arrow dictionaries) categoricals, numbers numpy columns.
    return table.to_pandas(date_as_object=False, types_mapper=types)


def to_frame(table: Any, to: str) -> Any:
    """``table`` (a ``pyarrow.Table``) as ``to``: "pandas", "polars" or "arrow"."""
    if to in ("arrow", "pyarrow"):
        return table
    if to == "pandas":
        return _pandas(table)
    if to == "polars":
        return _import("polars", "polars").from_arrow(table)
    raise ValueError(f'invalid frame kind: expected "pandas", "polars" or "arrow", found {to!r}')
