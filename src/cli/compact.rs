//! `aidledger compact`: merges the ledger's batch files into one.

use super::Outcome;
use aidledger::ledger::Ledger;
use clap::Args;
use std::path::PathBuf;

/// Merge the ledger's Parquet files into one (safe to interrupt).
#[derive(Args, Debug)]
pub struct CompactArgs {
    /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
}

pub fn run(args: CompactArgs) -> anyhow::Result<Outcome> {
    let dir = super::ingest::ledger_dir(args.ledger);
    if !dir.exists() {
        anyhow::bail!("{}: no ledger here (run `aidledger ingest` first)", dir.display());
    }
    let ledger = Ledger::open(&dir)?;
    let (files, rows) = ledger.compact()?;
    if rows == 0 {
        eprintln!("aidledger: {} holds {files} file(s); nothing to merge", dir.display());
    } else {
        eprintln!("aidledger: merged {files} files into one ({rows} rows) in {}", dir.display());
    }
    Ok(Outcome::Clean)
}
