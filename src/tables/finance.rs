//! The money tables: transactions, budgets and yearly flows per recipient.

use crate::diagnostics::Pointer;
use crate::score::Scorer;
use crate::validate::Finding;
use crate::{Party, Place, Portfolio, Programme, Sector};

use super::Kind::{Boolean, Code, Date, Integer, Money, Text};
use super::TableName;
use super::entities::place_kind;
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

/// The transactions table: its own columns, then the effective
/// classification ([`super::attributes::TRANSACTION_COLUMNS`]).
pub(super) const TRANSACTIONS: [C; 23] =
    super::table::concat(TRANSACTIONS_OWN, super::attributes::TRANSACTION_COLUMNS);

const TRANSACTIONS_OWN: [C; 17] = [
    PROGRAMME_ID,
    C::new(
        "transaction",
        Integer,
        "its position in the programme's list, from 1",
    ),
    C::new(
        "transaction_type",
        Code,
        "IATI TransactionType as snake_case: commitment, disbursement, expenditure, incoming_funds, …",
    ),
    C::new("iati_code", Integer, "the IATI TransactionType code (1–13)"),
    C::new("date", Date, "the transaction date"),
    VALUE,
    CURRENCY,
    VALUE_DATE,
    C::new(
        "provider_stakeholder_id",
        Code,
        "the provider, when one of the programme's stakeholders (stakeholders table)",
    ),
    C::new(
        "provider_ref",
        Text,
        "the provider's organisation reference, when not a stakeholder",
    ),
    C::new(
        "provider_name",
        Text,
        "the provider's name, when not a stakeholder",
    ),
    C::new(
        "receiver_stakeholder_id",
        Code,
        "the receiver, when one of the programme's stakeholders",
    ),
    C::new(
        "receiver_ref",
        Text,
        "the receiver's organisation reference, when not a stakeholder",
    ),
    C::new(
        "receiver_name",
        Text,
        "the receiver's name, when not a stakeholder",
    ),
    C::new(
        "sector",
        Integer,
        "the DAC purpose code, when the transaction states one",
    ),
    C::new(
        "recipient",
        Code,
        "the recipient country (alpha-3) or region, when the transaction states one",
    ),
    RECIPIENT_KIND,
];

/// A party as three cells: stakeholder id, or organisation reference and name.
fn party(party: Option<&Party>) -> [Cell; 3] {
    match party {
        Some(Party::Organisation(o)) => [
            Cell::Null,
            Cell::text(o.reference.as_deref()),
            Cell::text(o.name.as_deref()),
        ],
        Some(other) => [Cell::code(other.stakeholder()), Cell::Null, Cell::Null],
        None => [Cell::Null, Cell::Null, Cell::Null],
    }
}

pub(super) fn transactions(t: &mut Table, p: &Programme) {
    for (n, x) in p.transactions.iter().enumerate() {
        let [pid, pref, pname] = party(x.provider.as_ref());
        let [rid, rref, rname] = party(x.receiver.as_ref());
        let own = [
            Cell::code(Some(p.id)),
            Cell::count(n + 1),
            Cell::code(Some(x.kind)),
            Cell::Integer(i64::from(x.kind.iati_code())),
            Cell::Date(x.date),
            Cell::Money(x.value.amount),
            Cell::code(Some(x.value.currency.as_str())),
            Cell::Date(x.value_date),
            pid,
            pref,
            pname,
            rid,
            rref,
            rname,
            Cell::integer(
                x.sectors
                    .iter()
                    .find_map(Sector::dac_code)
                    .map(|s| i64::from(s.get())),
            ),
            Cell::code(x.recipient),
            Cell::code(x.recipient.map(place_kind)),
        ];
        t.push_parts(own, super::attributes::transaction_cells(p, x));
    }
}

pub(super) const BUDGETS: &[C] = &[
    PROGRAMME_ID,
    C::new(
        "budget",
        Integer,
        "its position in the programme's list, from 1",
    ),
    C::new("kind", Code, "original or revised"),
    C::new(
        "status",
        Code,
        "indicative or committed; empty when not stated",
    ),
    C::new("period_start", Date, "the budget period's first day"),
    C::new("period_end", Date, "the budget period's last day"),
    VALUE,
    CURRENCY,
    VALUE_DATE,
];

pub(super) fn budgets(t: &mut Table, p: &Programme) {
    for (n, b) in p.budgets.iter().enumerate() {
        t.push([
            Cell::code(Some(p.id)),
            Cell::count(n + 1),
            Cell::code(Some(b.kind)),
            Cell::code(b.status),
            Cell::Date(b.start),
            Cell::Date(b.end),
            Cell::Money(b.value.amount),
            Cell::code(Some(b.value.currency.as_str())),
            Cell::Date(b.value_date),
        ]);
    }
}

