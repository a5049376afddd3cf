//! A metric's figures by date, and the consensus as of each date: the value
//! most independent outlets agree on within a trailing window.
//!
//! Independence: each outlet votes once, with its latest article's first
//! figure in the window, and copies of one story (the same sentence, as
//! syndicated wire copy and mirrors carry it) vote once however many
//! outlets ran them. Ties go to a figure attributed to a named source, then
//! to the finer value, then to the latest.
//!
//! `consensus` works this out for one date from scratch. `timelines` needs
//! it for every date of every metric, so it slides the window along the
//! metric's figures and keeps the voices, stories and value groups up to
//! date as figures enter and leave: work in proportion to the figures, not
//! to figures × dates. A test holds the two to the same answers.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::{Duration, NaiveDate};
use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::figure::{ArticleId, Figure, Figures};
use super::tolerance::{agree, Interval};
use crate::labels::MetricKey;

/// The trailing window consensus looks back over, in days, unless told.
pub const DEFAULT_WINDOW_DAYS: i64 = 45;

/// The longest window: a century. Longer ones are taken as this (a window
/// reaching before the calendar's start must not overflow a date).
pub const MAX_WINDOW_DAYS: i64 = 36_600;

/// The first day of the window that ends on `as_of`.
pub fn window_start(as_of: NaiveDate, window_days: i64) -> NaiveDate {
    as_of.checked_sub_signed(Duration::days(window_days.clamp(1, MAX_WINDOW_DAYS) - 1)).unwrap_or(NaiveDate::MIN)
}

/// How many independent voices must agree before a consensus is held up
/// against other figures.
pub const MIN_SUPPORT: usize = 2;

/// The agreed value of a metric as of a date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Consensus<'a> {
    /// The figure that states the consensus value (a voice, so it has a
    /// dollar value).
    pub figure: &'a Figure<'a>,
    /// How many independent voices agree with it.
    pub support: usize,
    /// How many independent voices spoke in the window.
    pub voices: usize,
}

impl Consensus<'_> {
    pub fn amount_usd(&self) -> Decimal {
        self.figure.amount_usd.unwrap_or_default()
    }

    /// What the consensus figure's text could stand for, in dollars.
    pub fn interval_usd(&self) -> Interval {
        self.figure.interval_usd.unwrap_or(Interval { low: None, high: None })
    }

    /// Whether a figure agrees with this consensus; None when the figure
    /// has no dollar value.
    pub fn agrees_with(&self, f: &Figure<'_>) -> Option<bool> {
        let (usd, interval) = f.usd()?;
        Some(agree(usd, &interval, self.amount_usd(), &self.interval_usd()))
    }
}

/// One figure on its metric's timeline.
#[derive(Debug, Clone, Copy)]
pub struct TimelineRow<'a> {
    pub figure: &'a Figure<'a>,
    /// None for an undated figure, or when no figure in the window has a
    /// dollar value.
    pub consensus: Option<Consensus<'a>>,
    /// Whether the figure agrees with the consensus; None when either has
    /// no dollar value, when fewer than `MIN_SUPPORT` independent voices
    /// stand behind the consensus (one outlet's figure is no yardstick for
    /// another's), or when the figure's own article states the consensus
    /// too (its other sizes of the metric are parts or tranches).
    pub agrees: Option<bool>,
}

/// One metric's timeline: its dated figures by date (then article and
/// place), then its undated ones, each with the consensus as of its date.
/// The timeline holds its figures in that order, so the checks that run
/// along it read memory in order rather than jumping about a large ledger.
#[derive(Debug, Clone)]
pub struct Timeline<'a> {
    pub metric: &'a str,
    /// The metric read once as its parts, for the checks that weigh them
    /// (its status class, whether it is whole); None for a name that is no
    /// metric this writes.
    pub key: Option<MetricKey>,
    pub figures: Vec<Figure<'a>>,
    /// Each consensus the metric had: the position of the figure stating
    /// it, its support and the voices in its window.
    agreed: Vec<(u32, u32, u32)>,
    /// Per figure: its consensus (an index into `agreed`, NONE for none)
    /// and whether it agrees with it.
    pub(super) marks: Vec<(u32, Option<bool>)>,
}

impl<'a> Timeline<'a> {
    /// Whether its figures are compared: a metric with an unknown donor,
    /// recipient or status lumps together figures that need not measure the
    /// same thing, so the checks leave it out (it stays on the timeline).
    pub fn is_reconcilable(&self) -> bool {
        self.key.as_ref().is_some_and(MetricKey::is_whole)
    }

