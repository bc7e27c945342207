//! The money options shared by `ssr score` and `ssr rank`: a user's
//! exchange-rate table and the reporting currency of the finance measures.

use std::io::BufReader;
use std::path::PathBuf;

use ssr_model::Currency;
use ssr_model::Scorer;
use ssr_model::score::policy::{FinancePolicy, ScoringPolicy};

use crate::Failure;

/// Exchange rates and reporting currency.
#[derive(clap::Args)]
pub(crate) struct MoneyArgs {
    /// Exchange rates, a CSV file with the header `date,currency,rate`: units of the currency per unit of --rates-base, the latest rate on or before a value date applies. Never fetched, never guessed.
    #[arg(long, value_name = "FILE", requires = "rates_base")]
    rates: Option<PathBuf>,
    /// The base currency of --rates (ISO 4217, e.g. USD).
    #[arg(long, value_name = "CUR", requires = "rates")]
    rates_base: Option<String>,
    /// Give every programme's finance measures in this currency (ISO 4217); money without a usable rate is reported, not counted.
    #[arg(long, value_name = "CUR")]
    currency: Option<String>,
}

fn currency(flag: &str, code: &str) -> Result<Currency, Failure> {
    code.parse()
        .map_err(|e| Failure::input(format!("--{flag}: {e}")))
}

impl MoneyArgs {
    /// Sets the policy's reporting currency, when given.
    pub(crate) fn apply(&self, policy: &mut ScoringPolicy) -> Result<(), Failure> {
        if let Some(code) = &self.currency {
            policy.finance = FinancePolicy::default().with_currency(currency("currency", code)?);
        }
        Ok(())
    }

    /// The scorer with the rates, when given.
    pub(crate) fn rates(&self, scorer: Scorer) -> Result<Scorer, Failure> {
        let (Some(path), Some(base)) = (&self.rates, &self.rates_base) else {
            return Ok(scorer);
        };
        let base = currency("rates-base", base)?;
        let file = std::fs::File::open(path)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
        let rates = ssr_model::tables::read_rates(base, BufReader::new(file))
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
        Ok(scorer.with_rates(rates))
    }
}
