//! Money values, and the total budget and funding by source that budgets
//! and transactions become.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::validate::Code;
use crate::{Amount, Budget, BudgetKind, Currency, Funding, Money, StakeholderId, TransactionType};

use super::findings::Findings;
use super::narrative::Languages;
use super::orgs::Stakeholders;
use super::transactions::Read as Transaction;
use super::tree::El;
use super::values;
use crate::diagnostics::XmlLocation;

/// Reads the money in the `value` child of `el`: the amount and its currency
/// (`value/@currency`, else the activity's `default-currency`), with
/// findings for what cannot be read.
pub(super) fn money(
    el: El<'_>,
    here: &XmlLocation,
    default_currency: Option<&str>,
    findings: &mut Findings,
) -> Option<Money> {
    let value_path = here.element("value");
    let Some(value) = el.child("value") else {
        findings.push(
            Code::IatiMissingElement,
            &value_path,
            el,
            format_args!("{} has no value", el.name()),
        );
        return None;
    };
    let text = value.text();
    let Some((amount, rounded)) = values::amount(text) else {
        findings.push(
            Code::IatiNonNumericValue,
            &value_path,
            value,
            format_args!("{} value {text:?} is not an amount: left out", el.name()),
        );
        return None;
    };
    if rounded {
        findings.push(
            Code::IatiAmountRounded,
            &value_path,
            value,
            format_args!("{} value {text} rounded to {amount}", el.name()),
        );
    }
    let Some(code) = value.attr("currency").or(default_currency) else {
        findings.push(
            Code::IatiMissingElement,
            &value_path.attribute("currency"),
            value,
            format_args!(
                "{} value has no currency and the activity no default-currency: left out",
                el.name()
            ),
        );
        return None;
    };
    findings
        .on_codelist(
            code.parse::<Currency>().ok(),
            &value_path.attribute("currency"),
            value,
            format_args!("currency {code:?} is not an ISO 4217 code: value left out"),
        )
        .map(|currency| Money::new(amount, currency))
}

/// Sums amounts in one currency: the activity's default currency when some
/// amount uses it, else the first amount's. Amounts in other currencies are
/// left out with an `iati_mixed_currency` finding (converting needs rates
/// the file does not give).
fn sum(
    amounts: &[Money],
    default_currency: Option<&str>,
    what: &str,
    el: El<'_>,
    here: &XmlLocation,
    findings: &mut Findings,
) -> Option<Money> {
    let first = amounts.first()?;
    let currency = amounts
        .iter()
        .map(|m| m.currency)
        .find(|c| Some(c.as_str()) == default_currency)
        .unwrap_or(first.currency);
    let mut total = Amount::ZERO;
    let mut left_out = Vec::new();
    for m in amounts {
        if m.currency != currency {
            left_out.push(m.to_string());
            continue;
        }
        match total.checked_add(m.amount) {
            Some(t) => total = t,
            None => {
                left_out.push(format!("{m} (the sum overflows)"));
            }
        }
    }
    if !left_out.is_empty() {
        findings.push(
            Code::IatiMixedCurrency,
            here,
            el,
            format_args!(
                "{what} summed in {currency}; left out: {}",
                left_out.join(", ")
            ),
        );
    }
    Some(Money::new(total, currency))
}

