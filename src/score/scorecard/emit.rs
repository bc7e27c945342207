//! Which rows a programme's card gives, in order, each with its typed key
//! (see [`Row`](super::Row)).

use super::ProgrammeCard;
use super::subject::{SubjectKind, SubjectRef};
use crate::DacCriterion;
use crate::score::{
    ComparisonRow, Dimension, EvidenceKind, FinanceProfile, RankStats, ResultsProfile, RiskBand,
    RiskProfile, StakeholderProfile, Status,
};

/// What a row is about, beside its programme and value.
#[derive(Clone, Copy, Default)]
pub(super) struct Key<'a> {
    pub(super) measure: &'static str,
    pub(super) subject: Option<SubjectRef<'a>>,
    pub(super) year: Option<i32>,
    pub(super) dimension: Option<Dimension>,
    pub(super) breakdown: Option<&'a str>,
    pub(super) category: Option<&'a str>,
}

impl<'a> Key<'a> {
    /// A measure of the programme as a whole.
    fn of(measure: &'static str) -> Self {
        Key {
            measure,
            ..Key::default()
        }
    }

    fn about(self, kind: SubjectKind, id: Option<uuid::Uuid>, name: &'a str) -> Self {
        Key {
            subject: Some(SubjectRef { kind, id, name }),
            ..self
        }
    }

    fn category(self, category: &'a str) -> Self {
        Key {
            category: Some(category),
            ..self
        }
    }
}

/// How the row helpers write a measure.
pub(super) trait Emit<'a, E>: FnMut(Key<'a>, Option<f64>) -> Result<(), E> {}

impl<'a, E, F: FnMut(Key<'a>, Option<f64>) -> Result<(), E>> Emit<'a, E> for F {}

/// Every row of one programme, in the documented order.
pub(super) fn programme_rows<'a, E>(
    card: &'a ProgrammeCard,
    cmp: &'a ComparisonRow,
    stats: Option<&RankStats>,
    emit: &mut impl Emit<'a, E>,
) -> Result<(), E> {
    let p = &card.progress;
    emit(Key::of("score"), p.score)?;
    emit(Key::of("coverage"), Some(p.coverage))?;
    emit(Key::of("indicators"), Some(p.indicators().count() as f64))?;
    for (name, status) in [
        ("on_track", Status::OnTrack),
        ("at_risk", Status::AtRisk),
        ("off_track", Status::OffTrack),
        ("interim", Status::Interim),
        ("no_data", Status::NoData),
    ] {
        emit(Key::of(name), Some(p.status_count(status) as f64))?;
    }
    for c in &p.components {
        let key = Key::of("score").about(SubjectKind::Component, Some(c.id.into()), &c.name);
        emit(key, c.score)?;
    }
    results_rows(&card.results, emit)?;
    for kind in EvidenceKind::ALL {
        let e = card.evidence.get(kind);
        let key = Key::of("evidence_coverage").category(kind.as_str());
        emit(key, e.present.then_some(e.coverage))?;
    }
    risk_rows(&card.risk, emit)?;
    stakeholder_rows(&card.stakeholders, emit)?;
    let eval = card.evaluation.as_ref();
    emit(Key::of("evaluation.score"), eval.and_then(|e| e.score))?;
    for c in DacCriterion::ALL {
        let key = Key::of("evaluation.criterion").category(c.as_str());
        emit(key, eval.and_then(|e| e.criterion(c)))?;
    }
    finance_rows(&card.finance, emit)?;
    for d in Dimension::ALL {
        let key = Key {
            dimension: Some(d),
            ..Key::of("normalised")
        };
        emit(key, cmp.normalised.get(d))?;
    }
    emit(Key::of("composite"), cmp.composite)?;
    emit(Key::of("rank"), cmp.rank.map(f64::from))?;
    if let Some(s) = stats {
        emit(Key::of("rank.mean"), Some(s.mean))?;
        emit(Key::of("rank.median"), Some(s.median))?;
        emit(Key::of("rank.p05"), Some(s.p05))?;
        emit(Key::of("rank.p95"), Some(s.p95))?;
        emit(Key::of("rank.sd"), Some(s.sd))?;
    }
    Ok(())
}

