//! The money grammar: from a token, read one amount of money or a range.
//!
//! ```text
//! expr    := [between|from] amount [(- | – | to | and | bis) amount]
//! amount  := [prefix] number [scale]* [suffix] [minor]
//! prefix  := symbol | letters$ ("US$", "C $") | code ("USD", "MUSD") | name ("dollar", "ringgit")
//! suffix  := symbol | code | name ("billion euros", "Milliarden Euro", "milliards d'euros")
//! minor   := [and] 1-99 [cents|pence|c|...]   ("3 dollars 50 cents", "$20 and 43c")
//! ```
//! Each function takes a token index and returns what it read with the index
//! after it, or `None`. Values are decimals from the digits on; no figure
//! ever passes through a float.

use super::currency::{self, Cur, Place};
use super::number::{self, DotThree};
use super::token::{gap, Gap, Kind, Tok};
use super::words::{self, Opener};
use rust_decimal::Decimal;

/// One amount or range as read from the tokens.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    /// Byte offsets of the surface in the text.
    pub start: usize,
    pub end: usize,
    /// Token indexes of the first token and the one after the last.
    pub first_tok: usize,
    pub next_tok: usize,
    pub value: Decimal,
    pub value_max: Option<Decimal>,
    /// `None` when no currency was written (an elliptical amount, "11 billion").
    pub cur: Option<Cur>,
    /// Power of ten of the scale word written, 0 when none was.
    pub scale_exp: u32,
    pub words_only: bool,
}

pub(crate) struct Grammar<'a, 't> {
    pub text: &'t str,
    pub toks: &'a [Tok<'t>],
}

/// A number with its scale words: "1.5 billion", "sixty-one billion", "50 thousand million".
#[derive(Debug, Clone)]
struct Num {
    value: Decimal,
    next: usize,
    scale_exp: u32,
    frac_digits: u32,
    words: bool,
    /// The raw digits could also read as thousands ("94.000").
    dot_three: Option<Decimal>,
}

#[derive(Debug, Clone)]
struct Amt {
    first: usize,
    next: usize,
    value: Decimal,
    cur: Option<Cur>,
    scale_exp: u32,
    words: bool,
    /// The value read as thousands ("2.000" is two thousand) when the digits
    /// allow it and nothing decided it yet.
    thousands: Option<Decimal>,
    /// Whether the digits were read as thousands because a currency followed
    /// ("50.000 Euro"): the other end of a range is read the same way.
    read_as_thousands: bool,
}

struct Currency {
    cur: Cur,
    per_unit: u64,
    next: usize,
    /// "MUSD", "MAUD": the M stands for million.
    scale_exp: u32,
    is_symbol: bool,
}

/// What follows the first amount of a possible range.
enum Tail {
    Range(Parsed),
    /// Two figures of a change ("from 2 million to 20 million pounds"); the second is given.
    Change(Amt),
}

impl<'a, 't> Grammar<'a, 't> {
    fn tok(&self, i: usize) -> Option<&'a Tok<'t>> {
        self.toks.get(i)
    }

    /// The gap before token `i`.
    fn gap_before(&self, i: usize) -> Gap {
        match (i.checked_sub(1).and_then(|p| self.toks.get(p)), self.toks.get(i)) {
            (Some(a), Some(b)) => gap(self.text, a.end, b.start),
            _ => Gap::Break,
        }
    }

    fn joined(&self, i: usize) -> bool {
        self.gap_before(i) != Gap::Break
    }

