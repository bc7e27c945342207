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
//!
//! # Structural codes
//!
//! ## `date_order`
//!
//! **What it means.** A date comes before one it should follow: a
//! programme's planned or actual end before its start (path `…/planned_end`
//! or `…/actual_end`), where an actual end with no actual start is compared
//! with the planned start, and a planned end with no actual end with the
//! actual start; a period's end before its start; a period entirely
//! outside the programme, ending before its earliest start or starting after
//! its latest end (planned or actual, whichever is wider); or an indicator's
//! baseline dated after the end of the earliest period it is compared with
//! (path `…/baseline/date`). A period that only partly overlaps the
//! programme is accepted: reporting years rarely line up with start dates.
//!
//! **Why it matters.** Expected progress is interpolated over time from the
//! baseline date to the target date, and durations feed forecasts. With
//! dates out of order the arithmetic runs backwards and every status derived
//! from it is meaningless.
//!
//! **How to fix it.** Look for swapped start and end dates or a mistyped
//! year. If a programme was extended, record its new end date. If a baseline
//! was only measured after work began, date it honestly, explain it in the
//! baseline comment and start the first period after it.
//!
//! ## `duplicate_id`
//!
//! **What it means.** Two programmes of the portfolio, or two stakeholders,
//! objectives, components, indicators, challenges or evaluations of one
//! programme, share an id. The finding is at the later one's `id` and names
//! the path of the first.
//!
//! **Why it matters.** Components name their lead and objectives by id,
//! challenges name the stakeholders and components they concern, funding
//! names its source: with two holders of one id, every such reference is
//! ambiguous, and results merged across tools attach to the wrong entity.
//!
//! **How to fix it.** Give each entity its own id (a new UUID). If the two
//! entries describe the same thing, merge them. Copying an entry in an
//! editor is the usual cause.
//!
//! ## `dangling_reference`
//!
//! **What it means.** An id that should name something of the same
//! programme names nothing: a funding `source`, a component `lead` or one of
//! its `objectives`, a challenge's `affects` or `stakeholders`, or a
//! mitigation's `owner`.
//!
//! **Why it matters.** Stakeholder analysis, risk ownership and the
//! question "who leads this pillar?" all follow these links. A reference to
//! nothing silently drops a funder from the funding picture or a resistant
//! actor from the risk register.
//!
//! **How to fix it.** Use the id of one of the programme's own entities, or
//! add the entity the id was meant for. References never cross programmes.
//!
//! ## `weight_invalid`
//!
//! **What it means.** Every component of a programme, or every indicator of
//! a component, has weight 0. (Negative and non-finite weights cannot occur:
//! the document format refuses them.)
//!
//! **Why it matters.** Weights are relative within their level: a score is
//! the weighted mean of the level below. When all weights are zero there is
//! nothing to divide by, and the programme or component gets no score.
//!
//! **How to fix it.** Give at least one entry a positive weight. Weights of 1
//! everywhere mean equal weighting; to leave something out of the score, give
//! it weight 0 and keep the others positive.
//!
//! ## `percentage_sum`
//!
//! **What it means.** The shares of a list do not sum to 100, within the
//! policy's `percentage_tolerance` (0.01 points by default). For DAC sectors
//! and for recipients the IATI rule applies: a single one may leave out its
//! percentage (it then takes 100), but several must each state one; the
//! percentages of all recipient countries and regions together sum to 100.
//! For funding, shares are optional, but once one source states a share,
//! all must. The path is the list, `…/sectors`, `…/recipients` or
//! `…/funding`.
//!
//! **Why it matters.** Sector percentages split a programme's money between
//! DAC purposes: how much of it is police reform, how much justice. Shares
//! that do not add up double-count or lose money in every aggregate of SSR
//! spending, and IATI validators reject them.
//!
//! **How to fix it.** Correct the shares so that they sum to 100. Shares
//! written with two decimals (33.33, 33.33, 33.34) are fine.
//!
//! ## `missing_value`
//!
//! **What it means.** A quantitative indicator (measure `unit` or
//! `percentage`) lacks a number it needs: a period with no target, a target,
//! actual or baseline written as a label instead of a number, or a period
//! with no actual although it should have one. An actual is expected when
//! the period ended on or before the policy's `as_of` date, or, without a
//! date, when a later period of the same indicator has an actual (a gap in
//! the series). Periods still running are not flagged.
//!
//! **Why it matters.** Progress is `(actual − baseline) / (target −
//! baseline)`: without a number in each place there is no progress to
//! report, and the indicator silently drops out of the component score,
//! lowering its coverage.
//!
//! **How to fix it.** Enter the number. If the value was not measured, say
//! why in the period comment. If the indicator is really about categories
//! ("draft", "adopted"), make its measure `ordinal` or `qualitative` and
//! give it a scale.
//!
//! ## `direction_conflict`
//!
//! **What it means.** An indicator states a direction, and a period's target
//! lies on the wrong side of the baseline: below it when the direction is
//! `increase`, above it when it is `decrease`. The path is the target.
//!
//! **Why it matters.** Either the direction or the numbers are wrong. The
//! progress formula follows baseline → target whatever the direction says,
//! so a wrong direction misleads the reader, while a wrong target makes
//! getting worse count as success: falling public trust in the police
//! scored as progress.
//!
//! **How to fix it.** Check which is right: the direction (`increase` when
//! higher is better, as for trust; `decrease` when lower is better, as for
//! complaints of abuse), the baseline or the target. To hold a value steady,
//! set the target equal to the baseline.
//!
//! ## `period_overlap`
//!
//! **What it means.** Two reporting periods of one indicator share at least
//! one day (dates are inclusive: a period ending on 31 December and the next
//! starting on 31 December overlap). The finding is at the `start` of the
//! later-starting period and names the other.
//!
//! **Why it matters.** A result reported in both periods counts twice in
//! trends and forecasts, and the expected progress of each period is
//! computed over time that belongs to the other.
//!
//! **How to fix it.** Make the periods consecutive: each starting the day
//! after the previous one ends.
//!
//! ## `future_actual`
//!
//! **What it means.** An actual is reported for a period that ends after
//! the policy's `as_of` date. The model dates an actual at the end of its
//! period, so the value claims to be measured in the future. Checked only
//! when the policy gives `as_of`.
//!
//! **Why it matters.** A figure that cannot have been measured yet is either
//! a target entered in the wrong field or a period with wrong dates; either
//! way the programme looks further along than it is.
//!
//! **How to fix it.** Move the value to the period it was measured in, or
//! correct the period's dates, or the `as_of` date if that is what is wrong.
//!
//! ## `empty_name`
//!
//! **What it means.** Text that identifies something is empty or only
//! whitespace: the portfolio name (when given), a programme, stakeholder or
//! component name, an indicator title, an objective statement, a challenge
//! description, a mitigation action or an evaluator.
//!
//! **Why it matters.** Reports, rankings, risk registers and exports show
//! these texts, not ids. An unnamed entry cannot be discussed, checked or
//! traced back to the programme documents.
//!
//! **How to fix it.** Write the name people use for it.
//!
//! ## `withdrawn_sector_code`
//!
//! **What it means.** A sector uses a DAC purpose code that the DAC has
//! withdrawn: 15120 (public sector financial management), 15140
//! (government administration), 15161 (elections), 15162 (human rights),
//! 15163 (free flow of information) or 15164 (women's equality organisations
//! and institutions). The help names the code that replaced it.
//!
//! **Why it matters.** Current DAC statistics and IATI tools no longer know
//! these codes: spending reported under them falls out of sector totals,
//! including the governance and human-rights spending that SSR programmes
//! often carry.
//!
//! **How to fix it.** Report under the successor: 15111 for public finance
//! management, 15110 for public sector policy and administration, 15151 for
//! elections, 15160 for human rights, 15153 for media and free flow of
//! information, 15170 for women's rights organisations and institutions.
//!
//! ## `no_recipient`
//!
//! **What it means.** The programme names no country or region it works in,
//! and its transactions do not all name one either (IATI allows recipients
//! on every transaction instead of on the activity).
//!
//! **Why it matters.** Every country and regional total, and the report's
//! grouping, needs to know where the money and the work go.
//!
//! **How to fix it.** Add the recipient countries (IATI Country codelist,
//! alpha-3 here, `XKX` for Kosovo) or regions (IATI Region codelist,
//! vocabulary 1), with percentages when there are several.
//!
//! ## `withdrawn_recipient_code`
//!
//! **What it means.** A recipient uses a code IATI has withdrawn: region
//! 380 "West Indies, regional" or country `ANT` (IATI `AN`) Netherlands
//! Antilles.
//!
//! **Why it matters.** Current DAC statistics no longer report under these
//! codes, so the money falls out of regional and country totals.
//!
//! **How to fix it.** Use region 1031 "Caribbean, regional" or 389
//! "Caribbean & Central America, regional"; for the former Netherlands
//! Antilles, the successor countries (`CUW` Curaçao, `SXM` Sint Maarten,
//! `BES` Bonaire, Sint Eustatius and Saba).
//!
//! ## `no_exchange_rate`
//!
//! **What it means.** A finance measure in a reporting currency met money in
//! another currency that the exchange-rate table cannot convert: no rate for
//! the currency on or before the value date. The money is left out of that
//! measure and the finding names it; nothing is guessed.
//!
//! **Why it matters.** Totals that silently drop unconvertible money look
//! complete and are not.
//!
//! **How to fix it.** Add a rate for the currency dated on or before the
//! value date to the table, or report in the money's own currency.
//!
//! # Practice codes
//!
//! ## `no_civil_society`
//!
//! **What it means.** No stakeholder is a civil-society organisation, a
//! women's organisation, a local community, an academic institution or a
//! media outlet. The path is the stakeholder list.
//!
//! **Why it matters.** SSR is about security for people, and the literature
//! is consistent that reform designed and watched only by governments and
//! donors loses legitimacy. Civil society and communities voice what
//! security means to them, monitor abuses, and hold the reformed
//! institutions to their promises; community policing cannot be built
//! without the community.
//!
//! **How to fix it.** Add the civil-society organisations and community
//! representatives the programme consults or works with, with their roles
//! (beneficiary, advisory, oversight).
//!
//! ## `no_oversight`
//!
//! **What it means.** No component works on oversight or justice (pillars
//! `oversight` and `justice_reform`), and no stakeholder is a parliament,
//! the judiciary or an independent oversight body, or has the oversight
//! role. The path is the component list.
//!
//! **Why it matters.** Democratic civilian control is what distinguishes
//! security sector *reform* from train-and-equip: forces made more capable
//! but answerable to no one are a risk to the people they serve.
//! Parliamentary committees, courts, ombudspersons and inspectorates are how
//! that control is exercised.
//!
//! **How to fix it.** Add an oversight or justice component (for example
//! support to the parliamentary defence committee or a police complaints
//! body), or name the body that oversees the institutions being reformed and
//! give it the oversight role.
//!
//! ## `no_local_ownership`
//!
//! **What it means.** No national actor (any kind except international
//! organisations, bilateral donors, international NGOs and `other`) is
//! accountable for or implements the programme. The path is the
//! stakeholder list.
//!
//! **Why it matters.** Local ownership is the first principle of SSR: reform
//! imposed and run from outside rarely survives the donors' departure, and a
//! security sector reformed without its own institutions in charge does not
//! learn to govern itself.
//!
//! **How to fix it.** Name the national institution that is accountable for
//! the reform or carries it out (a ministry, the police, the national
//! security council, a national civil-society partner) and give it the
//! `accountable` or `implementing` role.
//!
//! ## `component_without_indicator`
//!
//! **What it means.** A component has no indicator. The path is the
//! component's `indicators`.
//!
//! **Why it matters.** A pillar of work with no indicator cannot be
//! monitored or scored; its weight silently drops out of the programme
//! score, and the programme looks more measured than it is.
//!
//! **How to fix it.** Add at least one indicator, with a baseline, targets
//! and a means of verification.
//!
//! ## `indicator_without_baseline`
//!
//! **What it means.** An indicator has no baseline, or a baseline without a
//! value. The path is `…/baseline` or `…/baseline/value`.
//!
//! **Why it matters.** Without a starting point, progress cannot be told
//! apart from where things already stood: a 60% trust rating is a success
//! from 40% and a failure from 75%.
//!
//! **How to fix it.** Record the value measured before the programme's work
//! began, with its date. If none exists, measure one now and say so in the
//! baseline comment.
//!
//! ## `unmitigated_resistance`
//!
//! **What it means.** A stakeholder whose stance is `resistant` or
//! `blocking` has influence at or above the policy's `high_influence`
//! (4 by default), and no challenge that names it in its `stakeholders`
//! has a mitigation. The path is the stakeholder.
//!
//! **Why it matters.** Resistance from vested interests is the challenge
//! the SSR literature names most often: senior officers facing vetting,
//! factions losing control of a force. A powerful opponent left out of the
//! risk register is the likeliest way for a reform to stall.
//!
//! **How to fix it.** Add a challenge (for example `resistance_to_change`)
//! that names the stakeholder, with at least one mitigation: engagement,
//! incentives such as retirement packages, sequencing, or political backing
//! from champions of the reform.
//!
//! ## `unassessed_stakeholder`
//!
//! **What it means.** A stakeholder's influence, interest or stance is
//! unknown (absent from the document). The message names which. The path is
//! the stakeholder. Imported IATI organisations always raise it: IATI
//! records who takes part and in what role, never how much power or
//! interest they have or where they stand.
//!
//! **Why it matters.** The stakeholder analysis uses known values only: the
//! Mendelow grid needs influence and interest, salience needs influence,
//! resistance exposure needs influence and stance, and inclusion needs
//! interest or a working role. A stakeholder without them is reported as
//! *unassessed* and lowers the coverage of those analyses, so a programme's
//! stakeholder picture may rest on a few of its actors.
//!
//! **How to fix it.** Assess the stakeholder with the programme team (a
//! stakeholder mapping workshop is the usual way) and record influence and
//! interest on 1–5 and a stance. If nobody can, leave them unknown: the
//! crate will not guess.
//!
//! ## `high_risk_without_mitigation`
//!
//! **What it means.** A challenge that is not closed has an inherent risk
//! (likelihood × impact, each 1–5) at or above the policy's `high_risk` (15
//! by default) and no mitigation. The path is its `mitigations`.
//!
//! **Why it matters.** A risk register that names severe risks and plans
//! nothing against them is a list of expected failures. Risk exposure and
//! residual risk scores assume mitigations are recorded.
//!
//! **How to fix it.** Plan at least one mitigation with an owner and an
//! estimated effectiveness, or close the challenge if it no longer applies.
//!
//! ## `single_funder`
//!
//! **What it means.** The programme has exactly one funding source (the
//! distinct sources of its `funding` and its stakeholders with the `funding`
//! role). The path is the funding list.
//!
//! **Why it matters.** A programme that depends on one donor stops when that
//! donor's priorities change, and a reform funded wholly from outside is
//! hard for the country to own. This is advice: many sound programmes have
//! one funder.
//!
//! **How to fix it.** Nothing, if it is deliberate. Otherwise consider
//! co-funding, pooled funds, or a national budget contribution, which also
//! signals national ownership.
//!
//! ## `no_gender_dimension`
//!
//! **What it means.** Nothing in the programme addresses gender: no gender
//! marker of `significant` or `principal`, no `human_rights_and_gender`
//! component, no gender-equality objective, no women's organisation among
//! the stakeholders and no indicator broken down by sex or gender. The path
//! is the gender marker.
//!
//! **Why it matters.** Women and men experience insecurity differently, and
//! security institutions that exclude women serve half the population badly.
//! Gender mainstreaming is part of accepted SSR practice, and the OECD
//! gender marker is reported for all aid.
//!
//! **How to fix it.** Set the gender marker, break people-counting
//! indicators down by sex (officers trained, complaints filed), or involve
//! women's organisations.
//!
//! ## `quantitative_only`
//!
//! **What it means.** The programme has indicators, and every one is
//! quantitative (`unit` or `percentage`); none is ordinal, nominal or
//! qualitative. The path is the component list.
//!
//! **Why it matters.** What SSR changes most — behaviour, legitimacy, trust,
//! respect for rights — is poorly captured by counts. The literature
//! recommends combining quantitative and qualitative evidence: officers
//! trained *and* whether communities feel safer with them.
//!
//! **How to fix it.** Add an ordinal or qualitative indicator with an
//! explicit scale: an oversight body's assessment, a perception survey
//! band, the stage of a law from draft to implemented.
//!
//! ## `stale_data`
//!
//! **What it means.** The latest actual of the programme (dated at the end
//! of its period) is more than the policy's `stale_after_days` (365 by
//! default) before `as_of`. The path is that actual. Checked only when the
//! policy gives `as_of`, and not for closed, cancelled or suspended
//! programmes.
//!
//! **Why it matters.** Decisions taken on old monitoring data rest on a
//! programme that may no longer exist in that form. A year without a
//! reported result usually means a missed reporting cycle.
//!
//! **How to fix it.** Report the actuals of the periods that have ended
//! since. If the programme has stopped, record its phase as closed,
//! suspended or cancelled.
//!
//! # Results-chain codes
//!
//! These read the programme as a results framework (logframe): objectives
//! reached through outcomes, outcomes through outputs, each indicator with
//! a means of verification, and results broken down by sex where people
//! are counted. An indicator measures the objectives it names, or else its
//! component's; an objective also counts as measured by the indicators of
//! the specific objectives under it.
//!
//! ## `objective_cycle`
//!
//! **What it means.** Following an objective's `parent`, then its parent's,
//! leads back to the objective (path `…/objectives/N/parent`). Reported once
//! per cycle, at the objective listed first in it.
//!
//! **Why it matters.** A results chain runs one way, from specific
//! objectives up to the overall one; a loop has no top, so progress cannot
//! be rolled up and nobody can say which objective serves which.
//!
//! **How to fix it.** Remove the `parent` of the overall objective; each
//! chain should end at an objective with no parent.
//!
//! ## `objective_unmeasured`
//!
//! **What it means.** No indicator measures the objective, directly (by
//! naming it, or through its component) or through an objective under it.
//! The path is the objective.
//!
//! **Why it matters.** An objective nobody measures is an aspiration: the
//! programme can neither show it is getting there nor learn that it is not.
//! Evaluators (OECD DAC effectiveness) will ask for evidence that does not
//! exist.
//!
//! **How to fix it.** Add an indicator that names the objective, or link a
//! component whose indicators measure it.
//!
//! ## `objective_output_only`
//!
//! **What it means.** Every indicator that measures the objective is at
//! output level: none at outcome or impact. The path is the objective.
//!
//! **Why it matters.** Outputs (officers trained, manuals written) are what
//! the programme delivers, not the change it seeks. SSR evaluations find
//! again and again that training counts rise while behaviour and trust do
//! not move; an objective watched only through outputs cannot see that.
//!
//! **How to fix it.** Add an outcome indicator (complaints resolved,
//! rulings implemented) or an impact one (public trust, perception of
//! safety) that names the objective.
//!
//! ## `outcome_without_outputs`
//!
//! **What it means.** A component has outcome indicators and no output
//! indicator (path `…/components/N/indicators`).
//!
//! **Why it matters.** The results chain links what the programme delivers
//! to the change it expects. Without outputs, a change in the outcome
//! cannot be traced to the programme's work, nor a lack of change to a
//! failure of delivery or of the theory of change.
//!
//! **How to fix it.** Add the output indicators of what the component
//! delivers: people trained, bodies set up, laws drafted.
//!
//! ## `missing_source`
//!
//! **What it means.** An indicator has no data source (means of
//! verification; path `…/indicators/N/source`).
//!
//! **Why it matters.** A value nobody can verify is a claim. The evidence
//! grade of the programme's results counts such an indicator at the bottom
//! of the scale, with self-reported data.
//!
//! **How to fix it.** Name the source: a survey, an audit, administrative
//! records, an independent oversight body's report.
//!
//! ## `breakdown_sum`
//!
//! **What it means.** In one period, the target or actual values of the
//! categories of one dimension (e.g. `sex`: female and male) add up to
//! something other than the period's target or actual, by more than the
//! policy's `breakdown_tolerance` (a share of the total, default 0.01).
//! The path is the period's `breakdowns`. Checked for additive dimensions
//! only: by default the categories of unit measures add up and those of
//! percentage measures do not; a breakdown's `additive` says otherwise, and
//! the policy's `non_additive_dimensions` (e.g. `["age"]` for overlapping
//! age bands) exempts dimensions by name. A dimension with a single
//! category is an "of which" figure (women among the officers trained) and
//! is not summed; categories with no number leave the sum unknown and the
//! check silent.
//!
//! **Why it matters.** Disaggregated figures that do not add up mean one of
//! the two was miscounted, or a category (often women, or "not recorded")
//! was dropped. Either way the gender gap computed from them is unsound.
//!
//! **How to fix it.** Correct the total or the categories, add the missing
//! category (e.g. `not_recorded`), or mark the dimension as not additive.
//!
//! ## `breakdown_incomplete`
//!
//! **What it means.** A period with an actual has a target broken down by
//! sex, and no actual broken down by sex (path `…/periods/N/breakdowns`).
//!
//! **Why it matters.** A target for women set and never reported on is the
//! most common gap in reporting on women, peace and security (UNSCR 1325):
//! the commitment is visible, the result is not.
//!
//! **How to fix it.** Report the actual for each category that has a
//! target, or say in the period's comment why it could not be collected.
//!
//! # IATI import codes
//!
//! These codes are raised by the IATI importer (`interop::iati`, feature
//! `iati`) rather than by [`validate`](crate::validate::validate). Their paths are
//! XPath-like locations in the source file (for example
//! `/iati-activities/iati-activity[3]/result[1]/indicator[1]/baseline/@value`)
//! and their messages name the activity identifier and the source line.
//! The importer never drops data silently: whatever it cannot map becomes
//! one of these findings, and the rest of the activity still imports.
//!
//! ## `iati_non_numeric_value`
//!
//! **What it means.** A value the IATI standard defines as a number is not one: an indicator value of a unit or percentage measure (kept as a label), an amount or a percentage (left out).
//!
//! **Why it matters.** Scores need numbers; a label where a count is expected cannot be compared with its baseline or target.
//!
//! **How to fix it.** Correct the publisher's data, or set the indicator's measure to qualitative if the value is a description.
//!
//! ## `iati_missing_value`
//!
//! **What it means.** A baseline, target or actual element without a `value` attribute.
//!
//! **Why it matters.** Progress is measured from a baseline towards a target; without either the indicator cannot be scored.
//!
//! **How to fix it.** Ask the publisher for the value, or add it to the imported document by hand.
//!
//! ## `iati_qualitative_value`
//!
//! **What it means.** A qualitative, nominal or ordinal indicator carries a numeric value; it is kept as a label.
//!
//! **Why it matters.** Numbers on a qualitative indicator have no stated order or scale, so they cannot be scored as they stand.
//!
//! **How to fix it.** Give the indicator an ordinal scale whose labels are those values, or change its measure to unit.
//!
//! ## `iati_missing_country`
//!
//! **What it means.** The activity names no recipient country or region at activity level. When its transactions name places, those are its recipients (advice); when nothing anywhere names one, the programme is imported without a recipient (an error, which validation repeats), or in the fallback country if one is given (a warning).
//!
//! **Why it matters.** Country and regional comparisons, and money by recipient, need to know where the work happens; a guessed place would be analysed as if observed.
//!
//! **How to fix it.** Add the recipients by hand when you know them, or pass `--fallback-country` if the programme is run in one country.
//!
//! ## `iati_multiple_countries`
//!
//! **What it means.** Earlier versions placed an activity with several recipient countries in the one with the largest share, with this finding. The importer now keeps every recipient with its share, so it no longer reports this code; it stays in the catalogue because codes are never reused.
//!
//! **Why it matters.** Attributing a whole multi-country programme to one country distorted country comparisons.
//!
//! **How to fix it.** Nothing: re-import older documents to keep every recipient.
//!
//! ## `iati_unknown_code`
//!
//! **What it means.** A code not on its IATI codelist (status, role, organisation type, result type, measure, ...), or a country or currency not on its ISO list.
//!
//! **Why it matters.** An unknown code cannot be mapped; the field is left at its default or out.
//!
//! **How to fix it.** Check the publisher's codelist version; correct the code in the source.
//!
//! ## `iati_legacy_code`
//!
//! **What it means.** An IATI 1.x code or name (e.g. role `Funding`, transaction type `C`, date type `start-actual`) read as its 2.03 equivalent.
//!
//! **Why it matters.** Nothing is lost, but the source is older than the version it declares.
//!
//! **How to fix it.** Nothing to do; publishers should move to the 2.03 codes.
//!
//! ## `iati_invalid_date`
//!
//! **What it means.** A date that is not an ISO 8601 `YYYY-MM-DD` date; it is left out.
//!
//! **Why it matters.** Dates drive status against time, staleness and forecasts.
//!
//! **How to fix it.** Correct the date in the source or in the imported document.
//!
//! ## `iati_invalid_percentage`
//!
//! **What it means.** A sector or country percentage that is not a number from 0 to 100; it is left out.
//!
//! **Why it matters.** Shares decide the main sector and country.
//!
//! **How to fix it.** Correct the percentage in the source.
//!
//! ## `iati_missing_element`
//!
//! **What it means.** An element or attribute the standard requires is missing (an identifier, a title, a period date, ...).
//!
//! **Why it matters.** The imported programme lacks something the rest of the crate expects; a default is used where one is documented.
//!
//! **How to fix it.** Complete the source, or fill the field in the imported document.
//!
//! ## `iati_mixed_currency`
//!
//! **What it means.** Budgets or transactions in several currencies; only amounts in the activity's main (default) currency are summed.
//!
//! **Why it matters.** The crate never converts currencies: exchange rates are a choice the analyst must make and publish.
//!
//! **How to fix it.** Convert the amounts at a documented rate and add them to the imported document.
//!
//! ## `iati_amount_rounded`
//!
//! **What it means.** An amount with more than four decimal places, rounded to four.
//!
//! **Why it matters.** Money is kept exactly to four decimals; the rounding is at most 0.00005 units.
//!
//! **How to fix it.** Nothing to do in most cases.
//!
//! ## `iati_no_ssr_component`
//!
//! **What it means.** An activity with results but no DAC sector that maps onto an SSR pillar. Its indicators are kept in a component of pillar `unclassified` (or of the pillar given with `--fallback-pillar`), named after the activity's main DAC sector.
//!
//! **Why it matters.** Indicators belong to components (pillars); guessing the pillar would distort component scores, and dropping the results would lose them.
//!
//! **How to fix it.** Assign the component to its pillar by hand when you know it, or leave it unclassified.
//!
//! ## `iati_not_imported`
//!
//! **What it means.** Data the model has no place for: a sector vocabulary other than DAC 5-digit, a second baseline, a disaggregated baseline.
//!
//! **Why it matters.** Nothing is dropped silently: this finding records what was left out.
//!
//! **How to fix it.** If the data matters, add it to the imported document in the model's terms.
//!
//! ## `iati_duplicate_activity`
//!
//! **What it means.** Two activities of the files imported together have one `iati-identifier` (the same activity published twice, or saved at two dates). The one with the latest `last-updated-datetime` is kept and the other dropped; the finding names both files and lines. When the dates are equal or unknown, the one read first is kept and the finding is a warning, since which version is current cannot be told.
//!
//! **Why it matters.** Counting one activity twice doubles its money and its results in every total and ranking.
//!
//! **How to fix it.** Nothing to do when the dates decide. On a warning, check which file holds the current version and import that one.
//!
//! ## `iati_unreadable_file`
//!
//! **What it means.** A file of a multi-file import that cannot be read as IATI activity XML: empty, an HTML or JSON error page saved instead of the data, malformed or truncated XML, another root element or an unsupported version. The message names the file and the line. Activities read before the problem are kept; the other files import normally.
//!
//! **Why it matters.** Bulk downloads often contain error pages and cut-off files; one of them must neither stop the import nor pass unnoticed.
//!
//! **How to fix it.** Download the file again, or leave it out.

#[cfg(test)]
mod tests {
    use super::super::Code;

    /// Every code has a section of its own in the catalogue.
    #[test]
    fn every_code_is_catalogued() {
        let text = include_str!("catalogue.rs");
        for code in Code::ALL {
            let heading = format!("//! ## `{}`\n", code.as_str());
            assert!(text.contains(&heading), "no catalogue section for {code}");
            let row = format!("//! | [`{code}`](#{code}) |");
            assert!(text.contains(&row), "no catalogue table row for {code}");
        }
    }
}
