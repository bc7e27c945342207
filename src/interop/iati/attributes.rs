//! The attributes a funding analyst filters by: the reporting organisation,
//! how money is given (flow type, finance type, aid types, tied status, at
//! activity level as defaults and per transaction as overrides), the
//! collaboration type, the humanitarian flag and scopes, policy markers and
//! related activities.
//!
//! A code on no codelist is kept as written, with an `iati_unknown_code`
//! finding; an element without its code is left out with an
//! `iati_missing_element` finding; nothing stated stays `None`.

use crate::Programme;
use crate::diagnostics::XmlLocation;
use crate::model::{
    AidClassification, AidType, AidTypeVocabulary, CollaborationType, FinanceType, FlowType,
    HumanitarianScope, HumanitarianScopeType, HumanitarianScopeVocabulary, OrganisationType,
    PolicyMarker, PolicyMarkerVocabulary, PolicySignificance, RelatedActivity, RelatedActivityType,
    ReportingOrg, TiedStatus, ValueError,
};
use crate::validate::Code;

use super::findings::Findings;
use super::narrative::Languages;
use super::tree::El;

/// Where an element is: its element and its path.
#[derive(Clone, Copy)]
pub(super) struct At<'a, 't> {
    pub(super) el: El<'t>,
    pub(super) path: &'a XmlLocation,
}

/// The children of `el` called `name` (a name built at run time).
fn named<'t, 'n>(el: El<'t>, name: &'n str) -> impl Iterator<Item = El<'t>> + use<'t, 'n> {
    el.children().filter(move |c| c.name() == name)
}

/// The code in attribute `attr` of `el` (at `path`), read by `parse`: kept
/// whether listed or not, with an `iati_unknown_code` finding when not;
/// `None` when absent, or (with a finding) when the text is no code at all
/// (a control character).
pub(super) fn code<T>(
    el: El<'_>,
    path: &XmlLocation,
    attr: &str,
    what: &str,
    parse: impl Fn(&str) -> Result<T, ValueError>,
    listed: impl Fn(&T) -> bool,
    findings: &mut Findings,
) -> Option<T> {
    let text = el.attr(attr)?;
    let (read, message) = match parse(text) {
        Ok(read) if listed(&read) => return Some(read),
        Ok(read) => (Some(read), "is not on its IATI codelist; kept as written"),
        Err(_) => (None, "is not a code; left out"),
    };
    findings.push(
        Code::IatiUnknownCode,
        &path.attribute(attr),
        el,
        format_args!("{what} {text:?} {message}"),
    );
    read
}

/// The `@code` of the first child `name` of `at`, read by `parse`.
fn child_code<T>(
    at: At<'_, '_>,
    name: &str,
    what: &str,
    parse: impl Fn(&str) -> Result<T, ValueError>,
    listed: impl Fn(&T) -> bool,
    findings: &mut Findings,
) -> Option<T> {
    let el = at.el.child(name)?;
    let path = at.path.element(name);
    if el.attr("code").is_none() {
        findings.push(
            Code::IatiMissingElement,
            &path.attribute("code"),
            el,
            format_args!("{name} has no code: left out"),
        );
        return None;
    }
    code(el, &path, "code", what, parse, listed, findings)
}

/// The classification an activity (`prefix` `default-`) or a transaction
/// (`prefix` empty) states.
pub(super) fn classification(
    at: At<'_, '_>,
    prefix: &str,
    findings: &mut Findings,
) -> AidClassification {
    let name = |n: &str| format!("{prefix}{n}");
    AidClassification {
        flow_type: child_code(
            at,
            &name("flow-type"),
            "flow type",
            FlowType::new,
            FlowType::is_listed,
            findings,
        ),
        finance_type: child_code(
            at,
            &name("finance-type"),
            "finance type",
            FinanceType::new,
            FinanceType::is_listed,
            findings,
        ),
        aid_types: aid_types(at, &name("aid-type"), findings),
        tied_status: child_code(
            at,
            &name("tied-status"),
            "tied status",
            TiedStatus::new,
            TiedStatus::is_listed,
            findings,
        ),
    }
}

/// Every `name` (`default-aid-type` or `aid-type`) child of `at`, of any
/// vocabulary (1 when none is named).
fn aid_types(at: At<'_, '_>, name: &str, findings: &mut Findings) -> Vec<AidType> {
    let mut out = Vec::new();
    for (n, el) in named(at.el, name).enumerate() {
        let here = at.path.child(name, n);
        let vocabulary = code(
            el,
            &here,
            "vocabulary",
            "aid type vocabulary",
            AidTypeVocabulary::new,
            AidTypeVocabulary::is_listed,
            findings,
        )
        .unwrap_or_default();
        let Some(text) = el.attr("code") else {
            findings.push(
                Code::IatiMissingElement,
                &here.attribute("code"),
                el,
                format_args!("{name} has no code: left out"),
            );
            continue;
        };
        let Ok(aid) = AidType::of(vocabulary, text) else {
            continue;
        };
        if !aid.is_listed() && aid.vocabulary.is_listed() {
            findings.push(
                Code::IatiUnknownCode,
                &here.attribute("code"),
                el,
                format_args!(
                    "aid type {text:?} is not on the list of vocabulary {}; kept as written",
                    aid.vocabulary
                ),
            );
        }
        out.push(aid);
    }
    out
}

