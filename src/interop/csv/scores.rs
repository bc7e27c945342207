//! The scores table: one row per programme × measure of a scorecard.

use std::io::Write;

use crate::score::{Row, Scorecard};

use crate::tables::{self, CsvTableWriter, TableName};

use super::{CsvError, write_table};

/// The columns of the scores table, in order:
///
/// | column | meaning |
/// | --- | --- |
/// | `programme_id` | the programme's UUID |
/// | `programme_name` | its name |
/// | `measure` | what is measured: `score`, `coverage`, `component:NAME`, `risk.exposure`, `rank.p05`, … (see [`Row`]) |
/// | `value` | the value; empty where there is no data |
/// | `not_ranked` | why the programme is not ranked (`insufficient_results`, `too_few_dimensions`, …; see [`NotRanked`](crate::score::NotRanked)); empty when it is ranked |
pub const SCORE_COLUMNS: &[&str] = &[
    "programme_id",
    "programme_name",
    "measure",
    "value",
    "not_ranked",
];

/// Writes the scores table (see [`SCORE_COLUMNS`]) of the given rows, e.g.
/// all of [`Scorecard::rows`](crate::score::Scorecard::rows) or a selection.
///
/// ```
/// use ssr_model::interop::csv::write_scores;
/// use ssr_model::samples::{Synthetic, synthetic};
/// use ssr_model::Scorer;
///
/// let portfolio = synthetic(&Synthetic::new(3).with_components(2).with_indicators(2).with_periods(3));
/// let rows = Scorer::default().scorecard(&portfolio).rows();
/// let mut out = Vec::new();
/// write_scores(&mut out, &rows)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("programme_id,programme_name,measure,value,not_ranked\n"));
/// assert_eq!(text.lines().count(), 1 + rows.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn write_scores<'a, W: Write>(
    writer: W,
    rows: impl IntoIterator<Item = &'a Row>,
) -> Result<(), CsvError> {
    write_table(writer, SCORE_COLUMNS, rows)
}

/// Writes the scores table of the scorecard's rows whose measure `keep`
/// accepts: [`TableName::Scores`], the columns of [`SCORE_COLUMNS`] and then
/// `scale` (the unit of each value: `fraction` 0–1, `count`, `money`,
/// `rank`, …) and `currency` (of money values). Streamed: rows are borrowed
/// from the scorecard ([`Scorecard::try_for_each_row`]) and written in
/// batches of at most 256 rows ([`tables::score_batches`]), so memory
/// does not grow with the number of rows times the programme name, as
/// collecting [`Scorecard::rows`] first does.
///
/// ```
/// use ssr_model::interop::csv::write_scorecard;
/// use ssr_model::samples::{Synthetic, synthetic};
/// use ssr_model::Scorer;
///
/// let portfolio = synthetic(&Synthetic::new(3).with_components(2).with_indicators(2).with_periods(3));
/// let card = Scorer::default().scorecard(&portfolio);
/// let mut out = Vec::new();
/// write_scorecard(&mut out, &card, |measure| measure == "composite")?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("programme_id,programme_name,measure,value,not_ranked,scale,currency\n"));
/// assert_eq!(text.lines().count(), 1 + 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn write_scorecard<W: Write>(
    writer: W,
    card: &Scorecard,
    keep: impl Fn(&str) -> bool,
) -> Result<(), CsvError> {
    let mut out = CsvTableWriter::new(writer, TableName::Scores)?;
    tables::score_batches(card, BATCH_ROWS, keep, |batch| out.write(&batch))?;
    out.finish()?;
    Ok(())
}

/// The most rows [`write_scorecard`] holds at once.
const BATCH_ROWS: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{Synthetic, synthetic};
    use crate::score::Scorer;

    #[test]
    fn columns_match_the_row_fields() {
        let p = synthetic(&Synthetic::new(1).with_components(1).with_indicators(1));
        let rows = Scorer::default().scorecard(&p).rows();
        assert_eq!(
            super::super::derived_header(&rows[0]),
            SCORE_COLUMNS.join(",")
        );
    }

    /// The streamed table's first columns are the collected rows' table,
    /// line for line, whatever the batch boundaries.
    #[test]
    fn streamed_table_equals_the_collected_one() {
        let p = synthetic(&Synthetic::new(30).with_components(2).with_indicators(2));
        let card = Scorer::default().scorecard(&p);
        let keep = |m: &str| m.starts_with("normalised.") || m == "rank" || m == "score";
        let mut collected = Vec::new();
        let rows = card.rows();
        write_scores(&mut collected, rows.iter().filter(|r| keep(&r.measure))).unwrap();
        let mut streamed = Vec::new();
        write_scorecard(&mut streamed, &card, keep).unwrap();
        let records = |bytes: &[u8]| -> Vec<Vec<String>> {
            ::csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(bytes)
                .records()
                .map(|r| {
                    r.unwrap()
                        .iter()
                        .take(SCORE_COLUMNS.len())
                        .map(str::to_owned)
                        .collect()
                })
                .collect()
        };
        assert!(rows.len() > BATCH_ROWS);
        assert_eq!(records(&streamed), records(&collected));
    }
}
