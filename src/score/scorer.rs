//! The scorer: a checked policy, and the entry points of scoring.

use super::RecipientFlow;
use super::as_of;
use super::comparison::compare;
use super::evaluation::score_latest;
use super::finance::score_finance;
use super::indicator::score_indicator;
use super::programme_score::{score_component, score_programme};
use super::rank::rank_uncertainty;
use super::results::score_results;
use super::risk::score_risks;
use super::stakeholders::score_stakeholders;
use super::{
    ComponentScore, EvaluationScore, Evidence, FinanceProfile, IndicatorScore, PolicyError,
    ProgrammeCard, ProgrammeScore, RankUncertainty, ResultsProfile, RiskProfile, Scorecard,
    ScoringPolicy, StakeholderProfile,
};
use crate::diagnostics::Finding;
use crate::{Component, ExchangeRates, Indicator, Portfolio, Programme};

/// Scores portfolios under a checked [`ScoringPolicy`].
///
/// A `Scorer` holds a policy that passed [`ScoringPolicy::check`], so every
/// scoring function is infallible and pure: the same model and policy give
/// the same result, bit for bit.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::ScoringPolicy;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let portfolio = synthetic(&Synthetic::new(3).with_components(2).with_indicators(2).with_periods(4));
/// let scorer = Scorer::new(ScoringPolicy::default())?;
/// let card = scorer.scorecard(&portfolio);
/// assert_eq!(card.programmes.len(), 3);
/// for p in &card.programmes {
///     let s = p.progress.score.unwrap();
///     assert!((0.0..=1.0).contains(&s));
/// }
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scorer {
    policy: ScoringPolicy,
    /// Threads of the Monte Carlo; `None`: every core.
    threads: Option<usize>,
    rates: Option<ExchangeRates>,
}

impl Scorer {
    /// A scorer for `policy`.
    ///
    /// # Errors
    ///
    /// When [`ScoringPolicy::check`] refuses the policy.
    pub fn new(policy: ScoringPolicy) -> Result<Self, PolicyError> {
        policy.check()?;
        Ok(Scorer {
            policy,
            threads: None,
            rates: None,
        })
    }

