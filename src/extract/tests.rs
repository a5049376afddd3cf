//! Table tests for the money parser: one line a case, the text and every
//! mention expected in it as (surface, value, value_max, currency, qualifier).
//! The surface pins the span: it must be exactly what the span slices out.

use super::*;

type Want = (&'static str, &'static str, Option<&'static str>, &'static str, &'static str);

fn check(cases: &[(&str, &[Want])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = extract(text);
        let rows: Vec<(String, String, Option<String>, &str, &str)> = got
            .iter()
            .map(|m| {
                (
                    m.surface.clone(),
                    m.value.to_string(),
                    m.value_max.map(|v| v.to_string()),
                    m.currency,
                    m.qualifier.as_str(),
                )
            })
            .collect();
        let want_rows: Vec<(String, String, Option<String>, &str, &str)> = want
            .iter()
            .map(|(s, v, max, c, q)| (s.to_string(), v.to_string(), max.map(str::to_string), *c, *q))
            .collect();
        if rows != want_rows {
            failures.push(format!("{text:?}\n   want {want_rows:?}\n    got {rows:?}"));
        }
        // Offsets are code points, end exclusive, and slice out the surface.
        for m in &got {
            let sliced: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(sliced, m.surface, "span of {:?} in {text:?}", m.surface);
            assert_eq!(&text[m.byte_start..m.byte_end], m.surface);
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn symbols_and_codes() {
    check(&[
        ("Kyiv got $61 billion.", &[("$61 billion", "61000000000", None, "USD", "exact")]),
        ("aid of over USD278 billion since", &[("USD278 billion", "278000000000", None, "USD", "more_than")]),
        ("a fund of EUR 50 billion", &[("EUR 50 billion", "50000000000", None, "EUR", "exact")]),
        ("worth 20 billion USD in all", &[("20 billion USD", "20000000000", None, "USD", "exact")]),
        ("The €50bn facility", &[("€50bn", "50000000000", None, "EUR", "exact")]),
        ("Britain gave £3.8bn", &[("£3.8bn", "3800000000", None, "GBP", "exact")]),
        ("a ¥500 million loan", &[("¥500 million", "500000000", None, "JPY", "exact")]),
        ("₴1.2 billion in pensions", &[("₴1.2 billion", "1200000000", None, "UAH", "exact")]),
        ("₽300 billion of reserves", &[("₽300 billion", "300000000000", None, "RUB", "exact")]),
        (
            "US$4.7 billion and C$500 million",
            &[
                ("US$4.7 billion", "4700000000", None, "USD", "exact"),
                ("C$500 million", "500000000", None, "CAD", "exact"),
            ],
        ),
        (
            "A$100m, R$150 billion and HK$3 billion",
            &[
                ("A$100m", "100000000", None, "AUD", "exact"),
                ("R$150 billion", "150000000000", None, "BRL", "exact"),
                ("HK$3 billion", "3000000000", None, "HKD", "exact"),
            ],
        ),
        ("the EUR50 billion plan", &[("EUR50 billion", "50000000000", None, "EUR", "exact")]),
        ("cost 115USD", &[("115USD", "115", None, "USD", "exact")]),
        ("a 30 MUSD contract", &[("30 MUSD", "30000000", None, "USD", "exact")]),
        ("They lost 75 USD million.", &[("75 USD million", "75000000", None, "USD", "exact")]),
    ]);
}

#[test]
fn scale_words_and_short_forms() {
    check(&[
        ("$650m worth", &[("$650m", "650000000", None, "USD", "exact")]),
        ("a $2B deal", &[("$2B", "2000000000", None, "USD", "exact")]),
        ("only $10K", &[("$10K", "10000", None, "USD", "exact")]),
        ("about $800 mln", &[("$800 mln", "800000000", None, "USD", "approx")]),
        ("$61 bln in aid", &[("$61 bln", "61000000000", None, "USD", "exact")]),
        ("a $3tn economy", &[("$3tn", "3000000000000", None, "USD", "exact")]),
        ("a $1.2 trillion budget", &[("$1.2 trillion", "1200000000000", None, "USD", "exact")]),
        ("5 lakh rupees", &[("5 lakh rupees", "500000", None, "INR", "exact")]),
        ("4 crore rupees", &[("4 crore rupees", "40000000", None, "INR", "exact")]),
        ("a $5MM round", &[("$5MM", "5000000", None, "USD", "exact")]),
        ("50 thousand million euros", &[("50 thousand million euros", "50000000000", None, "EUR", "exact")]),
        ("the $60.8bn billion bill", &[("$60.8bn billion", "60800000000", None, "USD", "exact")]),
        ("5 billion rubles", &[("5 billion rubles", "5000000000", None, "RUB", "exact")]),
    ]);
}

#[test]
fn separators_and_decimals() {
    check(&[
        ("$1,000,000 raised", &[("$1,000,000", "1000000", None, "USD", "exact")]),
        ("1,5 billion euros", &[("1,5 billion euros", "1500000000", None, "EUR", "exact")]),
        ("liegt bei 2,5 Mio USD", &[("2,5 Mio USD", "2500000", None, "USD", "exact")]),
        ("Preise ab 12.345 €.", &[("12.345 €", "12345", None, "EUR", "exact")]),
        ("Er zahlte 94.000 $ dafür", &[("94.000 $", "94000", None, "USD", "exact")]),
        ("Der Etat: 12 500 EUR.", &[("12 500 EUR", "12500", None, "EUR", "exact")]),
        ("$1.250 billion", &[("$1.250 billion", "1250000000", None, "USD", "exact")]),
        ("a loan of 12,34,567.89 rupees", &[("12,34,567.89 rupees", "1234567.89", None, "INR", "exact")]),
        ("$ 20,000.00 in fees", &[("$ 20,000.00", "20000", None, "USD", "exact")]),
    ]);
}

#[test]
fn spelled_out_numbers() {
    check(&[
        ("Nine billion dollars is set aside.", &[("Nine billion dollars", "9000000000", None, "USD", "exact")]),
        ("a billion euros a year", &[("a billion euros", "1000000000", None, "EUR", "exact")]),
        ("a three-billion-dollar plan", &[("three-billion-dollar", "3000000000", None, "USD", "exact")]),
        ("sixty-one billion dollars", &[("sixty-one billion dollars", "61000000000", None, "USD", "exact")]),
        (
            "a one and a half trillion dollar economy",
            &[("one and a half trillion dollar", "1500000000000", None, "USD", "exact")],
        ),
        ("a quarter million us dollars", &[("a quarter million us dollars", "250000", None, "USD", "exact")]),
        ("three thousand dollars", &[("three thousand dollars", "3000", None, "USD", "exact")]),
        ("one hundred and five euros", &[("one hundred and five euros", "105", None, "EUR", "exact")]),
    ]);
}

#[test]
fn currency_words() {
    check(&[
        ("300 million hryvnias", &[("300 million hryvnias", "300000000", None, "UAH", "exact")]),
        ("200 billion roubles", &[("200 billion roubles", "200000000000", None, "RUB", "exact")]),
        ("10 million pounds", &[("10 million pounds", "10000000", None, "GBP", "exact")]),
        ("30 billion yuan", &[("30 billion yuan", "30000000000", None, "CNY", "exact")]),
        ("20 million Swiss francs", &[("20 million Swiss francs", "20000000", None, "CHF", "exact")]),
        ("45 billion US dollars", &[("45 billion US dollars", "45000000000", None, "USD", "exact")]),
        (
            "16,4 Millionen kanadischen Dollar",
            &[("16,4 Millionen kanadischen Dollar", "16400000", None, "CAD", "exact")],
        ),
        ("100 bucks", &[("100 bucks", "100", None, "USD", "exact")]),
    ]);
}

#[test]
fn hyphenated_adjectives() {
    check(&[
        ("a $675-million package", &[("$675-million", "675000000", None, "USD", "exact")]),
        ("an extra 50-billion-euro fund", &[("50-billion-euro", "50000000000", None, "EUR", "exact")]),
        ("a 12-cent dividend", &[("12-cent", "0.12", None, "USD", "exact")]),
    ]);
}

#[test]
fn ranges() {
    check(&[
        ("$40-50 billion", &[("$40-50 billion", "40000000000", Some("50000000000"), "USD", "range")]),
        ("€3bn-€4bn a year", &[("€3bn-€4bn", "3000000000", Some("4000000000"), "EUR", "range")]),
        ("runs at $5 to $6 billion a month", &[("$5 to $6 billion", "5000000000", Some("6000000000"), "USD", "range")]),
        (
            "costs between $5 billion and $6 billion",
            &[("$5 billion and $6 billion", "5000000000", Some("6000000000"), "USD", "range")],
        ),
        ("$174–175 billion", &[("$174–175 billion", "174000000000", Some("175000000000"), "USD", "range")]),
        ("between 10 and 20 dollars", &[("10 and 20 dollars", "10", Some("20"), "USD", "range")]),
        ("10-20 dollars", &[("10-20 dollars", "10", Some("20"), "USD", "range")]),
        // A dash range stays one even after a word of change.
        ("up from $40-50 billion", &[("$40-50 billion", "40000000000", Some("50000000000"), "USD", "range")]),
        // A change over time is two figures, not a range.
        (
            "aid rose from $5 billion to $6 billion",
            &[("$5 billion", "5000000000", None, "USD", "exact"), ("$6 billion", "6000000000", None, "USD", "exact")],
        ),
        // Two currencies are two amounts.
        (
            "between 4 dollars and 7 euros",
            &[("4 dollars", "4", None, "USD", "exact"), ("7 euros", "7", None, "EUR", "exact")],
        ),
        ("gave $5 billion to 10 countries", &[("$5 billion", "5000000000", None, "USD", "exact")]),
    ]);
}

#[test]
fn qualifiers() {
    check(&[
        ("more than $5 billion", &[("$5 billion", "5000000000", None, "USD", "more_than")]),
        ("over $5 billion", &[("$5 billion", "5000000000", None, "USD", "more_than")]),
        ("in excess of $5 billion", &[("$5 billion", "5000000000", None, "USD", "more_than")]),
        ("exceeded $30 billion", &[("$30 billion", "30000000000", None, "USD", "more_than")]),
        ("at least $1 billion", &[("$1 billion", "1000000000", None, "USD", "at_least")]),
        ("no less than €2bn", &[("€2bn", "2000000000", None, "EUR", "at_least")]),
        ("$400 billion or more", &[("$400 billion", "400000000000", None, "USD", "at_least")]),
        ("nearly $61 billion", &[("$61 billion", "61000000000", None, "USD", "approx")]),
        ("almost $4 billion", &[("$4 billion", "4000000000", None, "USD", "approx")]),
        ("some $425 million", &[("$425 million", "425000000", None, "USD", "approx")]),
        ("roughly $6 billion", &[("$6 billion", "6000000000", None, "USD", "approx")]),
        ("~$5bn", &[("$5bn", "5000000000", None, "USD", "approx")]),
        ("said \"about €25 billion\"", &[("€25 billion", "25000000000", None, "EUR", "approx")]),
        ("up to $700 million", &[("$700 million", "700000000", None, "USD", "up_to")]),
        ("as much as $2 billion", &[("$2 billion", "2000000000", None, "USD", "up_to")]),
        ("less than $1 billion", &[("$1 billion", "1000000000", None, "USD", "less_than")]),
        ("no more than 7 euros", &[("7 euros", "7", None, "EUR", "less_than")]),
        ("under $400,000 a year", &[("$400,000", "400000", None, "USD", "less_than")]),
        ("rund 14 Millionen Dollar", &[("14 Millionen Dollar", "14000000", None, "USD", "approx")]),
        ("assets estimated at $300 billion", &[("$300 billion", "300000000000", None, "USD", "approx")]),
        // A conversion in brackets is as approximate as what it converts.
        (
            "costs ran to around $5bn (£4.12bn) a month",
            &[("$5bn", "5000000000", None, "USD", "approx"), ("£4.12bn", "4120000000", None, "GBP", "approx")],
        ),
    ]);
}

#[test]
fn whitespace_inside_an_amount() {
    check(&[
        ("a further $1.25\nbillion", &[("$1.25\nbillion", "1250000000", None, "USD", "exact")]),
        ("$ 53.6 billion so far", &[("$ 53.6 billion", "53600000000", None, "USD", "exact")]),
        ("reached $46. 3 billion", &[("$46. 3 billion", "46300000000", None, "USD", "exact")]),
        // A blank line ends an amount.
        ("$5\n\nbillion", &[("$5", "5", None, "USD", "exact")]),
    ]);
}

#[test]
fn german_and_french() {
    check(&[
        ("50 Milliarden Euro für die Ukraine", &[("50 Milliarden Euro", "50000000000", None, "EUR", "exact")]),
        ("50 milliards d'euros", &[("50 milliards d'euros", "50000000000", None, "EUR", "exact")]),
        ("1,5 Mrd. € Hilfe", &[("1,5 Mrd. €", "1500000000", None, "EUR", "exact")]),
        ("Sie sagte 1,5 Mrd. Euro zu.", &[("1,5 Mrd. Euro", "1500000000", None, "EUR", "exact")]),
        // The dot after a scale word ends the sentence when no currency follows.
        ("It was EUR 1.5 bln. 2 more came.", &[("EUR 1.5 bln", "1500000000", None, "EUR", "exact")]),
        ("sieben Euro", &[("sieben Euro", "7", None, "EUR", "exact")]),
        ("achtundsiebzig Millionen Dollar", &[("achtundsiebzig Millionen Dollar", "78000000", None, "USD", "exact")]),
        ("zwei Euro fünfzig", &[("zwei Euro fünfzig", "2.5", None, "EUR", "exact")]),
        ("plus de 3 milliards de dollars", &[("3 milliards de dollars", "3000000000", None, "USD", "more_than")]),
        ("jusqu'à 3 milliards d'euros", &[("3 milliards d'euros", "3000000000", None, "EUR", "up_to")]),
        ("jusqu’à 3 milliards d'euros", &[("3 milliards d'euros", "3000000000", None, "EUR", "up_to")]),
        ("un maximum de 3 milliards d'euros", &[("3 milliards d'euros", "3000000000", None, "EUR", "up_to")]),
        ("au-dessus de 2 milliards d'euros", &[("2 milliards d'euros", "2000000000", None, "EUR", "more_than")]),
        ("sans atteindre 3 milliards d'euros", &[("3 milliards d'euros", "3000000000", None, "EUR", "less_than")]),
        ("höchstens 2 Milliarden Euro", &[("2 Milliarden Euro", "2000000000", None, "EUR", "up_to")]),
    ]);
}

#[test]
fn minor_units() {
    check(&[
        ("up 50 cents", &[("50 cents", "0.5", None, "USD", "exact")]),
        ("at 470 pence a share", &[("470 pence", "4.7", None, "GBP", "exact")]),
        ("it cost 3 dollars 50 cents.", &[("3 dollars 50 cents", "3.5", None, "USD", "exact")]),
        ("it cost $20 and 43c", &[("$20 and 43c", "20.43", None, "USD", "exact")]),
        ("a 10¢ stamp", &[("10¢", "0.1", None, "USD", "exact")]),
        // "penny" is British where the text speaks of pounds.
        (
            "Fees of £2 rose by one penny",
            &[("£2", "2", None, "GBP", "exact"), ("one penny", "0.01", None, "GBP", "exact")],
        ),
    ]);
}

#[test]
fn which_dollar() {
    check(&[
        // "$" alone is the US dollar…
        ("Ottawa sent $500 million.", &[("$500 million", "500000000", None, "USD", "exact")]),
        // …unless the text names another dollar in words.
        (
            "Figures are in Canadian dollars. Ottawa sent $500 million.",
            &[("$500 million", "500000000", None, "CAD", "exact")],
        ),
        ("In Canadian dollars or US dollars: $500 million.", &[("$500 million", "500000000", None, "USD", "exact")]),
    ]);
}

#[test]
fn elliptical_and_elided_amounts() {
    check(&[
        // The list continues the money of the amount before it.
        (
            "How will the $40 billion be split? 11 billion covers weapons.",
            &[
                ("$40 billion", "40000000000", None, "USD", "exact"),
                ("11 billion", "11000000000", None, "USD", "exact"),
            ],
        ),
        // A conversion in brackets does not set the thread's currency.
        (
            "Europe gave 23 billion euros ($26 billion). It gave 138 billion in aid.",
            &[
                ("23 billion euros", "23000000000", None, "EUR", "exact"),
                ("$26 billion", "26000000000", None, "USD", "exact"),
                ("138 billion", "138000000000", None, "EUR", "exact"),
            ],
        ),
        // A scale word left out before a conversion that has one.
        (
            "contributed €27.5 ($31.3 billion)",
            &[("€27.5", "27500000000", None, "EUR", "exact"), ("$31.3 billion", "31300000000", None, "USD", "exact")],
        ),
    ]);
}

#[test]
fn not_money() {
    check(&[
        ("In 2022 lawmakers voted 311-112 in favor.", &[]),
        ("Prices rose 5% in 2023.", &[]),
        ("1.4 billion people live there.", &[]),
        (
            "It sent $5 billion. Some 1.4 billion people live there.",
            &[("$5 billion", "5000000000", None, "USD", "exact")],
        ),
        ("billions of dollars are at stake", &[]),
        ("a couple of billion dollars", &[]),
        ("ALL 5 solutions are wrong.", &[]),
        ("the euro zone has 20 members", &[]),
        ("The Euro 2024 final was in Berlin.", &[]),
        ("He won 3 medals.", &[]),
        ("Sen. Smith said 40 people came.", &[]),
        ("not worth a penny", &[]),
        ("the $ sign", &[]),
        ("Dollars, Euros, Pounds and Yen", &[]),
        ("", &[]),
    ]);
}

#[test]
fn spans_count_code_points() {
    let text = "Für Kyjiw: €5 Mrd. — und £3bn.";
    let got = extract(text);
    assert_eq!(got.len(), 2);
    // "Mrd." keeps its dot, as German abbreviations do.
    assert_eq!((got[0].start, got[0].end), (11, 18));
    assert_eq!(got[1].surface, "£3bn");
    assert_eq!(got[1].start, text.chars().position(|c| c == '£').unwrap());
}

#[test]
fn sentences_are_kept() {
    let got = extract("The U.S. gave $5 billion. Europe gave €3 billion.");
    assert_eq!(got[0].sentence, "The U.S. gave $5 billion.");
    assert_eq!(got[1].sentence, "Europe gave €3 billion.");
}

/// Found by fuzzing: inputs that once panicked.
#[test]
fn fuzz_regressions() {
    check(&[
        // A conversion of zero made the elided-scale rule divide by zero.
        ("a €25 ($0 billion) fund", &[("€25", "25", None, "EUR", "exact"), ("$0 billion", "0", None, "USD", "exact")]),
        // Scale words that grow and grow overflowed the decimal.
        ("99999999999999999999 thousand lakh million crore billion trillion dollars", &[]),
        ("nine hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred dollars", &[("hundred dollars", "100", None, "USD", "exact")]),
    ]);
    // The crash file itself: any text must come back without a panic.
    let _ = extract("€25 billio~ ($54 billion; £4(0 billion) supp$54 billion; £43 billion");
}

/// The forms of news outside the US and outside English (issue 11), each a
/// line; the figures are written for these tests.
#[test]
fn elliptical_amounts_in_german_and_french() {
    check(&[
        (
            "Berlin gibt 2 Milliarden Euro für Kredite und 500 Millionen für Zuschüsse.",
            &[
                ("2 Milliarden Euro", "2000000000", None, "EUR", "exact"),
                ("500 Millionen", "500000000", None, "EUR", "exact"),
            ],
        ),
        (
            "Paris promet 5 millions d'euros pour Haïti, 3,5 millions pour Cuba.",
            &[
                ("5 millions d'euros", "5000000", None, "EUR", "exact"),
                ("3,5 millions", "3500000", None, "EUR", "exact"),
            ],
        ),
        (
            "Die Länder erhalten je 10 und 20 Millionen Euro.",
            &[("10", "10000000", None, "EUR", "exact"), ("20 Millionen Euro", "20000000", None, "EUR", "exact")],
        ),
        // A list with words between its figures is not read as sharing one currency.
        (
            "Damaged homes get 80,000 and collapsed ones 140,000 dirhams.",
            &[("140,000 dirhams", "140000", None, "MAD", "exact")],
        ),
        (
            "Families get 80,000 and 140,000 dirhams in Morocco.",
            &[("80,000", "80000", None, "MAD", "exact"), ("140,000 dirhams", "140000", None, "MAD", "exact")],
        ),
        (
            "Der Etat sank von 12 Milliarden im Jahr 2023 auf 11 Milliarden Euro.",
            &[
                ("12 Milliarden", "12000000000", None, "EUR", "exact"),
                ("11 Milliarden Euro", "11000000000", None, "EUR", "exact"),
            ],
        ),
        (
            "L'UE a versé 2 milliards d'euros, puis 200 millions d'aide pour l'armée.",
            &[
                ("2 milliards d'euros", "2000000000", None, "EUR", "exact"),
                ("200 millions", "200000000", None, "EUR", "exact"),
            ],
        ),
        (
            "Wien gab 10 Mio. Euro. Äthiopien bekommt fünf Mio., Uganda eine Mio.",
            &[
                ("10 Mio. Euro", "10000000", None, "EUR", "exact"),
                ("fünf Mio.", "5000000", None, "EUR", "exact"),
                ("eine Mio.", "1000000", None, "EUR", "exact"),
            ],
        ),
        // A list item whose scale word was left out takes its neighbour's.
        (
            "It combines €33 billion in loans and €17 in grants.",
            &[("€33 billion", "33000000000", None, "EUR", "exact"), ("€17", "17000000000", None, "EUR", "exact")],
        ),
    ]);
}

#[test]
fn fractions_of_a_scale_word() {
    check(&[
        ("It gave half a billion dollars.", &[("half a billion dollars", "500000000", None, "USD", "exact")]),
        ("a quarter of a billion euros", &[("a quarter of a billion euros", "250000000", None, "EUR", "exact")]),
        ("a third of a billion dollars", &[("a third of a billion dollars", "333333333.33", None, "USD", "exact")]),
        (
            "two thirds of a billion dollars",
            &[("two thirds of a billion dollars", "666666666.67", None, "USD", "exact")],
        ),
        ("one and a half billion dollars", &[("one and a half billion dollars", "1500000000", None, "USD", "exact")]),
        ("a billion and a half dollars", &[("a billion and a half dollars", "1500000000", None, "USD", "exact")]),
        ("eine halbe Milliarde Euro", &[("eine halbe Milliarde Euro", "500000000", None, "EUR", "exact")]),
        ("eine Viertelmilliarde Euro", &[("eine Viertelmilliarde Euro", "250000000", None, "EUR", "exact")]),
        ("anderthalb Milliarden Euro", &[("anderthalb Milliarden Euro", "1500000000", None, "EUR", "exact")]),
        ("zweieinhalb Millionen Franken", &[("zweieinhalb Millionen Franken", "2500000", None, "CHF", "exact")]),
        ("un demi-milliard d'euros", &[("un demi-milliard d'euros", "500000000", None, "EUR", "exact")]),
        ("un milliard et demi d'euros", &[("un milliard et demi d'euros", "1500000000", None, "EUR", "exact")]),
        ("deux millions et demi de dollars", &[("deux millions et demi de dollars", "2500000", None, "USD", "exact")]),
        ("trois milliards de dollars", &[("trois milliards de dollars", "3000000000", None, "USD", "exact")]),
        (
            "trois quarts de milliard d'euros",
            &[("trois quarts de milliard d'euros", "750000000", None, "EUR", "exact")],
        ),
        // Half of something else is no amount of its own.
        ("half of the $5 billion", &[("$5 billion", "5000000000", None, "USD", "exact")]),
    ]);
}

#[test]
fn rupees_francs_and_dollars_by_country() {
    check(&[
        ("Kerala seeks Rs 2,000 crore from New Delhi.", &[("Rs 2,000 crore", "20000000000", None, "INR", "exact")]),
        (
            "Pakistan's cabinet in Islamabad set aside Rs. 50 billion.",
            &[("Rs. 50 billion", "50000000000", None, "PKR", "exact")],
        ),
        (
            "Sri Lanka will spend 3 billion rupees, Colombo said.",
            &[("3 billion rupees", "3000000000", None, "LKR", "exact")],
        ),
        (
            "Nepal got 1 billion rupees; Kathmandu thanked Nepalese donors.",
            &[("1 billion rupees", "1000000000", None, "NPR", "exact")],
        ),
        ("A loan of 5 billion rupees.", &[("5 billion rupees", "5000000000", None, "INR", "exact")]),
        ("Le Sénégal reçoit 166 milliards FCFA.", &[("166 milliards FCFA", "166000000000", None, "XOF", "exact")]),
        (
            "Le Cameroun obtient 72 milliards de francs CFA.",
            &[("72 milliards de francs CFA", "72000000000", None, "XAF", "exact")],
        ),
        ("Yaoundé: 44 milliards F CFA décaissés.", &[("44 milliards F CFA", "44000000000", None, "XAF", "exact")]),
        ("Dakar a reçu 10 milliards de Cfa.", &[("10 milliards de Cfa", "10000000000", None, "XOF", "exact")]),
        ("La Suisse donne 20 millions de francs.", &[("20 millions de francs", "20000000", None, "CHF", "exact")]),
        ("Der Bund gibt 140 Millionen Franken.", &[("140 Millionen Franken", "140000000", None, "CHF", "exact")]),
        (
            "Australia announced $2 million. The Australian embassy said more would follow.",
            &[("$2 million", "2000000", None, "AUD", "exact")],
        ),
        // One mention of another country does not move the dollar.
        ("Canada hosted the talks; $5 billion was pledged.", &[("$5 billion", "5000000000", None, "USD", "exact")]),
        (
            "The House passed $95 billion for Ukraine, Israel and Taiwan; Taiwan gets $8 billion.",
            &[("$95 billion", "95000000000", None, "USD", "exact"), ("$8 billion", "8000000000", None, "USD", "exact")],
        ),
    ]);
}

#[test]
fn french_and_german_number_forms() {
    check(&[
        ("un don de 2 500 euros", &[("2 500 euros", "2500", None, "EUR", "exact")]),
        ("750 000 dollars", &[("750 000 dollars", "750000", None, "USD", "exact")]),
        ("750\u{a0}000 dollars", &[("750\u{a0}000 dollars", "750000", None, "USD", "exact")]),
        ("1\u{202f}200\u{a0}000 euros", &[("1\u{202f}200\u{a0}000 euros", "1200000", None, "EUR", "exact")]),
        ("500’000 francs", &[("500’000 francs", "500000", None, "CHF", "exact")]),
        ("1'250'000 Franken", &[("1'250'000 Franken", "1250000", None, "CHF", "exact")]),
        ("5 millions d'euros", &[("5 millions d'euros", "5000000", None, "EUR", "exact")]),
        ("5 millions d’euros", &[("5 millions d’euros", "5000000", None, "EUR", "exact")]),
        ("300 millions de dollars", &[("300 millions de dollars", "300000000", None, "USD", "exact")]),
        ("279,31 millions d'USD", &[("279,31 millions d'USD", "279310000", None, "USD", "exact")]),
        ("1,526 milliard de dollars", &[("1,526 milliard de dollars", "1526000000", None, "USD", "exact")]),
        ("(5 Mio.)", &[]),
        ("Es kostet 5 Mio. Euro.", &[("5 Mio. Euro", "5000000", None, "EUR", "exact")]),
        ("1,5 Mrd.€ für Kyjiw", &[("1,5 Mrd.€", "1500000000", None, "EUR", "exact")]),
        ("300 weitere Millionen Euro", &[("300 weitere Millionen Euro", "300000000", None, "EUR", "exact")]),
        (
            "Berlin gab 2 Milliarden Euro und dann 50 zusätzliche Milliarden.",
            &[
                ("2 Milliarden Euro", "2000000000", None, "EUR", "exact"),
                ("50 zusätzliche Milliarden", "50000000000", None, "EUR", "exact"),
            ],
        ),
    ]);
}

#[test]
fn ranges_and_changes_in_continental_notation() {
    check(&[
        ("Hilfen zwischen 2.000 und 50.000 Euro", &[("2.000 und 50.000 Euro", "2000", Some("50000"), "EUR", "range")]),
        (
            "de 2 à 3 milliards d'euros",
            &[("2 à 3 milliards d'euros", "2000000000", Some("3000000000"), "EUR", "range")],
        ),
        ("2 bis 3 Mrd. Euro", &[("2 bis 3 Mrd. Euro", "2000000000", Some("3000000000"), "EUR", "range")]),
        ("von 2 bis 3 Millionen Franken", &[("2 bis 3 Millionen Franken", "2000000", Some("3000000"), "CHF", "range")]),
        (
            "It raised its pledge from 2 million to 20 million pounds.",
            &[("2 million", "2000000", None, "GBP", "exact"), ("20 million pounds", "20000000", None, "GBP", "exact")],
        ),
        (
            "Tokyo would increase its already announced support from 100 million dollars to 300 million dollars.",
            &[
                ("100 million dollars", "100000000", None, "USD", "exact"),
                ("300 million dollars", "300000000", None, "USD", "exact"),
            ],
        ),
        (
            // A change is two figures, the first in the second's scale and money.
            "L'aide est passée de 2 à 3 milliards d'euros.",
            &[("2", "2000000000", None, "EUR", "exact"), ("3 milliards d'euros", "3000000000", None, "EUR", "exact")],
        ),
    ]);
}

#[test]
fn currency_names_with_a_country_word() {
    check(&[
        ("20 million Australian dollars", &[("20 million Australian dollars", "20000000", None, "AUD", "exact")]),
        ("20 million Canada dollars", &[("20 million Canada dollars", "20000000", None, "CAD", "exact")]),
        ("5 billion Hong Kong dollars", &[("5 billion Hong Kong dollars", "5000000000", None, "HKD", "exact")]),
        ("10 billion New Taiwan dollars", &[("10 billion New Taiwan dollars", "10000000000", None, "TWD", "exact")]),
        ("3 million Swiss francs", &[("3 million Swiss francs", "3000000", None, "CHF", "exact")]),
        ("500 million Danish kroner", &[("500 million Danish kroner", "500000000", None, "DKK", "exact")]),
        ("2 billion yuan", &[("2 billion yuan", "2000000000", None, "CNY", "exact")]),
        ("2 billion renminbi", &[("2 billion renminbi", "2000000000", None, "CNY", "exact")]),
        ("5 Milliarden Franken", &[("5 Milliarden Franken", "5000000000", None, "CHF", "exact")]),
        ("Norwegen gibt 100 Millionen Kronen.", &[("100 Millionen Kronen", "100000000", None, "NOK", "exact")]),
        ("50 Millionen schwedische Kronen", &[("50 Millionen schwedische Kronen", "50000000", None, "SEK", "exact")]),
        ("5,5 Milliarden US–Dollar", &[("5,5 Milliarden US–Dollar", "5500000000", None, "USD", "exact")]),
        ("12 millions de dollars canadiens", &[("12 millions de dollars canadiens", "12000000", None, "CAD", "exact")]),
        ("210 millions de DTS", &[("210 millions de DTS", "210000000", None, "XDR", "exact")]),
        ("SDR 760 million", &[("SDR 760 million", "760000000", None, "XDR", "exact")]),
    ]);
}

#[test]
fn not_money_in_any_language() {
    check(&[
        ("Im Jahr 2024 stieg die Zahl.", &[]),
        ("Die Inflation lag bei 3,5 %.", &[]),
        ("L'inflation atteint 3,5 % en 2024.", &[]),
        ("Der Bundestag stimmte mit 311 zu 112 Stimmen.", &[]),
        ("200 bis 250 Teams nehmen teil.", &[]),
        ("Es starben 1.200 Menschen, 339 Mio. Menschen hungern.", &[]),
        ("Plus de 2 millions de personnes ont fui.", &[]),
        ("a population of 44.1 million", &[]),
        ("The quake killed 2,900 people and injured 5 000 more.", &[]),
        ("Le séisme a fait 2 900 morts et 5 600 blessés.", &[]),
        ("Le texte est adopté par 311 voix contre 112, via l'article 49.3.", &[]),
        ("The House voted 311-112; Section 5 and 10 apply from 2024.", &[]),
        ("Die Quote stieg von 3,5 auf 4 Prozent.", &[]),
        ("Le taux passe de 2 à 3 %.", &[]),
        ("Artikel 5 und 10 gelten.", &[]),
        ("at COP29 in Baku", &[]),
        ("Progress on SDG 17 and SDG4 stalled.", &[]),
        ("Clause 3 and 4 apply.", &[]),
        ("Sent $5 billion. A population of 44 million in 2020.", &[("$5 billion", "5000000000", None, "USD", "exact")]),
        ("Gave €2 billion. 339 Mio. Menschen hungern.", &[("€2 billion", "2000000000", None, "EUR", "exact")]),
        (
            "Il a donné 5 millions d'euros. 2 millions de personnes ont fui.",
            &[("5 millions d'euros", "5000000", None, "EUR", "exact")],
        ),
    ]);
}

#[test]
fn changes_and_clause_ends_in_german_and_french() {
    check(&[
        (
            "Österreich stockt den Fonds von 55 auf 80 Millionen Euro auf.",
            &[("55", "55000000", None, "EUR", "exact"), ("80 Millionen Euro", "80000000", None, "EUR", "exact")],
        ),
        (
            "Die EU gibt 3,5 Mrd. Euro. Für den Wiederaufbau stehen zusätzlich 400 Mio. bereit.",
            &[("3,5 Mrd. Euro", "3500000000", None, "EUR", "exact"), ("400 Mio.", "400000000", None, "EUR", "exact")],
        ),
        (
            "Le Sénégal a mobilisé 2 500 milliards de FCFA.",
            &[("2 500 milliards de FCFA", "2500000000000", None, "XOF", "exact")],
        ),
        ("Environ 1 800 000 personnes sont concernées.", &[]),
        ("Japan offers a yen loan of 100 billion yen.", &[("100 billion yen", "100000000000", None, "JPY", "exact")]),
        ("It costs a dollar a day.", &[("a dollar", "1", None, "USD", "exact")]),
    ]);
}
