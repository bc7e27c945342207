//! Many IATI files as one corpus, on hand-written fixtures in
//! tests/fixtures/iati/corpus: folders read recursively, activities
//! deduplicated by identifier (the latest update wins), files that are not
//! IATI XML reported by name and line while the others import, and the same
//! result whatever the number of threads and through the sequential
//! iterator.
#![cfg(feature = "iati")]

use std::num::NonZeroUsize;
use std::path::PathBuf;

use ssr_model::diagnostics::{Code, Severity};
use ssr_model::interop::iati::{
    Corpus, CorpusBuilder, CorpusImport, CorpusItem, ImportError, ImportFailure, ImportOptions,
    Source,
};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/iati/corpus")
}

fn import(threads: usize) -> CorpusImport {
    Corpus::new(ImportOptions::new())
        .with_path(fixtures())
        .with_threads(NonZeroUsize::new(threads).unwrap())
        .import()
}

/// The file names of the sources, relative to the fixtures folder.
fn relative(name: &str) -> String {
    name.strip_prefix(fixtures().to_str().unwrap())
        .unwrap()
        .to_owned()
}

#[test]
fn a_folder_is_every_xml_file_inside_sorted() {
    let sources = Source::expand(fixtures());
    let names: Vec<String> = sources.iter().map(|s| relative(s.name())).collect();
    assert_eq!(
        names,
        [
            "/2021-05/activities.xml",
            "/2021-06/activities.xml",
            "/2021-06/error-page.xml",
            "/empty.xml",
            "/json-error.xml",
            "/truncated.xml",
        ]
    );
    // A file is itself whatever its name; a missing path fails when read.
    let readme = fixtures().join("README.txt");
    assert_eq!(Source::expand(&readme).len(), 1);
}

#[test]
fn duplicates_keep_the_latest_update() {
    let corpus = import(2);
    let titles: Vec<(&str, &str)> = corpus
        .portfolio
        .programmes
        .iter()
        .map(|p| (p.external_id.as_deref().unwrap(), p.name.as_str()))
        .collect();
    // XM-EXAMPLE-1 is newer in 2021-06 and takes the first version's place;
    // XM-EXAMPLE-2 has no date in either file, so the first read stays.
    assert_eq!(
        titles,
        [
            ("XM-EXAMPLE-1", "Police reform, second version"),
            ("XM-EXAMPLE-2", "Border management, undated"),
            ("XM-EXAMPLE-3", "Defence oversight"),
            ("XM-EXAMPLE-4", "Justice reform"),
            ("XM-EXAMPLE-5", "Prisons reform"),
        ]
    );
    assert_eq!(corpus.duplicates, 2);
    let duplicates: Vec<_> = corpus.report.of_code(Code::IatiDuplicateActivity).collect();
    assert_eq!(duplicates.len(), 2);
    // Each names both files: the dropped one first.
    let dated = duplicates[0];
    assert_eq!(dated.severity, Severity::Advice);
    assert!(
        dated
            .message
            .contains("2021-05/activities.xml: activity XM-EXAMPLE-1 (line 4")
            && dated.message.contains("is in ")
            && dated.message.contains("2021-06/activities.xml (line 4"),
        "{}",
        dated.message
    );
    assert_eq!(
        dated.path,
        "/iati-activities/iati-activity[1]/iati-identifier"
    );
    let undated = duplicates[1];
    assert_eq!(undated.severity, Severity::Warning);
    assert!(
        undated
            .message
            .contains("2021-06/activities.xml: activity XM-EXAMPLE-2")
            && undated.message.contains("2021-05/activities.xml")
            && undated.message.contains("last update unknown"),
        "{}",
        undated.message
    );
    assert_eq!(corpus.activities(), 7);
    assert_eq!(corpus.filtered_out(), 0);
}

#[test]
fn files_that_are_not_iati_are_reported_and_the_rest_imports() {
    let corpus = import(3);
    let unreadable: Vec<(String, Option<u64>)> = corpus
        .files
        .iter()
        .filter_map(|f| f.error.as_ref().map(|e| (relative(&f.name), e.line())))
        .collect();
    assert_eq!(
        unreadable,
        [
            ("/2021-06/error-page.xml".to_owned(), Some(2)),
            ("/empty.xml".to_owned(), Some(1)),
            ("/json-error.xml".to_owned(), Some(1)),
            ("/truncated.xml".to_owned(), Some(15)),
        ]
    );
    let errors: Vec<&str> = corpus
        .report
        .of_code(Code::IatiUnreadableFile)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(errors.len(), 4);
    assert!(errors[0].ends_with(
        "error-page.xml: line 2: expected an <iati-activities> root element, found <html>"
    ));
    assert!(errors[1].ends_with(
        "empty.xml: line 1: expected an <iati-activities> root element, found no element"
    ));
    assert!(
        errors[2]
            .ends_with("json-error.xml: line 1: malformed XML: content before the root element")
    );
    assert!(errors[3].contains("truncated.xml: line 15: the file ends inside <iati-activity>"));
    let truncated = corpus.files.last().unwrap();
    assert!(matches!(
        truncated.error,
        Some(ImportError::Truncated { .. })
    ));
    // The complete activity before the cut is kept.
    assert_eq!(truncated.activities, 1);
}

