//! The ledger's closed label sets as types: what a figure counts
//! (`Category`), how far along it is (`Status`), the stage reconciliation
//! compares within (`StatusClass`), and the metric key that groups the
//! reports of one quantity (`MetricKey`).
//!
//! Text meets these types at two edges only: the lexicon's labels are
//! parsed into them when it is read, and they are written as their names
//! (or, for a metric, its slug) in the outputs and the ledger. Everything
//! between compares enums, never strings.

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// A label name that is not one of its set: the name, and the set's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLabel {
    pub kind: &'static str,
    pub name: String,
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?} (want one of {})", self.kind, self.name, self.expected.join(", "))
    }
}

impl std::error::Error for UnknownLabel {}

/// Declares a closed label set: the enum, its names in the order given,
/// `as_str`, `ALL`, `Display`, `FromStr` and serde by name. One list per set keeps the
/// names and the variants from drifting apart.
macro_rules! label_set {
    ($(#[$meta:meta])* $name:ident, $kind:literal, { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                name.parse().map_err(serde::de::Error::custom)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownLabel;

            fn from_str(s: &str) -> Result<$name, UnknownLabel> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownLabel { kind: $kind, name: s.to_string(), expected: $name::NAMES }),
                }
            }
        }
    };
}

label_set!(
    /// What kind of body a source is: the figures of a research body (a
    /// tracker, a study) carry through an article that cites it, a news
    /// agency gives way to the body it quotes.
    SourceKind, "source kind", {
        Research => "research",
        Government => "government",
        Agency => "agency",
        Media => "media",
        /// "officials", "a source familiar with".
        Unnamed => "unnamed",
    }
);

label_set!(
    /// What a figure counts.
    Category, "category", {
        /// Aggregate or multi-purpose figures: a supplemental, a tracker's total.
        Total => "total",
        Military => "military",
        /// Budget support, loans, macro-financial aid.
        Financial => "financial",
        Humanitarian => "humanitarian",
        /// Reconstruction and recovery.
        Reconstruction => "reconstruction",
        /// Everything else, figures that are not aid among them.
        Other => "other",
    }
);

impl Category {
    /// The kind a package is compared as. Outlets name one package's kind by
    /// turns: the $61 billion supplemental is "an aid package", "military
    /// aid" and "humanitarian and military aid" in three reports, a flood
    /// relief package "aid" and "relief" in two. So a package of aid is
    /// compared as aid whatever kind it is given (Total). Money to a budget
    /// (a loan, budget support, a fund's tranche) is another instrument, and
    /// a figure that is not aid another thing: both keep their kind. A
    /// running total keeps every kind, as trackers count each apart.
    pub fn as_package_kind(self) -> Category {
        match self {
            Category::Military | Category::Humanitarian | Category::Reconstruction | Category::Total => Category::Total,
            Category::Financial | Category::Other => self,
        }
    }
}

label_set!(
    /// How far along a figure is.
    Status, "status", {
        /// Legislation not yet passed by every body it needs.
        Pending => "pending",
        /// Asked for by an executive.
        Requested => "requested",
        /// Planned, being prepared or under discussion.
        Proposed => "proposed",
        /// Enacted or formally agreed.
        Approved => "approved",
        /// An announced promise.
        Pledged => "pledged",
        /// Formally committed or authorized, running totals "provided" included.
        Committed => "committed",
        /// Earmarked for a use.
        Allocated => "allocated",
        /// Sent, transferred, received.
        Delivered => "delivered",
        /// Money paid out.
        Disbursed => "disbursed",
        Unknown => "unknown",
    }
);

label_set!(
    /// The stage of a figure that reconciliation compares within: the
    /// figures of one class may disagree, those of two classes are stages.
    StatusClass, "status class", {
        Pending => "pending",
        Enacted => "enacted",
        Promised => "promised",
        Allocated => "allocated",
        Delivered => "delivered",
        Unknown => "unknown",
    }
);

impl Status {
    /// The one table from status to class.
    pub fn class(self) -> StatusClass {
        match self {
            Status::Pending | Status::Requested | Status::Proposed => StatusClass::Pending,
            Status::Approved => StatusClass::Enacted,
            Status::Pledged | Status::Committed => StatusClass::Promised,
            Status::Allocated => StatusClass::Allocated,
            Status::Delivered | Status::Disbursed => StatusClass::Delivered,
            Status::Unknown => StatusClass::Unknown,
        }
    }
}

impl StatusClass {
    /// The order of the stages a package moves through, for the transition
    /// check. A promise and an enactment are one step: a bill is enacted, an
    /// executive's promise committed. None for the unknown class.
    pub fn stage(self) -> Option<u8> {
        match self {
            StatusClass::Pending => Some(0),
            StatusClass::Enacted | StatusClass::Promised => Some(1),
            StatusClass::Allocated => Some(2),
            StatusClass::Delivered => Some(3),
            StatusClass::Unknown => None,
        }
    }
}

