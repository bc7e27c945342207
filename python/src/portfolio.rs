//! `ssr_model.Portfolio` and the functions that make one: `load`, `loads`,
//! `sample`, `read_iati`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::interrupt::interruptible;
use pyo3::types::PyDict;
use ssr_model::html::HtmlReport;
use ssr_model::interop::iati::{Corpus, Filter, ImportOptions};
use ssr_model::tables::{Existing, Format, Partition, Source, TableName};
use ssr_model::{Country, Portfolio, document, samples};

use crate::errors::{Class, Error};
use crate::options::{self, ScorerArgs};
use crate::rates::PyExchangeRates;
use crate::report::PyReport;
use crate::scorecard::{PyRanks, PyScorecard};
use crate::tables;

/// A portfolio of SSR programmes.
///
/// Made by :func:`ssr_model.load`, :func:`ssr_model.loads`,
/// :func:`ssr_model.sample` or :func:`ssr_model.read_iati`. Immutable: every
/// method returns a new object.
///
/// ``len(p)`` is the number of programmes. ``p.validate()`` checks it,
/// ``p.score()`` scores it, ``p.rank()`` ranks it with the Monte Carlo
/// uncertainty of the ranks, ``p.table(name)`` gives one of its tables as a
/// DataFrame and ``p.to_parquet(folder)`` writes them all.
#[pyclass(name = "Portfolio", module = "ssr_model", frozen)]
pub(crate) struct PyPortfolio {
    pub(crate) inner: Arc<Portfolio>,
    import_report: Option<Py<PyReport>>,
}

impl PyPortfolio {
    pub(crate) fn new(inner: Portfolio) -> Self {
        PyPortfolio {
            inner: Arc::new(inner),
            import_report: None,
        }
    }
}

#[pymethods]
impl PyPortfolio {
    /// The portfolio's name, or None.
    #[getter]
    fn name(&self) -> Option<String> {
        self.inner.name.clone()
    }

    /// The findings of the IATI import that made this portfolio (a
    /// :class:`Report`), or None when it was not imported from IATI.
    #[getter]
    fn import_report(&self, py: Python<'_>) -> Option<Py<PyReport>> {
        self.import_report.as_ref().map(|r| r.clone_ref(py))
    }

    fn __len__(&self) -> usize {
        self.inner.programmes.len()
    }

    fn __repr__(&self) -> String {
        match &self.inner.name {
            Some(name) => format!(
                "<ssr_model.Portfolio {name:?}: {} programmes>",
                self.inner.programmes.len()
            ),
            None => format!(
                "<ssr_model.Portfolio: {} programmes>",
                self.inner.programmes.len()
            ),
        }
    }

