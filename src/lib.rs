//! Security Sector Reform (SSR) programmes as data.
//!
//! SSR is the reform of a country's military, police, intelligence, justice
//! and oversight institutions so that they become effective, accountable and
//! under democratic civilian control. This crate models SSR programmes
//! (their recipients, components, indicators, stakeholders, risks,
//! objectives, money and evaluations), reads them from a versioned JSON
//! document or from the IATI XML that donors publish, checks them, scores
//! them with a method that is itself data, ranks them with the uncertainty
//! of those ranks, and writes tidy tables for R and pandas.
//!
//! Here is the whole flow on the embedded sample portfolio: load it, check
//! it, score it, and find the best-ranked programme:
//!
//! ```
//! use ssr_model::Scorer;
//! use ssr_model::validate;
//! use ssr_model::diagnostics::ValidationPolicy;
//!
//! let portfolio = ssr_model::samples::portfolio();     // seven case studies
//! let report = validate::validate(&portfolio, &ValidationPolicy::default());
//! assert!(report.is_valid());                           // warnings and advice only
//!
//! let card = Scorer::default().scorecard(&portfolio);
//! let mut ranked: Vec<(u32, &str)> =
//!     card.comparison.rows.iter().filter_map(|r| Some((r.rank?, r.name.as_str()))).collect();
//! ranked.sort();
//! let (rank, name) = ranked.first().ok_or("nobody ranked")?;
//! assert_eq!(*rank, 1);
//! println!("ranked first: {name}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! The primary type is [`Programme`]: one SSR programme, in one or more
//! countries or regions ([`Recipient`]). A [`Portfolio`] is a list of them,
//! and is what every step below reads. A programme holds:
//!
//! * its [`Component`]s, the pillars of the work ([`Pillar`]: police reform,
//!   oversight, DDR, …), each with its [`Indicator`]s: a result level, a
//!   measure, a [`Baseline`] and [`Period`]s of targets and actuals;
//! * its [`Stakeholder`]s, with roles, and influence, interest and stance
//!   *when someone has assessed them*;
//! * its [`Challenge`]s, the risk register, with [`Mitigation`]s;
//! * its [`Objective`]s, [`Evaluation`]s on the OECD DAC criteria, and its
//!   money: [`Budget`]s by period and dated [`Transaction`]s, each in its own
//!   [`Currency`].
//!
//! Invariants that are cheap to keep live in the types: [`Level`] (1–5),
//! [`Weight`], [`Percentage`], [`Fraction`], [`Country`], [`Region`],
//! typed ids such as [`ProgrammeId`]. Deserialising goes through the same
//! checks, so a value out of range never enters the model.
//!
//! Around the model, one module per step:
//!
//! | step | module | what it gives |
//! |---|---|---|
//! | load | [`document`][doc-mod], [`interop::iati`][iati] | a [`Portfolio`], or an error with its path, line and column |
//! | validate | [`validate`] | a [`Report`] of every problem at once, each with a stable code |
//! | score | [`score`] | a [`Scorecard`](crate::Scorecard): progress, risk, stakeholders, evaluation, finance |
//! | rank | [`score`] | ranks, the reason a programme is not ranked, and rank intervals |
//! | export | [`tables`], [`interop::schema`][schema] | tidy tables as CSV, Arrow or Parquet; JSON Schemas for other tools |
//!
//! The rest of this page walks through those steps:
//!
//! * [Load](#load) a portfolio from JSON, from IATI XML, or build it in code.
//! * [Validate](#validate) it.
//! * [Score](#score) it.
//! * [Rank](#rank) its programmes, with the uncertainty of the ranks.
//! * [Export](#export) tidy tables for R, pandas, Polars or DuckDB.
//! * [Unknown is not a number](#unknown-is-not-a-number): how missing
//!   evidence is treated.
//! * [Crate features](#crate-features).
//!
//! # Load
//!
//! A portfolio document is JSON with a `schema_version`. [`document::from_str`][doc-from-str]
//! (and `from_slice`, `from_reader`) reads it; every error says where:
//!
//! ```
//! use ssr_model::document;
//! use ssr_model::document::LoadError;
//!
//! let json = r#"{"schema_version": 2, "programmes": [{
//!     "id": "90b72b77-0af5-5637-915b-ffe4a32e7a0d", "name": "Police reform",
//!     "recipients": [{"country": "LBR"}], "context": "peace_operation", "phase": "design"}]}"#;
//! let portfolio = document::from_str(json)?;
//! assert_eq!(portfolio.programmes[0].single_country().map(|c| c.name()), Some("Liberia"));
//!
//! let typo = json.replace(r#""phase": "design""#, r#""phase": "desing""#);
//! let Err(LoadError::Parse { path, message, .. }) = document::from_str(&typo) else {
//!     panic!("a misspelt phase is refused");
//! };
//! assert_eq!(path, "/programmes/0/phase");
//! assert!(message.contains("unknown variant `desing`"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Donors publish their work as IATI activity XML; with the `iati` feature,
//! [`interop::iati`][iati] turns each activity into a programme, streaming, and
//! reports what it could not map as findings rather than dropping it. A
//! folder of files goes through [`Corpus`][iati-corpus], in
//! parallel and deduplicated:
//!
//! ```
//! # #[cfg(feature = "iati")] {
//! use ssr_model::interop::iati::{Corpus, Filter, ImportOptions};
//!
//! let options = ImportOptions::new().with_filter(Filter::new().with_sector_prefix("152")?);
//! let corpus = Corpus::new(options).with_path("tests/fixtures/iati/corpus").import();
//! assert!(!corpus.portfolio.programmes.is_empty());
//! for file in corpus.files.iter().filter(|f| f.error.is_some()) {
//!     println!("{} was not read: an error page, not IATI XML?", file.name);
//! }
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! In code, every type has a `new` with what it cannot do without, and
//! `with_*` setters for the rest:
//!
//! ```
//! use chrono::NaiveDate;
//! use ssr_model::model::*;
//! use ssr_model::*;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
//! let trust = Indicator::new("Public trust in the police", ResultLevel::Outcome, Measure::Percentage)
//!     .with_direction(Direction::Increase)
//!     .with_baseline(Baseline::new(Value::number(38.0)?).with_date(d(2019, 6, 30)?))
//!     .with_period(
//!         Period::new(d(2020, 1, 1)?, d(2020, 12, 31)?)
//!             .with_target(Value::number(45.0)?)
//!             .with_actual(Value::number(41.0)?),
//!     );
//! let programme = Programme::new("Police reform", Country::new("LBR")?)
//!     .with_component(Component::new("Community policing", Pillar::PoliceReform).with_indicator(trust))
//!     .with_stakeholder(Stakeholder::new("Liberia National Police", StakeholderKind::Police).with_role(Role::Implementing));
//! let portfolio = Portfolio::new().with_programme(programme);
//!
//! let json = ssr_model::document::to_string(&portfolio)?;
//! assert_eq!(ssr_model::document::from_str(&json)?, portfolio);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Validate
//!
//! [`validate::validate`] reports every problem at once: structural (dates in
//! order, shares summing to 100, unique ids), referential (every id a
//! programme mentions exists) and SSR practice (no oversight component, no
//! civil society, an indicator without a baseline, …). Each
//! [`Finding`] has a stable [`Code`](crate::diagnostics::Code), a
//! [`Severity`](crate::diagnostics::Severity) and a JSON Pointer to the value. A
//! [`ValidationPolicy`](crate::diagnostics::ValidationPolicy) raises, lowers or drops
//! any code and fixes the date time-dependent checks are made at; the
//! library never reads the clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use ssr_model::validate;
//! use ssr_model::diagnostics::{Code, CodeLevel, Severity, ValidationPolicy};
//! use ssr_model::{Component, Country, Portfolio, Programme};
//! use ssr_model::model::Pillar;
//!
//! let programme = Programme::new("Police reform", Country::new("LBR")?)
//!     .with_component(Component::new("Community policing", Pillar::PoliceReform));
//! let portfolio = Portfolio::new().with_programme(programme);
//! let policy = ValidationPolicy::default()
//!     .with_as_of(NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("bad date")?)
//!     .with_level(Code::NoGenderDimension, CodeLevel::Allow);
//! let report = validate::validate(&portfolio, &policy);
//!
//! let finding = report.of_code(Code::ComponentWithoutIndicator).next().ok_or("no finding")?;
//! assert_eq!(finding.severity, Severity::Warning);
//! assert_eq!(finding.path, "/programmes/0/components/0/indicators");
//! assert_eq!(report.of_code(Code::NoGenderDimension).count(), 0); // allowed
//! println!("{report}");                                             // one line per finding
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The [`catalogue`](diagnostics::catalogue) explains every code: what it
//! means, why it matters in SSR practice and how to fix it.
//!
//! # Score
//!
//! A [`Scorer`](crate::Scorer) applies a [`ScoringPolicy`](score::policy::ScoringPolicy):
//! every choice (which target counts, the tolerance of "on track", how
//! indicators and components are aggregated, risk bands, salience
//! thresholds, normalisation, Monte Carlo settings, the date judged at) is
//! serde data with documented defaults, so a researcher can publish the
//! method beside the results. Indicator progress is `(a − b)/(t − b)` for
//! baseline `b`, target `t` and actual `a`:
//!
//! ```
//! use chrono::NaiveDate;
//! use ssr_model::Scorer;
//! use ssr_model::score::programme::Status;
//! use ssr_model::model::*;
//! use ssr_model::*;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
//! let trained = Indicator::new("Officers trained in community policing", ResultLevel::Output, Measure::Unit)
//!     .with_baseline(Baseline::new(Value::number(100.0)?))
//!     .with_period(
//!         Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?)
//!             .with_target(Value::number(500.0)?)
//!             .with_actual(Value::number(400.0)?),
//!     );
//! let risk = Challenge::new(ChallengeKind::ResistanceToChange, "Senior officers resist vetting")
//!     .with_likelihood(Level::new(4)?)
//!     .with_impact(Level::new(5)?);
//! let programme = Programme::new("Police reform", Country::new("LBR")?)
//!     .with_component(Component::new("Training", Pillar::PoliceReform).with_indicator(trained))
//!     .with_challenge(risk);
//!
//! let card = Scorer::default().card(&programme);
//! let progress = &card.progress.components[0].indicators[0];
//! assert_eq!(progress.progress, Some(0.75));         // (400 − 100)/(500 − 100)
//! // Judged at the period's end, all of the change was due: 0.75 is short of
//! // the on-track 0.85 (tolerance 0.15) but within the at-risk 0.70.
//! assert_eq!(progress.status, Status::AtRisk);
//! assert_eq!(card.progress.score, Some(0.75));
//! assert_eq!(card.risk.risks[0].inherent, 20);       // likelihood × impact
//! assert_eq!(card.risk.exposure, Some(0.8));         // 20/25, nothing mitigates it
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A [`Scorecard`](crate::Scorecard) does this for every programme of a
//! portfolio and compares them.
//!
//! # Rank
//!
//! The comparison normalises each dimension (results, evaluation, risk,
//! stakeholder resistance and inclusion, and optionally finance) across the
//! programmes and combines them into a composite, which gives a rank. A rank
//! alone hides how fragile it is, so
//! [`Scorer::rank`](crate::Scorer::rank) re-ranks
//! under perturbed weights and other normalisation and aggregation choices
//! (seeded Monte Carlo, after Saisana, Saltelli and Tarantola 2005) and
//! reports each programme's median rank and 5–95 % interval:
//!
//! ```
//! use ssr_model::Scorer;
//! use ssr_model::score::policy::ScoringPolicy;
//!
//! let mut policy = ScoringPolicy::default();
//! policy.uncertainty.replications = 200;
//! let scorer = Scorer::new(policy)?;
//! let card = scorer.rank(&ssr_model::samples::portfolio()); // scorecard and Monte Carlo
//!
//! let uncertainty = card.uncertainty.as_ref().ok_or("computed above")?;
//! for row in &card.comparison.rows {
//!     let Some(rank) = row.rank else { continue };
//!     let stats = uncertainty.get(row.programme).ok_or("one per ranked programme")?;
//!     assert_eq!(stats.nominal, rank);
//!     assert!(stats.p05 <= stats.median && stats.median <= stats.p95);
//!     println!("{rank}. {} (5–95 %: {}–{})", row.name, stats.p05, stats.p95);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Export
//!
//! Every result is serde data: publish a [`Scorecard`](crate::Scorecard) as
//! JSON, policy included. For pandas, Polars, R, DuckDB or Spark,
//! [`tables`] turns a portfolio and its results into tidy tables, one per
//! entity and per result (programmes, recipients, stakeholders, components,
//! indicators, periods, breakdowns, challenges, transactions, … findings,
//! scores, ranks, flows): one row per observation, typed and documented
//! columns, unknown values null, and the ids that join them
//! (`programme_id` everywhere). A [`Table`](tables::Table) is written as
//! CSV (feature `csv`) or Parquet (feature `parquet`, with dates as dates
//! and codes as dictionary strings); `ssr export --all --format parquet`
//! does the same from the command line.
//!
//! ```
//! use ssr_model::Scorer;
//! use ssr_model::tables;
//! use ssr_model::tables::{Source, Table, TableName};
//!
//! let portfolio = ssr_model::samples::portfolio();
//! let card = Scorer::default().scorecard(&portfolio);
//!
//! let ranks = tables::ranks(&card);                   // one row per programme
//! assert_eq!(ranks.rows(), portfolio.programmes.len());
//! let scorer = Scorer::default();
//! let (stakeholders, _) = Source::new(&portfolio, &scorer).table(TableName::Stakeholders);
//! let expected: usize = portfolio.programmes.iter().map(|p| p.stakeholders.len()).sum();
//! assert_eq!(stakeholders.rows(), expected);
//! assert!(stakeholders.column("programme_id").is_some()); // joins ranks on programme_id
//!
//! # #[cfg(feature = "csv")] {
//! let mut csv = Vec::new();                          // or a std::fs::File
//! tables::write_csv(&mut csv, &ranks)?;
//! assert_eq!(String::from_utf8(csv)?.lines().count(), 1 + ranks.rows());
//! # }
//! # #[cfg(feature = "parquet")] {
//! let mut parquet = Vec::new();
//! tables::write_parquet(&mut parquet, &stakeholders)?;
//! assert!(parquet.starts_with(b"PAR1"));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`tables::Source`] makes any table from a portfolio and a scorer, and
//! writes tables to files; [`write_scores_csv`][csv-scorecard] streams a
//! large scorecard's rows without holding them.
//!
//! With the `schemars` feature, [`interop::schema`][schema] gives the JSON Schema of
//! the document, of both policies and of the scorecard, for tools in other
//! languages.
//!
//! # Unknown is not a number
//!
//! Where the input says nothing, the crate says "unknown" and reports how
//! much it knew; it never substitutes a default and analyses it as observed.
//! A stakeholder nobody assessed has no influence, not a neutral 3; an
//! indicator with no actual has no progress, not 0; money with no exchange
//! rate is reported, not counted. Every analysis reports its coverage, and a
//! programme without enough evidence is *not ranked*, with the reason:
//!
//! ```
//! use ssr_model::score::compare::NotRanked;
//! use ssr_model::Scorer;
//! use ssr_model::{Country, Programme, Stakeholder};
//! use ssr_model::model::{Role, StakeholderKind};
//!
//! let mut portfolio = ssr_model::samples::portfolio();
//! portfolio.programmes.push(
//!     Programme::new("Border police support", Country::new("MLI")?).with_stakeholder(
//!         Stakeholder::new("Ministry of Security", StakeholderKind::NationalGovernment).with_role(Role::Implementing),
//!     ),
//! );
//! let card = Scorer::default().scorecard(&portfolio);
//! let new = card.comparison.rows.last().ok_or("one row per programme")?;
//! assert_eq!((new.rank, new.not_ranked), (None, Some(NotRanked::InsufficientResults)));
//! let stakeholders = &card.programmes.last().ok_or("one card per programme")?.stakeholders;
//! assert_eq!(stakeholders.resistance_exposure, None); // influence and stance unknown
//! assert_eq!(stakeholders.coverage.assessed, 0.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! * **json** (default): the [`document`][doc-mod] format, policies from JSON.
//! * **iati**: [`interop::iati`][iati], import of IATI 2.01–2.03 activity files
//!   (quick-xml).
//! * **csv**: [`tables`] as CSV ([`write_csv`][csv]), tidy for R and pandas.
//! * **schemars**: [`interop::schema`][schema], JSON Schemas of the document, the
//!   policies and the scorecard.
//! * **arrow**: [`tables`] as Arrow record batches (arrow-rs).
//! * **parquet**: [`tables`] as Parquet files (enables `arrow`).
//!
//! The `ssr` command-line program is its own package in the workspace
//! (`cli/`, `ssr-cli`), so library users never compile its dependencies:
//! `cargo install --path cli`.
//!
//! # Stability
//!
//! Enums and structs that may grow are `#[non_exhaustive]`; structs have a
//! `new` and `with_*` setters, so adding a field is not a breaking change.
//! The document format is versioned ([`document::SCHEMA_VERSION`][doc-version]); older
//! documents keep loading. Sample data ([`samples`]) is illustrative, not
//! data.
//!

