//! The `aidledger` command: parses flags, runs a subcommand from the
//! library, and turns the outcome into an exit code (0 all went well, 1 some
//! input failed, 2 the command could not run). A closed pipe is not an error.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// See `aidledger::allocator`: why not the system allocator.
#[global_allocator]
static ALLOCATOR: aidledger::allocator::Allocator = mimalloc::MiMalloc;

fn main() -> ExitCode {
    aidledger::allocator::tune();
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(cli::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(cli::Outcome::SomeFailed) => ExitCode::from(1),
        Err(e) => {
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("aidledger: {e:#}");
            ExitCode::from(2)
        }
    }
}
