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
}

struct Currency {
    cur: Cur,
    per_unit: u64,
    next: usize,
    /// "MUSD", "MAUD": the M stands for million.
    scale_exp: u32,
    is_symbol: bool,
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

    /// Reads a whole expression starting at token `i`.
    pub fn expr(&self, i: usize) -> Option<Parsed> {
        let (opener, i) = match self.word(i) {
            Some("between" | "zwischen" | "entre") => (Some("between"), i + 1),
            Some("from" | "von") => (Some("from"), i + 1),
            _ => (None, i),
        };
        if opener.is_some() && !self.joined(i) {
            return None;
        }
        let a = self.amount(i)?;
        if let Some(p) = self.range_tail(&a, opener) {
            return Some(p);
        }
        if opener == Some("between") && a.cur.is_none() {
            return None;
        }
        Some(self.finish(&a, None))
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

    fn range_tail(&self, a: &Amt, opener: Option<&str>) -> Option<Parsed> {
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
            || matches!(
                (word, opener),
                (Some("to" | "bis" | "à"), Some("from") | None) | (Some("and" | "und" | "et"), Some("between"))
            );
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
        let mut lower = a.clone();
        if lower.scale_exp == 0 && b.scale_exp > 0 {
            lower.value = number::scaled(lower.value, b.scale_exp)?;
            lower.scale_exp = b.scale_exp;
        }
        lower.cur = lower.cur.or(b.cur);
        lower.cur?;
        if lower.value > b.value {
            return None;
        }
        if opener.is_none() && !dash && self.changes_before(a.first) {
            return None;
        }
        if opener == Some("from") && !dash && self.changes_before(a.first - 1) {
            return None;
        }
        Some(self.finish(&lower, Some(&b)))
    }

    /// "rose from $5bn to $6bn" reports two figures, not a range.
    fn changes_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|k| {
            matches!(
                self.word(k),
                Some(
                    "rose"
                        | "rise"
                        | "rising"
                        | "risen"
                        | "increased"
                        | "increase"
                        | "increasing"
                        | "grew"
                        | "grow"
                        | "grown"
                        | "fell"
                        | "fall"
                        | "fallen"
                        | "dropped"
                        | "drop"
                        | "jumped"
                        | "climbed"
                        | "declined"
                        | "raised"
                        | "raise"
                        | "cut"
                        | "reduced"
                        | "boosted"
                        | "lifted"
                        | "lowered"
                        | "expanded"
                        | "shrank"
                        | "went"
                        | "up"
                        | "down"
                        | "soared"
                        | "surged"
                        | "slid"
                        | "sank"
                        | "tumbled"
                        | "doubled"
                        | "tripled"
                        | "revised"
                        | "upped"
                        | "bumped"
                        | "trimmed"
                        | "slashed"
                )
            )
        })
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
        let mut amt = Amt { first: i, next: k, value, cur, scale_exp, words: num.words };
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
                if self.tok(k).is_some_and(|t| t.is_punct('.') || t.is_punct('-')) && self.glued(k) {
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
            if self.name_at(k, false).is_some() {
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
                if t.raw.chars().count() == 1 && !self.glued(i) && self.tok(next).is_some_and(|n| n.kind == Kind::Word)
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
        // "1,5 Mrd. €", "2,5 Mio. USD": the abbreviation's dot, when a currency
        // follows; otherwise the dot ends the sentence.
        if matches!(t.lower.as_ref(), "mrd" | "mio" | "tsd" | "bn" | "mn" | "mln" | "bln")
            && self.tok(next).is_some_and(|n| n.is_punct('.'))
            && self.glued(next)
            && self.suffix_currency(next + 1, false).is_some()
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
        // when a currency follows right after them.
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
            if k > next && self.suffix_currency(k, false).is_some() {
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
    /// currency), "half", "three quarters", German compounds.
    fn number_words(&self, i: usize) -> Option<Num> {
        let w = self.word(i)?;
        let words = |value: Decimal, next: usize| Num {
            value,
            next,
            scale_exp: 0,
            frac_digits: 0,
            words: true,
            dot_three: None,
        };
        match w {
            "a" | "an" | "one" => {
                // "a billion euros", "a dollar", "a quarter million", "one-yen"
                let k = self.skip_hyphen(i + 1);
                if matches!(self.word(k), Some("quarter" | "half")) {
                    let v = if self.word(k) == Some("half") { Decimal::new(5, 1) } else { Decimal::new(25, 2) };
                    if self.scale_at(k + 1).is_some() {
                        return Some(words(v, k + 1));
                    }
                    return None;
                }
                if w != "one" {
                    let next_is_money = self.scale_at(i + 1).is_some()
                        || matches!(self.word(i + 1), Some("hundred" | "thousand"))
                        || self.name_at(k, false).is_some_and(|(_, per, _)| per >= 1);
                    if !next_is_money {
                        return None;
                    }
                    if matches!(self.word(i + 1), Some("hundred" | "thousand")) {
                        return self.english_words_from(i + 1, Decimal::ONE).map(|(v, n)| words(v, n));
                    }
                    return Some(words(Decimal::ONE, i + 1));
                }
            }
            "half" | "quarter" => {
                if self.scale_at(i + 1).is_some() {
                    let v = if w == "half" { Decimal::new(5, 1) } else { Decimal::new(25, 2) };
                    return Some(words(v, i + 1));
                }
                return None;
            }
            _ => {}
        }
        if let Some((v, next)) = self.english_words(i) {
            // "one and a half trillion"
            if self.word(next) == Some("and") && self.word(next + 1) == Some("a") && self.word(next + 2) == Some("half")
            {
                return Some(words(v.checked_add(Decimal::new(5, 1))?, next + 3));
            }
            // "three quarters billion"
            if matches!(self.word(next), Some("quarters" | "quarter")) && self.scale_at(next + 1).is_some() {
                return Some(words(v.checked_mul(Decimal::new(25, 2))?, next + 1));
            }
            return Some(words(v, next));
        }
        let v = number::german_word(w)?;
        Some(words(Decimal::from(v), i + 1))
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

/// A four-digit year from 1800 to 2199.
fn is_year(raw: &str) -> bool {
    raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) && matches!(&raw[..2], "18" | "19" | "20" | "21")
}
