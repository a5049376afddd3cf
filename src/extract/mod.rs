//! Finds every amount of money in a text and reads its exact value.
//!
//! One Aho-Corasick pass finds the anchors: currency symbols, codes, currency
//! words and scale words. Around each anchor a small window is split into
//! tokens and the grammar in `amount` reads the whole expression, trying the
//! starts to the left of the anchor from the farthest in, so that "between
//! 10 and 20 dollars" is read whole from the anchor "dollars".

mod amount;
mod currency;
mod number;
mod qualifier;
pub mod sentence;
mod token;
mod words;

pub use currency::Cur;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// How a figure relates to the amount written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    Approx,
    MoreThan,
    AtLeast,
    LessThan,
    UpTo,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::UpTo => "up_to",
            Qualifier::Range => "range",
        }
    }
}

/// One amount of money as the text states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// Unicode code point offsets into the text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of the same span.
    pub byte_start: usize,
    pub byte_end: usize,
    pub surface: String,
    /// Full units: "USD278 billion" is 278000000000.
    pub value: Decimal,
    /// The upper bound of a range.
    pub value_max: Option<Decimal>,
    /// ISO 4217 code.
    pub currency: &'static str,
    pub qualifier: Qualifier,
    /// The sentence that states the amount, and its byte offsets.
    pub sentence: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// Power of ten of the scale word written ("$61 billion": 9), 0 when none.
    pub scale_exp: u32,
}

/// Bytes of text read on either side of an anchor.
const WINDOW_BEFORE: usize = 80;
const WINDOW_AFTER: usize = 80;
/// How many tokens left of an anchor a money expression may start.
const MAX_LEAD_TOKENS: usize = 12;
/// How far back (bytes) an elliptical amount ("11 billion") may look for the
/// money it continues.
const ELLIPSIS_REACH: usize = 500;
/// How far ahead (bytes) an elliptical amount may look for its money within
/// its sentence, when none came before it.
const FORWARD_REACH: usize = 120;

/// What an anchor pattern is, to decide cheaply whether it is worth reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AnchorKind {
    /// A currency word or code: may go with a number spelled out.
    Name,
    /// A symbol or a scale word: only ever beside digits.
    NeedsDigits,
}

const SYMBOLS: &[char] =
    &['$', '€', '£', '¥', '₴', '₽', '₹', '₩', '₡', '₾', '₭', '₿', '₺', '₦', '₱', '₪', '¢', '元', '₸', '₼', '₫', '฿'];

fn automaton() -> &'static (AhoCorasick, Vec<AnchorKind>) {
    static AC: OnceLock<(AhoCorasick, Vec<AnchorKind>)> = OnceLock::new();
    AC.get_or_init(|| {
        let mut patterns: Vec<String> = currency::anchor_words();
        let mut kinds = vec![AnchorKind::Name; patterns.len()];
        for p in words::SCALE_ANCHORS.iter().map(|s| s.to_string()).chain(SYMBOLS.iter().map(|c| c.to_string())) {
            patterns.push(p);
            kinds.push(AnchorKind::NeedsDigits);
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A full DFA: one table step per byte, the scan that sets throughput.
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(&patterns)
            .expect("the anchor patterns are fixed and valid");
        (ac, kinds)
    })
}

/// Whether an ASCII digit stands in `text[from..to]` (clamped to the text).
fn digit_near(bytes: &[u8], from: usize, to: usize) -> bool {
    let to = to.min(bytes.len());
    bytes[from.min(to)..to].iter().any(u8::is_ascii_digit)
}

/// Whether the word before byte `at` is a number word ("eine Mio.", "five
/// billion"), so that a scale word with no digit near is still worth reading.
fn number_word_before(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end();
    if head.len() == text[..at].len() {
        return false;
    }
    let word = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if word.is_empty() || word.len() > 40 {
        return false;
    }
    let lower = word.to_lowercase();
    number::english_word(&lower).is_some()
        || number::german_word(&lower).is_some()
        || number::french_word(&lower).is_some()
        || words::is_one(&lower)
        || words::fraction(&lower).is_some()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// Every amount of money in `text`, in order, never overlapping.
pub fn extract(text: &str) -> Vec<Money> {
    let mut found: Vec<Found> = Vec::new();
    let mut consumed = 0usize;
    let mut dollars = DollarEvidence::default();
    let bytes = text.as_bytes();
    let (ac, kinds) = automaton();
    for m in ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if s < consumed {
            continue;
        }
        if kinds[m.pattern().as_usize()] == AnchorKind::NeedsDigits
            && !digit_near(bytes, s.saturating_sub(40), e + 16)
            && !number_word_before(text, s)
        {
            continue;
        }
        let first = bytes[s];
        // Words must stand alone; codes may touch digits ("USD278", "115USD")
        // and an M for millions ("MUSD").
        if first.is_ascii_alphabetic() {
            let left_ok = s == 0
                || !is_word_byte(bytes[s - 1])
                || (bytes[s - 1] == b'M' && (s < 2 || !is_word_byte(bytes[s - 2])));
            let right_ok = e == bytes.len() || !(bytes[e].is_ascii_alphabetic());
            if !left_ok || !right_ok {
                continue;
            }
            if e < bytes.len() && bytes[e] >= 0x80 && text[e..].chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
        }
        if let Some((head, f)) = read_at(text, s, e, consumed, &found, &mut dollars) {
            consumed = f.parsed_end;
            found.extend(head);
            found.push(f);
        }
    }
    resolve(text, found, &dollars)
}