// The crate docs link to modules behind features: to the item when its
// feature is on, else to the published docs (built with every feature).
#![cfg_attr(feature = "json", doc = "[doc-mod]: crate::document")]
#![cfg_attr(
    not(feature = "json"),
    doc = "[doc-mod]: https://docs.rs/ssr-model/latest/ssr_model/document/index.html"
)]
#![cfg_attr(feature = "json", doc = "[doc-from-str]: crate::document::from_str")]
#![cfg_attr(
    not(feature = "json"),
    doc = "[doc-from-str]: https://docs.rs/ssr-model/latest/ssr_model/document/fn.from_str.html"
)]
#![cfg_attr(
    feature = "json",
    doc = "[doc-version]: crate::document::SCHEMA_VERSION"
)]
#![cfg_attr(
    not(feature = "json"),
    doc = "[doc-version]: https://docs.rs/ssr-model/latest/ssr_model/document/constant.SCHEMA_VERSION.html"
)]
#![cfg_attr(feature = "iati", doc = "[iati]: crate::interop::iati")]
#![cfg_attr(
    not(feature = "iati"),
    doc = "[iati]: https://docs.rs/ssr-model/latest/ssr_model/interop/iati/index.html"
)]
#![cfg_attr(feature = "iati", doc = "[iati-corpus]: crate::interop::iati::Corpus")]
#![cfg_attr(
    not(feature = "iati"),
    doc = "[iati-corpus]: https://docs.rs/ssr-model/latest/ssr_model/interop/iati/struct.Corpus.html"
)]
#![cfg_attr(feature = "csv", doc = "[csv]: crate::tables::write_csv")]
#![cfg_attr(
    not(feature = "csv"),
    doc = "[csv]: https://docs.rs/ssr-model/latest/ssr_model/tables/fn.write_csv.html"
)]
#![cfg_attr(
    feature = "csv",
    doc = "[csv-scorecard]: crate::tables::write_scores_csv"
)]
#![cfg_attr(
    not(feature = "csv"),
    doc = "[csv-scorecard]: https://docs.rs/ssr-model/latest/ssr_model/tables/fn.write_scores_csv.html"
)]
#![cfg_attr(feature = "schemars", doc = "[schema]: crate::interop::schema")]
#![cfg_attr(
    not(feature = "schemars"),
    doc = "[schema]: https://docs.rs/ssr-model/latest/ssr_model/interop/schema/index.html"
)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod model;
mod parallel;

