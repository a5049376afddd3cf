//! The words the money grammar reads, in English, German and French side by
//! side: range words, fractions of a scale word, the words that may stand
//! between a number and its scale, and the words that may follow an amount
//! whose currency was left out. The grammar holds no word of its own, so a
//! language is added here, not in code.

/// What opens a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    /// "between 2 and 3", "zwischen 2 und 3", "entre 2 et 3".
    Between,
    /// "from 2 to 3", "von 2 bis 3", "de 2 à 3".
    From,
}

pub(crate) fn opener(lower: &str) -> Option<Opener> {
    Some(match lower {
        "between" | "zwischen" | "entre" => Opener::Between,
        "from" | "von" | "de" | "du" => Opener::From,
        _ => return None,
    })
}

/// The word that closes a "between" range: "and", "und", "et".
pub(crate) fn is_between_and(lower: &str) -> bool {
    matches!(lower, "and" | "und" | "et")
}

/// The word of a "from" range, also used alone ("2 bis 3 Mrd. Euro").
pub(crate) fn is_range_to(lower: &str) -> bool {
    matches!(lower, "to" | "bis" | "à" | "au")
}

/// The word between the two figures of a change when a word of change
/// stands before them: "raised from 55 to 80 million", "von 55 auf 80
/// Millionen Euro" (German "auf" is only ever a change).
pub(crate) fn is_change_to(lower: &str) -> bool {
    matches!(lower, "to" | "auf" | "à")
}

/// Words that join two figures of one list: "10 and 20 million euros",
/// "je 10 und 20 Millionen Euro", "80 000 et 140 000 dirhams".
pub(crate) fn is_list_and(lower: &str) -> bool {
    matches!(lower, "and" | "or" | "und" | "oder" | "et" | "ou")
}

/// Verbs and adverbs of change: "rose from $5bn to $6bn" and "raised its
/// pledge from 2 million to 20 million pounds" are two figures, not a range.
pub(crate) fn is_change(lower: &str) -> bool {
    matches!(
        lower,
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
            | "raising"
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
            | "double"
            | "doubles"
            | "doubling"
            | "tripled"
            | "triple"
            | "revised"
            | "upped"
            | "bumped"
            | "trimmed"
            | "slashed"
            // German
            | "stieg"
            | "steigt"
            | "gestiegen"
            | "sinkt"
            | "gesunken"
            | "erhöht"
            | "erhöhte"
            | "erhöhen"
            | "aufgestockt"
            | "stockte"
            | "gekürzt"
            | "kürzt"
            | "kürzte"
            | "gesenkt"
            | "senkt"
            | "senkte"
            | "wuchs"
            | "gewachsen"
            | "verdoppelt"
            | "verdoppeln"
            | "verdreifacht"
            | "angehoben"
            | "hebt"
            // French
            | "passe"
            | "passé"
            | "passée"
            | "passés"
            | "passées"
            | "passant"
            | "passera"
            | "augmenté"
            | "augmente"
            | "relevé"
            | "relève"
            | "porté"
            | "porte"
            | "portant"
            | "réduit"
            | "baissé"
            | "grimpé"
            | "doublé"
            | "doubler"
            | "triplé"
            | "hausse"
            | "baisse"
    )
}

/// A fraction written as a word: "half", "quarter", "third", "halbe",
/// "Viertel", "demi", "quart", "tiers". Thirds are cut to the cent.
pub(crate) fn fraction(lower: &str) -> Option<(i64, i64)> {
    Some(match lower {
        "half" | "halbe" | "halben" | "halb" | "demi" | "demie" => (1, 2),
        "quarter" | "quarters" | "viertel" | "quart" | "quarts" => (1, 4),
        "third" | "thirds" | "drittel" | "tiers" => (1, 3),
        _ => return None,
    })
}

/// The fractions a German compound of a scale word starts with:
/// "Dreiviertelmillion", "Viertelmilliarde", "Halbmilliarde". Longest first.
pub(crate) static FRACTION_PREFIXES: &[(&str, (i64, i64))] =
    &[("dreiviertel", (3, 4)), ("viertel", (1, 4)), ("halb", (1, 2))];

