//! What names a currency: symbols, ISO 4217 codes, and currency words in
//! English, German and French, with the minor units (cents, pence) that
//! count in hundredths of their parent.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A currency as the text names it. A bare dollar ("$", "dollars") and the
/// words several countries share ("rupees", "francs", "Kronen") are kept
/// apart so that the document can decide them later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cur {
    Iso(&'static str),
    Dollar,
    /// "penny": a British penny where the document speaks of pounds, else a
    /// cent of the document's dollar.
    Penny,
    /// A currency word that several countries use; the article's country
    /// cues pick the code (`resolve_shared`).
    Shared(Family),
    /// No currency written and none before: the next amount of the sentence
    /// gives it ("von 12,2 Milliarden im Jahr 2023 auf 11,2 Milliarden Euro").
    FromNext,
}

/// Currency words that several countries share, each with the countries
/// whose names decide it and the code taken when no country is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    Rupee,
    Franc,
    CfaFranc,
    Krone,
    Dirham,
    Dinar,
    Peso,
    Riyal,
}

/// Where a currency word may stand relative to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// "dollars 5" and "5 dollars".
    Either,
    /// Only after the number: "5 won" (the verb "won" comes before numbers).
    After,
}

#[derive(Debug)]
pub(crate) struct Name {
    pub words: Vec<&'static str>,
    pub cur: Cur,
    pub place: Place,
    /// Minor units: how many make one of the parent currency (cents: 100).
    pub per_unit: u64,
}

use Cur::{Dollar, Iso, Penny, Shared};
use Family::*;
use Place::{After, Either};