/// What a figure measures over time: a running total that grows with
/// every report ("$175 billion since 2022"), or one amount (a package, a
/// tranche, a pledge) known by its size. Two packages of one donor to one
/// recipient are different quantities; so are a package and the total it
/// adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    RunningTotal,
    Amount(Magnitude),
}

/// The size of an amount, rounded to the nearest round number of a short
/// series (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8 in each decade). Reporters
/// round to such numbers, so the reports of one package ("$60 billion",
/// "$60.8 billion", "almost $61 billion") fall on the same one, while
/// packages of other sizes fall elsewhere. The digits alone decide it, not
/// the currency: "€7 billion" and "$7 billion" for one package stay one
/// metric, so that the mislabelled copy is compared with the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Magnitude {
    /// The power of ten of the round number's leading digit.
    exponent: i32,
    /// The round number's digits, in tenths: 12 is 1.2, 100 is 10 (never
    /// stored: it is 10 of the next decade).
    tenths: u8,
}

/// Scale words of a magnitude's slug, largest first.
const SLUG_SCALES: [(u32, &str); 4] = [(12, "tn"), (9, "bn"), (6, "m"), (3, "k")];

/// The round numbers of a decade, in tenths.
const ROUND_TENTHS: [u8; 12] = [10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80, 100];

impl Magnitude {
    /// The round number nearest `value` by ratio; None for zero or less.
    /// Runs for every figure, so it only multiplies: no division, no loop
    /// over the digits.
    pub fn of(value: Decimal) -> Option<Magnitude> {
        if value <= Decimal::ZERO {
            return None;
        }
        // value = digits × 10^-scale; its leading digit stands at 10^exponent.
        let digits = value.mantissa().unsigned_abs();
        let places = digits.ilog10();
        let exponent = places as i32 - value.scale() as i32;
        // The mantissa, 1 ≤ m < 10, in tenths: 10 ≤ tenths < 100.
        let tenths = Decimal::from_i128_with_scale(i128::try_from(digits).ok()?, places) * Decimal::TEN;
        let squared = tenths * tenths;
        // Nearest by ratio: below the geometric middle of two neighbours,
        // the lower one (a × b is the middle's square).
        let best = ROUND_TENTHS
            .windows(2)
            .find(|w| squared < Decimal::from(u32::from(w[0]) * u32::from(w[1])))
            .map_or(100, |w| w[0]);
        Some(if best == 100 {
            Magnitude { exponent: exponent + 1, tenths: 10 }
        } else {
            Magnitude { exponent, tenths: best }
        })
    }

    /// The round number itself.
    pub fn value(self) -> Decimal {
        let mut v = Decimal::from(self.tenths) / Decimal::TEN;
        for _ in 0..self.exponent.max(0) {
            v *= Decimal::TEN;
        }
        for _ in 0..(-self.exponent).max(0) {
            v /= Decimal::TEN;
        }
        v.normalize()
    }

    /// Appends the slug: "60bn", "1.2bn", "700m", "5k", "40". Written for
    /// every figure, so from the digits in tenths with no decimal
    /// arithmetic and no formatting machinery, from a thousand up.
    fn push_slug(&self, out: &mut String) {
        let Some(&(exp, word)) = SLUG_SCALES.iter().find(|(exp, _)| self.exponent >= *exp as i32) else {
            out.push_str(&self.value().to_string());
            return;
        };
        // value = tenths/10 × 10^exponent = tenths × 10^(exponent - exp - 1) units of the scale word.
        let tenths = u32::from(self.tenths);
        match self.exponent - exp as i32 {
            0 => {
                push_number(out, tenths / 10);
                if tenths % 10 != 0 {
                    out.push('.');
                    push_number(out, tenths % 10);
                }
            }
            1 => push_number(out, tenths),
            _ => push_number(out, tenths * 10),
        }
        out.push_str(word);
    }
}

/// Appends a small number's digits.
fn push_number(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

impl fmt::Display for Magnitude {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.push_slug(&mut out);
        f.write_str(&out)
    }
}

impl FromStr for Magnitude {
    type Err = ();

    fn from_str(s: &str) -> Result<Magnitude, ()> {
        let (digits, exp) =
            SLUG_SCALES.iter().find_map(|(exp, word)| s.strip_suffix(word).map(|d| (d, *exp))).unwrap_or((s, 0));
        let mut v: Decimal = digits.parse().map_err(|_| ())?;
        for _ in 0..exp {
            v *= Decimal::TEN;
        }
        let m = Magnitude::of(v).ok_or(())?;
        // Only a round number reads back: anything else is not a slug this writes.
        (m.value() == v.normalize()).then_some(m).ok_or(())
    }
}

