//! Scoring: transparent, reproducible scores of SSR programmes, and ranks
//! with their uncertainty.
//!
//! Pure functions over the model and a [`ScoringPolicy`] that holds every
//! methodological choice as data, so a researcher can publish the method
//! beside the results and anyone can re-run it bit for bit. The types live
//! here, under `ssr_model::score` (not at the crate root, where names such as
//! `Status` would be ambiguous).
//!
//! | step | module docs | source |
//! |---|---|---|
//! | indicator progress `p = (a − b)/(t − b)`, maintain targets, ordinal scales | [`progress`](fn@progress) | results-based monitoring's percentage of target achieved; IATI `ascending` |
//! | status against elapsed time (on track / at risk / off track / no data) | [`classify`] | TolaData ±15% |
//! | least-squares forecast to the target date | [`least_squares`], [`Forecast`] | |
//! | aggregation: arithmetic, geometric, harmonic, generalised mean | [`Aggregation`] | OECD/JRC Handbook (2008) §6 |
//! | effective weights, coverage, what pulled a score down | [`ProgrammeScore`] | |
//! | results chain: progress by level and per objective, evidence grade, disaggregated progress, gender gap | [`ResultsProfile`], [`ResultsPolicy`] | logframe; UNSCR 1325 |
//! | risk: inherent L × I, residual after mitigation, bands, exposure (union), per component | [`RiskProfile`], [`ExposureMethod`] | 5 × 5 risk matrix; Pearl 1988; Hillson 2003 |
//! | stakeholders: Mendelow grid, salience, resistance, inclusion | [`StakeholderProfile`] | Mendelow 1991; Mitchell, Agle & Wood 1997 |
//! | evaluation: DAC criteria combined | [`EvaluationScore`] | OECD DAC 2019 |
//! | normalisation: min-max, z-score, goalposts, distance to target, percentile rank | [`Normalisation`] | OECD/JRC 2008 §5; COINr |
//! | evidence before ranking: who is ranked, unranked with a reason, imputation | [`Evidence`], [`RankingPolicy`], [`NotRanked`] | OECD/JRC 2008 §3; COINr |
//! | comparison and ranking, incl. Copeland | [`Comparison`], [`PortfolioAggregation`] | OECD/JRC 2008; COINr |
//! | rank uncertainty by Monte Carlo | [`RankUncertainty`] | Saisana, Saltelli & Tarantola 2005; COINr `get_sensitivity` |
//! | the composite's audit: coherence (correlations, Cronbach's alpha, first principal component), outliers, screening | [`audit`] | OECD/JRC 2008 steps 3–4; COINr `get_corr`, `get_cronbach`, `get_PCA`, `Treat`, `Screen` |
//! | a composite indicator over any P × C matrix, and its rank uncertainty | [`CompositeMatrix`](matrix::CompositeMatrix) | COINr; checked against a numpy reference implementation |
//!
//! # A worked example
//!
//! One programme, two indicators, default policy (arithmetic means, progress
//! capped to [0, 1], status tolerance 0.15):
//!
//! ```
//! use chrono::NaiveDate;
//! use ssr_model::Scorer;
//! use ssr_model::score::programme::Status;
//! use ssr_model::model::*;
//! use ssr_model::*;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! // Trust in the police, 38% at the start of 2020, 52% targeted for the
//! // end of 2023, 45% reached by the end of 2021.
//! let trust = Indicator::new("Public trust in the police", ResultLevel::Outcome, Measure::Percentage)
//!     .with_baseline(Baseline::new(Value::number(38.0)?).with_date(d(2020, 1, 1)))
//!     .with_period(Period::new(d(2021, 1, 1), d(2021, 12, 31)).with_actual(Value::number(45.0)?))
//!     .with_period(Period::new(d(2023, 1, 1), d(2023, 12, 31)).with_target(Value::number(52.0)?));
//! // Reported abuses, lower is better: 200 → 100, 170 by the end of 2021.
//! let abuses = Indicator::new("Reported abuses by police", ResultLevel::Outcome, Measure::Unit)
//!     .with_direction(Direction::Decrease)
//!     .with_baseline(Baseline::new(Value::number(200.0)?).with_date(d(2020, 1, 1)))
//!     .with_period(Period::new(d(2021, 1, 1), d(2021, 12, 31)).with_actual(Value::number(170.0)?))
//!     .with_period(Period::new(d(2023, 1, 1), d(2023, 12, 31)).with_target(Value::number(100.0)?));
//! let programme = Programme::new("Police reform", Country::new("LBR")?)
//!     .with_component(Component::new("Community policing", Pillar::PoliceReform)
//!         .with_indicator(trust)
//!         .with_indicator(abuses));
//!
//! let score = Scorer::default().programme(&programme);
//! let [trust, abuses] = &score.components[0].indicators[..] else { unreachable!() };
//! // Trust: (45 − 38)/(52 − 38) = 0.5. Abuses: (170 − 200)/(100 − 200) = 0.3.
//! assert_eq!(trust.progress, Some(0.5));
//! assert!((abuses.progress.unwrap() - 0.3).abs() < 1e-12);
//! // Judged at the end of 2021: 730 of 1460 days gone, 0.5 expected.
//! // Trust is on track (0.5 ≥ 0.425); abuses are off track (0.3 < 0.35).
//! assert_eq!(trust.expected, Some(0.5));
//! assert_eq!(trust.status, Status::OnTrack);
//! assert_eq!(abuses.status, Status::OffTrack);
//! // Programme score: (0.5 + 0.3)/2 = 0.4, all weight covered.
//! assert!((score.score.unwrap() - 0.4).abs() < 1e-12);
//! assert_eq!(score.coverage, 1.0);
//! // Abuses pull it down most: at target the score would be 0.75.
//! assert_eq!(score.drags[0].title, "Reported abuses by police");
//! assert!((score.drags[0].shortfall - 0.35).abs() < 1e-12);
//! # Ok::<(), ssr_model::model::ValueError>(())
//! ```
//!
//! For a portfolio, [`Scorer::scorecard`] gives a [`Scorecard`] with every
//! programme's card and the comparison table; [`Scorer::rank_uncertainty`]
//! adds the Monte Carlo ranks; [`Scorecard::rows`] gives the tidy long
//! format the CLI writes as CSV.
//!
//! # Sources
//!
//! - OECD/JRC (2008), *Handbook on Constructing Composite Indicators:
//!   Methodology and User Guide*, OECD Publishing.
//! - Becker, W. et al., COINr: an R package for developing composite
//!   indicators (normalisation functions, `get_sensitivity`).
//! - TolaData, indicator tracking (±15% on-track band).
//! - Mendelow, A. (1991), *Environmental scanning: the impact of the
//!   stakeholder concept*, Proceedings of the Second International
//!   Conference on Information Systems.
//! - Mitchell, R. K., Agle, B. R. & Wood, D. J. (1997), *Toward a theory of
//!   stakeholder identification and salience*, Academy of Management Review
//!   22(4), 853–886.
//! - OECD DAC (2019), *Better Criteria for Better Evaluation*.
//! - Saisana, M., Saltelli, A. & Tarantola, S. (2005), *Uncertainty and
//!   sensitivity analysis techniques as tools for the quality assessment of
//!   composite indicators*, J. R. Stat. Soc. A 168(2), 307–323.

