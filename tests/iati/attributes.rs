//! The attributes a funding analyst filters by (issue 20, item 5), from the
//! hand-written tests/fixtures/iati/attributes/attributes.xml: every value
//! expected here is read off the XML by eye, with the line of the XML in a
//! comment where it helps. The tables they become are checked too.
#![cfg(feature = "iati")]

use ssr_model::diagnostics::Code;
use ssr_model::interop::iati::{Import, ImportOptions};
use ssr_model::tables::{Source, Table, TableName, Values};
use ssr_model::{Programme, Scorer};

fn import() -> Import {
    let path = format!(
        "{}/tests/fixtures/iati/attributes/attributes.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let xml = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    ImportOptions::new().import(xml.as_bytes()).unwrap()
}

fn programme<'a>(import: &'a Import, id: &str) -> &'a Programme {
    (import.portfolio.programmes.iter())
        .find(|p| p.external_id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("{id} not imported"))
}

fn code<T: ToString>(c: Option<&T>) -> Option<String> {
    c.map(ToString::to_string)
}

/// Activity 1 states every attribute at activity level.
#[test]
fn activity_level_attributes_are_kept() {
    let import = import();
    let p = programme(&import, "XM-ATTR-1");
    let org = p.reporting_org.as_ref().unwrap();
    assert_eq!(org.reference.as_deref(), Some("XM-ATTR"));
    assert_eq!(code(org.kind.as_ref()).as_deref(), Some("10"));
    assert_eq!(org.name.as_deref(), Some("Attribute donor"));
    let d = &p.default_classification;
    assert_eq!(code(d.flow_type.as_ref()).as_deref(), Some("10"));
    assert_eq!(code(d.finance_type.as_ref()).as_deref(), Some("110"));
    assert_eq!(code(d.tied_status.as_ref()).as_deref(), Some("5"));
    let aid: Vec<_> = (d.aid_types.iter())
        .map(|a| (a.vocabulary.to_string(), a.code.clone()))
        .collect();
    assert_eq!(aid, [("1".into(), "C01".into()), ("2".into(), "3".into())]);
    assert_eq!(code(p.collaboration_type.as_ref()).as_deref(), Some("1"));
    assert_eq!(p.humanitarian, Some(true)); // humanitarian="1"
    let scope = &p.humanitarian_scopes[..];
    assert_eq!(scope.len(), 1);
    assert_eq!(
        (
            scope[0].kind.to_string(),
            scope[0].vocabulary.to_string(),
            scope[0].code.as_str(),
            scope[0].narrative.as_deref(),
        ),
        (
            "1".into(),
            "1-2".into(),
            "EP-2014-000041-LBR",
            Some("Ebola virus disease, 2014")
        )
    );
    // Three markers: gender (vocabulary 1 stated), governance (vocabulary
    // left out: 1), and the reporter's own (99) with its narrative.
    let markers: Vec<_> = (p.policy_markers.iter())
        .map(|m| {
            (
                m.vocabulary.to_string(),
                m.code.clone(),
                code(m.significance.as_ref()),
                m.narrative.clone(),
            )
        })
        .collect();
    assert_eq!(
        markers,
        [
            ("1".into(), "1".into(), Some("2".into()), None),
            ("1".into(), "3".into(), Some("1".into()), None),
            (
                "99".into(),
                "SSR-OVERSIGHT".into(),
                Some("1".into()),
                Some("Civilian oversight".into())
            ),
        ]
    );
    let related: Vec<_> = (p.related_activities.iter())
        .map(|r| (r.activity.as_str(), r.kind.to_string()))
        .collect();
    assert_eq!(
        related,
        [("XM-ATTR-PARENT", "1".into()), ("XM-ATTR-2", "3".into())]
    );
}

