//! Tokens of a small window of text around a place where money may be written.
//!
//! The extractor never tokenizes a whole article: it finds anchors (currency
//! words, symbols, scale words) with one automaton pass, then cuts a window
//! around each and splits only that into tokens. Whitespace is not a token;
//! the gap between two tokens tells whether they were glued, spaced, or split
//! by a paragraph break.

use std::ops::Deref;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII digits with any `.` or `,` that stand between two digits: "1,000.5".
    Digits,
    /// A run of letters (any script).
    Word,
    /// A currency symbol such as `$`, `€` or `¥`.
    Symbol,
    /// Any other visible character, one per token.
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok<'t> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The token as written.
    pub raw: &'t str,
    /// Lower-cased text, borrowed when the token has no upper-case letter.
    pub lower: Lower<'t>,
}

/// A lower-cased token without a heap allocation in the common cases: the
/// token itself when it has no capitals, else a short ASCII copy kept inline.
#[derive(Debug, Clone)]
pub(crate) enum Lower<'t> {
    Borrowed(&'t str),
    Inline { buf: [u8; 24], len: u8 },
    Owned(String),
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // Only ASCII bytes are ever written inline.
            Lower::Inline { buf, len } => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
            Lower::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl Tok<'_> {
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.raw.starts_with(c)
    }
}

/// How two neighbouring tokens are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    Glued,
    Space,
    /// A blank line (paragraph break) or a long run of spaces: nothing joins across it.
    Break,
}

pub(crate) fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₴'
            | '₽'
            | '₹'
            | '₩'
            | '₡'
            | '₾'
            | '₭'
            | '₿'
            | '₺'
            | '₦'
            | '₱'
            | '₪'
            | '¢'
            | '元'
            | '₸'
            | '₼'
            | '₫'
            | '฿'
    )
}

/// Splits `text[from..to]` into tokens (offsets stay relative to `text`).
pub(crate) fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(48);
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            let start = i;
            i += 1;
            while i < to {
                let c = bytes[i];
                if c.is_ascii_digit() {
                    i += 1;
                } else if (c == b'.' || c == b',') && i + 1 < to && bytes[i + 1].is_ascii_digit() {
                    i += 2;
                } else if let Some(width) = apostrophe_group(bytes, i, to) {
                    // Swiss thousands: "500'000", "500’000".
                    i += width;
                } else {
                    break;
                }
            }
            push(&mut toks, text, start, i, Kind::Digits);
            continue;
        }
        if b.is_ascii_alphabetic() {
            let start = i;
            i += 1;
            while i < to && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            // A word that goes on in another script ("Telefónica").
            if i < to && bytes[i] >= 0x80 {
                i = word_end(text, i, to);
            }
            push(&mut toks, text, start, i, Kind::Word);
            continue;
        }
        if b < 0x80 {
            let kind = if b == b'$' { Kind::Symbol } else { Kind::Punct };
            push(&mut toks, text, i, i + 1, kind);
            i += 1;
            continue;
        }
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_alphabetic() && !is_currency_symbol(c) {
            let start = i;
            i = word_end(text, i + c.len_utf8(), to);
            push(&mut toks, text, start, i, Kind::Word);
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let kind = if is_currency_symbol(c) { Kind::Symbol } else { Kind::Punct };
        push(&mut toks, text, i, i + c.len_utf8(), kind);
        i += c.len_utf8();
    }
    toks
}

/// The width of an apostrophe ("'" or "’") at `i` that separates thousands:
/// exactly three digits follow it.
fn apostrophe_group(bytes: &[u8], i: usize, to: usize) -> Option<usize> {
    let width = match bytes.get(i..)? {
        [b'\'', ..] => 1,
        [0xE2, 0x80, 0x99, ..] => 3,
        _ => return None,
    };
    let digits = bytes.get(i + width..(i + width + 3).min(to))?;
    let after = bytes.get(i + width + 3).filter(|_| i + width + 3 < to);
    (digits.len() == 3 && digits.iter().all(u8::is_ascii_digit) && !after.is_some_and(u8::is_ascii_digit))
        .then_some(width)
}

