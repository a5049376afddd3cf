//! A list of the lexicon's small words or phrases ("since", "an den", "the"),
//! asked of the text thousands of times an article: whether a word is one
//! of them, whether a stretch of text ends in one. Most words of a text
//! are none of them, and a table of the bytes the entries start and end
//! with says so before any comparison.

/// The entries of one list, in any case, with their first and last bytes.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    entries: Vec<String>,
    /// Per first byte folded to lower case, the entries that start with it:
    /// a range of `by_initial_ids`.
    by_initial: Vec<(u32, u32)>,
    by_initial_ids: Vec<u32>,
    /// The last bytes of the entries, both cases.
    finals: ByteSet,
}

/// A set of bytes, each in both cases.
#[derive(Debug, Clone)]
pub struct ByteSet([bool; 256]);

impl Default for ByteSet {
    fn default() -> Self {
        ByteSet([false; 256])
    }
}

impl ByteSet {
    /// The first bytes of every entry of `lists`.
    pub fn initials_of<'l>(lists: impl IntoIterator<Item = &'l WordList>) -> ByteSet {
        let mut set = ByteSet::default();
        for e in lists.into_iter().flat_map(WordList::iter) {
            set.add(e.as_bytes()[0]);
        }
        set
    }

    /// Whether `b` is in the set.
    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b)]
    }

    fn add(&mut self, b: u8) {
        self.0[usize::from(b.to_ascii_lowercase())] = true;
        self.0[usize::from(b.to_ascii_uppercase())] = true;
    }
}

impl WordList {
    /// The list of `entries`, blank ones left out.
    pub fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = S>) -> WordList {
        let mut list = WordList::default();
        for e in entries {
            let e = e.as_ref();
            let Some(&last) = e.as_bytes().last() else { continue };
            list.finals.add(last);
            list.entries.push(e.to_string());
        }
        let initial = |e: &String| e.as_bytes()[0].to_ascii_lowercase();
        let mut ids: Vec<u32> = (0..list.entries.len() as u32).collect();
        ids.sort_by_key(|&i| initial(&list.entries[i as usize]));
        list.by_initial = vec![(0, 0); 256];
        for (at, &i) in ids.iter().enumerate() {
            let slot = &mut list.by_initial[usize::from(initial(&list.entries[i as usize]))];
            if slot.1 == 0 {
                slot.0 = at as u32;
            }
            slot.1 = at as u32 + 1;
        }
        list.by_initial_ids = ids;
        list
    }

    /// The entries that start with the byte `b` starts, in any case.
    fn starting_like(&self, b: u8) -> impl Iterator<Item = &str> {
        let (from, to) = self.by_initial.get(usize::from(b.to_ascii_lowercase())).copied().unwrap_or((0, 0));
        self.by_initial_ids[from as usize..to as usize].iter().map(|&i| self.entries[i as usize].as_str())
    }

    /// Whether `word` is one of the entries, ASCII letters in any case.
    pub fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else { return false };
        self.starting_like(first).any(|e| e.eq_ignore_ascii_case(word))
    }

    /// Whether `text` starts with one of the entries as whole words, in
    /// any case ("will receive $2 billion" starts with "will receive").
    pub fn starts(&self, text: &str) -> bool {
        let Some(&first) = text.as_bytes().first() else { return false };
        self.starting_like(first).any(|e| {
            text.get(..e.len()).is_some_and(|t| t.eq_ignore_ascii_case(e))
                && text[e.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
        })
    }

    /// `text` without the entry it ends in as whole words, in any case
    /// ("… from the" ends in "the", "… farther" does not); the first entry
    /// of the list that fits.
    pub fn strip_suffix<'t>(&self, text: &'t str) -> Option<&'t str> {
        let last = *text.as_bytes().last()?;
        if !self.finals.contains(last) {
            return None;
        }
        self.entries.iter().find_map(|e| strip_word_suffix(text, e))
    }

    /// The entries, as written.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(String::as_str)
    }
}

/// Whether `text` ends in `phrase` as whole words, in any case: `text`
/// without the phrase, or None.
pub fn strip_word_suffix<'t>(text: &'t str, phrase: &str) -> Option<&'t str> {
    let cut = text.len().checked_sub(phrase.len())?;
    let whole = text.get(cut..).is_some_and(|t| t.eq_ignore_ascii_case(phrase))
        && text[..cut].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    whole.then(|| &text[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_any_case() {
        let list = WordList::new(["since", "seit", ""]);
        assert!(list.contains("Since"));
        assert!(list.contains("SEIT"));
        assert!(!list.contains("sinc"));
        assert!(!list.contains(""));
    }

    #[test]
    fn a_text_starting_with_an_entry() {
        let list = WordList::new(["will receive", "gets", "erhält"]);
        assert!(list.starts("Will receive $2 billion"));
        assert!(list.starts("erhält 5 Mio."));
        assert!(list.starts("gets"));
        assert!(!list.starts("getsome"));
        assert!(!list.starts("will"));
        assert!(!list.starts(""));
    }

    #[test]
    fn a_text_ending_in_an_entry() {
        let list = WordList::new(["the", "l'", "an den"]);
        assert_eq!(list.strip_suffix("aid from The"), Some("aid from "));
        assert_eq!(list.strip_suffix("à l'"), Some("à "));
        assert_eq!(list.strip_suffix("Hilfe an den"), Some("Hilfe "));
        assert_eq!(list.strip_suffix("farther"), None);
        assert_eq!(list.strip_suffix(""), None);
    }
}
