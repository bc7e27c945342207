//! `ssr import-iati`: an IATI 2.03 activity file as a portfolio document or
//! tidy CSV.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use ssr_model::Finding;
use ssr_model::diagnostics::Code;
use ssr_model::interop::iati::{Corpus, CorpusImport, Filter, ImportOptions};
use ssr_model::model::Pillar;
use ssr_model::tables::{Source, TableName};
use ssr_model::{Country, Region, Scorer};

use crate::findings::{self, FindingsArgs};
use crate::input;
use crate::text::count;
use crate::{Failure, progress, write_failure};

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
    /// One row per indicator, with its baseline.
    Indicators,
    /// One wide row per indicator period (or indicator without periods).
    #[value(name = "indicator_periods")]
    IndicatorPeriods,
    /// One row per import finding.
    Findings,
    /// One row per indicator period × breakdown category.
    Breakdowns,
}

/// Import IATI 2.01–2.03 activity files as one portfolio.
///
/// Files are read in parallel; activities published twice (one
/// iati-identifier) are kept once, the latest last-updated-datetime winning.
/// The portfolio (or a CSV table) goes to standard output; on standard
/// error, the import findings summarised by code (every one with
/// --verbose or --findings FILE), then a line of counts (and a progress
/// bar while reading, when standard error is a terminal). Exit code 0, or 1
/// when a finding is an error (as `ssr validate`); 2, with nothing written,
/// when a path is missing or a file is not an IATI activity file.
#[derive(Args)]
pub(crate) struct ImportIati {
    /// IATI XML files, folders (every *.xml inside, recursively), or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// A validation policy file (JSON) setting the level of import codes
    /// (`ssr schema validation-policy`); every field is optional.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Keep activities with a DAC sector code starting with PREFIX (e.g. 152); repeatable.
    #[arg(long = "sector", value_name = "PREFIX")]
    sectors: Vec<String>,
    /// Keep programmes with this recipient country (alpha-3 such as SOM, or IATI's alpha-2 such as SO or XK), alone or among others.
    #[arg(long, value_name = "CODE")]
    country: Option<String>,
    /// Keep programmes with this recipient region (IATI Region code, e.g. 298 Africa, regional).
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    /// Keep activities reported by this organisation identifier (e.g. GB-GOV-1).
    #[arg(long, value_name = "REF")]
    reporting_org: Option<String>,
    /// Read narratives in this language (xml:lang, e.g. fr) where given.
    #[arg(long, value_name = "LANG")]
    language: Option<String>,
    /// Override: give activities that name no recipient at all (activity or transaction level) this country (ISO3). Without it they import with no recipient.
    #[arg(long, value_name = "ISO3")]
    fallback_country: Option<String>,
    /// Override: put the results of activities without an SSR sector in a component of this pillar (e.g. security_system_governance) instead of `unclassified`.
    #[arg(long, value_name = "PILLAR")]
    fallback_pillar: Option<Pillar>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// With --format csv, the table to write [default: programmes].
    #[arg(long, value_enum)]
    table: Option<Table>,
    #[command(flatten)]
    findings: FindingsArgs,
}

