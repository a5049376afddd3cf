//! The part of a ledger row reconciliation needs, read out of the polars
//! frame once so the checks work on plain Rust values. A figure borrows its
//! text from the frame: a ledger of ten million rows is read without ten
//! million copies of each name.

use crate::labels::MetricKey;
use std::hash::{Hash, Hasher};
use std::mem::MaybeUninit;

use chrono::NaiveDate;
use polars::prelude::*;
use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHasher};

use super::tolerance::Interval;

/// The ledger columns figures keep pointing into (names and ids).
pub const KEPT_COLUMNS: [&str; 6] = ["mention_id", "article_id", "outlet", "currency", "source", "metric"];

/// The ledger columns read once into the figures and then let go: a large
/// ledger's memory goes back to work for the timelines.
pub const READ_ONCE_COLUMNS: [&str; 8] =
    ["start", "published", "surface", "sentence", "amount", "amount_max", "qualifier", "amount_usd"];

/// Arrow chunks of the column types read.
type TextChunk = <StringType as PolarsDataType>::Array;
type DayChunk = <Int32Type as PolarsDataType>::Array;
type StartChunk = <Int64Type as PolarsDataType>::Array;
type MantissaChunk = <Int128Type as PolarsDataType>::Array;

/// A 64-bit key for a name (an article id, an outlet, a currency).
/// Figures are compared by article, outlet and currency many times over,
/// each time in a different order from the ledger's rows: reading the names
/// themselves missed the cache at almost every comparison, and took a fifth
/// of reconcile's time on ten million rows. The key is worked out once, as
/// the rows are read in order.
///
/// Names are told apart by their keys alone, as copies of a story are (see
/// `Figure::story_of`). Two of a ledger's names sharing a key by chance
/// (about one in ten million for two million article ids) would be counted
/// as one, and even then only if they met on one metric.
pub fn name_key(name: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(name.as_bytes());
    h.finish()
}

/// An article's id and its key (see `name_key`): equal, hashed and
/// ordered by the key. The order is fixed by the ids, whatever order the
/// rows were read in.
#[derive(Debug, Clone, Copy)]
pub struct ArticleId<'a> {
    key: u64,
    id: &'a str,
}

impl<'a> ArticleId<'a> {
    pub fn new(id: &'a str) -> ArticleId<'a> {
        ArticleId { key: name_key(id), id }
    }

    pub fn as_str(&self) -> &'a str {
        self.id
    }

    pub fn key(&self) -> u64 {
        self.key
    }
}

impl PartialEq for ArticleId<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for ArticleId<'_> {}

impl Hash for ArticleId<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.key);
    }
}

impl PartialOrd for ArticleId<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ArticleId<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// One reported figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure<'a> {
    pub mention_id: &'a str,
    pub article_id: ArticleId<'a>,
    /// Where the mention starts in its article: of two figures an article
    /// gives, the later in the text is the later word.
    pub start: i64,
    pub outlet: Option<&'a str>,
    /// None: the article carries no date. Such figures are reported as
    /// undated, never given a guessed date.
    pub published: Option<NaiveDate>,
    pub amount: Decimal,
    pub currency: &'a str,
    pub amount_usd: Option<Decimal>,
    /// What the figure's text could stand for, in US dollars at its own
    /// date; None when the currency has no rate. Worked out once: every
    /// check compares it.
    pub interval_usd: Option<Interval>,
    pub source: Option<&'a str>,
    /// The metric it is compared within (`MetricKey::compared_as`).
    pub metric: &'a str,
    /// Copies of one story share this key (see `story_of`).
    pub story: u64,
    /// Who the figure speaks for: its outlet's key, or for a report with
    /// no outlet named, its article's (see `Figure::voice_of`).
    pub voice: u64,
    /// The key of `currency` (see `name_key`).
    pub currency_key: u64,
}

/// A ledger row's fields as written, from which a figure is made. The
/// surface, sentence and qualifier are read to make it and not kept, so
/// they may live shorter ('b).
#[derive(Debug, Clone, Default)]
pub struct Row<'a, 'b> {
    pub mention_id: &'a str,
    pub article_id: &'a str,
    pub start: i64,
    pub outlet: Option<&'a str>,
    pub published: Option<NaiveDate>,
    pub surface: &'b str,
    pub sentence: &'b str,
    pub amount: Decimal,
    pub amount_max: Option<Decimal>,
    pub currency: &'a str,
    pub qualifier: &'b str,
    pub amount_usd: Option<Decimal>,
    pub source: Option<&'a str>,
    pub metric: &'a str,
}

