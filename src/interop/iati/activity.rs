//! One `iati-activity`, and the programme it becomes.

use chrono::NaiveDateTime;

use crate::validate::{Code, Report, Severity};
use crate::{
    Component, ComponentId, GenderMarker, Objective, ObjectiveId, ObjectiveKind, Phase, Pillar,
    Programme, ProgrammeId,
};

use super::findings::Findings;
use super::narrative::Languages;
use super::orgs::Stakeholders;
use super::results;
use super::tree::El;
use super::{
    ImportOptions, attributes, budgets, codes, finance, locations, recipients, sectors,
    transactions, values,
};
use crate::diagnostics::XmlLocation;

/// The programme read from one activity, with the import findings about it.
///
/// ```
/// use ssr_model::interop::iati;
///
/// let xml = r#"<iati-activities version="2.03"><iati-activity>
///   <iati-identifier>XM-EX-2</iati-identifier>
///   <title><narrative>Regional dialogue</narrative></title>
///   <recipient-region code="298"/>
/// </iati-activity></iati-activities>"#;
/// let activity = iati::activities(xml.as_bytes())?.next().unwrap()?;
/// assert_eq!(activity.identifier, "XM-EX-2");
/// let programme = activity.programme.unwrap();
/// assert_eq!(programme.regions().map(|r| r.name()).collect::<Vec<_>>(), ["Africa, regional"]);
/// // No activity-status: read as implementation, with a finding.
/// assert_eq!(activity.findings.findings()[0].code.as_str(), "iati_missing_element");
/// # Ok::<(), iati::ImportError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ImportedActivity {
    /// The `iati-identifier` (empty when the activity has none).
    pub identifier: String,
    /// Its position among the file's `iati-activity` elements, from 1.
    pub position: usize,
    /// The line its start tag is on.
    pub line: u64,
    /// Its `@last-updated-datetime`: in UTC when the text has a zone, as
    /// written when it has none; `None` when absent or not a date-time (with
    /// an `iati_invalid_date` finding). A [`CorpusBuilder`](super::CorpusBuilder)
    /// keeps the latest of several activities with one identifier.
    pub last_updated: Option<NaiveDateTime>,
    /// The programme, or `None` when the activity cannot become one (it
    /// has no identifier); the findings say why.
    pub programme: Option<Programme>,
    /// What the import noticed; paths are XPath-like locations in the file.
    pub findings: Report,
}

/// What mapping one activity needs to know about the stream.
pub(super) struct Context<'a> {
    pub(super) options: &'a ImportOptions,
    pub(super) position: usize,
    pub(super) line: u64,
    pub(super) file_language: Option<&'a str>,
}

/// Maps one activity; `None` when the filter leaves it out.
pub(super) fn map(activity: El<'_>, context: &Context<'_>) -> Option<ImportedActivity> {
    let options = context.options;
    let filter = options.filter();
    let path = super::findings::activity(context.position);
    let mut findings = Findings::new();
    let identifier = activity
        .child("iati-identifier")
        .map(|e| e.text())
        .filter(|t| !t.is_empty());
    if let Some(id) = identifier {
        findings.set_identifier(id);
    }
    let reporting = activity.child("reporting-org");
    if !filter.keeps_reporting_org(reporting.and_then(|r| r.attr("ref"))) {
        return None;
    }
    let sectors = sectors::read(activity, &path, &mut findings);
    if !filter.keeps_sectors(sectors.filter_codes.iter().copied()) {
        return None;
    }
    let default_currency = activity.attr("default-currency");
    let (transactions, places) = transactions::read(
        activity,
        &path,
        default_currency,
        &sectors.transactions,
        &mut findings,
    );
    let recipients = recipients::read(
        activity,
        &path,
        &places,
        options.fallback_country(),
        &mut findings,
    );
    if !filter.keeps_recipients(&recipients) {
        return None;
    }
    let last_updated = last_updated(activity, &path, &mut findings);
    let imported = |programme, findings: Findings| ImportedActivity {
        identifier: identifier.unwrap_or("").to_owned(),
        position: context.position,
        line: context.line,
        last_updated,
        programme,
        findings: findings.into_report(),
    };
    let Some(identifier) = identifier else {
        findings.push_with(
            Code::IatiMissingElement,
            Severity::Error,
            &path.element("iati-identifier"),
            activity,
            "no iati-identifier: not imported (ids are derived from it)",
        );
        return Some(imported(None, findings));
    };
    let languages = Languages {
        requested: options.language(),
        default: activity.attr("xml:lang").or(context.file_language),
    };
    let reading = Reading {
        path: &path,
        identifier,
        languages,
        fallback_pillar: options.fallback_pillar(),
    };
    let read = Read {
        recipients,
        sectors,
        transactions,
    };
    let programme = programme(activity, &reading, read, &mut findings);
    Some(imported(Some(programme), findings))
}

