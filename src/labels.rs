//! The ledger's closed label sets as types: what a figure counts
//! (`Category`), how far along it is (`Status`), the stage reconciliation
//! compares within (`StatusClass`), and the metric key that groups the
//! reports of one quantity (`MetricKey`).
//!
//! Text meets these types at two edges only: the lexicon's labels are
//! parsed into them when it is read, and they are written as their names
//! (or, for a metric, its slug) in the outputs and the ledger. Everything
//! between compares enums, never strings.

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

/// What groups the reports of one quantity: donor, recipient, kind and
/// status class. Donor and recipient are slugs of their names ("united-states").
/// Written as one slug, "united-states/ukraine/total/enacted", in the
/// ledger and the outputs, and read back with `parse`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MetricKey {
    pub donor: Option<String>,
    pub recipient: Option<String>,
    pub category: Category,
    pub class: StatusClass,
}

/// How an absent donor or recipient is written in a metric.
const UNKNOWN_PART: &str = "unknown";

impl MetricKey {
    pub fn new(donor: Option<&str>, recipient: Option<&str>, category: Category, status: Status) -> MetricKey {
        let part = |name: Option<&str>| name.map(slug).filter(|s| !s.is_empty() && s != UNKNOWN_PART);
        MetricKey { donor: part(donor), recipient: part(recipient), category, class: status.class() }
    }

    /// Reads a metric as the ledger writes it; None for text that is not one.
    pub fn parse(s: &str) -> Option<MetricKey> {
        let mut parts = s.split('/');
        let (donor, recipient, category, class) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let part = |p: &str| (p != UNKNOWN_PART).then(|| p.to_string());
        Some(MetricKey {
            donor: part(donor),
            recipient: part(recipient),
            category: category.parse().ok()?,
            class: class.parse().ok()?,
        })
    }

    /// Whether every part is known. A metric with an unknown donor,
    /// recipient or status lumps together figures that need not measure the
    /// same thing.
    pub fn is_whole(&self) -> bool {
        self.donor.is_some() && self.recipient.is_some() && self.class != StatusClass::Unknown
    }

    /// The same quantity at any stage: the key without its status class.
    pub fn package(&self) -> (Option<&str>, Option<&str>, Category) {
        (self.donor.as_deref(), self.recipient.as_deref(), self.category)
    }
}

impl fmt::Display for MetricKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}/{}",
            self.donor.as_deref().unwrap_or(UNKNOWN_PART),
            self.recipient.as_deref().unwrap_or(UNKNOWN_PART),
            self.category,
            self.class
        )
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
    fn a_metric_is_written_as_a_slug_and_read_back() {
        let key = MetricKey::new(
            Some("United States"),
            Some("Ukraine, Israel and Taiwan"),
            Category::Total,
            Status::Approved,
        );
        let text = key.to_string();
        assert_eq!(text, "united-states/ukraine-israel-and-taiwan/total/enacted");
        assert_eq!(MetricKey::parse(&text), Some(key.clone()));
        assert!(key.is_whole());
        let open = MetricKey::new(None, Some("Ukraine"), Category::Other, Status::Unknown);
        assert_eq!(open.to_string(), "unknown/ukraine/other/unknown");
        assert_eq!(MetricKey::parse(&open.to_string()), Some(open.clone()));
        assert!(!open.is_whole());
        for bad in ["", "a/b/c", "a/b/total/enacted/x", "a/b/weapons/enacted", "a/b/total/given"] {
            assert_eq!(MetricKey::parse(bad), None, "{bad}");
        }
    }
}
