//! When two figures say the same thing. A figure stands for every value its
//! text could be a rounding of: "$61 billion" covers 60.5–61.5 billion,
//! "$60.8 billion" 60.75–60.85 billion, as rounding-aware balance assertions
//! do in ledgers. The qualifier widens the interval: "more than" opens it
//! upwards, "up to" downwards, "nearly" or "about" by a whole unit.
//!
//! The stated precision is read from the surface, not the amount: 60 billion
//! and 6 × 10 billion are the same number but "$60 billion" states the
//! billions digit. A ledger row keeps its surface, so this needs nothing
//! beyond the row.

use rust_decimal::Decimal;

/// The values a figure could stand for, in the figure's own currency.
/// `None` bounds are open; a bound past what a Decimal holds is open too
/// (checked arithmetic: an absurd amount in user input must not panic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Interval {
    /// The interval of a figure as the ledger stores it: its surface,
    /// amount, upper bound of a range, and qualifier name.
    pub fn of(surface: &str, amount: Decimal, amount_max: Option<Decimal>, qualifier: &str) -> Interval {
        let mut numbers = written_numbers(surface);
        let unit = stated_unit(amount, numbers.next().as_deref());
        let half = unit / Decimal::TWO;
        match qualifier {
            "more_than" | "at_least" => Interval { low: amount.checked_sub(half), high: None },
            "less_than" | "up_to" => Interval { low: Some(Decimal::ZERO), high: amount.checked_add(half) },
            // "Nearly", "about", "some": a whole unit either side; the
            // ledger does not keep which word it was.
            "approx" => Interval { low: amount.checked_sub(unit), high: amount.checked_add(unit) },
            "range" => {
                let top = amount_max.unwrap_or(amount);
                let top_half = stated_unit(top, numbers.next().as_deref()) / Decimal::TWO;
                Interval { low: amount.checked_sub(half), high: top.checked_add(top_half) }
            }
            _ => Interval { low: amount.checked_sub(half), high: amount.checked_add(half) },
        }
    }

    pub fn contains(&self, value: Decimal) -> bool {
        self.low.is_none_or(|low| low <= value) && self.high.is_none_or(|high| value <= high)
    }

    /// The same interval in another unit, e.g. converted to US dollars at a
    /// figure's own date.
    pub fn scaled(&self, rate: Decimal) -> Interval {
        Interval { low: self.low.and_then(|v| v.checked_mul(rate)), high: self.high.and_then(|v| v.checked_mul(rate)) }
    }
}

/// Two figures agree when either could be a rounding of the other: one's
/// value lies within the other's interval. "$60.8 billion" and "$61 billion"
/// agree; "$60 billion" and "$61 billion" do not, though their intervals
/// touch at 60.5.
pub fn agree(a_value: Decimal, a: &Interval, b_value: Decimal, b: &Interval) -> bool {
    a.contains(b_value) || b.contains(a_value)
}

/// The digits of each number written in the surface, in order: "$5 to $6
/// billion" gives "5" and "6"; "1,5 Milliarden" gives "15"; "$46. 3 billion"
/// gives "463". Separators (comma, point, apostrophe, spaces) inside a
/// number are skipped; anything else ends it.
fn written_numbers(surface: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = surface.chars().peekable();
    std::iter::from_fn(move || {
        while chars.peek().is_some_and(|c| !c.is_ascii_digit()) {
            chars.next();
        }
        let mut digits = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !matches!(c, ',' | '.' | '\'' | ' ' | '\u{a0}' | '\u{202f}') {
                break;
            }
            chars.next();
        }
        (!digits.is_empty()).then_some(digits)
    })
}

/// The value of the last digit the text states: `amount` divided by the
/// written digits read as a whole number, when that is a power of ten
/// ("$60.8 billion": 60.8e9 / 608 = 1e8). Spelled-out numbers ("nine
/// billion") and anything unusual fall back to the amount's lowest nonzero
/// digit, which is never finer than what was written.
fn stated_unit(amount: Decimal, digits: Option<&str>) -> Decimal {
    if let Some(written) = digits.and_then(|d| d.trim_start_matches('0').parse::<Decimal>().ok()) {
        if !written.is_zero() {
            if let Some(unit) = amount.checked_div(written) {
                if is_power_of_ten(unit) {
                    return unit.normalize();
                }
            }
        }
    }
    lowest_digit(amount)
}

fn is_power_of_ten(value: Decimal) -> bool {
    let n = value.normalize();
    // A normalized power of ten has mantissa 1 (10^k, k ≥ 0, may also be
    // written 1 followed by zeros) with scale ≥ 0.
    if n <= Decimal::ZERO {
        return false;
    }
    let mantissa = n.mantissa();
    let mut m = mantissa;
    while m % 10 == 0 {
        m /= 10;
    }
    m == 1
}

