//! The catalogue of finding codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Severity;
use crate::ValueError;

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $severity:ident, $family:ident,
        $example:literal; )*) => {
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
        /// use ssr_model::diagnostics::{Code, Severity};
        ///
        /// let code: Code = "dangling_reference".parse()?;
        /// assert_eq!(code, Code::DanglingReference);
        /// assert_eq!(code.to_string(), "dangling_reference");
        /// assert_eq!(code.default_severity(), Severity::Error);
        /// assert!("no_such_code".parse::<Code>().is_err());
        /// # Ok::<(), ssr_model::model::ValueError>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])*
            ///
            #[doc = concat!("Family ", stringify!($family), ", default ", stringify!($severity), ". Example: \"", $example, "\"")]
            $variant, )*
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

            /// The family of the code: structure, reference, practice, import or input.
            ///
            /// ```
            /// use ssr_model::diagnostics::{Code, Family};
            ///
            /// assert_eq!(Code::DanglingReference.family(), Family::Reference);
            /// assert_eq!(Code::NoOversight.family(), Family::Practice);
            /// ```
            pub fn family(self) -> Family {
                match self { $( Code::$variant => Family::$family, )* }
            }

            /// An example of the message a finding of this code carries, as
            /// the crate writes it for a realistic input (the catalogue says
            /// what triggers it).
            ///
            /// ```
            /// use ssr_model::diagnostics::Code;
            ///
            /// assert_eq!(
            ///     Code::SingleFunder.example(),
            ///     "the programme has a single funding source"
            /// );
            /// ```
            pub fn example(self) -> &'static str {
                match self { $( Code::$variant => $example, )* }
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

/// The family of a [`Code`]: what kind of problem its findings are.
///
/// ```
/// use ssr_model::diagnostics::{Code, Family};
///
/// let import = Code::ALL.iter().filter(|c| c.family() == Family::Import).count();
/// assert!(import >= 14);
/// assert_eq!("practice".parse::<Family>()?, Family::Practice);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Family {
    /// The document contradicts itself or the standards it follows: numbers
    /// computed from it would be wrong.
    Structure,
    /// An id, code or rate the document refers to is not there.
    Reference,
    /// The document is consistent, but the programme departs from SSR
    /// good practice: a question to the programme team, not a verdict.
    Practice,
    /// The IATI importer could not map something in the source file as it
    /// stands.
    Import,
    /// An input beside the document (a scoring policy, a matrix of scores
    /// and its options, an exchange-rate table) is refused: nothing is
    /// computed from it until it is corrected.
    Input,
    /// The composite's statistical audit: its dimensions pull against each
    /// other, count one thing twice, or were treated or left out by the
    /// policy. A question about the method, not the document.
    Audit,
}

crate::model::names::names!(Family, "code family" {
    Structure = "structure",
    Reference = "reference",
    Practice = "practice",
    Import = "import",
    Input = "input",
    Audit = "audit",
});

