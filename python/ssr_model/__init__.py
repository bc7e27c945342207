"""Security Sector Reform (SSR) programmes as data.

Python bindings of the ``ssr-model`` Rust crate::

    import ssr_model as ssr

    p = ssr.read_iati(["data/"], sector="152")   # or ssr.load("portfolio.json"), ssr.sample()
    report = p.validate(as_of="2024-12-31")      # findings: report.table()
    card = p.score(policy="policy.json")         # scorecard: card.table("scores")
    ranks = p.rank(replications=1000, seed=1)    # rank uncertainty: ranks.table()
    p.sensitivity(samples=512)                   # which choices drive the ranks (Sobol)
    ssr.rank_matrix([[0.2, 0.9], [0.7, 0.4]], [1, 2])  # any matrix, ranked
    p.table("transactions")                      # pandas; to="polars" or to="arrow" on request
    p.to_parquet("out/")                         # every table, one file each
    rates = ssr.ExchangeRates("USD", "rates.csv")  # your rates: date,currency,rate
    p.score(rates=rates, currency="USD")         # finance measures in US dollars

Tables cross from Rust as Arrow record batches (the Arrow PyCapsule
interface, no copy of the buffers) and become ``pyarrow.Table``\\ s, then
pandas or Polars frames; pandas and Polars are imported only when asked for.

Errors are subclasses of :class:`SsrError` carrying the Rust error's message
and, where it has them, ``path`` (JSON Pointer), ``line``, ``column`` and
``file``.
"""

from ._errors import (
    ExportError,
    IatiError,
    InvalidValueError,
    LoadError,
    PolicyError,
    SsrError,
    SsrWarning,
    ValidationError,
)
from ._native import (
    TABLES,
    ExchangeRates,
    Portfolio,
    Ranks,
    Report,
    Scorecard,
    __version__,
    load,
    loads,
    matrix_sensitivity,
    rank_matrix,
    read_iati,
    sample,
)

__all__ = [
    "TABLES",
    "Portfolio",
    "Report",
    "Scorecard",
    "Ranks",
    "ExchangeRates",
    "load",
    "loads",
    "sample",
    "read_iati",
    "rank_matrix",
    "matrix_sensitivity",
    "SsrError",
    "LoadError",
    "PolicyError",
    "ValidationError",
    "IatiError",
    "ExportError",
    "InvalidValueError",
    "SsrWarning",
    "__version__",
]