pub mod diagnostics;

#[cfg(feature = "json")]
pub mod document;
pub mod html;
pub mod interop;
pub mod samples;
pub mod score;
pub mod tables;
pub mod validate;

// The root holds the types a newcomer meets first, each at this one path;
// everything else lives in the module of its pipeline stage.
pub use diagnostics::report::{Finding, Report};
pub use model::challenge::Challenge;
pub use model::code::{Country, Currency};
pub use model::component::Component;
pub use model::evaluation::Evaluation;
pub use model::indicator::{Indicator, Period, Value};
pub use model::money::Money;
pub use model::objective::Objective;
pub use model::portfolio::Portfolio;
pub use model::programme::Programme;
pub use model::region::Region;
pub use model::stakeholder::Stakeholder;
pub use score::scorecard::Scorecard;
pub use score::scorer::Scorer;

// Inside the crate, every model type is also reachable from the root.
pub(crate) use model::*;

/// The `chrono` crate, whose `NaiveDate` the model's dates use; re-exported
/// so callers need not match its version.
pub use chrono;

/// The Rust examples of the README and of the pages in `docs/`, compiled and
/// run as doctests, so that no page shows code that does not work. They use
/// the JSON document and the IATI importer, so they run when those features
/// are on (as in the README's test command, `--all-features`).
#[cfg(all(doctest, feature = "json", feature = "iati"))]
mod user_docs {
    #[doc = include_str!("../README.md")]
    pub struct Readme;
    #[doc = include_str!("../docs/model.md")]
    pub struct Model;
    #[doc = include_str!("../docs/scoring.md")]
    pub struct Scoring;
    #[doc = include_str!("../docs/money.md")]
    pub struct Money;
    #[doc = include_str!("../docs/iati.md")]
    pub struct Iati;
    #[doc = include_str!("../docs/tables.md")]
    pub struct Tables;
    #[doc = include_str!("../docs/cli.md")]
    pub struct Cli;
    #[doc = include_str!("../docs/testing.md")]
    pub struct Testing;
}
