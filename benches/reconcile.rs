//! Reconciliation over a large synthetic ledger: AIDLEDGER_BENCH_ROWS rows
//! (default 10 million) of figures spread over metrics, outlets and four
//! years, written as a ledger, then read back and reconciled (figures,
//! timelines, findings) as `aidledger reconcile` does. Prints the time of
//! each stage and the peak resident memory. Run with
//! `cargo bench --bench reconcile` (a release build).
//!
//! The figures are shaped like news: each metric moves through a few
//! values over time, most outlets quote the current one, some quote the one
//! before (stale), a few round it, get it wrong or convert it; two in three
//! name a source (as in the annotated corpus, 161 of 247).

use aidledger::article::Article;
use aidledger::ledger::{IngestSummary, Ledger, LedgerRow};
use aidledger::reconcile::{self, Settings};
use chrono::{Duration, NaiveDate, Utc};
use rust_decimal::Decimal;
use std::time::Instant;

/// The binary's allocator, so the bench measures what `aidledger` does.
#[global_allocator]
static ALLOCATOR: aidledger::allocator::Allocator = mimalloc::MiMalloc;

fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<u64>().ok()? / 1024)
}

/// A small deterministic generator (xorshift): the same ledger every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const METRICS: u64 = 200;
const OUTLETS: u64 = 400;
const DAYS: u64 = 4 * 365;
const MENTIONS_PER_ARTICLE: u64 = 5;

fn row(rng: &mut Rng, article: u64, k: u64, start: NaiveDate) -> LedgerRow {
    let metric = rng.below(METRICS);
    let day = rng.below(DAYS);
    let published = start + Duration::days(day as i64);
    // Each metric's value steps up every 120 days; one figure in twenty
    // quotes the step before, one in fifty is wrong, one in ten rounds it,
    // one in a hundred is in euros.
    let step = day / 120;
    let roll = rng.below(100);
    let step = if roll < 5 && step > 0 { step - 1 } else { step };
    let wrong = if (5..7).contains(&roll) { 7 } else { 0 };
    let base = Decimal::from(10 + metric % 50 + step * 3 + wrong);
    let (amount, surface) = if roll >= 90 {
        let v = base + Decimal::new(3, 1);
        (v, format!("${v} billion"))
    } else {
        (base, format!("${base} billion"))
    };
    let amount = amount * Decimal::from(1_000_000_000);
    let (currency, amount_usd) = if roll == 42 { ("EUR", amount * Decimal::new(108, 2)) } else { ("USD", amount) };
    LedgerRow {
        mention_id: format!("a{article}:{}", k * 40),
        article_id: format!("a{article}"),
        outlet: Some(format!("Outlet {}", rng.below(OUTLETS))),
        published: Some(published),
        published_from: Some("dateline".to_string()),
        url: None,
        title: None,
        start: (k * 40) as i64,
        end: (k * 40 + 12) as i64,
        surface,
        sentence: format!("Story {} says aid reached the figure.", rng.below(1_000_000)),
        amount,
        amount_max: None,
        currency: currency.into(),
        qualifier: "exact".into(),
        amount_usd: Some(amount_usd),
        amount_eur: None,
        fx_date: Some(published),
        fx_rate: None,
        fx_note: None,
        category: "total".into(),
        status: "approved".into(),
        donor: Some("United States".into()),
        recipient: Some("Ukraine".into()),
        source: (!roll.is_multiple_of(3)).then(|| "Kiel Institute".to_string()),
        scope_start: None,
        scope_end: None,
        aid_to_ukraine: true,
        metric: format!("donor-{}/ukraine/total/enacted", metric),
        extractor_version: "bench".into(),
        ingested_at: Utc::now(),
    }
}

fn main() {
    aidledger::allocator::tune();
    let rows: u64 = std::env::var("AIDLEDGER_BENCH_ROWS").ok().and_then(|s| s.parse().ok()).unwrap_or(10_000_000);
    // AIDLEDGER_BENCH_DIR keeps the ledger between runs (writing ten
    // million rows takes longer than reconciling them).
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = std::env::var_os("AIDLEDGER_BENCH_DIR").map(std::path::PathBuf::from);
    let dir = dir.unwrap_or_else(|| temp.path().join("ledger"));
    let ledger = Ledger::open(&dir).expect("a ledger");
    let written = !ledger.batch_files().expect("the batches").is_empty();
    let start = NaiveDate::from_ymd_opt(2022, 2, 24).unwrap();
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let t = Instant::now();
    let articles_total = rows.div_ceil(MENTIONS_PER_ARTICLE);
    let chunk = 200_000 / MENTIONS_PER_ARTICLE;
    let mut article = if written { articles_total } else { 0 };
    while article < articles_total {
        let end = (article + chunk).min(articles_total);
        let mut batch_rows = Vec::new();
        let mut articles = Vec::new();
        for a in article..end {
            articles.push(Article {
                id: format!("a{a}"),
                outlet: None,
                published: None,
                published_from: None,
                url: None,
                title: None,
                text: String::new(),
                origin: "bench".into(),
            });
            for k in 0..MENTIONS_PER_ARTICLE.min(rows - a * MENTIONS_PER_ARTICLE) {
                batch_rows.push(row(&mut rng, a, k, start));
            }
        }
        let _lock = ledger.lock().expect("the lock");
        ledger.append_batch(&articles, batch_rows, &mut IngestSummary::default()).expect("a batch");
        article = end;
    }
    if !written {
        eprintln!("wrote {rows} rows in {:.1} s", t.elapsed().as_secs_f64());
    }

    let t = Instant::now();
    let frame = reconcile::load(&ledger, None).expect("the ledger's columns");
    let read = t.elapsed();
    let figures = reconcile::figures(&frame.kept, frame.read_once).expect("figures");
    let converted = t.elapsed();
    let timeline = reconcile::timeline::timelines(figures, reconcile::timeline::DEFAULT_WINDOW_DAYS);
    let timed = t.elapsed();
    let found = reconcile::findings(&timeline, &Settings::default());
    let total = t.elapsed();
    println!(
        "reconcile {rows} rows: {:.2} s (read {:.2} s, figures {:.2} s, timelines {:.2} s, findings {:.2} s); {} findings; peak RSS {} MB",
        total.as_secs_f64(),
        read.as_secs_f64(),
        (converted - read).as_secs_f64(),
        (timed - converted).as_secs_f64(),
        (total - timed).as_secs_f64(),
        found.len(),
        peak_rss_mb().map(|m| m.to_string()).unwrap_or_else(|| "?".into())
    );
}
