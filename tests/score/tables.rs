//! Every table of `ssr_model::tables` through the public API: row counts
//! against the model's own counts (computed here, independently), foreign
//! keys that resolve in their parent tables, unknown values left null,
//! CSV and Parquet that agree, and any synthetic portfolio exported whole.

use std::collections::HashSet;

use proptest::prelude::*;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::tables;
use ssr_model::tables::{Kind, Source, Table, TableName, Values};
use ssr_model::{Portfolio, Programme, Value};
use ssr_model::{Scorecard, Scorer};

/// Every table of `portfolio`, with its scorecard (rank uncertainty
/// included, a few replications) and its validation findings.
fn all_tables(portfolio: &Portfolio) -> Vec<Table> {
    let scorer = few_replications();
    let card = scorer.rank(portfolio);
    let source = Source::new(portfolio, &scorer).with_scorecard(&card);
    TableName::ALL
        .iter()
        .map(|&name| source.table(name).0)
        .collect()
}

/// The default scorer with a few Monte Carlo replications.
fn few_replications() -> Scorer {
    let mut policy = ssr_model::score::policy::ScoringPolicy::default();
    policy.uncertainty.replications = 20;
    Scorer::new(policy).unwrap()
}

/// The scorecard with rank uncertainty (a few replications).
fn ranked(portfolio: &Portfolio) -> Scorecard {
    few_replications().rank(portfolio)
}

fn card(portfolio: &Portfolio) -> Scorecard {
    Scorer::default().scorecard(portfolio)
}

fn text(t: &Table, column: &str) -> Vec<Option<String>> {
    match t
        .column(column)
        .unwrap_or_else(|| panic!("{}.{column}", t.name()))
        .values()
    {
        Values::Text(v) => v.iter().map(|x| x.map(str::to_owned)).collect(),
        other => panic!("{}.{column} is not text: {other:?}", t.name()),
    }
}

fn find(tables: &[Table], name: TableName) -> &Table {
    tables.iter().find(|t| t.name() == name).unwrap()
}

/// The rows the model says each portfolio table has, counted here.
fn expected_rows(p: &Portfolio, name: TableName) -> Option<usize> {
    let sum = |f: &dyn Fn(&Programme) -> usize| Some(p.programmes.iter().map(f).sum());
    match name {
        TableName::Programmes => Some(p.programmes.len()),
        TableName::Recipients => sum(&|p| p.recipients.len()),
        TableName::Stakeholders => sum(&|p| p.stakeholders.len()),
        TableName::Components => sum(&|p| p.components.len()),
        TableName::Objectives => sum(&|p| p.objectives.len()),
        TableName::Indicators => sum(&|p| p.indicators().count()),
        TableName::Periods => sum(&|p| p.indicators().map(|i| i.periods.len()).sum()),
        TableName::Breakdowns => sum(&|p| {
            p.indicators()
                .flat_map(|i| &i.periods)
                .map(|k| k.breakdowns.len())
                .sum()
        }),
        TableName::Challenges => sum(&|p| p.challenges.len()),
        TableName::Mitigations => sum(&|p| p.challenges.iter().map(|c| c.mitigations.len()).sum()),
        TableName::Evaluations => sum(&|p| p.evaluations.iter().map(|e| e.ratings().len()).sum()),
        TableName::Transactions => sum(&|p| p.transactions.len()),
        TableName::Budgets => sum(&|p| p.budgets.len()),
        // A row per period, and one for an indicator without periods.
        TableName::IndicatorPeriods => {
            sum(&|p| p.indicators().map(|i| i.periods.len().max(1)).sum())
        }
        TableName::ObjectiveScores => sum(&|p| p.objectives.len()),
        _ => None,
    }
}

