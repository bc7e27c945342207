//! The catalogue of finding codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Severity;
use crate::ValueError;

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $severity:ident; )*) => {
        /// A stable identifier of a kind of finding.
        ///
        /// Codes serialise to their snake_case names, which never change once
        /// released; tools may filter on them. New codes may be added in minor
        /// releases. The [catalogue](super::catalogue) explains each code: what it
        /// means, why it matters in SSR practice, and how to fix it.
        ///
        /// Codes are ordered as the catalogue lists them.
        ///
        /// ```
        /// use ssr_model::validate::{Code, Severity};
        ///
        /// let code: Code = "dangling_reference".parse()?;
        /// assert_eq!(code, Code::DanglingReference);
        /// assert_eq!(code.to_string(), "dangling_reference");
        /// assert_eq!(code.default_severity(), Severity::Error);
        /// assert!("no_such_code".parse::<Code>().is_err());
        /// # Ok::<(), ssr_model::ValueError>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable snake_case name.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }

            /// The severity a finding of this code has unless a policy changes it.
            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$severity, )* }
            }
        }

        impl FromStr for Code {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $name => Ok(Code::$variant), )*
                    _ => Err(ValueError::new("finding code", "a code of the catalogue", format!("{s:?}"))),
                }
            }
        }
    };
}

