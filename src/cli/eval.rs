//! `aidledger eval`: measures the extractor on annotated news (gold
//! documents in the corpus schema) and prints precision, recall and F1.

use super::Outcome;
use aidledger::eval::{self, GroupBy};
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Score the extractor on gold documents (JSON Lines with text and mentions).
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold documents, one JSON object per line, in the corpus schema.
    #[arg(long, value_name = "FILE.jsonl")]
    gold: PathBuf,
    /// Report per group: the gold "group" field (else the outlet), or the outlet.
    #[arg(long, value_enum)]
    by: Option<By>,
    /// A lexicon to label with instead of the shipped one.
    #[arg(long, value_name = "FILE.toml")]
    lexicon: Option<PathBuf>,
    /// List each miss and false positive with the text around it.
    #[arg(long)]
    errors: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum By {
    Group,
    Outlet,
}

pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    let name = args.gold.display().to_string();
    let data = std::fs::read_to_string(&args.gold).with_context(|| format!("{name}: cannot read"))?;
    let docs = eval::read_gold(&name, &data).map_err(anyhow::Error::msg)?;
    let by = match args.by {
        None => GroupBy::All,
        Some(By::Group) => GroupBy::Group,
        Some(By::Outlet) => GroupBy::Outlet,
    };
    let lex = super::load_lexicon(args.lexicon.as_deref())?;
    let report = eval::evaluate(&docs, by, lex);
    print!("{}", report.render());
    if args.errors {
        println!();
        print!("{}", report.render_misses());
    }
    Ok(Outcome::Clean)
}