#[test]
fn every_table_of_the_sample_has_the_models_rows() {
    let p = ssr_model::samples::portfolio();
    let tables = all_tables(&p);
    for t in &tables {
        if let Some(n) = expected_rows(&p, t.name()) {
            assert_eq!(t.rows(), n, "{}", t.name());
        }
        for c in t.columns() {
            assert_eq!(c.values().len(), t.rows(), "{}.{}", t.name(), c.name());
        }
    }
    // The sample has something in every portfolio table but flows and
    // transactions' few rows: a test of empty tables would prove little.
    for name in [
        TableName::Recipients,
        TableName::Breakdowns,
        TableName::Mitigations,
        TableName::Evaluations,
        TableName::Objectives,
    ] {
        assert!(find(&tables, name).rows() > 0, "{name}");
    }
    let card = ranked(&p);
    assert_eq!(find(&tables, TableName::Scores).rows(), card.rows().len());
    assert!(card.rows().iter().any(|r| r.measure == "rank.p05"));
    assert_eq!(find(&tables, TableName::Ranks).rows(), p.programmes.len());
}

/// Each `(table, column)` refers to `(parent, key)`: every value present
/// must be a key of the parent.
const KEYS: &[(TableName, &str, TableName, &str)] = &[
    (
        TableName::IndicatorPeriods,
        "indicator_id",
        TableName::Indicators,
        "indicator_id",
    ),
    (
        TableName::IndicatorPeriods,
        "component_id",
        TableName::Components,
        "component_id",
    ),
    (
        TableName::ObjectiveScores,
        "objective_id",
        TableName::Objectives,
        "objective_id",
    ),
    (
        TableName::Recipients,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Stakeholders,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Components,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Components,
        "lead_stakeholder_id",
        TableName::Stakeholders,
        "stakeholder_id",
    ),
    (
        TableName::Objectives,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Objectives,
        "parent_objective_id",
        TableName::Objectives,
        "objective_id",
    ),
    (
        TableName::Indicators,
        "component_id",
        TableName::Components,
        "component_id",
    ),
    (
        TableName::Periods,
        "indicator_id",
        TableName::Indicators,
        "indicator_id",
    ),
    (
        TableName::Periods,
        "component_id",
        TableName::Components,
        "component_id",
    ),
    (
        TableName::Breakdowns,
        "indicator_id",
        TableName::Indicators,
        "indicator_id",
    ),
    (
        TableName::Challenges,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Mitigations,
        "challenge_id",
        TableName::Challenges,
        "challenge_id",
    ),
    (
        TableName::Mitigations,
        "owner_stakeholder_id",
        TableName::Stakeholders,
        "stakeholder_id",
    ),
    (
        TableName::Evaluations,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Transactions,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Transactions,
        "provider_stakeholder_id",
        TableName::Stakeholders,
        "stakeholder_id",
    ),
    (
        TableName::Budgets,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Flows,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Flows,
        "recipient",
        TableName::Recipients,
        "recipient",
    ),
    (
        TableName::Scores,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
    (
        TableName::Ranks,
        "programme_id",
        TableName::Programmes,
        "programme_id",
    ),
];

/// Keys listed in `;`-separated columns refer too.
const LIST_KEYS: &[(TableName, &str, TableName, &str)] = &[
    (
        TableName::Components,
        "objective_ids",
        TableName::Objectives,
        "objective_id",
    ),
    (
        TableName::Indicators,
        "objective_ids",
        TableName::Objectives,
        "objective_id",
    ),
    (
        TableName::Challenges,
        "affected_component_ids",
        TableName::Components,
        "component_id",
    ),
    (
        TableName::Challenges,
        "stakeholder_ids",
        TableName::Stakeholders,
        "stakeholder_id",
    ),
];

fn assert_keys_resolve(tables: &[Table]) {
    let keys = |name, column| -> HashSet<String> {
        text(find(tables, name), column)
            .into_iter()
            .flatten()
            .collect()
    };
    for &(child, column, parent, key) in KEYS {
        let parents = keys(parent, key);
        for value in text(find(tables, child), column).iter().flatten() {
            assert!(
                parents.contains(value),
                "{child}.{column} {value} not in {parent}.{key}"
            );
        }
    }
    for &(child, column, parent, key) in LIST_KEYS {
        let parents = keys(parent, key);
        for list in text(find(tables, child), column).iter().flatten() {
            for value in list.split(';').filter(|v| !v.is_empty()) {
                assert!(
                    parents.contains(value),
                    "{child}.{column} {value} not in {parent}.{key}"
                );
            }
        }
    }
}

#[test]
fn every_foreign_key_of_the_sample_resolves() {
    let tables = all_tables(&ssr_model::samples::portfolio());
    assert_keys_resolve(&tables);
}

#[test]
fn unknown_stays_null() {
    let p = ssr_model::samples::portfolio();
    let stakeholders = Source::new(&p, &Scorer::default())
        .table(TableName::Stakeholders)
        .0;
    let Values::Integer(influence) = stakeholders.column("influence").unwrap().values() else {
        panic!()
    };
    let unassessed = p
        .programmes
        .iter()
        .flat_map(|p| &p.stakeholders)
        .filter(|s| s.influence.is_none())
        .count();
    assert_eq!(influence.iter().filter(|x| x.is_none()).count(), unassessed);

    let periods = Source::new(&p, &Scorer::default())
        .table(TableName::Periods)
        .0;
    let Values::Float(actual) = periods.column("actual").unwrap().values() else {
        panic!()
    };
    let without_number = p
        .programmes
        .iter()
        .flat_map(|p| p.indicators())
        .flat_map(|i| &i.periods)
        .filter(|k| k.actual.as_ref().and_then(Value::as_number).is_none())
        .count();
    assert!(
        without_number > 0,
        "the sample has periods without a numeric actual"
    );
    assert_eq!(
        actual.iter().filter(|x| x.is_none()).count(),
        without_number
    );

    // Ranks without uncertainty: the Monte Carlo columns are unknown, not 0.
    let ranks = tables::ranks(&card(&p));
    for column in ["rank_mean", "rank_p05", "replications", "seed"] {
        assert_eq!(
            ranks.column(column).unwrap().values().nulls(),
            ranks.rows(),
            "{column}"
        );
    }
}

#[test]
fn indicator_rows_keep_baseline_and_period_comments() {
    let mut p = synthetic(
        &Synthetic::new(1)
            .with_components(1)
            .with_indicators(1)
            .with_periods(2),
    );
    let i = &mut p.programmes[0].components[0].indicators[0];
    let mut baseline = i
        .baseline
        .clone()
        .unwrap_or_else(|| ssr_model::model::Baseline::new(Value::number(1.0).unwrap()));
    baseline.comment = Some("target 2025: 60%".into());
    i.baseline = Some(baseline);
    i.periods[1].comment = Some("annual target 45".into());
    let indicators = Source::new(&p, &Scorer::default())
        .table(TableName::Indicators)
        .0;
    assert_eq!(
        text(&indicators, "baseline_comment")[0].as_deref(),
        Some("target 2025: 60%")
    );
    let periods = Source::new(&p, &Scorer::default())
        .table(TableName::Periods)
        .0;
    assert_eq!(
        text(&periods, "comment"),
        &[None, Some("annual target 45".to_owned())]
    );
}

#[test]
fn scores_say_their_scale() {
    let p = ssr_model::samples::portfolio();
    let t = tables::scores(&card(&p));
    let measures = text(&t, "measure");
    let scales = text(&t, "scale");
    let scale_of = |m: &str| {
        let i = measures
            .iter()
            .position(|x| x.as_deref() == Some(m))
            .unwrap();
        scales[i].as_deref().unwrap()
    };
    assert_eq!(scale_of("score"), "fraction");
    assert_eq!(scale_of("on_track"), "count");
    assert_eq!(scale_of("rank"), "rank");
    assert_eq!(scale_of("normalised"), "normalised_0_100");
    assert_eq!(scale_of("risk.max_residual"), "risk_0_25");
    assert!(scales.iter().all(Option::is_some));
    // Fractions are within 0–1 wherever known.
    let Values::Float(values) = t.column("value").unwrap().values() else {
        panic!()
    };
    for ((v, s), m) in values.iter().zip(scales).zip(measures) {
        if let (Some(v), Some("fraction")) = (v, s.as_deref()) {
            assert!((0.0..=1.0).contains(v), "{m:?} = {v}");
        }
    }
}

#[test]
fn columns_have_kinds_and_meanings() {
    for name in TableName::ALL {
        assert!(!name.describe().is_empty());
        for c in name.columns() {
            assert!(!c.meaning.is_empty(), "{name}.{}", c.name);
            if c.kind == Kind::Money {
                assert!(
                    name.columns()
                        .iter()
                        .any(|d| d.kind == Kind::Code && d.name.ends_with("currency")),
                    "{name}.{}: money beside a currency column",
                    c.name
                );
            }
        }
    }
}

#[cfg(feature = "csv")]
mod csv_files {
    use super::*;

    /// The CSV of `table`, parsed back: header and records.
    pub fn read(table: &Table) -> (Vec<String>, Vec<Vec<String>>) {
        let mut bytes = Vec::new();
        tables::write_csv(&mut bytes, table).unwrap();
        let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
        let header = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let records = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        (header, records)
    }

    #[test]
    fn csv_has_every_row_and_column() {
        for t in all_tables(&ssr_model::samples::portfolio()) {
            let (header, records) = read(&t);
            let names: Vec<_> = t.name().columns().iter().map(|c| c.name).collect();
            assert_eq!(header, names);
            assert_eq!(records.len(), t.rows(), "{}", t.name());
        }
    }

    /// One name, one table: the CLI's `ssr score --table objective_scores`
    /// and `ssr export --table objective_scores` both write this table;
    /// the stated objectives keep their own name.
    #[test]
    fn objective_scores_and_objectives_are_two_tables() {
        let p = ssr_model::samples::portfolio();
        let scorer = Scorer::default();
        let source = Source::new(&p, &scorer);
        let (stated, _) = source.table(TableName::Objectives);
        let (scored, _) = source.table(TableName::ObjectiveScores);
        let objectives: usize = p.programmes.iter().map(|x| x.objectives.len()).sum();
        assert_eq!(stated.rows(), objectives);
        assert_eq!(scored.rows(), objectives);
        assert!(scored.column("progress").is_some());
        assert!(stated.column("progress").is_none());
    }
}

#[cfg(all(feature = "csv", feature = "parquet"))]
mod parquet_files {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Decimal128Type, Float64Type};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    /// Writes `table` as Parquet to a file and reads it back as batches.
    fn round_trip(table: &Table) -> Vec<arrow_array::RecordBatch> {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("tables_parquet");
        std::fs::create_dir_all(&dir).unwrap();
        // Tests run in parallel and round-trip tables of one name: a count
        // keeps their files apart.
        static FILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.join(format!(
            "{}-{}-{n}.parquet",
            table.name(),
            std::process::id()
        ));
        tables::write_parquet(std::fs::File::create(&path).unwrap(), table).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let batches = reader.map(Result::unwrap).collect();
        std::fs::remove_file(&path).unwrap();
        batches
    }

    /// Sum of a money column in CSV, exact (ten-thousandths).
    fn csv_money_sum(header: &[String], records: &[Vec<String>], column: &str) -> i128 {
        let i = header.iter().position(|h| h == column).unwrap();
        records
            .iter()
            .filter(|r| !r[i].is_empty())
            .map(|r| {
                i128::from(
                    r[i].parse::<ssr_model::model::Amount>()
                        .unwrap()
                        .ten_thousandths(),
                )
            })
            .sum()
    }

    fn csv_float_sum(header: &[String], records: &[Vec<String>], column: &str) -> f64 {
        let i = header.iter().position(|h| h == column).unwrap();
        records
            .iter()
            .filter(|r| !r[i].is_empty())
            .map(|r| r[i].parse::<f64>().unwrap())
            .sum()
    }

    fn check(t: &Table) {
        let (header, records) = super::csv_files::read(t);
        let batches = round_trip(t);
        let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(rows, records.len(), "{}", t.name());
        for spec in t.name().columns() {
            match spec.kind {
                Kind::Money => {
                    let parquet: i128 = batches
                        .iter()
                        .flat_map(|b| {
                            b.column_by_name(spec.name)
                                .unwrap()
                                .as_primitive::<Decimal128Type>()
                                .iter()
                        })
                        .flatten()
                        .sum();
                    assert_eq!(
                        parquet,
                        csv_money_sum(&header, &records, spec.name),
                        "{}.{}",
                        t.name(),
                        spec.name
                    );
                }
                Kind::Float => {
                    let parquet: f64 = batches
                        .iter()
                        .flat_map(|b| {
                            b.column_by_name(spec.name)
                                .unwrap()
                                .as_primitive::<Float64Type>()
                                .iter()
                        })
                        .flatten()
                        .sum();
                    let csv = csv_float_sum(&header, &records, spec.name);
                    assert!(
                        (parquet - csv).abs() <= 1e-9 * csv.abs().max(1.0),
                        "{}.{}: {parquet} vs {csv}",
                        t.name(),
                        spec.name
                    );
                }
                _ => {}
            }
            let nulls: usize = batches
                .iter()
                .map(|b| b.column_by_name(spec.name).unwrap().null_count())
                .sum();
            assert_eq!(
                nulls,
                t.column(spec.name).unwrap().values().nulls(),
                "{}.{}",
                t.name(),
                spec.name
            );
        }
    }

    #[test]
    fn csv_and_parquet_agree_on_the_sample() {
        let mut p = ssr_model::samples::portfolio();
        // Money in two currencies, so the sums are not trivially empty.
        let day = ssr_model::chrono::NaiveDate::from_ymd_opt(2021, 3, 31).unwrap();
        p.programmes[0]
            .transactions
            .push(ssr_model::model::Transaction::new(
                ssr_model::model::TransactionType::Disbursement,
                day,
                ssr_model::Money::parse("1250000.25", "EUR").unwrap(),
                day,
            ));
        for t in all_tables(&p) {
            check(&t);
        }
    }

    /// Money columns hold the whole range of `Amount`: its largest and
    /// smallest values (15 digits before the point) survive Parquet exactly.
    #[test]
    fn parquet_money_holds_every_amount() {
        let day = ssr_model::chrono::NaiveDate::from_ymd_opt(2021, 3, 31).unwrap();
        let mut p = ssr_model::samples::portfolio();
        for amount in [
            "922337203685477.5807",
            "-922337203685477.5807",
            "100000000000000",
        ] {
            p.programmes[0]
                .transactions
                .push(ssr_model::model::Transaction::new(
                    ssr_model::model::TransactionType::Disbursement,
                    day,
                    ssr_model::Money::parse(amount, "EUR").unwrap(),
                    day,
                ));
        }
        let t = Source::new(&p, &Scorer::default())
            .table(TableName::Transactions)
            .0;
        let batches = round_trip(&t);
        let values: Vec<i128> = batches
            .iter()
            .flat_map(|b| {
                b.column_by_name("value")
                    .unwrap()
                    .as_primitive::<Decimal128Type>()
                    .iter()
            })
            .flatten()
            .collect();
        // In ten-thousandths: i64::MAX, -i64::MAX and 10^14 × 10^4.
        for want in [
            i128::from(i64::MAX),
            -i128::from(i64::MAX),
            100_000_000_000_000 * 10_000,
        ] {
            assert!(values.contains(&want), "{want} not in {values:?}");
        }
        check(&t);
    }

    #[test]
    fn the_schema_is_typed() {
        use arrow_schema::DataType;
        let batch = Source::new(&ssr_model::samples::portfolio(), &Scorer::default())
            .table(TableName::Periods)
            .0
            .to_record_batch()
            .unwrap();
        let schema = batch.schema();
        assert_eq!(
            schema.field_with_name("period_start").unwrap().data_type(),
            &DataType::Date32
        );
        assert!(matches!(
            schema.field_with_name("programme_id").unwrap().data_type(),
            DataType::Dictionary(_, _)
        ));
        assert!(
            schema
                .fields()
                .iter()
                .all(|f| f.is_nullable() && f.metadata().contains_key("meaning"))
        );
    }

    #[cfg(feature = "iati")]
    #[test]
    #[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
    fn a_real_iati_file_exports_every_table() {
        crate::common::shared::require();
        let Some(path) = crate::common::shared::iati_file("dportal_97.xml") else {
            return;
        };
        let bytes = std::fs::read(path).unwrap();
        let import = ssr_model::interop::iati::ImportOptions::new()
            .import(bytes.as_slice())
            .unwrap();
        let p = import.portfolio;
        let tables = all_tables(&p);
        for t in &tables {
            if let Some(n) = expected_rows(&p, t.name()) {
                assert_eq!(t.rows(), n, "{}", t.name());
            }
            check(t);
        }
        assert_keys_resolve(&tables);
        assert!(find(&tables, TableName::Transactions).rows() > 0);
    }
}

