//! The long tables of the attributes a funding analyst filters by, one row
//! per stated value: `aid_types`, `policy_markers`, `humanitarian_scopes`
//! and `related_activities` (locations are in [`super::locations`]); and
//! the columns the programmes and transactions tables gain from them.

use crate::{AidClassification, Portfolio, Programme, Transaction};

use super::Kind::{Boolean, Code, Integer, Text};
use super::TableName;
use super::entities::joined;
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

/// The columns of a classification, shared by the programmes table (the
/// activity's defaults) and the transactions table (the effective values).
const FLOW_TYPE: C = C::new(
    "flow_type",
    Code,
    "the IATI FlowType code (10 ODA, 20 OOF, 21 non-export credit OOF, 30 private development finance, …) as written",
);
const FINANCE_TYPE: C = C::new(
    "finance_type",
    Code,
    "the IATI FinanceType code (110 standard grant, 421 standard loan, …) as written",
);
const AID_TYPES: C = C::new(
    "aid_types",
    Text,
    "the OECD DAC aid types (vocabulary 1: C01 project-type, B02 core contributions, …), `;`-separated; the aid_types table has every vocabulary",
);
const TIED_STATUS: C = C::new(
    "tied_status",
    Code,
    "the IATI TiedStatus code (3 partially tied, 4 tied, 5 untied) as written",
);

/// The programmes table's columns from the activity's attributes, after
/// its own: the reporting organisation, the default classification, the
/// collaboration type, the humanitarian flag, and how many locations,
/// policy markers and related activities it has.
pub(super) const PROGRAMME_COLUMNS: [C; 13] = [
    C::new(
        "reporting_org_ref",
        Text,
        "the reporting organisation's IATI identifier (`reporting-org/@ref`)",
    ),
    C::new(
        "reporting_org_type",
        Code,
        "its IATI OrganisationType code (10 government, 21 international NGO, 40 multilateral, …) as written",
    ),
    C::new("reporting_org_name", Text, "its name"),
    C::new(
        "default_flow_type",
        Code,
        "the activity's default IATI FlowType code, as written",
    ),
    C::new(
        "default_finance_type",
        Code,
        "the activity's default IATI FinanceType code, as written",
    ),
    C::new(
        "default_aid_types",
        Text,
        "the activity's default OECD DAC aid types (vocabulary 1), `;`-separated; the aid_types table has every vocabulary",
    ),
    C::new(
        "default_tied_status",
        Code,
        "the activity's default IATI TiedStatus code, as written",
    ),
    C::new(
        "collaboration_type",
        Code,
        "the IATI CollaborationType code (1 bilateral, 2 multilateral inflows, …) as written",
    ),
    C::new(
        "humanitarian",
        Boolean,
        "whether the activity is humanitarian (`@humanitarian`); empty when it does not say",
    ),
    C::new(
        "humanitarian_scopes",
        Integer,
        "number of emergencies and appeals it names (humanitarian_scopes table)",
    ),
    C::new(
        "policy_markers",
        Integer,
        "number of policy markers (policy_markers table)",
    ),
    C::new(
        "locations",
        Integer,
        "number of locations (locations table)",
    ),
    C::new(
        "related_activities",
        Integer,
        "number of related activities (related_activities table)",
    ),
];

/// The DAC (vocabulary 1) aid types, `;`-joined; empty text when none.
fn dac_aid_types(c: &AidClassification) -> Cell {
    joined(
        c.aid_types
            .iter()
            .filter(|a| a.vocabulary.as_str() == "1")
            .map(|a| &a.code),
    )
}

/// The cells of [`PROGRAMME_COLUMNS`] for `p`.
pub(super) fn programme_cells(p: &Programme) -> [Cell; 13] {
    let org = p.reporting_org.as_ref();
    let d = &p.default_classification;
    [
        Cell::text(org.and_then(|o| o.reference.as_deref())),
        Cell::code(org.and_then(|o| o.kind.as_ref())),
        Cell::text(org.and_then(|o| o.name.as_deref())),
        Cell::code(d.flow_type.as_ref()),
        Cell::code(d.finance_type.as_ref()),
        dac_aid_types(d),
        Cell::code(d.tied_status.as_ref()),
        Cell::code(p.collaboration_type.as_ref()),
        Cell::boolean(p.humanitarian),
        Cell::count(p.humanitarian_scopes.len()),
        Cell::count(p.policy_markers.len()),
        Cell::count(p.locations.len()),
        Cell::count(p.related_activities.len()),
    ]
}

/// The transactions table's columns from the classification, after its
/// own: each the transaction's own value, else the programme's default.
pub(super) const TRANSACTION_COLUMNS: [C; 6] = [
    FLOW_TYPE,
    FINANCE_TYPE,
    AID_TYPES,
    TIED_STATUS,
    C::new(
        "humanitarian",
        Boolean,
        "whether the transaction is humanitarian: its own `@humanitarian`, else the activity's; empty when neither says",
    ),
    C::new(
        "stated_on_transaction",
        Text,
        "which of flow_type, finance_type, aid_types, tied_status and humanitarian the transaction states itself (overriding the activity's default), `;`-separated",
    ),
];