/// German compounds of a whole and a half: "anderthalb" (1½), "eineinhalb",
/// "zweieinhalb" (2½).
pub(crate) fn and_a_half_compound(lower: &str) -> Option<&str> {
    if lower == "anderthalb" {
        return Some("ein");
    }
    lower.strip_suffix("einhalb").filter(|w| !w.is_empty())
}

/// "one and a half billion", "un milliard et demi", "a billion and a half":
/// how many words add a half to what stands before them (0 when none do).
pub(crate) fn and_a_half_words(words: [Option<&str>; 3]) -> usize {
    match words {
        [Some("and" | "und"), Some("a" | "eine" | "ein"), Some("half" | "halbe" | "halb")] => 3,
        [Some("et"), Some("demi" | "demie"), _] => 2,
        _ => 0,
    }
}

/// Words for "a" / "one" before a fraction or a scale word: "a half",
/// "eine halbe Milliarde", "un demi-milliard".
pub(crate) fn is_one(lower: &str) -> bool {
    matches!(lower, "a" | "an" | "one" | "ein" | "eine" | "einer" | "einen" | "un" | "une")
}

/// Adjectives that may stand between a number and its scale word: "300
/// weitere Millionen Euro", "50 zusätzliche Milliarden".
pub(crate) fn is_scale_adjective(lower: &str) -> bool {
    matches!(
        lower,
        "weitere"
            | "weiteren"
            | "zusätzliche"
            | "zusätzlichen"
            | "neue"
            | "neuen"
            | "additional"
            | "further"
            | "extra"
            | "more"
            | "new"
    )
}

/// Words that may follow an amount written without a currency: prepositions,
/// conjunctions and verbs, never a noun that would say what is counted
/// ("1.4 billion people", "339 Mio. Menschen", "2 millions de personnes").
pub(crate) fn may_follow_an_ellipsis(lower: &str) -> bool {
    matches!(
        lower,
        // English
        "in" | "from" | "for" | "on" | "to" | "went" | "goes" | "go" | "covers" | "cover" | "covered" | "is" | "was"
            | "are" | "were" | "will" | "would" | "has" | "had" | "have" | "comes" | "came" | "remains"
            | "remained" | "and" | "or" | "but" | "as" | "by" | "with" | "while" | "of" | "this" | "that" | "last"
            | "earlier" | "so" | "annually" | "a" | "per" | "each" | "respectively" | "at" | "into" | "over"
            | "under" | "until" | "through" | "via" | "should" | "could" | "can" | "may" | "must"
            // German
            | "für" | "im" | "an" | "am" | "aus" | "auf" | "und" | "oder" | "als" | "zur" | "zum" | "bei" | "mit"
            | "ist" | "sind" | "war" | "waren" | "wird" | "werden" | "wurde" | "wurden" | "soll" | "sollen"
            | "sollten" | "gehen" | "geht" | "ging" | "fließen" | "fliessen" | "fließt" | "fliesst" | "kommen"
            | "kommt" | "stehen" | "steht" | "bleiben" | "bleibt" | "davon" | "dafür" | "pro" | "je" | "jährlich"
            | "jeweils" | "bis" | "nach" | "vom" | "zu" | "gegenüber" | "zusätzlich" | "mehr" | "weniger" | "sowie"
            | "entfallen" | "entfällt"
            // French
            | "pour" | "en" | "à" | "au" | "aux" | "et" | "ou" | "sont" | "est" | "seront" | "sera" | "ont" | "iront"
            | "vont" | "va" | "dans" | "sur" | "par" | "chacun" | "chacune" | "supplémentaires" | "supplémentaire"
            | "destinés" | "destinées" | "alloués" | "allouées" | "dont" | "contre" | "vers" | "déjà" | "encore"
            | "aussi" | "également"
            // adverbs: "für rund 92 Millionen noch die Bewilligung", "11 billion already"
            | "already" | "still" | "also" | "more" | "too" | "noch" | "bereits" | "schon" | "insgesamt"
            | "ebenfalls" | "auch" | "nun" | "jetzt" | "erst"
            // the particle that ends a German clause: "stehen 400 Mio. bereit"
            | "bereit" | "zurück" | "frei" | "vor" | "ab"
            // verbs of money at the end of a German clause, and their French kin
            | "zugesagt" | "zugesprochen" | "bereitgestellt" | "ausgezahlt" | "gezahlt" | "überwiesen"
            | "gespendet" | "bewilligt" | "beantragt" | "vorgesehen" | "eingeplant" | "investiert" | "ausgegeben"
            | "freigegeben" | "gewährt" | "geleistet" | "verteilt" | "versés" | "versées" | "débloqués"
            | "débloquées" | "accordés" | "accordées" | "promis" | "promises" | "investis" | "prévus" | "prévues"
            | "consacrés" | "consacrées" | "affectés" | "affectées"
    )
}

