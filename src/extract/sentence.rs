//! The sentence around a mention, so that every ledger row can be traced to
//! the words that stated it.

use super::token::{ceil_boundary, floor_boundary};

/// The most bytes a sentence reaches on either side of a mention.
pub(crate) const MAX_REACH: usize = 1000;

/// Abbreviations whose dot does not end a sentence.
static ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "inc", "corp", "co", "ltd", "gen", "sen", "rep", "gov", "lt",
    "col", "sgt", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "ca", "dept", "est", "mrd", "mio", "bn", "mn", "fig", "vol", "pres", "prof", "u.s", "e.g", "i.e",
];

/// Byte bounds of the sentence holding `start..end`: from after the previous
/// sentence end or line break to the next one.
pub fn bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    // Text without stops (a table, a list run together) must not make each
    // mention scan the whole article: a sentence is cut at this many bytes.
    let floor = start.saturating_sub(MAX_REACH);
    let ceiling = (end + MAX_REACH).min(bytes.len());
    let s = sentence_start(text, floor, start);
    let e = sentence_end(text, end, ceiling);
    let (s, e) = (ceil_boundary(text, s.min(start)), floor_boundary(text, e.max(end)));
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (s + lead, e - trail)
}

/// Where the sentence holding byte `start` begins, no lower than `floor`:
/// after a line break, or after the space that follows a sentence's stop.
/// Every stop is a . ! or ? byte, so only those are visited (memchr), not
/// every byte between: this runs for every mention and every sentence the
/// labels read.
fn sentence_start(text: &str, floor: usize, start: usize) -> usize {
    let bytes = text.as_bytes();
    // Nothing before a line break belongs to the sentence.
    let lo = memchr::memrchr(b'\n', &bytes[floor..start]).map_or(floor, |nl| floor + nl + 1);
    for p in memchr::memrchr3_iter(b'.', b'!', b'?', &bytes[lo..start]).map(|p| lo + p) {
        // The stop's closing quotes and brackets: .")  .”
        let mut q = p + 1;
        loop {
            if q < start && matches!(bytes[q], b'"' | b'\'' | b')') {
                q += 1;
            } else if text.get(q..).is_some_and(|t| t.starts_with('”')) {
                q += '”'.len_utf8();
            } else {
                break;
            }
        }
        // The sentence starts after the space that follows them.
        if q < start && is_space(bytes[q]) && q > lo && may_end(bytes[q - 1]) && ends_sentence(text, q - 1) {
            return q + 1;
        }
    }
    lo
}

/// Where the sentence holding byte `end` stops, no further than `ceiling`:
/// at a line break, or after a stop (and its closing quotes) that a space or
/// the text's end follows.
fn sentence_end(text: &str, end: usize, ceiling: usize) -> usize {
    let bytes = text.as_bytes();
    let hi = memchr::memchr(b'\n', &bytes[end..ceiling]).map_or(ceiling, |nl| end + nl);
    for e in memchr::memchr3_iter(b'.', b'!', b'?', &bytes[end..hi]).map(|p| end + p) {
        if !ends_sentence(text, e) {
            continue;
        }
        if let Some(close) = closed_at(text, e) {
            return close;
        }
    }
    hi
}

/// Where a sentence whose stop is at byte `stop` ends: after the closing
/// quotes and brackets that stay with it (."  .)  .”), when a space, a line
/// break or the text's end follows them.
fn closed_at(text: &str, stop: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut close = stop + 1;
    loop {
        if close < bytes.len() && matches!(bytes[close], b'"' | b'\'' | b')') {
            close += 1;
        } else if text.get(close..).is_some_and(|t| t.starts_with(['”', '’', '»'])) {
            close += 3.min(text[close..].chars().next().map_or(1, char::len_utf8));
        } else {
            break;
        }
    }
    (close == bytes.len() || is_space(bytes[close]) || bytes[close] == b'\n').then_some(close)
}

