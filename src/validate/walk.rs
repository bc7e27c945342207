//! One pass over a portfolio: every entity is visited once, and each visit
//! runs the checks of every family that concern it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::dates::{self, Span};
use super::ids::{self, Ids};
use super::practice::{self, Facts};
use super::sink::Sink;
use super::{Report, ValidationPolicy, chain, flows, structure, values};
use crate::diagnostics::path::At;
use crate::{Indicator, Portfolio, Programme, ProgrammeId, Value};

/// The walk's state: findings so far and tables reused between programmes.
pub(crate) struct Walker<'p> {
    sink: Sink<'p>,
    ids: Ids,
    scratch: Scratch,
}

/// Lists reused from one indicator to the next, so they are allocated once.
#[derive(Default)]
struct Scratch {
    /// Indices of periods without an actual.
    unreported: Vec<usize>,
    /// Period indices in start-date order.
    order: Vec<usize>,
}

impl<'p> Walker<'p> {
    pub(crate) fn new(policy: &'p ValidationPolicy) -> Self {
        Walker {
            sink: Sink::new(policy),
            ids: Ids::default(),
            scratch: Scratch::default(),
        }
    }

    pub(crate) fn finish(self) -> Report {
        let mut report: Report = self.sink.findings.into_iter().collect();
        report.sort();
        report
    }

    pub(crate) fn portfolio(&mut self, portfolio: &Portfolio) {
        let root = At::ROOT;
        if let Some(name) = &portfolio.name {
            structure::name(&mut self.sink, &root.member("name"), "portfolio name", name);
        }
        let programmes = root.member("programmes");
        let mut seen: HashMap<ProgrammeId, usize> =
            HashMap::with_capacity(portfolio.programmes.len());
        ids::index(
            &mut self.sink,
            &mut seen,
            &programmes,
            portfolio.programmes.iter().map(|p| p.id),
        );
        for (i, programme) in portfolio.programmes.iter().enumerate() {
            let first = self.sink.findings.len();
            self.programme(&programmes.index(i), programme);
            // Sorting each programme's few findings now leaves the whole
            // report in order but for the portfolio-wide ones, so the final
            // sort only merges a couple of runs.
            if let Some(own) = self.sink.findings.get_mut(first..) {
                own.sort();
            }
        }
    }

    pub(crate) fn programme(&mut self, at: &At<'_>, p: &Programme) {
        let Walker { sink, ids, scratch } = self;
        ids.clear();

        structure::name(sink, &at.member("name"), "programme name", &p.name);
        dates::programme(sink, at, p);
        flows::recipients(sink, at, p);
        flows::budgets(sink, at, &p.budgets);
        stakeholders(sink, ids, at, p);
        flows::transactions(sink, at, &ids.stakeholders, &p.transactions);
        objectives(sink, ids, at, p);
        let components = at.member("components");
        ids::index(
            sink,
            &mut ids.components,
            &components,
            p.components.iter().map(|c| c.id),
        );
        funding_and_sectors(sink, ids, at, p);
        challenges(sink, ids, at, p);
        evaluations(sink, ids, at, p);
        structure::component_weights(sink, &components, &p.components);
        let facts = self::components(sink, ids, scratch, at, p);
        chain::objectives(sink, at, p, &ids.objectives);
        practice::programme(sink, at, p, &facts, ids);
    }
}

/// Stakeholder ids and names.
fn stakeholders(sink: &mut Sink<'_>, ids: &mut Ids, at: &At<'_>, p: &Programme) {
    let list = at.member("stakeholders");
    ids::index(
        sink,
        &mut ids.stakeholders,
        &list,
        p.stakeholders.iter().map(|s| s.id),
    );
    for (i, s) in p.stakeholders.iter().enumerate() {
        let here = list.index(i);
        structure::name(sink, &here.member("name"), "stakeholder name", &s.name);
    }
}

/// Objective ids, statements and parents.
fn objectives(sink: &mut Sink<'_>, ids: &mut Ids, at: &At<'_>, p: &Programme) {
    let list = at.member("objectives");
    ids::index(
        sink,
        &mut ids.objectives,
        &list,
        p.objectives.iter().map(|o| o.id),
    );
    for (i, o) in p.objectives.iter().enumerate() {
        let here = list.index(i);
        let statement = here.member("statement");
        structure::name(sink, &statement, "objective statement", &o.statement);
        if let Some(parent) = &o.parent {
            ids::reference(sink, &ids.objectives, &here.member("parent"), parent);
        }
    }
}

/// Funding shares and sources, sector shares and codes.
fn funding_and_sectors(sink: &mut Sink<'_>, ids: &Ids, at: &At<'_>, p: &Programme) {
    let funding = at.member("funding");
    structure::funding_shares(sink, &funding, &p.funding);
    for (i, f) in p.funding.iter().enumerate() {
        let here = funding.index(i);
        ids::reference(sink, &ids.stakeholders, &here.member("source"), &f.source);
    }
    let sectors = at.member("sectors");
    structure::sector_shares(sink, &sectors, &p.sectors);
    for (i, s) in p.sectors.iter().enumerate() {
        let here = sectors.index(i);
        structure::sector_code(sink, &here.member("code"), s);
    }
}

