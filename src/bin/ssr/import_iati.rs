//! `ssr import-iati`: an IATI 2.03 activity file as a portfolio document or
//! tidy CSV.

use std::io::Write;
use std::path::Path;

use clap::{Args, ValueEnum};
use ssr_model::interop::iati::{Filter, Import, ImportOptions};
use ssr_model::validate::Severity;
use ssr_model::{Country, Pillar};

use crate::input::{self, Input};
use crate::{Failure, write_failure};

/// What to write on standard output.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// A portfolio JSON document.
    Json,
    /// A tidy CSV table (see --table).
    Csv,
}

/// Which CSV table to write.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Table {
    /// One row per programme.
    Programmes,
    /// One row per indicator period.
    Indicators,
    /// One row per import finding.
    Findings,
}

/// Import an IATI 2.01–2.03 activity file.
///
/// The portfolio (or a CSV table) goes to standard output; import findings
/// go to standard error, one per line, then a summary line. Exit code 0
/// when the file was read (findings or not), 2 when it cannot be read as an
/// IATI activity file.
#[derive(Args)]
pub(crate) struct ImportIati {
    #[command(flatten)]
    input: Input,
    /// Keep activities with a DAC sector code starting with PREFIX (e.g. 152); repeatable.
    #[arg(long = "sector", value_name = "PREFIX")]
    sectors: Vec<String>,
    /// Keep programmes in this country (ISO 3166-1 alpha-3, e.g. SOM).
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// Keep activities reported by this organisation identifier (e.g. GB-GOV-1).
    #[arg(long, value_name = "REF")]
    reporting_org: Option<String>,
    /// Read narratives in this language (xml:lang, e.g. fr) where given.
    #[arg(long, value_name = "LANG")]
    language: Option<String>,
    /// Place activities without a recipient country in this country (ISO3) instead of leaving them out.
    #[arg(long, value_name = "ISO3")]
    fallback_country: Option<String>,
    /// Keep the indicators of activities without an SSR sector, in a component of this pillar (e.g. security_system_governance).
    #[arg(long, value_name = "PILLAR")]
    fallback_pillar: Option<Pillar>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// With --format csv, the table to write [default: programmes].
    #[arg(long, value_enum)]
    table: Option<Table>,
}

fn country(flag: &str, code: &str) -> Result<Country, Failure> {
    Country::new(code).map_err(|e| Failure::input(format!("--{flag}: {e}")))
}

impl ImportIati {
    fn options(&self) -> Result<ImportOptions, Failure> {
        let mut filter = Filter::new();
        for prefix in &self.sectors {
            filter = filter
                .with_sector_prefix(prefix)
                .map_err(|e| Failure::input(format!("--sector: {e}")))?;
        }
        if let Some(c) = &self.country {
            filter = filter.with_country(country("country", c)?);
        }
        if let Some(r) = &self.reporting_org {
            filter = filter.with_reporting_org(r.as_str());
        }
        let mut options = ImportOptions::new().with_filter(filter);
        if let Some(l) = &self.language {
            options = options.with_language(l.as_str());
        }
        if let Some(c) = &self.fallback_country {
            options = options.with_fallback_country(country("fallback-country", c)?);
        }
        if let Some(pillar) = self.fallback_pillar {
            options = options.with_fallback_pillar(pillar);
        }
        Ok(options)
    }

    /// The CSV table to write, or `None` for JSON; `--table` needs
    /// `--format csv`.
    fn table(&self) -> Result<Option<Table>, Failure> {
        match (self.format, self.table) {
            (Format::Csv, table) => Ok(Some(table.unwrap_or(Table::Programmes))),
            (Format::Json, None) => Ok(None),
            (Format::Json, Some(_)) => Err(Failure::input(
                "--table chooses a CSV table: give --format csv with it",
            )),
        }
    }
}

fn import(path: &Path, options: &ImportOptions) -> Result<(String, Import), Failure> {
    let (name, result) = if path == Path::new("-") {
        (
            "<stdin>".to_owned(),
            options.import(std::io::stdin().lock()),
        )
    } else {
        (path.display().to_string(), options.import_path(path))
    };
    result
        .map(|import| (name.clone(), import))
        .map_err(|e| Failure::input(format!("{name}: {e}")))
}

pub(crate) fn run(args: &ImportIati, out: &mut impl Write) -> Result<u8, Failure> {
    let options = args.options()?;
    let table = args.table()?;
    let policy = input::validation_policy(args.input.policy.as_deref())?;
    let (name, mut import) = import(&args.input.file, &options)?;
    import.report.apply(&policy);
    let file_name = args
        .input
        .file
        .file_name()
        .map_or_else(|| name.clone(), |f| f.to_string_lossy().into_owned());
    import.portfolio.name = Some(format!("IATI import of {file_name}"));
    match table {
        None => {
            ssr_model::document::to_writer_pretty(&mut *out, &import.portfolio)
                .map_err(write_failure)?;
            writeln!(out).map_err(write_failure)?;
        }
        Some(Table::Programmes) => {
            ssr_model::interop::csv::write_programmes(&mut *out, &import.portfolio)
                .map_err(write_failure)?;
        }
        Some(Table::Indicators) => {
            ssr_model::interop::csv::write_indicators(&mut *out, &import.portfolio)
                .map_err(write_failure)?;
        }
        Some(Table::Findings) => {
            ssr_model::interop::csv::write_findings(&mut *out, &import.report)
                .map_err(write_failure)?;
        }
    }
    let mut err = std::io::stderr().lock();
    if table != Some(Table::Findings) {
        for finding in import.report.findings() {
            let _ = writeln!(err, "{finding}");
        }
    }
    let _ = writeln!(
        err,
        "{name}: {} activities read, {} left out by the filter, {} programmes imported; {} errors, {} warnings, {} advice",
        import.activities,
        import.filtered_out,
        import.portfolio.programmes.len(),
        import.report.count(Severity::Error),
        import.report.count(Severity::Warning),
        import.report.count(Severity::Advice),
    );
    Ok(0)
}