    pub fn len(&self) -> usize {
        self.figures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.figures.is_empty()
    }

    /// The row at position `i` (0 ≤ i < len).
    pub fn row(&self, i: usize) -> TimelineRow<'_> {
        let (at, agrees) = self.marks[i];
        let consensus = self.agreed.get(at as usize).map(|&(p, support, voices)| Consensus {
            figure: &self.figures[p as usize],
            support: support as usize,
            voices: voices as usize,
        });
        TimelineRow { figure: &self.figures[i], consensus, agrees }
    }

    pub fn rows(&self) -> impl Iterator<Item = TimelineRow<'_>> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Where the undated figures begin.
    pub fn dated(&self) -> usize {
        self.figures.partition_point(|f| f.published.is_some())
    }
}

/// Among voices of one value that agree equally, a named source first,
/// then the latest.
fn tie_rank<'a>(f: &Figure<'a>) -> (bool, (Option<NaiveDate>, ArticleId<'a>, i64)) {
    (f.source.is_some(), f.order())
}

/// How finely a figure states its value: the width of its interval,
/// an open one the widest. Of two values with equal support, the finer
/// says more ("$60.8 billion" over "$61 billion", which it rounds to).
fn width(f: &Figure<'_>) -> Option<Decimal> {
    let i = f.interval_usd?;
    i.high?.checked_sub(i.low?)
}

/// Between groups with equal support: a named source, then the finer
/// value, then the latest.
fn group_rank(a: &Figure<'_>, b: &Figure<'_>) -> std::cmp::Ordering {
    let finer = match (width(a), width(b)) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Greater,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (None, None) => std::cmp::Ordering::Equal,
    };
    a.source.is_some().cmp(&b.source.is_some()).then(finer).then_with(|| a.order().cmp(&b.order()))
}

/// Which of an outlet's figures is its vote: the latest article's, and of
/// that article's figures the first in the text (the lede states the
/// headline figure; what follows is often a part or a tranche of it).
fn voice_rank<'a>(f: &Figure<'a>) -> (Option<NaiveDate>, ArticleId<'a>, std::cmp::Reverse<i64>) {
    (f.published, f.article_id, std::cmp::Reverse(f.start))
}

/// The consensus among `figures` (all of one metric) as of `as_of`, over the
/// `window_days` days up to and including it.
pub fn consensus<'a>(figures: &[&'a Figure<'a>], as_of: NaiveDate, window_days: i64) -> Option<Consensus<'a>> {
    // One vote per story, cast by its earliest copy.
    let mut stories: FxHashMap<u64, &Figure<'a>> = FxHashMap::default();
    for f in votes(figures, as_of, window_days) {
        match stories.entry(f.story) {
            Entry::Occupied(mut e) if f.order() < e.get().order() => {
                e.insert(f);
            }
            Entry::Occupied(_) => {}
            Entry::Vacant(e) => {
                e.insert(f);
            }
        }
    }
    // Voices stating the same value with the same precision agree with the
    // same others: weigh them as one group, each kept by the voice a tie
    // would pick.
    let mut groups: Vec<(&Figure<'a>, usize)> = Vec::new();
    let mut voices = 0;
    for f in stories.into_values() {
        voices += 1;
        match groups.iter_mut().find(|g| g.0.usd() == f.usd()) {
            Some(g) => {
                g.1 += 1;
                if tie_rank(f) > tie_rank(g.0) {
                    g.0 = f;
                }
            }
            None => groups.push((f, 1)),
        }
    }
    let (support, figure) = best(&groups)?;
    Some(Consensus { figure, support, voices })
}

/// Each voice's vote among `figures` (all of one metric) as of `as_of`, over
/// the `window_days` days up to and including it: the figure its latest
/// article gives first (see the module's comment). Copies of one story are
/// all here; `consensus` counts them once.
pub fn votes<'a>(figures: &[&'a Figure<'a>], as_of: NaiveDate, window_days: i64) -> Vec<&'a Figure<'a>> {
    let since = window_start(as_of, window_days);
    let mut by_voice: FxHashMap<u64, &Figure<'a>> = FxHashMap::default();
    for &f in figures {
        let Some(date) = f.published else { continue };
        if date < since || date > as_of || f.usd().is_none() {
            continue;
        }
        match by_voice.entry(f.voice) {
            Entry::Occupied(mut e) if voice_rank(e.get()) < voice_rank(f) => {
                e.insert(f);
            }
            Entry::Occupied(_) => {}
            Entry::Vacant(e) => {
                e.insert(f);
            }
        }
    }
    by_voice.into_values().collect()
}

