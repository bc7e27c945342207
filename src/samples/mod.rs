//! Sample data: an illustrative portfolio drawn from SSR case studies, and a
//! synthetic generator of portfolios of any size for benchmarks and tests.
//!
//! **The figures in the sample portfolio are illustrative.** The programmes
//! follow the shape of the reforms the SSR literature describes (Liberia,
//! Sierra Leone, Bosnia and Herzegovina, Tunisia, Colombia, Mali, South
//! Africa), but their budgets, indicator values, ratings and dates are
//! invented for demonstration and must not be cited as data. Institutions
//! are named so the programmes read as SSR practice; the stances and
//! figures given to them are invented too.
//!
//! # The programmes
//!
//! Every programme has objectives; stakeholders of several kinds and stances
//! (champions, opposed actors, civil society, oversight bodies, international
//! partners, national accountable and implementing actors); weighted
//! components linked to objectives and led by a stakeholder; a risk register
//! whose challenges name the components they threaten and the stakeholders
//! behind them, with owned mitigations; indicators with a dated baseline, a
//! data source and three or more dated periods; and an evaluation on the six
//! OECD DAC criteria.
//!
//! | Programme | Context | Phase | Money |
//! |---|---|---|---|
//! | Liberia: AFL and LNP rebuilding, UNMIL and after | peace operation | review | USD |
//! | Sierra Leone: post-war SSR (ONS, IMATT, LPPBs, DDR) | peace operation | closed (2013) | GBP |
//! | Bosnia and Herzegovina: defence reform, state-level police, oversight | military diplomacy | implementation | EUR |
//! | Tunisia: internal security reform and oversight after 2011 | development cooperation | implementation | EUR |
//! | Colombia: security and reincorporation after the 2016 agreement | civil-military operation | implementation | USD |
//! | Mali: defence reform with MINUSMA and EUTM | peace operation | suspended | EUR |
//! | South Africa: police and defence oversight (IPID, Civilian Secretariat) | development cooperation | implementation | ZAR |
//!
//! # Findings the sample carries on purpose
//!
//! The sample validates with no error-level finding. A real portfolio is
//! never spotless, so some programmes carry the weaknesses real programmes
//! have, and a validation report of the sample reads like one of a real
//! portfolio:
//!
//! - **South Africa** — `single_funder`: the reform is funded from the
//!   national budget alone (National Treasury); international partners
//!   advise but do not fund.
//! - **Bosnia and Herzegovina** — `no_gender_dimension`: as in much early
//!   defence and police reform, there is no gender marker, no gender
//!   component, no women's organisation among the stakeholders and no
//!   sex-disaggregated indicator.
//! - **Colombia** — `quantitative_only`: every indicator is a count or a
//!   percentage from administrative data, surveys or oversight reports.
//! - **Tunisia** — `unmitigated_resistance`: the internal security forces'
//!   unions are a resistant stakeholder of influence 5 that no challenge in
//!   the risk register addresses.
//! - **Mali** — suspended after the 2020 and 2021 coups: the periods of
//!   2022–2023 of its quantitative indicators have no actual
//!   (`missing_value`). Its latest actuals date from 2021, but `stale_data`
//!   sets suspended programmes aside, so none is reported.
//! - **Sierra Leone** — closed in 2013: its latest actuals date from 2012,
//!   so a `stale_data` check that does not set closed programmes aside
//!   reports it. `objective_output_only`: reintegration is measured by the
//!   ex-combatants who completed support, not by whether they earn a
//!   living, the common critique of DDR monitoring.
//! - **Liberia** — `objective_output_only`: national ownership is measured
//!   only by the county security councils meeting, an output.
//! - **Tunisia** — `breakdown_sum`: the 2024–25 training returns left the
//!   sex of 120 trainees unrecorded, so women and men trained fall short of
//!   the total.
//! - **Mali** — `outcome_without_outputs`: its DDR and defence-governance
//!   components track outcomes only; their output monitoring stopped with
//!   the suspension.
//!
//! # The results chain
//!
//! Every objective is measured: most through their components' indicators,
//! some by indicators that name them (Liberia's women in the AFL measures
//! the gender objective, a specific objective under the professional
//! forces). Objectives are measured at output, outcome and impact level;
//! data sources run from independent oversight reports and surveys to
//! administrative records and programme monitoring. Five programmes break
//! results down by sex, with the categories' own baselines: counts
//! (Liberia's police officers, Tunisia's trainees) whose women and men add
//! up to the total, but for Tunisia's last period, and rates (Sierra Leone's
//! and South Africa's trust, Colombia's productive projects) for women and
//! men, which are not shares and are not summed.
//!
//! Apart from these, the programmes are built to be clean of the
//! SSR-practice codes: every programme has civil society, oversight and a
//! national accountable or implementing actor; every component has
//! indicators and every indicator a baseline; every opposed stakeholder of
//! the other programmes is named by a challenge with a mitigation; every
//! challenge has a mitigation; the ongoing programmes report an actual for
//! 2024 or 2025 on every indicator. Liberia, Sierra Leone, Tunisia and South
//! Africa also show missing actuals, on ordinal indicators (an assessment
//! skipped in one period), which no code flags.

