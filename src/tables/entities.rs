//! The tables of a programme's parts: programmes, recipients,
//! stakeholders, components, objectives, challenges, mitigations and
//! evaluations.

use crate::{Place, Programme, Recipient, Sector};

use super::Kind::{Boolean, Code, Date, Float, Integer, Money, Text};
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

/// `;`-joined display forms: a known list, empty when it has no item.
pub(crate) fn joined<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> Cell {
    Cell::Text(
        items
            .into_iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(";"),
    )
}

/// The DAC purpose code of largest share, the first on ties (or when none
/// states one).
fn main_sector(sectors: &[Sector]) -> Option<u32> {
    let share = |s: &Sector| s.percentage.map_or(0.0, |p| p.get());
    let mut best: Option<&Sector> = None;
    for s in sectors.iter().filter(|s| s.dac_code().is_some()) {
        if best.is_none_or(|b| share(s) > share(b)) {
            best = Some(s);
        }
    }
    best.and_then(Sector::dac_code).map(|c| c.get())
}

/// `MLI:40;289:60`: codes with their stated shares.
pub(crate) fn recipient_list(recipients: &[Recipient]) -> String {
    recipients
        .iter()
        .map(|r| match r.percentage {
            Some(pc) => format!("{}:{}", r.place, pc.get()),
            None => r.place.to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// `country`, `region` or `unlisted`.
pub(crate) fn place_kind(place: Place) -> &'static str {
    place.kind()
}

/// The programmes table: its own columns, then the activity's attributes
/// ([`super::attributes::PROGRAMME_COLUMNS`]).
pub(super) const PROGRAMMES: [C; 40] =
    super::table::concat(PROGRAMMES_OWN, super::attributes::PROGRAMME_COLUMNS);

const PROGRAMMES_OWN: [C; 27] = [
    PROGRAMME_ID,
    EXTERNAL_ID,
    C::new("name", Text, "the programme's name"),
    C::new(
        "country",
        Code,
        "ISO 3166-1 alpha-3 code when the programme has exactly one recipient and it is a country",
    ),
    C::new("country_name", Text, "that country's English name"),
    C::new(
        "recipients",
        Text,
        "every recipient country (alpha-3) and region (IATI Region code), `;`-separated, each with `:percentage` when stated (`MLI:40;289:60`); the recipients table has one row each",
    ),
    C::new(
        "context",
        Code,
        "peace_operation, civil_military_operation, military_diplomacy or development_cooperation",
    ),
    C::new(
        "phase",
        Code,
        "assessment, design, implementation, review, closed, cancelled or suspended",
    ),
    C::new("planned_start", Date, "planned start date"),
    C::new("planned_end", Date, "planned end date"),
    C::new("actual_start", Date, "actual start date"),
    C::new("actual_end", Date, "actual end date"),
    C::new(
        "budget_amount",
        Money,
        "the total budget as the source states it (exact decimal)",
    ),
    C::new("budget_currency", Code, "its ISO 4217 currency"),
    C::new(
        "main_sector",
        Integer,
        "the DAC purpose code of largest share (the first on ties)",
    ),
    C::new(
        "dac_sectors",
        Text,
        "every DAC purpose code, `;`-separated, in order",
    ),
    C::new(
        "gender_marker",
        Code,
        "not_targeted, significant or principal",
    ),
    C::new("components", Integer, "number of components"),
    C::new("indicators", Integer, "number of indicators"),
    C::new("stakeholders", Integer, "number of stakeholders"),
    C::new("funding_sources", Integer, "number of funding sources"),
    C::new("challenges", Integer, "number of challenges"),
    C::new("evaluations", Integer, "number of evaluations"),
    C::new("description", Text, "the programme's description"),
    C::new("objectives", Integer, "number of objectives"),
    C::new("transactions", Integer, "number of transactions"),
    C::new("budgets", Integer, "number of budget periods"),
];

pub(super) fn programmes(t: &mut Table, p: &Programme) {
    let country = p.single_country();
    let own = [
        Cell::code(Some(p.id)),
        Cell::text(p.external_id.as_deref()),
        Cell::Text(p.name.clone()),
        Cell::code(country),
        Cell::text(country.map(|c| c.name())),
        Cell::Text(recipient_list(&p.recipients)),
        Cell::code(Some(p.context)),
        Cell::code(Some(p.phase)),
        Cell::date(p.planned_start),
        Cell::date(p.planned_end),
        Cell::date(p.actual_start),
        Cell::date(p.actual_end),
        Cell::money(p.budget.map(|b| b.amount)),
        Cell::code(p.budget.as_ref().map(|b| b.currency.as_str())),
        Cell::integer(main_sector(&p.sectors).map(i64::from)),
        joined(p.sectors.iter().filter_map(Sector::dac_code)),
        Cell::code(p.gender_marker),
        Cell::count(p.components.len()),
        Cell::count(p.indicators().count()),
        Cell::count(p.stakeholders.len()),
        Cell::count(p.funding.len()),
        Cell::count(p.challenges.len()),
        Cell::count(p.evaluations.len()),
        Cell::text(p.description.as_deref()),
        Cell::count(p.objectives.len()),
        Cell::count(p.transactions.len()),
        Cell::count(p.budgets.len()),
    ];
    t.push_parts(own, super::attributes::programme_cells(p));
}

pub(super) const RECIPIENTS: &[C] = &[
    PROGRAMME_ID,
    C::new(
        "recipient",
        Code,
        "a country (ISO 3166-1 alpha-3, Kosovo XKX) or a region (IATI Region code)",
    ),
    C::new("recipient_name", Text, "its English name"),
    RECIPIENT_KIND,
    C::new(
        "percentage",
        Float,
        "its share of the programme, 0–100, when stated",
    ),
];

pub(super) fn recipients(t: &mut Table, p: &Programme) {
    for r in &p.recipients {
        t.push([
            Cell::code(Some(p.id)),
            Cell::code(Some(r.place)),
            Cell::Text(r.place.name().to_owned()),
            Cell::code(Some(place_kind(r.place))),
            Cell::float(r.percentage.map(|x| x.get())),
        ]);
    }
}

pub(super) const STAKEHOLDERS: &[C] = &[
    PROGRAMME_ID,
    C::new("stakeholder_id", Code, "the stakeholder's UUID"),
    C::new("name", Text, "its name"),
    C::new(
        "kind",
        Code,
        "national_government, parliament, armed_forces, police, civil_society, …",
    ),
    C::new(
        "roles",
        Text,
        "its IATI and SSR roles (funding, implementing, beneficiary, oversight, …), `;`-separated",
    ),
    C::new(
        "influence",
        Integer,
        "influence or power, 1–5; empty when nobody assessed it",
    ),
    C::new(
        "interest",
        Integer,
        "interest, 1–5; empty when nobody assessed it",
    ),
    C::new(
        "stance",
        Code,
        "champion, supportive, neutral, resistant or blocking; empty when unassessed",
    ),
    C::new(
        "legitimate",
        Boolean,
        "whether its claim is legitimate (salience)",
    ),
    C::new("urgent", Boolean, "whether its claim is urgent (salience)"),
    C::new(
        "reference",
        Text,
        "its organisation reference, e.g. an IATI organisation identifier",
    ),
];

pub(super) fn stakeholders(t: &mut Table, p: &Programme) {
    for s in &p.stakeholders {
        t.push([
            Cell::code(Some(p.id)),
            Cell::code(Some(s.id)),
            Cell::Text(s.name.clone()),
            Cell::code(Some(s.kind)),
            joined(&s.roles),
            Cell::integer(s.influence.map(|l| i64::from(l.get()))),
            Cell::integer(s.interest.map(|l| i64::from(l.get()))),
            Cell::code(s.stance),
            Cell::Boolean(s.legitimate),
            Cell::Boolean(s.urgent),
            Cell::text(s.reference.as_deref()),
        ]);
    }
}

pub(super) const COMPONENTS: &[C] = &[
    PROGRAMME_ID,
    COMPONENT_ID,
    C::new("name", Text, "its name"),
    C::new(
        "pillar",
        Code,
        "the SSR pillar of work (police_reform, justice_reform, ddr, …)",
    ),
    C::new("weight", Float, "its relative weight within the programme"),
    C::new(
        "objective_ids",
        Text,
        "the objectives it serves, `;`-separated UUIDs (objectives table)",
    ),
    C::new(
        "lead_stakeholder_id",
        Code,
        "the stakeholder leading it (stakeholders table)",
    ),
    C::new("indicators", Integer, "number of indicators"),
];

pub(super) fn components(t: &mut Table, p: &Programme) {
    for c in &p.components {
        t.push([
            Cell::code(Some(p.id)),
            Cell::code(Some(c.id)),
            Cell::Text(c.name.clone()),
            Cell::code(Some(c.pillar)),
            Cell::Float(c.weight.get()),
            joined(&c.objectives),
            Cell::code(c.lead),
            Cell::count(c.indicators.len()),
        ]);
    }
}

/// Columns the objectives and objective scores tables share.
pub(super) const OBJECTIVE_KIND: C = C::new(
    "kind",
    Code,
    "accountability, rule_of_law, civilian_control, …",
);
pub(super) const STATEMENT: C = C::new("statement", Text, "what the programme aims at");

pub(super) const OBJECTIVES: &[C] = &[
    PROGRAMME_ID,
    C::new("objective_id", Code, "the objective's UUID"),
    OBJECTIVE_KIND,
    STATEMENT,
    C::new(
        "parent_objective_id",
        Code,
        "the overall objective it sits under, when any",
    ),
];

pub(super) fn objectives(t: &mut Table, p: &Programme) {
    for o in &p.objectives {
        t.push([
            Cell::code(Some(p.id)),
            Cell::code(Some(o.id)),
            Cell::code(Some(o.kind)),
            Cell::Text(o.statement.clone()),
            Cell::code(o.parent),
        ]);
    }
}

pub(super) const CHALLENGES: &[C] = &[
    PROGRAMME_ID,
    C::new("challenge_id", Code, "the challenge's UUID"),
    C::new(
        "kind",
        Code,
        "resistance_to_change, political_interference, corruption, …",
    ),
    C::new("description", Text, "the risk as the register states it"),
    C::new("likelihood", Integer, "1–5"),
    C::new("impact", Integer, "1–5"),
    C::new("inherent_risk", Integer, "likelihood × impact, 1–25"),
    C::new(
        "status",
        Code,
        "open, mitigating, monitoring, materialised or closed",
    ),
    C::new(
        "affected_component_ids",
        Text,
        "the components it affects, `;`-separated UUIDs",
    ),
    C::new(
        "stakeholder_ids",
        Text,
        "the stakeholders it involves, `;`-separated UUIDs",
    ),
    C::new(
        "mitigations",
        Integer,
        "number of mitigations (mitigations table)",
    ),
];

pub(super) fn challenges(t: &mut Table, p: &Programme) {
    for c in &p.challenges {
        let (l, i) = (i64::from(c.likelihood.get()), i64::from(c.impact.get()));
        t.push([
            Cell::code(Some(p.id)),
            Cell::code(Some(c.id)),
            Cell::code(Some(c.kind)),
            Cell::Text(c.description.clone()),
            Cell::Integer(l),
            Cell::Integer(i),
            Cell::Integer(l * i),
            Cell::code(Some(c.status)),
            joined(&c.affects),
            joined(&c.stakeholders),
            Cell::count(c.mitigations.len()),
        ]);
    }
}

pub(super) const MITIGATIONS: &[C] = &[
    PROGRAMME_ID,
    C::new(
        "challenge_id",
        Code,
        "the challenge it mitigates (challenges table)",
    ),
    C::new(
        "mitigation",
        Integer,
        "its position in the challenge's list, from 1",
    ),
    C::new("action", Text, "what is done"),
    C::new(
        "owner_stakeholder_id",
        Code,
        "the stakeholder who owns it (stakeholders table)",
    ),
    C::new(
        "effectiveness",
        Float,
        "the share of the risk it removes, 0–1",
    ),
];

pub(super) fn mitigations(t: &mut Table, p: &Programme) {
    for c in &p.challenges {
        for (n, m) in c.mitigations.iter().enumerate() {
            t.push([
                Cell::code(Some(p.id)),
                Cell::code(Some(c.id)),
                Cell::count(n + 1),
                Cell::Text(m.action.clone()),
                Cell::code(m.owner),
                Cell::Float(m.effectiveness.get()),
            ]);
        }
    }
}

pub(super) const EVALUATIONS: &[C] = &[
    PROGRAMME_ID,
    C::new("evaluation_id", Code, "the evaluation's UUID"),
    C::new("evaluator", Text, "who evaluated"),
    C::new("date", Date, "when"),
    C::new(
        "scale",
        Text,
        "the rating scale's labels, worst to best, `;`-separated",
    ),
    C::new(
        "criterion",
        Code,
        "the OECD DAC criterion: relevance, coherence, effectiveness, efficiency, impact or sustainability",
    ),
    C::new("rating", Text, "the label given on the scale"),
    C::new(
        "rating_score",
        Float,
        "the label's position on the scale, 0 (worst) to 1 (best)",
    ),
    C::new("comment", Text, "the evaluator's comment on this criterion"),
];

pub(super) fn evaluations(t: &mut Table, p: &Programme) {
    for e in &p.evaluations {
        for r in e.ratings() {
            t.push([
                Cell::code(Some(p.id)),
                Cell::code(Some(e.id)),
                Cell::Text(e.evaluator.clone()),
                Cell::Date(e.date),
                joined(e.scale().levels()),
                Cell::code(Some(r.criterion)),
                Cell::Text(r.rating.clone()),
                Cell::float(e.score(r.criterion)),
                Cell::text(r.comment.as_deref()),
            ]);
        }
    }
}