/// One row of a currency table: the words, space-separated and lower-case,
/// as one string ("new taiwan dollars").
type Row = (&'static str, Cur, Place, u64);

/// Lower-case words; several words match across spaces, dots and hyphens
/// ("U.S. dollars", "US-Dollar"). English, German and French side by side.
static NAMES: &[Row] = &[
    ("dollar", Dollar, Either, 1),
    ("dollars", Dollar, Either, 1),
    ("bucks", Iso("USD"), After, 1),
    ("euro", Iso("EUR"), Either, 1),
    ("euros", Iso("EUR"), Either, 1),
    ("pound", Iso("GBP"), After, 1),
    ("pounds", Iso("GBP"), After, 1),
    ("pounds sterling", Iso("GBP"), After, 1),
    ("pound sterling", Iso("GBP"), After, 1),
    ("sterling", Iso("GBP"), After, 1),
    ("british pound", Iso("GBP"), Either, 1),
    ("british pounds", Iso("GBP"), Either, 1),
    ("quid", Iso("GBP"), After, 1),
    ("pfund", Iso("GBP"), After, 1),
    ("pfund sterling", Iso("GBP"), After, 1),
    ("britische pfund", Iso("GBP"), After, 1),
    ("livres sterling", Iso("GBP"), After, 1),
    ("livre sterling", Iso("GBP"), After, 1),
    ("lebanese pound", Iso("LBP"), Either, 1),
    ("lebanese pounds", Iso("LBP"), Either, 1),
    ("livres libanaises", Iso("LBP"), After, 1),
    ("egyptian pound", Iso("EGP"), Either, 1),
    ("egyptian pounds", Iso("EGP"), Either, 1),
    ("egyptianpound", Iso("EGP"), After, 1),
    ("le", Iso("EGP"), After, 1),
    ("l e", Iso("EGP"), After, 1),
    ("geneh", Iso("EGP"), After, 1),
    ("sudanese pounds", Iso("SDG"), Either, 1),
    ("syrian pounds", Iso("SYP"), Either, 1),
    ("yen", Iso("JPY"), Either, 1),
    ("yens", Iso("JPY"), After, 1),
    ("japanese yen", Iso("JPY"), Either, 1),
    ("yuan", Iso("CNY"), Either, 1),
    ("yuans", Iso("CNY"), After, 1),
    ("chinese yuan", Iso("CNY"), Either, 1),
    ("renminbi", Iso("CNY"), Either, 1),
    ("rmb", Iso("CNY"), Either, 1),
    ("kuai", Iso("CNY"), After, 1),
    ("franc", Shared(Franc), After, 1),
    ("francs", Shared(Franc), After, 1),
    ("swiss franc", Iso("CHF"), Either, 1),
    ("swiss francs", Iso("CHF"), Either, 1),
    ("franc suisse", Iso("CHF"), After, 1),
    ("francs suisses", Iso("CHF"), After, 1),
    ("franken", Iso("CHF"), After, 1),
    ("schweizer franken", Iso("CHF"), After, 1),
    ("french francs", Iso("FRF"), Either, 1),
    ("belgian francs", Iso("BEF"), Either, 1),
    ("cfa franc", Shared(CfaFranc), Either, 1),
    ("cfa francs", Shared(CfaFranc), Either, 1),
    ("franc cfa", Shared(CfaFranc), After, 1),
    ("francs cfa", Shared(CfaFranc), After, 1),
    ("f cfa", Shared(CfaFranc), After, 1),
    ("fcfa", Shared(CfaFranc), Either, 1),
    ("cfa", Shared(CfaFranc), After, 1),
    ("congolese francs", Iso("CDF"), Either, 1),
    ("francs congolais", Iso("CDF"), After, 1),
    ("rwandan francs", Iso("RWF"), Either, 1),
    ("francs rwandais", Iso("RWF"), After, 1),
    ("guinean francs", Iso("GNF"), Either, 1),
    ("francs guinéens", Iso("GNF"), After, 1),
    ("burundian francs", Iso("BIF"), Either, 1),
    ("francs burundais", Iso("BIF"), After, 1),
    ("rupee", Shared(Rupee), Either, 1),
    ("rupees", Shared(Rupee), Either, 1),
    ("rupien", Shared(Rupee), After, 1),
    ("roupies", Shared(Rupee), After, 1),
    ("roupie", Shared(Rupee), After, 1),
    ("rs", Shared(Rupee), Either, 1),
    ("indian rupees", Iso("INR"), Either, 1),
    ("indische rupien", Iso("INR"), After, 1),
    ("roupies indiennes", Iso("INR"), After, 1),
    ("pakistani rupees", Iso("PKR"), Either, 1),
    ("pakistanische rupien", Iso("PKR"), After, 1),
    ("roupies pakistanaises", Iso("PKR"), After, 1),
    ("sri lankan rupees", Iso("LKR"), Either, 1),
    ("ரூ", Iso("LKR"), Either, 1),
    ("nepalese rupees", Iso("NPR"), Either, 1),
    ("nepali rupees", Iso("NPR"), Either, 1),
    ("hryvnia", Iso("UAH"), After, 1),
    ("hryvnias", Iso("UAH"), After, 1),
    ("hryvnya", Iso("UAH"), After, 1),
    ("hryvnyas", Iso("UAH"), After, 1),
    ("hryvni", Iso("UAH"), After, 1),
    ("hryvnas", Iso("UAH"), After, 1),
    ("griwna", Iso("UAH"), After, 1),
    ("hrywnja", Iso("UAH"), After, 1),
    ("hryvnias ukrainiennes", Iso("UAH"), After, 1),
    ("rouble", Iso("RUB"), After, 1),
    ("roubles", Iso("RUB"), After, 1),
    ("ruble", Iso("RUB"), After, 1),
    ("rubles", Iso("RUB"), After, 1),
    ("rubel", Iso("RUB"), After, 1),
    ("markka", Iso("FIM"), After, 1),
    ("finnish markka", Iso("FIM"), After, 1),
    ("finnische mark", Iso("FIM"), After, 1),
    ("deutsche mark", Iso("DEM"), After, 1),
    ("deutschmarks", Iso("DEM"), After, 1),
    ("peseta", Iso("ESP"), After, 1),
    ("pesetas", Iso("ESP"), After, 1),
    ("guilder", Iso("NLG"), After, 1),
    ("guilders", Iso("NLG"), After, 1),
    ("dutch guilders", Iso("NLG"), After, 1),
    ("peso", Shared(Peso), After, 1),
    ("pesos", Shared(Peso), After, 1),
    ("mexican pesos", Iso("MXN"), Either, 1),
    ("argentine pesos", Iso("ARS"), Either, 1),
    ("philippine pesos", Iso("PHP"), Either, 1),
    ("colombian pesos", Iso("COP"), Either, 1),
    ("chilean pesos", Iso("CLP"), Either, 1),
    ("lira", Iso("TRY"), After, 1),
    ("liras", Iso("TRY"), After, 1),
    ("turkish lira", Iso("TRY"), Either, 1),
    ("turkish liras", Iso("TRY"), Either, 1),
    ("türkische lira", Iso("TRY"), After, 1),
    ("livres turques", Iso("TRY"), After, 1),
    ("riel", Iso("KHR"), After, 1),
    ("kambodschanische riel", Iso("KHR"), After, 1),
    ("dinar", Shared(Dinar), After, 1),
    ("dinars", Shared(Dinar), After, 1),
    ("kuwaiti dinar", Iso("KWD"), Either, 1),
    ("kuwaiti dinars", Iso("KWD"), Either, 1),
    ("iraqi dinars", Iso("IQD"), Either, 1),
    ("jordanian dinars", Iso("JOD"), Either, 1),
    ("serbian dinars", Iso("RSD"), Either, 1),
    ("algerian dinars", Iso("DZD"), Either, 1),
    ("dinars algériens", Iso("DZD"), After, 1),
    ("tunisian dinars", Iso("TND"), Either, 1),
    ("dinars tunisiens", Iso("TND"), After, 1),
    ("dirham", Shared(Dirham), After, 1),
    ("dirhams", Shared(Dirham), After, 1),
    ("moroccan dirhams", Iso("MAD"), Either, 1),
    ("dirhams marocains", Iso("MAD"), After, 1),
    ("uae dirhams", Iso("AED"), Either, 1),
    ("emirati dirhams", Iso("AED"), Either, 1),
    ("riyal", Shared(Riyal), After, 1),
    ("riyals", Shared(Riyal), After, 1),
    ("saudi riyal", Iso("SAR"), Either, 1),
    ("saudi riyals", Iso("SAR"), Either, 1),
    ("saudiriyal", Iso("SAR"), After, 1),
    ("qatari riyal", Iso("QAR"), Either, 1),
    ("qatari riyals", Iso("QAR"), Either, 1),
    ("rial", Iso("IRR"), After, 1),
    ("rials", Iso("IRR"), After, 1),
    ("omani rials", Iso("OMR"), Either, 1),
    ("shekel", Iso("ILS"), After, 1),
    ("shekels", Iso("ILS"), After, 1),
    ("schekel", Iso("ILS"), After, 1),
    ("ringgit", Iso("MYR"), Either, 1),
    ("ringgits", Iso("MYR"), Either, 1),
    ("malaysia ringgit", Iso("MYR"), Either, 1),
    ("malaysia ringgits", Iso("MYR"), Either, 1),
    ("malaysian ringgit", Iso("MYR"), Either, 1),
    ("malaysian ringgits", Iso("MYR"), Either, 1),
    ("rm", Iso("MYR"), Either, 1),
    ("tugrik", Iso("MNT"), After, 1),
    ("tugriks", Iso("MNT"), After, 1),
    ("bitcoin", Iso("BTC"), After, 1),
    ("bitcoins", Iso("BTC"), After, 1),
    ("zloty", Iso("PLN"), After, 1),
    ("zlotys", Iso("PLN"), After, 1),
    ("złoty", Iso("PLN"), After, 1),
    ("złotych", Iso("PLN"), After, 1),
    ("kronor", Iso("SEK"), After, 1),
    ("krona", Iso("SEK"), After, 1),
    ("swedish kronor", Iso("SEK"), Either, 1),
    ("swedish krona", Iso("SEK"), Either, 1),
    ("schwedische kronen", Iso("SEK"), After, 1),
    ("schwedischen kronen", Iso("SEK"), After, 1),
    ("couronnes suédoises", Iso("SEK"), After, 1),
    ("norwegian kroner", Iso("NOK"), Either, 1),
    ("norwegian krone", Iso("NOK"), Either, 1),
    ("norwegische kronen", Iso("NOK"), After, 1),
    ("norwegischen kronen", Iso("NOK"), After, 1),
    ("couronnes norvégiennes", Iso("NOK"), After, 1),
    ("danish kroner", Iso("DKK"), Either, 1),
    ("danish krone", Iso("DKK"), Either, 1),
    ("dänische kronen", Iso("DKK"), After, 1),
    ("dänischen kronen", Iso("DKK"), After, 1),
    ("couronnes danoises", Iso("DKK"), After, 1),
    ("icelandic kronur", Iso("ISK"), Either, 1),
    ("icelandic krona", Iso("ISK"), Either, 1),
    ("kroner", Shared(Krone), After, 1),
    ("krone", Shared(Krone), After, 1),
    ("kronen", Shared(Krone), After, 1),
    ("couronnes", Shared(Krone), After, 1),
    ("won", Iso("KRW"), After, 1),
    ("south korean won", Iso("KRW"), Either, 1),
    ("reais", Iso("BRL"), After, 1),
    ("brazilian reais", Iso("BRL"), After, 1),
    ("rand", Iso("ZAR"), After, 1),
    ("forint", Iso("HUF"), After, 1),
    ("forints", Iso("HUF"), After, 1),
    ("koruna", Iso("CZK"), After, 1),
    ("korunas", Iso("CZK"), After, 1),
    ("czech koruna", Iso("CZK"), Either, 1),
    ("tschechische kronen", Iso("CZK"), After, 1),
    ("tschechischen kronen", Iso("CZK"), After, 1),
    ("lei", Iso("RON"), After, 1),
    ("leva", Iso("BGN"), After, 1),
    ("lari", Iso("GEL"), After, 1),
    ("tenge", Iso("KZT"), After, 1),
    ("manat", Iso("AZN"), After, 1),
    ("baht", Iso("THB"), After, 1),
    ("rupiah", Iso("IDR"), After, 1),
    ("naira", Iso("NGN"), After, 1),
    ("cedi", Iso("GHS"), After, 1),
    ("cedis", Iso("GHS"), After, 1),
    ("taka", Iso("BDT"), After, 1),
    ("kyat", Iso("MMK"), After, 1),
    ("kyats", Iso("MMK"), After, 1),
    ("afghani", Iso("AFN"), After, 1),
    ("afghanis", Iso("AFN"), After, 1),
    ("birr", Iso("ETB"), After, 1),
    ("kwacha", Iso("ZMW"), After, 1),
    ("shilling", Iso("KES"), After, 1),
    ("shillings", Iso("KES"), After, 1),
    ("kenyan shillings", Iso("KES"), Either, 1),
    ("ugandan shillings", Iso("UGX"), Either, 1),
    ("tanzanian shillings", Iso("TZS"), Either, 1),
    // The IMF's unit of account, in the three languages.
    ("special drawing rights", Iso("XDR"), After, 1),
    ("sdr", Iso("XDR"), Either, 1),
    ("sdrs", Iso("XDR"), After, 1),
    ("dts", Iso("XDR"), After, 1),
    ("droits de tirage spéciaux", Iso("XDR"), After, 1),
    ("droits de tirages spéciaux", Iso("XDR"), After, 1),
    ("sonderziehungsrechte", Iso("XDR"), After, 1),
    ("sonderziehungsrechten", Iso("XDR"), After, 1),
    // Minor units: hundredths of their parent.
    ("cent", Dollar, After, 100),
    ("cents", Dollar, After, 100),
    ("c", Dollar, After, 100),
    ("penny", Penny, After, 100),
    ("pennies", Penny, After, 100),
    ("pence", Iso("GBP"), After, 100),
    ("sen", Iso("MYR"), After, 100),
    ("sens", Iso("MYR"), After, 100),
    ("kopiyka", Iso("UAH"), After, 100),
    ("kopiykas", Iso("UAH"), After, 100),
    ("kopecks", Iso("RUB"), After, 100),
    ("kopeks", Iso("RUB"), After, 100),
    ("satoshi", Iso("BTC"), After, 100_000_000),
    ("satoshis", Iso("BTC"), After, 100_000_000),
];

/// The words that name a country's dollar, before "dollar(s)" in English
/// and German ("New Taiwan dollars", "kanadische Dollar", "US-Dollar").
static DOLLAR_BEFORE: &[(&str, &str)] = &[
    ("us", "USD"),
    ("u s", "USD"),
    ("american", "USD"),
    ("united states", "USD"),
    ("amerikanische", "USD"),
    ("amerikanischen", "USD"),
    ("canadian", "CAD"),
    ("canada", "CAD"),
    ("kanadische", "CAD"),
    ("kanadischen", "CAD"),
    ("australian", "AUD"),
    ("australia", "AUD"),
    ("aussie", "AUD"),
    ("australische", "AUD"),
    ("australischen", "AUD"),
    ("new zealand", "NZD"),
    ("nz", "NZD"),
    ("neuseeland", "NZD"),
    ("neuseeländische", "NZD"),
    ("hong kong", "HKD"),
    ("hongkong", "HKD"),
    ("hk", "HKD"),
    ("singapore", "SGD"),
    ("singaporean", "SGD"),
    ("singapur", "SGD"),
    ("taiwan", "TWD"),
    ("new taiwan", "TWD"),
    ("taiwanese", "TWD"),
    ("taiwanesische", "TWD"),
    ("jamaican", "JMD"),
    ("namibian", "NAD"),
    ("fiji", "FJD"),
    ("fijian", "FJD"),
    ("liberian", "LRD"),
    ("zimbabwe", "ZWL"),
    ("zimbabwean", "ZWL"),
    ("bahamian", "BSD"),
    ("barbados", "BBD"),
    ("barbadian", "BBD"),
    ("belize", "BZD"),
    ("brunei", "BND"),
    ("east caribbean", "XCD"),
    ("guyanese", "GYD"),
    ("trinidad and tobago", "TTD"),
    ("solomon islands", "SBD"),
];

/// The words that name a country's dollar after "dollar(s)", in French
/// ("dollars canadiens", "dollars de Hong Kong", "dollars US").
static DOLLAR_AFTER: &[(&str, &str)] = &[
    ("us", "USD"),
    ("américains", "USD"),
    ("américain", "USD"),
    ("canadiens", "CAD"),
    ("canadien", "CAD"),
    ("australiens", "AUD"),
    ("australien", "AUD"),
    ("néo zélandais", "NZD"),
    ("de hong kong", "HKD"),
    ("de hongkong", "HKD"),
    ("de singapour", "SGD"),
    ("singapouriens", "SGD"),
    ("taïwanais", "TWD"),
    ("de taïwan", "TWD"),
];

/// Every currency name: the table, and each country's dollar in both orders.
fn all_names() -> &'static [Name] {
    static ALL: OnceLock<Vec<Name>> = OnceLock::new();
    ALL.get_or_init(|| {
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        let mut out: Vec<Name> =
            NAMES.iter().map(|&(w, cur, place, per_unit)| Name { words: words(w), cur, place, per_unit }).collect();
        for &(before, code) in DOLLAR_BEFORE {
            for dollar in ["dollar", "dollars"] {
                let mut w = words(before);
                w.push(dollar);
                out.push(Name { words: w, cur: Iso(code), place: Either, per_unit: 1 });
            }
        }
        for &(after, code) in DOLLAR_AFTER {
            for dollar in ["dollar", "dollars"] {
                let mut w = vec![dollar];
                w.extend(words(after));
                out.push(Name { words: w, cur: Iso(code), place: After, per_unit: 1 });
            }
        }
        out
    })
}

