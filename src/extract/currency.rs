//! What names a currency: symbols, ISO 4217 codes, and currency words in
//! English, German and French, with the minor units (cents, pence) that
//! count in hundredths of their parent.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A currency as the text names it. A bare dollar ("$", "dollars") is kept
/// apart so that the document's own dollar can decide it later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cur {
    Iso(&'static str),
    Dollar,
    /// "penny": a British penny where the document speaks of pounds, else a
    /// cent of the document's dollar.
    Penny,
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
    pub words: &'static [&'static str],
    pub cur: Cur,
    pub place: Place,
    /// Minor units: how many make one of the parent currency (cents: 100).
    pub per_unit: u64,
}

use Cur::{Dollar, Iso, Penny};
use Place::{After, Either};

macro_rules! names {
    ($( [$($w:literal),+] => $cur:expr, $place:expr, $per:literal; )*) => {
        &[ $( Name { words: &[$($w),+], cur: $cur, place: $place, per_unit: $per }, )* ]
    };
}

/// Lower-case words; several words match across spaces, dots and hyphens
/// ("U.S. dollars", "US-Dollar").
static NAMES: &[Name] = names! {
    ["dollar"] => Dollar, Either, 1;
    ["dollars"] => Dollar, Either, 1;
    ["us", "dollar"] => Iso("USD"), Either, 1;
    ["us", "dollars"] => Iso("USD"), Either, 1;
    ["u", "s", "dollar"] => Iso("USD"), Either, 1;
    ["u", "s", "dollars"] => Iso("USD"), Either, 1;
    ["american", "dollars"] => Iso("USD"), After, 1;
    ["united", "states", "dollars"] => Iso("USD"), After, 1;
    ["bucks"] => Iso("USD"), After, 1;
    ["canadian", "dollar"] => Iso("CAD"), Either, 1;
    ["canadian", "dollars"] => Iso("CAD"), Either, 1;
    ["kanadische", "dollar"] => Iso("CAD"), After, 1;
    ["kanadischen", "dollar"] => Iso("CAD"), After, 1;
    ["australian", "dollar"] => Iso("AUD"), Either, 1;
    ["australian", "dollars"] => Iso("AUD"), Either, 1;
    ["new", "zealand", "dollar"] => Iso("NZD"), Either, 1;
    ["new", "zealand", "dollars"] => Iso("NZD"), Either, 1;
    ["hong", "kong", "dollar"] => Iso("HKD"), Either, 1;
    ["hong", "kong", "dollars"] => Iso("HKD"), Either, 1;
    ["singapore", "dollars"] => Iso("SGD"), Either, 1;
    ["taiwan", "dollars"] => Iso("TWD"), Either, 1;
    ["new", "taiwan", "dollars"] => Iso("TWD"), Either, 1;
    ["jamaican", "dollars"] => Iso("JMD"), Either, 1;
    ["euro"] => Iso("EUR"), Either, 1;
    ["euros"] => Iso("EUR"), Either, 1;
    ["pound"] => Iso("GBP"), After, 1;
    ["pounds"] => Iso("GBP"), After, 1;
    ["pounds", "sterling"] => Iso("GBP"), After, 1;
    ["pound", "sterling"] => Iso("GBP"), After, 1;
    ["sterling"] => Iso("GBP"), After, 1;
    ["british", "pound"] => Iso("GBP"), Either, 1;
    ["british", "pounds"] => Iso("GBP"), Either, 1;
    ["quid"] => Iso("GBP"), After, 1;
    ["pfund"] => Iso("GBP"), After, 1;
    ["livres", "sterling"] => Iso("GBP"), After, 1;
    ["lebanese", "pound"] => Iso("LBP"), Either, 1;
    ["lebanese", "pounds"] => Iso("LBP"), Either, 1;
    ["egyptian", "pound"] => Iso("EGP"), Either, 1;
    ["egyptian", "pounds"] => Iso("EGP"), Either, 1;
    ["egyptianpound"] => Iso("EGP"), After, 1;
    ["le"] => Iso("EGP"), After, 1;
    ["l", "e"] => Iso("EGP"), After, 1;
    ["geneh"] => Iso("EGP"), After, 1;
    ["yen"] => Iso("JPY"), Either, 1;
    ["japanese", "yen"] => Iso("JPY"), Either, 1;
    ["yuan"] => Iso("CNY"), Either, 1;
    ["chinese", "yuan"] => Iso("CNY"), Either, 1;
    ["renminbi"] => Iso("CNY"), Either, 1;
    ["rmb"] => Iso("CNY"), Either, 1;
    ["kuai"] => Iso("CNY"), After, 1;
    ["franc"] => Iso("CHF"), After, 1;
    ["francs"] => Iso("CHF"), After, 1;
    ["swiss", "franc"] => Iso("CHF"), Either, 1;
    ["swiss", "francs"] => Iso("CHF"), Either, 1;
    ["franken"] => Iso("CHF"), After, 1;
    ["french", "francs"] => Iso("FRF"), Either, 1;
    ["belgian", "francs"] => Iso("BEF"), Either, 1;
    ["cfa", "francs"] => Iso("XOF"), Either, 1;
    ["rupee"] => Iso("INR"), Either, 1;
    ["rupees"] => Iso("INR"), Either, 1;
    ["indian", "rupees"] => Iso("INR"), Either, 1;
    ["rupien"] => Iso("INR"), After, 1;
    ["indische", "rupien"] => Iso("INR"), After, 1;
    ["rs"] => Iso("INR"), Either, 1;
    ["pakistani", "rupees"] => Iso("PKR"), Either, 1;
    ["sri", "lankan", "rupees"] => Iso("LKR"), Either, 1;
    ["ரூ"] => Iso("LKR"), Either, 1;
    ["nepalese", "rupees"] => Iso("NPR"), Either, 1;
    ["hryvnia"] => Iso("UAH"), After, 1;
    ["hryvnias"] => Iso("UAH"), After, 1;
    ["hryvnya"] => Iso("UAH"), After, 1;
    ["hryvnyas"] => Iso("UAH"), After, 1;
    ["hryvni"] => Iso("UAH"), After, 1;
    ["hryvnas"] => Iso("UAH"), After, 1;
    ["griwna"] => Iso("UAH"), After, 1;
    ["hrywnja"] => Iso("UAH"), After, 1;
    ["rouble"] => Iso("RUB"), After, 1;
    ["roubles"] => Iso("RUB"), After, 1;
    ["ruble"] => Iso("RUB"), After, 1;
    ["rubles"] => Iso("RUB"), After, 1;
    ["rubel"] => Iso("RUB"), After, 1;
    ["markka"] => Iso("FIM"), After, 1;
    ["finnish", "markka"] => Iso("FIM"), After, 1;
    ["finnische", "mark"] => Iso("FIM"), After, 1;
    ["deutsche", "mark"] => Iso("DEM"), After, 1;
    ["deutschmarks"] => Iso("DEM"), After, 1;
    ["peseta"] => Iso("ESP"), After, 1;
    ["pesetas"] => Iso("ESP"), After, 1;
    ["guilder"] => Iso("NLG"), After, 1;
    ["guilders"] => Iso("NLG"), After, 1;
    ["dutch", "guilders"] => Iso("NLG"), After, 1;
    ["peso"] => Iso("MXN"), After, 1;
    ["pesos"] => Iso("MXN"), After, 1;
    ["mexican", "pesos"] => Iso("MXN"), Either, 1;
    ["argentine", "pesos"] => Iso("ARS"), Either, 1;
    ["philippine", "pesos"] => Iso("PHP"), Either, 1;
    ["lira"] => Iso("TRY"), After, 1;
    ["liras"] => Iso("TRY"), After, 1;
    ["turkish", "lira"] => Iso("TRY"), Either, 1;
    ["turkish", "liras"] => Iso("TRY"), Either, 1;
    ["riel"] => Iso("KHR"), After, 1;
    ["kambodschanische", "riel"] => Iso("KHR"), After, 1;
    ["dinar"] => Iso("KWD"), After, 1;
    ["dinars"] => Iso("KWD"), After, 1;
    ["kuwaiti", "dinar"] => Iso("KWD"), Either, 1;
    ["kuwaiti", "dinars"] => Iso("KWD"), Either, 1;
    ["iraqi", "dinars"] => Iso("IQD"), Either, 1;
    ["serbian", "dinars"] => Iso("RSD"), Either, 1;
    ["riyal"] => Iso("SAR"), After, 1;
    ["riyals"] => Iso("SAR"), After, 1;
    ["saudi", "riyal"] => Iso("SAR"), Either, 1;
    ["saudi", "riyals"] => Iso("SAR"), Either, 1;
    ["saudiriyal"] => Iso("SAR"), After, 1;
    ["qatari", "riyal"] => Iso("QAR"), Either, 1;
    ["qatari", "riyals"] => Iso("QAR"), Either, 1;
    ["rial"] => Iso("IRR"), After, 1;
    ["rials"] => Iso("IRR"), After, 1;
    ["shekel"] => Iso("ILS"), After, 1;
    ["shekels"] => Iso("ILS"), After, 1;
    ["ringgit"] => Iso("MYR"), Either, 1;
    ["ringgits"] => Iso("MYR"), Either, 1;
    ["malaysia", "ringgit"] => Iso("MYR"), Either, 1;
    ["malaysia", "ringgits"] => Iso("MYR"), Either, 1;
    ["malaysian", "ringgit"] => Iso("MYR"), Either, 1;
    ["malaysian", "ringgits"] => Iso("MYR"), Either, 1;
    ["rm"] => Iso("MYR"), Either, 1;
    ["tugrik"] => Iso("MNT"), After, 1;
    ["tugriks"] => Iso("MNT"), After, 1;
    ["bitcoin"] => Iso("BTC"), After, 1;
    ["bitcoins"] => Iso("BTC"), After, 1;
    ["zloty"] => Iso("PLN"), After, 1;
    ["zlotys"] => Iso("PLN"), After, 1;
    ["złoty"] => Iso("PLN"), After, 1;
    ["złotych"] => Iso("PLN"), After, 1;
    ["kronor"] => Iso("SEK"), After, 1;
    ["swedish", "kronor"] => Iso("SEK"), After, 1;
    ["swedish", "krona"] => Iso("SEK"), After, 1;
    ["norwegian", "kroner"] => Iso("NOK"), After, 1;
    ["norwegian", "krone"] => Iso("NOK"), After, 1;
    ["danish", "kroner"] => Iso("DKK"), After, 1;
    ["danish", "krone"] => Iso("DKK"), After, 1;
    ["won"] => Iso("KRW"), After, 1;
    ["reais"] => Iso("BRL"), After, 1;
    ["brazilian", "reais"] => Iso("BRL"), After, 1;
    ["rand"] => Iso("ZAR"), After, 1;
    ["forint"] => Iso("HUF"), After, 1;
    ["forints"] => Iso("HUF"), After, 1;
    ["koruna"] => Iso("CZK"), After, 1;
    ["korunas"] => Iso("CZK"), After, 1;
    ["lei"] => Iso("RON"), After, 1;
    ["leva"] => Iso("BGN"), After, 1;
    ["lari"] => Iso("GEL"), After, 1;
    ["tenge"] => Iso("KZT"), After, 1;
    ["manat"] => Iso("AZN"), After, 1;
    ["baht"] => Iso("THB"), After, 1;
    ["rupiah"] => Iso("IDR"), After, 1;
    ["naira"] => Iso("NGN"), After, 1;
    // Minor units: hundredths of their parent.
    ["cent"] => Dollar, After, 100;
    ["cents"] => Dollar, After, 100;
    ["c"] => Dollar, After, 100;
    ["penny"] => Penny, After, 100;
    ["pennies"] => Penny, After, 100;
    ["pence"] => Iso("GBP"), After, 100;
    ["sen"] => Iso("MYR"), After, 100;
    ["sens"] => Iso("MYR"), After, 100;
    ["kopiyka"] => Iso("UAH"), After, 100;
    ["kopiykas"] => Iso("UAH"), After, 100;
    ["kopecks"] => Iso("RUB"), After, 100;
    ["kopeks"] => Iso("RUB"), After, 100;
    ["satoshi"] => Iso("BTC"), After, 100_000_000;
    ["satoshis"] => Iso("BTC"), After, 100_000_000;
};

