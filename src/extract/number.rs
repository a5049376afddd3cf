//! Numbers as news writes them: digit groups with thousands separators or
//! decimal commas, scale words ("bn", "Milliarden", "lakh"), and numbers
//! spelled out in English or German. Every value is an exact decimal.

use rust_decimal::Decimal;
use std::str::FromStr;

/// How the separators of a digit group are to be read when it is ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DotThree {
    /// "1.250" is one and a quarter (English, and before a scale word).
    Decimal,
    /// "94.000 $" is ninety-four thousand (continental style).
    Thousands,
}

/// The value of a digits token such as "1,000,000", "39.8", "1,5",
/// "12,34,567.89" or "94.000"; `None` when the groups make no number.
pub(crate) fn read_digits(raw: &str, dot_three: DotThree) -> Option<(Decimal, u32)> {
    // Swiss thousands apostrophes ("1'250'000.50"): the tokenizer let them
    // in only before groups of three, so they go.
    let swiss;
    let raw = if raw.contains(['\'', '’']) {
        swiss = raw.replace(['\'', '’'], "");
        swiss.as_str()
    } else {
        raw
    };
    let dots = raw.bytes().filter(|&b| b == b'.').count();
    let commas = raw.bytes().filter(|&b| b == b',').count();
    let (int_part, frac_part): (String, &str) = match (dots, commas) {
        (0, 0) => (raw.to_string(), ""),
        (0, 1) | (1, 0) => {
            let sep = if dots == 1 { '.' } else { ',' };
            let (a, b) = raw.split_once(sep)?;
            let three_is_thousands = sep == ',' || dot_three == DotThree::Thousands;
            if b.len() == 3 && three_is_thousands && !a.is_empty() && a.len() <= 3 {
                (format!("{a}{b}"), "")
            } else {
                (a.to_string(), b)
            }
        }
        // Several of one separator and none of the other: thousands groups
        // ("1,000,000", "1.000.000", the Indian "12,34,567").
        (0, _) => (grouped(raw, ',')?, ""),
        (_, 0) => (grouped(raw, '.')?, ""),
        _ => {
            // Both: the last one is the decimal mark.
            let last_dot = raw.rfind('.')?;
            let last_comma = raw.rfind(',')?;
            let (dec, thou) = if last_dot > last_comma { ('.', ',') } else { (',', '.') };
            let (a, b) = raw.rsplit_once(dec)?;
            if a.contains(dec) {
                return None;
            }
            (grouped(a, thou)?, b)
        }
    };
    if int_part.len() > 20 || frac_part.len() > 8 {
        return None;
    }
    let text = if frac_part.is_empty() { int_part } else { format!("{int_part}.{frac_part}") };
    let value = Decimal::from_str(&text).ok()?;
    Some((value, frac_part.len() as u32))
}

/// Joins thousands groups, checking that every group after the first has
/// two or three digits (three in the west, two in Indian lakh grouping).
fn grouped(raw: &str, sep: char) -> Option<String> {
    let mut parts = raw.split(sep);
    let first = parts.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    let rest: Vec<&str> = parts.collect();
    for (n, p) in rest.iter().enumerate() {
        let last = n + 1 == rest.len();
        if !(p.len() == 3 || (p.len() == 2 && !last)) {
            return None;
        }
        out.push_str(p);
    }
    Some(out)
}

/// A scale word and the power of ten it stands for. One-letter forms
/// ("$650m", "$2B", "$10K") count only when glued to the number.
pub(crate) fn scale(lower: &str, glued: bool) -> Option<u32> {
    Some(match lower {
        "thousand" | "thousands" | "tsd" | "mille" => 3,
        "k" if glued => 3,
        "lakh" | "lakhs" | "lac" | "lacs" => 5,
        "crore" | "crores" => 7,
        "million" | "millions" | "mn" | "mln" | "mio" | "millionen" | "mil" | "mill" => 6,
        "m" | "mm" if glued => 6,
        "billion" | "billions" | "bn" | "bln" | "bil" | "milliarde" | "milliarden" | "milliard" | "milliards"
        | "mrd" | "mrds" | "md" | "mds" => 9,
        "b" if glued => 9,
        "trillion" | "trillions" | "tn" | "trn" | "tril" => 12,
        _ => return None,
    })
}

