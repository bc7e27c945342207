//! The `funding_links` table: the links of funding chains, as the
//! transactions state them (`provider-org/@provider-activity-id`,
//! `receiver-org/@receiver-activity-id`).

use crate::Portfolio;

use super::Kind::{Boolean, Code, Integer, Money, Text};
use super::TableName;
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

pub(super) const FUNDING_LINKS: &[C] = &[
    PROGRAMME_ID,
    EXTERNAL_ID,
    C::new(
        "transaction",
        Integer,
        "the transaction's position in the programme's list, from 1 (transactions table)",
    ),
    C::new(
        "transaction_type",
        Code,
        "IATI TransactionType as snake_case (incoming_funds, disbursement, …)",
    ),
    C::new(
        "provider_activity",
        Text,
        "the IATI identifier of the activity the money comes from, as written",
    ),
    C::new(
        "receiver_activity",
        Text,
        "the IATI identifier of the activity the money goes to, as written",
    ),
    C::new(
        "value",
        Money,
        "the transaction's amount (exact decimal) in `currency`",
    ),
    C::new("currency", Code, "ISO 4217 currency of `value`"),
    C::new(
        "internal_transfer",
        Boolean,
        "whether the other end (the provider's activity for money coming in, the receiver's for the rest) is another activity of the portfolio: money the flows count again at the next link",
    ),
];

/// The funding links table (see [`TableName::FundingLinks`]): one row per
/// transaction that names a provider or receiver activity.
pub(super) fn funding_links(portfolio: &Portfolio) -> Table {
    let ids = crate::score::activity_ids(portfolio);
    let mut t = Table::empty(TableName::FundingLinks);
    for p in &portfolio.programmes {
        for (n, x) in p.transactions.iter().enumerate() {
            if x.provider_activity.is_none() && x.receiver_activity.is_none() {
                continue;
            }
            let internal = x
                .counterpart_activity(p.external_id.as_deref())
                .is_some_and(|id| ids.contains(id));
            t.push([
                Cell::code(Some(p.id)),
                Cell::text(p.external_id.as_deref()),
                Cell::count(n + 1),
                Cell::code(Some(x.kind)),
                Cell::text(x.provider_activity.as_deref()),
                Cell::text(x.receiver_activity.as_deref()),
                Cell::money(Some(x.value.amount)),
                Cell::code(Some(x.value.currency)),
                Cell::boolean(Some(internal)),
            ]);
        }
    }
    t
}
