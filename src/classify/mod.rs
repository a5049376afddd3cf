//! Context labels for each money mention: what it counts (category), how far
//! along it is (status), who gives and who receives it, who says so (source),
//! the period it covers, and whether it is aid to the lexicon's subject.
//!
//! Every label comes from cues of the lexicon found in the text: first in
//! the mention's own sentence (the cue nearest the amount, within its clause,
//! not owned by another amount), then the sentences before it in the same
//! paragraph, then the headline, then the article as a whole. Each label
//! keeps the cue that decided it, so `extract --explain` can show why.

use crate::article::Article;
use crate::extract::Money;
use crate::labels::{Category, Magnitude, MetricKey, Scope, SourceKind, Status};
use crate::lexicon::{Cue, Hit, Lexicon, Role, WordsBefore};
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;

/// The labels of one mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub category: Category,
    pub status: Status,
    pub donor: Option<String>,
    pub recipient: Option<String>,
    pub source: Option<String>,
    pub scope_start: Option<NaiveDate>,
    pub scope_end: Option<NaiveDate>,
    pub aid_to_ukraine: bool,
    /// What groups this figure with the other reports of its quantity.
    pub metric: MetricKey,
    /// Why each label is what it is.
    pub explain: Vec<Why>,
}

impl Context {
    /// The metric again, after a label it is made of changed.
    fn rekey(&mut self) {
        self.metric = MetricKey::new(
            self.donor.as_deref(),
            self.recipient.as_deref(),
            self.category,
            self.metric.scope,
            self.status,
        );
    }
}

/// The cue that decided a label (its byte span in the article text), or
/// the rule that applied. The words and their code point offset are read
/// from the text only when asked for (`extract --explain`).
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub label: &'static str,
    /// Mostly a label's fixed name: borrowed then, owned only for a name
    /// read from the lexicon or a date, so that explaining every label of
    /// every figure allocates little.
    pub value: Cow<'static, str>,
    pub cue_span: Option<(usize, usize)>,
    pub rule: Rule,
}

impl Why {
    /// The words of the cue.
    pub fn cue<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.cue_span.and_then(|(s, e)| text.get(s..e))
    }

    /// Where the cue stands, as a code point offset into `text`.
    pub fn at(&self, text: &str) -> Option<usize> {
        self.cue_span.and_then(|(s, _)| text.get(..s)).map(|t| t.chars().count())
    }
}

/// The two parties to a figure, which `Doc::fill_party` fills alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Donor,
    Recipient,
}

impl Party {
    fn of(self, c: &Context) -> &Option<String> {
        match self {
            Party::Donor => &c.donor,
            Party::Recipient => &c.recipient,
        }
    }

    fn of_mut(self, c: &mut Context) -> &mut Option<String> {
        match self {
            Party::Donor => &mut c.donor,
            Party::Recipient => &mut c.recipient,
        }
    }
}

/// A step of the fallback chain (`Doc::places`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Sentence,
    Paragraph,
    Headline,
}

impl Place {
    /// The rule of a cue found in this place.
    fn rule(self) -> Rule {
        match self {
            Place::Sentence => Rule::NearestCue,
            Place::Paragraph => Rule::EarlierInParagraph,
            Place::Headline => Rule::Headline,
        }
    }
}

/// Whether a label's chain ends in the headline: never, only for figures
/// outside it, or always (a giver the headline names, even for its own figure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Headline {
    Never,
    OfOthers,
    Always,
}

/// The rule that decided a label, as `--explain` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    NotAid,
    DonorsUsualKind,
    SubjectAmongRecipients,
    SubjectNotAmongRecipients,
    TrackerTotalCountsProvided,
    ReceivedMoneyIsDisbursed,
    ReconstructionNeed,
    NotAidNearestCue,
    NearestCueDespiteCost,
    AidDespiteCost,
    TwoKindsTogether,
    NearestCue,
    EarlierInParagraph,
    Headline,
    NoCue,
    OneChamberOnly,
    OpenPeriod,
    PerfectSum,
    GiverNamedMost,
    NoGiver,
    NearestRecipient,
    NamedBeforeReceivingVerb,
    NotAidNoRecipient,
    RecipientNamedMost,
    BodysCountry,
    NoRecipient,
    AttributedInSentence,
    AttributedEarlier,
    PronounCarriesSource,
    OwnRelease,
    OutletsOwnVoice,
    SinceSubjectStart,
    SinceYear,
    SinceMonth,
    YearNamed,
    ThisYear,
    GiverAfterAmount,
    Possessive,
    NearestGiver,
    WholeOfPart,
    Conversion,
    ArticlesUsualStatus,
    ArticlesUsualGiver,
    ArticlesUsualRecipient,
    HeadlineTakesMainSource,
    GiverGroup,
    ResearchDrawnOn,
    OnlyBodyQuoted,
    RepeatedFigure,
    ArticleTheme,
    DecisionOverReceiving,
    DealStillPending,
}

impl Rule {
    /// The rule in the words `--explain` prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::NotAid => "not aid",
            Rule::DonorsUsualKind => "the donor's usual kind of aid",
            Rule::SubjectAmongRecipients => "aid with the subject among its recipients",
            Rule::SubjectNotAmongRecipients => "the subject is not among its recipients",
            Rule::TrackerTotalCountsProvided => "a tracker's running total counts what was provided",
            Rule::ReceivedMoneyIsDisbursed => "financial aid received is disbursed",
            Rule::ReconstructionNeed => "not aid: a reconstruction need",
            Rule::NotAidNearestCue => "not aid: nearest cue",
            Rule::NearestCueDespiteCost => "nearest cue, aid despite a cost word",
            Rule::AidDespiteCost => "aid despite a cost word",
            Rule::TwoKindsTogether => "two kinds named together",
            Rule::NearestCue => "nearest cue",
            Rule::EarlierInParagraph => "earlier in the paragraph",
            Rule::Headline => "the headline",
            Rule::NoCue => "no cue",
            Rule::OneChamberOnly => "passed by one chamber only",
            Rule::OpenPeriod => "a period that has not ended",
            Rule::PerfectSum => "a sum reported in the perfect",
            Rule::GiverNamedMost => "the giver the article names most",
            Rule::NoGiver => "no giver named",
            Rule::NearestRecipient => "nearest recipient in the sentence",
            Rule::NamedBeforeReceivingVerb => "a name the lexicon lacks, before a receiving verb",
            Rule::NotAidNoRecipient => "not aid, no recipient named",
            Rule::RecipientNamedMost => "the recipient the article names most",
            Rule::BodysCountry => "a body's money goes to the country the article names most",
            Rule::NoRecipient => "no recipient named",
            Rule::AttributedInSentence => "named with a word of attribution in the sentence",
            Rule::AttributedEarlier => "attributed earlier in the paragraph",
            Rule::PronounCarriesSource => "a pronoun carries the last named source",
            Rule::OwnRelease => "the article is that body's own release",
            Rule::OutletsOwnVoice => "stated in the outlet's own voice",
            Rule::SinceSubjectStart => "since the subject's start",
            Rule::SinceYear => "\"since\" a year",
            Rule::SinceMonth => "\"since\" a month",
            Rule::YearNamed => "a year named",
            Rule::ThisYear => "\"this year\" of the publication date",
            Rule::GiverAfterAmount => "\"from\" or \"by\" after the amount",
            Rule::Possessive => "possessive before the amount",
            Rule::NearestGiver => "nearest giver in the sentence",
            Rule::WholeOfPart => "a whole of which a part follows",
            Rule::Conversion => "a conversion of the amount before it: its labels",
            Rule::ArticlesUsualStatus => "the status the article gives most often",
            Rule::ArticlesUsualGiver => "the giver the article names for its other figures",
            Rule::ArticlesUsualRecipient => "the receiver the article names for its other figures",
            Rule::HeadlineTakesMainSource => "the headline takes the article's main source",
            Rule::GiverGroup => "a giver joined to others: the group",
            Rule::ResearchDrawnOn => "the research the article draws its figures from",
            Rule::OnlyBodyQuoted => "the one body the article quotes",
            Rule::RepeatedFigure => "the same figure stated earlier in the article",
            Rule::ArticleTheme => "the kind the article names most",
            Rule::DecisionOverReceiving => "a decision, not the receiving verb, says the stage",
            Rule::DealStillPending => "its sentence or one beside it says the deal still awaits its decision",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How far apart two byte spans are, with a penalty for each clause break
/// (";" or a new line) between them.
fn distance(text: &str, a: (usize, usize), b: (usize, usize)) -> usize {
    let (lo, hi) = if a.1 <= b.0 {
        (a.1, b.0)
    } else if b.1 <= a.0 {
        (b.1, a.0)
    } else {
        return 0;
    };
    let breaks = memchr::memchr2_iter(b';', b'\n', &text.as_bytes()[lo..hi]).count();
    (hi - lo) + breaks * 120
}

/// Whether `word` stands in `text` with a space on each side (" and ").
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| text[..at].ends_with(' ') && text[at + word.len()..].starts_with(' '))
}

/// Where the last "\n\n" in `bytes` starts. A paragraph break is looked for
/// behind every mention: line breaks are rare, so jumping between them
/// (memrchr) is far cheaper than a substring search run backwards.
fn last_blank_line(bytes: &[u8]) -> Option<usize> {
    memchr::memrchr_iter(b'\n', bytes).find(|&q| q > 0 && bytes[q - 1] == b'\n').map(|q| q - 1)
}

/// `i` moved back to a char boundary of `text` (and within it).
fn floor_char(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How far (bytes) before an amount the auxiliary of a perfect may stand:
/// "has so far provided Ukraine with more than" fits, the clause before does not.
const PERFECT_REACH: usize = 60;

/// How much farther a general word ("aid") counts than a specific one ("military").
const GENERAL_WORD_PENALTY: usize = 40;

/// How much nearer a word of cost or assets ("frozen") counts than it stands.
const NOT_AID_BONUS: usize = 20;

struct Doc<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    hits: Vec<Hit>,
    mentions: &'a [Money],
    /// Byte end of the headline: the first line when it reads as one.
    headline_end: usize,
    /// The institution that published the article as its own release
    /// (`own_release`), which speaks for all of it.
    own_release: Option<String>,
    /// A research body the article draws its figures from.
    research_source: Option<usize>,
    only_source: Option<usize>,
    /// Every attribution in the article, computed once.
    attributions: Vec<(Hit, usize, u8)>,
    /// Givers joined to others in one group ("the United States and its
    /// allies"): the byte span of each such phrase.
    groups: Vec<(usize, usize)>,
    /// Per mention, the amount it converts ("€50 billion ($55 billion)").
    conversions: Vec<Option<usize>>,
    /// The period the last sentence asked about covers, by its start.
    last_scope: std::cell::RefCell<Option<(usize, ScopeFound)>>,
    /// Per mention, the sentences before its own in its paragraph, found
    /// when a label first needs them.
    paragraphs: Vec<std::cell::OnceCell<Vec<(usize, usize)>>>,
    /// The mentions by the sentence they stand in, and per mention the
    /// range of this list that holds its sentence's: only the amounts of
    /// one sentence compete for its cues.
    by_sentence: Vec<usize>,
    sentence_range: Vec<(usize, usize)>,
    /// Where the actors followed by a receiving verb start, worked out once
    /// per article (mostly none): every label asks of every actor it meets.
    receiving_actors: Vec<usize>,
    /// The kind of aid the article is about, if one leads (`Doc::theme`).
    theme: std::cell::OnceCell<Option<Category>>,
    /// Where the article says a deal still awaits its decision
    /// (`Doc::pending_beside`), found when a figure first asks.
    awaiting: std::cell::OnceCell<Vec<(usize, usize)>>,
}