/// An amount as read, before the document-level rules.
struct Found {
    start: usize,
    end: usize,
    parsed_end: usize,
    value: Decimal,
    value_max: Option<Decimal>,
    cur: Cur,
    qualifier: Qualifier,
    scale_exp: u32,
    /// Stated as a conversion of the amount before it: "€50 billion ($55 billion)".
    converted: bool,
}

/// What the document says about which dollar a bare "$" is.
#[derive(Default)]
struct DollarEvidence {
    us_named: bool,
    other: Option<&'static str>,
    several_others: bool,
}

fn read_at(
    text: &str,
    anchor_start: usize,
    anchor_end: usize,
    consumed: usize,
    found: &[Found],
    dollars: &mut DollarEvidence,
) -> Option<(Option<Found>, Found)> {
    let from = token::ceil_boundary(text, anchor_start.saturating_sub(WINDOW_BEFORE).max(consumed));
    // Start the window at a token boundary so no word is cut in half.
    let from = if from > consumed && from > 0 {
        text[from..anchor_start].find(char::is_whitespace).map_or(anchor_start, |w| from + w)
    } else {
        from
    };
    let to = token::floor_boundary(text, anchor_end + WINDOW_AFTER);
    let to = if to < text.len() {
        text[anchor_end..to].rfind(char::is_whitespace).map_or(to, |w| anchor_end + w)
    } else {
        to
    };
    let toks = token::tokenize(text, from, to);
    let anchor = toks.iter().position(|t| t.end > anchor_start)?;
    note_dollar(&toks, anchor, dollars);
    let g = amount::Grammar { text, toks: &toks };
    let lead = anchor.saturating_sub(MAX_LEAD_TOKENS);
    let mut parsed = None;
    for k in lead..=anchor {
        if !g.may_start(k) {
            continue;
        }
        if let Some(p) = g.expr(k) {
            if p.start <= toks[anchor].start && p.end >= toks[anchor].end.min(anchor_end) {
                parsed = Some(p);
                break;
            }
        }
    }
    let p = parsed?;
    let cur = match p.cur {
        Some(c) => c,
        None => elliptical_currency(text, &toks, &p, found)?,
    };
    let qualifier = qualifier_of(text, &toks, &p);
    if let Cur::Iso(code) = cur {
        if p.start < text.len() && text[p.start..p.end].contains('$') {
            if code == "USD" {
                dollars.us_named = true;
            }
        } else if code == "USD" && text[p.start..p.end].to_ascii_lowercase().contains("dollar") {
            dollars.us_named = true;
        }
    }
    let converted = found.last().is_some_and(|prev| {
        let between = text.get(prev.parsed_end..p.start).unwrap_or("");
        between.len() <= 24 && (between.contains('(') || between.contains(';'))
    });
    // "je 10 und 20 Millionen Euro": the first figure of the list, in the
    // second's currency and scale.
    let head = g.shared_list_head(&p).filter(|h| h.start >= consumed).map(|h| Found {
        start: h.start,
        end: h.end,
        parsed_end: h.end,
        value: h.value,
        value_max: None,
        cur,
        qualifier: qualifier_of(text, &toks, &h),
        scale_exp: h.scale_exp,
        converted: false,
    });
    Some((
        head,
        Found {
            start: p.start,
            end: p.end,
            parsed_end: p.end,
            value: p.value,
            value_max: p.value_max,
            cur,
            qualifier,
            scale_exp: p.scale_exp,
            converted,
        },
    ))
}