/// The same number written at any scale gives the same key ("61000000000"
/// and "61000000000.00000000"). Amounts are brought to the ledger's eight
/// places, which every ledger amount already has, so no work is done for
/// them (normalizing each of ten million amounts is not free).
pub fn number_key(amount: Decimal) -> u128 {
    let mut d = amount;
    if d.scale() != crate::ledger::schema::AMOUNT_SCALE {
        d.rescale(crate::ledger::schema::AMOUNT_SCALE);
    }
    u128::from_le_bytes(d.serialize())
}

/// Figures written alike have the same interval: a ledger repeats
/// "$61 billion" thousands of times, so each chunk works each one out once.
type IntervalCache<'b> = FxHashMap<(&'b str, &'b str, u128, Option<u128>), Interval>;

impl<'a> Figure<'a> {
    pub fn new(row: Row<'a, '_>) -> Figure<'a> {
        Figure::with_interval(Interval::of(row.surface, row.amount, row.amount_max, row.qualifier), row)
    }

    fn cached<'b>(row: Row<'a, 'b>, cache: &mut IntervalCache<'b>) -> Figure<'a> {
        let key = (row.surface, row.qualifier, number_key(row.amount), row.amount_max.map(number_key));
        let interval =
            *cache.entry(key).or_insert_with(|| Interval::of(row.surface, row.amount, row.amount_max, row.qualifier));
        Figure::with_interval(interval, row)
    }

    fn with_interval(interval: Interval, mut row: Row<'a, '_>) -> Figure<'a> {
        // A dollar figure is its own dollar value, dated or not (the ledger
        // converts only what has a date to take a rate from).
        if row.amount_usd.is_none() && row.currency == "USD" {
            row.amount_usd = Some(row.amount);
        }
        let interval_usd = row.amount_usd.and_then(|usd| {
            if usd == row.amount || row.amount.is_zero() {
                Some(interval)
            } else {
                Some(interval.scaled(usd.checked_div(row.amount)?))
            }
        });
        let article_id = ArticleId::new(row.article_id);
        Figure {
            story: Figure::story_of(row.sentence, row.amount, row.currency),
            voice: Figure::voice_of(row.outlet, article_id),
            currency_key: name_key(row.currency),
            mention_id: row.mention_id,
            article_id,
            start: row.start,
            outlet: row.outlet,
            published: row.published,
            amount: row.amount,
            currency: row.currency,
            amount_usd: row.amount_usd,
            interval_usd,
            source: row.source,
            metric: MetricKey::compared_as(row.metric),
        }
    }

    /// A key under which copies of one story fall together: the sentence
    /// with case, punctuation and spacing gone, and the figure as read (so
    /// a copy that changed the currency, whose digits read the same, is a
    /// voice of its own). Hashed once per figure: consensus compares keys
    /// in every window a figure is in. A 64-bit key: two different stories
    /// of one metric sharing one by chance is too rare to weigh against
    /// keeping every sentence in memory.
    pub fn story_of(sentence: &str, amount: Decimal, currency: &str) -> u64 {
        let mut h = FxHasher::default();
        // Eight characters a word, so the hash mixes words, not bytes.
        let mut word: u64 = 0;
        let mut filled = 0;
        let mut push = |v: u32, h: &mut FxHasher| {
            word = word.rotate_left(8) ^ u64::from(v);
            filled += 1;
            if filled == 8 {
                h.write_u64(word);
                (word, filled) = (0, 0);
            }
        };
        for c in sentence.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    push(u32::from(c.to_ascii_lowercase()), &mut h);
                }
            } else if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    push(u32::from(l), &mut h);
                }
            }
        }
        h.write_u64(word);
        number_key(amount).hash(&mut h);
        currency.hash(&mut h);
        h.finish()
    }

    /// An outlet's voice; an unnamed outlet is its own voice per article.
    /// The article's key is turned so that it cannot stand for an outlet's.
    pub fn voice_of(outlet: Option<&str>, article: ArticleId<'_>) -> u64 {
        outlet.map_or(article.key().rotate_left(32) ^ 0x5bd1_e995_5bd1_e995, name_key)
    }

    /// The order of figures on a timeline, and of "latest" and
    /// "earliest": by date, then article (see `ArticleId`) and place in it,
    /// so that it never depends on the order rows were read in.
    pub fn order(&self) -> (Option<NaiveDate>, ArticleId<'a>, i64) {
        (self.published, self.article_id, self.start)
    }

    /// Whether the figure can vote in a consensus or be measured against
    /// one: it needs a dollar value.
    pub fn usd(&self) -> Option<(Decimal, Interval)> {
        Some((self.amount_usd?, self.interval_usd?))
    }

    /// The exact bits of the dollar value and its interval, a key for
    /// grouping figures that state the same value the same way. Equal
    /// bits, equal value; one value written at two scales only splits a
    /// group, and split groups still agree with each other.
    pub fn value_key(&self) -> Option<(u128, Option<u128>, Option<u128>)> {
        let (usd, interval) = self.usd()?;
        let bits = |d: Decimal| u128::from_le_bytes(d.serialize());
        Some((bits(usd), interval.low.map(bits), interval.high.map(bits)))
    }
}