/// A writer whose reader has gone away: every write is refused.
#[cfg(feature = "csv")]
struct ClosedPipe;

#[cfg(feature = "csv")]
impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A table streamed into a closed pipe fails with the pipe's own error
/// kind, so a program can end quietly on it (it was once rewrapped as
/// "other", and `ssr rank --format csv | head -1` exited 2).
#[test]
#[cfg(feature = "csv")]
fn a_closed_pipe_keeps_its_error_kind() {
    use ssr_model::tables::CsvTableWriter;
    use std::io::ErrorKind;
    // The header is buffered, so the pipe is first written on finish.
    let err = CsvTableWriter::new(ClosedPipe, TableName::Ranks)
        .and_then(CsvTableWriter::finish)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.io_error_kind(), Some(ErrorKind::BrokenPipe), "{err}");
    let portfolio = ssr_model::samples::portfolio();
    let scorer = Scorer::default();
    let err = Source::new(&portfolio, &scorer)
        .write_csv(ClosedPipe, TableName::Programmes)
        .unwrap_err();
    assert_eq!(err.io_error_kind(), Some(ErrorKind::BrokenPipe), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any synthetic portfolio exports every table without panic; the
    /// portfolio tables have the model's row counts and their keys resolve;
    /// CSV (and Arrow) keep every row.
    #[test]
    fn any_synthetic_portfolio_exports_every_table(
        programmes in 0usize..6,
        components in 0usize..3,
        indicators in 0usize..3,
        periods in 0usize..4,
        seed in any::<u64>(),
    ) {
        let p = synthetic(
            &Synthetic::new(programmes)
                .with_components(components)
                .with_indicators(indicators)
                .with_periods(periods)
                .with_seed(seed),
        );
        let tables = all_tables(&p);
        for t in &tables {
            if let Some(n) = expected_rows(&p, t.name()) {
                prop_assert_eq!(t.rows(), n, "{}", t.name());
            }
            #[cfg(feature = "csv")]
            prop_assert_eq!(csv_files::read(t).1.len(), t.rows());
            #[cfg(feature = "arrow")]
            prop_assert_eq!(t.to_record_batch().unwrap().num_rows(), t.rows());
        }
        assert_keys_resolve(&tables);
    }
}