mod aggregate;
mod as_of;
pub mod audit;
mod breakdown;
mod card;
pub mod coherence;
mod comparison;
mod engine;
mod evaluation;
mod evidence;
mod finance;
mod flows;
mod forecast;
mod indicator;
pub mod matrix;
mod normalise;
mod options;
mod panel;
mod panel_sweep;
pub mod policy;
pub mod programme;
mod programme_score;
mod progress;
mod rank;
mod ranking;
mod rates;
mod ratio_rates;
mod results;
mod risk;
pub(crate) mod scorecard;
pub(crate) mod scorer;
mod scorer_panels;
pub mod sensitivity;
mod shares;
mod ssr_share;
mod stakeholders;
mod status;
mod vocabulary;

pub use card::ProgrammeCard;
pub use options::{ScorerOptions, ScorerOptionsError};
pub use rates::{RatesFileError, read_rates};
pub use scorecard::{Row, RowKind, RowRef, Subject, SubjectKind, SubjectRef};

/// Comparing programmes: the comparison table of dimensions, its
/// normalisation, the evidence a programme needs to be ranked, and why a
/// programme was left unranked.
pub mod compare {
    pub use super::comparison::{Comparison, ComparisonRow};
    pub use super::evidence::{Evidence, EvidenceKind, KindEvidence};
    pub use super::normalise::{Normalisation, Scaling};
    pub use super::panel::PanelRow;
    pub use super::policy::results::EvidenceGrades;
    pub use super::ranking::NotRanked;
    pub use super::vocabulary::{Dimension, DimensionValues, PortfolioAggregation};
}

/// The uncertainty of ranks: Monte Carlo replications over the policy's
/// alternatives, and each programme's rank statistics.
pub mod uncertainty {
    pub use super::rank::{RankStats, RankUncertainty};
}

// Inside the crate, every scoring type is also reachable from `score`.
pub(crate) use aggregate::Aggregation;
pub(crate) use comparison::{Comparison, ComparisonRow};
pub(crate) use evaluation::EvaluationScore;
pub(crate) use evidence::{Evidence, EvidenceKind};
pub(crate) use finance::FinanceProfile;
pub(crate) use flows::RecipientFlow;
pub(crate) use flows::activity_ids;
pub(crate) use forecast::{Forecast, least_squares};
pub(crate) use indicator::IndicatorScore;
pub(crate) use normalise::{Normalisation, Scaling};
pub(crate) use policy::{
    EvaluationPolicy, FinancePolicy, LevelPolicy, PolicyError, RankingPolicy, ResultsPolicy,
    RiskBands, ScalePolicy, ScoringPolicy, StakeholderPolicy, StatusPolicy, TargetRule,
};
pub(crate) use programme_score::{ComponentScore, ProgrammeScore};
pub(crate) use progress::{Gap, progress};
pub(crate) use rank::{RankStats, RankUncertainty};
pub(crate) use ranking::NotRanked;
pub(crate) use results::ResultsProfile;
pub(crate) use risk::{RiskBand, RiskProfile};
pub(crate) use scorecard::Scorecard;
pub(crate) use scorer::Scorer;
pub(crate) use stakeholders::StakeholderProfile;
pub(crate) use status::{Status, classify, expected_progress};
pub(crate) use vocabulary::{Dimension, ExposureMethod, Imputation, PortfolioAggregation};
#[cfg(test)]
pub(crate) use {
    matrix::MatrixAggregation,
    policy::{UncertaintyPolicy, Weighting},
    stakeholders::{InclusionGroup, Presence, Quadrant, Salience},
};
