//! `aidledger ingest`: reads articles, extracts and labels their money
//! figures, and appends them to the ledger; an article already there adds
//! nothing.

use super::Outcome;
use aidledger::article::ReadError;
use aidledger::ledger::{self, Ledger, Progress};
use clap::Args;
use std::path::PathBuf;

/// Add the money figures of articles to the ledger (Parquet), once per article.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
    /// Read inputs as this format instead of going by the file extension (text, html, jsonl, csv).
    #[arg(long, value_name = "FORMAT")]
    input_format: Option<String>,
    /// A lexicon to label with instead of the shipped one.
    #[arg(long, value_name = "FILE.toml")]
    lexicon: Option<PathBuf>,
    /// Article files, folders (read recursively), or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// The ledger folder a command works on.
pub fn ledger_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os("AIDLEDGER_LEDGER").map(PathBuf::from)).unwrap_or_else(|| PathBuf::from("ledger"))
}

/// Names each failed input on standard error, and draws a progress bar
/// on a terminal.
struct Report {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress for Report {
    fn article(&mut self, bytes: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
        }
    }
    fn failed(&mut self, e: &ReadError) {
        match &self.bar {
            Some(bar) => bar.println(format!("aidledger: {e}")),
            None => eprintln!("aidledger: {e}"),
        }
    }
}

pub fn run(args: IngestArgs) -> anyhow::Result<Outcome> {
    let format = super::input_format(args.input_format.as_deref())?;
    // Before the ledger is made: a mistyped path creates nothing.
    aidledger::article::check_inputs_exist(&args.paths)?;
    let lex = super::load_lexicon(args.lexicon.as_deref())?;
    let dir = ledger_dir(args.ledger);
    let ledger = Ledger::open(&dir)?;
    let bar = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {binary_bytes} of text read ({binary_bytes_per_sec}) {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    });
    let mut report = Report { bar };
    let rates = super::fx::rates_for(ledger.dir())?;
    let summary = ledger::ingest(&ledger, &args.paths, format, lex, rates, &mut report)?;
    if let Some(bar) = &report.bar {
        bar.finish_and_clear();
    }
    eprintln!(
        "aidledger: {} articles read, {} added with {} mentions, {} already in the ledger, {} inputs failed ({})",
        summary.articles_read,
        summary.articles_added,
        summary.mentions_added,
        summary.duplicates,
        summary.failed,
        dir.display()
    );
    if let Some(line) = aidledger::article::skipped_line(&summary.skipped) {
        eprintln!("aidledger: {line}");
    }
    Ok(if summary.failed > 0 { Outcome::SomeFailed } else { Outcome::Clean })
}
