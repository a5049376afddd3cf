//! End-to-end ingest: at least 1 GB of news text (the corpus repeated, each
//! copy with its own ids) in JSON Lines files, into a fresh ledger. Prints
//! MB/s and the peak resident memory. Run with `cargo bench --bench ingest`
//! (a release build). AIDLEDGER_BENCH_MB sets another size.

use aidledger::article::read_bytes;
use aidledger::fx::Rates;
use aidledger::ledger::{ingest, Ledger, Progress};
use aidledger::lexicon::Lexicon;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

struct Quiet;
impl Progress for Quiet {}

/// Peak resident set size of this process, from /proc (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let target_mb: usize = std::env::var("AIDLEDGER_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(1024);
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut texts: Vec<(Option<String>, Option<String>, String)> = Vec::new();
    for file in ["dev.jsonl", "news/Russia-Ukraine-conflict/ukraine-money.jsonl"] {
        let path = shared.join(file);
        if let Ok(data) = std::fs::read(&path) {
            read_bytes(&path.display().to_string(), &data, None, &mut |r| {
                if let Ok(a) = r {
                    texts.push((a.outlet, a.published.map(|d| d.to_string()), a.text));
                }
            });
        }
    }
    if texts.is_empty() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
        aidledger::article::read_inputs(std::slice::from_ref(&samples), None, &mut |r| {
            if let Ok(a) = r {
                texts.push((a.outlet, a.published.map(|d| d.to_string()), a.text));
            }
        });
    }
    let work = std::env::temp_dir().join(format!("aidledger-bench-{}", std::process::id()));
    let input = work.join("input");
    std::fs::create_dir_all(&input).unwrap();
    // Files of about 8 MB, as a newsroom's daily exports would be.
    let mut written = 0usize;
    let mut copy = 0usize;
    let mut file_no = 0usize;
    while written < target_mb * 1024 * 1024 {
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(input.join(format!("feed-{file_no:04}.jsonl"))).unwrap());
        let mut in_file = 0usize;
        while in_file < 8 * 1024 * 1024 {
            for (outlet, published, text) in &texts {
                let doc = serde_json::json!({"id": format!("copy-{copy}"), "outlet": outlet, "published": published, "text": text});
                let line = doc.to_string();
                out.write_all(line.as_bytes()).unwrap();
                out.write_all(b"\n").unwrap();
                in_file += text.len();
                written += text.len();
                copy += 1;
            }
        }
        out.flush().unwrap();
        file_no += 1;
    }
    let mb = written as f64 / 1e6;
    println!("input: {file_no} JSON Lines files, {copy} articles, {mb:.1} MB of article text");
    let ledger = Ledger::open(&work.join("ledger")).unwrap();
    let start = Instant::now();
    let summary = ingest(
        &ledger,
        std::slice::from_ref(&input),
        None,
        Lexicon::default_lexicon(),
        Rates::default_rates(),
        &mut Quiet,
    )
    .unwrap();
    let secs = start.elapsed().as_secs_f64();
    let parquet: u64 =
        ledger.batch_files().unwrap().iter().map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0)).sum();
    println!(
        "ingest: {} articles, {} mentions in {secs:.1} s = {:.1} MB/s end to end; ledger {:.1} MB of Parquet",
        summary.articles_added,
        summary.mentions_added,
        mb / secs,
        parquet as f64 / 1e6
    );
    println!("peak RSS: {:.0} MB", peak_rss_mb().unwrap_or(f64::NAN));
    let _ = std::fs::remove_dir_all(&work);
}