/// ISO 4217 codes written as words ("USD 5", "5 EUR", "USD278").
static CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "UAH", "RUB", "PLN", "SEK", "NOK",
    "DKK", "CZK", "HUF", "RON", "BGN", "TRY", "INR", "PKR", "LKR", "NPR", "BRL", "MXN", "ARS", "CLP", "COP", "PEN",
    "ZAR", "NGN", "KES", "EGP", "LBP", "KWD", "QAR", "SAR", "AED", "OMR", "BHD", "JOD", "IQD", "IRR", "ILS", "MYR",
    "IDR", "THB", "VND", "PHP", "KRW", "TWD", "MNT", "KZT", "GEL", "AZN", "AMD", "BYN", "MDL", "RSD", "ISK", "BTC",
    "XAU", "XDR", "KHR", "LAK", "CRC", "FIM", "DEM", "FRF", "ESP", "NLG", "ITL", "BEF", "ATS", "XOF", "XAF", "UZS",
    "TJS", "KGS", "TMT", "ALL", "MKD", "BAM", "DZD", "MAD", "TND", "LYD", "ETB", "GHS", "TZS", "UGX", "ZMW", "BDT",
    "MMK", "RMB",
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
        for name in NAMES {
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
    let mut words: Vec<String> = NAMES.iter().map(|n| n.words[n.words.len() - 1].to_string()).collect();
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
