//! Flags and dispatch: one file per subcommand, each with its arguments and
//! its `run`.

mod eval;
mod extract;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "aidledger", version, about = "A ledger of the money figures that news articles report.")]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Extract(extract::ExtractArgs),
    Eval(eval::EvalArgs),
}

/// How a command that ran went.
pub enum Outcome {
    Clean,
    /// Some inputs could not be read; the rest were processed.
    SomeFailed,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match args.command {
        Command::Extract(a) => extract::run(a),
        Command::Eval(a) => eval::run(a),
    }
}
