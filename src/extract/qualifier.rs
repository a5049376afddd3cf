//! The qualifier of an amount, from the words just before it ("more than",
//! "nearly", "up to") or just after it ("or more").

use super::token::{Kind, Tok};
use super::Qualifier;

/// Phrases before an amount, longest first so that "no more than" wins over
/// "more than".
static BEFORE: &[(&[&str], Qualifier)] = {
    use Qualifier::*;
    &[
        (&["no", "more", "than"], LessThan),
        (&["not", "more", "than"], LessThan),
        (&["no", "less", "than"], AtLeast),
        (&["not", "less", "than"], AtLeast),
        (&["a", "minimum", "of"], AtLeast),
        (&["a", "maximum", "of"], UpTo),
        (&["un", "maximum", "de"], UpTo),
        (&["in", "excess", "of"], MoreThan),
        (&["as", "much", "as"], UpTo),
        (&["as", "many", "as"], UpTo),
        (&["just", "over"], MoreThan),
        (&["just", "under"], LessThan),
        (&["more", "than"], MoreThan),
        (&["greater", "than"], MoreThan),
        (&["higher", "than"], MoreThan),
        (&["upwards", "of"], MoreThan),
        (&["mehr", "als"], MoreThan),
        (&["plus", "de"], MoreThan),
        (&["at", "least"], AtLeast),
        (&["au", "moins"], AtLeast),
        (&["up", "to"], UpTo),
        (&["bis", "zu"], UpTo),
        (&["jusqu", "à"], UpTo),
        (&["sans", "atteindre"], LessThan),
        (&["au", "delà", "de"], MoreThan),
        (&["au", "dessus", "de"], MoreThan),
        (&["less", "than"], LessThan),
        (&["lower", "than"], LessThan),
        (&["fewer", "than"], LessThan),
        (&["at", "most"], LessThan),
        (&["weniger", "als"], LessThan),
        (&["moins", "de"], LessThan),
        (&["close", "to"], Approx),
        (&["estimated", "at"], Approx),
        (&["estimated", "to", "be"], Approx),
        (&["an", "estimated"], Approx),
        (&["près", "de"], Approx),
        (&["over"], MoreThan),
        (&["above"], MoreThan),
        (&["exceeding"], MoreThan),
        (&["exceeded"], MoreThan),
        (&["exceeds"], MoreThan),
        (&["exceed"], MoreThan),
        (&["topping"], MoreThan),
        (&["surpassing"], MoreThan),
        (&["surpass"], MoreThan),
        (&["surpasses"], MoreThan),
        (&["dépassant"], MoreThan),
        (&["höchstens"], UpTo),
        (&["maximal"], UpTo),
        (&["über"], MoreThan),
        (&["mindestens"], AtLeast),
        (&["under"], LessThan),
        (&["below"], LessThan),
        (&["unter"], LessThan),
        (&["nearly"], Approx),
        (&["almost"], Approx),
        (&["about"], Approx),
        (&["around"], Approx),
        (&["some"], Approx),
        (&["roughly"], Approx),
        (&["approximately"], Approx),
        (&["approx"], Approx),
        (&["estimated"], Approx),
        (&["circa"], Approx),
        (&["ca"], Approx),
        (&["rund"], Approx),
        (&["etwa"], Approx),
        (&["ungefähr"], Approx),
        (&["knapp"], Approx),
        (&["environ"], Approx),
        (&["presque"], Approx),
    ]
};

/// The qualifier written before token `first`, if any.
pub(crate) fn before(text: &str, toks: &[Tok<'_>], first: usize) -> Option<Qualifier> {
    // Up to four words back, skipping quotes and a "ca." dot, within the sentence.
    let mut words: Vec<&str> = Vec::with_capacity(4);
    let mut k = first;
    while k > 0 && words.len() < 4 {
        k -= 1;
        let t = &toks[k];
        match t.kind {
            Kind::Word => words.push(t.lower.as_ref()),
            Kind::Punct if t.raw == "~" || t.raw == "≈" => {
                if words.is_empty() {
                    return Some(Qualifier::Approx);
                }
                break;
            }
            Kind::Punct if matches!(t.raw, "\"" | "“" | "„" | "«" | "'" | "‘") && words.is_empty() => continue,
            // An elision or a hyphen inside a phrase: "jusqu'à", "au-dessus de".
            Kind::Punct
                if matches!(t.raw, "'" | "’" | "-") && !words.is_empty() && k > 0 && toks[k - 1].kind == Kind::Word =>
            {
                continue
            }
            Kind::Punct if t.raw == "." && words.is_empty() && k > 0 && toks[k - 1].lower == "ca" => continue,
            _ => break,
        }
        // Stop at a paragraph break.
        if k > 0 && text[toks[k - 1].end..t.start].contains("\n\n") {
            break;
        }
    }
    words.reverse();
    for (phrase, q) in BEFORE {
        if words.len() >= phrase.len() && words[words.len() - phrase.len()..] == **phrase {
            return Some(*q);
        }
    }
    None
}

/// "USD400 billion or more", "$5 billion or so".
pub(crate) fn after(toks: &[Tok<'_>], next: usize) -> Option<Qualifier> {
    let w = |i: usize| toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.lower.as_ref());
    match (w(next), w(next + 1)) {
        (Some("or"), Some("more")) => Some(Qualifier::AtLeast),
        (Some("or"), Some("so")) => Some(Qualifier::Approx),
        (Some("or"), Some("less")) => Some(Qualifier::UpTo),
        (Some("plus"), None) => Some(Qualifier::AtLeast),
        _ => None,
    }
}