/// ISO 4217 codes written as words ("USD 5", "5 EUR", "USD278"). SDG, the
/// Sudanese pound, is left out: aid news means a Sustainable Development
/// Goal by it ("SDG 17"); "Sudanese pounds" names that money.
static CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "UAH", "RUB", "PLN", "SEK", "NOK",
    "DKK", "CZK", "HUF", "RON", "BGN", "TRY", "INR", "PKR", "LKR", "NPR", "BRL", "MXN", "ARS", "CLP", "COP", "PEN",
    "ZAR", "NGN", "KES", "EGP", "LBP", "KWD", "QAR", "SAR", "AED", "OMR", "BHD", "JOD", "IQD", "IRR", "ILS", "MYR",
    "IDR", "THB", "VND", "PHP", "KRW", "TWD", "MNT", "KZT", "GEL", "AZN", "AMD", "BYN", "MDL", "RSD", "ISK", "BTC",
    "XAU", "XDR", "KHR", "LAK", "CRC", "FIM", "DEM", "FRF", "ESP", "NLG", "ITL", "BEF", "ATS", "XOF", "XAF", "UZS",
    "TJS", "KGS", "TMT", "ALL", "MKD", "BAM", "DZD", "MAD", "TND", "LYD", "ETB", "GHS", "TZS", "UGX", "ZMW", "BDT",
    "MMK", "RMB", "AFN", "CDF", "RWF", "GNF", "BIF", "DJF", "KMF", "SYP", "NAD", "FJD", "LRD", "ZWL", "BSD", "BBD",
    "BZD", "BND", "XCD", "GYD", "TTD", "SBD", "YER", "DOP", "UYU", "MUR",
];