/// The risk register: ids, descriptions, what each challenge names, its
/// mitigations, and the stakeholders they address.
fn challenges(sink: &mut Sink<'_>, ids: &mut Ids, at: &At<'_>, p: &Programme) {
    let list = at.member("challenges");
    ids::index(
        sink,
        &mut ids.challenges,
        &list,
        p.challenges.iter().map(|c| c.id),
    );
    for (i, c) in p.challenges.iter().enumerate() {
        let here = list.index(i);
        let description = here.member("description");
        structure::name(sink, &description, "challenge description", &c.description);
        practice::challenge(sink, &here, c);
        ids::references(sink, &ids.components, &here.member("affects"), &c.affects);
        let named = here.member("stakeholders");
        ids::references(sink, &ids.stakeholders, &named, &c.stakeholders);
        if !c.mitigations.is_empty() {
            ids.addressed.extend(c.stakeholders.iter().copied());
        }
        let mitigations = here.member("mitigations");
        for (j, m) in c.mitigations.iter().enumerate() {
            let m_at = mitigations.index(j);
            structure::name(sink, &m_at.member("action"), "mitigation action", &m.action);
            if let Some(owner) = &m.owner {
                ids::reference(sink, &ids.stakeholders, &m_at.member("owner"), owner);
            }
        }
    }
}

/// Evaluation ids and evaluators.
fn evaluations(sink: &mut Sink<'_>, ids: &mut Ids, at: &At<'_>, p: &Programme) {
    let list = at.member("evaluations");
    ids::index(
        sink,
        &mut ids.evaluations,
        &list,
        p.evaluations.iter().map(|e| e.id),
    );
    for (i, e) in p.evaluations.iter().enumerate() {
        let here = list.index(i);
        structure::name(sink, &here.member("evaluator"), "evaluator", &e.evaluator);
    }
}

/// Components and their indicators; returns what the programme-wide
/// practice checks need to know of them.
fn components(
    sink: &mut Sink<'_>,
    ids: &mut Ids,
    scratch: &mut Scratch,
    at: &At<'_>,
    p: &Programme,
) -> Facts {
    let components = at.member("components");
    let span = Span::of(p);
    let mut facts = Facts::default();
    for (ci, c) in p.components.iter().enumerate() {
        let here = components.index(ci);
        structure::name(sink, &here.member("name"), "component name", &c.name);
        ids::references(
            sink,
            &ids.objectives,
            &here.member("objectives"),
            &c.objectives,
        );
        if let Some(lead) = &c.lead {
            ids::reference(sink, &ids.stakeholders, &here.member("lead"), lead);
        }
        practice::component(sink, &here, c);
        chain::component(sink, &here, c);
        let indicators = here.member("indicators");
        structure::indicator_weights(sink, &indicators, &c.indicators);
        for (ii, indicator) in c.indicators.iter().enumerate() {
            let ind_at = indicators.index(ii);
            ids::indicator(sink, ids, at, indicator.id, (ci, ii));
            let refs = ind_at.member("objectives");
            ids::references(sink, &ids.objectives, &refs, &indicator.objectives);
            let position = (ci, ii);
            indicator_checks(
                sink, &ind_at, indicator, span, position, &mut facts, scratch,
            );
        }
    }
    facts
}

/// Every check of one indicator and its periods, in one loop over the
/// periods.
fn indicator_checks(
    sink: &mut Sink<'_>,
    at: &At<'_>,
    indicator: &Indicator,
    span: Span,
    (ci, ii): (usize, usize),
    facts: &mut Facts,
    scratch: &mut Scratch,
) {
    let Scratch { unreported, order } = scratch;
    structure::name(
        sink,
        &at.member("title"),
        "indicator title",
        &indicator.title,
    );
    practice::baseline(sink, at, indicator);
    chain::source(sink, at, indicator);
    values::baseline(sink, at, indicator);
    facts.indicators += 1;
    let quantitative = indicator.measure.is_quantitative();
    facts.non_quantitative |= !quantitative;

    let as_of = sink.policy.as_of;
    let baseline = indicator.baseline.as_ref();
    let baseline_number = baseline
        .and_then(|b| b.value.as_ref())
        .and_then(Value::as_number);
    let periods = at.member("periods");
    unreported.clear();
    let mut ordered = true;
    let mut previous_start: Option<NaiveDate> = None;
    let mut earliest_end: Option<(NaiveDate, usize)> = None;
    let mut reported_until: Option<NaiveDate> = None;
    for (k, period) in indicator.periods.iter().enumerate() {
        let here = periods.index(k);
        dates::period(sink, &here, period, span);
        if let Some(as_of) = as_of {
            dates::future_actual(sink, &here, period, as_of);
        }
        if quantitative {
            values::period(sink, &here, indicator, period, baseline_number);
        }
        chain::breakdowns(sink, &here, indicator.measure, period);
        ordered &= previous_start.is_none_or(|s| s <= period.start);
        previous_start = Some(period.start);
        // A period ending before it starts is reported as such, not again as
        // ending before the baseline.
        if period.start <= period.end && earliest_end.is_none_or(|(end, _)| period.end < end) {
            earliest_end = Some((period.end, k));
        }
        if period.actual.is_some() {
            reported_until = reported_until.max(Some(period.end));
            if facts.latest_actual.is_none_or(|(d, _)| period.end > d) {
                facts.latest_actual = Some((period.end, (ci, ii, k)));
            }
        } else if quantitative {
            unreported.push(k);
        }
        if !facts.sex_disaggregated {
            facts.sex_disaggregated = period.breakdowns.iter().any(|b| b.is_by_sex());
        }
    }
    values::unreported(
        sink,
        &periods,
        &indicator.periods,
        unreported,
        reported_until,
        as_of,
    );
    dates::baseline_after_period(sink, at, baseline.and_then(|b| b.date), earliest_end);
    dates::overlaps(sink, &periods, &indicator.periods, ordered, order);
}
