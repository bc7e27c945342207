//! Yearly money flows per recipient country or region: each transaction
//! split by [`split_transaction`](super::split_transaction), in one
//! currency.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::ScoringPolicy;
use super::as_of::known;
use super::finance::{Converter, main_currency};
use super::shares::split_transaction;
use crate::diagnostics::Finding;
use crate::diagnostics::Pointer;
use crate::{Currency, ExchangeRates, Place, Programme, TransactionType};

/// The money of one transaction type in one year going to one recipient.
///
/// `place` is `None` for the part of the money no recipient accounts for
/// (stated percentages summing to less than 100, or no recipient at all).
/// `amount` is `None` when some of it went to a recipient whose share is
/// unknown (several recipients, one without a percentage).
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Money, Programme, Region};
/// use ssr_model::model::{Percentage, Recipient, Transaction, TransactionType};
///
/// let day = NaiveDate::from_ymd_opt(2021, 5, 1).unwrap();
/// let p = Programme::new("x", Country::new("MLI")?)
///     .with_recipients([
///         Recipient::country(Country::new("MLI")?).with_percentage(Percentage::new(40.0)?),
///         Recipient::region(Region::new(289)?).with_percentage(Percentage::new(60.0)?),
///     ])
///     .with_transaction(Transaction::new(TransactionType::Disbursement, day, Money::parse("1000", "EUR")?, day));
/// let (flows, findings) = Scorer::default().recipient_flows(&p);
/// assert!(findings.is_empty());
/// let amounts: Vec<_> = flows.iter().map(|f| (f.place.map(|p| p.to_string()), f.year, f.amount)).collect();
/// assert_eq!(amounts, [
///     (Some("MLI".to_string()), 2021, Some(400.0)),
///     (Some("289".to_string()), 2021, Some(600.0)),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RecipientFlow {
    /// The country or region; `None` for unallocated money.
    pub place: Option<Place>,
    /// The calendar year of the transactions.
    pub year: i32,
    /// The transaction type.
    pub kind: TransactionType,
    /// The sum, `None` when a share is unknown.
    pub amount: Option<f64>,
    /// The currency of `amount`.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub currency: Currency,
}

/// Group key: recipients in first-seen order, then year and type.
type Key = (usize, i32, TransactionType);

/// The flows of `p`, and the money left out for want of a rate.
pub(crate) fn recipient_flows(
    p: &Programme,
    policy: &ScoringPolicy,
    rates: Option<&ExchangeRates>,
) -> (Vec<RecipientFlow>, Vec<Finding>) {
    let to = policy
        .finance
        .currency
        .or_else(|| main_currency(p, policy.as_of));
    let Some(to) = to else {
        return (Vec::new(), Vec::new());
    };
    let mut conv = Converter {
        rates,
        to,
        findings: Vec::new(),
    };
    let mut places: Vec<Option<Place>> = Vec::new();
    let mut sums: BTreeMap<Key, Option<f64>> = BTreeMap::new();
    let mut add = |place: Option<Place>, year, kind, amount: Option<f64>| {
        let index = match places.iter().position(|x| *x == place) {
            Some(i) => i,
            None => {
                places.push(place);
                places.len() - 1
            }
        };
        let slot = sums.entry((index, year, kind)).or_insert(Some(0.0));
        *slot = slot.zip(amount).map(|(a, b)| a + b);
    };
    let dated = p.transactions.iter().enumerate();
    for (i, t) in dated.filter(|(_, t)| known(t.date, policy.as_of)) {
        let path = || {
            Pointer::root()
                .member("transactions")
                .index(i)
                .member("value")
        };
        let Some(v) = conv.value(t.value, Some(t.value_date), &path) else {
            continue;
        };
        let year = t.date.year();
        let split = split_transaction(p, t, v);
        let known: f64 = split.iter().filter_map(|(_, a)| *a).sum();
        let all_known = split.iter().all(|(_, a)| a.is_some());
        for (place, amount) in split {
            add(Some(place), year, t.kind, amount);
        }
        // What the stated shares leave over is shown, not dropped.
        let rest = v - known;
        if all_known && rest > 1e-9 * v.abs().max(1.0) {
            add(None, year, t.kind, Some(rest));
        }
    }
    let flows = sums
        .into_iter()
        .filter_map(|((index, year, kind), amount)| {
            Some(RecipientFlow {
                place: *places.get(index)?,
                year,
                kind,
                amount,
                currency: to,
            })
        })
        .collect();
    (flows, conv.findings)
}