    /// Checks the portfolio and returns every problem at once, as a
    /// :class:`Report` of findings (code, severity, JSON Pointer path,
    /// message, help).
    ///
    /// ``as_of`` (``"YYYY-MM-DD"`` or a ``datetime.date``) turns on the
    /// time-dependent checks; without it they are skipped, so results never
    /// depend on the clock. ``policy`` is a validation policy: a path to a
    /// JSON file or a dict (levels per code, thresholds).
    ///
    /// Raises :class:`PolicyError` for a policy that cannot be read,
    /// :class:`InvalidValueError` for a malformed date. Findings are never
    /// raised: call :meth:`Report.raise_for_errors` for that.
    #[pyo3(signature = (*, as_of=None, policy=None))]
    fn validate(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyReport> {
        let policy = options::validation_policy(policy, as_of)?;
        let portfolio = Arc::clone(&self.inner);
        let report = interruptible(py, move || {
            ssr_model::validate::validate(&portfolio, &policy)
        })?;
        Ok(PyReport::new(report))
    }

    /// Scores every programme: indicator progress, component and programme
    /// scores, risk, stakeholders, evaluations, finance, and the comparison
    /// across programmes. Returns a :class:`Scorecard`.
    ///
    /// ``policy`` is a scoring policy (a path to a JSON file or a dict; the
    /// documented defaults when None); ``as_of`` the date it is judged at:
    /// only what is dated on or before it counts (transactions,
    /// evaluations, baselines, actuals; an undated actual of a period still
    /// open then is ``interim``), as ``ScoringPolicy.as_of`` documents.
    /// ``currency`` (ISO 4217) gives every programme's finance measures in
    /// that currency, overriding the policy's ``finance.currency``;
    /// ``rates`` (an :class:`ExchangeRates`) converts money in other
    /// currencies. Money without a usable rate is left out of the sums and
    /// reported as a ``no_exchange_rate`` finance finding, never converted
    /// at a guessed rate (``ssr score --currency --rates --rates-base``).
    ///
    /// Raises :class:`PolicyError` (with the JSON Pointer ``path`` of the
    /// offending value) for a policy that cannot be read or is refused,
    /// :class:`InvalidValueError` for an unknown currency.
    #[pyo3(signature = (policy=None, *, as_of=None, rates=None, currency=None))]
    fn score<'py>(
        &self,
        py: Python<'py>,
        policy: Option<Bound<'py, PyAny>>,
        as_of: Option<Bound<'py, PyAny>>,
        rates: Option<Bound<'py, PyExchangeRates>>,
        currency: Option<String>,
    ) -> PyResult<PyScorecard> {
        let args = ScorerArgs {
            policy,
            as_of,
            rates,
            currency,
            ..ScorerArgs::default()
        };
        self.scorecard(py, &args, false)
    }

