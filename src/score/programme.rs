//! Every per-programme measure, wherever it is computed: the public home
//! of component and programme scores, the results chain, risk,
//! stakeholders, evaluation and money of one programme.

// The public home of every per-programme measure, wherever it is computed.
pub use super::aggregate::Aggregation;
pub use super::breakdown::CategoryProgress;
pub use super::evaluation::{CriterionScore, EvaluationScore};
pub use super::finance::{FinanceProfile, YearFlows};
pub use super::flows::RecipientFlow;
pub use super::forecast::{Forecast, Line, least_squares};
pub use super::indicator::IndicatorScore;
pub use super::programme_score::{ComponentScore, Drag, ProgrammeScore};
pub use super::progress::{Gap, progress};
pub use super::results::{LevelProgress, ObjectiveProgress, ResultsProfile};
pub use super::risk::{
    BandCounts, ComponentExposure, RiskBand, RiskProfile, RiskScore, combined_effectiveness,
    inherent_risk,
};
pub use super::shares::{
    RecipientShare, recipient_shares, split_by_recipient, split_transaction, unallocated_share,
};
pub use super::ssr_share::ssr_share;
pub use super::stakeholders::{
    GroupPresence, InclusionGroup, Presence, Quadrant, Salience, StakeholderCoverage,
    StakeholderProfile, StakeholderScore,
};
pub use super::status::{Status, classify, expected_progress};