/// `value` times ten to the `exp`; `None` past what a decimal holds (about
/// 7.9e28), so that "9 trillion trillion" is no amount rather than a panic.
pub(crate) fn scaled(value: Decimal, exp: u32) -> Option<Decimal> {
    if exp > 28 {
        return None;
    }
    value.checked_mul(Decimal::from_i128_with_scale(10i128.pow(exp), 0))
}

/// English number words below a hundred, and their kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    Unit,
    Teen,
    Tens,
}

pub(crate) fn english_word(lower: &str) -> Option<(u64, WordKind)> {
    use WordKind::*;
    Some(match lower {
        "zero" => (0, Unit),
        "one" => (1, Unit),
        "two" => (2, Unit),
        "three" => (3, Unit),
        "four" => (4, Unit),
        "five" => (5, Unit),
        "six" => (6, Unit),
        "seven" => (7, Unit),
        "eight" => (8, Unit),
        "nine" => (9, Unit),
        "ten" => (10, Teen),
        "eleven" => (11, Teen),
        "twelve" => (12, Teen),
        "thirteen" => (13, Teen),
        "fourteen" => (14, Teen),
        "fifteen" => (15, Teen),
        "sixteen" => (16, Teen),
        "seventeen" => (17, Teen),
        "eighteen" => (18, Teen),
        "nineteen" => (19, Teen),
        "twenty" => (20, Tens),
        "thirty" => (30, Tens),
        "forty" => (40, Tens),
        "fifty" => (50, Tens),
        "sixty" => (60, Tens),
        "seventy" => (70, Tens),
        "eighty" => (80, Tens),
        "ninety" => (90, Tens),
        _ => return None,
    })
}

/// A French number word below a hundred (compounds are joined by hyphens
/// and read by the grammar): "un", "trois", "vingt", "soixante".
pub(crate) fn french_word(lower: &str) -> Option<u64> {
    Some(match lower {
        "un" | "une" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        _ => return None,
    })
}

/// A German number word, compounds included: "sieben", "achtundsiebzig",
/// "siebenhundert", "fünfundvierzig", "einen".
pub(crate) fn german_word(lower: &str) -> Option<u64> {
    // Most words are not numbers: a look at how the word starts spares the
    // splitting below.
    const STARTS: &[&str] = &[
        "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig",
        "hundert", "tausend", "null",
    ];
    if lower.len() > 60 || !STARTS.iter().any(|s| lower.starts_with(s)) {
        return None;
    }
    if let Some((a, b)) = lower.split_once("tausend") {
        let high = if a.is_empty() { 1 } else { german_below_thousand(a)? };
        let low = if b.is_empty() { 0 } else { german_below_thousand(b)? };
        return Some(high * 1000 + low);
    }
    german_below_thousand(lower)
}

fn german_below_thousand(w: &str) -> Option<u64> {
    if let Some((a, b)) = w.split_once("hundert") {
        let high = if a.is_empty() { 1 } else { german_unit(a)? };
        let low = if b.is_empty() { 0 } else { german_below_hundred(b.strip_prefix("und").unwrap_or(b))? };
        return Some(high * 100 + low);
    }
    german_below_hundred(w)
}

fn german_below_hundred(w: &str) -> Option<u64> {
    if let Some(v) = german_basic(w) {
        return Some(v);
    }
    let (a, b) = w.split_once("und")?;
    let unit = german_unit(a)?;
    let tens = german_tens(b)?;
    Some(tens + unit)
}

fn german_unit(w: &str) -> Option<u64> {
    Some(match w {
        "ein" | "eins" | "eine" | "einen" | "einem" | "einer" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        _ => return None,
    })
}