    fn glued(&self, i: usize) -> bool {
        self.gap_before(i) == Gap::Glued
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i).filter(|t| t.kind == Kind::Word).map(|t| t.lower.as_ref())
    }

    /// Skips a hyphen glued on both sides ("$675-million", "three-billion-dollar").
    fn skip_hyphen(&self, i: usize) -> usize {
        match self.tok(i) {
            Some(t) if t.is_punct('-') && self.glued(i) && self.glued(i + 1) => i + 1,
            _ => i,
        }
    }

    /// Whether an expression could start at token `i`: a number, a symbol,
    /// or a word that opens a range, names money, or is a number. Most
    /// tokens of the window are none of these, and are passed over at once.
    pub fn may_start(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            Kind::Digits | Kind::Symbol => true,
            Kind::Punct => false,
            Kind::Word => {
                let w: &str = &t.lower;
                words::opener(w).is_some()
                    || could_start_a_number(w)
                    || !currency::names_starting_with(w).is_empty()
                    || (t.raw.len() <= 4 && (currency::code(t.raw).is_some() || t.raw.starts_with('M')))
                    || (t.raw.len() <= 3 && (i + 1..i + 5).any(|k| self.tok(k).is_some_and(|t| t.raw == "$")))
            }
        }
    }

    /// Reads a whole expression starting at token `i`.
    pub fn expr(&self, i: usize) -> Option<Parsed> {
        let (opener, i) = match self.word(i).and_then(words::opener) {
            Some(o) => (Some(o), i + 1),
            None => (None, i),
        };
        if opener.is_some() && !self.joined(i) {
            return None;
        }
        let mut a = self.amount(i)?;
        match self.range_tail(&a, opener) {
            Some(Tail::Range(p)) => return Some(p),
            // "raised its pledge from 2 million to 20 million pounds": the
            // first figure is in the currency of the second.
            Some(Tail::Change(b)) if a.cur.is_none() && a.scale_exp > 0 => a.cur = b.cur,
            _ => {}
        }
        if opener == Some(Opener::Between) && a.cur.is_none() {
            return None;
        }
        Some(self.finish(&a, None))
    }

    /// An amount written before a list word and a figure with its currency,
    /// read in that figure's currency and scale: "10" in "je 10 und 20
    /// Millionen Euro", "80,000" in "80,000 and 140,000 dirhams", and the
    /// first figure of a change, "55" in "stockt von 55 auf 80 Millionen Euro auf".
    pub fn shared_list_head(&self, second: &Parsed) -> Option<Parsed> {
        let and = second.first_tok.checked_sub(1)?;
        let num = and.checked_sub(1)?;
        let opener = num.checked_sub(1).and_then(|k| self.word(k)).and_then(words::opener);
        // A change's first figure follows its "from": "von 55 auf 80", "from 55 to 80".
        let after_from = opener == Some(Opener::From);
        let joins = self.word(and).is_some_and(|w| {
            words::is_list_and(w)
                || (words::is_change_to(w) && after_from && (w == "auf" || self.changes_before(num - 1)))
        });
        if !joins || !self.joined(and) || !self.joined(second.first_tok) {
            return None;
        }
        let t = self.tok(num).filter(|t| t.kind == Kind::Digits)?;
        if is_year(t.raw) && second.scale_exp == 0 {
            return None;
        }
        // "between 10 and 20 dollars" is a range, read from its opener.
        if opener == Some(Opener::Between) {
            return None;
        }
        let second_num_tok = self.tok(second.first_tok)?;
        if second.value_max.is_some() || second_num_tok.kind != Kind::Digits {
            return None;
        }
        let (mut value, _) = number::read_digits(t.raw, DotThree::Decimal)?;
        if second.scale_exp > 0 {
            value = number::scaled(value, second.scale_exp)?;
        }
        Some(Parsed {
            start: t.start,
            end: t.end,
            first_tok: num,
            next_tok: num + 1,
            value,
            value_max: None,
            cur: second.cur,
            scale_exp: second.scale_exp,
            words_only: false,
        })
    }

    fn finish(&self, a: &Amt, upper: Option<&Amt>) -> Parsed {
        let last = upper.unwrap_or(a);
        Parsed {
            start: self.toks[a.first].start,
            end: self.toks[last.next - 1].end,
            first_tok: a.first,
            next_tok: last.next,
            value: a.value,
            value_max: upper.map(|u| u.value),
            cur: a.cur.or(last.cur),
            scale_exp: a.scale_exp.max(last.scale_exp),
            words_only: a.words && last.words,
        }
    }

    fn range_tail(&self, a: &Amt, opener: Option<Opener>) -> Option<Tail> {
        let c = a.next;
        let conn = self.tok(c)?;
        if !self.joined(c) {
            return None;
        }
        let dash = conn.is_punct('-') || conn.is_punct('–');
        let word = match conn.kind {
            Kind::Word => Some(conn.lower.as_ref()),
            _ => None,
        };
        let ok = dash
            || match (word, opener) {
                (Some(w), Some(Opener::From) | None) => words::is_range_to(w),
                (Some(w), Some(Opener::Between)) => words::is_between_and(w),
                _ => false,
            };
        if !ok || !self.joined(c + 1) {
            return None;
        }
        let mut b = self.amount(c + 1)?;
        // Both ends must name money: "$5 to $6 billion", "10-20 dollars";
        // "$5 billion to 10 countries" is no range.
        if b.cur.is_none() && b.scale_exp == 0 && !(dash && a.cur.is_some()) {
            return None;
        }
        if b.cur.is_none() && b.scale_exp == 0 {
            b.cur = a.cur;
        }
        if let (Some(x), Some(y)) = (a.cur, b.cur) {
            if x != y {
                return None;
            }
        }
        // "rose from $5bn to $6bn" reports two figures, not a range.
        let change_at = match opener {
            None => Some(a.first),
            Some(Opener::From) => a.first.checked_sub(1),
            Some(Opener::Between) => None,
        };
        if !dash && change_at.is_some_and(|i| self.changes_before(i)) {
            return Some(Tail::Change(b));
        }
        let mut lower = a.clone();
        // "zwischen 2.000 und 50.000 Euro": both ends in thousands.
        if b.read_as_thousands {
            if let Some(t) = lower.thousands {
                lower.value = t;
            }
        }
        if lower.scale_exp == 0 && b.scale_exp > 0 {
            lower.value = number::scaled(lower.value, b.scale_exp)?;
            lower.scale_exp = b.scale_exp;
        }
        lower.cur = lower.cur.or(b.cur);
        lower.cur?;
        if lower.value > b.value {
            return None;
        }
        Some(Tail::Range(self.finish(&lower, Some(&b))))
    }

    /// Whether a word of change stands in the six words before token `i`,
    /// within its sentence: "would increase its already announced financial
    /// support from 100 million dollars to 300 million dollars".
    fn changes_before(&self, i: usize) -> bool {
        let mut k = i;
        let mut seen = 0;
        while k > 0 && seen < 6 {
            k -= 1;
            let t = &self.toks[k];
            if t.kind == Kind::Punct && matches!(t.raw, "." | ";" | ":" | "!" | "?") {
                return false;
            }
            if t.kind == Kind::Word {
                if words::is_change(&t.lower) {
                    return true;
                }
                seen += 1;
            }
        }
        false
    }

    /// One amount; its currency may be missing (the caller decides whether a
    /// bare number with a scale word is money).
    fn amount(&self, i: usize) -> Option<Amt> {
        let prefix = self.prefix_currency(i);
        let j = match &prefix {
            Some(p) => {
                if !self.joined(p.next) {
                    return None;
                }
                p.next
            }
            None => i,
        };
        let num = self.number(j, prefix.is_some())?;
        // "Euro 2024", "dollar 2023": a currency word before a year names no amount.
        if prefix.as_ref().is_some_and(|p| !p.is_symbol && self.tok(i).is_some_and(|t| t.raw.len() > 3))
            && num.scale_exp == 0
            && is_year(self.toks[j].raw)
        {
            return None;
        }
        let mut k = num.next;
        let mut value = num.value;
        let mut scale_exp = num.scale_exp;
        let mut cur = None;
        let mut per_unit = 1;
        let mut read_as_thousands = false;
        if let Some(p) = &prefix {
            cur = Some(p.cur);
            per_unit = p.per_unit;
            if p.scale_exp > 0 {
                value = number::scaled(value, p.scale_exp)?;
                scale_exp += p.scale_exp;
            }
            // "$ 10 dollars": the same money named twice.
            if let Some(s) = self.suffix_currency(k, num.words) {
                if s.cur == p.cur && s.per_unit == 1 && !s.is_symbol {
                    k = s.next;
                }
            }
        } else if let Some(s) = self.suffix_currency(k, num.words) {
            cur = Some(s.cur);
            per_unit = s.per_unit;
            if s.scale_exp > 0 {
                value = number::scaled(value, s.scale_exp)?;
                scale_exp += s.scale_exp;
            }
            k = s.next;
            // Continental style puts the symbol or code after the number:
            // "94.000 $" is ninety-four thousand.
            if scale_exp == 0 {
                if let Some(thousands) = num.dot_three {
                    value = thousands;
                    read_as_thousands = true;
                }
            }
            // "75 USD million"
            if scale_exp == 0 {
                if let Some((exp, next)) = self.scale_at(k) {
                    value = number::scaled(value, exp)?;
                    scale_exp = exp;
                    k = next;
                }
            }
        }
        if per_unit > 1 {
            // "not worth a penny", "a cent on the tax": idioms, not figures.
            if num.words && matches!(self.word(j), Some("a" | "an")) {
                return None;
            }
            value /= Decimal::from(per_unit);
        }
        let thousands = if cur.is_none() && scale_exp == 0 { num.dot_three } else { None };
        let mut amt = Amt { first: i, next: k, value, cur, scale_exp, words: num.words, thousands, read_as_thousands };
        if cur.is_some() && per_unit == 1 && scale_exp == 0 && num.frac_digits == 0 {
            self.minor_tail(&mut amt);
        }
        Some(amt)
    }

    /// "3 dollars 50 cents", "$20 and 43c", "zwei Euro fünfzig", "15 USD 50".
    fn minor_tail(&self, amt: &mut Amt) {
        let mut k = amt.next;
        if !self.joined(k) {
            return;
        }
        let with_and = matches!(self.word(k), Some("and" | "und" | "et"));
        if with_and {
            k += 1;
            if !self.joined(k) {
                return;
            }
        }
        let Some((cents, next)) = self.small_number(k) else { return };
        let mut end = next;
        let minor = self.suffix_currency(next, false).filter(|s| {
            s.per_unit == 100 && (matches!(s.cur, Cur::Dollar | Cur::Penny | Cur::Iso("GBP")) || Some(s.cur) == amt.cur)
        });
        if let Some(m) = minor {
            end = m.next;
        } else {
            // Without a unit the number must close the phrase: "15 dollars 50."
            let after = self.tok(next).filter(|_| self.joined(next));
            let closes = match after {
                None => true,
                Some(t) if t.kind == Kind::Punct => {
                    matches!(t.raw, "." | "!" | "?" | ";" | ")") || (!with_and && t.raw == ",")
                }
                // "one dollar and two and three points", "15 USD 50 more"
                Some(t) => matches!(t.lower.as_ref(), "and" | "und") || (!with_and && t.lower == "more"),
            };
            if !closes {
                return;
            }
        }
        if let Some(v) = amt.value.checked_add(Decimal::new(cents as i64, 2)) {
            amt.value = v;
        } else {
            return;
        }
        amt.next = end;
    }

    /// A whole number from 1 to 99: digits or words ("forty-five", "fünfzig").
    fn small_number(&self, i: usize) -> Option<(u64, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Digits => {
                if t.raw.len() > 2 || !t.raw.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let v: u64 = t.raw.parse().ok()?;
                Some((v, i + 1))
            }
            Kind::Word => {
                if let Some((v, next)) = self.english_words(i) {
                    let v = u64::try_from(v.trunc().mantissa()).ok()?;
                    return (1..100).contains(&v).then_some((v, next));
                }
                let v = number::german_word(&t.lower)?;
                (1..100).contains(&v).then_some((v, i + 1))
            }
            _ => None,
        }
    }

    /// A currency symbol, with the "ur" some write after "€" ("20 €ur").
    fn symbol_at(&self, i: usize) -> Option<Currency> {
        let c = self.tok(i)?.raw.chars().next()?;
        let (cur, per_unit) = currency::symbol(c)?;
        let mut next = i + 1;
        if c == '€' && self.word(next) == Some("ur") && self.glued(next) {
            next += 1;
        }
        Some(Currency { cur, per_unit, next, scale_exp: 0, is_symbol: true })
    }

    /// A currency written before the number.
    fn prefix_currency(&self, i: usize) -> Option<Currency> {
        let t = self.tok(i)?;
        match t.kind {
            // "¢" is written after the number only.
            Kind::Symbol => self.symbol_at(i).filter(|c| c.per_unit == 1),
            Kind::Word => {
                if let Some(c) = self.dollar_letters(i) {
                    return Some(c);
                }
                if let Some(c) = self.code_at(i) {
                    // "ALL 5 solutions": a code that is also a word only glued ("ALL5").
                    if currency::code_is_wordlike(t.raw) && !self.glued(c.next) {
                        return None;
                    }
                    // "COP29": a code that also names a meeting, glued to a
                    // small whole number, is the meeting.
                    if currency::code_also_names_a_meeting(t.raw) && self.glued(c.next) {
                        let n = self.tok(c.next).filter(|n| n.kind == Kind::Digits);
                        if n.is_some_and(|n| n.raw.len() <= 2) && self.scale_at(c.next + 1).is_none() {
                            return None;
                        }
                    }
                    return Some(c);
                }
                // "Rs. 20"
                let (name_cur, per_unit, mut next) = self.name_at(i, true)?;
                if per_unit != 1 {
                    return None;
                }
                if self.tok(next).is_some_and(|t| t.is_punct('.')) && self.glued(next) {
                    next += 1;
                }
                Some(Currency { cur: name_cur, per_unit, next, scale_exp: 0, is_symbol: false })
            }
            _ => None,
        }
    }

    /// "US$", "C$", "HK $", "u.s $", "usd$", "Mex$": letters that name a dollar.
    fn dollar_letters(&self, i: usize) -> Option<Currency> {
        // Cheap test first: a "$" within the next four tokens, after short letters.
        if self.tok(i).is_none_or(|t| t.raw.len() > 3)
            || !(i + 1..i + 5).any(|k| self.tok(k).is_some_and(|t| t.raw == "$"))
        {
            return None;
        }
        let mut letters = String::with_capacity(8);
        let mut k = i;
        loop {
            let t = self.tok(k).filter(|t| t.kind == Kind::Word && t.raw.is_ascii())?;
            letters.push_str(&t.lower);
            k += 1;
            // "u.s $", "U.S. $"
            if self.tok(k).is_some_and(|t| t.is_punct('.')) && self.glued(k) {
                if self.tok(k + 1).is_some_and(|t| t.kind == Kind::Word) && self.glued(k + 1) {
                    letters.push('.');
                    k += 1;
                    continue;
                }
                k += 1;
            }
            break;
        }
        self.tok(k).filter(|t| t.raw == "$")?;
        let code = currency::dollar_prefix(&letters)?;
        match self.gap_before(k) {
            Gap::Glued => {}
            // Spaced only where the letters cannot be an English word before
            // a price: "a $675-million package" is no Australian dollar.
            Gap::Space if !matches!(letters.as_str(), "a" | "s" | "r" | "j" | "ca" | "can") => {}
            _ => return None,
        }
        Some(Currency { cur: Cur::Iso(code), per_unit: 1, next: k + 1, scale_exp: 0, is_symbol: true })
    }

    /// An ISO code word: "USD", "usd", and "MUSD" (millions of dollars).
    fn code_at(&self, i: usize) -> Option<Currency> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        if let Some(code) = currency::code(t.raw) {
            return Some(Currency { cur: Cur::Iso(code), per_unit: 1, next: i + 1, scale_exp: 0, is_symbol: false });
        }
        let rest = t.raw.strip_prefix('M').filter(|r| r.len() == 3 && r.bytes().all(|b| b.is_ascii_uppercase()))?;
        let code = currency::code(rest)?;
        Some(Currency { cur: Cur::Iso(code), per_unit: 1, next: i + 1, scale_exp: 6, is_symbol: false })
    }

    /// A currency name starting at token `i`, several words joined by spaces,
    /// dots or hyphens. `prefix`: only names that may stand before a number.
    fn name_at(&self, i: usize, prefix: bool) -> Option<(Cur, u64, usize)> {
        let first = self.word(i)?;
        'names: for name in currency::names_starting_with(first) {
            if prefix && (name.place != Place::Either || name.per_unit != 1) {
                continue;
            }
            let mut k = i + 1;
            for w in &name.words[1..] {
                if self.tok(k).is_some_and(|t| t.is_punct('.') || t.is_punct('-') || t.is_punct('–')) && self.glued(k)
                {
                    k += 1;
                }
                if self.word(k) != Some(*w) || !self.joined(k) {
                    continue 'names;
                }
                k += 1;
            }
            // "u.s. dollars": the dot after "s" belongs to the name.
            return Some((name.cur, name.per_unit, k));
        }
        None
    }

    /// A currency written after the number, glued, spaced or hyphenated.
    fn suffix_currency(&self, i: usize, number_in_words: bool) -> Option<Currency> {
        let mut i = self.skip_hyphen(i);
        if !self.joined(i) {
            return None;
        }
        // French "milliards d'euros", "millions de dollars"
        if matches!(self.word(i), Some("d" | "de")) {
            let mut k = i + 1;
            if self.tok(k).is_some_and(|t| t.is_punct('\'') || t.is_punct('’')) {
                k += 1;
            }
            // "millions d'USD"
            if self.name_at(k, false).is_some() || self.code_at(k).is_some() {
                i = k;
            }
        }
        let t = self.tok(i)?;
        match t.kind {
            Kind::Symbol => {
                if !self.glued(i) && !self.symbol_binds_left(i) {
                    return None;
                }
                self.symbol_at(i)
            }
            Kind::Word => {
                // "3.14US$"
                if let Some(c) = self.dollar_letters(i) {
                    return Some(c);
                }
                if let Some(c) = self.code_at(i) {
                    if currency::code_is_wordlike(t.raw) && !self.glued(i) && number_in_words {
                        return None;
                    }
                    // "3 USD50 cards": the code belongs to the number glued after it.
                    if !self.glued(i) && self.tok(c.next).is_some_and(|n| n.kind == Kind::Digits) && self.glued(c.next)
                    {
                        return None;
                    }
                    return Some(c);
                }
                let (cur, per_unit, next) = self.name_at(i, false)?;
                // One-letter units only glued or at the very end: "43c", "10 c".
                if t.raw.chars().count() == 1
                    && next == i + 1
                    && !self.glued(i)
                    && self.tok(next).is_some_and(|n| n.kind == Kind::Word)
                {
                    return None;
                }
                Some(Currency { cur, per_unit, next, scale_exp: 0, is_symbol: false })
            }
            _ => None,
        }
    }

    /// A symbol spaced between two numbers belongs to the one before it only
    /// when the one after carries a currency of its own: "10 $ 30 $", but "1 $10".
    fn symbol_binds_left(&self, sym: usize) -> bool {
        let next = sym + 1;
        let Some(t) = self.tok(next) else { return true };
        if t.kind != Kind::Digits || !self.joined(next) {
            return true;
        }
        if self.glued(next) {
            return false;
        }
        let after = next + 1;
        match self.tok(after) {
            Some(a) if a.kind == Kind::Symbol => true,
            Some(a) if a.kind == Kind::Word => self.name_at(after, false).is_some_and(|(_, per, _)| per > 1),
            _ => false,
        }
    }

    fn scale_at(&self, i: usize) -> Option<(u32, usize)> {
        let i = self.skip_hyphen(i);
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        if !self.joined(i) {
            return None;
        }
        let exp = number::scale(&t.lower, self.glued(i))?;
        let mut next = i + 1;
        let dot_follows = self.tok(next).is_some_and(|n| n.is_punct('.')) && self.glued(next);
        // "5 Mio.", "1,5 Mrd. €": a German abbreviation keeps its dot. An
        // English one ("bn.") only before a currency; else the dot ends the sentence.
        if dot_follows
            && (words::is_dotted_abbreviation(&t.lower)
                || (matches!(t.lower.as_ref(), "bn" | "mn" | "mln" | "bln")
                    && self.suffix_currency(next + 1, false).is_some()))
        {
            next += 1;
        }
        Some((exp, next))
    }

    /// A number and its scale words.
    fn number(&self, i: usize, after_prefix: bool) -> Option<Num> {
        let t = self.tok(i)?;
        let mut num = match t.kind {
            Kind::Digits => self.digits(i, after_prefix)?,
            Kind::Word => self.number_words(i)?,
            _ => return None,
        };
        // "300 weitere Millionen Euro": an adjective between number and scale.
        if num.scale_exp == 0
            && self.word(num.next).is_some_and(words::is_scale_adjective)
            && self.joined(num.next)
            && self.scale_at(num.next + 1).is_some()
        {
            num.next += 1;
        }
        // "1,526 milliard de dollars": before a French or German scale word
        // a comma is the decimal mark, even with three digits after it.
        if let (Kind::Digits, Some(scale)) = (t.kind, self.word(self.skip_hyphen(num.next))) {
            if words::is_continental_scale(scale) && t.raw.matches(',').count() == 1 && !t.raw.contains('.') {
                let continental = t.raw.replace(',', ".");
                if let Some((v, frac)) = number::read_digits(&continental, DotThree::Decimal) {
                    num.value = v;
                    num.frac_digits = frac;
                }
            }
        }
        // Scale words, multiplied when they grow ("thousand million") and
        // read once when repeated ("$60.8bn billion").
        let mut last_exp = 0;
        while let Some((exp, next)) = self.scale_at(num.next) {
            if last_exp == 0 || exp > last_exp {
                num.value = number::scaled(num.value, exp)?;
                num.scale_exp += exp;
            } else if exp != last_exp {
                break;
            }
            last_exp = exp;
            num.next = next;
            num.dot_three = None;
        }
        // "a third of a billion": cut to the cent.
        if num.words && last_exp > 0 {
            num.value = num.value.round_dp(2);
        }
        // "un milliard et demi", "a billion and a half": half a unit of the scale more.
        if last_exp > 0 {
            let ahead = [self.word(num.next), self.word(num.next + 1), self.word(num.next + 2)];
            let n = words::and_a_half_words(ahead);
            if n > 0 && (0..n).all(|d| self.joined(num.next + d)) {
                let half = number::scaled(Decimal::new(5, 1), last_exp)?;
                num.value = num.value.checked_add(half)?;
                num.next += n;
            }
        }
        Some(num)
    }

    fn digits(&self, i: usize, after_prefix: bool) -> Option<Num> {
        let t = &self.toks[i];
        let raw = t.raw;
        let mut next = i + 1;
        // "$46. 3 billion": a decimal point followed by a stray space.
        if let (Some(dot), Some(frac), Some(_)) = (self.tok(next), self.tok(next + 1), self.tok(next + 2)) {
            if dot.is_punct('.')
                && self.glued(next)
                && frac.kind == Kind::Digits
                && self.gap_before(next + 1) == Gap::Space
                && frac.raw.bytes().all(|b| b.is_ascii_digit())
                && !raw.contains(['.', ','])
                && self.scale_at(next + 2).is_some()
            {
                let joined = format!("{raw}.{}", frac.raw);
                let (value, frac_digits) = number::read_digits(&joined, DotThree::Decimal)?;
                return Some(Num { value, next: next + 2, scale_exp: 0, frac_digits, words: false, dot_three: None });
            }
        }
        // "12 500 EUR", "300 000 GBP": groups of three split by spaces, only
        // when a currency or a scale word follows right after them.
        if raw.len() <= 3 && raw.bytes().all(|b| b.is_ascii_digit()) && !after_prefix {
            let mut k = next;
            let mut joined = raw.to_string();
            while let Some(g) = self.tok(k) {
                if g.kind == Kind::Digits
                    && g.raw.len() == 3
                    && g.raw.bytes().all(|b| b.is_ascii_digit())
                    && self.gap_before(k) == Gap::Space
                    && !self.text[self.toks[k - 1].end..g.start].contains('\n')
                {
                    joined.push_str(g.raw);
                    k += 1;
                } else {
                    break;
                }
            }
            // "2 500 milliards de FCFA": before a scale word too.
            if k > next && (self.suffix_currency(k, false).is_some() || self.scale_at(k).is_some()) {
                let value = number::read_digits(&joined, DotThree::Decimal)?.0;
                return Some(Num { value, next: k, scale_exp: 0, frac_digits: 0, words: false, dot_three: None });
            }
        }
        let (value, frac_digits) = number::read_digits(raw, DotThree::Decimal)?;
        let dot_three = if raw.matches('.').count() == 1
            && !raw.contains(',')
            && raw.rsplit_once('.').is_some_and(|(_, b)| b.len() == 3)
        {
            number::read_digits(raw, DotThree::Thousands).map(|(v, _)| v)
        } else {
            None
        };
        next = i + 1;
        Some(Num { value, next, scale_exp: 0, frac_digits, words: false, dot_three })
    }

    /// Numbers in words: "Nine", "sixty-one", "a" (before a scale or a
    /// currency), fractions of a scale ("half a billion", "eine halbe
    /// Milliarde", "un demi-milliard"), German and French number words.
    fn number_words(&self, i: usize) -> Option<Num> {
        let w = self.word(i)?;
        // Most words are no number: one look at the word spares the readings below.
        if !could_start_a_number(w) {
            return None;
        }
        let words = |value: Decimal, next: usize| Num {
            value,
            next,
            scale_exp: 0,
            frac_digits: 0,
            words: true,
            dot_three: None,
        };
        if let Some((v, next)) = self.fraction_of_scale(i) {
            return Some(words(v, next));
        }
        if let Some(num) = self.fraction_compound(i) {
            return Some(num);
        }
        // "anderthalb Milliarden", "zweieinhalb Millionen"
        if let Some(whole) = words::and_a_half_compound(w) {
            if self.scale_at(i + 1).is_some() {
                let whole = Decimal::from(number::german_word(whole)?);
                return Some(words(whole.checked_add(Decimal::new(5, 1))?, i + 1));
            }
        }
        if matches!(w, "a" | "an") {
            // "a billion euros", "a dollar", "a hundred", "a thousand"
            let k = self.skip_hyphen(i + 1);
            let scale_next = self.scale_at(i + 1).is_some();
            let name = self.name_at(k, false);
            if !(scale_next || matches!(self.word(i + 1), Some("hundred" | "thousand")) || name.is_some()) {
                return None;
            }
            // "a yen loan", "a dollar bond", "a euro zone": the money names a kind of thing.
            if let Some((_, per, after)) = name.filter(|_| !scale_next) {
                let noun_after = self.word(after).is_some_and(|w| !words::may_follow_an_ellipsis(w));
                if per == 1 && noun_after && self.joined(after) {
                    return None;
                }
            }
            if matches!(self.word(i + 1), Some("hundred" | "thousand")) {
                return self.english_words_from(i + 1, Decimal::ONE).map(|(v, n)| words(v, n));
            }
            return Some(words(Decimal::ONE, i + 1));
        }
        if let Some((v, next)) = self.english_words(i) {
            // "one and a half trillion"
            let ahead = [self.word(next), self.word(next + 1), self.word(next + 2)];
            if words::and_a_half_words(ahead) == 3 {
                return Some(words(v.checked_add(Decimal::new(5, 1))?, next + 3));
            }
            return Some(words(v, next));
        }
        let (v, next) = self.count_word(i)?;
        Some(words(v, next))
    }

    /// A number word of any language at `i`, below a hundred: "three", "drei", "trois".
    fn count_word(&self, i: usize) -> Option<(Decimal, usize)> {
        let w = self.word(i)?;
        if let Some((v, next)) = self.english_words(i) {
            return Some((v, next));
        }
        if let Some(v) = number::german_word(w) {
            return Some((Decimal::from(v), i + 1));
        }
        self.french_words(i).map(|(v, next)| (Decimal::from(v), next))
    }

    /// A fraction of a scale word: "half a billion", "a half billion", "a
    /// quarter of a billion", "two thirds of a billion", "eine halbe
    /// Milliarde", "un demi-milliard", "trois quarts de milliard". The value
    /// is the fraction; the scale word after it is read by `number`.
    fn fraction_of_scale(&self, i: usize) -> Option<(Decimal, usize)> {
        let mut k = i;
        let mut count = Decimal::ONE;
        if self.word(k).is_some_and(words::is_one) {
            k = self.skip_hyphen(k + 1);
        } else if words::fraction(self.word(k)?).is_none() {
            // "three quarters", "two thirds", "trois quarts"
            let (n, next) = self.count_word(k)?;
            count = n;
            k = next;
        }
        if k > i && !self.joined(k) {
            return None;
        }
        let (num, den) = words::fraction(self.word(k)?)?;
        // "demi-milliard", "half-billion"
        let mut j = self.skip_hyphen(k + 1);
        if matches!(self.word(j), Some("of" | "de" | "d")) {
            j += 1;
            if self.tok(j).is_some_and(|t| t.is_punct('\'') || t.is_punct('’')) {
                j += 1;
            }
        }
        if matches!(self.word(j), Some("a" | "an")) {
            j += 1;
        }
        if !(k + 1..=j).all(|x| self.joined(x)) {
            return None;
        }
        self.scale_at(j)?;
        let v = count.checked_mul(Decimal::from(num))?.checked_div(Decimal::from(den))?;
        Some((v, j))
    }

    /// A German compound of a fraction and a scale word: "Viertelmilliarde",
    /// "Dreiviertelmillion", "halbe Milliarde" written as one word, with "eine"
    /// before it taken in.
    fn fraction_compound(&self, i: usize) -> Option<Num> {
        let mut k = i;
        if self.word(k).is_some_and(words::is_one) {
            k += 1;
        }
        let w = self.word(k)?;
        let (frac, rest) = words::FRACTION_PREFIXES.iter().find_map(|(p, f)| w.strip_prefix(p).map(|r| (*f, r)))?;
        let exp = number::scale(rest, false).filter(|e| *e >= 6)?;
        if k > i && !self.joined(k) {
            return None;
        }
        let whole = number::scaled(Decimal::ONE, exp)?;
        let value = whole.checked_mul(Decimal::from(frac.0))?.checked_div(Decimal::from(frac.1))?;
        Some(Num { value, next: k + 1, scale_exp: exp, frac_digits: 0, words: true, dot_three: None })
    }

    /// French number words below a hundred: "trois", "vingt-cinq",
    /// "soixante-dix", "quatre-vingt-dix".
    fn french_words(&self, i: usize) -> Option<(u64, usize)> {
        let mut v = number::french_word(self.word(i)?)?;
        let mut k = i + 1;
        let hyphen_word = |k: usize| -> Option<&str> {
            let t = self.tok(k)?;
            (t.is_punct('-') && self.glued(k) && self.glued(k + 1)).then(|| self.word(k + 1)).flatten()
        };
        // "quatre-vingts" (eighty)
        if v == 4 && matches!(hyphen_word(k), Some("vingt" | "vingts")) {
            v = 80;
            k += 2;
        }
        if v >= 20 && v % 10 == 0 {
            if let Some(u) = hyphen_word(k).and_then(number::french_word).filter(|u| *u < 20) {
                v += u;
                k += 2;
            }
        }
        Some((v, k))
    }

    fn english_words(&self, i: usize) -> Option<(Decimal, usize)> {
        self.english_words_from(i, Decimal::ZERO)
    }

    /// English number words up to the thousands: "twenty-one", "one hundred
    /// and five", "three thousand". Scale words above are left to `number`.
    fn english_words_from(&self, i: usize, start: Decimal) -> Option<(Decimal, usize)> {
        use number::WordKind::*;
        let mut current = start;
        let mut total = Decimal::ZERO;
        let mut k = i;
        let mut last: Option<number::WordKind> = None;
        let mut any = false;
        while let Some(w) = self.word(k) {
            if k > i && !self.joined(k) {
                break;
            }
            if let Some((v, kind)) = number::english_word(w) {
                // "sixty-one" joins; "one two" does not.
                if !matches!((last, kind), (None, _) | (Some(Tens), Unit)) {
                    break;
                }
                current = current.checked_add(Decimal::from(v))?;
                last = Some(kind);
                any = true;
            } else if w == "hundred" && (any || k == i) && !(any && last.is_none() && current >= Decimal::from(100)) {
                if current.is_zero() {
                    current = Decimal::ONE;
                }
                current = current.checked_mul(Decimal::from(100))?;
                last = None;
                any = true;
                // "one hundred and five"
                if self.word(k + 1) == Some("and") && self.word(k + 2).and_then(number::english_word).is_some() {
                    k += 1;
                }
            } else if w == "thousand" && any && self.scale_at(k + 1).is_none() {
                total = total.checked_add(current.checked_mul(Decimal::from(1000))?)?;
                current = Decimal::ZERO;
                last = None;
            } else {
                break;
            }
            k += 1;
            // "sixty-one", "forty-five"
            if self.tok(k).is_some_and(|t| t.is_punct('-'))
                && self.glued(k)
                && self.word(k + 1).and_then(number::english_word).is_some()
                && self.glued(k + 1)
            {
                k += 1;
            }
        }
        if !any {
            return None;
        }
        Some((total.checked_add(current)?, k))
    }
}

/// Whether a word may begin a number in words, in any of the three
/// languages: a number word, "a"/"eine"/"un", a fraction, or a German
/// compound of a fraction ("Viertelmilliarde", "zweieinhalb").
fn could_start_a_number(w: &str) -> bool {
    number::english_word(w).is_some()
        || number::french_word(w).is_some()
        || words::is_one(w)
        || words::fraction(w).is_some()
        || matches!(w, "hundred" | "thousand")
        || words::and_a_half_compound(w).is_some()
        || words::FRACTION_PREFIXES.iter().any(|(p, _)| w.starts_with(p))
        || number::german_word(w).is_some()
}

/// A four-digit year from 1800 to 2199.
fn is_year(raw: &str) -> bool {
    raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) && matches!(&raw[..2], "18" | "19" | "20" | "21")
}
