//! `ssr_model.Scorecard` and `ssr_model.Ranks`.

use std::sync::Arc;

use pyo3::prelude::*;
use ssr_model::Portfolio;
use ssr_model::score::uncertainty::RankUncertainty;
use ssr_model::{Scorecard, Scorer};

use ssr_model::tables::{Source, TableName};

use crate::errors::{Class, Error};
use crate::tables;

/// Every programme's scores under one scoring policy, and the comparison
/// across programmes. Made by :meth:`Portfolio.score` (and, with rank
/// uncertainty, :meth:`Portfolio.rank`).
///
/// ``card.table("scores")`` is the tidy long table (programme × measure,
/// with its unit); ``card.policy`` the policy as a dict, to publish beside
/// the results.
#[pyclass(name = "Scorecard", module = "ssr_model", frozen)]
pub(crate) struct PyScorecard {
    pub(crate) portfolio: Arc<Portfolio>,
    pub(crate) scorer: Arc<Scorer>,
    pub(crate) card: Arc<Scorecard>,
}

impl PyScorecard {
    pub(crate) fn new(portfolio: Arc<Portfolio>, scorer: Scorer, card: Scorecard) -> Self {
        PyScorecard {
            portfolio,
            scorer: Arc::new(scorer),
            card: Arc::new(card),
        }
    }
}

/// `value` as JSON text.
fn json(value: &impl serde::Serialize) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| Error::new(Class::Export, e.to_string()).into())
}

/// `value` as Python objects (dicts, lists, strings, numbers, `None`),
/// shaped as its JSON is: no JSON text in between.
fn to_python<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| Error::new(Class::Export, e.to_string()).into())
}

#[pymethods]
impl PyScorecard {
    fn __len__(&self) -> usize {
        self.card.programmes.len()
    }

    fn __repr__(&self) -> String {
        let ranked = self
            .card
            .comparison
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .count();
        format!(
            "<ssr_model.Scorecard: {} programmes, {ranked} ranked>",
            self.card.programmes.len()
        )
    }

    /// The scoring policy the scores were computed under, as a dict (the
    /// JSON policy format; ``p.score(policy=card.policy)`` re-runs it).
    #[getter]
    fn policy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.scorer.policy())
    }

    /// Table ``name`` as a DataFrame: ``to="pandas"`` (the default),
    /// ``"polars"`` or ``"arrow"``.
    ///
    /// - ``"scores"`` (the default): one row per programme × measure, with
    ///   the measure's ``scale`` (scores are fractions 0–1, as in the JSON
    ///   and CSV of ``ssr score``);
    /// - ``"ranks"``: one row per programme of the comparison: nominal rank
    ///   or the reason it is not ranked, composite, coverage (and the Monte
    ///   Carlo statistics when the card comes from :meth:`Portfolio.rank`);
    /// - ``"objective_scores"``: one row per objective of each programme,
    ///   with the level it is measured at, its progress and coverage;
    /// - ``"coherence"``: the composite's coherence: Pearson and Spearman
    ///   correlations between dimensions and with the composite, Cronbach's
    ///   alpha and the first principal component's share, each with the
    ///   programmes it used (``rows``) of those compared (``programmes``);
    /// - ``"outliers"``: every raw value the policy's outlier treatment
    ///   changed (programme, dimension, before, after, method); empty
    ///   unless the policy's ``audit.outliers`` treats them;
    /// - ``"flows"``: yearly money per programme, recipient and transaction
    ///   type, in the policy's reporting currency;
    /// - any other table of the portfolio (:meth:`Portfolio.table`).
    #[pyo3(signature = (name="scores", *, to="pandas"))]
    fn table(&self, py: Python<'_>, name: &str, to: &str) -> PyResult<Py<PyAny>> {
        let name = tables::table_name(name)?;
        if name == TableName::Findings {
            return Err(tables::needs_more(name).into());
        }
        let source = Source::new(&self.portfolio, &self.scorer).with_scorecard(&self.card);
        let table = tables::table(py, &source, name)?;
        tables::to_python(py, &table, to)
    }

    /// The whole scorecard (every programme card, the comparison, the
    /// policy) as a JSON string, as ``ssr score --format json`` writes it.
    fn to_json(&self) -> PyResult<String> {
        json(&*self.card)
    }
}

/// Programmes ranked, with the Monte Carlo uncertainty of their ranks.
/// Made by :meth:`Portfolio.rank`.
///
/// ``ranks.table()`` has one row per ranked programme: nominal rank, mean,
/// median, 5th and 95th percentile and standard deviation of the rank.
/// ``ranks.scorecard`` is the scorecard the ranks were computed from.
#[pyclass(name = "Ranks", module = "ssr_model", frozen)]
pub(crate) struct PyRanks {
    pub(crate) scorecard: Py<PyScorecard>,
    pub(crate) uncertainty: Arc<RankUncertainty>,
}

impl PyRanks {
    /// The ranks of a card made by `Scorer::rank`; refused (a policy error)
    /// for a card without rank uncertainty.
    pub(crate) fn new(py: Python<'_>, scorecard: PyScorecard) -> PyResult<Self> {
        let uncertainty = scorecard.card.uncertainty.clone().ok_or_else(|| {
            Error::new(
                Class::Policy,
                "a scorecard without rank uncertainty".to_owned(),
            )
        })?;
        Ok(PyRanks {
            scorecard: Py::new(py, scorecard)?,
            uncertainty: Arc::new(uncertainty),
        })
    }
}

#[pymethods]
impl PyRanks {
    fn __len__(&self) -> usize {
        self.uncertainty.programmes.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<ssr_model.Ranks: {} programmes ranked, {} replications, seed {}>",
            self.uncertainty.programmes.len(),
            self.uncertainty.replications,
            self.uncertainty.seed
        )
    }

    /// The scorecard the ranks come from (its comparison holds the nominal
    /// ranks and the programmes left unranked, with the reason).
    #[getter]
    fn scorecard(&self, py: Python<'_>) -> Py<PyScorecard> {
        self.scorecard.clone_ref(py)
    }

    /// The ranks as a DataFrame (the ``ranks`` table): per programme of the
    /// comparison, the nominal rank (or why it is not ranked), composite,
    /// coverage, and the mean, median, 5th and 95th percentile and standard
    /// deviation of its rank over the replications. ``to="pandas"`` (the
    /// default), ``"polars"`` or ``"arrow"``.
    #[pyo3(signature = (*, to="pandas"))]
    fn table(&self, py: Python<'_>, to: &str) -> PyResult<Py<PyAny>> {
        let card = self.scorecard.get();
        tables::to_python(py, &ssr_model::tables::ranks(&card.card), to)
    }

    /// The Monte Carlo replications run.
    #[getter]
    fn replications(&self) -> usize {
        self.uncertainty.replications
    }

    /// The seed of the generator.
    #[getter]
    fn seed(&self) -> u64 {
        self.uncertainty.seed
    }
}