/// The group most voices agree with, ties to `group_rank`: (support, the
/// figure stating it). Groups are (the figure stating a value, its votes);
/// a few per window, so every pair is compared.
fn best<'a>(groups: &[(&'a Figure<'a>, usize)]) -> Option<(usize, &'a Figure<'a>)> {
    groups
        .iter()
        .filter_map(|&(f, _)| {
            let (usd, interval) = f.usd()?;
            let support: usize = groups
                .iter()
                .filter_map(|&(g, n)| Some((g.usd()?, n)))
                .filter(|((u, i), _)| agree(usd, &interval, *u, i))
                .map(|(_, n)| n)
                .sum();
            Some((support, f))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| group_rank(a.1, b.1)))
}

/// The columns a timeline row is written with, in order.
pub const COLUMNS: [&str; 12] = [
    "metric",
    "published",
    "outlet",
    "source",
    "mention_id",
    "amount",
    "currency",
    "amount_usd",
    "consensus_usd",
    "support",
    "voices",
    "agrees",
];

/// Columns that hold numbers the tool computed (never escaped in CSV).
pub const NUMERIC_COLUMNS: [&str; 5] = ["amount", "amount_usd", "consensus_usd", "support", "voices"];

/// A row's cells in `COLUMNS` order; None is an empty cell.
pub fn cells(r: &TimelineRow<'_>) -> [Option<String>; 12] {
    let f = r.figure;
    let num = |v: Option<Decimal>| v.map(|v| v.normalize().to_string());
    let c = r.consensus.as_ref();
    [
        Some(f.metric.to_string()),
        f.published.map(|d| d.to_string()),
        f.outlet.map(str::to_string),
        f.source.map(str::to_string),
        Some(f.mention_id.to_string()),
        num(Some(f.amount)),
        Some(f.currency.to_string()),
        num(f.amount_usd.map(|v| v.round_dp(2))),
        num(c.map(|c| c.amount_usd().round_dp(2))),
        c.map(|c| c.support.to_string()),
        c.map(|c| c.voices.to_string()),
        r.agrees.map(|a| a.to_string()),
    ]
}

/// Every metric's timeline, metrics in name order; the metrics are worked
/// out in parallel.
pub fn timelines<'a>(figures: impl Into<Figures<'a>>, window_days: i64) -> Vec<Timeline<'a>> {
    let mut by_metric: BTreeMap<&str, Vec<Vec<Figure<'a>>>> = BTreeMap::new();
    for (metric, piece) in figures.into().into_pieces() {
        by_metric.entry(metric).or_default().push(piece);
    }
    by_metric
        .into_iter()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(metric, mut pieces)| {
            // One piece per core that read some of the metric: joined end to
            // end, then put in date order in place.
            let mut figures = pieces.swap_remove(0);
            figures.reserve_exact(pieces.iter().map(Vec::len).sum());
            for piece in pieces {
                figures.extend_from_slice(&piece);
            }
            let figures = sort_by_date(figures);
            let (agreed, marks) = Sliding::new(&figures, window_days).run();
            Timeline { metric, key: MetricKey::parse(metric), figures, agreed, marks }
        })
        .collect()
}

