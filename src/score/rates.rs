//! Reading the exchange-rate table the scorer converts money with, from CSV (`date,currency,rate`): every
//! bad line at once, each a finding at its line and column.

use std::io::Read;

use chrono::NaiveDate;

use crate::Currency;
use crate::Finding;
use crate::diagnostics::problems::Problems;
use crate::diagnostics::{Code, CsvLocation};
use crate::model::{ExchangeRates, Rate, RateError, RateText};

/// Why a rates file could not be read.
///
/// ```
/// use ssr_model::score::{self, RatesFileError};
///
/// let csv = "day,currency,rate\n2021-01-01,EUR,0.8\n";
/// let err = score::read_rates("USD".parse()?, csv.as_bytes()).unwrap_err();
/// assert!(matches!(err, RatesFileError::Lines(_)));
/// assert!(err.to_string().contains("expected the header `date,currency,rate`"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RatesFileError {
    /// Reading failed.
    #[error("cannot read the rates: {0}")]
    Io(String),
    /// Lines that could not be read, every one of them: findings of the
    /// `rate_*` codes at a [`CsvLocation`].
    #[error("{} line(s) of the rates could not be read: {}", .0.len(), by_line(.0))]
    Lines(Vec<Finding>),
}

impl RatesFileError {
    /// The lines that could not be read (none for an I/O error).
    pub fn problems(&self) -> &[Finding] {
        match self {
            RatesFileError::Lines(lines) => lines,
            RatesFileError::Io(_) => &[],
        }
    }
}

/// `line 3: message; line 5: message`, as editors number lines.
fn by_line(findings: &[Finding]) -> String {
    let parts: Vec<String> = findings
        .iter()
        .map(|f| match f.path.line() {
            Some(line) => format!("line {line}: {}", f.message),
            None => f.message.clone(),
        })
        .collect();
    parts.join("; ")
}

/// Reads an exchange-rate table from CSV text with the header
/// `date,currency,rate`: one rate per line, dates as `YYYY-MM-DD`, ISO 4217
/// currency codes, rates as decimal numbers of units of the currency per
/// unit of `base` (from 1e-15 to 1e15, at most 18 decimal places, an
/// exponent allowed: `1.2e-3`), read exactly as written, never through a
/// binary float ([`Rate`]). Blank lines are skipped; fields may be quoted (a quoted
/// comma stays in its field). Lines may come in any order: the table is
/// sorted once, so a file listed newest first costs no more than one listed
/// oldest first.
///
/// ```
/// use ssr_model::diagnostics::Code;
/// use ssr_model::score;
///
/// let csv = "date,currency,rate\n2021-01-01,EUR,0.82\n2021-01-01,GBP,0.73\n";
/// let rates = score::read_rates("USD".parse()?, csv.as_bytes())?;
/// assert_eq!(rates.len(), 2);
///
/// let bad = "date,currency,rate\n2021-13-01,EUR,0.82\n2021-01-01,XYZ,1\n2021-01-01,GBP,-1\n";
/// let err = score::read_rates("USD".parse()?, bad.as_bytes()).unwrap_err();
/// // Every problem, each a finding at its line (and column).
/// let found: Vec<_> = err.problems().iter().map(|f| (f.code, f.path.as_str())).collect();
/// assert_eq!(found, [
///     (Code::RateUnreadable, "line 2, column 1"),
///     (Code::RateUnreadable, "line 3, column 2"),
///     (Code::RateOutOfRange, "line 4, column 3"),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`RatesFileError`] listing every line that could not be read, or the
/// I/O error that stopped the reading.
pub fn read_rates(base: Currency, reader: impl Read) -> Result<ExchangeRates, RatesFileError> {
    let mut csv = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(reader);
    let mut problems = Problems::default();
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    let mut header_seen = false;
    loop {
        let line = csv.position().line();
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => match e.kind() {
                ::csv::ErrorKind::Io(io) => return Err(RatesFileError::Io(io.to_string())),
                _ => {
                    let at = e.position().map_or(line, ::csv::Position::line);
                    problems.add(Code::RateUnreadable, CsvLocation::line(at), e.to_string());
                    continue;
                }
            },
        }
        let line = record.position().map_or(line, ::csv::Position::line);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            if record.iter().ne(["date", "currency", "rate"]) {
                let found = record.iter().collect::<Vec<_>>().join(",");
                let message = format!("expected the header `date,currency,rate`, found `{found}`");
                problems.add(Code::RateUnreadable, CsvLocation::line(line), message);
            }
            continue;
        }
        match read_row(&record, line) {
            Ok(row) => rows.push(row),
            Err(finding) => problems.add_finding(finding),
        }
    }
    let table = build(base, rows, &mut problems);
    problems.finish(table).map_err(|mut found| {
        found.sort_by(|a, b| a.path.cmp(&b.path));
        RatesFileError::Lines(found)
    })
}

/// One data row: its date, currency, rate and line.
struct Row {
    date: NaiveDate,
    currency: Currency,
    rate: Rate,
    line: u64,
}

/// Reads one data record; a problem names the field's column.
fn read_row(record: &::csv::StringRecord, line: u64) -> Result<Row, Finding> {
    let unreadable = |column, message| {
        Finding::new(
            Code::RateUnreadable,
            CsvLocation::line(line).with_column(column),
            message,
        )
    };
    let (Some(date), Some(currency), Some(rate), None) =
        (record.get(0), record.get(1), record.get(2), record.get(3))
    else {
        let message = format!(
            "expected 3 fields (date, currency, rate), found {}",
            record.len()
        );
        return Err(Finding::new(
            Code::RateUnreadable,
            CsvLocation::line(line),
            message,
        ));
    };
    let date = date
        .parse()
        .map_err(|_| unreadable(1, format!("expected a date as YYYY-MM-DD, found {date:?}")))?;
    let currency = currency
        .parse()
        .map_err(|e| unreadable(2, format!("{e}")))?;
    let rate = Rate::parse_text(rate).map_err(|why| match why {
        RateText::Malformed => unreadable(3, format!("expected a decimal rate, found {rate:?}")),
        RateText::OutOfRange => Finding::new(
            Code::RateOutOfRange,
            CsvLocation::line(line).with_column(3),
            RateError::OutOfRange {
                currency,
                date,
                rate: rate.to_owned(),
            }
            .to_string(),
        ),
    })?;
    Ok(Row {
        date,
        currency,
        rate,
        line,
    })
}

/// The table of `rows`, inserted in date order per currency (so each
/// insert appends); a row the table refuses is a finding at its line, and
/// of two conflicting rows the later line is the one named.
fn build(base: Currency, mut rows: Vec<Row>, problems: &mut Problems) -> ExchangeRates {
    rows.sort_by_key(|r| (r.currency, r.date, r.line));
    let mut table = ExchangeRates::new(base);
    for row in rows {
        if let Err(e) = table.insert(row.date, row.currency, row.rate) {
            let code = match e {
                RateError::Base { .. } => Code::RateBaseNotOne,
                RateError::Conflict { .. } => Code::RateConflict,
                _ => Code::RateOutOfRange,
            };
            let at = CsvLocation::line(row.line).with_column(3);
            problems.add(code, at, e.to_string());
        }
    }
    table
}
