//! The catalogue of finding codes: what each code means, why it matters in
//! Security Sector Reform practice, and how to fix it.
//!
//! Every [`Finding`](super::Finding) carries one of these codes. The names
//! are stable: once released, a code keeps its name and meaning, so tools may
//! filter on them. New codes may be added in minor releases. Each code has a
//! default severity; a [`ValidationPolicy`](super::ValidationPolicy) can
//! raise or lower it, or `allow` the code to drop its findings.
//!
//! The codes fall into three families. **Structural** codes say the document
//! contradicts itself or the standards it follows: the numbers computed from
//! it (scores, ranks, progress) would be wrong. **Practice** codes say the
//! document is consistent but the programme it describes departs from what
//! the SSR literature holds to be good practice: national ownership of the
//! reform, democratic civilian oversight of the security sector, inclusive
//! engagement of civil society and communities, attention to gender, and
//! monitoring that mixes quantitative and qualitative evidence against a
//! baseline. A practice finding is a question to the programme team, not a
//! verdict: many have good reasons, and the policy lets a team record that
//! by allowing the code. **Import** codes come from the IATI importer and
//! say what in a source file could not be mapped as it stands.
//!
//! | code | family | default | in short |
//! |---|---|---|---|
//! | [`date_order`](#date_order) | structural | error | dates out of order, a period outside the programme, a baseline after its period |
//! | [`duplicate_id`](#duplicate_id) | structural | error | two entities of one kind share an id |
//! | [`dangling_reference`](#dangling_reference) | structural | error | an id that points at nothing |
//! | [`weight_invalid`](#weight_invalid) | structural | error | all weights of a level are zero |
//! | [`percentage_sum`](#percentage_sum) | structural | error | sector or recipient percentages or funding shares do not sum to 100 |
//! | [`missing_value`](#missing_value) | structural | warning | a quantitative indicator lacks a numeric target or actual |
//! | [`direction_conflict`](#direction_conflict) | structural | warning | a target on the wrong side of the baseline for the stated direction |
//! | [`period_overlap`](#period_overlap) | structural | warning | two periods of one indicator overlap |
//! | [`future_actual`](#future_actual) | structural | error | an actual dated after the assessment date |
//! | [`empty_name`](#empty_name) | structural | error | a name, title or statement is empty |
//! | [`withdrawn_sector_code`](#withdrawn_sector_code) | structural | warning | a DAC purpose code the DAC has withdrawn |
//! | [`no_recipient`](#no_recipient) | structural | error | no recipient country or region |
//! | [`withdrawn_recipient_code`](#withdrawn_recipient_code) | structural | warning | a recipient code IATI has withdrawn |
//! | [`no_exchange_rate`](#no_exchange_rate) | finance | warning | money that no exchange rate converts |
//! | [`no_civil_society`](#no_civil_society) | practice | warning | no civil-society or community stakeholder |
//! | [`no_oversight`](#no_oversight) | practice | warning | no oversight component and no oversight stakeholder |
//! | [`no_local_ownership`](#no_local_ownership) | practice | warning | no national actor accountable for or implementing the programme |
//! | [`component_without_indicator`](#component_without_indicator) | practice | warning | a component with no indicator |
//! | [`indicator_without_baseline`](#indicator_without_baseline) | practice | warning | an indicator with no baseline value |
//! | [`unmitigated_resistance`](#unmitigated_resistance) | practice | warning | a powerful opponent of the reform that no mitigation addresses |
//! | [`unassessed_stakeholder`](#unassessed_stakeholder) | practice | advice | a stakeholder whose influence, interest or stance is unknown |
//! | [`high_risk_without_mitigation`](#high_risk_without_mitigation) | practice | warning | a high inherent risk with no mitigation |
//! | [`single_funder`](#single_funder) | practice | advice | one funding source only |
//! | [`no_gender_dimension`](#no_gender_dimension) | practice | advice | no sign of gender in marker, components, stakeholders or data |
//! | [`quantitative_only`](#quantitative_only) | practice | advice | every indicator is a number |
//! | [`stale_data`](#stale_data) | practice | warning | the latest actual is older than the policy allows |
//! | [`objective_cycle`](#objective_cycle) | results chain | error | an objective is its own ancestor |
//! | [`objective_unmeasured`](#objective_unmeasured) | results chain | warning | no indicator measures an objective |
//! | [`objective_output_only`](#objective_output_only) | results chain | advice | an objective measured only by outputs |
//! | [`outcome_without_outputs`](#outcome_without_outputs) | results chain | advice | a component with outcomes and no output |
//! | [`missing_source`](#missing_source) | results chain | advice | an indicator with no means of verification |
//! | [`breakdown_sum`](#breakdown_sum) | results chain | warning | categories of a breakdown do not add up to the total |
//! | [`breakdown_incomplete`](#breakdown_incomplete) | results chain | advice | a target by sex with no actual by sex |
//! | [`iati_non_numeric_value`](#iati_non_numeric_value) | import | warning | a value that should be a number is not |
//! | [`iati_missing_value`](#iati_missing_value) | import | advice | a baseline, target or actual without a value |
//! | [`iati_qualitative_value`](#iati_qualitative_value) | import | advice | a non-quantitative indicator carries a number |
//! | [`iati_missing_country`](#iati_missing_country) | import | error | no recipient at activity level (or anywhere) |
//! | [`iati_multiple_countries`](#iati_multiple_countries) | import | warning | no longer reported: every recipient is kept |
//! | [`iati_unknown_code`](#iati_unknown_code) | import | warning | a code not on its IATI or ISO list |
//! | [`iati_legacy_code`](#iati_legacy_code) | import | advice | an IATI 1.x code read as its 2.03 equivalent |
//! | [`iati_invalid_date`](#iati_invalid_date) | import | warning | a date that is not `YYYY-MM-DD` |
//! | [`iati_invalid_percentage`](#iati_invalid_percentage) | import | warning | a percentage that is not a number from 0 to 100 |
//! | [`iati_missing_element`](#iati_missing_element) | import | warning | a required element or attribute is missing |
//! | [`iati_mixed_currency`](#iati_mixed_currency) | import | warning | amounts in several currencies |
//! | [`iati_amount_rounded`](#iati_amount_rounded) | import | advice | an amount with more than four decimals |
//! | [`iati_no_ssr_component`](#iati_no_ssr_component) | import | advice | results with no SSR sector, kept as unclassified |
//! | [`iati_not_imported`](#iati_not_imported) | import | advice | data the model has no place for |
//! | [`iati_duplicate_activity`](#iati_duplicate_activity) | import | advice | an activity identifier read twice; the latest update is kept |
//! | [`iati_unreadable_file`](#iati_unreadable_file) | import | error | a file that is not IATI activity XML |
//!
//! Paths in the examples below are JSON Pointers into the
//! document format (`ssr_model::document`, feature `json`).
#![doc = include_str!("structural.md")]
#![doc = include_str!("practice.md")]
#![doc = include_str!("results_chain.md")]
#![doc = include_str!("import.md")]

#[cfg(test)]
mod tests {
    use super::super::Code;

    /// The catalogue's text: the table in this file and one page per family.
    const TEXT: [&str; 5] = [
        include_str!("mod.rs"),
        include_str!("structural.md"),
        include_str!("practice.md"),
        include_str!("results_chain.md"),
        include_str!("import.md"),
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