/// Codes that may also be written in lower case: the rest read as words
/// ("try", "all", "pen") far more often than as money.
static LOWER_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "cny", "chf", "cad", "aud", "nzd", "hkd", "uah", "rub", "inr", "rmb", "mxn", "myr",
    "btc", "brl", "sgd", "egp", "kwd", "qar", "sar", "ils", "mnt", "bgn", "lbp",
];

/// Codes that are also common English words: only in upper case and only
/// right beside a number do they name money.
static WORDLIKE_CODES: &[&str] = &["ALL", "PEN", "TRY", "TOP", "CUP", "MOP", "BAM"];

pub(crate) fn code(raw: &str) -> Option<&'static str> {
    if raw.len() != 3 {
        return None;
    }
    if raw.bytes().all(|b| b.is_ascii_uppercase()) {
        let hit = CODES.iter().find(|c| **c == raw)?;
        return Some(if *hit == "RMB" { "CNY" } else { hit });
    }
    let lower = LOWER_CODES.iter().find(|c| **c == raw)?;
    let upper = CODES.iter().find(|c| c.eq_ignore_ascii_case(lower))?;
    Some(if *upper == "RMB" { "CNY" } else { upper })
}

/// Codes that, glued to a small number, name a meeting: "COP29" is the UN
/// climate conference far more often than 29 Colombian pesos.
pub(crate) fn code_also_names_a_meeting(code: &str) -> bool {
    code == "COP"
}

