//! IATI results read as a results chain: dimensions of targets and actuals
//! become breakdowns, and an indicator's `document-link` or `reference`
//! its data source. The real files in ../shared/data/iati are checked
//! against an independent count of the XML text; without ../shared those
//! checks say once that they were skipped, and where they looked.
#![cfg(feature = "iati")]

use crate::common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use ssr_model::interop::iati::ImportOptions;
use ssr_model::model::{Pillar, SourceKind};
use ssr_model::{Country, Programme};

const ACTIVITY: &str = r#"<iati-activities version="2.03">
 <iati-activity>
  <iati-identifier>XM-TEST-1</iati-identifier>
  <reporting-org ref="XM-TEST" type="10"><narrative>Test</narrative></reporting-org>
  <title><narrative>Police reform</narrative></title>
  <activity-status code="2"/>
  <recipient-country code="LR"/>
  <sector vocabulary="1" code="15132"/>
  <result type="2">
   <title><narrative>Safer communities</narrative></title>
   <indicator measure="1" ascending="1">
    <title><narrative>Officers trained</narrative></title>
    <document-link format="text/html" url="https://example.org/training-register">
     <title><narrative>Training register</narrative></title>
     <category code="A08"/>
    </document-link>
    <baseline year="2020" value="0"/>
    <period>
     <period-start iso-date="2021-01-01"/>
     <period-end iso-date="2021-12-31"/>
     <target value="100"/>
     <target value="30"><dimension name="sex" value="female"/></target>
     <target value="70"><dimension name="sex" value="male"/></target>
     <actual value="90"/>
     <actual value="25"><dimension name="sex" value="female"/></actual>
     <actual value="60"><dimension name="sex" value="male"/></actual>
    </period>
   </indicator>
   <indicator measure="2" ascending="1">
    <title><narrative>Trust in the police</narrative></title>
    <reference vocabulary="99" code="T1" indicator-uri="https://example.org/t1"/>
    <baseline year="2020" value="40"/>
    <period>
     <period-start iso-date="2021-01-01"/>
     <period-end iso-date="2021-12-31"/>
     <target value="50"/>
     <actual value="45"/>
    </period>
   </indicator>
  </result>
 </iati-activity>
</iati-activities>"#;

#[test]
fn dimensions_become_breakdowns_and_links_sources() {
    let import = ImportOptions::new().import(ACTIVITY.as_bytes()).unwrap();
    let p = &import.portfolio.programmes[0];
    let inds: Vec<_> = p.indicators().collect();
    let period = &inds[0].periods[0];
    assert_eq!(period.breakdowns.len(), 2);
    let female = &period.breakdowns[0];
    assert_eq!(
        (female.dimension.as_str(), female.category.as_str()),
        ("sex", "female")
    );
    assert_eq!(
        female.target.as_ref().and_then(|v| v.as_number()),
        Some(30.0)
    );
    assert_eq!(
        female.actual.as_ref().and_then(|v| v.as_number()),
        Some(25.0)
    );
    assert_eq!(female.female(), Some(true));
    // The document link: a results report (A08), its title and address.
    let source = inds[0].source.as_ref().unwrap();
    assert_eq!(source.kind, SourceKind::MonitoringReport);
    assert_eq!(
        source.description.as_deref(),
        Some("Training register, https://example.org/training-register")
    );
    // No link: the reference in its vocabulary says how it is measured.
    let source = inds[1].source.as_ref().unwrap();
    assert_eq!(source.kind, SourceKind::Other);
    assert_eq!(
        source.description.as_deref(),
        Some("indicator reference 99:T1")
    );
    // Women 0 → 30, 25; men 0 → 70, 60: the gap is 25/30 − 60/70.
    let r = ssr_model::Scorer::default().results(p);
    let gap = r.gender_gap.unwrap();
    assert!((gap - (25.0 / 30.0 - 60.0 / 70.0)).abs() < 1e-12, "{gap}");
    // The actuals by sex add up to 85, not 90: breakdown_sum.
    let report = ssr_model::validate::validate(
        &import.portfolio,
        &ssr_model::diagnostics::ValidationPolicy::default(),
    );
    let sums: Vec<_> = report
        .of_code(ssr_model::diagnostics::Code::BreakdownSum)
        .collect();
    assert_eq!(sums.len(), 1, "{report}");
    assert_eq!(
        sums[0].path,
        "/programmes/0/components/0/indicators/0/periods/0/breakdowns"
    );
}