/// What a package's size is written after in a metric: "about-60bn".
const AMOUNT_PREFIX: &str = "about-";

/// How a running total is written in a metric.
const RUNNING_TOTAL: &str = "running-total";

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::RunningTotal => f.write_str(RUNNING_TOTAL),
            Scope::Amount(m) => write!(f, "{AMOUNT_PREFIX}{m}"),
        }
    }
}

impl FromStr for Scope {
    type Err = ();

    fn from_str(s: &str) -> Result<Scope, ()> {
        if s == RUNNING_TOTAL {
            return Ok(Scope::RunningTotal);
        }
        s.strip_prefix(AMOUNT_PREFIX).ok_or(())?.parse().map(Scope::Amount)
    }
}

/// What groups the reports of one quantity: donor, recipient, kind (a
/// package's coarse, see `Category::as_package_kind`), status class and
/// scope. Donor and recipient are slugs of their names
/// ("united-states"). Written as one slug in the ledger and the outputs,
/// the scope last: "united-states/ukraine/total/enacted/about-60bn",
/// "united-states/ukraine/total/promised/running-total"; read back with
/// `parse`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MetricKey {
    pub donor: Option<String>,
    pub recipient: Option<String>,
    pub category: Category,
    pub class: StatusClass,
    /// None when the figure gives no size to know it by, and in ledgers
    /// written before metrics had a scope.
    pub scope: Option<Scope>,
}

/// How an absent donor or recipient is written in a metric.
const UNKNOWN_PART: &str = "unknown";

impl MetricKey {
    pub fn new(
        donor: Option<&str>,
        recipient: Option<&str>,
        category: Category,
        scope: Option<Scope>,
        status: Status,
    ) -> MetricKey {
        let part = |name: Option<&str>| name.map(slug).filter(|s| !s.is_empty() && s != UNKNOWN_PART);
        let category = match scope {
            Some(Scope::Amount(_)) => category.as_package_kind(),
            _ => category,
        };
        MetricKey { donor: part(donor), recipient: part(recipient), category, class: status.class(), scope }
    }

    /// Reads a metric as the ledger writes it; None for text that is not one.
    /// A metric of four parts, as ledgers before scopes hold, has no scope.
    pub fn parse(s: &str) -> Option<MetricKey> {
        let parts: Vec<&str> = s.split('/').collect();
        let (donor, recipient, category, class, scope) = match parts[..] {
            [donor, recipient, category, class, scope] => {
                (donor, recipient, category, class, Some(scope.parse().ok()?))
            }
            [donor, recipient, category, class] => (donor, recipient, category, class, None),
            _ => return None,
        };
        let part = |p: &str| (p != UNKNOWN_PART).then(|| p.to_string());
        Some(MetricKey {
            donor: part(donor),
            recipient: part(recipient),
            category: category.parse().ok()?,
            class: class.parse().ok()?,
            scope,
        })
    }

    /// The metric that reconciliation compares a figure within, as a slice of
    /// its written metric: a package's size is dropped, so that reports of
    /// one package that disagree by more than rounding ("$61 billion" against
    /// a wrong "$50 billion") are still set side by side, while a running
    /// total stays apart from the packages that add to it.
    pub fn compared_as(metric: &str) -> &str {
        match metric.rsplit_once('/') {
            Some((rest, last)) if last.starts_with(AMOUNT_PREFIX) => rest,
            _ => metric,
        }
    }

    /// Whether every part is known. A metric with an unknown donor,
    /// recipient or status lumps together figures that need not measure the
    /// same thing.
    pub fn is_whole(&self) -> bool {
        self.donor.is_some() && self.recipient.is_some() && self.class != StatusClass::Unknown
    }

    /// The same quantity at any stage: the key without its status class.
    pub fn package(&self) -> (Option<&str>, Option<&str>, Category, Option<Scope>) {
        (self.donor.as_deref(), self.recipient.as_deref(), self.category, self.scope)
    }

    /// The slug the ledger and the outputs hold. Made for every figure, so
    /// by appending its parts, not through the formatting machinery.
    pub fn slug(&self) -> String {
        let mut out = String::with_capacity(64);
        out.push_str(self.donor.as_deref().unwrap_or(UNKNOWN_PART));
        out.push('/');
        out.push_str(self.recipient.as_deref().unwrap_or(UNKNOWN_PART));
        out.push('/');
        out.push_str(self.category.as_str());
        out.push('/');
        out.push_str(self.class.as_str());
        match self.scope {
            Some(Scope::RunningTotal) => {
                out.push('/');
                out.push_str(RUNNING_TOTAL);
            }
            Some(Scope::Amount(m)) => {
                out.push('/');
                out.push_str(AMOUNT_PREFIX);
                m.push_slug(&mut out);
            }
            None => {}
        }
        out
    }
}

