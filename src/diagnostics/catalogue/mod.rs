//! The catalogue of finding codes: what each code means, why it matters in
//! Security Sector Reform practice, and how to fix it.
//!
//! Every [`Finding`](super::Finding) carries one of these codes. The names
//! are stable: once released, a code keeps its name and meaning, so tools may
//! filter on them. New codes may be added in minor releases. Each code has a
//! default severity; a [`ValidationPolicy`](super::ValidationPolicy) can
//! raise or lower it, or `allow` the code to drop its findings.
//!
//! The codes fall into six families ([`Family`](super::Family), from
//! [`Code::family`](super::Code::family)); the table gives each code's
//! family, default level and an example of its message
//! ([`Code::example`](super::Code::example)). **Structure** codes say the document
//! contradicts itself or the standards it follows: the numbers computed from
//! it (scores, ranks, progress) would be wrong. **Practice** codes say the
//! document is consistent but the programme it describes departs from what
//! the SSR literature holds to be good practice: national ownership of the
//! reform, democratic civilian oversight of the security sector, inclusive
//! engagement of civil society and communities, attention to gender, and
//! monitoring that mixes quantitative and qualitative evidence against a
//! baseline. A practice finding is a question to the programme team, not a
//! verdict: many have good reasons, and the policy lets a team record that
//! by allowing the code. **Reference** codes say an id or an exchange rate
//! the document relies on is not there. **Import** codes come from the IATI importer and
//! say what in a source file could not be mapped as it stands. **Input**
//! codes refuse an input beside the document (a scoring policy, a matrix,
//! an exchange-rate table) and name every problem at once. **Audit** codes
//! come from the composite's statistical audit (coherence, outliers,
//! screening) and question the method, not the document.
//!
//! | code | family | default | in short | example message |
//! |---|---|---|---|---|
//! | [`date_order`](#date_order) | structure | error | dates out of order, a period outside the programme, a baseline after its period | the period ends on 2028-08-31 before it starts on 2028-10-27 |
//! | [`duplicate_id`](#duplicate_id) | structure | error | two entities of one kind share an id | programme id 5d16e0ea-d99f-5253-a029-6326cffa70f3 is already the id of /programmes/0 |
//! | [`dangling_reference`](#dangling_reference) | reference | error | an id that points at nothing | no stakeholder of this programme has id 51904af1-c7e0-55cc-8842-61662a6bb965 |
//! | [`weight_invalid`](#weight_invalid) | structure | error | all weights of a level are zero | all 1 indicator weights of the component are 0, so the component score has no weight to share |
//! | [`percentage_sum`](#percentage_sum) | structure | error | sector or recipient percentages or funding shares do not sum to 100 | 2 of 2 recipients have no percentage, so the shares cannot sum to 100 |
//! | [`missing_value`](#missing_value) | structure | warning | a quantitative indicator lacks a numeric target or actual | the period 2022-01-01 to 2023-12-31 has no actual, though it ended by the assessment date 2026-01-01 |
//! | [`direction_conflict`](#direction_conflict) | structure | warning | a target on the wrong side of the baseline for the stated direction | the target 60 is above the baseline 45, but the indicator's direction is decrease (lower is better) |
//! | [`period_overlap`](#period_overlap) | structure | warning | two periods of one indicator overlap | the period 2021-01-01 to 2021-12-31 overlaps the period 2021-01-01 to 2021-12-31 at /programmes/0/components/0/indicators/0/periods/0 |
//! | [`future_actual`](#future_actual) | structure | error | an actual dated after the assessment date | an actual is reported for the period 2026-01-01 to 2026-12-31, which ends after the assessment date 2026-01-01 |
//! | [`empty_name`](#empty_name) | structure | error | a name, title or statement is empty | the indicator title is blank (only whitespace) |
//! | [`withdrawn_sector_code`](#withdrawn_sector_code) | structure | warning | a DAC purpose code the DAC has withdrawn | DAC purpose code 15120 (public sector financial management) has been withdrawn from the DAC list |
//! | [`unknown_sector_code`](#unknown_sector_code) | structure | warning | a sector code not on the DAC list of its vocabulary | sector code "1521" of vocabulary 1 is not a 5-digit DAC purpose code |
//! | [`no_recipient`](#no_recipient) | structure | error | no recipient country or region | the programme names no recipient country or region |
//! | [`withdrawn_recipient_code`](#withdrawn_recipient_code) | structure | warning | a recipient code IATI has withdrawn | recipient ANT (Netherlands Antilles) has been withdrawn from its IATI codelist |
//! | [`no_exchange_rate`](#no_exchange_rate) | reference | warning | money that no exchange rate converts | 50 USD cannot be converted to EUR: no exchange rates were given |
//! | [`unallocated_money`](#unallocated_money) | structure | warning | money in the flows that no recipient accounts for | 200 USD of the programme's transactions goes to no recipient (the recipient percentages sum to 80): in the flows with an empty recipient |
//! | [`no_civil_society`](#no_civil_society) | practice | warning | no civil-society or community stakeholder | no stakeholder is a civil-society organisation, women's organisation, local community, academic institution or media outlet |
//! | [`no_oversight`](#no_oversight) | practice | warning | no oversight component and no oversight stakeholder | no component works on oversight or justice and no stakeholder is a parliament, judiciary or oversight body or has the oversight role |
//! | [`no_local_ownership`](#no_local_ownership) | practice | warning | no national actor accountable for or implementing the programme | no national actor is accountable for or implements the programme |
//! | [`component_without_indicator`](#component_without_indicator) | practice | warning | a component with no indicator | the component "Legal and judicial development" has no indicator, so its progress cannot be measured |
//! | [`indicator_without_baseline`](#indicator_without_baseline) | practice | warning | an indicator with no baseline value | the indicator "Judges trained" has no baseline |
//! | [`undated_baseline`](#undated_baseline) | practice | advice | a baseline value without its date | the baseline of the indicator "Public trust in the police" has no date: it counts as known at every date, and progress is timed from the first period's start |
//! | [`unmitigated_resistance`](#unmitigated_resistance) | practice | warning | a powerful opponent of the reform that no mitigation addresses | "Internal security forces' unions" is resistant with influence 5, and no mitigated challenge names it |
//! | [`unassessed_stakeholder`](#unassessed_stakeholder) | practice | advice | a stakeholder whose influence, interest or stance is unknown | "Example organisation" has no influence, interest, stance: the stakeholder analysis leaves it out where it needs them |
//! | [`high_risk_without_mitigation`](#high_risk_without_mitigation) | practice | warning | a high inherent risk with no mitigation | the challenge "Political interference in appointments" has inherent risk 20 (likelihood 5 × impact 4) and no mitigation |
//! | [`single_funder`](#single_funder) | practice | advice | one funding source only | the programme has a single funding source |
//! | [`no_gender_dimension`](#no_gender_dimension) | practice | advice | no sign of gender in marker, components, stakeholders or data | the programme shows no gender dimension: no significant or principal gender marker, gender component or objective, women's organisation or sex-disaggregated indicator |
//! | [`quantitative_only`](#quantitative_only) | practice | advice | every indicator is a number | all 8 indicators are quantitative; none is ordinal or qualitative |
//! | [`stale_data`](#stale_data) | practice | warning | the latest actual is older than the policy allows | the latest actual of the programme is dated 2020-12-31, 1827 days before the assessment date 2026-01-01; the policy allows 365 |
//! | [`objective_cycle`](#objective_cycle) | structure | error | an objective is its own ancestor | the objective "C" is, through its parents, its own parent |
//! | [`objective_unmeasured`](#objective_unmeasured) | practice | warning | no indicator measures an objective | no indicator measures the objective "Courts decide cases within statutory time limits" |
//! | [`objective_output_only`](#objective_output_only) | practice | advice | an objective measured only by outputs | the objective "Liberian institutions own, run and fund the reformed sector after UNMIL leaves" is measured by output indicators only |
//! | [`outcome_without_outputs`](#outcome_without_outputs) | practice | advice | a component with outcomes and no output | the component "DDR and integration of the signatory movements' combatants" has outcome indicators and no output indicator |
//! | [`missing_source`](#missing_source) | practice | advice | an indicator with no means of verification | the indicator "Weapons collected and destroyed" has no data source (means of verification) |
//! | [`breakdown_sum`](#breakdown_sum) | structure | warning | categories of a breakdown do not add up to the total | the actuals by sex of the period 2024-01-01–2025-12-31 sum to 4780, not to the period's 4900 |
//! | [`breakdown_incomplete`](#breakdown_incomplete) | practice | advice | a target by sex with no actual by sex | the period 2023-01-01–2023-12-31 has a target by sex and an actual, but no actual by sex |
//! | [`iati_non_numeric_value`](#iati_non_numeric_value) | import | warning | a value that should be a number is not | activity XM-TEST-3: actual value "TBD" is not a number but the measure is unit (1); kept as a label (line 45) |
//! | [`iati_missing_value`](#iati_missing_value) | import | advice | a baseline, target or actual without a value | activity XM-DAC-41114-OUTPUT-00098059: baseline has no value (line 751) |
//! | [`iati_qualitative_value`](#iati_qualitative_value) | import | advice | a non-quantitative indicator carries a number | activity HK-CR-1494242-Asia-P1903: target value "84" is a number but the measure is qualitative (5); kept as a label (line 12474) |
//! | [`iati_missing_country`](#iati_missing_country) | import | error | no recipient at activity level (or anywhere) | activity US-GOV-1-EXAMPLE-TX: no activity-level recipient; the recipients are those its transactions name: 298 (Africa, regional), MLI (Mali) (line 5) |
//! | [`iati_multiple_countries`](#iati_multiple_countries) | import | warning | no longer reported: every recipient is kept | (no longer reported: every recipient is kept with its share) |
//! | [`iati_unknown_code`](#iati_unknown_code) | import | warning | a code not on its IATI or ISO list | activity XI-IATI-OFID-1529: sector code "210" is not a 5-digit DAC purpose code (line 15612) |
//! | [`iati_legacy_code`](#iati_legacy_code) | import | advice | an IATI 1.x code read as its 2.03 equivalent | activity GB-EXAMPLE-LEGACY-1: sector vocabulary "DAC" read as code 1 (line 16) |
//! | [`iati_invalid_date`](#iati_invalid_date) | import | warning | a date that is not `YYYY-MM-DD` | activity GB-GOV-1-FDEAC19-MW-FY20/21: transaction-date "30/11/2020" is not a YYYY-MM-DD date: not imported (line 210) |
//! | [`iati_invalid_percentage`](#iati_invalid_percentage) | import | warning | a percentage that is not a number from 0 to 100 | activity XM-EXAMPLE-1: recipient-country percentage "sixty" is not a number from 0 to 100 (line 12) |
//! | [`iati_missing_element`](#iati_missing_element) | import | warning | a required element or attribute is missing | activity XM-EX-1: transaction has no transaction-date: not imported (line 7) |
//! | [`iati_mixed_currency`](#iati_mixed_currency) | import | warning | amounts in several currencies | activity DK-CVR-36980214-Danida-SP-2018-2021-HUM: funding summed in EUR; left out: 7000000 DKK (line 5141) |
//! | [`iati_amount_rounded`](#iati_amount_rounded) | import | advice | an amount with more than four decimals | activity GB-GOV-1-FDEAC19-MN-FY20/21: budget value 59999.8136169 rounded to 59999.8136 (line 39) |
//! | [`iati_no_ssr_component`](#iati_no_ssr_component) | import | advice | results with no SSR sector, kept as unclassified | activity XM-DAC-41114-OUTPUT-00098059: no DAC sector of the activity maps onto an SSR pillar: its results are kept in an unclassified component (line 229) |
//! | [`iati_not_imported`](#iati_not_imported) | import | advice | data the model has no place for | activity XM-DAC-41114-OUTPUT-00097897: sector "17" of vocabulary 99 is not a DAC purpose code: not imported (line 58) |
//! | [`iati_duplicate_activity`](#iati_duplicate_activity) | import | advice | an activity identifier read twice; the latest update is kept | corpus/2021-05/activities.xml: activity XM-EXAMPLE-1 (line 4, last updated 2021-05-01 10:00:00) dropped: the same identifier is in corpus/2021-06/activities.xml (line 4, last updated 2021-06-01 10:00:00); the later update is kept |
//! | [`iati_unreadable_file`](#iati_unreadable_file) | import | error | a file that is not IATI activity XML | corpus/json-error.xml: line 1: malformed XML: content before the root element |
//! | [`policy_invalid`](#policy_invalid) | input | error | a scoring policy value out of range or contradicting another | expected a number at least the on-track tolerance, found 0.1 |
//! | [`matrix_empty`](#matrix_empty) | input | error | a matrix with no row or no column | expected at least one row and one column, found 0 rows and 2 weights |
//! | [`matrix_ragged_row`](#matrix_ragged_row) | input | error | a row with another number of scores than weights | expected 2 scores (one per weight), found 1 |
//! | [`matrix_score_not_finite`](#matrix_score_not_finite) | input | error | a score that is NaN or infinite | expected a finite number, found NaN |
//! | [`matrix_score_out_of_range`](#matrix_score_out_of_range) | input | error | a score beyond ±10¹⁵ | expected a score from -1e15 to 1e15, found 10000000000000000 |
//! | [`matrix_weight_out_of_range`](#matrix_weight_out_of_range) | input | error | a weight negative, not finite or above 10⁶ | expected a weight from 0 to 1e6, found -1 |
//! | [`matrix_no_weight`](#matrix_no_weight) | input | error | all weights zero | expected some positive weight, found all 0 |
//! | [`matrix_names_length`](#matrix_names_length) | input | error | not one row name per row | expected 3 names (one per row), found 2 |
//! | [`matrix_option_out_of_range`](#matrix_option_out_of_range) | input | error | a Monte Carlo option out of range | expected 1 to 1000000 replications, found 0 |
//! | [`rate_unreadable`](#rate_unreadable) | input | error | a rates line that is not date,currency,rate | 2021-13-01 is not a YYYY-MM-DD date |
//! | [`rate_out_of_range`](#rate_out_of_range) | input | error | a rate that is not a decimal from 10⁻¹⁵ to 10¹⁵ with at most 18 decimal places | invalid rate for GBP on 2021-01-01: expected a number from 1e-15 to 1e15 with at most 18 decimal places, found -1 |
//! | [`rate_base_not_one`](#rate_base_not_one) | input | error | a base-currency rate other than 1 | the base currency USD has rate 1 by definition, found 2 on 2021-01-01 |
//! | [`rate_conflict`](#rate_conflict) | input | error | two rates for one currency and date | two rates for EUR on 2021-01-01: 0.8 and 0.9 |
//! | [`composite_negative_correlation`](#composite_negative_correlation) | audit | warning | a dimension that correlates with the composite below the threshold | risk correlates with the composite at -0.31 (Pearson, 12 rows), below 0: it pulls against the other dimensions |
//! | [`dimensions_double_counted`](#dimensions_double_counted) | audit | advice | two dimensions correlated above the threshold | progress and evaluation correlate at 0.95 (Pearson, 12 rows), above 0.9: they may count one thing twice |
//! | [`low_cronbach_alpha`](#low_cronbach_alpha) | audit | advice | Cronbach's alpha of the dimensions below the threshold | Cronbach's alpha of the 5 dimensions is 0.42 over 10 complete rows, below 0.7: they do not move together |
//! | [`outliers_treated`](#outliers_treated) | audit | advice | a skewed dimension winsorised or log-transformed by the policy | risk: raw values with skewness 2.61, excess kurtosis 7.12 (above 2 and 3.5): 1 value(s) winsorised; now skewness 1.20, excess kurtosis 1.51 |
//! | [`outliers_remain`](#outliers_remain) | audit | warning | a dimension still skewed after the treatment | risk: raw values with skewness 2.61, excess kurtosis 7.12 (above 2 and 3.5) still fail after 5 winsorised value(s): left as they were |
//! | [`dimension_screened_out`](#dimension_screened_out) | audit | warning | a dimension left out of the composite for want of data | inclusion has data for 2 of the 10 programmes admitted to the ranking (20%), below the policy's 50%: left out of the composite |
//!
//! Paths in the examples below are JSON Pointers into the
//! document format (`ssr_model::document`, feature `json`).
#![doc = include_str!("structural.md")]
#![doc = include_str!("practice.md")]
#![doc = include_str!("results_chain.md")]
#![doc = include_str!("import.md")]
#![doc = include_str!("input.md")]
#![doc = include_str!("audit.md")]

#[cfg(test)]
mod tests {
    use super::super::Code;

    /// The catalogue's text: the table in this file and one page per family.
    const TEXT: [&str; 7] = [
        include_str!("mod.rs"),
        include_str!("structural.md"),
        include_str!("practice.md"),
        include_str!("results_chain.md"),
        include_str!("import.md"),
        include_str!("input.md"),
        include_str!("audit.md"),
    ];

    /// Every code has a section of its own in the catalogue.
    #[test]
    fn every_code_is_catalogued() {
        for code in Code::ALL {
            let heading = format!("\n## `{}`\n", code.as_str());
            assert!(
                TEXT.iter().any(|t| t.contains(&heading)),
                "no catalogue section for {code}"
            );
            let row = format!("//! | [`{code}`](#{code}) |");
            assert!(TEXT[0].contains(&row), "no catalogue table row for {code}");
        }
    }
}
