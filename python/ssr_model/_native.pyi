"""Type stubs of the native module (Rust, PyO3). See ``ssr_model``."""

import datetime
import os
from pathlib import Path
from typing import Any, Iterable, Literal, Mapping, Sequence, overload

import pandas
import polars
import pyarrow

__version__: str
TABLES: list[str]
"""The names of every table, in the crate's order."""

_Date = str | datetime.date
_Policy = str | os.PathLike[str] | Mapping[str, Any]
_Frame = Literal["pandas", "polars", "arrow"]
_Path = str | os.PathLike[str]
_RateRow = tuple[_Date, str, float | str]

class ExchangeRates:
    """Exchange rates the user supplies: units of each currency per unit of
    ``base``, by date. Never fetched, never guessed."""

    def __init__(self, base: str, rates: _Path | Iterable[_RateRow] | Any) -> None:
        """``rates``: a CSV file path (header ``date,currency,rate``), a
        DataFrame / ``pyarrow.Table`` / dict with the columns ``date``,
        ``currency`` and ``rate``, or an iterable of ``(date, currency, rate)``."""
    @property
    def base(self) -> str:
        """The base currency: every rate is per unit of it."""
    def rate_on(self, currency: str, date: _Date) -> float | None:
        """The rate that applies on ``date`` (the latest on or before it), or None."""
    def __len__(self) -> int: ...