codes! {
    /// An end before its start, a period outside the programme, a baseline
    /// after the period it is compared with.
    ///
    /// See [`date_order`](super::catalogue#date_order) in the catalogue.
    DateOrder = "date_order", Error, Structure,
        "the period ends on 2028-08-31 before it starts on 2028-10-27";
    /// Two entities of the same kind share an id.
    ///
    /// See [`duplicate_id`](super::catalogue#duplicate_id) in the catalogue.
    DuplicateId = "duplicate_id", Error, Structure,
        "programme id 5d16e0ea-d99f-5253-a029-6326cffa70f3 is already the id of /programmes/0";
    /// An id that points at nothing.
    ///
    /// See [`dangling_reference`](super::catalogue#dangling_reference) in the catalogue.
    DanglingReference = "dangling_reference", Error, Reference,
        "no stakeholder of this programme has id 51904af1-c7e0-55cc-8842-61662a6bb965";
    /// All weights of a level are zero.
    ///
    /// See [`weight_invalid`](super::catalogue#weight_invalid) in the catalogue.
    WeightInvalid = "weight_invalid", Error, Structure,
        "all 1 indicator weights of the component are 0, so the component score has no weight to share";
    /// Funding shares, DAC sector or recipient percentages do not sum to 100.
    ///
    /// See [`percentage_sum`](super::catalogue#percentage_sum) in the catalogue.
    PercentageSum = "percentage_sum", Error, Structure,
        "2 of 2 recipients have no percentage, so the shares cannot sum to 100";
    /// A quantitative indicator period with no numeric target or actual.
    ///
    /// See [`missing_value`](super::catalogue#missing_value) in the catalogue.
    MissingValue = "missing_value", Warning, Structure,
        "the period 2022-01-01 to 2023-12-31 has no actual, though it ended by the assessment date 2026-01-01";
    /// The stated direction contradicts baseline → target.
    ///
    /// See [`direction_conflict`](super::catalogue#direction_conflict) in the catalogue.
    DirectionConflict = "direction_conflict", Warning, Structure,
        "the target 60 is above the baseline 45, but the indicator's direction is decrease (lower is better)";
    /// Two periods of one indicator overlap.
    ///
    /// See [`period_overlap`](super::catalogue#period_overlap) in the catalogue.
    PeriodOverlap = "period_overlap", Warning, Structure,
        "the period 2021-01-01 to 2021-12-31 overlaps the period 2021-01-01 to 2021-12-31 at /programmes/0/components/0/indicators/0/periods/0";
    /// An actual dated after the `as_of` date.
    ///
    /// See [`future_actual`](super::catalogue#future_actual) in the catalogue.
    FutureActual = "future_actual", Error, Structure,
        "an actual is reported for the period 2026-01-01 to 2026-12-31, which ends after the assessment date 2026-01-01";
    /// A name, title or statement is empty.
    ///
    /// See [`empty_name`](super::catalogue#empty_name) in the catalogue.
    EmptyName = "empty_name", Error, Structure,
        "the indicator title is blank (only whitespace)";
    /// A DAC purpose code withdrawn in 2020.
    ///
    /// See [`withdrawn_sector_code`](super::catalogue#withdrawn_sector_code) in the catalogue.
    WithdrawnSectorCode = "withdrawn_sector_code", Warning, Structure,
        "DAC purpose code 15120 (public sector financial management) has been withdrawn from the DAC list";
    /// A sector code that is not on the DAC list its vocabulary names.
    ///
    /// See [`unknown_sector_code`](super::catalogue#unknown_sector_code) in the catalogue.
    UnknownSectorCode = "unknown_sector_code", Warning, Structure,
        "sector code \"1521\" of vocabulary 1 is not a 5-digit DAC purpose code";
    /// A programme with no recipient country or region.
    ///
    /// See [`no_recipient`](super::catalogue#no_recipient) in the catalogue.
    NoRecipient = "no_recipient", Error, Structure,
        "the programme names no recipient country or region";
    /// A recipient code its IATI codelist has withdrawn.
    ///
    /// See [`withdrawn_recipient_code`](super::catalogue#withdrawn_recipient_code) in the catalogue.
    WithdrawnRecipientCode = "withdrawn_recipient_code", Warning, Structure,
        "recipient ANT (Netherlands Antilles) has been withdrawn from its IATI codelist";
    /// Money with no usable exchange rate into the reporting currency.
    ///
    /// See [`no_exchange_rate`](super::catalogue#no_exchange_rate) in the catalogue.
    NoExchangeRate = "no_exchange_rate", Warning, Reference,
        "50 USD cannot be converted to EUR: no exchange rates were given";
    /// Money in the flows that no recipient accounts for: recipient
    /// percentages under 100, no recipient, or transactions naming none
    /// when the recipients are those the transactions name.
    ///
    /// See [`unallocated_money`](super::catalogue#unallocated_money) in the catalogue.
    UnallocatedMoney = "unallocated_money", Warning, Structure,
        "200 USD of the programme's transactions goes to no recipient (the recipient percentages sum to 80): in the flows with an empty recipient";
    /// No civil-society or local-community stakeholder.
    ///
    /// See [`no_civil_society`](super::catalogue#no_civil_society) in the catalogue.
    NoCivilSociety = "no_civil_society", Warning, Practice,
        "no stakeholder is a civil-society organisation, women's organisation, local community, academic institution or media outlet";
    /// Neither an oversight or justice component nor an oversight stakeholder.
    ///
    /// See [`no_oversight`](super::catalogue#no_oversight) in the catalogue.
    NoOversight = "no_oversight", Warning, Practice,
        "no component works on oversight or justice and no stakeholder is a parliament, judiciary or oversight body or has the oversight role";
    /// No national actor in an accountable or implementing role.
    ///
    /// See [`no_local_ownership`](super::catalogue#no_local_ownership) in the catalogue.
    NoLocalOwnership = "no_local_ownership", Warning, Practice,
        "no national actor is accountable for or implements the programme";
    /// A component without indicators.
    ///
    /// See [`component_without_indicator`](super::catalogue#component_without_indicator) in the catalogue.
    ComponentWithoutIndicator = "component_without_indicator", Warning, Practice,
        "the component \"Legal and judicial development\" has no indicator, so its progress cannot be measured";
    /// An indicator without a baseline value.
    ///
    /// See [`indicator_without_baseline`](super::catalogue#indicator_without_baseline) in the catalogue.
    IndicatorWithoutBaseline = "indicator_without_baseline", Warning, Practice,
        "the indicator \"Judges trained\" has no baseline";
    /// A baseline value without the date it was measured on.
    ///
    /// See [`undated_baseline`](super::catalogue#undated_baseline) in the catalogue.
    UndatedBaseline = "undated_baseline", Advice, Practice,
        "the baseline of the indicator \"Public trust in the police\" has no date: it counts as known at every date, and progress is timed from the first period's start";
    /// A resistant or blocking stakeholder of high influence that no
    /// challenge mitigation addresses.
    ///
    /// See [`unmitigated_resistance`](super::catalogue#unmitigated_resistance) in the catalogue.
    UnmitigatedResistance = "unmitigated_resistance", Warning, Practice,
        "\"Internal security forces' unions\" is resistant with influence 5, and no mitigated challenge names it";
    /// A stakeholder whose influence, interest or stance is unknown.
    ///
    /// See [`unassessed_stakeholder`](super::catalogue#unassessed_stakeholder) in the catalogue.
    UnassessedStakeholder = "unassessed_stakeholder", Advice, Practice,
        "\"Example organisation\" has no influence, interest, stance: the stakeholder analysis leaves it out where it needs them";
    /// A challenge of inherent risk 15 or more with no mitigation.
    ///
    /// See [`high_risk_without_mitigation`](super::catalogue#high_risk_without_mitigation) in the catalogue.
    HighRiskWithoutMitigation = "high_risk_without_mitigation", Warning, Practice,
        "the challenge \"Political interference in appointments\" has inherent risk 20 (likelihood 5 × impact 4) and no mitigation";
    /// A single funder.
    ///
    /// See [`single_funder`](super::catalogue#single_funder) in the catalogue.
    SingleFunder = "single_funder", Advice, Practice,
        "the programme has a single funding source";
    /// No gender dimension: no gender marker, gender component, women's
    /// organisation or sex-disaggregated indicator.
    ///
    /// See [`no_gender_dimension`](super::catalogue#no_gender_dimension) in the catalogue.
    NoGenderDimension = "no_gender_dimension", Advice, Practice,
        "the programme shows no gender dimension: no significant or principal gender marker, gender component or objective, women's organisation or sex-disaggregated indicator";
    /// Only quantitative indicators.
    ///
    /// See [`quantitative_only`](super::catalogue#quantitative_only) in the catalogue.
    QuantitativeOnly = "quantitative_only", Advice, Practice,
        "all 8 indicators are quantitative; none is ordinal or qualitative";
    /// The latest actual is older than the policy allows.
    ///
    /// See [`stale_data`](super::catalogue#stale_data) in the catalogue.
    StaleData = "stale_data", Warning, Practice,
        "the latest actual of the programme is dated 2020-12-31, 1827 days before the assessment date 2026-01-01; the policy allows 365";
    /// An objective's chain of parents comes back to itself.
    ///
    /// See [`objective_cycle`](super::catalogue#objective_cycle) in the catalogue.
    ObjectiveCycle = "objective_cycle", Error, Structure,
        "the objective \"C\" is, through its parents, its own parent";
    /// An objective that no indicator measures.
    ///
    /// See [`objective_unmeasured`](super::catalogue#objective_unmeasured) in the catalogue.
    ObjectiveUnmeasured = "objective_unmeasured", Warning, Practice,
        "no indicator measures the objective \"Courts decide cases within statutory time limits\"";
    /// An objective measured only by output indicators.
    ///
    /// See [`objective_output_only`](super::catalogue#objective_output_only) in the catalogue.
    ObjectiveOutputOnly = "objective_output_only", Advice, Practice,
        "the objective \"Liberian institutions own, run and fund the reformed sector after UNMIL leaves\" is measured by output indicators only";
    /// A component with outcome indicators and no output indicator.
    ///
    /// See [`outcome_without_outputs`](super::catalogue#outcome_without_outputs) in the catalogue.
    OutcomeWithoutOutputs = "outcome_without_outputs", Advice, Practice,
        "the component \"DDR and integration of the signatory movements' combatants\" has outcome indicators and no output indicator";
    /// An indicator with no means of verification.
    ///
    /// See [`missing_source`](super::catalogue#missing_source) in the catalogue.
    MissingSource = "missing_source", Advice, Practice,
        "the indicator \"Weapons collected and destroyed\" has no data source (means of verification)";
    /// The categories of one breakdown dimension do not add up to the
    /// period's total.
    ///
    /// See [`breakdown_sum`](super::catalogue#breakdown_sum) in the catalogue.
    BreakdownSum = "breakdown_sum", Warning, Structure,
        "the actuals by sex of the period 2024-01-01–2025-12-31 sum to 4780, not to the period's 4900";
    /// A period with a target by sex and no actual by sex.
    ///
    /// See [`breakdown_incomplete`](super::catalogue#breakdown_incomplete) in the catalogue.
    BreakdownIncomplete = "breakdown_incomplete", Advice, Practice,
        "the period 2023-01-01–2023-12-31 has a target by sex and an actual, but no actual by sex";
    /// IATI import: a value that should be a number is not (an indicator
    /// value is kept as a label; an amount or percentage is left out).
    IatiNonNumericValue = "iati_non_numeric_value", Warning, Import,
        "activity XM-TEST-3: actual value \"TBD\" is not a number but the measure is unit (1); kept as a label (line 45)";
    /// IATI import: a baseline, target or actual without a value.
    IatiMissingValue = "iati_missing_value", Advice, Import,
        "activity XM-DAC-41114-OUTPUT-00098059: baseline has no value (line 751)";
    /// IATI import: a qualitative, nominal or ordinal indicator carries a
    /// numeric value; it is kept as a label.
    IatiQualitativeValue = "iati_qualitative_value", Advice, Import,
        "activity HK-CR-1494242-Asia-P1903: target value \"84\" is a number but the measure is qualitative (5); kept as a label (line 12474)";
    /// IATI import: an activity with no recipient at activity level; it
    /// takes its transactions' places (advice), or imports without a
    /// recipient (an error), or in a fallback country (a warning).
    IatiMissingCountry = "iati_missing_country", Error, Import,
        "activity US-GOV-1-EXAMPLE-TX: no activity-level recipient; the recipients are those its transactions name: 298 (Africa, regional), MLI (Mali) (line 5)";
    /// IATI import, earlier versions: several recipient countries, the one
    /// with the largest share kept. No longer reported (every recipient is
    /// kept); codes are never reused.
    IatiMultipleCountries = "iati_multiple_countries", Warning, Import,
        "(no longer reported: every recipient is kept with its share)";
    /// IATI import: a code that is not on its IATI codelist, or a country or
    /// currency not on its ISO list.
    IatiUnknownCode = "iati_unknown_code", Warning, Import,
        "activity XI-IATI-OFID-1529: sector code \"210\" is not a 5-digit DAC purpose code (line 15612)";
    /// IATI import: an IATI 1.x code or name, read as its 2.03 equivalent.
    IatiLegacyCode = "iati_legacy_code", Advice, Import,
        "activity GB-EXAMPLE-LEGACY-1: sector vocabulary \"DAC\" read as code 1 (line 16)";
    /// IATI import: a date that is not an ISO 8601 `YYYY-MM-DD` date.
    IatiInvalidDate = "iati_invalid_date", Warning, Import,
        "activity GB-GOV-1-FDEAC19-MW-FY20/21: transaction-date \"30/11/2020\" is not a YYYY-MM-DD date: not imported (line 210)";
    /// IATI import: a percentage that is not a number from 0 to 100.
    IatiInvalidPercentage = "iati_invalid_percentage", Warning, Import,
        "activity XM-EXAMPLE-1: recipient-country percentage \"sixty\" is not a number from 0 to 100 (line 12)";
    /// IATI import: an element or attribute the standard requires is missing.
    IatiMissingElement = "iati_missing_element", Warning, Import,
        "activity XM-EX-1: transaction has no transaction-date: not imported (line 7)";
    /// IATI import: amounts in several currencies; only those in the main
    /// currency are summed.
    IatiMixedCurrency = "iati_mixed_currency", Warning, Import,
        "activity DK-CVR-36980214-Danida-SP-2018-2021-HUM: funding summed in EUR; left out: 7000000 DKK (line 5141)";
    /// IATI import: an amount with more than four decimal places, rounded.
    IatiAmountRounded = "iati_amount_rounded", Advice, Import,
        "activity GB-GOV-1-FDEAC19-MN-FY20/21: budget value 59999.8136169 rounded to 59999.8136 (line 39)";
    /// IATI import: results of an activity none of whose DAC sectors maps
    /// onto an SSR pillar; they are kept in a component of pillar
    /// `unclassified`.
    IatiNoSsrComponent = "iati_no_ssr_component", Advice, Import,
        "activity XM-DAC-41114-OUTPUT-00098059: no DAC sector of the activity maps onto an SSR pillar: its results are kept in an unclassified component (line 229)";
    /// IATI import: data the model has no place for (a sector vocabulary
    /// other than DAC, a second baseline, a disaggregated baseline).
    IatiNotImported = "iati_not_imported", Advice, Import,
        "activity XM-DAC-41114-OUTPUT-00097897: sector \"17\" of vocabulary 99 is not a DAC purpose code: not imported (line 58)";
    /// IATI import of several files: an activity whose identifier another
    /// activity has too; the one updated last is kept.
    IatiDuplicateActivity = "iati_duplicate_activity", Advice, Import,
        "corpus/2021-05/activities.xml: activity XM-EXAMPLE-1 (line 4, last updated 2021-05-01 10:00:00) dropped: the same identifier is in corpus/2021-06/activities.xml (line 4, last updated 2021-06-01 10:00:00); the later update is kept";
    /// IATI import of several files: a file that cannot be read as IATI
    /// activity XML (empty, HTML, JSON, truncated); the other files still
    /// import.
    IatiUnreadableFile = "iati_unreadable_file", Error, Import,
        "corpus/json-error.xml: line 1: malformed XML: content before the root element";

    /// A scoring policy value out of its range, or values that contradict
    /// each other (an at-risk band inside the on-track band).
    PolicyInvalid = "policy_invalid", Error, Input,
        "expected a number at least the on-track tolerance, found 0.1";
    /// A matrix with no row or no column.
    MatrixEmpty = "matrix_empty", Error, Input,
        "expected at least one row and one column, found 0 rows and 2 weights";
    /// A matrix row with another number of scores than there are weights.
    MatrixRaggedRow = "matrix_ragged_row", Error, Input,
        "expected 2 scores (one per weight), found 1";
    /// A matrix score that is not a finite number.
    MatrixScoreNotFinite = "matrix_score_not_finite", Error, Input,
        "expected a finite number, found NaN";
    /// A matrix score beyond ±10¹⁵.
    MatrixScoreOutOfRange = "matrix_score_out_of_range", Error, Input,
        "expected a score from -1e15 to 1e15, found 10000000000000000";
    /// A matrix column weight negative, not finite or above 10⁶.
    MatrixWeightOutOfRange = "matrix_weight_out_of_range", Error, Input,
        "expected a weight from 0 to 1e6, found -1";
    /// Matrix weights that are all zero.
    MatrixNoWeight = "matrix_no_weight", Error, Input,
        "expected some positive weight, found all 0";
    /// Row names of a matrix that are not one per row.
    MatrixNamesLength = "matrix_names_length", Error, Input,
        "expected 3 names (one per row), found 2";
    /// A Monte Carlo option of a matrix out of its range.
    MatrixOptionOutOfRange = "matrix_option_out_of_range", Error, Input,
        "expected 1 to 1000000 replications, found 0";
    /// A line of an exchange-rate table that is not `date,currency,rate`
    /// with an ISO date, an ISO 4217 code and a number.
    RateUnreadable = "rate_unreadable", Error, Input,
        "2021-13-01 is not a YYYY-MM-DD date";
    /// An exchange rate that is not a decimal number from 10⁻¹⁵ to 10¹⁵
    /// with at most 18 decimal places.
    RateOutOfRange = "rate_out_of_range", Error, Input,
        "invalid rate for GBP on 2021-01-01: expected a number from 1e-15 to 1e15 with at most 18 decimal places, found -1";
    /// A rate for the base currency other than 1.
    RateBaseNotOne = "rate_base_not_one", Error, Input,
        "the base currency USD has rate 1 by definition, found 2 on 2021-01-01";
    /// Two different rates for one currency on one date.
    RateConflict = "rate_conflict", Error, Input,
        "two rates for EUR on 2021-01-01: 0.8 and 0.9";

    /// A dimension correlated with the composite below the policy's
    /// threshold (0 by default): it pulls against the others.
    CompositeNegativeCorrelation = "composite_negative_correlation", Warning, Audit,
        "risk correlates with the composite at -0.31 (Pearson, 12 rows), below 0: it pulls against the other dimensions";
    /// Two dimensions correlated above the policy's threshold (0.9 by
    /// default): they may count one thing twice.
    DimensionsDoubleCounted = "dimensions_double_counted", Advice, Audit,
        "progress and evaluation correlate at 0.95 (Pearson, 12 rows), above 0.9: they may count one thing twice";
    /// Cronbach's alpha of the dimensions below the policy's threshold
    /// (0.7 by default).
    LowCronbachAlpha = "low_cronbach_alpha", Advice, Audit,
        "Cronbach's alpha of the 5 dimensions is 0.42 over 10 complete rows, below 0.7: they do not move together";
    /// A dimension whose raw values failed the outlier rule was treated
    /// as the policy chose; every value changed is recorded.
    OutliersTreated = "outliers_treated", Advice, Audit,
        "risk: raw values with skewness 2.61, excess kurtosis 7.12 (above 2 and 3.5): 1 value(s) winsorised; now skewness 1.20, excess kurtosis 1.51";
    /// A dimension whose raw values still fail the outlier rule after the
    /// policy's treatment.
    OutliersRemain = "outliers_remain", Warning, Audit,
        "risk: raw values with skewness 2.61, excess kurtosis 7.12 (above 2 and 3.5) still fail after 5 winsorised value(s): left as they were";
    /// A dimension the policy's screening left out of the composite: too
    /// few programmes have data on it.
    DimensionScreenedOut = "dimension_screened_out", Warning, Audit,
        "inclusion has data for 2 of the 10 programmes admitted to the ranking (20%), below the policy's 50%: left out of the composite";
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