/// Activity 1's two locations: the first with everything, the second with
/// an unreadable point (left out, with a finding) and an exactness on no
/// codelist (kept).
#[test]
fn locations_are_kept() {
    let import = import();
    let p = programme(&import, "XM-ATTR-1");
    assert_eq!(p.locations.len(), 2);
    let hq = &p.locations[0];
    assert_eq!(hq.reference.as_deref(), Some("LR-MONT-1"));
    assert_eq!(hq.name.as_deref(), Some("Monrovia police HQ"));
    let areas: Vec<_> = (hq.administrative.iter())
        .map(|a| (a.vocabulary.to_string(), a.level, a.code.as_str()))
        .collect();
    assert_eq!(
        areas,
        [
            ("G1".into(), Some(1), "2274890"),
            ("A4".into(), Some(0), "LR")
        ]
    );
    let point = hq.point.unwrap();
    assert_eq!((point.latitude(), point.longitude()), (6.3106, -10.8047));
    assert_eq!(code(hq.exactness.as_ref()).as_deref(), Some("1"));
    let gbarnga = &p.locations[1];
    assert_eq!(gbarnga.name.as_deref(), Some("Gbarnga"));
    assert!(gbarnga.point.is_none() && gbarnga.reference.is_none());
    assert_eq!(code(gbarnga.exactness.as_ref()).as_deref(), Some("7"));
    let at = |path: &str| {
        import
            .report
            .findings()
            .iter()
            .find(|f| f.path.as_str() == path)
            .map(|f| f.code)
    };
    assert_eq!(
        at("/iati-activities/iati-activity[1]/location[2]/point/pos"),
        Some(Code::IatiNonNumericValue)
    );
    assert_eq!(
        at("/iati-activities/iati-activity[1]/location[2]/exactness/@code"),
        Some(Code::IatiUnknownCode)
    );
}

/// Transaction 1 states nothing, 2 overrides every attribute, 3 only the
/// earmarking category: the model keeps what each states; the effective
/// classification is the override else the default.
#[test]
fn transactions_override_the_activity_defaults() {
    let import = import();
    let p = programme(&import, "XM-ATTR-1");
    let [t1, t2, t3] = &p.transactions[..] else {
        panic!("three transactions")
    };
    assert!(t1.classification.is_empty() && t1.humanitarian.is_none());
    let c2 = &t2.classification;
    assert_eq!(code(c2.flow_type.as_ref()).as_deref(), Some("21"));
    assert_eq!(code(c2.finance_type.as_ref()).as_deref(), Some("421"));
    assert_eq!(code(c2.tied_status.as_ref()).as_deref(), Some("4"));
    assert_eq!(c2.aid_types.len(), 1);
    assert_eq!(c2.aid_types[0].code, "B02");
    assert_eq!(t2.humanitarian, Some(false)); // humanitarian="0"
    // Effective: 1 takes every default; 3 keeps the DAC aid type C01 and
    // replaces the earmarking category 3 by its own 1.
    let e1 = t1.classification.over(&p.default_classification);
    assert_eq!(e1, p.default_classification);
    let e3 = t3.classification.over(&p.default_classification);
    let aid: Vec<_> = (e3.aid_types.iter())
        .map(|a| (a.vocabulary.to_string(), a.code.clone()))
        .collect();
    assert_eq!(aid, [("2".into(), "1".into()), ("1".into(), "C01".into())]);
    assert_eq!(code(e3.finance_type.as_ref()).as_deref(), Some("110"));
}

/// Activity 2's codes are on no codelist: each is kept as written, with an
/// `iati_unknown_code` finding; `humanitarian="yes"` is no boolean, so
/// unknown.
#[test]
fn unknown_codes_are_kept_verbatim() {
    let import = import();
    let p = programme(&import, "XM-ATTR-2");
    assert_eq!(
        code(p.reporting_org.as_ref().unwrap().kind.as_ref()).as_deref(),
        Some("GOV")
    );
    let d = &p.default_classification;
    assert_eq!(code(d.flow_type.as_ref()).as_deref(), Some("99"));
    assert_eq!(code(d.finance_type.as_ref()).as_deref(), Some("GRANT"));
    assert_eq!(code(d.tied_status.as_ref()).as_deref(), Some("1"));
    assert_eq!(d.aid_types[0].code, "Z99");
    assert!(!d.aid_types[0].is_listed());
    assert_eq!(code(p.collaboration_type.as_ref()).as_deref(), Some("5"));
    assert_eq!(p.humanitarian, None);
    assert_eq!(p.policy_markers[0].code, "42");
    assert_eq!(
        code(p.policy_markers[0].significance.as_ref()).as_deref(),
        Some("9")
    );
    let scope = &p.humanitarian_scopes[0];
    assert_eq!(
        (scope.kind.to_string(), scope.vocabulary.to_string()),
        ("3".into(), "99".into())
    );
    assert_eq!(
        scope.vocabulary_uri.as_deref(),
        Some("https://example.org/appeals")
    );
    assert_eq!(p.related_activities[0].kind.to_string(), "8");
    let t = &p.transactions[0];
    assert_eq!(
        code(t.classification.flow_type.as_ref()).as_deref(),
        Some("OOF")
    );
    assert_eq!(t.humanitarian, Some(true));
    // Counted by hand from activity 2: organisation type GOV, collaboration
    // type 5, flow type 99, finance type GRANT, aid type Z99, tied status
    // 1, policy marker 42, significance 9, humanitarian "yes", scope type
    // 3, related activity type 8, the transaction's flow type OOF: 12.
    let unknown = (import.report.findings().iter())
        .filter(|f| f.code == Code::IatiUnknownCode)
        .filter(|f| {
            f.path
                .as_str()
                .starts_with("/iati-activities/iati-activity[2]/")
        })
        .count();
    assert_eq!(unknown, 12);
}

