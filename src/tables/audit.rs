//! The tables of the composite's audit: coherence and treated outliers.

use std::collections::HashMap;

use crate::ProgrammeId;
use crate::score::Scorecard;
use crate::score::coherence::{Coherence, Correlation};

use super::Kind::{Code, Float, Integer};
use super::TableName;
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

pub(super) const COHERENCE: &[C] = &[
    C::new(
        "statistic",
        Code,
        "correlation, cronbach_alpha or first_component_share (of the standardised columns' variance)",
    ),
    C::new(
        "dimension_a",
        Code,
        "the (first) dimension of a correlation; empty for alpha and the first component",
    ),
    C::new(
        "dimension_b",
        Code,
        "the other dimension of a correlation, or `composite`; empty for alpha and the first component",
    ),
    C::new(
        "method",
        Code,
        "pearson or spearman (ranks, ties averaged) for a correlation; empty otherwise",
    ),
    C::new(
        "value",
        Float,
        "the statistic; empty when unknown (fewer than three rows, or a constant column)",
    ),
    C::new(
        "rows",
        Integer,
        "the programmes (rows) it used: with both values known for a correlation, with every dimension known otherwise",
    ),
    C::new(
        "programmes",
        Integer,
        "the programmes (rows) compared: `rows` over this is the statistic's coverage",
    ),
];

pub(super) const OUTLIERS: &[C] = &[
    PROGRAMME_ID,
    PROGRAMME_NAME,
    C::new("dimension", Code, "the dimension treated"),
    C::new("before", Float, "the raw value"),
    C::new(
        "after",
        Float,
        "the value normalised in its place (on the raw scale when winsorised; a log when log-transformed)",
    ),
    C::new("method", Code, "winsorised or log"),
];

/// The coherence table (see [`TableName::Coherence`]) of a scorecard: the
/// statistics of its comparison's weighted dimensions over the ranked
/// programmes ([`ComparisonCoherence`](crate::score::audit::ComparisonCoherence)).
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables;
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let t = tables::coherence(&card);
/// let k = card.comparison.audit.coherence.dimensions.len();
/// // Two correlations per dimension with the composite and per pair, alpha, the first component.
/// assert_eq!(t.rows(), 2 * k + k * (k - 1) + 2);
/// ```
pub fn coherence(card: &Scorecard) -> Table {
    let c = &card.comparison.audit.coherence;
    let names: Vec<&str> = c.dimensions.iter().map(|d| d.as_str()).collect();
    coherence_of(&names, &c.statistics, c.programmes.len())
}

/// The coherence table (see [`TableName::Coherence`]) of any statistics:
/// `names` of the columns (a missing name reads `column_i`) and the number
/// of `rows` compared, e.g. of a [`CompositeMatrix`](crate::score::matrix::CompositeMatrix).
///
/// ```
/// use ssr_model::score::coherence::Coherence;
/// use ssr_model::tables::{self, Values};
///
/// let columns = [vec![Some(1.0), Some(2.0), Some(3.0)], vec![Some(3.0), Some(1.0), Some(2.0)]];
/// let stats = Coherence::of(&columns, &[Some(2.0), Some(1.5), Some(2.5)]);
/// let t = tables::coherence_of(&["a", "b"], &stats, 3);
/// assert_eq!(t.rows(), 2 * 2 + 2 + 2);
/// let Some(Values::Text(b)) = t.column("dimension_b").map(|c| c.values()) else { unreachable!() };
/// assert_eq!(b.get(0), Some(Some("composite")));
/// ```
pub fn coherence_of(names: &[&str], statistics: &Coherence, rows: usize) -> Table {
    let mut t = Table::empty(TableName::Coherence);
    let name = |i: usize| {
        names
            .get(i)
            .map_or_else(|| format!("column_{i}"), |n| (*n).to_owned())
    };
    let rows = i64::try_from(rows).unwrap_or(i64::MAX);
    let mut correlation = |a: String, b: String, c: &Correlation| {
        for (method, value) in [("pearson", c.pearson), ("spearman", c.spearman)] {
            t.push([
                Cell::code(Some("correlation")),
                Cell::code(Some(&a)),
                Cell::code(Some(&b)),
                Cell::code(Some(method)),
                Cell::float(value),
                Cell::count(c.rows),
                Cell::integer(Some(rows)),
            ]);
        }
    };
    for (i, c) in statistics.composite.iter().enumerate() {
        correlation(name(i), "composite".to_owned(), c);
    }
    let k = statistics.columns;
    let pairs = (0..k).flat_map(|i| ((i + 1)..k).map(move |j| (i, j)));
    for ((i, j), c) in pairs.zip(&statistics.pairs) {
        correlation(name(i), name(j), c);
    }
    for (statistic, value) in [
        ("cronbach_alpha", statistics.cronbach_alpha),
        ("first_component_share", statistics.first_component_share),
    ] {
        t.push([
            Cell::code(Some(statistic)),
            Cell::code(None::<&str>),
            Cell::code(None::<&str>),
            Cell::code(None::<&str>),
            Cell::float(value),
            Cell::count(statistics.complete_rows),
            Cell::integer(Some(rows)),
        ]);
    }
    t
}

/// The outliers table (see [`TableName::Outliers`]): every raw value the
/// policy's outlier treatment changed
/// ([`CompositeAudit::outliers`](crate::score::audit::CompositeAudit::outliers));
/// empty when the policy treats none.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables;
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// assert_eq!(tables::outliers(&card).rows(), 0); // the default treats nothing
/// ```
pub fn outliers(card: &Scorecard) -> Table {
    let mut t = Table::empty(TableName::Outliers);
    // Looked up once: a log transform treats every programme.
    let names: HashMap<ProgrammeId, &str> = card
        .comparison
        .rows
        .iter()
        .map(|r| (r.programme, r.name.as_str()))
        .collect();
    for v in &card.comparison.audit.outliers {
        let name = names.get(&v.programme).copied();
        t.push([
            Cell::code(Some(v.programme)),
            Cell::text(name),
            Cell::code(Some(v.dimension)),
            Cell::Float(v.before),
            Cell::Float(v.after),
            Cell::code(Some(v.method)),
        ]);
    }
    t
}