/// Labels every mention of one article.
pub fn classify(article: &Article, mentions: &[Money], lex: &Lexicon) -> Vec<Context> {
    if mentions.is_empty() {
        return Vec::new();
    }
    let text = article.text.as_str();
    let first_line = text.find('\n').unwrap_or(text.len());
    let headline_end = if first_line < 220 && !text[..first_line].trim_end().ends_with('.') { first_line } else { 0 };
    let mut hits = cue_hits(text, mentions, headline_end, lex);
    let references = short_references(text, &hits, lex);
    if !references.is_empty() {
        hits.extend(references);
        hits.sort_by_key(|h| (h.start, h.end));
    }
    let own_release = own_release(article, lex);
    let mut doc = Doc {
        text,
        lex,
        hits,
        mentions,
        headline_end,
        own_release,
        research_source: None,
        only_source: None,
        attributions: Vec::new(),
        groups: Vec::new(),
        last_scope: std::cell::RefCell::new(None),
        conversions: Vec::new(),
        paragraphs: Vec::new(),
        receiving_actors: Vec::new(),
        theme: std::cell::OnceCell::new(),
        awaiting: std::cell::OnceCell::new(),
        by_sentence: Vec::new(),
        sentence_range: Vec::new(),
    };
    doc.by_sentence = (0..mentions.len()).collect();
    doc.by_sentence.sort_by_key(|&j| (mentions[j].sentence_start, j));
    doc.sentence_range = mentions
        .iter()
        .map(|m| {
            let starts = |j: &usize| mentions[*j].sentence_start;
            let lo = doc.by_sentence.partition_point(|j| starts(j) < m.sentence_start);
            let hi = doc.by_sentence.partition_point(|j| starts(j) <= m.sentence_start);
            (lo, hi)
        })
        .collect();
    doc.receiving_actors = doc
        .hits
        .iter()
        .filter(|h| matches!(h.cue, Cue::Actor(_)) && receiving_verb_follows(text, h, lex))
        .map(|h| h.start)
        .collect();
    doc.conversions = doc.find_conversions();
    doc.groups = doc.giver_groups();
    doc.attributions = doc.attributed_in(0, text.len());
    doc.attributions.sort_by_key(|(h, _, _)| h.start);
    doc.research_source = doc.research_named();
    doc.only_source = doc.only_source();
    doc.paragraphs = (0..mentions.len()).map(|_| std::cell::OnceCell::new()).collect();
    let mut out: Vec<Context> = (0..mentions.len()).map(|i| doc.label(i, article.published)).collect();
    doc.fill_statuses(&mut out);
    doc.fill_parties(&mut out);
    doc.fill_borrowers(&mut out);
    doc.fill_headline(&mut out);
    doc.copy_to_conversions(&mut out);
    doc.wholes_of_parts(&mut out);
    doc.repeats_agree(&mut out);
    out
}

