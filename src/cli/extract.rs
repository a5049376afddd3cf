//! `aidledger extract`: every money mention of every article, as a table,
//! CSV, or one JSON document per article.

use super::Outcome;
use aidledger::article;
use aidledger::classify::{self, Context as Labels};
use aidledger::extract;
use aidledger::output::{self, Labeled};
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Find every currency amount in articles and read its exact value.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// How to print: a table for reading, CSV (one row per mention), or JSON Lines (one document per article).
    #[arg(long, value_enum, default_value_t = OutFormat::Table)]
    format: OutFormat,
    /// Read inputs as this format instead of going by the file extension (text, html, jsonl, csv).
    #[arg(long, value_name = "FORMAT")]
    input_format: Option<String>,
    /// A lexicon to label with instead of the shipped one (data/lexicon.toml): to track another subject.
    #[arg(long, value_name = "FILE.toml")]
    lexicon: Option<PathBuf>,
    /// Show the cue that decided each label (under each table row; an "explain" list in JSON Lines).
    #[arg(long)]
    explain: bool,
    /// Article files, folders (read recursively), or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutFormat {
    Table,
    Csv,
    Jsonl,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let input_format = super::input_format(args.input_format.as_deref())?;
    aidledger::article::check_inputs_exist(&args.paths)?;
    let lex = super::load_lexicon(args.lexicon.as_deref())?;
    let explain = args.explain;
    let out = BufWriter::new(std::io::stdout().lock());
    let mut sink = match args.format {
        OutFormat::Jsonl => Sink::Jsonl(out),
        OutFormat::Table => {
            let mut out = out;
            writeln!(out, "{}", output::table_header())?;
            Sink::Table(out)
        }
        OutFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(output::CSV_HEADER)?;
            Sink::Csv(Box::new(w))
        }
    };
    let mut failed = 0usize;
    let mut write_err: Option<anyhow::Error> = None;
    let skipped = article::read_inputs(&args.paths, input_format, &mut |res| {
        if write_err.is_some() {
            return;
        }
        match res {
            Ok(a) => {
                let mentions = extract::extract(&a.text);
                let contexts = classify::classify(&a, &mentions, lex);
                let labeled = Labeled { article: &a, mentions: &mentions, contexts: &contexts };
                if let Err(e) = sink.write(&labeled, explain) {
                    write_err = Some(e);
                }
            }
            Err(e) => {
                eprintln!("aidledger: {e}");
                failed += 1;
            }
        }
    });
    if let Some(e) = write_err {
        return Err(e).context("writing the output");
    }
    sink.finish().context("writing the output")?;
    if let Some(line) = article::skipped_line(&skipped) {
        eprintln!("aidledger: {line}");
    }
    if failed > 0 {
        eprintln!("aidledger: {failed} input(s) could not be read; the rest were extracted");
        Ok(Outcome::SomeFailed)
    } else {
        Ok(Outcome::Clean)
    }
}

type Out = BufWriter<std::io::StdoutLock<'static>>;

enum Sink {
    Jsonl(Out),
    Table(Out),
    // Boxed: a CSV writer carries its own buffer, far larger than the others.
    Csv(Box<csv::Writer<Out>>),
}

impl Sink {
    fn write(&mut self, l: &Labeled<'_>, explain: bool) -> anyhow::Result<()> {
        let context = |i: usize| -> Option<&Labels> { l.contexts.get(i) };
        match self {
            Sink::Jsonl(out) => output::write_jsonl(out, l, explain)?,
            Sink::Table(out) => {
                for (i, m) in l.mentions.iter().enumerate() {
                    writeln!(out, "{}", output::table_line(l.article, m, context(i)))?;
                    if let (true, Some(c)) = (explain, context(i)) {
                        for line in output::explain_lines(c, &l.article.text) {
                            writeln!(out, "{line}")?;
                        }
                    }
                }
            }
            Sink::Csv(w) => {
                for (i, m) in l.mentions.iter().enumerate() {
                    w.write_record(output::csv_row(l.article, m, context(i)))?;
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Jsonl(mut out) | Sink::Table(mut out) => out.flush()?,
            Sink::Csv(mut w) => w.flush()?,
        }
        Ok(())
    }
}