/// Bytes that can close a sentence: . ! ? a closing quote or bracket, or the
/// last byte of ” (0x9D).
fn may_end(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | 0x9D)
}

fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\r'
}

/// Whether the punctuation at byte `i` ends a sentence (a closing quote after
/// it counts with it).
fn ends_sentence(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let mut p = i;
    // ."  .)  .”
    while p > 0 && matches!(bytes[p], b'"' | b')' | b'\'') {
        p -= 1;
    }
    if !matches!(bytes[p], b'.' | b'!' | b'?') {
        // The closing quote of ” is three bytes; look through it.
        if text.get(..=i).is_some_and(|t| t.ends_with('”')) && i >= 3 {
            return ends_sentence(text, i - 3);
        }
        return false;
    }
    if bytes[p] != b'.' {
        return true;
    }
    // The word before the dot: an initial ("U.S.") or abbreviation keeps going.
    let before = &text[..p];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(w, c)| w + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false;
    }
    // The abbreviations are ASCII: no lower-cased copy of the word is made.
    !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sentence() {
        // text, the mention, the sentence wanted
        let cases: &[(&str, &str, &str)] = &[
            ("First one. The U.S. gave $5 billion. Last.", "$5 billion", "The U.S. gave $5 billion."),
            ("Title\nMr. Smith said $3m was spent! Then", "$3m", "Mr. Smith said $3m was spent!"),
            ("$2B", "$2B", "$2B"),
            ("He said \"it is $4bn.\" She left.", "$4bn", "He said \"it is $4bn.\""),
            ("Fünf… €5bn", "€5bn", "Fünf… €5bn"),
        ];
        for (text, mention, want) in cases {
            let start = text.find(mention).unwrap();
            let (s, e) = bounds(text, start, start + mention.len());
            assert_eq!(&text[s..e], *want, "{text}");
        }
    }

    /// The byte-at-a-time scan `bounds` replaced: the meaning it must keep.
    fn bounds_byte_by_byte(text: &str, start: usize, end: usize) -> (usize, usize) {
        let bytes = text.as_bytes();
        let floor = start.saturating_sub(MAX_REACH);
        let ceiling = (end + MAX_REACH).min(bytes.len());
        let mut s = start;
        while s > floor {
            let b = bytes[s - 1];
            if b == b'\n' || (is_space(b) && s >= 2 && may_end(bytes[s - 2]) && ends_sentence(text, s - 2)) {
                break;
            }
            s -= 1;
        }
        let mut e = end;
        while e < ceiling {
            let b = bytes[e];
            if b == b'\n' {
                break;
            }
            if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, e) {
                if let Some(close) = closed_at(text, e) {
                    e = close;
                    break;
                }
            }
            e += 1;
        }
        let (s, e) = (ceil_boundary(text, s.min(start)), floor_boundary(text, e.max(end)));
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        (s + lead, e - trail)
    }

    #[test]
    fn skipping_to_the_stops_finds_what_reading_every_byte_finds() {
        // Texts made of the pieces sentence ends are made of, in random order.
        let pieces = [
            "a", "Word", " ", " ", ".", "!", "?", "\"", "'", ")", "”", "’", "»", "\n", "\t", "U.S.", "Mr.", "é", "$5",
            "Mio.", "x", "…",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..400 {
            let len = (next() % 60) as usize;
            let text: String = (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
            let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (k, &a) in cuts.iter().enumerate() {
                for &b in &cuts[k..] {
                    assert_eq!(bounds(&text, a, b), bounds_byte_by_byte(&text, a, b), "{text:?} {a}..{b}");
                }
            }
        }
    }

    #[test]
    fn a_text_without_stops_is_cut() {
        let text = "é ".repeat(3000) + "$5 " + &"ü ".repeat(3000);
        let start = text.find('$').unwrap();
        let (s, e) = bounds(&text, start, start + 2);
        assert!(start - s <= MAX_REACH && e - start <= MAX_REACH + 2);
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    }
}