    /// Returns the scorer converting money through `rates` into the
    /// policy's reporting currency ([`FinancePolicy`](super::FinancePolicy)).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ssr_model::score::policy::{FinancePolicy, ScoringPolicy};
    /// use ssr_model::Scorer;
    /// use ssr_model::{Country, Money, Programme};
    /// use ssr_model::model::{ExchangeRates, Transaction, TransactionType};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    /// let usd = "USD".parse()?;
    /// let rates = ExchangeRates::new(usd).with_rate(day, "EUR".parse()?, "0.8".parse()?)?;
    /// let mut policy = ScoringPolicy::default();
    /// policy.finance = FinancePolicy::default().with_currency(usd);
    /// let scorer = Scorer::new(policy)?.with_rates(rates);
    ///
    /// let p = Programme::new("Police reform", Country::new("LBR")?)
    ///     .with_transaction(Transaction::new(TransactionType::Disbursement, day, Money::parse("800", "EUR")?, day));
    /// let finance = scorer.finance(&p);
    /// assert_eq!(finance.disbursed, Some(1000.0));
    /// assert!(finance.findings.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_rates(mut self, rates: ExchangeRates) -> Self {
        self.rates = Some(rates);
        self
    }

    /// The exchange rates, when given.
    pub fn rates(&self) -> Option<&ExchangeRates> {
        self.rates.as_ref()
    }

    /// A programme's financial measures.
    pub fn finance(&self, programme: &Programme) -> FinanceProfile {
        let programme = as_of::programme(programme, self.policy.as_of);
        score_finance(&programme, &self.policy, self.rates.as_ref())
    }

    /// A programme's transactions by recipient, year, type and currency,
    /// whole and SSR ([`RecipientFlow`] states the rules), converted beside
    /// them into the finance currency when there are exchange rates or a
    /// finance currency; with the money no rate converts, kept in its own
    /// currency (`no_exchange_rate` findings, paths relative to the
    /// programme).
    pub fn recipient_flows(&self, programme: &Programme) -> (Vec<RecipientFlow>, Vec<Finding>) {
        let none = std::collections::BTreeSet::new();
        let programme = as_of::programme(programme, self.policy.as_of);
        super::flows::recipient_flows(&programme, &self.policy, self.rates.as_ref(), &none)
    }

    /// [`recipient_flows`](Self::recipient_flows) of a programme of
    /// `portfolio`, marking the money passed to or from another of its
    /// activities ([`RecipientFlow::internal_transfer`]): leave those rows
    /// out for flows net of transfers inside the portfolio.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ssr_model::{Country, Money, Portfolio, Programme, Scorer};
    /// use ssr_model::model::{Transaction, TransactionType};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap();
    /// let gbp = |x: &str| Money::parse(x, "GBP").unwrap();
    /// let mut donor = Programme::new("donor", Country::new("LBR")?);
    /// donor.external_id = Some("XM-DONOR".into());
    /// let donor = donor.with_transaction(
    ///     Transaction::new(TransactionType::Disbursement, day, gbp("1000"), day)
    ///         .with_receiver_activity("XM-IMPLEMENTER"),
    /// );
    /// let mut implementer = Programme::new("implementer", Country::new("LBR")?);
    /// implementer.external_id = Some("XM-IMPLEMENTER".into());
    /// let implementer = implementer.with_transaction(
    ///     Transaction::new(TransactionType::Expenditure, day, gbp("1000"), day),
    /// );
    /// let portfolio = Portfolio::new().with_programme(donor).with_programme(implementer);
    /// let scorer = Scorer::default();
    /// let (paid, _) = scorer.recipient_flows_in(&portfolio.programmes[0], &portfolio);
    /// let (spent, _) = scorer.recipient_flows_in(&portfolio.programmes[1], &portfolio);
    /// // Gross 2,000; net of the transfer to the implementer, 1,000 once.
    /// assert!(paid[0].internal_transfer && !spent[0].internal_transfer);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn recipient_flows_in(
        &self,
        programme: &Programme,
        portfolio: &Portfolio,
    ) -> (Vec<RecipientFlow>, Vec<Finding>) {
        self.recipient_flows_among(programme, &super::flows::activity_ids(portfolio))
    }

    /// [`recipient_flows_in`](Self::recipient_flows_in) with the
    /// portfolio's activity identifiers gathered once.
    pub(crate) fn recipient_flows_among(
        &self,
        programme: &Programme,
        ids: &std::collections::BTreeSet<&str>,
    ) -> (Vec<RecipientFlow>, Vec<Finding>) {
        let programme = as_of::programme(programme, self.policy.as_of);
        super::flows::recipient_flows(&programme, &self.policy, self.rates.as_ref(), ids)
    }

    /// Returns `self` running [`rank_uncertainty`](Self::rank_uncertainty)
    /// on `threads` threads (0 counts as 1) instead of every core. The
    /// results are the same bit for bit for any number.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::samples::{Synthetic, synthetic};
    ///
    /// let portfolio = synthetic(&Synthetic::new(30).with_components(2).with_indicators(1).with_periods(2));
    /// let card = Scorer::default().scorecard(&portfolio);
    /// let one = Scorer::default().with_threads(1).rank_uncertainty(&card);
    /// let three = Scorer::default().with_threads(3).rank_uncertainty(&card);
    /// assert_eq!(one, three);
    /// ```
    #[must_use]
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = Some(threads.max(1));
        self
    }

    /// The policy.
    pub fn policy(&self) -> &ScoringPolicy {
        &self.policy
    }

    /// One indicator's progress, status and forecast (its weights are 0:
    /// they are shares of a programme).
    pub fn indicator(&self, indicator: &Indicator) -> IndicatorScore {
        score_indicator(
            &as_of::indicator(indicator, self.policy.as_of),
            &self.policy,
        )
    }

    /// One component's score, as if it were the whole programme.
    pub fn component(&self, component: &Component) -> ComponentScore {
        score_component(
            &as_of::component(component, self.policy.as_of),
            &self.policy,
        )
    }

    /// A programme's results score.
    pub fn programme(&self, programme: &Programme) -> ProgrammeScore {
        score_programme(
            &as_of::programme(programme, self.policy.as_of),
            &self.policy,
        )
    }

    /// A programme's risk profile.
    pub fn risk(&self, programme: &Programme) -> RiskProfile {
        score_risks(programme, &self.policy.risk)
    }

    /// A programme's stakeholder analysis.
    pub fn stakeholders(&self, programme: &Programme) -> StakeholderProfile {
        score_stakeholders(programme, &self.policy.stakeholders)
    }

    /// A programme's latest evaluation, scored; `None` without evaluations.
    pub fn evaluation(&self, programme: &Programme) -> Option<EvaluationScore> {
        score_latest(
            programme,
            self.policy.as_of,
            &self.policy.evaluation,
            self.policy.zero_floor.get(),
        )
    }

    /// A programme's results chain: progress by level and per objective,
    /// evidence grade, disaggregated progress and the gender gap.
    pub fn results(&self, programme: &Programme) -> ResultsProfile {
        let programme = as_of::programme(programme, self.policy.as_of);
        score_results(&programme, &self.programme(&programme), &self.policy)
    }

    /// Every score of one programme.
    pub fn card(&self, programme: &Programme) -> ProgrammeCard {
        // Cut once here; nothing below cuts again.
        let programme = &*as_of::programme(programme, self.policy.as_of);
        self.card_of_known(
            programme,
            self.risk(programme),
            self.stakeholders(programme),
        )
    }

    /// The card of a programme already cut to what is known on the
    /// policy's date, with its risk and stakeholder profiles (which no
    /// date changes) given.
    pub(super) fn card_of_known(
        &self,
        programme: &Programme,
        risk: RiskProfile,
        stakeholders: StakeholderProfile,
    ) -> ProgrammeCard {
        let progress = score_programme(programme, &self.policy);
        let mut card = ProgrammeCard {
            id: programme.id,
            name: programme.name.clone(),
            recipients: programme.recipients.clone(),
            results: score_results(programme, &progress, &self.policy),
            progress,
            risk,
            stakeholders,
            evaluation: score_latest(
                programme,
                self.policy.as_of,
                &self.policy.evaluation,
                self.policy.zero_floor.get(),
            ),
            finance: score_finance(programme, &self.policy, self.rates.as_ref()),
            evidence: Evidence::default(),
        };
        card.evidence = Evidence::of(&card);
        card
    }

    /// This scorer judging as of `date` (the policy's `as_of` replaced).
    pub(super) fn at(&self, date: chrono::NaiveDate) -> Scorer {
        Scorer {
            policy: self.policy.clone().with_as_of(date),
            threads: self.threads,
            rates: self.rates.clone(),
        }
    }

    /// The threads of the Monte Carlo.
    pub(super) fn thread_count(&self) -> usize {
        self.threads
            .unwrap_or_else(super::engine::available_threads)
    }

    /// The scorecard of a portfolio: every programme's card and the
    /// comparison table, without rank uncertainty (see
    /// [`rank_uncertainty`](Self::rank_uncertainty)).
    pub fn scorecard(&self, portfolio: &Portfolio) -> Scorecard {
        let programmes: Vec<ProgrammeCard> =
            portfolio.programmes.iter().map(|p| self.card(p)).collect();
        let comparison = compare(&programmes, &self.policy);
        Scorecard {
            as_of: self.policy.as_of,
            policy: self.policy.clone(),
            programmes,
            comparison,
            uncertainty: None,
        }
    }

    /// The scorecard of a portfolio with the Monte Carlo uncertainty of its
    /// ranks: [`scorecard`](Self::scorecard) and
    /// [`rank_uncertainty`](Self::rank_uncertainty) under this one policy,
    /// so the run always matches the card.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::samples::{Synthetic, synthetic};
    ///
    /// let portfolio = synthetic(&Synthetic::new(4).with_components(2).with_indicators(1).with_periods(2));
    /// let scorer = Scorer::default();
    /// let card = scorer.rank(&portfolio);
    /// let ranks = card.uncertainty.as_ref().expect("rank runs the Monte Carlo");
    /// assert_eq!(ranks.replications, scorer.policy().uncertainty.replications);
    /// // The same as the two steps, bit for bit.
    /// let plain = scorer.scorecard(&portfolio);
    /// assert_eq!(ranks, &scorer.rank_uncertainty(&plain));
    /// ```
    pub fn rank(&self, portfolio: &Portfolio) -> Scorecard {
        let mut card = self.scorecard(portfolio);
        // Run under this scorer's policy on this card's comparison: the
        // agreement `Scorecard::with_uncertainty` checks holds by
        // construction.
        card.uncertainty = Some(self.rank_uncertainty(&card));
        card
    }

    /// The Monte Carlo rank uncertainty of a scorecard's programmes under
    /// this scorer's policy (see [`UncertaintyPolicy`](super::policy::UncertaintyPolicy)).
    pub fn rank_uncertainty(&self, scorecard: &Scorecard) -> RankUncertainty {
        rank_uncertainty(
            &scorecard.programmes,
            &scorecard.comparison,
            &self.policy,
            self.thread_count(),
        )
    }

    /// The variance-based sensitivity analysis of the portfolio's ranking
    /// under this scorer's policy (its
    /// [`sensitivity`](super::policy::ScoringPolicy::sensitivity) section):
    /// the Sobol indices of each factor on the mean rank shift and on each
    /// ranked programme's rank and composite. `None` when the policy has
    /// no sensitivity section. The same for any number of threads, bit for
    /// bit.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::score::compare::Dimension;
    /// use ssr_model::score::policy::{ScoringPolicy, SensitivityFactor, SensitivityPolicy};
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// assert!(Scorer::default().sensitivity(&portfolio).is_none()); // opt-in
    /// let mut policy = ScoringPolicy::default();
    /// policy.sensitivity = Some(SensitivityPolicy::new(vec![
    ///     SensitivityFactor::Weight { dimension: Dimension::Risk, low: 0.0, high: 3.0 },
    ///     SensitivityFactor::OnTrackTolerance { low: 0.05, high: 0.25 },
    /// ]).with_samples(128));
    /// let result = Scorer::new(policy)?.sensitivity(&portfolio).ok_or("no analysis")?;
    /// // The tolerance sets statuses, not scores: it explains nothing.
    /// let tolerance = result.rows.iter().filter(|r| r.factor == "on_track_tolerance");
    /// assert!(tolerance.clone().all(|r| r.s_total == Some(0.0) || r.s_total.is_none()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sensitivity(
        &self,
        portfolio: &crate::Portfolio,
    ) -> Option<super::sensitivity::Sensitivity> {
        self.policy.sensitivity.as_ref()?;
        let threads = self
            .threads
            .unwrap_or_else(super::engine::available_threads);
        let card = self.scorecard(portfolio);
        super::sensitivity::of_portfolio(
            portfolio,
            &card.programmes,
            &card.comparison,
            &self.policy,
            threads,
        )
    }
}