    /// Ranks the programmes, with the Monte Carlo uncertainty of their ranks
    /// (Saisana, Saltelli & Tarantola 2005): nominal rank, mean, median, 5th
    /// and 95th percentile and standard deviation. Returns :class:`Ranks`.
    ///
    /// ``replications`` and ``seed`` override the policy's ``uncertainty``
    /// section (defaults 1000 and 0); the same seed gives the same ranks bit
    /// for bit. Programmes without enough evidence are not ranked (see
    /// ``Ranks.scorecard.table("scores")``, measure ``not_ranked``).
    /// ``rates`` and ``currency`` as in :meth:`score`.
    #[pyo3(signature = (replications=None, seed=None, *, policy=None, as_of=None, rates=None, currency=None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "keyword arguments of a Python method"
    )]
    fn rank<'py>(
        &self,
        py: Python<'py>,
        replications: Option<usize>,
        seed: Option<u64>,
        policy: Option<Bound<'py, PyAny>>,
        as_of: Option<Bound<'py, PyAny>>,
        rates: Option<Bound<'py, PyExchangeRates>>,
        currency: Option<String>,
    ) -> PyResult<PyRanks> {
        let args = ScorerArgs {
            policy,
            as_of,
            replications,
            seed,
            currency,
            rates,
            ..ScorerArgs::default()
        };
        PyRanks::new(py, self.scorecard(py, &args, true)?)
    }

    /// Which of the composite's choices drive the ranks: the first-order and
    /// total Sobol indices (Saltelli 2010, Jansen 1999), with 95 % bootstrap
    /// intervals, of each factor of the policy's ``sensitivity`` section
    /// (without one, the standard factors: each weighted dimension's weight
    /// from ½ to 1½ times its own, the normalisation, the composite, leaving
    /// one dimension out) on the mean absolute rank shift and on each ranked
    /// programme's rank and composite. Returns the ``sensitivity`` table,
    /// one row per factor and output (``factor``, ``output``,
    /// ``s_first``, ``s_first_low``, ``s_first_high``, ``s_total``,
    /// ``s_total_low``, ``s_total_high``, …), as ``to="pandas"`` (the
    /// default), ``"polars"`` or ``"arrow"``.
    ///
    /// ``samples`` and ``seed`` override the section's (defaults 512 and
    /// 0); the same seed gives the same indices bit for bit. Raises
    /// :class:`PolicyError` for a policy that cannot be read or is refused.
    #[pyo3(signature = (samples=None, seed=None, *, policy=None, as_of=None, to="pandas"))]
    fn sensitivity<'py>(
        &self,
        py: Python<'py>,
        samples: Option<usize>,
        seed: Option<u64>,
        policy: Option<Bound<'py, PyAny>>,
        as_of: Option<Bound<'py, PyAny>>,
        to: &str,
    ) -> PyResult<Py<PyAny>> {
        crate::frames::check(to)?;
        let args = ScorerArgs {
            policy,
            as_of,
            sensitivity: Some((samples, seed)),
            ..ScorerArgs::default()
        };
        let scorer = args.scorer()?;
        let portfolio = Arc::clone(&self.inner);
        let result = py.detach(|| scorer.sensitivity(&portfolio));
        let table = result.map_or_else(
            || ssr_model::tables::Table::empty(TableName::Sensitivity),
            |r| ssr_model::tables::sensitivity(&r),
        );
        tables::to_python(py, &table, to)
    }

    /// Table ``name`` of the portfolio as a DataFrame: ``to="pandas"`` (the
    /// default), ``"polars"`` or ``"arrow"`` (a ``pyarrow.Table``).
    ///
    /// Tables: programmes, recipients, sectors, stakeholders, components,
    /// objectives, indicators, periods, breakdowns, challenges, mitigations,
    /// evaluations, transactions, budgets, indicator_periods (one wide row
    /// per indicator period), flows (yearly money per recipient in its
    /// own currency, whole and SSR; converted beside it into ``currency``
    /// through ``rates`` when given, with an :class:`SsrWarning` where no
    /// rate applies), funding_links, and the attributes a funding analyst
    /// filters by: aid_types, policy_markers, humanitarian_scopes,
    /// locations, administrative_areas and related_activities (the
    /// programmes and transactions tables carry the reporting organisation,
    /// flow type, finance type, aid types, tied status and humanitarian
    /// flag). Every table carries ``programme_id`` and the ids it refers
    /// to, so tables join. Unknown values are null, never a default.
    ///
    /// Findings, scores, objective scores, ranks, coherence and outliers
    /// need more than the portfolio: ``p.validate().table()``,
    /// ``p.score().table("scores")``, ``p.score().table("objective_scores")``,
    /// ``p.rank().table()``, ``p.score().table("coherence")``,
    /// ``p.score().table("outliers")``. Raises :class:`InvalidValueError` for an
    /// unknown name or currency.
    #[pyo3(signature = (name, *, to="pandas", rates=None, currency=None))]
    fn table<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        to: &str,
        rates: Option<Bound<'py, PyExchangeRates>>,
        currency: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let name = tables::table_name(name)?;
        let args = ScorerArgs {
            rates,
            currency,
            ..ScorerArgs::default()
        };
        let scorer = args.scorer()?;
        if !name.from_portfolio_alone() {
            return Err(tables::needs_more(name).into());
        }
        let table = tables::table(py, &Source::new(&self.inner, &scorer), name)?;
        tables::to_python(py, &table, to)
    }

    /// The programme-year panel as a DataFrame: every programme scored as
    /// of 31 December of each year, one row per programme and year
    /// (composite, rank, progress by level, status counts, money of the
    /// year and to date, the SSR part of the money paid that year, the
    /// recipients with their shares). ``to`` as in :meth:`table`.
    ///
    /// ``years`` is one year or any iterable of years: the panel runs from
    /// the smallest to the largest (``range(2018, 2023)`` and
    /// ``[2018, 2022]`` both give 2018–2022). ``uncertainty=True`` ranks each
    /// year with its Monte Carlo uncertainty (``rank_p05``, ``rank_p95``);
    /// ``policy``, ``replications``, ``seed``, ``rates`` and ``currency`` as
    /// in :meth:`rank` (``ssr panel``).
    ///
    /// Raises :class:`InvalidValueError` when ``years`` is empty or not
    /// years, :class:`PolicyError` for a policy that cannot be read.
    #[pyo3(signature = (years, *, policy=None, to="pandas", uncertainty=false, replications=None, seed=None, rates=None, currency=None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "keyword arguments of a Python method"
    )]
    fn panel<'py>(
        &self,
        py: Python<'py>,
        years: Bound<'py, PyAny>,
        policy: Option<Bound<'py, PyAny>>,
        to: &str,
        uncertainty: bool,
        replications: Option<usize>,
        seed: Option<u64>,
        rates: Option<Bound<'py, PyExchangeRates>>,
        currency: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let years = year_span(&years)?;
        let args = ScorerArgs {
            policy,
            replications,
            seed,
            currency,
            rates,
            ..ScorerArgs::default()
        };
        let scorer = args.scorer()?;
        let portfolio = Arc::clone(&self.inner);
        let table = py.detach(|| {
            let rows = if uncertainty {
                scorer.ranked_panel(&portfolio, years)
            } else {
                scorer.panel(&portfolio, years)
            };
            ssr_model::tables::panel(&rows)
        });
        tables::to_python(py, &table, to)
    }

    /// Writes every table (or those named in ``tables``) as Parquet files
    /// into ``folder`` (created when missing), one ``NAME.parquet`` each,
    /// and returns ``{name: path}``.
    ///
    /// Parquet keeps the types: dates as dates, money as decimal(19, 4)
    /// beside a currency column, codes as dictionary strings. Findings are
    /// computed under ``validation_policy``; scores, ranks and flows under
    /// ``policy`` (with its Monte Carlo settings, overridden by
    /// ``replications`` and ``seed``), in ``currency`` through ``rates``
    /// (as in :meth:`score`); both judged at ``as_of`` when given. Money
    /// the flows table leaves out for want of a rate is announced with an
    /// :class:`SsrWarning`.
    ///
    /// Each file appears whole or not at all (written under a temporary
    /// name, renamed into place when complete), and ``manifest.csv`` lists
    /// what this call wrote. A table that already exists in ``folder``
    /// stops the call before anything is written, unless
    /// ``overwrite=True``. Ctrl-C raises ``KeyboardInterrupt`` promptly and
    /// the table being written is abandoned (no temporary file is left).
    ///
    /// ``partition="year"`` writes the tables that have a year
    /// (transactions, budgets, flows, panel) as folders in the Hive layout,
    /// ``NAME/year=2019/part-0.parquet`` (rows of an unknown year under
    /// ``year=__HIVE_DEFAULT_PARTITION__``), which DuckDB, Polars, Spark and
    /// pyarrow read as one table with a ``year`` column; the other tables
    /// stay one file, and the manifest's ``partition`` column says which.
    ///
    /// Raises :class:`ExportError` (with ``file``) when a file cannot be
    /// written or already exists, :class:`PolicyError` for a policy that
    /// cannot be read.
    #[pyo3(signature = (folder, **options), text_signature = "(self, folder, *, tables=None, overwrite=False, partition=None, policy=None, validation_policy=None, as_of=None, replications=None, seed=None, rates=None, currency=None)")]
    fn to_parquet(
        &self,
        py: Python<'_>,
        folder: PathBuf,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyDict>> {
        self.export(py, &folder, options, Format::Parquet)
    }

    /// Writes every table (or those named in ``tables``) as CSV files into
    /// ``folder``, one ``NAME.csv`` each, and returns ``{name: path}``. The
    /// same tables and arguments as :meth:`to_parquet`; unknown values are
    /// empty cells, money exact decimals.
    #[pyo3(signature = (folder, **options), text_signature = "(self, folder, *, tables=None, overwrite=False, policy=None, validation_policy=None, as_of=None, replications=None, seed=None, rates=None, currency=None)")]
    fn to_csv(
        &self,
        py: Python<'_>,
        folder: PathBuf,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyDict>> {
        self.export(py, &folder, options, Format::Csv)
    }

    /// The portfolio's report as one self-contained HTML page (a str), as
    /// ``ssr report --format html`` writes it: ranks with their 5–95 %
    /// intervals; per programme its dimensions, progress, risk matrix,
    /// stakeholder grid and money; the validation findings by code. Charts
    /// are SVG with text alternatives; nothing is fetched from elsewhere.
    /// Keyword arguments as in :meth:`rank`; validation is judged at
    /// ``as_of`` under the default validation policy.
    #[pyo3(signature = (*, replications=None, seed=None, policy=None, as_of=None, rates=None, currency=None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "keyword arguments of a Python method"
    )]
    fn to_html<'py>(
        &self,
        py: Python<'py>,
        replications: Option<usize>,
        seed: Option<u64>,
        policy: Option<Bound<'py, PyAny>>,
        as_of: Option<Bound<'py, PyAny>>,
        rates: Option<Bound<'py, PyExchangeRates>>,
        currency: Option<String>,
    ) -> PyResult<String> {
        let validation = options::validation_policy(None, as_of.as_ref())?;
        // The ranks as `rank` makes them; the page only adds the findings.
        let ranked = self.rank(py, replications, seed, policy, as_of, rates, currency)?;
        let ranked = ranked.scorecard.get();
        let (portfolio, scorer, card) = (
            Arc::clone(&ranked.portfolio),
            Arc::clone(&ranked.scorer),
            Arc::clone(&ranked.card),
        );
        interruptible(py, move || {
            let findings = ssr_model::validate::validate(&portfolio, &validation);
            HtmlReport::new(&portfolio, &card)
                .with_findings(&findings)
                .with_scorer(&scorer)
                .to_html()
        })
    }

    /// The portfolio as a versioned JSON document (a str).
    #[pyo3(signature = (*, pretty=false))]
    fn to_json(&self, pretty: bool) -> PyResult<String> {
        let out = if pretty {
            document::to_string_pretty(&self.inner)
        } else {
            document::to_string(&self.inner)
        };
        out.map_err(|e| Error::new(Class::Export, e.to_string()).into())
    }

    /// Writes the portfolio as a versioned JSON document to ``path``.
    fn save(&self, path: PathBuf) -> PyResult<()> {
        let name = path.display().to_string();
        let text = document::to_string_pretty(&self.inner)
            .map_err(|e| Error::new(Class::Export, e.to_string()).in_file(&name))?;
        std::fs::write(&path, text).map_err(|e| {
            Error::new(Class::Export, format!("cannot write {name}: {e}"))
                .in_file(&name)
                .into()
        })
    }
}

