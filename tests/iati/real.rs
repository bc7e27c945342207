//! Import of the real IATI files in ../shared/data/iati: counts checked
//! against a plain text scan of the XML (a different method from the
//! importer's), spot checks read off the files by hand, validation and the
//! JSON round trip of what is imported.
#![cfg(feature = "iati")]

use crate::common;

use chrono::NaiveDate;
use common::iati_scan::{
    activity_chunks, attr, dac_sectors, decode, elements, identifier, start_tags,
};
use ssr_model::Programme;
use ssr_model::diagnostics::Code;
use ssr_model::interop::iati;
use ssr_model::interop::iati::{Filter, ImportOptions};
use ssr_model::model::{Direction, Measure, Pillar, ResultLevel, Role, StakeholderKind};

const FILES: [&str; 4] = [
    "dportal_26.xml",
    "dportal_94.xml",
    "dportal_97.xml",
    "activity-standard-example-annotated.xml",
];

use common::shared;

fn read(name: &str) -> String {
    let path = shared::iati_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---- An independent scan of the XML text (tests/common/iati_scan.rs) ----

/// The DAC purpose codes the SSR pillars map onto (`Pillar`'s documentation).
const SSR_CODES: [&str; 15] = [
    "15113", "15130", "15131", "15132", "15137", "15150", "15160", "15170", "15180", "15210",
    "15220", "15230", "15240", "15250", "15261",
];

fn has_ssr_component(chunk: &str) -> bool {
    dac_sectors(chunk)
        .iter()
        .any(|c| SSR_CODES.contains(&c.as_str()))
}

/// Whether the activity imports as a programme: every activity with an
/// identifier does, whatever its recipients.
fn imports(chunk: &str) -> bool {
    !identifier(chunk).is_empty()
}

/// Whether the activity names a recipient country or region anywhere
/// (activity or transaction level).
fn names_recipient(chunk: &str) -> bool {
    !start_tags(chunk, "recipient-country").is_empty()
        || !start_tags(chunk, "recipient-region").is_empty()
}

#[derive(Debug, Default, PartialEq, Eq, Clone, Copy)]
struct Counts {
    indicators: usize,
    periods: usize,
    targets: usize,
    actuals: usize,
}

/// Indicators, periods, and targets and actuals with a value and no
/// dimension, of the results of `chunk`.
fn result_counts(chunk: &str) -> Counts {
    let mut c = Counts::default();
    for indicator in elements(chunk, "indicator") {
        c.indicators += 1;
        for period in elements(indicator, "period") {
            c.periods += 1;
            let plain = |name: &str| {
                elements(period, name)
                    .iter()
                    .filter(|e| {
                        attr(start_tags(e, name)[0], "value").is_some() && !e.contains("<dimension")
                    })
                    .count()
                    .min(1)
            };
            c.targets += plain("target");
            c.actuals += plain("actual");
        }
    }
    c
}

fn imported_counts(programmes: &[Programme]) -> Counts {
    let mut c = Counts::default();
    for p in programmes {
        for i in p.indicators() {
            c.indicators += 1;
            c.periods += i.periods.len();
            c.targets += i.periods.iter().filter(|p| p.target.is_some()).count();
            c.actuals += i.periods.iter().filter(|p| p.actual.is_some()).count();
        }
    }
    c
}

fn import(name: &str, options: &ImportOptions) -> iati::Import {
    options
        .import(read(name).as_bytes())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

// ---- Counts ----------------------------------------------------------------

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn every_activity_is_read() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    for name in FILES {
        let text = read(name);
        let chunks = activity_chunks(&text);
        assert_eq!(chunks.len(), text.matches("</iati-activity>").count());
        let items: Vec<_> = iati::activities(text.as_bytes())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(items.len(), chunks.len(), "{name}");
        for (item, chunk) in items.iter().zip(&chunks) {
            assert_eq!(item.identifier, identifier(chunk), "{name}");
            assert_eq!(
                item.programme.is_some(),
                imports(chunk),
                "{name} {}",
                item.identifier
            );
        }
        let import = import(name, &ImportOptions::new());
        assert_eq!(import.activities, chunks.len());
        assert_eq!(import.filtered_out, 0);
        let expected = chunks.iter().filter(|c| imports(c)).count();
        assert_eq!(import.portfolio.programmes.len(), expected, "{name}");
        assert_eq!(
            import
                .report
                .of_code(Code::IatiMissingCountry)
                .filter(|f| f.severity == ssr_model::diagnostics::Severity::Error)
                .count(),
            chunks.iter().filter(|c| !names_recipient(c)).count(),
            "{name}"
        );
    }
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn file_sizes_are_as_expected() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    // Guards the scan itself: the activity counts of the files as published.
    let counts: Vec<usize> = FILES
        .iter()
        .map(|f| activity_chunks(&read(f)).len())
        .collect();
    assert_eq!(counts, [100, 100, 100, 1]);
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn sector_filter_keeps_the_152_activities() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    for name in FILES {
        let text = read(name);
        let chunks = activity_chunks(&text);
        let ssr: Vec<&&str> = chunks
            .iter()
            .filter(|c| dac_sectors(c).iter().any(|s| s.starts_with("152")))
            .collect();
        let options =
            ImportOptions::new().with_filter(Filter::new().with_sector_prefix("152").unwrap());
        let kept: Vec<_> = options
            .activities(text.as_bytes())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let ids: Vec<&str> = kept.iter().map(|a| a.identifier.as_str()).collect();
        let expected: Vec<&str> = ssr.iter().map(|c| identifier(c)).collect();
        assert_eq!(ids, expected, "{name}");
        let import = import(name, &options);
        assert_eq!(import.filtered_out, chunks.len() - ssr.len());
        assert_eq!(
            import.portfolio.programmes.len(),
            ssr.iter().filter(|c| imports(c)).count()
        );
        for p in &import.portfolio.programmes {
            let security =
                |s: &ssr_model::model::Sector| s.dac_code().is_some_and(|c| c.is_security());
            assert!(
                p.sectors.iter().any(security)
                    || p.transactions
                        .iter()
                        .any(|t| t.sectors.iter().any(security)),
                "{}",
                p.name
            );
        }
    }
    // The counts as found in the files (by the scan above).
    let ssr_counts: Vec<usize> = FILES
        .iter()
        .map(|f| {
            activity_chunks(&read(f))
                .iter()
                .filter(|c| dac_sectors(c).iter().any(|s| s.starts_with("152")))
                .count()
        })
        .collect();
    assert_eq!(ssr_counts, [22, 1, 7, 0]);
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn country_and_reporting_org_filters() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let text = read("dportal_97.xml");
    let chunks = activity_chunks(&text);
    let lebanon = chunks
        .iter()
        .filter(|c| {
            start_tags(c, "recipient-country")
                .iter()
                .any(|t| attr(t, "code") == Some("LB"))
        })
        .count();
    assert!(lebanon > 0);
    let options = ImportOptions::new()
        .with_filter(Filter::new().with_country(ssr_model::Country::new("LBN").unwrap()));
    let lebanese = import("dportal_97.xml", &options);
    assert_eq!(lebanese.portfolio.programmes.len(), lebanon);
    assert!(
        lebanese
            .portfolio
            .programmes
            .iter()
            .all(|p| p.single_country().is_some_and(|c| c.as_str() == "LBN"))
    );

    let text = read("dportal_94.xml");
    let chunks = activity_chunks(&text);
    let by_org = |r: &str| {
        chunks
            .iter()
            .filter(|c| {
                start_tags(c, "reporting-org")
                    .iter()
                    .any(|t| attr(t, "ref") == Some(r))
            })
            .count()
    };
    let options =
        ImportOptions::new().with_filter(Filter::new().with_reporting_org("XI-IATI-OFID"));
    let ofid = import("dportal_94.xml", &options);
    assert_eq!(ofid.activities - ofid.filtered_out, by_org("XI-IATI-OFID"));
    assert!(by_org("XI-IATI-OFID") > 0);
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn participating_orgs_become_stakeholders() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let mut total_elements = Vec::new();
    for name in FILES {
        let text = read(name);
        let chunks = activity_chunks(&text);
        total_elements.push(
            chunks
                .iter()
                .map(|c| start_tags(c, "participating-org").len())
                .sum::<usize>(),
        );
        let import = import(name, &ImportOptions::new());
        let mut programmes = import.portfolio.programmes.iter();
        for chunk in chunks.iter().filter(|c| imports(c)) {
            let p = programmes.next().unwrap();
            assert_eq!(p.external_id.as_deref(), Some(identifier(chunk)));
            // Distinct organisations: by ref, else by name; one with neither
            // counts on its own.
            let mut keys: Vec<String> = Vec::new();
            let mut anonymous = 0;
            for org in elements(chunk, "participating-org") {
                let tag = start_tags(org, "participating-org")[0];
                let name = org
                    .find("<narrative")
                    .map(|i| {
                        let s = i + org[i..].find('>').unwrap() + 1;
                        decode(org[s..s + org[s..].find("</narrative>").unwrap()].trim())
                            .to_lowercase()
                    })
                    .filter(|n| !n.is_empty());
                match (attr(tag, "ref"), name) {
                    (Some(r), _) => keys.push(r.to_owned()),
                    (None, Some(n)) => keys.push(format!("name:{n}")),
                    (None, None) => anonymous += 1,
                }
            }
            keys.sort();
            keys.dedup();
            let from_orgs = p
                .stakeholders
                .iter()
                .filter(|s| match &s.reference {
                    Some(r) => keys.contains(r),
                    None => keys.contains(&format!("name:{}", s.name.to_lowercase())),
                })
                .count();
            assert_eq!(from_orgs, keys.len(), "{name} {}", identifier(chunk));
            // The rest are anonymous participants or funders named only in
            // transactions.
            for s in &p.stakeholders {
                let listed = match &s.reference {
                    Some(r) => keys.contains(r),
                    None => keys.contains(&format!("name:{}", s.name.to_lowercase())),
                };
                assert!(listed || s.name.starts_with("Organisation ") || s.has_role(Role::Funding));
            }
            assert!(p.stakeholders.len() >= keys.len() + anonymous);
        }
    }
    assert_eq!(total_elements, [188, 339, 298, 3]);
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn indicators_periods_targets_and_actuals() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let mut found = Vec::new();
    for name in FILES {
        let text = read(name);
        let chunks = activity_chunks(&text);
        // Every indicator, with a placeholder pillar for non-SSR activities.
        let all = import(
            name,
            &ImportOptions::new().with_fallback_pillar(Pillar::SecuritySystemGovernance),
        );
        let mut expected = Counts::default();
        for c in chunks
            .iter()
            .filter(|c| imports(c))
            .map(|c| result_counts(c))
        {
            expected.indicators += c.indicators;
            expected.periods += c.periods;
            expected.targets += c.targets;
            expected.actuals += c.actuals;
        }
        assert_eq!(
            imported_counts(&all.portfolio.programmes),
            expected,
            "{name}"
        );
        found.push(expected);
        // By default every indicator is kept too: those of activities with
        // no SSR sector in an unclassified component.
        let default = import(name, &ImportOptions::new());
        assert_eq!(
            imported_counts(&default.portfolio.programmes),
            expected,
            "{name}"
        );
        let unclassified = chunks
            .iter()
            .filter(|c| imports(c) && !has_ssr_component(c) && result_counts(c).indicators > 0)
            .count();
        assert_eq!(
            default.report.of_code(Code::IatiNoSsrComponent).count(),
            unclassified,
            "{name}"
        );
        assert_eq!(
            default
                .portfolio
                .programmes
                .iter()
                .flat_map(|p| &p.components)
                .filter(|c| c.pillar == Pillar::Unclassified)
                .count(),
            unclassified,
            "{name}"
        );
    }
    let c = |indicators, periods, targets, actuals| Counts {
        indicators,
        periods,
        targets,
        actuals,
    };
    // Imported activities only (those with a country); the targets and
    // actuals counted are those with a value and no dimension.
    assert_eq!(found[3], c(1, 1, 0, 0));
    assert!(found[0].indicators > 0 && found[1].indicators > 0 && found[2].indicators > 0);
    eprintln!("counts per file: {found:?}");
}

// ---- Spot checks, read off the files by hand -------------------------------

fn programme<'a>(import: &'a iati::Import, id: &str) -> &'a Programme {
    import
        .portfolio
        .programmes
        .iter()
        .find(|p| p.external_id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("{id} not imported"))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn honduras_police_programme() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let import = import("dportal_94.xml", &ImportOptions::new());
    let p = programme(&import, "XI-IATI-IADB-HO-L1187");
    assert_eq!(
        p.id,
        ssr_model::model::ProgrammeId::from_external("XI-IATI-IADB-HO-L1187")
    );
    assert_eq!(
        p.single_country().map(|c| c.to_string()).as_deref(),
        Some("HND")
    );
    assert_eq!(
        (p.planned_start, p.actual_start, p.planned_end, p.actual_end),
        (
            date(2018, 12, 13),
            date(2018, 12, 19),
            date(2023, 11, 28),
            None
        )
    );
    // 31 budget lines without periods, summed; computed from the text.
    let text = read("dportal_94.xml");
    let chunk = activity_chunks(&text)
        .into_iter()
        .find(|c| identifier(c) == "XI-IATI-IADB-HO-L1187")
        .unwrap();
    let budget: i64 = elements(chunk, "budget")
        .iter()
        .map(|b| {
            let v = elements(b, "value")[0];
            let s = v.find('>').unwrap() + 1;
            v[s..v.find("</value>").unwrap()]
                .trim()
                .parse::<i64>()
                .unwrap()
        })
        .sum();
    assert_eq!(elements(chunk, "budget").len(), 31);
    assert_eq!(p.budget.unwrap().to_string(), format!("{budget} USD"));
    // No incoming funds: the outgoing commitment of 60 million, from the
    // reporting bank.
    assert_eq!(p.funding.len(), 1);
    assert_eq!(p.funding[0].amount.to_string(), "60000000 USD");
    let bank = p.stakeholder(p.funding[0].source).unwrap();
    assert_eq!(bank.reference.as_deref(), Some("XI-IATI-IADB"));
    assert_eq!(bank.kind, StakeholderKind::InternationalOrganisation);
    assert!(bank.has_role(Role::Funding));
    assert_eq!(p.stakeholders.len(), 4);
    // Sector 15210 → one component holding the three indicators.
    assert_eq!(p.components.len(), 1);
    assert_eq!(p.components[0].pillar, Pillar::SecuritySystemGovernance);
    let indicators: Vec<_> = p.indicators().collect();
    assert_eq!(indicators.len(), 3);
    let youth = indicators[0];
    assert_eq!(
        youth.title,
        "Jóvenes de los barrios intervenidos capacitados"
    );
    assert_eq!(
        (youth.level, youth.measure, youth.direction),
        (ResultLevel::Output, Measure::Unit, None)
    );
    assert!(youth.baseline.is_none());
    assert_eq!(youth.periods.len(), 1);
    let period = &youth.periods[0];
    assert_eq!(
        (Some(period.start), Some(period.end)),
        (date(2019, 1, 31), date(2019, 12, 31))
    );
    assert_eq!(
        period.target.as_ref().and_then(|v| v.as_number()),
        Some(1600.0)
    );
    assert_eq!(
        period.actual.as_ref().and_then(|v| v.as_number()),
        Some(1599.0)
    );
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn lebanon_security_and_justice() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let import = import("dportal_97.xml", &ImportOptions::new());
    let p = programme(&import, "XM-DAC-41114-OUTPUT-00106871");
    assert_eq!(p.name, "Security and Justice");
    assert_eq!(
        p.single_country().map(|c| c.to_string()).as_deref(),
        Some("LBN")
    );
    assert_eq!(
        (p.planned_start, p.actual_start, p.planned_end),
        (date(2017, 9, 11), date(2017, 9, 11), date(2021, 7, 31))
    );
    // Sectors 19 (vocabulary 99) and 16.3 (SDG targets) are not DAC codes,
    // but kept as written with their vocabularies.
    let sectors: Vec<(String, &str)> = p
        .sectors
        .iter()
        .map(|s| (s.vocabulary.to_string(), s.code.as_str()))
        .collect();
    assert_eq!(
        sectors,
        [
            ("99".to_owned(), "19"),
            ("1".to_owned(), "15210"),
            ("8".to_owned(), "16.3")
        ]
    );
    let ind = p.indicators().next().unwrap();
    assert_eq!(ind.direction, Some(Direction::Decrease));
    let baseline = ind.baseline.as_ref().unwrap();
    assert_eq!(baseline.value, None);
    assert_eq!(baseline.date, date(2017, 1, 1));
    let starts: Vec<_> = ind.periods.iter().map(|p| p.start).collect();
    assert_eq!(
        starts,
        [
            date(2019, 1, 1),
            date(2018, 1, 1),
            date(2020, 1, 1),
            date(2021, 1, 1)
        ]
        .map(Option::unwrap)
    );
    assert!(
        ind.periods
            .iter()
            .all(|p| p.target.is_none() && p.actual.is_none())
    );
    // Targets are described in comments only, which are kept.
    assert!(
        ind.periods[0]
            .comment
            .as_deref()
            .unwrap()
            .starts_with("Target: ")
    );
    let missing: Vec<_> = import
        .report
        .of_code(Code::IatiMissingValue)
        .filter(|f| f.message.contains("XM-DAC-41114-OUTPUT-00106871"))
        .collect();
    // The baseline, 4 targets and 3 actuals have no value.
    assert_eq!(missing.len(), 1 + 4 + 3);
    assert!(
        missing[0]
            .path
            .as_str()
            .ends_with("/result[1]/indicator[1]/baseline[1]/@value")
    );
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn messy_values_are_kept_with_findings() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let options = ImportOptions::new().with_fallback_pillar(Pillar::SecuritySystemGovernance);
    let import = import("dportal_26.xml", &options);
    // Measure 5 (qualitative) with numbers: kept as labels.
    let p = programme(&import, "HK-CR-1494242-Asia-P1903");
    let volume = p.indicators().next().unwrap();
    assert_eq!(
        volume.title,
        "Volume produced according to Climate Smart Agriculture (CSA) practice"
    );
    assert_eq!(volume.measure, Measure::Qualitative);
    assert_eq!(volume.level, ResultLevel::Outcome);
    let baseline = volume.baseline.as_ref().unwrap();
    assert_eq!(
        baseline.value.as_ref().and_then(|v| v.as_label()),
        Some("0")
    );
    assert_eq!(baseline.date, date(2017, 1, 1));
    assert_eq!(
        volume.periods[0].target.as_ref().and_then(|v| v.as_label()),
        Some("84")
    );
    assert_eq!(
        volume.periods[0].actual.as_ref().and_then(|v| v.as_label()),
        Some("69")
    );
    // Measure 1 with "TBD": kept as a label, reported.
    let p = programme(&import, "GB-SC-SC030289-91475");
    let first = p.indicators().next().unwrap();
    assert_eq!(
        first.periods[0].target.as_ref().and_then(|v| v.as_label()),
        Some("TBD")
    );
    assert_eq!(
        first.periods[0].actual.as_ref().and_then(|v| v.as_number()),
        Some(0.0)
    );
    let tbd: Vec<_> = import.report.of_code(Code::IatiNonNumericValue).collect();
    assert_eq!(tbd.len(), 5); // 4 targets and 1 actual read "TBD"
    assert!(tbd.iter().all(|f| f.message.contains("\"TBD\"")));
    // Result type 9 ("other") has no level: read as output, reported.
    assert!(
        import
            .report
            .of_code(Code::IatiUnknownCode)
            .any(|f| f.path.as_str().ends_with("/@type") && f.message.contains("result type \"9\""))
    );
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn standard_example() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let options = ImportOptions::new().with_fallback_pillar(Pillar::JusticeReform);
    let import = import("activity-standard-example-annotated.xml", &options);
    let p = programme(&import, "AA-AAA-123456789-ABC123");
    assert_eq!(p.name, "Activity title");
    assert_eq!(
        p.description.as_deref(),
        Some(
            "General activity description text.  Long description of the activity with no particular structure."
        )
    );
    assert_eq!(p.objectives.len(), 1);
    assert_eq!(
        (p.planned_start, p.actual_start, p.planned_end, p.actual_end),
        (
            date(2012, 4, 15),
            date(2012, 4, 28),
            date(2015, 12, 31),
            None
        )
    );
    // AF and AG and the region 489 at 25% each; the region A1 of the
    // publisher's own vocabulary (99) is not a DAC region: not imported.
    let recipients: Vec<(String, Option<f64>)> = p
        .recipients
        .iter()
        .map(|r| (r.place.to_string(), r.percentage.map(|x| x.get())))
        .collect();
    assert_eq!(
        recipients,
        [
            ("AFG".to_owned(), Some(25.0)),
            ("ATG".to_owned(), Some(25.0)),
            ("489".to_owned(), Some(25.0)),
        ]
    );
    assert_eq!(p.single_country(), None);
    assert!(
        import
            .report
            .of_code(Code::IatiNotImported)
            .any(|f| f.path == "/iati-activities/iati-activity[1]/recipient-region[2]")
    );
    // The budget is in EUR although the default currency is USD.
    assert_eq!(p.budget.unwrap().to_string(), "3000 EUR");
    // Incoming funds of 1000 EUR from Agency B (a participating org).
    assert_eq!(p.funding.len(), 1);
    assert_eq!(p.funding[0].amount.to_string(), "1000 EUR");
    let agency_b = p.stakeholder(p.funding[0].source).unwrap();
    assert_eq!(agency_b.name, "Name of Agency B");
    assert_eq!(agency_b.kind, StakeholderKind::InternationalOrganisation);
    let agency_c = p
        .stakeholders
        .iter()
        .find(|s| s.name == "Name of Agency C")
        .unwrap();
    assert!(agency_c.has_role(Role::Accountable));
    // Only vocabulary 2 and 99 sectors: no DAC purpose code, so the
    // indicator sits in the fallback pillar; the sectors are kept.
    assert!(p.sectors.iter().all(|s| s.dac_code().is_none()));
    assert!(!p.sectors.is_empty());
    let ind = p.indicators().next().unwrap();
    assert_eq!(ind.title, "Indicator title");
    assert_eq!(ind.direction, Some(Direction::Increase));
    assert_eq!(ind.reference.as_deref(), Some("1:3429"));
    let baseline = ind.baseline.as_ref().unwrap();
    assert_eq!(
        baseline.value.as_ref().and_then(|v| v.as_number()),
        Some(10.0)
    );
    assert_eq!(baseline.date, date(2012, 1, 1));
    assert_eq!(baseline.comment.as_deref(), Some("Baseline comment text"));
    let period = &ind.periods[0];
    assert_eq!(
        (Some(period.start), Some(period.end)),
        (date(2013, 1, 1), date(2013, 3, 31))
    );
    // The target and actual are for adult women: breakdowns, not totals.
    assert!(period.target.is_none() && period.actual.is_none());
    assert_eq!(period.breakdowns.len(), 1);
    let b = &period.breakdowns[0];
    assert_eq!(
        (b.dimension.as_str(), b.category.as_str()),
        ("sex;age", "female;adult")
    );
    assert_eq!(b.target.as_ref().and_then(|v| v.as_number()), Some(10.0));
    assert_eq!(b.actual.as_ref().and_then(|v| v.as_number()), Some(11.0));
    assert_eq!(
        period.comment.as_deref(),
        Some("Target: Target comment text\nActual: Actual comment text")
    );
}