// ---- The shared real files --------------------------------------------------

/// The shared IATI folder, or `None` (said once, uncaptured) in a plain
/// clone that has no ../shared.
fn iati_dir() -> Option<PathBuf> {
    common::shared::present().then(common::shared::iati_dir)
}

/// Every `.xml` file of the shared IATI folder and its snapshot.
fn files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in [dir.to_path_buf(), dir.join("snapshot-2021-05-26")] {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "xml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The text between `open` (a start tag's name) and its matching close,
/// for every element of that name, in order; `name` must not nest.
fn elements<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(&open) {
        let start = from + i;
        let rest = &text[start + open.len()..];
        let tag_end = start + text[start..].find('>').unwrap() + 1;
        if !matches!(
            rest.chars().next(),
            Some(' ' | '>' | '/' | '\n' | '\t' | '\r')
        ) {
            from = start + open.len();
            continue;
        }
        let end = if text[..tag_end].ends_with("/>") {
            tag_end
        } else {
            tag_end + text[tag_end..].find(&close).unwrap() + close.len()
        };
        out.push(&text[start..end]);
        from = end;
    }
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    Some(tag[i..i + tag[i..].find('"')?].to_owned())
}

/// Breakdowns the XML holds: per period, the distinct dimension sets
/// (names and values, in order) of the targets and actuals that have a
/// value.
fn xml_breakdowns(activity: &str) -> usize {
    let mut n = 0;
    for period in elements(activity, "period") {
        let mut keys = BTreeSet::new();
        for kind in ["target", "actual"] {
            for el in elements(period, kind) {
                let head = &el[..=el.find('>').unwrap()];
                if attr(head, "value").is_none() {
                    continue;
                }
                let dims: Vec<(Option<String>, Option<String>)> = elements(el, "dimension")
                    .iter()
                    .map(|d| (attr(d, "name"), attr(d, "value")))
                    .collect();
                if !dims.is_empty() {
                    keys.insert(dims);
                }
            }
        }
        n += keys.len();
    }
    n
}

