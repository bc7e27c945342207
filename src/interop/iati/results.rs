//! Results and their indicators, baselines and periods.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::validate::Code;
use crate::{
    Baseline, Breakdown, DataSource, Direction, Indicator, IndicatorId, Measure, Period,
    ResultLevel, SourceKind, Value,
};

use super::findings::Findings;
use super::narrative::Languages;
use super::tree::El;
use super::values;
use crate::diagnostics::XmlLocation;

/// What the results of one activity are read with.
pub(super) struct Reader<'a> {
    pub(super) identifier: &'a str,
    pub(super) languages: Languages<'a>,
}

/// A value read for an indicator of `measure`: numbers for unit and
/// percentage measures, labels for the others. A quantitative value that is
/// not a number is kept as a label (`iati_non_numeric_value`); a number for a
/// qualitative measure is kept as a label too (`iati_qualitative_value`).
fn value(
    measure: Measure,
    text: &str,
    el: El<'_>,
    here: &XmlLocation,
    findings: &mut Findings,
) -> Value {
    let number = values::number(text);
    if measure.is_quantitative() {
        if let Some(v) = number.and_then(|x| Value::number(x).ok()) {
            return v;
        }
        findings.push(
            Code::IatiNonNumericValue,
            here,
            el,
            format_args!(
                "{} value {text:?} is not a number but the measure is {}; kept as a label",
                el.name(),
                measure_name(measure)
            ),
        );
    } else if number.is_some() {
        findings.push(
            Code::IatiQualitativeValue,
            here,
            el,
            format_args!(
                "{} value {text:?} is a number but the measure is {}; kept as a label",
                el.name(),
                measure_name(measure)
            ),
        );
    }
    Value::label(text)
}

fn measure_name(measure: Measure) -> &'static str {
    match measure {
        Measure::Unit => "unit (1)",
        Measure::Percentage => "percentage (2)",
        Measure::Nominal => "nominal (3)",
        Measure::Ordinal => "ordinal (4)",
        _ => "qualitative (5)",
    }
}

/// The comment narrative of a baseline, target or actual.
fn comment(el: El<'_>, languages: Languages<'_>) -> Option<String> {
    el.child("comment")
        .and_then(|c| languages.narrative(c))
        .map(str::to_owned)
}

/// The dimensions of a target or actual as one breakdown key: a single
/// dimension as itself, several joined with `;` (`sex;age` = `female;adult`).
fn dimensions(el: El<'_>) -> Option<(String, String)> {
    let dims: Vec<(&str, &str)> = el
        .children_named("dimension")
        .map(|d| (d.attr("name").unwrap_or(""), d.attr("value").unwrap_or("")))
        .collect();
    if dims.is_empty() {
        return None;
    }
    let names: Vec<&str> = dims.iter().map(|(n, _)| *n).collect();
    let values: Vec<&str> = dims.iter().map(|(_, v)| *v).collect();
    Some((names.join(";"), values.join(";")))
}

/// A date attribute, with a finding when it is missing or unreadable.
fn required_date(
    el: Option<El<'_>>,
    parent: El<'_>,
    here: &XmlLocation,
    findings: &mut Findings,
) -> Option<NaiveDate> {
    let Some(el) = el else {
        findings.push(
            Code::IatiMissingElement,
            here,
            parent,
            format_args!(
                "{} has no {}",
                parent.name(),
                here.as_str().rsplit('/').next().unwrap_or("")
            ),
        );
        return None;
    };
    let attr_path = here.attribute("iso-date");
    match el.attr("iso-date") {
        None => {
            findings.push(
                Code::IatiMissingElement,
                &attr_path,
                el,
                format_args!("{} has no iso-date", el.name()),
            );
            None
        }
        Some(text) => {
            let d = values::date(text);
            if d.is_none() {
                findings.push(
                    Code::IatiInvalidDate,
                    &attr_path,
                    el,
                    format_args!("{} {text:?} is not a YYYY-MM-DD date", el.name()),
                );
            }
            d
        }
    }
}