/// Where a word that reaches `i` ends: letters of any script, and marks
/// (Tamil vowel signs, combining accents), which belong to the word.
fn word_end(text: &str, mut i: usize, to: usize) -> usize {
    while i < to {
        match text[i..].chars().next() {
            Some(d) if d.is_alphabetic() || is_mark(d) => i += d.len_utf8(),
            _ => break,
        }
    }
    i
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0B80..=0x0BFF | 0x0900..=0x097F)
}

fn push<'t>(toks: &mut Vec<Tok<'t>>, text: &'t str, start: usize, end: usize, kind: Kind) {
    let raw = &text[start..end];
    toks.push(Tok { start, end, kind, raw, lower: lower(raw) });
}

fn lower(raw: &str) -> Lower<'_> {
    if raw.is_ascii() {
        if !raw.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Borrowed(raw);
        }
        if raw.len() <= 24 {
            let mut buf = [0u8; 24];
            for (d, s) in buf.iter_mut().zip(raw.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            return Lower::Inline { buf, len: raw.len() as u8 };
        }
        return Lower::Owned(raw.to_ascii_lowercase());
    }
    if raw.chars().any(char::is_uppercase) {
        Lower::Owned(raw.to_lowercase())
    } else {
        Lower::Borrowed(raw)
    }
}

/// The gap between the end of one token and the start of the next.
pub(crate) fn gap(text: &str, end: usize, start: usize) -> Gap {
    if end >= start {
        return Gap::Glued;
    }
    let between = &text[end..start];
    let newlines = between.bytes().filter(|&b| b == b'\n').count();
    // "$ 53.6 billion" and "$1.25\nbillion" join; a blank line or a wide
    // layout gap (table columns) does not.
    if newlines >= 2 || between.len() > 8 {
        Gap::Break
    } else {
        Gap::Space
    }
}

/// Moves `i` back to the nearest char boundary at or before it.
pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Moves `i` forward to the nearest char boundary at or after it.
pub(crate) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, &str)> {
        tokenize(s, 0, s.len()).into_iter().map(|t| (t.kind, t.raw)).collect()
    }

    #[test]
    fn splits_numbers_words_symbols() {
        use Kind::*;
        let cases: &[(&str, &[(Kind, &str)])] = &[
            ("$1,000.5bn", &[(Symbol, "$"), (Digits, "1,000.5"), (Word, "bn")]),
            ("d'euros", &[(Word, "d"), (Punct, "'"), (Word, "euros")]),
            ("2022.", &[(Digits, "2022"), (Punct, ".")]),
            ("€ur 20", &[(Symbol, "€"), (Word, "ur"), (Digits, "20")]),
            ("100,000 ரூ", &[(Digits, "100,000"), (Word, "ரூ")]),
            ("46. 3", &[(Digits, "46"), (Punct, "."), (Digits, "3")]),
            ("500’000 francs", &[(Digits, "500’000"), (Word, "francs")]),
            ("1'250'000", &[(Digits, "1'250'000")]),
            ("l'an 2'50", &[(Word, "l"), (Punct, "'"), (Word, "an"), (Digits, "2"), (Punct, "'"), (Digits, "50")]),
        ];
        for (input, want) in cases {
            assert_eq!(&kinds(input), want, "{input}");
        }
    }

    #[test]
    fn gaps() {
        let t = "a b\nc\n\nd";
        assert_eq!(gap(t, 1, 1), Gap::Glued);
        assert_eq!(gap(t, 1, 2), Gap::Space);
        assert_eq!(gap(t, 3, 4), Gap::Space);
        assert_eq!(gap(t, 5, 8), Gap::Break);
    }
}