/// The figures of a frame, kept in the pieces they were read in: each core
/// read its share of the frame into one piece per metric. Copying ten
/// million figures into one vector, or regrouping them, would cost as much
/// as reading them.
#[derive(Debug, Clone, Default)]
pub struct Figures<'a> {
    parts: Vec<Vec<Figure<'a>>>,
}

impl<'a> Figures<'a> {
    pub fn iter(&self) -> impl Iterator<Item = &Figure<'a>> + Clone {
        self.parts.iter().flatten()
    }

    pub fn len(&self) -> usize {
        self.parts.iter().map(Vec::len).sum()
    }

    /// The pieces, each holding figures of one metric, as (metric, figures).
    pub fn into_pieces(self) -> impl Iterator<Item = (&'a str, Vec<Figure<'a>>)> {
        self.parts.into_iter().filter_map(|p| Some((p.first()?.metric, p)))
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'s, 'a> IntoIterator for &'s Figures<'a> {
    type Item = &'s Figure<'a>;
    type IntoIter = std::iter::Flatten<std::slice::Iter<'s, Vec<Figure<'a>>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.parts.iter().flatten()
    }
}

impl<'a> IntoIterator for Figures<'a> {
    type Item = Figure<'a>;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<Figure<'a>>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.parts.into_iter().flatten()
    }
}

impl<'a> From<Vec<Figure<'a>>> for Figures<'a> {
    fn from(figures: Vec<Figure<'a>>) -> Figures<'a> {
        let mut pieces: FxHashMap<&str, Vec<Figure<'a>>> = FxHashMap::default();
        for f in figures {
            pieces.entry(f.metric).or_default().push(f);
        }
        Figures { parts: pieces.into_values().collect() }
    }
}

/// A ledger's rows as reconciliation reads them (see `load`): the columns
/// figures keep pointing into, and those read once. Both hold the same rows
/// in the same chunks.
pub struct Frame {
    pub kept: DataFrame,
    pub read_once: DataFrame,
}

impl Frame {
    /// Splits a frame holding both sets of columns (aligned chunks).
    pub fn split(df: DataFrame) -> PolarsResult<Frame> {
        Ok(Frame { kept: df.select(KEPT_COLUMNS)?, read_once: df.select(READ_ONCE_COLUMNS)? })
    }
}