/// Activity 3 states none of the attributes: each is unknown, not a
/// default.
#[test]
fn nothing_stated_is_unknown() {
    let import = import();
    let p = programme(&import, "XM-ATTR-3");
    assert!(p.reporting_org.is_none());
    assert!(p.default_classification.is_empty());
    assert!(p.collaboration_type.is_none() && p.humanitarian.is_none());
    assert!(p.humanitarian_scopes.is_empty() && p.policy_markers.is_empty());
    assert!(p.locations.is_empty() && p.related_activities.is_empty());
}

fn table(import: &Import, name: TableName) -> Table {
    Source::new(&import.portfolio, &Scorer::default())
        .table(name)
        .0
}

fn texts(t: &Table, column: &str) -> Vec<Option<String>> {
    match t.column(column).map(|c| c.values()) {
        Some(Values::Text(v)) => v.iter().map(|x| x.map(str::to_owned)).collect(),
        other => panic!("{column}: {other:?}"),
    }
}

fn booleans(t: &Table, column: &str) -> Vec<Option<bool>> {
    match t.column(column).map(|c| c.values()) {
        Some(Values::Boolean(v)) => v.clone(),
        other => panic!("{column}: {other:?}"),
    }
}

fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}

/// The transactions table shows the effective values, in file order:
/// activity 1's three, activity 2's one, activity 3's one.
#[test]
fn the_transactions_table_shows_effective_values() {
    let import = import();
    let t = table(&import, TableName::Transactions);
    assert_eq!(
        texts(&t, "flow_type"),
        [s("10"), s("21"), s("10"), s("OOF"), None]
    );
    assert_eq!(
        texts(&t, "finance_type"),
        [s("110"), s("421"), s("110"), s("GRANT"), None]
    );
    // The DAC (vocabulary 1) aid types; activity 3 has none (empty list).
    assert_eq!(
        texts(&t, "aid_types"),
        [s("C01"), s("B02"), s("C01"), s("Z99"), s("")]
    );
    assert_eq!(
        texts(&t, "tied_status"),
        [s("5"), s("4"), s("5"), s("1"), None]
    );
    // 1: the activity's true; 2: its own 0; 3: the activity's; activity
    // 2's transaction its own 1 (the activity's "yes" is unknown); 3: none.
    assert_eq!(
        booleans(&t, "humanitarian"),
        [Some(true), Some(false), Some(true), Some(true), None]
    );
    assert_eq!(
        texts(&t, "stated_on_transaction"),
        [
            s(""),
            s("flow_type;finance_type;aid_types;tied_status;humanitarian"),
            s("aid_types"),
            s("flow_type;humanitarian"),
            s("")
        ]
    );
}

