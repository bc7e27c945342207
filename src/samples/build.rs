//! Small constructors shared by the sample programmes, so that each
//! programme file reads as data. Every checked value goes through the
//! model's own constructors and a failure comes back as a [`ValueError`]:
//! the samples never panic, and a typo (an impossible date, a label that is
//! not on its scale) makes [`super::try_portfolio`] fail in the tests.

use chrono::NaiveDate;

use crate::{
    Baseline, Breakdown, Challenge, ChallengeId, ChallengeKind, ComponentId, DacCriterion,
    DataSource, Evaluation, EvaluationId, Fraction, Funding, Indicator, IndicatorId, Level,
    Measure, Mitigation, Money, ObjectiveId, OrdinalScale, Percentage, Period, ProgrammeId,
    ResultLevel, Sector, SectorCode, SourceKind, Stakeholder, StakeholderId, StakeholderKind,
    Stance, Value, ValueError, Weight,
};

/// The sentence every sample programme's description ends with.
pub(crate) const ILLUSTRATIVE: &str = "Illustrative sample data: the programme follows the \
    shape of the reform the SSR literature describes, but its budget, funding, indicator \
    values, ratings and dates are invented for demonstration and must not be cited as data.";

/// Deterministic ids for one sample programme: every id is the v5 id of
/// `sample/<programme>/<kind>/<name>`, so `ssr sample` prints the same
/// document on every run and machine.
pub(crate) struct Ids {
    programme: &'static str,
}

impl Ids {
    pub(crate) const fn new(programme: &'static str) -> Self {
        Ids { programme }
    }

    /// The external identifier of the programme itself, `sample/<programme>`.
    pub(crate) fn external(&self) -> String {
        format!("sample/{}", self.programme)
    }

    fn key(&self, kind: &str, name: &str) -> String {
        format!("sample/{}/{kind}/{name}", self.programme)
    }

    pub(crate) fn programme(&self) -> ProgrammeId {
        ProgrammeId::from_external(&self.external())
    }

    pub(crate) fn stakeholder(&self, name: &str) -> StakeholderId {
        StakeholderId::from_external(&self.key("stakeholders", name))
    }

    pub(crate) fn objective(&self, name: &str) -> ObjectiveId {
        ObjectiveId::from_external(&self.key("objectives", name))
    }

    pub(crate) fn component(&self, name: &str) -> ComponentId {
        ComponentId::from_external(&self.key("components", name))
    }

    pub(crate) fn indicator(&self, name: &str) -> IndicatorId {
        IndicatorId::from_external(&self.key("indicators", name))
    }

    pub(crate) fn challenge(&self, name: &str) -> ChallengeId {
        ChallengeId::from_external(&self.key("challenges", name))
    }

    pub(crate) fn evaluation(&self, name: &str) -> EvaluationId {
        EvaluationId::from_external(&self.key("evaluations", name))
    }
}

/// A calendar date.
pub(crate) fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, ValueError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        ValueError::new(
            "date",
            "a valid calendar date",
            format!("{year:04}-{month:02}-{day:02}"),
        )
    })
}

/// The first and last day of a reporting period.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    start: NaiveDate,
    end: NaiveDate,
}

/// A period from `start` to `end`, both inclusive.
pub(crate) fn span(start: NaiveDate, end: NaiveDate) -> Span {
    Span { start, end }
}

/// The calendar years `from` to `to`: 1 January `from` to 31 December `to`.
pub(crate) fn years(from: i32, to: i32) -> Result<Span, ValueError> {
    Ok(span(date(from, 1, 1)?, date(to, 12, 31)?))
}

pub(crate) fn level(value: u8) -> Result<Level, ValueError> {
    Level::new(value)
}

pub(crate) fn weight(value: f64) -> Result<Weight, ValueError> {
    Weight::new(value)
}

pub(crate) fn scale(labels: &[&str]) -> Result<OrdinalScale, ValueError> {
    OrdinalScale::new(labels.iter().copied())
}

/// A DAC sector with its share of the programme.
pub(crate) fn sector(code: u32, percentage: f64) -> Result<Sector, ValueError> {
    Ok(Sector::new(SectorCode::new(code)?).with_percentage(Percentage::new(percentage)?))
}