/// The activity's `@last-updated-datetime`, with a finding when it is not a
/// date-time.
fn last_updated(
    activity: El<'_>,
    path: &XmlLocation,
    findings: &mut Findings,
) -> Option<NaiveDateTime> {
    let text = activity.attr("last-updated-datetime")?;
    let read = values::date_time(text);
    if read.is_none() {
        findings.push(
            Code::IatiInvalidDate,
            &path.attribute("last-updated-datetime"),
            activity,
            format_args!("last-updated-datetime {text:?} is not an ISO 8601 date-time"),
        );
    }
    read
}

/// What reading one activity's programme needs besides the element.
struct Reading<'a> {
    path: &'a XmlLocation,
    identifier: &'a str,
    languages: Languages<'a>,
    fallback_pillar: Option<Pillar>,
}

/// What was read of an activity before its programme is built.
struct Read<'t> {
    recipients: Vec<crate::Recipient>,
    sectors: sectors::Sectors<'t>,
    transactions: Vec<transactions::Read<'t>>,
}

fn programme(
    activity: El<'_>,
    reading: &Reading<'_>,
    read: Read<'_>,
    findings: &mut Findings,
) -> Programme {
    let Read {
        recipients,
        sectors,
        transactions,
    } = read;
    let Reading {
        path,
        identifier,
        languages,
        ..
    } = *reading;
    let name = match activity.child("title").and_then(|t| languages.narrative(t)) {
        Some(title) => title.to_owned(),
        None => {
            findings.push(
                Code::IatiMissingElement,
                &path.element("title"),
                activity,
                "no title; the identifier is used as the name",
            );
            identifier.to_owned()
        }
    };
    let countries: Vec<crate::Country> = recipients
        .iter()
        .filter_map(|r| r.place.country())
        .collect();
    let mut programme = Programme::without_recipients(name)
        .with_recipients(recipients)
        .with_id(ProgrammeId::from_external(identifier))
        .with_external_id(identifier)
        .with_phase(phase(activity, path, findings));
    programme = descriptions(programme, activity, identifier, languages);
    programme = dates(programme, activity, path, findings);

    let dac = sectors.for_components();
    let components = sectors::components(&dac, identifier);
    programme.sectors = sectors.activity;

    programme = money_and_people(
        programme,
        activity,
        reading,
        countries,
        &transactions,
        findings,
    );

    let reader = results::Reader {
        identifier,
        languages,
    };
    let indicators = reader.indicators(activity, path, findings);
    programme.components = components.components;
    if let Some(main) = components
        .main
        .and_then(|i| programme.components.get_mut(i))
    {
        main.indicators = indicators;
    } else if !indicators.is_empty() {
        let mut component = unclassified(activity, reading, &dac, findings);
        component.indicators = indicators;
        programme.components.push(component);
    }
    programme.gender_marker = gender_marker(activity, path, findings);
    let at = attributes::At { el: activity, path };
    attributes::read(&mut programme, at, languages, findings);
    programme.locations = locations::read(at, languages, findings);
    programme
}