pub(crate) fn code_is_wordlike(code: &str) -> bool {
    WORDLIKE_CODES.contains(&code)
}

/// Letters written before a `$` that name the dollar: "US$", "C$", "HK$", "usd$".
pub(crate) fn dollar_prefix(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "us" | "usd" | "u.s" | "u.s." => "USD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "nz" | "nzd" => "NZD",
        "hk" | "hkd" => "HKD",
        "s" | "sg" | "sgd" => "SGD",
        "r" => "BRL",
        "mex" | "mx" | "mxn" => "MXN",
        "nt" | "twd" => "TWD",
        "j" => "JMD",
        _ => return None,
    })
}

pub(crate) fn symbol(c: char) -> Option<(Cur, u64)> {
    Some(match c {
        '$' => (Dollar, 1),
        '€' => (Iso("EUR"), 1),
        '£' => (Iso("GBP"), 1),
        '¥' => (Iso("JPY"), 1),
        '元' => (Iso("CNY"), 1),
        '₴' => (Iso("UAH"), 1),
        '₽' => (Iso("RUB"), 1),
        '₹' => (Iso("INR"), 1),
        '₩' => (Iso("KRW"), 1),
        '₡' => (Iso("CRC"), 1),
        '₾' => (Iso("GEL"), 1),
        '₭' => (Iso("LAK"), 1),
        '₿' => (Iso("BTC"), 1),
        '₺' => (Iso("TRY"), 1),
        '₦' => (Iso("NGN"), 1),
        '₱' => (Iso("PHP"), 1),
        '₪' => (Iso("ILS"), 1),
        '₸' => (Iso("KZT"), 1),
        '₼' => (Iso("AZN"), 1),
        '₫' => (Iso("VND"), 1),
        '฿' => (Iso("THB"), 1),
        '¢' => (Dollar, 100),
        _ => return None,
    })
}

/// Names indexed by their first word, longest first.
pub(crate) fn names_starting_with(word: &str) -> &'static [&'static Name] {
    static INDEX: OnceLock<FxHashMap<&'static str, Vec<&'static Name>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut map: FxHashMap<&'static str, Vec<&'static Name>> = FxHashMap::default();
        for name in all_names() {
            map.entry(name.words[0]).or_default().push(name);
        }
        for list in map.values_mut() {
            list.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
        }
        map
    });
    index.get(word).map(Vec::as_slice).unwrap_or(&[])
}

