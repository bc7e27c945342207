//! The domain model: the nouns of SSR, with no logic beyond constructors,
//! accessors and the invariants their types keep.
//!
//! Every type here is re-exported at the crate root.
//!
//! ```
//! use ssr_model::{Country, Programme};
//! use ssr_model::model::Level;
//!
//! // The same types as `ssr_model::Programme` and friends.
//! let p: ssr_model::Programme = Programme::new("Police reform", Country::new("LBR")?);
//! assert_eq!(p.single_country().map(|c| c.name()), Some("Liberia"));
//! assert!(Level::new(6).is_err()); // 1–5, checked when built
//! # Ok::<(), ssr_model::model::ValueError>(())
//! ```

mod aid;
mod budget;
pub(crate) mod challenge;
pub(crate) mod code;
pub(crate) mod component;
mod date;
mod error;
pub(crate) mod evaluation;
mod iati_code;
mod id;
pub(crate) mod indicator;
mod iso_tables;
mod location;
mod macros;
mod markers;
pub(crate) mod money;
pub(crate) mod names;
pub(crate) mod objective;
pub(crate) mod portfolio;
pub(crate) mod programme;
mod rate;
mod rates;
mod recipient;
pub(crate) mod region;
mod related;
mod scale;
mod scale_ordinal;
#[cfg(feature = "schemars")]
mod schema;
mod sector;
pub(crate) mod stakeholder;
mod transaction;
mod unlisted;

pub use aid::{AidClassification, AidType, ReportingOrg};
pub use budget::{Budget, BudgetKind, BudgetStatus};
pub(crate) use challenge::Challenge;
pub use challenge::{ChallengeKind, ChallengeStatus, Mitigation};
pub use code::SectorCode;
pub(crate) use code::{Country, Currency};
pub(crate) use component::Component;
pub use component::Pillar;
pub use error::ValueError;
pub(crate) use error::echo;
#[cfg(feature = "iati")]
pub(crate) use error::echo_within;
pub(crate) use evaluation::Evaluation;
pub use evaluation::{DacCriterion, Rating};
pub use iati_code::{
    AidTypeVocabulary, CollaborationType, FinanceType, FlowType, GeographicExactness,
    GeographicVocabulary, HumanitarianScopeType, HumanitarianScopeVocabulary, OrganisationType,
    PolicyMarkerVocabulary, PolicySignificance, RelatedActivityType, TiedStatus,
};
pub use id::{
    ChallengeId, ComponentId, EvaluationId, IndicatorId, ObjectiveId, ProgrammeId, StakeholderId,
};
pub(crate) use indicator::Indicator;
pub use indicator::{Baseline, Breakdown, DataSource, Direction, Measure, ResultLevel, SourceKind};
pub use location::{AdministrativeArea, Location, Point};
pub use markers::{HumanitarianScope, PolicyMarker};
pub use money::Amount;
pub(crate) use money::Money;
pub(crate) use objective::Objective;
pub use objective::ObjectiveKind;
pub(crate) use programme::Programme;
pub use programme::{Context, Funding, GenderMarker, Phase};
pub use rate::Rate;
pub(crate) use rate::RateText;
pub(crate) use rates::CrossRate;
pub use rates::{ConversionError, ExchangeRates, MissingRate, RateError};
pub use recipient::{Place, Recipient};
pub(crate) use region::Region;
pub use related::RelatedActivity;
pub use scale::{Finite, Fraction, Level, Percentage, Weight};
pub use scale_ordinal::OrdinalScale;
pub use sector::{Sector, SectorVocabulary};
pub(crate) use stakeholder::Stakeholder;
pub use stakeholder::{Role, StakeholderKind, Stance};
pub use transaction::{Organisation, Party, Transaction, TransactionType};
pub use unlisted::UnlistedCode;