/// The programme's stakeholders, budgets, total budget, funding and
/// transactions (which name stakeholders, so come after them).
fn money_and_people(
    mut programme: Programme,
    activity: El<'_>,
    reading: &Reading<'_>,
    countries: Vec<crate::Country>,
    transactions: &[transactions::Read<'_>],
    findings: &mut Findings,
) -> Programme {
    let Reading {
        path,
        identifier,
        languages,
        ..
    } = *reading;
    let default_currency = activity.attr("default-currency");
    let reporting = activity.child("reporting-org");
    let mut stakeholders = Stakeholders::read(
        activity, path, identifier, countries, reporting, languages, findings,
    );
    let budgets = budgets::read(activity, path, default_currency, findings);
    programme.budget = finance::budget(
        activity,
        path,
        default_currency,
        &budgets,
        transactions,
        findings,
    );
    programme.budgets = budgets;
    programme.funding = finance::funding(
        activity,
        path,
        default_currency,
        transactions,
        &mut stakeholders,
        languages,
        findings,
    );
    programme.transactions = transactions::to_model(transactions, &stakeholders, languages);
    programme.stakeholders = stakeholders.into_vec();
    programme
}

/// The component that keeps the results of an activity none of whose DAC
/// sectors maps onto an SSR pillar: of the override pillar when one is
/// given, else [`Pillar::Unclassified`]; named and identified after the
/// activity's main DAC sector (largest share, the first on ties), else
/// "Results".
fn unclassified(
    activity: El<'_>,
    reading: &Reading<'_>,
    sectors: &[crate::Sector],
    findings: &mut Findings,
) -> Component {
    let identifier = reading.identifier;
    let main_sector = sectors
        .iter()
        .filter(|s| s.dac_code().is_some())
        .max_by(|a, b| {
            let share = |s: &crate::Sector| s.percentage.map_or(0.0, |p| p.get());
            share(a)
                .total_cmp(&share(b))
                .then(std::cmp::Ordering::Greater)
        })
        .map(|s| s.code.as_str());
    let (name, key) = match main_sector {
        Some(code) => (format!("DAC {code}"), format!("{identifier}/sector/{code}")),
        None => ("Results".to_owned(), format!("{identifier}/results")),
    };
    let pillar = reading.fallback_pillar.unwrap_or(Pillar::Unclassified);
    let how = match reading.fallback_pillar {
        Some(p) => format!("in a component of the override pillar {p}"),
        None => "in an unclassified component".to_owned(),
    };
    findings.push(
        Code::IatiNoSsrComponent,
        &reading.path.element("result"),
        activity,
        format_args!(
            "no DAC sector of the activity maps onto an SSR pillar: its results are kept {how}"
        ),
    );
    Component::new(name, pillar).with_id(ComponentId::from_external(&key))
}

/// `activity-status`, read as a phase; implementation when missing or
/// unknown (with a finding).
fn phase(activity: El<'_>, path: &XmlLocation, findings: &mut Findings) -> Phase {
    let here = path.element("activity-status").attribute("code");
    let status = activity.child("activity-status");
    let Some(text) = status.and_then(|s| s.attr("code")) else {
        findings.push(
            Code::IatiMissingElement,
            &here,
            activity,
            "no activity-status; read as implementation",
        );
        return Phase::Implementation;
    };
    findings
        .on_codelist(
            values::code(text).and_then(Phase::from_iati_status),
            &here,
            status.unwrap_or(activity),
            format_args!("activity status {text:?} is not an IATI ActivityStatus code; read as implementation"),
        )
        .unwrap_or(Phase::Implementation)
}

/// The general description (type 1, or untyped) becomes the programme's
/// description; objectives descriptions (type 2) become objectives.
fn descriptions(
    mut programme: Programme,
    activity: El<'_>,
    identifier: &str,
    languages: Languages<'_>,
) -> Programme {
    for (n, el) in activity.children_named("description").enumerate() {
        let Some(text) = languages.narrative(el) else {
            continue;
        };
        match el.attr("type") {
            None | Some("1") if programme.description.is_none() => {
                programme.description = Some(text.to_owned());
            }
            Some("2") => {
                let id =
                    ObjectiveId::from_external(&format!("{identifier}/description[{}]", n + 1));
                programme
                    .objectives
                    .push(Objective::new(ObjectiveKind::Other, text).with_id(id));
            }
            _ => {}
        }
    }
    programme
}

/// `activity-date` types 1–4: planned start, actual start, planned end,
/// actual end (the first of each type).
fn dates(
    mut programme: Programme,
    activity: El<'_>,
    path: &XmlLocation,
    findings: &mut Findings,
) -> Programme {
    for (n, el) in activity.children_named("activity-date").enumerate() {
        let here = path.child("activity-date", n);
        let Some(kind) = el.attr("type") else {
            findings.push(
                Code::IatiMissingElement,
                &here.attribute("type"),
                el,
                "activity-date has no type",
            );
            continue;
        };
        let Some(read) = findings.on_codelist(
            codes::activity_date_type(kind),
            &here.attribute("type"),
            el,
            format_args!("activity-date type {kind:?} is not an IATI ActivityDateType code"),
        ) else {
            continue;
        };
        if read.legacy {
            findings.push(
                Code::IatiLegacyCode,
                &here.attribute("type"),
                el,
                format_args!("activity-date type {kind:?} read as code {}", read.code),
            );
        }
        let slot = match read.code {
            1 => &mut programme.planned_start,
            2 => &mut programme.actual_start,
            3 => &mut programme.planned_end,
            _ => &mut programme.actual_end,
        };
        let Some(text) = el.attr("iso-date") else {
            findings.push(
                Code::IatiMissingElement,
                &here.attribute("iso-date"),
                el,
                "activity-date has no iso-date",
            );
            continue;
        };
        match values::date(text) {
            Some(d) => {
                if slot.is_none() {
                    *slot = Some(d);
                }
            }
            None => findings.push(
                Code::IatiInvalidDate,
                &here.attribute("iso-date"),
                el,
                format_args!("activity-date {text:?} is not a YYYY-MM-DD date"),
            ),
        }
    }
    programme
}

/// The OECD DAC gender equality marker: `policy-marker` code 1 of the DAC
/// vocabulary (1, the default). Significance 0–2 map onto the marker; 3 and
/// 4 (principal objective in other forms) read as principal.
fn gender_marker(
    activity: El<'_>,
    path: &XmlLocation,
    findings: &mut Findings,
) -> Option<GenderMarker> {
    let (n, el) = activity
        .children_named("policy-marker")
        .enumerate()
        .find(|(_, m)| {
            m.attr("code") == Some("1") && matches!(m.attr("vocabulary"), None | Some("1"))
        })?;
    let here = path.child("policy-marker", n).attribute("significance");
    let Some(text) = el.attr("significance") else {
        findings.push(
            Code::IatiMissingElement,
            &here,
            el,
            "gender policy-marker has no significance",
        );
        return None;
    };
    match values::code(text) {
        Some(c @ 0..=2) => GenderMarker::from_iati_code(c),
        Some(3 | 4) => Some(GenderMarker::Principal),
        _ => {
            findings.push(
                Code::IatiUnknownCode,
                &here,
                el,
                format_args!("policy significance {text:?} is not an IATI PolicySignificance code"),
            );
            None
        }
    }
}