impl fmt::Display for MetricKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.slug())
    }
}

/// A label's lower-case slug: "United States" → "united-states".
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_their_labels() {
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>(), Ok(*c));
        }
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(*s));
        }
        for c in StatusClass::ALL {
            assert_eq!(c.as_str().parse::<StatusClass>(), Ok(*c));
        }
        let err = "given".parse::<Status>().unwrap_err();
        assert!(err.to_string().contains("unknown status \"given\""), "{err}");
    }

    #[test]
    fn every_status_has_its_class() {
        let cases = [
            (Status::Requested, StatusClass::Pending),
            (Status::Approved, StatusClass::Enacted),
            (Status::Committed, StatusClass::Promised),
            (Status::Allocated, StatusClass::Allocated),
            (Status::Disbursed, StatusClass::Delivered),
            (Status::Unknown, StatusClass::Unknown),
        ];
        for (status, class) in cases {
            assert_eq!(status.class(), class, "{status}");
        }
    }

    #[test]
    fn reports_of_one_package_share_a_magnitude() {
        let of = |v: &str| Magnitude::of(v.parse().unwrap()).unwrap().to_string();
        // value, its round number
        let cases = [
            ("60000000000", "60bn"),
            ("60800000000", "60bn"),
            ("61000000000", "60bn"),
            ("39800000000", "40bn"),
            ("95000000000", "100bn"),
            ("1300000000", "1.2bn"),
            ("1000000000", "1bn"),
            ("675000000", "700m"),
            ("2300000000", "2.5bn"),
            ("7200000000", "7bn"),
            ("999", "1k"),
            ("40", "40"),
            ("0.5", "0.5"),
        ];
        for (value, want) in cases {
            assert_eq!(of(value), want, "{value}");
            let m: Magnitude = want.parse().unwrap();
            assert_eq!(m.to_string(), want, "{want} reads back");
        }
        assert_eq!(Magnitude::of(Decimal::ZERO), None);
        assert!("61bn".parse::<Magnitude>().is_err(), "not a round number of the series");
    }

    #[test]
    fn a_package_of_aid_is_one_kind_a_running_total_keeps_its_own() {
        let sixty = Magnitude::of("61000000000".parse().unwrap()).map(Scope::Amount);
        let key = |category, scope| MetricKey::new(Some("US"), Some("Ukraine"), category, scope, Status::Pending);
        // "An aid package" and "military aid" of one size: one metric.
        assert_eq!(key(Category::Military, sixty), key(Category::Total, sixty));
        assert_eq!(key(Category::Humanitarian, sixty), key(Category::Total, sixty));
        // A loan of that size is another instrument; a cost is no aid.
        assert_ne!(key(Category::Financial, sixty), key(Category::Total, sixty));
        assert_ne!(key(Category::Other, sixty), key(Category::Total, sixty));
        // Trackers count military and humanitarian totals apart.
        let total = Some(Scope::RunningTotal);
        assert_ne!(key(Category::Military, total), key(Category::Total, total));
        assert_eq!(key(Category::Military, total).category, Category::Military);
    }

    #[test]
    fn a_metric_is_written_as_a_slug_and_read_back() {
        let sixty = Magnitude::of("60800000000".parse().unwrap()).map(Scope::Amount);
        let key = MetricKey::new(
            Some("United States"),
            Some("Ukraine, Israel and Taiwan"),
            Category::Total,
            sixty,
            Status::Approved,
        );
        let text = key.to_string();
        assert_eq!(text, "united-states/ukraine-israel-and-taiwan/total/enacted/about-60bn");
        assert_eq!(MetricKey::parse(&text), Some(key.clone()));
        assert_eq!(MetricKey::compared_as(&text), "united-states/ukraine-israel-and-taiwan/total/enacted");
        assert!(key.is_whole());
        let total =
            MetricKey::new(Some("EU"), Some("Ukraine"), Category::Total, Some(Scope::RunningTotal), Status::Committed);
        assert_eq!(total.to_string(), "eu/ukraine/total/promised/running-total");
        assert_eq!(MetricKey::compared_as(&total.to_string()), total.to_string());
        assert_eq!(MetricKey::parse(&total.to_string()), Some(total));
        let open = MetricKey::new(None, Some("Ukraine"), Category::Other, None, Status::Unknown);
        assert_eq!(open.to_string(), "unknown/ukraine/other/unknown");
        assert_eq!(MetricKey::parse(&open.to_string()), Some(open.clone()));
        assert!(!open.is_whole());
        for bad in [
            "",
            "a/b/c",
            "a/b/total/enacted/about-60bn/x",
            "a/b/weapons/enacted",
            "a/b/total/enacted/about-61bn",
            "a/b/total/given",
        ] {
            assert_eq!(MetricKey::parse(bad), None, "{bad}");
        }
    }
}
