//! proptest strategies for the attributes a funding analyst filters by
//! (issue 20, item 5): codes (listed or kept as written), aid
//! classifications, policy markers, humanitarian scopes, locations and
//! related activities. `arb_programme` and `arb_transaction` in
//! [`super::strategies`] draw them, so every document round trip covers
//! them.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use ssr_model::Programme;
use ssr_model::model::Transaction;
use ssr_model::model::{
    AdministrativeArea, AidClassification, AidType, AidTypeVocabulary, CollaborationType,
    FinanceType, FlowType, GeographicExactness, GeographicVocabulary, HumanitarianScope,
    HumanitarianScopeType, HumanitarianScopeVocabulary, Location, OrganisationType, Point,
    PolicyMarker, PolicyMarkerVocabulary, PolicySignificance, RelatedActivity, RelatedActivityType,
    ReportingOrg, TiedStatus,
};

use super::strategies::arb_text;

/// A code as a publisher may write it: one of `listed`, or any short code
/// on no list (trimmed, no control characters: what the constructors keep).
fn arb_code(listed: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        3 => select(listed).prop_map(str::to_owned),
        1 => "[A-Za-z0-9][A-Za-z0-9.-]{0,7}",
    ]
}

macro_rules! arb_iati_code {
    ($name:ident, $ty:ident) => {
        /// Any code of the type: listed or not.
        pub fn $name() -> impl Strategy<Value = $ty> + Clone {
            arb_code($ty::LISTED).prop_map(|c| $ty::new(&c).unwrap())
        }
    };
}

arb_iati_code!(arb_flow_type, FlowType);
arb_iati_code!(arb_finance_type, FinanceType);
arb_iati_code!(arb_tied_status, TiedStatus);
arb_iati_code!(arb_collaboration_type, CollaborationType);
arb_iati_code!(arb_organisation_type, OrganisationType);
arb_iati_code!(arb_aid_type_vocabulary, AidTypeVocabulary);
arb_iati_code!(arb_policy_marker_vocabulary, PolicyMarkerVocabulary);
arb_iati_code!(arb_policy_significance, PolicySignificance);
arb_iati_code!(arb_scope_type, HumanitarianScopeType);
arb_iati_code!(arb_scope_vocabulary, HumanitarianScopeVocabulary);
arb_iati_code!(arb_geographic_vocabulary, GeographicVocabulary);
arb_iati_code!(arb_exactness, GeographicExactness);
arb_iati_code!(arb_related_type, RelatedActivityType);

/// Any non-empty text without surrounding spaces (an identifier or code
/// field the constructors keep as written).
fn arb_id() -> impl Strategy<Value = String> + Clone {
    "[A-Za-z0-9][A-Za-z0-9 ./-]{0,14}[A-Za-z0-9]"
}

/// Any [`AidType`].
pub fn arb_aid_type() -> impl Strategy<Value = AidType> + Clone {
    (
        arb_aid_type_vocabulary(),
        arb_code(&["A01", "B02", "C01", "1", "3"]),
    )
        .prop_map(|(v, c)| AidType::of(v, &c).unwrap())
}

/// Any [`AidClassification`], empty ones included.
pub fn arb_classification() -> impl Strategy<Value = AidClassification> + Clone {
    (
        option::of(arb_flow_type()),
        option::of(arb_finance_type()),
        vec(arb_aid_type(), 0..=2),
        option::of(arb_tied_status()),
    )
        .prop_map(|(flow, finance, aid, tied)| {
            let mut c = AidClassification::new();
            c.flow_type = flow;
            c.finance_type = finance;
            c.aid_types = aid;
            c.tied_status = tied;
            c
        })
}

/// Any [`ReportingOrg`].
pub fn arb_reporting_org() -> impl Strategy<Value = ReportingOrg> + Clone {
    (
        option::of(arb_text()),
        option::of(arb_organisation_type()),
        option::of(arb_text()),
    )
        .prop_map(|(reference, kind, name)| {
            let mut o = ReportingOrg::new();
            o.reference = reference;
            o.kind = kind;
            o.name = name;
            o
        })
}

