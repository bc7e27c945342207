//! Every real IATI file in ../shared/data/iati (all subfolders), imported
//! with no flags: activities, SSR activities, recipients, transactions by
//! type, budgets, indicators and periods equal an independent count of the
//! XML text (tests/common/iati_scan.rs: string search, no XML parser). And
//! the whole folder as one deduplicated corpus.
#![cfg(feature = "iati")]

use crate::common;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime};
use common::iati_scan::{
    Counts, activity_chunks, attr, identifier, scan, shared_iati, start_tags, xml_files,
};
use ssr_model::Programme;
use ssr_model::Report;
use ssr_model::diagnostics::Code;
use ssr_model::interop::iati;
use ssr_model::interop::iati::{Corpus, ImportOptions};

/// The counts of one imported programme, as the scan defines them.
/// Recipients are those imported plus those reported as unusable (a
/// "code" that is no code, e.g. over 31 bytes; a code on neither IATI
/// codelist is imported, kept as written, with a finding saying so):
/// nothing is lost silently.
fn imported(p: &Programme, findings: &Report) -> Counts {
    let unusable = findings
        .of_code(Code::IatiUnknownCode)
        .filter(|f| {
            let at = |kind: &str| {
                f.path.as_str().contains(&format!("/{kind}["))
                    && f.path.as_str().ends_with("/@code")
            };
            !f.path.as_str().contains("/transaction[")
                && (at("recipient-country") || at("recipient-region"))
                && !f.message.contains("kept as written")
                && !f.message.contains("read as region")
        })
        .count();
    let dac_152 = |s: &ssr_model::model::Sector| s.dac_code().is_some_and(|c| c.has_prefix("152"));
    let ssr = p.sectors.iter().any(dac_152)
        || p.transactions.iter().any(|t| t.sectors.iter().any(dac_152));
    let mut transactions = BTreeMap::new();
    for t in &p.transactions {
        *transactions.entry(t.kind.iati_code()).or_insert(0) += 1;
    }
    Counts {
        activities: 1,
        ssr: usize::from(ssr),
        recipients: p.recipients.len() + unusable,
        transactions,
        budgets: p.budgets.len(),
        indicators: p.indicators().count(),
        periods: p.indicators().map(|i| i.periods.len()).sum(),
    }
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn every_real_file_imports_as_its_xml_counts() {
    crate::common::shared::require();
    let Some(dir) = shared_iati() else { return };
    let files = xml_files(&dir);
    assert!(files.len() >= 19, "{files:?}");
    let mut total = Counts::default();
    for path in &files {
        let name = path.strip_prefix(&dir).unwrap().display().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let chunks = activity_chunks(&text);
        let items: Vec<_> = iati::activities(text.as_bytes())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(items.len(), chunks.len(), "{name}: activities");
        let mut file = Counts::default();
        for (item, chunk) in items.iter().zip(&chunks) {
            let expected = scan(chunk);
            let programme = item
                .programme
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: {} not imported", item.identifier));
            assert_eq!(
                imported(programme, &item.findings),
                expected,
                "{name}: activity {}",
                item.identifier
            );
            file.add(&expected);
        }
        eprintln!(
            "{name}: {} activities, {} SSR, {} recipients, transactions {:?}, {} budgets, {} indicators, {} periods",
            file.activities,
            file.ssr,
            file.recipients,
            file.transactions,
            file.budgets,
            file.indicators,
            file.periods
        );
        total.add(&file);
    }
    eprintln!("all files: {total:?}");
}

/// A `last-updated-datetime` as an instant: UTC when the text has a zone,
/// as written otherwise.
fn updated(tag: &str) -> Option<NaiveDateTime> {
    let text = attr(tag, "last-updated-datetime")?;
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.naive_utc())
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f"))
        .ok()
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn the_folder_is_one_corpus_without_duplicates() {
    crate::common::shared::require();
    let Some(dir) = shared_iati() else { return };
    // By the scan: per identifier, the version to keep (latest update; the
    // first read when the dates do not decide) and how many were read.
    let mut versions: Vec<(String, usize)> = Vec::new(); // (identifier, count) in first-seen order
    let mut keep: BTreeMap<String, (Option<NaiveDateTime>, String, usize)> = BTreeMap::new();
    let mut total = 0;
    for path in xml_files(&dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        for chunk in activity_chunks(&text) {
            total += 1;
            let id = identifier(chunk).to_owned();
            let tag = start_tags(chunk, "iati-activity")[0];
            let line = text[..text.find(chunk).unwrap()].matches('\n').count() + 1;
            let date = updated(tag);
            let here = (date, path.display().to_string(), line);
            match keep.get(&id) {
                None => {
                    versions.push((id.clone(), 1));
                    keep.insert(id, here);
                }
                Some((kept, _, _)) => {
                    versions.iter_mut().find(|(i, _)| *i == id).unwrap().1 += 1;
                    if matches!((kept, date), (Some(a), Some(b)) if b > *a) {
                        keep.insert(id, here);
                    }
                }
            }
        }
    }
    let corpus = Corpus::new(ImportOptions::new()).with_path(&dir).import();
    assert!(corpus.files.iter().all(|f| f.error.is_none()));
    assert_eq!(corpus.activities(), total);
    assert_eq!(corpus.duplicates, total - versions.len());
    let ids: Vec<&str> = corpus
        .portfolio
        .programmes
        .iter()
        .map(|p| p.external_id.as_deref().unwrap())
        .collect();
    let expected: Vec<&str> = versions.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(ids, expected);
    // Each dropped duplicate is a finding naming the file and line kept.
    for (id, count) in versions.iter().filter(|(_, n)| *n > 1) {
        let (_, file, line) = &keep[id];
        let findings: Vec<_> = corpus
            .report
            .findings()
            .iter()
            .filter(|f| {
                f.code.as_str() == "iati_duplicate_activity"
                    && f.message.contains(&format!("activity {id} ("))
            })
            .collect();
        assert_eq!(findings.len(), count - 1, "{id}");
        for f in findings {
            assert!(
                f.message.contains(&format!("is in {file} (line {line},")),
                "{id}: {}",
                f.message
            );
        }
    }
    eprintln!(
        "{} files, {total} activities, {} distinct, {} duplicates dropped",
        corpus.files.len(),
        versions.len(),
        corpus.duplicates
    );
}