/// 10^k for the lowest nonzero digit of `amount`: 9000000000 → 1e9,
/// 0.25 → 0.01. Zero counts as stated to the unit.
fn lowest_digit(amount: Decimal) -> Decimal {
    let n = amount.abs().normalize();
    if n.is_zero() {
        return Decimal::ONE;
    }
    let mut mantissa = n.mantissa();
    let mut unit = Decimal::new(1, n.scale());
    while mantissa % 10 == 0 {
        mantissa /= 10;
        unit *= Decimal::TEN;
    }
    unit
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn interval(surface: &str, amount: &str, max: Option<&str>, qualifier: &str) -> (Option<String>, Option<String>) {
        let i = Interval::of(surface, d(amount), max.map(d), qualifier);
        (i.low.map(|v| v.normalize().to_string()), i.high.map(|v| v.normalize().to_string()))
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn precision_comes_from_the_written_digits() {
        let cases = [
            ("$61 billion", "61000000000", s("60500000000"), s("61500000000")),
            ("$60.8 billion", "60800000000", s("60750000000"), s("60850000000")),
            ("$60 billion", "60000000000", s("59500000000"), s("60500000000")),
            ("1,5 Milliarden Euro", "1500000000", s("1450000000"), s("1550000000")),
            ("$46. 3 billion", "46300000000", s("46250000000"), s("46350000000")),
            ("$1,234,567", "1234567", s("1234566.5"), s("1234567.5")),
            ("50 cents", "0.50", s("0.495"), s("0.505")),
            ("USD278 billion", "278000000000", s("277500000000"), s("278500000000")),
            ("a $675-million package", "675000000", s("674500000"), s("675500000")),
            // Spelled out: the lowest digit of the amount.
            ("Nine billion dollars", "9000000000", s("8500000000"), s("9500000000")),
        ];
        for (surface, amount, low, high) in cases {
            assert_eq!(interval(surface, amount, None, "exact"), (low, high), "{surface}");
        }
    }

    #[test]
    fn qualifiers_widen_or_open_the_interval() {
        assert_eq!(interval("more than $278 billion", "278000000000", None, "more_than"), (s("277500000000"), None));
        assert_eq!(interval("up to $5 billion", "5000000000", None, "up_to"), (s("0"), s("5500000000")));
        assert_eq!(interval("nearly $61 billion", "61000000000", None, "approx"), (s("60000000000"), s("62000000000")));
        assert_eq!(
            interval("$40-50 billion", "40000000000", Some("50000000000"), "range"),
            (s("39500000000"), s("50500000000"))
        );
        assert_eq!(
            interval("between $5.5 billion and $6 billion", "5500000000", Some("6000000000"), "range"),
            (s("5450000000"), s("6500000000"))
        );
    }

    #[test]
    fn agreement_within_stated_precision() {
        let fig = |surface: &str, amount: &str, q: &str| (d(amount), Interval::of(surface, d(amount), None, q));
        let (a, ai) = fig("$60.8 billion", "60800000000", "exact");
        let (b, bi) = fig("$61 billion", "61000000000", "exact");
        let (c, ci) = fig("$60 billion", "60000000000", "exact");
        let (m, mi) = fig("more than $278 billion", "278000000000", "more_than");
        let (t, ti) = fig("$280 billion", "280000000000", "exact");
        assert!(agree(a, &ai, b, &bi), "60.8 rounds to 61");
        assert!(!agree(c, &ci, b, &bi), "60 and 61 are different figures");
        assert!(!agree(a, &ai, c, &ci), "60.8 does not round to 60");
        assert!(agree(m, &mi, t, &ti), "a lower bound agrees with a larger figure");
        assert!(!agree(m, &mi, b, &bi), "a lower bound disagrees with a smaller figure");
    }

    #[test]
    fn intervals_convert_with_the_figure() {
        let eur = Interval::of("€50 billion", d("50000000000"), None, "exact");
        let usd = eur.scaled(d("1.08"));
        assert_eq!(usd.low, Some(d("49500000000") * d("1.08")));
        assert!(usd.contains(d("54000000000")));
        assert!(!usd.contains(d("50000000000")));
    }

    #[test]
    fn odd_surfaces_never_panic_and_stay_sane() {
        for (surface, amount) in [("", "0"), ("$", "1"), ("0 dollars", "0"), ("$0.000", "0"), ("$1 2 3", "7")] {
            let i = Interval::of(surface, d(amount), None, "exact");
            assert!(i.contains(d(amount)), "{surface}");
        }
        // The largest amount a Decimal holds: the upper bound opens instead
        // of overflowing.
        let huge = Interval::of("$79228162514264337593543950335", Decimal::MAX, None, "approx");
        assert!(huge.contains(Decimal::MAX));
        assert_eq!(huge.high, None);
        assert_eq!(huge.scaled(d("2")).low, None);
    }
}
