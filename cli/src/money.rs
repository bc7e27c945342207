//! The money options shared by `ssr score`, `ssr rank` and `ssr export`: a
//! user's exchange-rate table, the reporting currency of the finance
//! measures, and which DAC sectors count as SSR in the flows.

use std::io::BufReader;
use std::path::PathBuf;

use ssr_model::Currency;
use ssr_model::Scorer;
use ssr_model::model::ExchangeRates;
use ssr_model::score::policy::{ScoringPolicy, SsrSectors};

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
    /// Give every programme's finance measures in this currency (ISO 4217); money without a usable rate is reported, not counted. The flows keep every amount in its own currency and add the converted amount beside it.
    #[arg(long, value_name = "CUR")]
    currency: Option<String>,
    /// Count as SSR, in the flows' `ssr_amount`, the DAC codes starting with PREFIX (repeatable, e.g. --ssr-sector 152 --ssr-sector 1513). Default 152: DAC purpose codes 152xx (vocabulary 1) and the DAC category 152 (vocabulary 2); other vocabularies never count.
    #[arg(long = "ssr-sector", value_name = "PREFIX")]
    ssr_sectors: Vec<String>,
}

fn currency(flag: &str, code: &str) -> Result<Currency, Failure> {
    code.parse()
        .map_err(|e| Failure::input(format!("--{flag}: {e}")))
}

impl MoneyArgs {
    /// Sets the policy's reporting currency and SSR sectors, when given.
    pub(crate) fn apply(&self, policy: &mut ScoringPolicy) -> Result<(), Failure> {
        if let Some(code) = &self.currency {
            policy.finance.currency = Some(currency("currency", code)?);
        }
        if !self.ssr_sectors.is_empty() {
            policy.finance.ssr_sectors = SsrSectors::from_prefixes(&self.ssr_sectors)
                .map_err(|e| Failure::input(format!("--ssr-sector: {e}")))?;
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
        let rates = ExchangeRates::from_csv_reader(base, BufReader::new(file))
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
        Ok(scorer.with_rates(rates))
    }
}
