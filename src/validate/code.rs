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
        /// releases.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    DateOrder = "date_order", Error;
    /// Two entities of the same kind share an id.
    DuplicateId = "duplicate_id", Error;
    /// An id that points at nothing.
    DanglingReference = "dangling_reference", Error;
    /// All weights of a level are zero.
    WeightInvalid = "weight_invalid", Error;
    /// Funding shares or DAC sector percentages do not sum to 100.
    PercentageSum = "percentage_sum", Error;
    /// A quantitative indicator period with no numeric target or actual.
    MissingValue = "missing_value", Warning;
    /// The stated direction contradicts baseline → target.
    DirectionConflict = "direction_conflict", Warning;
    /// Two periods of one indicator overlap.
    PeriodOverlap = "period_overlap", Warning;
    /// An actual dated after the `as_of` date.
    FutureActual = "future_actual", Error;
    /// A name, title or statement is empty.
    EmptyName = "empty_name", Error;
    /// A DAC purpose code withdrawn in 2020.
    WithdrawnSectorCode = "withdrawn_sector_code", Warning;
    /// No civil-society or local-community stakeholder.
    NoCivilSociety = "no_civil_society", Warning;
    /// Neither an oversight or justice component nor an oversight stakeholder.
    NoOversight = "no_oversight", Warning;
    /// No national actor in an accountable or implementing role.
    NoLocalOwnership = "no_local_ownership", Warning;
    /// A component without indicators.
    ComponentWithoutIndicator = "component_without_indicator", Warning;
    /// An indicator without a baseline value.
    IndicatorWithoutBaseline = "indicator_without_baseline", Warning;
    /// A resistant or blocking stakeholder of high influence that no
    /// challenge mitigation addresses.
    UnmitigatedResistance = "unmitigated_resistance", Warning;
    /// A challenge of inherent risk 15 or more with no mitigation.
    HighRiskWithoutMitigation = "high_risk_without_mitigation", Warning;
    /// A single funder.
    SingleFunder = "single_funder", Advice;
    /// No gender dimension: no gender marker, gender component, women's
    /// organisation or sex-disaggregated indicator.
    NoGenderDimension = "no_gender_dimension", Advice;
    /// Only quantitative indicators.
    QuantitativeOnly = "quantitative_only", Advice;
    /// The latest actual is older than the policy allows.
    StaleData = "stale_data", Warning;
    /// IATI import: a value that should be a number is not (an indicator
    /// value is kept as a label; an amount or percentage is left out).
    IatiNonNumericValue = "iati_non_numeric_value", Warning;
    /// IATI import: a baseline, target or actual without a value.
    IatiMissingValue = "iati_missing_value", Advice;
    /// IATI import: a qualitative, nominal or ordinal indicator carries a
    /// numeric value; it is kept as a label.
    IatiQualitativeValue = "iati_qualitative_value", Advice;
    /// IATI import: an activity with no usable recipient country. It is not
    /// imported unless a fallback country is given (then a warning).
    IatiMissingCountry = "iati_missing_country", Error;
    /// IATI import: several recipient countries; the one with the largest
    /// share becomes the programme's country.
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
    /// onto an SSR pillar, so there is no component to hold its indicators.
    IatiNoSsrComponent = "iati_no_ssr_component", Warning;
    /// IATI import: data the model has no place for (a sector vocabulary
    /// other than DAC, a second baseline, a disaggregated baseline).
    IatiNotImported = "iati_not_imported", Advice;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