codes! {
    /// An end before its start, a period outside the programme, a baseline
    /// after the period it is compared with.
    ///
    /// See [`date_order`](super::catalogue#date_order) in the catalogue.
    DateOrder = "date_order", Error;
    /// Two entities of the same kind share an id.
    ///
    /// See [`duplicate_id`](super::catalogue#duplicate_id) in the catalogue.
    DuplicateId = "duplicate_id", Error;
    /// An id that points at nothing.
    ///
    /// See [`dangling_reference`](super::catalogue#dangling_reference) in the catalogue.
    DanglingReference = "dangling_reference", Error;
    /// All weights of a level are zero.
    ///
    /// See [`weight_invalid`](super::catalogue#weight_invalid) in the catalogue.
    WeightInvalid = "weight_invalid", Error;
    /// Funding shares, DAC sector or recipient percentages do not sum to 100.
    ///
    /// See [`percentage_sum`](super::catalogue#percentage_sum) in the catalogue.
    PercentageSum = "percentage_sum", Error;
    /// A quantitative indicator period with no numeric target or actual.
    ///
    /// See [`missing_value`](super::catalogue#missing_value) in the catalogue.
    MissingValue = "missing_value", Warning;
    /// The stated direction contradicts baseline → target.
    ///
    /// See [`direction_conflict`](super::catalogue#direction_conflict) in the catalogue.
    DirectionConflict = "direction_conflict", Warning;
    /// Two periods of one indicator overlap.
    ///
    /// See [`period_overlap`](super::catalogue#period_overlap) in the catalogue.
    PeriodOverlap = "period_overlap", Warning;
    /// An actual dated after the `as_of` date.
    ///
    /// See [`future_actual`](super::catalogue#future_actual) in the catalogue.
    FutureActual = "future_actual", Error;
    /// A name, title or statement is empty.
    ///
    /// See [`empty_name`](super::catalogue#empty_name) in the catalogue.
    EmptyName = "empty_name", Error;
    /// A DAC purpose code withdrawn in 2020.
    ///
    /// See [`withdrawn_sector_code`](super::catalogue#withdrawn_sector_code) in the catalogue.
    WithdrawnSectorCode = "withdrawn_sector_code", Warning;
    /// A programme with no recipient country or region.
    ///
    /// See [`no_recipient`](super::catalogue#no_recipient) in the catalogue.
    NoRecipient = "no_recipient", Error;
    /// A recipient code its IATI codelist has withdrawn.
    ///
    /// See [`withdrawn_recipient_code`](super::catalogue#withdrawn_recipient_code) in the catalogue.
    WithdrawnRecipientCode = "withdrawn_recipient_code", Warning;
    /// Money with no usable exchange rate into the reporting currency.
    ///
    /// See [`no_exchange_rate`](super::catalogue#no_exchange_rate) in the catalogue.
    NoExchangeRate = "no_exchange_rate", Warning;
    /// No civil-society or local-community stakeholder.
    ///
    /// See [`no_civil_society`](super::catalogue#no_civil_society) in the catalogue.
    NoCivilSociety = "no_civil_society", Warning;
    /// Neither an oversight or justice component nor an oversight stakeholder.
    ///
    /// See [`no_oversight`](super::catalogue#no_oversight) in the catalogue.
    NoOversight = "no_oversight", Warning;
    /// No national actor in an accountable or implementing role.
    ///
    /// See [`no_local_ownership`](super::catalogue#no_local_ownership) in the catalogue.
    NoLocalOwnership = "no_local_ownership", Warning;
    /// A component without indicators.
    ///
    /// See [`component_without_indicator`](super::catalogue#component_without_indicator) in the catalogue.
    ComponentWithoutIndicator = "component_without_indicator", Warning;
    /// An indicator without a baseline value.
    ///
    /// See [`indicator_without_baseline`](super::catalogue#indicator_without_baseline) in the catalogue.
    IndicatorWithoutBaseline = "indicator_without_baseline", Warning;
    /// A resistant or blocking stakeholder of high influence that no
    /// challenge mitigation addresses.
    ///
    /// See [`unmitigated_resistance`](super::catalogue#unmitigated_resistance) in the catalogue.
    UnmitigatedResistance = "unmitigated_resistance", Warning;
    /// A stakeholder whose influence, interest or stance is unknown.
    ///
    /// See [`unassessed_stakeholder`](super::catalogue#unassessed_stakeholder) in the catalogue.
    UnassessedStakeholder = "unassessed_stakeholder", Advice;
    /// A challenge of inherent risk 15 or more with no mitigation.
    ///
    /// See [`high_risk_without_mitigation`](super::catalogue#high_risk_without_mitigation) in the catalogue.
    HighRiskWithoutMitigation = "high_risk_without_mitigation", Warning;
    /// A single funder.
    ///
    /// See [`single_funder`](super::catalogue#single_funder) in the catalogue.
    SingleFunder = "single_funder", Advice;
    /// No gender dimension: no gender marker, gender component, women's
    /// organisation or sex-disaggregated indicator.
    ///
    /// See [`no_gender_dimension`](super::catalogue#no_gender_dimension) in the catalogue.
    NoGenderDimension = "no_gender_dimension", Advice;
    /// Only quantitative indicators.
    ///
    /// See [`quantitative_only`](super::catalogue#quantitative_only) in the catalogue.
    QuantitativeOnly = "quantitative_only", Advice;
    /// The latest actual is older than the policy allows.
    ///
    /// See [`stale_data`](super::catalogue#stale_data) in the catalogue.
    StaleData = "stale_data", Warning;
    /// An objective's chain of parents comes back to itself.
    ///
    /// See [`objective_cycle`](super::catalogue#objective_cycle) in the catalogue.
    ObjectiveCycle = "objective_cycle", Error;
    /// An objective that no indicator measures.
    ///
    /// See [`objective_unmeasured`](super::catalogue#objective_unmeasured) in the catalogue.
    ObjectiveUnmeasured = "objective_unmeasured", Warning;
    /// An objective measured only by output indicators.
    ///
    /// See [`objective_output_only`](super::catalogue#objective_output_only) in the catalogue.
    ObjectiveOutputOnly = "objective_output_only", Advice;
    /// A component with outcome indicators and no output indicator.
    ///
    /// See [`outcome_without_outputs`](super::catalogue#outcome_without_outputs) in the catalogue.
    OutcomeWithoutOutputs = "outcome_without_outputs", Advice;
    /// An indicator with no means of verification.
    ///
    /// See [`missing_source`](super::catalogue#missing_source) in the catalogue.
    MissingSource = "missing_source", Advice;
    /// The categories of one breakdown dimension do not add up to the
    /// period's total.
    ///
    /// See [`breakdown_sum`](super::catalogue#breakdown_sum) in the catalogue.
    BreakdownSum = "breakdown_sum", Warning;
    /// A period with a target by sex and no actual by sex.
    ///
    /// See [`breakdown_incomplete`](super::catalogue#breakdown_incomplete) in the catalogue.
    BreakdownIncomplete = "breakdown_incomplete", Advice;
    /// IATI import: a value that should be a number is not (an indicator
    /// value is kept as a label; an amount or percentage is left out).
    IatiNonNumericValue = "iati_non_numeric_value", Warning;
    /// IATI import: a baseline, target or actual without a value.
    IatiMissingValue = "iati_missing_value", Advice;
    /// IATI import: a qualitative, nominal or ordinal indicator carries a
    /// numeric value; it is kept as a label.
    IatiQualitativeValue = "iati_qualitative_value", Advice;
    /// IATI import: an activity with no recipient at activity level; it
    /// takes its transactions' places (advice), or imports without a
    /// recipient (an error), or in a fallback country (a warning).
    IatiMissingCountry = "iati_missing_country", Error;
    /// IATI import, earlier versions: several recipient countries, the one
    /// with the largest share kept. No longer reported (every recipient is
    /// kept); codes are never reused.
    IatiMultipleCountries = "iati_multiple_countries", Warning;
    /// IATI import: a code that is not on its IATI codelist, or a country or
    /// currency not on its ISO list.
    IatiUnknownCode = "iati_unknown_code", Warning;
    /// IATI import: an IATI 1.x code or name, read as its 2.03 equivalent.
    IatiLegacyCode = "iati_legacy_code", Advice;
    /// IATI import: a date that is not an ISO 8601 `YYYY-MM-DD` date.
    IatiInvalidDate = "iati_invalid_date", Warning;
    /// IATI import: a percentage that is not a number from 0 to 100.
    IatiInvalidPercentage = "iati_invalid_percentage", Warning;
    /// IATI import: an element or attribute the standard requires is missing.
    IatiMissingElement = "iati_missing_element", Warning;
    /// IATI import: amounts in several currencies; only those in the main
    /// currency are summed.
    IatiMixedCurrency = "iati_mixed_currency", Warning;
    /// IATI import: an amount with more than four decimal places, rounded.
    IatiAmountRounded = "iati_amount_rounded", Advice;
    /// IATI import: results of an activity none of whose DAC sectors maps
    /// onto an SSR pillar; they are kept in a component of pillar
    /// `unclassified`.
    IatiNoSsrComponent = "iati_no_ssr_component", Advice;
    /// IATI import: data the model has no place for (a sector vocabulary
    /// other than DAC, a second baseline, a disaggregated baseline).
    IatiNotImported = "iati_not_imported", Advice;
    /// IATI import of several files: an activity whose identifier another
    /// activity has too; the one updated last is kept.
    IatiDuplicateActivity = "iati_duplicate_activity", Advice;
    /// IATI import of several files: a file that cannot be read as IATI
    /// activity XML (empty, HTML, JSON, truncated); the other files still
    /// import.
    IatiUnreadableFile = "iati_unreadable_file", Error;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_declaration_order() {
        for (i, code) in Code::ALL.iter().enumerate() {
            assert_eq!(*code as usize, i);
            assert_eq!(code.as_str().parse::<Code>().ok(), Some(*code));
        }
    }
}
