//! The columnar [`Table`]: named, documented, typed, nullable columns.

use chrono::NaiveDate;

use crate::Amount;

use super::TableName;
use super::text::TextValues;

/// What a column holds. Every kind is nullable: `None` is *unknown* (or
/// does not apply), never a default filled in.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Kind, Source, Table, TableName};
///
/// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Budgets).0;
/// assert_eq!(t.column("value").map(|c| c.kind()), Some(Kind::Money));
/// assert_eq!(t.column("currency").map(|c| c.kind()), Some(Kind::Code));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// Free text: names, statements, messages.
    Text,
    /// A code from a small vocabulary (a snake_case name, an ISO code, a
    /// UUID): a dictionary-encoded string in Arrow and Parquet.
    Code,
    /// A whole number (64-bit).
    Integer,
    /// A floating-point number (64-bit).
    Float,
    /// A calendar date.
    Date,
    /// An exact decimal amount of money with four decimal places (the
    /// crate's [`Amount`]), always beside a currency column.
    Money,
    /// `true` or `false`.
    Boolean,
}

/// A column's static description: its name, kind and meaning.
///
/// ```
/// use ssr_model::tables::{Kind, TableName};
///
/// let id = &TableName::Programmes.columns()[0];
/// assert_eq!((id.name, id.kind), ("programme_id", Kind::Code));
/// assert!(!id.meaning.is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ColumnSpec {
    /// The column's stable snake_case name.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// What it means, in one sentence (also in Arrow field metadata).
    pub meaning: &'static str,
}

impl ColumnSpec {
    /// A column description.
    ///
    /// ```
    /// use ssr_model::tables::{ColumnSpec, Kind};
    ///
    /// const YEAR: ColumnSpec = ColumnSpec::new("year", Kind::Integer, "the calendar year");
    /// assert_eq!(YEAR.name, "year");
    /// ```
    pub const fn new(name: &'static str, kind: Kind, meaning: &'static str) -> Self {
        ColumnSpec {
            name,
            kind,
            meaning,
        }
    }
}

/// Columns that several tables share, described once.
pub(crate) mod shared {
    use super::ColumnSpec as C;
    use super::Kind::{Code, Date, Money, Text};

    pub(crate) const PROGRAMME_ID: C = C::new("programme_id", Code, "the programme's UUID");
    pub(crate) const PROGRAMME_NAME: C = C::new("programme_name", Text, "the programme's name");
    pub(crate) const EXTERNAL_ID: C = C::new(
        "external_id",
        Text,
        "its identifier elsewhere, e.g. the IATI activity identifier",
    );
    pub(crate) const COMPONENT_ID: C = C::new("component_id", Code, "the component's UUID");
    pub(crate) const LEVEL: C = C::new("level", Code, "output, outcome or impact");
    pub(crate) const MEASURE: C = C::new(
        "measure",
        Code,
        "unit, percentage, nominal, ordinal or qualitative",
    );
    pub(crate) const PERIOD_START: C = C::new("period_start", Date, "the period's first day");
    pub(crate) const PERIOD_END: C = C::new("period_end", Date, "the period's last day");
    pub(crate) const RECIPIENT_KIND: C = C::new(
        "recipient_kind",
        Code,
        "country, region, or unlisted (a code on neither codelist, kept as written)",
    );
    pub(crate) const VALUE: C = C::new("value", Money, "the amount (exact decimal) in `currency`");
    pub(crate) const CURRENCY: C = C::new("currency", Code, "ISO 4217 currency of `value`");
    pub(crate) const VALUE_DATE: C = C::new(
        "value_date",
        Date,
        "the date whose exchange rate converts the value",
    );
}

