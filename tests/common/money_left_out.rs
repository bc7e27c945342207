//! The oracle's view of money left out and of transfers inside the
//! portfolio (`money_scan`, its own XML scan from the IATI 2.03 standard):
//! what `unallocated_money` findings should report, and how many
//! transactions flows net of internal transfers leave out.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use super::money_scan::{Activity, Cell, INCOMING, Key, Ratio, transaction_code};

/// Per activity and currency, the money the flows give no recipient (the
/// cells with an empty recipient, where known), leaving out zeros: what an
/// `unallocated_money` finding should report.
pub fn unallocated(cells: &BTreeMap<Key, Cell>) -> BTreeMap<(String, String), Ratio> {
    let mut out: BTreeMap<(String, String), Ratio> = BTreeMap::new();
    for (k, c) in cells.iter().filter(|(k, _)| k.recipient.is_empty()) {
        if let Ok(whole) = &c.whole {
            let slot = out
                .entry((k.activity.clone(), k.currency.clone()))
                .or_insert(Ratio::ZERO);
            *slot = slot.add(*whole);
        }
    }
    out.retain(|_, v| !v.is_zero());
    out
}

/// How many transactions pass money to or take it from another activity
/// of the scan (the ones net flows leave out).
pub fn internal_transfers(activities: &[Activity]) -> usize {
    let ids: BTreeSet<&str> = activities.iter().map(|a| a.identifier.as_str()).collect();
    activities
        .iter()
        .flat_map(|a| a.transactions.iter().map(move |t| (a, t)))
        .filter(|(a, t)| {
            let Some(kind) = t.type_code.as_deref().and_then(transaction_code) else {
                return false;
            };
            let counterpart = if INCOMING.contains(&kind) {
                t.provider_activity.as_deref()
            } else {
                t.receiver_activity.as_deref()
            };
            counterpart
                .map(str::trim)
                .is_some_and(|c| c != a.identifier && ids.contains(c))
        })
        .count()
}
