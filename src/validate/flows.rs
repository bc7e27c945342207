//! Checks on where a programme works and on its money over time:
//! recipients, budgets by period and transactions.

use std::collections::HashMap;

use super::sink::Sink;
use super::{Code, ids, structure};
use crate::diagnostics::path::At;
use crate::{Budget, Party, Place, Programme, StakeholderId, Transaction};

/// `no_recipient`, `percentage_sum` and `withdrawn_recipient_code` on the
/// programme's recipients.
pub(crate) fn recipients(sink: &mut Sink<'_>, at: &At<'_>, p: &Programme) {
    let list = at.member("recipients");
    // IATI: recipients are declared on the activity or on every transaction.
    let on_every_transaction =
        !p.transactions.is_empty() && p.transactions.iter().all(|t| t.recipient.is_some());
    if p.recipients.is_empty() && !on_every_transaction {
        sink.emit(
            Code::NoRecipient,
            &list,
            format_args!("the programme names no recipient country or region"),
            "add the countries (IATI Country codelist) or regions (IATI Region codelist, \
             vocabulary 1) it works in, with percentages when there are several",
        );
    }
    structure::recipient_shares(sink, &list, &p.recipients);
    for (i, r) in p.recipients.iter().enumerate() {
        let here = list.index(i);
        withdrawn(sink, &here.member(r.place.kind()), r.place);
    }
}

/// `withdrawn_recipient_code`: a region or country IATI has withdrawn.
fn withdrawn(sink: &mut Sink<'_>, at: &At<'_>, place: Place) {
    let (is_withdrawn, successor) = match place {
        Place::Region(r) => (
            r.is_withdrawn(),
            "use 1031 (Caribbean, regional) or 389 (Caribbean & Central America, regional)",
        ),
        Place::Country(c) => (
            c.as_str() == "ANT",
            "use the successor countries: CUW (Curaçao), SXM (Sint Maarten) or BES \
             (Bonaire, Sint Eustatius and Saba)",
        ),
        // On no codelist: the importer reports it (`iati_unknown_code`).
        Place::Unlisted(_) => (false, ""),
    };
    if is_withdrawn {
        sink.emit(
            Code::WithdrawnRecipientCode,
            at,
            format_args!(
                "recipient {place} ({}) has been withdrawn from its IATI codelist",
                place.name()
            ),
            successor,
        );
    }
}

/// `date_order` on budget periods.
pub(crate) fn budgets(sink: &mut Sink<'_>, at: &At<'_>, budgets: &[Budget]) {
    let list = at.member("budgets");
    for (i, b) in budgets.iter().enumerate() {
        if b.end < b.start {
            let here = list.index(i);
            sink.emit(
                Code::DateOrder,
                &here.member("end"),
                format_args!(
                    "the budget period ends on {}, before it starts on {}",
                    b.end, b.start
                ),
                "correct the period's start or end date",
            );
        }
    }
}

/// `dangling_reference` for transaction parties named as stakeholders.
pub(crate) fn transactions(
    sink: &mut Sink<'_>,
    at: &At<'_>,
    stakeholders: &HashMap<StakeholderId, usize>,
    transactions: &[Transaction],
) {
    let list = at.member("transactions");
    for (i, t) in transactions.iter().enumerate() {
        let here = list.index(i);
        for (member, party) in [("provider", &t.provider), ("receiver", &t.receiver)] {
            if let Some(Party::Stakeholder(id)) = party {
                let at_party = here.member(member);
                ids::reference(sink, stakeholders, &at_party.member("stakeholder"), id);
            }
        }
    }
}
