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


def rate_rows(rates: Any) -> Any:
    """The ``(date, currency, rate)`` rows of ``rates`` for
    ``ssr_model.ExchangeRates``: the columns ``date``, ``currency`` and
    ``rate`` of a pandas or Polars DataFrame, a ``pyarrow.Table``, anything
    with ``__arrow_c_stream__`` or a dict of columns; anything else is
    returned as it is, taken as an iterable of rows."""
    if isinstance(rates, dict) or any(
        hasattr(rates, a) for a in ("__arrow_c_stream__", "to_arrow", "to_records")
    ):
        return _frame_rows(rates)
    return rates


def _frame_rows(frame: Any) -> Any:
    from ._errors import InvalidValueError

    pa = _import("pyarrow", "arrow")
    if hasattr(frame, "to_arrow") and not isinstance(frame, pa.Table):
        frame = frame.to_arrow()  # Polars, before the Arrow PyCapsule interface
    table = pa.table(frame)
    columns = ("date", "currency", "rate")
    missing = [c for c in columns if c not in table.column_names]
    if missing:
        raise InvalidValueError(
            f"invalid rates: the columns date, currency and rate are needed; missing {', '.join(missing)} "
            f"(found {', '.join(table.column_names)})"
        )
    if pa.types.is_timestamp(table.schema.field("date").type):
        # Which day a timestamp is depends on a time zone: dates only.
        raise InvalidValueError(
            "invalid rates: the date column holds timestamps, not dates "
            "(pandas: df['date'].dt.date; Polars: pl.col('date').dt.date())",
            path="/date",
        )
    return zip(*(table.column(c).to_pylist() for c in columns))
