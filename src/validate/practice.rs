//! SSR design practice: the checks that read a programme the way an SSR
//! adviser would, after the literature's principles of local ownership,
//! democratic civilian oversight, inclusive engagement and monitoring that
//! mixes numbers with qualitative evidence.

use chrono::NaiveDate;

use super::Code;
use super::dates;
use super::ids::Ids;
use super::sink::Sink;
use crate::diagnostics::path::At;
use crate::{
    Challenge, ChallengeStatus, Component, GenderMarker, Indicator, ObjectiveKind, Pillar,
    Programme, Role, Stakeholder, StakeholderId,
};

/// What the walk over a programme's components learnt, for the
/// programme-wide checks.
#[derive(Default)]
pub(crate) struct Facts {
    /// How many indicators the programme has.
    pub(crate) indicators: usize,
    /// Whether one of them is ordinal, nominal or qualitative.
    pub(crate) non_quantitative: bool,
    /// Whether a period breaks a value down by sex or gender.
    pub(crate) sex_disaggregated: bool,
    /// The latest-dated actual: its date and its (component, indicator,
    /// period) position.
    pub(crate) latest_actual: Option<(NaiveDate, (usize, usize, usize))>,
}

/// `component_without_indicator`.
pub(crate) fn component(sink: &mut Sink<'_>, at: &At<'_>, component: &Component) {
    if component.indicators.is_empty() {
        sink.emit(
            Code::ComponentWithoutIndicator,
            &at.member("indicators"),
            format_args!(
                "the component {:?} has no indicator, so its progress cannot be measured",
                component.name
            ),
            "add at least one indicator with a baseline and targets, and the means of \
             verifying it",
        );
    }
}

/// `indicator_without_baseline`, and `undated_baseline` for a baseline
/// value without its date.
pub(crate) fn baseline(sink: &mut Sink<'_>, at: &At<'_>, indicator: &Indicator) {
    let help = "record the value measured before the programme's work began, with its date; \
                without it, progress cannot be told apart from where things stood";
    match &indicator.baseline {
        None => sink.emit(
            Code::IndicatorWithoutBaseline,
            &at.member("baseline"),
            format_args!("the indicator {:?} has no baseline", indicator.title),
            help,
        ),
        Some(b) if b.value.is_none() => {
            let baseline = at.member("baseline");
            sink.emit(
                Code::IndicatorWithoutBaseline,
                &baseline.member("value"),
                format_args!(
                    "the baseline of the indicator {:?} has no value",
                    indicator.title
                ),
                help,
            );
        }
        Some(b) if b.date.is_none() => {
            let baseline = at.member("baseline");
            sink.emit(
                Code::UndatedBaseline,
                &baseline.member("date"),
                format_args!(
                    "the baseline of the indicator {:?} has no date: it counts as known at every \
                     date, and progress is timed from the first period's start",
                    indicator.title
                ),
                "record the date the baseline was measured on (if only the year is known, its \
                 first day, said in the baseline comment)",
            );
        }
        Some(_) => {}
    }
}

/// `high_risk_without_mitigation`: a challenge of high inherent risk that
/// is not closed and has no mitigation.
pub(crate) fn challenge(sink: &mut Sink<'_>, at: &At<'_>, challenge: &Challenge) {
    let risk = u16::from(challenge.likelihood.get()) * u16::from(challenge.impact.get());
    if risk >= u16::from(sink.policy.high_risk)
        && challenge.mitigations.is_empty()
        && challenge.status != ChallengeStatus::Closed
    {
        sink.emit(
            Code::HighRiskWithoutMitigation,
            &at.member("mitigations"),
            format_args!(
                "the challenge {:?} has inherent risk {risk} (likelihood {} × impact {}) and no mitigation",
                challenge.description, challenge.likelihood, challenge.impact
            ),
            "plan at least one mitigation with an owner and an estimated effectiveness, or \
             close the challenge if it no longer applies",
        );
    }
}

/// What a programme shows of the practices the checks look for.
struct Presence {
    civil_society: bool,
    oversight: bool,
    local_ownership: bool,
    gender: bool,
    funders: Funders,
}

impl Presence {
    fn of(p: &Programme, facts: &Facts) -> Self {
        let mut presence = Presence {
            civil_society: false,
            oversight: p.components.iter().any(|c| c.pillar.is_oversight()),
            local_ownership: false,
            gender: matches!(
                p.gender_marker,
                Some(GenderMarker::Significant | GenderMarker::Principal)
            ) || facts.sex_disaggregated
                || p.components
                    .iter()
                    .any(|c| c.pillar == Pillar::HumanRightsAndGender)
                || p.objectives
                    .iter()
                    .any(|o| o.kind == ObjectiveKind::GenderEquality),
            funders: Funders::default(),
        };
        for f in &p.funding {
            presence.funders.add(f.source);
        }
        for s in &p.stakeholders {
            presence.civil_society |= s.kind.is_civil_society();
            presence.oversight |= s.kind.is_oversight() || s.has_role(Role::Oversight);
            presence.local_ownership |= s.kind.is_national()
                && (s.has_role(Role::Accountable) || s.has_role(Role::Implementing));
            presence.gender |= s.kind == crate::StakeholderKind::WomensOrganisation;
            if s.has_role(Role::Funding) {
                presence.funders.add(s.id);
            }
        }
        presence
    }
}