/// The values of one column, stored by kind ([`Kind::Text`] and
/// [`Kind::Code`] share [`Values::Text`]).
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Source, Table, TableName, Values};
///
/// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Periods).0;
/// let Some(Values::Date(starts)) = t.column("period_start").map(|c| c.values()) else { panic!() };
/// assert_eq!(starts.len(), t.rows());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Values {
    /// Text and code columns.
    Text(TextValues),
    /// Integer columns.
    Integer(Vec<Option<i64>>),
    /// Float columns.
    Float(Vec<Option<f64>>),
    /// Date columns.
    Date(Vec<Option<NaiveDate>>),
    /// Money columns.
    Money(Vec<Option<Amount>>),
    /// Boolean columns.
    Boolean(Vec<Option<bool>>),
}

impl Values {
    fn empty(kind: Kind) -> Values {
        match kind {
            Kind::Text | Kind::Code => Values::Text(TextValues::default()),
            Kind::Integer => Values::Integer(Vec::new()),
            Kind::Float => Values::Float(Vec::new()),
            Kind::Date => Values::Date(Vec::new()),
            Kind::Money => Values::Money(Vec::new()),
            Kind::Boolean => Values::Boolean(Vec::new()),
        }
    }

    /// How many values (known or not) the column holds.
    ///
    /// ```
    /// use ssr_model::tables::Values;
    ///
    /// assert_eq!(Values::Float(vec![Some(1.0), None]).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        match self {
            Values::Text(v) => v.len(),
            Values::Integer(v) => v.len(),
            Values::Float(v) => v.len(),
            Values::Date(v) => v.len(),
            Values::Money(v) => v.len(),
            Values::Boolean(v) => v.len(),
        }
    }

    /// Whether the column holds no value at all.
    ///
    /// ```
    /// use ssr_model::tables::Values;
    ///
    /// assert!(Values::Boolean(Vec::new()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many values are unknown (`None`).
    ///
    /// ```
    /// use ssr_model::tables::Values;
    ///
    /// assert_eq!(Values::Float(vec![None, Some(1.0)]).nulls(), 1);
    /// ```
    pub fn nulls(&self) -> usize {
        fn count<T>(v: &[Option<T>]) -> usize {
            v.iter().filter(|x| x.is_none()).count()
        }
        match self {
            Values::Text(v) => v.nulls(),
            Values::Integer(v) => count(v),
            Values::Float(v) => count(v),
            Values::Date(v) => count(v),
            Values::Money(v) => count(v),
            Values::Boolean(v) => count(v),
        }
    }

    /// Appends `cell`; false (and nothing appended) when its kind is not
    /// this column's.
    fn push(&mut self, cell: Cell) -> bool {
        match (self, cell) {
            (Values::Text(v), Cell::Null) => v.push(None),
            (Values::Integer(v), Cell::Null) => v.push(None),
            (Values::Float(v), Cell::Null) => v.push(None),
            (Values::Date(v), Cell::Null) => v.push(None),
            (Values::Money(v), Cell::Null) => v.push(None),
            (Values::Boolean(v), Cell::Null) => v.push(None),
            (Values::Text(v), Cell::Text(x)) => v.push(Some(x)),
            (Values::Integer(v), Cell::Integer(x)) => v.push(Some(x)),
            (Values::Float(v), Cell::Float(x)) => v.push(Some(x)),
            (Values::Date(v), Cell::Date(x)) => v.push(Some(x)),
            (Values::Money(v), Cell::Money(x)) => v.push(Some(x)),
            (Values::Boolean(v), Cell::Boolean(x)) => v.push(Some(x)),
            _ => return false,
        }
        true
    }
}

/// One value on its way into a table (crate-internal: tables are built by
/// the crate's own row functions).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Null,
    Text(String),
    Integer(i64),
    Float(f64),
    Date(NaiveDate),
    Money(Amount),
    Boolean(bool),
}

