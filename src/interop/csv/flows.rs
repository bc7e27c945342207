//! The flows table: yearly money by recipient country or region.

use std::io::Write;

use serde::Serialize;

use super::{CsvError, write_table};
use crate::diagnostics::Pointer;
use crate::score::Scorer;
use crate::validate::Finding;
use crate::{Place, Portfolio, ProgrammeId, TransactionType};

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
/// | `amount` | the sum in `currency`; empty when a recipient's share is unknown |
/// | `currency` | ISO 4217 |
pub const FLOW_COLUMNS: &[&str] = &[
    "programme_id",
    "external_id",
    "programme_name",
    "recipient",
    "recipient_name",
    "recipient_kind",
    "year",
    "transaction_type",
    "amount",
    "currency",
];

#[derive(Serialize)]
struct Row<'a> {
    programme_id: ProgrammeId,
    external_id: Option<&'a str>,
    programme_name: &'a str,
    recipient: Option<String>,
    recipient_name: Option<&'static str>,
    recipient_kind: Option<&'static str>,
    year: i32,
    transaction_type: TransactionType,
    amount: Option<f64>,
    currency: String,
}

/// Writes every programme's transactions by recipient, year and type (see
/// [`FLOW_COLUMNS`] and [`Scorer::recipient_flows`]): a programme's money
/// split between its countries and regions by their percentages, in the
/// scorer's finance currency. Returns the money left out for want of an
/// exchange rate, as `no_exchange_rate` findings with document paths.
///
/// ```
/// use ssr_model::interop::csv::write_flows;
/// use ssr_model::score::Scorer;
/// use ssr_model::samples::{synthetic, Synthetic};
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
    let mut rows = Vec::new();
    let mut left_out = Vec::new();
    for (i, p) in portfolio.programmes.iter().enumerate() {
        let (flows, findings) = scorer.recipient_flows(p);
        let programme = Pointer::root().member("programmes").index(i);
        left_out.extend(findings.into_iter().map(|mut f| {
            f.path = std::mem::take(&mut f.path).within(&programme);
            f
        }));
        rows.extend(flows.into_iter().map(|f| Row {
            programme_id: p.id,
            external_id: p.external_id.as_deref(),
            programme_name: &p.name,
            recipient: f.place.map(|place| place.to_string()),
            recipient_name: f.place.map(Place::name),
            recipient_kind: f.place.map(|place| match place {
                Place::Region(_) => "region",
                _ => "country",
            }),
            year: f.year,
            transaction_type: f.kind,
            amount: f.amount,
            currency: f.currency.to_string(),
        }));
    }
    write_table(writer, FLOW_COLUMNS, rows)?;
    Ok(left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_row_fields() {
        let row = Row {
            programme_id: ProgrammeId::new(),
            external_id: None,
            programme_name: "x",
            recipient: None,
            recipient_name: None,
            recipient_kind: None,
            year: 2021,
            transaction_type: TransactionType::Disbursement,
            amount: None,
            currency: "USD".into(),
        };
        assert_eq!(super::super::derived_header(row), FLOW_COLUMNS.join(","));
    }
}