impl Reader<'_> {
    /// The indicators of every `result` of the activity, in document order.
    pub(super) fn indicators(
        &self,
        activity: El<'_>,
        path: &XmlLocation,
        findings: &mut Findings,
    ) -> Vec<Indicator> {
        let mut out = Vec::new();
        for (r, result) in activity.children_named("result").enumerate() {
            let here = path.child("result", r);
            let level = self.level(result, &here, findings);
            let result_title = result
                .child("title")
                .and_then(|t| self.languages.narrative(t));
            for (i, indicator) in result.children_named("indicator").enumerate() {
                let ind_path = here.child("indicator", i);
                out.push(self.indicator(
                    indicator,
                    &ind_path,
                    (r, i),
                    level,
                    result_title,
                    findings,
                ));
            }
        }
        out
    }

    fn level(&self, result: El<'_>, here: &XmlLocation, findings: &mut Findings) -> ResultLevel {
        let attr = here.attribute("type");
        match result.attr("type") {
            None => {
                findings.push(
                    Code::IatiMissingElement,
                    &attr,
                    result,
                    "result has no type; its indicators are read as outputs",
                );
                ResultLevel::Output
            }
            Some(text) => findings
                .on_codelist(
                    values::code(text).and_then(ResultLevel::from_iati_code),
                    &attr,
                    result,
                    format_args!(
                        "result type {text:?} is not output (1), outcome (2) or impact (3); its indicators are read as outputs"
                    ),
                )
                .unwrap_or(ResultLevel::Output),
        }
    }

    fn measure(&self, indicator: El<'_>, here: &XmlLocation, findings: &mut Findings) -> Measure {
        let attr = here.attribute("measure");
        match indicator.attr("measure") {
            None => {
                findings.push(
                    Code::IatiMissingElement,
                    &attr,
                    indicator,
                    "indicator has no measure; read as unit (1)",
                );
                Measure::Unit
            }
            Some(text) => findings
                .on_codelist(
                    values::code(text).and_then(Measure::from_iati_code),
                    &attr,
                    indicator,
                    format_args!(
                        "indicator measure {text:?} is not an IATI IndicatorMeasure code; read as unit (1)"
                    ),
                )
                .unwrap_or(Measure::Unit),
        }
    }

    fn direction(
        &self,
        indicator: El<'_>,
        here: &XmlLocation,
        findings: &mut Findings,
    ) -> Option<Direction> {
        match indicator.attr("ascending") {
            None => None,
            Some("1" | "true") => Some(Direction::Increase),
            Some("0" | "false") => Some(Direction::Decrease),
            Some(other) => {
                findings.push(
                    Code::IatiUnknownCode,
                    &here.attribute("ascending"),
                    indicator,
                    format_args!("ascending {other:?} is not a boolean; direction left open"),
                );
                None
            }
        }
    }

    fn indicator(
        &self,
        el: El<'_>,
        here: &XmlLocation,
        (r, i): (usize, usize),
        level: ResultLevel,
        result_title: Option<&str>,
        findings: &mut Findings,
    ) -> Indicator {
        let measure = self.measure(el, here, findings);
        let title = match el.child("title").and_then(|t| self.languages.narrative(t)) {
            Some(t) => t.to_owned(),
            None => {
                let fallback = result_title.unwrap_or("Untitled indicator");
                findings.push(
                    Code::IatiMissingElement,
                    &here.element("title"),
                    el,
                    format_args!("indicator has no title; named {fallback:?} after its result"),
                );
                fallback.to_owned()
            }
        };
        let mut indicator =
            Indicator::new(title, level, measure).with_id(IndicatorId::from_external(&format!(
                "{}/result[{}]/indicator[{}]",
                self.identifier,
                r + 1,
                i + 1
            )));
        if let Some(direction) = self.direction(el, here, findings) {
            indicator = indicator.with_direction(direction);
        }
        if let Some(reference) = el.child("reference").and_then(|r| r.attr("code")) {
            let text = match el.child("reference").and_then(|r| r.attr("vocabulary")) {
                Some(vocabulary) => format!("{vocabulary}:{reference}"),
                None => reference.to_owned(),
            };
            indicator = indicator.with_reference(text);
        }
        if let Some(source) = self.source(el) {
            indicator = indicator.with_source(source);
        }
        if let Some(baseline) = self.baseline(el, here, measure, findings) {
            indicator = indicator.with_baseline(baseline);
        }
        for (p, period) in el.children_named("period").enumerate() {
            if let Some(period) = self.period(period, &here.child("period", p), measure, findings) {
                indicator = indicator.with_period(period);
            }
        }
        indicator
    }

    /// The means of verification: the indicator's first `document-link`
    /// (its title and address; an evaluation for DocumentCategory A07, a
    /// results report for A08, else another kind), else its `reference` in
    /// an indicator vocabulary, which defines how it is measured.
    fn source(&self, el: El<'_>) -> Option<DataSource> {
        let described = |parts: [Option<&str>; 2]| -> Option<String> {
            let parts: Vec<&str> = parts
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        };
        if let Some(link) = el.child("document-link") {
            let title = link
                .child("title")
                .and_then(|t| self.languages.narrative(t));
            let kind = match link.child("category").and_then(|c| c.attr("code")) {
                Some("A07") => SourceKind::ExternalEvaluation,
                Some("A08") => SourceKind::MonitoringReport,
                _ => SourceKind::Other,
            };
            let source = DataSource::new(kind);
            return Some(match described([title, link.attr("url")]) {
                Some(d) => source.with_description(d),
                None => source,
            });
        }
        let reference = el.child("reference")?;
        let code = reference.attr("code")?;
        let name = match reference.attr("vocabulary") {
            Some(v) => format!("indicator reference {v}:{code}"),
            None => format!("indicator reference {code}"),
        };
        let d = described([Some(&name), reference.attr("vocabulary-uri")]).unwrap_or(name.clone());
        Some(DataSource::new(SourceKind::Other).with_description(d))
    }

    /// The first baseline: its value, its date (`iso-date`, else 1 January
    /// of `year`) and comment. Further baselines, and the dimensions of a
    /// disaggregated one, have no place in the model.
    fn baseline(
        &self,
        indicator: El<'_>,
        here: &XmlLocation,
        measure: Measure,
        findings: &mut Findings,
    ) -> Option<Baseline> {
        let mut baselines = indicator.children_named("baseline");
        let el = baselines.next()?;
        let here_b = here.child("baseline", 0);
        let extra = baselines.count();
        if extra > 0 {
            findings.push(
                Code::IatiNotImported,
                &here.child("baseline", 1),
                el,
                format_args!(
                    "{extra} further baseline(s) of the indicator not imported; the first is used"
                ),
            );
        }
        if let Some((names, _)) = dimensions(el) {
            findings.push(
                Code::IatiNotImported,
                &here_b.element("dimension"),
                el,
                format_args!(
                    "the baseline is disaggregated by {names}; its dimensions are not imported"
                ),
            );
        }
        let mut baseline = Baseline::default();
        match el.attr("value") {
            Some(text) => {
                baseline = baseline.with_value(value(
                    measure,
                    text,
                    el,
                    &here_b.attribute("value"),
                    findings,
                ));
            }
            None => findings.push(
                Code::IatiMissingValue,
                &here_b.attribute("value"),
                el,
                "baseline has no value",
            ),
        }
        let date = baseline_date(el, &here_b, findings);
        if let Some(d) = date {
            baseline = baseline.with_date(d);
        }
        if let Some(c) = comment(el, self.languages) {
            baseline = baseline.with_comment(c);
        }
        Some(baseline)
    }

    /// One period: its dates (required: a period without both is left out
    /// with a finding), the target and actual without dimensions (the first
    /// of each), the disaggregated ones as breakdowns, and the comments.
    fn period(
        &self,
        el: El<'_>,
        here: &XmlLocation,
        measure: Measure,
        findings: &mut Findings,
    ) -> Option<Period> {
        let start = required_date(
            el.child("period-start"),
            el,
            &here.element("period-start"),
            findings,
        );
        let end = required_date(
            el.child("period-end"),
            el,
            &here.element("period-end"),
            findings,
        );
        let (Some(start), Some(end)) = (start, end) else {
            findings.push(
                Code::IatiNotImported,
                here,
                el,
                "period without a usable start and end: not imported",
            );
            return None;
        };
        let mut period = Period::new(start, end);
        let mut comments: Vec<String> = Vec::new();
        // Each breakdown's position, by dimension and category: many
        // breakdowns stay linear.
        let mut breakdowns: HashMap<(String, String), usize> = HashMap::new();
        for kind in ["target", "actual"] {
            for (n, v) in el.children_named(kind).enumerate() {
                let v_path = here.child(kind, n);
                let read = match v.attr("value") {
                    Some(text) => Some(value(
                        measure,
                        text,
                        v,
                        &v_path.attribute("value"),
                        findings,
                    )),
                    None => {
                        findings.push(
                            Code::IatiMissingValue,
                            &v_path.attribute("value"),
                            v,
                            format_args!("{kind} has no value"),
                        );
                        None
                    }
                };
                if let Some(c) = comment(v, self.languages) {
                    comments.push(if kind == "target" {
                        format!("Target: {c}")
                    } else {
                        format!("Actual: {c}")
                    });
                }
                if let Some(read) = read {
                    // The period's own actual, the first: its 2.03
                    // `iso-date`, when given, is when it was measured.
                    let own =
                        kind == "actual" && period.actual.is_none() && dimensions(v).is_none();
                    let at = (v, &v_path);
                    place(&mut period, &mut breakdowns, kind, read, at, findings);
                    if own {
                        period.actual_date = measured_on(v, &v_path, findings);
                    }
                }
            }
        }
        // The model keeps one comment per period: only an actual comment is
        // kept as it is; with a target comment too, both are kept, labelled.
        let comment = match comments.as_slice() {
            [] => None,
            [only] if only.starts_with("Actual: ") => {
                only.get("Actual: ".len()..).map(str::to_owned)
            }
            all => Some(all.join("\n")),
        };
        if let Some(c) = comment {
            period = period.with_comment(c);
        }
        Some(period)
    }
}