/// Nouns before a number that say it counts people, not money: "a
/// population of 44 million", "Einwohner: 4 Millionen".
pub(crate) fn counts_what_follows(lower: &str) -> bool {
    matches!(
        lower,
        "population"
            | "populations"
            | "inhabitants"
            | "residents"
            | "people"
            | "refugees"
            | "bevölkerung"
            | "einwohner"
            | "einwohnern"
            | "menschen"
            | "flüchtlinge"
            | "habitants"
            | "personnes"
            | "réfugiés"
    )
}

/// Nouns of money that may follow "de" / "d'" after an amount whose currency
/// was left out: "200 millions d'aide", "3 milliards de prêts".
pub(crate) fn is_money_noun(lower: &str) -> bool {
    matches!(
        lower,
        "aide"
            | "aides"
            | "financement"
            | "financements"
            | "prêts"
            | "prêt"
            | "dons"
            | "subventions"
            | "crédits"
            | "fonds"
            | "soutien"
            | "assistance"
            | "investissements"
            | "contributions"
            | "budget"
            | "dépenses"
            | "recettes"
            // "the 1.3 trillion target", "the 50 billion package"
            | "target"
            | "goal"
            | "package"
            | "plan"
            | "fund"
            | "deal"
            | "loan"
            | "loans"
            | "grant"
            | "grants"
            | "pledge"
            | "pledges"
            | "aid"
            | "bill"
            | "programme"
            | "program"
            | "facility"
            | "tranche"
            | "paket"
            | "hilfspaket"
            | "ziel"
            | "kredit"
            | "kredite"
            | "hilfe"
            | "hilfen"
            | "zuschüsse"
    )
}

/// German abbreviations of a scale word, which keep their dot ("5 Mio.",
/// "1,5 Mrd."): the dot belongs to the word even where a sentence ends.
pub(crate) fn is_dotted_abbreviation(lower: &str) -> bool {
    matches!(lower, "mio" | "mrd" | "mrds" | "tsd" | "md" | "mds")
}

/// Scale words of French and German, after which a comma is always the
/// decimal mark ("1,526 milliard", "2,500 Millionen"). English "million" and
/// "billion" are not among them: "1,500 billion" is read as thousands.
pub(crate) fn is_continental_scale(lower: &str) -> bool {
    matches!(
        lower,
        "milliard"
            | "milliards"
            | "millions"
            | "milliarde"
            | "milliarden"
            | "millionen"
            | "mio"
            | "mrd"
            | "mrds"
            | "md"
            | "mds"
    )
}

/// Scale words that anchor an amount written without a currency.
pub(crate) static SCALE_ANCHORS: &[&str] = &[
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "bn",
    "bln",
    "mln",
    "tn",
    "millionen",
    "milliarde",
    "milliarden",
    "milliard",
    "milliards",
    "mio",
    "mrd",
    "mrds",
    "crore",
    "crores",
    "lakh",
    "lakhs",
];
