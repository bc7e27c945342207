//! Recipient countries and regions, at activity and transaction level.

use crate::model::UnlistedCode;
use crate::validate::{Code, Severity};
use crate::{Country, Place, Recipient, Region};

use super::findings::Findings;
use super::tree::El;
use super::values;
use crate::diagnostics::XmlLocation;

/// The place an IATI `recipient-country` (alpha-2, IATI's Country codelist
/// with XK Kosovo) or `recipient-region` (vocabulary 1, OECD DAC, the
/// default) names. A Region-codelist code written as a country is read as
/// that region, with a finding. A code on neither codelist is kept as
/// written ([`Place::Unlisted`]), with a finding, so the money it names
/// stays there; only an element without a usable code names no place.
pub(super) fn place(el: El<'_>, here: &XmlLocation, findings: &mut Findings) -> Option<Place> {
    let region = el.name() == "recipient-region";
    let Some(code) = el.attr("code").filter(|c| !c.trim().is_empty()) else {
        findings.push(
            Code::IatiMissingElement,
            &here.attribute("code"),
            el,
            format_args!("{} has no code", el.name()),
        );
        return None;
    };
    if region {
        if let Some(other) = el.attr("vocabulary").filter(|v| *v != "1") {
            findings.push(
                Code::IatiNotImported,
                here,
                el,
                format_args!(
                    "recipient-region {code:?} of vocabulary {other:?} is not an OECD DAC region (vocabulary 1): not imported"
                ),
            );
            return None;
        }
        if let Ok(r) = code.trim().parse::<Region>() {
            return Some(Place::Region(r));
        }
    } else {
        if let Some(c) = Country::from_alpha2(&code.trim().to_ascii_uppercase()) {
            return Some(Place::Country(c));
        }
        // A Region-codelist code written as a country (`998`) names that
        // region: read it so, rather than losing the money's destination.
        if let Ok(r) = code.trim().parse::<Region>() {
            findings.push(
                Code::IatiUnknownCode,
                &here.attribute("code"),
                el,
                format_args!(
                    "recipient-country code {code:?} is on IATI's Region codelist, not its Country codelist: read as region {r} ({})",
                    r.name()
                ),
            );
            return Some(Place::Region(r));
        }
    }
    unlisted(el, code, here, findings)
}

/// A code on no codelist, kept as written with an `iati_unknown_code`
/// finding; `None` (with the finding) only when it is too long or holds
/// control characters, so is no code at all.
fn unlisted(el: El<'_>, code: &str, here: &XmlLocation, findings: &mut Findings) -> Option<Place> {
    let list = if el.name() == "recipient-region" {
        "its Region codelist"
    } else {
        "its Country or Region codelist"
    };
    let kept = UnlistedCode::new(code).ok();
    let what = if kept.is_some() {
        "kept as written, an unlisted recipient"
    } else {
        "not a code (over 31 bytes or with control characters): not imported"
    };
    findings.push(
        Code::IatiUnknownCode,
        &here.attribute("code"),
        el,
        format_args!(
            "{} code {code:?} is not on IATI's {list}: {what}",
            el.name()
        ),
    );
    kept.map(Place::Unlisted)
}

/// The activity-level recipients, in document order (countries, then
/// regions, as the standard orders them), each with its percentage.
fn activity_level(activity: El<'_>, path: &XmlLocation, findings: &mut Findings) -> Vec<Recipient> {
    let mut out = Vec::new();
    for kind in ["recipient-country", "recipient-region"] {
        for (n, el) in activity.children_named(kind).enumerate() {
            let here = path.child(kind, n);
            let Some(place) = place(el, &here, findings) else {
                continue;
            };
            let mut recipient = Recipient::new(place);
            if let Some(text) = el.attr("percentage") {
                match values::percentage(text) {
                    Some(p) => recipient = recipient.with_percentage(p),
                    None => findings.push(
                        Code::IatiInvalidPercentage,
                        &here.attribute("percentage"),
                        el,
                        format_args!("{kind} percentage {text:?} is not a number from 0 to 100"),
                    ),
                }
            }
            out.push(recipient);
        }
    }
    out
}

/// Whether the activity names a recipient (usable or not) at activity level.
fn names_any(activity: El<'_>) -> bool {
    activity
        .children()
        .any(|c| matches!(c.name(), "recipient-country" | "recipient-region"))
}

/// The place a transaction names, if any: its `recipient-country`, else its
/// `recipient-region` (IATI allows one or the other per transaction).
pub(super) fn transaction_place(
    tx: El<'_>,
    tx_path: &XmlLocation,
    findings: &mut Findings,
) -> Option<Place> {
    ["recipient-country", "recipient-region"]
        .into_iter()
        .find_map(|kind| {
            let el = tx.child(kind)?;
            place(el, &tx_path.child(kind, 0), findings)
        })
}

/// The programme's recipients:
///
/// 1. the activity-level `recipient-country` and `recipient-region`
///    elements, with their percentages;
/// 2. else the distinct places its transactions name, in order of first
///    appearance and without shares (an `iati_missing_country` advice
///    says so);
/// 3. else the fallback country when one is given (a warning);
/// 4. else none (an `iati_missing_country` warning; validation reports the
///    programme).
///
/// `tx_places` are the transactions' places as read by
/// [`transaction_place`], so their findings are not repeated.
pub(super) fn read(
    activity: El<'_>,
    path: &XmlLocation,
    tx_places: &[Option<Place>],
    fallback: Option<Country>,
    findings: &mut Findings,
) -> Vec<Recipient> {
    let listed = names_any(activity);
    let recipients = activity_level(activity, path, findings);
    if listed {
        return recipients;
    }
    let mut places: Vec<Place> = Vec::new();
    for place in tx_places.iter().flatten() {
        if !places.contains(place) {
            places.push(*place);
        }
    }
    let here = path.element("recipient-country");
    if !places.is_empty() {
        let names: Vec<String> = places
            .iter()
            .map(|p| format!("{p} ({})", p.name()))
            .collect();
        findings.push_with(
            Code::IatiMissingCountry,
            Severity::Advice,
            &path.element("transaction").element("recipient-country"),
            activity,
            format_args!(
                "no activity-level recipient; the recipients are those its transactions name: {}",
                names.join(", ")
            ),
        );
        return places.into_iter().map(Recipient::new).collect();
    }
    match fallback {
        Some(country) => {
            findings.push_with(
                Code::IatiMissingCountry,
                Severity::Warning,
                &here,
                activity,
                format_args!(
                    "no recipient country or region: placed in the fallback country {country} ({})",
                    country.name()
                ),
            );
            vec![Recipient::country(country)]
        }
        None => {
            findings.push(
                Code::IatiMissingCountry,
                &here,
                activity,
                "no recipient country or region, at activity or transaction level",
            );
            Vec::new()
        }
    }
}
