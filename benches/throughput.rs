//! Extraction throughput on one thread: news text repeated to at least 50 MB,
//! read article by article as `extract` reads them. Run with
//! `cargo bench --bench throughput` (a release build); it prints MB/s.
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
    let mut texts: Vec<String> = Vec::new();
    let mut from = String::new();
    for file in ["dev.jsonl", "news/Russia-Ukraine-conflict/ukraine-money.jsonl"] {
        let path = shared.join(file);
        if let Ok(data) = std::fs::read_to_string(&path) {
            aidledger::article::read_bytes(&path.display().to_string(), data.as_bytes(), None, &mut |r| {
                if let Ok(a) = r {
                    texts.push(a.text)
                }
            });
            from.push_str(&format!("{} ", path.display()));
        }
    }
    if texts.is_empty() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
        aidledger::article::read_inputs(std::slice::from_ref(&samples), None, &mut |r| {
            if let Ok(a) = r {
                texts.push(a.text)
            }
        });
        from = samples.display().to_string();
    }
    assert!(!texts.is_empty(), "no news text to measure on");
    let unique: usize = texts.iter().map(String::len).sum();
    let rounds = target_bytes().div_ceil(unique);
    println!("text: {from}({} articles, {unique} bytes) x {rounds} rounds", texts.len());

    // One warm-up round builds the automaton and warms the caches.
    let mut mentions = 0usize;
    for t in &texts {
        mentions += aidledger::extract::extract(t).len();
    }
    println!("mentions per round: {mentions}");

    let mut best = f64::MAX;
    for run in 1..=3 {
        let start = Instant::now();
        let mut n = 0usize;
        for _ in 0..rounds {
            for t in &texts {
                n += aidledger::extract::extract(std::hint::black_box(t)).len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let mb = (unique * rounds) as f64 / 1e6;
        println!("run {run}: {:.1} MB in {secs:.3} s = {:.1} MB/s ({n} mentions)", mb, mb / secs);
        best = best.min(secs);
    }
    let mb = (unique * rounds) as f64 / 1e6;
    println!("throughput (best of 3, one thread): {:.1} MB/s", mb / best);
}
