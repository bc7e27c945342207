//! Every real IATI file in ../shared/data/iati: the analyst's attributes of
//! each imported activity equal an independent string scan of its XML
//! (tests/common/iati_scan.rs, no XML parser): the reporting organisation's
//! ref, the default flow and finance types, the collaboration type, every
//! policy marker (vocabulary, code, significance), every location, every
//! related activity (ref, type) and the activity's humanitarian flag.
#![cfg(feature = "iati")]

use crate::common;

use common::iati_scan::{
    activity_chunks, activity_level, attr, decode, elements, shared_iati, start_tags, xml_files,
};
use ssr_model::Programme;
use ssr_model::interop::iati;

/// The trimmed, decoded value of attribute `name`; `None` when absent or
/// blank (as the standard's optional attributes read).
fn value(tag: &str, name: &str) -> Option<String> {
    attr(tag, name)
        .map(|v| decode(v).trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The `@code` of the first activity-level element `name`.
fn first_code(level: &str, name: &str) -> Option<String> {
    start_tags(level, name)
        .first()
        .and_then(|t| value(t, "code"))
}

type Marker = (String, String, Option<String>);

/// What the scan expects of one activity.
#[derive(Debug, PartialEq)]
struct Expected {
    reporting_org: Option<String>,
    flow_type: Option<String>,
    finance_type: Option<String>,
    collaboration_type: Option<String>,
    humanitarian: Option<bool>,
    markers: Vec<Marker>,
    locations: usize,
    related: Vec<(String, String)>,
}

fn scan(chunk: &str) -> Expected {
    // Results have locations of their own (baseline, target and actual
    // `location ref`): cut them out with the transactions.
    let mut level = activity_level(chunk);
    for result in elements(chunk, "result") {
        level = level.replacen(result, "", 1);
    }
    let activity = start_tags(chunk, "iati-activity")[0];
    // Policy markers without a code are left out (with a finding); a
    // missing vocabulary is 1, as the standard says.
    let markers = start_tags(&level, "policy-marker")
        .into_iter()
        .filter_map(|t| {
            let code = value(t, "code")?;
            let vocabulary = value(t, "vocabulary").unwrap_or_else(|| "1".into());
            Some((vocabulary, code, value(t, "significance")))
        })
        .collect();
    let related = start_tags(&level, "related-activity")
        .into_iter()
        .filter_map(|t| Some((value(t, "ref")?, value(t, "type")?)))
        .collect();
    Expected {
        reporting_org: start_tags(&level, "reporting-org")
            .first()
            .and_then(|t| value(t, "ref")),
        flow_type: first_code(&level, "default-flow-type"),
        finance_type: first_code(&level, "default-finance-type"),
        collaboration_type: first_code(&level, "collaboration-type"),
        humanitarian: match value(activity, "humanitarian").as_deref() {
            Some("1" | "true") => Some(true),
            Some("0" | "false") => Some(false),
            _ => None,
        },
        markers,
        locations: start_tags(&level, "location").len(),
        related,
    }
}

fn imported(p: &Programme) -> Expected {
    let text = |c: Option<&dyn ToString>| c.map(ToString::to_string);
    let d = &p.default_classification;
    Expected {
        reporting_org: p.reporting_org.as_ref().and_then(|o| o.reference.clone()),
        flow_type: text(d.flow_type.as_ref().map(|c| c as &dyn ToString)),
        finance_type: text(d.finance_type.as_ref().map(|c| c as &dyn ToString)),
        collaboration_type: text(p.collaboration_type.as_ref().map(|c| c as &dyn ToString)),
        humanitarian: p.humanitarian,
        markers: (p.policy_markers.iter())
            .map(|m| {
                let significance = m.significance.as_ref().map(ToString::to_string);
                (m.vocabulary.to_string(), m.code.clone(), significance)
            })
            .collect(),
        locations: p.locations.len(),
        related: (p.related_activities.iter())
            .map(|r| (r.activity.clone(), r.kind.to_string()))
            .collect(),
    }
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn every_real_file_keeps_the_analysts_attributes() {
    crate::common::shared::require();
    let Some(dir) = shared_iati() else { return };
    let (mut markers, mut locations, mut related) = (0, 0, 0);
    for path in &xml_files(&dir) {
        let name = path.strip_prefix(&dir).unwrap().display().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let chunks = activity_chunks(&text);
        let items = iati::activities(text.as_bytes())
            .unwrap()
            .map(Result::unwrap);
        for (item, chunk) in items.zip(&chunks) {
            let Some(p) = item.programme.as_ref() else {
                continue;
            };
            let expected = scan(chunk);
            markers += expected.markers.len();
            locations += expected.locations;
            related += expected.related.len();
            assert_eq!(
                imported(p),
                expected,
                "{name}: activity {}",
                item.identifier
            );
        }
    }
    eprintln!(
        "all files: {markers} policy markers, {locations} locations, {related} related activities"
    );
    assert!(markers > 0 && locations > 0 && related > 0);
}