/// The figures of a ledger's rows, grouped by metric (within a metric, in
/// row order); `read_once` is let go once they are made. Rows without an
/// amount are not figures (the ledger never writes one, but a hand-edited
/// file might). Chunks are read in parallel; frames whose columns are
/// chunked unevenly are refused (`load` aligns them).
pub fn figures(kept: &DataFrame, read_once: DataFrame) -> PolarsResult<Figures<'_>> {
    fn text<'d>(df: &'d DataFrame, name: &str) -> PolarsResult<Vec<&'d TextChunk>> {
        Ok(df.column(name)?.str()?.downcast_iter().collect())
    }
    let decimal = |name: &str| -> PolarsResult<(Vec<&MantissaChunk>, u32)> {
        let ca = read_once.column(name)?.decimal()?;
        Ok((ca.phys.downcast_iter().collect(), ca.scale() as u32))
    };
    let chunks = |df: &DataFrame| df.columns().first().map(|c| c.n_chunks());
    if kept.should_rechunk() || read_once.should_rechunk() || chunks(kept) != chunks(&read_once) {
        return Err(PolarsError::ComputeError("the frames' columns are chunked unevenly: align them first".into()));
    }
    let cols = Columns {
        mention_id: text(kept, "mention_id")?,
        article_id: text(kept, "article_id")?,
        start: read_once.column("start")?.i64()?.downcast_iter().collect(),
        outlet: text(kept, "outlet")?,
        published: read_once.column("published")?.date()?.phys.downcast_iter().collect(),
        surface: text(&read_once, "surface")?,
        sentence: text(&read_once, "sentence")?,
        amount: decimal("amount")?,
        amount_max: decimal("amount_max")?,
        currency: text(kept, "currency")?,
        qualifier: text(&read_once, "qualifier")?,
        amount_usd: decimal("amount_usd")?,
        source: text(kept, "source")?,
        metric: text(kept, "metric")?,
    };
    // Each metric's figures go straight into one vector, in row order, each
    // core writing the figures of its run of chunks into its own part of
    // it. A count comes first (per run: each row's metric, numbered as met,
    // and how many figures each metric has), so the vectors are sized
    // exactly and never grown, joined or regrouped: each figure is written
    // once, into memory touched once.
    let n_chunks = cols.mention_id.len();
    let share = n_chunks.div_ceil(rayon::current_num_threads().max(1)).max(1);
    let runs: Vec<std::ops::Range<usize>> =
        (0..n_chunks).step_by(share).map(|lo| lo..(lo + share).min(n_chunks)).collect();
    let counted: Vec<Counted<'_>> = runs.par_iter().map(|run| cols.count(run.clone())).collect();
    // The metrics over all runs, and where each run's figures of each go.
    let mut metric_of: FxHashMap<&str, usize> = FxHashMap::default();
    let mut totals: Vec<usize> = Vec::new();
    let globals: Vec<Vec<usize>> = counted
        .iter()
        .map(|c| {
            c.metrics
                .iter()
                .zip(&c.counts)
                .map(|(name, &n)| {
                    let next = metric_of.len();
                    let g = *metric_of.entry(name).or_insert(next);
                    if g == totals.len() {
                        totals.push(0);
                    }
                    totals[g] += n;
                    g
                })
                .collect()
        })
        .collect();
    let mut vectors: Vec<Vec<Figure<'_>>> = totals.iter().map(|&n| Vec::with_capacity(n)).collect();
    // Each run's part of each vector (runs in order, so each vector holds
    // its figures in row order).
    let mut parts: Vec<Vec<&mut [MaybeUninit<Figure<'_>>]>> =
        counted.iter().map(|c| c.counts.iter().map(|_| Default::default()).collect()).collect();
    {
        let mut rest: Vec<&mut [MaybeUninit<Figure<'_>>]> =
            vectors.iter_mut().zip(&totals).map(|(v, &n)| &mut v.spare_capacity_mut()[..n]).collect();
        for ((c, global), part) in counted.iter().zip(&globals).zip(&mut parts) {
            for ((&n, &g), slot) in c.counts.iter().zip(global).zip(part.iter_mut()) {
                let (head, tail) = std::mem::take(&mut rest[g]).split_at_mut(n);
                *slot = head;
                rest[g] = tail;
            }
        }
    }
    let complete = runs.into_par_iter().zip(counted).zip(parts).all(|((run, c), mut part)| {
        let mut filled = vec![0usize; part.len()];
        let mut cache = IntervalCache::default();
        let mut fits = true;
        for (k, numbers) in run.zip(&c.numbered) {
            cols.chunk(k, &mut cache, |row, f| {
                let m = numbers[row] as usize;
                match part[m].get_mut(filled[m]) {
                    Some(slot) => {
                        slot.write(f);
                        filled[m] += 1;
                    }
                    None => fits = false,
                }
            });
        }
        fits && filled == c.counts
    });
    if !complete {
        // The count and the figures read disagree: a fault in this code,
        // not in the ledger. Nothing unwritten is ever read.
        return Err(PolarsError::ComputeError("figures and their count disagree".into()));
    }
    for (v, n) in vectors.iter_mut().zip(totals) {
        // SAFETY: the first n slots of v's capacity were handed out as the
        // runs' parts, end to end, and every run wrote every slot of each of
        // its parts (checked just above).
        unsafe { v.set_len(n) };
    }
    Ok(Figures { parts: vectors.into_iter().filter(|v| !v.is_empty()).collect() })
}

/// One run of chunks counted: each row's metric numbered in the order
/// met, the metrics by number, and how many figures (rows with an amount)
/// each has.
struct Counted<'a> {
    numbered: Vec<Vec<u32>>,
    metrics: Vec<&'a str>,
    counts: Vec<usize>,
}