/// Figures in timeline order, undated last. Most share their date with
/// many others, so they are counted into days first and only each day's
/// few are compared by article and place.
fn sort_by_date<'a>(mut figures: Vec<Figure<'a>>) -> Vec<Figure<'a>> {
    let days: Vec<Option<i32>> =
        figures.iter().map(|f| f.published.map(|d| chrono::Datelike::num_days_from_ce(&d))).collect();
    let outright = |mut figures: Vec<Figure<'a>>| {
        figures.sort_unstable_by(|a, b| (a.published.is_none(), a.order()).cmp(&(b.published.is_none(), b.order())));
        figures
    };
    let (Some(first), Some(last)) = (days.iter().flatten().min(), days.iter().flatten().max()) else {
        // No dates at all: by article and place.
        return outright(figures);
    };
    let span = (i64::from(*last) - i64::from(*first) + 1) as usize;
    if span > 4 * figures.len() + 1024 {
        // Dates too spread out to count into days: compare outright.
        return outright(figures);
    }
    // Where each day starts; the undated go after the last day.
    let slot = |d: Option<i32>| d.map_or(span, |d| (d - first) as usize);
    let mut starts = vec![0usize; span + 2];
    for d in &days {
        starts[slot(*d) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut by_day = vec![0u32; figures.len()];
    let mut next = starts.clone();
    for (i, d) in days.iter().enumerate() {
        by_day[next[slot(*d)]] = i as u32;
        next[slot(*d)] += 1;
    }
    // Within a day, by article and place.
    let place = |i: u32| (figures[i as usize].article_id, figures[i as usize].start);
    for w in starts.windows(2) {
        by_day[w[0]..w[1]].sort_unstable_by(|&a, &b| place(a).cmp(&place(b)));
    }
    // Put figure by_day[k] at k, following each cycle of the permutation,
    // in place: a second copy of the metric's figures would cost as much
    // again in fresh memory.
    let mut placed = vec![false; figures.len()];
    for start in 0..figures.len() {
        if placed[start] {
            continue;
        }
        let held = figures[start];
        let mut at = start;
        loop {
            placed[at] = true;
            let from = by_day[at] as usize;
            if from == start {
                figures[at] = held;
                break;
            }
            figures[at] = figures[from];
            at = from;
        }
    }
    figures
}

const NONE: u32 = u32::MAX;

/// The window sliding along one metric's figures. Positions index the
/// figures in timeline order, so "earlier" and "later" are comparisons of
/// positions. The state, as of the window's last date:
/// - each voice's current figure (its latest in the window);
/// - each story's current voices, as a list in position order whose head
///   (the earliest copy) casts the story's vote;
/// - each value group's votes, and a heap of them by `tie_rank` whose top
///   states the group (stale entries are dropped when they reach the top).
struct Sliding<'s, 'a> {
    figures: &'s [Figure<'a>],
    window_days: i64,
    /// Per position: its voice, story and value group (NONE: no dollar
    /// value, so no vote).
    voice: Vec<u32>,
    story: Vec<u32>,
    group: Vec<u32>,
    voice_figure: Vec<u32>,
    story_head: Vec<u32>,
    story_tail: Vec<u32>,
    next: Vec<u32>,
    prev: Vec<u32>,
    /// Whether a position casts its story's vote now.
    voting: Vec<bool>,
    votes: Vec<usize>,
    heaps: Vec<BinaryHeap<u64>>,
    /// Groups with votes, and where each sits in that list.
    live: Vec<u32>,
    live_at: Vec<u32>,
}