// ---- Determinism, validation and the JSON round trip -----------------------

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn reimport_gives_identical_ids() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let a = import("dportal_97.xml", &ImportOptions::new());
    let b = import("dportal_97.xml", &ImportOptions::new());
    assert_eq!(a, b);
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn ssr_programmes_round_trip_through_the_document() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let options =
        ImportOptions::new().with_filter(Filter::new().with_sector_prefix("152").unwrap());
    for name in FILES {
        let import = import(name, &options);
        let json = ssr_model::document::to_string(&import.portfolio).unwrap();
        let back = ssr_model::document::from_str(&json).unwrap();
        assert_eq!(back, import.portfolio, "{name}");
    }
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn every_import_finding_names_its_activity_and_a_location() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    for name in FILES {
        let import = import(name, &ImportOptions::new());
        for f in import.report.findings() {
            assert!(f.code.as_str().starts_with("iati_"), "{f}");
            assert!(
                f.path
                    .as_str()
                    .starts_with("/iati-activities/iati-activity["),
                "{f}"
            );
            assert!(f.message.starts_with("activity "), "{f}");
            assert!(f.message.contains("(line "), "{f}");
        }
    }
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn finding_lines_point_at_the_element() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    for name in FILES {
        let text = read(name);
        let lines: Vec<&str> = text.lines().collect();
        let import = import(name, &ImportOptions::new());
        let coded = import
            .report
            .findings()
            .iter()
            .filter(|f| matches!(f.code, Code::IatiLegacyCode | Code::IatiUnknownCode));
        let mut checked = 0;
        for f in coded {
            // `.../participating-org[1]/@role` is about <participating-org>.
            let element = f.path.as_str().rsplit('/').nth(1).unwrap();
            let element = element.split('[').next().unwrap();
            let line: usize = f
                .message
                .rsplit("(line ")
                .next()
                .unwrap()
                .trim_end_matches(')')
                .parse()
                .unwrap();
            let source = lines[line - 1];
            assert!(source.contains(&format!("<{element}")), "{f}\n{source}");
            checked += 1;
        }
        if name == "dportal_94.xml" {
            assert!(checked > 90, "{checked}");
        }
    }
}

