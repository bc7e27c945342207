//! The flows table: yearly money by recipient country or region.

use std::io::Write;

use super::CsvError;
use crate::Portfolio;
use crate::score::Scorer;
use crate::tables::{self, TableName};
use crate::validate::Finding;

/// Columns of the flows table, in order.
///
/// | column | value |
/// | --- | --- |
/// | `programme_id`, `external_id`, `programme_name` | the programme |
/// | `recipient` | country (alpha-3) or region (IATI Region code); empty for money no recipient share accounts for |
/// | `recipient_name` | its English name |
/// | `recipient_kind` | `country`, `region`, or empty |
/// | `year` | calendar year of the transactions |
/// | `transaction_type` | IATI TransactionType as snake_case (`disbursement`, …) |
/// | `amount` | the sum in `currency`, exact; empty when a recipient's share is unknown |
/// | `ssr_amount` | its SSR part (recipient share × SSR sector share); empty when a share is unknown |
/// | `currency` | ISO 4217, the money's own |
/// | `unknown` | why an amount is empty |
/// | `converted_amount`, `converted_ssr_amount`, `converted_currency`, `rate_date` | the same converted through the scorer's exchange rates, with the latest rate's date |
pub const FLOW_COLUMNS: &[&str] =
    &tables::column_names::<{ TableName::Flows.columns().len() }>(TableName::Flows.columns());

/// Writes every programme's transactions by recipient, year and type (see
/// [`FLOW_COLUMNS`] and [`Scorer::recipient_flows`], [`tables::flows`]): a programme's money
/// split between its countries and regions by their percentages, whole
/// and SSR, in its own currency and converted beside it. Returns the money
/// no exchange rate converts, as `no_exchange_rate` findings with document
/// paths.
///
/// ```
/// use ssr_model::interop::csv::write_flows;
/// use ssr_model::Scorer;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let mut out = Vec::new();
/// let left_out = write_flows(&mut out, &synthetic(&Synthetic::new(1)), &Scorer::default())?;
/// assert!(left_out.is_empty());
/// assert!(String::from_utf8(out)?.starts_with("programme_id,external_id,programme_name,recipient,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn write_flows<W: Write>(
    writer: W,
    portfolio: &Portfolio,
    scorer: &Scorer,
) -> Result<Vec<Finding>, CsvError> {
    let (table, left_out) = tables::flows(portfolio, scorer);
    tables::write_csv(writer, &table)?;
    Ok(left_out)
}