/// The words the scanner looks for: the last word of every currency name
/// (the words before it are read from the window) and the codes, leaving out
/// codes that are common words ("all", "try") and one-letter words, which
/// would match everywhere; the number or symbol beside those anchors it.
pub(crate) fn anchor_words() -> Vec<String> {
    let names = all_names();
    let is_name = |w: &str| names.iter().any(|n| n.words.len() == 1 && n.words[0] == w);
    // A name that starts with a name of its own ("dollars canadiens") is
    // found from that first word; anchoring its last ("us") would wake the
    // parser at every pronoun.
    let mut words: Vec<String> = names
        .iter()
        .filter(|n| n.words.len() == 1 || !is_name(n.words[0]))
        .map(|n| n.words[n.words.len() - 1].to_string())
        .collect();
    words.extend(CODES.iter().filter(|c| !code_is_wordlike(c)).map(|c| c.to_string()));
    words.retain(|w| w.chars().count() > 1);
    words.sort();
    words.dedup();
    words
}

/// True when a document names a dollar other than the US one in words
/// ("Canadian dollars"): then its bare "$" is that dollar.
pub(crate) fn named_dollar(lower_first: &str, lower_second: &str) -> Option<&'static str> {
    for name in names_starting_with(lower_first) {
        if name.words.len() == 2 && name.words[1] == lower_second && name.words[1].starts_with("dollar") {
            if let Iso(code) = name.cur {
                return Some(code);
            }
        }
    }
    None
}

impl Family {
    /// The code a word of the family means when the article names none of
    /// its countries: the one most news means by it.
    pub(crate) fn default_code(self) -> &'static str {
        match self {
            Rupee => "INR",
            Franc => "CHF",
            CfaFranc => "XOF",
            Krone => "DKK",
            Dirham => "MAD",
            Dinar => "KWD",
            Peso => "MXN",
            Riyal => "SAR",
        }
    }

    /// The countries that decide the family's word, each as (code, the
    /// words that name it: country, people, capital, central bank),
    /// capitalised as written, in English, German and French.
    fn countries(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Rupee => &[
                ("INR", INDIA),
                (
                    "PKR",
                    &[
                        "Pakistan",
                        "Pakistani",
                        "Pakistanis",
                        "Islamabad",
                        "Karachi",
                        "Lahore",
                        "Sindh",
                        "Balochistan",
                        "Khyber Pakhtunkhwa",
                        "Peshawar",
                        "Rawalpindi",
                        "Pakistans",
                        "pakistanais",
                    ],
                ),
                ("LKR", &["Sri Lanka", "Sri Lankan", "Sri Lankans", "Colombo"]),
                ("NPR", &["Nepal", "Nepali", "Nepalese", "Kathmandu", "Népal"]),
                ("MUR", &["Mauritius", "Maurice", "Port Louis"]),
            ],
            Franc => &[
                ("CHF", SWITZERLAND),
                ("XOF", CFA_WEST),
                ("XAF", CFA_CENTRAL),
                (
                    "CDF",
                    &[
                        "RDC",
                        "DRC",
                        "Kinshasa",
                        "République démocratique du Congo",
                        "Democratic Republic of the Congo",
                        "Democratic Republic of Congo",
                    ],
                ),
                ("RWF", &["Rwanda", "Rwandan", "Kigali"]),
                ("BIF", &["Burundi", "Bujumbura"]),
                ("GNF", &["Guinée", "Guinea", "Conakry"]),
                ("DJF", &["Djibouti"]),
                ("KMF", &["Comores", "Comoros"]),
            ],
            CfaFranc => &[("XOF", CFA_WEST), ("XAF", CFA_CENTRAL)],
            Krone => &[
                ("DKK", &["Denmark", "Danish", "Dänemark", "Danemark", "Copenhagen", "Kopenhagen", "Copenhague"]),
                ("NOK", &["Norway", "Norwegian", "Norwegen", "Norvège", "Oslo"]),
                ("SEK", &["Sweden", "Swedish", "Schweden", "Suède", "Stockholm"]),
                ("CZK", &["Czech", "Czechia", "Tschechien", "Prague", "Prag", "Tchéquie"]),
                ("ISK", &["Iceland", "Icelandic", "Islande", "Reykjavik"]),
            ],
            Dirham => &[
                (
                    "MAD",
                    &[
                        "Morocco",
                        "Moroccan",
                        "Moroccans",
                        "Marokko",
                        "Maroc",
                        "Rabat",
                        "Casablanca",
                        "Marrakech",
                        "Marrakesh",
                        "Bank Al-Maghrib",
                    ],
                ),
                (
                    "AED",
                    &[
                        "UAE",
                        "United Arab Emirates",
                        "Emirates",
                        "Emirati",
                        "Dubai",
                        "Abu Dhabi",
                        "Vereinigte Arabische Emirate",
                        "Émirats arabes unis",
                        "Émirats",
                    ],
                ),
            ],
            Dinar => &[
                ("KWD", &["Kuwait", "Kuwaiti", "Koweït"]),
                ("IQD", &["Iraq", "Iraqi", "Baghdad", "Irak", "Bagdad"]),
                ("JOD", &["Jordan", "Jordanian", "Amman", "Jordanien", "Jordanie"]),
                ("BHD", &["Bahrain", "Bahreïn"]),
                ("DZD", &["Algeria", "Algerian", "Algérie", "Algerien", "Alger", "Algier"]),
                ("TND", &["Tunisia", "Tunisian", "Tunisie", "Tunesien", "Tunis"]),
                ("LYD", &["Libya", "Libyan", "Libye", "Libyen", "Tripoli"]),
                ("RSD", &["Serbia", "Serbian", "Serbien", "Serbie", "Belgrade", "Belgrad"]),
            ],
            Peso => &[
                ("MXN", &["Mexico", "Mexican", "Mexiko", "Mexique"]),
                ("PHP", &["Philippines", "Philippine", "Filipino", "Manila", "Philippinen"]),
                ("ARS", &["Argentina", "Argentine", "Argentinien", "Buenos Aires"]),
                ("COP", &["Colombia", "Colombian", "Kolumbien", "Colombie", "Bogotá", "Bogota"]),
                ("CLP", &["Chile", "Chilean", "Chili"]),
                ("CUP", &["Cuba", "Cuban", "Kuba", "Havana", "La Havane"]),
                ("DOP", &["Dominican Republic", "Santo Domingo"]),
                ("UYU", &["Uruguay", "Montevideo"]),
            ],
            Riyal => &[
                ("SAR", &["Saudi", "Saudi Arabia", "Riyadh", "Saudi-Arabien", "Arabie saoudite"]),
                ("QAR", &["Qatar", "Katar", "Doha"]),
                ("YER", &["Yemen", "Jemen", "Yémen", "Sanaa"]),
                ("OMR", &["Oman", "Muscat"]),
            ],
        }
    }

    const ALL: [Family; 8] = [Rupee, Franc, CfaFranc, Krone, Dirham, Dinar, Peso, Riyal];
}

