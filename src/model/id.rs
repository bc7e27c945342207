//! Typed identifiers over UUIDs, one type per kind of entity, so that a
//! stakeholder id can never be passed where a component id is expected.
//!
//! New records get a random (v4) id. Records imported from elsewhere get a
//! name-based (v5) id derived from their external identifier, so importing
//! the same source twice yields the same ids.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ValueError;

/// The namespace all derived ids descend from: the v5 UUID of the URN
/// `urn:ssr-model` in the RFC 9562 URL namespace. Fixed forever: changing it
/// would change every derived id.
fn crate_namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:ssr-model")
}

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new random (version 4) id.
            #[allow(clippy::new_without_default)] // a random default would surprise
            pub fn new() -> Self {
                $name(Uuid::new_v4())
            }

            /// The deterministic (version 5) id for an external identifier,
            /// such as an IATI activity identifier. The same text always gives
            /// the same id, and ids of different entity kinds never collide.
            pub fn from_external(external: &str) -> Self {
                let kind = Uuid::new_v5(&crate_namespace(), $kind.as_bytes());
                $name(Uuid::new_v5(&kind, external.as_bytes()))
            }

            /// Wraps an existing UUID.
            pub fn from_uuid(uuid: Uuid) -> Self {
                $name(uuid)
            }

            /// The underlying UUID.
            pub fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0.hyphenated())
            }
        }

        impl FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s)
                    .map($name)
                    .map_err(|_| ValueError::new(concat!($kind, " id"), "a UUID", format!("{s:?}")))
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }
    };
}

typed_id!(
    /// Identifies a [`Programme`](crate::Programme).
    ///
    /// ```
    /// use ssr_model::model::ProgrammeId;
    ///
    /// let a = ProgrammeId::from_external("GB-GOV-1-300123");
    /// assert_eq!(a, ProgrammeId::from_external("GB-GOV-1-300123"));
    /// assert_ne!(a, ProgrammeId::new());
    /// assert_eq!(a.to_string().parse::<ProgrammeId>()?, a);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    ProgrammeId, "programme"
);
typed_id!(
    /// Identifies a [`Stakeholder`](crate::Stakeholder) within a programme.
    ///
    /// ```
    /// use ssr_model::{Country, Programme, Stakeholder};
    /// use ssr_model::model::{StakeholderId, StakeholderKind};
    ///
    /// let police = Stakeholder::new("Liberia National Police", StakeholderKind::Police)
    ///     .with_id(StakeholderId::from_external("LR-LNP"));
    /// let p = Programme::new("Police reform", Country::new("LBR")?).with_stakeholder(police);
    /// let id = StakeholderId::from_external("LR-LNP"); // the same text, the same id
    /// assert_eq!(p.stakeholder(id).map(|s| s.name.as_str()), Some("Liberia National Police"));
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    StakeholderId, "stakeholder"
);
typed_id!(
    /// Identifies a [`Component`](crate::Component) within a programme.
    ///
    /// ```
    /// use ssr_model::{Challenge, Component};
    /// use ssr_model::model::{ChallengeKind, ComponentId, Pillar};
    ///
    /// let vetting = Component::new("Vetting", Pillar::VettingAndAntiCorruption);
    /// let risk = Challenge::new(ChallengeKind::ResistanceToChange, "Officers resist vetting")
    ///     .with_affects(vetting.id);
    /// assert_eq!(risk.affects, [vetting.id]);
    /// assert_ne!(vetting.id, ComponentId::new()); // new ids are random
    /// ```
    ComponentId, "component"
);
typed_id!(
    /// Identifies an [`Objective`](crate::Objective) within a programme.
    ///
    /// ```
    /// use ssr_model::{Indicator, Objective};
    /// use ssr_model::model::{Measure, ObjectiveId, ObjectiveKind, ResultLevel};
    ///
    /// let trust = Objective::new(ObjectiveKind::Trust, "People trust the police");
    /// let survey = Indicator::new("Trust in the police", ResultLevel::Outcome, Measure::Percentage)
    ///     .with_objective(trust.id);
    /// assert_eq!(survey.objectives, [trust.id]);
    /// assert_eq!(trust.id.to_string().parse::<ObjectiveId>()?, trust.id);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    ObjectiveId, "objective"
);
typed_id!(
    /// Identifies a [`Challenge`](crate::Challenge) within a programme.
    ///
    /// ```
    /// use ssr_model::Challenge;
    /// use ssr_model::model::{ChallengeId, ChallengeKind};
    ///
    /// let c = Challenge::new(ChallengeKind::Corruption, "Ghost soldiers on the payroll")
    ///     .with_id(ChallengeId::from_external("risk-7"));
    /// assert_eq!(c.id, ChallengeId::from_external("risk-7"));
    /// assert!("not a uuid".parse::<ChallengeId>().is_err());
    /// ```
    ChallengeId, "challenge"
);
typed_id!(
    /// Identifies an [`Indicator`](crate::Indicator) within a programme.
    ///
    /// ```
    /// use ssr_model::Indicator;
    /// use ssr_model::model::{IndicatorId, Measure, ResultLevel};
    ///
    /// let i = Indicator::new("Officers trained", ResultLevel::Output, Measure::Unit);
    /// let j = Indicator::new("Officers trained", ResultLevel::Output, Measure::Unit);
    /// assert_ne!(i.id, j.id); // same title, two indicators
    /// let imported = IndicatorId::from_external("GB-1-123/result/1/indicator/2");
    /// assert_eq!(imported.as_uuid().get_version_num(), 5);
    /// ```
    IndicatorId, "indicator"
);
typed_id!(
    /// Identifies an [`Evaluation`](crate::Evaluation) within a programme.
    ///
    /// ```
    /// use ssr_model::model::EvaluationId;
    ///
    /// let id: EvaluationId = "67e55044-10b1-426f-9247-bb680e5fe0c8".parse()?;
    /// assert_eq!(id.to_string(), "67e55044-10b1-426f-9247-bb680e5fe0c8");
    /// assert_eq!(EvaluationId::from_uuid(*id.as_uuid()), id);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    EvaluationId, "evaluation"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_do_not_collide() {
        let p = ProgrammeId::from_external("x");
        let s = StakeholderId::from_external("x");
        assert_ne!(p.as_uuid(), s.as_uuid());
        assert_eq!(p.as_uuid().get_version_num(), 5);
        assert_eq!(ProgrammeId::new().as_uuid().get_version_num(), 4);
    }
}