/// The keyword arguments of `to_parquet` and `to_csv` (one signature for
/// both, written once here rather than twice in the method lists).
#[derive(Default)]
struct ExportOptions<'py> {
    tables: Option<Vec<String>>,
    overwrite: bool,
    partition: Option<String>,
    validation_policy: Option<Bound<'py, PyAny>>,
    scorer: ScorerArgs<'py>,
}

impl<'py> ExportOptions<'py> {
    /// The options from the keyword arguments; an unknown keyword is a
    /// `TypeError`, as for any Python function, and None means "not given".
    fn from_kwargs(kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Self> {
        let mut out = ExportOptions::default();
        for (key, value) in kwargs.into_iter().flat_map(|k| k.iter()) {
            let key: String = key.extract()?;
            let wrong = |e: PyErr| PyTypeError::new_err(format!("argument '{key}': {e}"));
            let given = (!value.is_none()).then_some(value);
            let s = &mut out.scorer;
            match key.as_str() {
                "tables" => out.tables = given.map(|v| v.extract()).transpose().map_err(wrong)?,
                "overwrite" => {
                    out.overwrite =
                        given.map(|v| v.extract()).transpose().map_err(wrong)? == Some(true);
                }
                "partition" => {
                    out.partition = given.map(|v| v.extract()).transpose().map_err(wrong)?;
                }
                "policy" => s.policy = given,
                "validation_policy" => out.validation_policy = given,
                "as_of" => s.as_of = given,
                "replications" => {
                    s.replications = given.map(|v| v.extract()).transpose().map_err(wrong)?
                }
                "seed" => s.seed = given.map(|v| v.extract()).transpose().map_err(wrong)?,
                "currency" => s.currency = given.map(|v| v.extract()).transpose().map_err(wrong)?,
                "rates" => {
                    s.rates = given
                        .map(|v| v.cast_into::<PyExchangeRates>())
                        .transpose()
                        .map_err(|e| wrong(e.into()))?;
                }
                _ => {
                    return Err(PyTypeError::new_err(format!(
                        "unexpected keyword argument '{key}'"
                    )));
                }
            }
        }
        Ok(out)
    }
}

impl PyPortfolio {
    /// Writes the tables the keyword arguments `kwargs` ask for.
    fn export(
        &self,
        py: Python<'_>,
        folder: &std::path::Path,
        kwargs: Option<&Bound<'_, PyDict>>,
        format: Format,
    ) -> PyResult<Py<PyDict>> {
        let options = ExportOptions::from_kwargs(kwargs)?;
        let names = match &options.tables {
            None => TableName::ALL.to_vec(),
            Some(names) => names
                .iter()
                .map(|n| tables::table_name(n))
                .collect::<Result<Vec<_>, _>>()?,
        };
        let scorer = options.scorer.scorer()?;
        let validation = options::validation_policy(
            options.validation_policy.as_ref(),
            options.scorer.as_of.as_ref(),
        )?;
        let existing = if options.overwrite {
            Existing::Replace
        } else {
            Existing::Refuse
        };
        let partition = match (options.partition.as_deref(), format) {
            (None | Some("none"), _) => Partition::None,
            (Some("year"), Format::Parquet) => Partition::Year,
            (Some("year"), _) => {
                return Err(Error::value("partition='year' is for to_parquet only").into());
            }
            (Some(other), _) => {
                return Err(Error::value(format!(
                    "partition: expected 'year' or None, got {other:?}"
                ))
                .into());
            }
        };
        let portfolio = Arc::clone(&self.inner);
        let folder = folder.to_path_buf();
        // Raised when Ctrl-C interrupts the call: the writer then abandons
        // the table it is writing (removing its temporary file) instead of
        // running on to the end in the background.
        let stop = Arc::new(AtomicBool::new(false));
        let stop_writer = Arc::clone(&stop);
        let result = interruptible(py, move || {
            let source = Source::new(&portfolio, &scorer)
                .with_validation(validation)
                .with_stop(&stop_writer);
            match partition {
                Partition::None => source.write_all(&folder, &names, format, existing),
                _ => source.write_partitioned(&folder, &names, existing, partition),
            }
        });
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        let written = result?.map_err(|e| tables::write_error(&e))?;
        tables::warn_left_out(py, &written.left_out)?;
        let out = PyDict::new(py);
        for (name, path) in written.files {
            out.set_item(name.as_str(), path)?;
        }
        Ok(out.unbind())
    }
}

/// The years from the smallest to the largest of `years`: one int or an
/// iterable of ints.
fn year_span(years: &Bound<'_, PyAny>) -> PyResult<std::ops::RangeInclusive<i32>> {
    let all: Vec<i32> = match years.extract::<i32>() {
        Ok(one) => vec![one],
        Err(_) => years
            .try_iter()
            .and_then(|it| it.map(|y| y.and_then(|y| y.extract::<i32>())).collect())
            .map_err(|_| Error::value("years: expected a year or an iterable of years"))?,
    };
    match (all.iter().min(), all.iter().max()) {
        (Some(&a), Some(&b)) => Ok(a..=b),
        _ => Err(Error::value("years: expected at least one year").into()),
    }
}

/// Loads a portfolio document (JSON, schema versions 1 and 2) from ``path``.
///
/// Raises :class:`LoadError` with the JSON Pointer ``path`` of the offending
/// value, the ``line`` and ``column`` where parsing stopped and the ``file``.
#[pyfunction]
pub(crate) fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyPortfolio> {
    let name = path.display().to_string();
    let result = py.detach(|| {
        std::fs::File::open(&path)
            .map_err(ssr_model::document::LoadError::from)
            .and_then(|f| document::from_reader(std::io::BufReader::new(f)))
    });
    let portfolio = result.map_err(|e| Error::load(&e, Some(&name)))?;
    Ok(PyPortfolio::new(portfolio))
}

/// Parses a portfolio document from a JSON string.
///
/// Raises :class:`LoadError` with the JSON Pointer ``path``, ``line`` and
/// ``column`` of the problem.
#[pyfunction]
pub(crate) fn loads(text: &str) -> PyResult<PyPortfolio> {
    let portfolio = document::from_str(text).map_err(|e| Error::load(&e, None))?;
    Ok(PyPortfolio::new(portfolio))
}

/// The embedded sample portfolio: seven illustrative SSR programmes
/// (Liberia, Sierra Leone, Bosnia and Herzegovina, Tunisia, Colombia, Mali,
/// South Africa). Its figures are illustrative, not data.
#[pyfunction]
pub(crate) fn sample() -> PyPortfolio {
    PyPortfolio::new(samples::portfolio())
}

/// A country given as ISO 3166-1 alpha-3 (``"MLI"``) or alpha-2 (``"ML"``,
/// ``"XK"`` Kosovo).
fn country(code: &str) -> Result<Country, Error> {
    if code.len() == 2 {
        Country::from_alpha2(code).ok_or_else(|| {
            Error::value(format!(
                "invalid country code: not on IATI's Country codelist: {code:?}"
            ))
        })
    } else {
        Country::new(code).map_err(Error::value)
    }
}

/// The import options of `read_iati`.
fn import_options(
    sector: &[String],
    country_code: Option<&str>,
    region: Option<&str>,
    reporting_org: Option<&str>,
    language: Option<&str>,
) -> Result<ImportOptions, Error> {
    let mut filter = Filter::new();
    for prefix in sector {
        filter = filter.with_sector_prefix(prefix).map_err(Error::value)?;
    }
    if let Some(code) = country_code {
        filter = filter.with_country(country(code)?);
    }
    if let Some(code) = region {
        filter = filter.with_region(code.parse::<ssr_model::Region>().map_err(Error::value)?);
    }
    if let Some(reference) = reporting_org {
        filter = filter.with_reporting_org(reference);
    }
    let mut options = ImportOptions::new().with_filter(filter);
    if let Some(lang) = language {
        options = options.with_language(lang);
    }
    Ok(options)
}

/// The `sector` argument: a DAC prefix as a string (`"152"`), a list of
/// them, or an int taken as its digits (`152` is `"152"`); anything else is
/// refused in Python's terms.
fn sector_prefixes(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    if let Some(one) = sector_prefix(value)? {
        return Ok(vec![one]);
    }
    let mapping = value.cast::<pyo3::types::PyDict>().is_ok();
    let refused = || {
        PyTypeError::new_err(format!(
            "sector: expected a DAC sector prefix as a string such as \"152\", or a list of them, found {}",
            value.repr().map(|r| r.to_string()).unwrap_or_default()
        ))
    };
    // A dict iterates over its keys: refused rather than read as them.
    if mapping {
        return Err(refused());
    }
    let items = value.try_iter().map_err(|_| refused())?;
    let mut out = Vec::new();
    for item in items {
        out.push(sector_prefix(&item?)?.ok_or_else(refused)?);
    }
    Ok(out)
}

/// One prefix: a string, or an int (not a bool) as its digits.
fn sector_prefix(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if let Ok(text) = value.cast::<pyo3::types::PyString>() {
        return Ok(Some(text.to_str()?.to_owned()));
    }
    if value.cast::<pyo3::types::PyBool>().is_err()
        && let Ok(number) = value.cast::<pyo3::types::PyInt>()
    {
        return Ok(Some(number.to_string()));
    }
    Ok(None)
}

/// One or several paths.
#[derive(FromPyObject)]
pub(crate) enum Paths {
    One(PathBuf),
    Many(Vec<PathBuf>),
}

/// Imports IATI 2.01–2.03 activity files into one portfolio.
///
/// ``paths`` is a file or folder, or a list of them (every ``*.xml`` under a
/// folder, recursively). Files are read in parallel on every core,
/// activities published twice (one ``iati-identifier``) are kept once (the
/// latest ``last-updated-datetime``). Filters: ``sector`` (a DAC sector
/// prefix such as ``"152"``, or a list), ``country`` (alpha-2 or alpha-3),
/// ``region`` (IATI Region code), ``reporting_org``; ``language`` picks the
/// narratives.
///
/// Raises :class:`IatiError` (with ``file`` and ``line``) when a path is
/// missing, a file cannot be read or is not an IATI activity file (an HTML
/// page, an empty or truncated file), or no file was found: as ``ssr
/// import-iati`` exits 2, nothing is imported then. Problems inside the
/// activities are findings, not errors: a file that imports with findings
/// warns once (an :class:`SsrWarning` counting them by code) and keeps them
/// on ``portfolio.import_report``. Raises :class:`InvalidValueError` for a
/// malformed filter, ``TypeError`` for a ``sector`` that is not a string,
/// an int or a list of them.
#[pyfunction]
#[pyo3(signature = (paths, *, sector=None, country=None, region=None, reporting_org=None, language=None))]
pub(crate) fn read_iati(
    py: Python<'_>,
    paths: Paths,
    sector: Option<&Bound<'_, PyAny>>,
    country: Option<String>,
    region: Option<String>,
    reporting_org: Option<String>,
    language: Option<String>,
) -> PyResult<PyPortfolio> {
    let sector = sector_prefixes(sector)?;
    let paths = match paths {
        Paths::One(p) => vec![p],
        Paths::Many(ps) => ps,
    };
    let options = import_options(
        &sector,
        country.as_deref(),
        region.as_deref(),
        reporting_org.as_deref(),
        language.as_deref(),
    )?;
    let import = py.detach(move || {
        paths
            .iter()
            .fold(Corpus::new(options), |corpus, p| corpus.with_path(p))
            .import()
    });
    // The library's rule of which inputs fail an import (the CLI's exit 2).
    let import = import
        .into_checked()
        .map_err(|e| Error::import_failure(&e))?;
    warn_findings(py, import.report.findings())?;
    let report = PyReport::new(import.report);
    Ok(PyPortfolio {
        inner: Arc::new(import.portfolio),
        import_report: Some(Py::new(py, report)?),
    })
}

/// Warns once about the findings of an import, counted by code, when there
/// are any.
fn warn_findings(py: Python<'_>, findings: &[ssr_model::Finding]) -> PyResult<()> {
    if findings.is_empty() {
        return Ok(());
    }
    let summary = ssr_model::diagnostics::Summary::new(findings, 0);
    let category = py.import("ssr_model._errors")?.getattr("SsrWarning")?;
    let message = std::ffi::CString::new(format!(
        "read_iati: {} import findings ({}): {}; every one in portfolio.import_report",
        summary.total(),
        summary.counts(),
        summary.by_code()
    ))
    .unwrap_or_default();
    PyErr::warn(py, &category, &message, 1)
}

impl PyPortfolio {
    /// The portfolio scored by the scorer `args` make, ranked with
    /// uncertainty when `ranked` (`Scorer::rank`), interruptibly.
    fn scorecard(
        &self,
        py: Python<'_>,
        args: &ScorerArgs<'_>,
        ranked: bool,
    ) -> PyResult<PyScorecard> {
        let scorer = args.scorer()?;
        let portfolio = Arc::clone(&self.inner);
        let (p, s) = (Arc::clone(&portfolio), scorer.clone());
        let card = interruptible(
            py,
            move || {
                if ranked { s.rank(&p) } else { s.scorecard(&p) }
            },
        )?;
        Ok(PyScorecard::new(portfolio, scorer, card))
    }
}