class Portfolio:
    """A portfolio of SSR programmes (immutable)."""

    @property
    def name(self) -> str | None: ...
    @property
    def import_report(self) -> Report | None:
        """The findings of the IATI import that made this portfolio, or None."""
    def __len__(self) -> int: ...
    def validate(self, *, as_of: _Date | None = None, policy: _Policy | None = None) -> Report:
        """Every problem at once, as a Report of findings."""
    def score(
        self,
        policy: _Policy | None = None,
        *,
        as_of: _Date | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> Scorecard:
        """Scores every programme under a scoring policy; finance in
        ``currency`` (overriding the policy's) through ``rates``."""
    def rank(
        self,
        replications: int | None = None,
        seed: int | None = None,
        *,
        policy: _Policy | None = None,
        as_of: _Date | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> Ranks:
        """Ranks with their Monte Carlo uncertainty."""
    @overload
    def sensitivity(
        self,
        samples: int | None = None,
        seed: int | None = None,
        *,
        policy: _Policy | None = None,
        as_of: _Date | None = None,
        to: Literal["pandas"] = "pandas",
    ) -> pandas.DataFrame:
        """The Sobol indices of the policy's sensitivity factors (or the
        standard ones) on the ranking: the ``sensitivity`` table."""
    @overload
    def sensitivity(
        self,
        samples: int | None = None,
        seed: int | None = None,
        *,
        policy: _Policy | None = None,
        as_of: _Date | None = None,
        to: Literal["polars"],
    ) -> polars.DataFrame: ...
    @overload
    def sensitivity(
        self,
        samples: int | None = None,
        seed: int | None = None,
        *,
        policy: _Policy | None = None,
        as_of: _Date | None = None,
        to: Literal["arrow"],
    ) -> pyarrow.Table: ...
    @overload
    def table(
        self,
        name: str,
        *,
        to: Literal["pandas"] = "pandas",
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> pandas.DataFrame: ...
    @overload
    def table(
        self,
        name: str,
        *,
        to: Literal["polars"],
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> polars.DataFrame: ...
    @overload
    def table(
        self,
        name: str,
        *,
        to: Literal["arrow"],
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> pyarrow.Table: ...
    @overload
    def panel(
        self,
        years: int | Iterable[int],
        *,
        policy: _Policy | None = None,
        to: Literal["pandas"] = "pandas",
        uncertainty: bool = False,
        replications: int | None = None,
        seed: int | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> pandas.DataFrame: ...
    @overload
    def panel(
        self,
        years: int | Iterable[int],
        *,
        policy: _Policy | None = None,
        to: Literal["polars"],
        uncertainty: bool = False,
        replications: int | None = None,
        seed: int | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> polars.DataFrame: ...
    @overload
    def panel(
        self,
        years: int | Iterable[int],
        *,
        policy: _Policy | None = None,
        to: Literal["arrow"],
        uncertainty: bool = False,
        replications: int | None = None,
        seed: int | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> pyarrow.Table: ...
    def to_parquet(
        self,
        folder: _Path,
        *,
        tables: Sequence[str] | None = None,
        overwrite: bool = False,
        partition: Literal["year"] | None = None,
        policy: _Policy | None = None,
        validation_policy: _Policy | None = None,
        as_of: _Date | None = None,
        replications: int | None = None,
        seed: int | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> dict[str, Path]:
        """Writes every table as NAME.parquet into folder."""
    def to_csv(
        self,
        folder: _Path,
        *,
        tables: Sequence[str] | None = None,
        overwrite: bool = False,
        policy: _Policy | None = None,
        validation_policy: _Policy | None = None,
        as_of: _Date | None = None,
        replications: int | None = None,
        seed: int | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> dict[str, Path]:
        """Writes every table as NAME.csv into folder."""
    def to_html(
        self,
        *,
        replications: int | None = None,
        seed: int | None = None,
        policy: _Policy | None = None,
        as_of: _Date | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> str:
        """The report as one self-contained HTML page with SVG charts."""
    def to_json(self, *, pretty: bool = False) -> str:
        """The portfolio as a versioned JSON document."""
    def save(self, path: _Path) -> None:
        """Writes the portfolio as a JSON document."""

class Report:
    """Findings of validation or of an IATI import."""

    @property
    def is_valid(self) -> bool:
        """True when no finding is an error."""
    def __len__(self) -> int: ...
    def counts(self) -> dict[str, int]:
        """Findings per severity: error, warning, advice."""
    def findings(self) -> list[tuple[str, str, str, str]]:
        """(code, severity, path, message) per finding."""
    @overload
    def table(self, *, to: Literal["pandas"] = "pandas") -> pandas.DataFrame: ...
    @overload
    def table(self, *, to: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def table(self, *, to: Literal["arrow"]) -> pyarrow.Table: ...
    def raise_for_errors(self) -> None:
        """Raises IatiError or ValidationError when there is an error."""

class Scorecard:
    """Every programme's scores under one policy."""

    @property
    def policy(self) -> dict[str, Any]:
        """The scoring policy as Python objects in the shape of its JSON
        (dicts, lists, strings, numbers; re-runnable)."""
    def __len__(self) -> int: ...
    @overload
    def table(self, name: str = "scores", *, to: Literal["pandas"] = "pandas") -> pandas.DataFrame: ...
    @overload
    def table(self, name: str = "scores", *, to: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def table(self, name: str = "scores", *, to: Literal["arrow"]) -> pyarrow.Table: ...
    def to_json(self) -> str:
        """The whole scorecard as JSON."""

class Ranks:
    """Ranks with their Monte Carlo uncertainty."""

    @property
    def scorecard(self) -> Scorecard: ...
    @property
    def replications(self) -> int: ...
    @property
    def seed(self) -> int: ...
    def __len__(self) -> int: ...
    @overload
    def table(self, *, to: Literal["pandas"] = "pandas") -> pandas.DataFrame: ...
    @overload
    def table(self, *, to: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def table(self, *, to: Literal["arrow"]) -> pyarrow.Table: ...

def load(path: _Path) -> Portfolio:
    """Loads a portfolio document (JSON)."""

def loads(text: str) -> Portfolio:
    """Parses a portfolio document from a JSON string."""

def sample() -> Portfolio:
    """The embedded sample portfolio (illustrative figures)."""

def read_iati(
    paths: _Path | Sequence[_Path],
    *,
    sector: str | int | Sequence[str | int] | None = None,
    country: str | None = None,
    region: str | None = None,
    reporting_org: str | None = None,
    language: str | None = None,
) -> Portfolio:
    """Imports IATI activity files and folders into one portfolio."""

def rank_matrix(
    scores: Sequence[Sequence[float]],
    weights: Sequence[float],
    *,
    names: Sequence[str] | None = None,
    replications: int = 1000,
    seed: int = 0,
    noise: float = 0.25,
    threads: int | None = None,
    to: _Frame = "pandas",
) -> pandas.DataFrame | polars.DataFrame | pyarrow.Table:
    """Ranks a matrix's rows by a weighted composite with the Monte Carlo
    uncertainty of their ranks (``ssr rank-matrix``): row, name, nominal,
    mean, median, p05, p95, sd."""

def matrix_sensitivity(
    scores: Sequence[Sequence[float]],
    weights: Sequence[float],
    *,
    names: Sequence[str] | None = None,
    samples: int = 512,
    seed: int = 0,
    spread: float = 0.5,
    threads: int | None = None,
    to: _Frame = "pandas",
) -> pandas.DataFrame | polars.DataFrame | pyarrow.Table:
    """The Sobol indices of a matrix's column weights, normalisation,
    composite and dropped column on its ranking: the ``sensitivity`` table."""