/// The cells of [`TRANSACTION_COLUMNS`] for transaction `x` of `p`.
pub(super) fn transaction_cells(p: &Programme, x: &Transaction) -> [Cell; 6] {
    let own = &x.classification;
    let effective = own.over(&p.default_classification);
    let stated = [
        ("flow_type", own.flow_type.is_some()),
        ("finance_type", own.finance_type.is_some()),
        ("aid_types", !own.aid_types.is_empty()),
        ("tied_status", own.tied_status.is_some()),
        ("humanitarian", x.humanitarian.is_some()),
    ];
    [
        Cell::code(effective.flow_type.as_ref()),
        Cell::code(effective.finance_type.as_ref()),
        dac_aid_types(&effective),
        Cell::code(effective.tied_status.as_ref()),
        Cell::boolean(x.humanitarian.or(p.humanitarian)),
        joined(stated.iter().filter(|(_, s)| *s).map(|(name, _)| name)),
    ]
}

pub(super) const AID_TYPE_ROWS: &[C] = &[
    PROGRAMME_ID,
    C::new(
        "transaction",
        Integer,
        "the transaction's position in the programme's list, from 1 (transactions table); null for the activity's default aid type",
    ),
    C::new(
        "vocabulary",
        Code,
        "the IATI AidTypeVocabulary: 1 OECD DAC, 2 earmarking category, 3 earmarking modality, 4 cash and voucher modalities, others as written",
    ),
    C::new("code", Code, "the aid type code as written"),
];

/// One row per aid type, the activity's defaults then each transaction's
/// own, as stated.
pub(super) fn aid_types(t: &mut Table, p: &Programme) {
    let own = p.default_classification.aid_types.iter().map(|a| (None, a));
    let of_transactions = p
        .transactions
        .iter()
        .enumerate()
        .flat_map(|(n, x)| (x.classification.aid_types.iter()).map(move |a| (Some(n + 1), a)));
    for (transaction, a) in own.chain(of_transactions) {
        t.push([
            Cell::code(Some(p.id)),
            transaction.map_or(Cell::Null, Cell::count),
            Cell::code(Some(&a.vocabulary)),
            Cell::Text(a.code.clone()),
        ]);
    }
}

pub(super) const POLICY_MARKERS: &[C] = &[
    PROGRAMME_ID,
    C::new(
        "vocabulary",
        Code,
        "the IATI PolicyMarkerVocabulary: 1 OECD DAC CRS, 99 the reporting organisation's own",
    ),
    C::new(
        "code",
        Code,
        "the marker as written; for vocabulary 1: 1 gender equality, 2 aid to environment, 3 participatory development/good governance, 4 trade development, 5–8 Rio markers, 9 disability, 10 disaster risk reduction, 11 nutrition, 12 reproductive, maternal, newborn and child health",
    ),
    C::new(
        "significance",
        Code,
        "the IATI PolicySignificance code (0 not targeted, 1 significant, 2 principal, 3 principal and in support of an action programme, 4 explicit primary objective) as written; empty when not stated",
    ),
    C::new(
        "narrative",
        Text,
        "the marker's own description, when given",
    ),
];

pub(super) fn policy_markers(t: &mut Table, p: &Programme) {
    for m in &p.policy_markers {
        t.push([
            Cell::code(Some(p.id)),
            Cell::code(Some(&m.vocabulary)),
            Cell::Text(m.code.clone()),
            Cell::code(m.significance.as_ref()),
            Cell::text(m.narrative.as_deref()),
        ]);
    }
}

pub(super) const HUMANITARIAN_SCOPES: &[C] = &[
    PROGRAMME_ID,
    C::new(
        "type",
        Code,
        "the IATI HumanitarianScopeType code (1 emergency, 2 appeal) as written",
    ),
    C::new(
        "vocabulary",
        Code,
        "the IATI HumanitarianScopeVocabulary (1-2 GLIDE, 2-1 humanitarian plan, 99 the reporting organisation's own) as written",
    ),
    C::new(
        "vocabulary_uri",
        Text,
        "the URI of the reporting organisation's own vocabulary, when given",
    ),
    C::new("code", Code, "the emergency's or appeal's code as written"),
    C::new("narrative", Text, "its description, when given"),
];

pub(super) fn humanitarian_scopes(t: &mut Table, p: &Programme) {
    for s in &p.humanitarian_scopes {
        t.push([
            Cell::code(Some(p.id)),
            Cell::code(Some(&s.kind)),
            Cell::code(Some(&s.vocabulary)),
            Cell::text(s.vocabulary_uri.as_deref()),
            Cell::Text(s.code.clone()),
            Cell::text(s.narrative.as_deref()),
        ]);
    }
}

pub(super) const RELATED_ACTIVITIES: &[C] = &[
    PROGRAMME_ID,
    EXTERNAL_ID,
    C::new(
        "related_activity",
        Text,
        "the related activity's IATI identifier, as written",
    ),
    C::new(
        "relation",
        Code,
        "the IATI RelatedActivityType code (1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party) as written",
    ),
    C::new(
        "in_portfolio",
        Boolean,
        "whether the related activity is another activity of the portfolio",
    ),
];

/// The related activities table (see [`TableName::RelatedActivities`]).
pub(super) fn related_activities(portfolio: &Portfolio) -> Table {
    let ids = crate::score::activity_ids(portfolio);
    let mut t = Table::empty(TableName::RelatedActivities);
    for p in &portfolio.programmes {
        for r in &p.related_activities {
            let other = r.activity.trim();
            let internal =
                ids.contains(other) && p.external_id.as_deref().map(str::trim) != Some(other);
            t.push([
                Cell::code(Some(p.id)),
                Cell::text(p.external_id.as_deref()),
                Cell::Text(r.activity.clone()),
                Cell::code(Some(&r.kind)),
                Cell::boolean(Some(internal)),
            ]);
        }
    }
    t
}