impl Cell {
    /// Text, or null.
    pub(crate) fn text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.into()))
    }

    /// A code's display form (a UUID, a snake_case name, an ISO code), or null.
    pub(crate) fn code(s: Option<impl std::fmt::Display>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.to_string()))
    }

    pub(crate) fn float(x: Option<f64>) -> Cell {
        x.map_or(Cell::Null, Cell::Float)
    }

    pub(crate) fn integer(x: Option<i64>) -> Cell {
        x.map_or(Cell::Null, Cell::Integer)
    }

    /// A count (a length): always known.
    pub(crate) fn count(n: usize) -> Cell {
        Cell::Integer(i64::try_from(n).unwrap_or(i64::MAX))
    }

    pub(crate) fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Null, Cell::Date)
    }

    pub(crate) fn money(a: Option<Amount>) -> Cell {
        a.map_or(Cell::Null, Cell::Money)
    }

    pub(crate) fn boolean(b: Option<bool>) -> Cell {
        b.map_or(Cell::Null, Cell::Boolean)
    }
}

/// One column of a [`Table`]: its description and its values.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Kind, Source, Table, TableName};
///
/// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Programmes).0;
/// let name = t.column("name").unwrap();
/// assert_eq!(name.kind(), Kind::Text);
/// assert_eq!(name.values().len(), t.rows());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    spec: ColumnSpec,
    values: Values,
}

impl Column {
    /// The column's name.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Source, Table, TableName};
    ///
    /// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Recipients).0;
    /// assert_eq!(t.columns()[0].name(), "programme_id");
    /// ```
    pub fn name(&self) -> &'static str {
        self.spec.name
    }

    /// What the column holds.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Kind, Source, Table, TableName};
    ///
    /// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Periods).0;
    /// assert_eq!(t.column("target").unwrap().kind(), Kind::Float);
    /// ```
    pub fn kind(&self) -> Kind {
        self.spec.kind
    }

    /// What the column means.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Source, Table, TableName};
    ///
    /// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Periods).0;
    /// assert!(t.column("comment").unwrap().meaning().contains("comment"));
    /// ```
    pub fn meaning(&self) -> &'static str {
        self.spec.meaning
    }

    /// Its full description.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Source, Table, TableName};
    ///
    /// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Stakeholders).0;
    /// assert_eq!(t.columns()[0].spec(), &TableName::Stakeholders.columns()[0]);
    /// ```
    pub fn spec(&self) -> &ColumnSpec {
        &self.spec
    }

    /// Its values, one per row.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Source, Table, TableName, Values};
    ///
    /// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Stakeholders).0;
    /// let Values::Integer(influence) = t.column("influence").unwrap().values() else { panic!() };
    /// assert!(influence.iter().flatten().all(|x| (1..=5).contains(x)));
    /// ```
    pub fn values(&self) -> &Values {
        &self.values
    }
}

/// A tidy table: named, ordered, typed columns of equal length, one row
/// per observation.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Source, Table, TableName};
///
/// let portfolio = ssr_model::samples::portfolio();
/// let components = Source::new(&portfolio, &Scorer::default()).table(TableName::Components).0;
/// assert_eq!(components.name(), TableName::Components);
/// let expected: usize = portfolio.programmes.iter().map(|p| p.components.len()).sum();
/// assert_eq!(components.rows(), expected);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    name: TableName,
    columns: Vec<Column>,
    rows: usize,
}

impl Table {
    /// An empty table with the columns of `name`.
    ///
    /// ```
    /// use ssr_model::tables::{Table, TableName};
    ///
    /// let t = Table::empty(TableName::Ranks);
    /// assert_eq!((t.rows(), t.columns().len()), (0, TableName::Ranks.columns().len()));
    /// ```
    pub fn empty(name: TableName) -> Table {
        Table {
            name,
            columns: name
                .columns()
                .iter()
                .map(|&spec| Column {
                    spec,
                    values: Values::empty(spec.kind),
                })
                .collect(),
            rows: 0,
        }
    }

    /// Which table this is.
    ///
    /// ```
    /// use ssr_model::tables::{Table, TableName};
    ///
    /// assert_eq!(Table::empty(TableName::Flows).name(), TableName::Flows);
    /// ```
    pub fn name(&self) -> TableName {
        self.name
    }