/// Money from a decimal string and an ISO 4217 code.
pub(crate) fn money(amount: &str, currency: &str) -> Result<Money, ValueError> {
    Money::parse(amount, currency)
}

/// Funding from `source` with its stated share of the programme's funding.
pub(crate) fn funding(
    source: StakeholderId,
    amount: &str,
    currency: &str,
    share: f64,
) -> Result<Funding, ValueError> {
    Ok(Funding::new(source, money(amount, currency)?).with_share(Percentage::new(share)?))
}

/// A stakeholder; roles and salience flags are added by the caller.
pub(crate) fn party(
    id: StakeholderId,
    name: &str,
    kind: StakeholderKind,
    influence: u8,
    interest: u8,
    stance: Stance,
) -> Result<Stakeholder, ValueError> {
    Ok(Stakeholder::new(name, kind)
        .with_id(id)
        .with_influence(level(influence)?)
        .with_interest(level(interest)?)
        .with_stance(stance))
}

/// A challenge with its likelihood and impact (1–5).
pub(crate) fn challenge(
    id: ChallengeId,
    kind: ChallengeKind,
    description: &str,
    likelihood: u8,
    impact: u8,
) -> Result<Challenge, ValueError> {
    Ok(Challenge::new(kind, description)
        .with_id(id)
        .with_likelihood(level(likelihood)?)
        .with_impact(level(impact)?))
}

/// A mitigation with its owner and expected effectiveness (0–1).
pub(crate) fn mitigation(
    action: &str,
    owner: StakeholderId,
    effectiveness: f64,
) -> Result<Mitigation, ValueError> {
    Ok(Mitigation::new(action)
        .with_owner(owner)
        .with_effectiveness(Fraction::new(effectiveness)?))
}

/// An indicator with its id, before baseline, source and periods.
pub(crate) fn indicator(
    id: IndicatorId,
    title: &str,
    level: ResultLevel,
    measure: Measure,
) -> Indicator {
    Indicator::new(title, level, measure).with_id(id)
}

pub(crate) fn source(kind: SourceKind, description: &str) -> DataSource {
    DataSource::new(kind).with_description(description)
}

/// A numeric baseline measured on `date`.
pub(crate) fn baseline(value: f64, date: NaiveDate) -> Result<Baseline, ValueError> {
    Ok(Baseline::new(Value::number(value)?).with_date(date))
}

/// A label baseline measured on `date`.
pub(crate) fn baseline_label(label: &str, date: NaiveDate) -> Baseline {
    Baseline::new(Value::label(label)).with_date(date)
}

/// Appends numeric periods: `(span, target, actual)`, `None` where no
/// actual was reported.
pub(crate) fn numbers(
    mut indicator: Indicator,
    rows: &[(Span, f64, Option<f64>)],
) -> Result<Indicator, ValueError> {
    for &(span, target, actual) in rows {
        let mut period = Period::new(span.start, span.end).with_target(Value::number(target)?);
        if let Some(actual) = actual {
            period = period.with_actual(Value::number(actual)?);
        }
        indicator = indicator.with_period(period);
    }
    Ok(indicator)
}

/// Appends label periods on the indicator's ordinal scale: `(span, target,
/// actual)`, `None` where no actual was reported.
///
/// # Errors
///
/// When the indicator has no scale, or a label (of a period or of the
/// baseline) is not on it: a sample must never carry an unscorable label.
pub(crate) fn labels(
    mut indicator: Indicator,
    rows: &[(Span, &str, Option<&str>)],
) -> Result<Indicator, ValueError> {
    let Some(scale) = indicator.scale.clone() else {
        return Err(ValueError::new(
            "ordinal indicator",
            "an indicator with an ordinal scale",
            format!("{:?} without a scale", indicator.title),
        ));
    };
    let on_scale = |label: &str| {
        scale.position(label).map(|_| ()).ok_or_else(|| {
            ValueError::new(
                "indicator label",
                "a label of the indicator's scale",
                format!("{label:?} (scale: {scale})"),
            )
        })
    };
    if let Some(Value::Label(label)) = indicator.baseline.as_ref().and_then(|b| b.value.as_ref()) {
        on_scale(label)?;
    }
    for &(span, target, actual) in rows {
        on_scale(target)?;
        let mut period = Period::new(span.start, span.end).with_target(Value::label(target));
        if let Some(actual) = actual {
            on_scale(actual)?;
            period = period.with_actual(Value::label(actual));
        }
        indicator = indicator.with_period(period);
    }
    Ok(indicator)
}