/// Each column's arrow chunks; chunk k of every column covers the same rows.
/// The kept columns live for 'a, the ones read once for 'b.
struct Columns<'a, 'b> {
    mention_id: Vec<&'a TextChunk>,
    article_id: Vec<&'a TextChunk>,
    start: Vec<&'b StartChunk>,
    outlet: Vec<&'a TextChunk>,
    published: Vec<&'b DayChunk>,
    surface: Vec<&'b TextChunk>,
    sentence: Vec<&'b TextChunk>,
    amount: (Vec<&'b MantissaChunk>, u32),
    amount_max: (Vec<&'b MantissaChunk>, u32),
    currency: Vec<&'a TextChunk>,
    qualifier: Vec<&'b TextChunk>,
    amount_usd: (Vec<&'b MantissaChunk>, u32),
    source: Vec<&'a TextChunk>,
    metric: Vec<&'a TextChunk>,
}

impl<'a, 'b> Columns<'a, 'b> {
    /// Counts a run of chunks (see `Counted`).
    fn count(&self, run: std::ops::Range<usize>) -> Counted<'a> {
        let mut number: FxHashMap<&'a str, u32> = FxHashMap::default();
        let mut counted = Counted { numbered: Vec::new(), metrics: Vec::new(), counts: Vec::new() };
        for k in run {
            let numbers = self.metric[k]
                .iter()
                .zip(self.amount.0[k].iter())
                .map(|(metric, amount)| {
                    // Figures are compared within the metric they are compared as
                    // (a package's size dropped): see `MetricKey::compared_as`.
                    let metric = MetricKey::compared_as(metric.unwrap_or_default());
                    let n = *number.entry(metric).or_insert_with(|| {
                        counted.metrics.push(metric);
                        counted.counts.push(0);
                        counted.metrics.len() as u32 - 1
                    });
                    // Only a row with an amount is a figure (see `chunk`).
                    counted.counts[n as usize] += usize::from(amount.is_some());
                    n
                })
                .collect();
            counted.numbered.push(numbers);
        }
        counted
    }

    /// Chunk k's figures, each handed to `keep` with its row in the chunk.
    fn chunk(&self, k: usize, cache: &mut IntervalCache<'b>, mut keep: impl FnMut(usize, Figure<'a>)) {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
        let decimals = |(chunks, scale): &(Vec<&'b MantissaChunk>, u32)| {
            let scale = *scale;
            chunks[k].iter().map(move |v| v.map(|m| Decimal::from_i128_with_scale(*m, scale)))
        };
        let (mut mention_id, mut article_id, mut outlet) =
            (self.mention_id[k].iter(), self.article_id[k].iter(), self.outlet[k].iter());
        let (mut surface, mut sentence, mut currency) =
            (self.surface[k].iter(), self.sentence[k].iter(), self.currency[k].iter());
        let (mut qualifier, mut source, mut metric) =
            (self.qualifier[k].iter(), self.source[k].iter(), self.metric[k].iter());
        let mut published = self.published[k].iter();
        let mut start = self.start[k].iter();
        let (mut amount, mut amount_max, mut amount_usd) =
            (decimals(&self.amount), decimals(&self.amount_max), decimals(&self.amount_usd));
        let len = self.mention_id[k].len();
        let kept = |v: Option<Option<&'a str>>| v.flatten().unwrap_or_default();
        let read = |v: Option<Option<&'b str>>| v.flatten().unwrap_or_default();
        for at in 0..len {
            let row = Row {
                mention_id: kept(mention_id.next()),
                article_id: kept(article_id.next()),
                start: start.next().flatten().copied().unwrap_or_default(),
                outlet: outlet.next().flatten(),
                published: published
                    .next()
                    .flatten()
                    .and_then(|days| epoch.checked_add_signed(chrono::Duration::days((*days).into()))),
                surface: read(surface.next()),
                sentence: read(sentence.next()),
                amount: Decimal::ZERO,
                amount_max: amount_max.next().flatten(),
                currency: kept(currency.next()),
                qualifier: read(qualifier.next()),
                amount_usd: amount_usd.next().flatten(),
                source: source.next().flatten(),
                metric: kept(metric.next()),
            };
            if let Some(value) = amount.next().flatten() {
                keep(at, Figure::cached(Row { amount: value, ..row }, cache));
            }
        }
    }
}