impl<'s, 'a> Sliding<'s, 'a> {
    /// The window over `figures`, which are in timeline order.
    fn new(figures: &'s [Figure<'a>], window_days: i64) -> Sliding<'s, 'a> {
        let n = figures.len();
        let mut voices: FxHashMap<u64, u32> = FxHashMap::default();
        let mut stories: FxHashMap<u64, u32> = FxHashMap::default();
        let mut groups: FxHashMap<(u128, Option<u128>, Option<u128>), u32> = FxHashMap::default();
        let (mut voice, mut story, mut group) = (vec![NONE; n], vec![NONE; n], vec![NONE; n]);
        for (p, f) in figures.iter().enumerate() {
            // Figures without a dollar value have no key and no vote.
            let Some(key) = f.value_key() else { continue };
            let next_id = voices.len() as u32;
            voice[p] = *voices.entry(f.voice).or_insert(next_id);
            let next_id = stories.len() as u32;
            story[p] = *stories.entry(f.story).or_insert(next_id);
            let next_id = groups.len() as u32;
            group[p] = *groups.entry(key).or_insert(next_id);
        }
        let (n_voices, n_stories, n_groups) = (voices.len(), stories.len(), groups.len());
        Sliding {
            figures,
            window_days,
            voice,
            story,
            group,
            voice_figure: vec![NONE; n_voices],
            story_head: vec![NONE; n_stories],
            story_tail: vec![NONE; n_stories],
            next: vec![NONE; n],
            prev: vec![NONE; n],
            voting: vec![false; n],
            votes: vec![0; n_groups],
            heaps: (0..n_groups).map(|_| BinaryHeap::new()).collect(),
            live: Vec::new(),
            live_at: vec![NONE; n_groups],
        }
    }

    /// Each consensus the window saw, and per figure the consensus as of
    /// its date and whether it agrees (see `Timeline`).
    #[allow(clippy::type_complexity)]
    fn run(mut self) -> (Vec<(u32, u32, u32)>, Vec<(u32, Option<bool>)>) {
        let n = self.figures.len();
        let dated = self.figures.partition_point(|f| f.published.is_some());
        let mut agreed = Vec::new();
        let mut marks = Vec::with_capacity(n);
        let (mut first_in, mut i) = (0, 0);
        while i < dated {
            let date = self.figures[i].published;
            let mut j = i;
            while j < dated && self.figures[j].published == date {
                self.enter(j);
                j += 1;
            }
            let since = date.map(|d| window_start(d, self.window_days));
            while first_in < j && self.figures[first_in].published < since {
                self.leave(first_in);
                first_in += 1;
            }
            let consensus = self.consensus();
            let at = match consensus {
                Some((p, support, voices)) => {
                    agreed.push((p as u32, support as u32, voices as u32));
                    agreed.len() as u32 - 1
                }
                None => NONE,
            };
            for p in i..j {
                let agrees = match consensus {
                    Some((c, support, _)) if support >= MIN_SUPPORT => self.figures[p]
                        .usd()
                        .zip(self.figures[c].usd())
                        .map(|((usd, interval), (c_usd, c_interval))| agree(usd, &interval, c_usd, &c_interval)),
                    _ => None,
                };
                marks.push((at, agrees));
            }
            // An article that states the consensus itself and another size
            // of the metric beside it ("£2.3bn in all, of which £1bn new")
            // is not contradicting the consensus: its other figure measures
            // a part or a tranche, and is not held against it. An article's
            // figures of a day sit together (by article, then place).
            let mut run = i;
            while run < j {
                let article = self.figures[run].article_id;
                let end = (run..j).find(|&p| self.figures[p].article_id != article).unwrap_or(j);
                if marks[run..end].iter().any(|m| m.1 == Some(true)) {
                    for m in &mut marks[run..end] {
                        if m.1 == Some(false) {
                            m.1 = None;
                        }
                    }
                }
                run = end;
            }
            i = j;
        }
        marks.resize(n, (NONE, None));
        (agreed, marks)
    }

    /// A figure enters the window: the newest, so its outlet's voice now.
    fn enter(&mut self, p: usize) {
        let v = self.voice[p];
        if v == NONE {
            return;
        }
        let old = self.voice_figure[v as usize];
        if old != NONE {
            // Later in the same article: the article's first figure stays
            // the vote (see `voice_rank`).
            let (was, now) = (&self.figures[old as usize], &self.figures[p]);
            if (was.published, was.article_id) == (now.published, now.article_id) {
                return;
            }
            self.unvoice(old as usize);
        }
        self.voice_figure[v as usize] = p as u32;
        // Join the story's list at its end (the latest copy).
        let s = self.story[p] as usize;
        let tail = self.story_tail[s];
        self.prev[p] = tail;
        self.next[p] = NONE;
        self.story_tail[s] = p as u32;
        if tail == NONE {
            self.story_head[s] = p as u32;
            self.vote(p);
        } else {
            self.next[tail as usize] = p as u32;
        }
    }

    /// A figure leaves the window; if it was still its outlet's voice, the
    /// outlet has nothing newer in the window and falls silent.
    fn leave(&mut self, p: usize) {
        let v = self.voice[p];
        if v != NONE && self.voice_figure[v as usize] == p as u32 {
            self.voice_figure[v as usize] = NONE;
            self.unvoice(p);
        }
    }

    /// A figure stops being a voice; if it cast its story's vote, the next
    /// copy casts it.
    fn unvoice(&mut self, p: usize) {
        let s = self.story[p] as usize;
        let (before, after) = (self.prev[p], self.next[p]);
        match before {
            NONE => self.story_head[s] = after,
            b => self.next[b as usize] = after,
        }
        match after {
            NONE => self.story_tail[s] = before,
            a => self.prev[a as usize] = before,
        }
        if self.voting[p] {
            self.unvote(p);
            if after != NONE {
                self.vote(after as usize);
            }
        }
    }

    fn vote(&mut self, p: usize) {
        let g = self.group[p] as usize;
        self.voting[p] = true;
        self.votes[g] += 1;
        if self.votes[g] == 1 {
            self.live_at[g] = self.live.len() as u32;
            self.live.push(g as u32);
        }
        let rank = (u64::from(self.figures[p].source.is_some()) << 32) | p as u64;
        self.heaps[g].push(rank);
    }

    fn unvote(&mut self, p: usize) {
        let g = self.group[p] as usize;
        self.voting[p] = false;
        self.votes[g] -= 1;
        if self.votes[g] == 0 {
            let at = self.live_at[g] as usize;
            self.live.swap_remove(at);
            if let Some(&moved) = self.live.get(at) {
                self.live_at[moved as usize] = at as u32;
            }
            self.live_at[g] = NONE;
            self.heaps[g].clear();
        }
    }

    /// The voice a tie would pick to state group `g`.
    fn stated_by(&mut self, g: usize) -> Option<usize> {
        while let Some(&top) = self.heaps[g].peek() {
            let p = (top & u64::from(u32::MAX)) as usize;
            if self.voting[p] {
                return Some(p);
            }
            self.heaps[g].pop();
        }
        None
    }

    /// The consensus now: (the position of the figure stating it,
    /// support, voices).
    fn consensus(&mut self) -> Option<(usize, usize, usize)> {
        let live: Vec<u32> = self.live.clone();
        let voices = live.iter().map(|&g| self.votes[g as usize]).sum();
        let mut groups: Vec<(&'s Figure<'a>, usize)> = Vec::with_capacity(live.len());
        let mut stated: Vec<usize> = Vec::with_capacity(live.len());
        for &g in &live {
            let p = self.stated_by(g as usize)?;
            groups.push((&self.figures[p], self.votes[g as usize]));
            stated.push(p);
        }
        let (support, figure) = best(&groups)?;
        let at = groups.iter().position(|(f, _)| std::ptr::eq(*f, figure))?;
        Some((stated[at], support, voices))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::testkit::{day, fig, retold, usd};

    fn billions(v: Decimal) -> String {
        (v / Decimal::from(1_000_000_000)).normalize().to_string()
    }

    #[test]
    fn most_outlets_within_precision_win_and_a_named_source_breaks_ties() {
        let mut a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        a.source = Some("US Congress");
        let b = usd("b", "Beta", "2024-04-25", "$60.8 billion", "60800000000");
        let c = usd("c", "Gamma", "2024-04-25", "$60 billion", "60000000000");
        let all = [&a, &b, &c];
        let got = consensus(&all, day("2024-04-26"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!((billions(got.amount_usd()), got.support, got.voices), ("61".into(), 2, 3));
        assert_eq!(got.figure.source, Some("US Congress"));
    }

    #[test]
    fn syndicated_copies_vote_once() {
        let a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        let b = usd("b", "Beta", "2024-04-24", "$61 billion", "61000000000");
        // Three outlets running one wire story: the same sentence.
        let mut wire: Vec<Figure> = ["Delta", "Epsilon", "Zeta"]
            .iter()
            .enumerate()
            .map(|(i, o)| usd(&format!("w{i}"), o, "2024-04-25", "$50 billion", "50000000000"))
            .collect();
        for w in &mut wire {
            *w = retold(*w, "The wire said $50 billion was approved.");
        }
        let mut all = vec![&a, &b];
        all.extend(wire.iter());
        let got = consensus(&all, day("2024-04-25"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!((billions(got.amount_usd()), got.support, got.voices), ("61".into(), 2, 3));
    }

    #[test]
    fn the_window_forgets_old_figures_and_an_outlet_votes_with_its_latest() {
        let old_a = usd("a1", "Alpha", "2023-12-01", "$113 billion", "113000000000");
        let old_b = usd("b1", "Beta", "2023-12-02", "$113 billion", "113000000000");
        let new_a = usd("a2", "Alpha", "2024-04-20", "$175 billion", "175000000000");
        let all = [&old_a, &old_b, &new_a];
        // In December both say 113.
        let dec = consensus(&all, day("2023-12-10"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!((billions(dec.amount_usd()), dec.support), ("113".into(), 2));
        // In late April the December figures are out of the window.
        let apr = consensus(&all, day("2024-04-25"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!((billions(apr.amount_usd()), apr.voices), ("175".into(), 1));
        // With a window of a year, Alpha votes once, with its newer figure;
        // the tie between one 113 and one 175 goes to the later.
        let year = consensus(&all, day("2024-04-25"), 366).unwrap();
        assert_eq!((billions(year.amount_usd()), year.voices), ("175".into(), 2));
    }

    #[test]
    fn figures_in_other_currencies_compare_at_their_own_rate() {
        let a = usd("a", "Alpha", "2024-02-02", "$54 billion", "54000000000");
        // €50 billion at 1.08 is $54 billion: the same figure.
        let b = fig("b", "Beta", "2024-02-01", "€50 billion", "50000000000", "EUR", "1.08");
        let all = [&a, &b];
        let got = consensus(&all, day("2024-02-02"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!(got.support, 2);
        // At parity the two would not agree.
        let c = fig("c", "Gamma", "2024-02-01", "€50 billion", "50000000000", "EUR", "1");
        let all = [&a, &c];
        assert_eq!(consensus(&all, day("2024-02-02"), DEFAULT_WINDOW_DAYS).unwrap().support, 1);
    }

    #[test]
    fn timelines_order_by_date_keep_undated_figures_and_mark_agreement() {
        let a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        let b = usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000");
        let c = usd("c", "Gamma", "2024-04-26", "$60 billion", "60000000000");
        let undated = usd("u", "Undated Weekly", "not a date", "$61 billion", "61000000000");
        let figures = vec![undated, c, b, a];
        let lines = timelines(figures.clone(), DEFAULT_WINDOW_DAYS);
        let rows: Vec<TimelineRow> = lines[0].rows().collect();
        let order: Vec<&str> = rows.iter().map(|r| r.figure.mention_id).collect();
        assert_eq!(order, ["a", "b", "c", "u"]);
        let agrees: Vec<Option<bool>> = rows.iter().map(|r| r.agrees).collect();
        // Alpha alone on the first day is no consensus to measure against.
        assert_eq!(agrees, [None, Some(true), Some(false), None]);
        assert!(rows[3].consensus.is_none(), "an undated figure gets no consensus");
    }

    #[test]
    fn any_window_length_is_safe() {
        let a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        let b = usd("b", "Beta", "1900-01-01", "$61 billion", "61000000000");
        let figures = vec![a, b];
        for window in [i64::MIN, -5, 0, 1, MAX_WINDOW_DAYS, i64::MAX] {
            let rows: usize = timelines(figures.clone(), window).iter().map(Timeline::len).sum();
            assert_eq!(rows, 2, "window {window}");
        }
        // A century reaches back to 1924, not to 1900.
        let all: Vec<&Figure> = figures.iter().collect();
        assert_eq!(consensus(&all, day("2024-04-24"), i64::MAX).unwrap().voices, 1);
    }

    /// The sliding window must give, at every date, what working the
    /// consensus out from scratch gives: the same figure, support and voices.
    #[test]
    fn the_sliding_window_agrees_with_consensus_from_scratch() {
        let mut seed: u64 = 0x2545f4914f6cdd1d;
        let mut below = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let surfaces =
            [("$61 billion", "61000000000"), ("$60.8 billion", "60800000000"), ("$60 billion", "60000000000")];
        let mut figures = Vec::new();
        for i in 0..600 {
            let (surface, amount) = surfaces[below(3) as usize];
            let date = day("2024-01-01") + Duration::days(below(120) as i64);
            let outlet = format!("Outlet {}", below(12));
            let mut f = match below(10) {
                0 => fig(&format!("m{i}"), &outlet, &date.to_string(), surface, amount, "EUR", "1.08"),
                _ => usd(&format!("m{i}"), &outlet, &date.to_string(), surface, amount),
            };
            f.article_id = ArticleId::new(format!("art{}", below(300)).leak());
            f.start = below(5000) as i64;
            if below(3) == 0 {
                f.source = Some("Kiel Institute");
            }
            if below(4) == 0 {
                // A wire story many outlets carry.
                f = retold(f, &format!("Wire story {}", below(4)));
            }
            if below(25) == 0 {
                f.amount_usd = None;
                f.interval_usd = None;
            }
            figures.push(f);
        }
        let all: Vec<&Figure> = figures.iter().collect();
        for window in [1, 7, DEFAULT_WINDOW_DAYS] {
            let lines = timelines(figures.clone(), window);
            assert_eq!(lines.len(), 1);
            for r in lines[0].rows() {
                let date = r.figure.published.unwrap();
                let want = consensus(&all, date, window);
                let got = r.consensus.map(|c| (c.figure.mention_id, c.support, c.voices));
                assert_eq!(got, want.map(|c| (c.figure.mention_id, c.support, c.voices)), "window {window}, {date}");
            }
        }
    }
}
