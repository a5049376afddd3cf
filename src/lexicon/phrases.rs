//! Every lexicon phrase that stands in a stretch of text, found word by word.
//!
//! Written by hand because the general tool does not fit the shape of the
//! search. A cue only counts where it starts a word, yet an Aho-Corasick
//! automaton walks every byte. With the gazetteer the lexicon holds some ten
//! thousand phrases, in any case, and the automaton's table is megabytes:
//! nearly every byte of a word was a cache miss (16 ns a byte on dense news,
//! a fifth of `extract`'s time, and 0.1 s to build at every start). Here a
//! word costs one hash lookup of its folded bytes, in a table a few hundred
//! kilobytes large, and building it is a pass over the phrases.
//!
//! A phrase matches as the automaton matched it: ASCII letters in any case,
//! every other byte exactly, whole words only, except a phrase that may open
//! a compound ("Nothilfe" in "Nothilfepaket"), which may end inside a word.

use rustc_hash::FxHashMap;

/// A byte that belongs to a word: a letter or digit, or any byte of a
/// character beyond ASCII (é, ü, the curly apostrophe).
pub(super) fn is_word_byte(b: u8) -> bool {
    FOLDED[usize::from(b)] != 0
}

/// Per byte, the byte folded to lower case when it belongs to a word, and
/// 0 when it does not: one table lookup a byte serves both questions.
const FOLDED: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// How many bits the filter of first words has: 64 Kibit, 8 KiB, which
/// stays in the fastest cache.
const FILTER_BITS: usize = 1 << 16;

/// A hash of a key folded to lower case, built a byte at a time; a key's
/// first word hashes to what its start does.
fn hash_step(h: u64, folded: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(folded)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

fn filter_slot(h: u64) -> (usize, u64) {
    let bit = (h >> 48) as usize % FILTER_BITS;
    (bit / 64, 1u64 << (bit % 64))
}

/// One phrase, as the index keeps it.
#[derive(Debug)]
struct Phrase {
    text: Box<[u8]>,
    /// Which pattern of the lexicon it is.
    id: u32,
    /// Whether it may end inside a word, opening a compound.
    opens_compound: bool,
}

/// Where a phrase must end for a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// Before a byte that is no word's, or at the end of the text.
    AtWordEnd,
    /// Inside a word, as a compound's opener does.
    InsideWord,
}

/// Where each phrase of a list may start, by what it starts with.
#[derive(Debug, Default)]
pub(super) struct PhraseIndex {
    phrases: Vec<Phrase>,
    /// A phrase that starts with a word, by the hash of its key folded to
    /// lower case: its first two words and what stands between them ("kiel
    /// institute", "u.s"), or its one word. Keying by two words keeps the
    /// candidates of a word few: hundreds of names start with "the", "der"
    /// or "la". Only the hash is kept: every candidate's bytes are compared
    /// in full, so two keys of one hash cost a comparison, never a wrong
    /// match. The value is a range of `ids`.
    by_key: FxHashMap<u64, (u32, u32)>,
    ids: Vec<u32>,
    /// A phrase that starts with another byte ("(", "'"), by that byte.
    by_first_byte: Vec<Vec<u32>>,
    /// Phrases that may end inside a word, by their exact first byte.
    compound_openers: Vec<Vec<u32>>,
    /// The longest key of any phrase.
    longest_key: usize,
    /// A bit for every first word of a phrase, by its hash: most words of
    /// a text start no phrase, and this says so without a table lookup.
    first_words: Vec<u64>,
    any_by_first_byte: bool,
}

/// A phrase found: where it starts and ends, and which pattern it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub id: u32,
}

/// Where the first word of `bytes` ends, and where its second ends (or the
/// first's end again when there is no second).
fn two_words(bytes: &[u8]) -> (usize, usize) {
    let end_of_word =
        |from: usize| from + bytes[from..].iter().position(|&b| !is_word_byte(b)).unwrap_or(bytes.len() - from);
    let first = end_of_word(0);
    match bytes[first..].iter().position(|&b| is_word_byte(b)) {
        Some(gap) => (first, end_of_word(first + gap)),
        None => (first, first),
    }
}