/// An actual's `iso-date` (IATI 2.03): the date it was measured on. None
/// when absent; a date that cannot be read is reported and left out, so
/// the actual counts as measured at its period's end.
fn measured_on(v: El<'_>, v_path: &XmlLocation, findings: &mut Findings) -> Option<NaiveDate> {
    let text = v.attr("iso-date")?;
    let d = values::date(text);
    if d.is_none() {
        findings.push(
            Code::IatiInvalidDate,
            &v_path.attribute("iso-date"),
            v,
            format_args!("actual iso-date {text:?} is not a YYYY-MM-DD date: the actual counts as measured at the period's end"),
        );
    }
    d
}

/// A baseline's date: `iso-date`, else 1 January of `year`.
fn baseline_date(el: El<'_>, here_b: &XmlLocation, findings: &mut Findings) -> Option<NaiveDate> {
    match (el.attr("iso-date"), el.attr("year")) {
        (Some(text), _) => {
            let d = values::date(text);
            if d.is_none() {
                findings.push(
                    Code::IatiInvalidDate,
                    &here_b.attribute("iso-date"),
                    el,
                    format_args!("baseline iso-date {text:?} is not a YYYY-MM-DD date"),
                );
            }
            d
        }
        (None, Some(year)) => {
            let d = year
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1));
            if d.is_none() {
                findings.push(
                    Code::IatiInvalidDate,
                    &here_b.attribute("year"),
                    el,
                    format_args!("baseline year {year:?} is not a year"),
                );
            }
            d
        }
        (None, None) => {
            findings.push(
                Code::IatiMissingElement,
                &here_b.attribute("year"),
                el,
                "baseline has neither year nor iso-date",
            );
            None
        }
    }
}