mod build;
mod synthetic;

mod bosnia;
mod colombia;
mod liberia;
mod mali;
mod sierra_leone;
mod south_africa;
mod tunisia;

pub use synthetic::{Synthetic, synthetic};

use crate::{Portfolio, Programme, ValueError};

/// The name of the sample portfolio.
const NAME: &str = "Illustrative SSR portfolio (sample data)";

/// The builders of the sample programmes, in the portfolio's order.
const PROGRAMMES: [fn() -> Result<Programme, ValueError>; 7] = [
    liberia::programme,
    sierra_leone::programme,
    bosnia::programme,
    tunisia::programme,
    colombia::programme,
    mali::programme,
    south_africa::programme,
];

/// The embedded sample portfolio of SSR programmes (illustrative figures),
/// built with every value checked.
///
/// Ids are derived from fixed names (`sample/<country>/...`), so the
/// portfolio is the same on every call and every machine.
///
/// ```
/// let portfolio = ssr_model::samples::try_portfolio()?;
/// assert_eq!(portfolio.programmes.len(), 7);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
///
/// # Errors
///
/// The first [`ValueError`] met while building a programme. The sample's
/// values are fixed, so this does not happen; the tests assert it.
pub fn try_portfolio() -> Result<Portfolio, ValueError> {
    PROGRAMMES
        .iter()
        .try_fold(Portfolio::new().with_name(NAME), |portfolio, build| {
            Ok(portfolio.with_programme(build()?))
        })
}

/// The embedded sample portfolio of SSR programmes (illustrative figures).
///
/// All seven sample programmes, as [`try_portfolio`] builds them. Ids are
/// derived from fixed names, so the portfolio is the same on every call and
/// every machine.
///
/// ```
/// let portfolio = ssr_model::samples::portfolio();
/// assert_eq!(portfolio.programmes.len(), 7);
/// assert_eq!(portfolio, ssr_model::samples::portfolio());
/// ```
#[expect(
    clippy::expect_used,
    reason = "the sample's values are fixed; the test \
              `samples::tests::the_sample_builds` runs try_portfolio"
)]
pub fn portfolio() -> Portfolio {
    // Once this dropped a programme that failed to build; now a sample
    // that no longer builds fails every test that loads it.
    try_portfolio().expect("the embedded sample builds (see samples::tests)")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sample_builds() {
        let portfolio = super::try_portfolio().unwrap();
        assert_eq!(portfolio.programmes.len(), super::PROGRAMMES.len());
        assert_eq!(portfolio, super::portfolio());
    }
}
