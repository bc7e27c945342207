"""The exceptions of ssr_model: one class per kind of Rust error.

Every exception carries the Rust error's message (``str(err)``) and, where
the Rust error has them, where the problem is:

- ``path``: a JSON Pointer into the document or policy
  (``/programmes/0/components/2/weight``), a dotted policy field
  (``status.tolerance``) or an XML location in an IATI file;
- ``line`` and ``column``: 1-based, where the parser stopped;
- ``file``: the file that was being read or written, when there was one.

Attributes a Rust error does not carry are ``None``.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence


class SsrError(Exception):
    """Base class of every error raised by ssr_model."""

    def __init__(
        self,
        message: str,
        *,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        file: Optional[str] = None,
        kind: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.file = file
        self.kind = kind

    def __reduce__(self) -> Any:  # keeps the attributes through pickle
        return (
            _rebuild,
            (type(self), self.message, self.__dict__.copy()),
        )


def _rebuild(cls: "type[SsrError]", message: str, state: "dict[str, Any]") -> "SsrError":
    err: SsrError = cls.__new__(cls)
    Exception.__init__(err, message)
    err.__dict__.update(state)
    return err


class LoadError(SsrError):
    """A portfolio document or an exchange-rate file could not be read or
    parsed.

    ``path`` is the JSON Pointer of the offending value (``""`` for the
    whole document), ``line`` and ``column`` where parsing stopped, ``kind``
    one of ``"syntax"``, ``"truncated"``, ``"data"``, ``"io"`` or
    ``"unsupported_version"``, and ``file`` the document's file name when
    it was read from a file. For a rates file (:class:`ExchangeRates`),
    ``line`` is the first bad line, the message lists every one, and
    ``kind`` is ``"data"`` or ``"io"``.
    """


class PolicyError(SsrError, ValueError):
    """A scoring or validation policy could not be read, or was refused.

    ``path`` is the JSON Pointer of the offending value when the policy
    could not be parsed, or the dotted field (``status.tolerance``) when it
    parsed but a value is out of range. The Rust policy errors carry no line
    or column, so ``line`` and ``column`` are ``None``.
    """


class ValidationError(SsrError):
    """A validation report holds error-level findings.

    Raised on demand by :meth:`ssr_model.Report.raise_for_errors`. ``path``,
    ``code`` and the message are those of the first error; ``findings``
    lists every error-level finding as ``(code, path, message)`` tuples.
    """

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        findings: Sequence[tuple[str, str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.code = code
        self.findings = list(findings)


class IatiError(SsrError):
    """An IATI file could not be read at all (unreadable, not well-formed
    XML, not an ``iati-activities`` document, or an unsupported version).

    ``file`` is the source's name and ``line`` the 1-based line of the
    problem. Problems inside a readable activity are never errors: they are
    findings of the import report (``Portfolio.import_report``).
    """


class ExportError(SsrError):
    """A table could not be built or written (CSV, Parquet). ``file`` names
    the file being written."""


class InvalidValueError(SsrError, ValueError):
    """An argument is outside its domain: a country or currency code that is
    not on its list, a sector prefix that is not digits, a date that is not
    ``YYYY-MM-DD``, an unknown table name, rows of exchange rates that
    cannot be read (``path`` ``"/N"`` is the first bad row, counted from 0;
    the message lists every one)."""


__all__ = [
    "SsrError",
    "LoadError",
    "PolicyError",
    "ValidationError",
    "IatiError",
    "ExportError",
    "InvalidValueError",
]


class SsrWarning(UserWarning):
    """Something was left out of a result and said so: e.g. money without
    an exchange rate left out of the flows table. The message counts what
    was left out and shows the first finding."""


__all__.append("SsrWarning")
