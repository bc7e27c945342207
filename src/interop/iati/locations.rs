//! Sub-national locations (`location`): reference, name, administrative
//! areas, point and exactness, each when stated.

use crate::model::{
    AdministrativeArea, GeographicExactness, GeographicVocabulary, Location, Point,
};
use crate::validate::Code;

use super::attributes::{self, At};
use super::findings::Findings;
use super::narrative::Languages;

/// Every `location` of the activity at `at`.
pub(super) fn read(
    at: At<'_, '_>,
    languages: Languages<'_>,
    findings: &mut Findings,
) -> Vec<Location> {
    at.el
        .children_named("location")
        .enumerate()
        .map(|(n, el)| {
            let here = at.path.child("location", n);
            location(At { el, path: &here }, languages, findings)
        })
        .collect()
}

fn location(at: At<'_, '_>, languages: Languages<'_>, findings: &mut Findings) -> Location {
    let mut location = Location::new();
    location.reference = at.el.attr("ref").map(str::to_owned);
    location.name = at
        .el
        .child("name")
        .and_then(|n| languages.narrative(n))
        .map(str::to_owned);
    for (n, el) in at.el.children_named("administrative").enumerate() {
        let here = at.path.child("administrative", n);
        if let Some(area) = administrative(At { el, path: &here }, findings) {
            location.administrative.push(area);
        }
    }
    location.point = point(at, findings);
    location.exactness = exactness(at, findings);
    location
}

/// An `administrative` area: vocabulary and code required, level when
/// stated.
fn administrative(at: At<'_, '_>, findings: &mut Findings) -> Option<AdministrativeArea> {
    let el = at.el;
    let Some(code) = el.attr("code").filter(|_| el.attr("vocabulary").is_some()) else {
        findings.push(
            Code::IatiMissingElement,
            at.path,
            el,
            "administrative needs a vocabulary and a code: left out",
        );
        return None;
    };
    let vocabulary = attributes::code(
        el,
        at.path,
        "vocabulary",
        "geographic vocabulary",
        GeographicVocabulary::new,
        GeographicVocabulary::is_listed,
        findings,
    )?;
    let mut area = AdministrativeArea::new(vocabulary, code).ok()?;
    if let Some(text) = el.attr("level") {
        area.level = text.parse::<u8>().ok();
        if area.level.is_none() {
            findings.push(
                Code::IatiNonNumericValue,
                &at.path.attribute("level"),
                el,
                format_args!(
                    "administrative level {text:?} is not a whole number from 0 to 255; read as unknown"
                ),
            );
        }
    }
    Some(area)
}

/// `point/pos`, "latitude longitude".
fn point(at: At<'_, '_>, findings: &mut Findings) -> Option<Point> {
    let pos = at.el.child("point")?.child("pos")?;
    let text = pos.text();
    if text.is_empty() {
        return None;
    }
    let read = text.parse::<Point>().ok();
    if read.is_none() {
        findings.push(
            Code::IatiNonNumericValue,
            &at.path.element("point").element("pos"),
            pos,
            format_args!("point {text:?} is not \"latitude longitude\" in degrees; left out"),
        );
    }
    read
}

/// `exactness/@code`, kept whether listed or not.
fn exactness(at: At<'_, '_>, findings: &mut Findings) -> Option<GeographicExactness> {
    let el = at.el.child("exactness")?;
    attributes::code(
        el,
        &at.path.element("exactness"),
        "code",
        "geographic exactness",
        GeographicExactness::new,
        GeographicExactness::is_listed,
        findings,
    )
}