impl PhraseIndex {
    /// An index of `patterns`, each with whether it may open a compound.
    /// A pattern's position in the list is its id.
    pub(super) fn new<'p>(patterns: impl IntoIterator<Item = (&'p str, bool)>) -> PhraseIndex {
        let mut index = PhraseIndex {
            by_first_byte: vec![Vec::new(); 256],
            compound_openers: vec![Vec::new(); 256],
            first_words: vec![0; FILTER_BITS / 64],
            ..Default::default()
        };
        let mut by_key: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (id, (text, opens_compound)) in patterns.into_iter().enumerate() {
            let bytes = text.as_bytes();
            let Some(&first) = bytes.first() else { continue };
            let at = index.phrases.len() as u32;
            index.phrases.push(Phrase { text: bytes.into(), id: id as u32, opens_compound });
            if is_word_byte(first) {
                let (first_end, key_end) = two_words(bytes);
                let hash = |bytes: &[u8]| bytes.iter().fold(0, |h, &b| hash_step(h, b.to_ascii_lowercase()));
                let (word, bit) = filter_slot(hash(&bytes[..first_end]));
                index.first_words[word] |= bit;
                index.longest_key = index.longest_key.max(key_end);
                by_key.entry(hash(&bytes[..key_end])).or_default().push(at);
                if opens_compound {
                    index.compound_openers[usize::from(first)].push(at);
                }
            } else {
                index.any_by_first_byte = true;
                index.by_first_byte[usize::from(first)].push(at);
            }
        }
        for (key, ids) in by_key {
            let from = index.ids.len() as u32;
            index.ids.extend(ids);
            index.by_key.insert(key, (from, index.ids.len() as u32));
        }
        index
    }

    /// Every phrase in `text[from..to]` that no word runs into on either
    /// side (a compound's opener may end inside one), in order of where it
    /// starts.
    pub(super) fn find(&self, text: &str, from: usize, to: usize, out: &mut Vec<Found>) {
        let bytes = text.as_bytes();
        let to = to.min(bytes.len());
        let mut s = from;
        while s < to {
            let b = bytes[s];
            if !is_word_byte(b) {
                if self.any_by_first_byte {
                    for &p in &self.by_first_byte[usize::from(b)] {
                        self.try_phrase(bytes, s, to, p, Ending::AtWordEnd, out);
                    }
                }
                s += 1;
                continue;
            }
            let mut first_end = s;
            let mut h = 0;
            while first_end < bytes.len() && is_word_byte(bytes[first_end]) {
                h = hash_step(h, FOLDED[usize::from(bytes[first_end])]);
                first_end += 1;
            }
            let (word, bit) = filter_slot(h);
            let starts_a_phrase = self.first_words[word] & bit != 0;
            // A word glued to the one before (the search started inside it)
            // starts no phrase.
            if starts_a_phrase && (s == 0 || !is_word_byte(bytes[s - 1])) {
                // The phrases of one word, then those of two or more: the
                // hash goes on over what follows, up to the second word's end.
                self.try_key(h, bytes, s, to, out);
                let mut e = first_end;
                while e < bytes.len() && !is_word_byte(bytes[e]) && e - s < self.longest_key {
                    h = hash_step(h, bytes[e].to_ascii_lowercase());
                    e += 1;
                }
                if e < bytes.len() && is_word_byte(bytes[e]) {
                    while e < bytes.len() && is_word_byte(bytes[e]) && e - s < self.longest_key {
                        h = hash_step(h, FOLDED[usize::from(bytes[e])]);
                        e += 1;
                    }
                    let whole_word = e == bytes.len() || !is_word_byte(bytes[e]);
                    if whole_word {
                        self.try_key(h, bytes, s, to, out);
                    }
                }
            }
            if s == 0 || !is_word_byte(bytes[s - 1]) {
                for &p in &self.compound_openers[usize::from(b)] {
                    self.try_phrase(bytes, s, to, p, Ending::InsideWord, out);
                }
            }
            s = first_end;
        }
    }

    /// Tries the phrases whose key hashes to `h` at `s`.
    fn try_key(&self, h: u64, bytes: &[u8], s: usize, to: usize, out: &mut Vec<Found>) {
        if let Some(&(a, z)) = self.by_key.get(&h) {
            for &p in &self.ids[a as usize..z as usize] {
                self.try_phrase(bytes, s, to, p, Ending::AtWordEnd, out);
            }
        }
    }

    /// Records phrase `p` at `s` when it is there and ends as `ending` says.
    fn try_phrase(&self, bytes: &[u8], s: usize, to: usize, p: u32, ending: Ending, out: &mut Vec<Found>) {
        let phrase = &self.phrases[p as usize];
        let e = s + phrase.text.len();
        if e > to || !bytes[s..e].eq_ignore_ascii_case(&phrase.text) {
            return;
        }
        let inside_word = e < bytes.len() && is_word_byte(bytes[e]) && is_word_byte(bytes[e - 1]);
        let wanted = match ending {
            Ending::AtWordEnd => !inside_word,
            Ending::InsideWord => inside_word && phrase.opens_compound,
        };
        if wanted {
            out.push(Found { start: s, end: e, id: phrase.id });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(patterns: &[(&str, bool)], text: &str) -> Vec<(String, u32)> {
        let index = PhraseIndex::new(patterns.iter().copied());
        let mut out = Vec::new();
        index.find(text, 0, text.len(), &mut out);
        out.iter().map(|f| (text[f.start..f.end].to_string(), f.id)).collect()
    }

    #[test]
    fn whole_words_in_any_case() {
        let p = [("aid", false), ("military aid", false), ("US", false), ("U.S.", false)];
        assert_eq!(
            found(&p, "Military aid from the U.S. and US aid; no raid, no aids."),
            [("Military aid", 1), ("aid", 0), ("U.S.", 3), ("US", 2), ("aid", 0)].map(|(w, i)| (w.to_string(), i))
        );
    }

    #[test]
    fn a_compound_opener_may_end_inside_a_word() {
        let p = [("Nothilfe", true), ("Hilfe", false)];
        assert_eq!(found(&p, "Das Nothilfepaket und die Hilfen"), [("Nothilfe".to_string(), 0)]);
        assert_eq!(found(&p, "Die Nothilfe."), [("Nothilfe".to_string(), 0)]);
    }

    #[test]
    fn phrases_that_share_a_first_word() {
        let p = [("the World Bank", false), ("the World", false), ("the", false), ("the Fund", false)];
        assert_eq!(
            found(&p, "the World Bank and the Fund"),
            [("the", 2), ("the World Bank", 0), ("the World", 1), ("the", 2), ("the Fund", 3)]
                .map(|(w, i)| (w.to_string(), i))
        );
    }

    #[test]
    fn a_compound_opener_of_two_words() {
        let p = [("Humanitäre Hilfe", true)];
        assert_eq!(found(&p, "Humanitäre Hilfeleistungen"), [("Humanitäre Hilfe".to_string(), 0)]);
        assert_eq!(found(&p, "Humanitäre Hilfe."), [("Humanitäre Hilfe".to_string(), 0)]);
    }

    #[test]
    fn phrases_that_start_with_punctuation() {
        let p = [("'s", false), ("(", false)];
        assert_eq!(found(&p, "Kyiv's aid (now)"), [("'s", 0), ("(", 1)].map(|(w, i)| (w.to_string(), i)));
    }

    #[test]
    fn letters_beyond_ascii_belong_to_the_word() {
        let p = [("Kyiv", false), ("aide française", false)];
        assert_eq!(found(&p, "Kyiv’s l'aide française"), [("aide française".to_string(), 1)]);
    }

    #[test]
    fn a_search_that_starts_inside_a_word_skips_it() {
        let index = PhraseIndex::new([("aid", false)]);
        let text = "raid aid";
        let mut out = Vec::new();
        index.find(text, 1, text.len(), &mut out);
        assert_eq!(out, [Found { start: 5, end: 8, id: 0 }]);
    }
}