fn german_tens(w: &str) -> Option<u64> {
    Some(match w {
        "zwanzig" => 20,
        "dreißig" | "dreissig" => 30,
        "vierzig" => 40,
        "fünfzig" => 50,
        "sechzig" => 60,
        "siebzig" => 70,
        "achtzig" => 80,
        "neunzig" => 90,
        _ => return None,
    })
}

fn german_basic(w: &str) -> Option<u64> {
    if let Some(v) = german_unit(w).or_else(|| german_tens(w)) {
        return Some(v);
    }
    Some(match w {
        "null" => 0,
        "zehn" => 10,
        "elf" => 11,
        "zwölf" => 12,
        "dreizehn" => 13,
        "vierzehn" => 14,
        "fünfzehn" => 15,
        "sechzehn" => 16,
        "siebzehn" => 17,
        "achtzehn" => 18,
        "neunzehn" => 19,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_groups() {
        use DotThree::*;
        // input, how "x.yyy" reads, value, fraction digits
        let cases: &[(&str, DotThree, Option<&str>)] = &[
            ("278", Decimal, Some("278")),
            ("39.8", Decimal, Some("39.8")),
            ("1,000,000", Decimal, Some("1000000")),
            ("1,5", Decimal, Some("1.5")),
            ("2,50", Decimal, Some("2.50")),
            ("94,000", Decimal, Some("94000")),
            ("94.000", Thousands, Some("94000")),
            ("1.250", Decimal, Some("1.250")),
            ("1.000.000", Decimal, Some("1000000")),
            ("12,34,567.89", Decimal, Some("1234567.89")),
            ("20,000.00", Decimal, Some("20000.00")),
            ("1.234,56", Decimal, Some("1234.56")),
            ("500’000", Decimal, Some("500000")),
            ("1'250'000.50", Decimal, Some("1250000.50")),
            ("1,2,3", Decimal, None),
            ("1234,567,89", Decimal, None),
            ("99999999999999999999999999", Decimal, None),
        ];
        for (raw, mode, want) in cases {
            let got = read_digits(raw, *mode).map(|(v, _)| v.to_string());
            assert_eq!(got.as_deref(), *want, "{raw}");
        }
    }

    #[test]
    fn scales() {
        let cases: &[(&str, bool, Option<u32>)] = &[
            ("billion", false, Some(9)),
            ("bn", false, Some(9)),
            ("b", true, Some(9)),
            ("b", false, None),
            ("m", true, Some(6)),
            ("mio", false, Some(6)),
            ("milliarden", false, Some(9)),
            ("lakh", false, Some(5)),
            ("crore", false, Some(7)),
            ("k", true, Some(3)),
            ("tn", false, Some(12)),
            ("people", false, None),
        ];
        for (w, glued, want) in cases {
            assert_eq!(scale(w, *glued), *want, "{w}");
        }
    }

    #[test]
    fn scaling_never_overflows() {
        assert_eq!(scaled(Decimal::new(15, 1), 9), Some(Decimal::from(1_500_000_000u64)));
        assert_eq!(scaled(Decimal::from(9), 29), None);
        assert_eq!(scaled(Decimal::MAX, 1), None);
    }

    #[test]
    fn german_numbers() {
        let cases: &[(&str, Option<u64>)] = &[
            ("sieben", Some(7)),
            ("zwei", Some(2)),
            ("einen", Some(1)),
            ("dreizehn", Some(13)),
            ("fünfzig", Some(50)),
            ("fünfundvierzig", Some(45)),
            ("achtundsiebzig", Some(78)),
            ("siebenhundert", Some(700)),
            ("zweitausendfünfhundert", Some(2500)),
            ("hundertundeins", Some(101)),
            ("euro", None),
            ("und", None),
        ];
        for (w, want) in cases {
            assert_eq!(german_word(w), *want, "{w}");
        }
    }
}
