//! The results policy: evidence grades of data sources, and how result
//! levels and evidence weigh in the programme score.

use serde::{Deserialize, Serialize};

use super::invalid;
use crate::Finding;
use crate::{Indicator, ResultLevel, SourceKind};

/// The evidence grade of each kind of data source, from 0 (no evidence) to 1
/// (the strongest).
///
/// The default order follows how far the source stands from the programme
/// that reports: an independent oversight body's report (1) above an audit,
/// a survey or an external evaluation (0.75), above the institution's own
/// administrative records (0.5), above what the programme reports of itself
/// (monitoring reports), media monitoring, other sources and no source at
/// all (0.25).
///
/// ```
/// use ssr_model::score::compare::EvidenceGrades;
/// use ssr_model::model::{DataSource, Measure, ResultLevel, SourceKind};
/// use ssr_model::Indicator;
///
/// let grades = EvidenceGrades::default();
/// let ind = Indicator::new("Complaints resolved", ResultLevel::Outcome, Measure::Unit)
///     .with_source(DataSource::new(SourceKind::OversightReport));
/// assert_eq!(grades.of(&ind), 1.0);
/// assert_eq!(grades.of(&ind.with_source(DataSource::new(SourceKind::AdministrativeData))), 0.5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct EvidenceGrades {
    /// A report of an independent oversight body. Default 1.
    pub oversight_report: f64,
    /// A financial or performance audit. Default 0.75.
    pub audit: f64,
    /// A perception or household survey. Default 0.75.
    pub survey: f64,
    /// An external evaluation or review. Default 0.75.
    pub external_evaluation: f64,
    /// Administrative records of the institution. Default 0.5.
    pub administrative_data: f64,
    /// Programme monitoring reports: self-reported. Default 0.25.
    pub monitoring_report: f64,
    /// Media monitoring. Default 0.25.
    pub media_monitoring: f64,
    /// Any other source. Default 0.25.
    pub other: f64,
    /// No source named. Default 0.25.
    pub none: f64,
}

impl Default for EvidenceGrades {
    fn default() -> Self {
        EvidenceGrades {
            oversight_report: 1.0,
            audit: 0.75,
            survey: 0.75,
            external_evaluation: 0.75,
            administrative_data: 0.5,
            monitoring_report: 0.25,
            media_monitoring: 0.25,
            other: 0.25,
            none: 0.25,
        }
    }
}

impl EvidenceGrades {
    /// The grade of a source kind (`None`: no source).
    pub fn grade(&self, kind: Option<SourceKind>) -> f64 {
        match kind {
            Some(SourceKind::OversightReport) => self.oversight_report,
            Some(SourceKind::Audit) => self.audit,
            Some(SourceKind::Survey) => self.survey,
            Some(SourceKind::ExternalEvaluation) => self.external_evaluation,
            Some(SourceKind::AdministrativeData) => self.administrative_data,
            Some(SourceKind::MonitoringReport) => self.monitoring_report,
            Some(SourceKind::MediaMonitoring) => self.media_monitoring,
            Some(SourceKind::Other) => self.other,
            None => self.none,
        }
    }

    /// The grade of an indicator's source.
    pub fn of(&self, indicator: &Indicator) -> f64 {
        self.grade(indicator.source.as_ref().map(|s| s.kind))
    }

    fn check(&self, found: &mut Vec<Finding>) {
        for (field, x) in [
            ("oversight_report", self.oversight_report),
            ("audit", self.audit),
            ("survey", self.survey),
            ("external_evaluation", self.external_evaluation),
            ("administrative_data", self.administrative_data),
            ("monitoring_report", self.monitoring_report),
            ("media_monitoring", self.media_monitoring),
            ("other", self.other),
            ("none", self.none),
        ] {
            if !(0.0..=1.0).contains(&x) {
                found.push(invalid(
                    &format!("results.evidence.{field}"),
                    "a number from 0 to 1",
                    x,
                ));
            }
        }
    }
}

/// How result levels and evidence weigh in the programme score, and the
/// evidence grades.
///
/// By default nothing changes the score: every level weighs 1 and evidence
/// is reported, not weighted. A policy that wants outcomes and impact to
/// count more than outputs, or well-evidenced indicators more than
/// self-reported ones, says so here: an indicator's weight within its
/// component is multiplied by its level's weight and, with `weight_by_grade`,
/// by its evidence grade.
///
/// ```
/// use ssr_model::score::policy::{ResultsPolicy, ScoringPolicy};
/// use ssr_model::Indicator;
/// use ssr_model::model::{Measure, ResultLevel};
///
/// let mut policy = ScoringPolicy::default();
/// assert_eq!(policy.results, ResultsPolicy::default());
/// policy.results.impact = 2.0;
/// policy.results.weight_by_grade = true;
/// let ind = Indicator::new("Trust in the police", ResultLevel::Impact, Measure::Percentage);
/// // Impact weighs 2, and no source grades 0.25.
/// assert_eq!(policy.results.factor(&ind), 0.5);
/// assert!(policy.check().is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ResultsPolicy {
    /// The weight of output indicators. Default 1.
    pub output: f64,
    /// The weight of outcome indicators. Default 1.
    pub outcome: f64,
    /// The weight of impact indicators. Default 1.
    pub impact: f64,
    /// Whether indicator weights are multiplied by their evidence grade.
    /// Default `false`.
    pub weight_by_grade: bool,
    /// The evidence grade of each kind of source.
    pub evidence: EvidenceGrades,
}

impl Default for ResultsPolicy {
    fn default() -> Self {
        ResultsPolicy {
            output: 1.0,
            outcome: 1.0,
            impact: 1.0,
            weight_by_grade: false,
            evidence: EvidenceGrades::default(),
        }
    }
}

impl ResultsPolicy {
    /// Whether this is the default policy (then a scoring policy leaves it
    /// out of its JSON).
    pub fn is_default(&self) -> bool {
        *self == ResultsPolicy::default()
    }

    /// The weight of a result level.
    pub fn level_weight(&self, level: ResultLevel) -> f64 {
        match level {
            ResultLevel::Output => self.output,
            ResultLevel::Outcome => self.outcome,
            ResultLevel::Impact => self.impact,
        }
    }

    /// What an indicator's weight is multiplied by: its level's weight, and
    /// its evidence grade when weighting by grade. Exactly 1 under the
    /// default policy, so default scores do not move by a bit.
    pub fn factor(&self, indicator: &Indicator) -> f64 {
        let level = self.level_weight(indicator.level);
        if self.weight_by_grade {
            level * self.evidence.of(indicator)
        } else {
            level
        }
    }

    pub(crate) fn check(&self, found: &mut Vec<Finding>) {
        for (field, x) in [
            ("output", self.output),
            ("outcome", self.outcome),
            ("impact", self.impact),
        ] {
            if !(x.is_finite() && (0.0..=1e6).contains(&x)) {
                found.push(invalid(
                    &format!("results.{field}"),
                    "a number from 0 to 1e6",
                    x,
                ));
            }
        }
        self.evidence.check(found);
    }
}