/// The programme's total budget:
///
/// - the sum of its budgets, taking for each budget period (same start and
///   end) the revised budgets when there are any, else the original ones,
///   so a revision does not count twice;
/// - else, when there is no usable budget, the sum of its outgoing
///   commitments (transaction type 2);
///
/// in one currency (see [`sum`]).
pub(super) fn budget(
    activity: El<'_>,
    path: &XmlLocation,
    default_currency: Option<&str>,
    budgets: &[Budget],
    transactions: &[Transaction<'_>],
    findings: &mut Findings,
) -> Option<Money> {
    // Periods with a revision, as a set: many budgets stay linear.
    let revised: HashSet<(NaiveDate, NaiveDate)> = budgets
        .iter()
        .filter(|b| b.kind == BudgetKind::Revised)
        .map(|b| (b.start, b.end))
        .collect();
    let chosen: Vec<Money> = budgets
        .iter()
        .filter(|b| b.kind == BudgetKind::Revised || !revised.contains(&(b.start, b.end)))
        .map(|b| b.value)
        .collect();
    if !chosen.is_empty() {
        return sum(
            &chosen,
            default_currency,
            "budgets",
            activity,
            &path.element("budget"),
            findings,
        );
    }
    let commitments: Vec<Money> = transactions
        .iter()
        .filter(|t| t.kind == TransactionType::OutgoingCommitment)
        .map(|t| t.money)
        .collect();
    sum(
        &commitments,
        default_currency,
        "outgoing commitments",
        activity,
        &path.element("transaction"),
        findings,
    )
}

/// The programme's funding by source:
///
/// - incoming commitments (transaction type 11) by `provider-org`, or for a
///   provider with none, its incoming funds (type 1);
/// - else, when nothing comes in, outgoing commitments (type 2) by
///   `provider-org`, the reporting organisation when the transaction names
///   none (a donor committing its own funds).
///
/// Each source becomes a [`Funding`] from the matching stakeholder (by
/// identifier, else name), added with the funding role when it is not a
/// participating organisation. An incoming transaction without a provider
/// is credited to the only funding stakeholder, or else left out with a
/// finding.
pub(super) fn funding(
    activity: El<'_>,
    path: &XmlLocation,
    default_currency: Option<&str>,
    all: &[Transaction<'_>],
    stakeholders: &mut Stakeholders<'_>,
    languages: Languages<'_>,
    findings: &mut Findings,
) -> Vec<Funding> {
    let incoming: Vec<&Transaction<'_>> = all
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TransactionType::IncomingCommitment | TransactionType::IncomingFunds
            )
        })
        .collect();
    let reporting = activity.child("reporting-org");
    let (chosen, outgoing): (Vec<&Transaction<'_>>, bool) = if incoming.is_empty() {
        (
            all.iter()
                .filter(|t| t.kind == TransactionType::OutgoingCommitment)
                .collect(),
            true,
        )
    } else {
        (incoming, false)
    };
    // Sources in order of first appearance, each with its transactions.
    let mut sources: Vec<(StakeholderId, Vec<&Transaction<'_>>)> = Vec::new();
    // Position of each source in `sources`: many providers stay linear.
    let mut by_source: HashMap<StakeholderId, usize> = HashMap::new();
    for t in chosen {
        let provider = t.provider().or(if outgoing { reporting } else { None });
        let source = match provider {
            Some(p) => stakeholders.funder(p, &t.path.element("provider-org"), languages, findings),
            None => stakeholders.sole_funder(),
        };
        let Some(source) = source else {
            findings.push(
                Code::IatiNotImported,
                &t.path,
                activity,
                format_args!(
                    "incoming {} has no provider-org and the activity no single funder: not counted as funding",
                    t.money
                ),
            );
            continue;
        };
        match by_source.get(&source).and_then(|&i| sources.get_mut(i)) {
            Some((_, list)) => list.push(t),
            None => {
                by_source.insert(source, sources.len());
                sources.push((source, vec![t]));
            }
        }
    }
    let mut out = Vec::new();
    for (source, list) in sources {
        let commitments: Vec<Money> = list
            .iter()
            .filter(|t| t.kind != TransactionType::IncomingFunds)
            .map(|t| t.money)
            .collect();
        let amounts = if commitments.is_empty() {
            list.iter().map(|t| t.money).collect()
        } else {
            commitments
        };
        let here = list
            .first()
            .map_or_else(|| path.clone(), |t| t.path.clone());
        if let Some(total) = sum(
            &amounts,
            default_currency,
            "funding",
            activity,
            &here,
            findings,
        ) {
            out.push(Funding::new(source, total));
        }
    }
    out
}
