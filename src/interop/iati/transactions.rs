//! Transactions: every `transaction` element, as the model's
//! [`Transaction`]s.

use chrono::NaiveDate;

use crate::model::AidClassification;
use crate::validate::Code;
use crate::{Money, Organisation, Party, Place, Sector, Transaction, TransactionType};

use super::attributes;
use super::codes;
use super::finance::money;
use super::findings::Findings;
use super::narrative::Languages;
use super::orgs::Stakeholders;
use super::recipients;
use super::tree::El;
use super::values;
use crate::diagnostics::XmlLocation;

/// One `transaction` element as read, before its parties are known.
pub(super) struct Read<'t> {
    pub(super) kind: TransactionType,
    pub(super) money: Money,
    pub(super) el: El<'t>,
    pub(super) path: XmlLocation,
    date: NaiveDate,
    value_date: NaiveDate,
    sectors: Vec<Sector>,
    place: Option<Place>,
    classification: AidClassification,
    humanitarian: Option<bool>,
}

impl<'t> Read<'t> {
    /// The `provider-org` element, if any.
    pub(super) fn provider(&self) -> Option<El<'t>> {
        self.el.child("provider-org")
    }
}

/// The transactions of an activity: those that can be read (a type, a
/// date and an amount in a currency), with findings for the others; and the
/// place each `transaction` element names, in document order (for the
/// programme's recipients when the activity names none).
pub(super) fn read<'t>(
    activity: El<'t>,
    path: &XmlLocation,
    default_currency: Option<&str>,
    sectors: &[Vec<Sector>],
    findings: &mut Findings,
) -> (Vec<Read<'t>>, Vec<Option<Place>>) {
    let mut out = Vec::new();
    let mut places = Vec::new();
    for (n, el) in activity.children_named("transaction").enumerate() {
        let here = path.child("transaction", n);
        let place = recipients::transaction_place(el, &here, findings);
        places.push(place);
        let Some(kind) = kind(el, &here, findings) else {
            continue;
        };
        let date = date(el, &here, findings);
        let money = money(el, &here, default_currency, findings);
        let (Some(date), Some(money)) = (date, money) else {
            continue;
        };
        let value_date = value_date(el, &here, date, findings);
        let at = attributes::At { el, path: &here };
        let classification = attributes::classification(at, "", findings);
        let humanitarian = attributes::humanitarian(at, findings);
        out.push(Read {
            kind,
            money,
            el,
            path: here,
            date,
            value_date,
            sectors: sectors.get(n).cloned().unwrap_or_default(),
            place,
            classification,
            humanitarian,
        });
    }
    (out, places)
}

/// The transaction type (2.03 codes, or the 1.x letters with a finding).
fn kind(el: El<'_>, here: &XmlLocation, findings: &mut Findings) -> Option<TransactionType> {
    let type_path = here.element("transaction-type").attribute("code");
    let type_el = el.child("transaction-type");
    let Some(text) = type_el.and_then(|t| t.attr("code")) else {
        findings.push(
            Code::IatiMissingElement,
            &type_path,
            el,
            "transaction has no transaction-type code: not imported",
        );
        return None;
    };
    let type_el = type_el.unwrap_or(el);
    let read = codes::transaction_type(text);
    let kind = findings.on_codelist(
        read.and_then(|r| TransactionType::from_iati_code(r.code)),
        &type_path,
        type_el,
        format_args!("transaction type {text:?} is not an IATI TransactionType code: not imported"),
    )?;
    if let Some(read) = read.filter(|r| r.legacy) {
        findings.push(
            Code::IatiLegacyCode,
            &type_path,
            type_el,
            format_args!("transaction type {text:?} read as code {}", read.code),
        );
    }
    Some(kind)
}

/// `transaction-date/@iso-date`, required.
fn date(el: El<'_>, here: &XmlLocation, findings: &mut Findings) -> Option<NaiveDate> {
    values::required_iso_date(el, here, "transaction-date", "transaction-date", findings)
}

/// `value/@value-date` (the date for currency conversion), else the
/// transaction date with a finding.
fn value_date(
    el: El<'_>,
    here: &XmlLocation,
    date: NaiveDate,
    findings: &mut Findings,
) -> NaiveDate {
    let at = here.element("value").attribute("value-date");
    let value = el.child("value").unwrap_or(el);
    match value.attr("value-date") {
        Some(text) => match values::date(text) {
            Some(d) => d,
            None => {
                findings.push(
                    Code::IatiInvalidDate,
                    &at,
                    value,
                    format_args!(
                        "value-date {text:?} is not a YYYY-MM-DD date; the transaction date {date} is used"
                    ),
                );
                date
            }
        },
        None => {
            findings.push(
                Code::IatiMissingElement,
                &at,
                value,
                format_args!("value has no value-date; the transaction date {date} is used"),
            );
            date
        }
    }
}

/// A `provider-org` or `receiver-org` as a party: the stakeholder it is,
/// else an organisation by its identifier and name; `None` when the element
/// names neither.
fn party(
    el: Option<El<'_>>,
    stakeholders: &Stakeholders<'_>,
    languages: Languages<'_>,
) -> Option<Party> {
    let el = el?;
    if let Some(id) = stakeholders.find(el, languages) {
        return Some(Party::Stakeholder(id));
    }
    let reference = el.attr("ref");
    let name = languages.narrative(el);
    if reference.is_none() && name.is_none() {
        return None;
    }
    let mut org = Organisation::new();
    if let Some(r) = reference {
        org = org.with_reference(r);
    }
    if let Some(n) = name {
        org = org.with_name(n);
    }
    Some(Party::Organisation(org))
}

/// An organisation's activity identifier (`provider-activity-id`,
/// `receiver-activity-id`), trimmed; `None` when absent or blank.
fn activity_id(org: Option<El<'_>>, attr: &str) -> Option<String> {
    let id = org?.attr(attr)?.trim();
    (!id.is_empty()).then(|| id.to_owned())
}

/// The model's transactions, with providers and receivers that are
/// stakeholders named by their id.
pub(super) fn to_model(
    read: &[Read<'_>],
    stakeholders: &Stakeholders<'_>,
    languages: Languages<'_>,
) -> Vec<Transaction> {
    read.iter()
        .map(|t| {
            let mut tx = Transaction::new(t.kind, t.date, t.money, t.value_date);
            if let Some(p) = party(t.provider(), stakeholders, languages) {
                tx = tx.with_provider(p);
            }
            if let Some(p) = party(t.el.child("receiver-org"), stakeholders, languages) {
                tx = tx.with_receiver(p);
            }
            tx.sectors.clone_from(&t.sectors);
            if let Some(place) = t.place {
                tx = tx.with_recipient(place);
            }
            tx.provider_activity = activity_id(t.provider(), "provider-activity-id");
            tx.receiver_activity = activity_id(t.el.child("receiver-org"), "receiver-activity-id");
            tx.classification.clone_from(&t.classification);
            tx.humanitarian = t.humanitarian;
            tx
        })
        .collect()
}