pub(super) const FLOWS: &[C] = &[
    PROGRAMME_ID,
    EXTERNAL_ID,
    PROGRAMME_NAME,
    C::new(
        "recipient",
        Code,
        "country (alpha-3) or region (IATI Region code); empty for money no recipient share accounts for",
    ),
    C::new("recipient_name", Text, "its English name"),
    RECIPIENT_KIND,
    C::new("year", Integer, "calendar year of the transactions"),
    C::new(
        "transaction_type",
        Code,
        "IATI TransactionType as snake_case (disbursement, …)",
    ),
    C::new(
        "amount",
        Money,
        "the sum in `currency`, exact; empty when a recipient's share is unknown (see `unknown`)",
    ),
    C::new(
        "ssr_amount",
        Money,
        "its SSR part: each transaction × recipient share × SSR sector share; empty when a share is unknown (see `unknown`)",
    ),
    C::new(
        "currency",
        Code,
        "ISO 4217: the money's own currency; a second currency has rows of its own",
    ),
    C::new(
        "unknown",
        Text,
        "why `amount` or `ssr_amount` is empty (the first reason met)",
    ),
    C::new(
        "converted_amount",
        Money,
        "`amount` in `converted_currency` through the exchange rates; empty without rates or when one is missing",
    ),
    C::new(
        "converted_ssr_amount",
        Money,
        "`ssr_amount` in `converted_currency`",
    ),
    C::new(
        "converted_currency",
        Code,
        "the finance currency the converted amounts are in",
    ),
    C::new(
        "rate_date",
        Date,
        "the date of the latest exchange rate used for the converted amounts",
    ),
    C::new(
        "internal_transfer",
        Boolean,
        "money passed to or from another activity of the portfolio (provider-activity-id of money coming in, receiver-activity-id of the rest); leave these rows out for flows net of transfers inside the portfolio",
    ),
];

/// The flows table (see [`TableName::Flows`]): every programme's
/// transactions by recipient, year, type and currency, split between its
/// countries and regions by their percentages, whole and SSR amounts side
/// by side, converted beside them into `scorer`'s finance currency when it
/// has exchange rates ([`Scorer::recipient_flows`], whose rustdoc states the
/// rules); and the money no rate converts (kept in its own currency), as
/// `no_exchange_rate` findings with document paths.
///
/// ```
/// use ssr_model::chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::tables;
/// use ssr_model::tables::TableName;
/// use ssr_model::{Country, Money, Portfolio, Programme};
/// use ssr_model::model::{Transaction, TransactionType};
///
/// let day = NaiveDate::from_ymd_opt(2021, 3, 31).unwrap();
/// let paid = Money::parse("250000", "EUR")?;
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_transaction(Transaction::new(TransactionType::Disbursement, day, paid, day));
/// let portfolio = Portfolio::new().with_programme(programme);
/// let (flows, left_out) = tables::flows(&portfolio, &Scorer::default());
/// assert_eq!(flows.name(), TableName::Flows);
/// assert_eq!(flows.rows(), 1); // LBR, 2021, disbursement
/// assert!(left_out.is_empty());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
pub fn flows(portfolio: &Portfolio, scorer: &Scorer) -> (Table, Vec<Finding>) {
    let mut t = Table::empty(TableName::Flows);
    let mut left_out = Vec::new();
    let ids = crate::score::activity_ids(portfolio);
    for (i, p) in portfolio.programmes.iter().enumerate() {
        let (flows, findings) = scorer.recipient_flows_among(p, &ids);
        let programme = Pointer::root().member("programmes").index(i);
        left_out.extend(findings.into_iter().map(|mut f| {
            f.path = std::mem::take(&mut f.path).within(&programme);
            f
        }));
        for f in flows {
            let c = f.converted.as_ref();
            t.push([
                Cell::code(Some(p.id)),
                Cell::text(p.external_id.as_deref()),
                Cell::Text(p.name.clone()),
                Cell::code(f.place),
                Cell::text(f.place.map(Place::name)),
                Cell::code(f.place.map(place_kind)),
                Cell::Integer(i64::from(f.year)),
                Cell::code(Some(f.kind)),
                Cell::money(f.amount),
                Cell::money(f.ssr_amount),
                Cell::code(Some(f.currency)),
                Cell::text(f.unknown),
                Cell::money(c.and_then(|c| c.amount)),
                Cell::money(c.and_then(|c| c.ssr_amount)),
                Cell::code(c.map(|c| c.currency)),
                Cell::date(c.map(|c| c.rate_date)),
                Cell::boolean(Some(f.internal_transfer)),
            ]);
        }
    }
    (t, left_out)
}