fn qualifier_of(text: &str, toks: &[token::Tok<'_>], p: &amount::Parsed) -> Qualifier {
    if p.value_max.is_some() {
        Qualifier::Range
    } else {
        qualifier::before(text, toks, p.first_tok).or_else(|| qualifier::after(toks, p.next_tok)).unwrap_or_default()
    }
}

/// "Canadian dollars" makes the document's bare "$" Canadian; "US dollars"
/// or "US$" keeps it American.
fn note_dollar(toks: &[token::Tok<'_>], anchor: usize, dollars: &mut DollarEvidence) {
    let t = &toks[anchor];
    if !t.lower.starts_with("dollar") || anchor == 0 {
        return;
    }
    let prev = &toks[anchor - 1];
    if matches!(prev.lower.as_ref(), "us" | "s" | "american") {
        dollars.us_named = true;
        return;
    }
    let before = if anchor >= 2 { toks[anchor - 2].lower.as_ref() } else { "" };
    let code = currency::named_dollar(&prev.lower, &t.lower).or_else(|| currency::named_dollar(before, &prev.lower));
    if let Some(code) = code {
        match dollars.other {
            Some(c) if c != code => dollars.several_others = true,
            _ => dollars.other = Some(code),
        }
    }
}

/// "Europe had provided 138 billion in aid": an amount with a scale word and
/// no currency continues the money of the amount just before it, when what
/// follows it is not a noun that counts something else ("1.4 billion people").
fn elliptical_currency(text: &str, toks: &[token::Tok<'_>], p: &amount::Parsed, found: &[Found]) -> Option<Cur> {
    if p.scale_exp < 6 || p.value_max.is_some() {
        return None;
    }
    // "a population of 44.1 million", "Einwohner: 4,2 Millionen".
    let mut before = p.first_tok;
    if before > 0 && matches!(toks[before - 1].lower.as_ref(), "of" | "von" | "de" | "d") {
        before -= 1;
    }
    if before > 0 && words::counts_what_follows(&toks[before - 1].lower) {
        return None;
    }
    // "11 billion covers weapons", "138 billion in aid", "500 Millionen für
    // Zuschüsse", "200 millions d'aide"; not "1.4 billion people".
    let next_word = toks.get(p.next_tok).filter(|t| t.kind == token::Kind::Word);
    if let Some(t) = next_word {
        let of_money = matches!(t.lower.as_ref(), "de" | "d") && {
            let mut k = p.next_tok + 1;
            if toks.get(k).is_some_and(|t| t.is_punct('\'') || t.is_punct('’')) {
                k += 1;
            }
            toks.get(k).is_some_and(|t| words::is_money_noun(&t.lower))
        };
        if !of_money && !words::may_follow_an_ellipsis(&t.lower) && !words::is_money_noun(&t.lower) {
            return None;
        }
    }
    // A number in words ("Fünf Mio.", "eine Mio.") goes on a list only just after its money.
    let reach = if p.words_only { ELLIPSIS_REACH / 2 } else { ELLIPSIS_REACH };
    let prev = found.iter().rev().find(|f| !f.converted).filter(|prev| {
        // A paragraph of other matters in between breaks the thread.
        p.start.saturating_sub(prev.end) <= reach && text[prev.end..p.start].matches("\n\n").count() <= 1
    });
    match prev {
        Some(prev) => Some(prev.cur),
        // "Sein Etat sank von 12,2 Milliarden im Jahr 2023 auf 11,2 Milliarden
        // Euro": the money named next in the sentence (decided in `resolve`).
        None if !p.words_only => Some(Cur::FromNext),
        None => None,
    }
}

/// Document-level rules: the document's dollar, and a scale word left out
/// before a conversion ("€27.5 ($31.3 billion)").
fn resolve(text: &str, mut found: Vec<Found>, dollars: &DollarEvidence) -> Vec<Money> {
    let any_bare_dollar = found.iter().any(|f| f.cur == Cur::Dollar);
    let bare_dollar = match (dollars.us_named, dollars.other, dollars.several_others) {
        (false, Some(code), false) => code,
        (false, None, _) if any_bare_dollar => currency::dollar_country(text).unwrap_or("USD"),
        _ => "USD",
    };
    let penny = if found.iter().any(|f| f.cur == Cur::Iso("GBP")) { "GBP" } else { bare_dollar };
    // "rupees", "francs", "Kronen": the country the article names decides.
    let mut families: Vec<currency::Family> = Vec::new();
    for f in &found {
        if let Cur::Shared(family) = f.cur {
            if !families.contains(&family) {
                families.push(family);
            }
        }
    }
    let shared = if families.is_empty() {
        Vec::new()
    } else {
        let written: Vec<&'static str> =
            found.iter().filter_map(|f| if let Cur::Iso(c) = f.cur { Some(c) } else { None }).collect();
        currency::resolve_shared(text, &families, &written)
    };
    // A conversion in brackets is as approximate as what it converts:
    // "around $5bn (£4.12bn)".
    for i in 1..found.len() {
        if found[i].converted && found[i].qualifier == Qualifier::Exact {
            if let Some(q) = found[..i].iter().rev().find(|f| !f.converted).map(|f| f.qualifier) {
                if q != Qualifier::Range {
                    found[i].qualifier = q;
                }
            }
        }
    }
    for i in 0..found.len().saturating_sub(1) {
        if let Some(scaled) = elided_scale(text, &found[i], &found[i + 1]) {
            found[i].value = scaled;
            found[i].scale_exp = found[i + 1].scale_exp;
        }
    }
    // "€33 billion in loans and €17 in grants", "114 Franken für die Ukraine
    // und 26 Millionen Franken für Moldawien": a list item whose scale word
    // was left out takes its neighbour's.
    for i in 0..found.len() {
        let neighbours = [i.checked_sub(1), Some(i + 1)];
        let scale = neighbours.into_iter().flatten().find_map(|j| {
            let (a, b) = (&found[i], found.get(j)?);
            let between = if j < i { text.get(b.end..a.start)? } else { text.get(a.end..b.start)? };
            list_elided_scale(a, b, between)
        });
        if let Some((value, exp)) = scale {
            found[i].value = value;
            found[i].scale_exp = exp;
        }
    }
    // An amount that takes the currency of the next one in its sentence;
    // with none there it names no money.
    for i in (0..found.len()).rev() {
        if found[i].cur != Cur::FromNext {
            continue;
        }
        let (_, sentence_end) = sentence::bounds(text, found[i].start, found[i].end);
        let next = found.get(i + 1).filter(|n| {
            // A conversion in brackets is in another money than what it converts.
            n.cur != Cur::FromNext && !n.converted && n.start < sentence_end && n.start - found[i].end <= FORWARD_REACH
        });
        if let Some(cur) = next.map(|n| n.cur) {
            found[i].cur = cur;
        }
    }
    found.retain(|f| f.cur != Cur::FromNext);
    let mut out = Vec::with_capacity(found.len());
    let mut chars_before = 0usize;
    let mut counted_to = 0usize;
    // The sentence of the mention before: one inside it has the same one
    // ("€50 billion ($55 billion)"), unless the sentence was long enough to
    // be cut at the reach, where bounds depend on the mention.
    let mut last_sentence: Option<(usize, usize)> = None;
    for f in found {
        chars_before += text[counted_to..f.start].chars().count();
        let start = chars_before;
        let surface = text[f.start..f.end].to_string();
        let len = surface.chars().count();
        chars_before += len;
        counted_to = f.end;
        let (ss, se) = match last_sentence {
            Some((ss, se)) if ss <= f.start && f.end <= se && se - ss < sentence::MAX_REACH / 2 => (ss, se),
            _ => sentence::bounds(text, f.start, f.end),
        };
        last_sentence = Some((ss, se));
        out.push(Money {
            start,
            end: start + len,
            byte_start: f.start,
            byte_end: f.end,
            surface,
            value: f.value.normalize(),
            value_max: f.value_max.map(|v| v.normalize()),
            currency: match f.cur {
                Cur::Iso(code) => code,
                Cur::Dollar => bare_dollar,
                Cur::Penny => penny,
                // Every FromNext was resolved or dropped above.
                Cur::FromNext => "",
                Cur::Shared(family) => {
                    shared.iter().find(|(f, _)| *f == family).map_or_else(|| family.default_code(), |(_, c)| c)
                }
            },
            qualifier: f.qualifier,
            sentence: text[ss..se].to_string(),
            sentence_start: ss,
            sentence_end: se,
            scale_exp: f.scale_exp,
        });
    }
    out
}

/// The value of `a`, a small amount with no scale word, when it stands in a
/// list with `b`, an amount of the same money with one: `between` is the
/// text between the two, a list word and a few words of what each is for.
fn list_elided_scale(a: &Found, b: &Found, between: &str) -> Option<(Decimal, u32)> {
    if a.scale_exp != 0
        || b.scale_exp < 6
        || a.cur != b.cur
        || a.converted
        || b.converted
        || a.value_max.is_some()
        || a.value >= Decimal::from(1000)
        || a.value.is_zero()
    {
        return None;
    }
    if between.len() > 40 || between.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | '(' | ')' | '\n'))
    {
        return None;
    }
    if !between.split_whitespace().any(words::is_list_and) {
        return None;
    }
    Some((number::scaled(a.value, b.scale_exp)?, b.scale_exp))
}

/// The value of `a` when its scale word was left out before a conversion
/// that has one: "€27.5 ($31.3 billion)" is 27.5 billion euros.
fn elided_scale(text: &str, a: &Found, b: &Found) -> Option<Decimal> {
    if a.scale_exp != 0
        || b.scale_exp < 6
        || !b.converted
        || a.value_max.is_some()
        || a.cur == b.cur
        || a.value.is_zero()
    {
        return None;
    }
    if text[a.end..b.start].trim() != "(" {
        return None;
    }
    let scaled = number::scaled(a.value, b.scale_exp)?;
    // Currencies differ, but not by more than a few times.
    let ratio = scaled.checked_div(b.value)?;
    (ratio > Decimal::new(2, 1) && ratio < Decimal::from(5)).then_some(scaled)
}

#[cfg(test)]
mod tests;