fn imported_breakdowns(p: &Programme) -> usize {
    p.indicators()
        .flat_map(|i| &i.periods)
        .map(|x| x.breakdowns.len())
        .sum()
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn every_real_file_keeps_every_breakdown() {
    crate::common::shared::require();
    let Some(dir) = iati_dir() else { return };
    // A fallback country and pillar, so that every activity and all its
    // results are imported.
    let options = ImportOptions::new()
        .with_fallback_country(Country::new("GBR").unwrap())
        .with_fallback_pillar(Pillar::SecuritySystemGovernance);
    let mut total = 0;
    for path in files(&dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let chunks = elements(&text, "iati-activity");
        let items: Vec<_> = options
            .activities(text.as_bytes())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(items.len(), chunks.len(), "{name}");
        let (mut xml, mut imported) = (0, 0);
        for (item, chunk) in items.iter().zip(&chunks) {
            let p = item
                .programme
                .as_ref()
                .expect("a fallback country places all");
            let (x, i) = (xml_breakdowns(chunk), imported_breakdowns(p));
            assert_eq!(i, x, "{name} {}", item.identifier);
            xml += x;
            imported += i;
        }
        eprintln!("{name}: {imported} breakdowns imported, {xml} in the XML");
        total += imported;
    }
    // The snapshot's dportal_27.xml reports by sex and age, and the
    // standard's example by sex and age together.
    assert!(total > 0);
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn the_standard_example_breaks_down_by_sex_and_age() {
    crate::common::shared::require();
    let Some(dir) = iati_dir() else { return };
    let text =
        std::fs::read_to_string(dir.join("activity-standard-example-annotated.xml")).unwrap();
    // Its sectors are not SSR ones: a fallback pillar holds its results.
    let import = ImportOptions::new()
        .with_fallback_pillar(Pillar::SecuritySystemGovernance)
        .import(text.as_bytes())
        .unwrap();
    let breakdowns: Vec<_> = import
        .portfolio
        .programmes
        .iter()
        .flat_map(|p| p.indicators())
        .flat_map(|i| &i.periods)
        .flat_map(|x| &x.breakdowns)
        .collect();
    assert_eq!(breakdowns.len(), 1);
    let b = breakdowns[0];
    assert_eq!(
        (b.dimension.as_str(), b.category.as_str()),
        ("sex;age", "female;adult")
    );
    // target value="10" and actual value="11", both sex = female, age = adult.
    assert_eq!(b.target.as_ref().and_then(|v| v.as_number()), Some(10.0));
    assert_eq!(b.actual.as_ref().and_then(|v| v.as_number()), Some(11.0));
    // The indicator's document-link is its source.
    let sources: Vec<_> = import
        .portfolio
        .programmes
        .iter()
        .flat_map(|p| p.indicators())
        .filter_map(|i| i.source.as_ref())
        .collect();
    assert!(!sources.is_empty());
    assert!(
        sources[0]
            .description
            .as_deref()
            .is_some_and(|d| d.contains("http:www.example.org/docs/result_indicator_en.odt")),
        "{sources:?}"
    );
}

/// A life-of-project period (2019–2029) whose actual gives the date it was
/// measured on (IATI 2.03 `actual/@iso-date`): the date is kept, and the
/// indicator is judged at it. Progress (30 − 10)/(50 − 10) = 0.5; from the
/// baseline (2019-01-01) to the target date (2029-12-31) is 4,017 days,
/// 2,007 of them gone on 2024-06-30 (1,826 to 2024-01-01, + 181): expected
/// 0.4996, on track needs 0.4996 × 0.85 = 0.425 ≤ 0.5. A date that cannot
/// be read is reported, and the actual counts as measured at the period's
/// end.
#[test]
fn an_actual_iso_date_is_when_it_was_measured() {
    let activity = |date: &str| {
        format!(
            r#"<iati-activities version="2.03"><iati-activity>
  <iati-identifier>XM-TEST-2</iati-identifier>
  <reporting-org ref="XM-TEST" type="10"><narrative>Test</narrative></reporting-org>
  <title><narrative>Police reform</narrative></title>
  <recipient-country code="LR"/>
  <result type="2"><title><narrative>Trust</narrative></title>
   <indicator measure="1" ascending="1"><title><narrative>Trust</narrative></title>
    <baseline iso-date="2019-01-01" value="10"/>
    <period>
     <period-start iso-date="2019-01-01"/>
     <period-end iso-date="2029-12-31"/>
     <target value="50"/>
     <actual value="30" iso-date="{date}"/>
    </period>
   </indicator>
  </result>
 </iati-activity></iati-activities>"#
        )
    };
    let import = ImportOptions::new()
        .import(activity("2024-06-30").as_bytes())
        .unwrap();
    let p = &import.portfolio.programmes[0];
    let ind = p.indicators().next().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 30);
    assert_eq!(ind.periods[0].actual_date, day);
    let s = ssr_model::Scorer::default().indicator(ind);
    assert_eq!(s.actual_date, day);
    assert_eq!(s.progress, Some(0.5));
    assert!((s.expected.unwrap() - 2_007.0 / 4_017.0).abs() < 1e-12);
    assert_eq!(s.status.as_str(), "on_track");

    let import = ImportOptions::new()
        .import(activity("mid-2024").as_bytes())
        .unwrap();
    let ind = import.portfolio.programmes[0].indicators().next().unwrap();
    assert_eq!(ind.periods[0].actual_date, None);
    assert!(
        import
            .report
            .findings()
            .iter()
            .any(|f| f.path.as_str().ends_with("/@iso-date")
                && f.message.contains("actual iso-date")),
        "{:?}",
        import.report
    );
}