#[test]
fn threads_do_not_change_the_result() {
    let one = import(1);
    for threads in [2, 4, 16] {
        let many = import(threads);
        assert_eq!(many.portfolio, one.portfolio, "{threads} threads");
        assert_eq!(many.report, one.report, "{threads} threads");
        assert_eq!(many.duplicates, one.duplicates);
    }
}

#[test]
fn the_sequential_iterator_builds_the_same_corpus() {
    let mut builder = CorpusBuilder::new();
    let mut starts = 0;
    for item in Corpus::new(ImportOptions::new())
        .with_path(fixtures())
        .activities()
    {
        if matches!(item, CorpusItem::Start { .. }) {
            starts += 1;
        }
        builder.add_item(item);
    }
    assert_eq!(starts, 6);
    let sequential = builder.finish();
    let parallel = import(2);
    assert_eq!(sequential.portfolio, parallel.portfolio);
    assert_eq!(sequential.report, parallel.report);
}

#[test]
fn progress_counts_files_activities_and_bytes() {
    let mut last = None;
    let corpus = Corpus::new(ImportOptions::new()).with_path(fixtures());
    let sizes: Vec<u64> = corpus
        .sources()
        .iter()
        .map(|s| std::fs::metadata(s.name()).unwrap().len())
        .collect();
    let import = corpus.import_with_progress(|p| last = Some(p));
    let last = last.unwrap();
    assert_eq!((last.files, last.files_done), (6, 6));
    assert_eq!(last.activities, 7);
    // Files read to their end count whole; reading stops at the first
    // problem of the others.
    let whole: u64 = sizes
        .iter()
        .zip(&import.files)
        .filter(|(_, f)| f.error.is_none())
        .map(|(s, _)| s)
        .sum();
    assert!(whole > 0 && last.bytes >= whole, "{} < {whole}", last.bytes);
    assert!(last.bytes <= sizes.iter().sum::<u64>());
}

#[test]
fn a_missing_file_is_reported_with_the_others() {
    let corpus = Corpus::new(ImportOptions::new())
        .with_path(fixtures().join("2021-05"))
        .with_path(fixtures().join("no-such-file.xml"))
        .import();
    assert_eq!(corpus.portfolio.programmes.len(), 3);
    let error = corpus.files[1].error.as_ref().unwrap();
    assert!(matches!(error, ImportError::Io(_)), "{error}");
}

#[test]
fn unreadable_sources_fail_the_checked_import_only_when_nothing_else_is_read() {
    // The rule the CLI and Python share. The corpus folder holds four files
    // that are not IATI beside good ones: the import stands (one bad file
    // never costs the others), each bad file keeping its error, in order,
    // with its line.
    let corpus = import(2).into_checked().expect("the good files import");
    assert!(!corpus.portfolio.programmes.is_empty());
    let named: Vec<(String, Option<u64>)> = corpus
        .files
        .iter()
        .filter_map(|f| f.error.as_ref().map(|e| (relative(&f.name), e.line())))
        .collect();
    assert_eq!(
        named,
        [
            ("/2021-06/error-page.xml".to_owned(), Some(2)),
            ("/empty.xml".to_owned(), Some(1)),
            ("/json-error.xml".to_owned(), Some(1)),
            ("/truncated.xml".to_owned(), Some(15)),
        ]
    );
    // Only files that are not IATI: the import fails as a whole, each named.
    let bad = ["2021-06/error-page.xml", "empty.xml", "json-error.xml"];
    let only_bad = bad
        .iter()
        .fold(Corpus::new(ImportOptions::new()), |c, f| {
            c.with_path(fixtures().join(f))
        })
        .import();
    let Err(ImportFailure::Unreadable { sources }) = only_bad.into_checked() else {
        panic!("no source is IATI");
    };
    assert_eq!(sources.len(), 3);
    // A path that does not exist fails it too, naming only that path.
    let missing = Corpus::new(ImportOptions::new())
        .with_path(fixtures().join("2021-05"))
        .with_path(fixtures().join("no-such-file.xml"))
        .import();
    let Err(ImportFailure::Unreadable { sources: gone }) = missing.into_checked() else {
        panic!("a missing path");
    };
    assert_eq!(gone.len(), 1);
    assert!(gone[0].name.ends_with("no-such-file.xml"));
    let failure = ImportFailure::Unreadable { sources };
    assert_eq!(failure.to_string().lines().count(), 3);
    // A folder of good files passes, findings and all.
    let good = Corpus::new(ImportOptions::new())
        .with_path(fixtures().join("2021-05"))
        .import()
        .into_checked()
        .unwrap();
    assert_eq!(good.portfolio.programmes.len(), 3);
    // A folder without *.xml: nothing to read.
    let empty = std::env::temp_dir().join(format!("ssr-empty-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let nothing = Corpus::new(ImportOptions::new()).with_path(&empty).import();
    assert!(matches!(
        nothing.into_checked(),
        Err(ImportFailure::NoSources)
    ));
    std::fs::remove_dir_all(&empty).unwrap();
}