/// An `xsd:boolean` attribute (`humanitarian`): `true`/`1` or
/// `false`/`0`; anything else is unknown, with a finding.
pub(super) fn humanitarian(at: At<'_, '_>, findings: &mut Findings) -> Option<bool> {
    let text = at.el.attr("humanitarian")?;
    match text {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => {
            findings.push(
                Code::IatiUnknownCode,
                &at.path.attribute("humanitarian"),
                at.el,
                format_args!("humanitarian {text:?} is not true, false, 1 or 0; read as unknown"),
            );
            None
        }
    }
}

/// The activity-level attributes, set on `programme`.
pub(super) fn read(
    programme: &mut Programme,
    at: At<'_, '_>,
    languages: Languages<'_>,
    findings: &mut Findings,
) {
    programme.reporting_org = reporting_org(at, languages, findings);
    programme.default_classification = classification(at, "default-", findings);
    programme.collaboration_type = child_code(
        at,
        "collaboration-type",
        "collaboration type",
        CollaborationType::new,
        CollaborationType::is_listed,
        findings,
    );
    programme.humanitarian = humanitarian(at, findings);
    programme.humanitarian_scopes = humanitarian_scopes(at, languages, findings);
    programme.policy_markers = policy_markers(at, languages, findings);
    programme.related_activities = related_activities(at, findings);
}

/// `reporting-org`: its `@ref`, `@type` and name; `None` when absent or
/// empty.
fn reporting_org(
    at: At<'_, '_>,
    languages: Languages<'_>,
    findings: &mut Findings,
) -> Option<ReportingOrg> {
    let el = at.el.child("reporting-org")?;
    let path = at.path.element("reporting-org");
    let org = ReportingOrg {
        reference: el.attr("ref").map(str::to_owned),
        kind: code(
            el,
            &path,
            "type",
            "organisation type",
            OrganisationType::new,
            OrganisationType::is_listed,
            findings,
        ),
        name: languages.narrative(el).map(str::to_owned),
    };
    (!org.is_empty()).then_some(org)
}

/// Every `policy-marker`, of any vocabulary (1 when none is named).
fn policy_markers(
    at: At<'_, '_>,
    languages: Languages<'_>,
    findings: &mut Findings,
) -> Vec<PolicyMarker> {
    let mut out = Vec::new();
    for (n, el) in at.el.children_named("policy-marker").enumerate() {
        let here = at.path.child("policy-marker", n);
        let vocabulary = code(
            el,
            &here,
            "vocabulary",
            "policy marker vocabulary",
            PolicyMarkerVocabulary::new,
            PolicyMarkerVocabulary::is_listed,
            findings,
        )
        .unwrap_or_default();
        let Some(Ok(mut marker)) = el.attr("code").map(|c| PolicyMarker::of(vocabulary, c)) else {
            findings.push(
                Code::IatiMissingElement,
                &here.attribute("code"),
                el,
                "policy-marker has no code: left out",
            );
            continue;
        };
        if !marker.is_listed() && marker.vocabulary.is_listed() {
            findings.push(
                Code::IatiUnknownCode,
                &here.attribute("code"),
                el,
                format_args!(
                    "policy marker {:?} is not on the OECD DAC list; kept as written",
                    marker.code
                ),
            );
        }
        marker.significance = code(
            el,
            &here,
            "significance",
            "policy significance",
            PolicySignificance::new,
            PolicySignificance::is_listed,
            findings,
        );
        marker.narrative = languages.narrative(el).map(str::to_owned);
        out.push(marker);
    }
    out
}

/// Every `humanitarian-scope` with its type, vocabulary and code (an
/// element missing one of them is left out, with a finding).
fn humanitarian_scopes(
    at: At<'_, '_>,
    languages: Languages<'_>,
    findings: &mut Findings,
) -> Vec<HumanitarianScope> {
    let mut out = Vec::new();
    for (n, el) in at.el.children_named("humanitarian-scope").enumerate() {
        let here = at.path.child("humanitarian-scope", n);
        let kind = code(
            el,
            &here,
            "type",
            "humanitarian scope type",
            HumanitarianScopeType::new,
            HumanitarianScopeType::is_listed,
            findings,
        );
        let vocabulary = code(
            el,
            &here,
            "vocabulary",
            "humanitarian scope vocabulary",
            HumanitarianScopeVocabulary::new,
            HumanitarianScopeVocabulary::is_listed,
            findings,
        );
        let scope = match (kind, vocabulary, el.attr("code")) {
            (Some(kind), Some(vocabulary), Some(code)) => {
                HumanitarianScope::new(kind, vocabulary, code).ok()
            }
            _ => None,
        };
        let Some(mut scope) = scope else {
            findings.push(
                Code::IatiMissingElement,
                &here,
                el,
                "humanitarian-scope needs a type, a vocabulary and a code: left out",
            );
            continue;
        };
        scope.vocabulary_uri = el.attr("vocabulary-uri").map(str::to_owned);
        scope.narrative = languages.narrative(el).map(str::to_owned);
        out.push(scope);
    }
    out
}

/// Every `related-activity` with its identifier and type.
fn related_activities(at: At<'_, '_>, findings: &mut Findings) -> Vec<RelatedActivity> {
    let mut out = Vec::new();
    for (n, el) in at.el.children_named("related-activity").enumerate() {
        let here = at.path.child("related-activity", n);
        let kind = code(
            el,
            &here,
            "type",
            "related activity type",
            RelatedActivityType::new,
            RelatedActivityType::is_listed,
            findings,
        );
        let related = match (el.attr("ref"), kind) {
            (Some(id), Some(kind)) => RelatedActivity::new(id, kind).ok(),
            _ => None,
        };
        match related {
            Some(r) => out.push(r),
            None => findings.push(
                Code::IatiMissingElement,
                &here,
                el,
                "related-activity needs a ref and a type: left out",
            ),
        }
    }
    out
}
