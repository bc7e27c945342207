//! One programme's card: every score the scorer gives a programme, and
//! the evidence they stand on.

use serde::{Deserialize, Serialize};

use super::evidence::{Evidence, KindEvidence};
use super::{
    EvaluationScore, FinanceProfile, ProgrammeScore, ResultsProfile, RiskProfile,
    StakeholderProfile,
};
use crate::{ProgrammeId, Recipient};

/// One programme's scores: results, risk, stakeholders and evaluation.
///
/// ```
/// use ssr_model::Scorer;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let liberia = &portfolio.programmes[0];
/// let card = Scorer::default().card(liberia);
/// assert_eq!((card.id, card.name.as_str()), (liberia.id, liberia.name.as_str()));
/// assert_eq!(card.recipients, liberia.recipients);
/// // Each part of the card is what the scorer gives for that part alone.
/// assert_eq!(card.risk, Scorer::default().risk(liberia));
/// assert_eq!(card.progress, Scorer::default().programme(liberia));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProgrammeCard {
    /// The programme.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub id: ProgrammeId,
    /// Its name.
    pub name: String,
    /// The countries and regions it works in, with their shares.
    pub recipients: Vec<Recipient>,
    /// Results: indicator progress, component and programme scores.
    pub progress: ProgrammeScore,
    /// The results chain: progress by level and per objective, evidence
    /// grade, disaggregated progress and the gender gap.
    #[serde(default)]
    pub results: ResultsProfile,
    /// Risk register scored.
    pub risk: RiskProfile,
    /// Stakeholder analysis.
    pub stakeholders: StakeholderProfile,
    /// The latest evaluation, scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<EvaluationScore>,
    /// Money: commitments, disbursements, spending, budget execution,
    /// funding concentration and yearly flows.
    pub finance: FinanceProfile,
    /// What the programme has evidence for, and how much of each kind.
    pub evidence: Evidence,
}

impl Evidence {
    /// The evidence of a card's scores.
    pub(crate) fn of(card: &ProgrammeCard) -> Evidence {
        Evidence::from_parts(
            (card.progress.score, card.progress.coverage),
            card.risk.exposure,
            &card.stakeholders,
            card.evaluation.as_ref(),
            card.finance.pace,
        )
    }

    /// The evidence of a card's parts: the results score and its
    /// coverage, the risk exposure, the stakeholder profile, the latest
    /// evaluation and the finance pace (a panel keeps only these).
    pub(crate) fn from_parts(
        (score, coverage): (Option<f64>, f64),
        risk: Option<f64>,
        stakeholders: &StakeholderProfile,
        evaluation: Option<&EvaluationScore>,
        pace: Option<f64>,
    ) -> Evidence {
        let eval = evaluation.filter(|e| e.score.is_some());
        Evidence {
            results: KindEvidence::new(score.is_some(), coverage),
            risk: KindEvidence::whole(risk.is_some()),
            stakeholders: KindEvidence::new(
                stakeholders.has_evidence(),
                stakeholders.coverage.assessed,
            ),
            evaluation: KindEvidence::new(eval.is_some(), eval.map_or(0.0, |e| e.coverage)),
            finance: KindEvidence::whole(pace.is_some()),
        }
    }
}
