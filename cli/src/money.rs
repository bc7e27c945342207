//! The money options shared by `ssr score`, `ssr rank` and `ssr export`: a
//! user's exchange-rate table, the reporting currency of the finance
//! measures, and which DAC sectors count as SSR in the flows.

use std::path::PathBuf;

use ssr_model::Currency;
use ssr_model::score::ScorerOptions;
use ssr_model::score::policy::SsrSectors;

use crate::Failure;

/// Exchange rates and reporting currency.
#[derive(clap::Args)]
pub(crate) struct MoneyArgs {
    /// Exchange rates, a CSV file with the header `date,currency,rate`: units of the currency per unit of --rates-base, the latest rate on or before a value date applies. Never fetched, never guessed. Rates are read as exact decimals (1e-15 to 1e15, at most 18 decimal places); a flow's converted amount is amount ÷ rate(from) × rate(to) computed exactly and rounded once, half to even, to the ten-thousandth.
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
    /// `options` with the reporting currency, the SSR sectors and the rates
    /// file, when given.
    pub(crate) fn add_to(&self, mut options: ScorerOptions) -> Result<ScorerOptions, Failure> {
        if let Some(code) = &self.currency {
            options = options.with_currency(currency("currency", code)?);
        }
        if !self.ssr_sectors.is_empty() {
            let sectors = SsrSectors::from_prefixes(&self.ssr_sectors)
                .map_err(|e| Failure::input(format!("--ssr-sector: {e}")))?;
            options = options.with_ssr_sectors(sectors);
        }
        if let (Some(path), Some(base)) = (&self.rates, &self.rates_base) {
            options = options.with_rates_file(path, currency("rates-base", base)?);
        }
        Ok(options)
    }
}