fn country(flag: &str, code: &str) -> Result<Country, Failure> {
    Country::new(code)
        .ok()
        .or_else(|| Country::from_alpha2(&code.trim().to_ascii_uppercase()))
        .ok_or_else(|| {
            Failure::input(format!(
                "--{flag}: expected a country code (alpha-3 such as SOM, or alpha-2 such as SO), found {code:?}"
            ))
        })
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
        if let Some(r) = &self.region {
            let region: Region = r
                .parse()
                .map_err(|e| Failure::input(format!("--region: {e}")))?;
            filter = filter.with_region(region);
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

fn summary(import: &CorpusImport) -> String {
    let files = match import.files.as_slice() {
        [one] => one.name.clone(),
        all => format!("{} files", all.len()),
    };
    let duplicates = if import.files.len() > 1 {
        format!(
            ", {} dropped",
            count(import.duplicates, "duplicate", "duplicates")
        )
    } else {
        String::new()
    };
    format!(
        "{files}: {} read, {} left out by the filter{duplicates}, {} imported; {}",
        count(import.activities(), "activity", "activities"),
        import.filtered_out(),
        count(import.portfolio.programmes.len(), "programme", "programmes"),
        import.report.summary(),
    )
}

/// The portfolio's name: after the file when there is one.
fn portfolio_name(args: &ImportIati, import: &CorpusImport) -> String {
    match (args.paths.as_slice(), import.files.as_slice()) {
        ([path], [_]) => {
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |f| f.to_string_lossy().into_owned(),
            );
            let file = if path == Path::new("-") {
                "<stdin>".to_owned()
            } else {
                file
            };
            format!("IATI import of {file}")
        }
        (_, files) => format!("IATI import of {} files", files.len()),
    }
}

pub(crate) fn run(args: &ImportIati, out: &mut impl Write) -> Result<u8, Failure> {
    let options = args.options()?;
    let table = args.table()?;
    let policy = input::validation_policy(args.policy.as_deref())?;
    let mut corpus = Corpus::new(options);
    for path in &args.paths {
        corpus = corpus.with_path(path);
    }
    let mut bar = progress::Bar::on_stderr();
    let import = corpus.import_with_progress(|p| bar.show(p));
    bar.clear();
    // A missing path or a file that is not IATI: one message each, no
    // document (the rule Python's `read_iati` raises by).
    let mut import = import
        .into_checked()
        .map_err(|e| Failure::input(findings::lines(&e.to_string())))?;
    import.report.apply(&policy);
    import.portfolio.name = Some(portfolio_name(args, &import));
    // Buffered: standard output is line-buffered and standard error not at
    // all, which cost a system call per line of a large import.
    let mut buffered = BufWriter::with_capacity(1 << 16, &mut *out);
    write(table, &mut buffered, &import)?;
    buffered.flush().map_err(write_failure)?;
    drop(buffered);
    let found = import.report.findings();
    if table == Some(Table::Findings) {
        args.findings.write_file(found)?;
    } else {
        show_findings(&args.findings, &import)?;
    }
    eprintln!("{}", summary(&import));
    Ok(findings::exit_code(found))
}

/// The import's findings on standard error. Each file that could not be
/// read is named once, on a line of its own, and its finding is not
/// repeated among the summary's examples; `--findings` and `--verbose`
/// still give every finding.
fn show_findings(args: &FindingsArgs, import: &CorpusImport) -> Result<(), Failure> {
    let found = import.report.findings();
    let unread: Vec<_> = import.files.iter().filter(|f| f.error.is_some()).collect();
    for file in &unread {
        if let Some(error) = &file.error {
            eprintln!("ssr: not imported: {}: {error}", file.name);
        }
    }
    if args.is_verbose() || unread.is_empty() {
        return args.show(found);
    }
    let rest: Vec<Finding> = found
        .iter()
        .filter(|f| f.code != Code::IatiUnreadableFile)
        .cloned()
        .collect();
    args.write_file(found)?;
    args.show_summary(&rest)
}

fn write(table: Option<Table>, out: &mut impl Write, import: &CorpusImport) -> Result<(), Failure> {
    let name = match table {
        None => {
            ssr_model::document::to_writer_pretty(&mut *out, &import.portfolio)
                .map_err(write_failure)?;
            return writeln!(out).map_err(write_failure);
        }
        Some(Table::Findings) => {
            let findings = ssr_model::tables::findings(&import.report);
            return ssr_model::tables::write_csv(&mut *out, &findings).map_err(write_failure);
        }
        Some(Table::Programmes) => TableName::Programmes,
        Some(Table::Indicators) => TableName::Indicators,
        Some(Table::IndicatorPeriods) => TableName::IndicatorPeriods,
        Some(Table::Breakdowns) => TableName::Breakdowns,
    };
    // Tables of the portfolio alone: the scorer is not asked for.
    let scorer = Scorer::default();
    Source::new(&import.portfolio, &scorer)
        .write_csv(&mut *out, name)
        .map_err(write_failure)?;
    Ok(())
}
