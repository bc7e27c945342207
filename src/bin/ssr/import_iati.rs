//! `ssr import-iati`: an IATI 2.03 activity file as a portfolio document or
//! tidy CSV.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use ssr_model::interop::iati::{Filter, Import, ImportOptions};
use ssr_model::validate::Severity;
use ssr_model::{Country, Pillar};

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
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Table {
    /// One row per programme.
    Programmes,
    /// One row per indicator period.
    Indicators,
    /// One row per import finding.
    Findings,
    /// One row per indicator period × breakdown category.
    Breakdowns,
}

/// Import an IATI 2.01–2.03 activity file.
///
/// The portfolio (or a CSV table) goes to standard output; import findings
/// go to standard error, one per line, then a summary line. Exit code 0
/// when the file was read (findings or not), 2 when it cannot be read as an
/// IATI activity file.
#[derive(Args)]
pub(crate) struct ImportIati {
    /// The IATI XML file, or `-` for standard input.
    file: PathBuf,
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
    fallback_pillar: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// With --format csv, the table to write.
    #[arg(long, value_enum, default_value = "programmes")]
    table: Table,
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
        if let Some(p) = &self.fallback_pillar {
            let pillar: Pillar = serde_json::from_value(serde_json::Value::String(p.clone()))
                .map_err(|_| {
                    Failure::input(format!(
                        "--fallback-pillar: expected a pillar in snake_case such as security_system_governance, found {p:?}"
                    ))
                })?;
            options = options.with_fallback_pillar(pillar);
        }
        Ok(options)
    }
}

fn import(path: &Path, options: &ImportOptions) -> Result<(String, Import), Failure> {
    let read = |name: String, reader: &mut dyn BufRead| {
        options
            .import(reader)
            .map(|import| (name.clone(), import))
            .map_err(|e| Failure::input(format!("{name}: {e}")))
    };
    if path == Path::new("-") {
        read("<stdin>".to_owned(), &mut std::io::stdin().lock())
    } else {
        let name = path.display().to_string();
        let file = std::fs::File::open(path)
            .map_err(|e| Failure::input(format!("{name}: cannot open: {e}")))?;
        read(name, &mut BufReader::with_capacity(1 << 16, file))
    }
}

pub(crate) fn run(args: &ImportIati, out: &mut impl Write) -> Result<u8, Failure> {
    let options = args.options()?;
    let (name, mut import) = import(&args.file, &options)?;
    let file_name = args
        .file
        .file_name()
        .map_or_else(|| name.clone(), |f| f.to_string_lossy().into_owned());
    import.portfolio.name = Some(format!("IATI import of {file_name}"));
    match (args.format, args.table) {
        (Format::Json, _) => {
            ssr_model::document::to_writer_pretty(&mut *out, &import.portfolio)
                .map_err(write_failure)?;
            writeln!(out).map_err(write_failure)?;
        }
        (Format::Csv, Table::Programmes) => {
            ssr_model::interop::csv::write_programmes(&mut *out, &import.portfolio)
                .map_err(write_failure)?;
        }
        (Format::Csv, Table::Indicators) => {
            ssr_model::interop::csv::write_indicators(&mut *out, &import.portfolio)
                .map_err(write_failure)?;
        }
        (Format::Csv, Table::Breakdowns) => {
            ssr_model::interop::csv::write_breakdowns(&mut *out, &import.portfolio)
                .map_err(write_failure)?;
        }
        (Format::Csv, Table::Findings) => {
            ssr_model::interop::csv::write_findings(&mut *out, import.report.findings())
                .map_err(write_failure)?;
        }
    }
    let mut err = std::io::stderr().lock();
    if !matches!((args.format, args.table), (Format::Csv, Table::Findings)) {
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
