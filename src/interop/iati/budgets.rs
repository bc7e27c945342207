//! Budgets by period: every `budget` element, as the model's [`Budget`]s.

use chrono::NaiveDate;

use crate::validate::Code;
use crate::{Budget, BudgetKind, BudgetStatus};

use super::finance::money;
use super::findings::Findings;
use super::tree::El;
use super::values;
use crate::diagnostics::XmlLocation;

/// The budgets of an activity: each with a usable period and amount, with
/// findings for the others. A missing `value-date` is read as the period's
/// start, with a finding.
pub(super) fn read(
    activity: El<'_>,
    path: &XmlLocation,
    default_currency: Option<&str>,
    findings: &mut Findings,
) -> Vec<Budget> {
    let mut out = Vec::new();
    for (n, el) in activity.children_named("budget").enumerate() {
        let here = path.child("budget", n);
        let kind = kind(el, &here, findings);
        let status = status(el, &here, findings);
        let start = period_date(el, &here, "period-start", findings);
        let end = period_date(el, &here, "period-end", findings);
        let money = money(el, &here, default_currency, findings);
        let (Some(start), Some(end), Some(money)) = (start, end, money) else {
            continue;
        };
        let value = el.child("value").unwrap_or(el);
        let value_date = match value.attr("value-date").map(|t| (t, values::date(t))) {
            Some((_, Some(d))) => d,
            other => {
                let why = match other {
                    Some((text, _)) => format!("value-date {text:?} is not a YYYY-MM-DD date"),
                    None => "budget value has no value-date".to_owned(),
                };
                findings.push(
                    Code::IatiMissingElement,
                    &here.element("value").attribute("value-date"),
                    value,
                    format_args!("{why}; the period start {start} is used"),
                );
                start
            }
        };
        let mut budget = Budget::new(start, end, money, value_date).with_kind(kind);
        if let Some(status) = status {
            budget = budget.with_status(status);
        }
        out.push(budget);
    }
    out
}

/// BudgetType: 1 original (also when absent), 2 revised.
fn kind(el: El<'_>, here: &XmlLocation, findings: &mut Findings) -> BudgetKind {
    let Some(text) = el.attr("type") else {
        return BudgetKind::Original;
    };
    findings
        .on_codelist(
            values::code(text).and_then(BudgetKind::from_iati_code),
            &here.attribute("type"),
            el,
            format_args!("budget type {text:?} is not an IATI BudgetType code; read as original"),
        )
        .unwrap_or(BudgetKind::Original)
}

/// BudgetStatus: 1 indicative, 2 committed; unknown when absent.
fn status(el: El<'_>, here: &XmlLocation, findings: &mut Findings) -> Option<BudgetStatus> {
    let text = el.attr("status")?;
    findings.on_codelist(
        values::code(text).and_then(BudgetStatus::from_iati_code),
        &here.attribute("status"),
        el,
        format_args!("budget status {text:?} is not an IATI BudgetStatus code; left unknown"),
    )
}

/// `period-start` or `period-end` of a budget, required.
fn period_date(
    el: El<'_>,
    here: &XmlLocation,
    name: &str,
    findings: &mut Findings,
) -> Option<NaiveDate> {
    let label = format!("budget {name}");
    values::required_iso_date(el, here, name, &label, findings)
}
