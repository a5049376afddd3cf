//! `aidledger report`: the main job in one command. Ingests the articles
//! given, then writes the report folder: the ledger as CSV, every metric's
//! timeline, the findings, the outlet comparison, a summary per month and an
//! index linking them. The CSV files come from the other commands run as a
//! user would, each into its own file, so each is what that command
//! documents; the month summaries come from one reading of the ledger, as
//! `summary` writes them.

use super::{Args, Outcome};
use aidledger::reconcile::timeline::DEFAULT_WINDOW_DAYS;
use aidledger::report::Month;
use anyhow::Context;
use clap::Parser;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Ingest articles (if given) and write every report into one folder.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// The folder the reports are written into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The ledger folder (default: OUT/ledger).
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
    /// Article files or folders to ingest first (read recursively).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// The files written beside the monthly folders, and what each holds.
const FILES: [(&str, &str, &str); 4] = [
    ("mentions.csv", "ledger", "every money figure in the ledger, with its labels and sentence"),
    ("timeline.csv", "timeline", "each metric's figures by date, with the consensus as of each date"),
    (
        "findings.csv",
        "reconcile",
        "conflicts, stale and mislabelled figures, unsourced figures, transitions, outlier outlets",
    ),
    (
        "outlets.csv",
        "compare",
        "each outlet's latest figure per metric against consensus, as of the last date reported",
    ),
];

/// Runs one subcommand as `aidledger ARGS...` would.
fn command(args: &[OsString]) -> anyhow::Result<Outcome> {
    let mut argv = vec![OsString::from("aidledger")];
    argv.extend(args.iter().cloned());
    super::run(Args::try_parse_from(argv)?)
}

fn os(parts: &[&dyn AsRef<std::ffi::OsStr>]) -> Vec<OsString> {
    parts.iter().map(|p| p.as_ref().to_os_string()).collect()
}

pub fn run(args: ReportArgs) -> anyhow::Result<Outcome> {
    let out = args.out;
    // A mistyped path is an error before any folder is made.
    aidledger::article::check_inputs_exist(&args.paths)?;
    std::fs::create_dir_all(&out).with_context(|| format!("{}: cannot create the report folder", out.display()))?;
    let ledger = args.ledger.unwrap_or_else(|| out.join("ledger"));
    let mut outcome = Outcome::Clean;
    if !args.paths.is_empty() {
        let mut ingest = os(&[&"ingest", &"--ledger", &ledger]);
        ingest.extend(args.paths.iter().map(|p| p.as_os_str().to_os_string()));
        if let Outcome::SomeFailed = command(&ingest)? {
            // The inputs that failed are named; the reports cover the rest.
            outcome = Outcome::SomeFailed;
        }
    }
    // The month summaries first, from one reading of the ledger; their
    // months date the comparison below.
    let ledger_handle = super::existing_ledger(Some(ledger.clone()))?;
    let months = super::summary::write_summaries(&ledger_handle, None, &out, DEFAULT_WINDOW_DAYS)?;
    let last_day = months.last().map(|m| m.last_day());
    // Each file is written beside its place and renamed over it: a reader
    // sees the old file or the new one.
    for (file, cmd, _) in FILES {
        let partial = out.join(format!(".{file}.partial"));
        let mut argv = os(&[&cmd, &"--ledger", &ledger, &"--format", &"csv", &"-o", &partial]);
        if cmd == "compare" {
            // As of the last month reported, so a rerun on the same ledger
            // writes the same file (today's date would change it).
            let as_of = last_day.map_or_else(|| "1970-01-01".to_string(), |d| d.to_string());
            argv.extend(os(&[&"--as-of", &as_of]));
        }
        if let Err(e) = command(&argv) {
            // The old file, if any, stays as it was; the half-written one goes.
            let _ = std::fs::remove_file(&partial);
            return Err(e.context(format!("writing {}", out.join(file).display())));
        }
        std::fs::rename(&partial, out.join(file))
            .with_context(|| format!("{}: cannot rename into place", out.join(file).display()))?;
    }
    let index = index(&months);
    let partial = out.join(".index.md.partial");
    std::fs::write(&partial, index).with_context(|| format!("{}: cannot write", partial.display()))?;
    std::fs::rename(&partial, out.join("index.md"))
        .with_context(|| format!("{}: cannot rename into place", out.join("index.md").display()))?;
    eprintln!("aidledger: reports for {} months in {}", months.len(), out.display());
    Ok(outcome)
}

/// index.md: what each file holds, and the months, newest first.
fn index(months: &[Month]) -> String {
    let mut md = String::from("# aidledger reports\n\n");
    md.push_str("Written by `aidledger report`. Amounts in the CSV files are exact decimal strings.\n\n");
    for (file, cmd, what) in FILES {
        let _ = writeln!(md, "- [{file}]({file}): {what} (`aidledger {cmd}`)");
    }
    md.push_str("\n## Monthly summaries\n\n");
    if months.is_empty() {
        md.push_str("The ledger has no dated figures yet.\n");
    }
    for m in months.iter().rev() {
        let _ = writeln!(
            md,
            "- {}: [summary]({m}/summary.md), [chart]({m}/figures.svg), [metrics]({m}/metrics.csv), [findings]({m}/findings.csv)",
            m.name()
        );
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_index_links_each_file_and_each_month_newest_first() {
        let months = [Month::parse("2024-03").unwrap(), Month::parse("2024-04").unwrap()];
        let md = index(&months);
        for (file, _, _) in FILES {
            assert!(md.contains(&format!("[{file}]({file})")), "{file}");
        }
        let april = md.find("April 2024").unwrap();
        let march = md.find("March 2024").unwrap();
        assert!(april < march, "newest first");
        assert!(md.contains("[chart](2024-04/figures.svg)"));
    }

    #[test]
    fn paths_are_passed_as_they_are() {
        let p = Path::new("some dir/with space");
        assert_eq!(os(&[&"ingest", &p]), [OsString::from("ingest"), OsString::from("some dir/with space")]);
    }
}