/// The countries that decide a bare "$" in an article that names no dollar
/// (see `dollar_country`), as (code, the words that name the country).
const DOLLAR_COUNTRIES: &[(&str, &[&str])] = &[
    (
        "USD",
        &[
            "US",
            "U.S.",
            "USA",
            "United States",
            "America",
            "American",
            "Americans",
            "Washington",
            "Congress",
            "Pentagon",
            "White House",
            "USAID",
            "House of Representatives",
            "Senate",
            "Republican",
            "Republicans",
            "Democrat",
            "Democrats",
            "GOP",
            "Treasury",
            "Federal Reserve",
            "Wall Street",
            "New York",
            "Biden",
            "Trump",
            "Vereinigte Staaten",
            "Vereinigten Staaten",
            "États-Unis",
            "Etats-Unis",
            "américain",
            "américaine",
        ],
    ),
    ("AUD", &["Australia", "Australian", "Australians", "Canberra", "Australien", "Australie"]),
    ("CAD", &["Canada", "Canadian", "Canadians", "Ottawa", "Kanada"]),
    ("NZD", &["New Zealand", "Wellington", "Neuseeland", "Nouvelle-Zélande"]),
    // Singapore, Hong Kong and Taiwan are left out: English news
    // writes their dollars S$, HK$ and NT$, and names them as
    // recipients of US money ("aid for Ukraine, Israel and Taiwan").
];

const INDIA: &[&str] = &[
    "India",
    "Indian",
    "Indians",
    "Indien",
    "Inde",
    "New Delhi",
    "Delhi",
    "Mumbai",
    "Kolkata",
    "Chennai",
    "Bengaluru",
    "Hyderabad",
    "Lok Sabha",
    "Rajya Sabha",
    "Reserve Bank of India",
    "Kerala",
    "Assam",
    "Bihar",
    "Maharashtra",
    "Uttar Pradesh",
    "Karnataka",
    "Tamil Nadu",
    "Odisha",
    "Gujarat",
    "Rajasthan",
    "West Bengal",
    "Uttarakhand",
    "Himachal Pradesh",
    "Andhra Pradesh",
    "Telangana",
];
const SWITZERLAND: &[&str] = &[
    "Switzerland",
    "Swiss",
    "Schweiz",
    "Schweizer",
    "Suisse",
    "suisse",
    "suisses",
    "Bern",
    "Berne",
    "Geneva",
    "Genf",
    "Genève",
    "Zurich",
    "Zürich",
    "Lausanne",
    "Basel",
    "Bâle",
    "Eidgenossenschaft",
    "Confédération",
    "DEZA",
    "DDC",
    "SECO",
    "Bundesrat",
    "Conseil fédéral",
    "Federal Council",
];
const CFA_WEST: &[&str] = &[
    "Senegal",
    "Sénégal",
    "Senegalese",
    "sénégalais",
    "Côte d'Ivoire",
    "Côte d’Ivoire",
    "Ivory Coast",
    "ivoirien",
    "Mali",
    "Malian",
    "malien",
    "Burkina Faso",
    "Burkina",
    "Niger",
    "Togo",
    "Bénin",
    "Benin",
    "Guinea-Bissau",
    "Guinée-Bissau",
    "UEMOA",
    "BCEAO",
    "WAEMU",
    "Dakar",
    "Abidjan",
    "Bamako",
    "Ouagadougou",
    "Niamey",
    "Lomé",
    "Cotonou",
];
const CFA_CENTRAL: &[&str] = &[
    "Cameroon",
    "Cameroun",
    "Cameroonian",
    "camerounais",
    "Gabon",
    "gabonais",
    "Chad",
    "Tchad",
    "tchadien",
    "Centrafrique",
    "Central African Republic",
    "République centrafricaine",
    "Equatorial Guinea",
    "Guinée équatoriale",
    "Congo-Brazzaville",
    "Brazzaville",
    "CEMAC",
    "BEAC",
    "Yaoundé",
    "Douala",
    "Libreville",
    "N'Djamena",
    "Bangui",
    "Malabo",
];

