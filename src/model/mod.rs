//! The domain model: the nouns of SSR, with no logic beyond constructors,
//! accessors and the invariants their types keep.
//!
//! Every type here is re-exported at the crate root.
//!
//! ```
//! use ssr_model::model::{Country, Level, Programme};
//!
//! // The same types as `ssr_model::Programme` and friends.
//! let p: ssr_model::Programme = Programme::new("Police reform", Country::new("LBR")?);
//! assert_eq!(p.single_country().map(|c| c.name()), Some("Liberia"));
//! assert!(Level::new(6).is_err()); // 1–5, checked when built
//! # Ok::<(), ssr_model::ValueError>(())
//! ```

mod budget;
mod challenge;
mod code;
mod component;
mod country_alpha2;
mod date;
mod error;
mod evaluation;
mod id;
mod indicator;
mod iso_tables;
mod macros;
mod money;
pub(crate) mod names;
mod objective;
mod portfolio;
mod programme;
mod rates;
mod recipient;
mod region;
mod scale;
mod scale_ordinal;
#[cfg(feature = "schemars")]
mod schema;
mod stakeholder;
mod transaction;

pub use budget::{Budget, BudgetKind, BudgetStatus};
pub use challenge::{Challenge, ChallengeKind, ChallengeStatus, Mitigation};
pub use code::{Country, Currency, SectorCode};
pub use component::{Component, Pillar};
pub use error::ValueError;
pub(crate) use error::echo;
#[cfg(feature = "iati")]
pub(crate) use error::echo_within;
pub use evaluation::{DacCriterion, Evaluation, Rating};
pub use id::{
    ChallengeId, ComponentId, EvaluationId, IndicatorId, ObjectiveId, ProgrammeId, StakeholderId,
};
pub use indicator::{
    Baseline, Breakdown, DataSource, Direction, Indicator, Measure, Period, ResultLevel,
    SourceKind, Value,
};
pub use money::{Amount, Money};
pub use objective::{Objective, ObjectiveKind};
pub use portfolio::Portfolio;
pub use programme::{Context, Funding, GenderMarker, Phase, Programme, Sector};
pub use rates::{ExchangeRates, MissingRate, RateError, RateLine, RatesFileError};
pub use recipient::{Place, Recipient};
pub use region::Region;
pub use scale::{Finite, Fraction, Level, Percentage, Weight};
pub use scale_ordinal::OrdinalScale;
pub use stakeholder::{Role, Stakeholder, StakeholderKind, Stance};
pub use transaction::{Organisation, Party, Transaction, TransactionType};