/// Any [`PolicyMarker`].
pub fn arb_policy_marker() -> impl Strategy<Value = PolicyMarker> + Clone {
    (
        arb_policy_marker_vocabulary(),
        arb_code(&["1", "3", "9", "12"]),
        option::of(arb_policy_significance()),
        option::of(arb_text()),
    )
        .prop_map(|(v, code, significance, narrative)| {
            let mut m = PolicyMarker::of(v, &code).unwrap();
            m.significance = significance;
            m.narrative = narrative;
            m
        })
}

/// Any [`HumanitarianScope`].
pub fn arb_scope() -> impl Strategy<Value = HumanitarianScope> + Clone {
    (
        arb_scope_type(),
        arb_scope_vocabulary(),
        arb_id(),
        option::of(arb_text()),
        option::of(arb_text()),
    )
        .prop_map(|(kind, v, code, uri, narrative)| {
            let mut s = HumanitarianScope::new(kind, v, &code).unwrap();
            s.vocabulary_uri = uri;
            s.narrative = narrative;
            s
        })
}

/// Any [`Point`]: any latitude and longitude in range, the bounds included.
pub fn arb_point() -> impl Strategy<Value = Point> + Clone {
    (
        prop_oneof![Just(-90.0), Just(90.0), -90.0..=90.0f64],
        prop_oneof![Just(-180.0), Just(180.0), -180.0..=180.0f64],
    )
        .prop_map(|(lat, lon)| Point::new(lat, lon).unwrap())
}

/// Any [`Location`].
pub fn arb_location() -> impl Strategy<Value = Location> + Clone {
    let area = (arb_geographic_vocabulary(), option::of(0u8..=5), arb_id()).prop_map(
        |(v, level, code)| {
            let mut a = AdministrativeArea::new(v, &code).unwrap();
            a.level = level;
            a
        },
    );
    (
        option::of(arb_text()),
        option::of(arb_text()),
        vec(area, 0..=2),
        option::of(arb_point()),
        option::of(arb_exactness()),
    )
        .prop_map(|(reference, name, areas, point, exactness)| {
            let mut l = Location::new();
            l.reference = reference;
            l.name = name;
            l.administrative = areas;
            l.point = point;
            l.exactness = exactness;
            l
        })
}

/// Any [`RelatedActivity`].
pub fn arb_related() -> impl Strategy<Value = RelatedActivity> + Clone {
    (arb_id(), arb_related_type()).prop_map(|(id, kind)| RelatedActivity::new(&id, kind).unwrap())
}

/// Fills `p`'s analyst attributes from a draw of [`arb_attributes`].
pub type Attributes = (
    Option<ReportingOrg>,
    AidClassification,
    Option<CollaborationType>,
    Option<bool>,
    Vec<HumanitarianScope>,
    Vec<PolicyMarker>,
    Vec<Location>,
    Vec<RelatedActivity>,
);

/// Any set of a programme's analyst attributes, each often absent.
pub fn arb_attributes() -> impl Strategy<Value = Attributes> + Clone {
    (
        option::of(arb_reporting_org()),
        arb_classification(),
        option::of(arb_collaboration_type()),
        option::of(any::<bool>()),
        vec(arb_scope(), 0..=1),
        vec(arb_policy_marker(), 0..=2),
        vec(arb_location(), 0..=2),
        vec(arb_related(), 0..=2),
    )
}

/// `p` with the attributes `a`.
pub fn with_attributes(mut p: Programme, a: Attributes) -> Programme {
    let (org, classification, collaboration, humanitarian, scopes, markers, locations, related) = a;
    p.reporting_org = org;
    p.default_classification = classification;
    p.collaboration_type = collaboration;
    p.humanitarian = humanitarian;
    p.humanitarian_scopes = scopes;
    p.policy_markers = markers;
    p.locations = locations;
    p.related_activities = related;
    p
}

/// `t` with its own classification and humanitarian flag.
pub fn with_overrides(
    mut t: Transaction,
    (classification, humanitarian): (AidClassification, Option<bool>),
) -> Transaction {
    t.classification = classification;
    t.humanitarian = humanitarian;
    t
}