/// Puts a period's target or actual (`kind`) read from `v` where it
/// belongs: the period's own slot when it has no dimensions, else its
/// breakdown's (`breakdowns` gives each breakdown's position). A further
/// value for a filled slot is reported, not imported.
fn place(
    period: &mut Period,
    breakdowns: &mut HashMap<(String, String), usize>,
    kind: &str,
    read: Value,
    (v, v_path): (El<'_>, &XmlLocation),
    findings: &mut Findings,
) {
    let first = |target: &mut Option<Value>, actual: &mut Option<Value>| {
        let slot = if kind == "target" { target } else { actual };
        slot.is_none().then(|| *slot = Some(read))
    };
    let further = match dimensions(v) {
        None => first(&mut period.target, &mut period.actual)
            .is_none()
            .then(|| format!("a further {kind} without dimensions")),
        Some((dimension, category)) => {
            let next = period.breakdowns.len();
            let index = *breakdowns
                .entry((dimension.clone(), category.clone()))
                .or_insert(next);
            if index == next {
                period.breakdowns.push(Breakdown::new(dimension, category));
            }
            period.breakdowns.get_mut(index).and_then(|b| {
                first(&mut b.target, &mut b.actual)
                    .is_none()
                    .then(|| format!("a further {kind} for {} = {}", b.dimension, b.category))
            })
        }
    };
    if let Some(what) = further {
        findings.push(
            Code::IatiNotImported,
            v_path,
            v,
            format_args!("{what}: not imported; the first is used"),
        );
    }
}
