//! Throughput on one thread: news text repeated to at least 50 MB, read
//! article by article as `extract` reads them, first extraction alone, then
//! extraction with the context labels. Run with `cargo bench --bench
//! throughput` (a release build); it prints MB/s for each.
//!
//! The text is the news corpus beside the project (../shared/corpus) when it
//! is there, else the project's own sample articles.

use std::path::Path;
use std::time::Instant;

const TARGET_BYTES: usize = 50 * 1024 * 1024;

fn target_bytes() -> usize {
    // AIDLEDGER_BENCH_MB shrinks the run for profiling.
    std::env::var("AIDLEDGER_BENCH_MB")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .map_or(TARGET_BYTES, |mb| mb * 1024 * 1024)
}

fn main() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut articles: Vec<aidledger::article::Article> = Vec::new();
    let mut from = String::new();
    for file in ["dev.jsonl", "news/Russia-Ukraine-conflict/ukraine-money.jsonl"] {
        let path = shared.join(file);
        if let Ok(data) = std::fs::read_to_string(&path) {
            aidledger::article::read_bytes(&path.display().to_string(), data.as_bytes(), None, &mut |r| {
                if let Ok(a) = r {
                    articles.push(a)
                }
            });
            from.push_str(&format!("{} ", path.display()));
        }
    }
    if articles.is_empty() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
        aidledger::article::read_inputs(std::slice::from_ref(&samples), None, &mut |r| {
            if let Ok(a) = r {
                articles.push(a)
            }
        });
        from = samples.display().to_string();
    }
    assert!(!articles.is_empty(), "no news text to measure on");
    let unique: usize = articles.iter().map(|a| a.text.len()).sum();
    let rounds = target_bytes().div_ceil(unique);
    println!("text: {from}({} articles, {unique} bytes) x {rounds} rounds", articles.len());
    let lex = aidledger::lexicon::Lexicon::default_lexicon();

    // One warm-up round builds the automata and warms the caches.
    let mut mentions = 0usize;
    for a in &articles {
        let m = aidledger::extract::extract(&a.text);
        mentions += aidledger::classify::classify(a, &m, lex).len();
    }
    println!("mentions per round: {mentions}");

    let mb = (unique * rounds) as f64 / 1e6;
    for (name, label) in [("extract", false), ("extract + labels", true)] {
        let mut best = f64::MAX;
        for run in 1..=3 {
            let start = Instant::now();
            let mut n = 0usize;
            for _ in 0..rounds {
                for a in &articles {
                    let m = aidledger::extract::extract(std::hint::black_box(&a.text));
                    n += if label { aidledger::classify::classify(a, &m, lex).len() } else { m.len() };
                }
            }
            let secs = start.elapsed().as_secs_f64();
            println!("{name} run {run}: {mb:.1} MB in {secs:.3} s = {:.1} MB/s ({n} mentions)", mb / secs);
            best = best.min(secs);
        }
        println!("{name} throughput (best of 3, one thread): {:.1} MB/s", mb / best);
    }
}