#[test]
fn the_long_tables_have_a_row_per_stated_value() {
    let import = import();
    // Aid types: activity 1's two defaults, transaction 2's and 3's own;
    // activity 2's default.
    let aid = table(&import, TableName::AidTypes);
    assert_eq!(
        texts(&aid, "code"),
        [s("C01"), s("3"), s("B02"), s("1"), s("Z99")]
    );
    assert_eq!(
        texts(&aid, "vocabulary"),
        [s("1"), s("2"), s("1"), s("2"), s("1")]
    );
    let markers = table(&import, TableName::PolicyMarkers);
    assert_eq!(
        texts(&markers, "code"),
        [s("1"), s("3"), s("SSR-OVERSIGHT"), s("42")]
    );
    assert_eq!(
        texts(&markers, "significance"),
        [s("2"), s("1"), s("1"), s("9")]
    );
    let scopes = table(&import, TableName::HumanitarianScopes);
    assert_eq!(
        texts(&scopes, "code"),
        [s("EP-2014-000041-LBR"), s("APPEAL-7")]
    );
    let locations = table(&import, TableName::Locations);
    assert_eq!(
        texts(&locations, "name"),
        [s("Monrovia police HQ"), s("Gbarnga")]
    );
    let Some(Values::Float(lat)) = locations.column("latitude").map(|c| c.values()) else {
        panic!()
    };
    assert_eq!(lat, &[Some(6.3106), None]);
    let areas = table(&import, TableName::AdministrativeAreas);
    assert_eq!(texts(&areas, "code"), [s("2274890"), s("LR")]);
    // Related: XM-ATTR-2 is in the portfolio, XM-ATTR-PARENT is not;
    // activity 2 names activity 1.
    let related = table(&import, TableName::RelatedActivities);
    assert_eq!(
        texts(&related, "related_activity"),
        [s("XM-ATTR-PARENT"), s("XM-ATTR-2"), s("XM-ATTR-1")]
    );
    assert_eq!(
        booleans(&related, "in_portfolio"),
        [Some(false), Some(true), Some(true)]
    );
    let programmes = table(&import, TableName::Programmes);
    assert_eq!(
        texts(&programmes, "reporting_org_ref"),
        [s("XM-ATTR"), s("XM-ATTR"), None]
    );
    assert_eq!(
        texts(&programmes, "default_flow_type"),
        [s("10"), s("99"), None]
    );
    assert_eq!(
        booleans(&programmes, "humanitarian"),
        [Some(true), None, None]
    );
}

/// The new tables as CSV and Parquet, from the one table model: the
/// policy markers' CSV as written by hand from the XML, and every new
/// table's Parquet file with the rows and columns of its table.
#[cfg(all(feature = "csv", feature = "parquet"))]
#[test]
fn csv_and_parquet_carry_the_attributes() {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int32Type;

    let import = import();
    let markers = table(&import, TableName::PolicyMarkers);
    let mut csv = Vec::new();
    ssr_model::tables::write_csv(&mut csv, &markers).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "programme_id,vocabulary,code,significance,narrative"
    );
    let rows: Vec<&str> = (lines[1..].iter())
        .map(|l| l.split_once(',').unwrap().1)
        .collect();
    assert_eq!(
        rows,
        [
            "1,1,2,",
            "1,3,1,",
            "99,SSR-OVERSIGHT,1,Civilian oversight",
            "1,42,9,"
        ]
    );
    for name in [
        TableName::AidTypes,
        TableName::PolicyMarkers,
        TableName::HumanitarianScopes,
        TableName::Locations,
        TableName::AdministrativeAreas,
        TableName::RelatedActivities,
        TableName::Transactions,
        TableName::Programmes,
    ] {
        let t = table(&import, name);
        let batches = parquet_round_trip(&t);
        let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(rows, t.rows(), "{name}");
        assert!(rows > 0, "{name}");
        for spec in name.columns() {
            let column = batches[0].column_by_name(spec.name);
            assert!(column.is_some(), "{name}.{}", spec.name);
        }
    }
    // The effective finance type survives Parquet as a dictionary code.
    let batches = parquet_round_trip(&table(&import, TableName::Transactions));
    let finance = batches[0]
        .column_by_name("finance_type")
        .unwrap()
        .as_dictionary::<Int32Type>();
    let values = finance.values().as_string::<i32>();
    let read: Vec<Option<&str>> = (finance.keys().iter())
        .map(|k| k.map(|k| values.value(usize::try_from(k).unwrap())))
        .collect();
    assert_eq!(
        read,
        [Some("110"), Some("421"), Some("110"), Some("GRANT"), None]
    );
}

/// `t` written as a Parquet file and read back.
#[cfg(feature = "parquet")]
fn parquet_round_trip(t: &Table) -> Vec<arrow_array::RecordBatch> {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("iati_attributes");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}-{}.parquet", t.name(), std::process::id()));
    ssr_model::tables::write_parquet(std::fs::File::create(&path).unwrap(), t).unwrap();
    let batches = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
        .unwrap()
        .build()
        .unwrap()
        .map(Result::unwrap)
        .collect();
    std::fs::remove_file(&path).unwrap();
    batches
}