    /// The columns, in order.
    ///
    /// ```
    /// use ssr_model::tables::{Table, TableName};
    ///
    /// let names: Vec<_> = Table::empty(TableName::Findings).columns().iter().map(|c| c.name()).collect();
    /// assert_eq!(names[..2], ["code", "severity"]);
    /// ```
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The column called `name`.
    ///
    /// ```
    /// use ssr_model::tables::{Table, TableName};
    ///
    /// assert!(Table::empty(TableName::Scores).column("scale").is_some());
    /// assert!(Table::empty(TableName::Scores).column("nonsense").is_none());
    /// ```
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.spec.name == name)
    }

    /// How many rows.
    ///
    /// ```
    /// use ssr_model::tables::{Table, TableName};
    ///
    /// assert_eq!(Table::empty(TableName::Budgets).rows(), 0);
    /// ```
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Appends one row, a cell per column in order. Rows are built by the
    /// crate's own row functions; the test
    /// `every_table_builds_with_matching_kinds` builds every table.
    pub(crate) fn push<const N: usize>(&mut self, cells: [Cell; N]) {
        self.push_cells(N, cells);
    }

    /// Appends one row given in two parts: the cells of the table's own
    /// columns, then those of columns it shares with another table's
    /// module (see [`concat`]).
    pub(crate) fn push_parts<const A: usize, const B: usize>(
        &mut self,
        first: [Cell; A],
        rest: [Cell; B],
    ) {
        self.push_cells(A + B, first.into_iter().chain(rest));
    }

    fn push_cells(&mut self, n: usize, cells: impl IntoIterator<Item = Cell>) {
        assert_eq!(
            n,
            self.columns.len(),
            "a row of {} has a cell per column: checked by every_table_builds_with_matching_kinds",
            self.name
        );
        for (column, cell) in self.columns.iter_mut().zip(cells) {
            let pushed = column.values.push(cell);
            assert!(
                pushed,
                "cell kinds match column kinds in {}.{}: checked by every_table_builds_with_matching_kinds",
                self.name, column.spec.name
            );
        }
        self.rows += 1;
    }
}

/// The columns `a` then `b`, as one list of `N = A + B` columns: a table's
/// own columns followed by columns another module describes (built at
/// compile time, so a wrong `N` does not compile).
#[expect(
    clippy::indexing_slicing,
    reason = "i < A and j < B index a and b; A + B == N is asserted first"
)]
pub(crate) const fn concat<const A: usize, const B: usize, const N: usize>(
    a: [ColumnSpec; A],
    b: [ColumnSpec; B],
) -> [ColumnSpec; N] {
    assert!(A + B == N, "N is the number of columns of a and b together");
    let mut out = [ColumnSpec::new("", Kind::Text, ""); N];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < B {
        out[A + j] = b[j];
        j += 1;
    }
    out
}

/// One value borrowed from a column, for the writers.
#[cfg(feature = "csv")]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum CellRef<'a> {
    Null,
    Text(&'a str),
    Integer(i64),
    Float(f64),
    Date(NaiveDate),
    Money(Amount),
    Boolean(bool),
}

#[cfg(feature = "csv")]
impl Values {
    /// The value in row `row`, `None` past the end.
    pub(crate) fn get(&self, row: usize) -> Option<CellRef<'_>> {
        fn cell<T: Copy>(
            v: &[Option<T>],
            row: usize,
            f: impl Fn(T) -> CellRef<'static>,
        ) -> Option<CellRef<'static>> {
            v.get(row).map(|x| x.map_or(CellRef::Null, f))
        }
        match self {
            Values::Text(v) => v.get(row).map(|x| x.map_or(CellRef::Null, CellRef::Text)),
            Values::Integer(v) => cell(v, row, CellRef::Integer),
            Values::Float(v) => cell(v, row, CellRef::Float),
            Values::Date(v) => cell(v, row, CellRef::Date),
            Values::Money(v) => cell(v, row, CellRef::Money),
            Values::Boolean(v) => cell(v, row, CellRef::Boolean),
        }
    }
}