/// `unassessed_stakeholder` and `unmitigated_resistance` of one stakeholder.
fn stakeholder(sink: &mut Sink<'_>, here: &At<'_>, s: &Stakeholder, ids: &Ids) {
    unassessed(s, here, sink);
    let opposed = s.stance.filter(|st| st.is_opposed());
    let powerful = s.influence.filter(|&inf| inf >= sink.policy.high_influence);
    if let (Some(stance), Some(influence)) = (opposed, powerful)
        && !ids.addressed.contains(&s.id)
    {
        sink.emit(
            Code::UnmitigatedResistance,
            here,
            format_args!(
                "{:?} is {stance} with influence {influence}, and no mitigated challenge names it",
                s.name
            ),
            "add a challenge (e.g. resistance to change) that names this stakeholder, with \
             a mitigation: engagement, incentives, sequencing or political backing",
        );
    }
}

/// The programme-wide practice checks, run after the walk gathered `facts`
/// and `ids` (with the stakeholders the challenges address).
pub(crate) fn programme(sink: &mut Sink<'_>, at: &At<'_>, p: &Programme, facts: &Facts, ids: &Ids) {
    let stakeholders = at.member("stakeholders");
    for (i, s) in p.stakeholders.iter().enumerate() {
        stakeholder(sink, &stakeholders.index(i), s, ids);
    }
    absent(sink, at, &Presence::of(p, facts));
    monitoring(sink, at, p, facts);
}

/// `no_civil_society`, `no_oversight`, `no_local_ownership`, `single_funder`
/// and `no_gender_dimension`.
fn absent(sink: &mut Sink<'_>, at: &At<'_>, presence: &Presence) {
    let stakeholders = at.member("stakeholders");
    let Presence {
        civil_society,
        oversight,
        local_ownership,
        gender,
        ref funders,
    } = *presence;
    if !civil_society {
        sink.emit(
            Code::NoCivilSociety,
            &stakeholders,
            format_args!(
                "no stakeholder is a civil-society organisation, women's organisation, local \
                 community, academic institution or media outlet"
            ),
            "involve the people the security sector serves: add the civil-society \
             organisations or community representatives consulted or engaged",
        );
    }
    if !oversight {
        sink.emit(
            Code::NoOversight,
            &at.member("components"),
            format_args!(
                "no component works on oversight or justice and no stakeholder is a parliament, \
                 judiciary or oversight body or has the oversight role"
            ),
            "add an oversight component (parliamentary committees, independent oversight \
             bodies, courts) or name the body that oversees the reformed institutions",
        );
    }
    if !local_ownership {
        sink.emit(
            Code::NoLocalOwnership,
            &stakeholders,
            format_args!("no national actor is accountable for or implements the programme"),
            "name the national institution that is accountable for or implements the reform \
             (ministry, police, parliament, civil society) and give it that role",
        );
    }
    if funders.single() {
        sink.emit(
            Code::SingleFunder,
            &at.member("funding"),
            format_args!("the programme has a single funding source"),
            "nothing to fix if this is deliberate; otherwise consider co-funding or a \
             national budget contribution, which spreads the risk of a funder's withdrawal \
             and signals national ownership",
        );
    }
    if !gender {
        sink.emit(
            Code::NoGenderDimension,
            &at.member("gender_marker"),
            format_args!(
                "the programme shows no gender dimension: no significant or principal gender \
                 marker, gender component or objective, women's organisation or \
                 sex-disaggregated indicator"
            ),
            "set the gender marker, disaggregate people-counting indicators by sex, or \
             involve women's organisations",
        );
    }
}

/// `quantitative_only` and `stale_data`.
fn monitoring(sink: &mut Sink<'_>, at: &At<'_>, p: &Programme, facts: &Facts) {
    if facts.indicators > 0 && !facts.non_quantitative {
        sink.emit(
            Code::QuantitativeOnly,
            &at.member("components"),
            format_args!(
                "all {} indicators are quantitative; none is ordinal or qualitative",
                facts.indicators
            ),
            "add a qualitative or ordinal indicator (e.g. an oversight body's assessment or a \
             perception survey scale) for what numbers miss: behaviour, legitimacy, trust",
        );
    }
    if let (Some(as_of), Some((date, (c, i, k)))) = (sink.policy.as_of, facts.latest_actual) {
        let components = at.member("components");
        let component = components.index(c);
        let indicators = component.member("indicators");
        let indicator = indicators.index(i);
        let periods = indicator.member("periods");
        let period = periods.index(k);
        dates::stale(sink, &period.member("actual"), p.phase, date, as_of);
    }
}

/// `unassessed_stakeholder`: influence, interest or stance unknown, so the
/// stakeholder analysis leaves the stakeholder out where it needs them.
fn unassessed(s: &Stakeholder, here: &At<'_>, sink: &mut Sink<'_>) {
    let unknown: Vec<&str> = [
        ("influence", s.influence.is_none()),
        ("interest", s.interest.is_none()),
        ("stance", s.stance.is_none()),
    ]
    .into_iter()
    .filter_map(|(name, missing)| missing.then_some(name))
    .collect();
    if unknown.is_empty() {
        return;
    }
    sink.emit(
        Code::UnassessedStakeholder,
        here,
        format_args!(
            "{:?} has no {}: the stakeholder analysis leaves it out where it needs them",
            s.name,
            unknown.join(", ")
        ),
        "assess the stakeholder (influence and interest 1–5, stance) with the programme team, \
         or accept that the grid, salience, resistance and inclusion do not count it",
    );
}

/// Counts distinct funders only as far as telling one from several.
#[derive(Default)]
struct Funders {
    first: Option<StakeholderId>,
    several: bool,
}

impl Funders {
    fn add(&mut self, id: StakeholderId) {
        match self.first {
            None => self.first = Some(id),
            Some(first) => self.several |= first != id,
        }
    }

    fn single(&self) -> bool {
        self.first.is_some() && !self.several
    }
}