/// Which code each shared currency word means in `text`: the country named
/// most often (an ISO code the text writes counts twice), else the family's
/// default. Only the families in `needed` are worked out.
pub(crate) fn resolve_shared(
    text: &str,
    needed: &[Family],
    written_codes: &[&'static str],
) -> Vec<(Family, &'static str)> {
    let counts = count_countries(text, needed);
    needed
        .iter()
        .map(|&family| {
            // The default is listed first, so a tie keeps it.
            let mut best = (family.default_code(), 0usize);
            for &(code, _) in family.countries() {
                let n = counts.get(&(family, code)).copied().unwrap_or(0)
                    + 2 * written_codes.iter().filter(|c| **c == code).count();
                if n > best.1 {
                    best = (code, n);
                }
            }
            (family, best.0)
        })
        .collect()
}

/// The dollar a bare "$" is in an article that names no dollar in words or
/// letters: another country's only when the article names that country at
/// least twice, no other dollar country, and the United States not at all
/// (an Australian government page: "Australia announced $2 million").
pub(crate) fn dollar_country(text: &str) -> Option<&'static str> {
    use aho_corasick::{AhoCorasick, MatchKind};
    // The dollar countries' words alone: few enough for the automaton's
    // vector prefilter, since this scan reads most English articles whole.
    static CUES: OnceLock<(AhoCorasick, Vec<&'static str>)> = OnceLock::new();
    let (ac, codes) = CUES.get_or_init(|| {
        let pairs: Vec<(&'static str, &'static str)> =
            DOLLAR_COUNTRIES.iter().flat_map(|&(code, words)| words.iter().map(move |w| (*w, code))).collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(pairs.iter().map(|(w, _)| w))
            .expect("the country words are fixed and valid");
        (ac, pairs.iter().map(|(_, c)| *c).collect())
    });
    let mut found: Option<(&'static str, usize)> = None;
    for m in ac.find_iter(text) {
        if !whole_word(text, m.start(), m.end()) {
            continue;
        }
        let code = codes[m.pattern().as_usize()];
        match found {
            // Most news that writes "$" names the United States early: the scan stops there.
            _ if code == "USD" => return None,
            Some((c, _)) if c != code => found = Some(("", 0)),
            Some((c, n)) => found = Some((c, n + 1)),
            None => found = Some((code, 1)),
        }
    }
    match found {
        Some((code, n)) if !code.is_empty() && n >= 2 => Some(code),
        _ => None,
    }
}

/// Whether `text[start..end]` stands as a word of its own; a genitive s may
/// follow it ("Pakistans").
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = text[..start].chars().next_back();
    let mut rest = text[end..].chars();
    let after = rest.next();
    let ends_word = !word_char(after) || (after == Some('s') && !word_char(rest.next()));
    !word_char(before) && ends_word
}

/// The country words as one automaton, and for each word the (family, code)
/// pairs it decides.
type CountryCues = (aho_corasick::AhoCorasick, Vec<Vec<(Family, &'static str)>>);

/// How often `text` names each country of the `needed` families.
fn count_countries(text: &str, needed: &[Family]) -> FxHashMap<(Family, &'static str), usize> {
    let mut counts: FxHashMap<(Family, &'static str), usize> = FxHashMap::default();
    for_each_country(text, &mut |family, code| {
        if needed.contains(&family) {
            *counts.entry((family, code)).or_default() += 1;
        }
    });
    counts
}

/// Calls `each` with the (family, code) pairs of every country word `text`
/// names, whole words only, in order.
fn for_each_country(text: &str, each: &mut dyn FnMut(Family, &'static str)) {
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
    // Every country word once, each pointing at the (family, code) pairs it decides.
    static CUES: OnceLock<CountryCues> = OnceLock::new();
    let (ac, decides) = CUES.get_or_init(|| {
        let mut words: Vec<&'static str> = Vec::new();
        let mut decides: Vec<Vec<(Family, &'static str)>> = Vec::new();
        for family in Family::ALL {
            for &(code, names) in family.countries() {
                for &w in names {
                    let at = match words.iter().position(|x| *x == w) {
                        Some(i) => i,
                        None => {
                            words.push(w);
                            decides.push(Vec::new());
                            words.len() - 1
                        }
                    };
                    decides[at].push((family, code));
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // A full DFA: this scan reads a whole article.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .expect("the country words are fixed and valid");
        (ac, decides)
    });
    for m in ac.find_iter(text) {
        if !whole_word(text, m.start(), m.end()) {
            continue;
        }
        for &(family, code) in &decides[m.pattern().as_usize()] {
            each(family, code);
        }
    }
}