/// The institution whose own release the article is, by its name: a body
/// the outlet's name gives ("ReliefWeb (Government of Japan release)", "U.S.
/// Department of State (via EIN Presswire)"), or else the outlet itself when
/// its address is a government's or a folder of press releases
/// ("Welthungerhilfe" at /presse/pressemitteilungen/). A news outlet
/// reporting in its own voice is no source.
fn own_release(article: &Article, lex: &Lexicon) -> Option<String> {
    let outlet = article.outlet.as_deref()?;
    if let Some(s) = lex.source_named_in(outlet) {
        let source = lex.source(s);
        return (source.kind != SourceKind::Media).then(|| source.name.clone());
    }
    if !lex.file.release.is_release(article.url.as_deref()?) {
        return None;
    }
    // "Ministry of X (press office)": the body, not the note on it.
    let name = outlet.split('(').next().unwrap_or(outlet).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The sentence after the one that ends at `end`, if it is in the same
/// paragraph (no blank line between), as a byte range.
fn next_sentence(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start().len();
    let blank_line = rest[..gap].matches('\n').count() > 1;
    let start = end + gap;
    (!blank_line && start < text.len())
        .then(|| crate::extract::sentence::bounds(text, start, start))
        .filter(|&(s, e)| s >= end && e > s)
}

/// The most capitalised words a name the lexicon lacks may run to before a
/// receiving verb ("Andhra Pradesh will receive").
const UNKNOWN_NAME_WORDS: usize = 3;

/// The most bytes a group's name runs before the group word it qualifies
/// ("the Group of Seven countries").
const GROUP_NAME_REACH: usize = 40;

/// The most bytes before a recipient list that its "also" stands in
/// ("that also covers ").
const ALSO_REACH: usize = 24;

/// The most bytes between a whole and its part ("$95 billion foreign aid
/// package on Wednesday, of which nearly $61 bln").
const WHOLE_TO_PART_REACH: usize = 80;

/// The most bytes between "of which" and the part: a qualifier ("nearly ",
/// "rund ", "environ ").
const OF_WHICH_TO_PART_REACH: usize = 12;

/// The most bytes before a name that a speaking verb put before its subject
/// is looked for in: the verb and an article ("rechnete die", "a précisé le").
const INVERTED_REACH: usize = 24;

/// The most bytes a person's name runs after their title before the verb
/// of an attribution ("Information Minister Marriyum Aurangzeb announced").
const SPEAKER_NAME_REACH: usize = 40;

/// How many of an article's figures must have one giver (or receiver)
/// named beside them before its figures with none take that one. One is enough when no
/// other giver is named for any figure (the count must also be more than
/// twice the next giver's): an article on one country's aid names it once.
const USUAL_PARTY_MIN_FIGURES: usize = 1;

/// How many lower-case words may stand between a possessive actor and the
/// receiving verb it heads ("Syria's new rulers were promised").
const POSSESSED_WORDS: usize = 2;

/// Whether a receiving verb follows the actor a hit names: right after it
/// ("Senegal will receive"), or after the few words of what it possesses
/// ("Syria's new rulers were promised", "Pakistan's government received").
fn receiving_verb_follows(text: &str, h: &Hit, lex: &Lexicon) -> bool {
    let rest = text[h.end..].trim_start();
    if lex.starts_with_receiving_verb(rest) {
        return true;
    }
    // The possessive ending is the hit's ("G7's") or follows it ("Syria" + "'s").
    let possessives = &lex.file.joining.possessive;
    let after = &text[h.end..];
    let mut rest = match possessives.iter().find(|p| after.starts_with(p.as_str())) {
        Some(p) => after[p.len()..].trim_start(),
        None if possessives.iter().any(|p| text[h.start..h.end].ends_with(p.as_str())) => rest,
        None => return false,
    };
    for _ in 0..POSSESSED_WORDS {
        let word_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let word = &rest[..word_end];
        if word.is_empty() || !word.chars().all(char::is_lowercase) {
            return false;
        }
        rest = rest[word_end..].trim_start();
        if lex.starts_with_receiving_verb(rest) {
            return true;
        }
    }
    false
}

/// The most bytes between an amount and its conversion: " (roughly " fits.
const CONVERSION_GAP: usize = 24;

/// Bytes between a country and a title of its officials for the two to be
/// one speaker: "Pakistan's Prime Minister's Office", "le gouvernement du
/// Japon", "le ministre français des Armées".
const OFFICIAL_REACH: usize = 16;

/// Bytes between an attribution word and the speaker it introduces, an
/// article or two between: "laut der Regierung Japans", "according to the
/// government of Japan".
const INTRODUCED_REACH: usize = 24;

/// How often an article must name one kind of aid for it to be the
/// article's theme: once may be an aside.
const THEME_MIN_CUES: usize = 2;

/// The currency a package's size is read in when an article gives it in
/// several: the one the ledger converts every figure into (`amount_usd`),
/// and the one news converts other currencies into in brackets.
const REFERENCE_CURRENCY: &str = "USD";

/// How far back from a mention's sentence its paragraph is read.
const PARAGRAPH_REACH: usize = 1500;
/// How much text around a research body's name is read for its attribution.
const RESEARCH_REACH: usize = 200;

/// The lexicon's cues in the parts of the article the labels read: each
/// mention's paragraph up to its sentence, the headline, and the words
/// around any research body it names. A long release with two figures costs
/// little more than those two paragraphs.
fn cue_hits(text: &str, mentions: &[Money], headline_end: usize, lex: &Lexicon) -> Vec<Hit> {
    let mut regions: Vec<(usize, usize)> = Vec::with_capacity(mentions.len() + 4);
    if headline_end > 0 {
        regions.push((0, headline_end));
    }
    for m in mentions {
        let floor = floor_char(text, m.sentence_start.saturating_sub(PARAGRAPH_REACH));
        let para = last_blank_line(&text.as_bytes()[floor..m.sentence_start]).map_or(floor, |p| floor + p);
        regions.push((para, m.sentence_end));
    }
    for (s, e) in lex.research_spans(text) {
        regions.push((floor_char(text, s.saturating_sub(RESEARCH_REACH)), floor_char(text, e + RESEARCH_REACH)));
    }
    regions.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(regions.len());
    for (s, e) in regions {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    // A cue inside an amount is part of its currency ("1,66 Milliarden
    // US-Dollar" names no giver), so hits within a mention's span are dropped.
    let mut amounts: Vec<(usize, usize)> = mentions.iter().map(|m| (m.byte_start, m.byte_end)).collect();
    amounts.sort_unstable();
    let inside_amount = |h: &Hit| {
        let i = amounts.partition_point(|a| a.0 <= h.start);
        i > 0 && h.end <= amounts[i - 1].1
    };
    let mut hits = Vec::new();
    for (s, e) in merged {
        hits.extend(lex.hits(text, s, e).into_iter().filter(|h| !inside_amount(h)));
    }
    hits
}

/// The fewest letters a head word must have to stand for its body's name:
/// "Fund", "Bank", "Fonds", not "UN" or "of".
const HEAD_WORD_MIN_CHARS: usize = 4;

/// A body named in full once is named after by the head word of its name
/// behind an article: "the Fund" for the International Monetary Fund, "le
/// Fonds" for the Fonds monétaire international, "the Institute" for the
/// Kiel Institute, "die Kommission" for the Europäische Kommission. The head
/// is the first word of the name or its last (French puts it first, English
/// and German last), written with a capital. The short name may come
/// before the full one when an acronym came first ("le FMI … a annoncé le
/// Fonds … Fonds monétaire international").
fn short_references(text: &str, hits: &[Hit], lex: &Lexicon) -> Vec<Hit> {
    let mut heads: Vec<(&str, usize)> = Vec::new();
    for h in hits {
        let Cue::Source(s) = h.cue else { continue };
        let words: Vec<&str> = text[h.start..h.end].split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        if words.len() < 2 {
            continue;
        }
        for word in [first, last] {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            let head = word.chars().count() >= HEAD_WORD_MIN_CHARS
                && word.chars().next().is_some_and(char::is_uppercase)
                && !heads.iter().any(|(w, _)| *w == word);
            if head {
                heads.push((word, s));
            }
        }
    }
    let ends_with_article = |before: &str| lex.lists.articles.strip_suffix(before).is_some();
    // Hits are in order of their start, so those that overlap a word start
    // at most the longest hit's length before it.
    let longest = hits.iter().map(|h| h.end - h.start).max().unwrap_or(0);
    let mut out = Vec::new();
    for (word, s) in heads {
        for (start, _) in text.match_indices(word) {
            let end = start + word.len();
            let whole = !text[end..].starts_with(char::is_alphanumeric);
            let taken = {
                let k = hits.partition_point(|h| h.start < end);
                hits[..k].iter().rev().take_while(|h| h.start + longest >= start).any(|h| h.end > start)
            };
            if whole && !taken && ends_with_article(text[..start].trim_end()) {
                out.push(Hit { start, end, cue: Cue::Source(s) });
            }
        }
    }
    out
}

impl Doc<'_> {
    /// Cues within `[from, to)`.
    fn hits_in(&self, from: usize, to: usize) -> &[Hit] {
        if to <= from {
            return &[];
        }
        let a = self.hits.partition_point(|h| h.start < from);
        let b = self.hits.partition_point(|h| h.start < to);
        &self.hits[a..b]
    }

    /// True when the cue belongs to another mention: one that stands between
    /// mention `i` and a cue after it, or a nearer one on the same side. A cue
    /// before a list ("Norway committed X, Sweden Y") governs all of it.
    fn owned_by_other(&self, i: usize, h: &Hit) -> bool {
        let m = &self.mentions[i];
        let own = distance(self.text, (h.start, h.end), (m.byte_start, m.byte_end));
        let (lo, hi) = self.sentence_range[i];
        self.by_sentence[lo..hi].iter().any(|&j| {
            let o = &self.mentions[j];
            // Only amounts of the same sentence compete for its words, and a
            // conversion in brackets shares them with what it converts.
            if j == i || self.is_conversion_pair(i, j) {
                return false;
            }
            let trails_other = m.byte_end <= o.byte_start && o.byte_end <= h.start;
            if trails_other {
                return true;
            }
            // A cue between two amounts: a comma, semicolon or "and" splits
            // the list, and the cue goes with the amount on its side ("$49.9
            // billion for defence, $7.8 billion of budget support").
            let (left, right) = if o.byte_end <= h.start && h.end <= m.byte_start {
                (o, m)
            } else if m.byte_end <= h.start && h.end <= o.byte_start {
                (m, o)
            } else {
                return false;
            };
            let splits = |a: usize, b: usize| {
                let t = self.gap_text(a, b);
                t.contains([',', ';']) || self.lex.file.joining.and.iter().any(|w| has_word(t, w))
            };
            // Givers and sources go to the nearer amount: "as do the
            // Netherlands, whose EUR 2.5 billion".
            let is_name = match h.cue {
                Cue::Actor(a) => !self.lex.actor(a).is_recipient(),
                Cue::Source(_) => true,
                _ => false,
            };
            let owner_is_left = if is_name {
                distance(self.text, (h.start, h.end), (left.byte_start, left.byte_end))
                    <= distance(self.text, (h.start, h.end), (right.byte_start, right.byte_end))
            } else if splits(h.end, right.byte_start) {
                true
            } else if splits(left.byte_end, h.start) {
                false
            } else {
                distance(self.text, (h.start, h.end), (left.byte_start, left.byte_end))
                    <= distance(self.text, (h.start, h.end), (right.byte_start, right.byte_end))
            };
            let owner = if owner_is_left { left } else { right };
            !std::ptr::eq(owner, m) && own > 0
        })
    }

    /// The cue nearest mention `i` in `[from, to)` that `want` accepts.
    fn nearest(&self, i: usize, from: usize, to: usize, want: impl Fn(Cue) -> bool) -> Option<(Hit, usize)> {
        self.nearest_hit(i, from, to, |h| want(h.cue))
    }

    /// The same, with a test that sees the whole hit.
    fn nearest_hit(&self, i: usize, from: usize, to: usize, want: impl Fn(&Hit) -> bool) -> Option<(Hit, usize)> {
        let m = &self.mentions[i];
        self.hits_in(from, to)
            .iter()
            .filter(|h| want(h) && !self.owned_by_other(i, h) && !self.inside_name(h))
            .map(|h| (*h, distance(self.text, (h.start, h.end), (m.byte_start, m.byte_end))))
            .min_by_key(|(h, d)| (*d, std::cmp::Reverse(h.end - h.start)))
    }

    /// Where a label looks for its cue, nearest first: the mention's own
    /// sentence, the sentences before it in its paragraph, then the headline
    /// (read only as far as it is needed). The one fallback chain every
    /// label walks; each decides what it looks for in a place.
    fn places(&self, i: usize, headline: Headline) -> impl Iterator<Item = (Place, usize, usize)> + '_ {
        let m = &self.mentions[i];
        let headline = match headline {
            Headline::Never => None,
            Headline::OfOthers => (!self.in_headline(i) && self.headline_end > 0).then_some(self.headline_end),
            Headline::Always => Some(self.headline_end),
        };
        std::iter::once((Place::Sentence, m.sentence_start, m.sentence_end))
            .chain(
                std::iter::once_with(move || self.earlier_in_paragraph(i))
                    .flatten()
                    .map(|&(s, e)| (Place::Paragraph, s, e)),
            )
            .chain(headline.map(|end| (Place::Headline, 0, end)))
    }

    /// The sentences before mention `i`'s in its paragraph, nearest first, as byte ranges.
    fn earlier_in_paragraph(&self, i: usize) -> &[(usize, usize)] {
        self.paragraphs[i].get_or_init(|| {
            // They depend on the sentence alone: a mention of the same
            // sentence as the one before takes the ones found for it.
            let same_sentence = i
                .checked_sub(1)
                .filter(|&p| self.mentions[p].sentence_start == self.mentions[i].sentence_start)
                .and_then(|p| self.paragraphs[p].get());
            match same_sentence {
                Some(found) => found.clone(),
                None => self.find_earlier_in_paragraph(i),
            }
        })
    }

    fn find_earlier_in_paragraph(&self, i: usize) -> Vec<(usize, usize)> {
        let m = &self.mentions[i];
        let floor = floor_char(self.text, m.sentence_start.saturating_sub(PARAGRAPH_REACH));
        let para_start =
            last_blank_line(&self.text.as_bytes()[floor..m.sentence_start]).map_or(floor, |p| floor + p + 2);
        let mut out = Vec::new();
        let mut end = m.sentence_start;
        while end > para_start && out.len() < 4 {
            let probe = self.text[..end].trim_end().len();
            if probe <= para_start {
                break;
            }
            // A zero-width probe on the previous sentence's last character.
            let last = floor_char(self.text, probe - 1);
            let (s, e) = crate::extract::sentence::bounds(self.text, last, last);
            if s >= end || e > end + 1 {
                break;
            }
            out.push((s.max(para_start), e));
            end = s;
        }
        out
    }

    /// The text between two offsets, empty when they are out of order.
    fn gap_text(&self, from: usize, to: usize) -> &str {
        self.text.get(from..to).unwrap_or("")
    }

    fn in_headline(&self, i: usize) -> bool {
        self.mentions[i].byte_end <= self.headline_end
    }

    fn why(&self, label: &'static str, value: impl Into<Cow<'static, str>>, hit: Option<&Hit>, rule: Rule) -> Why {
        Why { label, value: value.into(), cue_span: hit.map(|h| (h.start, h.end)), rule }
    }

    fn label(&self, i: usize, published: Option<NaiveDate>) -> Context {
        let m = &self.mentions[i];
        let (ss, se) = (m.sentence_start, m.sentence_end);
        let mut explain = Vec::new();

        let (category, not_aid) = self.category(i, ss, se, &mut explain);
        let mut status = if not_aid {
            explain.push(self.why("status", "unknown", None, Rule::NotAid));
            Status::Unknown
        } else {
            self.status(i, &mut explain)
        };

        let recipient = self.recipient(i, not_aid, &mut explain);
        let donor = if not_aid {
            explain.push(self.why("donor", "null", None, Rule::NotAid));
            None
        } else {
            self.donor(i, ss, se, recipient.as_deref(), &mut explain)
        };
        let source = self.source(i, ss, se, not_aid, [donor.as_deref(), recipient.as_deref()], &mut explain);
        // No kind named: the donor's usual kind of aid, where the lexicon gives one.
        let mut category = category;
        let undecided = explain.iter().any(|w| {
            w.label == "category"
                && (matches!(w.rule, Rule::NoCue | Rule::ArticleTheme)
                    || category == Category::Total && w.rule == Rule::NearestCue)
        });
        // Not for running totals: a tracker's sum over every kind is a total.
        let aggregate = self.hits_in(ss, se).iter().any(|h| h.cue == Cue::Aggregate) || status == Status::Allocated;
        if undecided && !not_aid && !aggregate {
            let usual = donor.as_deref().and_then(|d| self.lex.actor_named(d)).and_then(|a| a.usual_category);
            if let Some(k) = usual {
                category = k;
                explain.retain(|w| w.label != "category");
                explain.push(self.why("category", k.as_str(), None, Rule::DonorsUsualKind));
            }
        }
        let subject = &self.lex.file.subject.recipient;
        let aid = !not_aid && recipient.as_deref().is_some_and(|r| r.contains(subject.as_str()));
        explain.push(self.why(
            "aid_to_ukraine",
            if aid { "true" } else { "false" },
            None,
            if not_aid {
                Rule::NotAid
            } else if aid {
                Rule::SubjectAmongRecipients
            } else {
                Rule::SubjectNotAmongRecipients
            },
        ));
        let (scope_start, scope_end) = self.scope(i, published, &mut explain);
        let running_total = self.is_running_total(i, ss, se, scope_start, scope_end, &mut explain);
        let scope = if running_total {
            Some(Scope::RunningTotal)
        } else {
            Magnitude::of(self.mentions[i].value).map(Scope::Amount)
        };
        let status_word = explain.iter().find(|w| w.label == "status").and_then(|w| w.cue(self.text));
        let is_received = |list: &[String]| status_word.is_some_and(|c| list.iter().any(|w| w.eq_ignore_ascii_case(c)));
        // "Ukraine has received $278 billion so far, according to the Kiel
        // Institute": a tracker's running total counts what donors provided,
        // whatever verb the outlet puts on it. What a government counts as
        // received is a measure of its own, and keeps its verb.
        let tracker = source
            .as_deref()
            .is_some_and(|s| self.lex.file.sources.iter().any(|x| x.name == s && x.kind == SourceKind::Research));
        if running_total && tracker && status == Status::Delivered && is_received(&self.lex.file.scope.received) {
            status = Status::Committed;
            explain.push(self.why("status", "committed", None, Rule::TrackerTotalCountsProvided));
        }
        // Money that is received has been disbursed; goods are delivered.
        let received = is_received(&self.lex.file.scope.received);
        if status == Status::Delivered && category == Category::Financial && received {
            status = Status::Disbursed;
            explain.push(self.why("status", "disbursed", None, Rule::ReceivedMoneyIsDisbursed));
        }
        let metric = MetricKey::new(donor.as_deref(), recipient.as_deref(), category, scope, status);
        Context {
            category,
            status,
            donor,
            recipient,
            source,
            scope_start,
            scope_end,
            aid_to_ukraine: aid,
            metric,
            explain,
        }
    }

    /// The category, and whether the figure is not aid at all.
    fn category(&self, i: usize, ss: usize, se: usize, explain: &mut Vec<Why>) -> (Category, bool) {
        let total = Category::Total;
        let specific = |c: Cue| matches!(c, Cue::Category(k) if k != total) || c == Cue::NotAid;
        let general = |c: Cue| c == Cue::Category(total);
        // The nearest cue in the sentence decides; a general word ("aid",
        // "package") counts as farther than it stands, so that "security
        // assistance … $650m" stays military, and is skipped right after a
        // specific one ("military aid" is military).
        let scored = self
            .hits_in(ss, se)
            .iter()
            .filter(|h| (specific(h.cue) || general(h.cue)) && !self.owned_by_other(i, h) && !self.inside_name(h))
            .filter(|h| !(general(h.cue) && self.specific_before(h, total).is_some()))
            .map(|h| {
                let m = &self.mentions[i];
                let d = distance(self.text, (h.start, h.end), (m.byte_start, m.byte_end));
                // A word of cost or assets says what the figure is more surely
                // than a word of kind near it ("frozen assets … financial institutions").
                let weight = if general(h.cue) {
                    d + GENERAL_WORD_PENALTY
                } else if h.cue == Cue::NotAid {
                    d.saturating_sub(NOT_AID_BONUS)
                } else {
                    d
                };
                (*h, weight)
            })
            .min_by_key(|(h, d)| (*d, std::cmp::Reverse(h.end - h.start)));
        let (chosen, general_hit) = match scored {
            Some((h, _)) if general(h.cue) => (None, Some(h)),
            Some((h, _)) => (Some(h), None),
            None => (None, None),
        };
        let near_total = general_hit.map(|h| (h, 0));
        let chosen = chosen.map(|h| (h, 0));
        if let Some((hit, _)) = chosen {
            if hit.cue == Cue::NotAid {
                // "rebuilding Ukraine would cost $400 billion": a need, not aid.
                if let Some((h, _)) = self.nearest(i, ss, se, |c| c == Cue::Category(Category::Reconstruction)) {
                    explain.push(self.why("category", "reconstruction", Some(&h), Rule::ReconstructionNeed));
                    return (Category::Reconstruction, true);
                }
                // The aid word must stand about as near as the cost word:
                // "a loan repaid from the interest on $300 billion of frozen
                // assets" is about the assets.
                let cost_distance = {
                    let m = &self.mentions[i];
                    distance(self.text, (hit.start, hit.end), (m.byte_start, m.byte_end))
                };
                // "$300 billion of immobilised assets": the cost word names
                // the amount itself, and no aid word elsewhere undoes that.
                let attached = {
                    let m = &self.mentions[i];
                    let gap = self.gap_text(m.byte_end, hit.start).trim();
                    hit.start >= m.byte_end
                        && (gap.is_empty() || self.lex.file.joining.amount_of.iter().any(|w| w == gap))
                };
                let despite = !attached
                    && self
                        .nearest(i, ss, se, |c| c == Cue::AidDespite)
                        .is_some_and(|(_, d)| d < 80 && d <= cost_distance + 30);
                if !despite {
                    explain.push(self.why("category", "other", Some(&hit), Rule::NotAidNearestCue));
                    return (Category::Other, true);
                }
                // "financing to plug its budget deficit": aid after all.
                let aid_only = |c: Cue| matches!(c, Cue::Category(k) if k != total);
                if let Some((h, _)) = self.nearest(i, ss, se, aid_only) {
                    let label = self.coordinated(&h, total);
                    explain.push(self.why("category", label.as_str(), Some(&h), Rule::NearestCueDespiteCost));
                    return (label, false);
                }
                explain.push(self.why("category", "total", Some(&hit), Rule::AidDespiteCost));
                return (Category::Total, false);
            }
            let label = self.coordinated(&hit, total);
            explain.push(self.why(
                "category",
                label.as_str(),
                Some(&hit),
                if label == Category::Total { Rule::TwoKindsTogether } else { Rule::NearestCue },
            ));
            return (label, false);
        }
        if let Some((hit, _)) = near_total {
            // "UN seeks $5 billion in aid" in an article on a humanitarian
            // appeal: there "aid" is relief. Not in an article whose theme
            // is weapons or loans, where "aid" is often the whole of several
            // kinds (a supplemental, a tracker's total).
            if let Some(theme) = self.theme().filter(|t| *t == Category::Humanitarian) {
                explain.push(self.why("category", theme.as_str(), None, Rule::ArticleTheme));
                return (theme, false);
            }
            explain.push(self.why("category", "total", Some(&hit), Rule::NearestCue));
            return (Category::Total, false);
        }
        // Nothing in the sentence: the paragraph before it (any kind, "aid"
        // too), then the headline (a kind named).
        let beyond = self.places(i, Headline::OfOthers).skip(1).find_map(|(place, from, to)| {
            let wanted = |c: Cue| match place {
                Place::Headline => matches!(c, Cue::Category(k) if k != total),
                _ => matches!(c, Cue::Category(_)),
            };
            self.nearest(i, from, to, wanted).map(|(hit, _)| (hit, place))
        });
        if let Some((hit, place)) = beyond {
            let label = self.coordinated(&hit, total);
            explain.push(self.why("category", label.as_str(), Some(&hit), place.rule()));
            return (label, false);
        }
        // The end of the chain: the kind the article is about, where one kind
        // clearly leads ("pledges at a humanitarian appeal").
        if let Some(theme) = self.theme() {
            explain.push(self.why("category", theme.as_str(), None, Rule::ArticleTheme));
            return (theme, false);
        }
        explain.push(self.why("category", "total", None, Rule::NoCue));
        (Category::Total, false)
    }

    /// The kind of aid the article's words name most, when it is named at
    /// least `THEME_MIN_CUES` times and more than twice as often as any other.
    /// It depends on the article alone: worked out once, when first asked.
    fn theme(&self) -> Option<Category> {
        *self.theme.get_or_init(|| {
            let kinds = self.hits.iter().filter_map(|h| match h.cue {
                Cue::Category(k) if k != Category::Total && !self.inside_name(h) => Some(k),
                _ => None,
            });
            let mut counts = tally(kinds);
            counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
            let (top, n) = *counts.first()?;
            let second = counts.get(1).map_or(0, |c| c.1);
            (n >= THEME_MIN_CUES && n > 2 * second).then_some(top)
        })
    }

    /// The specific kind ("military") right before this general word ("aid"), if any.
    fn specific_before(&self, h: &Hit, total: Category) -> Option<Hit> {
        self.hits_in(h.start.saturating_sub(40), h.start)
            .iter()
            .rev()
            .find(|p| {
                (matches!(p.cue, Cue::Category(k) if k != total) || p.cue == Cue::NotAid)
                    && p.end <= h.start
                    && self.gap_text(p.end, h.start).trim().is_empty()
            })
            .copied()
    }

    /// True when the cue is a word inside a name ("Economy" in "Kiel
    /// Institute for the World Economy").
    fn inside_name(&self, h: &Hit) -> bool {
        self.hits_in(h.start.saturating_sub(80), h.start + 1).iter().any(|n| {
            matches!(n.cue, Cue::Source(_))
                && n.start <= h.start
                && h.end <= n.end
                && (n.end - n.start) > (h.end - h.start)
        })
    }

    /// "military and financial aid", "weapons, financial assistance and
    /// humanitarian aid": two kinds named together make a total.
    fn coordinated(&self, hit: &Hit, total: Category) -> Category {
        let Cue::Category(k) = hit.cue else { return Category::Other };
        let others = self.hits_in(hit.start.saturating_sub(48), hit.end + 48).iter().any(|h| {
            matches!(h.cue, Cue::Category(j) if j != k && j != total) && {
                let (lo, hi) = if h.end <= hit.start { (h.end, hit.start) } else { (hit.end, h.start) };
                let between = &self.text[lo.min(hi)..hi.max(lo)];
                // Another amount between the two words gives each its own
                // kind: "800 millions d'aide humanitaire et 200 millions pour l'armée".
                let amount_between =
                    self.mentions.iter().any(|m| m.byte_start >= lo.min(hi) && m.byte_end <= hi.max(lo));
                between.len() <= 40
                    && !amount_between
                    && !between.contains(['$', '€', '£', ';', '.', ':'])
                    && (between.contains(',') || {
                        let joining = &self.lex.file.joining;
                        joining.and.iter().chain(&joining.or).any(|w| between.trim() == w || has_word(between, w))
                    })
            }
        });
        if others {
            Category::Total
        } else {
            k
        }
    }

    fn status(&self, i: usize, explain: &mut Vec<Why>) -> Status {
        let is_status = |c: Cue| matches!(c, Cue::Status(_));
        let found = self.places(i, Headline::OfOthers).find_map(|(place, from, to)| {
            let (hit, _) = self.nearest(i, from, to, is_status)?;
            let label = self.status_of(&hit);
            // "Kerala is to receive ₹153 crore sanctioned by the Centre": a
            // receiving verb says who will get the money, not how far along
            // it is; a decision in the same sentence says that.
            if place == Place::Sentence && label == Status::Pledged && self.ends_a_receiving_verb(&hit) {
                let decided = |c: Cue| c == Cue::Status(Status::Approved);
                if let Some((decision, _)) = self.nearest(i, from, to, decided) {
                    if !self.one_chamber(from, to) {
                        return Some((Status::Approved, decision, Rule::DecisionOverReceiving));
                    }
                }
            }
            // "The House passed …": one chamber's vote leaves the law pending.
            if label == Status::Approved && self.one_chamber(from, to) {
                let rule = if place == Place::Sentence { Rule::OneChamberOnly } else { place.rule() };
                return Some((Status::Pending, hit, rule));
            }
            // "… The $26.4 billion bill passed 366-58": a vote whose sentence
            // names no chamber is the chamber's the paragraph or the headline
            // names, and leaves the law as pending as that one's did.
            let names_legislature = |a: usize, b: usize| {
                self.hits_in(a, b).iter().any(|h| matches!(h.cue, Cue::Chamber | Cue::WholeLegislature))
            };
            let is_vote = |h: &Hit| {
                self.text
                    .get(h.start..h.end)
                    .is_some_and(|w| self.lex.file.legislature.votes.iter().any(|v| v.eq_ignore_ascii_case(w)))
            };
            if label == Status::Approved
                && place == Place::Sentence
                && is_vote(&hit)
                && !names_legislature(from, to)
                && self.places(i, Headline::Always).skip(1).any(|(_, a, b)| self.one_chamber(a, b))
            {
                return Some((Status::Pending, hit, Rule::OneChamberOnly));
            }
            Some((label, hit, place.rule()))
        });
        if let Some((label, hit, rule)) = found {
            // "Dakar and the IMF agreed on a $1.8 billion programme. The deal
            // must still be approved by the board.": an agreement, an
            // approval or an announcement that a sentence beside it, with no
            // amount of its own, says still awaits a decision is pending.
            if matches!(label, Status::Pledged | Status::Committed | Status::Approved) {
                if let Some(p) = self.pending_beside(i) {
                    explain.push(self.why("status", Status::Pending.as_str(), Some(&p), Rule::DealStillPending));
                    return Status::Pending;
                }
            }
            explain.push(self.why("status", label.as_str(), Some(&hit), rule));
            return label;
        }
        explain.push(self.why("status", "unknown", None, Rule::NoCue));
        Status::Unknown
    }

    /// A cue of a deal awaiting its decision in mention `i`'s sentence, or
    /// in the sentence just before or just after it in its paragraph when
    /// that one states no amount: a statement about the deal, not about
    /// another figure.
    fn pending_beside(&self, i: usize) -> Option<Hit> {
        // Read from the text, not the cue hits: those stop at a figure's
        // sentence, and the sentence after may lie beyond them. One pass
        // over the article, the first time a figure asks; most articles
        // have none, and then no sentence is looked for.
        let spans = self.awaiting.get_or_init(|| self.lex.lists.awaiting_decision_in(self.text));
        if spans.is_empty() {
            return None;
        }
        let m = &self.mentions[i];
        let states_no_amount =
            |&(from, to): &(usize, usize)| !self.mentions.iter().any(|o| o.byte_start >= from && o.byte_end <= to);
        let own = Some((m.sentence_start, m.sentence_end));
        let before = self.earlier_in_paragraph(i).first().copied().filter(states_no_amount);
        let after = next_sentence(self.text, m.sentence_end).filter(states_no_amount);
        [own, before, after].into_iter().flatten().find_map(|(from, to)| {
            let &(s, e) = spans.iter().find(|&&(s, e)| s >= from && e <= to)?;
            Some(Hit { start: s, end: e, cue: Cue::Status(Status::Pending) })
        })
    }

    /// Whether the figure is a running total: a word of one in its sentence
    /// that no other amount owns ("so far", "insgesamt"), or a period that
    /// starts and has not ended ("since 2022", "since the war began").
    fn is_running_total(
        &self,
        i: usize,
        ss: usize,
        se: usize,
        scope_start: Option<NaiveDate>,
        scope_end: Option<NaiveDate>,
        explain: &mut Vec<Why>,
    ) -> bool {
        if let Some((hit, _)) = self.nearest(i, ss, se, |c| c == Cue::RunningTotal) {
            explain.push(self.why("scope", "running total", Some(&hit), Rule::NearestCue));
            return true;
        }
        if scope_start.is_some() && scope_end.is_none() {
            explain.push(self.why("scope", "running total", None, Rule::OpenPeriod));
            return true;
        }
        let m = &self.mentions[i];
        let perfect = self
            .hits_in(ss.max(m.byte_start.saturating_sub(PERFECT_REACH)), m.byte_start)
            .iter()
            .rev()
            .find(|h| h.cue == Cue::Perfect && !self.owned_by_other(i, h))
            .copied();
        if let Some(hit) = perfect {
            let word_before = self.text[ss.min(m.byte_start)..m.byte_start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if !self.lex.file.scope.one_amount.contains(&word_before) {
                explain.push(self.why("scope", "running total", Some(&hit), Rule::PerfectSum));
                return true;
            }
        }
        false
    }

    /// Whether the cue ends a receiving verb of the lexicon
    /// (`roles.receiver_after`) as the text writes it: "is to receive",
    /// "va recevoir".
    fn ends_a_receiving_verb(&self, hit: &Hit) -> bool {
        self.lex.lists.receiver_after.strip_suffix(&self.text[..hit.end]).is_some()
    }

    /// True when the sentence names one chamber and nothing that makes the law whole.
    fn one_chamber(&self, from: usize, to: usize) -> bool {
        let hits = self.hits_in(from, to);
        // "House" inside "White House" is no chamber.
        let chamber = hits.iter().any(|h| {
            h.cue == Cue::Chamber
                && !hits.iter().any(|n| {
                    matches!(n.cue, Cue::Actor(_) | Cue::Source(_))
                        && n.start <= h.start
                        && h.end <= n.end
                        && n.end - n.start > h.end - h.start
                })
        });
        chamber && !hits.iter().any(|h| h.cue == Cue::WholeLegislature)
    }

    fn status_of(&self, hit: &Hit) -> Status {
        match hit.cue {
            Cue::Status(k) => k,
            _ => Status::Unknown,
        }
    }

    fn actor_name(&self, hit: &Hit) -> Option<&str> {
        match hit.cue {
            Cue::Actor(a) => Some(self.lex.actor(a).name.as_str()),
            _ => None,
        }
    }

    fn donor(&self, i: usize, ss: usize, se: usize, recipient: Option<&str>, explain: &mut Vec<Why>) -> Option<String> {
        let m = &self.mentions[i];
        // No one gives to themselves: the receiver named beside a figure
        // ("Senegal will receive $279 million from the IMF") is no giver of it.
        let not_receiver = |a: usize| recipient.is_none_or(|r| self.lex.actor(a).name != r);
        let giver = |c: Cue| matches!(c, Cue::Actor(a) if self.lex.actor(a).can_give() && not_receiver(a));
        // A country that may give or receive is read as a giver only near
        // the figure: named in a headline or all over an article it is as
        // often the place the war or the flood is.
        let sure_giver =
            |c: Cue| matches!(c, Cue::Actor(a) if self.lex.actor(a).role == Role::Giver && not_receiver(a));
        // "€1.1 billion from Sweden", "allocated by the United States"
        // The preposition binds the giver to the amount before it, even in a
        // list ("€1.1 billion from Sweden, €690 million from Denmark").
        let after = self.hits_in(m.byte_end, (m.byte_end + 40).min(se)).iter().find(|h| {
            giver(h.cue) && {
                let between = self.without_article(self.gap_text(m.byte_end, h.start).trim());
                self.lex.file.joining.giver_after_amount.iter().any(|w| w == between)
            }
        });
        // The giver a cue names, with why.
        let found = |h: &Hit, rule: Rule, explain: &mut Vec<Why>| {
            // "The United States and its allies have contributed": the group gives.
            let (name, rule) = match (self.group_at(h), self.lex.giver_group) {
                (Some(_), Some(g)) => (Some(self.lex.actor(g).name.clone()), Rule::GiverGroup),
                _ => (self.actor_name(h).map(str::to_string), rule),
            };
            explain.push(self.why("donor", name.clone().map_or(Cow::Borrowed("null"), Cow::Owned), Some(h), rule));
            name
        };
        if let Some(h) = after {
            return found(h, Rule::GiverAfterAmount, explain);
        }
        // "America's €114bn"
        let possessive = self.hits_in(ss, m.byte_start).iter().rev().find(|h| {
            giver(h.cue)
                && self.lex.file.joining.possessive.iter().any(|p| self.text[h.start..h.end].ends_with(p.as_str()))
                && h.end <= m.byte_start
                && self.gap_text(h.end, m.byte_start).trim().is_empty()
        });
        if let Some(h) = possessive {
            return found(h, Rule::Possessive, explain);
        }
        // The nearest giver before the amount in its clause, else after it;
        // not one the money goes into or through ("into EU initiatives").
        let candidates = |from: usize, to: usize| {
            self.hits_in(from, to)
                .iter()
                .filter(|h| {
                    giver(h.cue)
                        && !self.owned_by_other(i, h)
                        && !self.after_preposition(h)
                        && !self.is_a_place(h)
                        && !self.receiving_verb_after(h)
                        && !self.group_word_of_a_group(h)
                })
                .map(|h| (*h, distance(self.text, (h.start, h.end), (m.byte_start, m.byte_end))))
                .min_by_key(|(_, d)| *d)
        };
        let before = candidates(ss, m.byte_start).filter(|(_, d)| *d < 240);
        if let Some((h, _)) = before.or_else(|| candidates(m.byte_end, se).filter(|(_, d)| *d < 120)) {
            return found(&h, Rule::NearestGiver, explain);
        }
        // Then the paragraph's nearest giver, then the headline's first.
        let giving = |h: &Hit| {
            giver(h.cue) && !self.after_preposition(h) && !self.is_a_place(h) && !self.receiving_verb_after(h)
        };
        let beyond = self.places(i, Headline::Always).skip(1).find_map(|(place, from, to)| match place {
            Place::Headline => {
                self.hits_in(from, to).iter().find(|h| sure_giver(h.cue) && giving(h)).map(|h| (*h, place))
            }
            _ => self.nearest_hit(i, from, to, giving).map(|(h, _)| (h, place)),
        });
        if let Some((h, place)) = beyond {
            return found(&h, place.rule(), explain);
        }
        if let Some((name, h)) = self.most_named(|h| sure_giver(h.cue) && !self.receiving_verb_after(h)) {
            explain.push(self.why("donor", name.clone(), Some(&h), Rule::GiverNamedMost));
            return Some(name);
        }
        explain.push(self.why("donor", "null", None, Rule::NoGiver));
        None
    }

    /// True when the word before the hit makes it a destination, a channel
    /// or a comparison ("into the EU", "than Europe"): a word of the
    /// lexicon's `roles.not_giver_before`, articles between them skipped.
    fn after_preposition(&self, h: &Hit) -> bool {
        self.word_before_is_one_of(h, &self.lex.lists.not_giver_before)
    }

    /// Whether `h` is the group word of givers ("countries", "donors")
    /// right after the name of a group that is no country ("the G7
    /// countries have settled"): the named group gives. After a country or
    /// a city ("the Paris aid conference") the group word stands.
    fn group_word_of_a_group(&self, h: &Hit) -> bool {
        let Cue::Actor(a) = h.cue else { return false };
        if Some(a) != self.lex.giver_group {
            return false;
        }
        let before = self.hits_in(h.start.saturating_sub(GROUP_NAME_REACH), h.start);
        before.iter().any(|n| match n.cue {
            Cue::Actor(b) => {
                let named = self.lex.actor(b);
                b != a
                    && named.can_give()
                    && named.officials_voice().is_none()
                    && n.end <= h.start
                    && self.gap_text(n.end, h.start).trim().is_empty()
            }
            _ => false,
        })
    }

    /// Whether the actor `h` names stands as the place of something ("donors
    /// in Paris") rather than as a party: after a word of place with no
    /// amount right before that word ("$61 billion in US aid" is the US's).
    fn is_a_place(&self, h: &Hit) -> bool {
        if !self.word_before_is_one_of(h, &self.lex.lists.place_before) {
            return false;
        }
        let before = self.without_article(self.text[..h.start].trim_end());
        let word_start =
            before.char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(p, c)| p + c.len_utf8());
        let rest = self.text[..word_start].trim_end();
        !self.mentions.iter().any(|m| m.byte_end == rest.len())
    }

    /// Whether the word before the hit, an article between them skipped
    /// ("to the EU", "à l'Ukraine"), is one of `words`.
    /// An entry of several words is matched whole, its article included:
    /// German "an" is a preposition only with its article ("an den Sudan"),
    /// English "an" is one ("an EU loan").
    fn word_before_is_one_of(&self, h: &Hit, list: &WordsBefore) -> bool {
        let raw = self.text[..h.start].trim_end();
        if list.phrases.strip_suffix(raw).is_some() {
            return true;
        }
        let before = self.without_article(raw);
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        list.words.contains(word)
    }

    /// `text` without the article it ends in, if it ends in one of the
    /// lexicon's (`roles.articles`): "from the" is "from", "à l'" is "à".
    fn without_article<'t>(&self, text: &'t str) -> &'t str {
        self.lex.lists.articles.strip_suffix(text).map_or(text, str::trim_end)
    }

    /// The spans of givers joined to others in one group: a giver followed
    /// by a phrase of `roles.joined_after` ("the United States and its allies").
    fn giver_groups(&self) -> Vec<(usize, usize)> {
        let roles = &self.lex.file.roles;
        if self.lex.giver_group.is_none() || roles.joined_after.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for h in &self.hits {
            let Cue::Actor(a) = h.cue else { continue };
            if !self.lex.actor(a).can_give() || out.last().is_some_and(|&(_, e)| h.start < e) {
                continue;
            }
            let rest = &self.text[h.end..];
            let gap = rest.len() - rest.trim_start().len();
            let rest = &rest[gap..];
            let joined = roles.joined_after.iter().filter(|p| !p.is_empty()).find(|p| {
                rest.get(..p.len()).is_some_and(|t| t.eq_ignore_ascii_case(p))
                    && rest[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
            });
            if let Some(p) = joined {
                out.push((h.start, h.end + gap + p.len()));
            }
        }
        out
    }

    /// The group span a hit starts or stands in, if any.
    fn group_at(&self, h: &Hit) -> Option<(usize, usize)> {
        let at = self.groups.partition_point(|&(s, _)| s <= h.start);
        at.checked_sub(1).map(|k| self.groups[k]).filter(|&(_, e)| h.end <= e)
    }

    /// The actor the whole article names most often among those `want` accepts.
    fn most_named(&self, want: impl Fn(&Hit) -> bool) -> Option<(String, Hit)> {
        let mut counts: Vec<(usize, usize, Hit)> = Vec::new();
        for h in self.hits.iter().filter(|h| want(h)) {
            if let Cue::Actor(a) = h.cue {
                match counts.iter_mut().find(|(x, _, _)| *x == a) {
                    Some(c) => c.1 += 1,
                    None => counts.push((a, 1, *h)),
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n, h)| (*n, std::cmp::Reverse(h.start)))
            .map(|(a, _, h)| (self.lex.actor(a).name.clone(), h))
    }

    fn recipient(&self, i: usize, not_aid: bool, explain: &mut Vec<Why>) -> Option<String> {
        // "its allies" in "the United States and its allies" gives, it does not receive.
        let taking = |h: &Hit| self.receives(h) && self.group_at(h).is_none();
        // A figure that is not aid takes a recipient from its own sentence only.
        let reach = if not_aid { 1 } else { usize::MAX };
        let found = self.places(i, Headline::Never).take(reach).find_map(|(place, from, to)| {
            self.nearest_hit(i, from, to, taking).map(|(h, _)| (self.recipient_list(&h, from, to), h, place))
        });
        // "Kerala is to receive ₹153 crore": a place the lexicon does not
        // know (a state, a province, a region) receives by the verb after it.
        let unknown = || self.unknown_name_receiving(self.mentions[i].sentence_start, self.mentions[i].sentence_end);
        let in_sentence = found.as_ref().is_some_and(|(_, _, place)| *place == Place::Sentence);
        if let Some((start, end)) = (!in_sentence && !not_aid).then(unknown).flatten() {
            let name = self.text[start..end].to_string();
            let value = Cow::Owned(name.clone());
            explain.push(Why {
                label: "recipient",
                value,
                cue_span: Some((start, end)),
                rule: Rule::NamedBeforeReceivingVerb,
            });
            return Some(name);
        }
        if let Some((names, h, place)) = found {
            let rule = if place == Place::Sentence { Rule::NearestRecipient } else { place.rule() };
            explain.push(self.why("recipient", names.clone(), Some(&h), rule));
            return Some(names);
        }
        if not_aid {
            explain.push(self.why("recipient", "null", None, Rule::NotAidNoRecipient));
            return None;
        }
        if let Some((name, h)) = self.most_named(|h| taking(h)) {
            explain.push(self.why("recipient", name.clone(), Some(&h), Rule::RecipientNamedMost));
            return Some(name);
        }
        explain.push(self.why("recipient", "null", None, Rule::NoRecipient));
        None
    }

    /// The byte span of a name of one to three capitalised words that
    /// the lexicon does not know, right before a receiving verb in
    /// `[from, to)` ("Kerala is to receive", "Punjab will get"): not a
    /// pronoun or a determiner and what follows it ("It receives", "Das Land
    /// erhält"), not a word of a cue.
    fn unknown_name_receiving(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let is_capitalised = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        };
        self.hits_in(from, to).iter().filter(|h| h.cue == Cue::ReceivingVerb).find_map(|verb| {
            // The capitalised words right before the verb, at most three.
            let before = self.text[from..verb.start].trim_end();
            let mut start = before.len();
            let mut first = "";
            for word in before.rsplit(' ').take(UNKNOWN_NAME_WORDS) {
                if !is_capitalised(word) {
                    break;
                }
                start = start - word.len() - usize::from(start < before.len());
                first = word;
            }
            let (s, e) = (from + start, from + before.len());
            let is_a_cue = self.hits_in(s, e).iter().any(|h| h.start < e && h.end > s);
            (s < e && !self.lex.lists.not_names.contains(first) && !is_a_cue).then_some((s, e))
        })
    }

    /// Whether the actor a hit names receives here: a recipient always, a
    /// country that may do either after a word of `roles.receiver_before`
    /// ("aid to Sudan").
    fn receives(&self, h: &Hit) -> bool {
        let Cue::Actor(a) = h.cue else { return false };
        match self.lex.actor(a).role {
            Role::Recipient => true,
            Role::Neither => false,
            Role::Giver => self.receiving_verb_after(h),
            Role::Either => {
                self.word_before_is_one_of(h, &self.lex.lists.receiver_before) || self.receiving_verb_after(h)
            }
        }
    }

    /// True when a verb of `roles.receiver_after` follows the actor: the
    /// subject of "will receive" is no giver, whatever else it does elsewhere.
    fn receiving_verb_after(&self, h: &Hit) -> bool {
        !self.receiving_actors.is_empty() && self.receiving_actors.binary_search(&h.start).is_ok()
    }

    /// "for Israel, Ukraine and Taiwan": recipients named in one list, the
    /// subject first.
    fn recipient_list(&self, hit: &Hit, from: usize, to: usize) -> String {
        // In a list, a country that may do either receives with the others.
        let taker = |c: Cue| matches!(c, Cue::Actor(a) if self.lex.actor(a).can_receive());
        let hits: Vec<&Hit> = self.hits_in(from, to).iter().filter(|h| taker(h.cue)).collect();
        let Some(pos) = hits.iter().position(|h| h.start == hit.start) else {
            return self.actor_name(hit).unwrap_or_default().to_string();
        };
        let joins = |a: &Hit, b: &Hit| {
            let between = self.gap_text(a.end, b.start).trim();
            between.is_empty() || self.lex.file.joining.recipients.iter().any(|w| w == between)
        };
        let (mut lo, mut hi) = (pos, pos);
        while lo > 0 && joins(hits[lo - 1], hits[lo]) {
            lo -= 1;
        }
        while hi + 1 < hits.len() && joins(hits[hi], hits[hi + 1]) {
            hi += 1;
        }
        // "a $60.8 billion bill for Ukraine, part of a wider $95 billion
        // package that also covers Israel and Taiwan": the recipient named
        // before joins the list that "also" opens.
        let also = {
            let start = hits[lo].start;
            let before = self.gap_text(floor_char(self.text, start.saturating_sub(ALSO_REACH)), start);
            let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).collect();
            self.lex.file.joining.also.iter().any(|a| words.iter().any(|w| w.eq_ignore_ascii_case(a)))
        };
        if also && lo > 0 {
            lo -= 1;
        }
        let mut names: Vec<&str> = Vec::new();
        for h in &hits[lo..=hi] {
            if let Some(n) = self.actor_name(h) {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        let subject = self.lex.file.subject.recipient.as_str();
        if let Some(p) = names.iter().position(|n| *n == subject) {
            let s = names.remove(p);
            names.insert(0, s);
        }
        match names.len() {
            0 => String::new(),
            1 => names[0].to_string(),
            n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        }
    }

    /// Sources named with a word of attribution next to it ("the Pentagon
    /// said", "according to the Kiel Institute", "says US agency",
    /// "Shmyhal:"), each with how strong the attribution is (lower is
    /// stronger): "according to X" 0, "X said" 1, "said X" 2.
    fn attributed_in(&self, from: usize, to: usize) -> Vec<(Hit, usize, u8)> {
        // Every check looks only at the cues near the name, so that a whole
        // article costs time in proportion to its length.
        let near = |a: usize, b: usize| self.hits_in(a.max(from), b.min(to));
        let attr_after = |h: &Hit, reach: usize| {
            near(h.end, h.end + reach + 1).iter().any(|a| {
                a.cue == Cue::AttributionAfter
                    && a.start >= h.end
                    && a.start - h.end <= reach
                    && !self.gap_text(h.end, a.start).contains(['.', ';', '"', '“'])
            })
        };
        let mut out = Vec::new();
        for h in self.hits_in(from, to) {
            let Cue::Source(s) = h.cue else { continue };
            // "according to the Kiel Institute", "according to a BBC report";
            // not "according to Blinken, the Biden administration".
            let before = near(h.start.saturating_sub(48), h.start).iter().any(|a| {
                a.cue == Cue::AttributionBefore && a.end <= h.start && {
                    // "according to the Kiel Institute", "according to a tally by the Kiel Institute"
                    let between = self.gap_text(a.end, h.start);
                    let attribution = &self.lex.file.attribution;
                    let articles = &self.lex.file.roles.articles;
                    let words: Vec<&str> =
                        between.split_whitespace().filter(|w| !articles.iter().any(|a| a == w)).collect();
                    !between.contains(',')
                        && (words.len() <= 2
                            || (words.len() <= 4
                                && words.last().is_some_and(|l| attribution.tally.iter().any(|t| t == l))))
                }
            });
            let inverted = self.inverted_attribution(h.start, h.end);
            let colon = self.gap_text(h.end, to).starts_with(':');
            let strength = if before {
                0
            } else if attr_after(h, 60) || colon {
                1
            } else if inverted {
                2
            } else {
                continue;
            };
            out.push((*h, s, strength));
        }
        // The country itself speaking: "Ukraine puts …", "Kyiv, heavily
        // dependent on aid, said …"; not "support for Ukraine finds".
        for h in self.hits_in(from, to) {
            let Cue::Actor(a) = h.cue else { continue };
            let actor = self.lex.actor(a);
            let Some(gov) = actor.officials_voice() else { continue };
            let Some(s) = self.lex.file.sources.iter().position(|x| &x.name == gov) else { continue };
            // "Pakistan's Prime Minister's Office said", "the government of
            // Japan announced", "laut der Regierung Japans": the country
            // beside a title speaks when an attribution binds to the two.
            let title = near(h.start.saturating_sub(OFFICIAL_REACH), h.end + OFFICIAL_REACH)
                .iter()
                .find(|t| {
                    t.cue == Cue::Official && {
                        let gap = if t.end <= h.start {
                            self.gap_text(t.end, h.start)
                        } else {
                            self.gap_text(h.end, t.start)
                        };
                        // A title before the country joins it only through
                        // "of" and articles ("the government of Japan", "le
                        // gouvernement du Japon"), not "the embassy in Myanmar".
                        let joined = t.end > h.start || {
                            let attribution = &self.lex.file.attribution;
                            let articles = &self.lex.file.roles.articles;
                            gap.split_whitespace()
                                .all(|w| attribution.tally.iter().chain(articles).any(|x| x.eq_ignore_ascii_case(w)))
                        };
                        joined
                            && gap.len() <= OFFICIAL_REACH
                            && !gap.contains(['.', ';', ',', '"', '“'])
                            && !self.after_preposition(h)
                    }
                })
                .copied();
            if let Some(t) = title {
                let speaker = Hit { start: t.start.min(h.start), end: t.end.max(h.end), cue: h.cue };
                let introduced = near(speaker.start.saturating_sub(INTRODUCED_REACH), speaker.start).iter().any(|a| {
                    a.cue == Cue::AttributionBefore && a.end <= speaker.start && {
                        let gap = self.gap_text(a.end, speaker.start);
                        gap.split_whitespace().count() <= 2 && !gap.contains([',', '.'])
                    }
                });
                if introduced || attr_after(&speaker, 60) || self.decides_after(speaker.end, to) {
                    out.push((*h, s, 2));
                    continue;
                }
            }
            if actor.government.is_none() || self.after_preposition(h) {
                continue;
            }
            let rest = self.gap_text(h.end, floor_char(self.text, to.min(h.end + 120)));
            let appositive = rest.starts_with(',')
                && rest[1..].find(',').is_some_and(|c| {
                    let after = rest[1 + c + 1..].trim_start();
                    c < 90
                        && !rest[..c + 1].contains('.')
                        && self.lex.file.attribution.speaking.iter().any(|v| after.starts_with(v.as_str()))
                });
            if attr_after(h, 2) || appositive {
                out.push((*h, s, 1));
            }
        }
        self.officials_of_the_sentence(from, to, &mut out);
        out
    }

    /// Whether a verb of a decision on money follows a title at `end` in
    /// its clause: the office that approves, pledges or asks for a sum
    /// states it ("der Bundesrat hat … entschieden", "the cabinet approved",
    /// "le gouvernement a promis").
    fn decides_after(&self, end: usize, to: usize) -> bool {
        self.hits_in(end, (end + SPEAKER_NAME_REACH + 1).min(to)).iter().any(|a| {
            matches!(
                a.cue,
                Cue::Status(
                    Status::Approved | Status::Pledged | Status::Requested | Status::Proposed | Status::Allocated
                )
            ) && !self.gap_text(end, a.start).contains(['.', ';', '"', '“', ','])
        })
    }

    /// Whether a speaking verb stands right before `start`, an article
    /// between them at most: the verb before its subject, as German and
    /// French put it after a quote or a figure ("…, teilte die Regierung
    /// mit", "…, a indiqué le ministère", "…, said the ministry").
    ///
    /// With an article between, the name must also end its clause (a
    /// separable verb's particle aside, "vor", "mit"): "said the World Bank
    /// had pledged" reports what the bank did, it does not quote it.
    fn inverted_attribution(&self, start: usize, end: usize) -> bool {
        self.hits_in(start.saturating_sub(INVERTED_REACH), start).iter().any(|a| {
            if a.cue != Cue::AttributionAfter || a.end > start {
                return false;
            }
            let gap = self.gap_text(a.end, start).trim();
            if gap.is_empty() {
                return true;
            }
            let rest = self.gap_text(end, floor_char(self.text, (end + INVERTED_REACH).min(self.text.len())));
            let clause = rest.split(['.', ',', ';', ':', '!', '?', '"', '“', '\n']).next().unwrap_or("");
            self.without_article(gap).is_empty() && clause.split_whitespace().count() <= 1
        })
    }

    /// A title with no country beside it that an attribution binds ("Foreign
    /// Minister Annalena Baerbock said", "announced by Information Minister
    /// Marriyum Aurangzeb", "the government said") speaks for the country its
    /// sentence names nearest to it; and the person the title names speaks
    /// for it again wherever the name stands with an attribution ("Marriyum
    /// said"). Appended to `out`, at the strength of a bound title.
    fn officials_of_the_sentence(&self, from: usize, to: usize, out: &mut Vec<(Hit, usize, u8)>) {
        let bound_after = |end: usize| {
            self.hits_in(end, (end + SPEAKER_NAME_REACH + 1).min(to)).iter().any(|a| {
                a.cue == Cue::AttributionAfter && !self.gap_text(end, a.start).contains(['.', ';', '"', '“', ','])
            })
        };
        let bound_before = |start: usize| {
            self.hits_in(start.saturating_sub(INTRODUCED_REACH), start).iter().any(|a| {
                a.cue == Cue::AttributionBefore && a.end <= start && {
                    let gap = self.gap_text(a.end, start);
                    gap.split_whitespace().count() <= 2 && !gap.contains([',', '.'])
                }
            })
        };
        let speaks = |t: &Hit| bound_after(t.end) || bound_before(t.start) || self.inverted_attribution(t.start, t.end);
        let mut people: Vec<(&str, usize)> = Vec::new();
        for t in self.hits_in(from, to) {
            if t.cue != Cue::Official {
                continue;
            }
            let around = self.hits_in(t.start.saturating_sub(OFFICIAL_REACH), (t.end + SPEAKER_NAME_REACH).min(to));
            // A named source or a country beside the title is the other passes'.
            let spoken_for = around.iter().any(|h| match h.cue {
                Cue::Source(_) => true,
                Cue::Actor(a) => {
                    let gap =
                        if h.end <= t.start { self.gap_text(h.end, t.start) } else { self.gap_text(t.end, h.start) };
                    self.lex.actor(a).officials_voice().is_some()
                        && gap.len() <= OFFICIAL_REACH
                        && !gap.contains([',', '.'])
                }
                _ => false,
            });
            let speaking = speaks(t);
            if spoken_for || !(speaking || self.decides_after(t.end, to)) {
                continue;
            }
            let (ss, se) = crate::extract::sentence::bounds(self.text, t.start, t.end);
            let country = self
                .hits_in(ss, se)
                .iter()
                .filter_map(|h| match h.cue {
                    Cue::Actor(a) => {
                        let gov = self.lex.actor(a).officials_voice()?;
                        let s = self.lex.file.sources.iter().position(|x| &x.name == gov)?;
                        Some((h, s))
                    }
                    _ => None,
                })
                // An office that decides to give a sum is the giver's, never
                // the receiver's ("der Bundesrat hat beschlossen, 140
                // Millionen für die Ukraine bereitzustellen").
                .filter(|(h, _)| speaking || !(self.after_preposition(h) || self.receives(h)))
                // A country the money goes to speaks only when no other is
                // named: "Germany will channel €300m to Syria, Foreign Minister
                // Baerbock said" is Germany's minister.
                .min_by_key(|(h, _)| {
                    (self.after_preposition(h), distance(self.text, (h.start, h.end), (t.start, t.end)))
                });
            let Some((_, s)) = country else { continue };
            out.push((*t, s, 2));
            // The person's name: the capitalised words right after the title.
            let rest = &self.text[t.end..floor_char(self.text, (t.end + SPEAKER_NAME_REACH).min(to))];
            let name_end = rest
                .split_inclusive(' ')
                .take_while(|w| w.trim().chars().next().is_some_and(char::is_uppercase))
                .map(str::len)
                .sum::<usize>();
            for word in rest[..name_end].split_whitespace() {
                if word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) {
                    people.push((word, s));
                }
            }
        }
        // "Marriyum said": the same person, later, by one of the names.
        for (word, s) in people {
            for (at, _) in self.text[from..to].match_indices(word) {
                let (start, end) = (from + at, from + at + word.len());
                let whole = !self.text[..start].ends_with(char::is_alphanumeric)
                    && !self.text[end..].starts_with(char::is_alphanumeric);
                let already = out.iter().any(|(h, _, _)| h.start <= start && end <= h.end + SPEAKER_NAME_REACH);
                if whole && !already && (bound_after(end) || bound_before(start)) {
                    out.push((Hit { start, end, cue: Cue::Official }, s, 2));
                }
            }
        }
    }

    /// The article's attributions whose name stands in `[from, to)`.
    fn attributions_in(&self, from: usize, to: usize) -> &[(Hit, usize, u8)] {
        let a = self.attributions.partition_point(|(h, _, _)| h.start < from);
        let b = self.attributions.partition_point(|(h, _, _)| h.start < to).max(a);
        &self.attributions[a..b]
    }

    fn source(
        &self,
        i: usize,
        ss: usize,
        se: usize,
        not_aid: bool,
        parties: [Option<&str>; 2],
        explain: &mut Vec<Why>,
    ) -> Option<String> {
        let m = &self.mentions[i];
        // The strongest attribution; a news agency that cites someone else
        // gives way to that someone; then the nearest.
        let pick = |found: &[(Hit, usize, u8)]| -> Option<(Hit, usize, u8)> {
            found.iter().copied().min_by_key(|(h, s, strength)| {
                (
                    self.lex.source(*s).kind == SourceKind::Media,
                    *strength,
                    distance(self.text, (h.start, h.end), (m.byte_start, m.byte_end)),
                )
            })
        };
        // The sentence's attribution; else one that holds through the
        // paragraph ("He added that …"), from a sentence that attributed
        // figures of its own.
        let found = self.places(i, Headline::Never).find_map(|(place, from, to)| {
            let has_money = || self.mentions.iter().any(|o| o.byte_start >= from && o.byte_end <= to);
            if place == Place::Paragraph && !has_money() {
                return None;
            }
            pick(self.attributions_in(from, to)).map(|(h, s, strength)| (h, s, strength, place))
        });
        // An institution's own release speaks for it throughout, save where
        // a sentence says whose figure it quotes ("according to the World
        // Bank"): its minister's "he said" is still the institution's.
        if let Some(name) = &self.own_release {
            let cites_another = found.as_ref().is_some_and(|(_, s, strength, place)| {
                *place == Place::Sentence && *strength == 0 && self.lex.source(*s).name != *name
            });
            if !cites_another {
                explain.push(self.why("source", name.clone(), None, Rule::OwnRelease));
                return Some(name.clone());
            }
        }
        if let Some((h, s, _, place)) = found {
            let name = self.lex.source(s).name.clone();
            let rule = if place == Place::Sentence { Rule::AttributedInSentence } else { Rule::AttributedEarlier };
            explain.push(self.why("source", name.clone(), Some(&h), rule));
            return Some(name);
        }
        // "he said", "according to her": the last source the article named.
        if self.hits_in(ss, se).iter().any(|h| h.cue == Cue::AttributionCarry) {
            if let Some((h, s, _)) =
                self.attributions.iter().filter(|(h, _, _)| h.end <= ss).max_by_key(|(h, _, _)| h.start).copied()
            {
                let name = self.lex.source(s).name.clone();
                explain.push(self.why("source", name.clone(), Some(&h), Rule::PronounCarriesSource));
                return Some(name);
            }
        }
        // The one government body an article quotes states the money its
        // country gives or gets, not a third country's: a Commission
        // statement on EU aid does not speak for Germany's budget in the
        // same report, while Kyiv may tell what Washington sends it.
        let speaks_for_a_party = |s: usize| {
            let body = self.lex.source(s);
            if body.kind != SourceKind::Government {
                return true;
            }
            let mut voices =
                parties.iter().flatten().filter_map(|p| self.lex.actor_named(p)?.officials_voice()).peekable();
            voices.peek().is_none() || voices.any(|v| *v == body.name)
        };
        if !not_aid {
            if let Some(s) = self.research_source.or(self.only_source.filter(|&s| speaks_for_a_party(s))) {
                let name = self.lex.source(s).name.clone();
                let rule = if Some(s) == self.research_source { Rule::ResearchDrawnOn } else { Rule::OnlyBodyQuoted };
                explain.push(self.why("source", name.clone(), None, rule));
                return Some(name);
            }
        }
        explain.push(self.why("source", "null", None, Rule::OutletsOwnVoice));
        None
    }

    /// The one non-media source an article attributes anything to, if it
    /// quotes exactly one.
    fn only_source(&self) -> Option<usize> {
        let mut found: Option<usize> = None;
        for &(_, s, _) in &self.attributions {
            if self.lex.source(s).kind == SourceKind::Media {
                continue;
            }
            match found {
                None => found = Some(s),
                Some(f) if f != s => return None,
                _ => {}
            }
        }
        found
    }

    /// A research body the article attributes figures to anywhere.
    fn research_named(&self) -> Option<usize> {
        self.attributions.iter().map(|&(_, s, _)| s).find(|s| self.lex.source(*s).kind == SourceKind::Research).or_else(
            || {
                // "The Ukraine Support Tracker run by Kiel's Institute …": a
                // tracker or study named as such counts without a verb.
                self.hits.iter().find_map(|h| match h.cue {
                    Cue::Source(s) if self.lex.source(s).kind == SourceKind::Research => {
                        let around = &self.text
                            [floor_char(self.text, h.start.saturating_sub(60))..floor_char(self.text, h.end + 60)];
                        let around = around.to_lowercase();
                        self.lex
                            .file
                            .attribution
                            .research_words
                            .iter()
                            .any(|w| around.contains(w.as_str()))
                            .then_some(s)
                    }
                    _ => None,
                })
            },
        )
    }

    /// "€50 billion ($55 billion; £43 billion)": the amount a bracketed
    /// conversion converts, if mention `i` is one.
    fn converts(&self, i: usize) -> Option<usize> {
        self.conversions[i]
    }

    /// Per mention, the amount it converts, worked out once: every cue
    /// that two amounts compete for asks.
    fn find_conversions(&self) -> Vec<Option<usize>> {
        let mut out: Vec<Option<usize>> = Vec::with_capacity(self.mentions.len());
        for i in 0..self.mentions.len() {
            let root = i.checked_sub(1).and_then(|prev| {
                let between = &self.text[self.mentions[prev].byte_end..self.mentions[i].byte_start];
                let words = between.trim().trim_start_matches(['(', ';', ',']).trim();
                let short = words.is_empty() || self.lex.file.conversion.approximately.iter().any(|w| w == words);
                // "$37.3 billion, or €34.45 billion": a comma and "or" convert
                // too, when the currency changes.
                let or_after_comma = between.trim_start().starts_with(',')
                    && self.lex.file.joining.or.iter().any(|w| w == words)
                    && self.mentions[prev].currency != self.mentions[i].currency;
                (between.len() <= CONVERSION_GAP && (between.contains(['(', ';']) && short || or_after_comma))
                    .then(|| out[prev].unwrap_or(prev))
            });
            out.push(root);
        }
        out
    }

    /// "the $95 billion package, of which $61 billion for Ukraine": the whole
    /// is not the part's alone. It keeps its own recipients if its clause
    /// names them, else it goes to the part's recipient "and others".
    fn wholes_of_parts(&self, out: &mut [Context]) {
        for i in 0..out.len().saturating_sub(1) {
            let between = self.gap_text(self.mentions[i].byte_end, self.mentions[i + 1].byte_start);
            // "$95 billion foreign aid package on Wednesday, of which nearly
            // $61 bln": the whole's noun may run on before the "of which",
            // and a qualifier stand after it; no sentence ends between.
            let joined = between.len() <= WHOLE_TO_PART_REACH
                && !between.contains(['.', ';'])
                && self.lex.file.joining.of_which.iter().any(|w| {
                    between.rfind(w.as_str()).is_some_and(|at| between.len() - (at + w.len()) <= OF_WHICH_TO_PART_REACH)
                });
            if !joined {
                continue;
            }
            // The part's recipient must be named after it ("… for Ukraine"),
            // and the whole's must not be named before the "of which".
            let cue_at =
                |c: &Context| c.explain.iter().find(|w| w.label == "recipient").and_then(|w| w.cue_span).map(|s| s.0);
            let (whole_m, part_m) = (&self.mentions[i], &self.mentions[i + 1]);
            if cue_at(&out[i + 1]).is_none_or(|at| at < part_m.byte_end)
                || cue_at(&out[i]).is_some_and(|at| at < whole_m.byte_end)
            {
                continue;
            }
            let Some(part) = out[i + 1].recipient.clone() else { continue };
            let whole = format!("{part} and others");
            let c = &mut out[i];
            c.recipient = Some(whole.clone());
            c.aid_to_ukraine =
                c.category != Category::Other && whole.contains(self.lex.file.subject.recipient.as_str());
            c.rekey();
            c.explain.retain(|w| w.label != "recipient");
            c.explain.push(Why { label: "recipient", value: whole.into(), cue_span: None, rule: Rule::WholeOfPart });
        }
    }

    /// An article that states one figure twice (the headline, then the
    /// body; a lead, then a quote), or in two currencies ("120 billion
    /// dirhams ($11.7 billion)"), means one quantity: every statement of it
    /// takes what the first says of kind, stage, giver and receiver, so that
    /// they fall in one metric. Where the first says nothing (no giver), the
    /// statement that says most often fills it in; the stage is the one most
    /// statements give.
    /// The size a package is known by is the one in the reference currency
    /// where the article gives it, so that other outlets' reports of the
    /// same package in dollars fall beside it. The source stays each
    /// statement's own: one outlet may quote two bodies for one figure.
    fn repeats_agree(&self, out: &mut [Context]) {
        let statements = self.statements_of_one_figure(out);
        for all in statements.iter().filter(|g| g.len() > 1) {
            let first = all[0];
            // The stage most statements give, ties to the first: a headline's
            // "pledge" gives way to the body's "committed" twice over. Only a
            // stage read from the text votes; the article's usual one fills
            // in where none is.
            let read = |k: &usize| {
                out[*k].status != Status::Unknown
                    && !out[*k].explain.iter().any(|w| w.label == "status" && w.rule == Rule::ArticlesUsualStatus)
            };
            let status = most_often(all.iter().filter(|k| read(k)).map(|&k| out[k].status))
                .or_else(|| most_often(all.iter().map(|&k| out[k].status).filter(|s| *s != Status::Unknown)));
            // A figure the first statement finds is no aid has no giver or receiver to fill in.
            let not_aid = out[first].explain.iter().any(|w| w.rule == Rule::NotAid);
            let fill = |pick: fn(&Context) -> Option<String>| {
                pick(&out[first]).or_else(|| most_often(all.iter().filter_map(|&k| pick(&out[k]))).filter(|_| !not_aid))
            };
            let donor = fill(|c| c.donor.clone());
            let recipient = fill(|c| c.recipient.clone());
            let category = out[first].category;
            let scope = match out[first].metric.scope {
                Some(Scope::Amount(first_size)) => {
                    let reference = all.iter().find(|&&k| self.mentions[k].currency == REFERENCE_CURRENCY);
                    Some(Scope::Amount(
                        reference.and_then(|&k| Magnitude::of(self.mentions[k].value)).unwrap_or(first_size),
                    ))
                }
                other => other,
            };
            let subject = self.lex.file.subject.recipient.as_str();
            for &k in all {
                let c = &mut out[k];
                let before = (c.category, c.status, c.donor.clone(), c.recipient.clone(), c.metric.scope);
                c.category = category;
                c.status = status.unwrap_or(c.status);
                c.donor = donor.clone();
                c.recipient = recipient.clone();
                c.metric.scope = scope;
                if before == (c.category, c.status, c.donor.clone(), c.recipient.clone(), c.metric.scope) {
                    continue;
                }
                c.aid_to_ukraine = !not_aid
                    && c.category != Category::Other
                    && c.recipient.as_deref().is_some_and(|r| r.contains(subject));
                c.rekey();
                let changed: [(&'static str, bool, Cow<'static, str>); 4] = [
                    ("category", before.0 != c.category, Cow::Borrowed(c.category.as_str())),
                    ("status", before.1 != c.status, Cow::Borrowed(c.status.as_str())),
                    ("donor", before.2 != c.donor, c.donor.clone().map_or(Cow::Borrowed("null"), Cow::Owned)),
                    (
                        "recipient",
                        before.3 != c.recipient,
                        c.recipient.clone().map_or(Cow::Borrowed("null"), Cow::Owned),
                    ),
                ];
                for (label, moved, value) in changed {
                    if moved {
                        c.explain.retain(|w| w.label != label);
                        c.explain.push(Why { label, value, cue_span: None, rule: Rule::RepeatedFigure });
                    }
                }
            }
        }
    }

    /// The mentions grouped by the figure they state: the same value, range
    /// and currency, or a conversion of one of them. Each group in text
    /// order, the groups by their first statement.
    fn statements_of_one_figure(&self, out: &[Context]) -> Vec<Vec<usize>> {
        let n = self.mentions.len();
        // "$100m from China … $100m from USAID": the same number bound to two
        // givers ("from", a possessive) is two figures.
        let own = |c: &Context, label: &str, rules: &[Rule]| {
            c.explain.iter().find(|w| w.label == label && rules.contains(&w.rule)).map(|w| w.value.clone())
        };
        let givers = [Rule::GiverAfterAmount, Rule::Possessive];
        let apart = |a: &Context, b: &Context| {
            let differ =
                |x: Option<Cow<'_, str>>, y: Option<Cow<'_, str>>| matches!((x, y), (Some(x), Some(y)) if x != y);
            differ(own(a, "donor", &givers), own(b, "donor", &givers))
        };
        // Each mention's group, by the index of the group's first statement.
        let mut group: Vec<usize> = (0..n).collect();
        let same = |a: &Money, b: &Money| a.value == b.value && a.value_max == b.value_max && a.currency == b.currency;
        for k in 0..n {
            // Both links count: "$12 billion" may convert the dirhams before
            // it and repeat the headline's "$12 bln".
            let converted = self.converts(k);
            let repeated = (0..k).find(|&j| same(&self.mentions[j], &self.mentions[k]) && !apart(&out[j], &out[k]));
            for j in converted.into_iter().chain(repeated) {
                let (into, from) = (group[j].min(group[k]), group[j].max(group[k]));
                for g in group.iter_mut().filter(|g| **g == from) {
                    *g = into;
                }
            }
        }
        let mut by_first: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (k, &first) in group.iter().enumerate() {
            by_first[first].push(k);
        }
        by_first.retain(|g| !g.is_empty());
        by_first
    }

    /// True when one of two mentions converts the other.
    fn is_conversion_pair(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.converts(hi).is_some_and(|root| root <= lo && (lo..hi).all(|k| k == root || self.converts(k).is_some()))
    }

    /// A conversion says what the amount it converts says.
    fn copy_to_conversions(&self, out: &mut [Context]) {
        for i in 0..out.len() {
            if let Some(root) = self.converts(i) {
                let mut c = out[root].clone();
                c.scope_start = c.scope_start.or(out[i].scope_start);
                c.explain =
                    vec![Why { label: "all", value: Cow::Borrowed(""), cue_span: None, rule: Rule::Conversion }];
                out[i] = c;
            }
        }
    }

    /// An aid figure with no status cue anywhere near takes the status the
    /// article gives most often ("allocated" in a tracker report).
    fn fill_statuses(&self, out: &mut [Context]) {
        let decided = out.iter().filter(|c| {
            c.status != Status::Unknown && c.explain.iter().any(|w| w.label == "status" && w.cue_span.is_some())
        });
        // Ties go to the status the article states first.
        let Some(top) = most_often(decided.map(|c| c.status)) else { return };
        for c in out.iter_mut() {
            let undecided = c.status == Status::Unknown
                && c.category != Category::Other
                && c.explain.iter().any(|w| w.label == "status" && w.rule == Rule::NoCue);
            if undecided {
                c.status = top;
                c.explain.retain(|w| w.label != "status");
                c.explain.push(Why {
                    label: "status",
                    value: Cow::Borrowed(top.as_str()),
                    cue_span: None,
                    rule: Rule::ArticlesUsualStatus,
                });
                c.rekey();
            }
        }
    }

    /// An aid figure no cue gives a giver (or a receiver) to takes the one
    /// the article names for its other figures, when one has most of them:
    /// an article on one country's aid names it once and then says "the
    /// government", "der Bund" or "it". Not when the article names many (a
    /// pledging conference's givers): then no one is the article's.
    fn fill_parties(&self, out: &mut [Context]) {
        self.fill_party(out, Party::Donor);
        self.fill_party(out, Party::Recipient);
    }

    /// A body's money with no receiver named goes to the country the
    /// article names most: a lender's or an agency's tranche in a report on
    /// one country's programme is that country's ("the Fund will release a
    /// first tranche of $1.1 billion" in an article on Pakistan). Only for a
    /// body, which gives to countries; a country's figure with no receiver
    /// keeps none, as the country most named is often itself.
    fn fill_borrowers(&self, out: &mut [Context]) {
        let is_body = |name: &str| {
            self.lex.file.actors.iter().any(|a| {
                a.name == name && a.role == Role::Giver && a.government.is_none() && a.officials_speak_as.is_none()
            })
        };
        for c in out.iter_mut() {
            let unnamed = c.recipient.is_none()
                && c.explain.iter().any(|w| w.label == "recipient" && w.rule == Rule::NoRecipient);
            let Some(donor) = c.donor.clone().filter(|d| unnamed && is_body(d)) else { continue };
            let country = self.most_named(|h| {
                matches!(h.cue, Cue::Actor(a) if self.lex.actor(a).role == Role::Either && self.lex.actor(a).name != donor)
            });
            let Some((name, h)) = country else { continue };
            c.explain.retain(|w| w.label != "recipient");
            c.explain.push(self.why("recipient", name.clone(), Some(&h), Rule::BodysCountry));
            c.recipient = Some(name);
            c.rekey();
        }
    }

    fn fill_party(&self, out: &mut [Context], party: Party) {
        let (label, none_found, named_most, usual) = match party {
            Party::Donor => ("donor", Rule::NoGiver, Rule::GiverNamedMost, Rule::ArticlesUsualGiver),
            Party::Recipient => {
                ("recipient", Rule::NoRecipient, Rule::RecipientNamedMost, Rule::ArticlesUsualRecipient)
            }
        };
        let named =
            |c: &Context| c.explain.iter().any(|w| w.label == label && w.cue_span.is_some() && w.rule != named_most);
        let mut counts = tally(out.iter().filter(|c| named(c)).filter_map(|c| party.of(c).clone()));
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let Some((top, n)) = counts.first().cloned() else { return };
        let second = counts.get(1).map_or(0, |c| c.1);
        if n < USUAL_PARTY_MIN_FIGURES || n <= 2 * second {
            return;
        }
        for c in out.iter_mut() {
            // No one gives to themselves.
            let other = match party {
                Party::Donor => &c.recipient,
                Party::Recipient => &c.donor,
            };
            // A figure no cue gave a party, or one that took the party the
            // article names most: the party of the article's other figures
            // is the better guess (a Swiss plan quoting the World Bank's
            // estimate is still Swiss).
            let guessed = |w: &Why| w.rule == none_found || w.rule == named_most;
            let undecided = party.of(c).as_deref() != Some(top.as_str())
                && other.as_deref() != Some(top.as_str())
                && c.explain.iter().any(|w| w.label == label && guessed(w));
            if undecided {
                *party.of_mut(c) = Some(top.clone());
                c.explain.retain(|w| w.label != label);
                c.explain.push(Why { label, value: Cow::Owned(top.clone()), cue_span: None, rule: usual });
                if party == Party::Recipient && top.contains(self.lex.file.subject.recipient.as_str()) {
                    c.aid_to_ukraine = true;
                    c.explain.retain(|w| w.label != "aid_to_ukraine");
                    c.explain.push(Why {
                        label: "aid_to_ukraine",
                        value: Cow::Borrowed("true"),
                        cue_span: None,
                        rule: Rule::SubjectAmongRecipients,
                    });
                }
                c.rekey();
            }
        }
    }

    /// A headline states the article's figure in brief: where it has no
    /// source of its own, the one the article gives most often.
    fn fill_headline(&self, out: &mut [Context]) {
        if self.headline_end == 0 {
            return;
        }
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (i, c) in out.iter().enumerate() {
            if self.in_headline(i) {
                continue;
            }
            if let Some(s) = &c.source {
                match counts.iter_mut().find(|(n, _)| n == s) {
                    Some(x) => x.1 += 1,
                    None => counts.push((s.clone(), 1)),
                }
            }
        }
        let Some((top, _)) = counts.into_iter().max_by_key(|(_, n)| *n) else { return };
        for (i, c) in out.iter_mut().enumerate() {
            if self.in_headline(i) && c.source.is_none() && c.category != Category::Other {
                c.source = Some(top.clone());
                c.explain.retain(|w| w.label != "source");
                c.explain.push(Why {
                    label: "source",
                    value: top.clone().into(),
                    cue_span: None,
                    rule: Rule::HeadlineTakesMainSource,
                });
            }
        }
    }

    /// The period a figure covers, when the sentence says: "since February
    /// 2022", "in 2023", "since the war began". It depends on the sentence
    /// alone, so the mentions of one sentence share what the first found.
    fn scope(&self, i: usize, published: Option<NaiveDate>, explain: &mut Vec<Why>) -> Period {
        let sentence_start = self.mentions[i].sentence_start;
        let mut last = self.last_scope.borrow_mut();
        let found = match last.as_ref() {
            Some((at, found)) if *at == sentence_start => found.clone(),
            _ => {
                let found = self.find_scope(i, published);
                *last = Some((sentence_start, found.clone()));
                found
            }
        };
        explain.extend(found.1.iter().cloned());
        found.0
    }

    fn find_scope(&self, i: usize, published: Option<NaiveDate>) -> ScopeFound {
        let m = &self.mentions[i];
        let sentence = &self.text[m.sentence_start..m.sentence_end];
        if let Some(h) = self.hits_in(m.sentence_start, m.sentence_end).iter().find(|h| h.cue == Cue::SubjectStart) {
            if let Some(start) = self.lex.file.subject.start {
                return (
                    (Some(start), None),
                    Some(self.why("scope", start.to_string(), Some(h), Rule::SinceSubjectStart)),
                );
            }
        }
        let words = &self.lex.file.scope;
        let lists = &self.lex.lists;
        // Every rule below needs a year (four digits in a row), or a word
        // of `since` or `this_year` as it is written: most sentences have
        // none, and are not read word by word.
        let four_digits = sentence.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        if !four_digits && !lists.names_a_period_start(sentence) {
            return ((None, None), None);
        }
        let year_of =
            |s: &str| s.trim_end_matches(['.', ')', ';']).parse::<i32>().ok().filter(|y| (1990..2100).contains(y));
        let mut all = sentence.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
        // The word, and the three after it: all any rule looks at.
        let mut window: [&str; 4] = [""; 4];
        for slot in window.iter_mut() {
            *slot = all.next().unwrap_or("");
        }
        while !window[0].is_empty() {
            let [w, next, after, after2] = window;
            // Most words start as no word of a period does.
            let first = w.as_bytes().first().copied().unwrap_or(0);
            if !lists.scope_initials.contains(first) {
                window = [next, after, after2, all.next().unwrap_or("")];
                continue;
            }
            if lists.since.contains(w) {
                // since February 2022 / since 2022 / since January 24, 2022
                if let Some(y) = year_of(next) {
                    let d = NaiveDate::from_ymd_opt(y, 1, 1);
                    return ((d, None), Some(self.why("scope", format!("{y}-01-01"), None, Rule::SinceYear)));
                }
                if let Some(mo) = crate::article::month_number(next) {
                    let y = [after, after2].into_iter().find_map(year_of);
                    if let Some(y) = y.or_else(|| published.map(|p| p.year())) {
                        let d = NaiveDate::from_ymd_opt(y, mo, 1);
                        return ((d, None), Some(self.why("scope", format!("{y}-{mo:02}-01"), None, Rule::SinceMonth)));
                    }
                }
            } else if lists.within.contains(w) {
                if let Some(y) = year_of(next) {
                    let period = (NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31));
                    return (period, Some(self.why("scope", y.to_string(), None, Rule::YearNamed)));
                }
            } else if let Some(p) = published.filter(|_| {
                lists.this_year_first.contains(w)
                    && words.this_year.iter().any(|phrase| {
                        let mut parts = phrase.split_whitespace();
                        parts.next().is_some_and(|a| a.eq_ignore_ascii_case(w))
                            && parts.next().is_some_and(|b| b.eq_ignore_ascii_case(next.trim_end_matches(['.', ','])))
                    })
            }) {
                let period = (NaiveDate::from_ymd_opt(p.year(), 1, 1), Some(p));
                let why = self.why("scope", p.year().to_string(), None, Rule::ThisYear);
                return (period, Some(why));
            }
            window = [next, after, after2, all.next().unwrap_or("")];
        }
        ((None, None), None)
    }
}

/// How often each value is given, in the order first given. The values of
/// one article are few, so a list beats a map.
fn tally<T: PartialEq>(values: impl Iterator<Item = T>) -> Vec<(T, usize)> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some(c) => c.1 += 1,
            None => counts.push((v, 1)),
        }
    }
    counts
}

/// The value given most often, ties to the one given first; None for none.
fn most_often<T: PartialEq>(values: impl Iterator<Item = T>) -> Option<T> {
    let counts = tally(values);
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

/// The start and end of the period a figure covers, where the text says.
type Period = (Option<NaiveDate>, Option<NaiveDate>);

/// A sentence's period and why.
type ScopeFound = (Period, Option<Why>);

#[cfg(test)]
mod tests;