/// The risk measures of one card as tidy rows.
fn risk_rows<'a, E>(r: &'a RiskProfile, emit: &mut impl Emit<'a, E>) -> Result<(), E> {
    emit(Key::of("risk.exposure"), r.exposure)?;
    emit(Key::of("risk.max_residual"), r.max_residual)?;
    for band in RiskBand::ALL {
        let key = Key::of("risk.challenges").category(band.as_str());
        emit(key, Some(r.bands.get(band) as f64))?;
    }
    for c in &r.components {
        let key = Key::of("risk.exposure").about(
            SubjectKind::Component,
            Some(c.component.into()),
            &c.name,
        );
        emit(key, c.exposure)?;
    }
    Ok(())
}

/// The stakeholder measures of one card as tidy rows.
fn stakeholder_rows<'a, E>(
    s: &'a StakeholderProfile,
    emit: &mut impl Emit<'a, E>,
) -> Result<(), E> {
    emit(Key::of("stakeholders.resistance"), s.resistance_exposure)?;
    emit(Key::of("stakeholders.inclusion"), s.inclusion)?;
    let c = &s.coverage;
    for (name, value) in [
        ("grid", c.grid),
        ("salience", c.salience),
        ("resistance", c.resistance),
        ("inclusion", c.inclusion),
        ("assessed", c.assessed),
    ] {
        emit(Key::of("stakeholders.coverage").category(name), Some(value))?;
    }
    Ok(())
}

/// The results-chain measures of one card as tidy rows.
fn results_rows<'a, E>(r: &'a ResultsProfile, emit: &mut impl Emit<'a, E>) -> Result<(), E> {
    for l in &r.levels {
        let level = l.level.as_str();
        emit(
            Key::of("progress").about(SubjectKind::Level, None, level),
            l.progress,
        )?;
        let coverage = Key::of("coverage").about(SubjectKind::Level, None, level);
        emit(coverage, Some(l.coverage))?;
    }
    for o in &r.objectives {
        let id = Some(o.id.into());
        let progress = Key::of("progress").about(SubjectKind::Objective, id, &o.statement);
        emit(progress, o.progress)?;
        let coverage = Key::of("coverage").about(SubjectKind::Objective, id, &o.statement);
        emit(coverage, Some(o.coverage))?;
    }
    emit(Key::of("evidence.grade"), r.evidence)?;
    emit(Key::of("gender_gap"), r.gender_gap)?;
    emit(Key::of("gender_gap.coverage"), Some(r.gender_gap_coverage))?;
    for c in &r.categories {
        let key = Key {
            breakdown: Some(&c.dimension),
            ..Key::of("progress").about(SubjectKind::Indicator, Some(c.indicator.into()), &c.title)
        };
        emit(key.category(&c.category), c.capped)?;
    }
    Ok(())
}

/// The finance measures of one card as tidy rows.
fn finance_rows<'a, E>(f: &'a FinanceProfile, emit: &mut impl Emit<'a, E>) -> Result<(), E> {
    for (name, value) in [
        ("finance.committed", f.committed),
        ("finance.disbursed", f.disbursed),
        ("finance.spent", f.spent),
        ("finance.incoming", f.incoming),
        ("finance.budget", f.budget),
        ("finance.disbursement_rate", f.disbursement_rate),
        ("finance.execution", f.execution),
        ("finance.elapsed", f.elapsed),
        ("finance.pace", f.pace),
        ("finance.funders", Some(f.funders as f64)),
        ("finance.concentration", f.concentration),
    ] {
        emit(Key::of(name), value)?;
    }
    for y in &f.yearly {
        for (name, value) in [
            ("finance.committed", y.committed),
            ("finance.disbursed", y.disbursed),
            ("finance.spent", y.spent),
            ("finance.budget", y.budget),
        ] {
            let key = Key {
                year: Some(y.year),
                ..Key::of(name)
            };
            emit(key, value)?;
        }
    }
    Ok(())
}