/// One period's breakdown by sex: `(female target, female actual, male
/// target, male actual)`.
pub(crate) type SexRow = (f64, Option<f64>, f64, Option<f64>);

/// Adds sex = female and sex = male breakdowns to each period already on
/// the indicator, in order, with the categories' baselines `(female, male)`
/// on the first period.
///
/// # Errors
///
/// When there is not exactly one row per period.
pub(crate) fn by_sex(
    mut indicator: Indicator,
    baselines: (f64, f64),
    rows: &[SexRow],
) -> Result<Indicator, ValueError> {
    if rows.len() != indicator.periods.len() {
        return Err(ValueError::new(
            "sex breakdown",
            "one row per period",
            format!(
                "{} rows for {} periods",
                rows.len(),
                indicator.periods.len()
            ),
        ));
    }
    for (k, (period, &(ft, fa, mt, ma))) in indicator.periods.iter_mut().zip(rows).enumerate() {
        for (category, target, actual, base) in [
            ("female", ft, fa, baselines.0),
            ("male", mt, ma, baselines.1),
        ] {
            let mut breakdown = Breakdown::new("sex", category).with_target(Value::number(target)?);
            if let Some(actual) = actual {
                breakdown = breakdown.with_actual(Value::number(actual)?);
            }
            if k == 0 {
                breakdown = breakdown.with_baseline(Value::number(base)?);
            }
            period.breakdowns.push(breakdown);
        }
    }
    Ok(indicator)
}

/// An evaluation rating all six DAC criteria, given in the OECD's order
/// (relevance, coherence, effectiveness, efficiency, impact, sustainability).
pub(crate) fn evaluation(
    id: EvaluationId,
    evaluator: &str,
    date: NaiveDate,
    scale: OrdinalScale,
    ratings: [&str; 6],
) -> Result<Evaluation, ValueError> {
    DacCriterion::ALL.into_iter().zip(ratings).try_fold(
        Evaluation::new(evaluator, date, scale).with_id(id),
        |evaluation, (criterion, label)| evaluation.with_rating(criterion, label),
    )
}

/// The four-point rating scale many donors' evaluation offices use.
pub(crate) fn satisfaction_scale() -> Result<OrdinalScale, ValueError> {
    scale(&[
        "unsatisfactory",
        "partly satisfactory",
        "satisfactory",
        "highly satisfactory",
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_errors() {
        assert!(date(2023, 2, 29).is_err());
        assert!(years(2020, 2021).is_ok());
    }

    #[test]
    fn labels_off_the_scale_are_errors() {
        let id = IndicatorId::from_external("t");
        let scale = scale(&["low", "high"]).unwrap();
        let ind = indicator(id, "t", ResultLevel::Outcome, Measure::Ordinal).with_scale(scale);
        let y = years(2020, 2020).unwrap();
        assert!(labels(ind.clone(), &[(y, "high", Some("low"))]).is_ok());
        assert!(labels(ind.clone(), &[(y, "higher", None)]).is_err());
        let unscaled = indicator(id, "t", ResultLevel::Outcome, Measure::Ordinal);
        assert!(labels(unscaled, &[(y, "high", None)]).is_err());
    }

    #[test]
    fn breakdowns_need_one_row_per_period() {
        let id = IndicatorId::from_external("t");
        let ind = indicator(id, "t", ResultLevel::Output, Measure::Unit);
        let ind = numbers(ind, &[(years(2020, 2020).unwrap(), 5.0, None)]).unwrap();
        assert!(
            by_sex(
                ind.clone(),
                (0.0, 0.0),
                &[(1.0, None, 1.0, None), (2.0, None, 2.0, None)]
            )
            .is_err()
        );
        assert!(by_sex(ind, (0.0, 0.0), &[(1.0, Some(0.0), 1.0, None)]).is_ok());
    }
}