/// The imported SSR activities validate and score: findings are allowed (real
/// programmes have weaknesses), but the importer itself must never produce a
/// structurally broken document (duplicate or dangling ids, zero weights,
/// shares that do not sum), and validation must not panic on real data.
#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn imported_ssr_activities_validate() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    use ssr_model::diagnostics::ValidationPolicy;
    use ssr_model::validate;
    let policy =
        ValidationPolicy::default().with_as_of(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let mut programmes = 0;
    for name in FILES {
        let options = ImportOptions::new()
            .with_filter(Filter::new().with_sector_prefix("152").unwrap())
            .with_fallback_country("LBR".parse::<ssr_model::Country>().unwrap())
            .with_fallback_pillar(Pillar::SecuritySystemGovernance);
        let imported = import(name, &options);
        programmes += imported.portfolio.programmes.len();
        let report = validate::validate(&imported.portfolio, &policy);
        // ... and score, with every score a number in its range.
        let card = ssr_model::Scorer::default().scorecard(&imported.portfolio);
        assert_eq!(card.programmes.len(), imported.portfolio.programmes.len());
        for row in card.rows() {
            if let Some(v) = row.value {
                assert!(v.is_finite(), "{name}: {} = {v}", row.measure);
            }
        }
        for programme in &card.programmes {
            let p = &programme.progress;
            assert!(
                (0.0..=1.0).contains(&p.coverage),
                "{name}: coverage {}",
                p.coverage
            );
            if let Some(score) = p.score {
                assert!((0.0..=1.0).contains(&score), "{name}: score {score}");
            }
        }
        for finding in report.findings() {
            assert!(
                !matches!(
                    finding.code,
                    Code::DuplicateId
                        | Code::DanglingReference
                        | Code::WeightInvalid
                        | Code::PercentageSum
                        | Code::EmptyName
                ),
                "{name}: the importer produced {finding}"
            );
        }
    }
    assert!(
        programmes >= 30,
        "only {programmes} SSR programmes imported"
    );
}

/// Real result data flows through to scores: some activities of the real
/// files publish baselines, targets and actuals that make a progress score.
#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn real_results_make_scores() {
    crate::common::shared::require();
    if !shared::present() {
        return;
    }
    let options = ImportOptions::new()
        .with_fallback_country("LBR".parse::<ssr_model::Country>().unwrap())
        .with_fallback_pillar(Pillar::SecuritySystemGovernance);
    let mut scored = 0;
    for name in ["dportal_26.xml", "dportal_94.xml"] {
        let imported = import(name, &options);
        let card = ssr_model::Scorer::default().scorecard(&imported.portfolio);
        for programme in &card.programmes {
            if let Some(score) = programme.progress.score {
                assert!((0.0..=1.0).contains(&score), "{name}: {score}");
                scored += 1;
            }
        }
    }
    assert!(
        scored >= 2,
        "only {scored} imported programmes could be scored"
    );
}
